import { codes, parsePage } from "../helpers.js";

const FILE = "partners-billing-operation.md";
const at = (line: number, column: number) => ({ file: FILE, line, column });

/** partners-billing-operation.md, trimmed: a row the JSON lacks, and a key the tables lack. */
const OPERATION = `
  # operation resource type

  Namespace: microsoft.graph.partners.billing

  ## Properties

  |Property|Type|Description|
  |:---|:---|:---|
  |createdDateTime|DateTimeOffset|The start time of the operation.|
  |id|String|The unique identifier for the **operation**.|
  |lastActionDateTime|DateTimeOffset|The time of the last action of the operation.|
  |status|microsoft.graph.longRunningOperationStatus|The status of the operation.|

  ## Relationships

  |Relationship|Type|Description|
  |:---|:---|:---|
  |error|[microsoft.graph.publicError](../resources/publicerror.md)|Information about the error.|

  ## JSON representation

  <!-- {
    "blockType": "resource",
    "keyProperty": "id",
    "@odata.type": "microsoft.graph.partners.billing.operation"
  }
  -->
  \`\`\` json
  {
    "@odata.type": "#microsoft.graph.partners.billing.operation",
    "createdDateTime": "String (timestamp)",
    "id": "String (identifier)",
    "status": "String",
    "error": {"@odata.type": "microsoft.graph.publicError", "code": "String"},
    "manifestId": "String"
  }
  \`\`\`
`;

describe("JSON representation block", () => {
  test("top-level keys are read with their positions; nested keys are not; the block's own @odata.type is kept", () => {
    const { page } = parsePage(OPERATION, FILE);
    expect(page.json).toEqual({
      at: at(28, 1),
      keys: [
        { value: "@odata.type", at: at(30, 3) },
        { value: "createdDateTime", at: at(31, 3) },
        { value: "id", at: at(32, 3) },
        { value: "status", at: at(33, 3) },
        { value: "error", at: at(34, 3) },
        { value: "manifestId", at: at(35, 3) },
      ],
      odataType: { value: "microsoft.graph.partners.billing.operation", at: at(30, 3) },
    });
  });

  test("non-strict blocks (placeholders, comments, missing commas, braces in strings) still yield their keys", () => {
    const { page } = parsePage(
      `
        # baseItem resource type

        Namespace: microsoft.graph

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.baseItem" } -->

        \`\`\`json
        {
          "id": "string (identifier)",
          "createdBy": { "@odata.type": "microsoft.graph.identitySet" },
          "size": 1024,
          "tags": ["String", {"nested": 1}],
          "status": String, // placeholder; "commented": "out" is not a key
          "webUrl": "url"
          "pattern": "{[\\"}\\"]",
          "parentReference": {"driveId": {"deep": true}}, "name": "string"
        }
        \`\`\`
      `,
      "baseitem.md",
    );
    const file = "baseitem.md";
    expect(page.json).toEqual({
      at: { file, line: 7, column: 1 },
      keys: [
        { value: "id", at: { file, line: 9, column: 3 } },
        { value: "createdBy", at: { file, line: 10, column: 3 } },
        { value: "size", at: { file, line: 11, column: 3 } },
        { value: "tags", at: { file, line: 12, column: 3 } },
        { value: "status", at: { file, line: 13, column: 3 } },
        { value: "webUrl", at: { file, line: 14, column: 3 } },
        { value: "pattern", at: { file, line: 15, column: 3 } },
        { value: "parentReference", at: { file, line: 16, column: 3 } },
        { value: "name", at: { file, line: 16, column: 51 } },
      ],
    });
  });

  test("the block is the code block after the annotation, not an earlier one", () => {
    const { page } = parsePage(
      `
        # operation resource type

        Namespace: microsoft.graph.partners.billing

        \`\`\`json
        { "notThis": 1 }
        \`\`\`

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.operation" } -->

        The following JSON representation shows the resource type.

        \`\`\`json
        { "id": "String" }
        \`\`\`
      `,
      FILE,
    );
    expect(page.json).toEqual({ at: at(13, 1), keys: [{ value: "id", at: at(14, 3) }] });
  });

  test("a heading between the annotation and the next code block means there is no JSON block", () => {
    const { page } = parsePage(
      `
        # operation resource type

        Namespace: microsoft.graph.partners.billing

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.operation" } -->

        ## Example

        \`\`\`json
        { "id": "String" }
        \`\`\`
      `,
      FILE,
    );
    expect(page.annotation).toBeDefined();
    expect(page.json).toBeUndefined();
  });

  test("without a resource annotation, a json code block is not the JSON representation", () => {
    const { page, diagnostics } = parsePage(
      `
        # operation resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|The identifier.|

        ## JSON representation

        \`\`\`json
        { "other": "String" }
        \`\`\`
      `,
      FILE,
    );
    expect(page.json).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });
});

describe("cross-check of the JSON block against the tables", () => {
  test("a table row missing from the JSON is GT3001 at the row; a JSON key missing from the tables is GT3002 at the key", () => {
    const { diagnostics } = parsePage(OPERATION, FILE);
    expect(diagnostics).toEqual([
      {
        kind: "table-not-in-json",
        code: "GT3001",
        severity: "warning",
        message: 'property "lastActionDateTime" is in the table but not in the JSON representation',
        at: at(11, 1),
        related: [{ message: "JSON representation", at: at(28, 1) }],
      },
      {
        kind: "json-not-in-table",
        code: "GT3002",
        severity: "warning",
        message: 'property "manifestId" is in the JSON representation but in no Properties or Relationships table',
        at: at(35, 3),
      },
    ]);
  });

  test("@odata.type keys are ignored, and relationship rows count as listed", () => {
    const { diagnostics } = parsePage(
      `
        # failedOperation resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |status|microsoft.graph.longRunningOperationStatus|The status.|

        ## Relationships

        |Relationship|Type|Description|
        |:---|:---|:---|
        |error|[microsoft.graph.publicError](../resources/publicerror.md)|The error.|

        ## JSON representation

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.failedOperation" } -->
        \`\`\`json
        {
          "@odata.type": "#microsoft.graph.partners.billing.failedOperation",
          "status": "String",
          "error": { "@odata.type": "microsoft.graph.publicError" }
        }
        \`\`\`
      `,
      FILE,
    );
    expect(diagnostics).toEqual([]);
  });

  test("GT3001 for every missing row and GT3002 for every extra key, in order", () => {
    const { diagnostics } = parsePage(
      `
        # blob resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |name|String|The blob name.|
        |partitionValue|String|The partition.|

        ## JSON representation

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.blob" } -->
        \`\`\`json
        { "blobName": "String", "partition": "String" }
        \`\`\`
      `,
      "blob.md",
    );
    expect(codes(diagnostics)).toEqual(["GT3001", "GT3001", "GT3002", "GT3002"]);
    expect(diagnostics.map((d) => `${d.at?.line}:${d.at?.column}`)).toEqual(["9:1", "10:1", "16:3", "16:25"]);
  });

  test("no JSON block means no cross-check", () => {
    const { page, diagnostics } = parsePage(
      `
        # blob resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |name|String|The blob name.|

        ## JSON representation

        <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.blob" } -->
      `,
      "blob.md",
    );
    expect(page.annotation).toBeDefined();
    expect(page.json).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });
});
