import type { Progress } from "../pipeline.js";

/** Where progress is drawn: the process's stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const LABELS: Record<Progress["stage"], string> = { read: "reading pages", model: "building the model", emit: "emitting", format: "formatting", compile: "compiling to .js and .d.ts" };

/**
 * A one-line progress display for long runs, redrawn in place on a terminal; nothing at all in CI or when stderr
 * is piped, where a stream of carriage returns would only clutter logs. Redraws at most every 100 ms (and at each
 * stage change), so drawing costs nothing measurable. `finish()` clears the line before the report is printed.
 */
export function progressDisplay(stream: ProgressStream, env: NodeJS.ProcessEnv, now: () => number = Date.now): { onProgress: (p: Progress) => void; finish: () => void } | undefined {
  if (!stream.isTTY || env.CI) return undefined;
  let last = -Infinity;
  let lastStage: Progress["stage"] | undefined;
  let drawn = false;
  const onProgress = (progress: Progress): void => {
    const time = now();
    if (progress.stage === lastStage && time - last < 100) return;
    last = time;
    lastStage = progress.stage;
    const width = 24;
    const filled = progress.total ? Math.round((progress.done / progress.total) * width) : width;
    const counts = progress.stage === "read" ? ` ${progress.done}/${progress.total}` : "";
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${LABELS[progress.stage]}${counts}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 80) - 1)}`);
    drawn = true;
  };
  const finish = (): void => {
    if (drawn) stream.write("\r\x1b[K");
  };
  return { onProgress, finish };
}
