import type { PrimitiveName, TypeUse } from "../types/index.js";

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

/** A property, parameter or return value: what its type text depends on. */
export interface ValueShape {
  type: TypeUse;
  collection: boolean;
  nullable: boolean;
  /** A property redeclared with a subset of its enum's members. */
  narrowedTo?: string[];
  /** A collection that may be null (see Property): `T[] | null`. */
  collectionNullable?: boolean;
}

/** How a value's named type is written from the scope being emitted (see ModuleScope). */
export interface ValueNamer {
  referValue(fqn: string): string;
  /**
   * How a property, parameter or return value of a structured type is written: in the modules layout, the `Any*`
   * union where the type has one, since the value may be any type derived from it (a `scope` holding an
   * accessReviewQueryScope). Without this, `referValue`.
   */
  referMember?(fqn: string): string;
  isFlags(fqn: string): boolean;
  /** The type of one enum member when it is not its string literal (TypeScript enums). */
  enumMemberType?(fqn: string, member: string): string | undefined;
  /** Left out of the output (namespaces option): written as `unknown`. */
  isOmitted?(fqn: string): boolean;
}

/** The `@remarks` text for a value whose type is in a namespace left out of the output. */
export const omittedRemark = (fqn: string): string => `The type ${fqn} is in a namespace left out of the output (namespaces option), so this is \`unknown\`.`;

/** Whether the value (for a collection: the collection itself; its items never) may be null as written. */
export function mayBeNull(value: ValueShape, nullable: "null" | "optional"): boolean {
  return nullable === "null" && (value.collection ? value.collectionNullable === true : value.nullable);
}

/**
 * The type of a property, parameter or return value: `T`, `T | null`, `T[]` or `T[] | null` (a collection marked
 * `collectionNullable`; its items are never null). With the nullable style "optional", never `| null`.
 */
export function valueTypeText(value: ValueShape, namer: ValueNamer, nullable: "null" | "optional" = "null"): string {
  let element: string;
  if (value.narrowedTo?.length) {
    const fqn = value.type.kind === "named" ? value.type.fqn : undefined;
    const members = value.narrowedTo.map((m) => (fqn && namer.enumMemberType?.(fqn, m)) || JSON.stringify(m));
    const flags = value.type.kind === "named" && namer.isFlags(value.type.fqn);
    element = flags ? flagsCombinationText(value.narrowedTo, members.join(" | ")) : members.join(" | ");
  } else if (value.type.kind === "primitive") element = PRIMITIVE_TYPES[value.type.edm];
  else if (value.type.kind === "named") element = namer.isOmitted?.(value.type.fqn) ? "unknown" : (namer.referMember ?? namer.referValue).call(namer, value.type.fqn);
  else element = "unknown";
  if (value.collection) {
    const array = `${element.includes(" ") ? `(${element})` : element}[]`;
    return mayBeNull(value, nullable) ? `${array} | null` : array;
  }
  return mayBeNull(value, nullable) && element !== "unknown" ? `${element} | null` : element;
}

/**
 * Up to this many members, a flags type lists every non-empty combination (2^8 - 1 = 255 string literals at most);
 * beyond it the list would grow past what is useful to read or cheap to check, so a template literal approximates it.
 */
export const FLAGS_LISTED_MAX = 8;

/**
 * The type of a comma-separated combination of `members`, in member order: `"a" | "b" | "a,b"`, shortest first.
 * Over FLAGS_LISTED_MAX members, `${M}` | `${M},${string}` (`memberType` is the union M): the first member is
 * checked, the rest is any text. No members: any string.
 */
export function flagsCombinationText(members: readonly string[], memberType: string): string {
  if (!members.length) return "string";
  if (members.length > FLAGS_LISTED_MAX) return `\`\${${memberType}}\` | \`\${${memberType}},\${string}\``;
  const combinations: string[] = [];
  const choose = (from: number, left: number, picked: readonly string[]): void => {
    if (!left) {
      combinations.push(picked.join(","));
      return;
    }
    for (let i = from; i <= members.length - left; i++) choose(i + 1, left - 1, [...picked, members[i]]);
  };
  for (let size = 1; size <= members.length; size++) choose(0, size, []);
  return combinations.map((c) => JSON.stringify(c)).join(" | ");
}
