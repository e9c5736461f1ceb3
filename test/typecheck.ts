import path from "node:path";
import ts from "typescript";
import { ROOT } from "./helpers.js";

/**
 * Type-checking for tests. Most of a small program's time is parsing TypeScript's own lib files and the packages in
 * node_modules (a 266 ms check of a few lines spends most of it there); those never change during a run, so the
 * parsed files are shared by every program, as the language service's document registry shares them between
 * projects. Files keyed by what parsing depends on: name, language version, module format, JSDoc mode. The map is
 * kept on the TypeScript module itself: a jest worker evaluates TypeScript once for all its test files
 * (test/shared-modules.mjs), so they share the parsed libs too; without that, each test file has its own.
 */
const STABLE = Symbol.for("graph-typegen.test.stableSourceFiles");
const stable: Map<string, ts.SourceFile> = ((ts as unknown as Record<symbol, Map<string, ts.SourceFile>>)[STABLE] ??= new Map());

const LIB_DIR = path.dirname(ts.getDefaultLibFilePath({}));
const NODE_MODULES = path.join(ROOT, "node_modules") + path.sep;

/** A file that cannot change while the tests run: TypeScript's libs and installed packages, never generated files. */
const isStable = (fileName: string): boolean => {
  const resolved = path.resolve(fileName);
  return resolved.startsWith(LIB_DIR + path.sep) || resolved.startsWith(NODE_MODULES);
};

function sharingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!isStable(fileName)) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const settings = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = [fileName, settings.languageVersion, settings.impliedNodeFormat, settings.jsDocParsingMode].join("\0");
    let file = stable.get(key);
    if (!file) {
      file = parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
      if (file) stable.set(key, file);
    }
    return file;
  };
  return host;
}

/** `ts.createProgram`, with the lib and package files parsed once per test file. */
export function createProgram(roots: readonly string[], options: ts.CompilerOptions): ts.Program {
  return ts.createProgram(roots, options, sharingHost(options));
}

/** A program's errors as `file:line message`, files relative to `base`. */
export function errorLines(program: ts.Program, base: string): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(base, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
