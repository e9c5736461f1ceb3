import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Templates } from "../emit/index.js";

/** The package's own templates/ folder: two levels up from this file, in the sources and in dist/ alike. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

export async function readTemplates(directory: string = DEFAULT_TEMPLATES_DIR): Promise<Templates> {
  const [banner, runtime] = await Promise.all([
    readFile(path.join(directory, "banner.txt"), "utf8"),
    readFile(path.join(directory, "runtime.ts"), "utf8"),
  ]);
  return { banner, runtime };
}
