import { bodyAt, codes, edmx, parse, schemaOf } from "./helpers.js";

describe("inline Annotation", () => {
  test("Description and LongDescription as attributes, on types, properties and members", () => {
    const schema = schemaOf(`
      <EntityType Name="user">
        <Property Name="aboutMe" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="A freeform text entry &amp; more &lt;b&gt;." />
        </Property>
        <Annotation Term="Org.OData.Core.V1.Description" String="Represents a user." />
        <Annotation Term="Org.OData.Core.V1.LongDescription" String="Inherits from directoryObject." />
        <Annotation Term="Org.OData.Capabilities.V1.TopSupported" Bool="true" />
      </EntityType>
      <EnumType Name="e">
        <Member Name="a" Value="0"><Annotation Term="Core.Description" Qualifier="short" String="The a." /></Member>
      </EnumType>
    `);
    const [user] = schema.entityTypes;
    expect(user.annotations).toEqual([
      { term: "Org.OData.Core.V1.Description", value: { kind: "string", value: "Represents a user." }, at: bodyAt(5, 3) },
      { term: "Org.OData.Core.V1.LongDescription", value: { kind: "string", value: "Inherits from directoryObject." }, at: bodyAt(6, 3) },
      { term: "Org.OData.Capabilities.V1.TopSupported", value: { kind: "bool", value: "true" }, at: bodyAt(7, 3) },
    ]);
    expect(user.properties[0].annotations).toEqual([
      { term: "Org.OData.Core.V1.Description", value: { kind: "string", value: "A freeform text entry & more <b>." }, at: bodyAt(3, 5) },
    ]);
    expect(schema.enumTypes[0].members[0].annotations).toEqual([
      { term: "Core.Description", qualifier: "short", value: { kind: "string", value: "The a." }, at: bodyAt(10, 30) },
    ]);
  });

  test("element forms: <String>, <EnumMember>, <Collection> of strings, a bare annotation has no value", () => {
    const schema = schemaOf(`
      <ComplexType Name="x">
        <Annotation Term="Org.OData.Core.V1.Description"><String>  Text with &#169; and &#x1F600;  </String></Annotation>
        <Annotation Term="Org.OData.Validation.V1.DerivedTypeConstraint">
          <Collection>
            <String>microsoft.graph.user</String>
            <String>microsoft.graph.group</String>
          </Collection>
        </Annotation>
        <Annotation Term="Org.OData.Core.V1.Permissions"><EnumMember>Org.OData.Core.V1.Permission/Read</EnumMember></Annotation>
        <Annotation Term="Org.OData.Core.V1.OptionalParameter" />
        <Annotation Term="Org.OData.Core.V1.Computed" Int="42" />
        <Annotation Term="t.path" Path="a/b" />
        <Annotation Term="t.cdata"><String><![CDATA[<kept> &amp; verbatim]]></String></Annotation>
      </ComplexType>
    `);
    expect(schema.complexTypes[0].annotations.map((a) => [a.term, a.value])).toEqual([
      ["Org.OData.Core.V1.Description", { kind: "string", value: "Text with \u00a9 and \u{1F600}" }],
      [
        "Org.OData.Validation.V1.DerivedTypeConstraint",
        { kind: "collection", items: [{ kind: "string", value: "microsoft.graph.user" }, { kind: "string", value: "microsoft.graph.group" }] },
      ],
      ["Org.OData.Core.V1.Permissions", { kind: "enum", value: "Org.OData.Core.V1.Permission/Read" }],
      ["Org.OData.Core.V1.OptionalParameter", undefined],
      ["Org.OData.Core.V1.Computed", { kind: "int", value: "42" }],
      ["t.path", { kind: "path", value: "a/b" }],
      ["t.cdata", { kind: "string", value: "<kept> &amp; verbatim" }],
    ]);
    expect(schema.complexTypes[0].annotations[3]).not.toHaveProperty("value");
  });

  test("Revisions: a collection of records with Kind, Date, Version, Description", () => {
    const schema = schemaOf(`
      <EntityType Name="alert">
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection>
            <Record Type="Org.OData.Core.V1.RevisionType">
              <PropertyValue Property="Date" Date="2024-04-10" />
              <PropertyValue Property="Description" String="The legacy API is deprecated." />
              <PropertyValue Property="Kind">
                <EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember>
              </PropertyValue>
              <PropertyValue Property="Version" String="2024-01/Deprecation" />
            </Record>
            <Record>
              <PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Added" />
            </Record>
          </Collection>
        </Annotation>
      </EntityType>
    `);
    expect(schema.entityTypes[0].annotations).toEqual([
      {
        term: "Org.OData.Core.V1.Revisions",
        at: bodyAt(2, 3),
        value: {
          kind: "collection",
          items: [
            {
              kind: "record",
              type: "Org.OData.Core.V1.RevisionType",
              properties: {
                Date: { kind: "date", value: "2024-04-10" },
                Description: { kind: "string", value: "The legacy API is deprecated." },
                Kind: { kind: "enum", value: "Org.OData.Core.V1.RevisionKind/Deprecated" },
                Version: { kind: "string", value: "2024-01/Deprecation" },
              },
            },
            { kind: "record", properties: { Kind: { kind: "enum", value: "Org.OData.Core.V1.RevisionKind/Added" } } },
          ],
        },
      },
    ]);
  });

  test("record property names are plain keys, the first of a repeated property wins", () => {
    const schema = schemaOf(`
      <ComplexType Name="x">
        <Annotation Term="t.r">
          <Record>
            <PropertyValue Property="__proto__" String="p" />
            <PropertyValue Property="constructor" Bool="false" />
            <PropertyValue Property="a" String="first" />
            <PropertyValue Property="a" String="second" />
          </Record>
        </Annotation>
      </ComplexType>
    `);
    const value = schema.complexTypes[0].annotations[0].value;
    if (value?.kind !== "record") throw new Error("expected a record");
    expect(Object.keys(value.properties)).toEqual(["__proto__", "constructor", "a"]);
    expect(value.properties["__proto__"]).toEqual({ kind: "string", value: "p" });
    expect(value.properties.a).toEqual({ kind: "string", value: "first" });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // nothing polluted
  });

  test("an Annotation without Term is GT2104; a Bool or Int that does not parse is GT2105 and keeps no value", () => {
    const { document, diagnostics } = parse(edmx(`
      <ComplexType Name="x">
        <Annotation String="orphan" />
        <Annotation Term="a" Bool="yes" />
        <Annotation Term="b" Int="1e3" />
        <Annotation Term="c"><Record><PropertyValue String="no property name" /></Record></Annotation>
      </ComplexType>
    `));
    expect(document.schemas[0].complexTypes[0].annotations.map((a) => [a.term, a.value])).toEqual([
      ["a", undefined],
      ["b", undefined],
      ["c", { kind: "record", properties: {} }],
    ]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2104", "<Annotation> is missing the Term attribute; skipped", bodyAt(2, 3)],
      ["GT2105", '<Annotation> Bool="yes" is not true or false; ignored', bodyAt(3, 3)],
      ["GT2105", '<Annotation> Int="1e3" is not an integer; ignored', bodyAt(4, 3)],
      ["GT2104", "<PropertyValue> is missing the Property attribute; skipped", bodyAt(5, 32)],
    ]);
  });
});

describe("out-of-line Annotations", () => {
  test("Target, Qualifier and the annotations of the block, in document order", () => {
    const schema = schemaOf(`
      <Annotations Target="microsoft.graph.user/joinedGroups">
        <Annotation Term="Org.OData.Capabilities.V1.ChangeTracking">
          <Record>
            <PropertyValue Property="Supported" Bool="false" />
          </Record>
        </Annotation>
        <Annotation Term="Org.OData.Core.V1.Description" String="The groups." />
      </Annotations>
      <Annotations Target="microsoft.graph.alert" Qualifier="beta">
        <Annotation Term="Org.OData.Core.V1.Revisions">
          <Collection><Record><PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Deprecated" /></Record></Collection>
        </Annotation>
      </Annotations>
    `);
    expect(schema.annotations).toEqual([
      {
        target: "microsoft.graph.user/joinedGroups",
        at: bodyAt(1, 1),
        annotations: [
          {
            term: "Org.OData.Capabilities.V1.ChangeTracking",
            value: { kind: "record", properties: { Supported: { kind: "bool", value: "false" } } },
            at: bodyAt(2, 3),
          },
          { term: "Org.OData.Core.V1.Description", value: { kind: "string", value: "The groups." }, at: bodyAt(7, 3) },
        ],
      },
      {
        target: "microsoft.graph.alert",
        qualifier: "beta",
        at: bodyAt(9, 1),
        annotations: [
          {
            term: "Org.OData.Core.V1.Revisions",
            value: {
              kind: "collection",
              items: [{ kind: "record", properties: { Kind: { kind: "enum", value: "Org.OData.Core.V1.RevisionKind/Deprecated" } } }],
            },
            at: bodyAt(10, 3),
          },
        ],
      },
    ]);
  });

  test("a block without Target is skipped with GT2104", () => {
    const { document, diagnostics } = parse(edmx(`
      <Annotations>
        <Annotation Term="lost" String="no target" />
      </Annotations>
    `));
    expect(document.schemas[0].annotations).toEqual([]);
    expect(codes(diagnostics)).toEqual(["GT2104"]);
    expect(diagnostics[0]).toMatchObject({ message: "<Annotations> is missing the Target attribute; skipped", at: bodyAt(1, 1) });
  });
});
