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
 * Between texts formatted in one prettier call: a statement prettier leaves as it is, on a line of its own, a blank
 * line on either side (the blank line it keeps between statements).
 */
const SPLIT = "GRAPH_TYPEGEN_FORMAT_SPLIT;";
const SEPARATOR = `\n${SPLIT}\n\n`;

/** Most text in one prettier call: past this, a larger batch saves no more per-call cost and only holds more syntax tree. */
const BATCH_CHARS = 256_000;

/**
 * Texts of whole top-level statements through prettier, several in one call: each call costs about 2 ms besides the
 * text (on v1.0.xml, 436 runs took 1.1 to 1.4 s one by one and 0.66 to 0.75 s joined). Top-level statements format
 * independently, so a batch split at the separators is each text formatted alone; where it does not split into as
 * many pieces (a text holding the separator, or one prettier rejects), each text of the batch is formatted alone.
 */
async function formatBatched(texts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    out.push(...(await formatBatch(batch)));
    batch = [];
    size = 0;
  };
  for (const text of texts) {
    if (size + text.length > BATCH_CHARS && batch.length) await flush();
    batch.push(text);
    size += text.length;
  }
  if (batch.length) await flush();
  return out;
}

async function formatBatch(texts: readonly string[]): Promise<string[]> {
  const alone = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const text of texts) out.push(await formatChunk(text));
    return out;
  };
  if (texts.length < 2 || texts.some((t) => t.includes(SPLIT) || !t.endsWith("\n"))) return alone();
  let pieces: string[];
  try {
    pieces = (await formatChunk(texts.join(SEPARATOR))).split(SEPARATOR);
  } catch {
    return alone(); // the same error, from the text that has it
  }
  return pieces.length === texts.length && pieces.every((p) => p.endsWith("\n")) ? pieces : alone();
}

type Chunk = NonNullable<GeneratedFile["chunks"]>[number];

/**
 * The formatted text of chunks: each part already in prettier's layout (see emit/print/pretty.ts) as it is, the
 * others through prettier, batched; each formatted part ends with a newline, and "\n" between them is the blank
 * line prettier keeps. A file's first part (it holds the banner, a user's template: comments that prettier would
 * attach to the statement after them) and a chunk without parts are formatted alone.
 */
async function formatChunks(chunks: readonly { chunk: Chunk; first: boolean }[]): Promise<string[]> {
  const batched: string[] = [];
  const plan: (string | number | { alone: string })[][] = chunks.map(({ chunk, first }) =>
    (chunk.parts ?? [{ text: chunk.text, formatted: false }]).map((part, p) => {
      if (part.formatted) return part.text;
      if (!chunk.parts || (first && p === 0)) return { alone: part.text };
      return batched.push(part.text) - 1;
    }),
  );
  const done = await formatBatched(batched);
  const out: string[] = [];
  // One after another: prettier is synchronous work behind a promise, so starting them all at once only adds memory.
  for (const parts of plan) {
    const texts: string[] = [];
    for (const part of parts) texts.push(typeof part === "string" ? part : typeof part === "number" ? done[part]! : await formatChunk(part.alone));
    out.push(texts.join("\n"));
  }
  return out;
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
  const texts = await formatChunks(missing.map((m) => ({ chunk: perFile[m.file]![m.chunk]!, first: m.chunk === 0 })));
  missing.forEach((m, i) => {
    formatted[m.file]![m.chunk] = texts[i]!;
    if (m.key) cache!.setChunk(m.key, texts[i]!);
  });
  const stats: FormatStats = { hits: perFile.reduce((n, chunks) => n + chunks.length, 0) - missing.length, misses: missing.length };
  // Each formatted chunk ends with one newline; the extra "\n" is the blank line prettier keeps between statements.
  return { files: files.map((file, f) => ({ path: file.path, text: (formatted[f] as string[]).join("\n") })), stats };
}
