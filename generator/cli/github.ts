import { appendFile } from "node:fs/promises";
import type { CheckResult } from "../write/check.js";
import type { Diagnostic } from "../types/index.js";
import { countByKind, formatDiagnostic, githubCommand } from "./report.js";

/**
 * `--reporter github`. GitHub shows only the first 10 annotations of each kind per step (and 50 per job), so the
 * order decides what a reviewer sees: the files --check found out of date first (each an error: they are why the
 * job fails), then errors, warnings and notices, each kind capped, the rest in a collapsed group of the log.
 */
export const ANNOTATIONS_PER_KIND = 10;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One `::error file=...` per stale, missing or obsolete file, naming the command that brings it up to date. */
export function checkAnnotations(check: CheckResult, out: string, rerun: string): string[] {
  const files: [string, string][] = [
    ...check.stale.map((f): [string, string] => [f, "stale: not what generate writes"]),
    ...check.missing.map((f): [string, string] => [f, "missing: generate writes it"]),
    ...check.extra.map((f): [string, string] => [f, "obsolete: generate would delete it"]),
  ];
  return files.map(([f, why]) => `::error file=${escapeProperty(`${out}/${f}`)},title=${escapeProperty("graph-typegen --check")}::${escapeData(`${out}/${f} is ${why}; run ${rerun} and commit the result`)}`);
}

/** The diagnostics as annotations, errors first, at most `perKind` of each severity; the rest as plain log lines. */
export function githubAnnotations(diagnostics: readonly Diagnostic[], perKind = ANNOTATIONS_PER_KIND): string[] {
  const sorted = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const seen = { error: 0, warning: 0, info: 0 };
  const annotated: string[] = [];
  const rest: Diagnostic[] = [];
  for (const d of sorted) {
    if (seen[d.severity]++ < perKind) annotated.push(githubCommand(d));
    else rest.push(d);
  }
  if (!rest.length) return annotated;
  return [
    ...annotated,
    `::notice title=graph-typegen::${rest.length} more diagnostics are not annotated (GitHub shows ${perKind} of each kind per step): they are in the log group below and the job summary`,
    `::group::${rest.length} diagnostics not annotated`,
    ...rest.map(formatDiagnostic),
    "::endgroup::",
  ];
}

/** A Markdown cell: no line breaks, and a `|` would end the cell. */
const cell = (text: string): string => text.replace(/\s*\r?\n\s*/g, " ").replace(/\|/g, "\\|");

/** The job summary: the outcome, the files --check found, counts by code, and the first findings, errors first. */
export function stepSummary(diagnostics: readonly Diagnostic[], summary: string, checkFiles: readonly string[], max = 20): string {
  const lines = ["### graph-typegen", "", `\`${cell(summary)}\``, ""];
  if (checkFiles.length) lines.push("Files out of date:", "", ...checkFiles.map((f) => `- \`${cell(f)}\``), "");
  const rows = countByKind(diagnostics);
  if (rows.length) {
    lines.push("| Code | Kind | Severity | Count |", "|:---|:---|:---|---:|", ...rows.map((r) => `| ${r.code} | ${r.kind} | ${r.severity} | ${r.count} |`), "");
    const first = [...diagnostics].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).slice(0, max);
    lines.push(`First ${first.length} of ${diagnostics.length}:`, "", "| Where | Severity | Code | Message |", "|:---|:---|:---|:---|");
    for (const d of first) lines.push(`| ${d.at ? `\`${d.at.file}:${d.at.line}:${d.at.column}\`` : "—"} | ${d.severity} | ${d.code} | ${cell(d.message)} |`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/** Appends the summary to `$GITHUB_STEP_SUMMARY` when GitHub set it; a summary that cannot be written is no failure. */
export async function writeStepSummary(file: string | undefined, markdown: string, warn: (message: string) => void): Promise<void> {
  if (!file) return;
  try {
    await appendFile(file, markdown);
  } catch (error) {
    warn(`graph-typegen: cannot write the job summary to ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
  }
}
