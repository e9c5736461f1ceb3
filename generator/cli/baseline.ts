import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../config/vocabulary.js";
import { UNUSABLE_KINDS, type Diagnostic } from "../types/index.js";
import { compareStrings } from "../order.js";

/**
 * A baseline: the diagnostics a team accepted when it adopted the tool, so CI fails only on new ones. An entry is
 * keyed by code, file and subject (the message without line and column numbers), never by line: moving a row or
 * editing another page does not invalidate it. The same key may occur several times (`count`).
 */
export interface BaselineEntry {
  code: string;
  file: string;
  subject: string;
  count: number;
}

export interface BaselineFile {
  "graph-typegen-baseline": 1;
  entries: BaselineEntry[];
}

/** Positions inside a message (`see a.md:12:3`) are line numbers too: they are not part of the key. */
const subjectOf = (d: Diagnostic): string => d.message.replace(/:\d+(?::\d+)?\b/g, "");
const keyOf = (code: string, file: string, subject: string): string => JSON.stringify([code, file, subject]);
const keyOfDiagnostic = (d: Diagnostic): string => keyOf(d.code, d.at?.file ?? "", subjectOf(d));

/** What a baseline records: errors and warnings (info never fails a run), not the kinds that mean exit 2. */
const recorded = (d: Diagnostic): boolean => d.severity !== "info" && !UNUSABLE_KINDS.has(d.kind);

export function baselineOf(diagnostics: readonly Diagnostic[]): BaselineFile {
  const counts = new Map<string, BaselineEntry>();
  for (const d of diagnostics.filter(recorded)) {
    const key = keyOfDiagnostic(d);
    const entry = counts.get(key) ?? { code: d.code, file: d.at?.file ?? "", subject: subjectOf(d), count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const entries = [...counts.values()].sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.code, b.code) || compareStrings(a.subject, b.subject));
  return { "graph-typegen-baseline": 1, entries };
}

export async function writeBaseline(file: string, diagnostics: readonly Diagnostic[]): Promise<number> {
  const baseline = baselineOf(diagnostics);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return baseline.entries.reduce((n, e) => n + e.count, 0);
}

/** A baseline file, checked: a missing or malformed one is a usage error (exit 2), never an empty baseline. */
export async function readBaseline(file: string, shown: string): Promise<BaselineEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the baseline ${shown}: ${code === "ENOENT" ? "no such file (write one with --update-baseline)" : code ?? "not valid JSON"}`);
  }
  const entries = (parsed as Partial<BaselineFile> | null)?.entries;
  const valid = (e: BaselineEntry): boolean => typeof e?.code === "string" && typeof e.file === "string" && typeof e.subject === "string" && Number.isSafeInteger(e.count) && e.count > 0;
  if ((parsed as Partial<BaselineFile> | null)?.["graph-typegen-baseline"] !== 1 || !Array.isArray(entries) || !entries.every(valid)) {
    throw new UsageError(`${shown} is not a graph-typegen baseline (write one with --update-baseline)`);
  }
  return entries;
}

export interface Baselined {
  /** The diagnostics the baseline does not hold: the ones reported and counted. */
  fresh: Diagnostic[];
  /** How many the baseline held. */
  baselined: number;
  /** Baseline entries (or parts of their count) that no longer occur. */
  gone: BaselineEntry[];
}

export function applyBaseline(diagnostics: readonly Diagnostic[], entries: readonly BaselineEntry[]): Baselined {
  const left = new Map(entries.map((e) => [keyOf(e.code, e.file, e.subject), { ...e }]));
  const fresh: Diagnostic[] = [];
  let baselined = 0;
  for (const d of diagnostics) {
    const entry = recorded(d) ? left.get(keyOfDiagnostic(d)) : undefined;
    if (entry && entry.count > 0) {
      entry.count--;
      baselined++;
    } else fresh.push(d);
  }
  return { fresh, baselined, gone: [...left.values()].filter((e) => e.count > 0) };
}

/** The lines a run with a baseline adds: how many it held, and what in it no longer occurs (so it can shrink). */
export function baselineLines(result: Baselined, shown: string, max = 20): string[] {
  const lines = [`baseline ${shown}: ${result.baselined} known ${result.baselined === 1 ? "diagnostic" : "diagnostics"} not reported`];
  if (!result.gone.length) return lines;
  const total = result.gone.reduce((n, e) => n + e.count, 0);
  lines.push(`baseline ${shown}: ${total} ${total === 1 ? "entry no longer occurs" : "entries no longer occur"} (run with --update-baseline ${shown} to drop them):`);
  for (const e of result.gone.slice(0, max)) lines.push(`  ${e.file || "(no file)"} ${e.code} ${e.subject}${e.count > 1 ? ` (x${e.count})` : ""}`);
  if (result.gone.length > max) lines.push(`  ...and ${result.gone.length - max} more`);
  return lines;
}
