import type { JSDocStructure, JSDocTagStructure } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { TypeUse } from "../types/index.js";
import { docText } from "./names.js";
import { PRIMITIVE_FORMATS } from "./type-text.js";

/** One JSDoc block, or none when there is nothing to say. Every text goes through `docText`. */
export function jsDoc(description: string | undefined, tags: JSDocTagStructure[] = []): JSDocStructure[] {
  if (!description && !tags.length) return [];
  // The trailing newline puts a blank line between the text and the tags; with no text there is nothing to separate.
  return [{ kind: StructureKind.JSDoc, description: description ? docText(description) + (tags.length ? "\n" : "") : undefined, tags: tags.map((t) => ({ ...t, text: t.text === undefined ? undefined : docText(String(t.text)) })) }];
}

export function tag(tagName: string, text?: string): JSDocTagStructure {
  return { kind: StructureKind.JSDocTag, tagName, text };
}

/** `@format` for a primitive TypeScript cannot tell apart (`date-time`, `uuid`, `int64`...); nothing otherwise. */
export function formatTags(type: TypeUse): JSDocTagStructure[] {
  const format = type.kind === "primitive" ? PRIMITIVE_FORMATS[type.edm] : undefined;
  return format ? [tag("format", format)] : [];
}

/**
 * `@deprecated` with the reason and date when the source gives them (CSDL `Core.Revisions`); bare when a doc page
 * only marks the property deprecated; nothing otherwise.
 */
export function deprecationTags(deprecation: string | undefined, deprecated = false): JSDocTagStructure[] {
  if (deprecation) return [tag("deprecated", deprecation)];
  return deprecated ? [tag("deprecated")] : [];
}

/** A JSDoc block written as text (for members inside an object literal, which have no structure of their own). */
export function docComment(description: string | undefined, deprecation: string | undefined): string {
  if (!deprecation) return description ? `/** ${docText(description)} */\n` : "";
  const lines = [...(description ? [...docText(description).split("\n"), ""] : []), ...`@deprecated ${docText(deprecation)}`.split("\n")];
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((line) => (line ? ` * ${line}` : " *")).join("\n")}\n */\n`;
}
