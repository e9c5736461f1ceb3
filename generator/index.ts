import path from "node:path";
import { runPipeline } from "./pipeline.js";
import { displayPath, readSources } from "./read/sources.js";
import { DEFAULT_TEMPLATES_DIR, readTemplates } from "./read/templates.js";
import type { Templates } from "./emit/index.js";
import { diagnostic, type Diagnostic, type GeneratedFile, type Model } from "./types/index.js";
import { checkOutput, isCurrent, type CheckResult } from "./write/check.js";
import { writeOutput } from "./write/atomic.js";

export type { CheckResult } from "./write/check.js";
export { InternalError, runPipeline } from "./pipeline.js";
export * from "./types/index.js";

export interface GenerateOptions {
  /** Markdown files or folders (searched recursively). Default: `["input"]`. */
  inputs?: string[];
  /** Output folder. Default: `"output"`. */
  out?: string;
  /** Compare with `out` instead of writing. */
  check?: boolean;
  /** Write the files to `out` (default true unless `check`). */
  write?: boolean;
  /** Folder with `banner.txt` and `runtime.ts`. Default: the package's own `templates/`. */
  templates?: string;
  /** Resolve relative paths against this folder. Default: `process.cwd()`. */
  cwd?: string;
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
}

/**
 * The programmatic API: read the pages, generate, then write or check. Never throws for bad input (see the
 * diagnostics); throws `InternalError` only for a bug in graph-typegen.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = options.inputs?.length ? options.inputs : ["input"];
  const out = path.resolve(cwd, options.out ?? "output");
  const read = await readSources(inputs, cwd);
  if (read.diagnostics.some((d) => d.severity === "error")) {
    return { files: [], diagnostics: read.diagnostics, generated: false, written: false };
  }
  const templatesDir = options.templates ? path.resolve(cwd, options.templates) : DEFAULT_TEMPLATES_DIR;
  let templates: Templates;
  try {
    templates = await readTemplates(templatesDir);
  } catch (error) {
    const message = `cannot read templates from ${displayPath(templatesDir, cwd)}: ${error instanceof Error ? error.message : String(error)}`;
    return { files: [], diagnostics: [...read.diagnostics, diagnostic("unreadable-input", message)], generated: false, written: false };
  }
  // The banner names inputs relative to the output folder, so it does not depend on where the command ran.
  const sourceLabels = inputs.map((input) => path.relative(out, path.resolve(cwd, input)).split(path.sep).join("/") || ".");
  const result = await runPipeline(read.sources, { templates, sourceLabels });
  const diagnostics = [...read.diagnostics, ...result.diagnostics];
  if (options.check) {
    const check = await checkOutput(out, result.files);
    return { files: result.files, diagnostics, model: result.model, generated: true, written: false, check: { ...check, current: isCurrent(check) } };
  }
  const write = options.write ?? true;
  if (write) await writeOutput(out, result.files);
  return { files: result.files, diagnostics, model: result.model, generated: true, written: write };
}
