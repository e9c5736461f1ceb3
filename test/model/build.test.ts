import { codes, modelOf, resourcePage, findType as type } from "../helpers.js";


const entity = resourcePage({
  name: "entity",
  annotation: { blockType: "resource", "@odata.type": "microsoft.graph.entity", keyProperty: "id", abstract: true },
  properties: ["|id|String|The identifier. Not nullable.|"],
});

const enums = `
  # Enum values

  Namespace: microsoft.graph

  ### longRunningOperationStatus values

  |Member|Value|
  |:---|:---|
  |notStarted|0|
  |running|1|
  |succeeded|2|
  |failed|3|
`;

describe("namespaces and inheritance", () => {
  test("a base type in another namespace resolves through the annotation", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "operation.md": resourcePage({
        name: "operation",
        namespace: "microsoft.graph.partners.billing",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.partners.billing.operation", baseType: "microsoft.graph.entity" },
        properties: ["|createdDateTime|DateTimeOffset|Start.|"],
      }),
    });
    expect(diagnostics).toEqual([]);
    expect(model.namespaces.map((n) => n.name)).toEqual(["microsoft.graph", "microsoft.graph.partners.billing"]);
    const operation = type(model, "microsoft.graph.partners.billing.operation");
    expect(operation.baseType).toBe("microsoft.graph.entity");
    expect(operation.kind).toBe("entity"); // through its base chain
    expect(type(model, "microsoft.graph.entity").abstract).toBe(true);
  });

  test("without a baseType, the Inherits from prose names the base (unqualified, resolved by namespace)", () => {
    const { model } = modelOf({
      "entity.md": entity,
      "manifest.md": resourcePage({
        name: "manifest",
        namespace: "microsoft.graph.partners.billing",
        inherits: "[entity](entity.md)",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.partners.billing.manifest", baseType: null },
      }),
    });
    expect(type(model, "microsoft.graph.partners.billing.manifest").baseType).toBe("microsoft.graph.entity");
  });

  test("a type without key or entity base is a complex type", () => {
    const { model } = modelOf({ "blob.md": resourcePage({ name: "blob", properties: ["|name|String|The name.|"] }) });
    expect(type(model, "microsoft.graph.blob").kind).toBe("complex");
  });

  test("an unresolvable base type is a warning and the type is emitted without a base", () => {
    const { model, diagnostics } = modelOf({
      "a.md": resourcePage({ name: "a", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.missing" } }),
    });
    expect(codes(diagnostics)).toEqual(["GT1002"]);
    expect(diagnostics[0].message).toContain('"microsoft.graph.missing"');
    expect(diagnostics[0].at).toMatchObject({ file: "a.md", line: 23, column: 1 });
    expect(type(model, "microsoft.graph.a").baseType).toBeUndefined();
  });

  test("an inheritance cycle is an error, broken deterministically", () => {
    const page = (name: string, base: string) => resourcePage({ name, annotation: { blockType: "resource", "@odata.type": `microsoft.graph.${name}`, baseType: `microsoft.graph.${base}` } });
    const { model, diagnostics } = modelOf({ "a.md": page("a", "b"), "b.md": page("b", "c"), "c.md": page("c", "a") });
    expect(codes(diagnostics)).toEqual(["GT1003"]);
    expect(diagnostics[0].message).toContain("microsoft.graph.a -> microsoft.graph.b -> microsoft.graph.c -> microsoft.graph.a");
    expect(type(model, "microsoft.graph.a").baseType).toBeUndefined();
    expect(type(model, "microsoft.graph.b").baseType).toBe("microsoft.graph.c");
    expect(type(model, "microsoft.graph.c").baseType).toBe("microsoft.graph.a");
  });

  test("a type that is its own base is a cycle", () => {
    const { model, diagnostics } = modelOf({
      "a.md": resourcePage({ name: "a", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.a" } }),
    });
    expect(codes(diagnostics)).toEqual(["GT1003"]);
    expect(type(model, "microsoft.graph.a").baseType).toBeUndefined();
  });

  test("a type defined on two pages is reported with both places, and the pages' rows are merged", () => {
    const { model, diagnostics } = modelOf({
      "a.md": resourcePage({ name: "thing", properties: ["|id|String|Key.|", "|first|String|From a.|"] }),
      "b.md": resourcePage({ name: "thing", properties: ["|id|String|Key.|", "|second|String|From b.|", "|first|Int32|Retyped.|"] }),
    });
    expect(codes(diagnostics)).toEqual(["GT1004", "GT1005"]);
    expect(diagnostics[0]).toMatchObject({ severity: "warning", at: { file: "b.md" }, related: [{ at: { file: "a.md" } }] });
    expect(diagnostics[1].message).toBe("thing.first is listed twice with different types; the first row is used");
    const thing = type(model, "microsoft.graph.thing");
    expect(thing.properties.map((p) => [p.name, p.type])).toEqual([
      ["id", { kind: "primitive", edm: "String" }],
      ["first", { kind: "primitive", edm: "String" }],
      ["second", { kind: "primitive", edm: "String" }],
    ]);
  });
});

describe("properties", () => {
  test("primitive spellings map to EDM primitives; keys are not nullable; a collection may be null unless \"Not nullable\"", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "a.md": resourcePage({
        name: "a",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.entity" },
        properties: ["|name|string|x|", "|count|Edm.Int32|x|", "|tags|String collection|x|", "|codes|String collection|Not nullable.|", "|flag|Boolean|Not nullable.|"],
      }),
    });
    expect(diagnostics).toEqual([]);
    const props = type(model, "microsoft.graph.a").properties;
    expect(props.map((p) => [p.name, p.type, p.collection, p.nullable, p.collectionNullable])).toEqual([
      ["name", { kind: "primitive", edm: "String" }, false, true, undefined],
      ["count", { kind: "primitive", edm: "Int32" }, false, true, undefined],
      ["tags", { kind: "primitive", edm: "String" }, true, false, true],
      ["codes", { kind: "primitive", edm: "String" }, true, false, undefined],
      ["flag", { kind: "primitive", edm: "Boolean" }, false, false, undefined],
    ]);
    expect(type(model, "microsoft.graph.entity").properties[0]).toMatchObject({ name: "id", nullable: false });
  });

  test("unqualified, qualified and linked type names resolve; an unknown one degrades to unknown with a warning", () => {
    const { model, diagnostics } = modelOf({
      "publicerror.md": resourcePage({ name: "publicError" }),
      "a.md": resourcePage({
        name: "a",
        namespace: "microsoft.graph.partners.billing",
        properties: ["|e1|publicError|x|", "|e2|microsoft.graph.publicError|x|", "|e3|[the error](publicerror.md)|x|", "|bad|[nothing](nothing.md)|x|"],
      }),
    });
    const props = type(model, "microsoft.graph.partners.billing.a").properties;
    expect(props.map((p) => p.type)).toEqual([
      { kind: "named", fqn: "microsoft.graph.publicError" },
      { kind: "named", fqn: "microsoft.graph.publicError" },
      { kind: "named", fqn: "microsoft.graph.publicError" },
      { kind: "unknown", written: "nothing" },
    ]);
    expect(codes(diagnostics)).toEqual(["GT1001"]);
    expect(diagnostics[0].at).toMatchObject({ file: "a.md", line: 19, column: 5 });
  });

  test("relationships are navigation properties", () => {
    const { model } = modelOf({
      "m.md": resourcePage({ name: "m" }),
      "a.md": resourcePage({ name: "a", relationships: ["|items|[m](m.md) collection|Items.|"] }),
    });
    expect(type(model, "microsoft.graph.a").properties[0]).toMatchObject({ name: "items", navigation: true, collection: true, type: { kind: "named", fqn: "microsoft.graph.m" } });
  });

  const operation = resourcePage({
    name: "operation",
    annotation: { blockType: "resource", "@odata.type": "microsoft.graph.operation", baseType: "microsoft.graph.entity" },
    properties: ["|id|String|Inherited from [entity](entity.md).|", "|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|The status.|"],
  });

  test("rows marked Inherited from are left to the base; a subset narrows the enum property", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "enums.md": enums,
      "operation.md": operation,
      "running.md": resourcePage({
        name: "runningOperation",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.runningOperation", baseType: "microsoft.graph.operation" },
        properties: [
          "|id|String|Inherited from [operation](operation.md).|",
          "|status|microsoft.graph.longRunningOperationStatus|Supports a subset of the values for **longRunningOperationStatus**. Possible values are: `notStarted`, `running`. Inherited from [operation](operation.md).|",
        ],
      }),
    });
    expect(diagnostics).toEqual([]);
    expect(type(model, "microsoft.graph.operation").properties.map((p) => p.name)).toEqual(["status"]);
    expect(type(model, "microsoft.graph.runningOperation").properties).toEqual([
      expect.objectContaining({ name: "status", narrowedTo: ["notStarted", "running"], type: { kind: "named", fqn: "microsoft.graph.longRunningOperationStatus" } }),
    ]);
  });

  test("possible values that the enum does not have are reported and dropped", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "enums.md": enums,
      "operation.md": operation,
      "done.md": resourcePage({
        name: "doneOperation",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.doneOperation", baseType: "microsoft.graph.operation" },
        properties: ["|status|[longRunningOperationStatus](enums.md#longrunningoperationstatus-values)|Supports a subset of the values. Possible values are: `completed`, `succeeded`. Inherited from [operation](operation.md).|"],
      }),
    });
    expect(codes(diagnostics)).toEqual(["GT1006"]);
    expect(diagnostics[0].message).toContain('"completed"');
    expect(type(model, "microsoft.graph.doneOperation").properties[0].narrowedTo).toEqual(["succeeded"]);
  });

  test("a row marked inherited that no base declares is kept and reported", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "a.md": resourcePage({
        name: "a",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.entity" },
        properties: ["|extra|String|Inherited from [entity](entity.md).|"],
      }),
    });
    expect(codes(diagnostics)).toEqual(["GT1007"]);
    expect(type(model, "microsoft.graph.a").properties.map((p) => p.name)).toEqual(["extra"]);
  });

  test("a redeclaration with another type keeps the base's and warns", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "a.md": resourcePage({
        name: "a",
        annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.entity" },
        properties: ["|id|Int32|Numeric here.|"],
      }),
    });
    expect(codes(diagnostics)).toEqual(["GT1008"]);
    expect(type(model, "microsoft.graph.a").properties).toEqual([]);
  });

  test("a property listed twice is reported; the first row is used", () => {
    const { model, diagnostics } = modelOf({ "a.md": resourcePage({ name: "a", properties: ["|x|String|one|", "|x|Int32|two|"] }) });
    expect(codes(diagnostics)).toEqual(["GT1005"]);
    expect(type(model, "microsoft.graph.a").properties).toHaveLength(1);
    expect(type(model, "microsoft.graph.a").properties[0].type).toEqual({ kind: "primitive", edm: "String" });
  });
});

describe("enums", () => {
  test("an enum documented twice with different members is reported and merged", () => {
    const { model, diagnostics } = modelOf({
      "enums.md": enums,
      "a.md": `
        # a resource type

        Namespace: microsoft.graph

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |status|longRunningOperationStatus|x|

        ### longRunningOperationStatus values

        |Member|
        |:---|
        |notStarted|
        |unknownFutureValue|
      `,
    });
    expect(codes(diagnostics)).toEqual(["GT1011"]);
    const status = model.namespaces[0].enums.find((e) => e.name === "longRunningOperationStatus")!;
    // Pages are read in path order (a.md first); members the later page adds are appended.
    expect(status.members.map((m) => m.name)).toEqual(["notStarted", "unknownFutureValue", "running", "succeeded", "failed"]);
  });

  test("duplicate and missing members are reported", () => {
    const { diagnostics } = modelOf({
      "enums.md": `
        # Enum values

        Namespace: microsoft.graph

        ### color values

        |Member|
        |:---|
        |red|
        |red|

        ### shape values

        |Member|
        |:---|
      `,
    });
    expect(codes(diagnostics).sort()).toEqual(["GT1009", "GT1010"]);
  });
});

describe("corpus variants", () => {
  test("link targets with ?view=, /graph/api/resources/ paths and ../resources/ resolve by page", () => {
    const { model, diagnostics } = modelOf({
      "resources/identityset.md": resourcePage({ name: "identitySet" }),
      "resources/a.md": resourcePage({
        name: "a",
        properties: ["|x|[who](/graph/api/resources/identityset?view=graph-rest-1.0)|x|", "|y|[who](../resources/identityset.md#properties)|y|"],
      }),
    });
    expect(diagnostics).toEqual([]);
    expect(type(model, "microsoft.graph.a").properties.map((p) => p.type)).toEqual([
      { kind: "named", fqn: "microsoft.graph.identitySet" },
      { kind: "named", fqn: "microsoft.graph.identitySet" },
    ]);
  });

  test("link text that names another type than the page it links to is GT3004; the text wins", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "operation.md": resourcePage({ name: "operation", inherits: "[entity](operation.md)", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.operation" } }),
    });
    expect(codes(diagnostics)).toEqual(["GT3004"]);
    expect(diagnostics[0].message).toContain('link text "entity" names microsoft.graph.entity but the link points to operation.md (microsoft.graph.operation)');
    expect(type(model, "microsoft.graph.operation").baseType).toBe("microsoft.graph.entity");
  });

  test("annotation and prose naming different bases is GT3003 with both places; the annotation wins", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "thing.md": resourcePage({ name: "thing" }),
      "a.md": resourcePage({ name: "a", inherits: "[thing](thing.md)", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.a", baseType: "microsoft.graph.entity" } }),
    });
    expect(codes(diagnostics)).toEqual(["GT3003"]);
    expect(diagnostics[0].related?.[0].message).toBe('"Inherits from" prose');
    expect(type(model, "microsoft.graph.a").baseType).toBe("microsoft.graph.entity");
  });

  test("a Properties row typed with an entity type is GT3005 and becomes a navigation property", () => {
    const { model, diagnostics } = modelOf({
      "entity.md": entity,
      "user.md": resourcePage({ name: "user", annotation: { blockType: "resource", "@odata.type": "microsoft.graph.user", baseType: "microsoft.graph.entity" } }),
      "a.md": resourcePage({ name: "a", properties: ["|owner|[user](user.md)|The owner.|"] }),
    });
    expect(codes(diagnostics)).toEqual(["GT3005"]);
    expect(type(model, "microsoft.graph.a").properties[0]).toMatchObject({ name: "owner", navigation: true });
  });

  test("an enum documented only by a property's possible values becomes an enum; differing lists merge with GT1011", () => {
    const { model, diagnostics } = modelOf({
      "a.md": resourcePage({ name: "a", properties: ["|state|enablement|Possible values are: `notConfigured`, `enabled`.|"] }),
      "b.md": resourcePage({ name: "b", properties: ["|state|enablement|Possible values are: `notConfigured`, `disabled`.|"] }),
    });
    expect(codes(diagnostics)).toEqual(["GT1013", "GT1011"]);
    const enablement = model.namespaces[0].enums[0];
    expect(enablement.fqn).toBe("microsoft.graph.enablement");
    expect(enablement.members.map((m) => m.name)).toEqual(["notConfigured", "enabled", "disabled"]);
    expect(type(model, "microsoft.graph.b").properties[0].type).toEqual({ kind: "named", fqn: "microsoft.graph.enablement" });
  });

  test("namespaces that differ only in case are one namespace, spelled the way most pages spell it", () => {
    const { model } = modelOf({
      "a.md": resourcePage({ name: "a", namespace: "microsoft.graph.termStore" }),
      "b.md": resourcePage({ name: "b", namespace: "microsoft.graph.termStore" }),
      "c.md": resourcePage({ name: "c", namespace: "microsoft.graph.termstore" }),
    });
    expect(model.namespaces.map((n) => [n.name, n.types.map((t) => t.name)])).toEqual([["microsoft.graph.termStore", ["a", "b", "c"]]]);
  });
});
