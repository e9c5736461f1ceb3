import path from "node:path";
import type { ParseCache } from "./cache/cache.js";
import { DEFAULT_CSDL_LIMITS } from "./csdl/limits.js";
import type { EmitOptions, ShapeOptions, Templates } from "./emit/index.js";
import { DEFAULT_MARKDOWN_LIMITS } from "./markdown/limits.js";
import { WorkerPool } from "./parallel/pool.js";
import { runPipeline, type CacheStats, type Limits, type Progress, type StageTimings } from "./pipeline.js";
import { displayPath, readSources, STDIN } from "./read/sources.js";
import { DEFAULT_TEMPLATES_DIR, readTemplates } from "./read/templates.js";
import { diagnostic, type Diagnostic, type GeneratedFile, type Model } from "./types/index.js";
import { checkOutput, isCurrent, type CheckResult } from "./write/check.js";
import { writeOutput } from "./write/atomic.js";

export type { CheckChange, CheckResult } from "./write/check.js";
export { diffStat, unifiedDiff, unifiedDiffs, type FileChange } from "./write/diff.js";
export type { EnumStyle, FileNaming, Layout, NamespaceFilter, NullableStyle, ShapeOptions, Templates } from "./emit/index.js";
export type { CacheStats, Limits, Progress, StageTimings } from "./pipeline.js";
export { WorkerPool } from "./parallel/pool.js";
export { DEFAULT_CACHE_DIR, DiskParseCache, MemoryParseCache, type CachedPage, type ParseCache } from "./cache/cache.js";
export { InternalError, runPipeline } from "./pipeline.js";
export { ConfigError, loadConfig, type Config, type ConfigLimits, type LoadedConfig } from "./config/config.js";
export * from "./types/index.js";

/** The layout and shape options are emit's own (documented on `EmitOptions`), passed through unchanged. */
export interface GenerateOptions extends ShapeOptions, Pick<EmitOptions, "layout"> {
  /** Markdown files or folders (searched recursively). Default: `["input"]`, unless `csdl` is given. */
  inputs?: string[];
  /** CSDL (EDMX) files, or folders of `.xml` files. With no `inputs`, no docs are read at all. */
  csdl?: string[];
  /** Output folder. Default: `"output"`. */
  out?: string;
  /** Compare with `out` instead of writing. */
  check?: boolean;
  /** Write the files to `out` (default true unless `check`). */
  write?: boolean;
  /** Folder with `banner.txt` and `runtime.ts`. Default: the package's own `templates/`. */
  templates?: string;
  /** Resource limits for hostile input; each has a safe default. */
  limits?: { markdown?: Limits["markdown"]; csdl?: Limits["csdl"]; model?: Limits["model"] };
  /** Resolve relative paths against this folder. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * Parsed pages and formatted chunks from earlier runs (`DiskParseCache`, `MemoryParseCache`), so only changed
   * pages are parsed and only changed chunks formatted again. Never changes the result. Default: none.
   */
  cache?: ParseCache;
  /**
   * Worker threads that parse the pages: at most this many, never more than the cores (0: parse in-process, which
   * holds no page to its time budget). Default: one per core, at most 4. Never changes the result.
   */
  threads?: number;
  /** A pool to reuse across calls (watch mode); the caller closes it. */
  pool?: WorkerPool;
  /** Told how far the run is, for a progress display (the CLI draws one on a terminal). */
  onProgress?: (progress: Progress) => void;
}

export interface GenerateResult {
  /** What was (or would be) written, paths relative to `out`. */
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  model?: Model;
  /** False when the input could not be used at all (unreadable or empty): nothing was generated or written. */
  generated: boolean;
  written: boolean;
  /** With `check`: how `out` differs from what would be written. */
  check?: CheckResult & { current: boolean };
  /** With `cache`: pages taken from it (hits) and pages parsed (misses), the same for formatted chunks. */
  cache?: CacheStats;
  /** Milliseconds per stage, when the pipeline ran. */
  timings?: StageTimings;
  /** Worker threads the run used (0: none). */
  threads?: number;
}

const pickShape = ({ enumStyle, guards, readonly, nullable, fileNaming, namespaces }: ShapeOptions): ShapeOptions => ({ enumStyle, guards, readonly, nullable, fileNaming, namespaces });

/** Input problems that make the whole run unusable, as opposed to one page skipped with a diagnostic. */
const BLOCKING = new Set(["unreadable-input", "no-input"]);

/**
 * The programmatic API: read the pages (and metadata), generate, then write or check. Never throws for bad input
 * (see the diagnostics); throws `InternalError` only for a bug in graph-typegen.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const csdl = options.csdl ?? [];
  const inputs = options.inputs?.length ? options.inputs : csdl.length ? [] : ["input"];
  const out = path.resolve(cwd, options.out ?? "output");
  const docsRead = inputs.length ? await readSources(inputs, cwd, { maxBytes: options.limits?.markdown?.maxPageBytes ?? DEFAULT_MARKDOWN_LIMITS.maxPageBytes }) : { sources: [], diagnostics: [] };
  const csdlRead = csdl.length
    ? await readSources(csdl, cwd, { kind: "csdl", extensions: [".xml", ".edmx", ".csdl"], maxBytes: options.limits?.csdl?.maxBytes ?? DEFAULT_CSDL_LIMITS.maxBytes })
    : { sources: [], diagnostics: [] };
  const readDiagnostics = [...docsRead.diagnostics, ...csdlRead.diagnostics];
  if (readDiagnostics.some((d) => BLOCKING.has(d.kind))) {
    return { files: [], diagnostics: readDiagnostics, generated: false, written: false };
  }
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : DEFAULT_TEMPLATES_DIR;
  let templates: Templates;
  try {
    templates = await readTemplates(templatesDir);
  } catch (error) {
    const message = `cannot read templates from ${displayPath(templatesDir, cwd)}: ${error instanceof Error ? error.message : String(error)}`;
    return { files: [], diagnostics: [...readDiagnostics, diagnostic("unreadable-input", message)], generated: false, written: false };
  }
  // The banner names inputs relative to the output folder, so it does not depend on where the command ran.
  const sourceLabels = [...inputs, ...csdl].map((input) => (input === STDIN ? "standard input" : path.relative(out, path.resolve(cwd, input)).split(path.sep).join("/") || "."));
  const result = await runPipeline([...docsRead.sources, ...csdlRead.sources], {
    templates,
    sourceLabels,
    ...(options.layout ? { layout: options.layout } : {}),
    ...pickShape(options),
    limits: { markdown: options.limits?.markdown ?? {}, csdl: options.limits?.csdl ?? {}, model: options.limits?.model ?? {} },
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const cache = { ...(result.cache ? { cache: result.cache } : {}), timings: result.timings, threads: result.threads };
  const diagnostics = [...readDiagnostics, ...result.diagnostics];
  if (options.check) {
    const check = await checkOutput(out, result.files);
    return { files: result.files, diagnostics, model: result.model, generated: true, written: false, check: { ...check, current: isCurrent(check) }, ...cache };
  }
  const write = options.write ?? true;
  if (write) await writeOutput(out, result.files);
  return { files: result.files, diagnostics, model: result.model, generated: true, written: write, ...cache };
}
