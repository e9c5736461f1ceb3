import type { TypeCell } from "../../generator/types/index.js";
import { parsePage } from "../helpers.js";

/**
 * Reads the Type cell of a one-row Properties table (row on line 9; a cell starts at its leading pipe, so the Type cell is at column 7), on a
 * page whose bottom holds link reference definitions like baseitem.md's.
 */
function typeCell(cell: string): { type: Omit<TypeCell, "at">; at: TypeCell["at"] } {
  const { page, diagnostics } = parsePage(
    [
      "# blob resource type",
      "",
      "Namespace: microsoft.graph.partners.billing",
      "",
      "## Properties",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      `|value|${cell}|The value.|`,
      "",
      "[identitySet]: identityset.md",
      "[columnDefinition]: ../resources/columndefinition.md",
      "",
    ].join("\n"),
    "blob.md",
  );
  expect(diagnostics).toEqual([]);
  expect(page.properties).toHaveLength(1);
  const { at, ...type } = page.properties[0].type;
  return { type, at };
}

describe("Type cells", () => {
  test.each<[string, Omit<TypeCell, "at">]>([
    ["String", { written: "String", name: "String", collection: false }],
    ["string", { written: "string", name: "string", collection: false }],
    ["Edm.String", { written: "Edm.String", name: "Edm.String", collection: false }],
    ["DateTimeOffset", { written: "DateTimeOffset", name: "DateTimeOffset", collection: false }],
    ["`Int64`", { written: "Int64", name: "Int64", collection: false }],
  ])("primitive %j", (cell, expected) => {
    expect(typeCell(cell).type).toEqual(expected);
  });

  test.each<[string, Omit<TypeCell, "at">]>([
    ["String collection", { written: "String collection", name: "String", collection: true }],
    ["string collection", { written: "string collection", name: "string", collection: true }],
    ["Collection(microsoft.graph.partners.billing.blob)", { written: "Collection(microsoft.graph.partners.billing.blob)", name: "microsoft.graph.partners.billing.blob", collection: true }],
    ["Collection(Edm.String)", { written: "Collection(Edm.String)", name: "Edm.String", collection: true }],
    ["collection(string)", { written: "collection(string)", name: "string", collection: true }],
    ["Collection of blob", { written: "Collection of blob", name: "blob", collection: true }],
    ["blob[]", { written: "blob[]", name: "blob", collection: true }],
  ])("collection %j", (cell, expected) => {
    expect(typeCell(cell).type).toEqual(expected);
  });

  test.each<[string, Omit<TypeCell, "at">]>([
    ["[blob](partners-billing-blob.md)", { written: "blob", name: "blob", collection: false, target: "partners-billing-blob.md" }],
    [
      "[blob](../resources/partners-billing-blob.md) collection",
      { written: "blob collection", name: "blob", collection: true, target: "../resources/partners-billing-blob.md" },
    ],
    [
      "Collection of [activity](projectrome-activity.md)",
      { written: "Collection of activity", name: "activity", collection: true, target: "projectrome-activity.md" },
    ],
    [
      "[microsoft.graph.publicError](../resources/publicerror.md)",
      { written: "microsoft.graph.publicError", name: "microsoft.graph.publicError", collection: false, target: "../resources/publicerror.md" },
    ],
  ])("link %j keeps its target", (cell, expected) => {
    expect(typeCell(cell).type).toEqual(expected);
  });

  test("a qualified name microsoft.graph.x is kept whole", () => {
    expect(typeCell("microsoft.graph.longRunningOperationStatus").type).toEqual({
      written: "microsoft.graph.longRunningOperationStatus",
      name: "microsoft.graph.longRunningOperationStatus",
      collection: false,
    });
  });

  test("an unlinked enum name is read as written, without a target", () => {
    expect(typeCell("longRunningOperationStatus").type).toEqual({
      written: "longRunningOperationStatus",
      name: "longRunningOperationStatus",
      collection: false,
    });
  });

  test("a link into enums.md#x-values keeps the anchor in the target", () => {
    expect(typeCell("[riskLevel](enums.md#risklevel-values)").type).toEqual({
      written: "riskLevel",
      name: "riskLevel",
      collection: false,
      target: "enums.md#risklevel-values",
    });
  });

  test("a reference-style link [identitySet][] takes its target from the definition at the bottom of the page", () => {
    expect(typeCell("[identitySet][]").type).toEqual({ written: "identitySet", name: "identitySet", collection: false, target: "identityset.md" });
  });

  test("a reference-style link inside Collection(...) resolves too", () => {
    expect(typeCell("Collection([columnDefinition][])").type).toEqual({
      written: "Collection(columnDefinition)",
      name: "columnDefinition",
      collection: true,
      target: "../resources/columndefinition.md",
    });
  });

  test.each<[string, Omit<TypeCell, "at">]>([
    ["Int32 (read-only)", { written: "Int32 (read-only)", name: "Int32", collection: false }],
    ["string (url)", { written: "string (url)", name: "string", collection: false }],
    ["String (identifier)", { written: "String (identifier)", name: "String", collection: false }],
    ["String collection (read-only)", { written: "String collection (read-only)", name: "String", collection: true }],
    [
      "[blob](partners-billing-blob.md) collection (read-only)",
      { written: "blob collection (read-only)", name: "blob", collection: true, target: "partners-billing-blob.md" },
    ],
    ["Collection(String) (read-only)", { written: "Collection(String) (read-only)", name: "String", collection: true }],
  ])("a parenthetical is commentary: %j", (cell, expected) => {
    expect(typeCell(cell).type).toEqual(expected);
  });

  test("the Type cell's position is its own, on the row's line", () => {
    expect(typeCell("[blob](partners-billing-blob.md) collection").at).toEqual({ file: "blob.md", line: 9, column: 7 });
  });
});
