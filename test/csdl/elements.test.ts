import { bodyAt, codes, edmx, parse, schemaOf } from "./helpers.js";

describe("Schema", () => {
  test("namespace, alias and position; several schemas in document order", () => {
    const text = [
      '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
      "  <edmx:DataServices>",
      '    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm"/>',
      '    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm"></Schema>',
      "  </edmx:DataServices>",
      "</edmx:Edmx>",
    ].join("\n");
    const { document, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(document.file).toBe("metadata.xml");
    expect(document.version).toBe("4.0");
    expect(document.schemas).toEqual([
      {
        namespace: "microsoft.graph",
        alias: "graph",
        at: { file: "metadata.xml", line: 3, column: 5 },
        entityTypes: [],
        complexTypes: [],
        enumTypes: [],
        typeDefinitions: [],
        actions: [],
        functions: [],
        annotations: [],
      },
      expect.objectContaining({ namespace: "microsoft.graph.callRecords", at: { file: "metadata.xml", line: 4, column: 5 } }),
    ]);
    expect(document.schemas[1]).not.toHaveProperty("alias");
  });

  test("a bare Schema root is read too; a Schema without Namespace is skipped with GT2104", () => {
    const bare = parse('<Schema Namespace="a.b"><ComplexType Name="x"/></Schema>');
    expect(bare.diagnostics).toEqual([]);
    expect(bare.document.schemas.map((s) => [s.namespace, s.complexTypes.map((t) => t.name)])).toEqual([["a.b", ["x"]]]);
    expect(bare.document).not.toHaveProperty("version");

    const { document, diagnostics } = parse(edmx("<ComplexType Name='x'/>", 'Alias="graph"'));
    expect(document.schemas).toEqual([]);
    expect(codes(diagnostics)).toEqual(["GT2104"]);
    expect(diagnostics[0]).toMatchObject({ severity: "warning", message: "<Schema> is missing the Namespace attribute; skipped", at: { line: 4, column: 5 } });
  });
});

describe("EntityType and ComplexType", () => {
  const schema = schemaOf(`
    <EntityType Name="entity" Abstract="true">
      <Key>
        <PropertyRef Name="id" />
      </Key>
      <Property Name="id" Type="Edm.String" Nullable="false" />
    </EntityType>
    <EntityType Name="driveItem" BaseType="graph.baseItem" OpenType="true" HasStream="true">
      <Property Name="content" Type="Edm.Stream" />
    </EntityType>
    <EntityType Name="compound" OpenType="false">
      <Key><PropertyRef Name="tenantId"/><PropertyRef Name="userId"/></Key>
    </EntityType>
    <ComplexType Name="identitySet" OpenType="true">
      <Property Name="application" Type="graph.identity" />
    </ComplexType>
    <ComplexType Name="chatMessageFromIdentitySet" BaseType="microsoft.graph.identitySet" />
  `);

  test("flags, base type and key", () => {
    expect(schema.entityTypes.map((t) => [t.kind, t.name, t.baseType, t.abstract, t.openType, t.hasStream, t.key])).toEqual([
      ["entity", "entity", undefined, true, false, false, ["id"]],
      ["entity", "driveItem", "graph.baseItem", false, true, true, undefined],
      ["entity", "compound", undefined, false, false, false, ["tenantId", "userId"]],
    ]);
    expect(schema.entityTypes[1]).not.toHaveProperty("key");
  });

  test("complex types keep BaseType as written and have no key", () => {
    expect(schema.complexTypes).toEqual([
      {
        kind: "complex",
        name: "identitySet",
        at: bodyAt(13, 1),
        abstract: false,
        openType: true,
        hasStream: false,
        properties: [{ name: "application", type: "graph.identity", at: bodyAt(14, 3), annotations: [] }],
        navigationProperties: [],
        annotations: [],
      },
      expect.objectContaining({ name: "chatMessageFromIdentitySet", baseType: "microsoft.graph.identitySet", at: bodyAt(16, 1) }),
    ]);
  });

  test("a type without Name is skipped; a bad boolean falls back to the default with GT2105", () => {
    const { document, diagnostics } = parse(edmx(`
      <EntityType Abstract="true"/>
      <EntityType Name="user" OpenType="yes" Abstract="TRUE"/>
    `));
    expect(document.schemas[0].entityTypes.map((t) => [t.name, t.openType, t.abstract])).toEqual([["user", false, false]]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at?.line, d.at?.column])).toEqual([
      ["GT2104", "<EntityType> is missing the Name attribute; skipped", 5, 7],
      ["GT2105", '<EntityType> Abstract="TRUE" is not true or false; ignored', 6, 7],
      ["GT2105", '<EntityType> OpenType="yes" is not true or false; ignored', 6, 7],
    ]);
  });
});

describe("Property and NavigationProperty", () => {
  test("type as written, Nullable only when written, ContainsTarget", () => {
    const schema = schemaOf(`
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="aboutMe" Type="Edm.String" />
        <Property Name="ageGroup" Type="graph.ageGroup" Nullable="true" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
        <NavigationProperty Name="calendars" Type="Collection(graph.calendar)" ContainsTarget="true" />
        <NavigationProperty Name="photo" Type="graph.profilePhoto" Nullable="false" ContainsTarget="false" />
      </EntityType>
    `);
    const [user] = schema.entityTypes;
    expect(user.properties).toEqual([
      { name: "businessPhones", type: "Collection(Edm.String)", nullable: false, at: bodyAt(2, 3), annotations: [] },
      { name: "aboutMe", type: "Edm.String", at: bodyAt(3, 3), annotations: [] },
      { name: "ageGroup", type: "graph.ageGroup", nullable: true, at: bodyAt(4, 3), annotations: [] },
    ]);
    expect(user.navigationProperties).toEqual([
      { name: "manager", type: "graph.directoryObject", containsTarget: false, at: bodyAt(5, 3), annotations: [] },
      { name: "calendars", type: "Collection(graph.calendar)", containsTarget: true, at: bodyAt(6, 3), annotations: [] },
      { name: "photo", type: "graph.profilePhoto", nullable: false, containsTarget: false, at: bodyAt(7, 3), annotations: [] },
    ]);
  });

  test("a Property without Name or Type is skipped with GT2104 at its position; the rest is kept", () => {
    const { document, diagnostics } = parse(edmx(`
      <ComplexType Name="x">
        <Property Type="Edm.String" />
        <Property Name="noType" />
        <Property />
        <NavigationProperty Name="nav" />
        <Property Name="kept" Type="Edm.Int32" Nullable="maybe" />
      </ComplexType>
    `));
    expect(document.schemas[0].complexTypes[0].properties.map((p) => [p.name, p.nullable])).toEqual([["kept", undefined]]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2104", "<Property> is missing the Name attribute; skipped", bodyAt(2, 3)],
      ["GT2104", '<Property "noType"> is missing the Type attribute; skipped', bodyAt(3, 3)],
      ["GT2104", "<Property> is missing the Name and Type attributes; skipped", bodyAt(4, 3)],
      ["GT2105", '<Property> Nullable="maybe" is not true or false; ignored', bodyAt(6, 3)],
      ["GT2104", '<NavigationProperty "nav"> is missing the Type attribute; skipped', bodyAt(5, 3)],
    ]);
  });

  test("unknown elements and attributes are ignored silently", () => {
    const schema = schemaOf(`
      <Term Name="changed" Type="Edm.Boolean" AppliesTo="microsoft.graph.driveItem" />
      <ComplexType Name="x" Unknown="1">
        <Property Name="a" Type="Edm.String" MaxLength="10" Unicode="false" />
        <Whatever><Property Name="nested" Type="Edm.String" /></Whatever>
      </ComplexType>
    `);
    expect(schema.complexTypes[0].properties.map((p) => p.name)).toEqual(["a"]);
  });
});

describe("EnumType and TypeDefinition", () => {
  test("members with values, IsFlags, UnderlyingType", () => {
    const schema = schemaOf(`
      <EnumType Name="dayOfWeek">
        <Member Name="sunday" Value="0" />
        <Member Name="monday" Value="1" />
      </EnumType>
      <EnumType Name="plannerPreviewType" UnderlyingType="Edm.Int64" IsFlags="true">
        <Member Name="automatic" Value="0" />
        <Member Name="big" Value="9007199254740991" />
        <Member Name="negative" Value="-2" />
        <Member Name="implicit" />
      </EnumType>
    `);
    expect(schema.enumTypes).toEqual([
      {
        name: "dayOfWeek",
        isFlags: false,
        members: [
          { name: "sunday", value: 0, at: bodyAt(2, 3), annotations: [] },
          { name: "monday", value: 1, at: bodyAt(3, 3), annotations: [] },
        ],
        at: bodyAt(1, 1),
        annotations: [],
      },
      {
        name: "plannerPreviewType",
        underlyingType: "Edm.Int64",
        isFlags: true,
        members: [
          { name: "automatic", value: 0, at: bodyAt(6, 3), annotations: [] },
          { name: "big", value: 9007199254740991, at: bodyAt(7, 3), annotations: [] },
          { name: "negative", value: -2, at: bodyAt(8, 3), annotations: [] },
          { name: "implicit", at: bodyAt(9, 3), annotations: [] },
        ],
        at: bodyAt(5, 1),
        annotations: [],
      },
    ]);
  });

  test("a member value that is not a safe integer is GT2105 and left out; a member without Name is GT2104", () => {
    const { document, diagnostics } = parse(edmx(`
      <EnumType Name="e">
        <Member Name="a" Value="1.5" />
        <Member Name="b" Value="99999999999999999999" />
        <Member Value="3" />
      </EnumType>
    `));
    expect(document.schemas[0].enumTypes[0].members.map((m) => [m.name, m.value])).toEqual([["a", undefined], ["b", undefined]]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["GT2105", '<Member> Value="1.5" is not an integer within ±2^53; ignored'],
      ["GT2105", '<Member> Value="99999999999999999999" is not an integer within ±2^53; ignored'],
      ["GT2104", "<Member> is missing the Name attribute; skipped"],
    ]);
  });

  test("TypeDefinition needs Name and UnderlyingType", () => {
    const { document, diagnostics } = parse(edmx(`
      <TypeDefinition Name="Length" UnderlyingType="Edm.Int32">
        <Annotation Term="Org.OData.Core.V1.Description" String="A length." />
      </TypeDefinition>
      <TypeDefinition Name="Broken" />
    `));
    expect(document.schemas[0].typeDefinitions).toEqual([
      {
        name: "Length",
        underlyingType: "Edm.Int32",
        at: bodyAt(1, 1),
        annotations: [{ term: "Org.OData.Core.V1.Description", value: { kind: "string", value: "A length." }, at: bodyAt(2, 3) }],
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2104", '<TypeDefinition "Broken"> is missing the UnderlyingType attribute; skipped', bodyAt(4, 1)],
    ]);
  });
});
