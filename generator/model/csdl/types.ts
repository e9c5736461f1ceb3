import {
  diagnostic,
  type CsdlEnumType,
  type CsdlNavigationProperty,
  type CsdlProperty,
  type CsdlStructuredType,
  type CsdlTypeDefinition,
  type EnumMember,
  type EnumType,
  type Property,
  type StructuredType,
  type TypeDefinition,
} from "../../types/index.js";
import { deprecationOf, descriptionOf } from "./annotations.js";
import { nullability } from "../type-use.js";
import { edmPrimitive } from "./names.js";
import { comparePositions, resolveTypeUse, type BuildContext, type Declared } from "./registry.js";

/** `{ description }` / `{ deprecation }` only when there is one, so absent fields stay absent in the model. */
export function documented(description: string | undefined, deprecation: string | undefined): { description?: string; deprecation?: string } {
  return { ...(description ? { description } : {}), ...(deprecation ? { deprecation } : {}) };
}

/** An EntityType or ComplexType with the properties it declares; `baseType` comes resolved (cycles broken). */
export function buildStructuredType(type: Declared<CsdlStructuredType>, baseType: string | undefined, context: BuildContext): StructuredType {
  const { element } = type;
  const annotations = context.annotations.of(type.fqn, element.annotations);
  return {
    kind: element.kind,
    name: type.name,
    namespace: type.namespace,
    fqn: type.fqn,
    ...(baseType ? { baseType } : {}),
    abstract: element.abstract,
    openType: element.openType,
    ...documented(descriptionOf(annotations), undefined),
    properties: buildProperties(type, context),
    ...(element.key ? { key: [...element.key] } : {}),
    ...(element.hasStream ? { hasStream: true } : {}),
    ...documented(undefined, deprecationOf(annotations)),
    at: element.at,
  };
}

/**
 * Properties and navigation properties in document order (CSDL allows them interleaved). CSDL's default is
 * nullable, except for a key property. On a collection `Nullable` is recorded as `collectionNullable` (`T[] | null`):
 * its items are never null, but the collection itself is sent as null where the metadata does not forbid it.
 * A name declared twice keeps the first declaration.
 */
function buildProperties(type: Declared<CsdlStructuredType>, context: BuildContext): Property[] {
  const { element } = type;
  const declared: Array<{ source: CsdlProperty | CsdlNavigationProperty; navigation: boolean }> = [
    ...element.properties.map((source) => ({ source, navigation: false })),
    ...element.navigationProperties.map((source) => ({ source, navigation: true })),
  ].sort((a, b) => comparePositions(a.source.at, b.source.at));
  const properties: Property[] = [];
  for (const { source, navigation } of declared) {
    const previous = properties.find((p) => p.name === source.name);
    if (previous) {
      context.diagnostics.push(diagnostic("duplicate-property", `${type.fqn}/${source.name} is declared twice; the first declaration is used`, source.at, [{ message: "first declared here", at: previous.at }]));
      continue;
    }
    const { type: use, collection } = resolveTypeUse(context, source.type, type.scope, source.at, `${type.fqn}/${source.name}`);
    const annotations = context.annotations.of(`${type.fqn}/${source.name}`, source.annotations);
    const deprecation = deprecationOf(annotations);
    const isKey = element.key?.includes(source.name) ?? false;
    properties.push({
      name: source.name,
      type: use,
      collection,
      ...nullability(collection, isKey, source.nullable),
      ...documented(descriptionOf(annotations), undefined),
      deprecated: deprecation !== undefined,
      navigation,
      ...("containsTarget" in source && source.containsTarget ? { containsTarget: true } : {}),
      ...documented(undefined, deprecation),
      at: source.at,
    });
  }
  return properties;
}

/**
 * An EnumType. Without any written value CSDL numbers the members from 0; a flags enum must write every value
 * (the combination is the point), and so must any enum once one member does: a missing value there stays
 * undefined with a GT2105 rather than a number the service never defined.
 */
export function buildEnumType(enumType: Declared<CsdlEnumType>, context: BuildContext): EnumType {
  const { element } = enumType;
  const numbered = !element.isFlags && element.members.every((member) => member.value === undefined);
  const members: EnumMember[] = [];
  for (const [index, member] of element.members.entries()) {
    if (members.some((m) => m.name === member.name)) {
      context.diagnostics.push(diagnostic("duplicate-enum-member", `enum ${enumType.fqn} declares member "${member.name}" twice; the first is used`, member.at));
      continue;
    }
    const value = numbered ? index : member.value;
    if (value === undefined) {
      const why = element.isFlags ? "a flags enum must give every member a value" : "other members of the enum have values";
      context.diagnostics.push(diagnostic("csdl-invalid-value", `member "${member.name}" of enum ${enumType.fqn} has no value (${why}); its value is left undefined`, member.at));
    }
    const annotations = context.annotations.of(`${enumType.fqn}/${member.name}`, member.annotations);
    members.push({
      name: member.name,
      ...(value === undefined ? {} : { value }),
      ...documented(descriptionOf(annotations), deprecationOf(annotations)),
    });
  }
  if (!members.length) context.diagnostics.push(diagnostic("empty-enum", `enum ${enumType.fqn} has no members; emitted as string`, element.at));
  const annotations = context.annotations.of(enumType.fqn, element.annotations);
  return {
    name: enumType.name,
    namespace: enumType.namespace,
    fqn: enumType.fqn,
    members,
    flags: element.isFlags,
    ...documented(descriptionOf(annotations), deprecationOf(annotations)),
    at: element.at,
  };
}

/** A TypeDefinition: a named EDM primitive. Anything else underneath is reported and read as a string. */
export function buildTypeDefinition(definition: Declared<CsdlTypeDefinition>, context: BuildContext): TypeDefinition {
  const { element } = definition;
  let underlying = edmPrimitive(element.underlyingType.trim());
  if (!underlying) {
    context.diagnostics.push(diagnostic("unresolved-type", `underlying type "${element.underlyingType}" of type definition ${definition.fqn} is not an EDM primitive type; String is used`, element.at));
    underlying = "String";
  }
  const description = descriptionOf(context.annotations.of(definition.fqn, element.annotations));
  return {
    name: definition.name,
    namespace: definition.namespace,
    fqn: definition.fqn,
    underlying,
    ...(description ? { description } : {}),
    at: element.at,
  };
}
