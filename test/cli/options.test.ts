/**
 * The output-shape flags (--enum-style, --no-guards, --readonly, --nullable, --include-namespace,
 * --exclude-namespace) and their config keys, run in-process on the repository's input/ into a temp folder.
 */
import { jest } from "@jest/globals";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { compileErrors } from "../corpus/compile.js";
import { ROOT, runCli } from "../helpers.js";

// Each test generates and type-checks several outputs: seconds alone, more on a loaded machine.
jest.setTimeout(60_000);

const input = path.join(ROOT, "input");

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-options-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Generates with the flags (and no cache) into tmp/out; the exit code and the files written. */
async function generate(flags: string[]): Promise<{ code: number; stdout: string; stderr: string; files: Record<string, string> }> {
  const out = path.join(tmp, "out");
  const run = await runCli(["generate", input, "--out", out, "--no-cache", ...flags], tmp);
  const names = await readdir(out).catch(() => [] as string[]);
  const files = Object.fromEntries(await Promise.all(names.filter((n) => n.endsWith(".ts")).map(async (n) => [n, await readFile(path.join(out, n), "utf8")] as const)));
  return { ...run, files };
}

const graph = "microsoft.graph.ts";
const billing = "microsoft.graph.partners.billing.ts";

test("--enum-style enum writes TypeScript enums; const-object derives the type from the object; a bad style is exit 2", async () => {
  const asEnum = await generate(["--enum-style", "enum"]);
  expect(asEnum.code).toBe(EXIT.ok);
  expect(asEnum.files[graph]).toContain("export enum LongRunningOperationStatus {");
  expect(asEnum.files[billing]).toContain("status?: microsoftGraph.LongRunningOperationStatus.succeeded | null;");
  const constObject = await generate(["--enum-style", "const-object"]);
  expect(constObject.files[graph]).toMatch(/export type LongRunningOperationStatus =\s+\(typeof LongRunningOperationStatus\)\[keyof typeof LongRunningOperationStatus\];/);
  const bad = await generate(["--enum-style", "enums"]);
  expect(bad.code).toBe(EXIT.usage);
  expect(bad.stderr).toContain('--enum-style must be one of union, const-object, enum, not "enums"');
});

test("--no-guards leaves out the guards, the *_ODATA_TYPES sets and the runtime import", async () => {
  const { code, files } = await generate(["--no-guards"]);
  expect(code).toBe(EXIT.ok);
  expect(files[graph]).not.toMatch(/export function is|_ODATA_TYPES|from "\.\/runtime\.js";\nimport \{/);
  expect(files[billing]).not.toContain(`import { hasODataType } from "./runtime.js";`);
  expect(files["runtime.ts"]).toContain("export interface CollectionResponse");
});

test("--readonly marks every interface property readonly", async () => {
  const { code, files } = await generate(["--readonly"]);
  expect(code).toBe(EXIT.ok);
  expect(files[graph]).toContain("  readonly code?: string | null;");
  expect(files[graph]).not.toMatch(/^ {2}(?!readonly )"?[\w@.]+"?\?: /m);
});

test("--nullable optional drops | null; a bad style is exit 2", async () => {
  const { code, files } = await generate(["--nullable", "optional"]);
  expect(code).toBe(EXIT.ok);
  expect(files[graph]).toContain("  code?: string;\n");
  // The model's properties; the envelope's own types (runtime.ts) are fixed.
  expect(files[graph] + files[billing]).not.toMatch(/\w \| null;/);
  expect((await generate(["--nullable", "undefined"])).code).toBe(EXIT.usage);
});

test("--file-naming names the module files, and imports and the barrel follow; the output compiles", async () => {
  for (const [naming, files] of [
    ["kebab-case", ["index.ts", "microsoft-graph-partners-billing.ts", "microsoft-graph.ts", "runtime.ts"]],
    ["camelCase", ["index.ts", "microsoftGraph.ts", "microsoftGraphPartnersBilling.ts", "runtime.ts"]],
  ] as const) {
    await rm(path.join(tmp, "out"), { recursive: true, force: true });
    const run = await generate(["--file-naming", naming]);
    expect(run.code).toBe(EXIT.ok);
    expect(Object.keys(run.files).sort()).toEqual([...files]);
    const barrel = run.files["index.ts"];
    for (const file of files.filter((f) => f !== "index.ts" && f !== "runtime.ts")) expect(barrel).toContain(`"./${file.replace(/\.ts$/, ".js")}"`);
    expect(compileErrors(Object.entries(run.files).map(([p, text]) => ({ path: p, text })))).toEqual([]);
  }
  expect((await generate(["--file-naming", "snake"])).code).toBe(EXIT.usage);
}, 30_000); // two type-checks of the output: about 5 s on a loaded 2-core machine, over jest's default

test("--exclude-namespace leaves a namespace out; references to it become unknown", async () => {
  const { code, files } = await generate(["--exclude-namespace", "microsoft.graph"]);
  expect(code).toBe(EXIT.ok);
  expect(Object.keys(files).sort()).toEqual(["index.ts", billing, "runtime.ts"]);
  expect(files[billing]).not.toContain("microsoftGraph.");
  expect(files[billing]).toContain("error?: unknown;");
});

test("--include-namespace takes prefix patterns and repeats", async () => {
  const only = await generate(["--include-namespace", "microsoft.graph.*"]);
  expect(Object.keys(only.files).sort()).toEqual(["index.ts", billing, "runtime.ts"]);
  const both = await generate(["--include-namespace", "microsoft.graph", "--include-namespace", "microsoft.graph.partners.*"]);
  expect(Object.keys(both.files).sort()).toEqual(["index.ts", billing, graph, "runtime.ts"]);
});

test("a namespace pattern that matches nothing is GT1017; a filter that keeps nothing is GT0008, exit 2, the output kept", async () => {
  const all = await generate([]);
  const misspelt = await generate(["--exclude-namespace", "microsoft.graph.partner.*"]);
  expect(misspelt.code).toBe(EXIT.ok);
  expect(misspelt.stdout).toContain('warning GT1017 namespace filter: exclude "microsoft.graph.partner.*" matches none of the namespaces (microsoft.graph, microsoft.graph.partners.billing)');
  expect(misspelt.files).toEqual(all.files);
  const none = await generate(["--include-namespace", "microsoft.graph.partner.billing"]);
  expect(none.code).toBe(EXIT.usage);
  expect(none.stdout).toContain("GT1017");
  expect(none.stdout).toContain("error GT0008 nothing was generated and the previous output is kept: the namespace filter keeps none of the 2 namespaces the inputs declare (microsoft.graph, microsoft.graph.partners.billing)");
  expect(none.files).toEqual(all.files);
});

test("the config keys set the same options, and a flag overrides its key", async () => {
  await writeFile(
    path.join(tmp, "graph-typegen.config.json"),
    JSON.stringify({ enumStyle: "enum", guards: false, readonly: true, nullable: "optional", namespaces: { exclude: ["microsoft.graph.partners.*"] } }),
  );
  const { code, files } = await generate(["--enum-style", "const-object"]);
  expect(code).toBe(EXIT.ok);
  expect(Object.keys(files).sort()).toEqual(["index.ts", graph, "runtime.ts"]);
  expect(files[graph]).toMatch(/export type LongRunningOperationStatus =\s+\(typeof LongRunningOperationStatus\)\[keyof typeof LongRunningOperationStatus\];/);
  expect(files[graph]).toContain("  readonly code?: string;\n");
  expect(files[graph]).not.toContain("export function is");
});

test("--templates replaces the banner and the runtime helpers; a folder without them is exit 2", async () => {
  const templates = path.join(tmp, "tpl");
  await mkdir(templates);
  await writeFile(path.join(templates, "banner.txt"), "// Contoso SDK types from {{sources}}. Generated; do not edit.\n");
  await writeFile(path.join(templates, "runtime.ts"), await readFile(path.join(ROOT, "templates", "runtime.ts"), "utf8"));
  const run = await generate(["--templates", templates]);
  expect(run.code).toBe(EXIT.ok);
  for (const text of Object.values(run.files)) expect(text.startsWith(`// Contoso SDK types from ${path.relative(path.join(tmp, "out"), input)}. Generated; do not edit.\n`)).toBe(true);
  expect(compileErrors(Object.entries(run.files).map(([p, text]) => ({ path: p, text })))).toEqual([]);
  const empty = path.join(tmp, "empty");
  await mkdir(empty);
  const missing = await generate(["--templates", empty]);
  expect(missing.code).toBe(EXIT.usage);
  expect(missing.stdout).toContain(`the templates folder ${path.relative(tmp, empty)} has no banner.txt or runtime.ts: it needs banner.txt and runtime.ts`);
  await writeFile(path.join(empty, "banner.txt"), "// x\n");
  expect((await generate(["--templates", empty])).stdout).toContain("has no runtime.ts: it needs banner.txt and runtime.ts");
  expect((await generate(["--templates", path.join(tmp, "nowhere")])).stdout).toContain("cannot read templates from nowhere: there is no such folder");
});

test("--threads and the threads key take a whole number (0: none) and never change the output; --verbose says where the time went", async () => {
  const none = await generate(["--threads", "0"]);
  const some = await generate(["--threads", "3", "--verbose"]);
  expect([none.code, some.code]).toEqual([EXIT.ok, EXIT.ok]);
  expect(some.files).toEqual(none.files);
  expect(some.stdout).toMatch(/^time: parse \d+\.\d\d s, model \d+\.\d\d s, emit \d+\.\d\d s, format \d+\.\d\d s$/m);
  const bad = await generate(["--threads", "many"]);
  expect(bad.code).toBe(EXIT.usage);
  expect(bad.stderr).toContain("--threads takes a whole number");
  await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ threads: -1 }));
  const badKey = await generate([]);
  expect(badKey.code).toBe(EXIT.usage);
  expect(badKey.stderr).toContain("threads");
});
