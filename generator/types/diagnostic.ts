import type { Position } from "./source.js";

export type Severity = "error" | "warning" | "info";

/**
 * Every kind of problem the generator reports, with a stable code users can grep for and suppress later.
 * Codes never change meaning; new kinds get new codes. GT0xxx input, GT1xxx model, GT2xxx page format,
 * GT3xxx docs that contradict themselves (drift).
 */
export const DIAGNOSTIC_KINDS = {
  "unreadable-input": { code: "GT0001", severity: "error" },
  "no-input": { code: "GT0002", severity: "error" },
  "input-too-large": { code: "GT0003", severity: "error" },
  "input-skipped": { code: "GT0004", severity: "error" },
  "symlink-outside-input": { code: "GT0005", severity: "warning" },
  "symlink-duplicate": { code: "GT0006", severity: "info" },
  "invalid-encoding": { code: "GT0007", severity: "warning" },
  "no-usable-input": { code: "GT0008", severity: "error" },
  "invalid-template": { code: "GT0009", severity: "error" },
  "unsafe-output": { code: "GT0010", severity: "error" },
  "output-conflict": { code: "GT0011", severity: "error" },
  "output-locked": { code: "GT0012", severity: "error" },
  "unwritable-output": { code: "GT0013", severity: "error" },
  "output-path-outside": { code: "GT0014", severity: "error" },
  "invalid-option": { code: "GT0015", severity: "error" },
  "line-endings-differ": { code: "GT0016", severity: "warning" },
  "unresolved-type": { code: "GT1001", severity: "warning" },
  "unresolved-base-type": { code: "GT1002", severity: "warning" },
  "inheritance-cycle": { code: "GT1003", severity: "error" },
  "duplicate-type": { code: "GT1004", severity: "warning" },
  "duplicate-property": { code: "GT1005", severity: "warning" },
  "unknown-enum-member": { code: "GT1006", severity: "warning" },
  "inherited-property-missing": { code: "GT1007", severity: "warning" },
  "incompatible-redeclaration": { code: "GT1008", severity: "warning" },
  "empty-enum": { code: "GT1009", severity: "warning" },
  "duplicate-enum-member": { code: "GT1010", severity: "warning" },
  "conflicting-enum": { code: "GT1011", severity: "warning" },
  "reserved-property": { code: "GT1012", severity: "info" },
  "inline-enum": { code: "GT1013", severity: "info" },
  "inheritance-too-deep": { code: "GT1014", severity: "error" },
  "duplicate-parameter": { code: "GT1015", severity: "warning" },
  "file-name-mapped": { code: "GT1016", severity: "warning" },
  "namespace-filter-unmatched": { code: "GT1017", severity: "warning" },
  "unresolved-annotation-target": { code: "GT1101", severity: "warning" },
  "invalid-annotation": { code: "GT2001", severity: "error" },
  "missing-namespace": { code: "GT2002", severity: "info" },
  "namespace-mismatch": { code: "GT2003", severity: "warning" },
  "unrecognized-table": { code: "GT2004", severity: "warning" },
  "not-a-resource-page": { code: "GT2005", severity: "info" },
  "missing-type-name": { code: "GT2006", severity: "error" },
  "empty-type-cell": { code: "GT2007", severity: "warning" },
  "invalid-row": { code: "GT2008", severity: "warning" },
  "table-too-large": { code: "GT2009", severity: "error" },
  "not-text": { code: "GT2010", severity: "error" },
  "page-too-complex": { code: "GT2011", severity: "error" },
  "page-timeout": { code: "GT2012", severity: "error" },
  "type-cell-alternatives": { code: "GT2013", severity: "warning" },
  "invalid-xml": { code: "GT2101", severity: "error" },
  "unsafe-xml": { code: "GT2102", severity: "error" },
  "nesting-too-deep": { code: "GT2103", severity: "error" },
  "csdl-missing-attribute": { code: "GT2104", severity: "warning" },
  "csdl-invalid-value": { code: "GT2105", severity: "warning" },
  "not-csdl": { code: "GT2106", severity: "error" },
  "csdl-invalid-name": { code: "GT2107", severity: "info" },
  "csdl-alias-collision": { code: "GT2108", severity: "warning" },
  "table-not-in-json": { code: "GT3001", severity: "warning" },
  "json-not-in-table": { code: "GT3002", severity: "warning" },
  "base-type-drift": { code: "GT3003", severity: "warning" },
  "link-mismatch": { code: "GT3004", severity: "warning" },
  "property-is-navigation": { code: "GT3005", severity: "warning" },
  "type-name-casing": { code: "GT3006", severity: "warning" },
  // Docs against metadata (model/merge/): `at` is the docs place when there is one, `related` the other side.
  "type-not-in-metadata": { code: "GT3101", severity: "warning" },
  "type-not-documented": { code: "GT3102", severity: "info" },
  "property-not-in-metadata": { code: "GT3103", severity: "warning" },
  "property-not-documented": { code: "GT3104", severity: "info" },
  "base-type-mismatch": { code: "GT3105", severity: "warning" },
  "abstract-mismatch": { code: "GT3106", severity: "warning" },
  "open-type-mismatch": { code: "GT3107", severity: "warning" },
  "enum-members-mismatch": { code: "GT3108", severity: "warning" },
  "property-type-mismatch": { code: "GT3109", severity: "warning" },
} as const satisfies Record<string, { code: string; severity: Severity }>;

export type DiagnosticKind = keyof typeof DIAGNOSTIC_KINDS;

/**
 * Kinds that make a run unusable: the input cannot be used at all, or the output folder cannot (or must not) be
 * written. The run writes nothing and the CLI exits 2; the previous output is untouched.
 */
export const UNUSABLE_KINDS: ReadonlySet<DiagnosticKind> = new Set<DiagnosticKind>([
  "unreadable-input",
  "no-input",
  "no-usable-input",
  "invalid-option",
  "invalid-template",
  "unsafe-output",
  "output-conflict",
  "output-locked",
  "unwritable-output",
]);

export interface RelatedPlace {
  message: string;
  at: Position;
}

/** A problem found in the input. Stages return these as values; nothing in the pipeline throws for bad input. */
export interface Diagnostic {
  kind: DiagnosticKind;
  code: string;
  severity: Severity;
  message: string;
  at?: Position;
  /** For drift and duplicates: the other place that disagrees. */
  related?: RelatedPlace[];
}

export function diagnostic(
  kind: DiagnosticKind,
  message: string,
  at?: Position,
  related?: RelatedPlace[],
): Diagnostic {
  const { code, severity } = DIAGNOSTIC_KINDS[kind];
  return { kind, code, severity, message, ...(at ? { at } : {}), ...(related?.length ? { related } : {}) };
}

/** The 1-based line and column of a character offset in a text, for a diagnostic's place. */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}
