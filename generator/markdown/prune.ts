/**
 * The part of a page the Markdown adapter reads, found by a cheap line scan before remark sees the page: the body
 * of a section whose heading the adapter never reads (Methods, See also, examples: about a fifth of the corpus
 * text) is replaced by empty lines. Lines are kept or blanked whole, so every kept node keeps its line and column,
 * and the heading itself stays, so the tree keeps every section boundary. Parsing the rest gives the same page
 * record and diagnostics as parsing the whole page (checked on every corpus page, and fuzzed).
 *
 * The scan errs one way only: whatever it cannot be sure of (HTML, a comment, a link definition, a setext
 * underline, an indented heading or fence) keeps the section it is in, and a page it cannot follow (a lone CR, a
 * fence or comment left open, raw-text HTML such as <pre>) is parsed as it is.
 */

/** Section titles whose own content page.ts reads (the key of `sections()`), and enum tables (`x values`). */
const READ_TITLES = new Set(["properties", "property", "relationships", "relationship", "members", "json representation"]);
const ENUM_TITLE = /values$/i;

// The `s` flag: a title may hold any character but the newline the lines were split on (U+2028 included).
const ATX_HEADING = /^( {0,3})(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/s;
/** A fence opener: backticks with no backtick after them (else it is a code span), or tildes. */
const FENCE = /^( {0,3})(`{3,}(?!.*`)|~{3,})/s;
/** An HTML block that ends at a blank line (CommonMark types 6 and 7): a tag at the start of a line. */
const HTML_BLOCK = /^ {0,3}<\/?[A-Za-z]/;
/** HTML blocks that run to a closing tag, across blank lines (types 1, 3, 4, 5). */
const RAW_HTML_BLOCK = /^ {0,3}<(?:(?:pre|script|style|textarea)(?:[\s>]|$)|\?|![A-Za-z]|!\[CDATA\[)/i;
/**
 * Link definitions (anywhere on a line: they count from inside lists and quotes too, so any `[x]:` will do) and
 * setext underlines. The label excludes `[` as well as `]`: a line has a `[...]:` exactly when it has one whose
 * label holds no `[` (start at the last `[` before the `]:`), and each try then stops at the next bracket, so a line
 * of 80,000 `[` takes linear time (with `[^\]]*` every `[` scanned to the end of the line: 5.7 s).
 */
const RISKY = /\[[^[\]]*\]:|^ {0,3}(?:=+|-+)[ \t]*$/;

const isReadTitle = (title: string): boolean => {
  const plain = title.replace(/[`*_]/g, "").trim().toLowerCase();
  return READ_TITLES.has(plain) || ENUM_TITLE.test(plain);
};

interface Region {
  /** First body line (after the heading) and the line after the last. */
  start: number;
  end: number;
  prunable: boolean;
}

/** Where the scan is: in a fenced block (its fence), an HTML comment, an HTML block, or plain Markdown. */
type State = { in: "fence"; fence: string } | { in: "comment" } | { in: "html" } | { in: "markdown" };

/** The page text with unread section bodies blanked, or the text itself when nothing can be dropped safely. */
export function pruneUnreadSections(text: string): string {
  // A lone CR ends a line for remark but not for this scan.
  if (/\r(?!\n)/.test(text)) return text;
  const lines = text.split("\n");
  const regions = sectionRegions(lines);
  return regions && blankRegions(lines, regions) ? lines.join("\n") : text;
}

/**
 * Inside a fenced block, an HTML comment or an HTML block: the state after this line, and whether the line keeps
 * its section (a comment or HTML block may hold an annotation or a table a reader finds).
 */
function insideBlock(state: Exclude<State, { in: "markdown" }>, line: string): { state: State; keep: boolean } {
  if (state.in === "fence") {
    const close = FENCE.exec(line);
    const closes = close && close[2][0] === state.fence[0] && close[2].length >= state.fence.length && line.trim() === close[2];
    return { state: closes ? { in: "markdown" } : state, keep: false };
  }
  if (state.in === "comment") return { state: line.includes("-->") ? { in: "markdown" } : state, keep: true };
  return { state: line.trim() === "" ? { in: "markdown" } : state, keep: true };
}

/** The sections of the page, each marked whether its body may be blanked; undefined when the page is not safe to prune. */
function sectionRegions(lines: readonly string[]): Region[] | undefined {
  const regions: Region[] = [];
  let region: Region | undefined;
  let state: State = { in: "markdown" };
  const keepRegion = (): void => {
    if (region) region.prunable = false;
  };
  for (const [i, raw] of lines.entries()) {
    // CRLF pages: the CR is the line ending, not part of a title or a fence.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (state.in !== "markdown") {
      const next = insideBlock(state, line);
      if (next.keep) keepRegion();
      state = next.state;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      // Indented, it may belong to a list item that ends before the fence closes.
      if (fence[1] !== "") return undefined;
      state = { in: "fence", fence: fence[2] };
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      if (region) region.end = i;
      // An indented heading may sit in a list item; the prose under an H1 is read, however many H1s there are.
      const prunable = heading[1] === "" && heading[2] !== "#" && !isReadTitle(heading[3] ?? "");
      if (heading[1] !== "") keepRegion();
      region = { start: i + 1, end: lines.length, prunable };
      regions.push(region);
      continue;
    }
    const comment = line.lastIndexOf("<!--");
    if (comment !== -1) {
      keepRegion();
      if (!line.includes("-->", comment + 4)) state = { in: "comment" };
    } else if (RAW_HTML_BLOCK.test(line)) return undefined;
    else if (HTML_BLOCK.test(line)) {
      keepRegion();
      state = { in: "html" };
    } else if (RISKY.test(line)) keepRegion();
  }
  // A fence or comment still open at the end ran over whatever came after it.
  return state.in === "fence" || state.in === "comment" ? undefined : regions;
}

/** Blanks the bodies of the prunable regions in place, keeping every line (and a CRLF page's CRs); whether any changed. */
function blankRegions(lines: string[], regions: readonly Region[]): boolean {
  let changed = false;
  for (const { start, end, prunable } of regions) {
    if (!prunable) continue;
    for (let i = start; i < end; i++) {
      if (lines[i] !== "" && lines[i] !== "\r") {
        lines[i] = lines[i].endsWith("\r") ? "\r" : "";
        changed = true;
      }
    }
  }
  return changed;
}
