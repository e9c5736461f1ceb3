import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { jest } from "@jest/globals";
import { generate } from "../../generator/index.js";
import { recoverInterruptedWrite, siblingNames, writeOutput } from "../../generator/write/atomic.js";
import { ROOT, skipNotice } from "../helpers.js";

jest.setTimeout(120_000);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-write-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under a folder with its text, or undefined when the folder does not exist. */
async function snapshot(dir: string): Promise<Record<string, string> | undefined> {
  if (!existsSync(dir)) return undefined;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  return Object.fromEntries(await Promise.all(files.sort().map(async (f) => [f, await readFile(path.join(dir, f), "utf8")] as const)));
}

test("a failed write leaves the previous output exactly as it was and no temporary folder behind", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "export const a = 1;\n" }]);
  const before = await snapshot(out);
  // A generated path that cannot be created (its parent would be a file) fails the write halfway.
  await expect(writeOutput(out, [{ path: "b.ts", text: "x" }, { path: "b.ts/c.ts", text: "y" }])).rejects.toThrow();
  expect(await snapshot(out)).toEqual(before);
  expect((await readdir(tmp)).sort()).toEqual(["out"]);
});

test("recovery puts back an output folder left only as its backup, and removes temporary folders of dead runs", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "a\n" }]);
  const { backup, tmpPrefix } = siblingNames(out);
  await cp(out, backup, { recursive: true });
  await rm(out, { recursive: true });
  const dead = `${tmpPrefix}999999999-abc`;
  await mkdir(dead);
  await recoverInterruptedWrite(out);
  expect(await snapshot(out)).toEqual({ ".graph-typegen-manifest.json": expect.any(String), "a.ts": "a\n" });
  expect((await readdir(tmp)).sort()).toEqual(["out"]);
});

const cli = path.join(ROOT, "dist", "cli", "main.js");
const describeIfBuilt = existsSync(cli) ? describe : describe.skip;
if (!existsSync(cli)) skipNotice(`kill test skipped: ${cli} is not built (npm run build)`);

describeIfBuilt("a run killed at any moment", () => {
  test("leaves either the previous output or the complete new one, never a mix", async () => {
    const oldDocs = path.join(tmp, "old");
    const newDocs = path.join(tmp, "new");
    await cp(path.join(ROOT, "input"), oldDocs, { recursive: true });
    await cp(path.join(ROOT, "input"), newDocs, { recursive: true });
    const page = path.join(newDocs, "partners-billing-blob.md");
    await writeFile(page, (await readFile(page, "utf8")).replace("|name|String|", "|size|Int64|The size in bytes.|\n|name|String|"));
    const out = path.join(tmp, "out");
    await generate({ inputs: [newDocs], out, cwd: tmp });
    const expectedNew = await snapshot(out);
    await rm(out, { recursive: true });
    await generate({ inputs: [oldDocs], out, cwd: tmp });
    const expectedOld = await snapshot(out);
    expect(expectedNew).not.toEqual(expectedOld);

    const run = (killAfterMs?: number): Promise<number> =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [cli, "generate", newDocs, "--out", out], { cwd: tmp, stdio: "ignore" });
        if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        child.on("exit", () => resolve(Date.now() - started));
      });
    const duration = await run();
    expect(await snapshot(out)).toEqual(expectedNew);

    for (let i = 0; i < 8; i++) {
      await rm(out, { recursive: true, force: true });
      await generate({ inputs: [oldDocs], out, cwd: tmp });
      await run(Math.round((duration * i) / 8));
      await recoverInterruptedWrite(out);
      const state = await snapshot(out);
      expect([expectedOld, expectedNew]).toContainEqual(state);
    }
    expect((await readdir(tmp)).sort()).toEqual(["new", "old", "out"]);
  });
});
