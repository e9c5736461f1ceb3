import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic, type SourceText } from "../types/index.js";
import { decodeBytes } from "./decode.js";
import { reason, walkFolder, type FoundFile } from "./walk.js";
import { compareStrings } from "../order.js";

/** How a path is shown in diagnostics: relative to the working directory when inside it, posix separators. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join("/");
}

/** A path or argument as a POSIX shell reads it back: as it is when it holds nothing special, else single-quoted (`'$metadata'`). */
export const shellWord = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);

/** The input that means standard input (`--csdl -`), and how its text is named in diagnostics. */
export const STDIN = "-";
export const STDIN_LABEL = "<stdin>";

export interface ReadOptions {
  /** Which files a folder contributes. Default: Markdown pages. */
  extensions?: readonly string[];
  /** Files larger than this are not read at all (a diagnostic says so), so a huge file cannot exhaust memory. */
  maxBytes?: number;
  /** What the files are, whatever they are called: `--csdl $metadata` is metadata. Default: Markdown. */
  kind?: "markdown" | "csdl";
  /** Standard input, for `-` (the CLI's process.stdin; tests pass their own). */
  stdin?: AsyncIterable<Uint8Array>;
}

/**
 * The read stage (an I/O edge): the files named by `inputs` (files, folders searched recursively, `-` for
 * standard input), in a stable order, each read once, decoded (byte order marks, XML encodings) and tagged with
 * its kind. A named input that cannot be read is GT0001 (the run cannot be trusted); what goes wrong inside a
 * folder is named exactly and the rest is read.
 */
export async function readSources(inputs: readonly string[], cwd: string, options: ReadOptions = {}): Promise<{ sources: SourceText[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const kind = options.kind ?? "markdown";
  const extensions = options.extensions ?? [".md"];
  const shown = (file: string): string => displayPath(file, cwd);
  const found = new Map<string, FoundFile>();
  const add = (file: FoundFile): void => {
    if (!found.has(file.real)) found.set(file.real, file);
  };
  const sources: SourceText[] = [];
  let otherMarkdown = 0;
  for (const input of inputs) {
    if (input === STDIN) {
      const read = await readStdin(options.stdin ?? process.stdin, options.maxBytes);
      if ("bytes" in read) sources.push(decoded(read.bytes, STDIN_LABEL, kind, diagnostics));
      else diagnostics.push(diagnostic("input-too-large", `standard input is over the limit of ${options.maxBytes} bytes; not read`, { file: STDIN_LABEL, line: 1, column: 1 }));
      continue;
    }
    const absolute = path.resolve(cwd, input);
    try {
      const info = await stat(absolute);
      // A pipe named by its /dev path (`cat x | graph-typegen --csdl /dev/stdin`) resolves to no file ("pipe:[n]"):
      // it is its own identity.
      if (!info.isDirectory()) add({ file: absolute, real: info.isFile() ? await realpath(absolute) : await realpath(absolute).catch(() => absolute), named: true });
      else {
        const walk = await walkFolder(absolute, extensions, shown);
        walk.files.forEach(add);
        diagnostics.push(...walk.diagnostics);
        otherMarkdown += walk.otherMarkdown;
      }
    } catch (error) {
      diagnostics.push(diagnostic("unreadable-input", `cannot read input ${input}: ${reason(error)}`, { file: shown(absolute), line: 1, column: 1 }));
    }
  }
  const sorted = [...found.values()].sort((a, b) => compareStrings(a.file, b.file));
  const read = async ({ file, named }: FoundFile): Promise<SourceText | Diagnostic> => {
    const name = shown(file);
    try {
      // A pipe or a device may block (a FIFO with no writer blocks in open itself): it is read through the thread
      // pool, so that Ctrl-C still reaches --watch's handler.
      const bytes = statSync(file).isFile() ? readBounded(file, options.maxBytes) : await readBoundedAsync(file, options.maxBytes);
      if ("tooLarge" in bytes) return tooLargeDiagnostic(name, bytes, options.maxBytes);
      return decoded(bytes, name, kind, diagnostics);
    } catch (error) {
      // A file the user named is the run's input, not one page among many: without it the run cannot be trusted.
      const kind = named ? "unreadable-input" : "input-skipped";
      return diagnostic(kind, `cannot read ${name}: ${reason(error)}${named ? "" : "; left out"}`, { file: name, line: 1, column: 1 });
    }
  };
  for (const found of sorted) {
    const result = await read(found);
    if ("text" in result) sources.push(result);
    else diagnostics.push(result);
  }
  if (!sources.length && !diagnostics.length) {
    const hint = otherMarkdown ? ` (${otherMarkdown === 1 ? "one file is" : `${otherMarkdown} files are`} Markdown under another extension, such as .markdown: rename ${otherMarkdown === 1 ? "it" : "them"} to .md, or name ${otherMarkdown === 1 ? "it" : "each"} as an input)` : "";
    diagnostics.push(diagnostic("no-input", `no ${extensions.join(" or ")} files found in ${inputs.join(", ")}${hint}`));
  }
  return { sources, diagnostics };
}

function decoded(bytes: Uint8Array, file: string, kind: "markdown" | "csdl", diagnostics: Diagnostic[]): SourceText {
  const { text, diagnostics: problems } = decodeBytes(bytes, file, kind === "csdl");
  diagnostics.push(...problems);
  return { path: file, text, kind };
}

/** A file over the size limit: its size when a regular file's stat gave it, else none (it was read past the limit). */
type TooLarge = { tooLarge: true; size?: number };

function tooLargeDiagnostic(name: string, { size }: TooLarge, maxBytes: number | undefined): Diagnostic {
  // A pipe, a device or a growing file has no size to name: only that it passed the limit.
  const bytes = size === undefined ? `more than ${maxBytes}` : `${size}`;
  return diagnostic("input-too-large", `${name} is ${bytes} bytes, over the limit of ${maxBytes}; not read`, { file: name, line: 1, column: 1 });
}

/**
 * A file's bytes, or TooLarge when it is larger than `maxBytes`. The size is checked before reading and again
 * while reading, so a file that is not a regular one (`/dev/stdin`, a pipe) cannot exhaust memory either. Synchronous, as tsc and ESLint read sources: a page is an open, a stat, two reads and a
 * close of a few microseconds each, where the promise API's round trips to the thread pool made reading the 1,239
 * v1.0 pages take 230 to 270 ms of a re-run, against 13 to 19 ms.
 */
function readBounded(file: string, maxBytes = Infinity): Uint8Array | TooLarge {
  const fd = openSync(file, "r");
  try {
    const info = fstatSync(fd);
    if (info.isFile() && info.size > maxBytes) return { tooLarge: true, size: info.size };
    // A regular file's size and one byte more, so the second read sees the end (or that the file grew).
    let buffer = Buffer.allocUnsafe(info.isFile() ? info.size + 1 : 1 << 16);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        // A file that grew: at most one byte past the limit, which is enough to refuse it.
        const grown = Buffer.allocUnsafe(Math.min(Math.max(2 * buffer.length, 1 << 16), maxBytes + 1));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (!bytesRead) break;
      total += bytesRead;
      if (total > maxBytes) return { tooLarge: true };
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** readBounded through the promise API, 64 KiB at a time: for what is not a regular file. */
async function readBoundedAsync(file: string, maxBytes = Infinity): Promise<Uint8Array | TooLarge> {
  const handle = await open(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(1 << 16), 0, 1 << 16, null);
      if (!bytesRead) break;
      total += bytesRead;
      if (total > maxBytes) return { tooLarge: true };
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

async function readStdin(stdin: AsyncIterable<Uint8Array>, maxBytes = Infinity): Promise<{ bytes: Uint8Array } | { tooLarge: true }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.length;
    if (total > maxBytes) return { tooLarge: true };
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks) };
}
