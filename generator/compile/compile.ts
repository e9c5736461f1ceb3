import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { ChunkStore, GeneratedFile } from "../types/index.js";

/**
 * The compile stage (`emit: "js"`, modules layout): each formatted module becomes a `.js` file and a `.d.ts` beside
 * it, so a consumer's tsc reads declarations (which `skipLibCheck` skips) instead of checking our sources, and a
 * plain-JavaScript project can import the guards. The generated modules are isolatedDeclarations-clean by
 * construction (every exported value has a written type), so each file compiles alone: no program, no checker.
 */

type Ts = typeof import("ts-morph").ts;
// ts-morph's bundled TypeScript, as the emit stage loads it: one compiler, pinned by the lockfile, for every user.
let loaded: Ts | undefined;
const typescript = (): Ts => (loaded ??= (createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph")).ts);

/** A module the declaration emitter could not declare alone: which file, where, and what TypeScript said. */
export interface CompileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CompileResult {
  files: GeneratedFile[];
  problems: CompileProblem[];
  stats: { hits: number; misses: number };
}

/** JavaScript as close to the source as runs on Node 20 and every current bundler: ES2022 modules, comments kept (the `@__PURE__` marks among them). */
function compilerOptions(ts: Ts): import("ts-morph").ts.CompilerOptions {
  return { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, removeComments: false, newLine: ts.NewLineKind.LineFeed };
}

const outputPath = (path: string, extension: ".js" | ".d.ts"): string => path.replace(/\.ts$/, extension);

/**
 * sha256 of the compiler's version, this stage's code version (the cache passes it: see COMPILE_CACHE_VERSION),
 * the kind of output and the module's text: everything the output depends on.
 */
export function compileCacheKey(kind: "js" | "d.ts", text: string, version: string): string {
  return createHash("sha256").update(`compile ${typescript().version} ${version} ${kind}\0`).update(text).digest("hex");
}

/** A `.ts` module's two outputs; any other file (a `.d.ts` of the single layout) passes through. */
export function compileFiles(files: readonly GeneratedFile[], cache?: ChunkStore): CompileResult {
  const ts = typescript();
  const options = compilerOptions(ts);
  const out: GeneratedFile[] = [];
  const problems: CompileProblem[] = [];
  const stats = { hits: 0, misses: 0 };
  // A module that fails to declare is never stored, so its problem is reported again on every run.
  const cached = (kind: "js" | "d.ts", text: string, compile: () => { text: string; ok: boolean }): string => {
    const key = cache ? compileCacheKey(kind, text, cache.version) : undefined;
    const hit = key ? cache!.getChunk(key) : undefined;
    if (hit !== undefined) {
      stats.hits++;
      return hit;
    }
    stats.misses++;
    const compiled = compile();
    if (key && compiled.ok) cache!.setChunk(key, compiled.text);
    return compiled.text;
  };
  for (const file of files) {
    if (!file.path.endsWith(".ts") || file.path.endsWith(".d.ts")) {
      out.push({ path: file.path, text: file.text });
      continue;
    }
    const js = cached("js", file.text, () => ({ text: ts.transpileModule(file.text, { fileName: file.path, compilerOptions: options }).outputText, ok: true }));
    const dts = cached("d.ts", file.text, () => {
      const declared = declareModule(file);
      problems.push(...declared.problems);
      return { text: declared.text, ok: !declared.problems.length };
    });
    out.push({ path: outputPath(file.path, ".js"), text: js }, { path: outputPath(file.path, ".d.ts"), text: dts });
  }
  return { files: out, problems, stats };
}

/**
 * A module's `.d.ts`, made from the module alone, and where it needed inference (an export without a written type,
 * which would be `any` there). The template check (read/templates.ts) asks the same of a custom runtime.ts.
 */
export function declareModule(file: GeneratedFile): { text: string; problems: CompileProblem[] } {
  const ts = typescript();
  const result = ts.transpileDeclaration(file.text, { fileName: file.path, compilerOptions: compilerOptions(ts), reportDiagnostics: true });
  const problems = (result.diagnostics ?? []).map((d) => problem(ts, file, d));
  return { text: withBanner(ts, file.text, withoutTagsTscParses(ts, result.outputText)), problems };
}

/** The declaration emitter drops the file's leading comments; the banner ("do not edit") belongs on the .d.ts too. */
function withBanner(ts: Ts, source: string, declarations: string): string {
  const ranges = ts.getLeadingCommentRanges(source, 0) ?? [];
  const banner = ranges.length ? source.slice(ranges[0]!.pos, ranges[ranges.length - 1]!.end) : "";
  return banner && !declarations.startsWith(banner) ? `${banner}\n${declarations}` : declarations;
}

/**
 * tsc skips parsing a doc comment in a TypeScript file unless it holds `@see` or `@link` (its jsDocSeeOrLink test):
 * those it parses in full, since a link may use an import. Every type's `@see <OData name>` and every guard's
 * `{@link}` made a consumer's tsc parse nearly every comment of the declarations: on the v1.0.xml output, 190 ms
 * of CPU of a 840 ms check. In the .d.ts, a link is `code` and `@see` a plain line, so no comment needs parsing;
 * the .ts sources keep them. Only comments change (found with the scanner, never inside a string literal type).
 */
function withoutTagsTscParses(ts: Ts, declarations: string): string {
  if (!/@(see|link)/i.test(declarations)) return declarations;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, declarations);
  const parts: string[] = [];
  let copied = 0;
  // A template literal type's `}` closes a span, not a block: rescanned as the parser would, or the rest of the
  // file would scan as template text (the flags types are template literals).
  const spans: number[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.TemplateHead) spans.push(0);
    else if (kind === ts.SyntaxKind.OpenBraceToken && spans.length) spans[spans.length - 1]!++;
    else if (kind === ts.SyntaxKind.CloseBraceToken && spans.length) {
      if (spans[spans.length - 1]! > 0) spans[spans.length - 1]!--;
      else if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) spans.pop();
    }
    if (kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const comment = scanner.getTokenText();
    if (!/@(see|link)/i.test(comment)) continue;
    parts.push(declarations.slice(copied, scanner.getTokenStart()), plainTags(comment));
    copied = scanner.getTokenEnd();
  }
  parts.push(declarations.slice(copied));
  return parts.join("");
}

/** `{@link X}` (`{@linkcode X}`, `{@link X | text}`) as `X` in backticks, `@see X` as "See X.": the same words, no tag. */
function plainTags(comment: string): string {
  return comment
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*([^}]*))?\}/gi, (_, target: string, text?: string) => (text ? `${text.trim()} (\`${target}\`)` : `\`${target}\``))
    .replace(/@see\b\s*/gi, "See: ")
    .replace(/@(see|link)/gi, "@\u200b$1");
}

function problem(ts: Ts, file: GeneratedFile, d: import("ts-morph").ts.Diagnostic): CompileProblem {
  const start = d.start ?? 0;
  const before = file.text.slice(0, start);
  return { file: file.path, line: before.split("\n").length, column: start - before.lastIndexOf("\n"), message: ts.flattenDiagnosticMessageText(d.messageText, " ") };
}
