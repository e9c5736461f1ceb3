import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { main } from "../../generator/cli/main.js";
import { progressDisplay, type ProgressStream } from "../../generator/cli/progress.js";
import { ROOT } from "../helpers.js";

function recorder(isTTY: boolean): ProgressStream & { text: string } {
  const stream = { isTTY, columns: 80, text: "", write: (t: string) => ((stream.text += t), true) };
  return stream;
}

test("on a terminal, one line redrawn in place with counts, throttled to 100 ms within a stage, cleared at the end", () => {
  const stream = recorder(true);
  let clock = 0;
  const display = progressDisplay(stream, {}, () => clock)!;
  display.onProgress({ stage: "read", done: 0, total: 4 });
  clock = 50;
  display.onProgress({ stage: "read", done: 2, total: 4 }); // within 100 ms: not drawn
  clock = 200;
  display.onProgress({ stage: "read", done: 3, total: 4 });
  display.onProgress({ stage: "emit", done: 4, total: 4 }); // a new stage is always drawn
  display.finish();
  expect(stream.text.split("\r\x1b[K")).toEqual([
    "",
    "[........................] reading pages 0/4",
    "[##################......] reading pages 3/4",
    "[########################] emitting",
    "",
  ]);
});

test("nothing is drawn in CI or when stderr is not a terminal", () => {
  expect(progressDisplay(recorder(false), {})).toBeUndefined();
  expect(progressDisplay(recorder(true), { CI: "true" })).toBeUndefined();
});

test("the CLI draws progress on a terminal stderr, and nothing with --quiet or another reporter", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-progress-"));
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    const run = async (flags: string[]) => {
      const stream = recorder(true);
      const code = await main(["generate", path.join(ROOT, "input"), "--out", path.join(tmp, "out"), "--no-cache", ...flags], { stdout: () => {}, stderr: () => {}, cwd: tmp, progress: stream });
      return { code, text: stream.text };
    };
    const drawn = await run([]);
    expect(drawn.code).toBe(0);
    expect(drawn.text).toContain("reading pages 0/9");
    expect(drawn.text.endsWith("\r\x1b[K")).toBe(true);
    expect((await run(["--quiet"])).text).toBe("");
    expect((await run(["--reporter", "json"])).text).toBe("");
  } finally {
    if (saved !== undefined) process.env.CI = saved;
    await rm(tmp, { recursive: true, force: true });
  }
}, 30_000); // three whole runs: over jest's default 5 s on a loaded machine
