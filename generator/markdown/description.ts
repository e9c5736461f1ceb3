import type { TableCell } from "mdast";
import type { Position, TypeLink } from "../types/index.js";
import { inlineTokens, type Definitions, type InlineToken, positionOf } from "./mdast.js";

/** What a property's Description cell says beyond its prose. */
export interface DescriptionFacts {
  possibleValues?: string[];
  subset: boolean;
  nullable?: boolean;
  deprecated: boolean;
  inheritedFrom?: TypeLink;
}

/** Tested on text with trailing space trimmed: `\s*:?\s*$` backtracked quadratically on a long run of spaces. */
const POSSIBLE_VALUES = /possible values?\s+(?:is|are|include)(?:\s*:)?$/i;
const SEPARATOR = /^[\s,;]*(?:(?:and|or)\b)?[\s,;]*$/i;

export function readDescriptionFacts(cell: TableCell, file: string, definitions: Definitions): DescriptionFacts {
  const tokens = inlineTokens(cell.children, definitions);
  const text = tokens.map((t) => t.value).join("");
  const facts: DescriptionFacts = {
    subset: /supports a subset of the values/i.test(text),
    deprecated: /^\s*deprecated\b/i.test(text) || /\b(?:this|the) (?:property|relationship) (?:is|has been) deprecated\b/i.test(text),
  };
  const possibleValues = readPossibleValues(tokens);
  if (possibleValues?.length) facts.possibleValues = possibleValues;
  if (/\bnot nullable\b|\bnon-nullable\b/i.test(text)) facts.nullable = false;
  else if (/\bnullable\b/i.test(text)) facts.nullable = true;
  const inherited = readInheritedFrom(tokens, positionOf(file, cell));
  if (inherited) facts.inheritedFrom = inherited;
  return facts;
}

/**
 * "Possible values are: `a`, `b`, `c`." reads the code spans after the phrase; without code spans, the
 * comma-separated words up to the end of the sentence.
 */
function readPossibleValues(tokens: readonly InlineToken[]): string[] | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== "text") continue;
    const phrase = /possible values?\s+(?:is|are|include)\s*:?\s*/i.exec(token.value);
    if (!phrase) continue;
    const rest = token.value.slice(phrase.index + phrase[0].length);
    if (POSSIBLE_VALUES.test(token.value.trimEnd()) || rest.trim() === "") {
      const values: string[] = [];
      for (let j = i + 1; j < tokens.length; j++) {
        const next = tokens[j];
        if (next.kind === "code") values.push(next.value.trim());
        else if (next.kind === "text" && SEPARATOR.test(next.value)) continue;
        else break;
      }
      if (values.length) return values;
    }
    const sentence = rest.split(/\.(?:\s|$)/)[0];
    const words = sentence
      .split(/,|\bor\b|\band\b/)
      .map((w) => w.trim().replace(/^["'`]|["'`]$/g, ""))
      .filter((w) => /^[A-Za-z_][\w]*$/.test(w));
    if (words.length) return words;
  }
  return undefined;
}

/**
 * "Inherited from [operation](partners-billing-operation.md).": the phrase begins a sentence (or the cell), so
 * prose such as "directly assigned or inherited from a group" is not read as the marker.
 */
function readInheritedFrom(tokens: readonly InlineToken[], at: Position): TypeLink | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const sentenceStart = i === 0 || (tokens[i - 1]!.kind === "text" && /[.!?]\s*$/.test(tokens[i - 1]!.value));
    const startsHere = (pattern: string): RegExp => new RegExp(`${sentenceStart ? "(?:^|[.!?]\\s+)" : "[.!?]\\s+"}${pattern}`, "i");
    if (token.kind !== "text" || !startsHere("inherited from\\s*$").test(token.value)) {
      const inline = token.kind === "text" ? startsHere("inherited from\\s+([A-Za-z_][\\w.]*)").exec(token.value) : null;
      if (inline) return { name: inline[1].replace(/\.$/, ""), at };
      continue;
    }
    const next = tokens[i + 1];
    if (next?.kind === "link") return { name: next.value.trim(), ...(next.url ? { target: next.url } : {}), at: positionOf(at.file, next.node) };
    if (next?.kind === "code") return { name: next.value.trim(), at };
  }
  return undefined;
}
