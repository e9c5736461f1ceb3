import { format } from "prettier";
import type { GeneratedFile } from "../types/index.js";

/**
 * Fixed options, never a user's prettier config: the output must be byte-identical wherever it is generated.
 * The babel-ts parser prints our output byte-for-byte like the typescript parser (checked on the whole v1.0 and
 * beta corpus output) and parses it about 40% faster; the format stage is the slowest one on large models.
 */
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

/** The format stage: every generated file through prettier. */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.path, text: await format(file.text, PRETTIER_OPTIONS) })));
}
