import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { pruneUnreadSections } from "../../generator/markdown/prune.js";
import { dedent } from "../helpers.js";

/** The page record and diagnostics, parsed from the pruned text and from the whole text: they must be equal. */
function bothWays(text: string) {
  const source = { path: "page.md", text };
  return { pruned: parseMarkdownPage(source), whole: parseMarkdownPage(source, { prune: false }) };
}

const PAGE = dedent(`
  # widget resource type

  Namespace: microsoft.graph

  A widget.

  ## Methods

  | Method | Return type | Description |
  |:---|:---|:---|
  | [Get widget](../api/widget-get.md) | [widget](widget.md) | Read a widget. |

  ## Properties

  |Property|Type|Description|
  |:---|:---|:---|
  |id|String|The id.|
  |size|Int32|The size.|

  ### color values

  |Member|Description|
  |:---|:---|
  |red|Red.|

  ## See also

  - [Widgets overview](widgets.md) with *emphasis* and \`code\`.

  ## JSON representation

  <!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->
  \`\`\`json
  { "id": "String", "size": 1024 }
  \`\`\`
`);

describe("pruneUnreadSections", () => {
  test("blanks the bodies of sections the adapter never reads, keeping every line and every heading", () => {
    const pruned = pruneUnreadSections(PAGE);
    const before = PAGE.split("\n");
    const after = pruned.split("\n");
    expect(after).toHaveLength(before.length);
    expect(pruned).not.toContain("Get widget");
    expect(pruned).not.toContain("Widgets overview");
    for (const kept of ["## Methods", "## See also", "|size|Int32|The size.|", "|red|Red.|", "A widget.", '"blockType": "resource"', '"size": 1024']) {
      expect(pruned).toContain(kept);
    }
    // a kept line is on the same line number as before, so positions stay true
    after.forEach((line, i) => expect(line === "" || line === before[i]).toBe(true));
  });

  test("the page record and diagnostics are the same as from the whole page", () => {
    const { pruned, whole } = bothWays(PAGE);
    expect(pruned).toEqual(whole);
    expect(pruned.page.properties.map((p) => [p.name, p.at.line])).toEqual([
      ["id", 17],
      ["size", 18],
    ]);
  });

  test("a heading inside a fence is no heading: the section goes on past it", () => {
    const text = "## Methods\n\n```md\n## Properties\n```\n\n|a|b|\n|-|-|\n";
    expect(pruneUnreadSections(text)).toBe("## Methods\n\n\n\n\n\n\n\n");
    expect(bothWays(text).pruned).toEqual(bothWays(text).whole);
  });

  test.each([
    ["a backtick line with a backtick after it is a code span, not a fence", "## Methods\n\n```a`b\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n", ["|id|String|x|"]],
    ["an HTML comment", "## Methods\n\n<!-- note\n## Properties\n-->\nmethods text\n", ["methods text"]],
    ["a link definition, read from anywhere", "## Methods\n\nx\n\n- [a]: https://example.com/a\n", ["[a]: https://example.com/a"]],
    ["a link definition after a stray [ (the label is the part after the last [)", "## Methods\n\nx\n\n[[[ [a]: https://example.com/a\n", ["[[[ [a]: https://example.com/a"]],
    ["HTML that could swallow a heading", "## Methods\n\n<div>\nx\n## Properties\n", ["x", "<div>"]],
    ["a setext underline", "## Methods\n\nTitle\n-----\n", ["Title"]],
    ["an indented heading (it may be in a list item)", "- item\n\n  ## Methods\n\n  text\n", ["  text"]],
  ])("keeps a section that holds %s", (_name, text, kept) => {
    const pruned = pruneUnreadSections(text);
    for (const line of kept) expect(pruned).toContain(line);
    expect(bothWays(text).pruned).toEqual(bothWays(text).whole);
  });

  test.each([
    ["a lone CR", "## Methods\r|a|b|\r## Properties\r"],
    ["an unclosed fence", "## Methods\n\nx\n\n```\n## Properties\n"],
    ["an unclosed comment", "## Methods\n\nx\n\n<!--\n## Properties\n"],
    ["raw-text HTML", "## Methods\n\nx\n\n<pre>\n\n## Properties\n\n</pre>\n"],
    ["an indented fence", "## Methods\n\nx\n\n- a\n  ```\n## Properties\n```\n"],
  ])("leaves a page with %s as it is", (_name, text) => {
    expect(pruneUnreadSections(text)).toBe(text);
  });

  test("the prose under every H1 is kept; an H1 ends a pruned section", () => {
    const text = "# a resource type\n\n## Methods\n\nm\n\n# second title\n\nNamespace: microsoft.graph\n";
    const pruned = pruneUnreadSections(text);
    expect(pruned).not.toContain("\nm\n");
    expect(pruned).toContain("Namespace: microsoft.graph");
  });

  test("a page with nothing to drop is returned as the same string", () => {
    const text = "# a\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n";
    expect(pruneUnreadSections(text)).toBe(text);
  });
});
