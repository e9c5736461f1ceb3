import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CACHE_VERSION, DiskParseCache, LayeredParseCache, MemoryParseCache, parseCacheKey, type CachedPage } from "../../generator/cache/cache.js";
import { EXIT } from "../../generator/cli/main.js";
import { generate, type GenerateOptions } from "../../generator/index.js";
import { runPipeline } from "../../generator/pipeline.js";
import { ROOT, resourcePage, runCli, templates } from "../helpers.js";

let tmp: string;
let docs: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-cache-"));
  docs = path.join(tmp, "docs");
  await cp(path.join(ROOT, "input"), docs, { recursive: true });
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** What a run produced, as it would be written and reported. */
async function produce(options: GenerateOptions) {
  const result = await generate({ inputs: [docs], cwd: tmp, out: path.join(tmp, "out"), write: false, ...options });
  return { files: result.files, diagnostics: result.diagnostics, cache: result.cache };
}

/** The entries of a disk cache folder: parsed pages, and formatted chunks. */
async function entries(dir: string): Promise<{ pages: string[]; chunks: string[] }> {
  const names = (await readdir(dir)).sort();
  return { pages: names.filter((n) => !n.endsWith(".chunk.json")), chunks: names.filter((n) => n.endsWith(".chunk.json")) };
}

const entry = (file = "page.md"): CachedPage => ({ page: { file, kind: "other", frontMatter: {}, properties: [], relationships: [], enums: [] }, diagnostics: [] });

describe("keys", () => {
  test("a key is the sha256 of the generator version, the path and the text", () => {
    const key = parseCacheKey({ path: "a.md", text: "x" });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(parseCacheKey({ path: "a.md", text: "x" })).toBe(key);
    expect(parseCacheKey({ path: "b.md", text: "x" })).not.toBe(key);
    expect(parseCacheKey({ path: "a.md", text: "y" })).not.toBe(key);
    expect(parseCacheKey({ path: "a.md", text: "x" }, `${CACHE_VERSION}-next`)).not.toBe(key);
    // the parts are separated, so moving text between path and text is a different key
    expect(parseCacheKey({ path: "a.m", text: "dx" })).not.toBe(key);
  });
});

describe("the cache never changes the output", () => {
  test("byte-identical files and identical diagnostics without a cache, with a cold and a warm disk cache, and after a page edit", async () => {
    const cache = new DiskParseCache(path.join(tmp, "cache"));
    const plain = await produce({});
    expect(plain.cache).toBeUndefined();
    const cold = await produce({ cache });
    const pages = (await readdir(docs)).length;
    const stored = await entries(path.join(tmp, "cache"));
    const chunks = stored.chunks.length;
    expect(chunks).toBeGreaterThanOrEqual(plain.files.length);
    expect(cold.cache).toEqual({ hits: 0, misses: pages, chunkHits: 0, chunkMisses: chunks });
    expect(stored.pages.length).toBe(pages);
    const warm = await produce({ cache });
    expect(warm.cache).toEqual({ hits: pages, misses: 0, chunkHits: chunks, chunkMisses: 0 });
    for (const run of [cold, warm]) {
      expect(run.files).toEqual(plain.files);
      expect(run.diagnostics).toEqual(plain.diagnostics);
    }

    // One page changes: exactly that page is parsed again, only the chunks whose text changed are formatted again,
    // and the output is what a run without a cache makes.
    const page = path.join(docs, "publicerror.md");
    const text = await readFile(page, "utf8");
    await writeFile(page, text.replace(/\|\s*code\s*\|\s*String\s*\|/i, "|code|Int32|"));
    const editedPlain = await produce({});
    expect(editedPlain.files).not.toEqual(plain.files);
    const edited = await produce({ cache });
    expect(edited.cache).toMatchObject({ hits: pages - 1, misses: 1 });
    const changedFiles = edited.files.filter((file, i) => file.text !== plain.files[i]!.text).length;
    expect(changedFiles).toBe(1);
    expect(edited.cache?.chunkMisses).toBeGreaterThanOrEqual(1);
    expect(edited.cache?.chunkMisses).toBeLessThan(chunks);
    expect(edited.cache!.chunkHits! + edited.cache!.chunkMisses!).toBe(chunks);
    expect(edited.files).toEqual(editedPlain.files);
    expect(edited.diagnostics).toEqual(editedPlain.diagnostics);
  });

  test("a page with diagnostics, a page skipped as not a resource page, and a broken annotation come back the same from the cache", async () => {
    await writeFile(path.join(docs, "notes.md"), "# Notes\n\nNothing here.\n");
    await writeFile(path.join(docs, "broken.md"), resourcePage({ name: "broken", properties: ["|id|String|The id.|"] }).replace('"blockType": "resource",', '"blockType": "resource"'));
    const plain = await produce({});
    expect(plain.diagnostics.map((d) => d.kind)).toEqual(expect.arrayContaining(["not-a-resource-page", "invalid-annotation"]));
    const cache = new MemoryParseCache();
    await produce({ cache });
    const warm = await produce({ cache });
    expect(warm.cache?.misses).toBe(0);
    expect(warm.files).toEqual(plain.files);
    expect(warm.diagnostics).toEqual(plain.diagnostics);
  });

  test("the limits are checked in front of the cache: a cached page past a limit is still refused", async () => {
    const sources = [{ path: "a.md", text: resourcePage({ name: "a", properties: ["|id|String|The id.|", "|name|String|The name.|"] }) }];
    const options = { templates: await templates(), sourceLabels: ["fixtures"] };
    const cache = new MemoryParseCache();
    await runPipeline(sources, { ...options, cache });
    const limits = { markdown: { maxTableRows: 1 } };
    const limited = await runPipeline(sources, { ...options, cache, limits });
    expect(limited.cache).toMatchObject({ hits: 0, misses: 0 });
    expect(limited.diagnostics.map((d) => d.kind)).toEqual(["table-too-large"]);
    expect(limited.files).toEqual((await runPipeline(sources, { ...options, limits })).files);
  });

  test("runPipeline counts hits and misses only with a cache", async () => {
    const sources = [{ path: "a.md", text: resourcePage({ name: "a", properties: ["|id|String|The id.|"] }) }];
    const options = { templates: await templates(), sourceLabels: ["fixtures"] };
    expect((await runPipeline(sources, options)).cache).toBeUndefined();
    const cache = new MemoryParseCache();
    const cold = (await runPipeline(sources, { ...options, cache })).cache;
    expect(cold).toEqual({ hits: 0, misses: 1, chunkHits: 0, chunkMisses: expect.any(Number) });
    expect((await runPipeline(sources, { ...options, cache })).cache).toEqual({ hits: 1, misses: 0, chunkHits: cold!.chunkMisses, chunkMisses: 0 });
  });
});

describe("bad cache entries are misses, never errors", () => {
  test("corrupt, truncated, foreign and unreadable entries are parsed again, with the same output", async () => {
    const dir = path.join(tmp, "cache");
    const cache = new DiskParseCache(dir);
    const plain = await produce({ cache });
    const files = (await readdir(dir)).sort();
    const { pages, chunks } = await entries(dir);
    const garbage = ["not json", '{"key":"', "null", "[]", JSON.stringify({ key: "0".repeat(64), value: { diagnostics: [] } }), JSON.stringify({ key: files[5]!.slice(0, 64), value: { page: 3, diagnostics: [] } })];
    for (const [i, file] of files.entries()) {
      if (i < garbage.length) await writeFile(path.join(dir, file), garbage[i]!);
      else {
        // not a file at all: reading it fails
        await rm(path.join(dir, file));
        await mkdir(path.join(dir, file));
      }
    }
    const again = await produce({ cache });
    expect(again.cache).toEqual({ hits: 0, misses: pages.length, chunkHits: 0, chunkMisses: chunks.length });
    expect(again.files).toEqual(plain.files);
    expect(again.diagnostics).toEqual(plain.diagnostics);
  });

  test("a cache folder that cannot be created is no error: every page is parsed", async () => {
    const blocker = path.join(tmp, "blocker");
    await writeFile(blocker, "a file where the cache folder would go\n");
    const cache = new DiskParseCache(path.join(blocker, "cache"));
    const plain = await produce({});
    const first = await produce({ cache });
    const second = await produce({ cache });
    expect(second.cache?.hits).toBe(0);
    expect(first.files).toEqual(plain.files);
    expect(second.diagnostics).toEqual(plain.diagnostics);
  });

  test("a key that is not a hash is neither read nor written", () => {
    const cache = new DiskParseCache(path.join(tmp, "cache"));
    cache.set("../escape", entry());
    expect(cache.get("../escape")).toBeUndefined();
    cache.setChunk("../escape", "x");
    expect(cache.getChunk("../escape")).toBeUndefined();
  });

  test("a page entry is never read as a chunk, nor a chunk as a page", () => {
    const cache = new DiskParseCache(path.join(tmp, "cache"));
    const key = "a".repeat(64);
    cache.set(key, entry());
    expect(cache.getChunk(key)).toBeUndefined();
    cache.setChunk(key, "export type A = string;\n");
    expect(cache.get(key)?.page?.file).toBe("page.md");
    expect(cache.getChunk(key)).toBe("export type A = string;\n");
  });
});

describe("the in-memory and layered caches", () => {
  test("a memory hit is a copy: changing it does not change the next hit", () => {
    const cache = new MemoryParseCache();
    cache.set("k", entry());
    cache.get("k")!.page!.properties.push({} as never);
    expect(cache.get("k")!.page!.properties).toEqual([]);
  });

  test("the layered cache reads the front first, fills it from the back, and writes both", () => {
    const front = new MemoryParseCache();
    const back = new MemoryParseCache();
    const cache = new LayeredParseCache(front, back);
    back.set("k", entry("back.md"));
    expect(cache.get("k")?.page?.file).toBe("back.md");
    expect(front.get("k")?.page?.file).toBe("back.md");
    cache.set("j", entry("both.md"));
    expect(front.get("j")?.page?.file).toBe("both.md");
    expect(back.get("j")?.page?.file).toBe("both.md");
    back.setChunk("c", "from the back");
    expect(cache.getChunk("c")).toBe("from the back");
    expect(front.getChunk("c")).toBe("from the back");
    cache.setChunk("d", "both");
    expect([front.getChunk("d"), back.getChunk("d")]).toEqual(["both", "both"]);
  });
});

describe("the CLI", () => {
  test("caches on disk under node_modules/.cache/graph-typegen in a project; --cache-dir moves it; --no-cache turns it off", async () => {
    const out = path.join(tmp, "out");
    // Outside a project (no node_modules/), a run leaves no cache behind.
    const outside = await runCli(["generate", "docs", "--out", out], tmp);
    expect(outside.code).toBe(EXIT.ok);
    expect((await readdir(tmp)).sort()).toEqual(["docs", "out"]);
    await mkdir(path.join(tmp, "node_modules"));
    const first = await runCli(["generate", "docs", "--out", out], tmp);
    expect(first).toEqual(outside);
    const pages = (await readdir(docs)).length;
    expect((await entries(path.join(tmp, "node_modules", ".cache", "graph-typegen"))).pages.length).toBe(pages);

    const custom = await runCli(["generate", "docs", "--out", out, "--cache-dir", "my-cache"], tmp);
    expect(custom).toEqual(first);
    expect((await entries(path.join(tmp, "my-cache"))).pages.length).toBe(pages);

    await rm(path.join(tmp, "node_modules"), { recursive: true });
    const none = await runCli(["generate", "docs", "--out", out, "--no-cache"], tmp);
    expect(none).toEqual(first);
    expect((await readdir(tmp)).sort()).toEqual(["docs", "my-cache", "out"]);
  });
});
