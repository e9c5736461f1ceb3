import type { TypeUse } from "../types/index.js";

/** `Edm.String`, `microsoft.graph.user`, `Collection(...)`: a type use as CSDL writes it, for messages and sort keys. */
export function typeUseText(use: TypeUse, collection: boolean): string {
  const element = use.kind === "primitive" ? `Edm.${use.edm}` : use.kind === "named" ? use.fqn : use.written;
  return collection ? `Collection(${element})` : element;
}

/**
 * The null rule, the same for docs and metadata: a key is never null; otherwise what the input says, nullable by
 * default. A collection's items are never null (`nullable` is false), but the collection itself may be
 * (`collectionNullable`: `T[] | null`) unless the input says it is not.
 */
export function nullability(collection: boolean, key: boolean, stated: boolean | undefined): { nullable: boolean; collectionNullable?: true } {
  return { nullable: collection || key ? false : (stated ?? true), ...(collection && stated !== false ? { collectionNullable: true as const } : {}) };
}
