import fc from "fast-check";
import type { PhrasingContent, TableCell } from "mdast";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { readTypeCell } from "../../generator/markdown/type-cell.js";
import type { Position } from "../../generator/types/index.js";
import { cellText, checkDiagnostics, checkRecordPositions, FUZZ_RUNS, options, randomText } from "./properties.js";

/**
 * The Type-cell parser, two ways: random cell text in a real table (what remark makes of it), and random mdast
 * trees handed to readTypeCell directly (shapes remark would never build: empty links, nested links, bare html).
 */

const TYPE_WORDS = ["String", "Int32", "Edm.Boolean", "microsoft.graph.user", "Collection(", ")", "(", "collection", "Collection of", "[]", "[x][]", "#", ".", ",", ";", ":", "(read-only)", "`", "x"];

const typeCellText = fc
  .array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...TYPE_WORDS) }, { weight: 2, arbitrary: cellText(3) }, { weight: 1, arbitrary: fc.constant(" ") }), { maxLength: 8 })
  .map((parts) => parts.join(""));

function typeCellPage(cell: string): string {
  return [
    "# x resource type",
    "",
    "Namespace: microsoft.graph",
    "",
    "## Properties",
    "",
    "|Property|Type|Description|",
    "|:---|:---|:---|",
    `|value|${cell.replace(/[\r\n]/g, " ")}|The value.|`,
    "",
    "[x]: x.md",
    "[user]: user.md",
    "",
  ].join("\n");
}

const at: Position = { file: "cell.md", line: 3, column: 7 };

/** Random phrasing content, nested up to a few levels. */
const phrasing: fc.Arbitrary<PhrasingContent[]> = fc.letrec<{ node: PhrasingContent; nodes: PhrasingContent[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    randomText(10).map((value): PhrasingContent => ({ type: "text", value })),
    fc.constantFrom(...TYPE_WORDS).map((value): PhrasingContent => ({ type: "text", value })),
    randomText(10).map((value): PhrasingContent => ({ type: "inlineCode", value })),
    randomText(6).map((value): PhrasingContent => ({ type: "html", value })),
    fc.constant<PhrasingContent>({ type: "break" }),
    fc.tuple(tie("nodes"), fc.oneof(randomText(8), fc.constantFrom("x.md", "enums.md#x-values", "https://a.b/c", ""))).map(
      ([children, url]) => ({ type: "link", url, children }) as PhrasingContent,
    ),
    fc.tuple(tie("nodes"), fc.constantFrom("x", "user", "missing", "")).map(
      ([children, identifier]) => ({ type: "linkReference", identifier, label: identifier, referenceType: "full", children }) as PhrasingContent,
    ),
    tie("nodes").map((children) => ({ type: "emphasis", children }) as PhrasingContent),
    tie("nodes").map((children) => ({ type: "strong", children }) as PhrasingContent),
    tie("nodes").map((children) => ({ type: "delete", children }) as PhrasingContent),
    fc.constant<PhrasingContent>({ type: "image", url: "i.png", alt: "alt" }),
  ),
  nodes: fc.array(tie("node"), { maxLength: 4 }),
})).nodes;

const definitions = new Map([
  ["x", "x.md"],
  ["user", "user.md"],
]);

describe("fuzz: Type cells", () => {
  test("random Type cell text in a table: never throws, one row, a string name and a boolean collection flag", () => {
    fc.assert(
      fc.property(typeCellText, (cell) => {
        const text = typeCellPage(cell);
        const { page, diagnostics } = parseMarkdownPage({ path: "cell.md", text });
        checkDiagnostics(diagnostics, text, "cell.md");
        checkRecordPositions(page, text, "cell.md");
        // The name cell is "value", so the row is always read (the cell's pipes may shift what the Type column holds).
        if (page.properties.length !== 1) throw new Error(`${page.properties.length} rows read`);
        const { type } = page.properties[0];
        if (typeof type.name !== "string" || typeof type.collection !== "boolean" || typeof type.written !== "string") throw new Error("malformed TypeCell");
        if (type.target !== undefined && typeof type.target !== "string") throw new Error("malformed target");
      }),
      options(FUZZ_RUNS.typeCellPage),
    );
  });

  test("random mdast cells straight into readTypeCell: never throws, keeps the position it was given", () => {
    fc.assert(
      fc.property(phrasing, (children) => {
        const cell: TableCell = { type: "tableCell", children };
        const type = readTypeCell(cell, at, definitions);
        if (type.at !== at) throw new Error("position not kept");
        if (typeof type.name !== "string" || typeof type.collection !== "boolean" || typeof type.written !== "string") throw new Error("malformed TypeCell");
        if (type.written !== type.written.trim()) throw new Error("written is not trimmed");
      }),
      options(FUZZ_RUNS.typeCellMdast),
    );
  });
});
