import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { jest } from "@jest/globals";
import { MemoryParseCache, parseCacheKey, type ParseCache } from "../../generator/cache/cache.js";
import { parseMarkdownPage } from "../../generator/markdown/page.js";
import { pruneUnreadSections } from "../../generator/markdown/prune.js";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import type { SourceText } from "../../generator/types/index.js";
import { CORPUS, describeIfCorpus, ROOT, templates } from "../helpers.js";
import { nativeCompileErrors } from "./compile.js";
import { directPrintDifferences } from "./direct-print.js";
import { formattedWhole } from "./whole-format.js";

/**
 * The whole real Graph docs corpus, each version as one generation (issue: every page parsed, every problem a
 * diagnostic, output that compiles). Figures observed on the 2021-07 snapshot are pinned so that a change in
 * coverage shows up here; README.md reports them. One test file a version (docs-v1.0.test.ts, docs-beta.test.ts),
 * so that jest's two workers, or two `--shard`s, take one each; each generates its version once, in-process, and
 * every test reads that run.
 */
const VERSIONS = {
  "v1.0": { pages: 1239, minTypes: 900, minEnums: 310 },
  beta: { pages: 2934, minTypes: 2000, minEnums: 780 },
} as const;

/**
 * A page-only cache that never serves a page, so every page is parsed again; each page it is given is compared with
 * the record `store` holds for the same source, and the paths of those that differ are kept. The built pipeline
 * keys pages with its own `parseCacheKey`, whose version hashes the code it runs (dist/, not generator/): its keys
 * are looked up in `bySource`, made with that function, never compared with the store's keys.
 */
function recorder(store: MemoryParseCache, bySource: ReadonlyMap<string, SourceText>, compared: { pages: number; differing: string[] }): ParseCache {
  return {
    get: () => undefined,
    set: (key, value) => {
      const source = bySource.get(key);
      if (!source) return void compared.differing.push(`(a key made from no page: ${key})`);
      compared.pages++;
      if (JSON.stringify(value) !== JSON.stringify(store.get(parseCacheKey(source)))) compared.differing.push(source.path);
    },
  };
}

/** What the threaded run of the built pipeline gave, kept for its comparison with the in-process run. */
export interface ThreadedRun extends Pick<PipelineResult, "threads" | "cache" | "files" | "diagnostics"> {
  /** How many pages the threaded run parsed and were compared with the whole page's record, parsed in-process. */
  pages: number;
  /** The paths of those whose record, parsed pruned on a thread, differs. */
  differing: string[];
}

/** One version's generation, in-process, with what the tests that redo a stage need. */
export interface DocsRun {
  sources: SourceText[];
  result: PipelineResult;
  threaded: ThreadedRun;
}

const runs = new Map<string, Promise<DocsRun>>();

/**
 * The version generated once per test file: every suite of the file that reads the docs (this one, the response
 * examples, the merge with the metadata) shares the run, as they share the file's worker.
 *
 * Every page is parsed twice, not three times. In-process, whole: the reference. On two worker threads, by the
 * built pipeline (dist/) end to end, pruned as every run parses: each record is compared with the reference as it
 * is made, so one comparison shows both that blanking unread sections and that parsing on a thread change no page.
 * The in-process run then takes its pages from the reference and does model, emit and format itself, for the
 * threaded run's files to be compared with. (A third parse, in-process and pruned, cost beta 6 s of CPU.)
 */
export function docsRun(version: keyof typeof VERSIONS): Promise<DocsRun> {
  let run = runs.get(version);
  if (!run) {
    run = (async () => {
      const dir = path.join(CORPUS, "graph-docs", version);
      const sources = readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => ({ path: `${version}/${f}`, text: readFileSync(path.join(dir, f), "utf8") }));
      const whole = new MemoryParseCache();
      for (const source of sources) whole.set(parseCacheKey(source), parseMarkdownPage(source, { prune: false }));
      const built = (await import(pathToFileURL(path.join(ROOT, "dist", "pipeline.js")).href)) as { runPipeline: typeof runPipeline };
      const builtCache = (await import(pathToFileURL(path.join(ROOT, "dist", "cache", "cache.js")).href)) as { parseCacheKey: typeof parseCacheKey };
      const bySource = new Map(sources.map((source) => [builtCache.parseCacheKey(source), source]));
      const compared = { pages: 0, differing: [] as string[] };
      const options = { templates: await templates(), sourceLabels: [version] };
      const { threads, cache, files, diagnostics } = await built.runPipeline(sources, { ...options, threads: 2, cache: recorder(whole, bySource, compared) });
      const result = await runPipeline(sources, { ...options, threads: 0, cache: whole });
      return { sources, result, threaded: { threads, cache, files, diagnostics, ...compared } };
    })();
    runs.set(version, run);
  }
  return run;
}

export function describeDocsVersion(version: keyof typeof VERSIONS): void {
  const { pages, minTypes, minEnums } = VERSIONS[version];
  jest.setTimeout(300_000);
  describeIfCorpus(`graph-docs/${version}`)(`graph-docs/${version}`, () => {
    let result: PipelineResult;
    let sources: SourceText[];
    let threaded: ThreadedRun;
    beforeAll(async () => {
      ({ result, sources, threaded } = await docsRun(version));
      // The threaded run parsed every page, each compared with its whole-page record; the in-process one took every
      // page from those records.
      expect(threaded.cache).toMatchObject({ hits: 0, misses: sources.length });
      expect(threaded.pages).toBe(sources.length);
      expect(result.cache).toMatchObject({ hits: sources.length, misses: 0 });
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

    test("the whole output compiles under tsc --strict (TypeScript 7) with zero errors", () => {
      expect(nativeCompileErrors(result.files)).toEqual([]);
    });

    test("blanking unread sections before remark changes no page: same records and diagnostics as whole pages", () => {
      let blanked = 0;
      let total = 0;
      const pruned = sources.filter((source) => {
        const text = pruneUnreadSections(source.text);
        total += source.text.length;
        blanked += source.text.length - text.length;
        return text !== source.text;
      });
      // Each record, parsed pruned (on a thread), against the whole page's (in-process), as JSON like the cache
      // keeps it: properties set to undefined count as absent on both sides. A page the pass leaves as it is (about
      // 60% of them) is parsed whole already.
      const prunedPaths = new Set(pruned.map((source) => source.path));
      expect(threaded.differing.filter((file) => prunedPaths.has(file))).toEqual([]);
      // Methods tables, See also lists, examples: about a sixth of the text never reaches remark
      expect(blanked / total).toBeGreaterThan(0.12);
      expect(pruned.length / sources.length).toBeGreaterThan(0.3);
    });

    test("parsing on worker threads (the built dist/) gives the files and diagnostics of parsing in-process", () => {
      // The built pipeline end to end, its pages on two threads; each page's record was compared as it was parsed.
      expect(threaded.threads).toBe(2);
      expect(threaded.differing).toEqual([]);
      expect(threaded.files).toEqual(result.files);
      expect(threaded.diagnostics).toEqual(result.diagnostics);
    });

    test("the statements written without ts-morph's writer are its print, byte for byte", async () => {
      const { differing, direct, total } = directPrintDifferences(result.model, { templates: await templates(), sources: [version] });
      expect(differing).toEqual([]);
      expect(direct / total).toBeGreaterThan(0.6);
    });

    test("formatting chunk by chunk gives the bytes of formatting each file whole", async () => {
      expect(await formattedWhole(result.model, { templates: await templates(), sources: [version] })).toEqual(result.files);
    });
  });
}
