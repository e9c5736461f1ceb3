import { DIAGNOSTIC_KINDS, type Diagnostic, type DiagnosticKind, type Position, type Severity } from "../types/index.js";

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
  .sort((a, b) => (DIAGNOSTIC_KINDS[a].code < DIAGNOSTIC_KINDS[b].code ? -1 : 1));

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

const place = (at: Position | undefined): string => (at ? `\`${at.file}:${at.line}:${at.column}\`` : "—");
/** A table cell: no line breaks, and a `|` would end the cell. */
const cell = (text: string): string => text.replace(/\s*\r?\n\s*/g, " ").replace(/\|/g, "\\|");

export interface DriftMarkdownOptions {
  /** What was compared, as the user named it (shown in the report's first line). */
  docs: string;
  metadata: string;
  /** At most this many rows per section; the rest are counted. Unlimited by default. */
  maxRows?: number;
}

/**
 * A Markdown report: a summary table of counts by kind, then a section per kind (code order) with a table of
 * subject, docs place, metadata place and what disagrees. File paths are printed as the positions give them.
 */
export function driftMarkdown(diagnostics: readonly Diagnostic[], options: DriftMarkdownOptions): string {
  const { entries } = driftJson(diagnostics);
  const lines = ["## Docs and metadata drift", "", `Docs: \`${cell(options.docs)}\`; metadata: \`${cell(options.metadata)}\`.`, ""];
  if (!entries.length) return [...lines, "No drift: the docs and the metadata agree.", ""].join("\n");
  const kinds = DRIFT_KINDS.filter((kind) => entries.some((e) => e.kind === kind));
  lines.push("| Code | Kind | Severity | Count |", "|:---|:---|:---|---:|");
  for (const kind of kinds) {
    const { code, severity } = DIAGNOSTIC_KINDS[kind];
    lines.push(`| ${code} | ${kind} | ${severity} | ${entries.filter((e) => e.kind === kind).length} |`);
  }
  lines.push(`| | **total** | | **${entries.length}** |`, "");
  for (const kind of kinds) {
    const rows = entries.filter((e) => e.kind === kind);
    const shown = options.maxRows === undefined ? rows : rows.slice(0, Math.max(0, options.maxRows));
    lines.push(`### ${DIAGNOSTIC_KINDS[kind].code} ${TITLES[kind] ?? kind} (${rows.length})`, "");
    lines.push("| Type / property | Docs | Metadata | What differs |", "|:---|:---|:---|:---|");
    for (const e of shown) lines.push(`| ${e.subject ? `\`${cell(e.subject)}\`` : "—"} | ${place(e.docs)} | ${place(e.metadata)} | ${cell(e.detail)} |`);
    if (shown.length < rows.length) lines.push("", `…and ${rows.length - shown.length} more.`);
    lines.push("");
  }
  return lines.join("\n");
}
