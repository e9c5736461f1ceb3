import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { declareModule } from "../compile/compile.js";
import type { Templates } from "../emit/index.js";
import { RUNTIME_EXPORTS, RUNTIME_IMPORTS } from "../emit/plan/plan.js";
import { diagnostic, lineAndColumnAt, type Diagnostic } from "../types/index.js";
import { displayPath } from "./sources.js";

/** The package's own templates/ folder: two levels up from this file, in the sources and in dist/ alike. */
export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

/** Whether `directory` is the package's own templates/ folder (its templates are checked, and formatted, by its tests). */
const isPackageTemplates = (directory: string): boolean => path.resolve(directory) === DEFAULT_TEMPLATES_DIR;

export async function readTemplates(directory: string = DEFAULT_TEMPLATES_DIR): Promise<Templates> {
  const [banner, runtime] = await Promise.all([
    readFile(path.join(directory, "banner.txt"), "utf8"),
    readFile(path.join(directory, "runtime.ts"), "utf8"),
  ]);
  // The package's own runtime.ts is kept in prettier's layout (a test formats it), so runs need not format it.
  return { banner, runtime, ...(isPackageTemplates(directory) ? { runtimeFormatted: true } : {}) };
}

/**
 * Reads and checks the templates: the banner, which starts every generated file, must be comments only (so that
 * what fills `{{sources}}` stays inside a comment), and runtime.ts must parse. A problem is a diagnostic at the
 * template's line and column (exit 2), instead of a generated file that does not compile or a formatter crash.
 * With `declarations` (emit "js"), runtime.ts must also declare alone: each exported value with a written type.
 */
export async function loadTemplates(directory: string, cwd: string, { declarations = false, guards = false } = {}): Promise<{ templates: Templates } | { diagnostics: Diagnostic[] }> {
  let templates: Templates;
  try {
    templates = await readTemplates(directory);
  } catch (error) {
    return { diagnostics: [diagnostic("unreadable-input", await unreadable(error, directory, displayPath(directory, cwd)))] };
  }
  // The package's own templates are checked by its tests; a run with them does not pay for a parse (about 80 ms).
  if (isPackageTemplates(directory)) return { templates };
  const key = `${declarations}\u0000${guards}\u0000${templates.banner}\u0000${templates.runtime}`;
  if (!checked.has(key)) checked.set(key, checkTemplates(templates, (name) => displayPath(path.join(directory, name), cwd), { declarations, guards }));
  const diagnostics = checked.get(key)!;
  return diagnostics.length ? { diagnostics } : { templates };
}

/** Why the templates could not be read: no such folder, which of the two files it lacks, or the system's error. */
async function unreadable(error: unknown, directory: string, shown: string): Promise<string> {
  const exists = async (name: string): Promise<boolean> => (await stat(path.join(directory, name)).catch(() => undefined)) !== undefined;
  const absent: string[] = [];
  if ((error as NodeJS.ErrnoException).code === "ENOENT") for (const name of ["banner.txt", "runtime.ts"]) if (!(await exists(name))) absent.push(name);
  if (!absent.length) return `cannot read templates from ${shown}: ${error instanceof Error ? error.message : String(error)}`;
  if (!(await exists("."))) return `cannot read templates from ${shown}: there is no such folder`;
  return `the templates folder ${shown} has no ${absent.join(" or ")}: it needs banner.txt and runtime.ts (start from a copy of the package's templates/ folder)`;
}

/** The check costs a parse of runtime.ts; a watch session runs it once per template text, not once per run. */
const checked = new Map<string, Diagnostic[]>();

type Ts = typeof import("ts-morph").ts;

function checkTemplates(templates: Templates, shown: (name: string) => string, { declarations, guards }: { declarations: boolean; guards: boolean }): Diagnostic[] {
  // ts-morph's bundled TypeScript, loaded as emit loads it (ts-morph is CommonJS).
  const ts = (createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph")).ts;
  // One parse of runtime.ts for both checks that read its syntax.
  const source = ts.createSourceFile(shown("runtime.ts"), templates.runtime, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const runtime = checkRuntime(ts, source);
  if (guards && !runtime.length) runtime.push(...checkRuntimeExports(ts, source));
  if (declarations && !runtime.length) runtime.push(...checkDeclarations(templates.runtime, shown("runtime.ts")));
  return [...checkBanner(ts, templates.banner, shown("banner.txt")), ...runtime];
}

function checkBanner(ts: Ts, banner: string, file: string): Diagnostic[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, banner);
  const trivia = new Set([ts.SyntaxKind.WhitespaceTrivia, ts.SyntaxKind.NewLineTrivia, ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.MultiLineCommentTrivia]);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const at = { file, ...lineAndColumnAt(banner, scanner.getTokenStart()) };
    if (kind === ts.SyntaxKind.MultiLineCommentTrivia && scanner.isUnterminated()) {
      return [diagnostic("invalid-template", "the banner's /* comment is never closed: the whole generated file would be inside it", at)];
    }
    if (!trivia.has(kind)) {
      const found = JSON.stringify(scanner.getTokenText().slice(0, 20));
      return [diagnostic("invalid-template", `the banner must be comments only (// or /* */), since it starts every generated file; found ${found}`, at)];
    }
  }
  return [];
}

function checkRuntime(ts: Ts, source: import("ts-morph").ts.SourceFile): Diagnostic[] {
  const { fileName: file, text: runtime } = source;
  // The parser's own syntax errors; the public alternative (a Program) would also resolve and type-check imports.
  const errors = (source as unknown as { parseDiagnostics?: readonly import("ts-morph").ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return errors.slice(0, 1).map((error) => {
    const message = ts.flattenDiagnosticMessageText(error.messageText, " ");
    return diagnostic("invalid-template", `runtime.ts does not parse as TypeScript: ${message}`, { file, ...lineAndColumnAt(runtime, error.start) });
  });
}

/** What the generated modules import from runtime.ts, and the barrel re-exports from it, when there are guards. */
const RUNTIME_NAMES = [...new Set([...RUNTIME_IMPORTS, ...RUNTIME_EXPORTS].map((name) => name.replace(/^type /, "")))];

/**
 * The names the output needs that runtime.ts does not export: a copy of an older version's runtime.ts, or one cut
 * down, made modules that do not compile (TS2305) from a run that exited 0. A runtime with `export *` is not judged.
 */
function checkRuntimeExports(ts: Ts, source: import("ts-morph").ts.SourceFile): Diagnostic[] {
  const exported = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) return [];
      if (ts.isNamedExports(statement.exportClause)) for (const element of statement.exportClause.elements) exported.add(element.name.text);
      continue;
    }
    if (!(ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))) continue;
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) exported.add(d.name.text);
    const named = statement as { name?: import("ts-morph").ts.Node };
    if (named.name && ts.isIdentifier(named.name)) exported.add(named.name.text);
  }
  const missing = RUNTIME_NAMES.filter((name) => !exported.has(name));
  if (!missing.length) return [];
  const message = `runtime.ts does not export ${missing.join(", ")}, which the generated modules import: start from this version's templates/runtime.ts (or generate with --no-guards)`;
  return [diagnostic("invalid-template", message, { file: source.fileName, line: 1, column: 1 })];
}

/** The first export that `--emit js` could not declare without a checker (isolatedDeclarations' rule). */
function checkDeclarations(runtime: string, file: string): Diagnostic[] {
  return declareModule({ path: "runtime.ts", text: runtime })
    .problems.slice(0, 1)
    .map((p) => diagnostic("invalid-template", `runtime.ts must give each export a written type for emit "js" (its .d.ts is made from it alone): ${p.message}`, { file, line: p.line, column: p.column }));
}
