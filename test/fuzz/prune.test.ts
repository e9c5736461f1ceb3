import { jest } from "@jest/globals";
import fc from "fast-check";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { pruneUnreadSections } from "../../generator/markdown/prune.js";
import { FUZZ_RUNS, mutate, mutation, options, randomText, samplePages, soup } from "./properties.js";

/**
 * The line scan that blanks unread sections before remark (markdown/prune.ts) must never change what a page
 * parses to. Pages are built from the line kinds that can fool a line scan (headings of every level and indent,
 * fences that do and do not close, comments, HTML blocks, definitions, setext underlines, lists, quotes, tables,
 * CR and U+2028 line breaks), then parsed pruned and whole: records and diagnostics must be equal.
 */

jest.setTimeout(60_000);

const title = fc.constantFrom("Properties", "Relationships", "Methods", "See also", "Members", "JSON representation", "color values", "Example", "`Properties`", "**Methods**", "", "Properties #");
const indent = fc.oneof({ weight: 12, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(" ", "   ", "    ") });
const heading = fc.tuple(indent, fc.constantFrom("#", "##", "##", "##", "###", "####"), title).map(([indent, hashes, text]) => `${indent}${hashes} ${text}`);
/** Risky lines: each can make a line scan misread the page, so most pages get only a few of them. */
const RISKY_LINES = [
  "```a`b", "  ```", "<!--", "-->", "<!-- a -->", "<div>", "</div>", "<pre>", "</pre>", "<br/>", "[a]: a.md", "- [b]: b.md", "===", "---",
  "> ## Properties", "    indented code", "\r", "a\u2028## Properties", "  ## Methods",
] as const;
const TEXT_LINES = ["", "", "- item", "  - nested", "> quote", "Namespace: microsoft.graph", "Inherits from [entity](entity.md).", "text [a] and [b][] and `code`", "**bold** _em_"] as const;
const fenced = fc.tuple(fc.constantFrom("```", "```json", "````", "~~~"), fc.array(fc.oneof(heading, fc.constantFrom(...TEXT_LINES, '{ "id": "String" }')), { maxLength: 4 }), fc.boolean()).map(([fence, body, closed]) => [fence, ...body, ...(closed ? [fence] : [])].join("\n"));
const table = fc.constantFrom("|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n|size|Int32|The size.|", "|Member|Description|\n|:---|:---|\n|red|Red.|", "| Method | Return type |\n|:---|:---|\n| [Get](get.md) | [x](x.md) |");
const annotation = fc.constantFrom('<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.x"} -->', '<!-- {\n  "blockType": "resource",\n  "@odata.type": "microsoft.graph.x"\n} -->\n```json\n{ "id": "String" }\n```');
const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 4, arbitrary: fc.constantFrom(...TEXT_LINES) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fenced },
  { weight: 1, arbitrary: annotation },
  { weight: 1, arbitrary: fc.constantFrom(...RISKY_LINES) },
  { weight: 1, arbitrary: randomText(10) },
);
const page = fc.tuple(fc.constantFrom("", "---\ndoc_type: resourcePageType\n---\n", "# x resource type\n\n"), fc.array(block, { maxLength: 24 }), fc.constantFrom("\n", "\n", "\r\n")).map(([head, blocks, eol]) => (head + blocks.join("\n\n")).replace(/\n/g, eol));
const line = fc.oneof(heading, fc.constantFrom(...TEXT_LINES, ...RISKY_LINES));

/** How many checked pages had something blanked: the property must not pass only because nothing was pruned. */
let prunedPages = 0;

function samePruned(text: string): void {
  const source = { path: "page.md", text };
  // A page the scan leaves as it is parses from the same text both ways: nothing to compare. Most cases are such
  // pages; parsing them twice too, the file took 11.7 s alone, against 3.0 s.
  if (pruneUnreadSections(text) === text) return;
  prunedPages++;
  const pruned = JSON.stringify(parseMarkdownPage(source));
  const whole = JSON.stringify(parseMarkdownPage(source, { prune: false }));
  if (pruned !== whole) throw new Error(`pruning changed the result of:\n${JSON.stringify(text)}\npruned text:\n${JSON.stringify(pruneUnreadSections(text))}`);
}

const pages = samplePages();

describe("fuzz: pruning unread sections never changes a page's record", () => {
  test("pages of headings, fences, comments, HTML, definitions, lists and tables", () => {
    prunedPages = 0;
    fc.assert(fc.property(page, samePruned), options(FUZZ_RUNS.pruneLines));
    expect(prunedPages).toBeGreaterThan(FUZZ_RUNS.pruneLines / 20);
  });

  test("Markdown-token soup", () => {
    fc.assert(fc.property(soup(80), (body) => samePruned(`# x resource type\n\n## Methods\n\n${body}`)), options(FUZZ_RUNS.pruneSoup));
  });

  test("the sample pages with lines spliced in", () => {
    fc.assert(
      fc.property(fc.nat(pages.length - 1), fc.array(mutation(fc.array(line, { maxLength: 4 }).map((l) => `\n${l.join("\n")}\n`)), { minLength: 1, maxLength: 4 }), (index, mutations) => {
        samePruned(mutate(pages[index].text, mutations));
      }),
      options(FUZZ_RUNS.pruneMutated),
    );
  });

  test("a lone CR or an unclosed fence anywhere leaves the page as it is", () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.constantFrom("\r", "\n```\n", "\n<!--\n"), (text, at, insert) => {
        const cut = at % (text.length + 1);
        const broken = text.slice(0, cut) + insert + text.slice(cut).replace(/```|~~~|-->/g, "");
        if (pruneUnreadSections(broken) !== broken && /\r(?!\n)/.test(broken)) throw new Error(`pruned a page with a lone CR: ${JSON.stringify(broken)}`);
        samePruned(broken);
      }),
      options(FUZZ_RUNS.pruneBroken),
    );
  });
});

