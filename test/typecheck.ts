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

/** One of TypeScript's own lib files. */
const isLibFile = (fileName: string): boolean => path.resolve(fileName).startsWith(LIB_DIR + path.sep);

/** A file that cannot change while the tests run: TypeScript's libs and installed packages, never generated files. */
const isStable = (fileName: string): boolean => isLibFile(fileName) || path.resolve(fileName).startsWith(NODE_MODULES);

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

/**
 * The semantic diagnostics of files that depend on nothing a program varies, kept like the parsed libs. Nearly every
 * program the tests make holds the generated runtime.ts: the same 330 lines, importing nothing, and checking them
 * was most of a small program's time (0.11 to 0.35 s, against 0.02 to 0.1 s for the generated modules beside it).
 * A file's own diagnostics depend on its text, the options, the libs and whatever reaches its scope; so one is
 * reused only for the same path relative to the program's folder, the same text and options, when the file imports
 * and references nothing and every other file of the program apart from TypeScript's libs is a module that adds
 * nothing to the global scope. That is the reuse `tsc --incremental` makes of an unchanged file with no changed
 * dependencies. Kept on the TypeScript module, as `stable` is.
 */
export const STANDALONE = Symbol.for("graph-typegen.test.standaloneDiagnostics");
const standalone: Map<string, readonly ts.Diagnostic[]> = ((ts as unknown as Record<symbol, Map<string, readonly ts.Diagnostic[]>>)[STANDALONE] ??= new Map());

/** A module that touches the global scope: a script, `declare global`, or a UMD global (`export as namespace`). */
const addsToGlobalScope = (file: ts.SourceFile): boolean =>
  !ts.isExternalModule(file) || /\bdeclare\s+global\b|\bexport\s+as\s+namespace\b/.test(file.text);

/** The key under which `file`'s semantic diagnostics may be reused, or undefined when they may depend on other files. */
function standaloneKey(program: ts.Program, file: ts.SourceFile, base: string): string | undefined {
  if (file.isDeclarationFile || !ts.isExternalModule(file)) return undefined;
  // Top-level imports first (a generated module has them): the scan below reads the whole text.
  const importsAtTop = file.statements.some((s) => ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || (ts.isExportDeclaration(s) && s.moduleSpecifier));
  if (importsAtTop) return undefined;
  const refs = ts.preProcessFile(file.text, true, true);
  const uses = refs.importedFiles.length + refs.referencedFiles.length + refs.typeReferenceDirectives.length + refs.libReferenceDirectives.length;
  if (uses > 0 || refs.ambientExternalModules?.length) return undefined;
  const others = program.getSourceFiles().filter((other) => other !== file && !isLibFile(other.fileName));
  if (others.some(addsToGlobalScope)) return undefined;
  return JSON.stringify([path.relative(base, file.fileName), program.getCompilerOptions(), file.text]);
}

/** `file`'s semantic diagnostics, reused when they cannot differ (see `standalone`), re-pointed at this program's file. */
function semanticDiagnostics(program: ts.Program, file: ts.SourceFile, base: string): readonly ts.Diagnostic[] {
  const key = standaloneKey(program, file, base);
  if (key === undefined) return program.getSemanticDiagnostics(file);
  let found = standalone.get(key);
  if (!found) {
    found = program.getSemanticDiagnostics(file);
    // Related information in another file would point into the old program: then it is not kept.
    if (found.every((d) => (d.relatedInformation ?? []).every((r) => !r.file || r.file === file))) standalone.set(key, found);
  }
  const rebind = <D extends ts.Diagnostic | ts.DiagnosticRelatedInformation>(d: D): D => ({ ...d, file: d.file && file });
  return found.map((d) => ({ ...rebind(d), relatedInformation: d.relatedInformation?.map(rebind) }));
}

/** `ts.getPreEmitDiagnostics(program)`, the same diagnostics in the same order, each file's semantic ones as above. */
export function preEmitDiagnostics(program: ts.Program, base: string): readonly ts.Diagnostic[] {
  const all = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics()];
  for (const file of program.getSourceFiles()) all.push(...semanticDiagnostics(program, file, base));
  const { declaration, composite } = program.getCompilerOptions();
  if (declaration || composite) all.push(...program.getDeclarationDiagnostics());
  return ts.sortAndDeduplicateDiagnostics(all);
}

/** A program's errors as `file:line message`, files relative to `base`. */
export function errorLines(program: ts.Program, base: string): string[] {
  return preEmitDiagnostics(program, base).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(base, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
