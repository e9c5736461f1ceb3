import { diagnostic, type Diagnostic, type Position } from "../../types/index.js";
import { factOf, type Declarations } from "./declarations.js";
import { DEFAULT_MAX_INHERITANCE_DEPTH, enforceShape } from "../bases.js";
import { resolveLink, type Resolved, type Resolver } from "./resolve.js";
import { compareStrings } from "../../order.js";

/**
 * Resolves every type's base type (keyed by lower-cased fqn), from the annotation's `baseType` or, failing that,
 * the "Inherits from" prose; where both resolve and disagree, the annotation wins and the drift is reported. An
 * unresolvable base degrades to no base with a warning; a cycle (including a type that is its own base) is an
 * error, broken by dropping the base of the first type of the cycle in name order, so every run is the same; a chain
 * deeper than `maxDepth` is cut (bases.ts).
 */
export function resolveBaseTypes(declarations: Declarations, resolve: Resolver, maxDepth = DEFAULT_MAX_INHERITANCE_DEPTH): { bases: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, string>();
  const where = new Map<string, Position>();
  const sorted = [...declarations.types.entries()].sort(([a], [b]) => compareStrings(a, b));
  for (const [key, declaration] of sorted) {
    // A type on several pages: the base a page states wins over a page that states none (factOf).
    const annotation = factOf(declaration, (page) => (page.annotation?.baseType ? page.annotation : undefined));
    const inheritsFrom = factOf(declaration, (page) => page.inheritsFrom);
    const stated = [declaration.page, ...declaration.also].filter((page) => page.annotation?.baseType);
    const other = stated.find((page) => page.annotation!.baseType!.toLowerCase() !== annotation?.baseType?.toLowerCase());
    if (annotation && other) {
      diagnostics.push(diagnostic("base-type-drift", `the pages of ${declaration.fqn} disagree on its base type: ${annotation.baseType} here, ${other.annotation!.baseType} on ${other.file}; using ${annotation.baseType}`, annotation.at, [{ message: "the other page's annotation", at: other.annotation!.at }]));
    }
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
  const order = sorted.map(([key]) => key);
  enforceShape(order, bases, maxDepth, { name: (key) => declarations.types.get(key)!.fqn, at: (key) => where.get(key) }, diagnostics);
  return { bases, diagnostics };
}
