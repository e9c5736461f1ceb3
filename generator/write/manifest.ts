import { readFile } from "node:fs/promises";
import path from "node:path";

/** Lists the files the last run wrote, so a later run deletes only those and never a user's own file. */
export const MANIFEST_FILE = ".graph-typegen-manifest.json";

export interface Manifest {
  generator: "graph-typegen";
  files: string[];
}

export function manifestText(files: readonly string[]): string {
  const manifest: Manifest = { generator: "graph-typegen", files: [...files].sort() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The previous run's file list; empty when there is none or it is not ours. */
export async function readManifest(outDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    return parsed.generator === "graph-typegen" && Array.isArray(parsed.files) ? parsed.files.filter((f) => typeof f === "string") : [];
  } catch {
    return [];
  }
}
