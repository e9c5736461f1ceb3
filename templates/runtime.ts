/**
 * Is `value` a non-null object whose `@odata.type` is one of `types`? Payloads write the name with a leading
 * `#` (`#microsoft.graph.user`), request bodies and some docs without it; both are accepted.
 */
export function hasODataType(value: unknown, types: ReadonlySet<string>): boolean {
  if (typeof value !== "object" || value === null) return false;
  const odataType: unknown = (value as { "@odata.type"?: unknown })["@odata.type"];
  if (typeof odataType !== "string") return false;
  return types.has(odataType.startsWith("#") ? odataType.slice(1) : odataType);
}
