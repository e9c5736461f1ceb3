import { parsePage } from "../helpers.js";

/** Page shapes met in the real corpus (../shared/corpus/graph-docs), each reduced to a small fixture. */

test("a per-enum page (doc_type enumPageType, ## Members) gives one enum named by its heading", () => {
  const { page, diagnostics } = parsePage(`
    ---
    title: "enablement enum type"
    doc_type: enumPageType
    ---

    # enablement enum type

    Namespace: microsoft.graph

    Possible values of a property

    ## Members
    |Member|Value|Description|
    |:---|:---|:---|
    |notConfigured|0|Device default value, no intent.|
    |enabled|1|Enables the setting on the device.|
  `);
  expect(diagnostics).toEqual([]);
  expect(page.kind).toBe("enums");
  expect(page.enums).toEqual([
    {
      name: "enablement",
      at: { file: "page.md", line: 12, column: 1 },
      members: [
        { name: "notConfigured", value: 0, description: "Device default value, no intent.", at: { file: "page.md", line: 15, column: 1 } },
        { name: "enabled", value: 1, description: "Enables the setting on the device.", at: { file: "page.md", line: 16, column: 1 } },
      ],
    },
  ]);
});

test('"Possible values" headings and tables with a Type column are not enums', () => {
  const { page } = parsePage(`
    # shared resource type

    Namespace: microsoft.graph

    ## Properties

    |Property|Type|Description|
    |:---|:---|:---|
    |scope|String|Who can use the link.|

    ## Possible values

    |Value|Description|
    |:---|:---|
    |anonymous|Anyone.|

    ## Setting values

    |Name|Type|Description|
    |:---|:---|:---|
    |x|String|Not a member list.|
  `);
  expect(page.enums).toEqual([]);
});

test("a broken request or response comment is not the page's problem; a broken resource annotation is", () => {
  const broken = parsePage(`
    # a resource type

    Namespace: microsoft.graph

    <!-- { "blockType": "request" "name": "get_a" } -->
  `);
  expect(broken.diagnostics.map((d) => d.code)).toEqual(["GT2005"]);
  const resource = parsePage(`
    # a resource type

    Namespace: microsoft.graph

    <!-- { "blockType": "resource" "@odata.type": "microsoft.graph.a" } -->
  `);
  expect(resource.diagnostics.map((d) => d.code)).toEqual(["GT2001"]);
  expect(resource.page.kind).toBe("resource");
  expect(resource.page.heading?.value).toBe("a");
});

test("relationships missing from the JSON block are not drift (the JSON leaves them out by convention)", () => {
  const { diagnostics } = parsePage(`
    # a resource type

    Namespace: microsoft.graph

    ## Properties

    |Property|Type|Description|
    |:---|:---|:---|
    |id|String|Key.|

    ## Relationships

    |Relationship|Type|Description|
    |:---|:---|:---|
    |items|[item](item.md) collection|Items.|

    ## JSON representation

    <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.a" } -->
    \`\`\`json
    { "id": "String" }
    \`\`\`
  `);
  expect(diagnostics).toEqual([]);
});

test("Type cells with commentary after a comma, and reference links without a definition, name the first word", () => {
  const { page } = parsePage(`
    # a resource type

    Namespace: microsoft.graph

    ## Properties

    |Property|Type|Description|
    |:---|:---|:---|
    |code|string, maximum size 20|A code.|
    |location|[itemReference][]|Where.|
  `);
  expect(page.properties.map((p) => [p.name, p.type.name, p.type.collection])).toEqual([
    ["code", "string", false],
    ["location", "itemReference", false],
  ]);
});
