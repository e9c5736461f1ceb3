import { diagnostic, limitsOverDefaults, type Diagnostic, type SourceText } from "../types/index.js";

/**
 * Resource limits for one Markdown page. Docs pull requests can come from anyone, and remark is recursive and,
 * for deeply nested lists, quadratic: these bounds keep a hostile page from crashing or stalling a run. Real Graph
 * pages stay far below them (largest 87 KB, longest table 828 rows, nesting 3 levels).
 */
export interface MarkdownLimits {
  /** Largest page accepted, in UTF-8 bytes. */
  maxPageBytes: number;
  /** Most consecutive table lines in one page. */
  maxTableRows: number;
  /** Deepest block quote or list nesting. */
  maxNesting: number;
  /** Most lines that open list items (remark slows with the square of many nested lists). */
  maxListItems: number;
  /** Most `[` and `*` in one page (remark slows with the square of unclosed link and emphasis openers). */
  maxInlineMarkers: number;
  /**
   * Longest a page may take to parse, in milliseconds, once a thread starts on it. The line scan below catches the
   * constructs known to stall remark; this catches the ones nobody has found yet. Only a worker thread can be
   * stopped, so the budget holds whenever pages parse on the pool (every run of the built CLI; not `--threads 0`).
   */
  pageTimeoutMs: number;
}

export const DEFAULT_MARKDOWN_LIMITS: Readonly<MarkdownLimits> = {
  maxPageBytes: 2 * 1024 * 1024,
  maxTableRows: 10_000,
  maxNesting: 32,
  // The corpus's largest page has 607 list lines, 608 `[` and 448 `*`; at these bounds remark needs about 1 s.
  maxListItems: 2_000,
  maxInlineMarkers: 4_000,
  // The slowest corpus page (beta printerstatus.md, 80 KB) parses in under 0.5 s: ten times that, so a loaded CI
  // machine never skips a real page, and a hostile 2 MiB page costs a run a few seconds, not minutes.
  pageTimeoutMs: 5_000,
};

export function resolveMarkdownLimits(limits: Partial<MarkdownLimits> = {}): MarkdownLimits {
  return limitsOverDefaults(DEFAULT_MARKDOWN_LIMITS, limits);
}

const CONTAINER_MARKERS = /^(?:\s*(?:>|[-+*](?=\s)|\d{1,9}[.)](?=\s)))+/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * A cheap line scan before the page reaches remark: size, text-ness, table length and nesting depth. The first
 * limit a page exceeds is returned as a diagnostic and the page is skipped. This is a guard, not a reader: the
 * structure itself is only ever read from the tree.
 */
export function checkMarkdownLimits(source: SourceText, limits: MarkdownLimits): Diagnostic | undefined {
  const file = source.path;
  const bytes = Buffer.byteLength(source.text, "utf8");
  if (bytes > limits.maxPageBytes) {
    return diagnostic("input-too-large", `page is ${bytes} bytes, over the limit of ${limits.maxPageBytes} (--max-page-bytes); page skipped`, { file, line: 1, column: 1 });
  }
  const nul = source.text.indexOf("\u0000");
  const replacements = source.text.length ? (source.text.match(/\uFFFD/g)?.length ?? 0) / source.text.length : 0;
  if (nul !== -1 || replacements > 0.01) {
    const why = nul !== -1 ? "contains NUL bytes" : "is not valid UTF-8";
    return diagnostic("not-text", `page ${why}: not a Markdown text file; page skipped`, { file, line: 1, column: 1 });
  }
  const lines = source.text.split(/\r?\n/);
  let tableRun = 0;
  let listItems = 0;
  let inlineMarkers = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(?:[-+*]|\d{1,9}[.)])\s/.test(line) && !THEMATIC_BREAK.test(line) && ++listItems > limits.maxListItems) {
      return diagnostic("page-too-complex", `page has more than ${limits.maxListItems} list items (the list item limit: --max-list-items, config limits.maxListItems); page skipped`, { file, line: i + 1, column: 1 });
    }
    // By code unit, not code point: `[` and `*` are never half of a surrogate pair, and this is the scan's hot loop.
    for (let j = 0; j < line.length; j++) {
      const code = line.charCodeAt(j);
      if ((code === 0x5b || code === 0x2a) && ++inlineMarkers > limits.maxInlineMarkers) return diagnostic("page-too-complex", `page has more than ${limits.maxInlineMarkers} [ and * markers (the inline marker limit: --max-inline-markers, config limits.maxInlineMarkers); page skipped`, { file, line: i + 1, column: 1 });
    }
    tableRun = line.includes("|") ? tableRun + 1 : 0;
    if (tableRun > limits.maxTableRows) {
      return diagnostic("table-too-large", `table has more than ${limits.maxTableRows} rows (--max-table-rows); page skipped`, { file, line: i + 1 - tableRun + 1, column: 1 });
    }
    // Block quotes and list items opened on one line ("> > x", "- - x", "1. 1. x", "> - x") nest like indented
    // ones, so each container marker that starts the line is a level (a "- - -" thematic break is not).
    const markers = THEMATIC_BREAK.test(line) ? 0 : (CONTAINER_MARKERS.exec(line)?.[0].match(/[>+*-]|\d+[.)]/g)?.length ?? 0);
    // Indentation nests only where a container marker follows it; a line of blanks, or indented text, is not nesting.
    const indent = markers ? /^[ \t]*/.exec(line)![0].replace(/\t/g, "    ").length : 0;
    if (markers > limits.maxNesting || indent > 4 * limits.maxNesting) {
      return diagnostic("nesting-too-deep", `block quotes or lists nest deeper than ${limits.maxNesting} levels (--max-nesting); page skipped`, { file, line: i + 1, column: 1 });
    }
  }
  return undefined;
}
