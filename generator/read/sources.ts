import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic, type SourceText } from "../types/index.js";

/** How a path is shown in diagnostics: relative to the working directory when inside it, posix separators. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join("/");
}

async function filesUnder(directory: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const READS_IN_FLIGHT = 32;

export interface ReadOptions {
  /** Which files a folder contributes. Default: Markdown pages. */
  extensions?: readonly string[];
  /** Files larger than this are not read at all (a diagnostic says so), so a huge file cannot exhaust memory. */
  maxBytes?: number;
}

/**
 * The read stage (an I/O edge): the Markdown files named by `inputs` (files, or folders searched recursively),
 * in a stable order. What cannot be read is a diagnostic; the caller decides whether the run can go on.
 */
export async function readSources(inputs: readonly string[], cwd: string, options: ReadOptions = {}): Promise<{ sources: SourceText[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files = new Set<string>();
  const extensions = options.extensions ?? [".md"];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) for (const file of await filesUnder(absolute, extensions)) files.add(file);
      else files.add(absolute);
    } catch (error) {
      diagnostics.push(diagnostic("unreadable-input", `cannot read input ${input}: ${reason(error)}`, { file: displayPath(absolute, cwd), line: 1, column: 1 }));
    }
  }
  const sorted = [...files].sort();
  const sources: SourceText[] = [];
  // A few dozen reads in flight at a time: one after another, a docs folder waits on 2,500 round trips to the
  // thread pool (a fifth of a re-run); all at once, a huge folder would hold every file open.
  const read = async (file: string): Promise<SourceText | Diagnostic> => {
    const shown = displayPath(file, cwd);
    try {
      const { size } = await stat(file);
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        return diagnostic("input-too-large", `${shown} is ${size} bytes, over the limit of ${options.maxBytes}; not read`, { file: shown, line: 1, column: 1 });
      }
      return { path: shown, text: await readFile(file, "utf8") };
    } catch (error) {
      return diagnostic("unreadable-input", `cannot read ${shown}: ${reason(error)}`, { file: shown, line: 1, column: 1 });
    }
  };
  for (let start = 0; start < sorted.length; start += READS_IN_FLIGHT) {
    for (const result of await Promise.all(sorted.slice(start, start + READS_IN_FLIGHT).map(read))) {
      if ("text" in result) sources.push(result);
      else diagnostics.push(result);
    }
  }
  if (!sources.length && !diagnostics.length) {
    diagnostics.push(diagnostic("no-input", `no ${extensions.join(" or ")} files found in ${inputs.join(", ")}`));
  }
  return { sources, diagnostics };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
