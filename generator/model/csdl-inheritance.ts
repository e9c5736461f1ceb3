import { diagnostic, type CsdlStructuredType, type Diagnostic } from "../types/index.js";
import type { Names } from "./csdl-names.js";
import type { Declared, Registry } from "./csdl-registry.js";

/**
 * Resolves every structured type's `BaseType` (fqn -> base fqn). A base that names nothing, names an enum or type
 * definition, or crosses kinds (an entity type must derive from an entity type, a complex type from a complex one)
 * is dropped with a GT1002. A cycle (a type that is its own base included) is a GT1003, broken as the Markdown side
 * does: by dropping the base of the cycle's first type in name order, so every run gives the same model.
 */
export function resolveCsdlBases(registry: Registry, names: Names): { bases: Map<string, string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bases = new Map<string, string>();
  const structured: Declared<CsdlStructuredType>[] = [];
  for (const entry of registry.types.values()) if (entry.kind === "structured") structured.push(entry);
  structured.sort((a, b) => (a.fqn < b.fqn ? -1 : a.fqn > b.fqn ? 1 : 0));

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

  for (const type of structured) {
    const chain = [type.fqn];
    for (let next = bases.get(type.fqn); next !== undefined; next = bases.get(next)) {
      if (next === type.fqn) {
        diagnostics.push(diagnostic("inheritance-cycle", `inheritance cycle ${[...chain, type.fqn].join(" -> ")}; the base of ${type.fqn} is dropped`, type.element.at));
        bases.delete(type.fqn);
        break;
      }
      if (chain.includes(next)) break; // a cycle further up: reported when its own first member is visited
      chain.push(next);
    }
  }
  return { bases, diagnostics };
}

function kindName(kind: CsdlStructuredType["kind"]): string {
  return kind === "entity" ? "an entity type" : "a complex type";
}
