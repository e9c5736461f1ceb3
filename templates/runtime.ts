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

/**
 * The members named in a flags enumeration value, in the order written: `"a,b"` -> `["a", "b"]`. Parts are
 * trimmed (some services write `"a, b"`) and empty ones dropped, so `""`, `null` and `undefined` give `[]`. Names
 * are not checked here; the generated `split<Enum>Flags` wrappers keep only the enum's members.
 */
export function splitFlags(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * A flags enumeration value from its members: each once, comma-separated, in the order `order` declares them (the
 * generated `join<Enum>Flags` wrappers pass the enum's members, the order its `<Enum>Flags` type lists). Names
 * missing from `order` go last, in the order given. No members give `""`.
 */
export function joinFlags<M extends string>(members: Iterable<M>, order: readonly M[]): string {
  const rank = (member: M): number => {
    const index = order.indexOf(member);
    return index === -1 ? order.length : index;
  };
  return [...new Set(members)].sort((a, b) => rank(a) - rank(b)).join(",");
}
