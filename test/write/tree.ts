import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Everything under a folder, byte for byte and mode for mode: each folder, file and symbolic link with its type,
 * permission bits and content (or link target). Two equal trees are the same to a user, `.git` included.
 */
export async function tree(dir: string): Promise<Record<string, string> | undefined> {
  if (!existsSync(dir)) return undefined;
  const entries: Record<string, string> = {};
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const file = path.join(folder, name);
      const key = path.relative(dir, file).split(path.sep).join("/");
      const info = await lstat(file);
      const mode = (info.mode & 0o7777).toString(8).padStart(4, "0");
      if (info.isSymbolicLink()) entries[key] = `link -> ${await readlink(file)}`;
      else if (info.isDirectory()) {
        entries[key] = `dir ${mode}`;
        await walk(file);
      } else entries[key] = `file ${mode} ${(await readFile(file)).toString("base64")}`;
    }
  };
  await walk(dir);
  return entries;
}

/** Only the entries that are not graph-typegen's (its manifest and the .ts files it writes at the top level). */
export function userPart(entries: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(entries ?? {}).filter(([key]) => !/^[^/]*\.ts$/.test(key) && key !== ".graph-typegen-manifest.json"));
}

/**
 * What a user keeps in a folder that also receives output: a git repository (empty folders under .git/refs), a
 * link farm like node_modules/.bin, an empty folder, a private folder (700) with a private file (600), an
 * executable, a dangling link, dotfiles, and a file of their own.
 */
export async function addUserContent(dir: string): Promise<void> {
  execFileSync("git", ["init", "-q", dir]);
  await mkdir(path.join(dir, "node_modules", "tool"), { recursive: true });
  await writeFile(path.join(dir, "node_modules", "tool", "cli.js"), "#!/usr/bin/env node\n");
  await chmod(path.join(dir, "node_modules", "tool", "cli.js"), 0o755);
  await mkdir(path.join(dir, "node_modules", ".bin"));
  await symlink("../tool/cli.js", path.join(dir, "node_modules", ".bin", "tool"));
  await mkdir(path.join(dir, "empty", "deeper"), { recursive: true });
  await mkdir(path.join(dir, ".ssh"), { mode: 0o700 });
  await chmod(path.join(dir, ".ssh"), 0o700);
  await writeFile(path.join(dir, ".ssh", "id_test"), "private\n", { mode: 0o600 });
  await symlink("../nowhere", path.join(dir, "dangling"));
  await writeFile(path.join(dir, ".env"), "TOKEN=not-for-anyone\n");
  await writeFile(path.join(dir, "NOTES.md"), "my own notes\n");
}

/** The pid of a process that has exited: a lock holder that is certainly gone. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}
