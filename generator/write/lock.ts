import { readFileSync } from "node:fs";
import { open, readFile, stat, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LOCK_BREAK_FILE, LOCK_FILE, MARKER } from "./paths.js";

/** What a lock file says: who holds it. `start` (Linux) tells a live process from a new one that reused the pid. */
export interface LockHolder {
  generator: typeof MARKER;
  lock: 1;
  pid: number;
  id: string;
  host: string;
  started: string;
  start?: string;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const POLL_MS = 50;
/** A lock file not yet readable this long after it was made is not one a run is writing: it is not ours. */
const WRITING_GRACE_MS = 5_000;

/** A process's start time in clock ticks since boot, from /proc (Linux); undefined elsewhere or when it is gone. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A holder that is no longer running: its pid is gone, or is now a process started at another time. */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false; // a run on another machine (a shared folder): we cannot tell
  if (!isAlive(holder.pid)) return true;
  const start = processStart(holder.pid);
  return holder.start !== undefined && start !== undefined && start !== holder.start;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return value?.generator === MARKER && value.lock === 1 && Number.isSafeInteger(value.pid) && typeof value.id === "string" ? (value as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `file` only if it does not exist (O_EXCL), with `text`; false when it exists. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return true;
}

const readIfThere = (file: string): Promise<string | undefined> =>
  readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : Promise.reject(error)));

export type LockResult =
  | { held: true; release: () => Promise<void> }
  /** `holder`: the run holding it when we gave up; absent when the lock file is not one graph-typegen wrote. */
  | { held: false; holder?: LockHolder; file: string };

/**
 * Serialises runs into one output folder: `.graph-typegen.lock` is created with O_EXCL and holds the holder's pid
 * and start time. A second run polls until the lock is free or `timeoutMs` has passed; a lock whose process is
 * gone is taken over. Within one process (two `generate()` calls at once) the lock serialises too.
 */
export async function acquireLock(realOut: string, id: string, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS): Promise<LockResult> {
  const file = path.join(realOut, LOCK_FILE);
  const mine: LockHolder = { generator: MARKER, lock: 1, pid: process.pid, id, host: os.hostname(), started: new Date().toISOString(), ...startField() };
  const text = `${JSON.stringify(mine)}\n`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await createExclusive(file, text)) return { held: true, release: () => releaseLock(file, id) };
    const current = await readIfThere(file);
    if (current === undefined) continue; // released between our create and our read
    const holder = parseHolder(current);
    if (holder && isStale(holder)) {
      await breakStaleLock(realOut, file, current);
      continue;
    }
    if (!holder && Date.now() - (await stat(file).then((s) => s.mtimeMs, () => Date.now())) > WRITING_GRACE_MS) return { held: false, file };
    if (Date.now() >= deadline) return { held: false, file, ...(holder ? { holder } : {}) };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS + Math.random() * POLL_MS));
  }
}

function startField(): { start?: string } {
  const start = processStart(process.pid);
  return start === undefined ? {} : { start };
}

async function releaseLock(file: string, id: string): Promise<void> {
  const current = await readIfThere(file);
  if (current !== undefined && parseHolder(current)?.id === id) await unlink(file).catch(() => undefined);
}

/**
 * Removes a lock left by a dead run. Two runs may find the same stale lock: without care, the slower would delete
 * the lock the faster has just taken. So a run breaks a lock only while holding `.graph-typegen.lock.break`
 * (O_EXCL too), and only if the lock's text is still the stale text it read.
 */
async function breakStaleLock(realOut: string, file: string, staleText: string): Promise<void> {
  const breaker = path.join(realOut, LOCK_BREAK_FILE);
  const mine = JSON.stringify({ generator: MARKER, lock: 1, pid: process.pid, id: `break-${process.pid}`, host: os.hostname(), started: new Date().toISOString(), ...startField() });
  if (!(await createExclusive(breaker, mine))) {
    const other = await readIfThere(breaker);
    const holder = other === undefined ? undefined : parseHolder(other);
    // A breaker killed in its few microseconds: its file has our marker and a dead pid.
    if (holder && isStale(holder) && (await readIfThere(breaker)) === other) await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    if ((await readIfThere(file)) === staleText) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}
