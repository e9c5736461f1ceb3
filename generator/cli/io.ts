import type { ProgressStream } from "./progress.js";

/** Exit codes: the contract with build scripts and CI. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where the CLI writes and what it resolves paths against: the process's, or a test's. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Where a progress line may be drawn (the process's stderr); absent in tests, so nothing is drawn there. */
  progress?: ProgressStream;
}
