/**
 * The statements the emitter lays out itself (emit/print/pretty.ts) must be byte for byte what prettier makes of them;
 * names of every length drive each layout: flat, hugged, broken, broken after `=`, unions on the next line or one
 * member a line. The corpus tests check the same on the real metadata (formatted chunk by chunk = formatted whole).
 */
import { jest } from "@jest/globals";
import { emitModel } from "../../generator/emit/index.js";
import { formatChunk, formatFiles } from "../../generator/format/prettier.js";
import { runPipeline } from "../../generator/pipeline.js";
import { complex, entity, enumType, flagsEnum, modelOf, operation, prop } from "./model-builder.js";
import { templates } from "../helpers.js";

// prettier over every claimed statement: seconds on a loaded machine.
jest.setTimeout(60_000);

const long = (n: number): string => `t${"x".repeat(n)}`;

function model() {
  // Short names in a short namespace hug the table's last argument; long ones break the call, or the line after `=`.
  const short = [1, 20, 40, 50].flatMap((n) => [complex(`x.y.${long(n)}`, [prop("p", "Edm.String")]), complex(`x.y.${long(n)}Empty`)]);
  const types = [8, 30, 45, 55, 62, 70, 85].flatMap((n) => {
    const name = long(n);
    return [
      entity(`microsoft.graph.${name}`, [prop("id", "Edm.String"), prop(`${name}Value`, "Edm.String"), prop("kind", `microsoft.graph.${name}Kind`)], { baseType: n > 40 ? "microsoft.graph.base" : undefined }),
      entity(`microsoft.graph.${name}Derived`, [prop("extra", "Edm.Int32")], { baseType: `microsoft.graph.${name}` }),
      complex(`microsoft.graph.${name}Info`, n % 2 ? [] : [prop("info", "Edm.Boolean")]),
      enumType(`microsoft.graph.${name}Kind`, ["a", `${name}Member`, "c"]),
    ];
  });
  // Derived types enough for `(d) => d(...)` to move to its own line, and to break one a line.
  const derived = (base: string, count: number, n: number) => Array.from({ length: count }, (_, i) => entity(`microsoft.graph.${base}${i}${long(n)}`, [], { baseType: `microsoft.graph.${base}` }));
  const families = [entity("microsoft.graph.few"), ...derived("few", 3, 16), entity("microsoft.graph.many"), ...derived("many", 6, 20)];
  // Entries too long for their line: an enum member, a string-valued table entry, a `[kind, () => X]` one.
  const longEntries = [
    enumType("microsoft.graph.longMembers", ["a", long(60), long(95)]),
    complex("microsoft.graph.longEntries", [prop(long(90), "Edm.String"), prop(long(70), "microsoft.graph.longMembers"), prop(long(75), "microsoft.graph.base"), prop(long(88), "Collection(microsoft.graph.base)")]),
  ];
  return modelOf(entity("microsoft.graph.base", [prop("id", "Edm.String")]), ...types, ...short, ...families, ...longEntries);
}

test("every statement laid out without prettier is what prettier prints, in every layout the names force", async () => {
  const { files } = emitModel(model(), { templates: await templates(), sources: ["model"] });
  const claimed = files.flatMap((f) => f.chunks ?? []).flatMap((c) => c.parts ?? []).filter((p) => p.formatted);
  for (const part of claimed) expect(await formatChunk(part.text)).toBe(part.text);
  const text = claimed.map((p) => p.text).join("\n");
  // Each layout is exercised, so each is checked against prettier above.
  expect(text).toMatch(/= \/\* @__PURE__ \*\/ typeSchema\("[^"]+", undefined, \(\) => \(\{\n/);
  expect(text).toMatch(/= \/\* @__PURE__ \*\/ typeSchema\(\n {2}"/);
  expect(text).toMatch(/ =\n {2}\/\* @__PURE__ \*\/ typeSchema\(/);
  expect(text).toMatch(/\(d\) =>\n {4}d\([^\n]+\),\n/);
  expect(text).toMatch(/\(d\) =>\n {4}d\(\n/);
  expect(text).toMatch(/"@odata\.type"\?:\n {4}\| "#/);
  expect(text).toMatch(/"@odata\.type"\?:\n {4}"#/);
  expect(text).toMatch(/ {2}return \(\n {4}typeof value === "string" &&/);
  expect(text).toMatch(/^export type \w+ =\n {2}"/m);
  expect(text).toMatch(/^ {2}tx{95}:\n {4}"tx{95}",$/m);
  expect(text).toMatch(/^ {2}readonly tx{95}: "tx{95}";$/m);
  expect(text).toMatch(/^ {4}tx{75}: \[\n {6}"\?",\n {6}\(\) => BASE_SCHEMA,\n {4}\],$/m);
  expect(text).toMatch(/^ {4}tx{90}:\n {6}"\?s",$/m);
  expect(claimed.length).toBeGreaterThan(40);
});

/**
 * Derived-type unions with the base narrowed (`(Base & { "@odata.type"?: ... })`), interface headers that extend a
 * plain or a qualified name, open types, flags enums' `split` and `join` helpers and their long member lists, and
 * operation responses, with names around the print width.
 */
function unionsModel() {
  // [base name length, derived name suffix length, derived types]: short bases keep the narrowed member on its
  // line, and one derived type keeps the union whole on the line after `=`.
  const families = [[3, 0, 1], [1, 1, 3], [2, 30, 3], [10, 0, 3], [25, 0, 3], [38, 0, 3], [48, 0, 3], [60, 0, 3]].flatMap(([n, d, count]) => {
    const base = `microsoft.graph.${long(n!)}`;
    const derived = Array.from({ length: count! }, (_, i) => entity(`${base}Derived${i}${"y".repeat(d!)}`, [], { baseType: base }));
    return [entity(base, [prop("id", "Edm.String")]), ...derived];
  });
  const headers = [40, 50, 60].flatMap((n) => [
    entity(`microsoft.graph.${long(n)}Source`),
    entity(`microsoft.graph.${long(n)}Extended`, [], { baseType: `microsoft.graph.${long(n)}Source` }),
    entity(`microsoft.graph.deeply.nested.${long(n)}Extended`, [], { baseType: `microsoft.graph.${long(n)}Source`, openType: true }),
  ]);
  // Members long enough for a combination's line to pass the print width (prettier leaves it long).
  const flags = [[8, 8], [20, 20], [40, 40], [60, 60], [8, 95]].map(([n, m]) => flagsEnum(`microsoft.graph.${long(n!)}Options`, ["a", `${long(m!)}Member`, "c"]));
  const responses = [20, 40, 60].map((n) => operation("function", `microsoft.graph.${long(n)}Summary`, { bound: "microsoft.graph.base", returns: `Collection(microsoft.graph.${long(n)}Result)` }));
  const results = [20, 40, 60].map((n) => complex(`microsoft.graph.${long(n)}Result`));
  return modelOf(entity("microsoft.graph.base", [prop("id", "Edm.String")]), ...families, ...headers, ...flags, ...responses, ...results);
}

test("derived-type unions, long headers, open types, flags helpers and responses are what prettier prints", async () => {
  const { files } = emitModel(unionsModel(), { templates: await templates(), sources: ["model"] });
  const claimed = files.flatMap((f) => f.chunks ?? []).flatMap((c) => c.parts ?? []).filter((p) => p.formatted);
  for (const part of claimed) expect(await formatChunk(part.text)).toBe(part.text);
  const text = claimed.map((p) => p.text).join("\n");
  // The narrowed base flat, broken with its member on one line, and broken with the member's union one a line.
  expect(text).toMatch(/^ {2}\| \(\w+ & \{ "@odata\.type"\?: "#[^\n]+" \}\)$/m);
  expect(text).toMatch(/^ {2}\| \(\w+ & \{\n {6}"@odata\.type"\?: "#[^\n]+";\n {4}\}\)$/m);
  expect(text).toMatch(/^ {2}\| \(\w+ & \{\n {6}"@odata\.type"\?:\n {8}\| "#[^\n]+"\n {8}\| "[^\n]+";\n {4}\}\)$/m);
  expect(text).toMatch(/^export type Any\w+ =\n {2}\(\w+ & \{[^\n]+\}\) \| \w+/m);
  // A header too long: kept whole extending a plain name, broken before `extends` of a qualified one.
  const lines = text.split("\n");
  expect(lines.some((line) => /^export interface \w+ extends \w+ \{$/.test(line) && line.length > 100)).toBe(true);
  expect(text).toMatch(/^export interface \w+\n {2}extends microsoftGraph\.\w+ \{$/m);
  expect(text).toMatch(/^ {2}\[key: string\]: unknown;$/m);
  expect(text).toMatch(/^export function split\w+Flags\(\n {2}value: string \| null \| undefined,\n\): \w+\[\] \{$/m);
  expect(lines.some((line) => /^ {2}\| "[^"]+";?$/.test(line) && line.length > 100)).toBe(true);
  expect(text).toMatch(/^export type \w+Response =\n {2}odata\.CollectionResponse<\w+>;$/m);
  // `join`'s overloads, their parameter broken, and its cast broken after `as`.
  expect(text).toMatch(/^export function join\w+Flags\(\n {2}members: readonly \[\w+, \.\.\.\w+\[\]\],\n\): \w+Flags;$/m);
  expect(text).toMatch(/^ {2}return joinFlags\(members, Object\.values\(\w+\)\) as\n {4}\w+Flags \| "";$/m);
});

/** A CSDL document of one schema (`microsoft.graph`, or others given whole), for the cases below. */
const metadata = (...schemas: string[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>${schemas
    .map((body) => (body.startsWith("<Schema") ? body : `<Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`))
    .join("")}</edmx:DataServices></edmx:Edmx>`;

const revision = (text: string): string =>
  `<Annotation Term="Org.OData.Core.V1.Revisions"><Collection><Record><PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Deprecated"/><PropertyValue Property="Description" String="${text}"/></Record></Collection></Annotation>`;
const described = (text: string): string => `<Annotation Term="Org.OData.Core.V1.Description" String="${text}"/>`;

/**
 * Text prettier lays out otherwise than it is written (found by an attack on the layouts): it unquotes a key such as
 * "café", measures a wide character as two columns and a combining mark as none, breaks a heritage name of two dots
 * before the last, re-indents a JSDoc-style comment, trims trailing spaces and makes a carriage return a line break.
 * Such statements are left to prettier, so each file is what prettier makes of it whole.
 */
test.each([
  ["a key that is an identifier only in Unicode", metadata(`<ComplexType Name="thing"><Property Name="café" Type="Edm.String"/></ComplexType><EnumType Name="colour"><Member Name="rouge" Value="0"/><Member Name="vert_été" Value="1"/></EnumType>`)],
  ["wide characters", metadata(`<EnumType Name="wide"><Member Name="${"日".repeat(20)}" Value="0"/><Member Name="${"月".repeat(20)}" Value="1"/></EnumType>`)],
  ["combining marks", metadata(`<EnumType Name="mark"><Member Name="a${"\u0301".repeat(80)}" Value="0"/><Member Name="b" Value="1"/></EnumType>`)],
  [
    "a base named with two dots, too long for the broken line",
    metadata(
      `<Schema Namespace="contoso.tools" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="b${"x".repeat(74)}"/></Schema>`,
      `<ComplexType Name="derived" BaseType="contoso.tools.b${"x".repeat(74)}"/>`,
    ),
  ],
  ["member doc lines that start with *", metadata(`<EnumType Name="colour"><Member Name="red" Value="0">${described("Options:&#10;* one&#10;* two")}</Member><Member Name="green" Value="1"/></EnumType>`)],
  ["trailing spaces in docs", metadata(`<EnumType Name="colour">${revision("old   &#10;use hue")}<Member Name="red" Value="0">${described("Bright red. &#10;Not for print.")}${revision("Use green.")}</Member><Member Name="green" Value="1"/></EnumType>`)],
  ["a carriage return in a description", metadata(`<ComplexType Name="thing">${described("one&#13;two")}<Property Name="p" Type="Edm.String"/></ComplexType>`)],
])("%s: every claimed statement is prettier's, and the files are prettier's whole", async (_, text) => {
  for (const layout of ["modules", "single"] as const) {
    const result = await runPipeline([{ path: "metadata.xml", text }], { templates: await templates(), sourceLabels: ["metadata.xml"], layout });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { files } = emitModel(result.model, { templates: await templates(), sources: ["metadata.xml"], layout });
    for (const part of files.flatMap((f) => f.chunks ?? []).flatMap((c) => c.parts ?? []).filter((p) => p.formatted)) expect(await formatChunk(part.text)).toBe(part.text);
    const whole = await formatFiles(files.map((f) => ({ path: f.path, text: f.text })));
    expect(result.files).toEqual(whole);
  }
});
