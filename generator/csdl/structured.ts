import type {
  CsdlEnumMember,
  CsdlEnumType,
  CsdlNavigationProperty,
  CsdlProperty,
  CsdlStructuredType,
  CsdlTypeDefinition,
} from "../types/index.js";
import { readAnnotations } from "./annotations.js";
import {
  attribute,
  booleanAttribute,
  childrenNamed,
  integerAttribute,
  optional,
  optionalBoolean,
  requiredAttributes,
  type ReadContext,
} from "./attributes.js";
import type { XmlElement } from "./tree.js";

/** `<EntityType>` or `<ComplexType>`: the same shape; only entity types may have a Key. */
export function readStructuredType(
  context: ReadContext,
  element: XmlElement,
  kind: CsdlStructuredType["kind"],
): CsdlStructuredType | undefined {
  const required = requiredAttributes(context, element, ["Name"]);
  if (!required) return undefined;
  const properties: CsdlProperty[] = [];
  for (const child of childrenNamed(element, "Property")) {
    const property = readProperty(context, child);
    if (property) properties.push(property);
  }
  const navigationProperties: CsdlNavigationProperty[] = [];
  for (const child of childrenNamed(element, "NavigationProperty")) {
    const navigation = readNavigationProperty(context, child);
    if (navigation) navigationProperties.push(navigation);
  }
  return {
    kind,
    name: required.Name,
    at: element.at,
    ...optional("baseType", attribute(element, "BaseType")),
    abstract: booleanAttribute(context, element, "Abstract", false),
    openType: booleanAttribute(context, element, "OpenType", false),
    hasStream: booleanAttribute(context, element, "HasStream", false),
    ...optional("key", readKey(context, element)),
    properties,
    navigationProperties,
    annotations: readAnnotations(context, element),
  };
}

/** `<Key><PropertyRef Name="id"/></Key>`: the names, or undefined when the type declares no Key. */
function readKey(context: ReadContext, element: XmlElement): string[] | undefined {
  const keys = childrenNamed(element, "Key");
  if (!keys.length) return undefined;
  const names: string[] = [];
  for (const ref of keys.flatMap((key) => childrenNamed(key, "PropertyRef"))) {
    const required = requiredAttributes(context, ref, ["Name"]);
    if (required) names.push(required.Name);
  }
  return names;
}

function readProperty(context: ReadContext, element: XmlElement): CsdlProperty | undefined {
  const required = requiredAttributes(context, element, ["Name", "Type"]);
  if (!required) return undefined;
  return {
    name: required.Name,
    type: required.Type,
    ...optional("nullable", optionalBoolean(context, element, "Nullable")),
    at: element.at,
    annotations: readAnnotations(context, element),
  };
}

/** A navigation property is read like a property, plus whether it contains its target. */
function readNavigationProperty(context: ReadContext, element: XmlElement): CsdlNavigationProperty | undefined {
  const property = readProperty(context, element);
  return property && { ...property, containsTarget: booleanAttribute(context, element, "ContainsTarget", false) };
}

export function readEnumType(context: ReadContext, element: XmlElement): CsdlEnumType | undefined {
  const required = requiredAttributes(context, element, ["Name"]);
  if (!required) return undefined;
  const members: CsdlEnumMember[] = [];
  for (const child of childrenNamed(element, "Member")) {
    const member = requiredAttributes(context, child, ["Name"]);
    if (!member) continue;
    members.push({
      name: member.Name,
      ...optional("value", integerAttribute(context, child, "Value")),
      at: child.at,
      annotations: readAnnotations(context, child),
    });
  }
  return {
    name: required.Name,
    ...optional("underlyingType", attribute(element, "UnderlyingType")),
    isFlags: booleanAttribute(context, element, "IsFlags", false),
    members,
    at: element.at,
    annotations: readAnnotations(context, element),
  };
}

export function readTypeDefinition(context: ReadContext, element: XmlElement): CsdlTypeDefinition | undefined {
  const required = requiredAttributes(context, element, ["Name", "UnderlyingType"]);
  if (!required) return undefined;
  return {
    name: required.Name,
    underlyingType: required.UnderlyingType,
    at: element.at,
    annotations: readAnnotations(context, element),
  };
}
