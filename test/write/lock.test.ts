import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { generate } from "../../generator/index.js";
import { writeOutput } from "../../generator/write/atomic.js";
import { processStart } from "../../generator/write/lock.js";
import { ROOT, runCli, skipNotice } from "../helpers.js";
import { deadPid, tree } from "./tree.js";

let tmp: string;
let sleeper: ChildProcess | undefined;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-lock-"));
});
afterEach(async () => {
  sleeper?.kill("SIGKILL");
  sleeper = undefined;
  await rm(tmp, { recursive: true, force: true });
});

const LOCK = ".graph-typegen.lock";

/** A lock file as a run writes it, for `pid`. */
async function lockFor(out: string, pid: number, start = processStart(pid)): Promise<void> {
  const holder = { generator: "graph-typegen", lock: 1, pid, id: `${pid}-00000000`, host: os.hostname(), started: "2026-01-01T00:00:00.000Z", ...(start ? { start } : {}) };
  await writeFile(path.join(out, LOCK), JSON.stringify(holder));
}

/** A process that sleeps for a minute, unless killed first. */
const sleepingProcess = (): ChildProcess => spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });

/** A live process that is not us: a lock holder that is certainly running (killed after each test). */
function liveProcess(): number {
  sleeper = sleepingProcess();
  return sleeper.pid!;
}

const files = [{ path: "a.ts", text: "a\n" }];

test("a lock held by a live process: the run waits, then gives up with GT0012 naming its pid, and writes nothing", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, files);
  const pid = liveProcess();
  await lockFor(out, pid);
  const before = await tree(out);
  const started = Date.now();
  const found = await writeOutput(out, [{ path: "a.ts", text: "changed\n" }], { lockTimeout: 400 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  expect(found.map((d) => d.code)).toEqual(["GT0012"]);
  expect(found[0].message).toContain(`another graph-typegen run (pid ${pid} on ${os.hostname()}`);
  expect(await tree(out)).toEqual(before);
}, 20_000);

/**
 * The CLI's bounded wait is its default, 10 s, so this run starts with the file, in its own folder against its own
 * holder, and its test, the file's last, reads the result: the wait overlaps the other tests instead of adding 10 s to the file.
 */
const boundedWait = (async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-lock-wait-"));
  // Its own holder: `liveProcess`'s is killed after each test, and this wait spans several.
  const holder = sleepingProcess();
  try {
    const out = path.join(dir, "out");
    await writeOutput(out, files);
    await lockFor(out, holder.pid!);
    const run = await runCli(["generate", path.join(ROOT, "input"), "--out", out, "-q"], dir);
    return { ...run, pid: holder.pid!, kept: await readFile(path.join(out, "a.ts"), "utf8") };
  } finally {
    holder.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  }
})();
// Read by its test; a failure before then is that test's failure, not an unhandled rejection.
boundedWait.catch(() => {});

test("a stale lock (its process is gone) is taken over, and released after the run", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, files);
  await lockFor(out, await deadPid());
  expect(await writeOutput(out, [{ path: "a.ts", text: "changed\n" }], { lockTimeout: 400 })).toEqual([]);
  expect(await readFile(path.join(out, "a.ts"), "utf8")).toBe("changed\n");
  expect(existsSync(path.join(out, LOCK))).toBe(false);
}, 20_000);

const describeIfProc = existsSync(`/proc/${process.pid}/stat`) ? describe : describe.skip;
describeIfProc("pid reuse (Linux)", () => {
  test("a lock whose pid is alive but was started at another time is stale", async () => {
    const out = path.join(tmp, "out");
    await writeOutput(out, files);
    await lockFor(out, liveProcess(), "1");
    expect(await writeOutput(out, [{ path: "a.ts", text: "changed\n" }], { lockTimeout: 400 })).toEqual([]);
  }, 20_000);
});

test("a lock file that graph-typegen did not write is never removed: GT0012 says what it is", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, files);
  await writeFile(path.join(out, LOCK), "not ours\n");
  const found = await writeOutput(out, files, { lockTimeout: 200 });
  expect(found.map((d) => d.code)).toEqual(["GT0012"]);
  expect(await readFile(path.join(out, LOCK), "utf8")).toBe("not ours\n");
}, 20_000);

test("two generate() calls at once in one process are serialised by the lock too", async () => {
  const out = path.join(tmp, "out");
  const results = await Promise.all([0, 1, 2].map(() => generate({ inputs: [path.join(ROOT, "input")], out, cwd: tmp })));
  expect(results.map((r) => r.written)).toEqual([true, true, true]);
  expect((await readdir(out)).sort()).toEqual([".graph-typegen-manifest.json", "index.ts", "microsoft.graph.partners.billing.ts", "microsoft.graph.ts", "runtime.ts"]);
}, 60_000);

const cli = path.join(ROOT, "dist", "cli", "main.js");
const describeIfBuilt = existsSync(cli) ? describe : describe.skip;
if (!existsSync(cli)) skipNotice(`concurrency test skipped: ${cli} is not built (npm run build)`);

describeIfBuilt("20 runs at once into one --out", () => {
  test("every one exits 0 or 2, and the output is whole: one run's complete output, nothing of ours left", async () => {
    // Half the runs write the old docs' output, half the new (one page fewer), so a mix would show.
    const oldDocs = path.join(tmp, "old");
    const newDocs = path.join(tmp, "new");
    await cp(path.join(ROOT, "input"), oldDocs, { recursive: true });
    await cp(path.join(ROOT, "input"), newDocs, { recursive: true });
    await rm(path.join(newDocs, "enums.md"));
    const expected = [];
    for (const docs of [oldDocs, newDocs]) {
      const alone = path.join(tmp, `alone-${expected.length}`);
      await generate({ inputs: [docs], out: alone, cwd: tmp });
      expected.push(await tree(alone));
      await rm(alone, { recursive: true });
    }
    const out = path.join(tmp, "out");
    // A stale lock at the start: all 20 find it at once, and only one may take it over.
    await mkdir(out);
    await lockFor(out, await deadPid());
    const run = (docs: string): Promise<{ code: number | null; stdout: string }> =>
      new Promise((resolve) => {
        let stdout = "";
        const child = spawn(process.execPath, [cli, "generate", docs, "--out", out, "-q", "--no-cache"], { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.on("exit", (code) => resolve({ code, stdout }));
      });
    const started = Date.now();
    const runs = await Promise.all(Array.from({ length: 20 }, (_, i) => run(i % 2 ? newDocs : oldDocs)));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tally = runs.reduce<Record<string, number>>((t, r) => ({ ...t, [String(r.code)]: (t[String(r.code)] ?? 0) + 1 }), {});
    process.stderr.write(`graph-typegen tests: 20 concurrent runs in ${seconds} s, exit codes ${JSON.stringify(tally)}\n`);
    for (const r of runs) {
      expect([0, 2]).toContain(r.code);
      if (r.code === 2) expect(r.stdout).toContain("GT0012");
    }
    expect(expected).toContainEqual(await tree(out));
    expect((await readdir(tmp)).sort()).toEqual(["new", "old", "out"]);
  }, 300_000);
});

test("the CLI exits 2 naming the holder after its bounded wait (10 s)", async () => {
  const { code, stdout, pid, kept } = await boundedWait;
  expect(code).toBe(EXIT.usage);
  expect(stdout).toMatch(new RegExp(`${LOCK}:1:1 error GT0012 another graph-typegen run \\(pid ${pid} .*gave up waiting`));
  expect(kept).toBe("a\n");
}, 30_000);
