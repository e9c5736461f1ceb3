import { readFile } from "node:fs/promises";
import path from "node:path";
import { jsonErrorOffset } from "../config/json.js";
import { diagnostic, lineAndColumnAt, type Diagnostic } from "../types/index.js";
import { MANIFEST_FILE, MARKER, isConfinedPath, unconfined } from "./paths.js";

/** Lists the files the last run wrote, so a later run deletes only those and never a user's own file. */
export { MANIFEST_FILE } from "./paths.js";

export interface Manifest {
  generator: "graph-typegen";
  files: string[];
}

export function manifestText(files: readonly string[]): string {
  const manifest: Manifest = { generator: MARKER, files: [...files].sort() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Only TypeScript and JavaScript modules (`emit: "js"`) are ever generated: an entry naming anything else was not written by graph-typegen. */
const GENERATED_NAME = /\.(ts|js)$/;

export type ManifestRead =
  /** No manifest: nothing in the folder is ours yet. */
  | { state: "none" }
  /** A file with the manifest's name that graph-typegen cannot read as its own (not JSON, no marker): why, and where. */
  | { state: "foreign"; reason: string; at: { line: number; column: number } }
  /** `files`: the entries that stay inside the folder; `rejected`: a diagnostic for each one that does not. */
  | { state: "ours"; files: string[]; rejected: Diagnostic[] };

/**
 * The previous run's file list. The manifest may have been edited (it is committed, and a pull request can change
 * it), so an entry that is absolute, has `..`, or names a file graph-typegen never writes is rejected with a
 * diagnostic pointing at its line, and is never read or deleted. Symbolic links are refused where entries are used.
 */
export async function readManifest(realOut: string, shownOut: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path.join(realOut, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "none" };
    if ((error as NodeJS.ErrnoException).code === "EISDIR") return { state: "foreign", reason: "it is a folder", at: { line: 1, column: 1 } };
    throw error;
  }
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    return { state: "foreign", ...notJson(text, error as Error) };
  }
  if (parsed?.generator !== MARKER || !Array.isArray(parsed.files)) {
    return { state: "foreign", reason: `it is JSON, but not a list of files with "generator": "${MARKER}"`, at: { line: 1, column: 1 } };
  }
  const files: string[] = [];
  const rejected: Diagnostic[] = [];
  const shownManifest = `${shownOut}/${MANIFEST_FILE}`;
  for (const entry of parsed.files as unknown[]) {
    if (isConfinedPath(entry) && (GENERATED_NAME.test(entry) || entry === MANIFEST_FILE)) {
      if (entry !== MANIFEST_FILE) files.push(entry);
      continue;
    }
    const why = unconfined(entry) ?? "a file graph-typegen never writes";
    const at = lineOf(text, JSON.stringify(entry) ?? String(entry));
    rejected.push(diagnostic("output-path-outside", `the manifest lists ${describe(entry)}, ${why}; ignored: never read, never deleted`, { file: shownManifest, ...at }));
  }
  return { state: "ours", files, rejected };
}

/** The entry as JSON, shortened: it comes from a file anyone may have edited, and goes to a CI log. */
function describe(entry: unknown): string {
  const text = JSON.stringify(entry) ?? typeof entry;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function lineOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  return at < 0 ? { line: 1, column: 1 } : lineAndColumnAt(text, at);
}

/**
 * Why the text is not JSON and where: a merge conflict named as one, else the first syntax error as the config
 * reader finds it (JSON.parse's message carries no position on Node 20).
 */
function notJson(text: string, error: Error): { reason: string; at: { line: number; column: number } } {
  const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
  if (conflict) return { reason: "it holds merge conflict markers", at: lineAndColumnAt(text, conflict.index) };
  if (!text.trim()) return { reason: "it is empty", at: { line: 1, column: 1 } };
  return { reason: `it is not valid JSON (${error.message.split("\n")[0]})`, at: lineAndColumnAt(text, jsonErrorOffset(text)) };
}
