import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { jest } from "@jest/globals";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import { CORPUS, describeIfCorpus, templates } from "../helpers.js";
import { compileErrors } from "./compile.js";

/**
 * The whole real Graph docs corpus, each version as one generation (issue: every page parsed, every problem a
 * diagnostic, output that compiles). Figures observed on the 2021-07 snapshot are pinned so that a change in
 * coverage shows up here; README.md reports them.
 */
const versions = [
  { version: "v1.0", pages: 1239, minTypes: 900, minEnums: 310 },
  { version: "beta", pages: 2934, minTypes: 2000, minEnums: 780 },
] as const;

jest.setTimeout(300_000);

for (const { version, pages, minTypes, minEnums } of versions) {
  describeIfCorpus(`graph-docs/${version}`)(`graph-docs/${version}`, () => {
    let result: PipelineResult;
    beforeAll(async () => {
      const dir = path.join(CORPUS, "graph-docs", version);
      const sources = readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => ({ path: `${version}/${f}`, text: readFileSync(path.join(dir, f), "utf8") }));
      result = await runPipeline(sources, { templates: await templates(), sourceLabels: [version] });
    });

    test("every page is read without a crash", () => {
      expect(result.pages).toHaveLength(pages);
    });

    test("at least 99% of resource pages produce a type, and every page that does not says why", () => {
      const resourcePages = result.pages.filter((p) => p.kind === "resource").map((p) => p.file);
      const declaring = new Set(result.model.namespaces.flatMap((n) => n.types.map((t) => t.at.file)));
      for (const d of result.diagnostics) if (d.kind === "duplicate-type" && d.at) declaring.add(d.at.file); // merged into the first page's type
      const without = resourcePages.filter((file) => !declaring.has(file));
      expect(without.length / resourcePages.length).toBeLessThanOrEqual(0.01);
      const explained = new Set(result.diagnostics.filter((d) => d.severity === "error" && d.at).map((d) => d.at!.file));
      expect(without.filter((file) => !explained.has(file))).toEqual([]);
      // pages that are neither resource nor enum pages are skipped with an info diagnostic, never an error
      const skipped = result.pages.filter((p) => p.kind === "other").map((p) => p.file);
      const infos = new Set(result.diagnostics.filter((d) => d.kind === "not-a-resource-page").map((d) => d.at!.file));
      expect(skipped.filter((file) => !infos.has(file))).toEqual([]);
    });

    test("types and enums from all styles are emitted", () => {
      const types = result.model.namespaces.reduce((n, ns) => n + ns.types.length, 0);
      const enums = result.model.namespaces.reduce((n, ns) => n + ns.enums.length, 0);
      expect(types).toBeGreaterThanOrEqual(minTypes);
      expect(enums).toBeGreaterThanOrEqual(minEnums);
      // every enum table of every page is in the registry
      const registry = new Set(result.model.namespaces.flatMap((n) => n.enums.map((e) => e.name.toLowerCase())));
      const tables = result.pages.flatMap((p) => p.enums.map((e) => e.name.toLowerCase()));
      expect(tables.filter((name) => !registry.has(name))).toEqual([]);
    });

    test("every diagnostic has a code, a severity and a file:line:col", () => {
      for (const d of result.diagnostics) {
        expect(d.code).toMatch(/^GT\d{4}$/);
        expect(d.at?.line).toBeGreaterThanOrEqual(1);
        expect(d.at?.column).toBeGreaterThanOrEqual(1);
      }
    });

    test("the whole output compiles under tsc --strict with zero errors", () => {
      expect(compileErrors(result.files)).toEqual([]);
    });
  });
}
