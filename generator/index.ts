import path from "node:path";
import { DEFAULT_CSDL_LIMITS } from "./csdl/limits.js";
import { DEFAULT_MARKDOWN_LIMITS } from "./markdown/limits.js";
import { optionsProblem, runPaths, type GenerateOptions, type RunPaths } from "./config/generate-options.js";
import { plural } from "./cli/report.js";
import { applyRules } from "./config/levels.js";
import { defaultPoolSize, WorkerPool } from "./parallel/pool.js";
import { compilesModules, runPipeline, type CacheStats, type LeftOut, type StageTimings } from "./pipeline.js";
import { displayPath, readSources, shellWord, STDIN } from "./read/sources.js";
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from "./read/templates.js";
import { keepsNamespace, type NamespaceFilter } from "./emit/plan/namespaces.js";
import { diagnostic, UNUSABLE_KINDS, type Diagnostic, type DocPage, type GeneratedFile, type Model, type Namespace, type SourceText } from "./types/index.js";
import { checkOutput, isCurrent, type CheckResult } from "./write/check.js";
import { writeOutput } from "./write/atomic.js";
import { refuseTarget } from "./write/target.js";

export type { CheckChange, CheckResult } from "./write/check.js";
export { diffStat, unifiedDiff, unifiedDiffs, type FileChange } from "./write/diff.js";
export type { EnumStyle, FileNaming, Layout, NamespaceFilter, NullableStyle, ShapeOptions, Templates } from "./emit/index.js";
export type { CacheStats, Limits, Progress, StageTimings } from "./pipeline.js";
export { WorkerPool } from "./parallel/pool.js";
export { DEFAULT_CACHE_DIR, DiskParseCache, MemoryParseCache, type CachedPage, type ParseCache } from "./cache/cache.js";
export { InternalError, runPipeline } from "./pipeline.js";
export { ConfigError, loadConfig, type Config, type ConfigLimits, type LoadedConfig } from "./config/config.js";
export { runPaths, type GenerateOptions, type RunPaths } from "./config/generate-options.js";
export { UsageError } from "./config/vocabulary.js";
export * from "./types/index.js";

export interface GenerateResult {
  /** What was (or would be) written, paths relative to `out`. */
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  model?: Model;
  /** False when the input could not be used at all (unreadable or empty): nothing was generated or written. */
  generated: boolean;
  /** Whether `out` was written. False also when the output folder was refused, locked, in conflict or unwritable. */
  written: boolean;
  /** Input files that contributed nothing (a page refused by a limit, metadata that could not be parsed). */
  leftOut?: string[];
  /** With `check`: how `out` differs from what would be written. */
  check?: CheckResult & { current: boolean };
  /** With `cache`: pages taken from it (hits) and pages parsed (misses), the same for formatted chunks. */
  cache?: CacheStats;
  /** Milliseconds per stage, when the pipeline ran. */
  timings?: StageTimings;
  /** Worker threads the run used (0: none). */
  threads?: number;
}

/**
 * The programmatic API: read the pages (and metadata), generate, then write or check. Never throws for bad input
 * (see the diagnostics); throws `InternalError` only for a bug in graph-typegen. `rules` apply to what comes back.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const problem = optionsProblem(options);
  if (problem) return notGenerated([diagnostic("invalid-option", problem)]);
  const paths = runPaths(options);
  const pool = earlyPool(options, paths);
  try {
    const result = await run(pool ? { ...options, pool } : options, paths);
    const diagnostics = paths.defaultInput ? result.diagnostics.map((d) => defaultInputHint(d, paths)) : result.diagnostics;
    return { ...result, diagnostics: applyRules(diagnostics, options.rules) };
  } finally {
    await pool?.close();
  }
}

/**
 * A run with pages to read starts its first thread now, loading the Markdown parser while the pages are read and
 * looked up in the cache: on a re-run after one page changed, that start (about 0.3 s) was the changed page's wait.
 * When every page is in the cache the thread is not used, and it is stopped at the end.
 */
function earlyPool(options: GenerateOptions, paths: RunPaths): WorkerPool | undefined {
  if (options.pool || !paths.inputs.length) return undefined;
  const pool = WorkerPool.create(options.threads ?? defaultPoolSize());
  pool?.prepare("parse");
  return pool;
}

/**
 * Nobody named the default input/, so "cannot read input input" would leave a user in a sub-folder guessing: say
 * where it looked and how to name the pages.
 */
function defaultInputHint(d: Diagnostic, paths: RunPaths): Diagnostic {
  if (d.kind !== "unreadable-input" || !d.message.endsWith("no such file or folder")) return d;
  const where = paths.inputs[0];
  return { ...d, message: `no pages given, and the default input folder ${where} does not exist: name the pages' files or folders (graph-typegen generate docs/), pass --csdl <file>, or set "inputs" in graph-typegen.config.json` };
}

async function run(options: GenerateOptions, { cwd, inputs, csdl, out }: RunPaths): Promise<GenerateResult> {
  const write = !options.check && (options.write ?? true);
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : DEFAULT_TEMPLATES_DIR;
  // A dangerous output folder is refused before any work: nothing read, nothing written.
  const refused = write ? await refuseTarget(options.out ?? out, { cwd, inputs: [...inputs, ...csdl, ...(options.templates ? [templatesDir] : [])], ...(options.force ? { force: true } : {}) }) : undefined;
  if (refused) return notGenerated([refused]);
  const docsRead = inputs.length ? await readSources(inputs, cwd, { maxBytes: options.limits?.markdown?.maxPageBytes ?? DEFAULT_MARKDOWN_LIMITS.maxPageBytes }) : { sources: [], diagnostics: [] };
  const csdlRead = csdl.length
    ? await readSources(csdl, cwd, { kind: "csdl", extensions: [".xml", ".edmx", ".csdl"], maxBytes: options.limits?.csdl?.maxBytes ?? DEFAULT_CSDL_LIMITS.maxBytes })
    : { sources: [], diagnostics: [] };
  const readDiagnostics = [...docsRead.diagnostics, ...csdlRead.diagnostics];
  if (readDiagnostics.some((d) => UNUSABLE_KINDS.has(d.kind))) return notGenerated(readDiagnostics);
  const guards = options.guards !== false && (options.layout ?? "modules") === "modules";
  const loaded = await loadTemplates(templatesDir, cwd, { declarations: compilesModules(options), guards });
  if ("diagnostics" in loaded) return notGenerated([...readDiagnostics, ...loaded.diagnostics]);
  // The banner names inputs relative to the output folder, so it does not depend on where the command ran.
  const sourceLabels = [...inputs, ...csdl].map((input) => (input === STDIN ? "standard input" : path.relative(out, path.resolve(cwd, input)).split(path.sep).join("/") || "."));
  // The shape, layout, cache and thread options have the same names in both; the pipeline picks them once.
  const limits = { markdown: options.limits?.markdown ?? {}, csdl: options.limits?.csdl ?? {}, model: options.limits?.model ?? {} };
  const result = await runPipeline([...docsRead.sources, ...csdlRead.sources], { ...options, templates: loaded.templates, sourceLabels, limits });
  const notRead = [...tooLarge(docsRead.diagnostics, "docs"), ...tooLarge(csdlRead.diagnostics, "csdl")];
  const leftOut = [...notRead, ...result.leftOut];
  const diagnostics = [...readDiagnostics, ...result.diagnostics];
  const given = (kind: LeftOut["kind"]): number => (kind === "docs" ? docsRead : csdlRead).sources.length + notRead.filter((l) => l.kind === kind).length;
  const unusable =
    unusableInput([...leftOut, ...skippedPages(result.pages, leftOut)], given, metadataLike(docsRead.sources)) ??
    nothingToEmit(result.model, options.namespaces, { pages: docsRead.sources.length, metadata: csdlRead.sources.length, reported: diagnostics.some((d) => d.severity !== "info") });
  // A run that writes nothing anyway (drift, `write: false`) keeps no output: its message does not say it does.
  if (unusable) return notGenerated([...diagnostics, write || options.check ? unusable : { ...unusable, message: unusable.message.replace(KEPT, "") }]);
  const common = { files: result.files, model: result.model, generated: true, ...(leftOut.length ? { leftOut: leftOut.map((l) => l.file) } : {}), ...(result.cache ? { cache: result.cache } : {}), timings: result.timings, threads: result.threads };
  if (options.check) {
    const { check, diagnostics: found } = await checkOutput(out, result.files, displayPath(out, cwd));
    return { ...common, diagnostics: [...diagnostics, ...found], written: false, check: { ...check, current: isCurrent(check) } };
  }
  if (!write) return { ...common, diagnostics, written: false };
  const found = await writeOutput(out, result.files, { cwd, ...(options.force ? { force: true } : {}), ...(options.lockTimeout !== undefined ? { lockTimeout: options.lockTimeout } : {}) });
  return { ...common, diagnostics: [...diagnostics, ...found], written: !found.some((d) => UNUSABLE_KINDS.has(d.kind)) };
}

/** What GT0008 says of the output folder, where there is one to keep. */
const KEPT = " and the previous output is kept";

/** What an output is made of: a namespace that declares nothing is not written. */
const declaresAnything = (n: Namespace): boolean => n.types.length + n.enums.length + n.typeDefinitions.length + n.operations.length > 0;

/**
 * A model with nothing to emit is unusable input as well: no page or metadata file declared anything (an empty
 * <Schema/>, links that all lead out of the folder), or the namespace filter keeps none of what they declared. Its
 * output would be an index and a runtime, every type of the previous output deleted.
 */
function nothingToEmit(model: Model, filter: NamespaceFilter | undefined, read: { pages: number; metadata: number; reported: boolean }): Diagnostic | undefined {
  const declaring = model.namespaces.filter(declaresAnything);
  if (declaring.some((n) => !filter || keepsNamespace(n.name, filter))) return undefined;
  const names = declaring.map((n) => n.name);
  // With metadata, only its declarations are generated (the docs add to them): say which input came up empty.
  const empty = read.metadata ? `the metadata declares no type, enum or operation${read.pages ? ", and the docs only add to its types" : ""}` : "the pages declare no type or enum";
  const why = declaring.length
    ? `the namespace filter keeps none of the ${names.length} namespaces the inputs declare (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""})`
    : `${empty} (${plural(read.pages, "page")} and ${plural(read.metadata, "metadata file")} read${read.reported ? "; see the diagnostics above" : ""})`;
  return diagnostic("no-usable-input", `nothing was generated${KEPT}: ${why}`);
}

const notGenerated = (diagnostics: Diagnostic[]): GenerateResult => ({ files: [], diagnostics, generated: false, written: false });

/** Files the read stage did not read for their size: left out like a page refused by a limit. */
function tooLarge(diagnostics: readonly Diagnostic[], kind: LeftOut["kind"]): LeftOut[] {
  return diagnostics.filter((d) => d.kind === "input-too-large" && d.at).map((d) => ({ file: d.at!.file, kind, reason: d.message }));
}

/**
 * Pages read whole that are neither resource nor enum pages (GT2005): they add nothing to the model, so for the
 * unusable-input rule they count as left out. Only that rule reads them; `leftOut` still lists what was not read.
 */
function skippedPages(pages: readonly DocPage[], leftOut: readonly LeftOut[]): LeftOut[] {
  const listed = new Set(leftOut.map((l) => l.file));
  return pages.filter((p) => p.kind === "other" && !listed.has(p.file)).map((p) => ({ file: p.file, kind: "docs", reason: "not a resource or enum page" }));
}

/**
 * Docs paths that look like metadata, by name or (`$metadata`, saved without an extension) by an XML start: the
 * likely mistake is a CSDL file given where pages go.
 */
function metadataLike(sources: readonly SourceText[]): (file: string) => boolean {
  // Looked at only when a run is unusable, never on a run that goes on.
  let xml: Set<string> | undefined;
  const starts = (): Set<string> => (xml ??= new Set(sources.filter((s) => /^\uFEFF?\s*<(\?xml|edmx:Edmx)\b/.test(s.text.slice(0, 512))).map((s) => s.path)));
  return (file) => /\.(xml|edmx|csdl)$/i.test(file) || starts().has(file);
}

/**
 * Docs of which no page could be used (every one refused, or none a resource or enum page: the wrong folder, or a
 * metadata file given as a page), or metadata of which no file could be used (truncated, empty, an HTML error page,
 * no <Schema>), is unusable input: generating from what is left would replace the previous output with an empty or
 * docs-only model, as when a failed metadata download in CI wiped the committed types.
 */
function unusableInput(leftOut: readonly LeftOut[], given: (kind: LeftOut["kind"]) => number, looksLikeCsdl: (file: string) => boolean): Diagnostic | undefined {
  for (const kind of ["csdl", "docs"] as const) {
    const out = leftOut.filter((l) => l.kind === kind);
    if (!out.length || out.length < given(kind)) continue;
    const what = kind === "csdl" ? "metadata file" : "page";
    const hint = (l: LeftOut): string => (kind === "docs" && looksLikeCsdl(l.file) ? `; metadata is read with --csdl ${shellWord(l.file)}, or "csdl" in the config` : "");
    const list = out.slice(0, 5).map((l) => `${l.file} (${l.reason}${hint(l)})`).join("; ");
    const more = out.length > 5 ? `; and ${out.length - 5} more` : "";
    return diagnostic("no-usable-input", `no ${what} could be used, so nothing was generated${KEPT}: ${list}${more}`);
  }
  return undefined;
}
