import type { Located, Position } from "./source.js";

/**
 * What the Markdown adapter reads off one documentation page: plain data with source positions, no resolution.
 * Names are as written (possibly unqualified); the model stage resolves them.
 */
export interface DocPage {
  file: string;
  /** `resource`: has a resource annotation or a Properties table; `enums`: only enum tables; `other`: neither. */
  kind: "resource" | "enums" | "other";
  frontMatter: Record<string, string>;
  /** The type name from the H1 ("operation resource type" -> "operation"). */
  heading?: Located<string>;
  /** The `Namespace: x` line. */
  namespace?: Located<string>;
  description?: string;
  annotation?: ResourceAnnotation;
  /** "Inherits from [x](x.md)" prose. */
  inheritsFrom?: TypeLink;
  properties: PropertyRow[];
  relationships: PropertyRow[];
  enums: EnumTable[];
  /** Top-level keys of the JSON representation block that follows the annotation. */
  json?: JsonBlock;
}

/** The `<!-- { "blockType": "resource", ... } -->` comment, leniently read. */
export interface ResourceAnnotation {
  at: Position;
  odataType?: string;
  /** `null` when the annotation says `"baseType": null`; absent when it does not mention a base type. */
  baseType?: string | null;
  keyProperty?: string;
  openType?: boolean;
  abstract?: boolean;
}

/** A reference to a type written as a link (or plain text): `[operation](partners-billing-operation.md)`. */
export interface TypeLink {
  name: string;
  /** The link target as written, if the reference was a link. */
  target?: string;
  at: Position;
}

/** A Type cell: `String`, `[x](x.md) collection`, `Collection(microsoft.graph.x)`, ... */
export interface TypeCell {
  /** The cell as plain text, for messages. */
  written: string;
  /** The element type's name as written: `String`, `Edm.Int32`, `blob`, `microsoft.graph.publicError`. */
  name: string;
  collection: boolean;
  /** Link target of the type name, when it was a link (`publicerror.md`, `enums.md#x-values`). */
  target?: string;
  /** "x or y": each type the cell names (the first is also `name`). */
  alternatives?: TypeLink[];
  at: Position;
}

export interface PropertyRow {
  name: string;
  at: Position;
  type: TypeCell;
  description: string;
  deprecated: boolean;
  /** "Inherited from [operation](...)": the row repeats a property of a base type. */
  inheritedFrom?: TypeLink;
  /** Members listed by "Possible values are: `a`, `b`". */
  possibleValues?: string[];
  /** The description says "Supports a subset of the values": the property narrows its enum to possibleValues. */
  subset: boolean;
  /** What the description says about null ("Nullable." / "Not nullable."), if anything. */
  nullable?: boolean;
}

export interface EnumTable {
  name: string;
  at: Position;
  members: EnumMemberRow[];
}

export interface EnumMemberRow {
  name: string;
  value?: number;
  description?: string;
  at: Position;
}

export interface JsonBlock {
  at: Position;
  keys: Located<string>[];
  /** The block's own top-level `@odata.type`, without `#`. */
  odataType?: Located<string>;
}
