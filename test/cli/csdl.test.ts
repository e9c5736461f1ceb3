import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EXIT } from "../../generator/cli/main.js";
import { edmx } from "../csdl/helpers.js";
import { ROOT, resourcePage, runCli } from "../helpers.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-csdl-cli-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const run = (args: string[]) => runCli(args, tmp);

const METADATA = edmx(`
  <EntityType Name="entity" Abstract="true">
    <Key><PropertyRef Name="id" /></Key>
    <Property Name="id" Type="Edm.String" Nullable="false" />
  </EntityType>
  <EntityType Name="widget" BaseType="graph.entity">
    <Property Name="size" Type="Edm.Int32" />
    <Property Name="colour" Type="Edm.String" />
  </EntityType>
`);

async function files(): Promise<{ metadata: string; docs: string }> {
  const metadata = path.join(tmp, "metadata.xml");
  await writeFile(metadata, METADATA);
  const docs = path.join(tmp, "docs");
  await mkdir(docs);
  await writeFile(
    path.join(docs, "widget.md"),
    resourcePage({
      name: "widget",
      annotation: { blockType: "resource", "@odata.type": "microsoft.graph.widget", baseType: "microsoft.graph.entity" },
      properties: ["|size|Int32|How big the widget is.|", "|weight|Double|Not in the metadata.|"],
    }),
  );
  return { metadata, docs };
}

test("--csdl alone generates from the metadata and reads no docs, not even input/", async () => {
  const { metadata } = await files();
  const { code, stdout } = await run(["generate", "--csdl", metadata, "--out", "out"]);
  expect(code).toBe(EXIT.ok);
  expect(stdout).toContain("wrote 3 files to out/");
  const graph = await readFile(path.join(tmp, "out", "microsoft.graph.ts"), "utf8");
  expect(graph).toContain("export interface Widget extends Entity {");
  expect(graph).toContain("size?: number | null;");
  expect(graph).toContain("from ../metadata.xml; do not edit");
  expect((await readdir(path.join(tmp, "out"))).some((f) => f.includes("partners"))).toBe(false);
});

test("docs and --csdl together: the metadata's structure, the docs' descriptions, drift as diagnostics", async () => {
  const { metadata, docs } = await files();
  const { code, stdout } = await run(["generate", docs, "--csdl", metadata, "--out", "out"]);
  expect(code).toBe(EXIT.ok);
  expect(stdout).toMatch(/docs\/widget\.md:\d+:\d+ warning GT3103 microsoft\.graph\.widget\/weight/);
  const graph = await readFile(path.join(tmp, "out", "microsoft.graph.ts"), "utf8");
  expect(graph).toMatch(/How big the widget is\.\s+\*\s+\*\s+@format int32\s+\*\/\s+size\?: number \| null;/);
  expect(graph).toContain("colour?: string | null;");
  expect(graph).not.toContain("weight");
});

test("drift reports only where docs and metadata disagree, as text, JSON or Markdown; exit 1 on drift", async () => {
  const { metadata, docs } = await files();
  const text = await run(["drift", "--csdl", metadata, "--docs", docs]);
  expect(text.code).toBe(EXIT.failed);
  expect(text.stdout).toContain("GT3103");
  expect(text.stdout).not.toContain("GT1001");
  const markdown = await run(["drift", "--csdl", metadata, "--docs", docs, "--format", "markdown"]);
  expect(markdown.stdout).toMatch(/^#/m);
  expect(markdown.stdout).toContain("microsoft.graph.widget");
  const json = JSON.parse((await run(["drift", "--csdl", metadata, "--docs", docs, "--format", "json"])).stdout) as { total: number };
  expect(json.total).toBeGreaterThanOrEqual(1);
  expect((await run(["drift", "--docs", docs])).code).toBe(EXIT.usage);
});

test("a page over --max-page-bytes is skipped with GT0003 and the run fails, naming what was left out", async () => {
  // entity.md (983 bytes) and the larger pages are over 1000; enums.md, blob.md are under.
  const { code, stdout } = await run(["generate", path.join(ROOT, "input"), "--out", "out", "--max-page-bytes", "1000"]);
  expect(code).toBe(EXIT.failed);
  expect(stdout).toMatch(/partners-billing-manifest\.md:1:1 error GT0003 .* is \d+ bytes, over the limit of 1000; not read/);
  expect(stdout).toMatch(/^left out \(see the errors above\): .*partners-billing-manifest\.md/m);
  expect((await run(["generate", "--max-page-bytes", "lots"])).code).toBe(EXIT.usage);
});

test("every page over --max-page-bytes is unusable input: exit 2, GT0008, nothing written", async () => {
  const { code, stdout } = await run(["generate", path.join(ROOT, "input"), "--out", "out", "--max-page-bytes", "100"]);
  expect(code).toBe(EXIT.usage);
  expect(stdout).toMatch(/entity\.md:1:1 error GT0003 .* is \d+ bytes, over the limit of 100; not read/);
  expect(stdout).toMatch(/error GT0008 no page could be used, so nothing was generated and the previous output is kept: .*entity\.md/);
  expect(await readdir(tmp)).toEqual([]);
});

test("--layout single writes one declaration file", async () => {
  const { metadata } = await files();
  const { code } = await run(["generate", "--csdl", metadata, "--out", "out", "--layout", "single"]);
  expect(code).toBe(EXIT.ok);
  expect((await readdir(path.join(tmp, "out"))).filter((f) => !f.startsWith("."))).toEqual(["index.d.ts"]);
  expect((await run(["generate", "--csdl", metadata, "--layout", "stacked"])).code).toBe(EXIT.usage);
});

test("types that generate the same TypeScript are not drift (Edm.Json and Edm.Untyped: unknown); Double and Single are (their @format differs)", async () => {
  await writeFile(path.join(tmp, "metadata.xml"), edmx(`
    <ComplexType Name="blob">
      <Property Name="payload" Type="Edm.Untyped" />
      <Property Name="ratio" Type="Edm.Single" />
    </ComplexType>
  `));
  await mkdir(path.join(tmp, "docs"));
  await writeFile(path.join(tmp, "docs", "blob.md"), resourcePage({ name: "blob", properties: ["|payload|Json|Anything.|", "|ratio|Double|A ratio.|"] }));
  const { stdout } = await run(["drift", "--csdl", "metadata.xml", "--docs", "docs"]);
  expect(stdout).not.toContain("microsoft.graph.blob/payload");
  expect(stdout).toMatch(/GT3109 microsoft\.graph\.blob\/ratio: the docs type it Edm\.Double, the metadata Edm\.Single/);
});

test("drift --format json prints JSON also when nothing could be compared (exit 2): the diagnostics say why", async () => {
  await writeFile(path.join(tmp, "metadata.xml"), METADATA);
  const { code, stdout } = await run(["drift", "--csdl", "metadata.xml", "--docs", "missing-docs", "--format", "json"]);
  expect(code).toBe(EXIT.usage);
  const report = JSON.parse(stdout) as { exitCode: number; outcome: string; total: number; diagnostics: { code: string; message: string }[] };
  expect(report).toMatchObject({ exitCode: 2, outcome: "nothing compared", total: 0 });
  expect(report.diagnostics.map((d) => d.code)).toEqual(["GT0001"]);
  expect(report.diagnostics[0]!.message).toContain("missing-docs");
});

test("drift on metadata that declares nothing: GT0008, exit 2, without a word of an output folder (drift has none)", async () => {
  const { docs } = await files();
  await writeFile(path.join(tmp, "empty.xml"), edmx(""));
  const { code, stdout } = await run(["drift", "--csdl", "empty.xml", "--docs", docs]);
  expect(code).toBe(EXIT.usage);
  expect(stdout).toContain("error GT0008 nothing was generated: the metadata declares no type, enum or operation");
  expect(stdout).not.toContain("previous output");
});

// A pipe named by its /dev path resolves to "pipe:[n]", which is no file: it was GT0001 "no such file or folder".
(existsSync("/dev/stdin") && process.platform !== "win32" ? test : test.skip)("--csdl /dev/stdin reads a pipe, as --csdl - does (the built CLI, its own process)", async () => {
  await writeFile(path.join(tmp, "metadata.xml"), METADATA);
  const cli = path.join(ROOT, "dist", "cli", "main.js");
  const { stdout } = await promisify(execFile)("sh", ["-c", `cat metadata.xml | "${process.execPath}" "${cli}" generate --csdl /dev/stdin --out out --no-cache`], { cwd: tmp });
  expect(stdout).toMatch(/wrote \d+ files to out\//);
  expect(await readFile(path.join(tmp, "out", "microsoft.graph.ts"), "utf8")).toMatch(/export interface Widget extends Entity/);
}, 60_000);
