import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WorkerPool } from "../../generator/parallel/pool.js";
import { runTask } from "../../generator/parallel/tasks.js";
import type { PipelineResult } from "../../generator/pipeline.js";
import type { SourceText } from "../../generator/types/index.js";
import { ROOT, resourcePage, templates } from "../helpers.js";

/**
 * Worker threads load the built JavaScript (a thread cannot run the TypeScript sources the tests import), so these
 * tests drive dist/, which `pretest` builds. Where the work runs must never change what it produces.
 */
const dist = async <T>(module: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, "dist", module)).href)) as T;

type PoolModule = typeof import("../../generator/parallel/pool.js");
type PipelineModule = typeof import("../../generator/pipeline.js");

/** 60 pages in two namespaces, some with problems, so the records and diagnostics have something to say. */
function pages(): SourceText[] {
  return Array.from({ length: 60 }, (_, i) => {
    const namespace = i % 2 ? "microsoft.graph" : "contoso.hr";
    const properties = ["|id|String|The id.|", `|size${i}|Int32|The size.|`, ...(i % 7 === 0 ? ["|broken|NoSuchType|A type that does not resolve.|"] : [])];
    return { path: `docs/page${String(i).padStart(2, "0")}.md`, text: resourcePage({ name: `widget${i}`, namespace, properties }) };
  });
}

/** Metadata with a few types, for a run that has no page to parse. */
const CSDL = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color"><Member Name="red" Value="0"/><Member Name="green" Value="1"/></EnumType>
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
      ${Array.from({ length: 40 }, (_, i) => `<EntityType Name="widget${i}" BaseType="microsoft.graph.entity"><Property Name="size" Type="Edm.Int32"/><Property Name="color" Type="microsoft.graph.color"/></EntityType>`).join("\n      ")}
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

describe("the worker pool", () => {
  test("from the TypeScript sources there is no worker script: no pool, and the work runs in-process", () => {
    expect(WorkerPool.create(2)).toBeUndefined();
  });

  test("0 threads is no pool; one thread is (it is what holds a page to its time budget); never more than the cores", async () => {
    const { WorkerPool: Built } = await dist<PoolModule>("parallel/pool.js");
    expect(Built.create(0)).toBeUndefined();
    const one = Built.create(1)!;
    const many = Built.create(64)!;
    expect(one.size).toBe(1);
    expect(many.size).toBe(os.availableParallelism());
    await Promise.all([one.close(), many.close()]);
  });

  test("parses on threads exactly as in-process, in input order, whatever the batch size", async () => {
    const { WorkerPool: Built } = await dist<PoolModule>("parallel/pool.js");
    const pool = Built.create(2)!;
    try {
      const sources = pages();
      const local = await runTask("parse", sources);
      for (const batch of [1, 7, 100]) {
        const done: number[] = [];
        const threaded = await pool.run("parse", sources, batch, { onBatch: (n) => done.push(n) });
        expect(JSON.stringify(threaded)).toBe(JSON.stringify(local));
        expect(done.at(-1)).toBe(sources.length);
      }
      expect(pool.started).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test("formats on a thread exactly as in-process: batches, a text holding the batch separator, a CSDL-only run", async () => {
    const { WorkerPool: Built } = await dist<PoolModule>("parallel/pool.js");
    const pool = Built.create(1)!;
    try {
      // prepare loads the task's code on the one thread, which then takes the batch (it would wait forever if
      // prepare's request held the thread).
      pool.prepare("format");
      expect(pool.threads).toBe(1);
      const texts = ["export   type A = 'a'|'b';\n", "/** Doc. */\nexport interface B { b : A }\n", "GRAPH_TYPEGEN_FORMAT_SPLIT;\n", "export const c = { a: 1 } as const;\n"];
      const [threaded] = await pool.run("format", [texts], 1);
      expect(threaded).toEqual(await runTask("format", [texts]).then(([out]) => out));
      expect(threaded![0]).toBe('export type A = "a" | "b";\n');
    } finally {
      await pool.close();
    }
    // No page to parse: the only thread the run starts is the one that formats.
    const { runPipeline } = await dist<PipelineModule>("pipeline.js");
    const { WorkerPool: Pool } = await dist<PoolModule>("parallel/pool.js");
    const csdl = { path: "m.xml", text: CSDL };
    const options = { templates: await templates(), sourceLabels: ["m.xml"] };
    const shared = Pool.create(1)!;
    try {
      const threaded = await runPipeline([csdl], { ...options, pool: shared });
      expect(shared.started).toBe(true);
      expect(threaded.files).toEqual((await runPipeline([csdl], { ...options, threads: 0 })).files);
    } finally {
      await shared.close();
    }
  });

  test("a bug on a thread comes back as an InternalError naming the file; a closed pool refuses work", async () => {
    const { WorkerPool: Built } = await dist<PoolModule>("parallel/pool.js");
    const { InternalError } = await dist<{ InternalError: new (...args: never[]) => Error }>("errors.js");
    const pool = Built.create(2)!;
    const bad = { path: "docs/bad.md", text: null } as unknown as SourceText;
    const error = await pool.run("parse", [pages()[0]!, bad], 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalError);
    expect(error).toMatchObject({ file: "docs/bad.md" });
    await pool.close();
    await expect(pool.run("parse", pages(), 8)).rejects.toBeInstanceOf(InternalError);
  });

  test("runPipeline with threads gives the files and diagnostics of a run without", async () => {
    const { runPipeline } = await dist<PipelineModule>("pipeline.js");
    const options = { templates: await templates(), sourceLabels: ["docs"] };
    const threaded: PipelineResult = await runPipeline(pages(), { ...options, threads: 2 });
    const local: PipelineResult = await runPipeline(pages(), { ...options, threads: 0 });
    expect(threaded.threads).toBe(Math.min(2, os.availableParallelism()));
    expect(local.threads).toBe(0);
    expect(threaded.files).toEqual(local.files);
    expect(threaded.diagnostics).toEqual(local.diagnostics);
    expect(threaded.diagnostics.map((d) => d.code)).toContain("GT1001");
  });

  test("a small run starts one thread, a run with nothing to parse none", async () => {
    const { runPipeline } = await dist<PipelineModule>("pipeline.js");
    const result = await runPipeline(pages().slice(0, 10), { templates: await templates(), sourceLabels: ["docs"], threads: 2 });
    expect(result.threads).toBe(1);
    const cached = new (await dist<typeof import("../../generator/cache/cache.js")>("cache/cache.js")).MemoryParseCache();
    await runPipeline(pages().slice(0, 10), { templates: await templates(), sourceLabels: ["docs"], threads: 2, cache: cached });
    const again = await runPipeline(pages().slice(0, 10), { templates: await templates(), sourceLabels: ["docs"], threads: 2, cache: cached });
    expect(again.threads).toBe(0);
  });

  test("a page past its time budget is skipped with GT2012 naming it; the thread is replaced and the rest parse", async () => {
    const { WorkerPool: Built } = await dist<PoolModule>("parallel/pool.js");
    const pool = Built.create(1)!;
    try {
      // remark is super-linear on runs of "~a" (100 KB took over 100 s): a page that stalls it for good.
      const stall = { path: "docs/stall.md", text: `# stall\n\n${"~a".repeat(100_000)}\n` };
      const sources = [pages()[0]!, stall, pages()[1]!];
      const started = Date.now();
      // 300 ms is the parse alone: a thread loads the parser before the first page's deadline starts (with the load
      // counted, a fresh thread on a loaded machine timed out the first, ordinary page).
      const outputs = await pool.run("parse", sources, 8, { budgetMs: 300 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(outputs[1]).toEqual({ diagnostics: [expect.objectContaining({ code: "GT2012", at: { file: "docs/stall.md", line: 1, column: 1 } })] });
      expect(outputs[1]!.diagnostics[0]!.message).toContain("--page-timeout");
      expect(JSON.stringify([outputs[0], outputs[2]])).toBe(JSON.stringify(await runTask("parse", [sources[0]!, sources[2]!])));
      expect(pool.threads).toBe(1);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
