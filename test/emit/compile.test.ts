/**
 * Everything emit makes, on a model that uses every part of it (and the name clashes it must survive), compiled
 * with the TypeScript compiler under --strict, with a usage file whose @ts-expect-error lines must stay errors.
 */
import { BUNDLER, compile, complex, container, emitted, entity, flagsEnum, modelOf, NODENEXT, operation, param, prop, typeDefinition } from "./model-builder.js";

const model = modelOf(
  entity("microsoft.graph.entity", [prop("id", "Edm.String", { nullable: false })], { abstract: true }),
  entity("microsoft.graph.user", [prop("days", "microsoft.graph.dayOfWeek"), prop("stamp", "microsoft.graph.stamp"), prop("legacy", "Edm.String", { deprecation: "Since 2024: gone." })], { baseType: "microsoft.graph.entity" }),
  entity("microsoft.graph.specialUser", [], { baseType: "microsoft.graph.user" }),
  complex("microsoft.graph.collectionResponse", [prop("clash", "Edm.Boolean")]),
  complex("microsoft.graph.dayOfWeekFlags"),
  flagsEnum("microsoft.graph.dayOfWeek", ["sunday", "monday", "tuesday"], { deprecation: "Use weekday." }),
  flagsEnum("microsoft.graph.many", ["a", "b", "c", "d", "e", "f", "g", "h", "i"]),
  flagsEnum("microsoft.graph.object", ["x", "y"]),
  typeDefinition("microsoft.graph.stamp", "Date"),
  operation("action", "microsoft.graph.export", { parameters: [param("days", "microsoft.graph.dayOfWeek"), param("since", "Edm.DateTimeOffset", { optional: true })], returns: "Collection(microsoft.graph.user)" }),
  operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.user", parameters: [param("add", "Collection(Edm.Guid)")], returns: "microsoft.graph.user" }),
  operation("action", "microsoft.graph.assignLicense", { bound: "microsoft.graph.specialUser", parameters: [param("add", "Collection(Edm.Guid)"), param("keep", "Edm.Boolean")], returns: "microsoft.graph.user" }),
  operation("function", "microsoft.graph.count", { returns: "Edm.Int32" }),
  operation("function", "microsoft.graph.collection", { returns: "Edm.String" }),
  container("microsoft.graph.GraphService", { users: "microsoft.graph.user", notes: "microsoft.graph.partners.billing.note" }, { me: "microsoft.graph.user" }),
  entity("microsoft.graph.partners.billing.entity", [prop("on", "microsoft.graph.dayOfWeek")], { baseType: "microsoft.graph.entity" }),
  entity("microsoft.graph.partners.billing.note", [prop("about", "microsoft.graph.entity"), prop("objects", "Collection(microsoft.graph.object)"), prop("person", "contoso.hr.person")], { baseType: "microsoft.graph.partners.billing.entity" }),
  operation("action", "microsoft.graph.partners.billing.export", { parameters: [param("user", "microsoft.graph.user")], returns: "Collection(microsoft.graph.partners.billing.note)" }),
  complex("contoso.hr.person", [prop("note", "microsoft.graph.partners.billing.note"), prop("days", "microsoft.graph.dayOfWeek")]),
);

const modulesUsage = `
import { microsoftGraph as graph, microsoftGraphPartnersBilling as billing, type CollectionResponse } from "./index.js";

export const both: graph.DayOfWeekFlags_2 = "sunday,tuesday";
export const one: graph.DayOfWeekFlags_2 = "monday";
// @ts-expect-error members out of declaration order
export const reversed: graph.DayOfWeekFlags_2 = "tuesday,sunday";
// @ts-expect-error not a member
export const friday: graph.DayOfWeekFlags_2 = "friday";
// @ts-expect-error the service writes no spaces
export const spaced: graph.DayOfWeekFlags_2 = "sunday, monday";
export const long: graph.ManyFlags = "a,whatever";
// @ts-expect-error the first member of a long flags value is still checked
export const badLong: graph.ManyFlags = "z,a";
export const joined: graph.DayOfWeekFlags_2 = graph.joinDayOfWeekFlags(["tuesday", "sunday"]);
export const maybe: graph.DayOfWeekFlags_2 | "" = graph.joinDayOfWeekFlags([] as graph.DayOfWeek[]);
// @ts-expect-error a list that may be empty may give ""
export const sure: graph.DayOfWeekFlags_2 = graph.joinDayOfWeekFlags([] as graph.DayOfWeek[]);
export const split: graph.DayOfWeek[] = graph.splitDayOfWeekFlags(both);
export const objects: graph.Object_Flags = graph.joinObject_Flags([graph.Object_.y, graph.Object_.x]);

export const user: graph.User = { "@odata.type": "#microsoft.graph.user", "@odata.etag": "W/1", "@odata.id": "u/1", id: "1", days: both, stamp: "2024-01-01" };
// @ts-expect-error annotations are strings
export const badEtag: graph.User = { "@odata.etag": 1 };
export const page: CollectionResponse<graph.User> = { value: [user], "@odata.nextLink": null, "@odata.count": 1 };
export const users: graph.GraphServicePaths["/users"] = page;
export const me: graph.GraphServicePaths["/me"] = { ...user, "@odata.type": "#microsoft.graph.user" };
export declare function get<P extends keyof graph.GraphServicePaths>(path: P): Promise<graph.GraphServicePaths[P]>;
export async function firstNote(): Promise<string | undefined> {
  const notes = await get("/notes");
  return notes.value?.[0]?.id;
}
// @ts-expect-error only the container's paths
export const nowhere = get("/nowhere");

export const body: graph.ExportPostRequestBody = { days: "sunday,monday", since: "2024-01-01T00:00:00Z" };
// @ts-expect-error parameters are typed
export const badBody: graph.ExportPostRequestBody = { days: "friday" };
export const license: graph.SpecialUserAssignLicensePostRequestBody = { add: ["g"], keep: true };
export const exported: graph.ExportResponse = page;
export const assigned: graph.AssignLicenseResponse = { "@odata.type": "#microsoft.graph.specialUser" };
export const count: graph.CountResponse = { value: 3 };
export const clash: graph.CollectionResponse = { clash: true };
export const collection: graph.CollectionResponse_2 = { value: "s" };
export const noteBody: billing.ExportPostRequestBody = { user };
export const note: billing.Note = { about: user, objects: ["x,y"], on: "monday", person: { days: "sunday", note: { id: "n" } } };
`;

const singleUsage = `
import type { CollectionResponse, DayOfWeekFlags_2, ManyFlags, User, GraphServicePaths, Partners, Contoso, ExportPostRequestBody, ODataCollectionResponse } from "./index.js";

export const both: DayOfWeekFlags_2 = "sunday,tuesday";
// @ts-expect-error members out of declaration order
export const reversed: DayOfWeekFlags_2 = "tuesday,sunday";
export const long: ManyFlags = "a,whatever";
// @ts-expect-error the first member of a long flags value is still checked
export const badLong: ManyFlags = "z,a";
export const user: User = { "@odata.etag": "W/1", days: both };
export const page: ODataCollectionResponse<User> = { value: [user] };
export const users: GraphServicePaths["/users"] = page;
export const clash: CollectionResponse = { clash: true };
export const body: ExportPostRequestBody = { days: "monday" };
// @ts-expect-error parameters are typed
export const badBody: ExportPostRequestBody = { days: "friday" };
export const note: Partners.Billing.Note = { about: user, objects: ["y"], person: { days: "sunday" } };
export const person: Contoso.Hr.Person = { note };
export const notes: Partners.Billing.ExportResponse = { value: [note] };
`;

describe.each([
  ["module nodenext", NODENEXT],
  ["moduleResolution bundler", BUNDLER],
])("emitted output compiles under --strict with %s", (_, options) => {
  test("modules layout, with its usage", async () => {
    expect(await compile(await emitted(model), { "usage.ts": modulesUsage }, options)).toEqual([]);
  });

  test("single layout (index.d.ts), with its usage", async () => {
    expect(await compile(await emitted(model, { layout: "single" }), { "usage.ts": singleUsage }, options)).toEqual([]);
  });
});

test("the usage files would catch a wrong type: an unused @ts-expect-error is itself an error", async () => {
  const errors = await compile(await emitted(model), { "usage.ts": `import type { microsoftGraph as graph } from "./index.js";\n// @ts-expect-error\nexport const ok: graph.DayOfWeekFlags_2 = "monday,tuesday";\n` }, NODENEXT);
  expect(errors).toEqual(["usage.ts:2 Unused '@ts-expect-error' directive."]);
});
