import type { PrimitiveName, Property } from "../types/index.js";

/** EDM primitives in TypeScript. Stream, Json and Untyped carry no shape the docs describe. */
export const PRIMITIVE_TYPES: Record<PrimitiveName, "string" | "number" | "boolean" | "unknown"> = {
  String: "string",
  Guid: "string",
  Date: "string",
  TimeOfDay: "string",
  Duration: "string",
  DateTimeOffset: "string",
  Binary: "string",
  Int16: "number",
  Int32: "number",
  Int64: "number",
  Single: "number",
  Double: "number",
  Decimal: "number",
  Byte: "number",
  SByte: "number",
  Boolean: "boolean",
  Stream: "unknown",
  Json: "unknown",
  Untyped: "unknown",
};

/** The wire format of primitives that travel as strings or numbers with a narrower meaning, for `@format`. */
export const PRIMITIVE_FORMATS: Partial<Record<PrimitiveName, string>> = {
  Guid: "uuid",
  Date: "date (yyyy-mm-dd)",
  TimeOfDay: "time (hh:mm:ss)",
  Duration: "duration (ISO 8601, e.g. PT1H)",
  DateTimeOffset: "date-time (ISO 8601, UTC)",
  Binary: "base64",
  Int16: "int16",
  Int32: "int32",
  Int64: "int64 (may exceed Number.MAX_SAFE_INTEGER)",
  Single: "float",
  Double: "double",
  Decimal: "decimal",
  Byte: "uint8",
  SByte: "int8",
};

/** `refer` names a model type from the module being written (and records the import that needs). */
export function propertyTypeText(property: Property, refer: (fqn: string) => string): string {
  let element: string;
  if (property.narrowedTo?.length) element = property.narrowedTo.map((m) => JSON.stringify(m)).join(" | ");
  else if (property.type.kind === "primitive") element = PRIMITIVE_TYPES[property.type.edm];
  else if (property.type.kind === "named") element = refer(property.type.fqn);
  else element = "unknown";
  if (property.collection) return `${element.includes(" ") ? `(${element})` : element}[]`;
  return property.nullable && element !== "unknown" ? `${element} | null` : element;
}
