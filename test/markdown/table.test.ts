import { codes, parsePage } from "../helpers.js";

const at = (line: number, column: number, file = "blob.md") => ({ file, line, column });

/** A resource page whose Properties section (line 5) holds `table`, starting on line 7. */
function propertiesPage(table: string): string {
  return ["# blob resource type", "", "Namespace: microsoft.graph.partners.billing", "", "## Properties", "", table, ""].join("\n");
}

describe("property tables", () => {
  test("|Property|Type|Description| rows, with each row at its name cell and each type at its Type cell", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(
        [
          "|Property|Type|Description|",
          "|:---|:---|:---|",
          "|name|String|The name of the blob.|",
          "|partitionValue|String|The partition that contains the file.|",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.properties).toEqual([
      {
        name: "name",
        at: at(9, 1),
        type: { written: "String", name: "String", collection: false, at: at(9, 6) },
        description: "The name of the blob.",
        deprecated: false,
        subset: false,
      },
      {
        name: "partitionValue",
        at: at(10, 1),
        type: { written: "String", name: "String", collection: false, at: at(10, 16) },
        description: "The partition that contains the file.",
        deprecated: false,
        subset: false,
      },
    ]);
  });

  test("a padded | Property name | Type | Description table without trailing pipes (documentset.md)", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(
        [
          "| Property name  | Type    | Description",
          "|:---------------|:--------|:--------------------------------------------------",
          "| allowedContentTypes | [contentTypeInfo](contenttypeinfo.md) collection | Content types allowed in document set.",
          "| shouldPrefixNameToFile | Boolean | Indicates whether to add the name of the document set to each file name.",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.properties.map((p) => [p.name, p.type.name, p.type.collection, p.description])).toEqual([
      ["allowedContentTypes", "contentTypeInfo", true, "Content types allowed in document set."],
      ["shouldPrefixNameToFile", "Boolean", false, "Indicates whether to add the name of the document set to each file name."],
    ]);
  });

  test("a | Name | Type | Description | header", () => {
    const { page } = parsePage(
      propertiesPage(["| Name | Type | Description |", "|:---|:---|:---|", "| size | Int64 | The size of the blob, in bytes. |"].join("\n")),
      "blob.md",
    );
    expect(page.properties.map((p) => [p.name, p.type.name, p.description])).toEqual([["size", "Int64", "The size of the blob, in bytes."]]);
  });

  test("bold header cells are read by their text", () => {
    const { page } = parsePage(
      propertiesPage(["|**Property**|**Type**|**Description**|", "|:---|:---|:---|", "|size|Int64|The size.|"].join("\n")),
      "blob.md",
    );
    expect(page.properties.map((p) => [p.name, p.type.name, p.description])).toEqual([["size", "Int64", "The size."]]);
  });

  test("extra columns are ignored: |Property|Type|Required|Description|", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(
        [
          "|Property|Type|Required|Description|",
          "|:---|:---|:---|:---|",
          "|attributeSet|String|Yes|Unique identifier of the attribute set. Not nullable.|",
          "|status|String|No|The status. Possible values are: `Available`, `Deprecated`.|",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.properties).toEqual([
      expect.objectContaining({ name: "attributeSet", description: "Unique identifier of the attribute set. Not nullable.", nullable: false }),
      expect.objectContaining({
        name: "status",
        type: { written: "String", name: "String", collection: false, at: at(10, 8) },
        description: "The status. Possible values are: `Available`, `Deprecated`.",
        possibleValues: ["Available", "Deprecated"],
      }),
    ]);
  });

  test("columns are found by header, not by order", () => {
    const { page } = parsePage(
      propertiesPage(["|Description|Type|Property|", "|:---|:---|:---|", "|The manifest identifier.|String|manifestId|"].join("\n")),
      "blob.md",
    );
    expect(page.properties.map((p) => [p.name, p.type.name, p.description, p.at])).toEqual([
      ["manifestId", "String", "The manifest identifier.", at(9, 33)],
    ]);
  });

  test("without a Description column, descriptions are empty and no facts are read", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(["|Property|Type|", "|:---|:---|", "|blobCount|Int32|"].join("\n")),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.properties).toEqual([
      {
        name: "blobCount",
        at: at(9, 1),
        type: { written: "Int32", name: "Int32", collection: false, at: at(9, 11) },
        description: "",
        deprecated: false,
        subset: false,
      },
    ]);
  });

  test("a table with no Type column is GT2004 at the table, and the section's other tables are still read", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(
        [
          "|Property|Description|",
          "|:---|:---|",
          "|name|The name of the blob.|",
          "",
          "|Property|Type|Description|",
          "|:---|:---|:---|",
          "|size|Int64|The size.|",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([
      {
        kind: "unrecognized-table",
        code: "GT2004",
        severity: "warning",
        message: 'table header "property | description" has no Property/Name and Type columns; table skipped',
        at: at(7, 1),
      },
    ]);
    expect(page.properties.map((p) => p.name)).toEqual(["size"]);
  });

  test("a Type column alone, first, with no name column is GT2004", () => {
    const { page, diagnostics } = parsePage(
      propertiesPage(["|Type|Description|", "|:---|:---|", "|String|The name.|"].join("\n")),
      "blob.md",
    );
    expect(codes(diagnostics)).toEqual(["GT2004"]);
    expect(diagnostics[0].at).toEqual(at(7, 1));
    expect(page.properties).toEqual([]);
  });

  test("tables outside Properties and Relationships (Methods) are not property tables", () => {
    const { page, diagnostics } = parsePage(
      `
        # operation resource type

        Namespace: microsoft.graph.partners.billing

        ## Methods

        |Method|Return type|Description|
        |:---|:---|:---|
        |[Get operation](../api/partners-billing-operation-get.md)|[microsoft.graph.partners.billing.operation](../resources/partners-billing-operation.md)|Read the properties of an operation.|

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|
      `,
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.properties.map((p) => p.name)).toEqual(["id"]);
  });
});

describe("name cells", () => {
  const { page, diagnostics } = parsePage(
    propertiesPage(
      [
        "|Property|Type|Description|",
        "|:---|:---|:---|",
        "|**displayName**|String|The name displayed in the address book.|",
        "|`mailNickname`|String|The mail alias.|",
        "|faxNumber (deprecated)|String|The fax number.|",
        "|`telexNumber` (Deprecated)|String|The telex number.|",
        "|mobilePhone|String|The primary cellular telephone number.|",
      ].join("\n"),
    ),
    "blob.md",
  );

  test("bold and code markup is not part of the name", () => {
    expect(diagnostics).toEqual([]);
    expect(page.properties.map((p) => p.name)).toEqual(["displayName", "mailNickname", "faxNumber", "telexNumber", "mobilePhone"]);
  });

  test("a (deprecated) suffix is dropped from the name and marks the property deprecated", () => {
    expect(page.properties.map((p) => [p.name, p.deprecated])).toEqual([
      ["displayName", false],
      ["mailNickname", false],
      ["faxNumber", true],
      ["telexNumber", true],
      ["mobilePhone", false],
    ]);
  });

  test("a name cell with spaces is GT2008 at the cell and the row is skipped", () => {
    const result = parsePage(
      propertiesPage(["|Property|Type|Description|", "|:---|:---|:---|", "|**App role assignments**| | |", "|id|String|The id.|"].join("\n")),
      "blob.md",
    );
    expect(result.diagnostics).toEqual([
      {
        kind: "invalid-row",
        code: "GT2008",
        severity: "warning",
        message: 'row has no usable property name ("App role assignments"); row skipped',
        at: at(9, 1),
      },
    ]);
    expect(result.page.properties.map((p) => p.name)).toEqual(["id"]);
  });

  test("an empty Type cell is GT2007 at the cell and the property is kept with an empty type", () => {
    const result = parsePage(propertiesPage(["|Property|Type|Description|", "|:---|:---|:---|", "|size||The size.|"].join("\n")), "blob.md");
    expect(result.diagnostics).toEqual([
      {
        kind: "empty-type-cell",
        code: "GT2007",
        severity: "warning",
        message: 'property "size" has an empty Type cell; typed as unknown',
        at: at(9, 6),
      },
    ]);
    expect(result.page.properties).toEqual([expect.objectContaining({ name: "size", type: { written: "", name: "", collection: false, at: at(9, 6) } })]);
  });
});

describe("relationships", () => {
  test("a Relationships table becomes page.relationships, not properties", () => {
    const { page, diagnostics } = parsePage(
      `
        # failedOperation resource type

        Namespace: microsoft.graph.partners.billing

        Inherits from [operation](../resources/partners-billing-operation.md).

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |status|microsoft.graph.longRunningOperationStatus|The status of the operation.|

        ## Relationships

        |Relationship|Type|Description|
        |:---|:---|:---|
        |error|[microsoft.graph.publicError](../resources/publicerror.md)|Information about the error that caused the failure.|
        |blobs|[blob](../resources/partners-billing-blob.md) collection|The blobs. Nullable.|
      `,
      "partners-billing-failedoperation.md",
    );
    const file = "partners-billing-failedoperation.md";
    expect(diagnostics).toEqual([]);
    expect(page.properties.map((p) => p.name)).toEqual(["status"]);
    expect(page.relationships).toEqual([
      {
        name: "error",
        at: { file, line: 17, column: 1 },
        type: {
          written: "microsoft.graph.publicError",
          name: "microsoft.graph.publicError",
          collection: false,
          target: "../resources/publicerror.md",
          at: { file, line: 17, column: 7 },
        },
        description: "Information about the error that caused the failure.",
        deprecated: false,
        subset: false,
      },
      {
        name: "blobs",
        at: { file, line: 18, column: 1 },
        type: { written: "blob collection", name: "blob", collection: true, target: "../resources/partners-billing-blob.md", at: { file, line: 18, column: 7 } },
        description: "The blobs. Nullable.",
        deprecated: false,
        subset: false,
        nullable: true,
      },
    ]);
  });

  test("Relationships: None. gives no relationships", () => {
    const { page, diagnostics } = parsePage(
      `
        # operation resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|

        ## Relationships

        None.
      `,
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.relationships).toEqual([]);
    expect(page.properties.map((p) => p.name)).toEqual(["id"]);
  });

  test("| Navigation property | Type | headers in a singular ## Relationship section", () => {
    const { page } = parsePage(
      `
        # manifest resource type

        Namespace: microsoft.graph.partners.billing

        ## Relationship

        | Navigation property | Type | Description |
        |:---|:---|:---|
        | operation | [operation](partners-billing-operation.md) | The export operation. |
      `,
      "blob.md",
    );
    expect(page.relationships.map((r) => [r.name, r.type.name, r.type.target])).toEqual([["operation", "operation", "partners-billing-operation.md"]]);
  });
});
