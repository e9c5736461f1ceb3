import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { jest } from "@jest/globals";
import { generate } from "../../generator/index.js";
import { recoverInterruptedWrite, writeOutput } from "../../generator/write/atomic.js";
import { manifestText } from "../../generator/write/manifest.js";
import { backupName, tempName } from "../../generator/write/paths.js";
import { ROOT, skipNotice } from "../helpers.js";
import { addUserContent, deadPid, tree, userPart } from "./tree.js";

jest.setTimeout(120_000);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-write-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const codes = (diagnostics: readonly { code: string }[]): string[] => diagnostics.map((d) => d.code);

test("a write changes only the files it writes: user content in the folder stays byte for byte and mode for mode", async () => {
  const out = path.join(tmp, "out");
  expect(await writeOutput(out, [{ path: "a.ts", text: "export const a = 1;\n" }, { path: "b.ts", text: "b\n" }])).toEqual([]);
  await addUserContent(out);
  const user = userPart(await tree(out));
  expect(Object.keys(user)).toEqual(expect.arrayContaining([".git/refs/heads", ".ssh", "node_modules/.bin/tool", "empty/deeper", "dangling", "NOTES.md"]));
  expect(user[".ssh"]).toBe("dir 0700");
  expect(await writeOutput(out, [{ path: "a.ts", text: "export const a = 2;\n" }, { path: "c.ts", text: "c\n" }])).toEqual([]);
  const after = await tree(out);
  expect(userPart(after)).toEqual(user);
  expect(await readFile(path.join(out, "a.ts"), "utf8")).toBe("export const a = 2;\n");
  expect(existsSync(path.join(out, "b.ts"))).toBe(false); // ours, no longer generated
  expect((await readdir(tmp)).sort()).toEqual(["out"]);
});

test("a file's text is replaced in place: its mode is kept, an unchanged file is not rewritten", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "a\n" }, { path: "same.ts", text: "same\n" }]);
  const { chmod, stat } = await import("node:fs/promises");
  await chmod(path.join(out, "a.ts"), 0o640);
  const sameBefore = await stat(path.join(out, "same.ts"));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await writeOutput(out, [{ path: "a.ts", text: "a2\n" }, { path: "same.ts", text: "same\n" }]);
  expect((await stat(path.join(out, "a.ts"))).mode & 0o777).toBe(0o640);
  expect((await stat(path.join(out, "same.ts"))).mtimeMs).toBe(sameBefore.mtimeMs);
});

test.each([
  ["empty", "", "1:1", "it is empty"],
  ["a merge conflict", '{\n  "generator": "graph-typegen",\n<<<<<<< HEAD\n  "files": ["a.ts"]\n=======\n  "files": ["b.ts"]\n>>>>>>> other\n}\n', "3:1", "it holds merge conflict markers"],
  ["JSON of another tool", '{ "files": ["a.ts"] }\n', "1:1", 'it is JSON, but not a list of files with "generator": "graph-typegen"'],
])("a manifest that cannot be read (%s) is one GT0011 at the manifest, nothing written; --force writes", async (_what, text, at, reason) => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "a\n" }, { path: "b.ts", text: "b\n" }]);
  await writeFile(path.join(out, ".graph-typegen-manifest.json"), text);
  const before = await tree(out);
  const found = await writeOutput(out, [{ path: "a.ts", text: "a2\n" }]);
  expect(found.map((d) => [d.code, `${d.at?.line}:${d.at?.column}`])).toEqual([["GT0011", at]]);
  expect(found[0]!.message).toContain(`cannot be read as graph-typegen's manifest: ${reason}. Without it graph-typegen cannot tell which files here it wrote, so nothing was written`);
  expect(await tree(out)).toEqual(before);
  expect(await writeOutput(out, [{ path: "a.ts", text: "a2\n" }], { force: true })).toEqual([]);
  expect(await readFile(path.join(out, "a.ts"), "utf8")).toBe("a2\n");
  expect(JSON.parse(await readFile(path.join(out, ".graph-typegen-manifest.json"), "utf8"))).toEqual({ generator: "graph-typegen", files: ["a.ts"] });
  // The unreadable list named b.ts, but nothing says it is ours: it stays.
  expect(await readFile(path.join(out, "b.ts"), "utf8")).toBe("b\n");
});

test("a manifest that is not JSON: its GT0011 is at the first syntax error, as a config file's is (JSON.parse gives no position)", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "a\n" }]);
  await writeFile(path.join(out, ".graph-typegen-manifest.json"), '{\n  "generator": "graph-typegen",\n  "files": ["a.ts",]\n}\n');
  const found = await writeOutput(out, [{ path: "a.ts", text: "a2\n" }]);
  expect(found.map((d) => [d.code, `${d.at?.line}:${d.at?.column}`])).toEqual([["GT0011", "3:20"]]);
  expect(found[0]!.message).toContain("cannot be read as graph-typegen's manifest: it is not valid JSON (");
});

test("a write that fails halfway (a name too long for the file system) leaves the previous output and nothing of ours", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "export const a = 1;\n" }]);
  await addUserContent(out);
  const before = await tree(out);
  // 250 characters is a valid name; its temporary name (.name.graph-typegen-<id>.tmp) is not, so the run has
  // already written the temporary files before it when it fails.
  const long = `${"n".repeat(247)}.ts`;
  const found = await writeOutput(out, [{ path: "a.ts", text: "changed\n" }, { path: "b.ts", text: "b\n" }, { path: long, text: "x" }]);
  expect(codes(found)).toEqual(["GT0013"]);
  expect(found[0].message).toContain(`${out}/${long}: a name too long for the file system (ENAMETOOLONG); the previous output is unchanged`);
  expect(await tree(out)).toEqual(before);
  expect(await writeOutput(out, [{ path: "a.ts", text: "changed\n" }])).toEqual([]); // and the next run works
});

test("generated paths that cannot be files (a bug in the generator) are refused before anything is written", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "a\n" }]);
  const before = await tree(out);
  await expect(writeOutput(out, [{ path: "b.ts", text: "x" }, { path: "b.ts/c.ts", text: "y" }])).rejects.toThrow(/inside generated file b\.ts/);
  await expect(writeOutput(out, [{ path: "../escape.ts", text: "x" }])).rejects.toThrow(/cannot write generated file/);
  expect(await tree(out)).toEqual(before);
});

describe("recovery from a killed run (the state it leaves, on disk, with a dead pid in the lock)", () => {
  const OLD = [{ path: "a.ts", text: "old a\n" }, { path: "gone.ts", text: "old gone\n" }];
  const NEW = [{ path: "a.ts", text: "new a\n" }, { path: "added.ts", text: "new added\n" }];

  /** The folder a run killed in `phase` leaves: the old output, temporary files, the journal and its lock. */
  async function killedRun(phase: "prepare" | "commit" | "rollback", renamed: string[] = []): Promise<{ out: string; user: Record<string, string> }> {
    const out = path.join(tmp, "out");
    await writeOutput(out, OLD);
    await addUserContent(out);
    const user = userPart(await tree(out));
    const pid = await deadPid();
    const id = `${pid}-0badc0de`;
    const files = [...NEW, { path: ".graph-typegen-manifest.json", text: manifestText(NEW.map((f) => f.path)) }];
    const journal = { generator: "graph-typegen", journal: 1, id, phase, files: files.map((f) => ({ path: f.path, existed: f.path !== "added.ts" })), remove: ["gone.ts"], dirs: [] };
    await writeFile(path.join(out, ".graph-typegen-journal.json"), JSON.stringify(journal));
    await writeFile(path.join(out, ".graph-typegen.lock"), JSON.stringify({ generator: "graph-typegen", lock: 1, pid, id, host: os.hostname(), started: new Date().toISOString() }));
    for (const file of files) {
      if (renamed.includes(file.path)) {
        if (file.path !== "added.ts") await cp(path.join(out, file.path), path.join(out, backupName(file.path, id)));
        await writeFile(path.join(out, file.path), file.text);
      } else await writeFile(path.join(out, tempName(file.path, id)), file.text);
    }
    return { out, user };
  }

  test("killed before commit: rolled back to the old output, temporary files gone, user content untouched", async () => {
    const { out, user } = await killedRun("prepare");
    expect(await recoverInterruptedWrite(out)).toBe("rolled back");
    expect(await tree(out)).toEqual({ ...user, ...(await expectedTree(OLD)) });
  });

  test("killed during commit (a.ts renamed in, the rest not): completed to the whole new output", async () => {
    const { out, user } = await killedRun("commit", ["a.ts"]);
    expect(await recoverInterruptedWrite(out)).toBe("completed");
    expect(await tree(out)).toEqual({ ...user, ...(await expectedTree(NEW)) });
  });

  test("killed during a rollback: the rollback is finished", async () => {
    const { out, user } = await killedRun("rollback", ["a.ts", "added.ts"]);
    expect(await recoverInterruptedWrite(out)).toBe("rolled back");
    expect(await tree(out)).toEqual({ ...user, ...(await expectedTree(OLD)) });
  });

  test("the next ordinary run does the recovery first, then writes", async () => {
    const { out, user } = await killedRun("commit");
    expect(await writeOutput(out, OLD)).toEqual([]);
    expect(await tree(out)).toEqual({ ...user, ...(await expectedTree(OLD)) });
  });

  test("names like ours are not enough: a file that no journal lists, and a journal without our marker, are left alone", async () => {
    const out = path.join(tmp, "out");
    await writeOutput(out, OLD);
    await writeFile(path.join(out, ".a.ts.graph-typegen-12345-deadbeef.tmp"), "mine\n");
    await writeFile(path.join(out, ".graph-typegen-journal.json.12345-deadbeef.tmp"), "mine too\n");
    await mkdir(path.join(out, ".graph-typegen-old-out"));
    expect(await writeOutput(out, NEW)).toEqual([]);
    expect(await readFile(path.join(out, ".a.ts.graph-typegen-12345-deadbeef.tmp"), "utf8")).toBe("mine\n");
    expect(await readFile(path.join(out, ".graph-typegen-journal.json.12345-deadbeef.tmp"), "utf8")).toBe("mine too\n");
    expect(existsSync(path.join(out, ".graph-typegen-old-out"))).toBe(true);

    await writeFile(path.join(out, ".graph-typegen-journal.json"), '{"files": ["../../etc/passwd"]}');
    const before = await tree(out);
    const found = await writeOutput(out, OLD);
    expect(codes(found)).toEqual(["GT0011"]);
    expect(found[0].message).toContain(".graph-typegen-journal.json is not a journal graph-typegen wrote");
    expect(await tree(out)).toEqual(before);
  });

  /** The tree of a folder holding just these files as graph-typegen writes them (read from a fresh write). */
  async function expectedTree(files: { path: string; text: string }[]): Promise<Record<string, string>> {
    const fresh = path.join(tmp, `fresh-${Math.random().toString(16).slice(2)}`);
    await writeOutput(fresh, files);
    const result = (await tree(fresh))!;
    await rm(fresh, { recursive: true });
    return result;
  }
});

const cli = path.join(ROOT, "dist", "cli", "main.js");
const describeIfBuilt = existsSync(cli) ? describe : describe.skip;
if (!existsSync(cli)) skipNotice(`kill test skipped: ${cli} is not built (npm run build)`);

describeIfBuilt("a run killed at any moment", () => {
  test("leaves either the previous output or the complete new one, never a mix, and the user's content as it was", async () => {
    const oldDocs = path.join(tmp, "old");
    const newDocs = path.join(tmp, "new");
    await cp(path.join(ROOT, "input"), oldDocs, { recursive: true });
    await cp(path.join(ROOT, "input"), newDocs, { recursive: true });
    const page = path.join(newDocs, "partners-billing-blob.md");
    await writeFile(page, (await readFile(page, "utf8")).replace("|name|String|", "|size|Int64|The size in bytes.|\n|name|String|"));
    // The new docs also drop a namespace's page, so the new output deletes a file the old one has.
    await rm(path.join(newDocs, "enums.md"));
    const out = path.join(tmp, "out");
    await generate({ inputs: [newDocs], out, cwd: tmp });
    await addUserContent(out);
    const expectedNew = await tree(out);
    await generate({ inputs: [oldDocs], out, cwd: tmp });
    const expectedOld = await tree(out);
    expect(expectedNew).not.toEqual(expectedOld);
    expect(userPart(expectedNew)).toEqual(userPart(expectedOld));

    const run = (killAfterMs?: number): Promise<number> =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.execPath, [cli, "generate", newDocs, "--out", out], { cwd: tmp, stdio: "ignore" });
        if (killAfterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        child.on("exit", () => resolve(Date.now() - started));
      });
    const duration = await run();
    expect(await tree(out)).toEqual(expectedNew);

    for (let i = 0; i < 8; i++) {
      await generate({ inputs: [oldDocs], out, cwd: tmp });
      expect(await tree(out)).toEqual(expectedOld);
      await run(Math.round((duration * (i + 0.5)) / 8));
      await recoverInterruptedWrite(out);
      expect([expectedOld, expectedNew]).toContainEqual(await tree(out));
    }
    expect((await readdir(tmp)).sort()).toEqual(["new", "old", "out"]);
  });
});

test("a write that fails during the renames (an immutable file) is rolled back to the previous output", async () => {
  const out = path.join(tmp, "out");
  await writeOutput(out, [{ path: "a.ts", text: "old a\n" }, { path: "b.ts", text: "old b\n" }, { path: "gone.ts", text: "old gone\n" }]);
  const immutable = path.join(out, "b.ts");
  const { execFileSync } = await import("node:child_process");
  try {
    execFileSync("chattr", ["+i", immutable], { stdio: "ignore" });
  } catch {
    skipNotice("rename-failure test skipped: chattr +i is not available here");
    return;
  }
  try {
    const before = await tree(out);
    // a.ts is renamed in first, then renaming over b.ts fails (EPERM): a.ts must be put back.
    const found = await writeOutput(out, [{ path: "a.ts", text: "new a\n" }, { path: "b.ts", text: "new b\n" }, { path: "c.ts", text: "new c\n" }]);
    expect(codes(found)).toEqual(["GT0013"]);
    expect(found[0].message).toMatch(/b\.ts: operation not permitted \(EPERM\); the previous output is unchanged$/);
    expect(await tree(out)).toEqual(before);
  } finally {
    execFileSync("chattr", ["-i", immutable], { stdio: "ignore" });
  }
});
