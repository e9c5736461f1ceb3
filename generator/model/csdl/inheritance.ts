import { diagnostic, type CsdlStructuredType, type Diagnostic } from "../../types/index.js";
import { DEFAULT_MAX_INHERITANCE_DEPTH, enforceShape } from "../bases.js";
import type { Names } from "./names.js";
import type { Declared, Registry } from "./registry.js";
import { compareStrings } from "../../order.js";

/**
 * Resolves every structured type's `BaseType` (fqn -> base fqn). A base that names nothing, names an enum or type
 * definition, or crosses kinds (an entity type must derive from an entity type, a complex type from a complex one)
 * is dropped with a GT1002. A cycle (a type that is its own base included) is a GT1003, broken as the Markdown side
 * does: by dropping the base of the cycle's first type in name order, so every run gives the same model; a chain
 * deeper than `maxDepth` is cut (bases.ts), with a GT1014.
 */
export function resolveCsdlBases(registry: Registry, names: Names, maxDepth = DEFAULT_MAX_INHERITANCE_DEPTH): { bases: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, string>();
  const structured: Declared<CsdlStructuredType>[] = [];
  for (const entry of registry.types.values()) if (entry.kind === "structured") structured.push(entry);
  structured.sort((a, b) => compareStrings(a.fqn, b.fqn));

  for (const type of structured) {
    const written = type.element.baseType;
    if (written === undefined) continue;
    const fqn = names.qualify(written, type.scope);
    const base = registry.types.get(fqn);
    let why: string | undefined;
    if (!base) why = `no schema defines ${fqn}`;
    else if (base.kind === "enum") why = `${fqn} is an enum`;
    else if (base.kind === "typeDefinition") why = `${fqn} is a type definition`;
    else if (base.element.kind !== type.element.kind) why = `${type.fqn} is ${kindName(type.element.kind)} but ${fqn} is ${kindName(base.element.kind)}`;
    if (why) {
      diagnostics.push(diagnostic("unresolved-base-type", `base type "${written}" of ${type.fqn} cannot be resolved (${why}); the type is emitted without a base`, type.element.at));
      continue;
    }
    bases.set(type.fqn, fqn);
  }

  const order = structured.map((type) => type.fqn);
  enforceShape(order, bases, maxDepth, { name: (fqn) => fqn, at: (fqn) => registry.types.get(fqn)!.element.at }, diagnostics);
  return { bases, diagnostics };
}

function kindName(kind: CsdlStructuredType["kind"]): string {
  return kind === "entity" ? "an entity type" : "a complex type";
}
