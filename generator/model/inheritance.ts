import { diagnostic, type Diagnostic, type Position } from "../types/index.js";
import type { Declarations, TypeDeclaration } from "./declarations.js";
import type { createResolver } from "./resolve.js";

export type Resolver = ReturnType<typeof createResolver>;

/** What a page says its base type is: the annotation's `baseType`, else the "Inherits from" prose. */
function writtenBase(declaration: TypeDeclaration): { name: string; target?: string; at: Position } | undefined {
  const { annotation, inheritsFrom } = declaration.page;
  if (annotation?.baseType) return { name: annotation.baseType, at: annotation.at };
  if (inheritsFrom) return inheritsFrom;
  return undefined;
}

/**
 * Resolves every type's base type (keyed by lower-cased fqn). An unresolvable base degrades to no base with a
 * warning; a cycle (including a type that is its own base) is an error, broken by dropping the base of the first
 * type of the cycle in name order, so the output is the same on every run.
 */
export function resolveBaseTypes(declarations: Declarations, resolve: Resolver): { bases: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, string>();
  const where = new Map<string, Position>();
  const sorted = [...declarations.types.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, declaration] of sorted) {
    const base = writtenBase(declaration);
    if (!base) continue;
    const resolved = resolve(base.name, { namespace: declaration.namespace, ...(base.target ? { target: base.target } : {}) });
    if (!resolved || resolved.kind !== "type") {
      const why = resolved ? `${resolved.fqn} is an enum` : "no page defines it";
      diagnostics.push(diagnostic("unresolved-base-type", `base type "${base.name}" of ${declaration.fqn} cannot be resolved (${why}); emitted without a base`, base.at));
      continue;
    }
    bases.set(key, resolved.fqn.toLowerCase());
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
