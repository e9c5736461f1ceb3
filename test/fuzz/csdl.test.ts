import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { CORPUS } from "../helpers.js";
import { edmx } from "../csdl/helpers.js";
import { checkDiagnostics, checkRecordPositions, FUZZ_RUNS, mutate, mutation, options, randomText } from "./properties.js";

/**
 * parseCsdl on XML-ish soup, on random (well-formed) trees of CSDL elements with random attribute values and
 * text, and on real documents cut short, spliced and shuffled: the inline fixture below always, and
 * ../shared/corpus/csdl/small-fixture.xml when the corpus is there.
 */

function parseChecked(text: string, limits?: Parameters<typeof parseCsdl>[1]): ReturnType<typeof parseCsdl> {
  const result = parseCsdl({ path: "metadata.xml", text }, limits);
  checkDiagnostics(result.diagnostics, text, "metadata.xml");
  checkRecordPositions(result.document, text, "metadata.xml");
  if (result.document.file !== "metadata.xml" || !Array.isArray(result.document.schemas)) throw new Error("malformed document");
  return result;
}

const XML_PIECES = [
  "<",
  ">",
  "</",
  "/>",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  '<?xml version="1.0"?>',
  "<?",
  "?>",
  "<!DOCTYPE x>",
  "<!doctype",
  "<!ENTITY",
  "<!",
  "&",
  "&amp;",
  "&lt;",
  "&#0;",
  "&#x10FFFF;",
  "&#xD800;",
  "&#99999999;",
  "&lol;",
  '"',
  "'",
  "=",
  " ",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "\ufeff",
  "\u0000",
  "\ud800",
  ":",
  "edmx:",
  "Edmx",
  "edmx:Edmx",
  "DataServices",
  "edmx:DataServices",
  "Schema",
  "EntityType",
  "ComplexType",
  "EnumType",
  "Member",
  "Property",
  "NavigationProperty",
  "Key",
  "PropertyRef",
  "Annotation",
  "Annotations",
  "Collection",
  "Record",
  "PropertyValue",
  "String",
  "Action",
  "Function",
  "Parameter",
  "ReturnType",
  "EntityContainer",
  "EntitySet",
  "Singleton",
  "TypeDefinition",
  "__proto__",
  "constructor",
  ' Name="x"',
  ' Namespace="n"',
  ' Type="Edm.String"',
  ' Term="t"',
  ' Value="1"',
  ' Bool="maybe"',
  ' Int="1.5"',
  ' Nullable="no"',
] as const;

const xmlSoup = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...XML_PIECES) }, { weight: 1, arbitrary: randomText(6) }), { maxLength: 60 })
  .map((parts) => parts.join(""));

const ELEMENTS = ["Schema", "EntityType", "ComplexType", "EnumType", "Member", "Property", "NavigationProperty", "Key", "PropertyRef", "Annotation", "Annotations", "Collection", "Record", "PropertyValue", "String", "Bool", "Int", "EnumMember", "Path", "Action", "Function", "Parameter", "ReturnType", "EntityContainer", "EntitySet", "Singleton", "TypeDefinition", "Term", "x", "edmx:Edmx", "edmx:DataServices", "__proto__"];
const ATTRIBUTES = ["Name", "Namespace", "Alias", "Type", "BaseType", "Abstract", "OpenType", "HasStream", "Nullable", "ContainsTarget", "Value", "IsFlags", "UnderlyingType", "Term", "Target", "Qualifier", "String", "Bool", "Int", "EnumMember", "Property", "IsBound", "IsComposable", "EntitySetPath", "Version", "__proto__", "constructor", "toString"];

interface Tree {
  name: string;
  attributes: [string, string][];
  text: string;
  children: Tree[];
}

const attributeValue = fc.oneof(
  fc.constantFrom("true", "false", "1", "-1", "9007199254740993", "x", "", "Edm.String", "Collection(graph.x)", "graph.x", "microsoft.graph.x", " a\tb\nc "),
  randomText(10),
);

/** Element trees up to `depth` levels below the node. */
function treeOf(depth: number): fc.Arbitrary<Tree> {
  return fc.record({
    name: fc.constantFrom(...ELEMENTS),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRIBUTES), attributeValue), { maxLength: 4, selector: ([name]) => name }),
    text: fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: randomText(8) }),
    children: depth ? fc.array(treeOf(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
}

const tree = treeOf(4);

/** XML 1.0 has no way to write most C0 controls, lone surrogates or U+FFFE/U+FFFF, even as references: drop them. */
const xmlChars = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
const escape = (text: string): string => xmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function serialize(node: Tree, indent = ""): string {
  const attributes = node.attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join("");
  const inner = [escape(node.text), ...node.children.map((child) => `\n${serialize(child, `${indent}  `)}`)].join("");
  return inner ? `${indent}<${node.name}${attributes}>${inner}\n${indent}</${node.name}>` : `${indent}<${node.name}${attributes}/>`;
}

/** A document around random schema children, sometimes inside edmx:Edmx, sometimes a bare Schema, sometimes neither. */
const treeDocument = fc.tuple(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.constantFrom("edmx", "schema", "bare"), fc.boolean()).map(([children, wrapper, bom]) => {
  // A bare document has one root element.
  const body = (wrapper === "bare" ? children.slice(0, 1) : children).map((child) => serialize(child)).join("\n");
  const text = wrapper === "edmx" ? edmx(body) : wrapper === "schema" ? `<Schema Namespace="n">\n${body}\n</Schema>` : body;
  return `${bom ? "\ufeff" : ""}${text}`;
});

/** A small but complete document: every element kind the readers know. */
const FIXTURE = edmx(`
  <EnumType Name="status" IsFlags="false">
    <Member Name="active" Value="0"/>
    <Member Name="inactive" Value="1"><Annotation Term="Org.OData.Core.V1.Description" String="Not active."/></Member>
  </EnumType>
  <TypeDefinition Name="money" UnderlyingType="Edm.Decimal"/>
  <ComplexType Name="address" OpenType="true">
    <Property Name="street" Type="Edm.String" Nullable="false"/>
    <Property Name="tags" Type="Collection(Edm.String)"/>
  </ComplexType>
  <EntityType Name="entity" Abstract="true">
    <Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/>
  </EntityType>
  <EntityType Name="user" BaseType="graph.entity" OpenType="true">
    <Property Name="home" Type="graph.address"/>
    <Property Name="status" Type="graph.status"/>
    <NavigationProperty Name="manager" Type="graph.user" ContainsTarget="false"/>
    <Annotation Term="Org.OData.Core.V1.Revisions">
      <Collection>
        <Record Type="Org.OData.Core.V1.RevisionType">
          <PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Deprecated"/>
          <PropertyValue Property="Description"><String>Use &lt;x&gt; &amp; y &#x41;.</String></PropertyValue>
        </Record>
      </Collection>
    </Annotation>
  </EntityType>
  <Action Name="assign" IsBound="true">
    <Parameter Name="bindingParameter" Type="graph.user"/>
    <Parameter Name="ids" Type="Collection(Edm.Guid)" Nullable="false"/>
    <ReturnType Type="graph.user"/>
  </Action>
  <Function Name="delta" IsBound="true" IsComposable="true">
    <Parameter Name="bindingParameter" Type="Collection(graph.user)"/>
    <ReturnType Type="Collection(graph.user)"/>
  </Function>
  <EntityContainer Name="GraphService">
    <EntitySet Name="users" EntityType="graph.user"/>
    <Singleton Name="me" Type="graph.user"/>
  </EntityContainer>
  <Annotations Target="graph.user/home">
    <Annotation Term="Org.OData.Core.V1.Description" String="The home address."/>
    <Annotation Term="x.Int" Int="12"/>
    <!-- a comment <EntityType Name="no"/> -->
    <Annotation Term="x.CData"><String><![CDATA[<not> &markup;]]></String></Annotation>
  </Annotations>
`);

const xmlInsert = fc.oneof(fc.constantFrom(...XML_PIECES), randomText(6));

describe("fuzz: parseCsdl", () => {
  test("the inline fixture parses cleanly (the mutations start from a good document)", () => {
    const { document, diagnostics } = parseChecked(FIXTURE);
    expect(diagnostics).toEqual([]);
    expect(document.schemas[0].entityTypes.map((t) => t.name)).toEqual(["entity", "user"]);
  });

  test("XML-ish soup: never throws, diagnostics and record positions in range", () => {
    fc.assert(
      fc.property(xmlSoup, fc.constantFrom(undefined, { maxDepth: 3 }, { maxAttributeLength: 4 }), (text, limits) => {
        parseChecked(text, limits);
      }),
      options(FUZZ_RUNS.csdlSoup),
    );
  });

  test("random trees of CSDL elements with random attributes: never throws; well-formed XML is never GT2101", () => {
    fc.assert(
      fc.property(treeDocument, (text) => {
        const { diagnostics } = parseChecked(text);
        // Two GT2101s are by design: a root that is not Edmx or Schema, and names the parser refuses (`__proto__`).
        const invalid = diagnostics.find((d) => d.code === "GT2101" && !/root element|\[SECURITY\]/.test(d.message));
        if (invalid) throw new Error(`well-formed document reported as invalid XML: ${invalid.message}`);
      }),
      options(FUZZ_RUNS.csdlTree),
    );
  });

  test("the inline fixture truncated, spliced, cut and repeated: never throws", () => {
    fc.assert(
      fc.property(fc.array(mutation(xmlInsert), { minLength: 1, maxLength: 4 }), (mutations) => {
        parseChecked(mutate(FIXTURE, mutations));
      }),
      options(FUZZ_RUNS.csdlMutatedInline),
    );
  });

  const corpusFixture = path.join(CORPUS, "csdl", "small-fixture.xml");
  (existsSync(corpusFixture) ? test : test.skip)("../shared/corpus/csdl/small-fixture.xml mutated the same way", () => {
    const text = readFileSync(corpusFixture, "utf8");
    fc.assert(
      fc.property(fc.array(mutation(xmlInsert), { minLength: 1, maxLength: 3 }), (mutations) => {
        parseChecked(mutate(text, mutations));
      }),
      options(FUZZ_RUNS.csdlMutatedCorpus),
    );
  });
});
