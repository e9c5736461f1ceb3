import { diagnostic, type Diagnostic, type Position } from "../../types/index.js";
import { baseName, DEFAULT_NAMESPACE, type Declarations } from "./declarations.js";

export interface Resolved {
  fqn: string;
  kind: "type" | "enum";
}

export interface ResolveContext {
  /** The namespace of the page that mentions the name: unqualified names are looked up there first. */
  namespace: string;
  /** Link target of the mention (`publicerror.md`, `enums.md#x-values`), tried when the name alone fails. */
  target?: string;
}

export interface Resolver {
  /** By name, then by link target. */
  (written: string, context: ResolveContext): Resolved | undefined;
  byName(written: string, namespace: string): Resolved | undefined;
  /**
   * The type or enum a link points at: the page it opens, or the `#x-values` anchor of an enums page (or of the
   * page itself), an enum in `namespace` first.
   */
  byTarget(target: string, namespace?: string): Resolved | undefined;
}

/**
 * Resolves a type name as the docs write it. Qualified names are looked up as they are; unqualified ones in the
 * mentioning page's namespace, then in microsoft.graph, then anywhere if only one namespace has the name. Case is
 * ignored (the docs write `IdentitySet` and `identitySet` alike). Last, the link target names the page.
 */
export function createResolver(declarations: Declarations): Resolver {
  const byShortName = new Map<string, string[]>();
  for (const key of [...declarations.types.keys(), ...declarations.enums.keys()]) {
    const short = key.slice(key.lastIndexOf(".") + 1);
    byShortName.set(short, [...(byShortName.get(short) ?? []), key]);
  }
  const lookup = (key: string): Resolved | undefined => {
    const type = declarations.types.get(key);
    if (type) return { fqn: type.fqn, kind: "type" };
    const enumType = declarations.enums.get(key);
    return enumType ? { fqn: enumType.fqn, kind: "enum" } : undefined;
  };
  const byName = (written: string, namespace: string): Resolved | undefined => {
    const name = written.trim().replace(/^#/, "").replace(/^graph\./i, `${DEFAULT_NAMESPACE}.`).toLowerCase();
    if (!name) return undefined;
    if (name.includes(".")) return lookup(name);
    for (const ns of [namespace.toLowerCase(), DEFAULT_NAMESPACE]) {
      const found = lookup(`${ns}.${name}`);
      if (found) return found;
    }
    const candidates = byShortName.get(name) ?? [];
    return candidates.length === 1 ? lookup(candidates[0]) : undefined;
  };
  const byTarget = (target: string, namespace = DEFAULT_NAMESPACE): Resolved | undefined => {
    // `../resources/x.md`, `x.md#anchor`, `/graph/api/resources/x?view=graph-rest-1.0`, `enums.md#x-values`
    const [withoutQuery] = target.split("?");
    const [path, anchor] = withoutQuery.split("#");
    const enumAnchor = anchor ? /^(.+)-values$/i.exec(anchor) : null;
    if (enumAnchor) {
      // `[microsoft.graph.security.alertSeverity](#alertseverity-values)` on a security page means its own enum.
      const wanted = enumAnchor[1].toLowerCase();
      for (const ns of [namespace.toLowerCase(), DEFAULT_NAMESPACE]) if (declarations.enums.has(`${ns}.${wanted}`)) return lookup(`${ns}.${wanted}`);
      for (const [key, declaration] of declarations.enums) if (declaration.name.toLowerCase() === wanted) return lookup(key);
    }
    if (!path || /^[a-z]+:/i.test(path)) return undefined; // same-page anchor, or an external URL
    const file = baseName(path.replace(/\/$/, ""));
    const fqn = declarations.byPage.get(file.endsWith(".md") ? file : `${file}.md`);
    return fqn ? lookup(fqn.toLowerCase()) : undefined;
  };
  const resolve = ((written: string, context: ResolveContext) =>
    byName(written, context.namespace) ?? (context.target ? byTarget(context.target, context.namespace) : undefined)) as Resolver;
  resolve.byName = byName;
  resolve.byTarget = byTarget;
  return resolve;
}

/**
 * Resolves a linked mention (`[entity](entity.md)`), and reports a link whose text names one type while its
 * target opens another's page (the label wins: it is what readers see, and what the annotation usually agrees with).
 */
export function resolveLink(
  resolve: Resolver,
  link: { name: string; target?: string; at: Position },
  namespace: string,
  diagnostics: Diagnostic[],
): Resolved | undefined {
  const named = resolve.byName(link.name, namespace);
  const linked = link.target ? resolve.byTarget(link.target, namespace) : undefined;
  if (named && linked && named.fqn !== linked.fqn) {
    diagnostics.push(diagnostic("link-mismatch", `link text "${link.name}" names ${named.fqn} but the link points to ${link.target} (${linked.fqn}); using ${named.fqn}`, link.at));
  }
  return named ?? linked;
}
