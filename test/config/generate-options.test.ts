import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { optionsProblem } from "../../generator/config/generate-options.js";
import { generate, type GenerateOptions } from "../../generator/index.js";
import { ROOT } from "../helpers.js";

/**
 * generate() called from JavaScript is not held to its types: each option is checked by the option table's rules (those
 * of the config file and the flags), and a wrong one is GT0015 (exit 2 in the CLI's terms), before anything is read.
 */
let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-api-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test.each([
  [{ csdl: "metadata.xml" }, 'option "csdl" must be an array of paths (non-empty strings), not "metadata.xml"'],
  [{ inputs: [null] }, 'option "inputs" must be an array of paths (non-empty strings), not [null]'],
  [{ threads: NaN }, 'option "threads" must be a whole number >= 0, not NaN'],
  [{ out: 5 }, 'option "out" must be a non-empty string (a path), not 5'],
  [{ cwd: 42 }, 'option "cwd" must be a non-empty string (a path), not 42'],
  [{ layout: "weird" }, 'option "layout" must be one of "modules", "single", not "weird"'],
  [{ rules: { GT9999: "off" } }, "(no diagnostic has the code GT9999)"],
  [{ limits: { markdown: { maxPageBytes: -1 } } }, 'option "limits.markdown.maxPageBytes" must be a whole number >= 1, not -1'],
  [null, "generate() takes an object of options, not null"],
])("%j is GT0015, nothing read or written", async (options, message) => {
  const out = path.join(tmp, "out");
  const given = options === null ? null : { inputs: [path.join(ROOT, "input")], out, ...options };
  const result = await generate(given as unknown as GenerateOptions);
  expect(result).toMatchObject({ generated: false, written: false, files: [] });
  expect(result.diagnostics.map((d) => d.code)).toEqual(["GT0015"]);
  expect(result.diagnostics[0]!.message).toContain(message);
  expect(existsSync(out)).toBe(false);
});

test("options as the types allow them pass: every table option with a value of its kind, and the API's own", () => {
  const options: GenerateOptions = { inputs: ["docs"], csdl: ["m.xml"], out: "o", layout: "single", threads: 0, rules: { "GT30*": "off", GT1001: "error" }, limits: { markdown: { maxPageBytes: 10 } }, namespaces: { include: ["a.*"] }, cwd: "/", write: false };
  expect(optionsProblem(options)).toBeUndefined();
  expect(optionsProblem({})).toBeUndefined();
});

test("the built pool: NaN threads is no pool (it was one that never started a thread, and a run never settled)", async () => {
  const { WorkerPool } = (await import(pathToFileURL(path.join(ROOT, "dist", "parallel", "pool.js")).href)) as typeof import("../../generator/parallel/pool.js");
  expect(WorkerPool.create(NaN)).toBeUndefined();
  const one = WorkerPool.create(1);
  expect(one?.size).toBe(1);
  await one?.close();
});
