import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { AUTOLINK_TRANSFORM, mayHoldAutolinkLiteral, parseMdast } from "../../generator/markdown/mdast.js";
import { options } from "../fuzz/properties.js";

/**
 * The adapter runs GFM's autolink literal transform only on a tree with a text that could hold one (mdast.ts). The
 * trees must be remark-gfm's own, with the transform run on every page: a plain remark-gfm processor is the
 * reference. (On the corpus, all 6,343 pages of graph-docs v1.0, beta, v1.0-api and current gave identical trees.)
 */
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const tree = (text: string) => JSON.parse(JSON.stringify(reference.parse(text))) as unknown;
const ours = (text: string) => JSON.parse(JSON.stringify(parseMdast(text))) as unknown;

const LITERALS = [
  "See https://learn.microsoft.com/graph for more.",
  "Or www.example.com, or WWW.EXAMPLE.COM.",
  "Mail admin@contoso.com or mailto:admin@contoso.com; chat xmpp:a@b.example/x.",
  "| Property | Description |\n|:--|:--|\n| url | Like http://a.example/b?c=d. |",
  "- a list item with https://a.example\n  > and a quote with b@c.example",
  "**bold https://a.example** and _em www.a.example_",
];

test.each(LITERALS)("a text with autolink literals gives remark-gfm's tree, links and all: %j", (text) => {
  expect(ours(text)).toEqual(tree(text));
  expect(JSON.stringify(ours(text))).toContain('"type":"link"');
});

const NONE = [
  "No literal here: [a link](https://a.example) and [a reference][r].\n\n[r]: https://b.example",
  "`https://in.code.example` and\n\n```\nwww.in.a.fence.example a@b.example\n```",
  'An annotation: <!-- { "@odata.type": "microsoft.graph.x" } --> and a bare @ sign, a://, ww.x',
];

test.each(NONE)("a text whose only candidates are in links, code or HTML (or are no literal) gives remark-gfm's tree: %j", (text) => {
  expect(ours(text)).toEqual(tree(text));
});

test("the guard: true for a text holding @, :// or www. outside a link; false for links, code and HTML", () => {
  // Trees before any autolink transform: CommonMark alone leaves every literal a text.
  const commonmark = unified().use(remarkParse);
  expect(LITERALS.map((text) => mayHoldAutolinkLiteral(commonmark.parse(text)))).toEqual(LITERALS.map(() => true));
  const without = ["[https://a.example](https://a.example)", "[a@b.example][r]\n\n[r]: x.md", "`a@b.example`", "<!-- www.a.example -->", "plain text"];
  expect(without.map((text) => mayHoldAutolinkLiteral(commonmark.parse(text)))).toEqual(without.map(() => false));
  // The bare @ of the last NONE case is a candidate the transform then leaves alone: the guard only has to be a superset.
  expect(mayHoldAutolinkLiteral(commonmark.parse(NONE[2]!))).toBe(true);
});

test("the guarded transform is remark-gfm's own, and the processor has it: a literal in a page becomes a link", () => {
  expect(AUTOLINK_TRANSFORM).toBe(remarkGfmTransform());
  const root = parseMdast("Go to www.example.com now.");
  expect(JSON.stringify(root)).toContain('"url":"http://www.example.com"');
});

/** remark-gfm's autolink transform, as its processor registers it. */
function remarkGfmTransform(): unknown {
  const processor = unified().use(remarkGfm);
  processor.freeze();
  const extensions = (processor.data("fromMarkdownExtensions") as unknown as { transforms?: unknown[] }[][]).flat();
  return extensions.flatMap((extension) => extension.transforms ?? [])[0];
}

const fragment = fc.constantFrom(
  "https://a.example/b", "http://a.example.", "www.a.example", "WWW.A.EXAMPLE/x)", "a@b.example", "a.b-c@d.example_", "mailto:a@b.example", "xmpp:a@b.example/c",
  "@", "://", "www.", "[x](https://a.example)", "[y][r]", "`c@d.example`", "<!-- www.a.example -->", "*", "_", "**", "~", "(", ")", " ", "\n", "\n\n", "| a | b |\n|--|--|\n| ", "- ", "> ", "&#64;", "&commat;", "text",
);

test("500 texts built from literal fragments, markup and entities: every tree is remark-gfm's", () => {
  let literals = 0;
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
      const text = parts.join("");
      const expected = tree(text);
      if (JSON.stringify(expected).includes('"type":"link"')) literals++;
      expect(ours(text)).toEqual(expected);
    }),
    options(500),
  );
  // The property must not pass only because no text held a literal.
  expect(literals).toBeGreaterThan(100);
});
