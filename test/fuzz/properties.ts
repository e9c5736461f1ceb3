import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Diagnostic, Position } from "../../generator/types/index.js";
import { ROOT } from "../helpers.js";

/**
 * Shared pieces of the property-based tests: the one property every adapter must keep (never throw; every
 * diagnostic and every position well-formed), arbitraries for hostile text, and mutations of real inputs.
 *
 * Every `fc.assert` in test/fuzz runs with a fixed seed, so CI sees the same cases on every run; FUZZ_RUNS records
 * how many cases each property runs, so the suite's total is written down in one place (see FUZZ_TOTAL).
 */
export const SEED = 42;

export const FUZZ_RUNS = {
  table: 1200,
  tableRagged: 600,
  annotationJson: 1200,
  annotationText: 1000,
  annotationFields: 600,
  typeCellPage: 1000,
  typeCellMdast: 5000,
  csdlSoup: 3000,
  csdlTree: 1000,
  csdlMutatedInline: 1500,
  csdlMutatedCorpus: 100,
  pageText: 1500,
  pageSoup: 1000,
  pageMutated: 600,
  pruneLines: 5000,
  pruneSoup: 1000,
  pruneMutated: 600,
  pruneBroken: 600,
  pipeline: 30,
  prettyLayouts: 60,
  banners: 60,
} as const;

/** Cases the whole fuzz suite runs (the corpus property only when ../shared/corpus exists). */
export const FUZZ_TOTAL = Object.values(FUZZ_RUNS).reduce((a, b) => a + b, 0);

export const options = (numRuns: number): { seed: number; numRuns: number } => ({ seed: SEED, numRuns });

/** Lines as both adapters count them: a line ends at `\n`, `\r\n` or a lone `\r`. */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkPosition(at: Position, file: string, lines: number, what: string): void {
  const ok =
    at.file === file &&
    Number.isInteger(at.line) &&
    Number.isInteger(at.column) &&
    at.line >= 1 &&
    at.column >= 1 &&
    at.line <= lines;
  if (!ok) throw new Error(`${what}: position ${JSON.stringify(at)} is not within ${file} (${lines} lines)`);
}

/**
 * The property: each diagnostic has a GTnnnn code and a position (and related positions) inside the input.
 * Throws with a readable message instead of returning false, so a failure says what was wrong.
 */
export function checkDiagnostics(diagnostics: readonly Diagnostic[], text: string, file: string): void {
  const lines = lineCount(text);
  for (const d of diagnostics) {
    if (!/^GT\d{4}$/.test(d.code)) throw new Error(`diagnostic code ${JSON.stringify(d.code)} is not GTnnnn`);
    if (typeof d.message !== "string" || !d.message) throw new Error(`${d.code} has no message`);
    if (!d.at) throw new Error(`${d.code} (${d.message}) has no position`);
    checkPosition(d.at, file, lines, `${d.code} ${d.message.slice(0, 120)}`);
    for (const related of d.related ?? []) checkPosition(related.at, file, lines, `${d.code} related "${related.message}"`);
  }
}

/** Every `at` in a parse record (page, CSDL document) is inside the input too: the records carry positions as well. */
export function checkRecordPositions(record: unknown, text: string, file: string): void {
  const lines = lineCount(text);
  const stack: unknown[] = [record];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === "at" && child && typeof child === "object") checkPosition(child as Position, file, lines, "record position");
      else stack.push(child);
    }
  }
}

/** Text the docs and the parsers treat specially, mixed into random strings. */
export const MARKUP_PIECES = [
  "|",
  "\\|",
  "||",
  "`",
  "``",
  "```",
  "[",
  "]",
  "(",
  ")",
  "[]",
  "[x](x.md)",
  "[user](user.md)",
  "[x][]",
  "[x][y]",
  "![i](i.png)",
  "<https://a.b>",
  "<br>",
  "<br/>",
  "<!--",
  "-->",
  "<!-- x -->",
  "<",
  ">",
  "&#124;",
  "&amp;",
  "&",
  "*",
  "**",
  "_",
  "__",
  "~~",
  "\\",
  "#",
  "$",
  "${",
  "*/",
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\r",
  "\t",
  " ",
  "  ",
  "Collection(",
  "Collection(microsoft.graph.x)",
  "collection",
  " collection",
  "Collection of ",
  "String",
  "Edm.Int32",
  "microsoft.graph.user",
  "#microsoft.graph.user",
  "(deprecated)",
  "(read-only)",
  "Inherited from [a](a.md).",
  "Possible values are: `a`, `b`, `unknownFutureValue`.",
  "Supports a subset of the values for **x**.",
  "Nullable.",
  "Not nullable.",
  "Read-only.",
  "x[]",
  ",",
  ".",
  ":",
  ";",
] as const;

const piece = fc.constantFrom(...MARKUP_PIECES);

/** A short random string: ASCII, any code point, or graphemes. */
export const randomText = (maxLength = 8): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: "binary-ascii", maxLength }),
  );

/** A markdown link with random label and target. */
export const randomLink: fc.Arbitrary<string> = fc
  .tuple(randomText(6), randomText(6), fc.boolean())
  .map(([label, url, reference]) => (reference ? `[${label}][${url}]` : `[${label}](${url})`));

/** Cell-like text: random pieces joined, on one line (a newline would end the table row). */
export const cellText = (maxParts = 6): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: randomText() }, { weight: 1, arbitrary: randomLink }), { maxLength: maxParts })
    .map((parts) => parts.join("").replace(/\n/g, " "));

/** Any text at all, lines included. */
export const soup = (maxParts = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: piece },
        { weight: 3, arbitrary: randomText(12) },
        { weight: 2, arbitrary: fc.constantFrom("\n", "\n\n", "\r\n", "\n    ", "\n> ", "\n- ", "\n1. ", "\n# ", "\n## Properties\n", "\n---\n", "\n|a|Type|\n|-|-|\n") },
        { weight: 1, arbitrary: randomLink },
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(""));

/** Ways a real file gets broken: cut short, a random string spliced in, a range deleted or repeated. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "splice"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; to: number };

/** A place in the text as a fraction of its length, uniform (fast-check's bias would favour the two ends). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

export const mutation = (insert: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
    fc.record({ kind: fc.constant("splice" as const), at: fraction, text: insert }),
    fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.nat(400) }),
    fc.record({ kind: fc.constant("duplicate" as const), at: fraction, length: fc.nat(400), to: fraction }),
  ) as fc.Arbitrary<Mutation>;

/** Applies mutations in order; fractions are of the current text's length, so they always land inside it. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    switch (m.kind) {
      case "truncate":
        out = out.slice(0, at);
        break;
      case "splice":
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case "delete":
        out = out.slice(0, at) + out.slice(at + m.length);
        break;
      case "duplicate": {
        const to = Math.floor(m.to * out.length);
        out = out.slice(0, to) + out.slice(at, at + m.length) + out.slice(to);
        break;
      }
    }
  }
  return out;
}

/** The project's own sample pages (input/*.md): always present, unlike ../shared/corpus. */
export function samplePages(): { file: string; text: string }[] {
  const dir = path.join(ROOT, "input");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), "utf8") }));
}
