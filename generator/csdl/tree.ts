import { diagnostic, type Diagnostic, type Position } from "../types/index.js";

/** One element of the document, as the CSDL readers see it: local name, decoded attributes, text, position. */
export interface XmlElement {
  /** Local name: `edmx:DataServices` is `DataServices`. CSDL readers match on these. */
  name: string;
  /** The name as written, for messages. */
  qualifiedName: string;
  /** Decoded values. A Map, so names like `__proto__` or `constructor` are just keys. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** Decoded character data directly inside the element (CDATA verbatim), trimmed; "" when none; absent when too long. */
  text?: string;
  at: Position;
}

/** fast-xml-parser's `preserveOrder` node: `{ tag: children, ":@": { "@_name": value } }` or `{ "#text": "..." }`. */
type OrderedNode = Record<string, unknown>;

export const ATTRIBUTE_PREFIX = "@_";
export const TEXT = "#text";
export const CDATA = "#cdata";
const ATTRIBUTES = ":@";

/**
 * Turns the parser's ordered tree into `XmlElement`s. The walk is a loop over an explicit stack, so nesting costs
 * heap, not call stack; elements are visited in pre-order, which is document order, so the n-th one gets the n-th
 * start-tag position. Oversize attribute values and text are dropped with a diagnostic.
 */
export function buildTree(
  nodes: OrderedNode[],
  positionOf: (index: number) => Position,
  maxValueLength: number,
  diagnostics: Diagnostic[],
): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: Array<{ node: OrderedNode; siblings: XmlElement[] }> = [];
  const pushChildren = (children: OrderedNode[], siblings: XmlElement[]) => {
    for (let i = children.length - 1; i >= 0; i--) if (elementKey(children[i])) stack.push({ node: children[i], siblings });
  };
  pushChildren(nodes, roots);
  let index = 0;
  while (stack.length) {
    const { node, siblings } = stack.pop()!;
    const qualifiedName = elementKey(node)!;
    const content = Array.isArray(node[qualifiedName]) ? (node[qualifiedName] as OrderedNode[]) : [];
    const at = positionOf(index++);
    const element: XmlElement = {
      name: qualifiedName.slice(qualifiedName.lastIndexOf(":") + 1),
      qualifiedName,
      attributes: new Map(),
      children: [],
      at,
    };
    readAttributes(node[ATTRIBUTES], element, maxValueLength, diagnostics);
    const text = readText(content, element, maxValueLength, diagnostics);
    if (text !== undefined) element.text = text;
    siblings.push(element);
    pushChildren(content, element.children);
  }
  return roots;
}

/** The tag name of an element node; undefined for text, CDATA and anything unexpected. */
function elementKey(node: OrderedNode): string | undefined {
  for (const key of Object.keys(node)) {
    if (key !== ATTRIBUTES) return key === TEXT || key === CDATA ? undefined : key;
  }
  return undefined;
}

function readAttributes(raw: unknown, element: XmlElement, maxLength: number, diagnostics: Diagnostic[]): void {
  if (!raw || typeof raw !== "object") return;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const name = key.startsWith(ATTRIBUTE_PREFIX) ? key.slice(ATTRIBUTE_PREFIX.length) : key;
    const text = String(value);
    if (text.length > maxLength) {
      diagnostics.push(tooLong(`attribute ${name} of <${element.qualifiedName}>`, text.length, maxLength, element.at));
      continue;
    }
    element.attributes.set(name, decodeReferences(normalizeAttributeWhitespace(text), illFormed(`attribute ${name} of <${element.qualifiedName}>`, element.at, diagnostics)));
  }
}

function readText(content: OrderedNode[], element: XmlElement, maxLength: number, diagnostics: Diagnostic[]): string | undefined {
  let text = "";
  for (const node of content) {
    if (typeof node[TEXT] === "string") text += decodeReferences(node[TEXT], illFormed(`the text of <${element.qualifiedName}>`, element.at, diagnostics));
    else if (Array.isArray(node[CDATA])) text += (node[CDATA] as OrderedNode[]).map((part) => String(part[TEXT] ?? "")).join("");
  }
  if (text.length > maxLength) {
    diagnostics.push(tooLong(`the text of <${element.qualifiedName}>`, text.length, maxLength, element.at));
    return undefined;
  }
  return text.trim();
}

function tooLong(what: string, length: number, limit: number, at: Position): Diagnostic {
  return diagnostic("csdl-invalid-value", `${what} is ${length} characters, over the limit of ${limit}; dropped`, at);
}

/** XML attribute-value normalization: each line end or tab is one space (character references are not). */
function normalizeAttributeWhitespace(value: string): string {
  return /[\t\n\r]/.test(value) ? value.replace(/\r\n?|[\n\t]/g, " ") : value;
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The five predefined entities and numeric character references. The parser's own entity handling is off (no
 * DOCTYPE entities, no HTML entities): anything else, like `&nbsp;`, stays as written.
 */
export function decodeReferences(value: string, onIllFormed?: (reference: string) => void): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d{1,8})|#x([0-9a-fA-F]{1,7}));/g, (whole, name: string, dec: string, hex: string) => {
    if (name) return PREDEFINED[name];
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    if (isXmlChar(code)) return String.fromCodePoint(code);
    // A reference to a character XML does not allow (`&#x0;`, `&#xFFFF;`): the document is not well-formed there.
    onIllFormed?.(whole);
    return "";
  });
}

/** XML 1.0's Char production: tab, line ends, and the rest of Unicode but surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function illFormed(where: string, at: Position, diagnostics: Diagnostic[]): (reference: string) => void {
  return (reference) => diagnostics.push(diagnostic("invalid-xml", `${where} has the character reference ${reference}, a character XML does not allow; it is left out`, at));
}
