/**
 * The shape the developers' guide asks of generator/: no source file over 300 lines, no folder with more than 12
 * files of its own, no function over 60 lines. A long function or a crowded folder is where a rule gets written
 * twice; this keeps the next one from growing unnoticed. Lines are counted as written (comments included), and a
 * function's lines from its first to its last, nested functions included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "./helpers.js";

const ts = (createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph")).ts;

const GENERATOR = path.join(ROOT, "generator");
const MAX_FILE_LINES = 300;
const MAX_FOLDER_FILES = 12;
const MAX_FUNCTION_LINES = 60;

/** Every folder under `dir` (itself included) with the source files directly in it. */
function folders(dir: string): { dir: string; files: string[] }[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => path.join(dir, e.name));
  return [{ dir, files }, ...entries.filter((e) => e.isDirectory()).flatMap((e) => folders(path.join(dir, e.name)))];
}

/** The functions of a source text longer than `max` lines: declarations, methods, arrows and function expressions. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: import("ts-morph").ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > max) found.push(`${path.relative(ROOT, file)}:${start + 1} ${functionName(node)} has ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function functionName(node: import("ts-morph").ts.SignatureDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

const lineCount = (text: string): number => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

describe("the shape of generator/", () => {
  const all = folders(GENERATOR);

  test(`no source file is over ${MAX_FILE_LINES} lines`, () => {
    const long = all.flatMap((f) => f.files).map((file) => ({ file: path.relative(ROOT, file), lines: lineCount(readFileSync(file, "utf8")) }));
    expect(long.filter((f) => f.lines > MAX_FILE_LINES)).toEqual([]);
    expect(long.length).toBeGreaterThan(50);
  });

  test(`no folder has more than ${MAX_FOLDER_FILES} files of its own`, () => {
    const crowded = all.filter((f) => f.files.length > MAX_FOLDER_FILES).map((f) => `${path.relative(ROOT, f.dir)}: ${f.files.length} files`);
    expect(crowded).toEqual([]);
  });

  test(`no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(all.flatMap((f) => f.files).flatMap((file) => longFunctions(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  test("the function check sees declarations, methods and arrows, nested ones too, and names them", () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const text = [
      `export function long() {\n${body(60)}\n}`,
      `function short() {\n${body(10)}\n}`,
      `class C {\n  method() {\n${body(61)}\n  }\n}`,
      `const arrow = () => {\n${body(59)}\n};`,
      `function outer() {\n  const inner = () => {\n${body(58)}\n  };\n}`,
    ].join("\n");
    const found = longFunctions(path.join(ROOT, "x.ts"), text);
    expect(found).toEqual([
      "x.ts:1 long has 62 lines",
      expect.stringMatching(/^x\.ts:\d+ method has 63 lines$/),
      expect.stringMatching(/^x\.ts:\d+ arrow has 61 lines$/),
      expect.stringMatching(/^x\.ts:\d+ outer has 62 lines$/),
    ]);
  });
});
