import { complex, container, declaration, emitted, entity, modelOf, prop } from "./model-builder.js";

const model = modelOf(
  entity("microsoft.graph.entity", [prop("id", "Edm.String", { nullable: false })], { abstract: true }),
  entity("microsoft.graph.user", [], { baseType: "microsoft.graph.entity" }),
  entity("microsoft.graph.specialUser", [], { baseType: "microsoft.graph.user" }),
  entity("microsoft.graph.organization", [], { baseType: "microsoft.graph.entity" }),
  entity("microsoft.graph.partners.billing.standalone", [prop("n", "Edm.Int32")]),
  complex("microsoft.graph.address", [prop("city", "Edm.String")]),
  container("microsoft.graph.GraphService", { users: "microsoft.graph.user", organization: "microsoft.graph.organization", billing: "microsoft.graph.partners.billing.standalone" }, { me: "microsoft.graph.user" }),
);

describe("the OData envelope", () => {
  test("is declared once, in runtime.ts after the template's helpers, and exported from the barrel", async () => {
    const out = await emitted(model);
    expect(Object.keys(out)).toEqual(["index.ts", "microsoft.graph.partners.billing.ts", "microsoft.graph.ts", "runtime.ts"]);
    const runtime = out["runtime.ts"];
    expect(runtime.indexOf("export function hasODataType(")).toBeLessThan(runtime.indexOf("export interface CollectionResponse<T>"));
    expect(declaration(runtime, "export interface CollectionResponse<T>").replace(/ *\/\*\*.*\*\/\n/g, "")).toBe(
      'export interface CollectionResponse<T> {\n  "@odata.context"?: string;\n  "@odata.count"?: number | null;\n  "@odata.nextLink"?: string | null;\n  "@odata.deltaLink"?: string | null;\n  value?: T[];\n}',
    );
    expect(declaration(runtime, "export interface InstanceAnnotations").replace(/ *\/\*\*.*\*\/\n/g, "").replace(/ *\/\/.*\n/g, "")).toBe(
      [
        "export interface InstanceAnnotations {",
        "  [annotation: `${string}@odata.${string}`]: unknown;",
        ...["context", "etag", "id", "editLink", "readLink", "mediaContentType", "mediaEditLink", "mediaReadLink", "mediaEtag"].map((name) => `  "@odata.${name}"?: string;`),
        "}",
      ].join("\n"),
    );
    expect(declaration(runtime, "export interface ValueResponse<T>").replace(/ *\/\*\*.*\*\/\n/g, "")).toBe('export interface ValueResponse<T> {\n  "@odata.context"?: string;\n  value?: T;\n}');
    expect(out["index.ts"]).toContain('export type { CollectionResponse, InstanceAnnotations, ValueResponse } from "./runtime.js";');
  });

  test("root entity types extend InstanceAnnotations; derived entities inherit it; complex types do not get it", async () => {
    const out = await emitted(model);
    const graph = out["microsoft.graph.ts"];
    expect(graph).toContain('import type * as odata from "./runtime.js";');
    expect(graph).toContain("export interface Entity extends odata.InstanceAnnotations {");
    expect(graph).toContain("export interface User extends Entity {");
    expect(graph).toContain("export interface Address {");
    expect(out["microsoft.graph.partners.billing.ts"]).toContain("export interface Standalone extends odata.InstanceAnnotations {");
  });

  test("a module that needs no envelope does not import it", async () => {
    const graph = (await emitted(modelOf(complex("microsoft.graph.address"))))["microsoft.graph.ts"];
    expect(graph).not.toContain("import type * as odata");
    expect(graph).not.toMatch(/[^@"]odata\./);
  });
});

describe("entity containers", () => {
  test("<Container>Paths maps each path to what a GET returns: a collection response for a set, the entity for a singleton", async () => {
    const graph = (await emitted(model))["microsoft.graph.ts"];
    const paths = declaration(graph, "export interface GraphServicePaths");
    expect(paths.replace(/ *\/\*\*.*\*\/\n/g, "")).toBe(
      [
        "export interface GraphServicePaths {",
        '  "/billing": odata.CollectionResponse<microsoftGraphPartnersBilling.Standalone>;',
        '  "/me": AnyUser;',
        '  "/organization": odata.CollectionResponse<Organization>;',
        '  "/users": odata.CollectionResponse<AnyUser>;',
        "}",
      ].join("\n"),
    );
    expect(paths).toContain("/** The entity set users: a collection of microsoft.graph.user. */");
    expect(paths).toContain("/** The singleton me: one microsoft.graph.user. */");
    expect(graph).toContain("Type a fetch wrapper with it: `get<P extends keyof GraphServicePaths>(path: P): Promise<GraphServicePaths[P]>`.");
  });

  test("an element type missing from the model is unknown; a singleton named like a set is dropped", async () => {
    const graph = (await emitted(modelOf(container("microsoft.graph.Service", { things: "microsoft.graph.nowhere" }, { things: "microsoft.graph.nowhere" }))))["microsoft.graph.ts"];
    expect(declaration(graph, "export interface ServicePaths").replace(/ *\/\*\*.*\*\/\n/g, "")).toBe('export interface ServicePaths {\n  "/things": odata.CollectionResponse<unknown>;\n}');
  });
});
