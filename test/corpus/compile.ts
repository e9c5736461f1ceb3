import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import type { GeneratedFile } from "../../generator/types/index.js";
import { createProgram, errorLines } from "../typecheck.js";

/** The compiler options every corpus check uses: --strict, ES2022, NodeNext resolution, no ambient types. */
export const STRICT_NODENEXT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};

/**
 * Writes generated files to a temporary folder and type-checks them under --strict; returns the errors. Generated
 * declaration files (the single layout's index.d.ts, emit js's .d.ts) are checked too: skipLibCheck skips every
 * .d.ts, ours included, so it is turned off for them and only TypeScript's own lib files are skipped.
 */
export function compileErrors(files: readonly GeneratedFile[], options: ts.CompilerOptions = {}): string[] {
  const declarations = files.some((f) => f.path.endsWith(".d.ts")) ? { skipLibCheck: false, skipDefaultLibCheck: true } : {};
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-compile-"));
  try {
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    for (const file of files) writeFileSync(path.join(dir, file.path), file.text);
    const roots = files.filter((f) => f.path.endsWith(".ts")).map((f) => path.join(dir, f.path));
    return errorLines(createProgram(roots, { ...STRICT_NODENEXT, ...declarations, ...options }), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
