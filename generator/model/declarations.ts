import { diagnostic, type Diagnostic, type DocPage, type EnumMember, type Position } from "../types/index.js";

export const DEFAULT_NAMESPACE = "microsoft.graph";

/** A structured type as declared by one page, before its base type and properties are resolved. */
export interface TypeDeclaration {
  fqn: string;
  name: string;
  namespace: string;
  page: DocPage;
  at: Position;
}

export interface EnumDeclaration {
  fqn: string;
  name: string;
  namespace: string;
  members: EnumMember[];
  at: Position;
}

export interface Declarations {
  /** Keyed by lower-cased fully qualified name: Graph names differ only in case by mistake, never by design. */
  types: Map<string, TypeDeclaration>;
  enums: Map<string, EnumDeclaration>;
  /** Page file name (lower case, no folder) -> the type it declares, for resolving by link target. */
  byPage: Map<string, string>;
}

export function splitName(qualified: string): { namespace: string; name: string } {
  const dot = qualified.lastIndexOf(".");
  return dot === -1 ? { namespace: "", name: qualified } : { namespace: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

export function pageNamespace(page: DocPage): string {
  return page.namespace?.value ?? DEFAULT_NAMESPACE;
}

export function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).toLowerCase();
}

/**
 * Collects every type and enum the pages declare, keyed by fully qualified name. The first page (in path order)
 * wins a duplicate; the duplicate is an error that names both places.
 */
export function collectDeclarations(pages: readonly DocPage[]): { declarations: Declarations; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const declarations: Declarations = { types: new Map(), enums: new Map(), byPage: new Map() };
  const claimed = (key: string): Position | undefined => declarations.types.get(key)?.at ?? declarations.enums.get(key)?.at;

  for (const page of pages) {
    if (page.kind === "resource") {
      const declaration = typeDeclaration(page, diagnostics);
      if (!declaration) continue;
      const key = declaration.fqn.toLowerCase();
      const previous = claimed(key);
      if (previous) {
        diagnostics.push(diagnostic("duplicate-type", `type ${declaration.fqn} is already defined; this definition is ignored`, declaration.at, [{ message: "first defined here", at: previous }]));
        continue;
      }
      declarations.types.set(key, declaration);
      declarations.byPage.set(baseName(page.file), declaration.fqn);
    }
    for (const table of page.enums) addEnum(declarations, table, pageNamespace(page), diagnostics);
  }
  return { declarations, diagnostics };
}

function typeDeclaration(page: DocPage, diagnostics: Diagnostic[]): TypeDeclaration | undefined {
  const annotated = page.annotation?.odataType ? splitName(page.annotation.odataType) : undefined;
  const name = annotated?.name || page.heading?.value;
  const at = page.annotation?.at ?? page.heading?.at ?? { file: page.file, line: 1, column: 1 };
  if (!name) {
    diagnostics.push(diagnostic("missing-type-name", "resource page names no type: no @odata.type in its annotation and no \"x resource type\" heading; page skipped", at));
    return undefined;
  }
  let namespace = annotated?.namespace || page.namespace?.value;
  if (!namespace) {
    namespace = DEFAULT_NAMESPACE;
    diagnostics.push(diagnostic("missing-namespace", `no "Namespace:" line; assuming ${DEFAULT_NAMESPACE}`, at));
  } else if (annotated?.namespace && page.namespace && annotated.namespace !== page.namespace.value) {
    diagnostics.push(diagnostic("namespace-mismatch", `annotation says namespace ${annotated.namespace} but the page says ${page.namespace.value}; using the annotation's`, page.annotation!.at, [{ message: "Namespace line", at: page.namespace.at }]));
  }
  return { fqn: `${namespace}.${name}`, name, namespace, page, at };
}

function addEnum(declarations: Declarations, table: DocPage["enums"][number], namespace: string, diagnostics: Diagnostic[]): void {
  const fqn = `${namespace}.${table.name}`;
  const key = fqn.toLowerCase();
  const members: EnumMember[] = [];
  for (const row of table.members) {
    if (members.some((m) => m.name === row.name)) {
      diagnostics.push(diagnostic("duplicate-enum-member", `enum ${fqn} lists member "${row.name}" twice`, row.at));
      continue;
    }
    members.push({ name: row.name, ...(row.value === undefined ? {} : { value: row.value }), ...(row.description ? { description: row.description } : {}) });
  }
  if (!members.length) diagnostics.push(diagnostic("empty-enum", `enum ${fqn} has no members; emitted as string`, table.at));
  const existing = declarations.enums.get(key);
  if (existing) {
    // The same enum documented twice (enums page and a resource page): keep the union, say where they differ.
    const added = members.filter((m) => !existing.members.some((e) => e.name === m.name));
    const missing = existing.members.filter((e) => !members.some((m) => m.name === e.name));
    if (added.length || missing.length) {
      diagnostics.push(diagnostic("conflicting-enum", `enum ${fqn} is listed with different members here (${[...added.map((m) => `+${m.name}`), ...missing.map((m) => `-${m.name}`)].join(", ")}); emitting the union`, table.at, [{ message: "also listed here", at: existing.at }]));
      existing.members.push(...added);
    }
    return;
  }
  if (declarations.types.has(key)) {
    diagnostics.push(diagnostic("duplicate-type", `enum ${fqn} has the name of a type; the enum is ignored`, table.at, [{ message: "type defined here", at: declarations.types.get(key)!.at }]));
    return;
  }
  declarations.enums.set(key, { fqn, name: table.name, namespace, members, at: table.at });
}
