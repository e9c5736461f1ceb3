import { jest } from "@jest/globals";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { watch, type WatchRun } from "../../generator/cli/watch.js";
import { resourcePage, runCli } from "../helpers.js";

jest.setTimeout(60_000);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-watch-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Runs as they are reported, and a way to wait for the next one (generously: no timing is asserted). */
function recorder() {
  const runs: WatchRun[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const onRun = (run: WatchRun): void => {
    runs.push(run);
    for (const waiter of waiters.filter((w) => runs.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const until = (count: number): Promise<WatchRun> =>
    new Promise<void>((resolve, reject) => {
      if (runs.length >= count) return resolve();
      const timer = setTimeout(() => reject(new Error(`no run #${count} within 30 s (${runs.length} so far)`)), 30_000);
      waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    }).then(() => runs[count - 1]!);
  return { runs, onRun, until };
}

test("regenerates on change, parsing only the changed page; survives a broken page; stops on abort", async () => {
  const docs = path.join(tmp, "docs");
  const out = path.join(tmp, "out");
  await mkdir(docs);
  await writeFile(path.join(docs, "a.md"), resourcePage({ name: "a", namespace: "contoso", properties: ["|id|String|The id.|"] }));
  await writeFile(path.join(docs, "b.md"), resourcePage({ name: "b", namespace: "contoso", properties: ["|size|Int32|The size.|"] }));
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: tmp };
  const { runs, onRun, until } = recorder();
  const controller = new AbortController();
  const stopped = watch({ inputs: ["docs"], out: "out", debounceMs: 50 }, io, { onRun, signal: controller.signal });

  const first = await until(1);
  expect(first.written).toBe(true);
  expect(first.result?.cache).toMatchObject({ hits: 0, misses: 2 });
  const before = await readFile(path.join(out, "contoso.ts"), "utf8");
  expect(before).toContain("size?: number");

  // An edit: one run, only the edited page parsed again, the output follows.
  await writeFile(path.join(docs, "b.md"), resourcePage({ name: "b", namespace: "contoso", properties: ["|size|String|The size.|"] }));
  const second = await until(2);
  expect(second.result?.cache).toMatchObject({ hits: 1, misses: 1 });
  // Only what the change touches is formatted again: the chunk of contoso.ts that holds the edited type.
  expect(second.result?.cache?.chunkMisses).toBe(1);
  expect(second.written).toBe(true);
  const after = await readFile(path.join(out, "contoso.ts"), "utf8");
  expect(after).not.toBe(before);
  expect(after).toContain("size?: string");

  // A page broken mid-edit: its diagnostic is printed, the previous output stays, and watching goes on.
  await writeFile(path.join(docs, "b.md"), resourcePage({ name: "b", namespace: "contoso", properties: ["|size|Int64|The size.|"] }).replace('"blockType": "resource",', '"blockType": "resource"'));
  const third = await until(3);
  expect(third.result?.diagnostics.map((d) => d.code)).toContain("GT2001");
  expect(third.written).toBe(false);
  expect(stdout).toMatch(/docs\/b\.md:\d+:\d+ error GT2001/);
  expect(third.line).toContain("previous output");
  expect(await readFile(path.join(out, "contoso.ts"), "utf8")).toBe(after);

  // Fixed again: written again.
  await writeFile(path.join(docs, "b.md"), resourcePage({ name: "b", namespace: "contoso", properties: ["|size|Boolean|The size.|"] }));
  const fourth = await until(4);
  expect(fourth.written).toBe(true);
  expect(await readFile(path.join(out, "contoso.ts"), "utf8")).toContain("size?: boolean");

  controller.abort();
  expect(await stopped).toBe(EXIT.ok);
  expect(runs).toHaveLength(4);
  expect(stderr).toBe("");
  // one summary line a run
  expect(stdout.match(/^\[watch #\d+\] /gm)).toHaveLength(4);
  expect(stdout).toContain("[watch] stopped");
});

test("changes to files that are not inputs (the output folder inside the input folder) start no run", async () => {
  await writeFile(path.join(tmp, "a.md"), resourcePage({ name: "a", namespace: "contoso", properties: ["|id|String|The id.|"] }));
  const io = { stdout: () => {}, stderr: () => {}, cwd: tmp };
  const { runs, onRun, until } = recorder();
  const controller = new AbortController();
  const stopped = watch({ inputs: ["."], out: "out", debounceMs: 50 }, io, { onRun, signal: controller.signal });
  await until(1);
  await writeFile(path.join(tmp, "notes.txt"), "not a page\n");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(runs).toHaveLength(1);
  controller.abort();
  expect(await stopped).toBe(EXIT.ok);
});

test("an input that cannot be watched is a usage error; --watch with --check is a usage error", async () => {
  let stderr = "";
  const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), cwd: tmp };
  const code = await watch({ inputs: ["missing"] }, io, { signal: new AbortController().signal });
  expect(code).toBe(EXIT.usage);
  expect(stderr).toContain("cannot watch missing");
  const cli = await runCli(["generate", "docs", "--watch", "--check"], tmp);
  expect(cli.code).toBe(EXIT.usage);
  expect(cli.stderr).toContain("--watch");
});
