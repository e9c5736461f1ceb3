import { jest } from "@jest/globals";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { modelFromCsdl } from "../../generator/model/csdl/build.js";
import { edmx } from "../csdl/helpers.js";
import { compile, declaration, emitted, NODENEXT } from "./model-builder.js";

/**
 * Types that fit what the service sends (issue 13), each on a small payload the docs' response examples hold, and
 * each with its counterpart that must stay an error: fit is not bought with looseness.
 */

jest.setTimeout(60_000);

const metadata = edmx(`
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true"><Property Name="deletedDateTime" Type="Edm.DateTimeOffset" /></EntityType>
  <EntityType Name="user" BaseType="graph.directoryObject" OpenType="true"><Property Name="displayName" Type="Edm.String" /></EntityType>
  <ComplexType Name="Json" />
  <ComplexType Name="workbookRange"><Property Name="values" Type="graph.Json" /><Property Name="address" Type="Edm.String" /></ComplexType>
  <ComplexType Name="accessReviewScope" Abstract="true" />
  <ComplexType Name="accessReviewQueryScope" BaseType="graph.accessReviewScope"><Property Name="query" Type="Edm.String" /></ComplexType>
  <EntityType Name="accessReview" BaseType="graph.entity">
    <Property Name="scope" Type="graph.accessReviewScope" />
    <Property Name="scopes" Type="Collection(graph.accessReviewScope)" />
    <Property Name="finishings" Type="Collection(Edm.String)" />
    <Property Name="codes" Type="Collection(Edm.String)" Nullable="false" />
  </EntityType>
  <ComplexType Name="plannerAssignments" OpenType="true" />
  <ComplexType Name="place" OpenType="true"><Property Name="city" Type="Edm.String" /></ComplexType>
`);

async function output(layout: "modules" | "single" = "modules"): Promise<Record<string, string>> {
  const { document } = parseCsdl({ path: "metadata.xml", text: metadata });
  const { model, diagnostics } = modelFromCsdl([document]);
  expect(diagnostics).toEqual([]);
  return emitted(model, { layout });
}

const check = async (usage: string): Promise<string[]> => compile(await output(), { "usage.ts": `import type { microsoftGraph as g } from "./index.js";\n${usage}` }, NODENEXT);

test("microsoft.graph.Json is any JSON value (unknown), not an object type", async () => {
  const range = declaration((await output())["microsoft.graph.ts"], "export interface WorkbookRange");
  expect(range).toContain("values?: unknown;");
  expect(await check('export const r: g.WorkbookRange = { values: [["a", 1], [true, null]], address: "A1" };\nexport const s: g.WorkbookRange = { values: "text" };\n')).toEqual([]);
});

test("a property, a collection and a request of a type with derived types take any of them; a misspelling is still an error", async () => {
  const review = declaration((await output())["microsoft.graph.ts"], "export interface AccessReview");
  expect(review).toContain("scope?: AnyAccessReviewScope | null;");
  expect(review).toContain("scopes?: AnyAccessReviewScope[] | null;");
  const errors = await check(
    [
      'export const ok: g.AccessReview = { scope: { "@odata.type": "#microsoft.graph.accessReviewQueryScope", query: "/users" }, scopes: [{ query: "/groups" }] };',
      '// @ts-expect-error a property no type of the union has',
      'export const wrong: g.AccessReview = { scope: { qurey: "/users" } };',
    ].join("\n"),
  );
  expect(errors).toEqual([]);
});

test("a collection may be null unless Nullable=\"false\"", async () => {
  expect(await check('export const a: g.AccessReview = { finishings: null, codes: [] };\n// @ts-expect-error Nullable="false"\nexport const b: g.AccessReview = { codes: null };\n')).toEqual([]);
});

test("@odata.type with or without #, and only the type's own subtree", async () => {
  const errors = await check(
    [
      'export const a: g.AnyAccessReviewScope = { "@odata.type": "microsoft.graph.accessReviewQueryScope", query: "q" };',
      'export const b: g.AnyAccessReviewScope = { "@odata.type": "#microsoft.graph.accessReviewQueryScope", query: "q" };',
      '// @ts-expect-error not a type of this subtree',
      'export const c: g.AnyAccessReviewScope = { "@odata.type": "#microsoft.graph.user" };',
    ].join("\n"),
  );
  expect(errors).toEqual([]);
});

test("an open dictionary takes any key; directory objects take extension_ properties; other open types keep the excess-property check", async () => {
  const graph = (await output())["microsoft.graph.ts"];
  expect(declaration(graph, "export interface PlannerAssignments")).toContain("[key: string]: unknown;");
  expect(declaration(graph, "export interface DirectoryObject")).toContain("[name: `extension_${string}`]: unknown;");
  expect(declaration(graph, "export interface Place")).not.toContain("[");
  const errors = await check(
    [
      'export const a: g.PlannerAssignments = { "fbab97d0-4932-4511-b675-204639209557": { orderHint: "8" } };',
      'export const u: g.User = { displayName: "x", extension_b7d8e3_skypeId: "x" };',
      '// @ts-expect-error a misspelled property of a user',
      'export const v: g.User = { displayNme: "x" };',
      '// @ts-expect-error a misspelled property of an open type with properties',
      'export const p: g.Place = { ctiy: "x" };',
    ].join("\n"),
  );
  expect(errors).toEqual([]);
});

test("an entity takes the annotations of its properties and the media annotations; nothing else that looks like one", async () => {
  const errors = await check(
    [
      'export const u: g.User = { "manager@odata.context": "x", "photo@odata.mediaContentType": "image/png", "@odata.mediaEtag": "1" };',
      '// @ts-expect-error not an OData annotation',
      'export const v: g.User = { "manager@context": "x" };',
    ].join("\n"),
  );
  expect(errors).toEqual([]);
});

test("the single layout stays the drop-in: declared types in properties, no index signatures", async () => {
  const single = (await output("single"))["index.d.ts"];
  expect(declaration(single, "export interface AccessReview")).toContain("scope?: AccessReviewScope | null;");
  expect(single).not.toContain("[key: string]");
  expect(single).not.toContain("extension_");
});
