import { createHash } from "node:crypto";
import { format, version as prettierVersion } from "prettier";
import type { ChunkStore, GeneratedFile } from "../types/index.js";

/**
 * Fixed options, never a user's prettier config: the output must be byte-identical wherever it is generated.
 * The babel-ts parser prints our output byte-for-byte like the typescript parser (checked on the whole v1.0 and
 * beta corpus output) and parses it about 40% faster; the format stage is the slowest one on large models.
 */
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

/** One chunk (or a whole file) through prettier. */
export function formatChunk(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}

/**
 * sha256 of prettier's version, the options, the printer that made the chunk's text (the store's version) and the
 * chunk's own key (a content hash of what it is printed from, from the emit stage, or of the text itself):
 * everything the formatted text depends on.
 */
export function formatCacheKey(chunkKey: string, printer: string): string {
  return createHash("sha256").update(`prettier ${prettierVersion} ${JSON.stringify(PRETTIER_OPTIONS)}\0${printer}\0`).update(chunkKey).digest("hex");
}

/**
 * A chunk through prettier: only the parts that are not already in its layout (see emit/print/pretty.ts), when the emit
 * stage says which; each formatted part ends with a newline, and "\n" between them is the blank line prettier keeps.
 */
async function formatParts(chunk: { readonly text: string; readonly parts?: readonly { readonly text: string; readonly formatted: boolean }[] }): Promise<string> {
  if (!chunk.parts) return formatChunk(chunk.text);
  const texts: string[] = [];
  for (const part of chunk.parts) texts.push(part.formatted ? part.text : await formatChunk(part.text));
  return texts.join("\n");
}

const textKey = (text: string): string => createHash("sha256").update("text\0").update(text).digest("hex");

export interface FormatOptions {
  /** Formatted chunks from earlier runs; its version is the printer's (see PRINT_CACHE_VERSION). */
  cache?: ChunkStore;
}

/** What a format run cost: chunks found in the cache, and chunks formatted. */
export interface FormatStats {
  hits: number;
  misses: number;
}

/**
 * The format stage: every generated file through prettier, chunk by chunk where the emit stage cut it (top-level
 * statements format independently, so the joined chunks are the formatted file; and prettier formats a few hundred
 * small chunks faster than one multi-megabyte module), each chunk from the cache when it was formatted before.
 */
export async function formatFiles(files: readonly GeneratedFile[], options: FormatOptions = {}): Promise<GeneratedFile[]> {
  return (await formatFilesWithStats(files, options)).files;
}

export async function formatFilesWithStats(files: readonly GeneratedFile[], options: FormatOptions = {}): Promise<{ files: GeneratedFile[]; stats: FormatStats }> {
  const { cache } = options;
  const perFile = files.map((file) => file.chunks ?? [{ key: textKey(file.text), text: file.text }]);
  const formatted = perFile.map((chunks) => new Array<string | undefined>(chunks.length));
  const missing: { file: number; chunk: number; key?: string }[] = [];
  perFile.forEach((chunks, f) =>
    chunks.forEach((chunk, c) => {
      const key = cache ? formatCacheKey(chunk.key, cache.version) : undefined;
      const hit = key ? cache!.getChunk(key) : undefined;
      if (hit !== undefined) formatted[f][c] = hit;
      else missing.push({ file: f, chunk: c, ...(key ? { key } : {}) });
    }),
  );
  // One after another: prettier is synchronous work behind a promise, so starting them all at once only adds memory.
  for (const m of missing) {
    const text = await formatParts(perFile[m.file][m.chunk]);
    formatted[m.file][m.chunk] = text;
    if (m.key) cache!.setChunk(m.key, text);
  }
  const stats: FormatStats = { hits: perFile.reduce((n, chunks) => n + chunks.length, 0) - missing.length, misses: missing.length };
  // Each formatted chunk ends with one newline; the extra "\n" is the blank line prettier keeps between statements.
  return { files: files.map((file, f) => ({ path: file.path, text: (formatted[f] as string[]).join("\n") })), stats };
}
