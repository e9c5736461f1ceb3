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

/**
 * Resolves a type name as the docs write it. Qualified names are looked up as they are; unqualified ones in the
 * mentioning page's namespace, then in microsoft.graph, then anywhere if only one namespace has the name. Case is
 * ignored (the docs write `IdentitySet` and `identitySet` alike). Last, the link target names the page.
 */
export function createResolver(declarations: Declarations): (written: string, context: ResolveContext) => Resolved | undefined {
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
  return (written, context) => {
    const name = written.trim().replace(/^#/, "").replace(/^graph\./i, `${DEFAULT_NAMESPACE}.`).toLowerCase();
    if (!name) return undefined;
    if (name.includes(".")) {
      const found = lookup(name);
      if (found) return found;
    } else {
      for (const namespace of [context.namespace.toLowerCase(), DEFAULT_NAMESPACE]) {
        const found = lookup(`${namespace}.${name}`);
        if (found) return found;
      }
      const candidates = byShortName.get(name) ?? [];
      if (candidates.length === 1) return lookup(candidates[0]);
    }
    return context.target ? byTarget(declarations, context.target, lookup) : undefined;
  };
}

function byTarget(declarations: Declarations, target: string, lookup: (key: string) => Resolved | undefined): Resolved | undefined {
  const [path, anchor] = target.split("#");
  const enumAnchor = anchor ? /^(.+)-values$/i.exec(anchor) : null;
  if (enumAnchor) {
    const wanted = enumAnchor[1].toLowerCase();
    for (const [key, declaration] of declarations.enums) if (declaration.name.toLowerCase() === wanted) return lookup(key);
  }
  const file = baseName(path.replace(/\/$/, ""));
  const fqn = declarations.byPage.get(file.endsWith(".md") ? file : `${file}.md`);
  return fqn ? lookup(fqn.toLowerCase()) : undefined;
}
