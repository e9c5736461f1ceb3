import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { loadConfig, untrustedReason } from "../../generator/config/config.js";
import { generate } from "../../generator/index.js";
import { edmx } from "../csdl/helpers.js";
import { ROOT, resourcePage, runCli } from "../helpers.js";

const run = runCli;

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-config-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes files under tmp (folders made as needed); objects are written as JSON. */
async function write(files: Record<string, string | object>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(tmp, file)), { recursive: true });
    await writeFile(path.join(tmp, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
}

const page = resourcePage({ name: "widget" });
/** A page with one GT1001 warning. */
const warningPage = resourcePage({ name: "gadget", properties: ["|x|Nowhere|x|"] });
const listing = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => !f.startsWith(".")).sort();
const exists = (file: string): Promise<boolean> => readdir(path.dirname(file)).then((entries) => entries.includes(path.basename(file)), () => false);

describe("finding the config file", () => {
  test("found upward from a nested cwd; its relative paths and the default output/ resolve against its folder", async () => {
    // The search goes up to the project root: the folder with package.json.
    await write({ "project/package.json": {}, "project/graph-typegen.config.json": { inputs: ["docs"] }, "project/docs/widget.md": page, "project/a/b/.keep": "" });
    const cwd = path.join(tmp, "project", "a", "b");
    const { code, stdout, stderr } = await run(["generate"], cwd);
    expect(stderr).toBe("");
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`wrote 3 files to ${path.join(tmp, "project", "output")}/`);
    expect(await listing(path.join(tmp, "project", "output"))).toEqual(["index.ts", "microsoft.graph.ts", "runtime.ts"]);
    expect(await listing(cwd)).toEqual([]);
  });

  test("the nearest folder with a config wins, and .json wins over .mjs in the same folder", async () => {
    await write({
      "graph-typegen.config.json": "this is not JSON: never read",
      "project/graph-typegen.config.json": { out: "from-json" },
      "project/graph-typegen.config.mjs": 'export default { out: "from-mjs" };\n',
      "project/docs/widget.md": page,
    });
    const cwd = path.join(tmp, "project");
    expect((await run(["generate", "docs"], cwd)).code).toBe(EXIT.ok);
    expect(await exists(path.join(cwd, "from-json", "index.ts"))).toBe(true);
    expect(await exists(path.join(cwd, "from-mjs"))).toBe(false);
  });

  test("--config names the file (relative to the cwd) and no search happens; a missing one is exit 2", async () => {
    await write({
      "project/graph-typegen.config.json": "{ broken",
      "settings/typegen.json": { inputs: ["../project/docs"], out: "../gen" },
      "project/docs/widget.md": page,
    });
    const cwd = path.join(tmp, "project");
    const { code, stdout } = await run(["generate", "--config", "../settings/typegen.json"], cwd);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain("wrote 3 files to");
    expect(await exists(path.join(tmp, "gen", "microsoft.graph.ts"))).toBe(true);

    const missing = await run(["generate", "--config", "nope.json"], cwd);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toBe("graph-typegen: cannot read config file nope.json: no such file\n");
  });

  test("without a config file anywhere, nothing changes: defaults are relative to the cwd", async () => {
    await write({ "docs/widget.md": page });
    expect(await loadConfig({ cwd: tmp })).toBeUndefined();
    expect((await run(["generate", "docs"], tmp)).code).toBe(EXIT.ok);
    expect(await exists(path.join(tmp, "output", "index.ts"))).toBe(true);
  });
});

const isRoot = process.getuid?.() === 0;

describe("where the search stops, and which .mjs configs are run", () => {
  test("the search stops at the project root (package.json or .git): a config above it is never read", async () => {
    for (const marker of ["package.json", ".git/HEAD"]) {
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp);
      await write({ "graph-typegen.config.json": { out: "from-above" }, [`project/${marker}`]: "{}", "project/docs/widget.md": page, "project/sub/.keep": "" });
      const loaded = await loadConfig({ cwd: path.join(tmp, "project", "sub") });
      expect(loaded).toBeUndefined();
      await write({ "project/graph-typegen.config.json": { out: "at-root" } });
      expect((await loadConfig({ cwd: path.join(tmp, "project", "sub") }))?.file).toBe(path.join(tmp, "project", "graph-typegen.config.json"));
    }
  });

  test("outside any project only the working directory is searched: a config in a parent (a shared /tmp) is not", async () => {
    await write({ "graph-typegen.config.mjs": "globalThis.configRan = true; export default {};\n", "work/docs/widget.md": page });
    expect(await loadConfig({ cwd: path.join(tmp, "work") })).toBeUndefined();
    expect((globalThis as { configRan?: boolean }).configRan).toBeUndefined();
  });

  test("a .mjs config owned by another user, or writable by others (or in such a folder), is not run: exit 2 saying why", async () => {
    const marker = path.join(tmp, "ran");
    const config = `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};\n`;
    const cases: [string, (file: string) => Promise<void>, string][] = [
      ["owned by another user", (file) => chown(file, 4242, 4242), "it is owned by another user (uid 4242), and running it would run their code as you"],
      ["writable by others", (file) => chmod(file, 0o666), "it is writable by other users"],
      ["in a world-writable folder (mode 1777, like /tmp)", (file) => chmod(path.dirname(file), 0o1777), "its folder is writable by other users"],
    ];
    // Giving a file to another user takes root; as anyone else, the other two cases still run.
    for (const [, spoil, reason] of cases.filter(([what]) => isRoot || !what.startsWith("owned"))) {
      const dir = await mkdtemp(path.join(tmp, "case-"));
      await chmod(dir, 0o755);
      await writeFile(path.join(dir, "graph-typegen.config.mjs"), config, { mode: 0o644 });
      await spoil(path.join(dir, "graph-typegen.config.mjs"));
      const { code, stderr } = await run(["generate", "docs"], dir);
      expect(stderr).toBe(`graph-typegen: graph-typegen.config.mjs: not run: ${reason}\n`);
      expect(code).toBe(EXIT.usage);
      expect(await exists(marker)).toBe(false);
    }
  });

  test("the ownership rule: the current user's or root's file is run, anyone else's is not", () => {
    const mine = { uid: 1000, mode: 0o100644 };
    const folder = { uid: 1000, mode: 0o40755 };
    expect(untrustedReason(mine, folder, 1000)).toBeUndefined();
    expect(untrustedReason({ uid: 0, mode: 0o100644 }, folder, 1000)).toBeUndefined();
    expect(untrustedReason({ uid: 1001, mode: 0o100644 }, folder, 1000)).toContain("owned by another user (uid 1001)");
    expect(untrustedReason(mine, { uid: 0, mode: 0o41777 }, 1000)).toBe("its folder is writable by other users");
    expect(untrustedReason({ uid: 1001, mode: 0o100666 }, folder, undefined)).toBeUndefined(); // no POSIX owners (Windows)
  });

  test("a .json config is data: read wherever it is in that range, whoever owns it", async () => {
    await write({ "package.json": "{}", "graph-typegen.config.json": { out: "gen" }, "docs/widget.md": page, "sub/.keep": "" });
    if (isRoot) await chown(path.join(tmp, "graph-typegen.config.json"), 4242, 4242);
    await chmod(path.join(tmp, "graph-typegen.config.json"), 0o666);
    expect((await loadConfig({ cwd: path.join(tmp, "sub") }))?.config.out).toBe(path.join(tmp, "gen"));
  });
});

describe("config values and flags", () => {
  test("flags override config values: paths, --out, --layout, --reporter", async () => {
    await write({
      "graph-typegen.config.json": { inputs: ["missing-docs"], out: "gen", layout: "single", reporter: "json" },
      "docs/widget.md": page,
    });
    const fromConfig = await run(["generate", "docs"], tmp);
    expect(fromConfig.code).toBe(EXIT.ok);
    expect(JSON.parse(fromConfig.stdout)).toMatchObject({ exitCode: 0, files: ["index.d.ts"] });
    expect(await listing(path.join(tmp, "gen"))).toEqual(["index.d.ts"]);

    const overridden = await run(["generate", "docs", "--out", "other", "--layout", "modules", "--reporter", "text"], tmp);
    expect(overridden.code).toBe(EXIT.ok);
    expect(overridden.stdout).toContain("wrote 3 files to other/");
    expect(await listing(path.join(tmp, "other"))).toEqual(["index.ts", "microsoft.graph.ts", "runtime.ts"]);

    // Without the positional path, the config's (missing) inputs are used: exit 2 naming the resolved folder.
    const configInputs = await run(["generate"], tmp);
    expect(configInputs.code).toBe(EXIT.usage);
    expect(JSON.parse(configInputs.stdout).diagnostics[0].message).toContain("missing-docs");
  });

  test("strict, maxWarnings and limits come from the config; the flags override them one by one", async () => {
    await write({ "docs/gadget.md": warningPage, "graph-typegen.config.json": { strict: true } });
    const strict = await run(["generate", "docs"], tmp);
    expect(strict.code).toBe(EXIT.failed);
    expect(strict.stdout).toContain("--strict: warnings fail the run");

    await write({ "graph-typegen.config.json": { maxWarnings: 0 } });
    expect((await run(["generate", "docs"], tmp)).code).toBe(EXIT.failed);
    expect((await run(["generate", "docs", "--max-warnings", "1"], tmp)).code).toBe(EXIT.ok);

    // A resource page under the limit, so that the run is degraded (exit 1), not unusable (no page usable: exit 2).
    const note = "# note resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|Id.|\n";
    await write({ "graph-typegen.config.json": { limits: { maxPageBytes: 100, maxNesting: 8 } }, "docs/note.md": note });
    const limited = await run(["generate", "docs"], tmp);
    expect(limited.code).toBe(EXIT.failed);
    expect(limited.stdout).toMatch(/gadget\.md:1:1 error GT0003 .*over the limit of 100/);
    expect((await run(["generate", "docs", "--max-page-bytes", "100000"], tmp)).code).toBe(EXIT.ok);
  });

  test("relative paths (inputs, csdl, out, templates) resolve against the config's folder, not the cwd", async () => {
    await cp(path.join(ROOT, "templates"), path.join(tmp, "cfg", "tpl"), { recursive: true });
    await write({
      "cfg/tpl/banner.txt": "// Made by our build from {{sources}}.\n",
      "cfg/graph-typegen.config.json": { inputs: ["../docs"], csdl: ["../meta/metadata.xml"], out: "../gen", templates: "tpl" },
      "docs/widget.md": page,
      "meta/metadata.xml": edmx('<EntityType Name="widget"><Property Name="size" Type="Edm.Int32" /></EntityType>'),
      "elsewhere/.keep": "",
    });
    const { code, stdout } = await run(["generate", "--config", "../cfg/graph-typegen.config.json"], path.join(tmp, "elsewhere"));
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`wrote 3 files to ${path.join(tmp, "gen")}/`);
    const graph = await readFile(path.join(tmp, "gen", "microsoft.graph.ts"), "utf8");
    expect(graph).toMatch(/^\/\/ Made by our build from \.\.\/docs, \.\.\/meta\/metadata\.xml\./);
    expect(graph).toContain("size?: number | null;");
  });

  test("a .mjs config is imported and its default export used", async () => {
    await write({
      "graph-typegen.config.mjs": 'const layout = "single";\nexport default { inputs: ["docs"], out: "gen", layout, csdl: undefined };\n',
      "docs/widget.md": page,
    });
    expect((await run(["generate"], tmp)).code).toBe(EXIT.ok);
    expect(await listing(path.join(tmp, "gen"))).toEqual(["index.d.ts"]);
  });

  test("drift takes inputs, csdl and limits from the config", async () => {
    await write({
      "graph-typegen.config.json": { inputs: ["docs"], csdl: ["metadata.xml"] },
      "docs/widget.md": resourcePage({ name: "widget", properties: ["|weight|Double|Not in the metadata.|"] }),
      "metadata.xml": edmx('<EntityType Name="widget"><Property Name="size" Type="Edm.Int32" /></EntityType>'),
    });
    const { code, stdout } = await run(["drift"], tmp);
    expect(code).toBe(EXIT.failed);
    expect(stdout).toContain("GT3103");
    expect(stdout).toContain("drift between docs and metadata.xml");
  });

  test("loadConfig gives API users the same options; generate() itself reads no config file", async () => {
    await write({ "package.json": {}, "graph-typegen.config.json": { inputs: ["docs"], out: "gen", limits: { maxXmlDepth: 50 } }, "docs/widget.md": page, "sub/.keep": "" });
    const loaded = await loadConfig({ cwd: path.join(tmp, "sub") });
    expect(loaded).toMatchObject({
      file: path.join(tmp, "graph-typegen.config.json"),
      dir: tmp,
      config: { inputs: [path.join(tmp, "docs")], out: path.join(tmp, "gen") },
      options: { cwd: tmp, inputs: [path.join(tmp, "docs")], out: path.join(tmp, "gen"), limits: { markdown: {}, csdl: { maxDepth: 50 } } },
    });
    const result = await generate({ ...loaded!.options, write: false });
    expect(result.files.map((f) => f.path)).toContain("microsoft.graph.ts");
    // generate() with a cwd but no inputs does not look for the config: it reads the default input/ and fails.
    expect((await generate({ cwd: tmp, write: false })).generated).toBe(false);
  });
});

describe("config errors (exit 2, naming the file, nothing written)", () => {
  async function fails(config: string | object, expected: string, file = "graph-typegen.config.json"): Promise<void> {
    await write({ [file]: config, "docs/widget.md": page });
    const { code, stdout, stderr } = await run(["generate", "docs"], tmp);
    expect(stdout).toBe("");
    expect(stderr).toBe(`graph-typegen: ${expected}\n`);
    expect(code).toBe(EXIT.usage);
    expect(await exists(path.join(tmp, "output"))).toBe(false);
    await rm(path.join(tmp, file));
  }

  test("an unknown key names the key and the file, with the nearest known key", async () => {
    await fails({ layuot: "single" }, 'graph-typegen.config.json: "layuot" is not a known option (did you mean "layout"?)');
    await fails({ "max-warnings": 3 }, 'graph-typegen.config.json: "max-warnings" is not a known option (did you mean "maxWarnings"?)');
    await fails({ limits: { maxPageByte: 5 } }, 'graph-typegen.config.json: "limits.maxPageByte" is not a known option (did you mean "maxPageBytes"?)');
    await fails({ plugins: ["microsoft.graph"] }, 'graph-typegen.config.json: "plugins" is not a known option');
    await fails({ namespaces: { includes: ["microsoft.graph"] } }, 'graph-typegen.config.json: "namespaces.includes" is not a known option (did you mean "include"?)');
    await fails('export default { otu: "gen" };\n', 'graph-typegen.config.mjs: "otu" is not a known option (did you mean "out"?)', "graph-typegen.config.mjs");
  });

  test("a value of the wrong type names the key, what it must be and what it is", async () => {
    await fails({ strict: "yes" }, 'graph-typegen.config.json: "strict" must be true or false, not "yes"');
    await fails({ inputs: "docs" }, 'graph-typegen.config.json: "inputs" must be an array of paths (non-empty strings), not "docs"');
    await fails({ out: "" }, 'graph-typegen.config.json: "out" must be a non-empty string (a path), not ""');
    await fails({ layout: "flat" }, 'graph-typegen.config.json: "layout" must be one of "modules", "single", not "flat"');
    await fails({ maxWarnings: -1 }, 'graph-typegen.config.json: "maxWarnings" must be a whole number >= 0, not -1');
    await fails({ limits: { maxNesting: 2.5 } }, 'graph-typegen.config.json: "limits.maxNesting" must be a whole number >= 1, not 2.5');
    await fails({ limits: 5 }, 'graph-typegen.config.json: "limits" must be an object, not 5');
    await fails(["docs"], 'graph-typegen.config.json: the config must be an object, not ["docs"]');
    await fails("export const out = 'gen';\n", "graph-typegen.config.mjs: has no default export (export default { ... })", "graph-typegen.config.mjs");
  });

  test("a file that is not valid JSON names the file and the line:column of the problem", async () => {
    await fails('{\n  "out": "gen",\n  "layout": "single",\n}\n', "graph-typegen.config.json:4:1: not valid JSON: unexpected '}'");
    await fails('{\n  "out": gen\n}\n', "graph-typegen.config.json:2:10: not valid JSON: unexpected 'g'");
    await fails('\uFEFF{ "out": "gen" ', "graph-typegen.config.json:1:16: not valid JSON: unexpected end of file");
    await fails('{ "out": "a\\qb" }', "graph-typegen.config.json:1:13: not valid JSON: unexpected 'q'");
    await fails("{'out': 'gen'}", `graph-typegen.config.json:1:2: not valid JSON: unexpected "'"`);
    await fails("", "graph-typegen.config.json:1:1: not valid JSON: unexpected end of file");
  });

  test("a config found upward is named by its path, and --config errors name the given file", async () => {
    await write({ ".git/HEAD": "ref: refs/heads/main\n", "graph-typegen.config.json": { out: 1 }, "a/.keep": "" });
    const upward = await run(["generate"], path.join(tmp, "a"));
    expect(upward.code).toBe(EXIT.usage);
    expect(upward.stderr).toBe(`graph-typegen: ${path.join(tmp, "graph-typegen.config.json")}: "out" must be a non-empty string (a path), not 1\n`);
    await write({ "a/my.json": { reporter: "junit" } });
    const explicit = await run(["drift", "--config", "my.json"], path.join(tmp, "a"));
    expect(explicit.stderr).toBe('graph-typegen: my.json: "reporter" must be one of "text", "json", "github", not "junit"\n');
    expect(explicit.code).toBe(EXIT.usage);
  });
});
