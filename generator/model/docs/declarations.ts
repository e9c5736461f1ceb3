import { diagnostic, type Diagnostic, type DocPage, type EnumMember, type Position } from "../../types/index.js";
import { compareStrings } from "../../order.js";

export const DEFAULT_NAMESPACE = "microsoft.graph";

/** A structured type as declared by one page, before its base type and properties are resolved. */
export interface TypeDeclaration {
  fqn: string;
  name: string;
  namespace: string;
  page: DocPage;
  /** Further pages that define the same type (Intune documents one type across many pages): their rows merge in. */
  also: DocPage[];
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
 * Collects every type and enum the pages declare, keyed by fully qualified name. A type defined on several pages
 * is one type: the first page (in path order) gives its annotation, all pages give rows, and a warning names both.
 */
export function collectDeclarations(pages: readonly DocPage[]): { declarations: Declarations; diagnostics: Diagnostic[]; canonical: (namespace: string) => string } {
  const diagnostics: Diagnostic[] = [];
  const declarations: Declarations = { types: new Map(), enums: new Map(), byPage: new Map() };
  const canonical = canonicalNamespaces(pages);
  for (const page of pages) {
    if (page.kind === "resource") addType(declarations, page, canonical, diagnostics);
    for (const table of page.enums) addEnum(declarations, table, canonical(pageNamespace(page)), diagnostics);
  }
  return { declarations, diagnostics, canonical };
}

/** A page named after the type (`user.md` for user) is its own page; one that documents it in passing is not. */
const ownsType = (page: DocPage, name: string): boolean => baseName(page.file).replace(/\.md$/, "") === name.toLowerCase();

function addType(declarations: Declarations, page: DocPage, canonical: (namespace: string) => string, diagnostics: Diagnostic[]): void {
  const declaration = typeDeclaration(page, canonical, diagnostics);
  if (!declaration) return;
  const key = declaration.fqn.toLowerCase();
  const first = declarations.types.get(key);
  if (first) {
    // Intune documents `user` on intune-devices-user.md too: the page named after the type leads (its annotation,
    // its name), whatever the path order; the others add rows, and facts the lead lacks (see factOf).
    const lead = !ownsType(first.page, first.name) && ownsType(page, declaration.name) ? declaration : first;
    const other = lead === first ? { file: page.file, at: declaration.at } : { file: first.page.file, at: first.at };
    if (lead !== first) Object.assign(first, { ...declaration, also: [first.page, ...first.also] });
    else first.also.push(page);
    diagnostics.push(diagnostic("duplicate-type", `type ${first.fqn} is defined on ${first.page.file} and ${other.file}; the properties of both pages are merged, ${first.page.file} leads`, other.at, [{ message: "leading page", at: first.at }]));
    declarations.byPage.set(baseName(page.file), first.fqn);
    return;
  }
  const enumAt = declarations.enums.get(key)?.at;
  if (enumAt) {
    diagnostics.push(diagnostic("duplicate-type", `type ${declaration.fqn} has the name of an enum; this definition is ignored`, declaration.at, [{ message: "enum defined here", at: enumAt }]));
    return;
  }
  declarations.types.set(key, declaration);
  declarations.byPage.set(baseName(page.file), declaration.fqn);
}

/**
 * A fact about a type documented on several pages: the leading page's, else the first other page's that has it
 * (a base type stated on any page wins over none), so a page that documents the type in passing never erases it.
 */
export function factOf<T>(declaration: TypeDeclaration, pick: (page: DocPage) => T | undefined): T | undefined {
  for (const page of [declaration.page, ...declaration.also]) {
    const value = pick(page);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Placeholder descriptions the docs' templates leave in ("Not yet documented"). */
const PLACEHOLDER = /^\s*(?:not yet documented|tbd|todo|placeholder)\.?\s*$/i;

/** The type's description: the leading page's unless it is a placeholder, else the first real one. */
export function descriptionOf(declaration: TypeDeclaration): string | undefined {
  return factOf(declaration, (page) => (page.description && !PLACEHOLDER.test(page.description) ? page.description : undefined)) ?? declaration.page.description;
}

/**
 * Namespaces compared without case: beta writes both `microsoft.graph.termStore` and `microsoft.graph.termstore`,
 * which would otherwise become two modules whose file names differ only in case. The most used spelling wins.
 */
export function canonicalNamespaces(pages: readonly DocPage[]): (namespace: string) => string {
  const counts = new Map<string, Map<string, number>>();
  const count = (namespace: string | undefined): void => {
    if (!namespace) return;
    const spellings = counts.get(namespace.toLowerCase()) ?? new Map<string, number>();
    spellings.set(namespace, (spellings.get(namespace) ?? 0) + 1);
    counts.set(namespace.toLowerCase(), spellings);
  };
  for (const page of pages) {
    count(page.namespace?.value);
    if (page.annotation?.odataType) count(splitName(page.annotation.odataType).namespace);
  }
  const chosen = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const best = [...spellings.entries()].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0][0];
    chosen.set(key, best);
  }
  return (namespace) => chosen.get(namespace.toLowerCase()) ?? namespace;
}

/**
 * How a name is most likely spelled where a page spells it several ways that differ only in case: Graph names are
 * camelCase, so the tools that lower-case an annotation (`microsoft.graph.orgcontact`) or capitalize a heading
 * (`Contract`) lose to a spelling with a lower-case first letter and humps (`orgContact`). Ties keep the order given.
 */
function camelScore(name: string): number {
  return (/^[a-z]/.test(name) ? 2 : 0) + (/.[A-Z]/.test(name) ? 1 : 0);
}

/** The type's name from the annotation, the JSON block's `@odata.type` and the heading, in that order of trust. */
function typeName(page: DocPage, annotated: string | undefined, diagnostics: Diagnostic[]): string | undefined {
  const spellings = [
    ...(annotated ? [{ name: annotated, what: "the annotation", at: page.annotation!.at }] : []),
    ...(page.json?.odataType ? [{ name: splitName(page.json.odataType.value).name, what: "the JSON representation", at: page.json.odataType.at }] : []),
    ...(page.heading ? [{ name: page.heading.value, what: "the heading", at: page.heading.at }] : []),
  ];
  const first = spellings[0];
  if (!first) return undefined;
  const sameWord = spellings.filter((s) => s.name.toLowerCase() === first.name.toLowerCase());
  const best = sameWord.reduce((a, b) => (camelScore(b.name) > camelScore(a.name) ? b : a));
  const other = sameWord.find((s) => s.name !== best.name);
  if (other) {
    diagnostics.push(diagnostic("type-name-casing", `${other.what} spells the type ${other.name}, ${best.what} ${best.name}; using ${best.name}, the camelCase spelling Graph names have`, other.at, [{ message: best.what, at: best.at }]));
  }
  return best.name;
}

function typeDeclaration(page: DocPage, canonical: (namespace: string) => string, diagnostics: Diagnostic[]): TypeDeclaration | undefined {
  const annotated = page.annotation?.odataType ? splitName(page.annotation.odataType) : undefined;
  const name = typeName(page, annotated?.name || undefined, diagnostics);
  const at = page.annotation?.at ?? page.heading?.at ?? { file: page.file, line: 1, column: 1 };
  if (!name) {
    diagnostics.push(diagnostic("missing-type-name", "resource page names no type: no @odata.type in its annotation and no \"x resource type\" heading; page skipped", at));
    return undefined;
  }
  let namespace = annotated?.namespace || page.namespace?.value;
  if (!namespace) {
    namespace = DEFAULT_NAMESPACE;
    diagnostics.push(diagnostic("missing-namespace", `no "Namespace:" line; assuming ${DEFAULT_NAMESPACE}`, at));
  } else if (annotated?.namespace && page.namespace && annotated.namespace.toLowerCase() !== page.namespace.value.toLowerCase()) {
    diagnostics.push(diagnostic("namespace-mismatch", `annotation says namespace ${annotated.namespace} but the page says ${page.namespace.value}; using the annotation's`, page.annotation!.at, [{ message: "Namespace line", at: page.namespace.at }]));
  }
  namespace = canonical(namespace);
  return { fqn: `${namespace}.${name}`, name, namespace, page, also: [], at };
}

export function addEnum(declarations: Declarations, table: DocPage["enums"][number], namespace: string, diagnostics: Diagnostic[]): void {
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
