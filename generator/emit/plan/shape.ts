import type { NamespaceFilter } from "./namespaces.js";

/** How enums are declared: a string-literal union (plus, with a runtime, a frozen object), the object alone, or a TypeScript enum. */
export type EnumStyle = "union" | "const-object" | "enum";
/** How a nullable property is written: `T | null` (and optional), or optional only. */
export type NullableStyle = "null" | "optional";

/**
 * How a namespace's module file is named: as the namespace (`microsoft.graph.partners.billing.ts`), in kebab case
 * (`microsoft-graph-partners-billing.ts`, for repos whose lint forbids dots), or as its barrel name
 * (`microsoftGraphPartnersBilling.ts`).
 */
export type FileNaming = "namespace" | "kebab-case" | "camelCase";

export const ENUM_STYLES: readonly EnumStyle[] = ["union", "const-object", "enum"];
export const FILE_NAMINGS: readonly FileNaming[] = ["namespace", "kebab-case", "camelCase"];
export const NULLABLE_STYLES: readonly NullableStyle[] = ["null", "optional"];

/** The output's shape options; the defaults are the output as it has always been. */
export interface Shape {
  enumStyle: EnumStyle;
  /** The `is*` guards, the `*_SCHEMA` validation tables, the flags helpers and the runtime import (modules layout). */
  guards: boolean;
  /** Every interface property `readonly`. */
  readonly: boolean;
  nullable: NullableStyle;
  fileNaming: FileNaming;
}

/** Only the shape options that are set (so spreading them never overrides a default with `undefined`). */
export function shapeOptions(options: Partial<Shape> & { namespaces?: NamespaceFilter }): Partial<Shape> & { namespaces?: NamespaceFilter } {
  return {
    ...(options.enumStyle !== undefined ? { enumStyle: options.enumStyle } : {}),
    ...(options.guards !== undefined ? { guards: options.guards } : {}),
    ...(options.readonly !== undefined ? { readonly: options.readonly } : {}),
    ...(options.nullable !== undefined ? { nullable: options.nullable } : {}),
    ...(options.fileNaming !== undefined ? { fileNaming: options.fileNaming } : {}),
    ...(options.namespaces !== undefined ? { namespaces: options.namespaces } : {}),
  };
}

/** Every shape option, the defaults where one is not set: resolved once, for the plan every transform reads. */
export function resolveShape(options: Partial<Shape>): Shape {
  return {
    enumStyle: options.enumStyle ?? DEFAULT_SHAPE.enumStyle,
    guards: options.guards ?? DEFAULT_SHAPE.guards,
    readonly: options.readonly ?? DEFAULT_SHAPE.readonly,
    nullable: options.nullable ?? DEFAULT_SHAPE.nullable,
    fileNaming: options.fileNaming ?? DEFAULT_SHAPE.fileNaming,
  };
}

export const DEFAULT_SHAPE: Shape = { enumStyle: "union", guards: true, readonly: false, nullable: "null", fileNaming: "namespace" };
