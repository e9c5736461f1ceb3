import { diagnostic, type Diagnostic, type Position } from "../types/index.js";
import type { Declarations } from "./declarations.js";
import { resolveLink, type Resolved, type Resolver } from "./resolve.js";

/**
 * Resolves every type's base type (keyed by lower-cased fqn), from the annotation's `baseType` or, failing that,
 * the "Inherits from" prose; where both resolve and disagree, the annotation wins and the drift is reported. An
 * unresolvable base degrades to no base with a warning; a cycle (including a type that is its own base) is an
 * error, broken by dropping the base of the first type of the cycle in name order, so every run is the same.
 */
export function resolveBaseTypes(declarations: Declarations, resolve: Resolver): { bases: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, string>();
  const where = new Map<string, Position>();
  const sorted = [...declarations.types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, declaration] of sorted) {
    const { annotation, inheritsFrom } = declaration.page;
    const unresolved = (name: string, at: Position, found: Resolved | undefined): void => {
      const why = found ? `${found.fqn} is an enum` : "no page defines it";
      diagnostics.push(diagnostic("unresolved-base-type", `base type "${name}" of ${declaration.fqn} cannot be resolved (${why})`, at));
    };
    let annotated: Resolved | undefined;
    if (annotation?.baseType) {
      annotated = resolve.byName(annotation.baseType, declaration.namespace);
      if (annotated?.kind !== "type") unresolved(annotation.baseType, annotation.at, annotated);
    }
    let prose: Resolved | undefined;
    if (inheritsFrom) {
      prose = resolveLink(resolve, inheritsFrom, declaration.namespace, diagnostics);
      if (prose?.kind !== "type" && annotated?.kind !== "type") unresolved(inheritsFrom.name, inheritsFrom.at, prose);
    }
    if (annotated?.kind === "type" && prose?.kind === "type" && annotated.fqn !== prose.fqn) {
      diagnostics.push(diagnostic("base-type-drift", `the annotation says ${declaration.fqn} derives from ${annotated.fqn}, the prose from ${prose.fqn}; using the annotation's`, annotation!.at, [{ message: '"Inherits from" prose', at: inheritsFrom!.at }]));
    }
    const base = annotated?.kind === "type" ? { fqn: annotated.fqn, at: annotation!.at } : prose?.kind === "type" ? { fqn: prose.fqn, at: inheritsFrom!.at } : undefined;
    if (!base) continue;
    bases.set(key, base.fqn.toLowerCase());
    where.set(key, base.at);
  }
  for (const [key, declaration] of sorted) {
    const chain = [key];
    for (let next = bases.get(key); next !== undefined; next = bases.get(next)) {
      if (next === key) {
        const names = [...chain, key].map((k) => declarations.types.get(k)!.fqn).join(" -> ");
        diagnostics.push(diagnostic("inheritance-cycle", `inheritance cycle ${names}; the base of ${declaration.fqn} is dropped`, where.get(key)));
        bases.delete(key);
        break;
      }
      if (chain.includes(next)) break; // a cycle further up: reported when its own first member is visited
      chain.push(next);
    }
  }
  return { bases, diagnostics };
}

/** The chain of base types above a type, nearest first (keys, lower-cased fqn). Cycles are already broken. */
export function ancestors(bases: ReadonlyMap<string, string>, key: string): string[] {
  const chain: string[] = [];
  for (let next = bases.get(key); next !== undefined && !chain.includes(next); next = bases.get(next)) chain.push(next);
  return chain;
}
