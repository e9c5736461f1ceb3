import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { jest } from "@jest/globals";
import { DEFAULT_MARKDOWN_LIMITS } from "../../generator/markdown/limits.js";
import { runPipeline, type Limits, type PipelineResult } from "../../generator/pipeline.js";
import { readSources } from "../../generator/read/sources.js";
import type { Diagnostic, SourceText } from "../../generator/types/index.js";
import { compileErrors } from "../corpus/compile.js";
import { resourcePage, templates } from "../helpers.js";

/**
 * Hostile and broken Markdown through the real stages: runPipeline (limits, parser, model, emit, prettier) and,
 * where bytes matter (binary files, invalid UTF-8, BOM, size), the real read stage on files in a temp folder.
 * Each case states its exact diagnostics; where there is output, it must still compile under --strict.
 */

jest.setTimeout(120_000);

const MB = 1024 * 1024;

async function run(pages: Record<string, string> | SourceText[], limits?: Partial<Limits>): Promise<PipelineResult> {
  const sources = Array.isArray(pages) ? pages : Object.entries(pages).map(([file, text]) => ({ path: file, text }));
  return runPipeline(sources, { templates: await templates(), sourceLabels: ["hostile"], ...(limits ? { limits } : {}) });
}

/** `[code, "file:line:col"]` per diagnostic, in the pipeline's (file, position) order. */
function placed(diagnostics: readonly Diagnostic[]): [string, string | undefined][] {
  return diagnostics.map((d) => [d.code, d.at ? `${d.at.file}:${d.at.line}:${d.at.column}` : undefined]);
}

/** 1-based line and column of the first occurrence of `needle` (`nth` > 1 for later ones). */
function where(text: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`${JSON.stringify(needle)} not in text`);
  const before = text.slice(0, index).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const at = (file: string, text: string, needle: string, nth = 1): string => {
  const { line, column } = where(text, needle, nth);
  return `${file}:${line}:${column}`;
};

function expectCompiles(result: PipelineResult): void {
  expect(result.files.length).toBeGreaterThan(0);
  expect(compileErrors(result.files)).toEqual([]);
}

/** A resource page whose annotation comment is written out, so each test can break it its own way. */
function pageWithComment(name: string, comment: string): string {
  return [
    `# ${name} resource type`,
    "",
    "Namespace: microsoft.graph",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|id|String|The id.|",
    "",
    "## JSON representation",
    "",
    comment,
    "",
    "```json",
    '{ "id": "String" }',
    "```",
    "",
  ].join("\n");
}

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-hostile-"));
});
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

/** Writes bytes to a file in a fresh folder and reads it with the real read stage. */
async function readBack(file: string, bytes: Buffer | string, maxBytes?: number) {
  const dir = mkdtempSync(path.join(temp, "read-"));
  writeFileSync(path.join(dir, file), bytes);
  return readSources([file], dir, maxBytes === undefined ? {} : { maxBytes });
}

describe("annotation comments that are not JSON", () => {
  test("a missing comma: GT2001 at the member after it; the page is still its heading's type, and compiles", async () => {
    const comment = ["<!-- {", '  "blockType": "resource",', '  "@odata.type": "microsoft.graph.widget"', '  "baseType": "microsoft.graph.entity"', "} -->"].join("\n");
    const text = pageWithComment("widget", comment);
    const result = await run({ "widget.md": text });
    expect(placed(result.diagnostics)).toEqual([["GT2001", at("widget.md", text, '"baseType"')]]);
    expect(result.diagnostics[0].message).toBe("annotation comment is not valid JSON: Expected ',' or '}' after property value");
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.fqn))).toEqual(["microsoft.graph.widget"]);
    expectCompiles(result);
  });

  test("cut off after a member: GT2001 just after the last character", async () => {
    const comment = ["<!-- {", '  "blockType": "resource",', '  "@odata.type": "microsoft.graph.widget",', "-->"].join("\n");
    const text = pageWithComment("widget", comment);
    const result = await run({ "widget.md": text });
    const { line, column } = where(text, '"microsoft.graph.widget",');
    expect(placed(result.diagnostics)).toEqual([["GT2001", `widget.md:${line}:${column + '"microsoft.graph.widget",'.length}`]]);
    expect(result.diagnostics[0].message).toMatch(/^annotation comment is not valid JSON: /);
    expectCompiles(result);
  });

  test("cut off inside a string: GT2001 where the text stops", async () => {
    const text = pageWithComment("widget", '<!-- { "blockType": "resource", "@odata.type": "microsoft.gr -->');
    const result = await run({ "widget.md": text });
    const { line, column } = where(text, "microsoft.gr -->");
    expect(placed(result.diagnostics)).toEqual([["GT2001", `widget.md:${line}:${column + "microsoft.gr".length}`]]);
    expect(result.diagnostics[0].message).toBe("annotation comment is not valid JSON: Unterminated string");
    expectCompiles(result);
  });

  test("a comment that never closes swallows the rest of the page: GT2001 at the first text that cannot be JSON", async () => {
    const text = ["# widget resource type", "", "Namespace: microsoft.graph", "", "## Properties", "", "|Property|Type|Description|", "|:---|:---|:---|", "|id|String|The id.|", "", '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget"', "", "more text"].join("\n");
    const result = await run({ "widget.md": text });
    expect(placed(result.diagnostics)).toEqual([["GT2001", at("widget.md", text, "more")]]);
    expect(result.diagnostics[0].message).toBe("annotation comment is not valid JSON: Expected ',' or '}' after property value");
    expectCompiles(result);
  });

  test("not an object, and fields of the wrong type: GT2001 each", async () => {
    const notObject = pageWithComment("widget", '<!-- "blockType": "resource" -->');
    const wrongFields = pageWithComment("gadget", '<!-- { "blockType": "resource", "@odata.type": ["microsoft.graph.gadget"], "openType": "maybe", "abstract": 1 } -->');
    const result = await run({ "widget.md": notObject, "gadget.md": wrongFields });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2001", at("gadget.md", wrongFields, "<!--")],
      ["GT2001", at("gadget.md", wrongFields, "<!--")],
      ["GT2001", at("gadget.md", wrongFields, "<!--")],
      ["GT2001", `widget.md:13:${where(notObject, '"blockType":').column + '"blockType"'.length}`],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'annotation "@odata.type" should be a string, not ["microsoft.graph.gadget"]',
      'annotation "openType" should be true or false, not "maybe"',
      'annotation "abstract" should be true or false, not 1',
      // (V8 says "after JSON at position 16", which the reader's "in JSON at position" clean-up does not strip.)
      expect.stringMatching(/^annotation comment is not valid JSON: Unexpected non-whitespace character after JSON\b/),
    ]);
    expectCompiles(result);
  });
});

describe("code fences", () => {
  test("an unterminated JSON fence at the end: read to the end of the page, nothing reported", async () => {
    const text = resourcePage({ name: "widget", properties: ["|id|String|The id.|"] }) + '\n```json\n{\n  "id": "String"\n';
    const result = await run({ "widget.md": text });
    expect(placed(result.diagnostics)).toEqual([]);
    expect(result.pages[0].kind).toBe("resource");
    expectCompiles(result);
  });

  test("an unterminated fence before the Properties section swallows the tables and the annotation: GT2005", async () => {
    const page = resourcePage({ name: "widget", properties: ["|id|String|The id.|"] });
    const text = page.replace("## Properties", "```\n## Properties");
    const result = await run({ "widget.md": text, "gadget.md": resourcePage({ name: "gadget" }) });
    expect(placed(result.diagnostics)).toEqual([["GT2005", "widget.md:1:1"]]);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.name))).toEqual(["gadget"]);
    expectCompiles(result);
  });
});

describe("files that are not pages", () => {
  test("an empty file, and one of only blank lines: GT2005 at 1:1; the output is the empty model, and compiles", async () => {
    const result = await run({ "empty.md": "", "blank.md": "\n\n   \n\t\n" });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2005", "blank.md:1:1"],
      ["GT2005", "empty.md:1:1"],
    ]);
    expectCompiles(result);
  });

  test("a file of binary bytes, read by the real read stage: GT2010 (NUL bytes), page skipped", async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256));
    const read = await readBack("blob.md", bytes);
    // The read stage says where the first byte that is not UTF-8 is (the third, 0xCF).
    expect(placed(read.diagnostics)).toEqual([["GT0007", "blob.md:1:3"]]);
    const result = await run([...read.sources, { path: "widget.md", text: resourcePage({ name: "widget" }) }]);
    expect(placed(result.diagnostics)).toEqual([["GT2010", "blob.md:1:1"]]);
    expect(result.diagnostics[0].message).toBe("page contains NUL bytes: not a Markdown text file; page skipped");
    expect(result.pages.map((p) => p.file)).toEqual(["widget.md"]);
    expectCompiles(result);
  });

  test("invalid UTF-8 throughout (no NUL), decoded by the real read stage: GT2010 (not valid UTF-8)", async () => {
    const bytes = Buffer.concat([Buffer.from("# widget resource type\n\n"), Buffer.from(Array.from({ length: 2000 }, (_, i) => 0x80 + (i % 0x7f)))]);
    const read = await readBack("latin.md", bytes);
    expect(read.sources[0].text).toContain("\ufffd");
    expect(placed(read.diagnostics)).toEqual([["GT0007", "latin.md:3:1"]]);
    expect(read.diagnostics[0].message).toBe("byte 0x80 is not valid UTF-8 (2000 such bytes in the file; is it Latin-1 or Windows-1252?); read as U+FFFD. Save the file as UTF-8");
    const result = await run(read.sources);
    expect(placed(result.diagnostics)).toEqual([["GT2010", "latin.md:1:1"]]);
    expect(result.diagnostics[0].message).toBe("page is not valid UTF-8: not a Markdown text file; page skipped");
    expectCompiles(result);
  });

  test("two invalid bytes in an otherwise good page: U+FFFD in the text, not a refusal, and GT0007 at the first; the output compiles", async () => {
    const page = resourcePage({ name: "widget", properties: ["|id|String|The id of the thing.|"] });
    const [before, after] = page.split("of the thing");
    const read = await readBack("widget.md", Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe]), Buffer.from(after)]));
    expect(placed(read.diagnostics)).toEqual([["GT0007", at("widget.md", page, "of the thing")]]);
    expect(read.diagnostics[0].message).toContain("byte 0xFF is not valid UTF-8 (2 such bytes in the file;");
    const result = await run(read.sources);
    expect(placed(result.diagnostics)).toEqual([]);
    expect(result.model.namespaces[0].types[0].properties[0].description).toBe("The id \ufffd\ufffd.");
    expectCompiles(result);
  });
});

describe("encodings and line ends", () => {
  const page = resourcePage({ name: "widget", properties: ["|id|String|The id.|", "|size|Int64|The size.|"], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.widget", baseType: "microsoft.graph.nowhere" } });

  test("a UTF-8 BOM (bytes EF BB BF, read by the real read stage): the same records and positions as without", async () => {
    const read = await readBack("widget.md", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]));
    // The mark says how to decode; it is not text.
    expect(read.sources[0].text).toBe(page);
    expect(read.diagnostics).toEqual([]);
    const withBom = await run(read.sources);
    const without = await run({ "widget.md": page });
    expect(withBom.pages).toEqual(without.pages);
    expect(withBom.pages[0].frontMatter.title).toBe("widget resource type");
    expect(placed(withBom.diagnostics)).toEqual([["GT1002", at("widget.md", page, "<!--")]]);
    expect(withBom.files).toEqual(without.files);
  });

  test("CRLF line ends: the same records, positions, diagnostics and output as LF", async () => {
    const crlf = await run({ "widget.md": page.replace(/\n/g, "\r\n") });
    const lf = await run({ "widget.md": page });
    expect(crlf.pages).toEqual(lf.pages);
    expect(crlf.diagnostics).toEqual(lf.diagnostics);
    expect(placed(crlf.diagnostics)).toEqual([["GT1002", at("widget.md", page, "<!--")]]);
    expect(crlf.files).toEqual(lf.files);
    expectCompiles(crlf);
  });
});

describe("size limits", () => {
  const big = resourcePage({ name: "widget" }) + `\n${"a".repeat(50 * MB)}\n`;
  const bytes = Buffer.byteLength(big);

  test("a 50 MB page through runPipeline: GT0003 from checkMarkdownLimits, page skipped, the rest generated", async () => {
    const started = Date.now();
    const result = await run({ "big.md": big, "gadget.md": resourcePage({ name: "gadget" }) });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(placed(result.diagnostics)).toEqual([["GT0003", "big.md:1:1"]]);
    expect(result.diagnostics[0].message).toBe(`page is ${bytes} bytes, over the limit of ${DEFAULT_MARKDOWN_LIMITS.maxPageBytes} (--max-page-bytes); page skipped`);
    expect(result.pages.map((p) => p.file)).toEqual(["gadget.md"]);
    expectCompiles(result);
  });

  test("a 50 MB file through readSources with maxBytes: GT0003 and the file is not read", async () => {
    const read = await readBack("big.md", big, DEFAULT_MARKDOWN_LIMITS.maxPageBytes);
    expect(read.sources).toEqual([]);
    expect(placed(read.diagnostics)).toEqual([["GT0003", "big.md:1:1"]]);
    expect(read.diagnostics[0].message).toBe(`big.md is ${bytes} bytes, over the limit of ${DEFAULT_MARKDOWN_LIMITS.maxPageBytes}; not read`);
  });

  test("a table of 100,000 rows: GT2009 at the table's first line, page skipped", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `|p${i}|String||`);
    const text = resourcePage({ name: "widget", properties: rows });
    expect(Buffer.byteLength(text)).toBeLessThan(DEFAULT_MARKDOWN_LIMITS.maxPageBytes); // under the size limit: the row limit applies
    const started = Date.now();
    const result = await run({ "widget.md": text });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(placed(result.diagnostics)).toEqual([["GT2009", at("widget.md", text, "|Property|Type|Description|")]]);
    expect(result.diagnostics[0].message).toBe(`table has more than ${DEFAULT_MARKDOWN_LIMITS.maxTableRows} rows (--max-table-rows); page skipped`);
    expectCompiles(result);
  });

  test("the row limit counts every table line: at the limit is read, one past it is refused", async () => {
    const text = resourcePage({ name: "widget", properties: ["|a|String||", "|b|String||", "|c|String||"] }); // 5 table lines
    expect(placed((await run({ "widget.md": text }, { markdown: { maxTableRows: 5 } })).diagnostics)).toEqual([]);
    expect(placed((await run({ "widget.md": text }, { markdown: { maxTableRows: 4 } })).diagnostics)).toEqual([["GT2009", at("widget.md", text, "|Property|")]]);
  });
});

describe("nesting", () => {
  const expectNesting = async (text: string, line: number, limits?: Partial<Limits>) => {
    const started = Date.now();
    const result = await run({ "deep.md": text, "gadget.md": resourcePage({ name: "gadget" }) }, limits);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(placed(result.diagnostics)).toEqual([["GT2103", `deep.md:${line}:1`]]);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.name))).toEqual(["gadget"]);
    expectCompiles(result);
    return result.diagnostics[0];
  };

  test("100,000 '>' on one line: GT2103 on that line, no stack overflow", async () => {
    const d = await expectNesting(`# deep resource type\n\n${">".repeat(100_000)} x\n`, 3);
    expect(d.message).toBe(`block quotes or lists nest deeper than ${DEFAULT_MARKDOWN_LIMITS.maxNesting} levels (--max-nesting); page skipped`);
  });

  test("a line of 200,000 spaces, and text indented 200 columns, are not nesting: no limit is reported", async () => {
    const text = `${resourcePage({ name: "widget", properties: ["|id|String|The id.|"] })}\n${" ".repeat(200_000)}\n\n${" ".repeat(200)}indented text\n`;
    const result = await run({ "blank.md": text });
    // (GT3001: the fixture's row is not in a JSON block, as always with resourcePage)
    expect(placed(result.diagnostics)).toEqual([["GT3001", "blank.md:16:1"]]);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.name))).toEqual(["widget"]);
  });

  test("block quotes one level deeper per line: GT2103 on the first line past 32 levels", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${"> ".repeat(i + 1)}level ${i + 1}`);
    await expectNesting(lines.join("\n"), 33);
  });

  test("lists nested by indentation: GT2103 on the first line indented past 4 x 32 columns", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`);
    await expectNesting(lines.join("\n"), 66);
  });

  test("100,000 list items opened on one line ('- - - ... x', '1. 1. ... x', '> - > - ... x'): GT2103, no stall", async () => {
    await expectNesting(`${"- ".repeat(100_000)}x\n`, 1);
    await expectNesting(`intro\n\n${"1. ".repeat(100_000)}x\n`, 3);
    await expectNesting(`${"> - ".repeat(50_000)}x\n`, 1);
  });

  test("a '- - - ...' thematic break is not nesting, whatever its length", async () => {
    const result = await run({ "rule.md": `# rule resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|\n|-|-|\n|a|String|\n\n${"- ".repeat(100)}-\n` });
    expect(placed(result.diagnostics)).toEqual([]);
  });

  test("past a raised limit, the parser's own stack overflow is caught: GT2103 at 1:1, the other pages generated", async () => {
    const d = await expectNesting(`${">".repeat(10_000)} x\n`, 1, { markdown: { maxNesting: 1_000_000 } });
    expect(d.message).toBe("page nests too deeply for the Markdown parser; page skipped");
  });
});

describe("model problems", () => {
  test("the same type defined on two pages: GT1004 at the second, pointing at the first; one interface", async () => {
    const a = resourcePage({ name: "widget", properties: ["|id|String|The id.|"] });
    const b = resourcePage({ name: "widget", properties: ["|size|Int64|The size.|"] });
    const result = await run({ "a.md": a, "b.md": b });
    expect(placed(result.diagnostics)).toEqual([["GT1004", at("b.md", b, "<!--")]]);
    expect(result.diagnostics[0].related).toEqual([{ message: "leading page", at: { file: "a.md", ...where(a, "<!--") } }]);
    expect(result.model.namespaces[0].types.map((t) => [t.name, t.properties.map((p) => p.name)])).toEqual([["widget", ["id", "size"]]]);
    expectCompiles(result);
  });

  test("an inheritance cycle (a -> b -> a) and a type that is its own base: GT1003 each, the bases dropped", async () => {
    const page = (name: string, base: string) => resourcePage({ name, annotation: { blockType: "resource", "@odata.type": `microsoft.graph.${name}`, baseType: `microsoft.graph.${base}` } });
    const pages = { "a.md": page("a", "b"), "b.md": page("b", "a"), "self.md": page("self", "self") };
    const result = await run(pages);
    expect(placed(result.diagnostics)).toEqual([
      ["GT1003", at("a.md", pages["a.md"], "<!--")],
      ["GT1003", at("self.md", pages["self.md"], "<!--")],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "inheritance cycle microsoft.graph.a -> microsoft.graph.b -> microsoft.graph.a; the base of microsoft.graph.a is dropped",
      "inheritance cycle microsoft.graph.self -> microsoft.graph.self; the base of microsoft.graph.self is dropped",
    ]);
    expectCompiles(result);
  });

  test("a cycle through 'Inherits from' prose: GT1003 at the link", async () => {
    const a = resourcePage({ name: "a", inherits: "[b](b.md)" });
    const b = resourcePage({ name: "b", inherits: "[a](a.md)" });
    const result = await run({ "a.md": a, "b.md": b });
    expect(placed(result.diagnostics)).toEqual([["GT1003", at("a.md", a, "[b](b.md)")]]);
    expectCompiles(result);
  });

  test("a missing base type: GT1002, the type has no extends", async () => {
    const text = resourcePage({ name: "orphan", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.orphan", baseType: "microsoft.graph.nowhere" } });
    const result = await run({ "orphan.md": text });
    expect(placed(result.diagnostics)).toEqual([["GT1002", at("orphan.md", text, "<!--")]]);
    expect(result.diagnostics[0].message).toBe('base type "microsoft.graph.nowhere" of microsoft.graph.orphan cannot be resolved (no page defines it)');
    expect(result.model.namespaces[0].types[0].baseType).toBeUndefined();
    expectCompiles(result);
  });

  test("an enum with no members (GT1009) and one that lists a member twice (GT1010)", async () => {
    const text = [
      "# Enum values",
      "",
      "Namespace: microsoft.graph",
      "",
      "### emptyStatus values",
      "",
      "| Member | Value | Description |",
      "|:---|:---|:---|",
      "",
      "### twiceStatus values",
      "",
      "| Member | Value | Description |",
      "|:---|:---|:---|",
      "| on | 0 | On. |",
      "| off | 1 | Off. |",
      "| on | 2 | On again. |",
      "",
    ].join("\n");
    const result = await run({ "enums.md": text });
    expect(placed(result.diagnostics)).toEqual([
      ["GT1009", "enums.md:5:1"],
      ["GT1010", "enums.md:16:1"],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "enum microsoft.graph.emptyStatus has no members; emitted as string",
      'enum microsoft.graph.twiceStatus lists member "on" twice',
    ]);
    expectCompiles(result);
  });
});

/**
 * Found while writing these tests, not fixed here (stalls, not crashes; each needs a decision beyond a minimal fix).
 * Times are for one page on the dev machine; each grows with the square of the input.
 */
describe("known stalls", () => {
  test("a 1.5 MB annotation comment whose JSON error V8 gives no position for is located by binary search", async () => {
    const filler = Array.from({ length: 60_000 }, (_, i) => `"k${i}": "v",`).join(" ");
    const page = ["# big resource type", "", "Namespace: microsoft.graph", "", `<!-- { "blockType": "resource", ${filler} "x": @ } -->`, ""].join("\n");
    const result = await run({ "big.md": page });
    const at = page.indexOf("@ }");
    expect(placed(result.diagnostics)).toEqual([["GT2001", `big.md:5:${at - page.lastIndexOf("\n", at)}`]]);
  });
  test("Type cells of 80,000 characters ('x ( ( ( ...', '[[[[...', '....x') are read from their start only", async () => {
    const cells = ["x " + "( ".repeat(40_000), "[".repeat(80_000), ".".repeat(80_000) + "x"];
    const rows = cells.map((cell, i) => `|p${i}|${cell}|d|`);
    // past the default [ and * limit on purpose: this is about the Type cell reader, not the page guard
    const result = await run({ "cells.md": resourcePage({ name: "cells", properties: rows }) }, { markdown: { maxInlineMarkers: 1_000_000 } });
    const props = result.model.namespaces[0].types[0].properties;
    expect(props.map((p) => [p.name, p.type.kind])).toEqual([["p0", "unknown"], ["p1", "unknown"], ["p2", "unknown"]]);
  });
  test("a Description cell of 'Possible values are' and 40,000 spaces is read in linear time", async () => {
    const row = `|status|String|Possible values are${" ".repeat(40_000)}x|`;
    const result = await run({ "spaces.md": resourcePage({ name: "spaces", properties: [row] }) });
    expect(result.pages[0].properties[0].possibleValues).toEqual(["x"]);
  });
  test("a two-level list repeated 8,000 times and 8,000 '[' in one paragraph are refused before remark (GT2011)", async () => {
    const lists = await run({ "lists.md": "# a resource type\n\n" + "- - x\n".repeat(8_000) });
    expect(placed(lists.diagnostics)).toEqual([["GT2011", "lists.md:2003:1"]]);
    const brackets = await run({ "brackets.md": "# a resource type\n\n" + "[".repeat(8_000) + "\n" });
    expect(placed(brackets.diagnostics)).toEqual([["GT2011", "brackets.md:3:1"]]);
  });
});
