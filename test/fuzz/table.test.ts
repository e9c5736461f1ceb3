import fc from "fast-check";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { cellText, checkDiagnostics, checkRecordPositions, FUZZ_RUNS, options, randomText } from "./properties.js";

/**
 * The table reader (readPropertyTable, and readEnumTable beside it) through the page parser, on generated pages whose
 * tables have random headers and cells full of pipes, backticks, brackets, links and arbitrary Unicode. The pages
 * go to parseMarkdownPage as they are (the helpers' parsePage would dedent them), so positions are checked against
 * the exact text.
 */

const HEADERS = [
  "Property",
  "Type",
  "Description",
  "Name",
  "Property name",
  "Relationship",
  "Navigation property",
  "Data type",
  "Value type",
  "**Type**",
  "**Property**",
  "`Type`",
  "Member",
  "Value",
  "Required",
  "Description (read-only)",
  "",
  " ",
];

const header = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HEADERS) }, { weight: 1, arbitrary: cellText(3) });

const SECTIONS = ["## Properties", "## Relationships", "### Properties", "## Property", "### status values", "## Members", "## Methods", "# Properties"];

interface TablePage {
  frontMatter: boolean;
  section: string;
  headers: string[];
  delimiter: string;
  rows: string[][];
  leadingPipe: boolean;
  trailingPipe: boolean;
  after: string;
}

const delimiterCell = fc.constantFrom(":---", "---", "-", ":-:", "--:", "", "x", ":");

const tablePage: fc.Arbitrary<TablePage> = fc
  .record({
    frontMatter: fc.boolean(),
    section: fc.oneof(fc.constantFrom(...SECTIONS), randomText(10).map((t) => `## ${t}`)),
    headers: fc.array(header, { minLength: 1, maxLength: 5 }),
    rows: fc.array(fc.array(cellText(), { maxLength: 6 }), { maxLength: 8 }),
    leadingPipe: fc.boolean(),
    trailingPipe: fc.boolean(),
    after: fc.oneof(fc.constant(""), cellText(4)),
  })
  .chain((page) =>
    fc.array(delimiterCell, { minLength: Math.max(1, page.headers.length - 1), maxLength: page.headers.length + 1 }).map((cells) => ({
      ...page,
      delimiter: cells.join("|"),
    })),
  );

function row(cells: readonly string[], page: TablePage): string {
  return `${page.leadingPipe ? "|" : ""}${cells.join("|")}${page.trailingPipe ? "|" : ""}`;
}

function render(page: TablePage): string {
  return [
    ...(page.frontMatter ? ["---", 'title: "x resource type"', "doc_type: resourcePageType", "---", ""] : []),
    "# x resource type",
    "",
    "Namespace: microsoft.graph",
    "",
    page.section,
    "",
    row(page.headers, page),
    `|${page.delimiter}|`,
    ...page.rows.map((cells) => row(cells, page)),
    page.after,
    "",
  ].join("\n");
}

function parseChecked(text: string) {
  const result = parseMarkdownPage({ path: "table.md", text });
  checkDiagnostics(result.diagnostics, text, "table.md");
  checkRecordPositions(result.page, text, "table.md");
  return result;
}

describe("fuzz: property and enum tables", () => {
  test("random headers and cells: never throws, diagnostics and positions in range, rows have usable names", () => {
    fc.assert(
      fc.property(tablePage, (page) => {
        const text = render(page);
        const { page: parsed } = parseChecked(text);
        for (const property of [...parsed.properties, ...parsed.relationships]) {
          if (!property.name || /\s/.test(property.name)) throw new Error(`row kept with unusable name ${JSON.stringify(property.name)}`);
          if (typeof property.type.name !== "string" || typeof property.type.collection !== "boolean") throw new Error("malformed type cell");
        }
        for (const table of parsed.enums) for (const member of table.members) if (!member.name) throw new Error("enum member without a name");
      }),
      options(FUZZ_RUNS.table),
    );
  });

  test("a well-formed Property|Type|Description header over random rows: every row is a property or a diagnostic", () => {
    const rows = fc.array(fc.tuple(cellText(4), cellText(4), cellText(4)), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(rows, (cells) => {
        // Cells without unescaped pipes keep the table's shape, so the row count is known.
        const clean = cells.map((c) => c.map((cell) => cell.replace(/\|/g, "\\|").replace(/[\r\n]/g, " ")));
        const text = ["# x resource type", "", "## Properties", "", "|Property|Type|Description|", "|:---|:---|:---|", ...clean.map((c) => `|${c.join("|")}|`), ""].join("\n");
        const { page, diagnostics } = parseChecked(text);
        // A row is skipped only with a GT2008: nothing vanishes silently.
        const skipped = diagnostics.filter((d) => d.code === "GT2008").length;
        if (page.properties.length + skipped !== clean.length) {
          throw new Error(`${clean.length} rows written, ${page.properties.length} read and ${skipped} skipped`);
        }
      }),
      options(FUZZ_RUNS.tableRagged),
    );
  });
});
