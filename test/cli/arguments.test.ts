/**
 * The command line as a user meets it (issue 15.6), in its own process: unknown and misplaced flags, per-command
 * help, counts and paths as printed, the hint of a missing default input/, and the banner of CSDL-only output.
 */
import { jest } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { edmx } from "../csdl/helpers.js";
import { ROOT, resourcePage } from "../helpers.js";

jest.setTimeout(60_000);

const CLI = path.join(ROOT, "dist", "cli", "main.js");
let tmp: string;

function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: "", CI: "1" } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-args-"));
  await mkdir(path.join(tmp, "docs"));
  await writeFile(path.join(tmp, "docs", "widget.md"), resourcePage({ name: "widget", properties: ["|id|String|The id.|"] }));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test("an unknown flag is exit 2 with a suggestion; another command's flag is exit 2 naming its command; nothing is written", async () => {
  const typo = await cli(tmp, "generate", "docs", "--ouut", "x");
  expect(typo).toEqual({ code: 2, stdout: "", stderr: "graph-typegen: unknown flag --ouut (did you mean --out?)\nRun graph-typegen generate --help for usage.\n" });
  const other = await cli(tmp, "generate", "docs", "--format", "json");
  expect(other.code).toBe(2);
  expect(other.stderr).toContain("--format is a flag of drift, not of generate");
  const back = await cli(tmp, "drift", "--csdl", "m.xml", "--docs", "docs", "--out", "x");
  expect(back.stderr).toContain("--out is a flag of generate, not of drift");
  expect(await readdir(tmp)).toEqual(["docs"]);
});

test("-v/--version only as the first argument: elsewhere it is exit 2 and nothing is written", async () => {
  expect((await cli(tmp, "-v")).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  const late = await cli(tmp, "generate", "-v", "docs", "--out", "x");
  expect({ code: late.code, stderr: late.stderr.split("\n")[0] }).toEqual({ code: 2, stderr: "graph-typegen: -v (the version) goes alone, as the first argument; --verbose prints more" });
  expect((await cli(tmp, "--version", "generate")).code).toBe(2);
  expect(await readdir(tmp)).toEqual(["docs"]);
});

test("generate --help and drift --help show their own flags", async () => {
  const generate = await cli(tmp, "generate", "--help");
  expect(generate.code).toBe(0);
  expect(generate.stdout).toContain("--out <dir>");
  expect(generate.stdout).toContain("--rule <CODE=level>");
  expect(generate.stdout).not.toContain("--format");
  const drift = await cli(tmp, "drift", "--help");
  expect(drift.stdout).toContain("--format <name>");
  expect(drift.stdout).toContain("--docs <dir>");
  expect(drift.stdout).not.toContain("--out <dir>");
  expect(drift.stdout).not.toMatch(/^ +--check /m);
});

test("one file is 'wrote 1 file'; --out types/ prints types/, not types//; the check hint repeats the paths and --out used", async () => {
  await writeFile(path.join(tmp, "m.xml"), edmx('<ComplexType Name="blob"><Property Name="x" Type="Edm.String" /></ComplexType>'));
  const single = await cli(tmp, "generate", "--csdl", "m.xml", "--out", "types/", "--layout", "single");
  expect(single.stdout).toBe("0 errors, 0 warnings, 0 info; wrote 1 file to types/\n");
  await writeFile(path.join(tmp, "types", "index.d.ts"), "// edited\n");
  const check = await cli(tmp, "generate", "--csdl", "m.xml", "--out", "types/", "--layout", "single", "--check", "--quiet");
  expect(check.stdout).toBe("0 errors, 0 warnings, 0 info; types/ is not current: run graph-typegen generate --csdl m.xml --out types --layout single\n");
  const docs = await cli(tmp, "generate", "docs", "--out", "./out//");
  expect(docs.stdout).toContain("wrote 3 files to out/\n");
});

test("a missing default input/ says where it looked and how to name the pages", async () => {
  const sub = path.join(tmp, "docs");
  const { code, stdout } = await cli(sub, "generate");
  expect(code).toBe(2);
  expect(stdout).toContain(`error GT0001 no pages given, and the default input folder ${path.join(sub, "input")} does not exist: name the pages' files or folders (graph-typegen generate docs/), pass --csdl <file>, or set "inputs" in graph-typegen.config.json`);
});

test("the banner of CSDL-only output does not speak of documentation pages", async () => {
  await writeFile(path.join(tmp, "m.xml"), edmx('<ComplexType Name="blob"><Property Name="x" Type="Edm.String" /></ComplexType>'));
  expect((await cli(tmp, "generate", "--csdl", "m.xml", "--out", "types")).code).toBe(0);
  const banner = (await readFile(path.join(tmp, "types", "microsoft.graph.ts"), "utf8")).split("*/")[0];
  expect(banner).toContain("Generated by graph-typegen from ../m.xml; do not edit.");
  expect(banner).not.toMatch(/documentation/i);
});
