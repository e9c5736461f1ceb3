import { lstat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { displayPath } from "../read/sources.js";
import { diagnostic, type Diagnostic } from "../types/index.js";
import { MANIFEST_FILE, isInside, realPathOf } from "./paths.js";

export interface TargetContext {
  /** The working directory: neither it nor a folder holding it may be written to. */
  cwd: string;
  /** Input files and folders (docs, metadata, templates): neither they nor a folder holding one may be written to. */
  inputs: readonly string[];
  /** The user's home folder. Default: `os.homedir()`. */
  home?: string;
  /**
   * `--force`: an output folder that holds an input folder is allowed (`--out src` for docs in `src/docs`), since
   * only the files graph-typegen writes are ever touched there; the input folder itself never is.
   */
  force?: boolean;
}

/** Markers of a folder that belongs to a project or a repository rather than to generated output. */
const PROJECT_MARKERS = [".git", "package.json"];

/**
 * Refuses an output folder that graph-typegen must never write to, before anything is read or written: the file
 * system root, the home folder (or a folder holding it), the working directory (or a folder holding it), an input
 * folder (or a folder holding an input), and a folder with `.git` or `package.json` that is not already a
 * graph-typegen output (it has no manifest). `out` is the option as given: an empty string is refused too, as it
 * would mean the working directory. Paths are compared by their real paths, so a symbolic link does not hide one.
 */
export async function refuseTarget(out: string, context: TargetContext): Promise<Diagnostic | undefined> {
  if (out.trim() === "") return diagnostic("unsafe-output", "refusing to write: the output folder (--out) is an empty string, which would mean the working directory");
  const absolute = path.resolve(context.cwd, out);
  const shown = displayPath(absolute, context.cwd);
  const refuse = (why: string): Diagnostic => diagnostic("unsafe-output", `refusing to write to ${shown}: ${why}; choose an output folder of its own (such as types/)`);
  const real = await realPathOf(absolute);
  if (path.dirname(real) === real) return refuse("it is the root of the file system");
  const home = await realPathOf(context.home ?? os.homedir());
  if (isInside(real, home)) return refuse(real === home ? "it is your home folder" : "it holds your home folder");
  const cwd = await realPathOf(context.cwd);
  if (isInside(real, cwd)) return refuse(real === cwd ? "it is the working directory" : "it holds the working directory");
  for (const input of context.inputs) {
    const realInput = await realPathOf(path.resolve(context.cwd, input));
    if (real === realInput) return refuse("it is an input folder");
    if (isInside(real, realInput) && !context.force) return refuse(`it holds the input ${displayPath(path.resolve(context.cwd, input), context.cwd)} (--force allows that)`);
  }
  const present = async (name: string): Promise<boolean> => lstat(path.join(real, name)).then(() => true, () => false);
  if (!(await present(MANIFEST_FILE))) {
    for (const marker of PROJECT_MARKERS) {
      if (await present(marker)) return refuse(`it holds ${marker} and no ${MANIFEST_FILE}, so it is a project or repository, not a graph-typegen output folder`);
    }
  }
  return undefined;
}
