import type { Dirent, Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diagnostic, type Diagnostic } from "../types/index.js";

/** A file found under an input folder: the path it was found at, and what it really is (for reading it once). */
export interface FoundFile {
  file: string;
  real: string;
  /** Named as an input itself, not found in a folder. */
  named?: boolean;
}

export interface Walk {
  files: FoundFile[];
  diagnostics: Diagnostic[];
  /** How many regular files were named as Markdown under another extension (`.markdown`): not read, but worth a hint. */
  otherMarkdown: number;
}

/** Other names editors and generators give Markdown files: when a folder holds only these, the "no .md files" says so. */
const OTHER_MARKDOWN = /\.(markdown|mdown|mkdn?|mdwn)$/i;

/**
 * Every file under `root` whose name ends in one of `extensions`, without recursion. The folder's own tree is
 * walked first; then its symbolic links are followed if they stay inside the root. A link inside the root can only
 * lead to what the walk read already (a folder: a loop or a second path; a page: a second name), so it is reported
 * and read once, unless it names a page the walk skipped (`page.md` linking `page.txt`). A link that leads out of
 * the root, or is broken, is reported and not followed. A folder or file that cannot be read is named exactly,
 * and the rest is still read.
 */
export async function walkFolder(root: string, extensions: readonly string[], shown: (file: string) => string): Promise<Walk> {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let otherMarkdown = 0;
  const at = (file: string) => ({ file: shown(file), line: 1, column: 1 });
  const wanted = (name: string): boolean => extensions.some((ext) => name.toLowerCase().endsWith(ext));
  const realRoot = await realpath(root);
  const inside = (real: string): boolean => real === realRoot || real.startsWith(realRoot + path.sep);
  // Real paths of what the walk read, relative to the real root (the root itself may be reached through a link).
  const seen = new Map<string, string>();
  const links: string[] = [];
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    seen.set(path.join(realRoot, path.relative(root, folder)), folder);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(diagnostic("input-skipped", `cannot read the folder ${shown(folder)}: ${reason(error)}; the pages in it are left out`, at(folder)));
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isSymbolicLink()) links.push(full);
      else if (entry.isFile() && !wanted(entry.name) && extensions.includes(".md") && OTHER_MARKDOWN.test(entry.name)) otherMarkdown++;
      else if (entry.isFile() && wanted(entry.name)) {
        files.push({ file: full, real: full });
        seen.set(path.join(realRoot, path.relative(root, full)), full);
      } else if (wanted(entry.name)) diagnostics.push(notAFile(shown(full), entry, at(full)));
    }
  }
  for (const link of links.sort()) {
    const target = await followLink(link);
    if ("error" in target) {
      if (wanted(link) || target.error !== "ENOENT") diagnostics.push(diagnostic("input-skipped", `the symbolic link ${shown(link)} ${target.message}; not read`, at(link)));
      continue;
    }
    const { real, info } = target;
    if (!info.isFile() && !info.isDirectory()) {
      if (wanted(link)) diagnostics.push(notAFile(`the symbolic link ${shown(link)} leads to ${real}, which`, info, at(link)));
      continue;
    }
    if (info.isFile() && !wanted(link)) continue;
    const already = seen.get(real);
    if (!inside(real)) {
      diagnostics.push(diagnostic("symlink-outside-input", `the symbolic link ${shown(link)} leads out of the input folder ${shown(root)} (to ${real}); not followed`, at(link)));
    } else if (already !== undefined) {
      const what = info.isDirectory() ? "folder" : "page";
      diagnostics.push(diagnostic("symlink-duplicate", `the symbolic link ${shown(link)} leads to the ${what} ${shown(already)}, which is read already; not read twice`, at(link)));
    } else if (info.isFile()) {
      files.push({ file: link, real: real });
      seen.set(real, link);
    }
  }
  return { files, diagnostics, otherMarkdown };
}

type Target = { real: string; info: Stats } | { error: string; message: string };

/**
 * A page name (`*.md`) that is a pipe, a socket or a device: never read from a folder (a pipe with no writer blocks,
 * a device has no end), and never skipped in silence either.
 */
function notAFile(subject: string, kind: Dirent | Stats, where: Diagnostic["at"]): Diagnostic {
  const what = kind.isFIFO() ? "a named pipe" : kind.isSocket() ? "a socket" : kind.isCharacterDevice() || kind.isBlockDevice() ? "a device" : "neither a file nor a folder";
  return diagnostic("input-skipped", `${subject} is ${what}: pages in a folder are read from regular files only; not read (name it as an input to read it)`, where);
}

async function followLink(link: string): Promise<Target> {
  try {
    const real = await realpath(link);
    return { real, info: await stat(real) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const message = code === "ENOENT" ? "is broken (its target does not exist)" : code === "ELOOP" ? "is a loop of links" : `cannot be followed: ${reason(error)}`;
    return { error: code, message };
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return error instanceof Error ? error.message : String(error);
}
