import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { runPipeline } from "../../generator/pipeline.js";
import type { GeneratedFile, SourceText } from "../../generator/types/index.js";
import { templates } from "../helpers.js";

/** A generated module as loaded: its exports by name. */
export type Loaded = Record<string, Record<string, (...args: unknown[]) => unknown> & Record<string, unknown>>;

/** The generated files, type-stripped to JavaScript in a temporary folder, and the barrel imported from there. */
export async function loadOutput(files: readonly GeneratedFile[]): Promise<{ index: Loaded; dir: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-guards-"));
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  for (const file of files) {
    // Types stripped by esbuild (a native binary, many times faster than TypeScript's transpiler on megabytes of output).
    const js = transformSync(file.text, { loader: "ts", format: "esm", target: "es2022" }).code;
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path.replace(/\.ts$/, ".js")), js);
  }
  const index = (await import(pathToFileURL(path.join(dir, "index.js")).href)) as Loaded;
  return { index, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Generates from one metadata document and loads the result. */
export async function loadFromCsdl(xml: string, options: { nullable?: "null" | "optional" } = {}) {
  const source: SourceText = { path: "metadata.xml", text: xml, kind: "csdl" };
  const result = await runPipeline([source], { templates: await templates(), sourceLabels: ["metadata.xml"], threads: 0, ...options });
  return { ...(await loadOutput(result.files)), result };
}
