import { readFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../types/index.js";
import { MANIFEST_FILE, manifestText, readManifest } from "./manifest.js";

/** One file that differs: its committed text (`null`: none) and what generate would write (`null`: it would delete it). */
export interface CheckChange {
  /** Path relative to the output folder, as in `stale`, `missing` and `extra`. */
  path: string;
  before: string | null;
  after: string | null;
}

export interface CheckResult {
  /** Generated files whose committed copy differs. */
  stale: string[];
  /** Generated files with no committed copy. */
  missing: string[];
  /** Files the previous run wrote that this run would delete. */
  extra: string[];
  /** The old and new texts of every stale, missing and extra file, sorted by path: what `--check` diffs. */
  changes: CheckChange[];
}

export function isCurrent(result: Pick<CheckResult, "stale" | "missing" | "extra">): boolean {
  return !result.stale.length && !result.missing.length && !result.extra.length;
}

const readText = (outDir: string, file: string): Promise<string | undefined> => readFile(path.join(outDir, ...file.split("/")), "utf8").catch(() => undefined);

/** `--check`: compares what would be written with what is in `outDir`, writing nothing. */
export async function checkOutput(outDir: string, files: readonly GeneratedFile[]): Promise<CheckResult> {
  const result: CheckResult = { stale: [], missing: [], extra: [], changes: [] };
  const withManifest = [...files, { path: MANIFEST_FILE, text: manifestText(files.map((f) => f.path)) }];
  for (const file of withManifest) {
    const current = await readText(outDir, file.path);
    if (current === undefined) result.missing.push(file.path);
    else if (current !== file.text) result.stale.push(file.path);
    if (current !== file.text) result.changes.push({ path: file.path, before: current ?? null, after: file.text });
  }
  const generated = new Set(files.map((f) => f.path));
  result.extra = (await readManifest(outDir)).filter((f) => !generated.has(f));
  for (const file of result.extra) {
    const current = await readText(outDir, file);
    // A listed file already gone from the folder has nothing to diff.
    if (current !== undefined) result.changes.push({ path: file, before: current, after: null });
  }
  result.changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}
