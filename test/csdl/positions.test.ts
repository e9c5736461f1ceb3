import { locator, scanMarkup } from "../../generator/csdl/positions.js";
import { parse } from "./helpers.js";

/** Every element of the fixture is marked with a Name that says where its `<` is. */
const fixture = [
  '<?xml version="1.0" encoding="utf-8"?>',
  "<?xml-stylesheet type='text/xsl' href='x.xsl'?>",
  "<!-- a comment with <EntityType Name=\"fake\"/> inside -->",
  '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
  "  <edmx:DataServices><!-- <Schema Namespace=\"fake\"> -->",
  '    <Schema Namespace="microsoft.graph"',
  '            Alias="graph"',
  '            xmlns="http://docs.oasis-open.org/odata/ns/edm">',
  '      <ComplexType Name="a" OpenType="true"><Property Name="p" Type="Edm.String"/></ComplexType>',
  "      <?pi <ComplexType Name='fake'/> ?>",
  "      <ComplexType",
  '        Name="b"',
  '        BaseType="graph.a"><Property',
  '          Name="q"',
  '          Type="Edm.Int32" /></ComplexType>',
  '      <ComplexType Name="c &gt; d"><Annotation Term="Org.OData.Core.V1.Description"><String><![CDATA[<ComplexType Name="fake"/>]]></String></Annotation></ComplexType>',
  '      <ComplexType Name="e" Fake="<Property Name=\'x\'>"><Property Name="r" Type=\'a>b\'/>\t<Property Name="s" Type="Edm.Byte"/></ComplexType>',
  "    </Schema>",
  "  </edmx:DataServices>",
  "</edmx:Edmx>",
  "",
].join("\n");

const at = (line: number, column: number, file = "positions.xml") => ({ file, line, column });

describe("positions", () => {
  test("every element's position is its start tag's `<`, past comments, PIs, CDATA, quotes and multi-line tags", () => {
    const { document, diagnostics } = parse(fixture, undefined, "positions.xml");
    // The fixture's names are chosen for their quotes and angle brackets, not to be SimpleIdentifiers.
    expect(diagnostics.filter((d) => d.code !== "GT2107")).toEqual([]);
    const [schema] = document.schemas;
    expect(schema.at).toEqual(at(6, 5));
    expect(schema.alias).toBe("graph");
    const types = schema.complexTypes;
    expect(types.map((t) => [t.name, t.at])).toEqual([
      ["a", at(9, 7)],
      ["b", at(11, 7)],
      ["c > d", at(16, 7)],
      ["e", at(17, 7)],
    ]);
    expect(types.map((t) => t.properties.map((p) => [p.name, p.type, p.at]))).toEqual([
      [["p", "Edm.String", at(9, 45)]],
      [["q", "Edm.Int32", at(13, 28)]],
      [],
      [
        ["r", "a>b", at(17, 56)],
        ["s", "Edm.Byte", at(17, 88)],
      ],
    ]);
    expect(types[2].annotations).toEqual([
      { term: "Org.OData.Core.V1.Description", value: { kind: "string", value: '<ComplexType Name="fake"/>' }, at: at(16, 36) },
    ]);
    expect(types[3].annotations).toEqual([]);
  });

  test("CRLF and lone CR end lines; a byte order mark is not a column", () => {
    const crlf = "\uFEFF<Schema Namespace=\"n\">\r\n  <ComplexType Name=\"a\"/>\r  <ComplexType Name=\"b\"/>\n</Schema>";
    const { document, diagnostics } = parse(crlf);
    expect(diagnostics).toEqual([]);
    expect(document.schemas[0].at).toEqual(at(1, 1, "metadata.xml"));
    expect(document.schemas[0].complexTypes.map((t) => t.at)).toEqual([at(2, 3, "metadata.xml"), at(3, 3, "metadata.xml")]);
  });

  test("the scanner lists start tags only, and tells how a truncated text ends", () => {
    const text = '<a x="<b>"><!-- <c> --><![CDATA[<d>]]><?p <e>?><f/></a><g>\n  <h>';
    const scan = scanMarkup(text, 200);
    expect(scan.starts).toEqual([0, text.indexOf("<f/>"), text.indexOf("<g>"), text.indexOf("<h>")]);
    expect(scan.unclosed).toEqual([{ name: "g", offset: text.indexOf("<g>") }, { name: "h", offset: text.indexOf("<h>") }]);
    expect(scan).not.toHaveProperty("unterminated");
    expect(scanMarkup("<a><!-- open", 200)).toEqual({ starts: [0], unclosed: [{ name: "a", offset: 0 }], unterminated: { name: "comment", offset: 3 } });
    expect(scanMarkup('<a x="never closed>', 200)).toEqual({ starts: [], unclosed: [], unterminated: { name: "start tag", offset: 0 } });
    expect(scanMarkup("<a><b><c/></b></a>", 2)).toEqual({ starts: [0, 3], tooDeep: 6, unclosed: [{ name: "a", offset: 0 }, { name: "b", offset: 3 }] });
  });

  test("the locator counts 1-based lines and columns", () => {
    const locate = locator("f.xml", "ab\ncd\r\nef\rg");
    expect([0, 1, 3, 4, 7, 10].map((offset) => locate(offset))).toEqual([
      at(1, 1, "f.xml"),
      at(1, 2, "f.xml"),
      at(2, 1, "f.xml"),
      at(2, 2, "f.xml"),
      at(3, 1, "f.xml"),
      at(4, 1, "f.xml"),
    ]);
  });
});
