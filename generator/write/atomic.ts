import { chmod, link, copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../types/index.js";
import { MANIFEST_FILE, manifestText, readManifest } from "./manifest.js";

/** Names of the folders a write uses beside the output folder (same file system, so renames are atomic). */
export function siblingNames(outDir: string): { tmpPrefix: string; backup: string } {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  return { tmpPrefix: path.join(parent, `.graph-typegen-tmp-${base}-`), backup: path.join(parent, `.graph-typegen-old-${base}`) };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after a run that was killed: one killed between the two renames of a swap leaves only the backup, so
 * it is put back; temporary folders of runs that are no longer alive (the pid is in the name) are removed.
 */
export async function recoverInterruptedWrite(outDir: string): Promise<void> {
  const { tmpPrefix, backup } = siblingNames(outDir);
  if (await exists(backup)) {
    if (await exists(outDir)) await rm(backup, { recursive: true, force: true });
    else await rename(backup, outDir);
  }
  const parent = path.dirname(tmpPrefix);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = name.startsWith(path.basename(tmpPrefix)) ? Number(name.slice(path.basename(tmpPrefix).length).split("-")[0]) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

async function filesUnder(directory: string): Promise<string[]> {
  if (!(await exists(directory))) return [];
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(directory, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/**
 * The write stage (an I/O edge). The new output is built in a temporary folder beside `outDir`, together with
 * (hard links to) every file there that the previous run did not write, then swapped in with two renames. A run
 * that fails or is killed before the swap leaves the previous output exactly as it was.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const out = path.resolve(outDir);
  await recoverInterruptedWrite(out);
  const { tmpPrefix, backup } = siblingNames(out);
  await mkdir(path.dirname(out), { recursive: true });
  const tmp = await mkdtemp(`${tmpPrefix}${process.pid}-`);
  try {
    await chmod(tmp, 0o755); // mkdtemp makes it private; the output folder is an ordinary one

    for (const file of files) {
      const target = path.join(tmp, ...file.path.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text);
    }
    await writeFile(path.join(tmp, MANIFEST_FILE), manifestText(files.map((f) => f.path)));
    const ours = new Set([...(await readManifest(out)), MANIFEST_FILE, ...files.map((f) => f.path)]);
    for (const userFile of (await filesUnder(out)).filter((f) => !ours.has(f))) {
      const target = path.join(tmp, ...userFile.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await link(path.join(out, userFile), target).catch(() => copyFile(path.join(out, userFile), target));
    }
    if (await exists(out)) {
      await rename(out, backup);
      await rename(tmp, out);
      await rm(backup, { recursive: true, force: true });
    } else {
      await rename(tmp, out);
    }
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
