import { modelFromCsdl } from "../../generator/model/csdl/build.js";
import { mergeModels } from "../../generator/model/merge/merge.js";
import type { Diagnostic, Position } from "../../generator/types/index.js";
import { bodyAt, edmx, parse } from "../csdl/helpers.js";
import { codes, dedent, modelOf, resourcePage, findType as type, findEnum as enumOf } from "../helpers.js";

const DESCRIPTION = "Org.OData.Core.V1.Description";

/** Docs pages and one metadata schema body, each built into its model (asserting both built cleanly), then merged. */
function merge(pages: Record<string, string>, body: string) {
  const docs = modelOf(pages);
  expect(docs.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const { document, diagnostics: parsed } = parse(edmx(body));
  expect(parsed).toEqual([]);
  const metadata = modelFromCsdl([document]);
  expect(metadata.diagnostics).toEqual([]);
  const before = JSON.stringify([metadata.model, docs.model]);
  const result = mergeModels(metadata.model, docs.model);
  expect(JSON.stringify([metadata.model, docs.model])).toBe(before); // pure: neither input changes
  return { ...result, metadata: metadata.model, docs: docs.model, pages };
}

/** Where `needle` is written in a docs fixture page (line of its first occurrence, column 1). */
function docsAt(pages: Record<string, string>, file: string, needle: string): Position {
  const lines = dedent(pages[file]).split("\n");
  const index = lines.findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in ${file}`);
  return { file, line: index + 1, column: 1 };
}



const metadataAt = (at: Position) => [{ message: "metadata", at }];

const annotation = (name: string, extra: Record<string, unknown> = {}) => ({ blockType: "resource", "@odata.type": `microsoft.graph.${name}`, ...extra });

const entityPage = resourcePage({
  name: "entity",
  annotation: annotation("entity", { keyProperty: "id", abstract: true }),
  properties: ["|id|String|The identifier (docs). Not nullable.|"],
});

/** One line, so fixture line numbers stay easy to count: body line 1. */
const ENTITY = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>';

describe("the merged model", () => {
  test("the metadata's structure and positions are the result; docs descriptions fill only what the metadata lacks", () => {
    const { model, metadata, diagnostics } = merge(
      {
        "entity.md": entityPage,
        "user.md": resourcePage({
          name: "user",
          annotation: annotation("user", { baseType: "microsoft.graph.entity", openType: true }),
          properties: ["|displayName|String|The name shown (docs).|", "|mail|String|The mail (docs).|"],
        }),
      },
      `
        ${ENTITY}
        <EntityType Name="user" BaseType="graph.entity" OpenType="true">
          <Property Name="displayName" Type="Edm.String"/>
          <Property Name="mail" Type="Edm.String">
            <Annotation Term="${DESCRIPTION}" String="The mail (metadata)."/>
          </Property>
          <Annotation Term="${DESCRIPTION}" String="A user (metadata)."/>
        </EntityType>
      `,
    );
    expect(diagnostics).toEqual([]);
    expect(type(model, "microsoft.graph.entity")).toEqual({
      ...type(metadata, "microsoft.graph.entity"),
      description: "The entity type.",
      properties: [{ name: "id", type: { kind: "primitive", edm: "String" }, collection: false, nullable: false, deprecated: false, navigation: false, description: "The identifier (docs). Not nullable.", at: bodyAt(1, 78) }],
    });
    const user = type(model, "microsoft.graph.user");
    expect(user).toEqual({
      kind: "entity",
      name: "user",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.user",
      baseType: "microsoft.graph.entity",
      abstract: false,
      openType: true,
      description: "A user (metadata).",
      properties: [
        { name: "displayName", type: { kind: "primitive", edm: "String" }, collection: false, nullable: true, deprecated: false, navigation: false, description: "The name shown (docs).", at: bodyAt(3, 3) },
        { name: "mail", type: { kind: "primitive", edm: "String" }, collection: false, nullable: true, deprecated: false, navigation: false, description: "The mail (metadata).", at: bodyAt(4, 3) },
      ],
      at: bodyAt(2, 1),
    });
    expect(model.namespaces.map((n) => n.containers)).toEqual(metadata.namespaces.map((n) => n.containers));
  });

  test("operations, containers and type definitions are the metadata's; types only the docs have are left out", () => {
    const { model, metadata } = merge(
      { "entity.md": entityPage, "ghost.md": resourcePage({ name: "ghost", properties: ["|name|String|A name.|"] }) },
      `
        ${ENTITY}
        <TypeDefinition Name="name" UnderlyingType="Edm.String"/>
        <Function Name="ping"><ReturnType Type="Edm.String"/></Function>
        <EntityContainer Name="GraphService"><EntitySet Name="things" EntityType="graph.entity"/></EntityContainer>
      `,
    );
    expect(model).toEqual({
      namespaces: [{ ...metadata.namespaces[0], types: [{ ...type(metadata, "microsoft.graph.entity"), description: "The entity type.", properties: [expect.objectContaining({ description: "The identifier (docs). Not nullable." })] }] }],
    });
    expect(model.namespaces[0].operations.map((o) => o.fqn)).toEqual(["microsoft.graph.ping"]);
  });

  test("enum and enum member descriptions fill only what the metadata lacks; members and values are the metadata's", () => {
    const pages = {
      "enums.md": `
        # Enum values

        Namespace: microsoft.graph

        ### color values

        |Member|Value|Description|
        |:---|:---|:---|
        |red|7|Red (docs).|
        |blue|8|Blue (docs).|
      `,
    };
    const { model } = merge(
      pages,
      `
        <EnumType Name="color">
          <Member Name="red"><Annotation Term="${DESCRIPTION}" String="Red (metadata)."/></Member>
          <Member Name="blue"/>
        </EnumType>
      `,
    );
    expect(enumOf(model, "microsoft.graph.color")).toEqual({
      name: "color",
      namespace: "microsoft.graph",
      fqn: "microsoft.graph.color",
      members: [
        { name: "red", value: 0, description: "Red (metadata)." },
        { name: "blue", value: 1, description: "Blue (docs)." },
      ],
      flags: false,
      at: bodyAt(1, 1),
    });
  });

  test("a collection's own nullability (collectionNullable) is the metadata's, whatever the docs say", () => {
    const { model, docs } = merge(
      {
        "entity.md": entityPage,
        "group.md": resourcePage({
          name: "group",
          annotation: annotation("group", { baseType: "microsoft.graph.entity" }),
          properties: ["|tags|String collection|The tags (docs). Not nullable.|", "|codes|String collection|The codes (docs).|"],
        }),
      },
      `
        ${ENTITY}
        <EntityType Name="group" BaseType="graph.entity">
          <Property Name="tags" Type="Collection(Edm.String)"/>
          <Property Name="codes" Type="Collection(Edm.String)" Nullable="false"/>
        </EntityType>
      `,
    );
    // The docs alone: the opposite of the metadata, on purpose.
    expect(type(docs, "microsoft.graph.group").properties.map((p) => [p.name, p.collectionNullable])).toEqual([["tags", undefined], ["codes", true]]);
    expect(type(model, "microsoft.graph.group").properties.map((p) => [p.name, p.nullable, p.collectionNullable, p.description])).toEqual([
      ["tags", false, true, "The tags (docs). Not nullable."],
      ["codes", false, undefined, "The codes (docs)."],
    ]);
  });

  test("types match without case; the metadata's spelling wins", () => {
    const pages = {
      "entity.md": entityPage,
      "user.md": resourcePage({
        name: "User",
        namespace: "Microsoft.Graph",
        annotation: { blockType: "resource", "@odata.type": "Microsoft.Graph.User", baseType: "microsoft.graph.Entity" },
        properties: ["|displayName|String|The name (docs).|"],
      }),
    };
    const { model, docs, diagnostics } = merge(pages, `
      ${ENTITY}
      <EntityType Name="user" BaseType="graph.entity"><Property Name="displayName" Type="Edm.String"/></EntityType>
    `);
    const documented = docs.namespaces.flatMap((n) => n.types).map((t) => [t.fqn, t.baseType]);
    expect(documented.map(([fqn, base]) => [fqn, base?.toLowerCase()])).toEqual([["Microsoft.Graph.User", "microsoft.graph.entity"], ["Microsoft.Graph.entity", undefined]]);
    expect(diagnostics).toEqual([]);
    expect(model.namespaces.map((n) => [n.name, n.types.map((t) => t.fqn)])).toEqual([["microsoft.graph", ["microsoft.graph.entity", "microsoft.graph.user"]]]);
    const user = type(model, "microsoft.graph.user");
    expect([user.name, user.description, user.properties[0].description]).toEqual(["user", "The User type.", "The name (docs)."]);
  });
});

describe("narrowing", () => {
  const pages = {
    "entity.md": entityPage,
    "enums.md": `
      # Enum values

      Namespace: microsoft.graph

      ### longRunningOperationStatus values

      |Member|Value|
      |:---|:---|
      |notStarted|0|
      |running|1|
      |succeeded|2|
      |failed|3|
      |completed|4|
    `,
    "operation.md": resourcePage({
      name: "operation",
      annotation: annotation("operation", { baseType: "microsoft.graph.entity" }),
      properties: ["|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|The status.|"],
    }),
    "running.md": resourcePage({
      name: "runningOperation",
      annotation: annotation("runningOperation", { baseType: "microsoft.graph.operation" }),
      properties: ["|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|Supports a subset of the values. Possible values are: `notStarted`, `running`. Inherited from [operation](operation.md).|"],
    }),
    "done.md": resourcePage({
      name: "doneOperation",
      annotation: annotation("doneOperation", { baseType: "microsoft.graph.runningOperation" }),
      properties: ["|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|Supports a subset of the values. Possible values are: `completed`, `succeeded`. Inherited from [operation](operation.md).|"],
    }),
    "plain.md": resourcePage({
      name: "plainOperation",
      annotation: annotation("plainOperation", { baseType: "microsoft.graph.entity" }),
      properties: ["|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|Supports a subset of the values. Possible values are: `failed`.|"],
    }),
  };
  const metadata = `
    ${ENTITY}
    <EnumType Name="longRunningOperationStatus"><Member Name="notStarted"/><Member Name="running"/><Member Name="succeeded"/><Member Name="failed"/></EnumType>
    <EntityType Name="operation" BaseType="graph.entity"><Property Name="status" Type="graph.longRunningOperationStatus"/></EntityType>
    <EntityType Name="runningOperation" BaseType="graph.operation"/>
    <EntityType Name="doneOperation" BaseType="graph.runningOperation"/>
    <EntityType Name="plainOperation" BaseType="graph.entity"><Property Name="status" Type="Edm.String"/></EntityType>
  `;

  test("a documented narrowing of an inherited enum property becomes a redeclared property, placed in the docs", () => {
    const { model } = merge(pages, metadata);
    expect(type(model, "microsoft.graph.runningOperation").properties).toEqual([
      {
        name: "status",
        type: { kind: "named", fqn: "microsoft.graph.longRunningOperationStatus" },
        collection: false,
        nullable: true,
        deprecated: false,
        navigation: false,
        description: "Supports a subset of the values. Possible values are: `notStarted`, `running`. Inherited from operation.",
        narrowedTo: ["notStarted", "running"],
        at: docsAt(pages, "running.md", "|status|"),
      },
    ]);
    expect(type(model, "microsoft.graph.operation").properties).toEqual([expect.objectContaining({ name: "status", description: "The status.", at: bodyAt(3, 54) })]);
    expect(type(model, "microsoft.graph.operation").properties[0].narrowedTo).toBeUndefined();
  });

  test("through an indirect base, keeping only members the metadata's enum has", () => {
    const { model } = merge(pages, metadata);
    expect(type(model, "microsoft.graph.doneOperation").properties).toEqual([
      expect.objectContaining({ name: "status", narrowedTo: ["succeeded"], at: docsAt(pages, "done.md", "|status|") }),
    ]);
  });

  test("not where the metadata declares the property itself, or as another type (that is drift)", () => {
    const { model, diagnostics } = merge(pages, metadata);
    expect(type(model, "microsoft.graph.plainOperation").properties).toEqual([
      { name: "status", type: { kind: "primitive", edm: "String" }, collection: false, nullable: true, deprecated: false, navigation: false, description: "Supports a subset of the values. Possible values are: `failed`.", at: bodyAt(6, 59) },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "microsoft.graph.longRunningOperationStatus: members differ (+completed); + documented only, - in the metadata only",
      "microsoft.graph.plainOperation/status: the docs type it microsoft.graph.longRunningOperationStatus, the metadata Edm.String",
    ]);
  });
});

describe("drift", () => {
  test("types: documented but not in the metadata (warning, docs place); undocumented (info, metadata place) only in namespaces the docs cover", () => {
    const pages = {
      "entity.md": entityPage,
      "ghost.md": resourcePage({ name: "ghost" }),
      "color.md": resourcePage({ name: "color" }),
      "enums.md": dedent(`
        # Enum values

        Namespace: microsoft.graph

        ### shade values

        |Member|Value|
        |:---|:---|
        |dark|0|
      `),
    };
    const { diagnostics } = merge(
      pages,
      `
        ${ENTITY}
        <EntityType Name="undocumented" BaseType="graph.entity"><Property Name="secret" Type="Edm.String"/></EntityType>
        <EnumType Name="color"><Member Name="red"/></EnumType>
        <EnumType Name="mood"><Member Name="happy"/></EnumType>
      `,
    );
    expect(diagnostics).toEqual<Diagnostic[]>([
      { kind: "type-not-in-metadata", code: "GT3101", severity: "warning", message: "microsoft.graph.color: documented as a structured type, but the metadata declares it as an enum", at: docsAt(pages, "color.md", "<!--"), related: metadataAt(bodyAt(3, 1)) },
      { kind: "type-not-in-metadata", code: "GT3101", severity: "warning", message: "microsoft.graph.ghost: documented, but the metadata declares no such type", at: docsAt(pages, "ghost.md", "<!--") },
      { kind: "type-not-in-metadata", code: "GT3101", severity: "warning", message: "microsoft.graph.shade: documented as an enum, but the metadata declares no such enum", at: docsAt(pages, "enums.md", "### shade values") },
      { kind: "type-not-documented", code: "GT3102", severity: "info", message: "microsoft.graph.mood: declared in the metadata as an enum, but no page documents it", at: bodyAt(4, 1) },
      { kind: "type-not-documented", code: "GT3102", severity: "info", message: "microsoft.graph.undocumented: declared in the metadata, but no page documents it", at: bodyAt(2, 1) },
    ]);
  });

  test("a namespace the docs do not cover at all is not reported as undocumented", () => {
    const docs = modelOf({ "entity.md": entityPage });
    const graph = parse(edmx(ENTITY)).document;
    const callRecords = parse(edmx('<ComplexType Name="session"/>', 'Namespace="microsoft.graph.callRecords"'), undefined, "callrecords.xml").document;
    const metadata = modelFromCsdl([graph, callRecords]).model;
    expect(metadata.namespaces.map((n) => n.name)).toEqual(["microsoft.graph", "microsoft.graph.callRecords"]);
    expect(mergeModels(metadata, docs.model).diagnostics).toEqual([]);
    const onlyCallRecords = modelFromCsdl([callRecords]).model;
    expect(codes(mergeModels(onlyCallRecords, docs.model).diagnostics)).toEqual(["GT3101"]); // entity: documented, not in this metadata
  });

  test("properties: documented but in neither the type nor its bases (warning); undocumented (info), both places named", () => {
    const pages = {
      "entity.md": entityPage,
      "thing.md": resourcePage({
        name: "thing",
        annotation: annotation("thing", { baseType: "microsoft.graph.entity" }),
        properties: ["|a|String|A.|", "|c|String|C.|"],
        relationships: ["|parent|[entity](entity.md)|The parent.|"],
      }),
    };
    const { diagnostics } = merge(
      pages,
      `
        ${ENTITY}
        <EntityType Name="thing" BaseType="graph.entity">
          <Property Name="a" Type="Edm.String"/>
          <Property Name="b" Type="Edm.String"/>
          <NavigationProperty Name="parent" Type="graph.entity"/>
          <NavigationProperty Name="children" Type="Collection(graph.entity)"/>
        </EntityType>
      `,
    );
    const thingDocs = docsAt(pages, "thing.md", "<!--");
    expect(diagnostics).toEqual<Diagnostic[]>([
      { kind: "property-not-in-metadata", code: "GT3103", severity: "warning", message: "microsoft.graph.thing/c: documented, but neither microsoft.graph.thing nor its base types declare it in the metadata", at: docsAt(pages, "thing.md", "|c|"), related: metadataAt(bodyAt(2, 1)) },
      { kind: "property-not-documented", code: "GT3104", severity: "info", message: "microsoft.graph.thing/b: declared in the metadata, but the docs of microsoft.graph.thing do not list it", at: bodyAt(4, 3), related: [{ message: "docs", at: thingDocs }] },
      { kind: "property-not-documented", code: "GT3104", severity: "info", message: "microsoft.graph.thing/children: declared in the metadata, but the docs of microsoft.graph.thing do not list it", at: bodyAt(6, 3), related: [{ message: "docs", at: thingDocs }] },
    ]);
  });

  test("a documented property the metadata declares on a base type, or the docs list on a base page, is no drift", () => {
    const pages = {
      "entity.md": entityPage,
      "base.md": resourcePage({ name: "base", annotation: annotation("base", { baseType: "microsoft.graph.entity" }), properties: ["|shared|String|Shared.|"] }),
      "thing.md": resourcePage({ name: "thing", annotation: annotation("thing", { baseType: "microsoft.graph.base" }), properties: ["|id|String|Repeated.|", "|own|String|Own.|"] }),
    };
    const { diagnostics, model } = merge(
      pages,
      `
        ${ENTITY}
        <EntityType Name="base" BaseType="graph.entity"><Property Name="own" Type="Edm.String"/></EntityType>
        <EntityType Name="thing" BaseType="graph.base"><Property Name="shared" Type="Edm.String"/></EntityType>
      `,
    );
    // The docs put `own` on thing and `shared` on base; the metadata the other way round: both are found upward.
    // thing/own is found on the metadata's base, thing/shared on the docs' base page; base itself disagrees both ways.
    expect(diagnostics.map((d) => d.message)).toEqual([
      "microsoft.graph.base/shared: documented, but neither microsoft.graph.base nor its base types declare it in the metadata",
      "microsoft.graph.base/own: declared in the metadata, but the docs of microsoft.graph.base do not list it",
    ]);
    expect(type(model, "microsoft.graph.thing").properties[0].description).toBe("Shared.");
  });

  test("base type, abstract and open-type disagreements (warnings at the docs annotation, metadata related)", () => {
    const pages = {
      "entity.md": entityPage,
      "thing.md": resourcePage({ name: "thing", annotation: annotation("thing", { baseType: "microsoft.graph.entity", openType: true }) }),
      "other.md": resourcePage({ name: "other", annotation: annotation("other", { abstract: true }) }),
    };
    const { diagnostics } = merge(
      pages,
      `
        ${ENTITY}
        <EntityType Name="thing" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
        <ComplexType Name="other" BaseType="graph.base" OpenType="true"/>
        <ComplexType Name="base"/>
      `,
    );
    const thing = { at: docsAt(pages, "thing.md", "<!--"), related: metadataAt(bodyAt(2, 1)) };
    const other = { at: docsAt(pages, "other.md", "<!--"), related: metadataAt(bodyAt(3, 1)) };
    expect(diagnostics.filter((d) => d.code !== "GT3102")).toEqual<Diagnostic[]>([
      { kind: "base-type-mismatch", code: "GT3105", severity: "warning", message: "microsoft.graph.other: the docs give it no base type, the metadata derives it from microsoft.graph.base", ...other },
      { kind: "base-type-mismatch", code: "GT3105", severity: "warning", message: "microsoft.graph.thing: the docs derive it from microsoft.graph.entity, the metadata gives it no base type", ...thing },
      { kind: "abstract-mismatch", code: "GT3106", severity: "warning", message: "microsoft.graph.other: the docs declare it abstract, the metadata does not", ...other },
      { kind: "abstract-mismatch", code: "GT3106", severity: "warning", message: "microsoft.graph.thing: the metadata declares it abstract, the docs do not", ...thing },
      { kind: "open-type-mismatch", code: "GT3107", severity: "warning", message: "microsoft.graph.other: the metadata declares it an open type, the docs do not", ...other },
      { kind: "open-type-mismatch", code: "GT3107", severity: "warning", message: "microsoft.graph.thing: the docs declare it an open type, the metadata does not", ...thing },
    ]);
    expect(diagnostics.filter((d) => d.code === "GT3102").map((d) => d.message)).toEqual(["microsoft.graph.base: declared in the metadata, but no page documents it"]);
  });

  test("enum members that differ, listing + (documented only) and - (metadata only)", () => {
    const pages = {
      "enums.md": `
        # Enum values

        Namespace: microsoft.graph

        ### color values

        |Member|Value|
        |:---|:---|
        |red|0|
        |green|1|
        |purple|2|

        ### size values

        |Member|Value|
        |:---|:---|
        |small|0|
      `,
    };
    const { diagnostics } = merge(pages, `
      <EnumType Name="color"><Member Name="red"/><Member Name="blue"/><Member Name="green"/><Member Name="unknownFutureValue"/></EnumType>
      <EnumType Name="size"><Member Name="small"/></EnumType>
    `);
    expect(diagnostics).toEqual<Diagnostic[]>([
      {
        kind: "enum-members-mismatch",
        code: "GT3108",
        severity: "warning",
        message: "microsoft.graph.color: members differ (+purple, -blue, -unknownFutureValue); + documented only, - in the metadata only",
        at: docsAt(pages, "enums.md", "### color values"),
        related: metadataAt(bodyAt(1, 1)),
      },
    ]);
  });

  test("property types: primitive names, named types, the collection flag; type definitions, case and unresolved docs types agree", () => {
    const pages = {
      "entity.md": entityPage,
      "identity.md": resourcePage({ name: "Identity", properties: ["|name|String|N.|"] }),
      "userIdentity.md": resourcePage({ name: "userIdentity", annotation: annotation("userIdentity", { baseType: "microsoft.graph.Identity" }) }),
      "thing.md": resourcePage({
        name: "thing",
        annotation: annotation("thing", { baseType: "microsoft.graph.entity" }),
        properties: [
          "|key|String|Guid in the metadata.|",
          "|by|[userIdentity](useridentity.md)|Base type in the metadata.|",
          "|tags|String|A collection in the metadata.|",
          "|label|String|A type definition of String.|",
          "|who|[Identity](identity.md)|Case differs.|",
          "|odd|mysteryType|Not resolvable.|",
          "|count|Int32|Agrees.|",
        ],
      }),
    };
    const { diagnostics } = merge(
      pages,
      `
        ${ENTITY}
        <TypeDefinition Name="label" UnderlyingType="Edm.String"/>
        <ComplexType Name="identity"><Property Name="name" Type="Edm.String"/></ComplexType>
        <ComplexType Name="userIdentity" BaseType="graph.identity"/>
        <EntityType Name="thing" BaseType="graph.entity">
          <Property Name="key" Type="Edm.Guid"/>
          <Property Name="by" Type="graph.identity"/>
          <Property Name="tags" Type="Collection(Edm.String)"/>
          <Property Name="label" Type="graph.label"/>
          <Property Name="who" Type="graph.identity"/>
          <Property Name="odd" Type="Edm.String"/>
          <Property Name="count" Type="Edm.Int32"/>
        </EntityType>
      `,
    );
    const mismatch = (property: string, message: string, line: number): Diagnostic => ({
      kind: "property-type-mismatch",
      code: "GT3109",
      severity: "warning",
      message: `microsoft.graph.thing/${property}: ${message}`,
      at: docsAt(pages, "thing.md", `|${property}|`),
      related: metadataAt(bodyAt(line, 3)),
    });
    expect(diagnostics).toEqual<Diagnostic[]>([
      mismatch("key", "the docs type it Edm.String, the metadata Edm.Guid", 6),
      mismatch("by", "the docs type it microsoft.graph.userIdentity, the metadata microsoft.graph.identity", 7),
      mismatch("tags", "the docs type it Edm.String, the metadata Collection(Edm.String)", 8),
    ]);
  });

  test("deterministic: sorted by code, then by type; the same for the same input", () => {
    const pages = {
      "b.md": resourcePage({ name: "b", properties: ["|x|String|X.|"] }),
      "a.md": resourcePage({ name: "a", properties: ["|x|String|X.|"] }),
    };
    const body = `
      <ComplexType Name="b"><Property Name="x" Type="Edm.Int32"/><Property Name="y" Type="Edm.Int32"/></ComplexType>
      <ComplexType Name="a" OpenType="true"><Property Name="x" Type="Edm.Int32"/></ComplexType>
    `;
    const first = merge(pages, body).diagnostics;
    expect(first.map((d) => `${d.code} ${d.message.split(":")[0]}`)).toEqual([
      "GT3104 microsoft.graph.b/y",
      "GT3107 microsoft.graph.a",
      "GT3109 microsoft.graph.a/x",
      "GT3109 microsoft.graph.b/x",
    ]);
    expect(merge(pages, body).diagnostics).toEqual(first);
  });
});
