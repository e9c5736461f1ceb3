import fc from "fast-check";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { checkDiagnostics, checkRecordPositions, FUZZ_RUNS, mutate, mutation, options, randomText } from "./properties.js";

/**
 * The annotation reader (readAnnotation, and the JSON-block reader after it) through the page parser: comment
 * bodies that are random JSON, JSON cut short or spliced, JSON-ish character soup, and well-formed annotations
 * whose fields have the wrong types. A broken resource annotation must be one GT2001 inside the comment.
 */

/** Where the comment sits: top level, in a list, in a block quote, indented, after a table. */
const CONTEXTS: ReadonlyArray<(comment: string) => string> = [
  (c) => c,
  (c) => `- ${c.replace(/\n/g, "\n  ")}`,
  (c) => `> ${c.replace(/\n/g, "\n> ")}`,
  (c) => `   ${c}`,
  (c) => `|Property|Type|\n|-|-|\n|a|String|\n\n${c}`,
  (c) => `Some text ${c}`,
];

interface Placed {
  text: string;
  first: number;
  last: number;
}

/** A page with the comment; `first`/`last` are the lines the comment occupies. */
function page(comment: string, context: number, json: string): Placed {
  const before = ["# x resource type", "", "Namespace: microsoft.graph", "", "## Properties", "", "|Property|Type|Description|", "|:---|:---|:---|", "|id|String|The id.|", "", "## JSON representation", ""];
  const placed = CONTEXTS[context % CONTEXTS.length](comment);
  const first = before.length + 1 + (context % CONTEXTS.length === 4 ? 4 : 0);
  const text = [...before, placed, "", "```json", json, "```", ""].join("\n");
  return { text, first, last: before.length + placed.split(/\r\n|\r|\n/).length };
}

function check({ text, first, last }: Placed): void {
  const { page: parsed, diagnostics } = parseMarkdownPage({ path: "annotation.md", text });
  checkDiagnostics(diagnostics, text, "annotation.md");
  checkRecordPositions(parsed, text, "annotation.md");
  for (const d of diagnostics.filter((d) => d.code === "GT2001")) {
    if (d.at!.line < first || d.at!.line > last) throw new Error(`GT2001 at line ${d.at!.line}, outside the comment (lines ${first}-${last}): ${d.message}`);
  }
  if (parsed.annotation?.odataType !== undefined && typeof parsed.annotation.odataType !== "string") throw new Error("odataType is not a string");
}

const jsonText = fc.oneof(fc.json({ maxDepth: 3 }), fc.constantFrom('"x"', "[]", "{}", "null", "1", '{"a":1}'));

/** A resource annotation with random extra members, as JSON text with random indentation. */
const annotationJson = fc
  .tuple(
    fc.dictionary(fc.oneof(fc.constantFrom("@odata.type", "@type", "baseType", "keyProperty", "openType", "abstract", "blockType", "optionalProperties"), randomText(6)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
    fc.constantFrom(0, 2, "\t"),
    fc.boolean(),
  )
  .map(([extra, indent, resourceFirst]) => {
    const value = resourceFirst ? { blockType: "resource", ...extra } : { ...extra, blockType: "resource" };
    return JSON.stringify(value, null, indent);
  });

const jsonishPiece = fc.oneof(
  fc.constantFrom("{", "}", "[", "]", '"', ":", ",", " ", "\n", "\\", "\\u", "\\u12", "true", "tru", "null", "1e", "-", "0x1", '"blockType"', '"resource"', '"blockType": "resource"', '"@odata.type"', "-->", "<!--", "--", "*/", "\u0000", "\u2028", "\ud800"),
  randomText(4),
);
const jsonish = fc.array(jsonishPiece, { maxLength: 40 }).map((parts) => parts.join(""));

const context = fc.nat(CONTEXTS.length - 1);

describe("fuzz: resource annotation comments", () => {
  test("resource annotations and random JSON, truncated, spliced, cut: never throws, GT2001 inside the comment", () => {
    const body = fc.oneof(annotationJson, jsonText.map((j) => `{"blockType": "resource", "x": ${j}}`), jsonText);
    fc.assert(
      fc.property(body, fc.array(mutation(jsonishPiece), { maxLength: 3 }), context, jsonish, (json, mutations, where, block) => {
        check(page(`<!-- ${mutate(json, mutations)} -->`, where, block));
      }),
      options(FUZZ_RUNS.annotationJson),
    );
  });

  test("comments of JSON-ish soup, with and without the closing marker", () => {
    fc.assert(
      fc.property(jsonish, context, fc.boolean(), fc.constantFrom("", "\n", "   "), (soupText, where, closed, pad) => {
        // `"blockType":` makes the comment an annotation; the rest is noise.
        const placed = page(`<!--${pad}{"blockType": ${soupText}${closed ? `${pad}-->` : ""}`, where, soupText);
        // An unclosed comment is an HTML block that runs to the end of its container: the rest of the page.
        check(closed ? placed : { ...placed, last: placed.text.split(/\r\n|\r|\n/).length });
      }),
      options(FUZZ_RUNS.annotationText),
    );
  });

  test("well-formed annotations whose fields have random values: invalid ones are GT2001, never an exception", () => {
    const fields = fc.record(
      {
        "@odata.type": fc.oneof(fc.jsonValue({ maxDepth: 1 }), randomText(20), fc.constantFrom("#microsoft.graph.x", "microsoft.graph/x", "../../x", "")),
        baseType: fc.oneof(fc.jsonValue({ maxDepth: 1 }), randomText(10)),
        keyProperty: fc.jsonValue({ maxDepth: 1 }),
        openType: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom("true", "false", "yes")),
        abstract: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      // Not context 3: a comment indented by 1-3 spaces keeps its indent in the html node's value and is not read as
      // an annotation at all (isAnnotationComment wants "<!--" first).
      fc.property(fields, fc.constantFrom(0, 1, 2, 4, 5), (value, where) => {
        const comment = `<!-- ${JSON.stringify({ blockType: "resource", ...value }, null, 2)} -->`;
        const placed = page(comment, where, "{}");
        check(placed);
        const { page: parsed, diagnostics } = parseMarkdownPage({ path: "annotation.md", text: placed.text });
        // Strict JSON always parses: what is wrong is a field, reported at the comment's first line.
        if (!parsed.annotation) throw new Error("a JSON object with blockType resource was not read as an annotation");
        for (const d of diagnostics.filter((d) => d.code === "GT2001")) if (d.at!.line !== placed.first) throw new Error(`field diagnostic at line ${d.at!.line}, not ${placed.first}`);
      }),
      options(FUZZ_RUNS.annotationFields),
    );
  });
});
