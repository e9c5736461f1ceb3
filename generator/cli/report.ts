import { DIAGNOSTIC_KINDS, type Diagnostic, type DiagnosticKind } from "../types/index.js";
import { compareStrings } from "../order.js";

export type ReporterName = "text" | "json" | "github";
export const REPORTERS: readonly ReporterName[] = ["text", "json", "github"];

/**
 * Text from the input (a file name, a page's words) on one line of a log: control characters and line separators
 * escaped as JSON writes them (`\n`), so that a file named with a line break cannot start a line of its own that
 * reads as another diagnostic, and a problem matcher reads every line as it was meant.
 */
export const oneLine = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/g, (c) => ({ "\n": "\\n", "\r": "\\r" })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** `path:line:col severity code message`, then the related places indented under it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${oneLine(d.at.file)}:${d.at.line}:${d.at.column} ` : "";
  const lines = [`${where}${d.severity} ${d.code} ${oneLine(d.message)}`];
  for (const related of d.related ?? []) lines.push(`    ${oneLine(related.at.file)}:${related.at.line}:${related.at.column} ${oneLine(related.message)}`);
  return lines.join("\n");
}

/** How much a report shows: errors only (`--quiet`), everything but info (the default), everything (`--verbose`). */
export type Verbosity = "quiet" | "normal" | "verbose";

/** The diagnostics a report prints at that verbosity: `generate` and each `--watch` run use the same rule. */
export function shownDiagnostics(diagnostics: readonly Diagnostic[], verbosity: Verbosity): Diagnostic[] {
  if (verbosity === "quiet") return diagnostics.filter((d) => d.severity === "error");
  return verbosity === "verbose" ? [...diagnostics] : diagnostics.filter((d) => d.severity !== "info");
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `GT3002 ×112, GT3001 ×75, ...`: the codes of those diagnostics, most frequent first, at most `max`. */
export function topCodes(diagnostics: readonly Diagnostic[], max = 3): string {
  const rows = countByKind(diagnostics).sort((a, b) => b.count - a.count || compareStrings(a.code, b.code));
  const shown = rows.slice(0, max).map((r) => `${r.code} ×${r.count}`);
  return rows.length > max ? `${shown.join(", ")}, ${plural(rows.length - max, "other code")}` : shown.join(", ");
}

/**
 * The last line of a run: counts by severity, the outcome, and (given the diagnostics) the most frequent codes of
 * the errors and warnings, so that even `--quiet` says what the warnings it hides are.
 */
export function summaryLine(counts: Counts, outcome: string, diagnostics?: readonly Diagnostic[]): string {
  const top = diagnostics ? topCodes(diagnostics.filter((d) => d.severity !== "info")) : "";
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info; ${outcome}${top ? `; most: ${top}` : ""}`;
}

/** How many diagnostics of each kind, in code order: the table at the end of a run. */
export function countByKind(diagnostics: readonly Diagnostic[]): { code: string; kind: DiagnosticKind; severity: string; count: number }[] {
  const counts = new Map<DiagnosticKind, number>();
  for (const d of diagnostics) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts.entries()]
    .map(([kind, count]) => ({ code: DIAGNOSTIC_KINDS[kind].code, kind, severity: DIAGNOSTIC_KINDS[kind].severity, count }))
    .sort((a, b) => compareStrings(a.code, b.code));
}

export function summaryTable(diagnostics: readonly Diagnostic[]): string {
  const rows = countByKind(diagnostics);
  if (!rows.length) return "";
  const width = Math.max(...rows.map((r) => r.kind.length));
  return rows.map((r) => `  ${r.code}  ${r.kind.padEnd(width)}  ${r.severity.padEnd(7)}  ${String(r.count).padStart(6)}`).join("\n");
}

/** GitHub Actions workflow commands: each problem shows inline on the docs pull request. */
export function githubCommand(d: Diagnostic): string {
  const command = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const properties = [
    ...(d.at ? [`file=${escapeProperty(d.at.file)}`, `line=${d.at.line}`, `col=${d.at.column}`] : []),
    `title=${escapeProperty(`${d.code} ${d.kind}`)}`,
  ];
  const related = (d.related ?? []).map((r) => `\n${r.message}: ${r.at.file}:${r.at.line}:${r.at.column}`).join("");
  return `::${command} ${properties.join(",")}::${escapeData(d.message + related)}`;
}
