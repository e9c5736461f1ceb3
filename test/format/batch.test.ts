import { formatChunk, formatFilesWithStats } from "../../generator/format/prettier.js";
import type { GeneratedFile } from "../../generator/types/index.js";

/**
 * The format stage sends the runs prettier must format several to a call (generator/format/prettier.ts): the
 * result is each run formatted alone, also where a batch cannot be split back (a run holding the separator) or
 * prettier rejects one run of it.
 */

type Part = { text: string; formatted: boolean };
const file = (path: string, chunks: Part[][]): GeneratedFile => ({
  path,
  text: chunks.map((parts) => parts.map((p) => p.text).join("\n")).join("\n"),
  chunks: chunks.map((parts, i) => ({ key: `${path}#${i}`, text: parts.map((p) => p.text).join("\n"), parts })),
});
const raw = (text: string): Part => ({ text, formatted: false });
const done = (text: string): Part => ({ text, formatted: true });

/** What the stage must give: every part not yet formatted through prettier alone. */
async function alone(files: GeneratedFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const chunks: string[] = [];
    for (const c of f.chunks!) chunks.push((await Promise.all(c.parts!.map((p) => (p.formatted ? p.text : formatChunk(p.text))))).join("\n"));
    out.push(chunks.join("\n"));
  }
  return out;
}

const RUNS = [
  "/** A banner. */\n// another comment\nexport   interface A { a : string }\n",
  "export type B = 'x'|'y';\n// a trailing comment\n",
  "/** Doc. */\nexport function isB(value: unknown): value is B { return typeof value === 'string' && value.length > 0 && value !== 'a-very-long-literal-that-makes-the-line-break' }\n",
  "export const c = { a: 1,\n\n\n b: [1,2,3] } as const;\n",
  "\nexport declare namespace n { const x: number }\n",
];

test("runs formatted in batches are each run formatted alone, around parts already formatted, across files", async () => {
  const files = [
    file("a.ts", [[raw(RUNS[0]!), done("export type Done = 1;\n"), raw(RUNS[1]!)], [raw(RUNS[2]!), raw(RUNS[3]!)]]),
    file("b.ts", [[raw(RUNS[4]!)], [done("export type D = 2;\n"), raw(RUNS[1]!), raw(RUNS[2]!)]]),
  ];
  const { files: formatted, stats } = await formatFilesWithStats(files);
  expect(formatted.map((f) => f.text)).toEqual(await alone(files));
  expect(stats).toEqual({ hits: 0, misses: 4 });
});

test("a run that holds the separator, and a batch prettier rejects, fall back to one call a run", async () => {
  const separator = file("s.ts", [[raw("x;\n")], [raw("GRAPH_TYPEGEN_FORMAT_SPLIT;\n"), raw("y  ;\n")]]);
  expect((await formatFilesWithStats([separator])).files.map((f) => f.text)).toEqual(await alone([separator]));
  const broken = file("e.ts", [[raw("x;\n")], [raw("ok  ;\n"), raw("export interface {\n")]]);
  const error = await formatChunk("export interface {\n").catch((e: Error) => e.message);
  await expect(formatFilesWithStats([broken])).rejects.toThrow(error as string);
});
