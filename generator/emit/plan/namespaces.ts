import { diagnostic, type Diagnostic, type Model, type Property, type StructuredType } from "../../types/index.js";

/**
 * Which model namespaces to emit: exact names, or a prefix pattern ending in `*` (`microsoft.graph.*` matches
 * `microsoft.graph.partners.billing` but not `microsoft.graph` itself). With `include`, only namespaces it matches;
 * then any that `exclude` matches are left out.
 */
export interface NamespaceFilter {
  include?: readonly string[];
  exclude?: readonly string[];
}

export function namespaceMatches(namespace: string, pattern: string): boolean {
  return pattern.endsWith("*") ? namespace.startsWith(pattern.slice(0, -1)) : namespace === pattern;
}

export function keepsNamespace(namespace: string, filter: NamespaceFilter): boolean {
  const included = !filter.include?.length || filter.include.some((p) => namespaceMatches(namespace, p));
  return included && !filter.exclude?.some((p) => namespaceMatches(namespace, p));
}

/** The model cut down to the kept namespaces, and the fqns of the declarations left out. */
export interface FilteredModel {
  model: Model;
  omitted: ReadonlySet<string>;
}

/**
 * Leaves out the namespaces the filter does not keep. The kept output still compiles on its own: a reference to a
 * left-out type becomes `unknown` (emit adds a `@remarks` saying why), and a type whose base type (or a further
 * ancestor) is left out gets those ancestors' properties copied in and extends the nearest kept ancestor, if any.
 * Derived types in a left-out namespace are not listed in a kept type's `@odata.type` or `Any*` union.
 */
export function filterNamespaces(model: Model, filter: NamespaceFilter): FilteredModel {
  const types = new Map<string, StructuredType>();
  const omitted = new Set<string>();
  for (const namespace of model.namespaces) {
    for (const type of namespace.types) types.set(type.fqn, type);
    if (keepsNamespace(namespace.name, filter)) continue;
    for (const declaration of [...namespace.types, ...namespace.enums, ...namespace.typeDefinitions]) omitted.add(declaration.fqn);
  }
  if (!omitted.size) return { model, omitted };
  const flatten = (type: StructuredType): StructuredType => {
    if (!type.baseType || !omitted.has(type.baseType)) return type;
    const chain: StructuredType[] = [];
    const skipped: string[] = [];
    let base: string | undefined = type.baseType;
    const seen = new Set<string>([type.fqn]);
    while (base && omitted.has(base) && !seen.has(base)) {
      seen.add(base);
      skipped.push(base);
      const ancestor = types.get(base);
      if (ancestor) chain.unshift(ancestor);
      base = ancestor?.baseType;
    }
    // Farthest ancestor's properties first, as `extends` would list them; the nearest declaration of a name wins.
    const byName = new Map<string, Property>();
    for (const property of [...chain.flatMap((t) => t.properties), ...type.properties]) byName.set(property.name, property);
    const properties = [...byName.values()];
    const note = `Inherits from ${skipped.join(", ")}, left out of the output (namespaces option): ${skipped.length > 1 ? "their" : "its"} properties are listed here.`;
    const flattened: StructuredType = { ...type, properties, description: [type.description, note].filter(Boolean).join("\n\n") };
    if (base && !omitted.has(base)) flattened.baseType = base;
    else delete flattened.baseType;
    return flattened;
  };
  const namespaces = model.namespaces.filter((n) => keepsNamespace(n.name, filter)).map((n) => ({ ...n, types: n.types.map(flatten) }));
  return { model: { ...model, namespaces }, omitted };
}

/**
 * A pattern of the filter that matches none of the model's namespaces: a misspelt `include` empties the output, a
 * misspelt `exclude` leaves in what it was meant to leave out, and neither says so otherwise.
 */
export function unmatchedPatterns(model: Model, filter: NamespaceFilter): Diagnostic[] {
  const names = model.namespaces.map((n) => n.name);
  const unmatched = (option: "include" | "exclude"): Diagnostic[] =>
    (filter[option] ?? [])
      .filter((pattern) => !names.some((name) => namespaceMatches(name, pattern)))
      .map((pattern) => diagnostic("namespace-filter-unmatched", `namespace filter: ${option} "${pattern}" matches none of the namespaces (${names.slice(0, 8).join(", ")}${names.length > 8 ? `, and ${names.length - 8} more` : ""})`));
  return [...unmatched("include"), ...unmatched("exclude")];
}
