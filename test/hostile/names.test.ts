import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { jest } from "@jest/globals";
import ts from "typescript";
import { formatChunk } from "../../generator/format/prettier.js";
import { generate } from "../../generator/index.js";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import type { GeneratedFile } from "../../generator/types/index.js";
import { compileErrors } from "../corpus/compile.js";
import { complex, emitted, enumType, modelOf, prop } from "../emit/model-builder.js";
import { resourcePage, templates } from "../helpers.js";

/**
 * Names and text that are legal in the docs but not in TypeScript or on a file system: reserved words, leading
 * digits, punctuation, quotes and backslashes as property, type, enum member and namespace names; descriptions
 * that try to close the JSDoc comment or open a template; namespaces that look like paths. The output must compile
 * (both layouts), and generate() must write nothing outside its `out` folder.
 */

jest.setTimeout(120_000);

const RESERVED = ["default", "class", "delete", "function", "new"];
const ODD_PROPERTY_NAMES = [...RESERVED, "1st", "2", "a-b", "a.b", "@a", "odata@type", 'q"uote', "it's", "back\\slash", "__proto__", "constructor", "$ref", "_"];
const HOSTILE_TEXT = ["ends */ here", "/* opens", "${process.exit(1)}", "`back` ``ticks``", "</script><script>alert(1)</script>", "bell\u0007 esc\u001b nul-ish\u0001 del\u007f", "line\u2028sep\u2029para", "`*/`", "\\*/ and *\\/", "**/"];

/** One page with every odd property name, each described with hostile text. */
const widget = resourcePage({
  name: "widget",
  // In code spans, so Markdown leaves them alone (`__proto__` bare would be bold "proto"); the reader drops the backticks.
  properties: ODD_PROPERTY_NAMES.map((name, i) => `|\`${name}\`|String|${HOSTILE_TEXT[i % HOSTILE_TEXT.length]}|`),
});

/** Types named by reserved words, digits, punctuation, quotes and backslashes (only @odata.type can spell these). */
const ODD_TYPE_NAMES = [...RESERVED, "1st", "a-b", 'q"t', "b\\s", "s/lash", "Set", "Record", "Array", "Date", "string", "__proto__", "hasODataType", "isWidget", "typeSchema", "conforms", "WIDGET_SCHEMA"];

function oddTypePage(name: string, i: number): string {
  return resourcePage({
    name: `odd${i}`,
    annotation: { blockType: "resource", "@odata.type": `microsoft.graph.${name}`, baseType: "microsoft.graph.widget" },
    properties: [`|ref|[widget](widget.md)|${HOSTILE_TEXT[i % HOSTILE_TEXT.length]}|`],
  });
}

/** Enums whose member names (and descriptions) are hostile. */
const enums = [
  "# Enum values",
  "",
  "Namespace: microsoft.graph",
  "",
  ...["switch", "return", "var", "this", "object"].flatMap((name) => [
    `### ${name} values`,
    "",
    "| Member | Value | Description |",
    "|:---|:---|:---|",
    ...ODD_PROPERTY_NAMES.map((member, i) => `| \`${member}\` | ${i} | ${HOSTILE_TEXT[i % HOSTILE_TEXT.length]} |`),
    "",
  ]),
].join("\n");

/** Namespaces that are paths, relative or absolute, or reserved words, or the names of the fixed output files. */
const ODD_NAMESPACES = ["../../etc", "..", "/etc/passwd", "/tmp", "C:\\Windows\\System32", "..\\..\\evil", "a/../../b", "microsoft.graph/../../x", "./x", "class", "default", "new", "index", "runtime", "Index.d", "odata", "hasODataType", "1ns", "a-b", "con"];

function namespacePage(namespace: string, i: number): string {
  // The Namespace line only takes identifier-like text; the annotation takes anything.
  return resourcePage({
    name: `thing${i}`,
    namespace,
    annotation: { blockType: "resource", "@odata.type": `${namespace}.thing${i}` },
    properties: ["|self|String|The name.|", `|back|[widget](widget.md)|${HOSTILE_TEXT[i % HOSTILE_TEXT.length]}|`],
  });
}

/** A page of microsoft.graph that refers to every odd namespace's type, so the modules import one another. */
const hub = resourcePage({
  name: "hub",
  // Linked by page, so the link resolves whatever the namespace looks like.
  properties: ODD_NAMESPACES.map((_, i) => `|n${i}|[thing${i}](ns${i}.md)|Refers to namespace ${i}.|`),
});

const pages: Record<string, string> = {
  "widget.md": widget,
  "enums.md": enums,
  "hub.md": hub,
  ...Object.fromEntries(ODD_TYPE_NAMES.map((name, i) => [`odd${i}.md`, oddTypePage(name, i)])),
  ...Object.fromEntries(ODD_NAMESPACES.map((namespace, i) => [`ns${i}.md`, namespacePage(namespace, i)])),
};

async function run(sources: Record<string, string>, layout: "modules" | "single" = "modules"): Promise<PipelineResult> {
  return runPipeline(
    Object.entries(sources).map(([file, text]) => ({ path: file, text })),
    { templates: await templates(), sourceLabels: ["hostile"], layout },
  );
}

/** Output paths are plain file names: nothing to resolve against the output folder but itself. */
function expectPlainNames(files: readonly GeneratedFile[]): void {
  for (const file of files) {
    expect(file.path).toMatch(/^[^/\\]+$/);
    expect(file.path).not.toMatch(/^\.\.?$/);
    expect(path.isAbsolute(file.path)).toBe(false);
  }
  // No two files claim one path (case-insensitively, for the file systems that fold case).
  const lower = files.map((f) => f.path.toLowerCase());
  expect(new Set(lower).size).toBe(lower.length);
}

/** A member name as written: identifier, string or number, or a computed `["literal"]`. */
function propertyName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return name.getText();
}

/** The text of every token that is not a comment or a string: what the code itself says. */
function codeTokens(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) continue;
    tokens.push(scanner.getTokenText());
  }
  return tokens.join(" ");
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/") + (entry.isDirectory() ? "/" : ""))
    .sort();
}

describe("hostile names", () => {
  let modules: PipelineResult;
  beforeAll(async () => {
    modules = await run(pages);
  });

  test("every page is read and every odd type is in the model", () => {
    const fqns = modules.model.namespaces.flatMap((n) => n.types.map((t) => t.fqn));
    for (const name of ODD_TYPE_NAMES) expect(fqns).toContain(`microsoft.graph.${name}`);
    for (const [i, namespace] of ODD_NAMESPACES.entries()) expect(fqns).toContain(`${namespace}.thing${i}`);
    const widgetType = modules.model.namespaces.find((n) => n.name === "microsoft.graph")!.types.find((t) => t.name === "widget")!;
    expect(widgetType.properties.map((p) => p.name)).toEqual(ODD_PROPERTY_NAMES);
  });

  test("modules layout: plain, distinct file names, and the output compiles under --strict", () => {
    expectPlainNames(modules.files);
    expect(compileErrors(modules.files)).toEqual([]);
  });

  test("modules layout: what the emitter laid out itself (emit/print/pretty.ts) is prettier's bytes, odd names and all", async () => {
    // runtime.ts is the template, formatted once by prettier (which does not reach a fixed point on one of its types).
    for (const file of modules.files.filter((f) => f.path !== "runtime.ts")) expect({ file: file.path, text: await formatChunk(file.text) }).toEqual({ file: file.path, text: file.text });
  });

  test("modules layout: no namespace module is a declaration file or takes the barrel's or the runtime's name", () => {
    const modulesOf = modules.files.filter((f) => !["index.ts", "runtime.ts"].includes(f.path));
    expect(modulesOf.filter((f) => /\.d\.ts$/i.test(f.path))).toEqual([]);
    expect(modulesOf).toHaveLength(modules.model.namespaces.length);
    // Every namespace's module keeps its runtime guards (a .d.ts would have dropped their bodies).
    for (const file of modulesOf) expect([file.path, file.text.includes("return conforms(")]).toEqual([file.path, true]);
  });

  test("single layout: the output compiles under --strict", async () => {
    const single = await run(pages, "single");
    expectPlainNames(single.files);
    expect(compileErrors(single.files)).toEqual([]);
  });

  test("hostile descriptions stay inside comments: no code token carries their text, no control characters", () => {
    for (const file of modules.files) {
      const code = codeTokens(file.text);
      for (const marker of ["process", "alert", "script", "opens", "here", "ticks", "bell", "sep"]) expect([file.path, marker, code.includes(marker)]).toEqual([file.path, marker, false]);
      expect(file.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    }
  });

  test("property and member names are kept exactly, as identifiers or string keys", () => {
    const graph = modules.files.find((f) => f.path === "microsoft.graph.ts")!.text;
    const source = ts.createSourceFile("graph.ts", graph, ts.ScriptTarget.ES2022, true);
    const widgetNames = source.statements
      .filter(ts.isInterfaceDeclaration)
      .find((d) => d.name.text === "Widget")!
      .members.map((m) => propertyName(m.name));
    expect(widgetNames).toEqual(["@odata.type", ...ODD_PROPERTY_NAMES]);
    // The runtime object of an enum has every member as an own property (a bare `__proto__:` would set the prototype).
    const object = source.statements.filter(ts.isVariableStatement).find((v) => v.declarationList.declarations[0].name.getText() === "Switch")!;
    const literal = object.declarationList.declarations[0].initializer!.getText();
    const members = new Function(`${ts.transpile(`const members = ${literal};`, { target: ts.ScriptTarget.ES2022 })}\nreturn members;`)() as Record<string, string>;
    // (Integer-like keys such as "2" come first in any JS object, so compare as sets.)
    expect(Object.keys(members).sort()).toEqual([...ODD_PROPERTY_NAMES].sort());
    expect(Object.entries(members).filter(([key, value]) => key !== value)).toEqual([]);
  });

  test("generate() with an out folder writes only inside it, whatever the namespaces say", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-names-"));
    try {
      const input = path.join(parent, "docs");
      mkdirSync(input);
      for (const [file, text] of Object.entries(pages)) writeFileSync(path.join(input, file), text);
      const before = listTree(parent);
      const result = await generate({ inputs: ["docs"], out: "out", cwd: parent });
      expect(result.written).toBe(true);
      const after = listTree(parent);
      const added = after.filter((entry) => !before.includes(entry));
      expect(added.length).toBeGreaterThan(0);
      expect(added.filter((entry) => !entry.startsWith("out/"))).toEqual([]);
      expect(before.filter((entry) => !after.includes(entry))).toEqual([]);
      // Nothing appeared beside the temp parent either (a "../x" written relative to out would land in parent's parent).
      expect(listTree(parent).filter((e) => !e.startsWith("docs/") && !e.startsWith("out/"))).toEqual([]);
      const written = listTree(path.join(parent, "out")).filter((e) => !e.endsWith("/"));
      expect(written.sort()).toEqual([".graph-typegen-manifest.json", ...result.files.map((f) => f.path)].sort());
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe("portable file names", () => {
  test("Windows device names and a 308-character namespace: mapped, each with GT1016 naming the file; written and compiled", async () => {
    const long = Array.from({ length: 44 }, (_, i) => `part${String(i).padStart(2, "0")}`).join(".");
    expect(long).toHaveLength(307);
    const namespaces = ["CON", "aux", "prn", "com1", "Lpt9.sub", "nul.x", long, `${long}x`];
    const sources = Object.fromEntries(namespaces.map((namespace, i) => [`ns${i}.md`, namespacePage(namespace, i)]));
    const parent = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-portable-"));
    try {
      mkdirSync(path.join(parent, "docs"));
      for (const [file, text] of Object.entries({ ...sources, "widget.md": widget })) writeFileSync(path.join(parent, "docs", file), text);
      const result = await generate({ inputs: ["docs"], out: "out", cwd: parent });
      expect(result.written).toBe(true);
      const mapped = result.diagnostics.filter((d) => d.code === "GT1016");
      expect(mapped.map((d) => d.at?.file)).toEqual(namespaces.map((_, i) => `docs/ns${i}.md`).sort());
      const files = result.files.map((f) => f.path);
      for (const file of ["CON_.ts", "aux_.ts", "prn_.ts", "com1_.ts", "Lpt9_.sub.ts", "nul_.x.ts"]) expect(files).toContain(file);
      expect(mapped.find((d) => d.message.startsWith("namespace CON "))!.message).toBe('namespace CON is written to CON_.ts: "CON" is a device name on Windows');
      const longFiles = files.filter((f) => f.startsWith("part00"));
      expect(longFiles).toHaveLength(2);
      for (const file of longFiles) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(200);
      expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
      expect(compileErrors(result.files)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

/** Names that a pure function of one name cannot keep apart: the emit plan makes them unique. */
describe("known collisions", () => {
  test("namespaces that sanitize alike ('a-b' and 'a_b', 'Contoso' and 'contoso.', '..' and '...') get distinct module files and aliases", async () => {
    const namespaces = ["a-b", "a_b", "Contoso", "contoso.", "..", "..."];
    const model = modelOf(
      ...namespaces.map((ns, i) => complex(`${ns}.t${i}`, [prop("v", "Edm.String")])),
      complex("microsoft.graph.user", namespaces.map((ns, i) => prop(`p${i}`, `${ns}.t${i}`))),
    );
    const files = await emitted(model);
    const modules = Object.keys(files).filter((f) => !["index.ts", "runtime.ts", "microsoft.graph.ts"].includes(f));
    expect(modules).toHaveLength(namespaces.length);
    expect(new Set(modules.map((f) => f.toLowerCase())).size).toBe(namespaces.length);
    expect(compileErrors(Object.entries(files).map(([path, text]) => ({ path, text })))).toEqual([]);
  });
  test("two types whose names sanitize alike ('a-b' and 'a@b') get distinct declarations, and references follow them", async () => {
    const model = modelOf(
      complex("microsoft.graph.a-b", [prop("one", "Edm.String")]),
      complex("microsoft.graph.a@b", [prop("two", "Edm.Int32")]),
      enumType("microsoft.graph.A_b", ["x", "y"]),
      complex("microsoft.graph.user", [prop("first", "microsoft.graph.a-b"), prop("second", "microsoft.graph.a@b"), prop("third", "microsoft.graph.A_b")]),
    );
    for (const layout of ["modules", "single"] as const) {
      const files = await emitted(model, { layout });
      const text = Object.values(files).join("\n");
      expect(compileErrors(Object.entries(files).map(([path, body]) => ({ path, text: body })))).toEqual([]);
      // enums are named before structured types, and each list in name order
      expect(text).toMatch(/first\?: A_b_2 \| null;[\s\S]*second\?: A_b_3 \| null;[\s\S]*third\?: A_b \| null;/);
    }
  });

  test("names derived from model names are unique too: 'item' and 'ITEM' (both ITEM_SCHEMA), 'a' and 'AnyA'", async () => {
    const model = modelOf(
      complex("microsoft.graph.item", [prop("one", "Edm.String")]),
      complex("microsoft.graph.ITEM", [prop("two", "Edm.Int32")]),
      complex("microsoft.graph.a", [prop("x", "Edm.String")]),
      complex("microsoft.graph.b", [prop("y", "Edm.String")], { baseType: "microsoft.graph.a" }),
      complex("microsoft.graph.AnyA", [prop("z", "microsoft.graph.a")]),
    );
    for (const layout of ["modules", "single"] as const) {
      const files = await emitted(model, { layout });
      expect(compileErrors(Object.entries(files).map(([path, text]) => ({ path, text })))).toEqual([]);
      if (layout === "modules") {
        const text = files["microsoft.graph.ts"]!;
        expect(text).toContain("export const ITEM_SCHEMA: TypeSchema<ITEM> = ");
        expect(text).toContain("export const ITEM_SCHEMA_2: TypeSchema<Item> = ");
        // The model's own AnyA keeps its name; a's derived-type union, made up, gives way.
        expect(text).toContain("export interface AnyA ");
        expect(text).toMatch(/export type AnyA_2 =/);
        expect(text).toMatch(/isA\(value: unknown\): value is AnyA_2/);
      }
    }
  });
});
