import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT, resourcePage } from "../helpers.js";

/**
 * The per-page time budget, on the built CLI (only a worker thread can be stopped mid-parse, and a thread needs
 * dist/). Each construct below stalled remark for minutes at a size under every pre-scan limit; none of them is
 * special-cased anywhere: the budget stops whatever takes too long, so the next construct found is covered too.
 */
const STALLS: Record<string, string> = {
  tilde: "~a",
  "link-closers": "](",
  backticks: "`a",
  backslashes: "\\",
  underscores: "_a",
  "email-like": "a@a.",
  "angle-openers": "<a",
};

const TWO_MIB = 2 * 1024 * 1024;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-budget-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  output: string;
  ms: number;
}

function cli(args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), ...args], { cwd: tmp, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, output: stdout + stderr, ms: Date.now() - started });
    });
  });
}

/** A resource page whose description is the construct repeated to just under 2 MiB (the default page limit). */
async function stallPage(name: string, unit: string): Promise<string> {
  const head = resourcePage({ name: "widget", namespace: "contoso", properties: ["|id|String|The id.|"] });
  const room = TWO_MIB - Buffer.byteLength(head) - 16;
  const file = `${name}.md`;
  await writeFile(path.join(tmp, file), `${head}\n${unit.repeat(Math.floor(room / Buffer.byteLength(unit)))}\n`);
  return file;
}

test("each known stall at 2 MiB (unbounded: 23 to over 100 s): with a 2 s page budget the whole run (its own process) ends in under 20 s even on a loaded machine, the page skipped with GT2012", async () => {
  const names = Object.keys(STALLS);
  const runs = new Map<string, Run>();
  // All at once: the budget is wall-clock time, so a run that gets a seventh of a core for its 2 s is stopped as
  // surely as one that has a core to itself (and the seven burn 4 s of CPU, not 14: two at a time took 21 s).
  await Promise.all(
    names.map(async (name) => {
      const file = await stallPage(name, STALLS[name]!);
      runs.set(name, await cli(["generate", file, "--out", `out-${name}`, "--no-cache", "--threads", "1", "--page-timeout", "2000"]));
    }),
  );
  for (const name of names) {
    const run = runs.get(name)!;
    expect({ name, code: run.code, fast: run.ms < 20_000 }).toEqual({ name, code: expect.any(Number), fast: true });
    expect(run.output).toContain(`${name}.md:1:1 error GT2012 page took longer than 2000 ms to parse`);
    expect(run.output).not.toMatch(/internal error/);
  }
}, 120_000);

test("a stalled page among good ones: the others are generated; --page-timeout sets the budget", async () => {
  const good = resourcePage({ name: "gadget", namespace: "contoso", properties: ["|size|Int32|The size.|"] });
  await writeFile(path.join(tmp, "gadget.md"), good);
  const stall = await stallPage("mixed-stall", "~a");
  const run = await cli(["generate", "gadget.md", stall, "--out", "out-mixed", "--no-cache", "--page-timeout", "1000"]);
  expect(run.output).toContain("mixed-stall.md:1:1 error GT2012 page took longer than 1000 ms to parse");
  expect(run.ms).toBeLessThan(8_000);
  expect(run.output).toMatch(/wrote \d+ files/);
}, 60_000);

test("a config module that leaves a timer running does not keep the process alive after the run", async () => {
  const dir = await mkdtemp(path.join(tmp, "timer-"));
  await writeFile(path.join(dir, "package.json"), "{}\n");
  await writeFile(path.join(dir, "widget.md"), resourcePage({ name: "widget", namespace: "contoso", properties: ["|id|String|The id.|"] }));
  await writeFile(path.join(dir, "graph-typegen.config.mjs"), 'setInterval(() => {}, 1000);\nexport default { inputs: ["widget.md"], out: "out" };\n');
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = execFile(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "generate", "--no-cache"], { cwd: dir, timeout: 30_000 });
    child.on("exit", (exitCode) => resolve(exitCode));
  });
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(15_000);
}, 60_000);
