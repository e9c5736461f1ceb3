import { execFile } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT, resourcePage } from "../helpers.js";

/** The built CLI (threads need dist/): --threads reaches the pipeline, and --verbose says so. */
test("a large docs folder is parsed on the threads --threads allows; --threads 0 parses in-process; the files are the same", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-threads-"));
  try {
    await mkdir(path.join(tmp, "docs"));
    for (let i = 0; i < 60; i++) await writeFile(path.join(tmp, "docs", `w${i}.md`), resourcePage({ name: `widget${i}`, properties: ["|id|String|The id.|"] }));
    const run = (threads: string, out: string) => promisify(execFile)(process.execPath, [path.join(ROOT, "dist", "cli", "main.js"), "generate", "docs", "--out", out, "--no-cache", "--verbose", "--threads", threads], { cwd: tmp });
    const two = await run("2", "two");
    const none = await run("0", "none");
    expect(two.stdout).toMatch(/^time: parse \d+\.\d\d s on 2 threads,/m);
    expect(none.stdout).toMatch(/^time: parse \d+\.\d\d s, model/m);
    const diff = await promisify(execFile)("diff", ["-r", "-x", ".graph-typegen-manifest.json", "two", "none"], { cwd: tmp }).catch((e: { stdout: string }) => e);
    expect("stdout" in diff ? diff.stdout : "").toBe("");
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}, 60_000); // two runs of the built CLI, each its own process

test("node's own options on the command line (--max-old-space-size, --stack-size) reach the threads without an internal error", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-execargv-"));
  try {
    await writeFile(path.join(tmp, "widget.md"), resourcePage({ name: "widget", properties: ["|id|String|The id.|"] }));
    // V8 and per-process flags: Node refuses them in a Worker's explicit execArgv (ERR_WORKER_INVALID_EXEC_ARGV).
    const args = ["--max-old-space-size=2048", "--stack-size=2000", path.join(ROOT, "dist", "cli", "main.js"), "generate", "widget.md", "--out", "out", "--no-cache", "--verbose"];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: tmp });
    expect(stderr).not.toMatch(/internal error/);
    expect(stdout).toMatch(/^time: parse \d+\.\d\d s on 1 thread/m);
    expect(stdout).toMatch(/wrote 3 files to out\//);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}, 60_000); // one run of the built CLI, its own process

/**
 * A pool closed while a thread's reply is on its way (the early thread loading the parser, the main thread busy
 * for 0.3 s): its process must go on to the end. It ended with exit code 13, printing nothing, because the late
 * reply unref'd the thread before its exit was delivered. Real processes: in jest, jest's own handles hide it.
 */
test("closing the pool while a reply is on its way: the process goes on, and the CLI prints a refused template (exit 2)", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-close-"));
  try {
    const pool = path.join(ROOT, "dist", "parallel", "pool.js");
    const script = `const { WorkerPool } = await import(${JSON.stringify(pool)}); const pool = WorkerPool.create(1); pool.prepare("parse"); const t = Date.now(); while (Date.now() - t < 300) {} await pool.close(); console.log("closed");`;
    const closed = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: tmp });
    expect(closed.stdout).toBe("closed\n");
    await mkdir(path.join(tmp, "tpl"));
    await writeFile(path.join(tmp, "tpl", "banner.txt"), "const injected = 1;\n");
    await writeFile(path.join(tmp, "tpl", "runtime.ts"), "export {};\n");
    await writeFile(path.join(tmp, "widget.md"), resourcePage({ name: "widget", properties: ["|id|String|The id.|"] }));
    const cli = path.join(ROOT, "dist", "cli", "main.js");
    const refused = await promisify(execFile)(process.execPath, [cli, "generate", "widget.md", "--templates", "tpl", "--out", "out"], { cwd: tmp }).catch((e: { code: number; stdout: string }) => e);
    expect("code" in refused && refused.code).toBe(2);
    expect(refused.stdout).toContain("tpl/banner.txt:1:1 error GT0009 the banner must be comments only");
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}, 60_000);
