import type { TableCell } from "mdast";
import type { Position, TypeCell, TypeLink } from "../types/index.js";
import { inlineTokens, plainText, positionOf, type Definitions } from "./mdast.js";

const MAX_TYPE_CELL = 300;

const COLLECTION_FORMS: readonly RegExp[] = [
  /^collection\s*\(\s*(.+?)\s*\)$/i, // Collection(microsoft.graph.x)
  /^collection\s+of\s+(.+)$/i, // Collection of x
  /^(.+?)\s+collection$/i, // [x](x.md) collection, String collection
  /^(.+?)\s*\[\s*\]$/, // x[]
];

/**
 * Reads a Type cell into an element type name and a collection flag. The link (inline or reference-style), when
 * there is one, names the type: its label is the name and its target a hint for resolving unqualified names.
 */
export function readTypeCell(cell: TableCell, at: Position, definitions: Definitions): TypeCell {
  const written = plainText(cell.children);
  const link = inlineTokens(cell.children, definitions).find((token) => token.kind === "link");
  // Real Type cells are a few words; only the start of a longer one is read, which also bounds the cost of the
  // patterns below on a hostile cell (several backtrack quadratically on tens of kilobytes).
  let text = written.slice(0, MAX_TYPE_CELL).replace(/`/g, "").trim();
  // "String collection (read-only)": drop a trailing parenthetical first, so the collection forms still match
  // (but not the one in "Collection(x)", which is the element type).
  const withoutNote = text.replace(/\s*\([^()]*\)\s*$/, "").trim();
  if (withoutNote && !/^collection$/i.test(withoutNote)) text = withoutNote;
  // "[itemReference][]" left as text: a reference link whose definition is missing, not an array.
  text = text.replace(/\[([^\]]+)\]\[\]/g, "$1");
  let collection = false;
  for (const form of COLLECTION_FORMS) {
    const match = form.exec(text);
    if (match) {
      text = match[1].trim();
      collection = true;
      break;
    }
  }
  // "Int32 (read-only)", "String (identifier)": the parenthetical is commentary, not part of the name.
  let name = text.replace(/\s*\(.*\)\s*$/, "").trim();
  if (link && link.kind === "link" && link.value.trim() && name.includes(link.value.trim())) name = link.value.trim();
  // "string, maximum size 20", "[itemReference]" (a reference link with no definition): the name is the first word.
  const word = /^\[?([A-Za-z_][\w.]*)\]?(?:[\s,;:]|$)/.exec(name.replace(/^#/, ""));
  name = word ? word[1].replace(/\.+$/, "") : name.replace(/[.,;:]+$/, "").replace(/^#/, "");
  const cellType: TypeCell = { written, name, collection, at };
  if (link && link.kind === "link" && link.url) cellType.target = link.url;
  const alternatives = alternativesOf(cell, definitions, at);
  if (alternatives) cellType.alternatives = alternatives;
  return cellType;
}

/**
 * "[appHostedMediaConfig](...) or [serviceHostedMediaConfig](...)": a cell that names each type a value may be,
 * joined by "or" (the model stage types it with what they have in common). Undefined for a cell of one type.
 */
function alternativesOf(cell: TableCell, definitions: Definitions, at: Position): TypeLink[] | undefined {
  const tokens = inlineTokens(cell.children, definitions).filter((t) => t.kind !== "text" || t.value.trim());
  if (tokens.length < 3 || tokens.length % 2 === 0) return undefined;
  const names: TypeLink[] = [];
  for (const [i, token] of tokens.entries()) {
    if (i % 2 === 1) {
      if (token.kind !== "text" || !/^\s*or\s*$/i.test(token.value)) return undefined;
      continue;
    }
    const name = token.value.replace(/[`*]/g, "").trim();
    if (!/^[A-Za-z_][\w.]*$/.test(name)) return undefined;
    names.push({ name, ...(token.kind === "link" && token.url ? { target: token.url } : {}), at: token.kind === "link" ? positionOf(at.file, token.node) : at });
  }
  return names;
}
