import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../generator/cli/main.js";
import type { Templates } from "../generator/emit/index.js";
import { parseMarkdownPage } from "../generator/markdown/page.js";
import { buildModel } from "../generator/model/docs/build.js";
import { runPipeline } from "../generator/pipeline.js";
import { readTemplates } from "../generator/read/templates.js";
import type { Diagnostic, DocPage, EnumType, Model, StructuredType } from "../generator/types/index.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The real Graph docs and metadata: `GRAPH_TYPEGEN_CORPUS` when set, else `../shared/corpus` beside the project. */
export const CORPUS = process.env.GRAPH_TYPEGEN_CORPUS ? path.resolve(process.env.GRAPH_TYPEGEN_CORPUS) : path.resolve(ROOT, "..", "shared", "corpus");

/** Inline fixtures are written indented; real pages start at column 1. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export function parsePage(text: string, file = "page.md"): { page: DocPage; diagnostics: Diagnostic[] } {
  return parseMarkdownPage({ path: file, text: dedent(text) });
}

/** Builds the model from inline pages: `{ "a.md": "...", "b.md": "..." }`. */
export function modelOf(pages: Record<string, string>) {
  const parsed = Object.entries(pages).map(([file, text]) => parsePage(text, file));
  const built = buildModel(parsed.map((p) => p.page));
  return { ...built, diagnostics: [...parsed.flatMap((p) => p.diagnostics), ...built.diagnostics] };
}

export async function templates(): Promise<Templates> {
  return readTemplates();
}

export async function generateFrom(pages: Record<string, string>) {
  const sources = Object.entries(pages).map(([file, text]) => ({ path: file, text: dedent(text) }));
  return runPipeline(sources, { templates: await templates(), sourceLabels: ["fixtures"] });
}

/** A resource page in the Graph format, with only what a test cares about spelled out. */
export function resourcePage(options: {
  name: string;
  namespace?: string;
  annotation?: Record<string, unknown>;
  inherits?: string;
  properties?: string[];
  relationships?: string[];
}): string {
  const namespace = options.namespace ?? "microsoft.graph";
  const annotation = options.annotation ?? { blockType: "resource", "@odata.type": `${namespace}.${options.name}` };
  return [
    "---",
    `title: "${options.name} resource type"`,
    "doc_type: resourcePageType",
    "---",
    "",
    `# ${options.name} resource type`,
    "",
    `Namespace: ${namespace}`,
    "",
    `The ${options.name} type.`,
    "",
    ...(options.inherits ? [`Inherits from ${options.inherits}.`, ""] : []),
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    ...(options.properties ?? []),
    "",
    "## Relationships",
    "",
    ...(options.relationships?.length ? ["|Relationship|Type|Description|", "|:---|:---|:---|", ...options.relationships] : ["None."]),
    "",
    "## JSON representation",
    "",
    "<!-- " + JSON.stringify(annotation, null, 2) + " -->",
    "",
  ].join("\n");
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export async function readOutput(file: string): Promise<string> {
  return readFile(path.join(ROOT, "output", file), "utf8");
}

/**
 * `describe` when the shared corpus folder exists, else `describe.skip` with a message: a user's fresh clone has
 * no ../shared, and its tests must still pass.
 */
export function describeIfCorpus(folder: string): jest.Describe {
  const dir = path.join(CORPUS, folder);
  if (existsSync(dir)) return describe;
  skipNotice(`corpus tests skipped: ${dir} does not exist (it is not part of a fresh clone).`);
  return describe.skip;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `graph-typegen <args>` in `cwd`, capturing what it prints. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** The type of that fully qualified name in a model, or a test failure naming it. */
export function findType(model: Model, fqn: string): StructuredType {
  const found = model.namespaces.flatMap((n) => n.types).find((t) => t.fqn === fqn);
  if (!found) throw new Error(`no type ${fqn}`);
  return found;
}

/** The enum of that fully qualified name in a model, or a test failure naming it. */
export function findEnum(model: Model, fqn: string): EnumType {
  const found = model.namespaces.flatMap((n) => n.enums).find((e) => e.fqn === fqn);
  if (!found) throw new Error(`no enum ${fqn}`);
  return found;
}

/**
 * Says why tests are skipped. Written straight to stderr: jest swallows console output of a file whose tests are
 * all skipped, and a skip without a visible reason looks like a pass.
 */
export function skipNotice(message: string): void {
  process.stderr.write(`graph-typegen tests: ${message}\n`);
}
