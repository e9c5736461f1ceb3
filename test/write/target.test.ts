import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../generator/cli/main.js";
import { ROOT, runCli, skipNotice } from "../helpers.js";
import { addUserContent, tree } from "./tree.js";

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-target-"));
  await chmod(tmp, 0o755); // so that a run as another user (below) can reach it
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const cli = path.join(ROOT, "dist", "cli", "main.js");
const built = existsSync(cli);
if (!built) skipNotice(`target tests that spawn the CLI skipped: ${cli} is not built (npm run build)`);

/** The built CLI in its own process, as root or (with `user`) as nobody; with extra environment variables. */
function spawnCli(args: string[], cwd: string, options: { asNobody?: boolean; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string }> {
  const command = options.asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, cli] : [process.execPath, cli];
  return new Promise((resolve) => {
    let stdout = "";
    const child = spawn(command[0], [...command.slice(1), ...args], { cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout }));
  });
}

const canDropPrivileges = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const asNobody = built && canDropPrivileges ? describe : describe.skip;
if (!canDropPrivileges) skipNotice("permission tests skipped: they need root and setpriv, to run the CLI as nobody");

/** A project folder with docs, readable by everyone. */
async function project(): Promise<string> {
  const dir = path.join(tmp, "project");
  await cp(path.join(ROOT, "input"), path.join(dir, "docs"), { recursive: true });
  execFileSync("chmod", ["-R", "a+rX", dir]);
  return dir;
}

describe("dangerous targets are refused before anything is written (exit 2, one line)", () => {
  test("the working directory of a git repository: still a repository afterwards, nothing changed", async () => {
    const dir = await project();
    await addUserContent(dir);
    const before = await tree(dir);
    const { code, stdout } = await runCli(["generate", "docs", "--out", ".", "-q"], dir);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain(`error GT0010 refusing to write to ${dir}: it is the working directory`);
    expect(await tree(dir)).toEqual(before);
  });

  test("'' and an ancestor of the working directory (also from a config's out: ../..)", async () => {
    const dir = await project();
    const before = await tree(tmp);
    const empty = await runCli(["generate", "docs", "--out", ""], dir);
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.stdout).toContain("error GT0010 refusing to write: the output folder (--out) is an empty string");
    const sub = path.join(dir, "a", "b");
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(dir, "package.json"), "{}");
    await writeFile(path.join(sub, "graph-typegen.config.json"), JSON.stringify({ inputs: ["../../docs"], out: "../.." }));
    const viaConfig = await runCli(["generate", "-q"], sub);
    expect(viaConfig.code).toBe(EXIT.usage);
    expect(viaConfig.stdout).toContain(`refusing to write to ${dir}: it holds the working directory`);
    await rm(path.join(dir, "package.json"));
    await rm(path.join(dir, "a"), { recursive: true });
    expect(await tree(tmp)).toEqual(before);
  });

  test("an input folder (its symlinked page and empty subfolder kept) and a folder holding an input", async () => {
    const dir = await project();
    await symlink("entity.md", path.join(dir, "docs", "linked.md"));
    await mkdir(path.join(dir, "docs", "empty"));
    const before = await tree(dir);
    const input = await runCli(["generate", "docs", "--out", "docs", "-q"], dir);
    expect(input.code).toBe(EXIT.usage);
    expect(input.stdout).toContain("refusing to write to docs: it is an input folder");
    const holder = await runCli(["generate", "docs/entity.md", "--out", "docs", "-q"], tmp);
    expect(holder.stdout).toContain("it holds the input docs/entity.md");
    expect(await tree(dir)).toEqual(before);
  });

  test("a project or repository folder that is not a graph-typegen output (package.json or .git, no manifest)", async () => {
    const dir = await project();
    for (const marker of ["package.json", ".git"]) {
      const other = path.join(tmp, `other-${marker}`);
      await mkdir(other);
      if (marker === ".git") execFileSync("git", ["init", "-q", other]);
      else await writeFile(path.join(other, marker), "{}");
      const before = await tree(other);
      const { code, stdout } = await runCli(["generate", "docs", "--out", other, "-q"], dir);
      expect(code).toBe(EXIT.usage);
      expect(stdout).toContain(`it holds ${marker} and no .graph-typegen-manifest.json`);
      expect(await tree(other)).toEqual(before);
    }
  });

  (built ? test : test.skip)("the home folder ($HOME), run in its own process", async () => {
    const dir = await project();
    const home = path.join(tmp, "home");
    await mkdir(home);
    await writeFile(path.join(home, ".profile"), "mine\n");
    const before = await tree(home);
    const { code, stdout } = await spawnCli(["generate", "docs", "--out", home, "-q"], dir, { env: { HOME: home } });
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain(`refusing to write to ${home}: it is your home folder`);
    expect(await tree(home)).toEqual(before);
  }, 30_000);

  asNobody("as a user who cannot write there anyway", () => {
    test("/ is refused by rule, not by a failed write", async () => {
      const dir = await project();
      const { code, stdout } = await spawnCli(["generate", "docs", "--out", "/", "-q"], dir, { asNobody: true });
      expect(code).toBe(EXIT.usage);
      expect(stdout).toContain("refusing to write to /: it is the root of the file system");
    }, 30_000);
  });
});

describe("the user's files in --out", () => {
  test("a first run into a folder holding the user's own index.ts and runtime.ts is a conflict naming them; --force overwrites", async () => {
    const dir = await project();
    const out = path.join(dir, "types");
    await mkdir(out);
    await writeFile(path.join(out, "index.ts"), "// my index\n");
    await writeFile(path.join(out, "runtime.ts"), "// my runtime\n");
    const before = await tree(out);
    const refused = await runCli(["generate", "docs", "--out", "types"], dir);
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.stdout).toContain("types/index.ts:1:1 error GT0011 types/index.ts is not a file graph-typegen wrote (it is not in .graph-typegen-manifest.json); nothing was written: move it, or pass --force to overwrite it");
    expect(refused.stdout).toContain("types/runtime.ts:1:1 error GT0011");
    expect(refused.stdout).toContain("nothing written to types/");
    expect(await tree(out)).toEqual(before);

    const forced = await runCli(["generate", "docs", "--out", "types", "--force"], dir);
    expect(forced.code).toBe(EXIT.ok);
    expect(await readFile(path.join(out, "index.ts"), "utf8")).toContain("Generated by graph-typegen");
    expect(JSON.parse(await readFile(path.join(out, ".graph-typegen-manifest.json"), "utf8")).files).toContain("index.ts");
  });

  test("force is also a config key; a symbolic link or folder in the way is a conflict even with --force", async () => {
    const dir = await project();
    await writeFile(path.join(dir, "graph-typegen.config.json"), JSON.stringify({ inputs: ["docs"], out: "types", force: true }));
    await mkdir(path.join(dir, "types"));
    await writeFile(path.join(dir, "types", "index.ts"), "// mine\n");
    expect((await runCli(["generate", "-q"], dir)).code).toBe(EXIT.ok);
    await rm(path.join(dir, "types", "runtime.ts"));
    await writeFile(path.join(tmp, "secret.ts"), "secret\n");
    await symlink(path.join(tmp, "secret.ts"), path.join(dir, "types", "runtime.ts"));
    const linked = await runCli(["generate", "-q", "--force"], dir);
    expect(linked.code).toBe(EXIT.usage);
    expect(linked.stdout).toContain("types/runtime.ts is in the way: it is a symbolic link, and graph-typegen writes only regular files");
    expect(await readFile(path.join(tmp, "secret.ts"), "utf8")).toBe("secret\n");
  });

  test("a symlinked --out is written through: the link stays, its target gets the output", async () => {
    const dir = await project();
    await mkdir(path.join(dir, "real"));
    await symlink("real", path.join(dir, "out"));
    expect((await runCli(["generate", "docs", "--out", "out", "-q"], dir)).code).toBe(EXIT.ok);
    expect((await readdir(path.join(dir, "real"))).sort()).toEqual([".graph-typegen-manifest.json", "index.ts", "microsoft.graph.partners.billing.ts", "microsoft.graph.ts", "runtime.ts"]);
    expect((await tree(dir))!.out).toBe("link -> real");
  });

  test("a user folder named like the old backup (.graph-typegen-old-types) beside --out is not touched", async () => {
    const dir = await project();
    await mkdir(path.join(dir, ".graph-typegen-old-types"));
    await writeFile(path.join(dir, ".graph-typegen-old-types", "keep.txt"), "keep\n");
    expect((await runCli(["generate", "docs", "--out", "types", "-q"], dir)).code).toBe(EXIT.ok);
    expect((await runCli(["generate", "docs", "--out", "types", "-q", "--layout", "single"], dir)).code).toBe(EXIT.ok);
    expect(await readFile(path.join(dir, ".graph-typegen-old-types", "keep.txt"), "utf8")).toBe("keep\n");
  });
});

describe("an output folder that cannot be written: exit 2 with the path and the reason, nothing left, the next run works", () => {
  test("--out names a file", async () => {
    const dir = await project();
    await writeFile(path.join(dir, "types"), "a file\n");
    const { code, stdout } = await runCli(["generate", "docs", "--out", "types", "-q"], dir);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain("types:1:1 error GT0010 cannot write to types: it is a file, not a folder");
    // --check says the same, where it was an internal error (ENOTDIR), exit 3.
    const check = await runCli(["generate", "docs", "--out", "types", "--check"], dir);
    expect(check.code).toBe(EXIT.usage);
    expect(check.stdout).toContain("types:1:1 error GT0010 cannot check types: it is a file, not a folder");
  });

  test("a name too long for the file system", async () => {
    const dir = await project();
    const before = await tree(dir);
    const { code, stdout } = await runCli(["generate", "docs", "--out", "x".repeat(300), "-q"], dir);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toContain("a name too long for the file system (ENAMETOOLONG)");
    expect(await tree(dir)).toEqual(before);
  });

  asNobody("as nobody (root may write anywhere)", () => {
    test("a read-only (555) --out: EACCES, nothing left, and once it is writable the next run works", async () => {
      const dir = await project();
      const out = path.join(dir, "types");
      await mkdir(out);
      await chmod(out, 0o555);
      const refused = await spawnCli(["generate", "docs", "--out", "types", "-q"], dir, { asNobody: true });
      expect(refused.code).toBe(EXIT.usage);
      expect(refused.stdout).toMatch(/error GT0013 cannot write to types\/\.graph-typegen\.lock: permission denied \(EACCES\)/);
      expect(await readdir(out)).toEqual([]);
      await chmod(out, 0o777);
      expect((await spawnCli(["generate", "docs", "--out", "types", "-q"], dir, { asNobody: true })).code).toBe(EXIT.ok);
    }, 30_000);

    test("--check of a folder it may not read: GT0013 naming the file, exit 2, not an internal error", async () => {
      const dir = await project();
      expect((await spawnCli(["generate", "docs", "--out", "types", "-q"], dir)).code).toBe(EXIT.ok);
      await chmod(path.join(dir, "types", "index.ts"), 0o000);
      const file = await spawnCli(["generate", "docs", "--out", "types", "--check"], dir, { asNobody: true });
      expect(file.code).toBe(EXIT.usage);
      expect(file.stdout).toContain("types/index.ts:1:1 error GT0013 cannot read types/index.ts to compare it: permission denied (EACCES); nothing was checked");
      expect(file.stdout).not.toContain("internal error");
      await chmod(path.join(dir, "types"), 0o000);
      const folder = await spawnCli(["generate", "docs", "--out", "types", "--check"], dir, { asNobody: true });
      expect(folder.code).toBe(EXIT.usage);
      expect(folder.stdout).toMatch(/error GT0013 cannot read types\S* to compare it: permission denied \(EACCES\)/);
      await chmod(path.join(dir, "types"), 0o755);
    }, 30_000);

    test("no permission to create --out (its parent is not ours): EACCES naming the folder, nothing created", async () => {
      const dir = await project();
      const { code, stdout } = await spawnCli(["generate", "docs", "--out", "types/v1", "-q"], dir, { asNobody: true });
      expect(code).toBe(EXIT.usage);
      expect(stdout).toContain("error GT0013 cannot write to types: permission denied (EACCES)");
      expect(existsSync(path.join(dir, "types"))).toBe(false);
    }, 30_000);
  });

  const mounts = built && process.getuid?.() === 0 && (() => {
    try {
      execFileSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs none /mnt"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  if (!mounts) skipNotice("mount point test skipped: it needs root, unshare and mount");
  (mounts ? test : test.skip)("a mount point (a Docker volume) is written in place, twice, the user's file in it kept", async () => {
    const dir = await project();
    await mkdir(path.join(dir, "volume"));
    // A private mount namespace: the tmpfs exists only for the shell and the runs in it.
    const script = [
      "mount -t tmpfs none volume",
      "echo mine > volume/NOTES.md",
      `"${process.execPath}" "${cli}" generate docs --out volume -q`,
      `"${process.execPath}" "${cli}" generate docs --out volume -q --layout single`,
      "ls -A volume",
      "cat volume/NOTES.md",
    ].join(" && ");
    const listing = execFileSync("unshare", ["-m", "sh", "-c", script], { cwd: dir, encoding: "utf8" });
    expect(listing.trim().split("\n").slice(-4)).toEqual([".graph-typegen-manifest.json", "NOTES.md", "index.d.ts", "mine"]);
  }, 60_000);
});
