import { DEFAULT_CSDL_LIMITS } from "../../generator/csdl/parse.js";
import { bodyAt, codes, edmx, parse } from "./helpers.js";

const schema = edmx('<ComplexType Name="x"><Property Name="p" Type="Edm.String"/></ComplexType>');

describe("DOCTYPE is refused", () => {
  test("billion laughs: GT2102 at the DOCTYPE, nothing parsed, nothing expanded", () => {
    const lol = [
      '<?xml version="1.0"?>',
      '  <!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`),
      "]>",
      '<Schema Namespace="n"><ComplexType Name="&lol9;"/></Schema>',
    ].join("\n");
    const started = Date.now();
    const { document, diagnostics } = parse(lol);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(document).toEqual({ file: "metadata.xml", schemas: [] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "GT2102", kind: "unsafe-xml", severity: "error", at: { file: "metadata.xml", line: 2, column: 3 } });
    expect(diagnostics[0].message).toContain("DOCTYPE");
  });

  test("an external entity (SYSTEM file:///etc/passwd) is refused the same way", () => {
    const xxe = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE Schema [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>',
      '<Schema Namespace="n"><ComplexType Name="x"><Annotation Term="d" String="&xxe;"/></ComplexType></Schema>',
    ].join("\n");
    const { document, diagnostics } = parse(xxe);
    expect(document.schemas).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.at])).toEqual([["GT2102", { file: "metadata.xml", line: 2, column: 1 }]]);
    expect(JSON.stringify(document)).not.toContain("root:");
  });

  test("a lower-case doctype is refused too; one inside a comment is only a comment", () => {
    expect(codes(parse('<!doctype x SYSTEM "file:///etc/passwd"><Schema Namespace="n"/>').diagnostics)).toEqual(["GT2102"]);
    const commented = parse('<!-- <!DOCTYPE x [ <!ENTITY a "b"> ]> -->\n<Schema Namespace="n"><ComplexType Name="x"/></Schema>');
    expect(commented.diagnostics).toEqual([]);
    expect(commented.document.schemas[0].complexTypes.map((t) => t.name)).toEqual(["x"]);
  });

  test("predefined entities and character references still decode; a reference to a character XML forbids is GT2101 and left out; anything else stays as written", () => {
    const { document, diagnostics } = parse(
      `<Schema Namespace="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42; &nbsp; &#0; &amp;amp;"/>`,
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["GT2101", "GT2107"]);
    expect(diagnostics[0]!.message).toBe("attribute Namespace of <Schema> has the character reference &#0;, a character XML does not allow; it is left out");
    expect(document.schemas[0].namespace).toBe(`a & b <c> "d" 'e' AB &nbsp;  &amp;`);
  });
});

describe("limits", () => {
  test("10,000 nested elements: GT2103 at the first element past the limit, no stack overflow", () => {
    const depth = 10_000;
    const text = `<Schema Namespace="n">${"<Annotation Term='t'><Collection>".repeat(depth / 2)}${"</Collection></Annotation>".repeat(depth / 2)}</Schema>`;
    const { document, diagnostics } = parse(text);
    expect(document.schemas).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    // The Schema is level 1, so level 201 is the 100th <Collection>.
    const column = '<Schema Namespace="n">'.length + 99 * "<Annotation Term='t'><Collection>".length + "<Annotation Term='t'>".length + 1;
    expect(diagnostics[0]).toMatchObject({ code: "GT2103", severity: "error", at: { line: 1, column } });
    expect(diagnostics[0].message).toBe("elements nest more than 200 levels deep here; nothing was parsed");
  });

  test("the depth limit is an option; exactly at the limit is fine", () => {
    const text = '<Schema Namespace="n"><ComplexType Name="x"><Property Name="p" Type="Edm.String"/></ComplexType></Schema>';
    expect(parse(text, { maxDepth: 3 }).diagnostics).toEqual([]);
    expect(parse(text, { maxDepth: 2 }).diagnostics.map((d) => [d.code, d.at?.column])).toEqual([["GT2103", 45]]);
  });

  test("a 2 MB attribute value: GT2105, the value is dropped, the rest is read", () => {
    expect(DEFAULT_CSDL_LIMITS.maxAttributeLength).toBe(1024 * 1024);
    const huge = "x".repeat(2 * 1024 * 1024);
    const { document, diagnostics } = parse(edmx(`
      <ComplexType Name="x">
        <Annotation Term="Org.OData.Core.V1.Description" String="${huge}" />
        <Property Name="${huge}" Type="Edm.String" />
        <Property Name="kept" Type="Edm.String" />
      </ComplexType>
    `));
    const [type] = document.schemas[0].complexTypes;
    expect(type.annotations).toEqual([{ term: "Org.OData.Core.V1.Description", at: bodyAt(2, 3) }]);
    expect(type.properties.map((p) => p.name)).toEqual(["kept"]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2105", "attribute String of <Annotation> is 2097152 characters, over the limit of 1048576; dropped", bodyAt(2, 3)],
      ["GT2105", "attribute Name of <Property> is 2097152 characters, over the limit of 1048576; dropped", bodyAt(3, 3)],
      ["GT2104", "<Property> is missing the Name attribute; skipped", bodyAt(3, 3)],
    ]);
  });

  test("element text over the limit is dropped the same way", () => {
    const text = `<Schema Namespace="n"><ComplexType Name="x"><Annotation Term="d"><String>${"y".repeat(50)}</String></Annotation></ComplexType></Schema>`;
    const { document, diagnostics } = parse(text, { maxAttributeLength: 10 });
    expect(document.schemas[0].complexTypes[0].annotations).toEqual([{ term: "d", at: { file: "metadata.xml", line: 1, column: 45 } }]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["GT2105", "the text of <String> is 50 characters, over the limit of 10; dropped"]]);
  });

  test("a document over maxBytes is GT0003 and not parsed (bytes, not characters)", () => {
    const text = `<Schema Namespace="ü"/>`; // 24 bytes, 23 characters
    expect(parse(text, { maxBytes: 24 }).diagnostics).toEqual([]);
    const { document, diagnostics } = parse(text, { maxBytes: 23 });
    expect(document.schemas).toEqual([]);
    expect(diagnostics).toEqual([
      {
        kind: "input-too-large",
        code: "GT0003",
        severity: "error",
        message: "the document is 24 bytes, over the limit of 23; not parsed",
        at: { file: "metadata.xml", line: 1, column: 1 },
      },
    ]);
    expect(DEFAULT_CSDL_LIMITS.maxBytes).toBe(64 * 1024 * 1024);
  });
});

describe("malformed input", () => {
  test("a truncated file: GT2101 where the text stops, pointing at the element left open", () => {
    const lines = schema.split("\n");
    const inTag = parse([...lines.slice(0, 4), '      <ComplexType Name="x"><Property Name="p"'].join("\n"));
    expect(inTag.document.schemas).toEqual([]);
    expect(inTag.diagnostics).toEqual([
      expect.objectContaining({
        code: "GT2101",
        message: "the document ends inside a start tag (truncated?)",
        at: { file: "metadata.xml", line: 5, column: 47 },
        related: [{ message: "the start tag begins here", at: { file: "metadata.xml", line: 5, column: 29 } }],
      }),
    ]);
    const inQuote = parse([...lines.slice(0, 4), '      <ComplexType Name="x"><Property Name="p'].join("\n"));
    expect(inQuote.diagnostics.map((d) => [d.code, d.message, d.at?.line])).toEqual([
      ["GT2101", "invalid XML: Attributes for 'Property' have open quote.", 5],
    ]);
    const cut = parse(lines.slice(0, 5).join("\n") + "\n");
    expect(cut.diagnostics).toEqual([
      {
        kind: "invalid-xml",
        code: "GT2101",
        severity: "error",
        message: "the document ends with <Schema> still open (truncated?)",
        at: { file: "metadata.xml", line: 5, column: 81 },
        related: [{ message: "<Schema> begins here", at: { file: "metadata.xml", line: 4, column: 5 } }],
      },
    ]);
    const inComment = parse(`${lines.slice(0, 4).join("\n")}\n<!-- unfinished`);
    expect(inComment.diagnostics.map((d) => [d.code, d.message, d.at?.line, d.related?.[0].at.line])).toEqual([
      ["GT2101", "the document ends inside a comment (truncated?)", 5, 5],
    ]);
  });

  test("a mismatched end tag is reported where the validator found it", () => {
    const { diagnostics } = parse('<Schema Namespace="n">\n  <ComplexType Name="x">\n  </EntityType>\n</Schema>');
    expect(diagnostics.map((d) => [d.code, d.message, d.at?.line, d.at?.column])).toEqual([
      ["GT2101", "invalid XML: Expected closing tag 'ComplexType' (opened in line 2, col 3) instead of closing tag 'EntityType'.", 3, 3],
    ]);
  });

  test("an empty or blank file is one GT2101; a file that is not XML, or an HTML page, one GT2106 saying what it is", () => {
    const results = ["", " \n\t\n", "hello, world", '{"json": true}', "<html><body/></html>"].map((text) => parse(text));
    for (const result of results) expect(result.document.schemas).toEqual([]);
    expect(results.map((r) => r.diagnostics.map((d) => [d.code, d.message, d.at?.line, d.at?.column]))).toEqual([
      [["GT2101", "the document is empty", 1, 1]],
      [["GT2101", "the document is empty", 1, 1]],
      [["GT2106", 'not CSDL metadata: the file is not XML, it starts with "hello, world"', 1, 1]],
      [["GT2106", `not CSDL metadata: the file is not XML, it starts with ${JSON.stringify('{"json": true}')} (JSON: CSDL metadata is the XML of $metadata, not its JSON form)`, 1, 1]],
      [["GT2106", "not CSDL metadata: the file is an HTML page (a failed download, or an error or login page saved as metadata?)", 1, 1]],
    ]);
  });

  test("a name the parser refuses (__proto__) is GT2101, not an exception", () => {
    const { document, diagnostics } = parse('<Schema Namespace="n"><__proto__/></Schema>');
    expect(document.schemas).toEqual([]);
    expect(codes(diagnostics)).toEqual(["GT2101"]);
    expect(diagnostics[0].message).toMatch(/^the XML parser rejected the document: /);
  });

  test("every prefix of a document parses without throwing, and every cut one says why", () => {
    const text = edmx(`
      <!-- c --><EntityType Name="e" Abstract="true"><Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String"><Annotation Term="d"><String><![CDATA[x]]></String></Annotation></Property>
      </EntityType>
    `).trimEnd();
    let withErrors = 0;
    for (let length = 0; length < text.length; length++) {
      const { diagnostics } = parse(text.slice(0, length));
      if (diagnostics.some((d) => d.severity === "error")) withErrors++;
      for (const d of diagnostics) expect(d.at?.line).toBeGreaterThanOrEqual(1);
    }
    expect(withErrors).toBe(text.length);
    expect(parse(text).diagnostics).toEqual([]);
  });
});
