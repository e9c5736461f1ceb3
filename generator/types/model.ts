import type { Position } from "./source.js";

/** The one typed model both sources are merged into; emit reads only this. Lists are sorted by name. */
export interface Model {
  namespaces: Namespace[];
}

export interface Namespace {
  name: string;
  types: StructuredType[];
  enums: EnumType[];
  /** CSDL `TypeDefinition`s: named primitives (`Edm.String` under another name). */
  typeDefinitions: TypeDefinition[];
  /** CSDL actions and functions (bound and unbound), by name; overloads are separate entries. */
  operations: Operation[];
  /** CSDL entity containers: the service's entity sets and singletons. */
  containers: EntityContainer[];
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
  /** Key property names (CSDL `Key`), when this type declares them. */
  key?: string[];
  /** A media entity (CSDL `HasStream`). */
  hasStream?: boolean;
  /** Why and since when it is deprecated (CSDL `Core.Revisions`); present only when deprecated. */
  deprecation?: string;
  at: Position;
}

export interface Property {
  name: string;
  type: TypeUse;
  collection: boolean;
  /** Whether the value may be null. Always false for a collection (see `collectionNullable`) and for a key. */
  nullable: boolean;
  /**
   * A collection-valued property that may be null: in the metadata, one without `Nullable="false"`; in the docs, one
   * not described as "Not nullable" (the merge keeps the metadata's). Written `T[] | null`: the docs' own response
   * examples send null collections (`"finishings": null`), and @microsoft/microsoft-graph-types types them so too.
   * Absent when the property is not a collection or is not nullable.
   */
  collectionNullable?: boolean;
  description?: string;
  deprecated: boolean;
  /** Declared in a Relationships table. */
  navigation: boolean;
  /** Redeclares an inherited enum property with a subset of its members. */
  narrowedTo?: string[];
  /** A containment navigation property (CSDL `ContainsTarget`). */
  containsTarget?: boolean;
  /** Why and since when it is deprecated, when the source says (CSDL `Core.Revisions`). */
  deprecation?: string;
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
  /** CSDL `IsFlags`: a value is a comma-separated combination of members. */
  flags: boolean;
  description?: string;
  deprecation?: string;
  at: Position;
}

export interface EnumMember {
  name: string;
  value?: number;
  description?: string;
  deprecation?: string;
}

export interface TypeDefinition {
  name: string;
  namespace: string;
  fqn: string;
  underlying: PrimitiveName;
  description?: string;
  at: Position;
}

/** A parameter or return value: a type use with its own collection and null facets. */
export interface TypedValue {
  type: TypeUse;
  collection: boolean;
  nullable: boolean;
}

export interface Parameter extends TypedValue {
  name: string;
  /** CSDL `Core.OptionalParameter`. */
  optional: boolean;
  description?: string;
  at: Position;
}

export interface Operation {
  kind: "action" | "function";
  name: string;
  namespace: string;
  fqn: string;
  /** The binding parameter's type, for bound operations (`IsBound="true"`). */
  binding?: TypedValue;
  /** The parameters after the binding parameter. */
  parameters: Parameter[];
  returnType?: TypedValue;
  composable: boolean;
  description?: string;
  deprecation?: string;
  at: Position;
}

export interface EntityContainer {
  name: string;
  namespace: string;
  /** `/users` -> microsoft.graph.user (a collection). */
  entitySets: { name: string; type: string; at: Position }[];
  /** `/me` -> microsoft.graph.user (a single entity). */
  singletons: { name: string; type: string; at: Position }[];
  at: Position;
}
