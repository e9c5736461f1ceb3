import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { diffStat, unifiedDiff } from "../../generator/write/diff.js";
import { resourcePage, runCli } from "../helpers.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-check-diff-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs the CLI in the temp folder, so `--out out` shows as `out/` and the diff names `a/out/...`. */
const run = (...args: string[]) => runCli(args, tmp);

async function docs(pages: Record<string, string>): Promise<void> {
  await mkdir(path.join(tmp, "docs"), { recursive: true });
  for (const [file, text] of Object.entries(pages)) await writeFile(path.join(tmp, "docs", file), text);
}

const numbered = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join("");

describe("unifiedDiff and diffStat (generator/write/diff.ts)", () => {
  test("a one-line change is one hunk with 3 lines of context", () => {
    const before = numbered(1, 10);
    const after = before.replace("line 5\n", "line five\n");
    expect(unifiedDiff(before, after, "out/x.ts")).toBe(
      ["--- a/out/x.ts", "+++ b/out/x.ts", "@@ -2,7 +2,7 @@", " line 2", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7", " line 8", ""].join("\n"),
    );
  });

  test("changes far apart are separate hunks; near the ends the context is shorter; one-line ranges have no count", () => {
    const before = numbered(1, 20);
    const after = before.replace("line 1\n", "line one\n").replace("line 20\n", "line twenty\n");
    expect(unifiedDiff(before, after, "f")).toBe(
      ["--- a/f", "+++ b/f", "@@ -1,4 +1,4 @@", "-line 1", "+line one", " line 2", " line 3", " line 4", "@@ -17,4 +17,4 @@", " line 17", " line 18", " line 19", "-line 20", "+line twenty", ""].join("\n"),
    );
    expect(unifiedDiff("a\n", "b\n", "f")).toBe("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n");
  });

  test("a missing file is all added, a deleted one all removed, and the same text no diff", () => {
    expect(unifiedDiff(null, "a\nb\n", "out/new.ts")).toBe("--- /dev/null\n+++ b/out/new.ts\n@@ -0,0 +1,2 @@\n+a\n+b\n");
    expect(unifiedDiff("a\nb\n", null, "out/old.ts")).toBe("--- a/out/old.ts\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    expect(unifiedDiff("same\n", "same\n", "f")).toBe("");
  });

  test("a last line without a newline is marked as in GNU diff", () => {
    expect(unifiedDiff("a\nb", "a\nb\n", "f")).toBe("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  });

  test("diffStat: one line per file, names padded, counts right-aligned, then the totals", () => {
    const stat = diffStat([
      { file: "out/a.ts", before: numbered(1, 10), after: numbered(1, 10).replace("line 3\n", "line three\n") },
      { file: "out/longer-name.ts", before: null, after: numbered(1, 12) },
      { file: "out/gone.ts", before: "x\n", after: null },
    ]);
    expect(stat).toBe(
      [
        " out/a.ts           |  2 +-",
        " out/longer-name.ts | 12 ++++++++++++",
        " out/gone.ts        |  1 -",
        " 3 files changed, 13 insertions(+), 2 deletions(-)",
        "",
      ].join("\n"),
    );
    expect(diffStat([{ file: "f", before: "a\n", after: "a\nb\n" }])).toBe(" f | 1 +\n 1 file changed, 1 insertion(+)\n");
    expect(diffStat([])).toBe("");
  });

  test("diffStat scales the bars to 80 columns as git does", () => {
    const stat = diffStat([
      { file: "out/big.ts", before: null, after: numbered(1, 300) },
      { file: "out/small.ts", before: numbered(1, 10), after: numbered(1, 10).replace(/line [1-5]\n/g, "x\n") },
    ]);
    const lines = stat.split("\n");
    expect(lines[0]).toBe(` out/big.ts   | 300 ${"+".repeat(80 - " out/big.ts   | 300 ".length)}`);
    expect(lines[0]).toHaveLength(80);
    // 10 of 300 changes: git's scale_linear gives the total 1 + 10*(width-1)/300, at least 2 when both sides changed.
    expect(lines[1]).toBe(" out/small.ts |  10 +-");
    expect(lines[2]).toBe(" 2 files changed, 305 insertions(+), 5 deletions(-)");
  });
});

describe("generate --check prints what would change", () => {
  test("the exact unified diff of a one-line change in a committed file", async () => {
    await docs({ "thing.md": resourcePage({ name: "thing", properties: ["|id|String|The id.|", "|size|Int32|The size.|"] }) });
    expect((await run("generate", "docs", "--out", "out")).code).toBe(EXIT.ok);
    const file = path.join(tmp, "out", "microsoft.graph.ts");
    const generated = (await readFile(file, "utf8")).split("\n");
    const i = generated.findIndex((l) => l.startsWith("export interface Thing"));
    expect(i).toBeGreaterThanOrEqual(3);
    const edited = [...generated];
    edited[i] = "export interface Thing { // edited by hand";
    await writeFile(file, edited.join("\n"));

    const { code, stdout } = await run("generate", "docs", "--out", "out", "--check");
    expect(code).toBe(EXIT.failed);
    const context = (from: number, to: number) => generated.slice(from, to).map((l) => ` ${l}`);
    const expected = [
      "stale: out/microsoft.graph.ts",
      "",
      "--- a/out/microsoft.graph.ts",
      "+++ b/out/microsoft.graph.ts",
      `@@ -${i - 2},7 +${i - 2},7 @@`,
      ...context(i - 3, i),
      `-${edited[i]}`,
      `+${generated[i]}`,
      ...context(i + 1, i + 4),
      "0 errors, 0 warnings, 0 info; out/ is not current: run graph-typegen generate docs --out out",
      "",
    ].join("\n");
    expect(stdout).toBe(expected);
    // --check wrote nothing
    expect(await readFile(file, "utf8")).toBe(edited.join("\n"));
  });

  test("missing files diff as all added, files that would be deleted as all removed", async () => {
    await docs({ "a.md": resourcePage({ name: "a", namespace: "contoso.one" }), "b.md": resourcePage({ name: "b", namespace: "contoso.two" }) });
    expect((await run("generate", "docs", "--out", "out")).code).toBe(EXIT.ok);
    const two = await readFile(path.join(tmp, "out", "contoso.two.ts"), "utf8");
    const runtime = await readFile(path.join(tmp, "out", "runtime.ts"), "utf8");
    await rm(path.join(tmp, "docs", "b.md"));
    await rm(path.join(tmp, "out", "runtime.ts"));

    const { code, stdout } = await run("generate", "docs", "--out", "out", "--check");
    expect(code).toBe(EXIT.failed);
    expect(stdout).toContain("missing: out/runtime.ts\n");
    expect(stdout).toContain("would delete: out/contoso.two.ts\n");
    const lines = (text: string) => text.replace(/\n$/, "").split("\n");
    expect(stdout).toContain(["--- a/out/contoso.two.ts", "+++ /dev/null", `@@ -1,${lines(two).length} +0,0 @@`, ...lines(two).map((l) => `-${l}`), ""].join("\n"));
    expect(stdout).toContain(["--- /dev/null", "+++ b/out/runtime.ts", `@@ -0,0 +1,${lines(runtime).length} @@`, ...lines(runtime).map((l) => `+${l}`), ""].join("\n"));
    // the manifest and index change too; the files come in path order
    const headers = stdout.split("\n").filter((l) => l.startsWith("--- ") || l.startsWith("+++ "));
    expect(headers.filter((l) => l.startsWith("+++ "))).toEqual(["+++ b/out/.graph-typegen-manifest.json", "+++ /dev/null", "+++ b/out/index.ts", "+++ b/out/runtime.ts"]);
  });

  test("--check --diff-stat prints the per-file summary instead of the diff", async () => {
    await docs({ "thing.md": resourcePage({ name: "thing", properties: ["|id|String|The id.|"] }) });
    expect((await run("generate", "docs", "--out", "out")).code).toBe(EXIT.ok);
    const file = path.join(tmp, "out", "microsoft.graph.ts");
    await writeFile(file, (await readFile(file, "utf8")).replace("export interface Thing", "// a note\nexport interface Thing"));
    const runtimeLines = (await readFile(path.join(tmp, "out", "runtime.ts"), "utf8")).split("\n").length - 1;
    await rm(path.join(tmp, "out", "runtime.ts"));

    const { code, stdout } = await run("generate", "docs", "--out", "out", "--check", "--diff-stat");
    expect(code).toBe(EXIT.failed);
    expect(stdout).not.toContain("@@");
    const width = String(runtimeLines).length;
    expect(stdout).toContain(
      [
        "",
        ` out/microsoft.graph.ts | ${"1".padStart(width)} -`,
        // the longest bar fills the line to 80 columns
        ` out/runtime.ts         | ${runtimeLines} ${"+".repeat(Math.min(runtimeLines, 80 - ` out/runtime.ts         | ${runtimeLines} `.length))}`,
        ` 2 files changed, ${runtimeLines} insertions(+), 1 deletion(-)`,
        "0 errors, 0 warnings, 0 info; out/ is not current: run graph-typegen generate docs --out out",
        "",
      ].join("\n"),
    );
    // nothing was written
    await expect(readFile(path.join(tmp, "out", "runtime.ts"), "utf8")).rejects.toThrow();
  });

  test("a current folder prints no diff; --diff-stat without --check is a usage error", async () => {
    await docs({ "thing.md": resourcePage({ name: "thing" }) });
    await run("generate", "docs", "--out", "out");
    const current = await run("generate", "docs", "--out", "out", "--check", "--diff-stat");
    expect(current.code).toBe(EXIT.ok);
    expect(current.stdout).toBe("0 errors, 0 warnings, 0 info; out/ is current (3 files)\n");
    const misuse = await run("generate", "docs", "--out", "out", "--diff-stat");
    expect(misuse.code).toBe(EXIT.usage);
    expect(misuse.stderr).toContain("--diff-stat goes with --check");
  });

  test("--reporter github folds the diff into a log group; --reporter json leaves the texts out", async () => {
    await docs({ "thing.md": resourcePage({ name: "thing" }) });
    await run("generate", "docs", "--out", "out");
    await rm(path.join(tmp, "out", "index.ts"));
    const github = await run("generate", "docs", "--out", "out", "--check", "--reporter", "github");
    expect(github.code).toBe(EXIT.failed);
    expect(github.stdout).toMatch(/^::group::diff of out\/\n--- \/dev\/null\n\+\+\+ b\/out\/index\.ts\n@@ -0,0 \+1,\d+ @@\n/m);
    expect(github.stdout).toContain("\n::endgroup::\n");
    const json = JSON.parse((await run("generate", "docs", "--out", "out", "--check", "--reporter", "json")).stdout) as { check: object };
    expect(json.check).toEqual({ stale: [], missing: ["index.ts"], extra: [], current: false });
  });
});

describe("--quiet", () => {
  const warningPage = resourcePage({ name: "thing", properties: ["|x|Nowhere|x|"] });
  const errorPage = resourcePage({ name: "loop", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.loop", baseType: "microsoft.graph.loop" } });

  test("hides warnings and the table, prints only the summary line", async () => {
    await docs({ "a.md": warningPage });
    const loud = await run("generate", "docs", "--out", "out");
    expect(loud.stdout).toContain("warning GT1001");
    expect(loud.stdout).toContain("diagnostics by code:");
    const quiet = await run("generate", "docs", "--out", "out", "--quiet");
    expect(quiet.code).toBe(EXIT.ok);
    expect(quiet.stdout).toBe("0 errors, 1 warning, 0 info; wrote 3 files to out/; most: GT1001 ×1\n");
  });

  test("still prints errors (and counts the hidden warnings in the summary)", async () => {
    await docs({ "a.md": warningPage, "b.md": errorPage });
    const { code, stdout } = await run("generate", "docs", "--out", "out", "-q");
    expect(code).toBe(EXIT.failed);
    expect(stdout).toMatch(/^docs\/b\.md:23:1 error GT1003 inheritance cycle microsoft\.graph\.loop -> microsoft\.graph\.loop/);
    expect(stdout).not.toContain("warning GT");
    expect(stdout).not.toContain("diagnostics by code");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("1 error, 1 warning, 0 info; wrote 3 files to out/; most: GT1001 ×1, GT1003 ×1");
  });

  test("with --check it prints no file list and no diff, with --strict the reason for failing; with --verbose it is a usage error", async () => {
    await docs({ "a.md": warningPage });
    await run("generate", "docs", "--out", "out");
    await rm(path.join(tmp, "out", "index.ts"));
    const check = await run("generate", "docs", "--out", "out", "--check", "--quiet");
    expect(check).toEqual({ code: EXIT.failed, stdout: "0 errors, 1 warning, 0 info; out/ is not current: run graph-typegen generate docs --out out; most: GT1001 ×1\n", stderr: "" });
    const strict = await run("generate", "docs", "--out", "out", "--quiet", "--strict");
    expect(strict.code).toBe(EXIT.failed);
    expect(strict.stdout).toBe("--strict: warnings fail the run: 1 warning: GT1001 ×1\n0 errors, 1 warning, 0 info; wrote 3 files to out/; most: GT1001 ×1\n");
    const both = await run("generate", "docs", "--out", "out", "--quiet", "--verbose");
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toContain("--quiet and --verbose cannot be used together");
  });

  test("--help lists --quiet and --diff-stat", async () => {
    const { stdout } = await run("--help");
    expect(stdout).toContain("-q, --quiet");
    expect(stdout).toContain("--diff-stat");
  });
});

test("files that differ only in CRLF line endings (git's autocrlf on Windows): still stale, and GT0016 says so and how to stop it", async () => {
  await docs({ "widget.md": resourcePage({ name: "widget", properties: ["|size|Int32|How big.|"] }), "gadget.md": resourcePage({ name: "gadget", properties: ["|id|String|Its id.|"] }) });
  expect((await run("generate", "docs", "--out", "out", "-q")).code).toBe(EXIT.ok);
  const converted = path.join(tmp, "out", "microsoft.graph.ts");
  await writeFile(converted, (await readFile(converted, "utf8")).replace(/\n/g, "\r\n"));
  const one = await run("generate", "docs", "--out", "out", "--check", "--diff-stat");
  expect(one.code).toBe(EXIT.failed);
  expect(one.stdout).toContain('out/microsoft.graph.ts:1:1 warning GT0016 the stale file differs from what generate writes only in their line endings (CRLF where it writes LF), as git\'s core.autocrlf checks files out on Windows: add "out/** text eol=lf" to .gitattributes');
  // A real change beside it: the warning counts only the files it explains.
  const index = path.join(tmp, "out", "index.ts");
  await writeFile(index, `${await readFile(index, "utf8")}// edited\n`);
  expect((await run("generate", "docs", "--out", "out", "--check")).stdout).toContain("warning GT0016 1 of the 2 stale files differs from");
  // Current output: no such warning.
  expect((await run("generate", "docs", "--out", "out", "-q")).code).toBe(EXIT.ok);
  expect((await run("generate", "docs", "--out", "out", "--check")).stdout).not.toContain("GT0016");
});

test("with the manifest gone and the files still there, --check's rerun hint adds --force (which that run needs), and that command works", async () => {
  await docs({ "widget.md": resourcePage({ name: "widget", properties: ["|size|Int32|How big.|"] }) });
  expect((await run("generate", "docs", "--out", "out", "-q")).code).toBe(EXIT.ok);
  await rm(path.join(tmp, "out", ".graph-typegen-manifest.json"));
  const check = await run("generate", "docs", "--out", "out", "--check");
  expect(check.code).toBe(EXIT.failed);
  expect(check.stdout).toContain("out/ is not current: run graph-typegen generate docs --out out --force (.graph-typegen-manifest.json is missing");
  expect((await run("generate", "docs", "--out", "out")).code).toBe(EXIT.usage); // what the plain hint would have said
  expect((await run("generate", "docs", "--out", "out", "--force", "-q")).code).toBe(EXIT.ok);
  expect((await run("generate", "docs", "--out", "out", "--check")).code).toBe(EXIT.ok);
});
