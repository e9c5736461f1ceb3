import { lstat, mkdir, open, readFile, realpath, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../read/sources.js";
import { diagnostic, UNUSABLE_KINDS, type Diagnostic, type GeneratedFile } from "../types/index.js";
import { commitJournal, recoverJournal, rollBackJournal, saveJournal, type Journal } from "./journal.js";
import { acquireLock, DEFAULT_LOCK_TIMEOUT_MS, type LockResult } from "./lock.js";
import { manifestText, readManifest, type ManifestRead } from "./manifest.js";
import { JOURNAL_FILE, MANIFEST_FILE, MARKER, fsReason, inspect, isConfinedPath, isFsError, isInside, newRunId, tempName, under } from "./paths.js";

export interface WriteOptions {
  /** Overwrite a regular file that has a generated file's name but is not in the manifest (a user's own). */
  force?: boolean;
  /** How long to wait for another run's lock, in milliseconds. Default 10 s. */
  lockTimeout?: number;
  /** What paths in diagnostics are shown relative to. Default: `process.cwd()`. */
  cwd?: string;
}

/** One file of the new output that differs from what is on disk. */
interface Change {
  path: string;
  text: string;
  /** The mode of the file it replaces (kept, as an in-place write keeps it); absent for a new file. */
  mode?: number;
}

interface Plan {
  changes: Change[];
  remove: string[];
  dirs: string[];
  conflicts: Diagnostic[];
}

/**
 * The write stage (an I/O edge). Files are written in place, the way tsc writes them, each one atomically, and the
 * set all-or-nothing through a journal (see journal.ts); the output folder itself is never moved, so whatever else
 * is in it (the user's files, folders, links, `.git`, modes) stays exactly as it was. graph-typegen touches only the
 * files its manifest lists, its own lock, journal and temporary files, and (with `force`) a user file in the way.
 * Returns diagnostics, never throws for a file system problem: a conflict, a lock held too long, or an error such as
 * EACCES is an unusable-output diagnostic, with the previous output intact and nothing of ours left behind.
 */
export async function writeOutput(outDir: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<Diagnostic[]> {
  const out = path.resolve(outDir);
  const cwd = options.cwd ?? process.cwd();
  const shown = displayPath(out, cwd);
  checkGeneratedPaths(files);
  let created: string | undefined;
  let written = false;
  let realOut = out;
  try {
    const existing = await stat(out).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));
    if (existing && !existing.isDirectory()) return [diagnostic("unsafe-output", `cannot write to ${shown}: it is a file, not a folder`, place(shown))];
    if (!existing && (await lstat(out).then((info) => info.isSymbolicLink(), () => false))) {
      return [diagnostic("unsafe-output", `cannot write to ${shown}: it is a symbolic link to a folder that does not exist`, place(shown))];
    }
    if (!existing) created = await mkdir(out, { recursive: true });
    realOut = await realpath(out);
    const id = newRunId();
    const lock = await acquireLock(realOut, id, options.lockTimeout ?? DEFAULT_LOCK_TIMEOUT_MS);
    if (!lock.held) return [lockedDiagnostic(lock, shown)];
    try {
      const diagnostics = await writeLocked(realOut, shown, id, files, options.force ?? false);
      written = !diagnostics.some((d) => UNUSABLE_KINDS.has(d.kind));
      return diagnostics;
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (!isFsError(error)) throw error;
    return [unwritable(error, realOut, shown, cwd)];
  } finally {
    if (created && !written) await removeEmptyFolders(out, created);
  }
}

async function writeLocked(realOut: string, shown: string, id: string, files: readonly GeneratedFile[], force: boolean): Promise<Diagnostic[]> {
  const recovered = await recoverJournal(realOut);
  if (recovered === "foreign") {
    const message = `${shown}/${JOURNAL_FILE} is not a journal graph-typegen wrote; nothing was written (remove the file if it is not yours)`;
    return [diagnostic("output-conflict", message, place(`${shown}/${JOURNAL_FILE}`))];
  }
  const manifest = await readManifest(realOut, shown);
  const rejected = manifest.state === "ours" ? manifest.rejected : [];
  const withManifest = [...files, { path: MANIFEST_FILE, text: manifestText(files.map((f) => f.path)) }];
  const plan = await planWrite(realOut, shown, withManifest, manifest, force);
  if (plan.conflicts.length) return [...rejected, ...plan.conflicts];
  if (!plan.changes.length && !plan.remove.length) return rejected;
  const journal: Journal = { generator: MARKER, journal: 1, id, phase: "prepare", files: plan.changes.map((c) => ({ path: c.path, existed: c.mode !== undefined })), remove: plan.remove, dirs: plan.dirs };
  await saveJournal(realOut, journal);
  try {
    for (const dir of plan.dirs) await mkdir(under(realOut, dir));
    for (const change of plan.changes) await writeTemp(under(realOut, tempName(change.path, id)), change);
  } catch (error) {
    return [await undo(error, realOut, journal, shown)];
  }
  try {
    await commitJournal(realOut, journal);
  } catch (error) {
    return [await undo(error, realOut, { ...journal, phase: "commit" }, shown)];
  }
  return rejected;
}

/** Rolls back after an error, and says what happened; if even that fails, the next run finishes the rollback. */
async function undo(error: unknown, realOut: string, journal: Journal, shown: string): Promise<Diagnostic> {
  if (!isFsError(error)) throw error;
  const found = unwritable(error, realOut, shown, realOut);
  try {
    await rollBackJournal(realOut, journal);
    return { ...found, message: `${found.message}; the previous output is unchanged` };
  } catch {
    return { ...found, message: `${found.message}; ${shown}/${JOURNAL_FILE} is left, and the next run puts the previous output back` };
  }
}

async function writeTemp(file: string, change: Change): Promise<void> {
  const handle = await open(file, "wx", 0o666);
  try {
    await handle.writeFile(change.text);
    if (change.mode !== undefined) await handle.chmod(change.mode);
  } finally {
    await handle.close();
  }
}

/**
 * What the write will do, decided before anything is written: the files that differ from what is on disk, the
 * files of the previous run no longer generated, the folders to create, and every conflict, which stops the run.
 */
async function planWrite(realOut: string, shown: string, files: readonly GeneratedFile[], manifest: ManifestRead, force: boolean): Promise<Plan> {
  const plan: Plan = { changes: [], remove: [], dirs: [], conflicts: [] };
  if (manifest.state === "foreign" && !force) {
    // Without the list, every file here would be "not ours": say once what is wrong, at the manifest itself.
    const file = `${shown}/${MANIFEST_FILE}`;
    const message = `${file} cannot be read as graph-typegen's manifest: ${manifest.reason}. Without it graph-typegen cannot tell which files here it wrote, so nothing was written: restore it (git checkout), or pass --force to write the generated files over whatever has their names`;
    plan.conflicts.push(diagnostic("output-conflict", message, { file, ...manifest.at }));
    return plan;
  }
  const listed = new Set(manifest.state === "ours" ? [...manifest.files, MANIFEST_FILE] : []);
  for (const file of files) {
    const disk = await inspect(realOut, file.path);
    const ours = listed.has(file.path);
    const conflict = (why: string): void => void plan.conflicts.push(diagnostic("output-conflict", `${shown}/${file.path} ${why}`, place(`${shown}/${file.path}`)));
    if (disk.state === "foreign") conflict(`is in the way: ${disk.reason}, and graph-typegen writes only regular files; nothing was written`);
    else if (disk.state === "file" && !ours && !force) conflict(`is not a file graph-typegen wrote (it is not in ${MANIFEST_FILE}); nothing was written: move it, or pass --force to overwrite it`);
    else if (disk.state === "missing") {
      for (const dir of await missingFolders(realOut, file.path, plan, conflict)) if (!plan.dirs.includes(dir)) plan.dirs.push(dir);
      plan.changes.push({ path: file.path, text: file.text });
    } else if (disk.state === "file" && (disk.size !== Buffer.byteLength(file.text) || (await readFile(under(realOut, file.path), "utf8")) !== file.text)) {
      plan.changes.push({ path: file.path, text: file.text, mode: disk.mode });
    }
  }
  const generated = new Set(files.map((f) => f.path));
  for (const entry of manifest.state === "ours" ? manifest.files : []) {
    // A listed file the user has since replaced by a link or a folder is theirs now: left alone, and not listed again.
    if (!generated.has(entry) && (await inspect(realOut, entry)).state === "file") plan.remove.push(entry);
  }
  return plan;
}

/** The folders between the output folder and `entry` that do not exist yet; anything but a folder in the way is a conflict. */
async function missingFolders(realOut: string, entry: string, plan: Plan, conflict: (why: string) => void): Promise<string[]> {
  const segments = entry.split("/").slice(0, -1);
  const missing: string[] = [];
  for (let i = 1; i <= segments.length; i++) {
    const dir = segments.slice(0, i).join("/");
    if (plan.dirs.includes(dir) || missing.length) {
      if (!plan.dirs.includes(dir)) missing.push(dir);
      continue;
    }
    const info = await lstat(under(realOut, dir)).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));
    if (!info) missing.push(dir);
    else if (!info.isDirectory()) conflict(`cannot be written: ${dir} is ${info.isSymbolicLink() ? "a symbolic link" : "a file"}, not a folder`);
  }
  return missing;
}

/** Generated paths come from the emit stage; one that is not a plain relative path is a bug, never written. */
function checkGeneratedPaths(files: readonly GeneratedFile[]): void {
  const paths = new Set<string>();
  for (const file of files) {
    if (!isConfinedPath(file.path) || file.path === MANIFEST_FILE || paths.has(file.path)) throw new Error(`cannot write generated file ${JSON.stringify(file.path)}`);
    paths.add(file.path);
  }
  for (const file of paths) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) if (paths.has(parts.slice(0, i).join("/"))) throw new Error(`generated file ${file} is inside generated file ${parts.slice(0, i).join("/")}`);
  }
}

const place = (file: string) => ({ file, line: 1, column: 1 });

function lockedDiagnostic(lock: Extract<LockResult, { held: false }>, shown: string): Diagnostic {
  const file = `${shown}/${path.basename(lock.file)}`;
  if (!lock.holder) return diagnostic("output-locked", `${file} is not a lock graph-typegen can read; nothing was written (remove it if no graph-typegen run is writing to ${shown})`, place(file));
  const { pid, host, started } = lock.holder;
  return diagnostic("output-locked", `another graph-typegen run (pid ${pid} on ${host}, started ${started}) is writing to ${shown}; gave up waiting for its lock ${file}; nothing was written`, place(file));
}

/** An error such as EACCES, as a diagnostic naming the path and the reason; our temporary names shown as their target. */
function unwritable(error: NodeJS.ErrnoException, out: string, shown: string, cwd: string): Diagnostic {
  // Errors inside the folder carry its real path (--out may be a symbolic link).
  const failed = error.path ? path.resolve(error.path) : out;
  const relative = isInside(out, failed) ? path.relative(out, failed).split(path.sep).join("/") : undefined;
  const target = relative?.replace(/(^|\/)\.([^/]+)\.graph-typegen-\d+-[0-9a-f]{8}\.(?:tmp|old)$/, "$1$2");
  const where = target === undefined ? displayPath(failed, cwd) : target ? `${shown}/${target}` : shown;
  return diagnostic("unwritable-output", `cannot write to ${where}: ${fsReason(error)}`, place(where));
}

/** After a failed first run: the output folder (and parents) we made, if nothing but our own files was ever in them. */
async function removeEmptyFolders(out: string, created: string): Promise<void> {
  for (let dir = out; isInside(created, dir); dir = path.dirname(dir)) {
    if (!(await rmdir(dir).then(() => true, () => false))) return;
    if (dir === created) return;
  }
}

/**
 * Finishes (or rolls back) what a killed run left in `outDir`, taking over its stale lock; what every write does
 * first. Returns what it did; "locked" when a live run holds the lock.
 */
export async function recoverInterruptedWrite(outDir: string, lockTimeout = DEFAULT_LOCK_TIMEOUT_MS): Promise<"none" | "completed" | "rolled back" | "foreign" | "locked"> {
  const realOut = await realpath(outDir).catch(() => undefined);
  if (realOut === undefined) return "none";
  const lock = await acquireLock(realOut, newRunId(), lockTimeout);
  if (!lock.held) return "locked";
  try {
    return await recoverJournal(realOut);
  } finally {
    await lock.release();
  }
}
