import type { Code, Html, Paragraph, Root, RootContent } from "mdast";
import { diagnostic, type Diagnostic, type DocPage, type SourceText } from "../types/index.js";
import { isAnnotationComment, readAnnotation } from "./annotation.js";
import { enumNameFromHeading, isEnumTable, readEnumTable } from "./enums.js";
import { crossCheckJson } from "./json-cross-check.js";
import { readFrontMatter } from "./front-matter.js";
import { readJsonBlock } from "./json-block.js";
import {
  indexTree,
  inlineTokens,
  ownNodes,
  parseMdast,
  plainText,
  positionOf,
  renderInline,
  sections,
  tablesIn,
  type Definitions,
  type Section,
} from "./mdast.js";
import { pruneUnreadSections } from "./prune.js";
import { readPropertyTable } from "./table.js";

export interface PageResult {
  page: DocPage;
  diagnostics: Diagnostic[];
}

export interface ParsePageOptions {
  /** Blank the bodies of sections the adapter never reads before parsing (see prune.ts). Default true; the result is the same. */
  prune?: boolean;
}

/** The Markdown adapter: one documentation page in, one plain record (with positions) and its diagnostics out. */
export function parseMarkdownPage(source: SourceText, options: ParsePageOptions = {}): PageResult {
  const file = source.path;
  const root = parseMdast(options.prune === false ? source.text : pruneUnreadSections(source.text));
  const { definitions, html } = indexTree(root);
  const diagnostics: Diagnostic[] = [];
  const all = sections(root);
  const page: DocPage = { file, kind: "other", frontMatter: {}, properties: [], relationships: [], enums: [] };

  const yaml = root.children.find((node) => node.type === "yaml");
  if (yaml && yaml.type === "yaml") page.frontMatter = readFrontMatter(yaml.value);

  const h1 = root.children.find((node) => node.type === "heading" && node.depth === 1);
  let enumPage = page.frontMatter.doc_type === "enumPageType";
  if (h1 && h1.type === "heading") {
    const match = /^`?([A-Za-z_][\w.]*)`?\s+(resource|complex|entity|enum)?\s*type\b/i.exec(plainText(h1.children));
    if (match) page.heading = { value: match[1], at: positionOf(file, h1) };
    if (match?.[2]?.toLowerCase() === "enum") enumPage = true;
  }

  readProse(root, file, definitions, page);
  const brokenAnnotation = readAnnotationAndJson(root, html, file, page, diagnostics);

  for (const [key, target] of [["properties", page.properties], ["relationships", page.relationships]] as const) {
    for (const section of all.filter((s) => s.key === key || s.key === key.replace(/s$/, ""))) {
      for (const table of tablesIn(ownNodes(section))) {
        const read = readPropertyTable(file, table, definitions);
        target.push(...read.rows);
        diagnostics.push(...read.diagnostics);
      }
    }
  }

  for (const section of all) {
    // `### x values` on enums pages and resource pages; `## Members` on a page of its own ("x enum type").
    const name = enumNameFromHeading(section.title) ?? (enumPage && section.key === "members" ? page.heading?.value : undefined);
    const table = name ? tablesIn(ownNodes(section)).find(isEnumTable) : undefined;
    if (name && table) page.enums.push(readEnumTable(file, name, positionOf(file, section.heading), table, definitions));
  }

  const hasPropertiesSection = all.some((s: Section) => s.key === "properties");
  if (page.annotation || brokenAnnotation || hasPropertiesSection || page.properties.length) {
    page.kind = "resource";
    diagnostics.push(...crossCheckJson(page));
  }
  else if (page.enums.length) page.kind = "enums";
  else {
    const docType = page.frontMatter.doc_type ? ` (doc_type ${page.frontMatter.doc_type})` : "";
    diagnostics.push(diagnostic("not-a-resource-page", `no resource annotation, Properties table or enum table${docType}; page skipped`, positionOf(file, root)));
  }
  return { page, diagnostics };
}

/** The Namespace line, the type's description, and "Inherits from" prose: paragraphs before the first H2. */
function readProse(root: Root, file: string, definitions: Definitions, page: DocPage): void {
  for (const node of root.children) {
    if (node.type === "heading" && node.depth >= 2) break;
    if (node.type !== "paragraph") continue;
    const text = plainText(node.children);
    const namespace = /^namespace\s*:\s*([A-Za-z_][\w.]*)/i.exec(text);
    if (namespace) {
      page.namespace = { value: namespace[1], at: positionOf(file, node) };
      continue;
    }
    if (/^inherits from\b/i.test(text)) {
      readInheritsFrom(node, file, definitions, page);
      continue;
    }
    if (/^\[!|^base type of\b|^important\b|^note\b/i.test(text) || text.startsWith(">")) continue;
    if (page.description === undefined && page.namespace) page.description = renderInline(node.children, definitions);
    // "Represents a user account. Inherits from [directoryObject](directoryobject.md)." (v1.0 user.md and others).
    if (!page.inheritsFrom) readInheritsFromSentence(node, file, definitions, page);
  }
  if (page.description === undefined && page.frontMatter.description) page.description = page.frontMatter.description;
}

function readInheritsFrom(node: Paragraph, file: string, definitions: Definitions, page: DocPage): void {
  const link = inlineTokens(node.children, definitions).find((token) => token.kind === "link");
  if (link && link.kind === "link") {
    page.inheritsFrom = { name: link.value.replace(/[`*]/g, "").trim(), ...(link.url ? { target: link.url } : {}), at: positionOf(file, link.node) };
    return;
  }
  const plain = /^inherits from\s+`?([A-Za-z_][\w.]*)/i.exec(plainText(node.children));
  if (plain) page.inheritsFrom = { name: plain[1].replace(/\.$/, ""), at: positionOf(file, node) };
}

/**
 * A sentence that says the type inherits from a linked type: "Inherits from [x](x.md).", "This resource inherits
 * from [x](x.md).", "**mailSearchFolder** inherits from [mailFolder](mailfolder.md)." (the type's bold name). The
 * phrase must begin its sentence, give or take three words for the subject, and be followed by a link to a type
 * name; prose that merely mentions inheriting ("settings inherited from a group") does not count.
 */
const INHERITS_SENTENCE = /(?:^|[.!?:]\s+)(?:[\w`*]+\s+){0,3}inherits from\s*$/i;

function readInheritsFromSentence(node: Paragraph, file: string, definitions: Definitions, page: DocPage): void {
  const tokens = inlineTokens(node.children, definitions);
  let before = "";
  for (const token of tokens) {
    if (token.kind !== "link") {
      before += token.value;
      continue;
    }
    const name = token.value.replace(/[`*]/g, "").trim();
    if (INHERITS_SENTENCE.test(before) && /^[A-Za-z_][\w.]*$/.test(name)) {
      page.inheritsFrom = { name, ...(token.url ? { target: token.url } : {}), at: positionOf(file, token.node) };
      return;
    }
    before = "";
  }
}

/**
 * The first resource annotation, and the JSON block that follows it, which cross-checks the tables. Returns
 * whether a resource annotation was there but unreadable: the page is still a resource page (its heading names
 * the type), and the diagnostic says what is wrong with the comment.
 */
function readAnnotationAndJson(root: Root, html: readonly Html[], file: string, page: DocPage, diagnostics: Diagnostic[]): boolean {
  let annotationNode: Html | undefined;
  let broken = false;
  for (const node of html) {
    if (!isAnnotationComment(node)) continue;
    const read = readAnnotation(file, node);
    diagnostics.push(...read.diagnostics);
    if (read.annotation) {
      page.annotation = read.annotation;
      annotationNode = node;
      break;
    } else if (read.blockType === "resource") broken = true;
  }
  if (!annotationNode) return broken;
  const index = root.children.indexOf(annotationNode as RootContent);
  const code = root.children.slice(index + 1).find((node): node is Code => node.type === "code" || node.type === "heading");
  if (code && code.type === "code") page.json = readJsonBlock(file, code);
  return false;
}
