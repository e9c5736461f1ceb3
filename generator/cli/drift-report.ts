import { DIAGNOSTIC_KINDS, type Diagnostic, type DiagnosticKind, type Position, type Severity } from "../types/index.js";
import { compareStrings } from "../order.js";

/**
 * Renderers of the drift diagnostics (GT31xx, from `mergeModels`) for a docs team: a Markdown report to paste
 * into a pull request, and a plain JSON object. Pure; anything that is not a drift diagnostic is left out.
 *
 * A drift message starts with its subject (`fqn` or `fqn/property`) and ": "; `at` is the docs place when there
 * is one, and the related place says which side it is (`"metadata"` or `"docs"`).
 */

/** Every drift kind, in code order, with the heading of its section in the Markdown report. */
const TITLES: Partial<Record<DiagnosticKind, string>> = {
  "type-not-in-metadata": "Documented types the metadata does not declare",
  "type-not-documented": "Metadata types no page documents",
  "property-not-in-metadata": "Documented properties the metadata does not declare",
  "property-not-documented": "Metadata properties the docs do not list",
  "base-type-mismatch": "Base types that differ",
  "abstract-mismatch": "Abstract flags that differ",
  "open-type-mismatch": "Open-type flags that differ",
  "enum-members-mismatch": "Enum members that differ",
  "property-type-mismatch": "Property types that differ",
};

const DRIFT_KINDS = (Object.keys(DIAGNOSTIC_KINDS) as DiagnosticKind[])
  .filter((kind) => DIAGNOSTIC_KINDS[kind].code.startsWith("GT31"))
  .sort((a, b) => compareStrings(DIAGNOSTIC_KINDS[a].code, DIAGNOSTIC_KINDS[b].code));

/** Where a drift kind puts `at` when it has no related place: the undocumented kinds have only a metadata place. */
const AT_IN_METADATA = new Set<DiagnosticKind>(["type-not-documented", "property-not-documented"]);

export interface DriftEntry {
  code: string;
  kind: DiagnosticKind;
  severity: Severity;
  /** `microsoft.graph.user` or `microsoft.graph.user/aboutMe`. */
  subject: string;
  /** What disagrees, without the subject. */
  detail: string;
  message: string;
  docs?: Position;
  metadata?: Position;
}

export interface DriftJson {
  total: number;
  /** Every drift kind, in code order, with how many there are (zero included, so the shape is stable). */
  counts: Record<string, number>;
  entries: DriftEntry[];
}

/** A drift diagnostic's subject and both places. */
export function driftEntry(d: Diagnostic): DriftEntry {
  const split = d.message.indexOf(": ");
  const subject = split === -1 ? "" : d.message.slice(0, split);
  const detail = split === -1 ? d.message : d.message.slice(split + 2);
  let docs: Position | undefined;
  let metadata: Position | undefined;
  const related = d.related?.find((r) => r.message === "metadata" || r.message === "docs");
  if (related?.message === "metadata") [docs, metadata] = [d.at, related.at];
  else if (related?.message === "docs") [docs, metadata] = [related.at, d.at];
  else if (AT_IN_METADATA.has(d.kind)) metadata = d.at;
  else docs = d.at;
  return { code: d.code, kind: d.kind, severity: d.severity, subject, detail, message: d.message, ...(docs ? { docs } : {}), ...(metadata ? { metadata } : {}) };
}

const isDrift = (d: Diagnostic): boolean => DRIFT_KINDS.includes(d.kind);

export function driftJson(diagnostics: readonly Diagnostic[]): DriftJson {
  const entries = diagnostics.filter(isDrift).map(driftEntry);
  const counts: Record<string, number> = {};
  for (const kind of DRIFT_KINDS) counts[kind] = entries.filter((e) => e.kind === kind).length;
  return { total: entries.length, counts, entries };
}

const flat = (text: string): string => text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");

/**
 * Text from the docs (names, file names) in a table cell, shown as written and never as Markdown: no line breaks,
 * and the marks that start markup escaped (a `[link](...)`, `**`, `<tag>`, `|` or backtick in a page's words
 * cannot become markup in a pull-request comment).
 */
const cell = (text: string): string => flat(text).replace(/[\\`*_[\]<>|~]/g, "\\$&");

/** Text as a code span nothing in it can end: a fence longer than its longest run of backticks, no line breaks; in a table, `|` escaped. */
function code(text: string, inTable = true): string {
  const one = flat(text);
  const fence = "`".repeat(Math.max(0, ...(one.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
  return `${fence}${pad}${inTable ? one.replace(/\|/g, "\\|") : one}${pad}${fence}`;
}

/**
 * The kinds in the order a docs team should fix them: a wrong type or a documented property that does not exist
 * misleads every reader; a structural disagreement next; what the docs merely leave out last.
 */
const WORTH: readonly DiagnosticKind[] = [
  "property-type-mismatch",
  "property-not-in-metadata",
  "type-not-in-metadata",
  "base-type-mismatch",
  "enum-members-mismatch",
  "abstract-mismatch",
  "open-type-mismatch",
  "property-not-documented",
  "type-not-documented",
];
const worth = (kind: DiagnosticKind): number => (WORTH.includes(kind) ? WORTH.indexOf(kind) : WORTH.length);

export interface DriftMarkdownOptions {
  /** What was compared, as the user named it (shown in the report's first line). */
  docs: string;
  metadata: string;
  /** At most this many rows per section; the rest are counted. Unlimited by default. */
  maxRows?: number;
  /** Rows shown open per section; the rest of the section is in a collapsed `<details>` block. Default 10. */
  openRows?: number;
  /** The report stops adding rows before it is this long (a pull-request comment holds about 65,000). */
  maxChars?: number;
  /** The command that prints every finding, named where rows are left out. */
  fullCommand?: string;
  /** Spellings of the docs folders (as given, absolute) that docs places are shown relative to. */
  docsRoots?: readonly string[];
  /** Spellings of the metadata file (as given, absolute): its places are shown as line:column alone. */
  metadataFiles?: readonly string[];
}

const HEADER = ["| Type / property | Docs | Metadata | What differs |", "|:---|:---|:---|:---|"];

/** Places are shown relative to what the header names: a page by its path under the docs folder, a metadata place by line:column when there is one metadata file. */
function placer(options: DriftMarkdownOptions): (at: Position | undefined, side: "docs" | "metadata") => string {
  const roots = [options.docs, ...(options.docsRoots ?? [])].map((r) => `${r.replace(/\/+$/, "")}/`);
  const metadata = new Set([options.metadata, ...(options.metadataFiles ?? [])]);
  return (at, side) => {
    if (!at) return "—";
    const root = side === "docs" ? roots.find((r) => at.file.startsWith(r)) : undefined;
    const file = side === "metadata" && metadata.has(at.file) ? "" : root ? at.file.slice(root.length) : at.file;
    return code(`${file ? `${file}:` : ""}${at.line}:${at.column}`);
  };
}

/** What the last line (the command for the full report) may take, kept back from the rows. */
const RESERVE = 400;

/** The characters lines take in the report, newlines included. */
const cost = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length + 1, 0);

interface Section {
  kind: DiagnosticKind;
  total: number;
  rows: string[];
  shown: number;
}

const heading = (s: Section): string[] => [`### ${DIAGNOSTIC_KINDS[s.kind].code} ${TITLES[s.kind] ?? s.kind} (${s.total})`, "", ...HEADER];
const detailsOpen = (s: Section, open: number): string[] => ["", `<details><summary>${s.total - open} more</summary>`, "", ...HEADER];
const DETAILS_CLOSE = ["", "</details>"];
const tail = (s: Section, limit: number): string[] => (s.total > s.shown ? ["", `…and ${s.total - s.shown} more${s.shown < limit ? " left out" : ""}.`] : []);

/**
 * How many rows of each section fit in `left` characters: first up to `open` rows of every kind in order of worth,
 * so each kind has examples, then the rest of each section (in its `<details>`), again in order of worth.
 */
function plan(sections: Section[], left: number, open: number): void {
  // Every section's heading and a closing count line, paid first: a section always says how many it has.
  left -= sections.reduce((n, s) => n + cost(heading(s)) + cost(["", `…and ${s.total} more left out.`, ""]), 0);
  for (const s of sections) {
    while (s.shown < Math.min(open, s.rows.length) && cost([s.rows[s.shown]]) <= left) left -= cost([s.rows[s.shown++]]);
  }
  for (const s of sections) {
    if (s.shown !== open || s.rows.length <= open) continue;
    const wrapper = cost([...detailsOpen(s, open), ...DETAILS_CLOSE]);
    if (wrapper + cost([s.rows[open]]) > left) continue;
    left -= wrapper;
    while (s.shown < s.rows.length && cost([s.rows[s.shown]]) <= left) left -= cost([s.rows[s.shown++]]);
  }
}

/**
 * A Markdown report to paste into a docs pull request: a summary table of counts by kind, then a section per kind,
 * most worth fixing first, each with its first rows open and the rest in `<details>`; past `maxChars`, rows are
 * left out and counted, with the command that lists them all.
 */
export function driftMarkdown(diagnostics: readonly Diagnostic[], options: DriftMarkdownOptions): string {
  const { entries } = driftJson(diagnostics);
  const lines = ["## Docs and metadata drift", "", `Docs: ${code(options.docs, false)}; metadata: ${code(options.metadata, false)}. Most worth fixing first; places relative to these.`, ""];
  if (!entries.length) return [...lines, "No drift: the docs and the metadata agree.", ""].join("\n");
  const kinds = DRIFT_KINDS.filter((kind) => entries.some((e) => e.kind === kind)).sort((a, b) => worth(a) - worth(b));
  lines.push("| Code | Kind | Severity | Count |", "|:---|:---|:---|---:|");
  for (const kind of kinds) lines.push(`| ${DIAGNOSTIC_KINDS[kind].code} | ${kind} | ${DIAGNOSTIC_KINDS[kind].severity} | ${entries.filter((e) => e.kind === kind).length} |`);
  lines.push(`| | **total** | | **${entries.length}** |`, "");
  const place = placer(options);
  const limit = (total: number): number => Math.min(total, options.maxRows === undefined ? total : Math.max(0, options.maxRows));
  const sections = kinds.map((kind): Section => {
    const of = entries.filter((e) => e.kind === kind);
    const rows = of.slice(0, limit(of.length)).map((e) => `| ${e.subject ? code(e.subject) : "—"} | ${place(e.docs, "docs")} | ${place(e.metadata, "metadata")} | ${cell(e.detail)} |`);
    return { kind, total: of.length, rows, shown: 0 };
  });
  const open = options.openRows ?? 10;
  plan(sections, (options.maxChars ?? Infinity) - cost(lines) - RESERVE, open);
  for (const s of sections) {
    lines.push(...heading(s), ...s.rows.slice(0, Math.min(open, s.shown)));
    if (s.shown > open) lines.push(...detailsOpen(s, open), ...s.rows.slice(open, s.shown), ...DETAILS_CLOSE);
    lines.push(...tail(s, limit(s.total)), "");
  }
  const cut = sections.reduce((n, s) => n + s.rows.length - s.shown, 0);
  if (cut) {
    const how = options.fullCommand ? `: \`${options.fullCommand}\` lists every finding` : "";
    lines.push(`**${cut} of ${entries.length} findings are left out to keep this report short**${how}.`, "");
  }
  return lines.join("\n");
}
