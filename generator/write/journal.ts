import { copyFile, constants, link, lstat, open, readdir, readFile, rename, rmdir, unlink } from "node:fs/promises";
import path from "node:path";
import { JOURNAL_FILE, MARKER, RUN_ID, backupName, isConfinedPath, journalTempName, tempName, under } from "./paths.js";

/**
 * The journal makes a set of in-place writes all-or-nothing. Every new file is first written beside its target
 * under a temporary name; only then does the journal say `commit`, and the temporary files are renamed over their
 * targets (each rename atomic), obsolete files moved aside, the manifest last. A run killed before `commit` is
 * rolled back by the next one (temporary files removed), one killed after it is completed (the renames finished):
 * either the old output or the whole new one, never a mix. Nothing but the listed files is ever touched.
 */
export interface Journal {
  generator: typeof MARKER;
  journal: 1;
  id: string;
  phase: "prepare" | "commit" | "rollback";
  /** Files to write, in order (the manifest last); `existed`: there was a file to replace (kept as a backup). */
  files: { path: string; existed: boolean }[];
  /** Files the previous run wrote that this one does not: moved aside at commit, deleted at the end. */
  remove: string[];
  /** Folders this run creates (shallowest first), removed again by a rollback if they are still empty. */
  dirs: string[];
}

/** Parses a journal, accepting only one whose every path is confined to the output folder (it is a file on disk). */
export function parseJournal(text: string): Journal | undefined {
  let value: Partial<Journal>;
  try {
    value = JSON.parse(text) as Partial<Journal>;
  } catch {
    return undefined;
  }
  const paths = (list: unknown): boolean => Array.isArray(list) && list.every(isConfinedPath);
  if (value?.generator !== MARKER || value.journal !== 1 || typeof value.id !== "string" || !RUN_ID.test(value.id)) return undefined;
  if (!["prepare", "commit", "rollback"].includes(value.phase as string) || !Array.isArray(value.files)) return undefined;
  if (!value.files.every((f) => isConfinedPath(f?.path) && typeof f.existed === "boolean") || !paths(value.remove) || !paths(value.dirs)) return undefined;
  return value as Journal;
}

/** Writes the journal atomically (a temporary file renamed over it), so it is never seen half written. */
export async function saveJournal(realOut: string, journal: Journal): Promise<void> {
  const temp = path.join(realOut, journalTempName(journal.id));
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(`${JSON.stringify(journal, null, 2)}\n`);
  } finally {
    await handle.close();
  }
  await rename(temp, path.join(realOut, JOURNAL_FILE));
}

/** A name that cannot exist (too long, under a file) is as missing as one that does not. */
const ignoreMissing = (error: NodeJS.ErrnoException): undefined => {
  if (error.code === "ENOENT" || error.code === "ENAMETOOLONG" || error.code === "ENOTDIR") return undefined;
  throw error;
};
const isThere = (file: string): Promise<boolean> => lstat(file).then(() => true, (error: NodeJS.ErrnoException) => (ignoreMissing(error), false));
const isFile = (file: string): Promise<boolean> => lstat(file).then((info) => info.isFile(), (error: NodeJS.ErrnoException) => (ignoreMissing(error), false));
const removeIfThere = (file: string): Promise<void> => unlink(file).catch(ignoreMissing);

/** Keeps the file about to be replaced under its backup name: a hard link, or a copy where links are not supported. */
async function keepBackup(target: string, backup: string): Promise<void> {
  if (await isThere(backup)) return;
  await link(target, backup).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return;
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "EXDEV"].includes(error.code ?? "")) throw error;
    await copyFile(target, backup, constants.COPYFILE_EXCL);
  });
}

/** The commit: the journal says so first, then every rename. Also how the next run completes a killed commit. */
export async function commitJournal(realOut: string, journal: Journal): Promise<void> {
  if (journal.phase !== "commit") await saveJournal(realOut, (journal = { ...journal, phase: "commit" }));
  for (const file of journal.files) {
    const target = under(realOut, file.path);
    const temp = under(realOut, tempName(file.path, journal.id));
    if (!(await isThere(temp))) continue; // renamed in before the run was killed
    if (file.existed) await keepBackup(target, under(realOut, backupName(file.path, journal.id)));
    await rename(temp, target);
  }
  for (const entry of journal.remove) {
    const target = under(realOut, entry);
    if (await isFile(target)) await rename(target, under(realOut, backupName(entry, journal.id)));
  }
  for (const entry of [...journal.files.filter((f) => f.existed).map((f) => f.path), ...journal.remove]) await removeIfThere(under(realOut, backupName(entry, journal.id)));
  await removeIfThere(path.join(realOut, JOURNAL_FILE));
}

/**
 * Puts the previous output back: backups over their targets, new files that had no predecessor removed, temporary
 * files removed, then the folders the run made if they are empty. Safe to run again after being interrupted.
 */
export async function rollBackJournal(realOut: string, journal: Journal): Promise<void> {
  // Before `commit` no target was touched; after it, the journal must say `rollback` before any is put back, so
  // that a run killed now is rolled back, not completed.
  const touched = journal.phase !== "prepare";
  if (journal.phase === "commit") await saveJournal(realOut, (journal = { ...journal, phase: "rollback" }));
  for (const file of journal.files) {
    const target = under(realOut, file.path);
    const temp = under(realOut, tempName(file.path, journal.id));
    const backup = under(realOut, backupName(file.path, journal.id));
    if (await isThere(temp)) {
      // Never renamed in: the target is still the old file (or absent). A backup made just before is dropped.
      await removeIfThere(temp);
      await removeIfThere(backup);
    } else if (touched && (await isThere(backup))) await rename(backup, target);
    else if (touched && !file.existed) await removeIfThere(target);
  }
  for (const entry of journal.remove) {
    const backup = under(realOut, backupName(entry, journal.id));
    if (touched && (await isThere(backup))) await rename(backup, under(realOut, entry));
  }
  for (const dir of [...journal.dirs].reverse()) {
    await rmdir(under(realOut, dir)).catch((error: NodeJS.ErrnoException) => (["ENOENT", "ENOTEMPTY", "EEXIST"].includes(error.code ?? "") ? undefined : Promise.reject(error)));
  }
  await removeIfThere(path.join(realOut, JOURNAL_FILE));
}

/**
 * Finishes what an interrupted run left (called while holding the lock): a journal in `commit` is completed, one in
 * `prepare` or `rollback` rolled back; a journal's own temporary file is removed when it carries our marker. A
 * journal-named file that is not ours is left alone and reported (`foreign`).
 */
export async function recoverJournal(realOut: string): Promise<"none" | "completed" | "rolled back" | "foreign"> {
  for (const name of await readdir(realOut)) {
    const id = /^\.graph-typegen-journal\.json\.(.+)\.tmp$/.exec(name)?.[1];
    if (id === undefined || !RUN_ID.test(id)) continue;
    const text = await readFile(path.join(realOut, name), "utf8").catch(() => "");
    if (parseJournal(text)?.id === id) await removeIfThere(path.join(realOut, name));
  }
  const text = await readFile(path.join(realOut, JOURNAL_FILE), "utf8").catch(ignoreMissing);
  if (text === undefined) return "none";
  const journal = parseJournal(text);
  if (!journal) return "foreign";
  if (journal.phase === "commit") {
    await commitJournal(realOut, journal);
    return "completed";
  }
  await rollBackJournal(realOut, journal);
  return "rolled back";
}
