import { InternalError } from "./errors.js";
import { COMPILE_CACHE_VERSION, parseCacheKey, PRINT_CACHE_VERSION, type CachedPage, type ParseCache } from "./cache/cache.js";
import type { CsdlLimits } from "./csdl/limits.js";
import type { Layout, ShapeOptions, Templates } from "./emit/index.js";
import { shapeOptions } from "./emit/plan/shape.js";
import type { EmitKind } from "./config/vocabulary.js";
import { defaultPoolSize, runOn, WorkerPool } from "./parallel/pool.js";
import { checkMarkdownLimits, resolveMarkdownLimits, type MarkdownLimits } from "./markdown/limits.js";
import type { ModelLimits } from "./model/bases.js";
import { buildModel } from "./model/docs/build.js";
import { diagnostic, type CsdlDocument, type Diagnostic, type ChunkStore, type DocPage, type GeneratedFile, type Model, type SourceText } from "./types/index.js";
import { compareStrings } from "./order.js";

export { InternalError } from "./errors.js";

export interface Limits {
  markdown: Partial<MarkdownLimits>;
  csdl: Partial<CsdlLimits>;
  model?: Partial<ModelLimits>;
}

export interface PipelineOptions extends ShapeOptions {
  templates: Templates;
  /** Inputs as the banner names them. */
  sourceLabels: readonly string[];
  layout?: Layout;
  /** `"js"`: the modules layout's files compiled to `.js` + `.d.ts` after formatting (see compile/). Default `"ts"`. */
  emit?: EmitKind;
  limits?: Partial<Limits>;
  /** Parsed pages from earlier runs, keyed by content hash; never changes the result, only saves parsing. */
  cache?: ParseCache;
  /** Worker threads to keep across runs (watch mode); without one, a large run makes its own and closes it at the end. */
  pool?: WorkerPool;
  /** At most this many threads (never more than the cores) for a pool the run makes itself; 0 parses in-process. Default: cores, at most 4. */
  threads?: number;
  /** Told how far the run is (pages read, then each later stage), for a progress display; never affects the result. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  stage: "read" | "model" | "emit" | "format" | "compile";
  done: number;
  total: number;
}

/** With a cache: how many pages came from it and how many were parsed (and stored). */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Formatted chunks taken from the cache, and chunks formatted (and stored). */
  chunkHits?: number;
  chunkMisses?: number;
}

/** Milliseconds per stage (read: parsing the inputs; model: build and merge; compile: 0 unless `emit: "js"`). For --verbose and the benchmark. */
export type StageTimings = Record<"read" | "model" | "emit" | "format" | "compile", number>;

export interface PipelineResult {
  files: GeneratedFile[];
  model: Model;
  pages: DocPage[];
  documents: CsdlDocument[];
  diagnostics: Diagnostic[];
  cache?: CacheStats;
  timings: StageTimings;
  /** How many worker threads the run used (0: all in-process). */
  threads: number;
  /** Sources that contributed nothing: pages refused by a limit, metadata with no usable schema; with why. */
  leftOut: LeftOut[];
}

export type LeftOut = { file: string; kind: "docs" | "csdl"; reason: string };

/** What the read stage says it is; untagged, CSDL comes as `.xml`, `.edmx` or `.csdl` and the rest is Markdown. */
export function isCsdlSource(source: SourceText): boolean {
  return source.kind ? source.kind === "csdl" : /\.(xml|edmx|csdl)$/i.test(source.path);
}

/** Pages a thread takes at a time: few enough that the threads share the work evenly, enough to keep messages rare. */
const PARSE_BATCH = 8;

function stage<T>(file: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof InternalError ? error : new InternalError(file, error);
  }
}

/**
 * The CSDL adapter and its model builders, loaded only when a run has metadata: a docs-only run (a re-run in an
 * SDK's build) does not pay for loading the XML parser.
 */
async function csdlPath() {
  const [{ parseCsdl }, { modelFromCsdl }, { mergeModels }] = await Promise.all([import("./csdl/parse.js"), import("./model/csdl/build.js"), import("./model/merge/merge.js")]);
  return { parseCsdl, modelFromCsdl, mergeModels };
}

/**
 * parse -> model -> emit -> format over in-memory sources. No file system access; bad input never throws. Docs
 * alone, CSDL alone, or both: then the metadata is authoritative for structure and the docs add descriptions and
 * enum narrowing, and where the two disagree there are drift diagnostics. Pages parse on worker threads;
 * the output is the same either way.
 */
export async function runPipeline(sources: readonly SourceText[], options: PipelineOptions): Promise<PipelineResult> {
  // A pool starts no thread before it is given work, so one made here costs a small run nothing.
  const own = options.pool ? undefined : WorkerPool.create(options.threads ?? defaultPoolSize());
  try {
    return await pipeline(sources, options, options.pool ?? own);
  } finally {
    await own?.close();
  }
}

/**
 * The emit and format stages, loaded while the pages parse: ts-morph and prettier take about half a second to load,
 * the pool's thread about as long to load the Markdown parser, and on two cores the two overlap.
 */
function laterStages() {
  return Promise.all([import("./emit/index.js"), import("./format/prettier.js")]).then(([emit, format]) => ({ emitModel: emit.emitModel, formatFilesWithStats: format.formatFilesWithStats }));
}

/** What the read stage has found so far: metadata read, pages refused or taken from the cache, pages left to parse. */
interface ReadState {
  diagnostics: Diagnostic[];
  documents: CsdlDocument[];
  results: (CachedPage | undefined)[];
  toParse: { index: number; key?: string }[];
  leftOut: LeftOut[];
  stats: CacheStats | undefined;
}

/** Reads the metadata, and sorts the pages into refused by a limit, found in the cache, and to parse. */
async function triage(sources: readonly SourceText[], options: PipelineOptions, markdownLimits: MarkdownLimits): Promise<ReadState> {
  const { cache } = options;
  const state: ReadState = { diagnostics: [], documents: [], results: new Array<CachedPage | undefined>(sources.length), toParse: [], leftOut: [], stats: cache ? { hits: 0, misses: 0 } : undefined };
  for (const [index, source] of sources.entries()) {
    if (isCsdlSource(source)) {
      const { parseCsdl } = await csdlPath();
      const read = stage(source.path, () => parseCsdl(source, options.limits?.csdl));
      state.documents.push(read.document);
      state.diagnostics.push(...read.diagnostics);
      if (!read.document.schemas.length) {
        const why = read.diagnostics.find((d) => d.severity === "error")?.message ?? "it holds no <Schema> element";
        state.leftOut.push({ file: source.path, kind: "csdl", reason: why });
      }
      continue;
    }
    // The limits stay in front of the cache: they depend on options, not only on the page.
    const refused = checkMarkdownLimits(source, markdownLimits);
    if (refused) {
      state.results[index] = { diagnostics: [refused] };
      state.leftOut.push({ file: source.path, kind: "docs", reason: refused.message });
      continue;
    }
    const key = cache ? parseCacheKey(source) : undefined;
    const cached = key ? cache!.get(key) : undefined;
    if (cached) {
      state.results[index] = cached;
      state.stats!.hits++;
    } else state.toParse.push({ index, ...(key ? { key } : {}) });
  }
  if (state.stats) state.stats.misses = state.toParse.length;
  return state;
}

/**
 * Parses the pages left to parse on the pool and gathers every page's record, in source order. The emit and format
 * stages start loading meanwhile (`later`).
 */
async function parsePages(sources: readonly SourceText[], state: ReadState, options: PipelineOptions, budgetMs: number, available: WorkerPool | undefined) {
  const { toParse, results } = state;
  const ready = sources.length - toParse.length;
  options.onProgress?.({ stage: "read", done: ready, total: sources.length });
  // Every page parses on the pool, even in a small run: a thread is what lets a stalled page be stopped. The pool
  // starts threads as batches need them, so a run of a few pages starts one.
  const pool = toParse.length ? available : undefined;
  const parsing = runOn(pool, "parse", toParse.map((p) => sources[p.index]), PARSE_BATCH, {
    budgetMs,
    onBatch: (done) => options.onProgress?.({ stage: "read", done: ready + done, total: sources.length }),
  });
  available?.prepare("format");
  const later = laterStages();
  const parsed = await parsing;
  toParse.forEach((p, i) => {
    results[p.index] = parsed[i];
    // A page the parser gave up on (past its time budget, nested past the stack) contributes nothing either.
    const gaveUp = parsed[i]!.page ? undefined : parsed[i]!.diagnostics.find((d) => d.severity === "error");
    if (gaveUp) state.leftOut.push({ file: sources[p.index]!.path, kind: "docs", reason: gaveUp.message });
    if (p.key) options.cache!.set(p.key, parsed[i]);
  });
  const pages: DocPage[] = [];
  for (const result of results) {
    if (!result) continue;
    if (result.page) pages.push(result.page);
    state.diagnostics.push(...result.diagnostics);
  }
  return { pages, pool, later };
}

/** Docs, metadata, or both merged (the metadata wins structure). */
async function buildStage(pages: DocPage[], documents: readonly CsdlDocument[], modelLimits: Partial<ModelLimits>, diagnostics: Diagnostic[]): Promise<Model> {
  // A metadata file that could not be read (refused, truncated) yields no schemas: it must not wipe out the docs.
  const usable = documents.filter((document) => document.schemas.length);
  const docs = pages.length || !usable.length ? stage(undefined, () => buildModel(pages, modelLimits)) : undefined;
  const csdl = usable.length ? await csdlPath() : undefined;
  const metadata = csdl ? stage(undefined, () => csdl.modelFromCsdl(usable, modelLimits)) : undefined;
  for (const built of [docs, metadata]) if (built) diagnostics.push(...built.diagnostics);
  if (!docs || !metadata) return (metadata ?? docs)!.model;
  const merged = stage(undefined, () => csdl!.mergeModels(metadata.model, docs.model));
  diagnostics.push(...merged.diagnostics);
  return merged.model;
}

/** Whether the run compiles its modules to `.js` + `.d.ts`: emit "js" in the modules layout (the single layout is a `.d.ts` already). */
export const compilesModules = (options: Pick<PipelineOptions, "emit" | "layout">): boolean => options.emit === "js" && (options.layout ?? "modules") === "modules";

/** The cache's store of formatted chunks and compiled modules, when it has one (a page-only cache may not), under a code version. */
function chunkStore(cache: ParseCache | undefined, version: string): ChunkStore | undefined {
  const { getChunk, setChunk } = cache ?? {};
  return getChunk && setChunk ? { getChunk: (key) => getChunk.call(cache, key), setChunk: (key, text) => setChunk.call(cache, key, text), version } : undefined;
}

/**
 * Formats on the pool when there is one: a thread formats each batch of statements while this one prints the next
 * (the pool loaded prettier on a thread while the pages parsed: parsePages); the text is the same either way.
 */
async function formatStage(format: Awaited<ReturnType<typeof laterStages>>["formatFilesWithStats"], emitted: GeneratedFile[], cache: ParseCache | undefined, stats: CacheStats | undefined, pool: WorkerPool | undefined) {
  const chunkCache = chunkStore(cache, PRINT_CACHE_VERSION);
  const remote = pool && ((texts: string[]) => pool.run("format", [texts], 1).then(([out]) => out!));
  let formatted: Awaited<ReturnType<typeof format>>;
  try {
    formatted = await format(emitted, { ...(chunkCache ? { cache: chunkCache } : {}), ...(remote ? { remote } : {}) });
  } catch (error) {
    throw new InternalError(undefined, error);
  }
  if (stats && chunkCache) Object.assign(stats, { chunkHits: formatted.stats.hits, chunkMisses: formatted.stats.misses });
  return formatted.files;
}

/**
 * `.ts` modules to `.js` + `.d.ts`. The generated modules declare alone by construction; a problem can only come
 * from a runtime template that needs inference (the CLI checks templates first, at their own lines).
 */
async function compileStage(files: GeneratedFile[], cache: ParseCache | undefined, diagnostics: Diagnostic[], progress: (stage: Progress["stage"]) => void): Promise<GeneratedFile[]> {
  progress("compile");
  const { compileFiles } = await import("./compile/compile.js");
  const result = stage(undefined, () => compileFiles(files, chunkStore(cache, COMPILE_CACHE_VERSION)));
  for (const p of result.problems) diagnostics.push(diagnostic("invalid-template", `${p.file} cannot be declared alone for emit "js": ${p.message}`, { file: p.file, line: p.line, column: p.column }));
  return result.files;
}

async function pipeline(sources: readonly SourceText[], options: PipelineOptions, available: WorkerPool | undefined): Promise<PipelineResult> {
  const timings: StageTimings = { read: 0, model: 0, emit: 0, format: 0, compile: 0 };
  let clock = performance.now();
  const lap = (name: keyof StageTimings): void => {
    const now = performance.now();
    timings[name] = now - clock;
    clock = now;
  };
  const progress = (stage: Progress["stage"]): void => options.onProgress?.({ stage, done: sources.length, total: sources.length });
  const markdownLimits = resolveMarkdownLimits(options.limits?.markdown);
  const state = await triage(sources, options, markdownLimits);
  const { pages, pool, later } = await parsePages(sources, state, options, markdownLimits.pageTimeoutMs, available);
  const { diagnostics, documents, stats, leftOut } = state;
  lap("read");
  progress("model");
  const model = await buildStage(pages, documents, options.limits?.model ?? {}, diagnostics);
  lap("model");
  progress("emit");
  const { emitModel, formatFilesWithStats } = await later;
  const { files: emitted, diagnostics: emitDiagnostics } = stage(undefined, () => emitModel(model, { templates: options.templates, sources: options.sourceLabels, ...(options.layout ? { layout: options.layout } : {}), ...shapeOptions(options) }));
  diagnostics.push(...emitDiagnostics);
  lap("emit");
  progress("format");
  const formatted = await formatStage(formatFilesWithStats, emitted, options.cache, stats, available);
  lap("format");
  let files = formatted;
  if (compilesModules(options)) {
    files = await compileStage(formatted, options.cache, diagnostics, progress);
    lap("compile");
  }
  return { files, model, pages, documents, diagnostics: sortDiagnostics(diagnostics), ...(stats ? { cache: stats } : {}), timings, threads: pool?.threads ?? 0, leftOut };
}

/** By file, then position, so reports read top to bottom and are the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number] => [d.at?.file ?? "", d.at?.line ?? 0, d.at?.column ?? 0];
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return compareStrings(fa, fb) || la - lb || ca - cb || compareStrings(a.code, b.code);
  });
}
