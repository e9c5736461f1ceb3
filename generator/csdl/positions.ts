import type { Position } from "../types/index.js";

/**
 * fast-xml-parser reports no positions, so one linear pass over the text finds where every element starts. Its
 * list is in document order, the same order as a pre-order walk of the parsed tree, so the n-th element visited
 * gets the n-th offset. The same pass notices what must be refused before parsing (a DOCTYPE, nesting deeper than
 * the limit) and how a truncated file ends, which the validator reports poorly.
 */
export interface MarkupScan {
  /** Offset of the `<` of every element start tag, in document order. */
  starts: number[];
  /** Offset of the first `<!DOCTYPE`; scanning stops there. */
  doctype?: number;
  /** Offset of the first start tag nested deeper than the limit; scanning stops there. */
  tooDeep?: number;
  /** Elements still open when the text ends (outermost first): a truncated file. */
  unclosed: OpenElement[];
  /** A comment, CDATA section, processing instruction or tag that the text ends inside. */
  unterminated?: OpenElement;
}

export interface OpenElement {
  /** The element's name, or `comment`, `CDATA section`, `processing instruction`, `declaration`. */
  name: string;
  offset: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Scans markup without building anything but the offset list; never throws, whatever the text. */
export function scanMarkup(text: string, maxDepth: number): MarkupScan {
  const starts: number[] = [];
  const open: OpenElement[] = [];
  let i = text.indexOf("<");
  while (i !== -1) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end === -1) return { starts, unclosed: open, unterminated: { name: "comment", offset: i } };
        i = text.indexOf("<", end + 3);
        continue;
      }
      if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i + 9);
        if (end === -1) return { starts, unclosed: open, unterminated: { name: "CDATA section", offset: i } };
        i = text.indexOf("<", end + 3);
        continue;
      }
      // XML spells it upper-case; any spelling is refused, as nothing after it can be trusted.
      if (text.slice(i + 2, i + 9).toUpperCase() === "DOCTYPE") return { starts, doctype: i, unclosed: open };
      const end = text.indexOf(">", i + 2);
      if (end === -1) return { starts, unclosed: open, unterminated: { name: "declaration", offset: i } };
      i = text.indexOf("<", end + 1);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = text.indexOf("?>", i + 2);
      if (end === -1) return { starts, unclosed: open, unterminated: { name: "processing instruction", offset: i } };
      i = text.indexOf("<", end + 2);
      continue;
    }
    if (next === SLASH) {
      const end = text.indexOf(">", i + 2);
      if (end === -1) return { starts, unclosed: open, unterminated: { name: "end tag", offset: i } };
      open.pop();
      i = text.indexOf("<", end + 1);
      continue;
    }
    if (!isNameStart(next)) {
      // A stray `<` (invalid XML, which the validator reports): not an element.
      i = text.indexOf("<", i + 1);
      continue;
    }
    const end = tagEnd(text, i + 1);
    if (end === -1) return { starts, unclosed: open, unterminated: { name: "start tag", offset: i } };
    if (text.charCodeAt(end) === LT) {
      i = end; // `<a <b>`: invalid (the validator says where); the second `<` may start a real tag.
      continue;
    }
    if (open.length >= maxDepth) return { starts, tooDeep: i, unclosed: open };
    starts.push(i);
    if (text.charCodeAt(end - 1) !== SLASH) open.push({ name: tagName(text, i + 1), offset: i });
    i = text.indexOf("<", end + 1);
  }
  return { starts, unclosed: open };
}

/**
 * The offset of the `>` that closes a start tag, skipping quoted attribute values (which may hold `<` and `>`);
 * or of an unquoted `<` that shows it was no tag; -1 when the text ends first.
 */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      const close = text.indexOf(c === QUOTE ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    } else if (c === LT) {
      return i;
    }
  }
  return -1;
}

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
}

function tagName(text: string, from: number): string {
  const match = /[^\s/>]+/y;
  match.lastIndex = from;
  return match.exec(text)?.[0] ?? "";
}

/**
 * Offsets to 1-based line and column. Lines end at `\n`, `\r\n` or a lone `\r` (XML's line-end normalization);
 * columns count UTF-16 code units, as editors do.
 */
export function locator(file: string, text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  if (text.includes("\r")) {
    lineStarts.length = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) lineStarts.push(i + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { file, line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
