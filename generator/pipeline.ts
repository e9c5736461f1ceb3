import { parseCacheKey, type ParseCache } from "./cache/cache.js";
import { parseCsdl } from "./csdl/parse.js";
import type { CsdlLimits } from "./csdl/limits.js";
import { emitModel, shapeOptions, type Layout, type ShapeOptions, type Templates } from "./emit/index.js";
import { formatFiles } from "./format/prettier.js";
import { checkMarkdownLimits, resolveMarkdownLimits, type MarkdownLimits } from "./markdown/limits.js";
import { parseMarkdownPage } from "./markdown/page.js";
import { buildModel } from "./model/build.js";
import { modelFromCsdl } from "./model/csdl-build.js";
import { mergeModels } from "./model/merge.js";
import { diagnostic, type CsdlDocument, type Diagnostic, type DocPage, type GeneratedFile, type Model, type SourceText } from "./types/index.js";

/** A bug in graph-typegen (not in the input), tagged with the file it was processing so users can report it. */
export class InternalError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = "InternalError";
  }
}

export interface Limits {
  markdown: Partial<MarkdownLimits>;
  csdl: Partial<CsdlLimits>;
}

export interface PipelineOptions extends ShapeOptions {
  templates: Templates;
  /** Inputs as the banner names them. */
  sourceLabels: readonly string[];
  layout?: Layout;
  limits?: Partial<Limits>;
  /** Parsed pages from earlier runs, keyed by content hash; never changes the result, only saves parsing. */
  cache?: ParseCache;
  /** Told how far the run is (pages read, then each later stage), for a progress display; never affects the result. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  stage: "read" | "model" | "emit" | "format";
  done: number;
  total: number;
}

/** With a cache: how many pages came from it and how many were parsed (and stored). */
export interface CacheStats {
  hits: number;
  misses: number;
}

export interface PipelineResult {
  files: GeneratedFile[];
  model: Model;
  pages: DocPage[];
  documents: CsdlDocument[];
  diagnostics: Diagnostic[];
  cache?: CacheStats;
}

/** CSDL comes as `.xml`, `.edmx` or `.csdl`; everything else is a Markdown page. */
export function isCsdlSource(source: SourceText): boolean {
  return /\.(xml|edmx|csdl)$/i.test(source.path);
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** One page through the Markdown adapter; a page past a limit (or too deep for the parser) is skipped with a diagnostic. */
function parsePage(source: SourceText, limits: MarkdownLimits, cache?: ParseCache, stats?: CacheStats): { page?: DocPage; diagnostics: Diagnostic[] } {
  // The limits stay in front of the cache: they depend on options, not only on the page.
  const refused = checkMarkdownLimits(source, limits);
  if (refused) return { diagnostics: [refused] };
  if (!cache || !stats) return parseUnlimited(source);
  const key = parseCacheKey(source);
  const cached = cache.get(key);
  if (cached) {
    stats.hits++;
    return cached;
  }
  stats.misses++;
  const parsed = parseUnlimited(source);
  cache.set(key, parsed);
  return parsed;
}

function parseUnlimited(source: SourceText): { page?: DocPage; diagnostics: Diagnostic[] } {
  try {
    return parseMarkdownPage(source);
  } catch (error) {
    if (isStackOverflow(error)) {
      return { diagnostics: [diagnostic("nesting-too-deep", "page nests too deeply for the Markdown parser; page skipped", { file: source.path, line: 1, column: 1 })] };
    }
    throw new InternalError(source.path, error);
  }
}

function stage<T>(file: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof InternalError ? error : new InternalError(file, error);
  }
}

/**
 * parse -> model -> emit -> format over in-memory sources. No file system access; bad input never throws. Docs
 * alone, CSDL alone, or both: then the metadata is authoritative for structure and the docs add descriptions and
 * enum narrowing, and where the two disagree there are drift diagnostics.
 */
export async function runPipeline(sources: readonly SourceText[], options: PipelineOptions): Promise<PipelineResult> {
  const diagnostics: Diagnostic[] = [];
  const markdownLimits = resolveMarkdownLimits(options.limits?.markdown);
  const pages: DocPage[] = [];
  const documents: CsdlDocument[] = [];
  const stats: CacheStats | undefined = options.cache ? { hits: 0, misses: 0 } : undefined;
  for (const [index, source] of sources.entries()) {
    options.onProgress?.({ stage: "read", done: index, total: sources.length });
    if (isCsdlSource(source)) {
      const read = stage(source.path, () => parseCsdl(source, options.limits?.csdl));
      documents.push(read.document);
      diagnostics.push(...read.diagnostics);
    } else {
      const read = parsePage(source, markdownLimits, options.cache, stats);
      if (read.page) pages.push(read.page);
      diagnostics.push(...read.diagnostics);
    }
  }
  options.onProgress?.({ stage: "model", done: sources.length, total: sources.length });
  // A metadata file that could not be read (refused, truncated) yields no schemas: it must not wipe out the docs.
  const usable = documents.filter((document) => document.schemas.length);
  const docs = pages.length || !usable.length ? stage(undefined, () => buildModel(pages)) : undefined;
  const metadata = usable.length ? stage(undefined, () => modelFromCsdl(usable)) : undefined;
  for (const built of [docs, metadata]) if (built) diagnostics.push(...built.diagnostics);
  let model = (metadata ?? docs)!.model;
  if (docs && metadata) {
    const merged = stage(undefined, () => mergeModels(metadata.model, docs.model));
    diagnostics.push(...merged.diagnostics);
    model = merged.model;
  }
  options.onProgress?.({ stage: "emit", done: sources.length, total: sources.length });
  const emitted = stage(undefined, () => emitModel(model, { templates: options.templates, sources: options.sourceLabels, ...(options.layout ? { layout: options.layout } : {}), ...shapeOptions(options) }));
  options.onProgress?.({ stage: "format", done: sources.length, total: sources.length });
  let files: GeneratedFile[];
  try {
    files = await formatFiles(emitted);
  } catch (error) {
    throw new InternalError(undefined, error);
  }
  return { files, model, pages, documents, diagnostics: sortDiagnostics(diagnostics), ...(stats ? { cache: stats } : {}) };
}

/** By file, then position, so reports read top to bottom and are the same on every run. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number] => [d.at?.file ?? "", d.at?.line ?? 0, d.at?.column ?? 0];
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}
