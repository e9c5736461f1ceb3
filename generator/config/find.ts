import { stat } from "node:fs/promises";
import path from "node:path";

/** Searched for in this order in each folder, from the working directory up to the project root: the first hit wins. */
export const CONFIG_FILES = ["graph-typegen.config.json", "graph-typegen.config.mjs"] as const;

/** A folder holding one of these is a project root: the config search goes no higher. */
const PROJECT_ROOT_MARKERS = ["package.json", ".git"];

const isThere = (file: string): Promise<boolean> => stat(file).then(() => true, () => false);

/**
 * The nearest config file from `from` up to the project root (the first folder upward holding package.json or
 * .git), that folder included. Outside any project only `from` itself is searched: a config in a parent folder
 * someone else can write to (/tmp) is never picked up.
 */
export async function findConfig(from: string): Promise<string | undefined> {
  const folders: string[] = [];
  for (let dir = from; ; dir = path.dirname(dir)) {
    folders.push(dir);
    if ((await Promise.all(PROJECT_ROOT_MARKERS.map((m) => isThere(path.join(dir, m))))).some(Boolean)) break;
    if (path.dirname(dir) === dir) {
      folders.splice(1);
      break;
    }
  }
  for (const dir of folders) {
    for (const name of CONFIG_FILES) {
      const file = path.join(dir, name);
      if (await stat(file).then((s) => s.isFile(), () => false)) return file;
    }
  }
  return undefined;
}

/**
 * Why a `.mjs` config must not be run, or undefined when it may be: running it runs its code as the current user,
 * so it must be owned by that user or root, and neither it nor its folder writable by others (a world-writable
 * folder such as /tmp lets anyone put a file there). `uid` is the user to check for (tests pass one).
 */
export function untrustedReason(file: { uid: number; mode: number }, folder: { uid: number; mode: number }, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined; // Windows: no POSIX owners or modes
  if (file.uid !== uid && file.uid !== 0) return `it is owned by another user (uid ${file.uid}), and running it would run their code as you`;
  if (file.mode & 0o002) return "it is writable by other users";
  if (folder.mode & 0o002) return "its folder is writable by other users";
  return undefined;
}

