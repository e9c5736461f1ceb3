import path from "node:path";
import { LayeredParseCache, MemoryParseCache, type ParseCache } from "../../cache/cache.js";
import { runPaths, type GenerateOptions } from "../../config/generate-options.js";
import { generate, type GenerateResult } from "../../index.js";
import { WorkerPool } from "../../parallel/pool.js";
import { InternalError, type Progress } from "../../pipeline.js";
import { displayPath } from "../../read/sources.js";
import { UNUSABLE_KINDS } from "../../types/index.js";
import { writeOutput } from "../../write/atomic.js";
import { refuseTarget } from "../../write/target.js";
import { applyBaseline, type BaselineEntry } from "../baseline.js";
import { EXIT, type Io } from "../io.js";
import { progressDisplay } from "../progress.js";
import { countBySeverity, formatDiagnostic, plural, shownDiagnostics, summaryLine } from "../report.js";
import { sameSnapshot, takeSnapshot, type Snapshot } from "./snapshot.js";
import { watchTargets } from "./targets.js";
import { InputWatcher } from "./watcher.js";

export interface WatchOptions extends Omit<GenerateOptions, "check" | "write" | "cache"> {
  /** A disk cache to start from (and keep filling); the in-memory cache in front of it lives as long as the watch. */
  cache?: ParseCache;
  /** Quiet time after the last change before a run starts. Default 100 ms. */
  debounceMs?: number;
  /** How often an input folder that has vanished is looked for. Default 250 ms. */
  pollMs?: number;
  /** Also print info diagnostics. */
  verbose?: boolean;
  /** Print only errors and each run's summary line; draw no progress. */
  quiet?: boolean;
  /** Baseline entries (`--baseline`): the diagnostics they hold are neither printed nor counted. */
  baseline?: readonly BaselineEntry[];
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
  /** Called when a batch of events turned out to change no input, so no run started. */
  onIdle?: () => void;
  /** Watching stops (and `watch` resolves) when this aborts. */
  signal: AbortSignal;
}

/**
 * Every name the write stage gives what is not generated code starts so: the manifest (.graph-typegen-manifest.json),
 * the temp and backup folders beside `--out`, lock files. Changes to them are the run's own, never an input's.
 */
const OWN_PREFIX = ".graph-typegen-";

/** Batches events: a task `debounceMs` after the last one, never two at once; an event during a task means one more after it. */
class Scheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #pending = false;
  #stopped = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  schedule(): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.now(), this.debounceMs);
  }

  now(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#pending = true;
      return;
    }
    this.#running = this.task().finally(() => {
      this.#running = undefined;
      if (this.#pending) {
        this.#pending = false;
        this.schedule();
      }
    });
  }

  /** No task starts after this; resolves once the one in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    while (this.#running) await this.#running;
  }
}

interface RunSettings {
  /** What each run passes to `generate`, all but `onProgress` (a fresh progress line each run). */
  generate: GenerateOptions;
  out: string;
  cwd: string;
  force: boolean;
  /** `out` as the summary line names it. */
  shownOut: string;
  verbose: boolean;
  quiet: boolean;
  baseline?: readonly BaselineEntry[];
}

/** The runs of one watch: each batch of events is checked against the inputs' contents, then maybe generated. */
class Runs {
  number = 0;
  /** Absolute paths of the files the last written run generated: changes to them are the watch's own. */
  generated = new Set<string>();
  #lastWrittenErrors: number | undefined;
  #previousLines = new Set<string>();
  #snapshot: Snapshot = new Map();

  constructor(
    private readonly settings: RunSettings,
    private readonly watchers: readonly InputWatcher[],
    private readonly io: Io,
    private readonly hooks: WatchHooks,
  ) {}

  /** Re-arms the watches, then runs if any input's content changed (always the first time). Never throws. */
  async batch(): Promise<void> {
    try {
      const files = (await Promise.all(this.watchers.map((w) => w.sync()))).flat();
      const snapshot = await takeSnapshot(files, this.#snapshot);
      if (this.number > 0 && sameSnapshot(snapshot, this.#snapshot)) return this.hooks.onIdle?.();
      this.#snapshot = snapshot;
    } catch (error) {
      // Cannot happen short of a bug; comparing is only a saving, so run as if something changed.
      this.io.stderr(`[watch] cannot compare the inputs: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    await this.#run();
  }

  async #run(): Promise<void> {
    this.number++;
    const started = Date.now();
    const { generate: options, quiet } = this.settings;
    const progress = this.io.progress && !quiet ? progressDisplay(this.io.progress, process.env) : undefined;
    const [draw, theirs] = [progress?.onProgress, options.onProgress];
    const onProgress = draw && theirs ? (p: Progress): void => (draw(p), theirs(p)) : (draw ?? theirs);
    let run: WatchRun;
    try {
      const result = await generate({ ...options, ...(onProgress ? { onProgress } : {}), write: false });
      progress?.finish();
      const write = await this.#writeUnlessWorse(result);
      run = this.#report(write.result, write.written, started, write.why);
    } catch (error) {
      progress?.finish();
      const file = error instanceof InternalError && error.file ? ` while processing ${error.file}` : "";
      const line = `[watch #${this.number}] internal error${file}: ${error instanceof Error ? error.message : String(error)}; previous output kept`;
      this.io.stderr(`${line}\n`);
      run = { number: this.number, error, written: false, line };
    }
    this.hooks.onRun?.(run);
  }

  /**
   * A run with more errors than the last written one (a page broken mid-edit), or no usable input, is not written;
   * nor is one the write stage refuses (a user's file in the way, a lock held): its diagnostics join the run's.
   */
  async #writeUnlessWorse(result: GenerateResult): Promise<{ written: boolean; result: GenerateResult; why?: string }> {
    const errors = countBySeverity(result.diagnostics).error;
    if (!result.generated) return { written: false, result };
    if (this.#lastWrittenErrors !== undefined && errors > this.#lastWrittenErrors) return { written: false, result, why: "new errors" };
    const { out, cwd, force } = this.settings;
    // Before the write, so that the write's own events are recognised as ours while it is under way.
    this.generated = new Set(result.files.map((f) => path.join(out, ...f.path.split("/"))));
    const found = await writeOutput(out, result.files, { cwd, ...(force ? { force: true } : {}) });
    const withWrite = { ...result, diagnostics: [...result.diagnostics, ...found] };
    if (found.some((d) => UNUSABLE_KINDS.has(d.kind))) return { written: false, result: withWrite, why: "not written" };
    this.#lastWrittenErrors = errors;
    return { written: true, result: withWrite };
  }

  /** Prints the diagnostics new since the run before (all of them the first time) and one summary line. */
  #report(result: GenerateResult, written: boolean, started: number, why = "new errors"): WatchRun {
    const { shownOut, quiet, verbose } = this.settings;
    const diagnostics = this.settings.baseline ? applyBaseline(result.diagnostics, this.settings.baseline).fresh : result.diagnostics;
    const counts = countBySeverity(diagnostics);
    const shown = shownDiagnostics(diagnostics, quiet ? "quiet" : verbose ? "verbose" : "normal").map(formatDiagnostic);
    const fresh = shown.filter((line) => !this.#previousLines.has(line));
    this.#previousLines = new Set(shown);
    const stats = result.cache;
    const parsed = stats ? ` (${plural(stats.misses, "page")} parsed, ${stats.hits} cached; ${plural(stats.chunkMisses ?? 0, "chunk")} formatted)` : "";
    const outcome = !result.generated ? "nothing generated; previous output kept" : written ? `wrote ${plural(result.files.length, "file")} to ${shownOut}/` : `${why}: previous output in ${shownOut}/ kept`;
    const line = `[watch #${this.number}] ${summaryLine(counts, outcome)}${parsed} in ${Date.now() - started} ms`;
    this.io.stdout(`${[...fresh, line].join("\n")}\n`);
    return { number: this.number, result, written, line };
  }
}

const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener("abort", () => resolve(), { once: true })));

/**
 * `generate --watch`: one run at start, then one per batch of changes (after `debounceMs` of quiet) to the input
 * folders and files. Pages are parsed once and kept in memory, so a run after an edit parses only the edited pages.
 * The inputs are watched by their folders (see `InputWatcher`), and a batch whose files hold what they held at the
 * last run starts no run, so spurious events cost a stat a file.
 *
 * A run that has more errors than the last written one (a page broken mid-edit) prints its diagnostics and keeps
 * the previous output; so does a run with no usable input, or one that crashed. Resolves with exit code 0 once
 * `signal` aborts and the run in progress (if any) has finished.
 */
export async function watch(options: WatchOptions, io: Io, hooks: WatchHooks): Promise<number> {
  const { cwd, inputs, csdl, out } = runPaths({ ...options, cwd: options.cwd ?? io.cwd });
  // Refused before watching starts: a watch would write there again after every save.
  const refused = await refuseTarget(options.out ?? out, { cwd, inputs: [...inputs, ...csdl, ...(options.templates ? [path.resolve(cwd, options.templates)] : [])], ...(options.force ? { force: true } : {}) });
  if (refused) {
    io.stderr(`${formatDiagnostic(refused)}\n`);
    return EXIT.usage;
  }
  const targets = await watchTargets(inputs, csdl, options.templates, cwd, io);
  if (!targets.length) return EXIT.usage;

  const memory = new MemoryParseCache();
  const cache = options.cache ? new LayeredParseCache(memory, options.cache) : memory;
  // One pool for the whole watch: its threads (started by the first large run) stay warm for the next runs.
  const pool = options.pool ?? WorkerPool.create(options.threads);
  const { debounceMs = 100, pollMs, verbose = false, quiet = false } = options;
  // The in-memory cache (in front of the disk one, if any) replaces options.cache for every run.
  const generateOptions = { ...options, cwd, inputs, ...(csdl.length ? { csdl } : {}), out, cache, ...(pool ? { pool } : {}) };
  const settings = { generate: generateOptions, out, cwd, force: options.force ?? false, shownOut: displayPath(out, cwd), verbose, quiet, ...(options.baseline ? { baseline: options.baseline } : {}) };

  const watchers: InputWatcher[] = [];
  const runs = new Runs(settings, watchers, io, hooks);
  const scheduler = new Scheduler(() => runs.batch(), debounceMs);
  const ignored = (absolute: string): boolean => path.basename(absolute).startsWith(OWN_PREFIX) || runs.generated.has(absolute);
  const onProblem = (message: string): void => io.stderr(`[watch] ${message}\n`);
  for (const target of targets) watchers.push(new InputWatcher(target, { onEvent: () => scheduler.schedule(), ignored, onProblem, ...(pollMs ? { pollMs } : {}) }));

  // The watch lives until the signal aborts. Watches and poll timers come and go as folders are replaced, and if
  // the event loop ran dry in between, Node would end the process with this promise pending (exit 13).
  const alive = setInterval(() => {}, 1 << 30);
  if (!hooks.signal.aborted) {
    io.stdout(`[watch] watching ${targets.map((t) => displayPath(t.path, cwd)).join(", ")}; Ctrl+C stops\n`);
    scheduler.now();
  }
  await aborted(hooks.signal);
  await scheduler.stop();
  for (const watcher of watchers) watcher.close();
  if (pool && !options.pool) await pool.close();
  clearInterval(alive);
  io.stdout("[watch] stopped\n");
  return EXIT.ok;
}

/**
 * The signals that end a watch as Ctrl+C does, the run in progress finished first: a terminal's (SIGINT), a closed
 * terminal's (SIGHUP), and a process manager's or `docker stop`'s (SIGTERM), which killed it mid-run before.
 */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** `generate --watch` from the CLI: stops on Ctrl+C (SIGINT), SIGTERM or SIGHUP, exit code 0. */
export async function watchCommand(options: WatchOptions, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
  try {
    return await watch(options, io, { signal: controller.signal });
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  }
}
