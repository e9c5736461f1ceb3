import type { EnumType, Model, Property, StructuredType, TypeDefinition } from "../../types/index.js";

/**
 * One model's declarations by lower-cased fully qualified name (the docs sometimes spell a name in another case
 * than the metadata; Graph names never differ only in case by design), with the inheritance queries the merge
 * needs. When two declarations of a model differ only in case, the first in model order answers.
 */
export interface ModelIndex {
  types: Map<string, StructuredType>;
  enums: Map<string, EnumType>;
  typeDefinitions: Map<string, TypeDefinition>;
  /** Lower-cased names of the namespaces that declare at least one type or enum. */
  namespaces: Set<string>;
  /** The base types above a type, nearest first; an unknown base ends the chain, a cycle is cut. */
  ancestors(type: StructuredType): StructuredType[];
  /** The property of that name on the type or, failing that, on its nearest base type that declares it. */
  property(type: StructuredType, name: string): { property: Property; owner: StructuredType } | undefined;
}

export const lower = (name: string): string => name.toLowerCase();

export function indexModel(model: Model): ModelIndex {
  const types = new Map<string, StructuredType>();
  const enums = new Map<string, EnumType>();
  const typeDefinitions = new Map<string, TypeDefinition>();
  const namespaces = new Set<string>();
  const first = <T>(map: Map<string, T>, fqn: string, value: T): void => {
    if (!map.has(lower(fqn))) map.set(lower(fqn), value);
  };
  for (const namespace of model.namespaces) {
    for (const type of namespace.types) first(types, type.fqn, type);
    for (const enumType of namespace.enums) first(enums, enumType.fqn, enumType);
    for (const definition of namespace.typeDefinitions) first(typeDefinitions, definition.fqn, definition);
    if (namespace.types.length || namespace.enums.length) namespaces.add(lower(namespace.name));
  }
  const ancestors = (type: StructuredType): StructuredType[] => {
    const chain: StructuredType[] = [];
    const seen = new Set([lower(type.fqn)]);
    for (let base = type.baseType; base !== undefined && !seen.has(lower(base)); ) {
      const next = types.get(lower(base));
      if (!next) break;
      seen.add(lower(base));
      chain.push(next);
      base = next.baseType;
    }
    return chain;
  };
  return {
    types,
    enums,
    typeDefinitions,
    namespaces,
    ancestors,
    property: (type, name) => {
      for (const owner of [type, ...ancestors(type)]) {
        const property = owner.properties.find((p) => p.name === name);
        if (property) return { property, owner };
      }
      return undefined;
    },
  };
}

/**
 * Whether a documented property's type says what the metadata's does: the same collection flag and the same
 * primitive or named type (names without case). A type the docs could not resolve says nothing, and a metadata
 * type definition agrees with the primitive underneath it (the docs have no other way to write it).
 */
/** Primitives that all generate `unknown` with no format: docs and metadata naming two of them do not disagree. */
const OPAQUE: ReadonlySet<string> = new Set(["Json", "Untyped", "Stream"]);

export function sameTypeUse(docs: Property, metadata: Property, index: ModelIndex): boolean {
  if (docs.type.kind === "unknown" || metadata.type.kind === "unknown") return true;
  if (docs.collection !== metadata.collection) return false;
  if (docs.type.kind === "primitive" && metadata.type.kind === "primitive") return docs.type.edm === metadata.type.edm || (OPAQUE.has(docs.type.edm) && OPAQUE.has(metadata.type.edm));
  if (docs.type.kind === "named" && metadata.type.kind === "named") return lower(docs.type.fqn) === lower(metadata.type.fqn);
  if (docs.type.kind === "primitive" && metadata.type.kind === "named") return index.typeDefinitions.get(lower(metadata.type.fqn))?.underlying === docs.type.edm;
  return false;
}
