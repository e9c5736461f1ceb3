import { codes, parsePage } from "../helpers.js";

/**
 * The `<!-- { "blockType": "resource", ... } -->` comment that precedes a page's JSON representation, on a page
 * modelled on partners-billing-blob.md. Every fixture puts the comment on line 13.
 */
function withComment(comment: string): string {
  return [
    "# blob resource type",
    "",
    "Namespace: microsoft.graph.partners.billing",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    "|name|String|The blob name.|",
    "",
    "## JSON representation",
    "",
    comment,
    "",
  ].join("\n");
}

const at = (line: number, column: number) => ({ file: "blob.md", line, column });

describe("resource annotation comment", () => {
  test("strict JSON, as on partners-billing-operation.md", () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          "<!-- {",
          '  "blockType": "resource",',
          '  "keyProperty": "id",',
          '  "@odata.type": "microsoft.graph.partners.billing.operation",',
          '  "baseType": "microsoft.graph.entity",',
          '  "openType": false',
          "}",
          "-->",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.kind).toBe("resource");
    expect(page.annotation).toEqual({
      at: at(13, 1),
      odataType: "microsoft.graph.partners.billing.operation",
      baseType: "microsoft.graph.entity",
      keyProperty: "id",
      openType: false,
    });
  });

  test("a one-line comment with abstract: true", () => {
    const { page, diagnostics } = parsePage(
      withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.baseItem", "abstract": true } -->'),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotation).toEqual({ at: at(13, 1), odataType: "microsoft.graph.baseItem", abstract: true });
  });

  test("trailing commas after the last member and the last array element are tolerated", () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          "<!-- {",
          '  "blockType": "resource",',
          '  "optionalProperties": [ "manifest", "blobs", ],',
          '  "@odata.type": "microsoft.graph.partners.billing.manifest",',
          '  "openType": true,',
          "}",
          "-->",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotation).toEqual({ at: at(13, 1), odataType: "microsoft.graph.partners.billing.manifest", openType: true });
  });

  test("a comma inside a string value is not mistaken for a trailing comma", () => {
    const { page, diagnostics } = parsePage(
      withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.blob", "keyProperty": "a,}", } -->'),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotation?.keyProperty).toBe("a,}");
  });

  test('"true" and "false" strings read as booleans for openType and abstract', () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          "<!-- {",
          '  "blockType": "resource",',
          '  "@odata.type": "microsoft.graph.partners.billing.blob",',
          '  "openType": "true",',
          '  "abstract": "false"',
          "} -->",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotation?.openType).toBe(true);
    expect(page.annotation?.abstract).toBe(false);
  });

  test("a flag that is neither a boolean nor a boolean string is GT2001 at the comment, the rest still read", () => {
    const { page, diagnostics } = parsePage(
      withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.blob", "openType": 1 } -->'),
      "blob.md",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "GT2001", severity: "error", message: 'annotation "openType" should be true or false, not 1', at: at(13, 1) }),
    ]);
    expect(page.annotation).toEqual({ at: at(13, 1), odataType: "microsoft.graph.blob" });
  });

  test("@type is a synonym of @odata.type", () => {
    const { page } = parsePage(
      withComment('<!-- { "blockType": "resource", "@type": "microsoft.graph.partners.billing.blob" } -->'),
      "blob.md",
    );
    expect(page.annotation?.odataType).toBe("microsoft.graph.partners.billing.blob");
  });

  test("@odata.type wins over @type when both are present", () => {
    const { page } = parsePage(
      withComment('<!-- { "blockType": "resource", "@type": "microsoft.graph.other", "@odata.type": "microsoft.graph.blob" } -->'),
      "blob.md",
    );
    expect(page.annotation?.odataType).toBe("microsoft.graph.blob");
  });

  test("a leading # in @odata.type (and baseType) is stripped", () => {
    const { page } = parsePage(
      withComment(
        '<!-- { "blockType": "resource", "@odata.type": "#microsoft.graph.partners.billing.blob", "baseType": "#microsoft.graph.entity" } -->',
      ),
      "blob.md",
    );
    expect(page.annotation?.odataType).toBe("microsoft.graph.partners.billing.blob");
    expect(page.annotation?.baseType).toBe("microsoft.graph.entity");
  });

  test('"baseType": null is kept as null, distinct from an absent baseType', () => {
    const explicit = parsePage(
      withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.entity", "baseType": null } -->'),
      "blob.md",
    );
    expect(explicit.diagnostics).toEqual([]);
    expect(explicit.page.annotation?.baseType).toBeNull();
    expect(explicit.page.annotation).toHaveProperty("baseType", null);

    const absent = parsePage(withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.entity" } -->'), "blob.md");
    expect(absent.page.annotation).not.toHaveProperty("baseType");
  });

  test("keyProperty is read", () => {
    const { page } = parsePage(
      withComment('<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.entity" } -->'),
      "blob.md",
    );
    expect(page.annotation?.keyProperty).toBe("id");
  });

  test("a missing comma is GT2001 at the line and column of the offending character", () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          "<!-- {", // line 13
          '  "blockType": "resource",', // line 14
          '  "keyProperty": "id"', // line 15: the comma is missing here...
          '  "@odata.type": "microsoft.graph.partners.billing.blob"', // line 16: ...so the `"` at column 3 is unexpected
          "}",
          "-->",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([
      {
        kind: "invalid-annotation",
        code: "GT2001",
        severity: "error",
        message: "annotation comment is not valid JSON: Expected ',' or '}' after property value",
        at: at(16, 3),
      },
    ]);
    expect(page.annotation).toBeUndefined();
    // The Properties table still makes it a resource page.
    expect(page.kind).toBe("resource");
    expect(page.properties.map((p) => p.name)).toEqual(["name"]);
  });

  test("a missing comma on a one-line comment is GT2001 at the column on that line", () => {
    // <!-- { "blockType": "resource" "@odata.type": ... -->: the second key starts at column 32.
    const { diagnostics } = parsePage(
      withComment('<!-- { "blockType": "resource" "@odata.type": "microsoft.graph.partners.billing.blob" } -->'),
      "blob.md",
    );
    expect(codes(diagnostics)).toEqual(["GT2001"]);
    expect(diagnostics[0].at).toEqual(at(13, 32));
  });

  test("an unquoted value is GT2001 at the first character of the value", () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          "<!-- {",
          '  "blockType": "resource",',
          '  "@odata.type": microsoft.graph.partners.billing.blob', // line 15: `m` is at column 18
          "}",
          "-->",
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "GT2001", message: "annotation comment is not valid JSON: Unexpected token 'm'", at: at(15, 18) }),
    ]);
    expect(page.annotation).toBeUndefined();
  });

  test("a Python-style False is GT2001 at the F", () => {
    const { diagnostics } = parsePage(
      withComment(['<!-- {', '  "blockType": "resource",', '  "openType": False', "} -->"].join("\n")),
      "blob.md",
    );
    expect(diagnostics).toEqual([expect.objectContaining({ code: "GT2001", at: at(15, 15) })]);
  });

  test("a missing closing brace is GT2001 just after the last character before -->", () => {
    // The closing quote of the type name is at column 86.
    const { diagnostics } = parsePage(
      withComment('<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.blob" -->'),
      "blob.md",
    );
    expect(diagnostics).toEqual([expect.objectContaining({ code: "GT2001", at: at(13, 87) })]);
  });

  test("request and response annotations are not resource annotations and are ignored", () => {
    const { page, diagnostics } = parsePage(
      `
        # Get operation

        Namespace: microsoft.graph.partners.billing

        ## Example

        <!-- {
          "blockType": "request",
          "name": "get_operation"
        } -->
        \`\`\`http
        GET https://graph.microsoft.com/beta/reports/partners/billing/operations/{id}
        \`\`\`

        <!-- {
          "blockType": "response",
          "truncated": true,
          "@odata.type": "microsoft.graph.partners.billing.operation"
        } -->
        \`\`\`json
        { "id": "1" }
        \`\`\`
      `,
      "blob.md",
    );
    expect(page.annotation).toBeUndefined();
    expect(page.json).toBeUndefined();
    expect(page.kind).toBe("other");
    expect(codes(diagnostics)).toEqual(["GT2005"]);
  });

  test("a resource annotation after a request annotation is the page's annotation", () => {
    const { page, diagnostics } = parsePage(
      withComment(
        [
          '<!-- { "blockType": "request", "name": "get_blob" } -->',
          "",
          '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.partners.billing.blob" } -->',
        ].join("\n"),
      ),
      "blob.md",
    );
    expect(diagnostics).toEqual([]);
    expect(page.annotation).toEqual({ at: at(15, 1), odataType: "microsoft.graph.partners.billing.blob" });
  });

  test("an ordinary HTML comment without blockType is not an annotation", () => {
    const { page, diagnostics } = parsePage(withComment("<!-- uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79 -->"), "blob.md");
    expect(page.annotation).toBeUndefined();
    expect(page.kind).toBe("resource");
    expect(diagnostics).toEqual([]);
  });
});
