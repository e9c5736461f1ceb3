/** `--reporter github` (issue 15.4), run in its own process as a workflow step runs it, with $GITHUB_STEP_SUMMARY. */
import { jest } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT, resourcePage } from "../helpers.js";

jest.setTimeout(60_000);

const CLI = path.join(ROOT, "dist", "cli", "main.js");
let tmp: string;

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: tmp, env: { ...process.env, NODE_OPTIONS: "", CI: "1", GITHUB_STEP_SUMMARY: "", ...env } }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-github-"));
  await mkdir(path.join(tmp, "docs"));
  // 12 pages with an unresolved type each: 12 warnings, more than GitHub shows per step.
  for (let i = 0; i < 12; i++) await writeFile(path.join(tmp, "docs", `t${i}.md`), resourcePage({ name: `t${i}`, properties: [`|x|Missing${i}|x.|`] }));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test("--check: an ::error per stale, missing or obsolete file first, annotations capped per kind, the rest counted, a job summary", async () => {
  expect((await cli({}, "generate", "docs", "--out", "types/")).code).toBe(0);
  await writeFile(path.join(tmp, "types", "microsoft.graph.ts"), "// edited\n");
  await rm(path.join(tmp, "types", "runtime.ts"));
  const summary = path.join(tmp, "summary.md");
  const { code, stdout } = await cli({ GITHUB_STEP_SUMMARY: summary }, "generate", "docs", "--out", "types/", "--check", "--reporter", "github");
  expect(code).toBe(1);
  const commands = stdout.split("\n").filter((l) => l.startsWith("::") && !l.startsWith("::group") && !l.startsWith("::endgroup"));
  expect(commands.slice(0, 2)).toEqual([
    "::error file=types/microsoft.graph.ts,title=graph-typegen --check::types/microsoft.graph.ts is stale: not what generate writes; run graph-typegen generate docs --out types and commit the result",
    "::error file=types/runtime.ts,title=graph-typegen --check::types/runtime.ts is missing: generate writes it; run graph-typegen generate docs --out types and commit the result",
  ]);
  expect(commands.filter((l) => l.startsWith("::warning")).length).toBe(10);
  expect(stdout).toContain("::notice title=graph-typegen::2 more diagnostics are not annotated (GitHub shows 10 of each kind per step)");
  expect(stdout).not.toContain("types//");
  const markdown = await readFile(summary, "utf8");
  expect(markdown).toContain("### graph-typegen");
  expect(markdown).toContain("- `stale: types/microsoft.graph.ts`");
  expect(markdown).toMatch(/\| GT1001 \| unresolved-type \| warning \| 12 \|/);
  expect(markdown).toContain("First 12 of 12:");
});

test("without $GITHUB_STEP_SUMMARY nothing is written beside the annotations; errors come before warnings", async () => {
  await writeFile(path.join(tmp, "docs", "loop.md"), resourcePage({ name: "loop", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.loop", baseType: "microsoft.graph.loop" } }));
  const { code, stdout } = await cli({}, "generate", "docs", "--out", "types", "--reporter", "github");
  expect(code).toBe(1);
  expect(stdout.split("\n")[0]).toMatch(/^::error file=docs\/loop\.md,line=\d+,col=\d+,title=GT1003/);
});
