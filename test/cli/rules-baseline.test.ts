/**
 * Rules per code and the baseline (issue 15, points 1-3), run as a user runs them: the CLI's `main` with its
 * arguments, in a temp folder with a few inline pages. In-process: nine spawned CLIs took 9 s of CPU, and nothing
 * here depends on the process (test/cli/arguments.test.ts runs the built bin in its own process).
 */
import { jest } from "@jest/globals";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resourcePage, runCli, type CliRun } from "../helpers.js";

jest.setTimeout(60_000);

let tmp: string;

const cli = (...args: string[]): Promise<CliRun> => runCli(args, tmp);

/** One unresolved type (GT1001, a warning) per name in `broken`; the other pages are clean. */
async function docs(pages: Record<string, string>): Promise<void> {
  await mkdir(path.join(tmp, "docs"), { recursive: true });
  for (const [name, text] of Object.entries(pages)) await writeFile(path.join(tmp, "docs", name), text);
}
const broken = (name: string, type = "Nowhere"): string => resourcePage({ name, properties: [`|x|${type}|x.|`, "|y|String|y.|"] });
const clean = (name: string): string => resourcePage({ name, properties: ["|y|String|y.|"] });

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-rules-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("rules", () => {
  test("--rule turns a code off, or makes a prefix an error (exit 1); the config's rules apply under the flag's", async () => {
    await docs({ "a.md": broken("a") });
    const off = await cli("generate", "docs", "--out", "out", "--rule", "GT1001=off");
    expect({ code: off.code, last: off.stdout.trimEnd().split("\n").at(-1) }).toEqual({ code: 0, last: "0 errors, 0 warnings, 0 info; wrote 3 files to out/" });
    const error = await cli("generate", "docs", "--out", "out", "--rule", "GT10*=error", "--quiet");
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/^docs\/a\.md:\d+:\d+ error GT1001 /);
    await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ rules: { "GT1*": "error", GT1001: "info" } }));
    const configured = await cli("generate", "docs", "--out", "out");
    expect(configured.stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 0 warnings, 1 info; wrote 3 files to out/");
    const over = await cli("generate", "docs", "--out", "out", "--rule", "GT1001=warning");
    expect(over.stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 1 warning, 0 info; wrote 3 files to out/; most: GT1001 ×1");
  });

  test("a rule that is not CODE=level is exit 2, in a flag and in the config", async () => {
    await docs({ "a.md": broken("a") });
    const flag = await cli("generate", "docs", "--rule", "GT1001=loud");
    expect({ code: flag.code, stderr: flag.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('--rule takes CODE=LEVEL') });
    await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ rules: { "1001": "off" } }));
    const config = await cli("generate", "docs");
    expect({ code: config.code, stderr: config.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('"rules" must be an object of codes or prefixes') });
  });

  test("a code or prefix that no diagnostic has is exit 2, in a flag and in the config (a rule for it would do nothing)", async () => {
    await docs({ "a.md": broken("a") });
    const code = await cli("generate", "docs", "--rule", "GT9999=error");
    expect({ code: code.code, stderr: code.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("--rule GT9999=error: no diagnostic has the code GT9999") });
    const prefix = await cli("generate", "docs", "--rule", "GT9*=off");
    expect({ code: prefix.code, stderr: prefix.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("--rule GT9*=off: no diagnostic code starts with GT9") });
    await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ rules: { "GT30*": "off", GT1099: "error" } }));
    const config = await cli("generate", "docs");
    expect({ code: config.code, stderr: config.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("(no diagnostic has the code GT1099)") });
    // A real code and a prefix of real codes are taken as before.
    await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ rules: { "GT30*": "off", GT1001: "error" } }));
    expect((await cli("generate", "docs", "--out", "out")).code).toBe(1);
  });
});

describe("baseline", () => {
  test("accepts today's warnings, survives moved lines, fails on one new defect printing just it, lists what no longer occurs", async () => {
    await docs({ "a.md": broken("a"), "b.md": broken("b", "Elsewhere"), "c.md": clean("c") });
    const recorded = await cli("generate", "docs", "--out", "out", "--update-baseline", "baseline.json");
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain("baseline baseline.json: recorded 2 diagnostics");
    const file = JSON.parse(await readFile(path.join(tmp, "baseline.json"), "utf8"));
    expect(file.entries.map((e: { code: string; file: string }) => `${e.code} ${e.file}`)).toEqual(["GT1001 docs/a.md", "GT1001 docs/b.md"]);
    expect(JSON.stringify(file)).not.toMatch(/"line"|:\d+:\d+/);

    // Lines moved: the same defects, at other lines.
    await docs({ "a.md": `\n\n\n${broken("a")}` });
    const passes = await cli("generate", "docs", "--out", "out", "--baseline", "baseline.json", "--max-warnings", "0");
    expect(passes.code).toBe(0);
    expect(passes.stdout).toContain("baseline baseline.json: 2 known diagnostics not reported");
    expect(passes.stdout).not.toContain("warning GT");

    // One new defect in a page that had none.
    await docs({ "c.md": broken("c", "Anywhere") });
    const fails = await cli("generate", "docs", "--out", "out", "--baseline", "baseline.json", "--max-warnings", "0");
    expect(fails.code).toBe(1);
    expect(fails.stdout.split("\n").filter((l) => / (warning|error) GT/.test(l))).toEqual([expect.stringMatching(/^docs\/c\.md:\d+:\d+ warning GT1001 .*Anywhere/)]);
    expect(fails.stdout).toContain("more than 0 warnings (--max-warnings): 1 warning: GT1001 ×1");

    // A defect fixed: the baseline says its entry can go.
    await docs({ "b.md": clean("b"), "c.md": clean("c") });
    const shrink = await cli("generate", "docs", "--out", "out", "--baseline", "baseline.json", "--quiet");
    expect(shrink.code).toBe(0);
    expect(shrink.stdout).toContain("baseline baseline.json: 1 entry no longer occurs (run with --update-baseline baseline.json to drop them):\n  docs/b.md GT1001 ");
  });

  test("a missing or foreign baseline file is exit 2; the config key names it relative to the config", async () => {
    await docs({ "a.md": broken("a") });
    const missing = await cli("generate", "docs", "--baseline", "nope.json");
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("cannot read the baseline nope.json: no such file") });
    await writeFile(path.join(tmp, "foreign.json"), "{}");
    expect((await cli("generate", "docs", "--baseline", "foreign.json")).stderr).toContain("foreign.json is not a graph-typegen baseline");
    const watching = await cli("generate", "docs", "--watch", "--update-baseline", "b.json");
    expect({ code: watching.code, stderr: watching.stderr }).toEqual({ code: 2, stderr: expect.stringContaining("--update-baseline cannot be used with --watch") });
    expect((await cli("generate", "docs", "--update-baseline", "ci/baseline.json")).code).toBe(0);
    await writeFile(path.join(tmp, "graph-typegen.config.json"), JSON.stringify({ baseline: "ci/baseline.json", maxWarnings: 0 }));
    const configured = await cli("generate", "docs");
    expect({ code: configured.code, baselined: configured.stdout.includes("baseline ci/baseline.json: 1 known diagnostic not reported") }).toEqual({ code: 0, baselined: true });
  });
});
