import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { watch } from "../../generator/cli/watch/watch.js";
import { resourcePage, ROOT, runCli } from "../helpers.js";
import { brokenPage, hasText, page, recorder, SAVES, startWatch, stopWatches, WAIT_MS } from "./watch-helpers.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-watch-"));
});
afterEach(async () => {
  await stopWatches();
  await rm(tmp, { recursive: true, force: true });
});

test("regenerates on change, parsing only the changed page; survives a broken page; stops on abort", async () => {
  const docs = path.join(tmp, "docs");
  const out = path.join(tmp, "out");
  await mkdir(docs);
  await writeFile(path.join(docs, "a.md"), resourcePage({ name: "a", namespace: "contoso", properties: ["|id|String|The id.|"] }));
  await writeFile(path.join(docs, "b.md"), page("size", "Int32"));
  const { runs, until, printed, stop } = startWatch(tmp, { inputs: ["docs"], out: "out" });

  const first = await until(1);
  expect(first.written).toBe(true);
  expect(first.result?.cache).toMatchObject({ hits: 0, misses: 2 });
  const before = await readFile(path.join(out, "contoso.ts"), "utf8");
  expect(before).toContain("size?: number");

  // An edit: one run, only the edited page parsed again, the output follows.
  await writeFile(path.join(docs, "b.md"), page("size", "String"));
  const second = await until(2);
  expect(second.result?.cache).toMatchObject({ hits: 1, misses: 1 });
  // Only what the change touches is formatted again: the chunk of contoso.ts that holds the edited type.
  expect(second.result?.cache?.chunkMisses).toBe(1);
  expect(second.written).toBe(true);
  const after = await readFile(path.join(out, "contoso.ts"), "utf8");
  expect(after).not.toBe(before);
  expect(after).toContain("size?: string");

  // A page broken mid-edit: its diagnostic is printed, the previous output stays, and watching goes on.
  await writeFile(path.join(docs, "b.md"), brokenPage("size"));
  const third = await until(3);
  expect(third.result?.diagnostics.map((d) => d.code)).toContain("GT2001");
  expect(third.written).toBe(false);
  expect(printed.stdout).toMatch(/docs\/b\.md:\d+:\d+ error GT2001/);
  expect(third.line).toContain("previous output");
  expect(await readFile(path.join(out, "contoso.ts"), "utf8")).toBe(after);

  // Fixed again: written again.
  await writeFile(path.join(docs, "b.md"), page("size", "Boolean"));
  const fourth = await until(4);
  expect(fourth.written).toBe(true);
  expect(await readFile(path.join(out, "contoso.ts"), "utf8")).toContain("size?: boolean");

  expect(await stop()).toBe(EXIT.ok);
  expect(runs).toHaveLength(4);
  expect(printed.stderr).toBe("");
  // one summary line a run
  expect(printed.stdout.match(/^\[watch #\d+\] /gm)).toHaveLength(4);
  expect(printed.stdout).toContain("[watch] stopped");
}, 60_000);

describe.each([
  ["a folder", "docs"],
  ["a file (watched through its folder)", "docs/b.md"],
])("the input named as %s", (_kind, input) => {
  test.each(Object.keys(SAVES))("saved %s three times in a row: each save is a run that writes the new content", async (style) => {
    const file = path.join(tmp, "docs", "b.md");
    await mkdir(path.dirname(file));
    await writeFile(file, page("p0"));
    const { runs, until, next, printed, stop } = startWatch(tmp, { inputs: [input], out: "out" });
    await until(1);
    for (const n of [1, 2, 3]) {
      await SAVES[style]!(file, page(`p${n}`));
      const run = await next((r) => hasText(r, `p${n}?: string`), `save ${n} (${style}) written`);
      expect(run.result?.cache).toMatchObject({ misses: 1 });
      expect(await readFile(path.join(tmp, "out", "contoso.ts"), "utf8")).toContain(`p${n}?: string`);
    }
    expect(await stop()).toBe(EXIT.ok);
    // Nothing but the saves started a run: not the editor's temp file, not the deletion of a moment.
    expect(runs).toHaveLength(4);
    expect(printed.stderr).toBe("");
  }, 60_000);
});

test("a page broken and then fixed by renaming over it is written again, every time", async () => {
  const file = path.join(tmp, "docs", "b.md");
  await mkdir(path.dirname(file));
  await writeFile(file, page("p0"));
  const { until, next, stop } = startWatch(tmp, { inputs: ["docs"], out: "out" });
  await until(1);
  for (const n of [1, 2]) {
    await SAVES["rename over"]!(file, brokenPage(`p${n}`));
    const broken = await next(() => true, `broken save ${n}`);
    expect(broken.written).toBe(false);
    expect(broken.line).toContain("previous output");
    await SAVES["rename over"]!(file, page(`p${n}`));
    await next((r) => hasText(r, `p${n}?: string`), `fixed save ${n} written`);
  }
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("the input folder deleted and recreated (a branch switch) is watched again: edits after it are seen", async () => {
  const docs = path.join(tmp, "docs");
  await mkdir(docs);
  await writeFile(path.join(docs, "b.md"), page("p0"));
  const { until, next, stop } = startWatch(tmp, { inputs: ["docs"], out: "out" });
  await until(1);
  // Gone and back at once: whether or not a run sees the gap, the recreated folder is what is watched.
  await rm(docs, { recursive: true });
  await mkdir(docs);
  await writeFile(path.join(docs, "b.md"), page("p1"));
  await next((r) => hasText(r, "p1?: string"), "the recreated folder's page written");
  for (const n of [2, 3, 4]) {
    await SAVES["rename over"]!(path.join(docs, "b.md"), page(`p${n}`));
    await next((r) => hasText(r, `p${n}?: string`), `edit ${n} after the recreation written`);
  }
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("an input folder reached through a link, re-pointed (ln -sfn): the new folder is read, and its edits are seen", async () => {
  for (const [folder, property] of [["rel-a", "a0"], ["rel-b", "b0"]] as const) {
    await mkdir(path.join(tmp, folder));
    await writeFile(path.join(tmp, folder, "b.md"), page(property));
  }
  await symlink("rel-a", path.join(tmp, "current"));
  const { until, next, stop } = startWatch(tmp, { inputs: ["current"], out: "out" });
  expect(hasText(await until(1), "a0?: string")).toBe(true);
  // As ln -sfn does it: a new link renamed over the old one.
  await symlink("rel-b", path.join(tmp, "current.new"));
  await rename(path.join(tmp, "current.new"), path.join(tmp, "current"));
  await next((r) => hasText(r, "b0?: string"), "the run after the link was re-pointed");
  await SAVES["rename over"]!(path.join(tmp, "rel-b", "b.md"), page("b1"));
  await next((r) => hasText(r, "b1?: string"), "an edit in the folder the link now points to");
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("an edit of a --templates file (the banner, the runtime) is a run, as a page's is", async () => {
  await mkdir(path.join(tmp, "docs"));
  await writeFile(path.join(tmp, "docs", "b.md"), page("p0"));
  await cp(path.join(ROOT, "templates"), path.join(tmp, "tpl"), { recursive: true });
  await writeFile(path.join(tmp, "tpl", "banner.txt"), "// First banner, from {{sources}}.\n");
  const { until, next, stop } = startWatch(tmp, { inputs: ["docs"], out: "out", templates: "tpl" });
  expect(hasText(await until(1), "// First banner, from ")).toBe(true);
  await SAVES["rename over"]!(path.join(tmp, "tpl", "banner.txt"), "// Second banner, from {{sources}}.\n");
  await next((r) => hasText(r, "// Second banner, from "), "the run after the banner was edited");
  const runtime = path.join(tmp, "tpl", "runtime.ts");
  await writeFile(runtime, `${await readFile(runtime, "utf8")}\n// a note of ours\n`);
  await next((r) => hasText(r, "// a note of ours"), "the run after runtime.ts was edited");
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("an input folder gone for a while: a run says so, the folder is looked for, and its return is a run", async () => {
  const docs = path.join(tmp, "docs");
  await mkdir(docs);
  await writeFile(path.join(docs, "b.md"), page("p0"));
  const { until, next, printed, stop } = startWatch(tmp, { inputs: ["docs"], out: "out" });
  await until(1);
  await rm(docs, { recursive: true });
  const gone = await next(() => true, "a run without the folder");
  expect(gone.written).toBe(false);
  expect(gone.line).toContain("nothing generated; previous output kept");
  expect(await readFile(path.join(tmp, "out", "contoso.ts"), "utf8")).toContain("p0?: string");
  await mkdir(docs);
  await writeFile(path.join(docs, "b.md"), page("p1"));
  await next((r) => hasText(r, "p1?: string"), "the page of the folder that came back written");
  await SAVES["delete and create"]!(path.join(docs, "b.md"), page("p2"));
  await next((r) => hasText(r, "p2?: string"), "an edit after it written");
  expect(await stop()).toBe(EXIT.ok);
  expect(printed.stdout).toContain("[watch] stopped");
}, 60_000);

test("inputs under --out are watched (generate src/docs --out src --force); the run's own writes start no run", async () => {
  const docs = path.join(tmp, "src", "docs");
  await mkdir(docs, { recursive: true });
  await writeFile(path.join(docs, "b.md"), page("p0"));
  // --out holds the input folder: refused unless --force (issue 11), then watched like any input.
  const { runs, until, next, idle, stop } = startWatch(tmp, { inputs: ["src/docs"], out: "src", force: true });
  await until(1);
  expect(await readFile(path.join(tmp, "src", "contoso.ts"), "utf8")).toContain("p0?: string");
  for (const n of [1, 2, 3]) {
    // Each run writes its files into src/, beside the watched src/docs/: those writes are the run's own.
    await SAVES["rename over"]!(path.join(docs, "b.md"), page(`p${n}`));
    await next((r) => hasText(r, `p${n}?: string`), `save ${n} under --out written`);
  }
  // A save that changes nothing is looked at and starts no run; nor did any of the runs' own writes.
  await writeFile(path.join(docs, "b.md"), page("p3"));
  await idle();
  expect(runs).toHaveLength(4);
  expect(await readFile(path.join(docs, "b.md"), "utf8")).toBe(page("p3"));
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("files that are not inputs (notes, the output folder inside the input folder) start no run", async () => {
  const a = resourcePage({ name: "a", namespace: "contoso", properties: ["|id|String|The id.|"] });
  await writeFile(path.join(tmp, "a.md"), a);
  const { runs, until, idle, stop } = startWatch(tmp, { inputs: ["."], out: "out" });
  await until(1);
  await writeFile(path.join(tmp, "notes.txt"), "not a page\n");
  await writeFile(path.join(tmp, "out", "contoso.ts"), "// edited by hand\n");
  // The same text saved again: an event, and proof the ones before it were looked at.
  await writeFile(path.join(tmp, "a.md"), a);
  await idle();
  expect(runs).toHaveLength(1);
  expect(await stop()).toBe(EXIT.ok);
}, 60_000);

test("--quiet prints only errors and the summary lines; a progress line is drawn on a terminal, not with --quiet", async () => {
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    for (const quiet of [false, true]) {
      const docs = path.join(tmp, quiet ? "quiet" : "docs");
      await mkdir(docs);
      await writeFile(path.join(docs, "b.md"), page("p0", "Nowhere")); // GT1001 unresolved type: a warning
      const stream = { isTTY: true, columns: 80, text: "", write: (t: string) => ((stream.text += t), true) };
      const { until, printed, stop } = startWatch(tmp, { inputs: [path.basename(docs)], out: `${path.basename(docs)}-out`, quiet }, stream);
      await until(1);
      await writeFile(path.join(docs, "c.md"), brokenPage("p1").replaceAll("# b ", "# c "));
      await until(2);
      expect(await stop()).toBe(EXIT.ok);
      const lines = printed.stdout.trimEnd().split("\n");
      if (quiet) {
        expect(lines.filter((l) => !/^\[watch[ \]#]/.test(l))).toEqual([expect.stringMatching(/^quiet\/c\.md:\d+:\d+ error GT2001 /)]);
        expect(stream.text).toBe("");
      } else {
        expect(printed.stdout).toMatch(/^docs\/b\.md:\d+:\d+ warning GT1001 /m);
        expect(stream.text).toContain("reading pages");
        expect(stream.text.endsWith("\r\x1b[K")).toBe(true);
      }
      expect(lines.filter((l) => l.startsWith("[watch #"))).toEqual([expect.stringContaining("1 warning"), expect.stringContaining("1 error, 1 warning")]);
    }
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
}, 60_000);

test("the built CLI: Ctrl+C (SIGINT) after the input folder was deleted and recreated exits 0 with [watch] stopped", async () => {
  const docs = path.join(tmp, "docs");
  await mkdir(docs);
  await writeFile(path.join(docs, "b.md"), page("p0"));
  const child = spawn(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "generate", "docs", "--out", "out", "--watch", "--no-cache"], { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const printed = (pattern: RegExp, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what}: not printed within ${WAIT_MS} ms; stdout: ${stdout}; stderr: ${stderr}`)), WAIT_MS);
      const look = (): void => {
        if (!pattern.test(stdout)) return;
        child.stdout.off("data", look);
        clearTimeout(timer);
        resolve();
      };
      child.stdout.on("data", look);
      look();
    });
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await printed(/\[watch #1\][^\n]*wrote/, "the first run");
    await rm(docs, { recursive: true });
    await mkdir(docs);
    await writeFile(path.join(docs, "b.md"), page("p1"));
    await printed(/\[watch #\d+\][^\n]*wrote[\s\S]*\[watch #\d+\][^\n]*wrote/, "a run after the recreation");
    expect(await readFile(path.join(tmp, "out", "contoso.ts"), "utf8")).toContain("p1?: string");
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toContain("[watch] stopped");
    expect(stderr).toBe("");
  } finally {
    child.kill("SIGKILL");
  }
}, 60_000);

test.each(["SIGTERM", "SIGHUP"] as const)("the built CLI: %s (docker stop, a closed terminal) stops the watch as Ctrl+C does: exit 0, [watch] stopped", async (signal) => {
  await mkdir(path.join(tmp, "docs"));
  await writeFile(path.join(tmp, "docs", "b.md"), page("p0"));
  const child = spawn(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "generate", "docs", "--out", "out", "--watch", "--no-cache"], { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const deadline = Date.now() + WAIT_MS;
    while (!/\[watch #1\][^\n]*wrote/.test(stdout) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout).toMatch(/\[watch #1\][^\n]*wrote/);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stdout).toContain("[watch] stopped");
  } finally {
    child.kill("SIGKILL");
  }
}, 60_000);

test("an input that cannot be watched is a usage error; --watch with --check or --csdl - is a usage error", async () => {
  let stderr = "";
  const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), cwd: tmp };
  const code = await watch({ inputs: ["missing"] }, io, { signal: new AbortController().signal });
  expect(code).toBe(EXIT.usage);
  expect(stderr).toContain("cannot watch missing");
  const check = await runCli(["generate", "docs", "--watch", "--check"], tmp);
  expect(check.code).toBe(EXIT.usage);
  expect(check.stderr).toContain("--watch");
  const stdin = await runCli(["generate", "--csdl", "-", "--watch"], tmp);
  expect(stdin.code).toBe(EXIT.usage);
  expect(stdin.stderr).toContain("standard input");
}, 30_000);

test("a refused output folder stops the watch before it starts; a conflict keeps watching and writes nothing", async () => {
  const docs = path.join(tmp, "docs");
  await mkdir(docs);
  await writeFile(path.join(docs, "a.md"), resourcePage({ name: "a", namespace: "contoso" }));
  let stderr = "";
  const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t), cwd: tmp };
  const controller = new AbortController();
  expect(await watch({ inputs: ["docs"], out: "docs" }, io, { signal: controller.signal })).toBe(EXIT.usage);
  expect(stderr).toContain("error GT0010 refusing to write to docs: it is an input folder");

  await mkdir(path.join(tmp, "out"));
  await writeFile(path.join(tmp, "out", "index.ts"), "// mine\n");
  const { hooks, until } = recorder();
  const stopped = watch({ inputs: ["docs"], out: "out", debounceMs: 50 }, { ...io, stdout: () => undefined }, { ...hooks, signal: controller.signal });
  const first = await until(1);
  expect(first.written).toBe(false);
  expect(first.line).toContain("not written: previous output in out/ kept");
  expect(first.result?.diagnostics.map((d: { code: string }) => d.code)).toContain("GT0011");
  expect(await readFile(path.join(tmp, "out", "index.ts"), "utf8")).toBe("// mine\n");
  controller.abort();
  expect(await stopped).toBe(EXIT.ok);
}, 60_000);

describe("the watch's snapshot of its inputs", () => {
  // Read to hash them, a link to /dev/zero grew without end (7 GB in 45 s, Ctrl-C unheard), and a pipe's data was
  // drained before run #1 read it (`cat m.xml | graph-typegen generate --csdl /dev/stdin --watch`: "empty").
  (process.platform === "linux" ? test : test.skip)("a link to a device and a named pipe are compared by their stat, never read", async () => {
    const { takeSnapshot } = await import("../../generator/cli/watch/snapshot.js");
    const { execFileSync } = await import("node:child_process");
    const { symlinkSync } = await import("node:fs");
    const dir = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-snapshot-"));
    try {
      symlinkSync("/dev/zero", path.join(dir, "zero.md"));
      execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
      await writeFile(path.join(dir, "page.md"), "# a\n");
      const files = ["zero.md", "pipe.md", "page.md"].map((f) => path.join(dir, f));
      const snapshot = await takeSnapshot(files, new Map());
      expect(files.map((f) => snapshot.get(f)!.hash === snapshot.get(f)!.stamp)).toEqual([true, true, false]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
