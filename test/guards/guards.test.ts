import { edmx } from "../csdl/helpers.js";
import { loadFromCsdl, type Loaded } from "./load.js";

/** A small slice of Graph: users and groups are directory objects; licenses, message bodies and flags nested. */
const METADATA = edmx(`
  <EnumType Name="bodyType"><Member Name="text" Value="0"/><Member Name="html" Value="1"/></EnumType>
  <EnumType Name="weekdays" IsFlags="true"><Member Name="monday" Value="1"/><Member Name="tuesday" Value="2"/></EnumType>
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
  <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true"><Property Name="deletedDateTime" Type="Edm.DateTimeOffset"/></EntityType>
  <EntityType Name="user" BaseType="graph.directoryObject" OpenType="true">
    <Property Name="displayName" Type="Edm.String"/>
    <Property Name="accountEnabled" Type="Edm.Boolean"/>
    <Property Name="age" Type="Edm.Int32"/>
    <Property Name="assignedLicenses" Type="Collection(graph.assignedLicense)" Nullable="false"/>
    <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false"/>
    <Property Name="otherMails" Type="Collection(Edm.String)"/>
    <Property Name="workDays" Type="graph.weekdays"/>
    <Property Name="settings" Type="Edm.Untyped"/>
    <NavigationProperty Name="manager" Type="graph.directoryObject"/>
  </EntityType>
  <EntityType Name="group" BaseType="graph.directoryObject"><Property Name="visibility" Type="Edm.String"/></EntityType>
  <ComplexType Name="assignedLicense">
    <Property Name="disabledPlans" Type="Collection(Edm.Guid)" Nullable="false"/>
    <Property Name="skuId" Type="Edm.Guid"/>
  </ComplexType>
  <EntityType Name="message" BaseType="graph.entity"><Property Name="body" Type="graph.itemBody"/></EntityType>
  <ComplexType Name="itemBody"><Property Name="content" Type="Edm.String"/><Property Name="contentType" Type="graph.bodyType"/></ComplexType>
`);

let graph: Loaded[string];
let validate: (value: unknown, schema: unknown, options?: object) => { instancePath: string; message: string; expected: string; found: string; severity: string }[];
let standardSchema: (schema: unknown) => { "~standard": { version: number; validate(value: unknown): { value?: unknown; issues?: { message: string; path: unknown[] }[] } } };
let dispose: () => void;
beforeAll(async () => {
  const loaded = await loadFromCsdl(METADATA);
  graph = loaded.index.microsoftGraph;
  validate = loaded.index.validate as never;
  standardSchema = loaded.index.standardSchema as never;
  dispose = loaded.dispose;
});
afterAll(() => dispose());

const is = (guard: string, value: unknown): boolean => graph[guard](value) as boolean;

describe("guards recognise payloads by their shape (the service rarely sends @odata.type)", () => {
  test("the pins of issue 14", () => {
    expect(is("isUser", { displayName: 42 })).toBe(false);
    expect(is("isUser", { assignedLicenses: [{ skuId: 5 }] })).toBe(false);
    expect(is("isMessage", { body: { contentType: 7 } })).toBe(false);
    expect(is("isDirectoryObject", { "@odata.type": "#microsoft.graph.user", displayName: "x" })).toBe(true);
    expect(is("isUser", { "@odata.type": "#microsoft.graph.group" })).toBe(false);
  });

  test("GET /me as the service sends it: no @odata.type, annotations, properties newer than the metadata", () => {
    const me = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", id: "48d31887", displayName: "Adele Vance", businessPhones: [], assignedLicenses: [{ skuId: "c7df2760", disabledPlans: [] }], otherMails: null, age: 30, accountEnabled: true, employeeHireDate: "2021-01-01", "photo@odata.mediaEditLink": "x" };
    expect(is("isUser", me)).toBe(true);
    expect(is("isDirectoryObject", me)).toBe(true);
    expect(validate(me, graph.USER_SCHEMA)).toEqual([]);
  });

  test("the kinds: strings, numbers, booleans, null where nullable, collections and their items, enums, flags, anything", () => {
    expect(is("isUser", { displayName: null, deletedDateTime: "2021-01-01T00:00:00Z", settings: { any: [1] } })).toBe(true);
    expect(is("isUser", { businessPhones: null })).toBe(false); // Nullable="false"
    expect(is("isUser", { otherMails: null })).toBe(true);
    expect(is("isUser", { otherMails: ["a", null] })).toBe(false); // items are never null
    expect(is("isUser", { businessPhones: "555" })).toBe(false);
    expect(is("isUser", { age: "30" })).toBe(false);
    expect(is("isUser", { accountEnabled: "true" })).toBe(false);
    expect(is("isUser", { workDays: "monday,tuesday" })).toBe(true);
    expect(is("isUser", { workDays: "monday, tuesday" })).toBe(true);
    expect(is("isUser", { workDays: "monday,sunday" })).toBe(false);
    expect(is("isMessage", { body: { contentType: "html", content: "<p/>" } })).toBe(true);
    expect(is("isMessage", { body: { contentType: "Text" } })).toBe(false);
    expect(is("isMessage", { body: "text" })).toBe(false);
    expect(is("isBodyType", "text")).toBe(true);
  });

  test("not an object at all", () => {
    for (const value of [null, undefined, 0, "user", true, []]) expect(is("isUser", value)).toBe(false);
    expect(is("isUser", {})).toBe(true);
  });

  test("with @odata.type: the type or a derived one, with or without #, then the derived type's properties are checked", () => {
    expect(is("isDirectoryObject", { "@odata.type": "microsoft.graph.group", visibility: "Public" })).toBe(true);
    expect(is("isDirectoryObject", { "@odata.type": "#microsoft.graph.group", visibility: 1 })).toBe(false);
    expect(is("isDirectoryObject", { "@odata.type": "#microsoft.graph.message" })).toBe(false);
    expect(is("isDirectoryObject", { "@odata.type": 7 })).toBe(false);
    expect(is("isEntity", { "@odata.type": "#microsoft.graph.user", assignedLicenses: [{ skuId: 1 }] })).toBe(false);
  });

  test("a relationship is checked to be an object (expanded), not through the target's schema", () => {
    expect(is("isUser", { manager: { id: "1", displayName: "x" } })).toBe(true);
    expect(is("isUser", { manager: "1" })).toBe(false);
    expect(is("isUser", { manager: null })).toBe(true);
  });

  test("a cycle in the value does not loop", () => {
    const body: Record<string, unknown> = { contentType: "text" };
    const message = { body, self: body };
    body.self = message;
    expect(is("isMessage", message)).toBe(true);
  });
});

describe("validate: the reasons, as JSON Pointers", () => {
  test("deep through collections and nested types", () => {
    const issues = validate({ displayName: 42, assignedLicenses: [{ skuId: "a" }, { skuId: 5, disabledPlans: ["x", 3] }] }, graph.USER_SCHEMA);
    expect(issues.map((i) => [i.instancePath, i.expected, i.found, i.severity])).toEqual([
      ["/displayName", "a string", "42", "error"],
      ["/assignedLicenses/1/skuId", "a string", "5", "error"],
      ["/assignedLicenses/1/disabledPlans/1", "a string", "3", "error"],
    ]);
    expect(issues[0].message).toBe("must be a string, found 42");
  });

  test("enum and @odata.type reasons name what was allowed", () => {
    expect(validate({ body: { contentType: "Text" } }, graph.MESSAGE_SCHEMA).map((i) => [i.instancePath, i.message])).toEqual([["/body/contentType", 'must be one of "text", "html", found "Text"']]);
    expect(validate({ "@odata.type": "#microsoft.graph.group" }, graph.USER_SCHEMA).map((i) => i.instancePath)).toEqual(["/@odata.type"]);
  });

  test("unknownProperties reports undeclared properties as warnings, never annotations; the guard ignores warnings", () => {
    const value = { displayName: "x", employeeHireDate: "2021", "@odata.etag": "W/1", "displayName@odata.type": "#String" };
    expect(validate(value, graph.USER_SCHEMA)).toEqual([]);
    expect(validate(value, graph.USER_SCHEMA, { unknownProperties: true }).map((i) => [i.instancePath, i.severity])).toEqual([["/employeeHireDate", "warning"]]);
    expect(is("isUser", value)).toBe(true);
  });

  test("a key with / or ~ is escaped in the pointer", () => {
    expect(validate({ "a/b~c": 1 }, graph.USER_SCHEMA, { unknownProperties: true }).map((i) => i.instancePath)).toEqual(["/a~1b~0c"]);
  });

  test("the barrel exports microsoft.graph's guards and schemas flat too (bundlers tree-shake named imports, not namespace objects)", async () => {
    const loaded = await loadFromCsdl(METADATA);
    try {
      expect(loaded.index.isUser).toBe(loaded.index.microsoftGraph.isUser);
      expect(loaded.index.USER_SCHEMA).toBe(loaded.index.microsoftGraph.USER_SCHEMA);
    } finally {
      loaded.dispose();
    }
  });

  test("standardSchema: the Standard Schema v1 interface", () => {
    const schema = standardSchema(graph.USER_SCHEMA)["~standard"];
    expect(schema.version).toBe(1);
    expect(schema.validate({ displayName: "x" })).toEqual({ value: { displayName: "x" } });
    expect(schema.validate({ displayName: 1 }).issues?.map((i) => i.path)).toEqual([["displayName"]]);
  });
});

test("a property named __proto__ is a property of the table, not its prototype", async () => {
  const loaded = await loadFromCsdl(edmx(`<ComplexType Name="odd"><Property Name="__proto__" Type="Edm.String"/></ComplexType>`));
  try {
    const odd = loaded.index.microsoftGraph;
    expect(odd.isOdd(JSON.parse('{"__proto__": "x"}'))).toBe(true);
    expect(odd.isOdd(JSON.parse('{"__proto__": 5}'))).toBe(false);
  } finally {
    loaded.dispose();
  }
});

test("with nullable: optional the types have no null, so neither do the guards", async () => {
  const loaded = await loadFromCsdl(METADATA, { nullable: "optional" });
  try {
    expect(loaded.index.microsoftGraph.isUser({ displayName: null })).toBe(false);
    expect(loaded.index.microsoftGraph.isUser({ displayName: "x" })).toBe(true);
  } finally {
    loaded.dispose();
  }
});
