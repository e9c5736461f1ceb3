/**
 * What a user gets: graph-typegen is not on the registry, so the README says to `npm pack` a clone and install or
 * run the tarball. This packs the repository into `<tmp>/graph-typegen/`, then runs the README's own set-up lines, as
 * written (read from README.md, the blocks marked `<!-- pack.test.ts: ... -->`), in project folders beside it. Needs
 * the npm registry (for the dependencies) and a built dist/ (`npm test` builds it first). A step that cannot finish
 * fails with a message naming it, never hangs.
 */
import { jest } from "@jest/globals";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT, resourcePage } from "../helpers.js";

jest.setTimeout(180_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of the test run, less what npm sets for the script running it (`npm test` points
 * `npm_config_local_prefix` at this repository) and jest's NODE_OPTIONS; the user's registry, proxy and cache settings
 * stay.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_/i.test(key)) continue;
    if (/^npm_config_(local_prefix|prefix|global_prefix|init_module|npm_version|node_gyp|user_agent)$/i.test(key)) continue;
    if (key === "INIT_CWD" || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", npm_config_prefer_offline: "true" };
}

/** Runs a command with a time limit; resolves with its exit code and output, or rejects saying which step hung. */
function run(command: string, args: string[], cwd: string, timeoutMs: number, hint = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: childEnv(), timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const killed = error && "killed" in error && error.killed;
      if (killed) {
        reject(new Error(`\`${command} ${args.join(" ")}\` did not finish within ${timeoutMs / 1000} s and was stopped${hint}\n${stderr.slice(-2000)}`));
        return;
      }
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function mustRun(command: string, args: string[], cwd: string, timeoutMs: number, hint = ""): Promise<Run> {
  const result = await run(command, args, cwd, timeoutMs, hint);
  if (result.code !== 0)
    throw new Error(`\`${command} ${args.join(" ")}\` exited ${result.code}${hint}\n${result.stderr.slice(-2000)}${result.stdout.slice(-1000)}`);
  return result;
}

/** The lines of the README's sh block after `<!-- pack.test.ts: name -->`. */
function readmeBlock(readme: string, name: string): string[] {
  const marker = readme.indexOf(`<!-- pack.test.ts: ${name} -->`);
  if (marker === -1) throw new Error(`README.md has no block marked <!-- pack.test.ts: ${name} -->`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(marker));
  return block![1].split("\n").filter((line) => line.trim() && !line.trim().startsWith("#"));
}

/** A README line, run as a user's shell runs it. */
const shell = (line: string, cwd: string, timeoutMs: number): Promise<Run> => run("sh", ["-c", line], cwd, timeoutMs, REGISTRY_HINT);

const REGISTRY_HINT = " (it needs the npm registry for graph-typegen's dependencies: is it reachable from here?)";

let tmp: string;
let tarball: string;
let packed: string[];
let readme: string;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is not built: run `npm run build` first (`npm test` does it before the tests)");
  }
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-pack-"));
  readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  // Where the README has the clone: ../graph-typegen from the project. dist/ is built already, so the prepare
  // script (which builds it again) is not run.
  await mkdir(path.join(tmp, "graph-typegen"));
  const pack = await mustRun("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", path.join(tmp, "graph-typegen")], ROOT, 60_000);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info.files.map((f) => f.path);
  tarball = path.join(tmp, "graph-typegen", path.basename(info.filename));
}, 60_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test("the README names the tarball npm pack writes, and tells to make it with npm pack", () => {
  const names = [...readme.matchAll(/graph-typegen-\d+\.\d+\.\d+[\w.-]*\.tgz/g)].map((m) => m[0]);
  expect(names.length).toBeGreaterThan(3);
  expect([...new Set(names)]).toEqual([path.basename(tarball)]);
  expect(readme).toContain("npm ci && npm pack");
});

test("the package holds what the CLI needs at run time, and not the sources or tests", () => {
  for (const file of [
    "package.json",
    "README.md",
    "LICENSE",
    "dist/cli/main.js",
    "dist/index.js",
    "dist/index.d.ts",
    "templates/banner.txt",
    "templates/runtime.ts",
    "generator/config/schema.json",
  ]) {
    expect(packed).toContain(file);
  }
  expect(packed.filter((f) => f.startsWith("test/") || (f.startsWith("generator/") && f.endsWith(".ts")) || f.startsWith("node_modules/"))).toEqual([]);
});

describe("installed from the tarball into an empty project", () => {
  let project: string;

  beforeAll(async () => {
    project = path.join(tmp, "project");
    await mkdir(project);
    await mustRun("npm", ["init", "-y"], project, 30_000);

    await mkdir(path.join(project, "docs"));
    await writeFile(path.join(project, "docs", "widget.md"), resourcePage({ name: "widget", properties: ["|id|String|The id.|", "|size|Int32|The size.|"] }));
    await writeFile(
      path.join(project, "docs", "gadget.md"),
      resourcePage({
        name: "gadget",
        inherits: "[widget](widget.md)",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.gadget", baseType: "microsoft.graph.widget" },
        properties: ["|color|String|The color.|"],
      }),
    );
  }, 180_000);

  test("the README's npx lines work as written, with nothing installed in the project", async () => {
    const [generate, check, ...rest] = readmeBlock(readme, "npx");
    expect(rest).toEqual([]);
    const first = await shell(generate, project, 150_000);
    expect({ code: first.code, stdout: first.stdout.trim().split("\n").at(-1) }).toEqual({ code: 0, stdout: "0 errors, 0 warnings, 0 info; wrote 3 files to types/" });
    const second = await shell(check, project, 60_000);
    expect({ code: second.code, stdout: second.stdout.trim().split("\n").at(-1) }).toEqual({ code: 0, stdout: "0 errors, 0 warnings, 0 info; types/ is current (3 files)" });
    expect(existsSync(path.join(project, "node_modules"))).toBe(false);
    await rm(path.join(project, "types"), { recursive: true });
  });

  test("the README's dev-dependency lines install it as the README's package.json shows", async () => {
    for (const line of readmeBlock(readme, "dev dependency")) {
      const result = await shell(line, project, 150_000);
      expect({ line, code: result.code, stderr: result.code ? result.stderr.slice(-2000) : "" }).toEqual({ line, code: 0, stderr: "" });
    }
    const pkg = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies["graph-typegen"]).toBe(`file:vendor/${path.basename(tarball)}`);
    expect(readme).toContain(`"graph-typegen": "${pkg.devDependencies["graph-typegen"]}"`);
  });

  test("npx graph-typegen generate docs --out types works in an empty project", async () => {
    const result = await run("npx", ["--no-install", "graph-typegen", "generate", "docs", "--out", "types"], project, 60_000);
    // npm's own notices aside, nothing on stderr.
    expect({ code: result.code, stderr: result.stderr.split("\n").filter((l) => l && !/^npm (warn|notice)/i.test(l)) }).toEqual({ code: 0, stderr: [] });
    expect(result.stdout).toContain("0 errors, 0 warnings, 0 info; wrote 3 files to types/");
    const types = await readFile(path.join(project, "types", "microsoft.graph.ts"), "utf8");
    expect(types).toContain("export interface Widget {");
    expect(types).toContain("export interface Gadget extends Widget {");
    expect(types).toMatch(/size\?: number \| null;/);

    const check = await run("npx", ["--no-install", "graph-typegen", "generate", "docs", "--out", "types", "--check"], project, 60_000);
    expect(check.code).toBe(0);
    const version = await run("npx", ["--no-install", "graph-typegen", "--version"], project, 60_000);
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });

  test("the programmatic API and the config schema resolve from the installed package", async () => {
    const script = [
      'import { generate } from "graph-typegen";',
      'const result = await generate({ inputs: ["docs"], out: "api-types", check: false });',
      "console.log(JSON.stringify({ generated: result.generated, written: result.written, files: result.files.map((f) => f.path) }));",
      'console.log(import.meta.resolve("graph-typegen/config.schema.json"));',
    ].join("\n");
    const result = await run("node", ["--input-type=module", "-e", script], project, 60_000);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const [summary, schema] = result.stdout.trim().split("\n");
    expect(JSON.parse(summary)).toEqual({ generated: true, written: true, files: ["index.ts", "microsoft.graph.ts", "runtime.ts"] });
    expect(schema).toMatch(/node_modules\/graph-typegen\/generator\/config\/schema\.json$/);
    expect(existsSync(path.join(project, "api-types", "microsoft.graph.ts"))).toBe(true);
  });
});
