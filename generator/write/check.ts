import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic, type GeneratedFile } from "../types/index.js";
import { MANIFEST_FILE, manifestText, readManifest } from "./manifest.js";
import { fsReason, inspect, isFsError, isInside, under } from "./paths.js";
import { compareStrings } from "../order.js";

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

type Read = { text: string } | { missing: true } | { refused: Diagnostic };

/**
 * Reads a file of the output folder only if it is a regular file reached without leaving the folder: a path from
 * the manifest (which a pull request can edit) or a symbolic link in the committed folder never makes `--check`
 * read, and print into a CI log, a file that is not ours.
 */
async function readConfined(realOut: string | undefined, entry: string, shownOut: string): Promise<Read> {
  if (realOut === undefined) return { missing: true };
  const disk = await inspect(realOut, entry);
  if (disk.state === "missing") return { missing: true };
  if (disk.state === "foreign") {
    const file = `${shownOut}/${entry}`;
    return { refused: diagnostic("output-path-outside", `${file} was not read: ${disk.reason}, not a file graph-typegen writes`, { file, line: 1, column: 1 }) };
  }
  return { text: await readFile(under(realOut, entry), "utf8") };
}

/**
 * `--check`: compares what would be written with what is in `outDir`, writing nothing. A folder it cannot read (a
 * file where the folder goes, a file or folder without read permission) is the same exit 2 as a write that cannot
 * be made, not an internal error.
 */
export async function checkOutput(outDir: string, files: readonly GeneratedFile[], shownOut: string = outDir): Promise<{ check: CheckResult; diagnostics: Diagnostic[] }> {
  const empty: CheckResult = { stale: [], missing: [], extra: [], changes: [] };
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) return { check: empty, diagnostics: [diagnostic("unsafe-output", `cannot check ${shownOut}: it is a file, not a folder`, { file: shownOut, line: 1, column: 1 })] };
  try {
    return await compare(outDir, files, shownOut);
  } catch (error) {
    if (!isFsError(error)) throw error;
    // Paths inside the folder are shown under its name as given (it may be reached through a link).
    const real = await realpath(outDir).catch(() => path.resolve(outDir));
    const failed = error.path ? path.resolve(error.path) : real;
    const where = failed === real ? shownOut : isInside(real, failed) ? `${shownOut}/${path.relative(real, failed).split(path.sep).join("/")}` : failed;
    const message = `cannot read ${where} to compare it: ${fsReason(error)}; nothing was checked`;
    return { check: empty, diagnostics: [diagnostic("unwritable-output", message, { file: where, line: 1, column: 1 })] };
  }
}

/**
 * Stale files that differ only in CRLF line endings: what git's core.autocrlf makes of LF files on a Windows
 * checkout. The diff shows identical lines, so say what differs and how to keep checkouts byte for byte.
 */
function lineEndings(paths: readonly string[], stale: number, shownOut: string): Diagnostic {
  const which = paths.length === stale ? (stale === 1 ? "the stale file differs" : `all ${stale} stale files differ`) : `${paths.length} of the ${stale} stale files ${paths.length === 1 ? "differs" : "differ"}`;
  const message = `${which} from what generate writes only in their line endings (CRLF where it writes LF), as git's core.autocrlf checks files out on Windows: add "${shownOut}/** text eol=lf" to .gitattributes so that every checkout has the bytes generate writes`;
  return diagnostic("line-endings-differ", message, { file: `${shownOut}/${paths[0]}`, line: 1, column: 1 });
}

async function compare(outDir: string, files: readonly GeneratedFile[], shownOut: string): Promise<{ check: CheckResult; diagnostics: Diagnostic[] }> {
  const result: CheckResult = { stale: [], missing: [], extra: [], changes: [] };
  const diagnostics: Diagnostic[] = [];
  const realOut = await realpath(outDir).catch(() => undefined);
  const withManifest = [...files, { path: MANIFEST_FILE, text: manifestText(files.map((f) => f.path)) }];
  for (const file of withManifest) {
    const current = await readConfined(realOut, file.path, shownOut);
    if ("refused" in current) {
      diagnostics.push(current.refused);
      result.stale.push(file.path); // its text is not shown: the diff would print what the link points at
    } else if ("missing" in current) {
      result.missing.push(file.path);
      result.changes.push({ path: file.path, before: null, after: file.text });
    } else if (current.text !== file.text) {
      result.stale.push(file.path);
      result.changes.push({ path: file.path, before: current.text, after: file.text });
    }
  }
  const manifest = realOut === undefined ? ({ state: "none" } as const) : await readManifest(realOut, shownOut);
  if (manifest.state === "ours") diagnostics.push(...manifest.rejected);
  const generated = new Set(files.map((f) => f.path));
  for (const entry of manifest.state === "ours" ? manifest.files.filter((f) => !generated.has(f)) : []) {
    const current = await readConfined(realOut, entry, shownOut);
    if ("refused" in current) diagnostics.push(current.refused);
    // A listed file already gone from the folder has nothing to delete or diff.
    if (!("text" in current)) continue;
    result.extra.push(entry);
    result.changes.push({ path: entry, before: current.text, after: null });
  }
  result.changes.sort((a, b) => compareStrings(a.path, b.path));
  const crlf = result.changes.filter((c) => c.before !== null && c.after !== null && c.before !== c.after && c.before.replace(/\r\n/g, "\n") === c.after);
  if (crlf.length) diagnostics.push(lineEndings(crlf.map((c) => c.path), result.stale.length, shownOut));
  return { check: result, diagnostics };
}
