import { diagnostic, type Diagnostic, type DocPage } from "../../types/index.js";
import { addEnum, type Declarations, pageNamespace, splitName } from "./declarations.js";
import { primitiveName } from "../primitives.js";
import type { Resolver } from "./resolve.js";

/**
 * The fourth enum style: a property typed with a name no page defines, whose description lists its members
 * ("Possible values are: `a`, `b`"). The list is the only documentation of that enum, so it becomes one. Rows
 * that narrow ("Supports a subset of the values") say nothing about the whole enum and are not used.
 */
/** A link to a page of its own (not an enums page or an enum's `#x-values` anchor, not an external URL). */
function linksResourcePage(target: string): boolean {
  const [path, anchor] = target.split("?")[0]!.split("#");
  return Boolean(path) && /\.md$/i.test(path!) && !/(^|\/)enums[^/]*\.md$/i.test(path!) && !/-values$/i.test(anchor ?? "") && !/^[a-z]+:/i.test(path!);
}

export function addInlineEnums(pages: readonly DocPage[], declarations: Declarations, resolve: Resolver, canonical: (namespace: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const announced = new Set<string>();
  for (const page of pages) {
    if (page.kind !== "resource") continue;
    const namespace = canonical(pageNamespace(page));
    for (const row of [...page.properties, ...page.relationships]) {
      const written = row.type.name;
      if (!row.possibleValues?.length || row.subset || !/^[A-Za-z_][\w.]*$/.test(written) || primitiveName(written)) continue;
      // `[permission](../resources/permission.md) collection`: a link to a resource page says what the type is,
      // whatever the description lists ("possible values are 'reader', 'writer'" are the roles inside it).
      if (row.type.target && linksResourcePage(row.type.target)) continue;
      // Already declared by a page (or by an earlier row's list): only newly synthesized enums merge further lists.
      const existing = resolve(written, { namespace, ...(row.type.target ? { target: row.type.target } : {}) });
      const qualified = written.includes(".") ? splitName(written) : { namespace, name: written };
      const key = `${canonical(qualified.namespace)}.${qualified.name}`.toLowerCase();
      if (existing && !announced.has(key)) continue;
      addEnum(declarations, { name: qualified.name, at: row.type.at, members: row.possibleValues.map((name) => ({ name, at: row.at })) }, canonical(qualified.namespace), diagnostics);
      if (!announced.has(key)) {
        announced.add(key);
        diagnostics.push(diagnostic("inline-enum", `enum ${canonical(qualified.namespace)}.${qualified.name} is documented nowhere else; its members come from the possible values listed for ${row.name}`, row.type.at));
      }
    }
  }
  return diagnostics;
}
