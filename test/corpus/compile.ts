import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { GeneratedFile } from "../../generator/types/index.js";
import { ROOT } from "../helpers.js";
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
 * Generated declaration files (the single layout's index.d.ts, emit js's .d.ts) are checked too: skipLibCheck skips
 * every .d.ts, ours included, so it is turned off for them and only TypeScript's own lib files are skipped.
 */
function optionsFor(files: readonly GeneratedFile[], options: ts.CompilerOptions): ts.CompilerOptions {
  const declarations = files.some((f) => f.path.endsWith(".d.ts")) ? { skipLibCheck: false, skipDefaultLibCheck: true } : {};
  return { ...STRICT_NODENEXT, ...declarations, ...options };
}

/** The files in a temporary ES-module folder, for `check` to type-check; the folder is removed afterwards. */
function inFolder<T>(files: readonly GeneratedFile[], check: (dir: string, roots: string[]) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-compile-"));
  try {
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    for (const file of files) writeFileSync(path.join(dir, file.path), file.text);
    return check(dir, files.filter((f) => f.path.endsWith(".ts")).map((f) => path.join(dir, f.path)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes generated files to a temporary folder and type-checks them under --strict with TypeScript 5.9 (the `typescript` package); returns the errors. */
export function compileErrors(files: readonly GeneratedFile[], options: ts.CompilerOptions = {}): string[] {
  return inFolder(files, (dir, roots) => errorLines(createProgram(roots, optionsFor(files, options)), dir));
}

/**
 * TypeScript 7's compiler (the native port, devDependency `typescript-7`): its platform binary, found by the
 * package's own lookup (what its `bin/tsc` runs) and run directly, without a node process in between.
 */
const NATIVE_TSC = ((await import(pathToFileURL(path.join(ROOT, "node_modules", "typescript-7", "lib", "getExePath.js")).href)) as { default: () => string }).default();

/** Compiler options as a tsconfig.json writes them: the enums by name (TypeScript 7 reads "ES2022", "NodeNext"...). */
function tsconfigOptions(options: ts.CompilerOptions): Record<string, unknown> {
  const named: Record<string, Record<number, string>> = { target: ts.ScriptTarget, module: ts.ModuleKind, moduleResolution: ts.ModuleResolutionKind };
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, named[key] && typeof value === "number" ? named[key][value] : value]));
}

/** One error TypeScript 7 printed: where (the file as given, 1-based line and column), its code, its message chain joined by spaces. */
export interface NativeDiagnostic {
  file?: string;
  line: number;
  column: number;
  code?: number;
  message: string;
}

/**
 * Type-checks `roots` (in `dir`) with TypeScript 7 and returns its errors. The chain of a message is joined as
 * `ts.flattenDiagnosticMessageText(text, " ")` joins it (each further line with its indentation), so that messages
 * read the same as TypeScript 5.9's.
 */
export function nativeDiagnostics(dir: string, roots: readonly string[], options: ts.CompilerOptions): NativeDiagnostic[] {
  const config = { compilerOptions: tsconfigOptions(options), files: roots.map((root) => path.relative(dir, root)) };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config));
  const run = spawnSync(NATIVE_TSC, ["-p", dir, "--pretty", "false", "--singleThreaded"], { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`TypeScript 7 (${NATIVE_TSC}) did not run: ${run.error.message}; npm ci installs it (devDependency typescript-7)`);
  const found: NativeDiagnostic[] = [];
  for (const line of `${run.stdout}${run.stderr}`.split("\n")) {
    const at = /^(.+?)\((\d+),(\d+)\): error TS(\d+): (.*)$/.exec(line);
    if (at) found.push({ file: path.resolve(dir, at[1]!), line: Number(at[2]), column: Number(at[3]), code: Number(at[4]), message: at[5]! });
    else if (/^\s/.test(line) && found.length) found[found.length - 1]!.message += ` ${line.trimEnd()}`;
    else if (line.trim()) found.push({ line: 0, column: 0, message: line.trim() });
  }
  if (run.status !== 0 && !found.length) found.push({ line: 0, column: 0, message: `TypeScript 7 exited with ${run.status ?? run.signal} and printed nothing` });
  return found;
}

/**
 * The same check as `compileErrors`, by TypeScript 7. The whole-corpus outputs are checked with it: a program of
 * the v1.0.xml modules took 12.1 s of CPU under 5.9 and 3.1 s under 7 (one thread), docs beta 12.8 s and 3.0 s.
 * The fixtures of every construct, the csdl/v1.0.xml modules and the compatibility checks stay on 5.9, so the
 * suite holds the output to both compilers. Errors as `file:line message`, like `compileErrors`.
 */
export function nativeCompileErrors(files: readonly GeneratedFile[], options: ts.CompilerOptions = {}): string[] {
  return inFolder(files, (dir, roots) =>
    nativeDiagnostics(dir, roots, optionsFor(files, options)).map((d) => (d.file ? `${path.relative(dir, d.file)}:${d.line} ${d.message}` : d.message)),
  );
}
