import { stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../../read/sources.js";
import type { Io } from "../io.js";
import type { WatchTarget } from "./watcher.js";

const DOC_EXTENSIONS = [".md"];
const CSDL_EXTENSIONS = [".xml", ".edmx", ".csdl"];

/** What a templates folder holds that a run reads (banner.txt, runtime.ts). */
const TEMPLATE_EXTENSIONS = [".txt", ".ts"];

/**
 * The inputs as folders and files to watch, and a `--templates` folder (an edit of the banner or the runtime is a
 * run, as a page's is); one that is not there now cannot be watched (said on stderr).
 */
export async function watchTargets(inputs: readonly string[], csdl: readonly string[], templates: string | undefined, cwd: string, io: Io): Promise<WatchTarget[]> {
  const targets: WatchTarget[] = [];
  const named = [
    ...inputs.map((p) => ({ p, extensions: DOC_EXTENSIONS })),
    ...csdl.map((p) => ({ p, extensions: CSDL_EXTENSIONS })),
    ...(templates ? [{ p: templates, extensions: TEMPLATE_EXTENSIONS }] : []),
  ];
  for (const { p, extensions } of named) {
    const absolute = path.resolve(cwd, p);
    try {
      targets.push({ path: absolute, folder: (await stat(absolute)).isDirectory(), extensions });
    } catch (error) {
      io.stderr(`[watch] cannot watch ${displayPath(absolute, cwd)}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  return targets;
}

