import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { unified } from "unified";
import remarkGfm from "remark-gfm";
import { visit } from "unist-util-visit";
import { parseMdast } from "../generator/markdown/mdast.js";
import { ROOT } from "./helpers.js";

/**
 * The modules a jest worker evaluates once for all its test files (test/shared-modules.mjs): a test file gets the
 * worker's instance, made in the worker's own context, and what it passes in (options, arrays, text made here)
 * works with it.
 */
const shared = (globalThis as Record<string, unknown>).__graphTypegenSharedModules as Record<string, Record<string, unknown>>;

test("TypeScript is the worker's instance, from another context, and checks a program made from this file's values", () => {
  // A function made in this file's context has this context's Function.prototype; the worker's does not.
  expect(Object.getPrototypeOf(ts.createProgram)).not.toBe(Function.prototype);
  expect(createRequire(import.meta.url)("typescript")).toBe(ts);
  const host = ts.createCompilerHost({});
  const text = "export const x: number = 'a';\n";
  host.getSourceFile = (name, version) => (name === "a.ts" ? ts.createSourceFile(name, text, version) : undefined);
  const program = ts.createProgram(["a.ts"], { noLib: true, types: [], lib: [] }, host);
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === "a.ts").map((d) => d.code);
  expect(errors).toEqual([2322]);
});

test("the Markdown packages are the worker's instances, and the adapter parses with them", () => {
  expect(unified).toBe(shared["unified"]!.unified);
  expect(remarkGfm).toBe(shared["remark-gfm"]!.default);
  expect(visit).toBe(shared["unist-util-visit"]!.visit);
  const root = parseMdast("|a|b|\n|-|-|\n|c|d|\n\nSee www.example.com.");
  const types: string[] = [];
  visit(root, (node) => void types.push(node.type));
  expect(types).toEqual(["root", "table", "tableRow", "tableCell", "text", "tableCell", "text", "tableRow", "tableCell", "text", "tableCell", "text", "paragraph", "text", "link", "text", "text"]);
});

test("every shared package has its file in test/shared/ and its name in jest.config.js's mapping, and no other", async () => {
  const config = ((await import(pathToFileURL(path.join(ROOT, "jest.config.js")).href)) as { default: { moduleNameMapper: Record<string, string> } }).default;
  const files = readdirSync(path.join(ROOT, "test", "shared")).map((f) => f.replace(/\.cjs$/, "")).sort();
  expect(Object.keys(shared).sort()).toEqual(files);
  const mapping = Object.keys(config.moduleNameMapper).find((key) => key.includes("unified"))!;
  expect(files.filter((name) => !new RegExp(mapping).test(name))).toEqual([]);
  expect(new RegExp(mapping).test("remark")).toBe(false);
});

test("prettier is the worker's instance, and formats this file's text with this file's options", async () => {
  const { format } = await import("prettier");
  expect(format).toBe(shared["prettier"]!.format);
  await expect(format("const a = {b:1}", { parser: "babel-ts", printWidth: 100 })).resolves.toBe("const a = { b: 1 };\n");
});
