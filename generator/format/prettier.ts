import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { ChunkStore, GeneratedFile } from "../types/index.js";

/**
 * prettier, loaded on first use (about 0.3 s): a run that formats on a pool thread (see `remote`) never loads it on
 * the main thread. Its version, for the cache key, comes from its package.json.
 */
let prettier: Promise<typeof import("prettier")> | undefined;
const prettierVersion = (createRequire(import.meta.url)("prettier/package.json") as { version: string }).version;

/**
 * Fixed options, never a user's prettier config: the output must be byte-identical wherever it is generated.
 * The babel-ts parser prints our output byte-for-byte like the typescript parser (checked on the whole v1.0 and
 * beta corpus output) and parses it about 40% faster; the format stage is the slowest one on large models.
 */
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

/**
 * Loads prettier and the parser and printer plugins it loads on first use, by formatting a line: what a pool thread
 * does before its first batch (parallel/tasks.ts).
 */
export async function loadFormatter(): Promise<void> {
  await formatChunk("export type _ = 0;\n");
}

/** One chunk (or a whole file) through prettier. */
export async function formatChunk(text: string): Promise<string> {
  const { format } = await (prettier ??= import("prettier"));
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
/** On a pool thread, smaller: the thread formats a batch while the main thread prints the next, and the last one is what the run waits for. */
const REMOTE_BATCH_CHARS = 64_000;

/**
 * Texts of whole top-level statements through prettier, several in one call: each call costs about 2 ms besides the
 * text (on v1.0.xml, 436 runs took 1.1 to 1.4 s one by one and 0.66 to 0.75 s joined). Top-level statements format
 * independently, so a batch split at the separators is each text formatted alone; where it does not split into as
 * many pieces (a text holding the separator, or one prettier rejects), each text of the batch is formatted alone.
 * `add` takes the texts in order (each gets the next index); `formatted` gives them back, formatted, by index.
 * Batches go to `remote` (a pool thread) as they fill, while the caller prints the next: else they are formatted
 * here, one after another, once all are in (prettier is synchronous work behind a promise: starting them all at
 * once only adds memory).
 */
/** The promise, marked handled: one that fails while the run awaits another is still thrown where it is awaited. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function batcher(remote: FormatOptions["remote"]): { add: (text: string) => number; formatted: () => Promise<string[]> } {
  const limit = remote ? REMOTE_BATCH_CHARS : BATCH_CHARS;
  const batches: string[][] = [];
  const sent: Promise<string[]>[] = [];
  let current: string[] = [];
  let size = 0;
  let count = 0;
  const close = (): void => {
    if (!current.length) return;
    batches.push(current);
    if (remote) sent.push(handled(remote(current)));
    current = [];
    size = 0;
  };
  return {
    add(text) {
      if (size + text.length > limit) close();
      current.push(text);
      size += text.length;
      return count++;
    },
    async formatted() {
      close();
      const out: string[] = [];
      if (remote) for (const batch of await Promise.all(sent)) out.push(...batch);
      else for (const batch of batches) out.push(...(await formatBatch(batch)));
      return out;
    },
  };
}

/** Texts through prettier in one call (see batcher); what a pool thread runs for the format task. */
export async function formatBatch(texts: readonly string[]): Promise<string[]> {
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
 * The chunks' indices, those of whole files first: a file given as text, not cut by emit, needs no printing, so a
 * thread formats it while this one prints the rest (runtime.ts, formatted whole and last, was 65 to 100 ms of the
 * tail of a v1.0.xml run; it is one chunk now). Tested with `in`: a chunk's `parts` is printed when read.
 */
function wholeFilesFirst(chunks: readonly { chunk: Chunk }[]): number[] {
  const indices = [...chunks.keys()];
  return [...indices.filter((i) => !("parts" in chunks[i]!.chunk)), ...indices.filter((i) => "parts" in chunks[i]!.chunk)];
}

/**
 * The formatted text of chunks: each part already in prettier's layout (see emit/print/pretty.ts) as it is, the
 * others through prettier, batched; each formatted part ends with a newline, and "\n" between them is the blank
 * line prettier keeps. A file's first part (it holds the banner, a user's template: comments that prettier would
 * attach to the statement after them) and a chunk without parts are formatted alone.
 */
async function formatChunks(chunks: readonly { chunk: Chunk; first: boolean }[], remote: FormatOptions["remote"]): Promise<string[]> {
  const batched = batcher(remote);
  // A part formatted alone: sent at once when there is a thread to format it, else formatted below, in turn.
  const alone = (text: string): { alone: string; sent?: Promise<string[]> } => (remote ? { alone: text, sent: handled(remote([text])) } : { alone: text });
  const plan: (string | number | ReturnType<typeof alone>)[][] = new Array(chunks.length);
  for (const i of wholeFilesFirst(chunks)) {
    const { chunk, first } = chunks[i]!;
    const parts: (string | number | ReturnType<typeof alone>)[] = [];
    for (const [p, part] of (chunk.parts ?? [{ text: chunk.text, formatted: false }]).entries()) {
      if (part.formatted) parts.push(part.text);
      else if (!chunk.parts || (first && p === 0)) parts.push(alone(part.text));
      else parts.push(batched.add(part.text));
    }
    plan[i] = parts;
    // Let the pool hand the thread its next batch (it does so on the last one's reply) while this one prints.
    if (remote) await new Promise((resolve) => setImmediate(resolve));
  }
  const done = await batched.formatted();
  const out: string[] = [];
  for (const parts of plan) {
    const texts: string[] = [];
    for (const part of parts) texts.push(typeof part === "string" ? part : typeof part === "number" ? done[part]! : part.sent ? (await part.sent)[0]! : await formatChunk(part.alone));
    out.push(texts.join("\n"));
  }
  return out;
}

const textKey = (text: string): string => createHash("sha256").update("text\0").update(text).digest("hex");

export interface FormatOptions {
  /** Formatted chunks from earlier runs; its version is the printer's (see PRINT_CACHE_VERSION). */
  cache?: ChunkStore;
  /** Formats a batch elsewhere (formatBatch on a pool thread), while this thread prints the next: the same text. */
  remote?: (texts: string[]) => Promise<string[]>;
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
  const { cache, remote } = options;
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
  const texts = await formatChunks(missing.map((m) => ({ chunk: perFile[m.file]![m.chunk]!, first: m.chunk === 0 })), remote);
  missing.forEach((m, i) => {
    formatted[m.file]![m.chunk] = texts[i]!;
    if (m.key) cache!.setChunk(m.key, texts[i]!);
  });
  const stats: FormatStats = { hits: perFile.reduce((n, chunks) => n + chunks.length, 0) - missing.length, misses: missing.length };
  // Each formatted chunk ends with one newline; the extra "\n" is the blank line prettier keeps between statements.
  return { files: files.map((file, f) => ({ path: file.path, text: (formatted[f] as string[]).join("\n") })), stats };
}
