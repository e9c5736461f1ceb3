import type { Code } from "mdast";
import type { JsonBlock, Located } from "../types/index.js";
import { offsetPosition } from "./annotation.js";
import { positionOf } from "./mdast.js";

/**
 * The top-level keys of a JSON representation block. Real blocks are often not strict JSON (placeholders,
 * comments, missing commas), so this scans strings and nesting instead of parsing: it only needs the keys, and
 * the value of a top-level `@odata.type` (how the type's name is spelled in a payload).
 */
export function readJsonBlock(file: string, code: Code): JsonBlock {
  const at = positionOf(file, code);
  // The code value starts on the line after the opening fence.
  const contentStart = { file, line: at.line + 1, column: 1 };
  const text = code.value;
  const keys: Located<string>[] = [];
  const block: JsonBlock = { at, keys };
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      let value = "";
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\") i++;
        value += text[i] ?? "";
      }
      if (depth === 1 && /^\s*:/.test(text.slice(i + 1, i + 40))) {
        keys.push({ value, at: offsetPosition(contentStart, text, start) });
        const odataType = value === "@odata.type" ? /^\s*:\s*"#?([^"\\]*)"/.exec(text.slice(i + 1, i + 300)) : null;
        if (odataType && !block.odataType) block.odataType = { value: odataType[1]!, at: offsetPosition(contentStart, text, start) };
      }
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    }
  }
  return block;
}
