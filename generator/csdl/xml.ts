import { XMLParser, XMLValidator, type X2jOptions } from "fast-xml-parser";
import { diagnostic, type Diagnostic, type Position } from "../types/index.js";
import type { CsdlLimits } from "./limits.js";
import { locator, scanMarkup, type MarkupScan } from "./positions.js";
import { ATTRIBUTE_PREFIX, buildTree, CDATA, TEXT, type XmlElement } from "./tree.js";

export interface XmlResult {
  /** Top-level elements; empty when the document was refused or unreadable. */
  roots: XmlElement[];
  diagnostics: Diagnostic[];
}

const PARSER_OPTIONS: X2jOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT,
  // CDATA apart from text, because character references are decoded in text but not in CDATA.
  cdataPropName: CDATA,
  parseAttributeValue: false,
  parseTagValue: false,
  // Drops the whitespace-only text between elements; attribute values and text lose edge spaces, which CSDL never
  // gives meaning to.
  trimValues: true,
  // Entities are decoded by tree.ts (predefined and numeric only); a DOCTYPE never gets this far.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
};

/**
 * Text to elements, in the order that keeps hostile input cheap: size, then one linear scan (DOCTYPE, depth,
 * positions), then the validator, and only then the parser. Nothing here throws for bad input.
 */
export function readXml(file: string, raw: string, limits: CsdlLimits): XmlResult {
  const start: Position = { file, line: 1, column: 1 };
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > limits.maxBytes) {
    return refuse(diagnostic("input-too-large", `the document is ${bytes} bytes, over the limit of ${limits.maxBytes}; not parsed`, start));
  }
  // A byte order mark is not part of the first line's columns (nor of the XML).
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!/\S/.test(text)) return refuse(diagnostic("invalid-xml", "the document is empty", start));
  const notXml = notXmlAtAll(text, start);
  if (notXml) return refuse(notXml);

  const locate = locator(file, text);
  const scan = scanMarkup(text, limits.maxDepth);
  if (scan.doctype !== undefined) {
    return refuse(diagnostic("unsafe-xml", "the document has a DOCTYPE (entity declarations can expand without bound or read local files); CSDL needs none, so nothing was parsed", locate(scan.doctype)));
  }
  if (scan.tooDeep !== undefined) {
    return refuse(diagnostic("nesting-too-deep", `elements nest more than ${limits.maxDepth} levels deep here; nothing was parsed`, locate(scan.tooDeep)));
  }

  const validation = XMLValidator.validate(text);
  if (validation !== true) return refuse(invalidXml(validation.err, scan, text, locate, start));

  let ordered: unknown;
  try {
    ordered = new XMLParser({ ...PARSER_OPTIONS, maxNestedTags: limits.maxDepth + 1 }).parse(text);
  } catch (error) {
    // What the validator lets through and the parser still rejects (reserved names such as `__proto__`).
    return refuse(diagnostic("invalid-xml", `the XML parser rejected the document: ${error instanceof Error ? error.message : String(error)}`, start));
  }
  const diagnostics: Diagnostic[] = [];
  // Scanner and parser see the same start tags (the corpus test checks this on real files); should they ever
  // disagree, positions degrade to the file's start rather than anything throwing.
  const positionOf = (index: number): Position => (index < scan.starts.length ? locate(scan.starts[index]) : start);
  const roots = buildTree(Array.isArray(ordered) ? ordered : [], positionOf, limits.maxAttributeLength, diagnostics);
  return { roots, diagnostics };
}

/**
 * What a file given as metadata is when it is not XML, or is an HTML page (a failed download saves the server's
 * error page; `$metadata?$format=json` is JSON): said plainly instead of a parser's first complaint.
 */
function notXmlAtAll(text: string, start: Position): Diagnostic | undefined {
  const first = /\S/.exec(text)!;
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text.slice(first.index, first.index + 20))) {
    return diagnostic("not-csdl", "not CSDL metadata: the file is an HTML page (a failed download, or an error or login page saved as metadata?)", start);
  }
  if (text[first.index] === "<") return undefined;
  const shown = JSON.stringify(text.slice(first.index, first.index + 20));
  const json = text[first.index] === "{" || text[first.index] === "[" ? " (JSON: CSDL metadata is the XML of $metadata, not its JSON form)" : "";
  return diagnostic("not-csdl", `not CSDL metadata: the file is not XML, it starts with ${shown}${json}`, start);
}

function refuse(problem: Diagnostic): XmlResult {
  return { roots: [], diagnostics: [problem] };
}

/**
 * The validator's error as a diagnostic. For a truncated file it blames the first line (its "Invalid '[...]'
 * found" and "Unclosed tag" errors) instead of where the text stops, so then the scan's view is used: the end of
 * the text, with the construct or element left open as the related place.
 */
function invalidXml(
  error: { code: string; msg: string; line: number; col: number },
  scan: MarkupScan,
  text: string,
  locate: (offset: number) => Position,
  start: Position,
): Diagnostic {
  const endOfInput = /^Invalid '\[|^Unclosed tag|^Start tag expected/.test(error.msg);
  const open = scan.unterminated ?? scan.unclosed[scan.unclosed.length - 1];
  if (endOfInput && open) {
    const what = scan.unterminated ? `inside a ${open.name}` : `with <${open.name}> still open`;
    return diagnostic("invalid-xml", `the document ends ${what} (truncated?)`, locate(text.trimEnd().length), [
      { message: `${scan.unterminated ? `the ${open.name}` : `<${open.name}>`} begins here`, at: locate(open.offset) },
    ]);
  }
  const at = error.line ? { file: start.file, line: error.line, column: error.col || 1 } : start;
  return diagnostic("invalid-xml", `invalid XML: ${error.msg}`, at);
}
