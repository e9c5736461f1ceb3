import { emitModel, type Templates } from "./emit/index.js";
import { formatFiles } from "./format/prettier.js";
import { parseMarkdownPage } from "./markdown/page.js";
import { buildModel } from "./model/build.js";
import type { Diagnostic, DocPage, GeneratedFile, Model, SourceText } from "./types/index.js";

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

export interface PipelineOptions {
  templates: Templates;
  /** Inputs as the banner names them. */
  sourceLabels: readonly string[];
}

export interface PipelineResult {
  files: GeneratedFile[];
  model: Model;
  pages: DocPage[];
  diagnostics: Diagnostic[];
}

/** parse -> model -> emit -> format over in-memory sources. No file system access; bad input never throws. */
export async function runPipeline(sources: readonly SourceText[], options: PipelineOptions): Promise<PipelineResult> {
  const diagnostics: Diagnostic[] = [];
  const pages: DocPage[] = [];
  for (const source of sources) {
    try {
      const result = parseMarkdownPage(source);
      pages.push(result.page);
      diagnostics.push(...result.diagnostics);
    } catch (error) {
      throw new InternalError(source.path, error);
    }
  }
  let built: ReturnType<typeof buildModel>;
  try {
    built = buildModel(pages);
  } catch (error) {
    throw new InternalError(undefined, error);
  }
  diagnostics.push(...built.diagnostics);
  let files: GeneratedFile[];
  try {
    files = await formatFiles(emitModel(built.model, { templates: options.templates, sources: options.sourceLabels }));
  } catch (error) {
    throw new InternalError(undefined, error);
  }
  return { files, model: built.model, pages, diagnostics: sortDiagnostics(diagnostics) };
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
