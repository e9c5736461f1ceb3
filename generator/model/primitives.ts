import type { PrimitiveName } from "../types/index.js";

const CANONICAL: readonly PrimitiveName[] = [
  "String", "Guid", "Date", "TimeOfDay", "Duration", "DateTimeOffset", "Int16", "Int32", "Int64", "Single",
  "Double", "Decimal", "Byte", "SByte", "Boolean", "Binary", "Stream", "Json", "Untyped",
];

/** Spellings the docs use for EDM primitives besides the canonical ones (matched case-insensitively). */
const SYNONYMS: Record<string, PrimitiveName> = {
  int: "Int32",
  integer: "Int32",
  long: "Int64",
  bool: "Boolean",
  datetime: "DateTimeOffset",
  timestamp: "DateTimeOffset",
  float: "Single",
  timespan: "Duration",
  uuid: "Guid",
  number: "Double",
};

const BY_LOWER = new Map<string, PrimitiveName>([
  ...CANONICAL.map((name) => [name.toLowerCase(), name] as const),
  ...Object.entries(SYNONYMS),
]);

/** `String`, `string`, `Edm.String` -> `String`; anything that is not a primitive -> undefined. */
export function primitiveName(written: string): PrimitiveName | undefined {
  return BY_LOWER.get(written.replace(/^edm\./i, "").toLowerCase());
}
