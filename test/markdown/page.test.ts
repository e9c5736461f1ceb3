import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { readFrontMatter } from "../../generator/markdown/front-matter.js";
import { codes, dedent, parsePage, resourcePage } from "../helpers.js";

const at = (line: number, column: number, file = "partners-billing-operation.md") => ({ file, line, column });

/** The top of partners-billing-operation.md (beta), trimmed, with a few extras the adapter has to skip. */
const OPERATION = `
  ---
  title: "operation resource type"
  description: "Represents an operation to export the billing data of a partner."
  author: "abhishek-singh-ms"
  ms.localizationpriority: medium
  ms.date: 09/10/2017
  ms.prod: ""
  doc_type: resourcePageType
  ---

  # operation resource type

  Namespace: microsoft.graph.partners.billing

  [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

  [!INCLUDE [alerts-callout-csp-partner-only](../includes/alerts-callout-csp-partner-only.md)]

  Represents an **operation** to export the \`billing\` data of a [partner](https://learn.microsoft.com/partner-center). See [blob](partners-billing-blob.md).

  Base type of [exportSuccessOperation](../resources/partners-billing-exportsuccessoperation.md) and [failedOperation](../resources/partners-billing-failedoperation.md).

  Inherits from [entity](../resources/entity.md).

  ## Properties

  |Property|Type|Description|
  |:---|:---|:---|
  |id|String|The unique identifier for the **operation**. Inherited from [entity](../resources/entity.md).|

  ## Relationships

  None.
`;

describe("front matter", () => {
  test("flat key: value pairs, with surrounding quotes removed", () => {
    const { page } = parsePage(OPERATION, "partners-billing-operation.md");
    expect(page.frontMatter).toEqual({
      title: "operation resource type",
      description: "Represents an operation to export the billing data of a partner.",
      author: "abhishek-singh-ms",
      "ms.localizationpriority": "medium",
      "ms.date": "09/10/2017",
      "ms.prod": "",
      doc_type: "resourcePageType",
    });
  });

  test("readFrontMatter strips single quotes, keeps inner colons and skips lines that are not key: value", () => {
    expect(readFrontMatter("title: 'blob resource type'\nms.custom: scenarios:getting-started\n  - indented item\r\ndoc_type: apiPageType")).toEqual({
      title: "blob resource type",
      "ms.custom": "scenarios:getting-started",
      doc_type: "apiPageType",
    });
  });

  test("a page without front matter has an empty record", () => {
    const { page } = parsePage(resourcePage({ name: "blob" }).split("---\n").slice(2).join("---\n"), "blob.md");
    expect(page.frontMatter).toEqual({});
    expect(page.heading?.value).toBe("blob");
  });
});

describe("heading, namespace and description", () => {
  test('the H1 "operation resource type" gives the heading name at the H1', () => {
    const { page } = parsePage(OPERATION, "partners-billing-operation.md");
    expect(page.heading).toEqual({ value: "operation", at: at(11, 1) });
  });

  test.each([
    ["# BaseItem resource type", "BaseItem"],
    ["# `blob` resource type", "blob"],
    ["# publicError complex type", "publicError"],
    ["# callRecords.session resource type", "callRecords.session"],
  ])("H1 %j gives heading %j", (h1, name) => {
    const { page } = parsePage(`${h1}\n\nNamespace: microsoft.graph\n`, "x.md");
    expect(page.heading).toEqual({ value: name, at: { file: "x.md", line: 1, column: 1 } });
  });

  test.each(["# Enum values", "# Use the Microsoft Graph partner billing API"])("H1 %j gives no heading", (h1) => {
    const { page } = parsePage(`${h1}\n\nNamespace: microsoft.graph\n`, "x.md");
    expect(page.heading).toBeUndefined();
  });

  test("the Namespace: line gives the namespace at that line", () => {
    const { page } = parsePage(OPERATION, "partners-billing-operation.md");
    expect(page.namespace).toEqual({ value: "microsoft.graph.partners.billing", at: at(13, 1) });
  });

  test("the description is the first paragraph after Namespace that is not an [!INCLUDE] or Base type of line", () => {
    const { page } = parsePage(OPERATION, "partners-billing-operation.md");
    // Bold and code survive, an absolute link keeps its URL, a relative docs link only its label.
    expect(page.description).toBe(
      "Represents an **operation** to export the `billing` data of a [partner](https://learn.microsoft.com/partner-center). See blob.",
    );
  });

  test("without a description paragraph, the front matter description is used", () => {
    const { page } = parsePage(
      `
        ---
        title: "blob resource type"
        description: "Represents a blob that contains billed data."
        ---

        # blob resource type

        Namespace: microsoft.graph.partners.billing

        [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |name|String|The blob name.|
      `,
      "blob.md",
    );
    expect(page.description).toBe("Represents a blob that contains billed data.");
  });

  test("paragraphs under an H2 are not the description", () => {
    const { page } = parsePage(
      `
        # blob resource type

        Namespace: microsoft.graph.partners.billing

        ## Properties

        A paragraph in the Properties section.
      `,
      "blob.md",
    );
    expect(page.description).toBeUndefined();
  });
});

describe("Inherits from", () => {
  test("Inherits from [entity](entity.md) gives the link label and target, at the link", () => {
    const { page } = parsePage(OPERATION, "partners-billing-operation.md");
    expect(page.inheritsFrom).toEqual({ name: "entity", target: "../resources/entity.md", at: at(23, 15) });
  });

  test('"Inherits from entity." without a link gives the name without the full stop, at the paragraph', () => {
    const { page } = parsePage(resourcePage({ name: "blob", inherits: "entity" }), "blob.md");
    // resourcePage puts "Inherits from entity." on line 12.
    expect(page.inheritsFrom).toEqual({ name: "entity", at: { file: "blob.md", line: 12, column: 1 } });
  });

  test('"Inherits from microsoft.graph.entity." keeps the qualified name', () => {
    const { page } = parsePage(resourcePage({ name: "blob", inherits: "microsoft.graph.entity" }), "blob.md");
    expect(page.inheritsFrom).toEqual({ name: "microsoft.graph.entity", at: { file: "blob.md", line: 12, column: 1 } });
  });

  test('"Inherits from the abstract base type [x](x.md)." takes the link', () => {
    const { page } = parsePage(
      `
        # invokeUserFlowListener resource type

        Namespace: microsoft.graph

        Inherits from the abstract base type [authenticationListener](../resources/authenticationlistener.md).
      `,
      "invokeuserflowlistener.md",
    );
    expect(page.inheritsFrom).toEqual({
      name: "authenticationListener",
      target: "../resources/authenticationlistener.md",
      at: { file: "invokeuserflowlistener.md", line: 5, column: 38 },
    });
  });

  test("a sentence Inherits from [x](x.md) at the end of the description paragraph (v1.0 user.md)", () => {
    const { page } = parsePage(
      `
        # user resource type

        Namespace: microsoft.graph

        Represents an Azure AD user account. Inherits from [directoryObject](directoryobject.md).
      `,
      "user.md",
    );
    expect(page.inheritsFrom).toEqual({ name: "directoryObject", target: "directoryobject.md", at: { file: "user.md", line: 5, column: 52 } });
    expect(page.description).toBe("Represents an Azure AD user account. Inherits from directoryObject.");
  });

  test("inherits from in the middle of a sentence is not a base type", () => {
    const { page } = parsePage(
      `
        # authorizationPolicy resource type

        Namespace: microsoft.graph

        Represents a policy. It's a singleton that inherits from base policy type, and always exists for the [tenant](tenant.md).
      `,
      "authorizationpolicy.md",
    );
    expect(page.inheritsFrom).toBeUndefined();
  });

  test("a link label that is not a type name is not a base type", () => {
    const { page } = parsePage(
      `
        # persistentBrowserSessionControl resource type

        Namespace: microsoft.graph

        Session control to define whether to persist cookies or not. Inherits from [Conditional Access Session Control](conditionalaccesssessioncontrol.md).
      `,
      "persistentbrowsersessioncontrol.md",
    );
    expect(page.inheritsFrom).toBeUndefined();
  });
});

describe("page kind", () => {
  test("a page with a Properties section and no annotation is a resource page", () => {
    const { page, diagnostics } = parsePage(OPERATION, "partners-billing-operation.md");
    expect(page.kind).toBe("resource");
    expect(page.annotation).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  test("a conceptual page is kind other, with an info GT2005 at 1:1 naming its doc_type", () => {
    const { page, diagnostics } = parsePage(
      `
        ---
        title: "Use the partner billing reconciliation API"
        doc_type: conceptualPageType
        ---

        # Use the partner billing reconciliation API

        The billing API lets Cloud Solution Provider partners export their **billed** and unbilled data.

        ## Common use cases

        | Use case | API |
        |:---|:---|
        | Export billed usage | [export](../api/partners-billing-billedusage-export.md) |
      `,
      "partners-billing-api-overview.md",
    );
    expect(page.kind).toBe("other");
    expect(page.properties).toEqual([]);
    expect(page.enums).toEqual([]);
    expect(diagnostics).toEqual([
      {
        kind: "not-a-resource-page",
        code: "GT2005",
        severity: "info",
        message: "no resource annotation, Properties table or enum table (doc_type conceptualPageType); page skipped",
        at: { file: "partners-billing-api-overview.md", line: 1, column: 1 },
      },
    ]);
  });

  test("GT2005 without front matter does not mention a doc_type", () => {
    const { page, diagnostics } = parsePage("# Overview\n\nSome text.\n", "overview.md");
    expect(page.kind).toBe("other");
    expect(codes(diagnostics)).toEqual(["GT2005"]);
    expect(diagnostics[0].message).toBe("no resource annotation, Properties table or enum table; page skipped");
  });
});

describe("BOM and CRLF", () => {
  /** A complete small page: every reader runs, and two drift diagnostics give positions to compare. */
  const PAGE = dedent(`
    ---
    title: "blob resource type"
    description: "Represents a blob."
    doc_type: resourcePageType
    ---

    # blob resource type

    Namespace: microsoft.graph.partners.billing

    Represents a blob that contains **billed** data.

    Inherits from [entity](entity.md).

    ## Properties

    |Property|Type|Description|
    |:---|:---|:---|
    |name|String|The blob name. Not nullable.|
    |partitionValue|String collection|The partition. Possible values are: \`a\`, \`b\`.|

    ### blobKind values

    |Member|Value|
    |:---|:---|
    |full|0|

    ## JSON representation

    <!-- {
      "blockType": "resource",
      "@odata.type": "microsoft.graph.partners.billing.blob",
      "openType": false,
      "keyProperty": "name"
    } -->
    \`\`\`json
    {
      "@odata.type": "#microsoft.graph.partners.billing.blob",
      "name": "String",
      "size": "Int64"
    }
    \`\`\`
  `);

  test("a BOM at the start and CRLF line endings parse exactly like plain LF", () => {
    const lf = parseMarkdownPage({ path: "blob.md", text: PAGE });
    const bomCrlf = parseMarkdownPage({ path: "blob.md", text: "\uFEFF" + PAGE.replace(/\n/g, "\r\n") });
    const bom = parseMarkdownPage({ path: "blob.md", text: "\uFEFF" + PAGE });
    const crlf = parseMarkdownPage({ path: "blob.md", text: PAGE.replace(/\n/g, "\r\n") });
    expect(bomCrlf).toEqual(lf);
    expect(bom).toEqual(lf);
    expect(crlf).toEqual(lf);
  });

  test("the CRLF page reads the same concrete values and positions", () => {
    const { page, diagnostics } = parseMarkdownPage({ path: "blob.md", text: "\uFEFF" + PAGE.replace(/\n/g, "\r\n") });
    expect(page.frontMatter).toEqual({ title: "blob resource type", description: "Represents a blob.", doc_type: "resourcePageType" });
    expect(page.heading).toEqual({ value: "blob", at: { file: "blob.md", line: 7, column: 1 } });
    expect(page.namespace?.value).toBe("microsoft.graph.partners.billing");
    expect(page.description).toBe("Represents a blob that contains **billed** data.");
    expect(page.inheritsFrom).toEqual({ name: "entity", target: "entity.md", at: { file: "blob.md", line: 13, column: 15 } });
    expect(page.properties.map((p) => [p.name, p.type.name, p.type.collection, p.nullable, p.possibleValues])).toEqual([
      ["name", "String", false, false, undefined],
      ["partitionValue", "String", true, undefined, ["a", "b"]],
    ]);
    expect(page.enums).toEqual([
      { name: "blobKind", at: { file: "blob.md", line: 22, column: 1 }, members: [{ name: "full", value: 0, at: { file: "blob.md", line: 26, column: 1 } }] },
    ]);
    expect(page.annotation).toEqual({
      at: { file: "blob.md", line: 30, column: 1 },
      odataType: "microsoft.graph.partners.billing.blob",
      keyProperty: "name",
      openType: false,
    });
    expect(page.json?.keys.map((k) => [k.value, k.at.line, k.at.column])).toEqual([
      ["@odata.type", 38, 3],
      ["name", 39, 3],
      ["size", 40, 3],
    ]);
    expect(diagnostics.map((d) => [d.code, d.at?.line, d.at?.column])).toEqual([
      ["GT3001", 20, 1], // partitionValue is not in the JSON
      ["GT3002", 40, 3], // size is not in the table
    ]);
  });

  test("a malformed annotation in a CRLF file is reported at the same line and column as in LF", () => {
    const text = dedent(`
      # blob resource type

      Namespace: microsoft.graph.partners.billing

      ## JSON representation

      <!-- {
        "blockType": "resource",
        "openType": false
        "keyProperty": "name"
      } -->
    `);
    const lf = parseMarkdownPage({ path: "blob.md", text });
    const crlf = parseMarkdownPage({ path: "blob.md", text: "\uFEFF" + text.replace(/\n/g, "\r\n") });
    // The comma after `false` (line 9) is missing, so the `"` of "keyProperty" on line 10 is at fault.
    // A broken resource annotation still makes a resource page (named by its heading), so no GT2005 on top.
    expect(lf.diagnostics.map((d) => [d.code, d.at])).toEqual([["GT2001", { file: "blob.md", line: 10, column: 3 }]]);
    expect(lf.page.kind).toBe("resource");
    expect(crlf.diagnostics).toEqual(lf.diagnostics);
  });
});
