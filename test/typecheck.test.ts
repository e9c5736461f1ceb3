import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { createProgram, errorLines, preEmitDiagnostics, STANDALONE as REUSED } from "./typecheck.js";

/**
 * test/typecheck.ts reuses the semantic diagnostics of a file that imports nothing (the generated runtime.ts) across
 * programs. Each program here is compared with TypeScript's own `getPreEmitDiagnostics`: every diagnostic, in order,
 * with its position, code, message and related information.
 */
const OPTIONS: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] };

// A module that imports nothing, with errors of its own (one with related information), and a module that uses it.
const STANDALONE = [
  "export function twice(n: number): number { return n * 2; }",
  "export const wrong: string = 1;",
  "export function label(x: { id: string }): string { return x.name; }",
  "export const size = 'abc'.graphTypegenLength;",
  "const a = 1; let a = 2;",
  "export const early = late; const late = 1;",
  "",
].join("\n");
const USER = ["import { twice, label } from './standalone.js';", "export const n: string = twice(2);", "label({ id: 1 });", ""].join("\n");
// Adds to the global scope: String gains the member the standalone file reads, so one of its errors goes.
const GLOBAL = ["export {};", "declare global { interface String { graphTypegenLength: number } }", ""].join("\n");

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function program(files: Record<string, string>): { program: ts.Program; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-typecheck-"));
  folders.push(dir);
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { program: createProgram(Object.keys(files).map((name) => path.join(dir, name)), OPTIONS), dir };
}

const described = (diagnostics: readonly ts.Diagnostic[], dir: string) =>
  diagnostics.map((d) => ({
    file: d.file && path.relative(dir, d.file.fileName),
    start: d.start,
    length: d.length,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
    related: (d.relatedInformation ?? []).map((r) => ({ file: r.file && path.relative(dir, r.file.fileName), start: r.start, code: r.code })),
  }));

test("a file that imports nothing: the same diagnostics as TypeScript's, also when they are reused in another folder", () => {
  const codes: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const { program: p, dir } = program({ "standalone.ts": STANDALONE, "user.ts": USER });
    const expected = described(ts.getPreEmitDiagnostics(p), dir);
    // The use before its declaration points at the declaration: related information, re-pointed on reuse.
    expect(expected.find((d) => d.code === 2448)?.related).toEqual([{ file: "standalone.ts", start: expect.any(Number), code: 2728 }]);
    expect(described(preEmitDiagnostics(p, dir), dir)).toEqual(expected);
    expect(errorLines(p, dir)).toHaveLength(expected.length);
    codes.push(expected.map((d) => d.code));
  }
  // Errors in both files, and the standalone file's were reused: kept once, under its name and text.
  expect(codes[0]).toEqual(expect.arrayContaining([2322, 2339, 2451, 2448]));
  expect(codes[2]).toEqual(codes[0]);
  const kept = [...(ts as unknown as Record<symbol, Map<string, unknown>>)[REUSED]!.keys()];
  expect(kept.filter((key) => key.includes("standalone.ts") && key.includes("graphTypegenLength"))).toHaveLength(1);
});

test("another file that adds to the global scope: the file's diagnostics are its own in that program, not reused", () => {
  const alone = program({ "standalone.ts": STANDALONE, "user.ts": USER });
  const withGlobal = program({ "standalone.ts": STANDALONE, "user.ts": USER, "global.ts": GLOBAL });
  for (const { program: p, dir } of [alone, withGlobal, alone]) expect(described(preEmitDiagnostics(p, dir), dir)).toEqual(described(ts.getPreEmitDiagnostics(p), dir));
  const messages = (p: { program: ts.Program; dir: string }) => errorLines(p.program, p.dir).join("\n");
  expect(messages(alone)).toContain("graphTypegenLength");
  expect(messages(withGlobal)).not.toContain("graphTypegenLength");
});

test("a file that imports another is never reused: a change in what it imports changes its diagnostics", () => {
  const first = program({ "standalone.ts": STANDALONE, "user.ts": USER });
  const changed = program({ "standalone.ts": STANDALONE.replace("twice(n: number): number", "twice(n: number): string"), "user.ts": USER });
  for (const { program: p, dir } of [first, changed]) expect(described(preEmitDiagnostics(p, dir), dir)).toEqual(described(ts.getPreEmitDiagnostics(p), dir));
  expect(errorLines(first.program, first.dir).filter((line) => line.startsWith("user.ts:2"))).toHaveLength(1);
  expect(errorLines(changed.program, changed.dir).filter((line) => line.startsWith("user.ts:2"))).toHaveLength(0);
});
