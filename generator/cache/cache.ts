import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Diagnostic, DocPage, SourceText } from "../types/index.js";

/**
 * A cache of parsed Markdown pages and of formatted output chunks, so that a run after one page changed re-parses
 * only that page and re-formats only the chunks whose text changed. Keys are content hashes (see `parseCacheKey`
 * and format/prettier.ts `formatCacheKey`), so an entry can never be stale; the cache must never change the output.
 */

/** What the Markdown stage makes of one page (after the limits check): the page, if any, and its diagnostics. */
export interface CachedPage {
  page?: DocPage;
  diagnostics: Diagnostic[];
}

export interface ParseCache {
  get(key: string): CachedPage | undefined;
  set(key: string, value: CachedPage): void;
  /** Formatted chunks (optional, so a cache written for pages alone still works: it then caches no chunks). */
  getChunk?(key: string): string | undefined;
  setChunk?(key: string, text: string): void;
}

/** Bumped whenever what a page parses to changes shape, on top of the package version. */
const CACHE_FORMAT = 1;

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/**
 * A hash of the code that turns a page into a record (the Markdown adapter and the record types), so that editing
 * the parser invalidates the cache even without a version bump: a stale entry would silently change the output.
 */
function codeHash(folders: readonly string[]): string {
  const hash = createHash("sha256");
  for (const folder of folders) {
    const dir = new URL(folder, import.meta.url);
    for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(new URL(file, dir)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The generator version the keys include: another release, or changed parser code, never reads these entries. */
export const CACHE_VERSION = `${packageJson.version}+${CACHE_FORMAT}+${codeHash(["../markdown/", "../types/"])}`;

/** The same for compiled modules (emit "js"): the compile stage's code is part of what its output depends on. */
export const COMPILE_CACHE_VERSION = `${packageJson.version}+${codeHash(["../compile/"])}`;

/**
 * The same for formatted chunks: a chunk's key hashes the structures it is printed from, so what prints them (the
 * ts-morph printer and emit's print code) is part of what a formatted chunk depends on.
 */
export const PRINT_CACHE_VERSION = `ts-morph ${tsMorphVersion()}+${codeHash(["../emit/print/"])}`;

function tsMorphVersion(): string {
  const main = createRequire(import.meta.url).resolve("ts-morph");
  return (JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version: string }).version;
}

/** sha256 of (generator version, file path as shown, file text): the path is part of the key because diagnostics name it. */
export function parseCacheKey(source: SourceText, version = CACHE_VERSION): string {
  return createHash("sha256").update(version).update("\0").update(source.path).update("\0").update(source.text).digest("hex");
}

/**
 * Watch mode's cache: kept in memory between runs. Entries are kept as JSON, like on disk, so a later stage that
 * changed a page object could not leak into the next run, and a hit is exactly what a disk hit would be.
 */
export class MemoryParseCache implements ParseCache {
  private readonly entries = new Map<string, string>();
  private readonly chunks = new Map<string, string>();

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : (JSON.parse(entry) as CachedPage);
  }

  set(key: string, value: CachedPage): void {
    this.entries.set(key, JSON.stringify(value));
  }

  getChunk(key: string): string | undefined {
    return this.chunks.get(key);
  }

  setChunk(key: string, text: string): void {
    this.chunks.set(key, text);
  }
}

/** The default folder of the disk cache, under the working directory. */
export const DEFAULT_CACHE_DIR = path.join("node_modules", ".cache", "graph-typegen");

function isCachedPage(value: unknown): value is CachedPage {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { page, diagnostics } = value as Record<string, unknown>;
  const pageOk = page === undefined || (typeof page === "object" && page !== null && !Array.isArray(page) && typeof (page as DocPage).file === "string");
  return pageOk && Array.isArray(diagnostics) && diagnostics.every((d) => typeof d === "object" && d !== null && typeof (d as Diagnostic).code === "string");
}

/**
 * The CLI's cache: one JSON file per entry in a folder (`<key>.json`, `<key>.chunk.json`). Anything that goes wrong (a missing,
 * unreadable, corrupt or foreign entry; a folder that cannot be created or written) is a miss or a skipped write,
 * never an error: the cache only ever saves work.
 */
export class DiskParseCache implements ParseCache {
  private usable = true;

  constructor(readonly dir: string) {}

  /** `<key>.json` for a page, `<key>.chunk.json` for a formatted chunk. */
  private file(key: string, kind: "value" | "chunk"): string | undefined {
    return /^[0-9a-f]{64}$/.test(key) ? path.join(this.dir, kind === "chunk" ? `${key}.chunk.json` : `${key}.json`) : undefined;
  }

  get(key: string): CachedPage | undefined {
    const value = this.read(key, "value");
    return isCachedPage(value) ? value : undefined;
  }

  set(key: string, value: CachedPage): void {
    this.write(key, "value", { key, value });
  }

  getChunk(key: string): string | undefined {
    const chunk = this.read(key, "chunk");
    return typeof chunk === "string" ? chunk : undefined;
  }

  setChunk(key: string, text: string): void {
    this.write(key, "chunk", { key, chunk: text });
  }

  /** The entry's `field`, if the file holds an entry for exactly this key. */
  private read(key: string, field: "value" | "chunk"): unknown {
    const file = this.file(key, field);
    if (!file) return undefined;
    try {
      const entry = JSON.parse(readFileSync(file, "utf8")) as unknown;
      if (typeof entry !== "object" || entry === null) return undefined;
      const stored = entry as Record<string, unknown>;
      return stored.key === key ? stored[field] : undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, field: "value" | "chunk", entry: object): void {
    const file = this.file(key, field);
    if (!file || !this.usable) return;
    // Written beside and renamed into place, so a concurrent run or a kill never leaves half an entry behind.
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, file);
    } catch {
      // A read-only or full disk: stop trying for this run rather than fail once per entry.
      this.usable = false;
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}

/** Watch mode with a disk cache: memory first, then disk (a disk hit is kept in memory); new entries go to both. */
export class LayeredParseCache implements ParseCache {
  constructor(
    readonly front: ParseCache,
    readonly back: ParseCache,
  ) {}

  get(key: string): CachedPage | undefined {
    const front = this.front.get(key);
    if (front) return front;
    const back = this.back.get(key);
    if (back) this.front.set(key, back);
    return back;
  }

  set(key: string, value: CachedPage): void {
    this.front.set(key, value);
    this.back.set(key, value);
  }

  getChunk(key: string): string | undefined {
    const front = this.front.getChunk?.(key);
    if (front !== undefined) return front;
    const back = this.back.getChunk?.(key);
    if (back !== undefined) this.front.setChunk?.(key, back);
    return back;
  }

  setChunk(key: string, text: string): void {
    this.front.setChunk?.(key, text);
    this.back.setChunk?.(key, text);
  }
}
