import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { ROOT, resourcePage, runCli } from "../helpers.js";

const run = (args: string[], cwd = ROOT) => runCli(args, cwd);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-cli-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const input = path.join(ROOT, "input");

describe("help and arguments", () => {
  test("--help prints usage and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("graph-typegen generate [paths...]");
    expect(stdout).toContain("--check");
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: EXIT.ok, stdout: `${pkg.version}\n`, stderr: "" });
  });

  test("an unknown option, an unknown command and no command are usage errors (exit 2)", async () => {
    const unknownOption = await run(["generate", "--frobnicate"]);
    expect(unknownOption.code).toBe(EXIT.usage);
    expect(unknownOption.stderr).toContain("--frobnicate");
    expect((await run(["frobnicate"])).code).toBe(EXIT.usage);
    expect((await run([])).code).toBe(EXIT.usage);
  });

  test("an input that does not exist is exit 2 with a diagnostic naming it, and nothing is written", async () => {
    const out = path.join(tmp, "out");
    const { code, stdout } = await run(["generate", path.join(tmp, "missing"), "--out", out]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toMatch(/missing:1:1 error GT0001 cannot read input .*missing: no such file or folder/);
    await expect(readdir(out)).rejects.toThrow();
  });

  test("a folder without Markdown pages is exit 2 (GT0002)", async () => {
    const { code, stdout } = await run(["generate", tmp, "--out", path.join(tmp, "out")]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain("error GT0002 no .md files found");
  });
});

describe("generate and --check", () => {
  test("generate writes the modules, then --check passes; a stale or missing file fails --check and names it", async () => {
    const out = path.join(tmp, "out");
    const generated = await run(["generate", input, "--out", out]);
    expect(generated.code).toBe(EXIT.ok);
    expect(generated.stdout).toContain(`0 errors, 0 warnings, 0 info; wrote 4 files to ${out}/`);
    expect((await readdir(out)).sort()).toEqual([".graph-typegen-manifest.json", "index.ts", "microsoft.graph.partners.billing.ts", "microsoft.graph.ts", "runtime.ts"]);

    const fresh = await run(["generate", input, "--out", out, "--check"]);
    expect(fresh.code).toBe(EXIT.ok);
    expect(fresh.stdout).toContain("is current (4 files)");

    await writeFile(path.join(out, "microsoft.graph.ts"), "// edited by hand\n");
    await rm(path.join(out, "index.ts"));
    const stale = await run(["generate", input, "--out", out, "--check"]);
    expect(stale.code).toBe(EXIT.failed);
    expect(stale.stdout).toContain(`stale: ${out}/microsoft.graph.ts`);
    expect(stale.stdout).toContain(`missing: ${out}/index.ts`);
    // --check writes nothing
    expect(await readFile(path.join(out, "microsoft.graph.ts"), "utf8")).toBe("// edited by hand\n");
  });

  test("the committed output/ is what generate makes from input/", async () => {
    const { code, stdout } = await run(["generate", "--check"]);
    expect(stdout).toContain("output/ is current");
    expect(code).toBe(EXIT.ok);
  });

  test("error diagnostics exit 1 but still write the degraded output; warnings alone exit 0", async () => {
    const docs = path.join(tmp, "docs");
    await mkdir(docs);
    await writeFile(path.join(docs, "a.md"), resourcePage({ name: "thing", properties: ["|x|Nowhere|x|"] }));
    const warned = await run(["generate", docs, "--out", path.join(tmp, "out")]);
    expect(warned.code).toBe(EXIT.ok);
    expect(warned.stdout).toMatch(/a\.md:16:\d+ warning GT1001 type "Nowhere" of thing\.x is not a primitive/);
    await writeFile(path.join(docs, "b.md"), resourcePage({ name: "loop", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.loop", baseType: "microsoft.graph.loop" } }));
    const failed = await run(["generate", docs, "--out", path.join(tmp, "out")]);
    expect(failed.code).toBe(EXIT.failed);
    expect(failed.stdout).toMatch(/b\.md:23:1 error GT1003 inheritance cycle microsoft\.graph\.loop -> microsoft\.graph\.loop/);
    expect(failed.stdout).toContain("1 error, 1 warning, 0 info; wrote 3 files");
    expect(await readFile(path.join(tmp, "out", "microsoft.graph.ts"), "utf8")).toContain("export interface Loop {");
  });
});

describe("writing output", () => {
  test("a user's own file in the output folder survives; files the last run wrote and this one does not are removed", async () => {
    const docs = path.join(tmp, "docs");
    const out = path.join(tmp, "out");
    await mkdir(docs);
    await writeFile(path.join(docs, "a.md"), resourcePage({ name: "a", namespace: "contoso.one" }));
    await writeFile(path.join(docs, "b.md"), resourcePage({ name: "b", namespace: "contoso.two" }));
    expect((await run(["generate", docs, "--out", out])).code).toBe(EXIT.ok);
    await writeFile(path.join(out, "README.md"), "mine\n");
    await rm(path.join(docs, "b.md"));
    expect((await run(["generate", docs, "--out", out])).code).toBe(EXIT.ok);
    const files = (await readdir(out)).sort();
    expect(files).toEqual([".graph-typegen-manifest.json", "README.md", "contoso.one.ts", "index.ts", "runtime.ts"]);
    expect(await readFile(path.join(out, "README.md"), "utf8")).toBe("mine\n");
    // nothing is left beside the output folder
    expect((await readdir(tmp)).sort()).toEqual(["docs", "out"]);
  });

  test("a run that cannot use its input leaves the previous output as it was", async () => {
    const out = path.join(tmp, "out");
    expect((await run(["generate", input, "--out", out])).code).toBe(EXIT.ok);
    const before = await readFile(path.join(out, "microsoft.graph.ts"), "utf8");
    expect((await run(["generate", path.join(tmp, "nothing-here"), "--out", out])).code).toBe(EXIT.usage);
    expect(await readFile(path.join(out, "microsoft.graph.ts"), "utf8")).toBe(before);
  });

  test("the banner names the inputs relative to the output folder, whatever the working directory", async () => {
    const out = path.join(tmp, "out");
    await run(["generate", input, "--out", out], tmp);
    const fromTmp = await readFile(path.join(out, "index.ts"), "utf8");
    await run(["generate", path.relative(ROOT, input), "--out", out], ROOT);
    expect(await readFile(path.join(out, "index.ts"), "utf8")).toBe(fromTmp);
    expect(fromTmp).toContain(`from ${path.relative(out, input)}; do not edit`);
  });
});

describe("reporters and warning limits", () => {
  async function docsWithOneWarning(): Promise<string> {
    const docs = path.join(tmp, "docs");
    await mkdir(docs, { recursive: true });
    await writeFile(path.join(docs, "a.md"), resourcePage({ name: "thing", properties: ["|x|Nowhere|x|"] }));
    return docs;
  }

  test("the text reporter ends with a table of diagnostics by code", async () => {
    const { stdout } = await run(["generate", await docsWithOneWarning(), "--out", path.join(tmp, "out")]);
    expect(stdout).toMatch(/diagnostics by code:\n {2}GT1001 {2}unresolved-type {2}warning +1\n/);
  });

  test("--reporter github prints workflow commands with file, line and column", async () => {
    const { stdout } = await run(["generate", await docsWithOneWarning(), "--out", path.join(tmp, "out"), "--reporter", "github"]);
    expect(stdout).toMatch(/^::warning file=.*docs\/a\.md,line=16,col=\d+,title=GT1001 unresolved-type::type "Nowhere" of thing\.x/m);
  });

  test("--reporter json prints one JSON document with counts and diagnostics", async () => {
    const { stdout, code } = await run(["generate", await docsWithOneWarning(), "--out", path.join(tmp, "out"), "--reporter", "json"]);
    const report = JSON.parse(stdout) as { exitCode: number; counts: { warning: number }; byCode: { code: string; count: number }[]; diagnostics: { code: string; at: { line: number } }[] };
    expect(code).toBe(EXIT.ok);
    expect(report.exitCode).toBe(EXIT.ok);
    expect(report.counts.warning).toBe(1);
    expect(report.byCode).toEqual([{ code: "GT1001", kind: "unresolved-type", severity: "warning", count: 1 }]);
    expect(report.diagnostics[0]).toMatchObject({ code: "GT1001", at: { line: 16 } });
  });

  test("--strict and --max-warnings turn warnings into exit 1", async () => {
    const docs = await docsWithOneWarning();
    const out = path.join(tmp, "out");
    expect((await run(["generate", docs, "--out", out, "--strict"])).code).toBe(EXIT.failed);
    expect((await run(["generate", docs, "--out", out, "--max-warnings", "0"])).code).toBe(EXIT.failed);
    expect((await run(["generate", docs, "--out", out, "--max-warnings", "1"])).code).toBe(EXIT.ok);
    expect((await run(["generate", docs, "--out", out, "--max-warnings", "many"])).code).toBe(EXIT.usage);
    expect((await run(["generate", docs, "--out", out, "--reporter", "xml"])).code).toBe(EXIT.usage);
  });
});
