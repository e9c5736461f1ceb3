import { randomBytes } from "node:crypto";
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";

/**
 * The names graph-typegen uses inside `--out`. Besides the files its manifest lists, these are the only things it
 * ever creates there, and it removes one only when the name matches exactly and the content carries our marker
 * (the lock and the journal are JSON with `"generator": "graph-typegen"`; temporary and backup files are listed,
 * with the run's id, in a journal).
 */
export const MANIFEST_FILE = ".graph-typegen-manifest.json";
export const LOCK_FILE = ".graph-typegen.lock";
export const LOCK_BREAK_FILE = ".graph-typegen.lock.break";
export const JOURNAL_FILE = ".graph-typegen-journal.json";
export const MARKER = "graph-typegen";

/** A run's id: its pid and 8 random hex digits, in every temporary name it makes, so two runs never share one. */
export const RUN_ID = /^\d{1,10}-[0-9a-f]{8}$/;

export function newRunId(): string {
  return `${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** `dir/.name.graph-typegen-<id>.tmp`: the new text of `dir/name`, renamed over it once every file is written. */
export function tempName(file: string, id: string): string {
  return sibling(file, `graph-typegen-${id}.tmp`);
}

/** `dir/.name.graph-typegen-<id>.old`: the previous `dir/name`, kept until the run is complete, for a rollback. */
export function backupName(file: string, id: string): string {
  return sibling(file, `graph-typegen-${id}.old`);
}

export function journalTempName(id: string): string {
  return `${JOURNAL_FILE}.${id}.tmp`;
}

function sibling(file: string, suffix: string): string {
  const slash = file.lastIndexOf("/");
  return `${file.slice(0, slash + 1)}.${file.slice(slash + 1)}.${suffix}`;
}

/**
 * Whether a path read from a manifest or a journal stays inside the output folder by its text alone: relative,
 * posix separators, no empty, `.` or `..` segment, no NUL. Symbolic links are checked on disk (`inspect`).
 */
export function isConfinedPath(entry: unknown): entry is string {
  return unconfined(entry) === undefined;
}

/** Why a path read from a manifest or a journal is not confined to the output folder (see `isConfinedPath`), or undefined. */
export function unconfined(entry: unknown): string | undefined {
  if (typeof entry !== "string") return `not a path (${entry === null ? "null" : Array.isArray(entry) ? "a list" : `a ${typeof entry}`})`;
  if (entry === "" || entry.includes("\0") || entry.length > 4096) return "not a usable path";
  if (entry.startsWith("/") || /^[A-Za-z]:/.test(entry) || entry.split(/[\\/]/).includes("..")) return "a path outside the output folder";
  if (entry.includes("\\") || entry.split("/").some((segment) => segment === "" || segment === ".")) {
    return "not a plain relative path (graph-typegen writes its own with / between names, none empty or .)";
  }
  return undefined;
}

/** The absolute path of a confined entry under the (real) output folder. */
export function under(realOut: string, entry: string): string {
  return path.join(realOut, ...entry.split("/"));
}

export function isInside(folder: string, candidate: string): boolean {
  return candidate === folder || candidate.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

export type OnDisk =
  | { state: "missing" }
  | { state: "file"; mode: number; size: number }
  /** Not something graph-typegen writes (a symbolic link, a folder, a device...), or reached through a link out. */
  | { state: "foreign"; reason: string };

/**
 * What is at `entry` under the real output folder, without following a symbolic link at the entry itself, and
 * refusing one whose folders lead outside the output folder (a symlinked subfolder).
 */
export async function inspect(realOut: string, entry: string): Promise<OnDisk> {
  const absolute = under(realOut, entry);
  const parent = await realpath(path.dirname(absolute)).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" || error.code === "ENOTDIR" ? undefined : Promise.reject(error)));
  if (parent !== undefined && !isInside(realOut, parent)) return { state: "foreign", reason: "its folder is a symbolic link that leads outside the output folder" };
  const info = await lstat(absolute).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" || error.code === "ENOTDIR" ? undefined : Promise.reject(error)));
  if (!info) return { state: "missing" };
  if (info.isSymbolicLink()) return { state: "foreign", reason: "it is a symbolic link" };
  if (info.isDirectory()) return { state: "foreign", reason: "it is a folder" };
  if (!info.isFile()) return { state: "foreign", reason: "it is not a regular file" };
  return { state: "file", mode: info.mode & 0o7777, size: info.size };
}

/** The real path of `target`, also when it does not exist yet: its nearest existing folder resolved, the rest appended. */
export async function realPathOf(target: string): Promise<string> {
  const absolute = path.resolve(target);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    const real = await realpath(at).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    if (path.dirname(at) === at) return absolute;
    rest.push(path.basename(at));
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENAMETOOLONG: "a name too long for the file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EXDEV: "it crosses into another file system (a mount point)",
  EBUSY: "busy (a mount point, or in use)",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder",
  ELOOP: "too many symbolic links",
  ENOENT: "no such file or folder",
  EEXIST: "already exists",
  EIO: "input/output error",
};

/**
 * A file system error the user can act on (permissions, space, names), as opposed to a bug. Duck-typed: an error
 * from node's fs may come from another realm (a vm context, as under jest), where `instanceof Error` is false.
 */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  const candidate = error as Partial<NodeJS.ErrnoException> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.code === "string" && typeof candidate.syscall === "string";
}

export function fsReason(error: NodeJS.ErrnoException): string {
  return `${REASONS[error.code ?? ""] ?? error.message} (${error.code})`;
}
