import type { Diagnostic, EnumType, Model, Property, StructuredType } from "../../types/index.js";
import { DriftCollector, enumDrift, missingFromDocs, missingFromMetadata, typeDrift, type DriftSides } from "./drift.js";
import { indexModel, lower, type ModelIndex } from "./model-index.js";

/**
 * Merges the model built from the metadata (CSDL) with the one built from the docs, and reports where they
 * disagree, in one pass. Pure: neither input is changed.
 *
 * The metadata is authoritative for structure: its namespaces, types, properties, base types, abstract and open
 * flags, enums and members, type definitions, operations and containers are the result, with their positions.
 * The docs add what the metadata lacks: descriptions (of types, properties, enums and enum members) where the
 * metadata has none, and narrowing: a documented property that narrows an inherited enum property to a subset of
 * its members becomes a redeclared property of the merged type, when the metadata's type inherits that property
 * typed as that enum. Types match by fully qualified name without case; the metadata's spelling wins.
 *
 * Drift diagnostics (GT31xx) come back sorted by code, then by type, then in the order found.
 */
export function mergeModels(metadata: Model, docs: Model): { model: Model; diagnostics: Diagnostic[] } {
  const sides: DriftSides = { metadata: indexModel(metadata), docs: indexModel(docs), drift: new DriftCollector() };
  const model: Model = structuredClone(metadata);

  // The clone has the metadata's shape, so each original element (what drift reads) pairs with its merged copy.
  for (const [n, namespace] of metadata.namespaces.entries()) {
    const merged = model.namespaces[n];
    for (const [t, type] of namespace.types.entries()) {
      const documented = sides.docs.types.get(lower(type.fqn));
      if (!documented) {
        missingFromDocs(type, "type", sides);
        continue;
      }
      typeDrift(type, documented, sides);
      fillType(merged.types[t], documented, sides.docs);
      merged.types[t].properties.push(...narrowings(type, documented, sides.metadata));
    }
    for (const [e, enumType] of namespace.enums.entries()) {
      const documented = sides.docs.enums.get(lower(enumType.fqn));
      if (!documented) {
        missingFromDocs(enumType, "enum", sides);
        continue;
      }
      enumDrift(enumType, documented, sides.drift);
      fillEnum(merged.enums[e], documented);
    }
  }
  for (const namespace of docs.namespaces) {
    for (const type of namespace.types) if (!sides.metadata.types.has(lower(type.fqn))) missingFromMetadata(type, "type", sides);
    for (const enumType of namespace.enums) if (!sides.metadata.enums.has(lower(enumType.fqn))) missingFromMetadata(enumType, "enum", sides);
  }
  return { model, diagnostics: sides.drift.sorted() };
}

/**
 * Descriptions the metadata lacks, from the docs: the type's own, and each property's from the same property of
 * the documented type or, where the docs list it on a base type instead, of the nearest documented base.
 */
function fillType(type: StructuredType, documented: StructuredType, docs: ModelIndex): void {
  if (!type.description && documented.description) type.description = documented.description;
  for (const property of type.properties) {
    if (property.description) continue;
    const description = docs.property(documented, property.name)?.property.description;
    if (description) property.description = description;
  }
}

function fillEnum(enumType: EnumType, documented: EnumType): void {
  if (!enumType.description && documented.description) enumType.description = documented.description;
  for (const member of enumType.members) {
    if (member.description) continue;
    const description = documented.members.find((m) => m.name === member.name)?.description;
    if (description) member.description = description;
  }
}

/**
 * The docs' enum narrowings that hold in the metadata: the documented type redeclares a property with
 * `narrowedTo`, and the metadata's type inherits that property (from a base, not declaring it itself) typed as
 * the same enum. The redeclaration copies the metadata's base property, keeps only members the metadata's enum
 * has, takes the docs' description when there is one, and is placed where the docs narrow it.
 */
function narrowings(type: StructuredType, documented: StructuredType, metadata: ModelIndex): Property[] {
  const redeclared: Property[] = [];
  for (const narrowing of documented.properties) {
    if (!narrowing.narrowedTo?.length || narrowing.type.kind !== "named") continue;
    if (type.properties.some((p) => p.name === narrowing.name) || redeclared.some((p) => p.name === narrowing.name)) continue;
    const inherited = metadata.ancestors(type).flatMap((base) => base.properties.filter((p) => p.name === narrowing.name))[0];
    if (!inherited || inherited.type.kind !== "named" || lower(inherited.type.fqn) !== lower(narrowing.type.fqn)) continue;
    const enumType = metadata.enums.get(lower(inherited.type.fqn));
    if (!enumType) continue;
    const members = [...new Set(narrowing.narrowedTo)].filter((name) => enumType.members.some((m) => m.name === name));
    if (!members.length) continue;
    const { description: _baseDescription, ...base } = structuredClone(inherited);
    const description = narrowing.description ?? inherited.description;
    redeclared.push({ ...base, ...(description ? { description } : {}), narrowedTo: members, at: narrowing.at });
  }
  return redeclared;
}
