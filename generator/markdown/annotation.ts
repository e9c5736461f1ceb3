import type { Html } from "mdast";
import { diagnostic, type Diagnostic, type Position, type ResourceAnnotation } from "../types/index.js";
import { positionOf } from "./mdast.js";

/** Is this HTML node a docs annotation comment (`<!-- { "blockType": ... } -->`)? */
export function isAnnotationComment(node: Html): boolean {
  return node.value.startsWith("<!--") && /"blockType"\s*:/.test(node.value);
}

/**
 * Reads a `blockType: "resource"` annotation. The docs are hand-written, so this is lenient where the intent is
 * unambiguous (trailing commas, `"true"` for true, `@type` for `@odata.type`) and precise where it is not: a
 * comment that is not JSON becomes a diagnostic pointing at the offending character.
 */
export function readAnnotation(
  file: string,
  node: Html,
): { blockType?: string; annotation?: ResourceAnnotation; diagnostics: Diagnostic[] } {
  const at = positionOf(file, node);
  // Blank out the comment markers and trailing commas instead of removing them, so offsets stay true to the file.
  const body = blankTrailingCommas(node.value.replace(/^<!--/, "    ").replace(/-->\s*$/, (m) => " ".repeat(m.length)));
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const offset = errorOffset(error, body);
    const where = offset === undefined ? at : offsetPosition(at, node.value, offset);
    const reason = error instanceof Error ? error.message.replace(/ in JSON at position \d+.*$/, "").replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, "") : String(error);
    // A broken request/response/example comment says nothing about types; only a broken resource annotation matters.
    const guessed = /"blockType"\s*:\s*"([^"]*)"/.exec(body)?.[1];
    if (guessed !== undefined && guessed !== "resource") return { blockType: guessed, diagnostics: [] };
    return { blockType: "resource", diagnostics: [diagnostic("invalid-annotation", `annotation comment is not valid JSON: ${reason}`, where)] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { diagnostics: [diagnostic("invalid-annotation", "annotation comment is not a JSON object", at)] };
  }
  const record = value as Record<string, unknown>;
  const blockType = typeof record.blockType === "string" ? record.blockType : undefined;
  if (blockType !== "resource") return { ...(blockType ? { blockType } : {}), diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const text = (key: string): string | undefined => {
    const v = record[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v.trim() || undefined;
    diagnostics.push(diagnostic("invalid-annotation", `annotation "${key}" should be a string, not ${JSON.stringify(v)}`, at));
    return undefined;
  };
  const flag = (key: string): boolean | undefined => {
    const v = record[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    diagnostics.push(diagnostic("invalid-annotation", `annotation "${key}" should be true or false, not ${JSON.stringify(v)}`, at));
    return undefined;
  };
  const annotation: ResourceAnnotation = { at };
  const odataType = text("@odata.type") ?? text("@type");
  if (odataType) annotation.odataType = odataType.replace(/^#/, "");
  if (record.baseType === null) annotation.baseType = null;
  else {
    const baseType = text("baseType");
    if (baseType) annotation.baseType = baseType.replace(/^#/, "");
  }
  const keyProperty = text("keyProperty");
  if (keyProperty) annotation.keyProperty = keyProperty;
  const openType = flag("openType");
  if (openType !== undefined) annotation.openType = openType;
  const abstract = flag("abstract");
  if (abstract !== undefined) annotation.abstract = abstract;
  return { blockType, annotation, diagnostics };
}

/** Replaces each comma that only precedes `}` or `]` (outside strings) with a space. */
function blankTrailingCommas(json: string): string {
  const chars = json.split("");
  let inString = false;
  let pendingComma = -1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      pendingComma = -1;
    } else if (c === ",") pendingComma = i;
    else if (c === "}" || c === "]") {
      if (pendingComma >= 0) chars[pendingComma] = " ";
      pendingComma = -1;
    } else if (!/\s/.test(c)) pendingComma = -1;
  }
  return chars.join("");
}

function errorOffset(error: unknown, body: string): number | undefined {
  const end = body.trimEnd().length;
  const message = error instanceof Error ? error.message : "";
  const match = /at position (\d+)/.exec(message);
  // An error past the last character (a missing "}") points just after it, as "Unexpected end" does.
  if (match) return Math.min(Number(match[1]), end);
  if (/unexpected end/i.test(message)) return end;
  // "Unexpected token 'x', ..." names no position: the offending character ends the shortest prefix that fails
  // other than by being cut short. JSON is read left to right, so once a prefix fails that way every longer one
  // does too: a binary search finds it in log(n) parses (a linear scan was quadratic on a long comment).
  const realError = (length: number): number | undefined => {
    try {
      JSON.parse(body.slice(0, length));
      return undefined;
    } catch (prefixError) {
      const text = prefixError instanceof Error ? prefixError.message : "";
      const at = /at position (\d+)/.exec(text);
      if (/unexpected end/i.test(text) || (at && Number(at[1]) >= length)) return undefined;
      return at ? Number(at[1]) : length - 1;
    }
  };
  let low = 1;
  let high = body.length;
  if (realError(high) === undefined) return undefined;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (realError(middle) === undefined) low = middle + 1;
    else high = middle;
  }
  return realError(low);
}

/** The file position of a character offset inside a node's source text. */
export function offsetPosition(start: Position, text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  if (lines.length === 1) return { ...start, column: start.column + offset };
  return { file: start.file, line: start.line + lines.length - 1, column: lines[lines.length - 1].length + 1 };
}
