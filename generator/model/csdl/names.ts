import { diagnostic, type CsdlDocument, type CsdlSchema, type Diagnostic, type PrimitiveName } from "../../types/index.js";
import { primitiveName } from "../primitives.js";

/** Where a name is written: its schema's namespace and the aliases visible in its document. */
export interface Scope {
  namespace: string;
  /** Index of the document in the list passed to `modelFromCsdl` (document order breaks ties when sorting). */
  document: number;
  aliases: ReadonlyMap<string, string>;
}

export interface Names {
  scope(document: number, schema: CsdlSchema): Scope;
  /** `graph.entity`, `microsoft.graph.entity`, `self.entity` -> `microsoft.graph.entity`; existence is not checked. */
  qualify(written: string, scope: Scope): string;
  /** The form a type reference takes in an operation signature: qualified, `Collection(...)` kept, `Edm.*` as is. */
  canonicalType(written: string, scope: Scope): string;
}

/**
 * CSDL aliases are scoped to their document (`graph` in one file can mean something else in another), so each
 * document's own aliases win. The metadata documents Graph publishes are self-contained, but a model split over
 * several files may use an alias declared in a sibling; those are tried next (first declaration wins) rather than
 * failing a name that is unambiguous in practice.
 */
export function createNames(documents: readonly CsdlDocument[]): Names {
  const perDocument = documents.map((document) => {
    const aliases = new Map<string, string>();
    for (const schema of document.schemas) if (schema.alias && !aliases.has(schema.alias)) aliases.set(schema.alias, schema.namespace);
    return aliases;
  });
  const global = new Map<string, string>();
  for (const aliases of perDocument) for (const [alias, namespace] of aliases) if (!global.has(alias)) global.set(alias, namespace);

  const qualify = (written: string, scope: Scope): string => {
    const name = written.trim();
    const dot = name.lastIndexOf(".");
    // CSDL requires qualified names; an unqualified one most plausibly means the schema it is written in.
    if (dot === -1) return `${scope.namespace}.${name}`;
    const prefix = name.slice(0, dot);
    const local = name.slice(dot + 1);
    const namespace =
      scope.aliases.get(prefix) ??
      // `self` is not a reserved word in CSDL, but Graph's security schema declares it as its own alias; an
      // undeclared `self` can only sensibly mean the enclosing schema.
      (prefix === "self" ? scope.namespace : undefined) ??
      global.get(prefix) ??
      prefix;
    return `${namespace}.${local}`;
  };

  return {
    scope: (document, schema) => ({ namespace: schema.namespace, document, aliases: perDocument[document] ?? new Map() }),
    qualify,
    canonicalType: (written, scope) => {
      const { inner, collection } = splitCollection(written);
      const text = isEdm(inner) ? inner : qualify(inner, scope);
      return collection ? `Collection(${text})` : text;
    },
  };
}

/**
 * Aliases that make a name ambiguous (CSDL forbids both, and does not say which wins): an alias equal to a
 * namespace of the model, and one alias given to two schemas of a document. `createNames` resolves a prefix to the
 * document's alias first, then to the first declaration: each diagnostic says which one references resolve to.
 */
export function aliasCollisions(documents: readonly CsdlDocument[]): Diagnostic[] {
  const namespaces = new Set(documents.flatMap((d) => d.schemas.map((s) => s.namespace)));
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const first = new Map<string, CsdlSchema>();
    for (const schema of document.schemas) {
      if (!schema.alias) continue;
      const earlier = first.get(schema.alias);
      if (earlier) {
        diagnostics.push(diagnostic("csdl-alias-collision", `alias "${schema.alias}" is declared by schemas ${earlier.namespace} and ${schema.namespace}; ${schema.alias}.x resolves to ${earlier.namespace}.x (the first)`, schema.at, [{ message: "first declared here", at: earlier.at }]));
        continue;
      }
      first.set(schema.alias, schema);
      if (namespaces.has(schema.alias) && schema.alias !== schema.namespace) {
        diagnostics.push(diagnostic("csdl-alias-collision", `alias "${schema.alias}" of schema ${schema.namespace} is also the name of a namespace; in this document ${schema.alias}.x resolves to ${schema.namespace}.x (the alias), elsewhere to the namespace`, schema.at));
      }
    }
  }
  return diagnostics;
}

/** `Collection(graph.phone)` -> `graph.phone`, collection; anything else is a single value. */
export function splitCollection(written: string): { inner: string; collection: boolean } {
  if (!written.includes("Collection(")) return { inner: written.trim(), collection: false };
  const match = /^\s*Collection\(\s*(.*?)\s*\)\s*$/.exec(written);
  return match ? { inner: match[1], collection: true } : { inner: written.trim(), collection: false };
}

export function isEdm(name: string): boolean {
  return name.startsWith("Edm.");
}

/**
 * Types with no TypeScript shape the generator can give: spatial values (GeoJSON-like, but Graph uses none) and
 * the abstract `Edm.PrimitiveType` / `Edm.ComplexType` / `Edm.EntityType` that accept any value of their kind.
 * They are typed `Untyped` rather than widening PrimitiveName for types Graph never uses.
 */
const UNTYPED = /^Edm\.(?:Geography\w*|Geometry\w*|PrimitiveType|ComplexType|EntityType|Untyped)$/;

/** `Edm.String` -> `String`; `Edm.GeographyPoint` -> `Untyped`; not an EDM primitive -> undefined. */
export function edmPrimitive(name: string): PrimitiveName | undefined {
  if (!isEdm(name)) return undefined;
  if (UNTYPED.test(name)) return "Untyped";
  return primitiveName(name);
}

/**
 * The parts of an annotation target: `ns.Type`, `ns.Type/member`, `ns.op(ns.binding, Edm.String)/parameter`.
 * The signature is split at top-level commas (a `Collection(...)` never holds one, but parentheses are balanced
 * anyway so a stray one cannot shift the member path).
 */
export function splitTarget(target: string): { head: string; signature?: string[]; member?: string } {
  const text = target.trim();
  const open = text.indexOf("(");
  const slash = text.indexOf("/");
  if (open === -1 || (slash !== -1 && slash < open)) {
    if (slash === -1) return { head: text };
    return { head: text.slice(0, slash), member: text.slice(slash + 1) };
  }
  let depth = 0;
  let close = -1;
  const parts: string[] = [];
  let start = open + 1;
  for (let i = open; i < text.length && close === -1; i++) {
    const char = text[i];
    if (char === "(") depth++;
    else if (char === ")" && --depth === 0) close = i;
    else if (char === "," && depth === 1) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (close === -1) return { head: text }; // unbalanced: no name matches, so it is reported as unresolved
  parts.push(text.slice(start, close));
  const signature = parts.map((part) => part.trim()).filter((part) => part !== "");
  const rest = text.slice(close + 1);
  return { head: text.slice(0, open), signature, ...(rest.startsWith("/") ? { member: rest.slice(1) } : rest ? { member: rest } : {}) };
}
