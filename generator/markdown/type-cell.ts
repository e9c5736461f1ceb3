import type { TableCell } from "mdast";
import type { Position, TypeCell } from "../types/index.js";
import { inlineTokens, plainText, type Definitions } from "./mdast.js";

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
  return cellType;
}
