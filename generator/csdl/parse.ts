import { diagnostic, type CsdlDocument, type Diagnostic, type SourceText } from "../types/index.js";
import { resolveLimits, type CsdlLimits } from "./limits.js";
import { childrenNamed, optional, type ReadContext } from "./attributes.js";
import { readSchema } from "./schema.js";
import type { XmlElement } from "./tree.js";
import { readXml } from "./xml.js";

export type { CsdlLimits } from "./limits.js";
export { DEFAULT_CSDL_LIMITS } from "./limits.js";

export interface CsdlResult {
  document: CsdlDocument;
  diagnostics: Diagnostic[];
}

/**
 * The CSDL adapter: one metadata document (`edmx:Edmx` > `edmx:DataServices` > `Schema`*, or a bare `Schema`) in,
 * one plain record with positions and its diagnostics out. Unsafe, oversized or malformed XML yields a document
 * without schemas and the diagnostic that says why; a bad element is skipped and the rest is still read.
 */
export function parseCsdl(source: SourceText, limits?: Partial<CsdlLimits>): CsdlResult {
  const file = source.path;
  const xml = readXml(file, source.text, resolveLimits(limits));
  const context: ReadContext = { diagnostics: xml.diagnostics };
  const document: CsdlDocument = { file, schemas: [] };
  const root = xml.roots[0];
  if (!root) return { document, diagnostics: context.diagnostics };

  let schemas: XmlElement[];
  if (root.name === "Edmx") {
    Object.assign(document, optional("version", root.attributes.get("Version")));
    schemas = childrenNamed(root, "DataServices").flatMap((services) => childrenNamed(services, "Schema"));
  } else if (root.name === "Schema") {
    schemas = [root];
  } else {
    const html = root.name.toLowerCase() === "html" ? " (an HTML page: a failed download or a login page saved as metadata?)" : "";
    context.diagnostics.push(diagnostic("not-csdl", `not a CSDL document: the root element is <${root.qualifiedName}>${html}, not edmx:Edmx or Schema`, root.at));
    schemas = [];
  }
  if (!schemas.length && root.name === "Edmx") {
    context.diagnostics.push(diagnostic("not-csdl", "the metadata has no Schema (edmx:Edmx > edmx:DataServices > Schema): it declares no types", root.at));
  }
  for (const element of schemas) {
    const schema = readSchema(context, element);
    if (schema) document.schemas.push(schema);
  }
  return { document, diagnostics: context.diagnostics };
}
