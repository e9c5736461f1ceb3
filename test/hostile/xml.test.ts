import { jest } from "@jest/globals";
import { DEFAULT_CSDL_LIMITS } from "../../generator/csdl/limits.js";
import { runPipeline, type Limits, type PipelineResult } from "../../generator/pipeline.js";
import type { Diagnostic } from "../../generator/types/index.js";
import { compileErrors } from "../corpus/compile.js";
import { edmx } from "../csdl/helpers.js";
import { resourcePage, templates } from "../helpers.js";

/**
 * Hostile CSDL through runPipeline (a `.xml` source is read as metadata): entity tricks, depth, size and truncation.
 * Each case states its exact diagnostics, and no exception may escape; what output there is must compile.
 */

jest.setTimeout(120_000);

const MB = 1024 * 1024;

async function run(sources: Record<string, string>, limits?: Partial<Limits>): Promise<PipelineResult> {
  return runPipeline(
    Object.entries(sources).map(([file, text]) => ({ path: file, text })),
    { templates: await templates(), sourceLabels: ["hostile"], ...(limits ? { limits } : {}) },
  );
}

function placed(diagnostics: readonly Diagnostic[]): [string, string | undefined][] {
  return diagnostics.map((d) => [d.code, d.at ? `${d.at.file}:${d.at.line}:${d.at.column}` : undefined]);
}

function where(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`${JSON.stringify(needle)} not in text`);
  const before = text.slice(0, index).split("\n");
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function expectCompiles(result: PipelineResult): void {
  expect(result.files.length).toBeGreaterThan(0);
  expect(compileErrors(result.files)).toEqual([]);
}

const schema = edmx(`
  <ComplexType Name="address">
    <Property Name="street" Type="Edm.String" />
  </ComplexType>
  <EntityType Name="user">
    <Key><PropertyRef Name="id" /></Key>
    <Property Name="id" Type="Edm.String" Nullable="false" />
    <Property Name="home" Type="graph.address" />
  </EntityType>
`);

describe("DOCTYPE and entities", () => {
  test("billion laughs: GT2102 at the DOCTYPE, refused in milliseconds, nothing expanded", async () => {
    const lol = [
      '<?xml version="1.0"?>',
      "<!DOCTYPE lolz [",
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`),
      "]>",
      '<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="&lol9;"/></Schema>',
    ].join("\n");
    const started = Date.now();
    const result = await run({ "lol.xml": lol });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(placed(result.diagnostics)).toEqual([["GT2102", "lol.xml:2:1"]]);
    expect(result.documents).toEqual([{ file: "lol.xml", schemas: [] }]);
    expect(result.files.map((f) => f.text).join("")).not.toContain("lollol");
    expectCompiles(result);
  });

  test("an external entity (SYSTEM file:///etc/passwd) and a parameter entity: GT2102, no file content anywhere", async () => {
    const xxe = ['<?xml version="1.0"?>', '<!DOCTYPE Schema [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p; ]>', '<Schema Namespace="n"><ComplexType Name="x"><Annotation Term="Org.OData.Core.V1.Description" String="&xxe;"/></ComplexType></Schema>'].join("\n");
    const result = await run({ "xxe.xml": xxe });
    expect(placed(result.diagnostics)).toEqual([["GT2102", "xxe.xml:2:1"]]);
    expect(JSON.stringify(result)).not.toMatch(/root:|daemon:/);
    expectCompiles(result);
  });

  test("a DOCTYPE with no internal subset (public DTD) is refused the same way", async () => {
    const text = `<!DOCTYPE Edmx PUBLIC "-//x//y" "http://127.0.0.1:1/edmx.dtd">\n${schema}`;
    expect(placed((await run({ "public.xml": text })).diagnostics)).toEqual([["GT2102", "public.xml:1:1"]]);
  });

  test("entity references with no DOCTYPE stay inert text; XInclude is an unknown element, ignored", async () => {
    const text = edmx(`
      <ComplexType Name="x" xmlns:xi="http://www.w3.org/2001/XInclude">
        <xi:include href="file:///etc/passwd" parse="text"/>
        <Property Name="p" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="&xxe; &amp; &#x41;"/></Property>
      </ComplexType>
    `);
    const result = await run({ "inert.xml": text });
    expect(placed(result.diagnostics)).toEqual([]);
    const property = result.documents[0].schemas[0].complexTypes[0].properties[0];
    expect(property.annotations[0].value).toEqual({ kind: "string", value: "&xxe; & A" });
    expect(JSON.stringify(result)).not.toMatch(/root:|daemon:/);
    expectCompiles(result);
  });
});

describe("depth", () => {
  test("100,000 nested elements: GT2103 at the first element past 200 levels, no stack overflow", async () => {
    const text = `<Schema Namespace="n">${"<Annotation Term='t'><Collection>".repeat(50_000)}${"</Collection></Annotation>".repeat(50_000)}</Schema>`;
    const result = await run({ "deep.xml": text });
    // Schema is level 1: level 201 is the 100th <Collection>.
    const column = '<Schema Namespace="n">'.length + 99 * "<Annotation Term='t'><Collection>".length + "<Annotation Term='t'>".length + 1;
    expect(placed(result.diagnostics)).toEqual([["GT2103", `deep.xml:1:${column}`]]);
    expect(result.diagnostics[0].message).toBe(`elements nest more than ${DEFAULT_CSDL_LIMITS.maxDepth} levels deep here; nothing was parsed`);
    expectCompiles(result);
  });

  test("a million start tags that never close: GT2103 as soon as the depth passes the limit", async () => {
    const text = `<Schema Namespace="n">\n${"<a>".repeat(1_000_000)}`;
    const result = await run({ "open.xml": text });
    expect(placed(result.diagnostics)).toEqual([["GT2103", `open.xml:2:${200 * 3 - 2}`]]);
  });

  test("a maxDepth far past what the stack holds is capped: still GT2103, never a RangeError", async () => {
    const text = `<Schema Namespace="n">${"<Annotation Term='t'><Collection>".repeat(50_000)}${"</Collection></Annotation>".repeat(50_000)}</Schema>`;
    const result = await run({ "deep.xml": text }, { csdl: { maxDepth: 10_000_000 } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["GT2103"]);
    expect(result.diagnostics[0].message).toBe("elements nest more than 1000 levels deep here; nothing was parsed");
  });
});

describe("size", () => {
  test("an attribute of 5 MB: GT2105, that value dropped, the rest of the document read and generated", async () => {
    const huge = "x".repeat(5 * MB);
    const text = schema.replace('<Property Name="street" Type="Edm.String" />', `<Property Name="street" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description" String="${huge}"/></Property>`);
    const result = await run({ "big.xml": text });
    expect(placed(result.diagnostics)).toEqual([["GT2105", `big.xml:${where(text, "<Annotation Term")}`]]);
    expect(result.diagnostics[0].message).toBe(`attribute String of <Annotation> is ${5 * MB} characters, over the limit of ${DEFAULT_CSDL_LIMITS.maxAttributeLength}; dropped`);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.name)).sort()).toEqual(["address", "user"]);
    expect(result.files.map((f) => f.text).join("")).not.toContain("xxxxxxxxxx");
    expectCompiles(result);
  });

  test("a name attribute of 2 MB: GT2105 and GT2104 (the element is skipped), the rest read", async () => {
    const text = schema.replace('<ComplexType Name="address">', `<ComplexType Name="${"n".repeat(2 * MB)}">`).replace('Type="graph.address"', 'Type="Edm.String"');
    const result = await run({ "name.xml": text });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2104", `name.xml:${where(text, "<ComplexType")}`],
      ["GT2105", `name.xml:${where(text, "<ComplexType")}`],
    ]);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.name))).toEqual(["user"]);
    expectCompiles(result);
  });

  test("a document over 64 MB: GT0003 before anything is parsed", async () => {
    const text = `${schema}<!-- ${"p".repeat(65 * MB)} -->`;
    const started = Date.now();
    const result = await run({ "huge.xml": text });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(placed(result.diagnostics)).toEqual([["GT0003", "huge.xml:1:1"]]);
    expect(result.diagnostics[0].message).toBe(`the document is ${Buffer.byteLength(text)} bytes, over the limit of ${DEFAULT_CSDL_LIMITS.maxBytes}; not parsed`);
  });
});

describe("broken documents", () => {
  test("truncated inside a start tag, inside an attribute value, and between elements: GT2101 each, no exception", async () => {
    const cut = (needle: string, extra = 0) => schema.slice(0, schema.indexOf(needle) + extra);
    const inTag = cut('<Property Name="id"', '<Property Name="id"'.length);
    const inValue = cut('<Property Name="id"', '<Property Name="i'.length);
    const between = cut("<EntityType");
    const result = await run({ "a-tag.xml": inTag, "b-value.xml": inValue, "c-between.xml": between });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2101", `a-tag.xml:${where(inTag + "$", "$")}`],
      // The validator's place: the open tag's line (10), at the column it reports inside that tag.
      ["GT2101", `b-value.xml:${where(inValue, '<Property Name="i').split(":")[0]}:18`],
      ["GT2101", `c-between.xml:${where(between.trimEnd() + "$", "$")}`],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "the document ends inside a start tag (truncated?)",
      "invalid XML: Attributes for 'Property' have open quote.",
      "the document ends with <Schema> still open (truncated?)",
    ]);
    expect(result.diagnostics[0].related).toEqual([{ message: "the start tag begins here", at: { file: "a-tag.xml", ...lineColumn(inTag, '<Property Name="id"') } }]);
    expect(result.diagnostics[2].related).toEqual([{ message: "<Schema> begins here", at: { file: "c-between.xml", ...lineColumn(between, "<Schema") } }]);
    expect(result.documents.every((d) => d.schemas.length === 0)).toBe(true);
    expectCompiles(result);
  });

  test("an empty file and a file of blanks (GT2101); binary bytes, JSON, an HTML error page, another XML root, no Schema (GT2106, saying what it is)", async () => {
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
    const result = await run({
      "a-empty.xml": "",
      "b-blank.xml": " \n\t\n",
      "c-binary.xml": binary,
      "d-html.xml": "<html><body>hi</body></html>",
      "e-error-page.xml": "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>",
      "f-json.xml": '{"@odata.context": "$metadata", "value": []}',
      "g-feed.xml": '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>',
      "h-no-schema.xml": '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices/></edmx:Edmx>',
    });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2101", "a-empty.xml:1:1"],
      ["GT2101", "b-blank.xml:1:1"],
      ["GT2106", "c-binary.xml:1:1"],
      ["GT2106", "d-html.xml:1:1"],
      ["GT2106", "e-error-page.xml:1:1"],
      ["GT2106", "f-json.xml:1:1"],
      ["GT2106", "g-feed.xml:2:1"],
      ["GT2106", "h-no-schema.xml:1:1"],
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "the document is empty",
      "the document is empty",
      // \v (the first byte) is white space to the sniff, as to XML
      `not CSDL metadata: the file is not XML, it starts with ${JSON.stringify(binary.slice(1, 21))}`,
      "not CSDL metadata: the file is an HTML page (a failed download, or an error or login page saved as metadata?)",
      "not CSDL metadata: the file is an HTML page (a failed download, or an error or login page saved as metadata?)",
      `not CSDL metadata: the file is not XML, it starts with ${JSON.stringify('{"@odata.context": "')} (JSON: CSDL metadata is the XML of $metadata, not its JSON form)`,
      "not a CSDL document: the root element is <feed>, not edmx:Edmx or Schema",
      "the metadata has no Schema (edmx:Edmx > edmx:DataServices > Schema): it declares no types",
    ]);
    expectCompiles(result);
  });

  test("ill-formed character references (&#x0;, &#xFFFF;, &#xD800;) are GT2101 at their element and left out of names", async () => {
    const text = edmx(`<ComplexType Name="a&#x0;b"><Property Name="p&#xFFFF;" Type="Edm.String" /><Property Name="q&#xD800;" Type="Edm.String" /></ComplexType>`);
    const result = await run({ "refs.xml": text });
    const refs = result.diagnostics.filter((d) => d.code === "GT2101");
    expect(refs.map((d) => d.message)).toEqual([
      "attribute Name of <ComplexType> has the character reference &#x0;, a character XML does not allow; it is left out",
      "attribute Name of <Property> has the character reference &#xFFFF;, a character XML does not allow; it is left out",
      "attribute Name of <Property> has the character reference &#xD800;, a character XML does not allow; it is left out",
    ]);
    const type = result.model.namespaces.flatMap((n) => n.types).find((t) => t.name === "ab")!;
    expect(type.properties.map((p) => p.name)).toEqual(["p", "q"]);
  });

  test("names that are not SimpleIdentifiers (GT2107, info: kept and quoted) and an Alias that is another schema's namespace (GT2108)", async () => {
    const text = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="contoso" Alias="other" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <ComplexType Name="thing"><Property Name="request-id" Type="Edm.String" /><Property Name="ref" Type="other.thing" /></ComplexType>
</Schema>
<Schema Namespace="other" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <ComplexType Name="thing"><Property Name="mine" Type="Edm.String" /></ComplexType>
</Schema>
</edmx:DataServices></edmx:Edmx>`;
    const result = await run({ "alias.xml": text });
    expect(placed(result.diagnostics)).toEqual([
      ["GT2108", `alias.xml:${where(text, "<Schema")}`],
      ["GT2107", `alias.xml:${where(text, '<Property Name="request-id"')}`],
    ]);
    expect(result.diagnostics[0]!.message).toBe('alias "other" of schema contoso is also the name of a namespace; in this document other.x resolves to contoso.x (the alias), elsewhere to the namespace');
    expect(result.diagnostics[1]!.severity).toBe("info");
    const ref = result.model.namespaces.find((n) => n.name === "contoso")!.types[0]!.properties.find((p) => p.name === "ref")!;
    expect(ref.type).toMatchObject({ kind: "named", fqn: "contoso.thing" });
    expectCompiles(result);
  });

  test("a refused metadata document beside good docs pages: diagnostics, not an exception", async () => {
    const lol = '<!DOCTYPE x [ <!ENTITY a "b"> ]><Schema Namespace="n"/>';
    const result = await run({ "lol.xml": lol, "widget.md": resourcePage({ name: "widget", properties: ["|id|String|The id.|"] }) });
    expect(result.diagnostics.filter((d) => d.at?.file === "lol.xml").map((d) => d.code)).toEqual(["GT2102"]);
    expect(result.diagnostics.every((d) => /^GT\d{4}$/.test(d.code))).toBe(true);
    expectCompiles(result);
  });
});

describe("known degradations", () => {
  test("a refused metadata document beside docs pages does not wipe out the documented types", async () => {
    const result = await run({
      "evil.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      "thing.md": resourcePage({ name: "thing", properties: ["|name|String|The name.|"] }),
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["GT2102"]);
    expect(result.model.namespaces.flatMap((n) => n.types.map((t) => t.fqn))).toEqual(["microsoft.graph.thing"]);
    expectCompiles(result);
  });
});

function lineColumn(text: string, needle: string): { line: number; column: number } {
  const [line, column] = where(text, needle).split(":").map(Number);
  return { line, column };
}

describe("names that would not compile", () => {
  test("an Action with two parameters named a: GT1015 at the second, renamed a_2 in the request body, which compiles", async () => {
    const text = edmx(`
      <EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <Action Name="poke" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <Parameter Name="a" Type="Edm.String" />
        <Parameter Name="a" Type="Edm.Int32" />
      </Action>
    `);
    const result = await run({ "dup.xml": text });
    expect(placed(result.diagnostics.filter((d) => d.code === "GT1015"))).toEqual([["GT1015", `dup.xml:${where(text, '<Parameter Name="a"', 2)}`]]);
    const module = result.files.find((f) => f.path === "microsoft.graph.ts")!.text;
    expect(module).toMatch(/a\?: string \| null;\s+(\/\*\*[\s\S]*?\*\/\s+)?a_2\?: number \| null;/);
    expectCompiles(result);
  });
});
