import { jest } from "@jest/globals";
import fc from "fast-check";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { runPipeline } from "../../generator/pipeline.js";
import { templates } from "../helpers.js";
import { checkDiagnostics, checkRecordPositions, FUZZ_RUNS, mutate, mutation, options, randomText, samplePages, soup } from "./properties.js";

/**
 * Whole pages through parseMarkdownPage: arbitrary strings, Markdown-token soup, and the project's sample pages
 * (input/*.md) broken in random ways. Then a few broken page sets through the whole pipeline (model, emit,
 * prettier), where an exception would be an InternalError.
 */

jest.setTimeout(60_000);

function check(text: string, file = "page.md"): void {
  const { page, diagnostics } = parseMarkdownPage({ path: file, text });
  checkDiagnostics(diagnostics, text, file);
  checkRecordPositions(page, text, file);
  if (page.file !== file || !["resource", "enums", "other"].includes(page.kind)) throw new Error("malformed page record");
}

const pages = samplePages();
const pageInsert = fc.oneof(soup(6), randomText(8));

describe("fuzz: whole pages", () => {
  test("arbitrary strings: never throws, diagnostics and record positions in range", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.string({ unit: "grapheme", maxLength: 200 }),
      fc.string({ unit: "binary-ascii", maxLength: 400 }),
      fc.string({ maxLength: 400 }),
    );
    fc.assert(
      fc.property(anyText, (text) => check(text)),
      options(FUZZ_RUNS.pageText),
    );
  });

  test("Markdown-token soup (tables, fences, headings, comments, links, quotes, lists)", () => {
    const prefix = fc.constantFrom("", "---\ntitle: x\ndoc_type: enumPageType\n---\n", "# x resource type\n\nNamespace: microsoft.graph\n\n", "# x enum type\n\n## Members\n\n", "\ufeff");
    fc.assert(
      fc.property(prefix, soup(80), (head, body) => check(head + body)),
      options(FUZZ_RUNS.pageSoup),
    );
  });

  test("the sample pages truncated, spliced, cut and repeated", () => {
    fc.assert(
      fc.property(fc.nat(pages.length - 1), fc.array(mutation(pageInsert), { minLength: 1, maxLength: 4 }), (index, mutations) => {
        check(mutate(pages[index].text, mutations), pages[index].file);
      }),
      options(FUZZ_RUNS.pageMutated),
    );
  });

  test("broken sample page sets through runPipeline: never throws, every diagnostic well-formed", async () => {
    const loaded = await templates();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(pages.length - 1), fc.array(mutation(pageInsert), { minLength: 1, maxLength: 3 })), { maxLength: 3 }), async (broken) => {
        const texts = pages.map((p) => p.text);
        for (const [index, mutations] of broken) texts[index] = mutate(texts[index], mutations);
        const sources = pages.map((p, i) => ({ path: p.file, text: texts[i] }));
        const result = await runPipeline(sources, { templates: loaded, sourceLabels: ["fuzz"] });
        for (const source of sources) {
          checkDiagnostics(
            result.diagnostics.filter((d) => d.at?.file === source.path),
            source.text,
            source.path,
          );
        }
        if (result.diagnostics.some((d) => !d.at || !pages.some((p) => p.file === d.at!.file))) throw new Error("a diagnostic names no input page");
        if (!result.files.length) throw new Error("no output");
      }),
      options(FUZZ_RUNS.pipeline),
    );
  });
});
