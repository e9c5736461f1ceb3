import { readFile } from "node:fs/promises";
import path from "node:path";
import type { GeneratedFile } from "../types/index.js";
import { MANIFEST_FILE, manifestText, readManifest } from "./manifest.js";

export interface CheckResult {
  /** Generated files whose committed copy differs. */
  stale: string[];
  /** Generated files with no committed copy. */
  missing: string[];
  /** Files the previous run wrote that this run would delete. */
  extra: string[];
}

export function isCurrent(result: CheckResult): boolean {
  return !result.stale.length && !result.missing.length && !result.extra.length;
}

/** `--check`: compares what would be written with what is in `outDir`, writing nothing. */
export async function checkOutput(outDir: string, files: readonly GeneratedFile[]): Promise<CheckResult> {
  const result: CheckResult = { stale: [], missing: [], extra: [] };
  const withManifest = [...files, { path: MANIFEST_FILE, text: manifestText(files.map((f) => f.path)) }];
  for (const file of withManifest) {
    const current = await readFile(path.join(outDir, ...file.path.split("/")), "utf8").catch(() => undefined);
    if (current === undefined) result.missing.push(file.path);
    else if (current !== file.text) result.stale.push(file.path);
  }
  const generated = new Set(files.map((f) => f.path));
  result.extra = (await readManifest(outDir)).filter((f) => !generated.has(f));
  return result;
}
