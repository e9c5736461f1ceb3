import { complex, declaration, emitted, entity, enumType, flagsEnum, modelOf, operation, param, prop } from "./model-builder.js";

const user = entity("microsoft.graph.user", [prop("displayName", "Edm.String")]);
const group = entity("microsoft.graph.group");
const device = entity("microsoft.graph.device");
const GRAPH = "microsoft.graph.ts";

describe("request bodies", () => {
  test("an action with parameters gets <Action>PostRequestBody: one optional property per parameter, typed like properties", async () => {
    const graph = (
      await emitted(
        modelOf(
          user,
          flagsEnum("microsoft.graph.dayOfWeek", ["monday", "tuesday"]),
          operation("action", "microsoft.graph.export", {
            description: "Exports data.",
            parameters: [
              param("since", "Edm.DateTimeOffset", { description: "Start of the export." }),
              param("days", "microsoft.graph.dayOfWeek", { optional: true }),
              param("owners", "Collection(microsoft.graph.user)"),
              param("label", "Edm.String", { nullable: false, optional: true, description: "A label." }),
              param("odd", "?mystery"),
            ],
          }),
        ),
      )
    )[GRAPH];
    const body = declaration(graph, "export interface ExportPostRequestBody");
    expect(graph).toContain("/**\n * Exports data.\n *\n * The body of the POST that invokes the microsoft.graph.export action (unbound).\n *\n * @see microsoft.graph.export\n */\nexport interface ExportPostRequestBody {");
    expect(body).toContain("/**\n   * Start of the export.\n   *\n   * @format date-time (ISO 8601, UTC)\n   */\n  since?: string | null;");
    expect(body).toContain("/** Optional: the service uses its default when it is left out. */\n  days?: DayOfWeekFlags | null;");
    expect(body).toContain("owners?: User[];");
    expect(body).toContain("/** A label. Optional: the service uses its default when it is left out. */\n  label?: string;");
    expect(body).toMatch(/could not be resolved\.\s*\*\/\s*odd\?: unknown;/);
  });

  test("no body for actions without parameters, nor for functions (their parameters go in the URL)", async () => {
    const graph = (await emitted(modelOf(user, operation("action", "microsoft.graph.restore", { bound: "microsoft.graph.user" }), operation("function", "microsoft.graph.search", { parameters: [param("q", "Edm.String")] }))))[GRAPH];
    expect(graph).not.toContain("PostRequestBody");
  });

  test("overloads with the same parameters share one body, whatever they are bound to", async () => {
    const parameters = [param("addLicenses", "Collection(Edm.Guid)")];
    const graph = (
      await emitted(modelOf(user, group, operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.user", parameters }), operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.group", parameters })))
    )[GRAPH];
    expect(graph.match(/export interface \w*AssignLicensePostRequestBody/g)).toEqual(["export interface AssignLicensePostRequestBody"]);
    expect(graph).toContain("(bound to microsoft.graph.group; bound to microsoft.graph.user)");
  });

  test("overloads with different parameters are prefixed with their binding type; equal lists still share", async () => {
    const full = [param("addLicenses", "Collection(Edm.Guid)"), param("removeLicenses", "Collection(Edm.Guid)")];
    const graph = (
      await emitted(
        modelOf(
          user,
          group,
          device,
          operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.user", parameters: full }),
          operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.device", parameters: [param("addLicenses", "Collection(Edm.Guid)")] }),
          operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.group", parameters: full }),
        ),
      )
    )[GRAPH];
    expect(graph.match(/export interface \w*AssignLicensePostRequestBody/g)).toEqual(["export interface DeviceAssignLicensePostRequestBody", "export interface GroupAssignLicensePostRequestBody"]);
    expect(graph).toContain("The overloads of microsoft.graph.assignLicense differ in their parameters, so this name starts with the binding type of the first overload it serves.");
    expect(declaration(graph, "export interface GroupAssignLicensePostRequestBody")).toContain("removeLicenses?: string[];");
    expect(graph).toContain("(bound to microsoft.graph.group; bound to microsoft.graph.user)");
  });

  test("a name another declaration has is made unique with a suffix; the declared type keeps its name", async () => {
    const graph = (
      await emitted(
        modelOf(
          complex("microsoft.graph.exportPostRequestBody"),
          operation("action", "microsoft.graph.export", { parameters: [param("a", "Edm.String")] }),
          operation("action", "microsoft.graph.Export", { parameters: [param("b", "Edm.String")] }),
        ),
      )
    )[GRAPH];
    expect(graph).toContain("export interface ExportPostRequestBody {\n  /** The type of the payload. */");
    // claimed in name order (code units: "Export" before "export")
    expect(graph).toContain("export interface ExportPostRequestBody_2 {\n  b?: string | null;\n}");
    expect(graph).toContain("export interface ExportPostRequestBody_3 {\n  a?: string | null;\n}");
    expect(graph).toContain("Named ExportPostRequestBody_2 because ExportPostRequestBody is declared by something else in this namespace.");
  });

  test("an overload bound to a type that did not resolve sorts first: it gets the plain prefixed name, the resolved one _2", async () => {
    const graph = (
      await emitted(
        modelOf(
          user,
          operation("action", "microsoft.graph.doIt", { bound: "microsoft.graph.user", parameters: [param("a", "Edm.String")] }),
          operation("action", "microsoft.graph.doIt", { bound: "?other.user", parameters: [param("b", "Edm.String")] }),
        ),
      )
    )[GRAPH];
    expect(declaration(graph, "export interface UserDoItPostRequestBody ")).toContain("b?: string | null;");
    expect(declaration(graph, "export interface UserDoItPostRequestBody_2 ")).toContain("a?: string | null;");
  });

  test("names do not depend on the order overloads are listed in", async () => {
    const overloads = [
      operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.user", parameters: [param("a", "Edm.String")] }),
      operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.group", parameters: [param("b", "Edm.String")] }),
    ];
    const forward = await emitted({ namespaces: [{ ...modelOf(user, group).namespaces[0], operations: overloads }] });
    const backward = await emitted({ namespaces: [{ ...modelOf(user, group).namespaces[0], operations: [...overloads].reverse() }] });
    expect(backward).toEqual(forward);
  });
});

describe("responses", () => {
  const model = modelOf(
    user,
    entity("microsoft.graph.specialUser", [], { baseType: "microsoft.graph.user" }),
    complex("microsoft.graph.schedule"),
    enumType("microsoft.graph.color", ["red"]),
    operation("function", "microsoft.graph.delta", { bound: "Collection(microsoft.graph.user)", returns: "Collection(microsoft.graph.user)", description: "Changes." }),
    operation("function", "microsoft.graph.getSchedule", { returns: "microsoft.graph.schedule" }),
    operation("function", "microsoft.graph.count", { returns: "Edm.Int32" }),
    operation("function", "microsoft.graph.colors", { returns: "Collection(microsoft.graph.color)" }),
    operation("function", "microsoft.graph.content", { returns: "Edm.Stream" }),
    operation("action", "microsoft.graph.assign", { bound: "microsoft.graph.user", returns: "Edm.String", parameters: [param("a", "Edm.String")] }),
    operation("action", "microsoft.graph.restore", { bound: "microsoft.graph.user" }),
  );

  test("<Operation>Response: a collection response, the payload itself, or a primitive wrapped in { value }", async () => {
    const graph = (await emitted(model))[GRAPH];
    expect(graph).toContain("/**\n * Changes.\n *\n * What the microsoft.graph.delta function returns (bound to a collection of microsoft.graph.user).\n *\n * @see microsoft.graph.delta\n */");
    expect(graph).toContain("export type DeltaResponse = odata.CollectionResponse<AnyUser>;");
    expect(graph).toContain("export type GetScheduleResponse = Schedule;");
    expect(graph).toContain("export type CountResponse = odata.ValueResponse<number | null>;");
    expect(graph).toContain("export type ColorsResponse = odata.CollectionResponse<Color>;");
    expect(graph).toContain("export type ContentResponse = unknown;");
    expect(graph).toContain("export type AssignResponse = odata.ValueResponse<string | null>;");
    expect(graph).not.toContain("RestoreResponse");
    expect(graph).toContain('import type * as odata from "./runtime.js";');
  });

  test("an operation's body and response sit together, operations by name", async () => {
    const graph = (await emitted(model))[GRAPH];
    const order = [...graph.matchAll(/export (?:type|interface) (\w+(?:Response|PostRequestBody))\b/g)].map((m) => m[1]);
    expect(order).toEqual(["AssignPostRequestBody", "AssignResponse", "ColorsResponse", "ContentResponse", "CountResponse", "DeltaResponse", "GetScheduleResponse"]);
  });

  test("overloads returning different types get binding-type prefixes", async () => {
    const graph = (
      await emitted(
        modelOf(
          user,
          group,
          operation("function", "microsoft.graph.delta", { bound: "Collection(microsoft.graph.user)", returns: "Collection(microsoft.graph.user)" }),
          operation("function", "microsoft.graph.delta", { bound: "Collection(microsoft.graph.group)", returns: "Collection(microsoft.graph.group)" }),
        ),
      )
    )[GRAPH];
    expect(graph).toContain("export type GroupDeltaResponse = odata.CollectionResponse<Group>;");
    expect(graph).toContain("export type UserDeltaResponse = odata.CollectionResponse<User>;");
    expect(graph).toContain("The overloads of microsoft.graph.delta differ in their return types");
  });

  test("an operation deprecated in every overload is deprecated", async () => {
    const graph = (await emitted(modelOf(operation("function", "microsoft.graph.old", { returns: "Edm.String", deprecation: "Use new." }))))[GRAPH];
    expect(graph).toContain(" * @see microsoft.graph.old\n * @deprecated Use new.\n */\nexport type OldResponse");
  });
});
