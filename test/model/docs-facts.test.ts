import { codes, findEnum, findType, modelOf, resourcePage } from "../helpers.js";

/**
 * What the docs say, read as they mean it (issue 13): each case is a pattern seen in the real pages, on a small
 * inline page, with the diagnostic that tells the docs' authors.
 */

const entity = resourcePage({ name: "entity", properties: ["|id|String|The identifier. Not nullable.|"], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.entity", keyProperty: "id" } });
const directoryObject = resourcePage({
  name: "directoryObject",
  properties: ["|deletedDateTime|DateTimeOffset|When it was deleted.|"],
  annotation: { blockType: "resource", "@odata.type": "microsoft.graph.directoryObject", baseType: "microsoft.graph.entity" },
});

describe("a type documented on several pages", () => {
  // intune-devices-user.md sorts before user.md, documents user too, and has no base type and a placeholder.
  const intune = resourcePage({ name: "user", properties: ["|deviceEnrollmentLimit|Int32|Not yet documented|"], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.user" } })
    .replace("The user type.", "Not yet documented");
  const own = resourcePage({
    name: "user",
    properties: ["|displayName|String|The name.|"],
    annotation: { blockType: "resource", "@odata.type": "microsoft.graph.user", baseType: "microsoft.graph.directoryObject" },
  }).replace("The user type.", "Represents an Azure AD user account.");

  test("the page named after the type leads: its base, its description; the rows of both merge", () => {
    const { model, diagnostics } = modelOf({ "entity.md": entity, "directoryobject.md": directoryObject, "intune-devices-user.md": intune, "user.md": own });
    const user = findType(model, "microsoft.graph.user");
    expect(user.baseType).toBe("microsoft.graph.directoryObject");
    expect(user.description).toBe("Represents an Azure AD user account.");
    expect(user.properties.map((p) => p.name).sort()).toEqual(["deviceEnrollmentLimit", "displayName"]);
    const duplicate = diagnostics.find((d) => d.code === "GT1004")!;
    expect(duplicate.message).toBe("type microsoft.graph.user is defined on user.md and intune-devices-user.md; the properties of both pages are merged, user.md leads");
    expect(duplicate.at?.file).toBe("intune-devices-user.md");
  });

  test("a base stated on any page wins over none; pages that state different bases are reported", () => {
    const other = resourcePage({ name: "user", properties: [], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.user", baseType: "microsoft.graph.entity" } });
    const { model, diagnostics } = modelOf({ "entity.md": entity, "directoryobject.md": directoryObject, "intune-devices-user.md": intune, "z-other.md": other });
    expect(findType(model, "microsoft.graph.user").baseType).toBe("microsoft.graph.entity");
    const both = modelOf({ "entity.md": entity, "directoryobject.md": directoryObject, "user.md": own, "z-other.md": other });
    expect(findType(both.model, "microsoft.graph.user").baseType).toBe("microsoft.graph.directoryObject");
    expect(both.diagnostics.find((d) => d.code === "GT3003")?.message).toBe(
      "the pages of microsoft.graph.user disagree on its base type: microsoft.graph.directoryObject here, microsoft.graph.entity on z-other.md; using microsoft.graph.directoryObject",
    );
    expect(codes(diagnostics)).not.toContain("GT3003");
  });
});

describe("inheritance prose", () => {
  const folder = resourcePage({ name: "mailFolder", properties: ["|displayName|String|The name.|"] });

  test('"**mailSearchFolder** inherits from [mailFolder](mailfolder.md)." is inheritance', () => {
    const search = resourcePage({ name: "mailSearchFolder", properties: ["|query|String|The query.|"] }).replace("The mailSearchFolder type.", "**mailSearchFolder** inherits from [mailFolder](mailfolder.md).");
    const { model } = modelOf({ "mailfolder.md": folder, "mailsearchfolder.md": search });
    expect(findType(model, "microsoft.graph.mailSearchFolder").baseType).toBe("microsoft.graph.mailFolder");
  });

  test('a row that says "directly assigned or inherited from a group" does not mark the property inherited', () => {
    const page = resourcePage({ name: "mailFolder", properties: ["|licenses|String collection|Licenses directly assigned or inherited from a group.|", "|id|String|The id. Inherited from [entity](entity.md).|"] });
    const { model, diagnostics } = modelOf({ "entity.md": entity, "mailfolder.md": page });
    // mailFolder has no base here: a row marked inherited is then kept, with a GT1007. Only id is marked.
    expect(findType(model, "microsoft.graph.mailFolder").properties.map((p) => p.name)).toEqual(["licenses", "id"]);
    expect(diagnostics.filter((d) => d.code === "GT1007").map((d) => d.message)).toEqual([expect.stringContaining("id")]);
    expect(diagnostics.filter((d) => d.code === "GT1007").map((d) => d.message)).not.toEqual([expect.stringContaining("licenses")]);
  });
});

test("a name spelled in several cases takes the camelCase spelling (orgContact over orgcontact), with GT3006", () => {
  const page = resourcePage({ name: "orgContact", properties: ["|mail|String|The mail.|"], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.orgcontact" } });
  const { model, diagnostics } = modelOf({ "orgcontact.md": page });
  expect(findType(model, "microsoft.graph.orgContact").name).toBe("orgContact");
  expect(diagnostics.find((d) => d.code === "GT3006")?.message).toBe("the annotation spells the type orgcontact, the heading orgContact; using orgContact, the camelCase spelling Graph names have");
});

test("an enum row `null` is no member; an `odata.type` row is no property (GT1012)", () => {
  const page = `${resourcePage({ name: "user", properties: ["|ageGroup|ageGroup|The age group.|", "|odata.type|String|The type.|"] })}\n### ageGroup values\n\n|Member|Description|\n|:---|:---|\n|null|Default value, no ageGroup is set.|\n|minor|A minor.|\n|adult|An adult.|\n`;
  const { model, diagnostics } = modelOf({ "user.md": page });
  expect(findEnum(model, "microsoft.graph.ageGroup").members.map((m) => m.name)).toEqual(["minor", "adult"]);
  expect(findType(model, "microsoft.graph.user").properties.map((p) => p.name)).toEqual(["ageGroup"]);
  expect(diagnostics.find((d) => d.code === "GT1012")?.message).toContain('"odata.type"');
});

test("a Type cell that links a resource page is that type, whatever the description lists as possible values", () => {
  const permission = resourcePage({ name: "permission", properties: ["|roles|String collection|The roles.|"] });
  const item = resourcePage({ name: "driveItem", properties: ["|permissions|[permission](../resources/permission.md) collection|The permissions. Possible values are `reader`, `writer`.|"] });
  const { model, diagnostics } = modelOf({ "permission.md": permission, "driveitem.md": item });
  expect(findType(model, "microsoft.graph.driveItem").properties[0]!.type).toEqual({ kind: "named", fqn: "microsoft.graph.permission" });
  expect(codes(diagnostics)).not.toContain("GT1013");
  const missing = modelOf({ "driveitem.md": item.replace("permission.md", "nothere.md").replace("[permission]", "[nothere]") });
  expect(codes(missing.diagnostics)).not.toContain("GT1013");
});

test('"[a](a.md) or [b](b.md)": the type both are (GT2013); without one, the first', () => {
  const base = resourcePage({ name: "mediaConfig", properties: ["|blob|String|x|"] });
  const a = resourcePage({ name: "appHostedMediaConfig", properties: [], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.appHostedMediaConfig", baseType: "microsoft.graph.mediaConfig" } });
  const b = resourcePage({ name: "serviceHostedMediaConfig", properties: [], annotation: { blockType: "resource", "@odata.type": "microsoft.graph.serviceHostedMediaConfig", baseType: "microsoft.graph.mediaConfig" } });
  const call = resourcePage({ name: "call", properties: ["|mediaConfig|[appHostedMediaConfig](apphostedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)|The media.|"] });
  const { model, diagnostics } = modelOf({ "mediaconfig.md": base, "a.md": a, "b.md": b, "call.md": call });
  expect(findType(model, "microsoft.graph.call").properties[0]!.type).toEqual({ kind: "named", fqn: "microsoft.graph.mediaConfig" });
  expect(diagnostics.find((d) => d.code === "GT2013")?.message).toBe("the Type cell of call.mediaConfig names alternatives (appHostedMediaConfig or serviceHostedMediaConfig); typed as microsoft.graph.mediaConfig, the type they all are");
  const unrelated = modelOf({ "a.md": a.replace(/,\s*"baseType": "microsoft.graph.mediaConfig"/, ""), "b.md": b, "mediaconfig.md": base, "call.md": call });
  expect(findType(unrelated.model, "microsoft.graph.call").properties[0]!.type).toEqual({ kind: "named", fqn: "microsoft.graph.appHostedMediaConfig" });
});

test("an anchor to the page's own `### x values` section resolves to that page's enum, with no GT3004", () => {
  const enums = "# Enum types\n\nNamespace: microsoft.graph\n\n### alertSeverity values\n\n|Member|\n|:---|\n|low|\n|high|\n";
  const alert = `${resourcePage({ name: "alert", namespace: "microsoft.graph.security", properties: ["|severity|[microsoft.graph.security.alertSeverity](#alertseverity-values)|How bad.|"] })}\n### alertSeverity values\n\n|Member|\n|:---|\n|informational|\n|low|\n|medium|\n|high|\n`;
  const { model, diagnostics } = modelOf({ "enums.md": enums, "security-alert.md": alert });
  expect(findType(model, "microsoft.graph.security.alert").properties[0]!.type).toEqual({ kind: "named", fqn: "microsoft.graph.security.alertSeverity" });
  expect(codes(diagnostics)).not.toContain("GT3004");
});

test("a <br> in a table cell separates the words it stood between", () => {
  const page = resourcePage({ name: "widget", properties: ["|size|Int32|The size in bytes.<br>NOTE: may be zero.|"] });
  const { model } = modelOf({ "widget.md": page });
  expect(findType(model, "microsoft.graph.widget").properties[0]!.description).toBe("The size in bytes. NOTE: may be zero.");
});
