import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ProgressStream } from "../../generator/cli/progress.js";
import { watch, type WatchOptions, type WatchRun } from "../../generator/cli/watch/watch.js";
import { resourcePage } from "../helpers.js";

/** What a test waits for at most, well under each test's own timeout, so a miss fails with a message that says what. */
export const WAIT_MS = 20_000;

/** A page of type `b` in namespace contoso with one property of that name (String unless said). */
export const page = (property: string, type = "String"): string => resourcePage({ name: "b", namespace: "contoso", properties: [`|${property}|${type}|The ${property}.|`] });
export const brokenPage = (property: string): string => page(property).replace('"blockType": "resource",', '"blockType": "resource"');

/** The three ways editors save: write the file in place, rename a temp file over it, delete it and create it. */
export const SAVES: Record<string, (file: string, text: string) => Promise<void>> = {
  "in place": (file, text) => writeFile(file, text),
  "rename over": async (file, text) => {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.swp`);
    await writeFile(temp, text);
    await rename(temp, file);
  },
  "delete and create": async (file, text) => {
    await rm(file);
    await writeFile(file, text);
  },
};

/** Runs and idle checks as they are reported, and ways to wait for them (events, never sleeps). */
export function recorder() {
  const runs: WatchRun[] = [];
  let idles = 0;
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((check) => check());
  const waitFor = <T>(probe: () => T | undefined, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`${what}: not within ${WAIT_MS} ms (runs: ${runs.map((r) => r.line).join(" | ")})`))), WAIT_MS);
      const check = (): void => {
        const found = probe();
        if (found === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      waiters.add(check);
      check();
    });
  return {
    runs,
    hooks: { onRun: (run: WatchRun) => (runs.push(run), notify()), onIdle: () => (idles++, notify()) },
    /** Run number `n`. */
    until: (n: number) => waitFor(() => runs[n - 1], `run #${n}`),
    /** The first run after those seen so far that satisfies `accept`. */
    next: (accept: (run: WatchRun) => boolean, what: string) => {
      const from = runs.length;
      return waitFor(() => runs.slice(from).find(accept), what);
    },
    /** The next batch of events that changed nothing. */
    idle: () => {
      const from = idles;
      return waitFor(() => (idles > from ? true : undefined), "a batch that changed nothing");
    },
  };
}

/** A watch in `cwd`, printing into strings, stopped by `stop()` (which returns its exit code). */
/** Watches a test started: stopped after it even when it fails, or jest would wait on them for ever. */
const running = new Set<() => Promise<number>>();

export async function stopWatches(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
  running.clear();
}

export function startWatch(cwd: string, options: WatchOptions, progress?: ProgressStream) {
  const printed = { stdout: "", stderr: "" };
  const io = { stdout: (t: string) => (printed.stdout += t), stderr: (t: string) => (printed.stderr += t), cwd, ...(progress ? { progress } : {}) };
  const recording = recorder();
  const controller = new AbortController();
  const stopped = watch({ debounceMs: 50, pollMs: 100, ...options }, io, { ...recording.hooks, signal: controller.signal });
  const stop = (): Promise<number> => (controller.abort(), stopped);
  running.add(stop);
  return { ...recording, printed, stop };
}

export const hasText = (run: WatchRun, text: string): boolean => run.written && !!run.result?.files.some((f) => f.text.includes(text));
