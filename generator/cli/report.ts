import type { Diagnostic } from "../types/index.js";

/** `path:line:col severity code message`, then the related places indented under it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${d.at.file}:${d.at.line}:${d.at.column} ` : "";
  const lines = [`${where}${d.severity} ${d.code} ${d.message}`];
  for (const related of d.related ?? []) lines.push(`    ${related.at.file}:${related.at.line}:${related.at.column} ${related.message}`);
  return lines.join("\n");
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

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summaryLine(counts: Counts, outcome: string): string {
  return `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${counts.info} info; ${outcome}`;
}
