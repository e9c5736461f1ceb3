import type { Heading, Html, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { visit } from "unist-util-visit";
import type { Position } from "../types/index.js";

type FromMarkdownExtension = ReturnType<typeof gfmAutolinkLiteralFromMarkdown>;

/**
 * GFM's autolink literals (`https://x`, `www.x`, `a@b.c` in plain text) are found in part by an mdast transform that
 * runs four regular expressions, each in a walk of its own over the whole tree: an eighth of parsing a corpus page
 * (2.9 of 22 s on graph-docs/beta), on pages that almost never hold one. Each of the four needs `://`, `www.` or `@`
 * in a text node outside a link, and a text none of them matches is left as it is; so the transform runs, as it
 * is, only on a tree where some such text holds one of those. The tree is the same either way.
 */
export const AUTOLINK_TRANSFORM = gfmAutolinkLiteralFromMarkdown().transforms![0]!;
const AUTOLINK_CANDIDATE = /@|:\/\/|www\./i;

/** Whether a text node outside links and link references holds `@`, `://` or `www.`; a stack, not recursion. */
export function mayHoldAutolinkLiteral(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "text") {
      if (AUTOLINK_CANDIDATE.test(node.value)) return true;
    } else if (node.type !== "link" && node.type !== "linkReference" && "children" in node) {
      // One push a child: a spread of a long list (a big table's rows) could pass the engine's argument limit.
      for (const child of node.children) stack.push(child as Nodes);
    }
  }
  return false;
}

/** A plugin, after remark-gfm: its autolink transform guarded by `mayHoldAutolinkLiteral`; throws if it is not there. */
function autolinkLiteralsWhereCandidates(this: Processor): void {
  const extensions = (this.data("fromMarkdownExtensions") ?? []) as (FromMarkdownExtension | FromMarkdownExtension[])[];
  let guarded = 0;
  const guard = (extension: FromMarkdownExtension): FromMarkdownExtension => {
    if (!extension.transforms?.includes(AUTOLINK_TRANSFORM)) return extension;
    guarded++;
    const transforms = extension.transforms.map((t) => (t === AUTOLINK_TRANSFORM ? (tree: Root) => (mayHoldAutolinkLiteral(tree) ? AUTOLINK_TRANSFORM(tree) : undefined) : t));
    return { ...extension, transforms };
  };
  this.data("fromMarkdownExtensions", extensions.map((e) => (Array.isArray(e) ? e.map(guard) : guard(e))));
  // remark-gfm's own copy of the package is another function: then nothing is guarded, and that must not go unseen.
  if (guarded !== 1) throw new Error(`expected remark-gfm's autolink literal transform once, found it ${guarded} times`);
}

/** One processor for every page: parse only (no transforms), GFM tables, YAML front matter as a node. */
const processor = unified().use(remarkParse).use(remarkGfm).use(autolinkLiteralsWhereCandidates).use(remarkFrontmatter, ["yaml"]);

export function parseMdast(text: string): Root {
  // A BOM would otherwise become part of the first node's text (the front matter fence).
  return processor.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Link reference definitions (`[x]: x.md`), so reference-style links resolve like inline ones. */
export type Definitions = ReadonlyMap<string, string>;

/** What the readers look for anywhere in the tree: definitions (the first of a label wins) and HTML nodes, in order. */
export interface TreeIndex {
  definitions: Definitions;
  html: Html[];
}

/** One walk for both (each was a walk of its own: 6% of parsing a page, most of it the walker's own work per node). */
export function indexTree(root: Root): TreeIndex {
  const definitions = new Map<string, string>();
  const html: Html[] = [];
  visit(root, (node) => {
    if (node.type === "definition") {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    } else if (node.type === "html") html.push(node);
  });
  return { definitions, html };
}

export function positionOf(file: string, node: Nodes | undefined): Position {
  const start = node?.position?.start;
  return { file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

/**
 * Inline content flattened into the three things the readers care about: plain text, code spans and links.
 * Emphasis and strong are transparent, so "**longRunningOperationStatus**" reads as its text.
 */
export type InlineToken =
  | { kind: "text"; value: string }
  | { kind: "code"; value: string }
  | { kind: "link"; value: string; url?: string; node: Nodes };

export function inlineTokens(nodes: readonly Nodes[], definitions: Definitions): InlineToken[] {
  const tokens: InlineToken[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case "text":
        tokens.push({ kind: "text", value: node.value });
        return;
      case "inlineCode":
        tokens.push({ kind: "code", value: node.value });
        return;
      case "break":
        tokens.push({ kind: "text", value: " " });
        return;
      case "link":
        tokens.push({ kind: "link", value: plainText(node.children), url: node.url, node });
        return;
      case "linkReference": {
        const url = definitions.get(node.identifier);
        tokens.push({ kind: "link", value: plainText(node.children), ...(url ? { url } : {}), node });
        return;
      }
      case "html":
        // `<br>` separates words (table cells cannot hold a line break otherwise); other HTML says nothing.
        if (isLineBreak(node.value)) tokens.push({ kind: "text", value: " " });
        return;
      default:
        if ("children" in node) for (const child of node.children) walk(child as Nodes);
        else if ("value" in node && typeof node.value === "string") tokens.push({ kind: "text", value: node.value });
    }
  };
  for (const node of nodes) walk(node);
  return tokens;
}

const isLineBreak = (html: string): boolean => /^<br\s*\/?>$/i.test(html.trim());

/** Text content with all markup dropped (code spans keep their text, links their label). */
export function plainText(nodes: readonly Nodes[]): string {
  let out = "";
  const walk = (node: Nodes): void => {
    if (node.type === "html") {
      if (isLineBreak(node.value)) out += " ";
      return;
    }
    if (node.type === "break") out += " ";
    else if ("value" in node && typeof node.value === "string") out += node.value;
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  for (const node of nodes) walk(node);
  return out.replace(/\s+/g, " ").trim();
}

/**
 * Inline content as compact Markdown for JSDoc (editors render it): code spans and bold survive,
 * links keep only their label unless absolute, since a relative docs link means nothing in an SDK.
 */
export function renderInline(nodes: readonly PhrasingContent[] | readonly Nodes[], definitions: Definitions): string {
  let out = "";
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case "text":
        out += node.value;
        return;
      case "inlineCode":
        out += node.value.includes("`") ? `\`\` ${node.value} \`\`` : `\`${node.value}\``;
        return;
      case "break":
        out += " ";
        return;
      case "strong":
        out += "**";
        node.children.forEach(walk);
        out += "**";
        return;
      case "emphasis":
        out += "_";
        node.children.forEach(walk);
        out += "_";
        return;
      case "link":
      case "linkReference": {
        const url = node.type === "link" ? node.url : definitions.get(node.identifier);
        const label = plainText(node.children);
        out += url && /^https?:\/\//i.test(url) ? `[${label}](${url})` : label;
        return;
      }
      case "html":
        if (isLineBreak(node.value)) out += " ";
        return;
      default:
        if ("children" in node) for (const child of node.children) walk(child as Nodes);
        else if ("value" in node && typeof node.value === "string") out += node.value;
    }
  };
  for (const node of nodes) walk(node as Nodes);
  return out.replace(/\s+/g, " ").trim();
}

/** A heading and the top-level nodes under it, up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  /** Heading text, lower-cased with collapsed spaces, for level- and case-insensitive lookup. */
  key: string;
  title: string;
  nodes: RootContent[];
}

export function sections(root: Root): Section[] {
  const result: Section[] = [];
  root.children.forEach((node, index) => {
    if (node.type !== "heading") return;
    const nodes: RootContent[] = [];
    for (let i = index + 1; i < root.children.length; i++) {
      const next = root.children[i];
      if (next.type === "heading" && next.depth <= node.depth) break;
      nodes.push(next);
    }
    const title = plainText(node.children);
    result.push({ heading: node, key: title.toLowerCase(), title, nodes });
  });
  return result;
}

/** The nodes of a section that are not under one of its sub-headings. */
export function ownNodes(section: Section): RootContent[] {
  const end = section.nodes.findIndex((node) => node.type === "heading");
  return end === -1 ? section.nodes : section.nodes.slice(0, end);
}

export function tablesIn(nodes: readonly RootContent[]): Table[] {
  return nodes.filter((node): node is Table => node.type === "table");
}
