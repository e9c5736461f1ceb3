import type { CsdlAnnotation, CsdlAnnotationsBlock, CsdlAnnotationValue, CsdlScalarKind } from "../types/index.js";
import { attribute, childrenNamed, invalid, optional, requiredAttributes, type ReadContext } from "./attributes.js";
import type { XmlElement } from "./tree.js";

/**
 * CSDL constant and path expressions, by the name they have as an attribute (`String="..."`) or an element
 * (`<String>...</String>`). Dynamic expressions (`Apply`, `If`, ...) are not read: Graph's metadata uses none.
 */
const SCALARS: Record<string, CsdlScalarKind> = {
  String: "string",
  Bool: "bool",
  Int: "int",
  Float: "float",
  Decimal: "decimal",
  Date: "date",
  DateTimeOffset: "dateTimeOffset",
  TimeOfDay: "timeOfDay",
  Duration: "duration",
  Guid: "guid",
  Binary: "binary",
  EnumMember: "enum",
  Path: "path",
  PropertyPath: "propertyPath",
  NavigationPropertyPath: "navigationPropertyPath",
  AnnotationPath: "annotationPath",
};

/** Values that must look right to be kept: a bad one is GT2105 and the annotation keeps no value. */
const CHECKS: Partial<Record<CsdlScalarKind, { pattern: RegExp; expected: string }>> = {
  bool: { pattern: /^(?:true|false)$/, expected: "true or false" },
  int: { pattern: /^[+-]?\d+$/, expected: "an integer" },
};

/** The `<Annotation>` children of an element (inline annotations), in document order. */
export function readAnnotations(context: ReadContext, element: XmlElement): CsdlAnnotation[] {
  const annotations: CsdlAnnotation[] = [];
  for (const child of childrenNamed(element, "Annotation")) {
    const annotation = readAnnotation(context, child);
    if (annotation) annotations.push(annotation);
  }
  return annotations;
}

/** `<Annotations Target="..." Qualifier="...">`: a block of annotations applied from outside their target. */
export function readAnnotationsBlock(context: ReadContext, element: XmlElement): CsdlAnnotationsBlock | undefined {
  const required = requiredAttributes(context, element, ["Target"]);
  if (!required) return undefined;
  return {
    target: required.Target,
    ...optional("qualifier", attribute(element, "Qualifier")),
    annotations: readAnnotations(context, element),
    at: element.at,
  };
}

function readAnnotation(context: ReadContext, element: XmlElement): CsdlAnnotation | undefined {
  const required = requiredAttributes(context, element, ["Term"]);
  if (!required) return undefined;
  return {
    term: required.Term,
    ...optional("qualifier", attribute(element, "Qualifier")),
    ...optional("value", readValue(context, element)),
    at: element.at,
  };
}

/**
 * The value of an `Annotation` or `PropertyValue`: an expression attribute if there is one, else the first child
 * element that is an expression (annotations on the annotation itself are skipped).
 */
function readValue(context: ReadContext, element: XmlElement): CsdlAnnotationValue | undefined {
  for (const [name, kind] of Object.entries(SCALARS)) {
    const value = attribute(element, name);
    if (value !== undefined) return scalar(context, element, name, kind, value);
  }
  for (const child of element.children) {
    if (child.name === "Annotation") continue;
    const value = readExpression(context, child);
    if (value) return value;
  }
  return undefined;
}

/** An expression element. Recursion follows the document's nesting, which the depth limit already bounds. */
function readExpression(context: ReadContext, element: XmlElement): CsdlAnnotationValue | undefined {
  const kind = SCALARS[element.name];
  if (kind) return element.text === undefined ? undefined : scalar(context, element, element.name, kind, element.text);
  if (element.name === "Collection") {
    const items: CsdlAnnotationValue[] = [];
    for (const child of element.children) {
      const item = readExpression(context, child);
      if (item) items.push(item);
    }
    return { kind: "collection", items };
  }
  if (element.name === "Record") {
    // No prototype: a PropertyValue named `__proto__` or `constructor` is an ordinary key here.
    const properties: Record<string, CsdlAnnotationValue> = Object.create(null);
    for (const child of childrenNamed(element, "PropertyValue")) {
      const required = requiredAttributes(context, child, ["Property"]);
      if (!required || required.Property in properties) continue; // a repeated property keeps the first value
      const value = readValue(context, child);
      if (value) properties[required.Property] = value;
    }
    return { kind: "record", ...optional("type", attribute(element, "Type")), properties };
  }
  return undefined;
}

function scalar(
  context: ReadContext,
  element: XmlElement,
  name: string,
  kind: CsdlScalarKind,
  value: string,
): CsdlAnnotationValue | undefined {
  const check = CHECKS[kind];
  if (check && !check.pattern.test(value)) {
    context.diagnostics.push(invalid(element, name, value, check.expected));
    return undefined;
  }
  return { kind, value };
}
