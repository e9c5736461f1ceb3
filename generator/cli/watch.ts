import { watch as watchPath, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { LayeredParseCache, MemoryParseCache, type ParseCache } from "../cache/cache.js";
import { generate, type GenerateOptions, type GenerateResult } from "../index.js";
import { WorkerPool } from "../parallel/pool.js";
import { InternalError } from "../pipeline.js";
import { displayPath } from "../read/sources.js";
import { writeOutput } from "../write/atomic.js";
import { EXIT, type Io } from "./io.js";
import { countBySeverity, formatDiagnostic, summaryLine } from "./report.js";

export interface WatchOptions extends Omit<GenerateOptions, "check" | "write" | "cache"> {
  /** A disk cache to start from (and keep filling); the in-memory cache in front of it lives as long as the watch. */
  cache?: ParseCache;
  /** Quiet time after the last change before a run starts. Default 100 ms. */
  debounceMs?: number;
  /** Also print info diagnostics. */
  verbose?: boolean;
}

/** One run of the watch loop, as reported to `onRun`. */
export interface WatchRun {
  /** 1 for the run at start, then one more per batch of changes. */
  number: number;
  /** Absent when the run crashed (`error`). */
  result?: GenerateResult;
  error?: unknown;
  /** Whether this run's files were written; a run with new errors, or no usable input, keeps the previous output. */
  written: boolean;
  /** The summary line printed for the run. */
  line: string;
}

export interface WatchHooks {
  /** Called after each run, once its output is printed (and written). */
  onRun?: (run: WatchRun) => void;
  /** Watching stops (and `watch` resolves) when this aborts. */
  signal: AbortSignal;
}

const DOC_EXTENSIONS = [".md"];
const CSDL_EXTENSIONS = [".xml", ".edmx", ".csdl"];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * `generate --watch`: one run at start, then one per batch of changes (after `debounceMs` of quiet) to the input
 * folders and files. Pages are parsed once and kept in memory, so a run after an edit parses only the edited pages.
 *
 * A run that has more errors than the last written one (a page broken mid-edit) prints its diagnostics and keeps
 * the previous output; so does a run with no usable input, or one that crashed. Each run prints the diagnostics
 * that are new since the run before (all of them the first time) and one summary line. Resolves with exit code 0
 * once `signal` aborts and the run in progress (if any) has finished.
 */
export async function watch(options: WatchOptions, io: Io, hooks: WatchHooks): Promise<number> {
  const cwd = options.cwd ?? io.cwd;
  const csdl = options.csdl ?? [];
  const inputs = options.inputs?.length ? options.inputs : csdl.length ? [] : ["input"];
  const out = path.resolve(cwd, options.out ?? "output");
  const shownOut = displayPath(out, cwd);
  const memory = new MemoryParseCache();
  const cache = options.cache ? new LayeredParseCache(memory, options.cache) : memory;
  // One pool for the whole watch: its threads (started by the first large run) stay warm for the next runs.
  const pool = options.pool ?? WorkerPool.create(options.threads);
  const { debounceMs = 100, verbose = false, cache: _disk, ...generateOptions } = options; // eslint-disable-line @typescript-eslint/no-unused-vars

  let number = 0;
  let lastWrittenErrors: number | undefined;
  let previous = new Set<string>();

  const runOnce = async (): Promise<void> => {
    number++;
    const started = Date.now();
    let run: WatchRun;
    try {
      const result = await generate({ ...generateOptions, cwd, inputs, ...(csdl.length ? { csdl } : {}), out, cache, ...(pool ? { pool } : {}), write: false });
      const counts = countBySeverity(result.diagnostics);
      const keep = !result.generated || (lastWrittenErrors !== undefined && counts.error > lastWrittenErrors);
      if (!keep) {
        await writeOutput(out, result.files);
        lastWrittenErrors = counts.error;
      }
      const shown = result.diagnostics.filter((d) => verbose || d.severity !== "info").map(formatDiagnostic);
      const fresh = shown.filter((line) => !previous.has(line));
      previous = new Set(shown);
      const parsed = result.cache ? ` (${plural(result.cache.misses, "page")} parsed, ${result.cache.hits} cached; ${plural(result.cache.chunkMisses ?? 0, "chunk")} formatted)` : "";
      const outcome = !result.generated
        ? "nothing generated; previous output kept"
        : keep
          ? `new errors: previous output in ${shownOut}/ kept`
          : `wrote ${result.files.length} files to ${shownOut}/`;
      const line = `[watch #${number}] ${summaryLine(counts, outcome)}${parsed} in ${Date.now() - started} ms`;
      io.stdout(`${[...fresh, line].join("\n")}\n`);
      run = { number, result, written: !keep, line };
    } catch (error) {
      const file = error instanceof InternalError && error.file ? ` while processing ${error.file}` : "";
      const line = `[watch #${number}] internal error${file}: ${error instanceof Error ? error.message : String(error)}; previous output kept`;
      io.stderr(`${line}\n`);
      run = { number, error, written: false, line };
    }
    hooks.onRun?.(run);
  };

  // Runs never overlap: a change during a run schedules one more run after it.
  let running: Promise<void> | undefined;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const start = (): void => {
    if (hooks.signal.aborted) return;
    if (running) {
      pending = true;
      return;
    }
    running = runOnce().finally(() => {
      running = undefined;
      if (pending) {
        pending = false;
        schedule();
      }
    });
  };
  const schedule = (): void => {
    if (hooks.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  // Folders recursively; a file through its folder, so an editor that saves by replacing the file is still seen.
  const watchers: FSWatcher[] = [];
  const targets = [...inputs.map((p) => ({ p, extensions: DOC_EXTENSIONS })), ...csdl.map((p) => ({ p, extensions: CSDL_EXTENSIONS }))];
  for (const { p, extensions } of targets) {
    const absolute = path.resolve(cwd, p);
    try {
      const isFolder = (await stat(absolute)).isDirectory();
      const folder = isFolder ? absolute : path.dirname(absolute);
      const watcher = watchPath(folder, { recursive: isFolder }, (_event, name) => {
        const changed = name ? path.resolve(folder, name.toString()) : undefined;
        if (changed && (isFolder ? !extensions.some((ext) => changed.toLowerCase().endsWith(ext)) : changed !== absolute)) return;
        if (changed && (changed === out || changed.startsWith(out + path.sep))) return;
        schedule();
      });
      watcher.on("error", (error) => io.stderr(`[watch] stopped watching ${displayPath(absolute, cwd)}: ${error.message}\n`));
      watchers.push(watcher);
    } catch (error) {
      io.stderr(`[watch] cannot watch ${displayPath(absolute, cwd)}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }

  if (targets.length && !watchers.length) return EXIT.usage;
  const stopped = new Promise<void>((resolve) => {
    if (hooks.signal.aborted) resolve();
    else hooks.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  if (!hooks.signal.aborted) {
    io.stdout(`[watch] watching ${targets.map(({ p }) => displayPath(path.resolve(cwd, p), cwd)).join(", ")}; Ctrl+C stops\n`);
    start();
  }
  await stopped;
  if (timer) clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  while (running) await running;
  if (pool && !options.pool) await pool.close();
  io.stdout("[watch] stopped\n");
  return EXIT.ok;
}

/** `generate --watch` from the CLI: stops on Ctrl+C (SIGINT). */
export async function watchCommand(options: WatchOptions, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  try {
    return await watch(options, io, { signal: controller.signal });
  } finally {
    process.off("SIGINT", stop);
  }
}
