import { driftEntry, driftJson, driftMarkdown } from "../../generator/cli/drift-report.js";
import { formatDiagnostic } from "../../generator/cli/report.js";
import { diagnostic, type Diagnostic } from "../../generator/types/index.js";

const docs = (file: string, line: number) => ({ file, line, column: 1 });
const xml = (line: number, column = 7) => ({ file: "csdl/v1.0.xml", line, column });

const input: Diagnostic[] = [
  diagnostic("type-not-in-metadata", "microsoft.graph.ghost: documented, but the metadata declares no such type", docs("docs/ghost.md", 23)),
  diagnostic("type-not-documented", "microsoft.graph.mood: declared in the metadata as an enum, but no page documents it", xml(12)),
  diagnostic("unresolved-type", 'type "x" of a.b is not a primitive and no page defines it; typed as unknown', docs("docs/a.md", 17)),
  diagnostic("property-not-in-metadata", "microsoft.graph.user/nickname: documented, but neither microsoft.graph.user nor its base types declare it in the metadata", docs("docs/user.md", 20), [{ message: "metadata", at: xml(40) }]),
  diagnostic("property-not-documented", "microsoft.graph.user/secret: declared in the metadata, but the docs of microsoft.graph.user do not list it", xml(44, 9), [{ message: "docs", at: docs("docs/user.md", 31) }]),
  diagnostic("property-not-documented", "microsoft.graph.user/other: declared in the metadata, but the docs of microsoft.graph.user do not list it", xml(45, 9), [{ message: "docs", at: docs("docs/user.md", 31) }]),
  diagnostic("property-type-mismatch", "microsoft.graph.user/kind: the docs type it Edm.String | null\nor so, the metadata Edm.Int32", docs("docs/user.md", 21), [{ message: "metadata", at: xml(46, 9) }]),
];

describe("driftMarkdown", () => {
  test("names and words from the docs stay text: a file name with backticks, a line break, a link, a heading and a | breaks no span, row or table", () => {
    const hostile = "`` [click me](http://evil.example) `\n# Injected @octocat |x.md";
    const found = [diagnostic("property-not-in-metadata", "microsoft.graph.user/nick**name**: documented, but <b>no</b> [such](http://x) property", docs(`docs/${hostile}`, 3), [{ message: "metadata", at: xml(40) }])];
    const report = driftMarkdown(found, { docs: "docs", metadata: "csdl/v1.0.xml" });
    const rows = report.split("\n").filter((line) => line.startsWith("| `"));
    expect(rows).toEqual([
      "| `microsoft.graph.user/nick**name**` | ``` `` [click me](http://evil.example) ` # Injected @octocat \\|x.md:3:1 ``` | `40:7` | documented, but \\<b\\>no\\</b\\> \\[such\\](http://x) property |",
    ]);
    // No line of the report starts a heading or holds the link outside a code span.
    expect(report.split("\n").filter((line) => line.startsWith("# "))).toEqual([]);
  });

  test("a summary table of counts by kind, then a table per kind with both places, most worth fixing first, places relative to the header; other diagnostics are left out", () => {
    expect(driftMarkdown(input, { docs: "docs", metadata: "csdl/v1.0.xml" })).toBe(
      [
        "## Docs and metadata drift",
        "",
        "Docs: `docs`; metadata: `csdl/v1.0.xml`. Most worth fixing first; places relative to these.",
        "",
        "| Code | Kind | Severity | Count |",
        "|:---|:---|:---|---:|",
        "| GT3109 | property-type-mismatch | warning | 1 |",
        "| GT3103 | property-not-in-metadata | warning | 1 |",
        "| GT3101 | type-not-in-metadata | warning | 1 |",
        "| GT3104 | property-not-documented | info | 2 |",
        "| GT3102 | type-not-documented | info | 1 |",
        "| | **total** | | **6** |",
        "",
        "### GT3109 Property types that differ (1)",
        "",
        "| Type / property | Docs | Metadata | What differs |",
        "|:---|:---|:---|:---|",
        "| `microsoft.graph.user/kind` | `user.md:21:1` | `46:9` | the docs type it Edm.String \\| null or so, the metadata Edm.Int32 |",
        "",
        "### GT3103 Documented properties the metadata does not declare (1)",
        "",
        "| Type / property | Docs | Metadata | What differs |",
        "|:---|:---|:---|:---|",
        "| `microsoft.graph.user/nickname` | `user.md:20:1` | `40:7` | documented, but neither microsoft.graph.user nor its base types declare it in the metadata |",
        "",
        "### GT3101 Documented types the metadata does not declare (1)",
        "",
        "| Type / property | Docs | Metadata | What differs |",
        "|:---|:---|:---|:---|",
        "| `microsoft.graph.ghost` | `ghost.md:23:1` | — | documented, but the metadata declares no such type |",
        "",
        "### GT3104 Metadata properties the docs do not list (2)",
        "",
        "| Type / property | Docs | Metadata | What differs |",
        "|:---|:---|:---|:---|",
        "| `microsoft.graph.user/secret` | `user.md:31:1` | `44:9` | declared in the metadata, but the docs of microsoft.graph.user do not list it |",
        "| `microsoft.graph.user/other` | `user.md:31:1` | `45:9` | declared in the metadata, but the docs of microsoft.graph.user do not list it |",
        "",
        "### GT3102 Metadata types no page documents (1)",
        "",
        "| Type / property | Docs | Metadata | What differs |",
        "|:---|:---|:---|:---|",
        "| `microsoft.graph.mood` | — | `12:7` | declared in the metadata as an enum, but no page documents it |",
        "",
      ].join("\n"),
    );
  });

  test("maxRows shortens each section and counts the rest", () => {
    const markdown = driftMarkdown(input, { docs: "docs", metadata: "m.xml", maxRows: 1 });
    expect(markdown).toContain(
      [
        "| `microsoft.graph.user/secret` | `user.md:31:1` | `csdl/v1.0.xml:44:9` | declared in the metadata, but the docs of microsoft.graph.user do not list it |",
        "",
        "…and 1 more.",
        "",
        "### GT3102",
      ].join("\n"),
    );
    expect(markdown).not.toContain("microsoft.graph.user/other");
  });

  test("no drift says so", () => {
    expect(driftMarkdown([input[2]], { docs: "docs/", metadata: "metadata.xml" })).toBe(
      ["## Docs and metadata drift", "", "Docs: `docs/`; metadata: `metadata.xml`. Most worth fixing first; places relative to these.", "", "No drift: the docs and the metadata agree.", ""].join("\n"),
    );
  });
});

describe("driftMarkdown within a size", () => {
  /** 300 findings of each of two kinds, with long details. */
  const many: Diagnostic[] = Array.from({ length: 300 }, (_, i) => [
    diagnostic("property-type-mismatch", `microsoft.graph.t${i}/p: the docs type it Edm.String, the metadata microsoft.graph.someLongEnumName${i}`, docs(`docs/t${i}.md`, 20), [{ message: "metadata", at: xml(100 + i) }]),
    diagnostic("type-not-documented", `microsoft.graph.u${i}: declared in the metadata as an enum, but no page documents it`, xml(5000 + i)),
  ]).flat();

  test("fits maxChars: every kind has its first rows open, the rest in <details>, and what is cut is counted with the full command", () => {
    const markdown = driftMarkdown(many, { docs: "docs", metadata: "csdl/v1.0.xml", maxChars: 20_000, fullCommand: "graph-typegen drift --format json" });
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown.indexOf("### GT3109")).toBeLessThan(markdown.indexOf("### GT3102"));
    expect(markdown).toContain("<details><summary>290 more</summary>");
    expect(markdown).toContain("| `microsoft.graph.u9` |");
    expect(markdown).toMatch(/…and \d+ more left out\./);
    expect(markdown).toMatch(/\*\*\d+ of 600 findings are left out to keep this report short\*\*: `graph-typegen drift --format json` lists every finding\./);
    const shown = markdown.split("\n").filter((l) => l.startsWith("| `microsoft.graph.")).length;
    const cut = Number(/\*\*(\d+) of 600/.exec(markdown)![1]);
    expect(shown + cut).toBe(600);
  });

  test("without maxChars nothing is cut", () => {
    const markdown = driftMarkdown(many, { docs: "docs", metadata: "csdl/v1.0.xml" });
    expect(markdown.split("\n").filter((l) => l.startsWith("| `microsoft.graph.")).length).toBe(600);
    expect(markdown).not.toContain("left out");
  });
});

describe("driftJson", () => {
  test("counts of every drift kind in code order, and one entry per drift diagnostic with its subject and both places", () => {
    const json = driftJson(input);
    expect(json.total).toBe(6);
    expect(json.counts).toEqual({
      "type-not-in-metadata": 1,
      "type-not-documented": 1,
      "property-not-in-metadata": 1,
      "property-not-documented": 2,
      "base-type-mismatch": 0,
      "abstract-mismatch": 0,
      "open-type-mismatch": 0,
      "enum-members-mismatch": 0,
      "property-type-mismatch": 1,
    });
    expect(Object.keys(json.counts)).toEqual([
      "type-not-in-metadata",
      "type-not-documented",
      "property-not-in-metadata",
      "property-not-documented",
      "base-type-mismatch",
      "abstract-mismatch",
      "open-type-mismatch",
      "enum-members-mismatch",
      "property-type-mismatch",
    ]);
    expect(json.entries.map((e) => [e.code, e.subject, e.docs?.line, e.metadata?.line])).toEqual([
      ["GT3101", "microsoft.graph.ghost", 23, undefined],
      ["GT3102", "microsoft.graph.mood", undefined, 12],
      ["GT3103", "microsoft.graph.user/nickname", 20, 40],
      ["GT3104", "microsoft.graph.user/secret", 31, 44],
      ["GT3104", "microsoft.graph.user/other", 31, 45],
      ["GT3109", "microsoft.graph.user/kind", 21, 46],
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json); // plain data
  });

  test("an entry in full", () => {
    expect(driftEntry(input[4])).toEqual({
      code: "GT3104",
      kind: "property-not-documented",
      severity: "info",
      subject: "microsoft.graph.user/secret",
      detail: "declared in the metadata, but the docs of microsoft.graph.user do not list it",
      message: "microsoft.graph.user/secret: declared in the metadata, but the docs of microsoft.graph.user do not list it",
      docs: { file: "docs/user.md", line: 31, column: 1 },
      metadata: { file: "csdl/v1.0.xml", line: 44, column: 9 },
    });
  });
});

describe("the text report", () => {
  test("a file name or message with a line break stays on its line: no line of the log can pose as another diagnostic", () => {
    const d = diagnostic("type-not-in-metadata", "x: documented\nerror GT0001 forged", docs("docs/a\nforged.md:1:1 error GT9999 fake\r.md", 2), [{ message: "metadata\u2028too", at: xml(4) }]);
    expect(formatDiagnostic(d).split("\n")).toEqual([
      "docs/a\\nforged.md:1:1 error GT9999 fake\\r.md:2:1 warning GT3101 x: documented\\nerror GT0001 forged",
      "    csdl/v1.0.xml:4:7 metadata\\u2028too",
    ]);
  });
});
