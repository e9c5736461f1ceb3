import type { Position } from "./source.js";

/** The one typed model both sources are merged into; emit reads only this. Lists are sorted by name. */
export interface Model {
  namespaces: Namespace[];
}

export interface Namespace {
  name: string;
  types: StructuredType[];
  enums: EnumType[];
}

/** An OData entity type (has a key, directly or through its base chain) or complex type. */
export interface StructuredType {
  kind: "entity" | "complex";
  name: string;
  namespace: string;
  /** Fully qualified name: `microsoft.graph.partners.billing.runningOperation`. */
  fqn: string;
  /** Fully qualified name of the resolved base type. */
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  description?: string;
  /** Only the properties this type declares (or narrows); inherited ones live on the base. */
  properties: Property[];
  at: Position;
}

export interface Property {
  name: string;
  type: TypeUse;
  collection: boolean;
  nullable: boolean;
  description?: string;
  deprecated: boolean;
  /** Declared in a Relationships table. */
  navigation: boolean;
  /** Redeclares an inherited enum property with a subset of its members. */
  narrowedTo?: string[];
  at: Position;
}

export type TypeUse =
  | { kind: "primitive"; edm: PrimitiveName }
  | { kind: "named"; fqn: string }
  /** Could not be resolved; emitted as `unknown` (a diagnostic says why). */
  | { kind: "unknown"; written: string };

export type PrimitiveName =
  | "String"
  | "Guid"
  | "Date"
  | "TimeOfDay"
  | "Duration"
  | "DateTimeOffset"
  | "Int16"
  | "Int32"
  | "Int64"
  | "Single"
  | "Double"
  | "Decimal"
  | "Byte"
  | "SByte"
  | "Boolean"
  | "Binary"
  | "Stream"
  | "Json"
  | "Untyped";

export interface EnumType {
  name: string;
  namespace: string;
  fqn: string;
  members: EnumMember[];
  flags: boolean;
  description?: string;
  at: Position;
}

export interface EnumMember {
  name: string;
  value?: number;
  description?: string;
}
