import { findType as type, findEnum as enumOf } from "../helpers.js";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { modelFromCsdl } from "../../generator/model/csdl/build.js";
import type { CsdlDocument, Model, Namespace, Operation, Position } from "../../generator/types/index.js";

/** The text of every fixture document, by file name, so positions can be found by what is written there. */
const texts = new Map<string, string>();

function dedent(text: string): string {
  const lines = text.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** `<Schema ...>` around a body. In the first schema of a document, body line n is document line n + 4, column + 6. */
function schema(attributes: string, body = ""): string {
  const lines = body.trim() ? dedent(body).split("\n").map((l) => (l ? `  ${l}` : l)) : [];
  return [`<Schema ${attributes} xmlns="http://docs.oasis-open.org/odata/ns/edm">`, ...lines, "</Schema>"].join("\n");
}

/** An EDMX document of the given schemas, parsed (asserting the adapter had nothing to say about it). */
function document(file: string, ...schemas: string[]): CsdlDocument {
  const text = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    "  <edmx:DataServices>",
    ...schemas.flatMap((s) => s.split("\n").map((l) => `    ${l}`)),
    "  </edmx:DataServices>",
    "</edmx:Edmx>",
    "",
  ].join("\n");
  texts.set(file, text);
  const { document: parsed, diagnostics } = parseCsdl({ path: file, text });
  expect(diagnostics).toEqual([]);
  return parsed;
}

/** One graph schema (`microsoft.graph`, alias `graph`) in `metadata.xml`. */
function graph(body: string): CsdlDocument {
  return document("metadata.xml", schema('Namespace="microsoft.graph" Alias="graph"', body));
}

/** The position of the one place `needle` is written in a fixture (the `<` of the element it starts). */
function where(needle: string, file = "metadata.xml"): Position {
  const text = texts.get(file)!;
  const index = text.indexOf(needle);
  if (index === -1 || text.indexOf(needle, index + 1) !== -1) throw new Error(`"${needle}" is not written exactly once in ${file}`);
  const before = text.slice(0, index).split("\n");
  return { file, line: before.length, column: before.at(-1)!.length + 1 };
}

function body(line: number, column: number, file = "metadata.xml"): Position {
  return { file, line: line + 4, column: column + 6 };
}

function ns(model: Model, name: string): Namespace {
  const found = model.namespaces.find((n) => n.name === name);
  if (!found) throw new Error(`no namespace ${name}`);
  return found;
}



function operations(model: Model, fqn: string): Operation[] {
  return model.namespaces.flatMap((n) => n.operations).filter((o) => o.fqn === fqn);
}

/** One line, so a fixture's line numbers stay easy to count. */
const ENTITY = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>';

describe("namespaces and names", () => {
  test("every schema's namespace, sorted, including an empty one; types, enums and typedefs sorted by name", () => {
    const doc = document(
      "metadata.xml",
      schema('Namespace="microsoft.graph.zeta"'),
      schema('Namespace="microsoft.graph" Alias="graph"', `
        <EnumType Name="zColor"><Member Name="red"/></EnumType>
        <ComplexType Name="b"/>
        <TypeDefinition Name="tB" UnderlyingType="Edm.String"/>
        <EnumType Name="aColor"><Member Name="red"/></EnumType>
        <ComplexType Name="a"/>
        <TypeDefinition Name="tA" UnderlyingType="Edm.String"/>
        <ComplexType Name="B"/>
      `),
    );
    const { model, diagnostics } = modelFromCsdl([doc]);
    expect(diagnostics).toEqual([]);
    expect(model.namespaces.map((n) => n.name)).toEqual(["microsoft.graph", "microsoft.graph.zeta"]);
    const graphNs = ns(model, "microsoft.graph");
    expect(graphNs.types.map((t) => t.name)).toEqual(["B", "a", "b"]);
    expect(graphNs.enums.map((e) => e.name)).toEqual(["aColor", "zColor"]);
    expect(graphNs.typeDefinitions.map((t) => t.name)).toEqual(["tA", "tB"]);
    expect(ns(model, "microsoft.graph.zeta")).toEqual({ name: "microsoft.graph.zeta", types: [], enums: [], typeDefinitions: [], operations: [], containers: [] });
  });

  test("references resolve through the alias, the full namespace, and self; across schemas and documents", () => {
    const first = document(
      "a.xml",
      schema('Namespace="microsoft.graph" Alias="graph"', `
        ${ENTITY}
        <ComplexType Name="phone"/>
      `),
      schema('Namespace="microsoft.graph.security" Alias="self"', `
        <ComplexType Name="evidence"/>
        <EntityType Name="alert" BaseType="graph.entity">
          <Property Name="evidence" Type="Collection(self.evidence)"/>
          <Property Name="phone" Type="microsoft.graph.phone"/>
        </EntityType>
      `),
    );
    const second = document(
      "b.xml",
      schema('Namespace="microsoft.graph.callRecords"', `
        <ComplexType Name="session"/>
        <EntityType Name="callRecord" BaseType="microsoft.graph.entity">
          <Property Name="sessions" Type="Collection(self.session)"/>
          <Property Name="alert" Type="microsoft.graph.security.alert"/>
          <Property Name="phone" Type="graph.phone"/>
        </EntityType>
      `),
    );
    const { model, diagnostics } = modelFromCsdl([first, second]);
    expect(diagnostics).toEqual([]);
    const alert = type(model, "microsoft.graph.security.alert");
    expect(alert.baseType).toBe("microsoft.graph.entity");
    expect(alert.properties.map((p) => [p.name, p.type, p.collection])).toEqual([
      ["evidence", { kind: "named", fqn: "microsoft.graph.security.evidence" }, true],
      ["phone", { kind: "named", fqn: "microsoft.graph.phone" }, false],
    ]);
    const record = type(model, "microsoft.graph.callRecords.callRecord");
    expect(record.baseType).toBe("microsoft.graph.entity"); // full namespace from another document
    expect(record.properties.map((p) => p.type)).toEqual([
      { kind: "named", fqn: "microsoft.graph.callRecords.session" }, // an undeclared `self` is the schema itself
      { kind: "named", fqn: "microsoft.graph.security.alert" },
      { kind: "named", fqn: "microsoft.graph.phone" }, // `graph` is declared in a.xml only
    ]);
  });

  test("EDM primitives map to primitive names; spatial and abstract types are Untyped; an unknown Edm type is unknown", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="sample">
          <Property Name="s" Type="Edm.String"/>
          <Property Name="n" Type="Collection(Edm.Int64)"/>
          <Property Name="d" Type="Edm.DateTimeOffset"/>
          <Property Name="content" Type="Edm.Stream"/>
          <Property Name="any" Type="Edm.Untyped"/>
          <Property Name="point" Type="Edm.GeographyPoint"/>
          <Property Name="shape" Type="Edm.GeometryPolygon"/>
          <Property Name="bad" Type="Edm.Nope"/>
        </ComplexType>
      `),
    ]);
    expect(type(model, "microsoft.graph.sample").properties.map((p) => [p.name, p.type, p.collection])).toEqual([
      ["s", { kind: "primitive", edm: "String" }, false],
      ["n", { kind: "primitive", edm: "Int64" }, true],
      ["d", { kind: "primitive", edm: "DateTimeOffset" }, false],
      ["content", { kind: "primitive", edm: "Stream" }, false],
      ["any", { kind: "primitive", edm: "Untyped" }, false],
      ["point", { kind: "primitive", edm: "Untyped" }, false],
      ["shape", { kind: "primitive", edm: "Untyped" }, false],
      ["bad", { kind: "unknown", written: "Edm.Nope" }, false],
    ]);
    expect(diagnostics).toEqual([
      {
        kind: "unresolved-type",
        code: "GT1001",
        severity: "warning",
        message: 'type "Edm.Nope" of microsoft.graph.sample/bad is not an EDM primitive type; typed as unknown',
        at: body(9, 3),
      },
    ]);
  });

  test("an unresolvable type reference is unknown, with GT1001 at the property, parameter or return type", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="holder">
          <Property Name="missing" Type="Collection(graph.missing)"/>
          <Property Name="elsewhere" Type="other.namespace.thing"/>
        </ComplexType>
        <Action Name="run" IsBound="true">
          <Parameter Name="bindingParameter" Type="graph.holder"/>
          <Parameter Name="input" Type="graph.nothing"/>
          <ReturnType Type="graph.run"/>
        </Action>
      `),
    ]);
    const holder = type(model, "microsoft.graph.holder");
    expect(holder.properties[0]).toEqual({
      name: "missing",
      type: { kind: "unknown", written: "Collection(graph.missing)" },
      collection: true,
      nullable: false,
      collectionNullable: true,
      deprecated: false,
      navigation: false,
      at: body(2, 3),
    });
    expect(holder.properties[1].type).toEqual({ kind: "unknown", written: "other.namespace.thing" });
    const [run] = operations(model, "microsoft.graph.run");
    expect(run.parameters[0].type).toEqual({ kind: "unknown", written: "graph.nothing" });
    expect(run.returnType).toEqual({ type: { kind: "unknown", written: "graph.run" }, collection: false, nullable: true });
    expect(diagnostics.map((d) => [d.code, d.at, d.message])).toEqual([
      ["GT1001", body(2, 3), 'type "Collection(graph.missing)" of microsoft.graph.holder/missing cannot be resolved (no schema defines microsoft.graph.missing); typed as unknown'],
      ["GT1001", body(3, 3), 'type "other.namespace.thing" of microsoft.graph.holder/elsewhere cannot be resolved (no schema defines other.namespace.thing); typed as unknown'],
      ["GT1001", body(7, 3), 'type "graph.nothing" of parameter input of microsoft.graph.run cannot be resolved (no schema defines microsoft.graph.nothing); typed as unknown'],
      ["GT1001", body(8, 3), 'type "graph.run" of the return type of microsoft.graph.run cannot be resolved (microsoft.graph.run is not a type); typed as unknown'],
    ]);
    expect(diagnostics[0].at).toEqual({ file: "metadata.xml", line: 6, column: 9 });
  });
});

describe("structured types", () => {
  test("entity and complex types with base, flags, key, properties and navigation properties, exactly", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        ${ENTITY}
        <EntityType Name="driveItem" BaseType="graph.entity" OpenType="true" HasStream="true">
          <Property Name="name" Type="Edm.String"/>
          <Property Name="size" Type="Edm.Int64" Nullable="false"/>
          <NavigationProperty Name="children" Type="Collection(graph.driveItem)" ContainsTarget="true"/>
          <Property Name="tags" Type="Collection(Edm.String)" Nullable="false"/>
          <NavigationProperty Name="parent" Type="graph.driveItem" Nullable="false"/>
        </EntityType>
        <ComplexType Name="address" OpenType="true"/>
      `),
    ]);
    expect(diagnostics).toEqual([]);
    expect(type(model, "microsoft.graph.entity")).toEqual({
      kind: "entity",
      name: "entity",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.entity",
      abstract: true,
      openType: false,
      key: ["id"],
      properties: [{ name: "id", type: { kind: "primitive", edm: "String" }, collection: false, nullable: false, deprecated: false, navigation: false, at: where('<Property Name="id"') }],
      at: body(1, 1),
    });
    const line = (n: number) => body(n, 3);
    expect(type(model, "microsoft.graph.driveItem")).toEqual({
      kind: "entity",
      name: "driveItem",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.driveItem",
      baseType: "microsoft.graph.entity",
      abstract: false,
      openType: true,
      hasStream: true,
      properties: [
        { name: "name", type: { kind: "primitive", edm: "String" }, collection: false, nullable: true, deprecated: false, navigation: false, at: line(3) },
        { name: "size", type: { kind: "primitive", edm: "Int64" }, collection: false, nullable: false, deprecated: false, navigation: false, at: line(4) },
        { name: "children", type: { kind: "named", fqn: "microsoft.graph.driveItem" }, collection: true, nullable: false, collectionNullable: true, deprecated: false, navigation: true, containsTarget: true, at: line(5) },
        { name: "tags", type: { kind: "primitive", edm: "String" }, collection: true, nullable: false, deprecated: false, navigation: false, at: line(6) },
        { name: "parent", type: { kind: "named", fqn: "microsoft.graph.driveItem" }, collection: false, nullable: false, deprecated: false, navigation: true, at: line(7) },
      ],
      at: body(2, 1),
    });
    expect(type(model, "microsoft.graph.address")).toEqual({
      kind: "complex",
      name: "address",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.address",
      abstract: false,
      openType: true,
      properties: [],
      at: body(9, 1),
    });
  });

  test("a collection keeps the metadata's own nullability as collectionNullable, set only without Nullable=\"false\"", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        ${ENTITY}
        <EntityType Name="group" BaseType="graph.entity">
          <Property Name="tags" Type="Collection(Edm.String)"/>
          <Property Name="labels" Type="Collection(Edm.String)" Nullable="true"/>
          <Property Name="codes" Type="Collection(Edm.String)" Nullable="false"/>
          <NavigationProperty Name="members" Type="Collection(graph.entity)"/>
          <NavigationProperty Name="owners" Type="Collection(graph.entity)" Nullable="false"/>
          <Property Name="note" Type="Edm.String"/>
          <NavigationProperty Name="manager" Type="graph.entity"/>
        </EntityType>
      `),
    ]);
    expect(diagnostics).toEqual([]);
    const properties = type(model, "microsoft.graph.group").properties;
    // nullable stays false on every collection (OData: Nullable speaks of the items, the service sends []).
    expect(properties.map((p) => [p.name, p.collection, p.nullable, p.collectionNullable])).toEqual([
      ["tags", true, false, true],
      ["labels", true, false, true],
      ["codes", true, false, undefined],
      ["members", true, false, true],
      ["owners", true, false, undefined],
      ["note", false, true, undefined],
      ["manager", false, true, undefined],
    ]);
    // Absent, not false, where unset: the field is there only when it says something.
    expect(properties.filter((p) => "collectionNullable" in p).map((p) => p.name)).toEqual(["tags", "labels", "members"]);
    expect(type(model, "microsoft.graph.entity").properties[0]).not.toHaveProperty("collectionNullable");
  });

  test("a property declared twice keeps the first (GT1005 pointing at it)", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="a">
          <Property Name="x" Type="Edm.String"/>
          <NavigationProperty Name="x" Type="graph.a"/>
        </ComplexType>
      `),
    ]);
    expect(type(model, "microsoft.graph.a").properties.map((p) => [p.name, p.navigation])).toEqual([["x", false]]);
    expect(diagnostics).toEqual([
      {
        kind: "duplicate-property",
        code: "GT1005",
        severity: "warning",
        message: "microsoft.graph.a/x is declared twice; the first declaration is used",
        at: body(3, 3),
        related: [{ message: "first declared here", at: body(2, 3) }],
      },
    ]);
  });

  test("an unresolvable base type is GT1002 at the type and the base is dropped; so is an enum or cross-kind base", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        ${ENTITY}
        <EnumType Name="color"><Member Name="red"/></EnumType>
        <EntityType Name="a" BaseType="graph.missing"/>
        <ComplexType Name="b" BaseType="graph.color"/>
        <ComplexType Name="c" BaseType="graph.entity"/>
      `),
    ]);
    expect(["a", "b", "c"].map((n) => type(model, `microsoft.graph.${n}`).baseType)).toEqual([undefined, undefined, undefined]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.at, d.message])).toEqual([
      ["GT1002", "warning", body(3, 1), 'base type "graph.missing" of microsoft.graph.a cannot be resolved (no schema defines microsoft.graph.missing); the type is emitted without a base'],
      ["GT1002", "warning", body(4, 1), 'base type "graph.color" of microsoft.graph.b cannot be resolved (microsoft.graph.color is an enum); the type is emitted without a base'],
      ["GT1002", "warning", body(5, 1), 'base type "graph.entity" of microsoft.graph.c cannot be resolved (microsoft.graph.c is a complex type but microsoft.graph.entity is an entity type); the type is emitted without a base'],
    ]);
    expect(diagnostics[0].at).toEqual({ file: "metadata.xml", line: 7, column: 7 });
  });

  test("an inheritance cycle is GT1003, broken at the first type in name order; a self-cycle too", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="c" BaseType="graph.a"/>
        <ComplexType Name="b" BaseType="graph.c"/>
        <ComplexType Name="a" BaseType="graph.b"/>
        <ComplexType Name="d" BaseType="graph.a"/>
        <ComplexType Name="self" BaseType="graph.self"/>
      `),
    ]);
    expect(model.namespaces[0].types.map((t) => [t.name, t.baseType])).toEqual([
      ["a", undefined],
      ["b", "microsoft.graph.c"],
      ["c", "microsoft.graph.a"],
      ["d", "microsoft.graph.a"],
      ["self", undefined],
    ]);
    expect(diagnostics).toEqual([
      {
        kind: "inheritance-cycle",
        code: "GT1003",
        severity: "error",
        message: "inheritance cycle microsoft.graph.a -> microsoft.graph.b -> microsoft.graph.c -> microsoft.graph.a; the base of microsoft.graph.a is dropped",
        at: { file: "metadata.xml", line: 7, column: 7 },
      },
      {
        kind: "inheritance-cycle",
        code: "GT1003",
        severity: "error",
        message: "inheritance cycle microsoft.graph.self -> microsoft.graph.self; the base of microsoft.graph.self is dropped",
        at: { file: "metadata.xml", line: 9, column: 7 },
      },
    ]);
  });

  test("a type defined twice (same namespace in two documents merges) keeps the first, GT1004 related to it", () => {
    const one = document("one.xml", schema('Namespace="microsoft.graph" Alias="graph"', `
      <ComplexType Name="dup"><Property Name="first" Type="Edm.String"/></ComplexType>
      <ComplexType Name="onlyInOne"/>
    `));
    const two = document("two.xml", schema('Namespace="microsoft.graph"', `
      <ComplexType Name="onlyInTwo"/>
      <EnumType Name="dup"><Member Name="x"/></EnumType>
    `));
    const { model, diagnostics } = modelFromCsdl([one, two]);
    expect(model.namespaces.map((n) => [n.name, n.types.map((t) => t.name), n.enums.length])).toEqual([["microsoft.graph", ["dup", "onlyInOne", "onlyInTwo"], 0]]);
    expect(type(model, "microsoft.graph.dup").properties.map((p) => p.name)).toEqual(["first"]);
    expect(diagnostics).toEqual([
      {
        kind: "duplicate-type",
        code: "GT1004",
        severity: "warning",
        message: "microsoft.graph.dup is defined again as an enum (first as a structured type); the first definition is used",
        at: body(2, 1, "two.xml"),
        related: [{ message: "first defined here", at: body(1, 1, "one.xml") }],
      },
    ]);
  });
});

const DESCRIPTION = "Org.OData.Core.V1.Description";

describe("descriptions", () => {
  test("inline Description and LongDescription (a second paragraph) on types, properties, enums and members", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="a">
          <Property Name="x" Type="Edm.String">
            <Annotation Term="${DESCRIPTION}" String="The x."/>
          </Property>
          <Annotation Term="${DESCRIPTION}" String="  An a.  "/>
          <Annotation Term="Org.OData.Core.V1.LongDescription" String="More about a."/>
        </ComplexType>
        <ComplexType Name="onlyLong">
          <Annotation Term="Org.OData.Core.V1.LongDescription"><String>Only the long one.</String></Annotation>
        </ComplexType>
        <EnumType Name="color">
          <Member Name="red"><Annotation Term="${DESCRIPTION}" String="Red."/></Member>
          <Annotation Term="${DESCRIPTION}" String="Colors."/>
        </EnumType>
        <TypeDefinition Name="name" UnderlyingType="Edm.String">
          <Annotation Term="${DESCRIPTION}" String="A name."/>
        </TypeDefinition>
      `),
    ]);
    expect(diagnostics).toEqual([]);
    const a = type(model, "microsoft.graph.a");
    expect(a.description).toBe("An a.\n\nMore about a.");
    expect(a.properties[0].description).toBe("The x.");
    expect(type(model, "microsoft.graph.onlyLong").description).toBe("Only the long one.");
    expect(enumOf(model, "microsoft.graph.color")).toEqual({
      name: "color",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.color",
      members: [{ name: "red", value: 0, description: "Red." }],
      flags: false,
      description: "Colors.",
      at: body(11, 1),
    });
    expect(model.namespaces[0].typeDefinitions[0].description).toBe("A name.");
  });

  test("out-of-line: type, property, navigation property and enum member targets, by namespace or alias, from any schema", () => {
    const { model, diagnostics } = modelFromCsdl([
      document(
        "metadata.xml",
        schema('Namespace="microsoft.graph" Alias="graph"', `
          ${ENTITY}
          <EntityType Name="user" BaseType="graph.entity">
            <Property Name="displayName" Type="Edm.String"/>
            <NavigationProperty Name="manager" Type="graph.user"/>
          </EntityType>
          <EnumType Name="color"><Member Name="red"/><Member Name="blue"/></EnumType>
          <Annotations Target="microsoft.graph.user">
            <Annotation Term="${DESCRIPTION}" String="A user."/>
          </Annotations>
          <Annotations Target="graph.user/displayName">
            <Annotation Term="${DESCRIPTION}" String="The name."/>
          </Annotations>
          <Annotations Target="microsoft.graph.color/blue">
            <Annotation Term="${DESCRIPTION}" String="Blue."/>
          </Annotations>
        `),
        schema('Namespace="microsoft.graph.other"', `
          <Annotations Target="microsoft.graph.user/manager">
            <Annotation Term="${DESCRIPTION}" String="The manager."/>
          </Annotations>
          <Annotations Target="microsoft.graph.color">
            <Annotation Term="Core.Description" String="Colors (Core alias)."/>
            <Annotation Term="graph.Description" String="Not the Core term."/>
          </Annotations>
        `),
      ),
    ]);
    expect(diagnostics).toEqual([]);
    const user = type(model, "microsoft.graph.user");
    expect(user.description).toBe("A user.");
    expect(user.properties.map((p) => [p.name, p.description])).toEqual([
      ["displayName", "The name."],
      ["manager", "The manager."],
    ]);
    const color = enumOf(model, "microsoft.graph.color");
    expect(color.description).toBe("Colors (Core alias).");
    expect(color.members).toEqual([{ name: "red", value: 0 }, { name: "blue", value: 1, description: "Blue." }]);
  });

  test("inline text wins over out-of-line; an unqualified annotation over a qualified one", () => {
    const { model } = modelFromCsdl([
      graph(`
        <ComplexType Name="a">
          <Annotation Term="${DESCRIPTION}" String="Inline."/>
        </ComplexType>
        <ComplexType Name="b"/>
        <Annotations Target="microsoft.graph.a">
          <Annotation Term="${DESCRIPTION}" String="Out of line."/>
        </Annotations>
        <Annotations Target="microsoft.graph.b" Qualifier="fr">
          <Annotation Term="${DESCRIPTION}" String="Qualified."/>
        </Annotations>
        <Annotations Target="microsoft.graph.b">
          <Annotation Term="${DESCRIPTION}" String="Unqualified."/>
        </Annotations>
      `),
    ]);
    expect(type(model, "microsoft.graph.a").description).toBe("Inline.");
    expect(type(model, "microsoft.graph.b").description).toBe("Unqualified.");
  });

  test("a target that names nothing is GT1101 when it carries a description; capability-only blocks and container targets are quiet", () => {
    const { diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="a"><Property Name="x" Type="Edm.String"/></ComplexType>
        <EntityContainer Name="GraphService"/>
        <Annotations Target="microsoft.graph.a/nope">
          <Annotation Term="${DESCRIPTION}" String="Lost."/>
        </Annotations>
        <Annotations Target="graph.gone">
          <Annotation Term="Org.OData.Core.V1.Revisions"><Collection/></Annotation>
        </Annotations>
        <Annotations Target="microsoft.graph.gone/x">
          <Annotation Term="Org.OData.Capabilities.V1.TopSupported" Bool="true"/>
        </Annotations>
        <Annotations Target="microsoft.graph.GraphService/users">
          <Annotation Term="${DESCRIPTION}" String="Entity sets have no description in the model."/>
        </Annotations>
      `),
    ]);
    expect(diagnostics).toEqual([
      {
        kind: "unresolved-annotation-target",
        code: "GT1101",
        severity: "warning",
        message: 'annotations target "microsoft.graph.a/nope", which cannot be resolved (microsoft.graph.a has no member "nope"); they are ignored',
        at: body(3, 1),
      },
      {
        kind: "unresolved-annotation-target",
        code: "GT1101",
        severity: "warning",
        message: 'annotations target "graph.gone", which cannot be resolved (no schema defines microsoft.graph.gone); they are ignored',
        at: body(6, 1),
      },
    ]);
  });
});

const revisions = (...records: string[]) => `
  <Annotation Term="Org.OData.Core.V1.Revisions">
    <Collection>
      ${records.join("\n      ")}
    </Collection>
  </Annotation>`;

const deprecated = (description: string, date?: string, removal?: string) =>
  [
    "<Record>",
    date ? `<PropertyValue Property="Date" Date="${date}"/>` : "",
    description ? `<PropertyValue Property="Description" String="${description}"/>` : "",
    '<PropertyValue Property="Kind"><EnumMember>Org.OData.Core.V1.RevisionKind/Deprecated</EnumMember></PropertyValue>',
    removal ? `<PropertyValue Property="RemovalDate" Date="${removal}"/>` : "",
    '<PropertyValue Property="Version" String="2024-01/Deprecation"/>',
    "</Record>",
  ].join("");

describe("deprecation (Core.Revisions)", () => {
  test("a Deprecated revision on a property sets deprecated and the text; other kinds do nothing", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="a">
          <Property Name="old" Type="Edm.String">${revisions(deprecated("Use y instead.", "2024-04-10", "2026-04-10"))}
          </Property>
          <Property Name="added" Type="Edm.String">${revisions('<Record><PropertyValue Property="Kind" EnumMember="Org.OData.Core.V1.RevisionKind/Added"/></Record>')}
          </Property>
          <Property Name="bare" Type="Edm.String">${revisions(deprecated(""))}
          </Property>
          <Property Name="noPeriod" Type="Edm.String">${revisions(deprecated("Going away", undefined, "2030-01-01"))}
          </Property>
        </ComplexType>
      `),
    ]);
    expect(diagnostics).toEqual([]);
    const properties = type(model, "microsoft.graph.a").properties;
    expect(properties.map((p) => [p.name, p.deprecated, p.deprecation])).toEqual([
      ["old", true, "Use y instead. Deprecated since 2024-04-10; to be removed on 2026-04-10."],
      ["added", false, undefined],
      ["bare", true, "Deprecated."],
      ["noPeriod", true, "Going away. Deprecated; to be removed on 2030-01-01."],
    ]);
    expect(properties[1]).not.toHaveProperty("deprecation");
  });

  test("out-of-line on types, enums, members and operations (the corpus form, repeats dropped)", () => {
    const record = deprecated("The legacy API is deprecated.", "2024-04-10", "2026-04-10");
    const text = "The legacy API is deprecated. Deprecated since 2024-04-10; to be removed on 2026-04-10.";
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="alert">${revisions(record)}
        </ComplexType>
        <EnumType Name="status"><Member Name="on"/><Member Name="off"/></EnumType>
        <Function Name="legacy" IsBound="true">
          <Parameter Name="bindingParameter" Type="graph.alert"/>
          <ReturnType Type="Edm.String"/>
        </Function>
        <Annotations Target="microsoft.graph.alert">${revisions(record)}
        </Annotations>
        <Annotations Target="microsoft.graph.status">${revisions(record)}
        </Annotations>
        <Annotations Target="microsoft.graph.status/off">${revisions(record)}
        </Annotations>
        <Annotations Target="microsoft.graph.legacy(microsoft.graph.alert)">${revisions(record)}
        </Annotations>
      `),
    ]);
    expect(diagnostics).toEqual([]);
    expect(type(model, "microsoft.graph.alert").deprecation).toBe(text);
    const status = enumOf(model, "microsoft.graph.status");
    expect([status.deprecation, status.members]).toEqual([text, [{ name: "on", value: 0 }, { name: "off", value: 1, deprecation: text }]]);
    expect(operations(model, "microsoft.graph.legacy")[0].deprecation).toBe(text);
  });
});

describe("enums and type definitions", () => {
  test("flags enums keep their values; a flags member without one is GT2105 and stays undefined", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <EnumType Name="days" IsFlags="true">
          <Member Name="none" Value="0"/>
          <Member Name="monday" Value="1"/>
          <Member Name="tuesday"/>
          <Member Name="wednesday" Value="4"/>
        </EnumType>
        <EnumType Name="partly">
          <Member Name="a" Value="5"/>
          <Member Name="b"/>
          <Member Name="a" Value="6"/>
        </EnumType>
      `),
    ]);
    const days = enumOf(model, "microsoft.graph.days");
    expect([days.flags, days.members]).toEqual([
      true,
      [{ name: "none", value: 0 }, { name: "monday", value: 1 }, { name: "tuesday" }, { name: "wednesday", value: 4 }],
    ]);
    expect(days.members[2]).not.toHaveProperty("value");
    expect(enumOf(model, "microsoft.graph.partly").members).toEqual([{ name: "a", value: 5 }, { name: "b" }]);
    expect(diagnostics.map((d) => [d.code, d.at, d.message])).toEqual([
      ["GT2105", body(4, 3), 'member "tuesday" of enum microsoft.graph.days has no value (a flags enum must give every member a value); its value is left undefined'],
      ["GT2105", body(9, 3), 'member "b" of enum microsoft.graph.partly has no value (other members of the enum have values); its value is left undefined'],
      ["GT1010", body(10, 3), 'enum microsoft.graph.partly declares member "a" twice; the first is used'],
    ]);
  });

  test("type definitions carry their primitive; a property of that type names it; a non-primitive underlying type is GT1001 and String", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        <TypeDefinition Name="bigId" UnderlyingType="Edm.Int64"/>
        <TypeDefinition Name="odd" UnderlyingType="graph.thing"/>
        <ComplexType Name="a">
          <Property Name="id" Type="graph.bigId"/>
          <Property Name="ids" Type="Collection(microsoft.graph.bigId)"/>
        </ComplexType>
      `),
    ]);
    expect(model.namespaces[0].typeDefinitions).toEqual([
      { name: "bigId", namespace: "microsoft.graph", fqn: "microsoft.graph.bigId", underlying: "Int64", at: body(1, 1) },
      { name: "odd", namespace: "microsoft.graph", fqn: "microsoft.graph.odd", underlying: "String", at: body(2, 1) },
    ]);
    expect(type(model, "microsoft.graph.a").properties.map((p) => [p.type, p.collection])).toEqual([
      [{ kind: "named", fqn: "microsoft.graph.bigId" }, false],
      [{ kind: "named", fqn: "microsoft.graph.bigId" }, true],
    ]);
    expect(diagnostics).toEqual([
      {
        kind: "unresolved-type",
        code: "GT1001",
        severity: "warning",
        message: 'underlying type "graph.thing" of type definition microsoft.graph.odd is not an EDM primitive type; String is used',
        at: body(2, 1),
      },
    ]);
  });
});

describe("operations", () => {
  const fixture = () =>
    graph(`
      ${ENTITY}
      <EntityType Name="user" BaseType="graph.entity"/>
      <EntityType Name="group" BaseType="graph.entity"/>
      <Action Name="assign" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)"/>
        <Parameter Name="ids" Type="Collection(Edm.String)" Nullable="false"/>
        <Parameter Name="note" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.OptionalParameter"/>
        </Parameter>
        <ReturnType Type="Collection(graph.group)"/>
      </Action>
      <Function Name="delta" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" Nullable="false"/>
        <ReturnType Type="Collection(graph.user)"/>
      </Function>
      <Function Name="delta" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.group)"/>
        <ReturnType Type="Collection(graph.group)"/>
      </Function>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.group)"/>
        <Parameter Name="token" Type="Edm.String"/>
        <ReturnType Type="Collection(graph.group)"/>
      </Function>
      <Function Name="getSchedule">
        <Parameter Name="start" Type="Edm.DateTimeOffset" Nullable="false"/>
        <ReturnType Type="graph.user" Nullable="false"/>
      </Function>
      <Action Name="broken" IsBound="true"/>
      <Annotations Target="microsoft.graph.delta(Collection(microsoft.graph.group), Edm.String)">
        <Annotation Term="${DESCRIPTION}" String="Delta with a token."/>
      </Annotations>
      <Annotations Target="graph.assign(Collection(graph.user))">
        <Annotation Term="${DESCRIPTION}" String="Assigns."/>
      </Annotations>
      <Annotations Target="microsoft.graph.getSchedule(Edm.DateTimeOffset)/start">
        <Annotation Term="Org.OData.Core.V1.OptionalParameter"><Record><PropertyValue Property="DefaultValue" String="now"/></Record></Annotation>
        <Annotation Term="${DESCRIPTION}" String="Start."/>
      </Annotations>
      <Annotations Target="microsoft.graph.getSchedule">
        <Annotation Term="${DESCRIPTION}" String="Schedules."/>
      </Annotations>
    `);

  test("a bound action: binding parameter apart, parameters with optional, return type, description by binding-only target", () => {
    const { model } = modelFromCsdl([fixture()]);
    expect(operations(model, "microsoft.graph.assign")).toEqual([
      {
        kind: "action",
        name: "assign",
        namespace: "microsoft.graph",
        fqn: "microsoft.graph.assign",
        binding: { type: { kind: "named", fqn: "microsoft.graph.user" }, collection: true, nullable: false },
        parameters: [
          { name: "ids", type: { kind: "primitive", edm: "String" }, collection: true, nullable: false, optional: false, at: body(6, 3) },
          { name: "note", type: { kind: "primitive", edm: "String" }, collection: false, nullable: true, optional: true, at: body(7, 3) },
        ],
        returnType: { type: { kind: "named", fqn: "microsoft.graph.group" }, collection: true, nullable: false },
        composable: false,
        description: "Assigns.",
        at: body(4, 1),
      },
    ]);
  });

  test("an unbound function; out-of-line parameter annotations (optional with a default, description)", () => {
    const { model } = modelFromCsdl([fixture()]);
    expect(operations(model, "microsoft.graph.getSchedule")).toEqual([
      {
        kind: "function",
        name: "getSchedule",
        namespace: "microsoft.graph",
        fqn: "microsoft.graph.getSchedule",
        parameters: [
          { name: "start", type: { kind: "primitive", edm: "DateTimeOffset" }, collection: false, nullable: false, optional: true, description: "Start.", at: body(26, 3) },
        ],
        returnType: { type: { kind: "named", fqn: "microsoft.graph.user" }, collection: false, nullable: false },
        composable: false,
        description: "Schedules.",
        at: body(25, 1),
      },
    ]);
  });

  test("overloads are separate entries, sorted by name then binding type, document order among equals; a full signature picks one", () => {
    const { model, diagnostics } = modelFromCsdl([fixture()]);
    expect(model.namespaces[0].operations.map((o) => [o.name, o.binding && `${o.binding.collection}:${o.binding.type.kind === "named" ? o.binding.type.fqn : ""}`, o.parameters.map((p) => p.name), o.composable, o.description, o.at.line])).toEqual([
      ["assign", "true:microsoft.graph.user", ["ids", "note"], false, "Assigns.", 8],
      ["broken", undefined, [], false, undefined, 33],
      ["delta", "true:microsoft.graph.group", [], true, undefined, 20],
      ["delta", "true:microsoft.graph.group", ["token"], false, "Delta with a token.", 24],
      ["delta", "true:microsoft.graph.user", [], true, undefined, 16],
      ["getSchedule", undefined, ["start"], false, "Schedules.", 29],
    ]);
    expect(diagnostics).toEqual([
      {
        kind: "csdl-invalid-value",
        code: "GT2105",
        severity: "warning",
        message: 'action microsoft.graph.broken is bound (IsBound="true") but has no binding parameter; it is read as unbound',
        at: body(29, 1),
      },
    ]);
  });

  test("an operation target whose signature matches no overload is GT1101", () => {
    const { diagnostics } = modelFromCsdl([
      graph(`
        <ComplexType Name="a"/>
        <Function Name="f" IsBound="true"><Parameter Name="p" Type="graph.a"/><ReturnType Type="Edm.String"/></Function>
        <Annotations Target="microsoft.graph.f(Edm.Int32)">
          <Annotation Term="${DESCRIPTION}" String="Which f?"/>
        </Annotations>
        <Annotations Target="microsoft.graph.f(microsoft.graph.a)/q">
          <Annotation Term="${DESCRIPTION}" String="No q."/>
        </Annotations>
      `),
    ]);
    expect(diagnostics.map((d) => [d.code, d.at, d.message])).toEqual([
      ["GT1101", body(3, 1), 'annotations target "microsoft.graph.f(Edm.Int32)", which cannot be resolved (no overload of microsoft.graph.f has the parameters (Edm.Int32)); they are ignored'],
      ["GT1101", body(6, 1), 'annotations target "microsoft.graph.f(microsoft.graph.a)/q", which cannot be resolved (microsoft.graph.f has no parameter "q"); they are ignored'],
    ]);
  });
});

describe("entity containers", () => {
  test("entity sets and singletons with resolved entity types; one that is not an entity type is GT1001 and left out", () => {
    const { model, diagnostics } = modelFromCsdl([
      graph(`
        ${ENTITY}
        <EntityType Name="user" BaseType="graph.entity"/>
        <ComplexType Name="address"/>
        <EntityContainer Name="GraphService">
          <EntitySet Name="users" EntityType="graph.user"/>
          <EntitySet Name="addresses" EntityType="microsoft.graph.address"/>
          <Singleton Name="me" Type="microsoft.graph.user"/>
          <Singleton Name="ghost" Type="graph.ghost"/>
        </EntityContainer>
      `),
    ]);
    expect(model.namespaces[0].containers).toEqual([
      {
        name: "GraphService",
        namespace: "microsoft.graph",
        entitySets: [{ name: "users", type: "microsoft.graph.user", at: body(5, 3) }],
        singletons: [{ name: "me", type: "microsoft.graph.user", at: body(7, 3) }],
        at: body(4, 1),
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.at, d.message])).toEqual([
      ["GT1001", body(6, 3), 'type "microsoft.graph.address" of entity set microsoft.graph.GraphService/addresses cannot be resolved (microsoft.graph.address is not an entity type); it is left out of the container'],
      ["GT1001", body(8, 3), 'type "graph.ghost" of singleton microsoft.graph.GraphService/ghost cannot be resolved (no schema defines microsoft.graph.ghost); it is left out of the container'],
    ]);
  });
});

describe("purity", () => {
  test("no documents, or a document without schemas, is an empty model", () => {
    expect(modelFromCsdl([])).toEqual({ model: { namespaces: [] }, diagnostics: [] });
    const broken = parseCsdl({ path: "broken.xml", text: "<edmx:Edmx" }).document;
    expect(modelFromCsdl([broken])).toEqual({ model: { namespaces: [] }, diagnostics: [] });
  });

  test("the input is not changed and the same input gives the same model", () => {
    const doc = graph(`
      ${ENTITY}
      <EntityType Name="user" BaseType="graph.entity"><Property Name="x" Type="graph.missing"/></EntityType>
      <Annotations Target="graph.user"><Annotation Term="${DESCRIPTION}" String="A user."/></Annotations>
    `);
    const before = JSON.stringify(doc);
    const first = modelFromCsdl([doc]);
    expect(JSON.stringify(doc)).toBe(before);
    expect(modelFromCsdl([doc])).toEqual(first);
    first.model.namespaces[0].types[0].key!.push("mutated");
    expect(doc.schemas[0].entityTypes[0].key).toEqual(["id"]);
  });
});
