#!/usr/bin/env node
// `npm run bench`: times each stage of a full generation over the real corpus, with peak memory, the floors (every
// page through the Markdown parser alone, on one thread; the XML parser alone), and a re-run after one page
// changed. Each scenario runs in its own process, so its peak memory and its start-up are its own; "process" is
// the time since that process started (node, module loading and all), the figure a user waits for.
// Figures go into README.md by hand; tests never assert timings.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CORPUS = process.env.GRAPH_TYPEGEN_CORPUS ? path.resolve(process.env.GRAPH_TYPEGEN_CORPUS) : path.resolve(ROOT, "..", "shared", "corpus");
const CLI = path.join(ROOT, "dist", "cli", "main.js");
const dist = (module) => import(path.join(ROOT, "dist", module));

const SCENARIOS = {
  "docs v1.0": { kind: "pipeline", inputs: ["graph-docs/v1.0"] },
  "docs beta": { kind: "pipeline", inputs: ["graph-docs/beta"] },
  "docs v1.0, 1 thread": { kind: "pipeline", inputs: ["graph-docs/v1.0"], threads: 0 },
  "docs beta, 1 thread": { kind: "pipeline", inputs: ["graph-docs/beta"], threads: 0 },
  "csdl v1.0.xml": { kind: "pipeline", csdl: ["csdl/v1.0.xml"] },
  "csdl beta-2021-06-08": { kind: "pipeline", csdl: ["csdl/beta-2021-06-08.xml"] },
  "re-run v1.0, 1 page changed (CLI)": { kind: "rerun-cli", dir: "graph-docs/v1.0" },
  "re-run v1.0, 1 page changed (watch)": { kind: "rerun-watch", dir: "graph-docs/v1.0" },
  "floor: mdast v1.0": { kind: "floor", dir: "graph-docs/v1.0" },
  "floor: mdast beta": { kind: "floor", dir: "graph-docs/beta" },
  "floor: xml v1.0.xml": { kind: "xml-floor", file: "csdl/v1.0.xml" },
  // emit "js": what a consumer's tsc reads is declarations. Like for like: v1.0.xml (2026, 2,962 structured types)
  // with the official package's newest release, 2.43.1 (1,943 interfaces); the 2021-07-20 metadata (1,025) with
  // 2.1.0 (996), the release made from metadata of that time.
  "consumer: csdl v1.0.xml": { kind: "consumer", csdl: ["csdl/v1.0.xml"], emit: "js", official: "2.43.1" },
  "consumer: csdl v1.0-2021-07-20.xml": { kind: "consumer", csdl: ["csdl/v1.0-2021-07-20.xml"], emit: "js", official: "2.1.0" },
};

/** A consumer's file: a few uses of the types and one guard, as an SDK's code would have them. */
const CONSUMER = (from, guard) => `import type * as g from "${from}";
${guard ? `import { isUser } from "${from}";\n` : ""}export function name(u: g.microsoftGraph.User | g.User): string { return u.displayName ?? ""; }
export const m: Partial<g.microsoftGraph.Message> = { subject: "x" };
${guard ? "export const ok = (v: unknown): boolean => isUser(v);\n" : ""}`;

const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const OFFICIAL = {
  "2.1.0": path.join(ROOT, "node_modules", "microsoft-graph-types-2.1.0", "microsoft-graph.d.ts"),
  "2.43.1": path.join(ROOT, "node_modules", "@microsoft", "microsoft-graph-types", "microsoft-graph.d.ts"),
};

/** A tsconfig as a consumer's: --strict --skipLibCheck --noEmit, Node's ESM resolution, one root file. */
function tsconfig(dir, name, root, paths) {
  const compilerOptions = { strict: true, skipLibCheck: true, noEmit: true, types: [], target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", ...(paths ? { paths } : {}) };
  writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [root] }));
  return path.join(dir, `tsconfig.${name}.json`);
}

/** The tsc command line, as a consumer runs it, `runs` times each, interleaved (so a noisy moment hits all alike); the median wall time of each, and its error count. */
function tscMedians(configs, runs = 5) {
  const times = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
  const errors = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, config] of Object.entries(configs)) {
      const start = performance.now();
      try {
        execFileSync(process.execPath, [TSC, "-p", config], { encoding: "utf8" });
        errors[name] = 0;
      } catch (error) {
        errors[name] = (String(error.stdout).match(/error TS/g) ?? []).length;
      }
      times[name].push(performance.now() - start);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])), errors };
}

/**
 * Bundle size of one guard (esbuild, minified) and the tsc time of a consumer file, ours (declarations, emit "js")
 * next to the official package and next to tsc on an empty file (its start-up and the standard library: the floor).
 */
async function consumerFigures(result, stages, figures, release) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-consumer-"));
  try {
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    for (const file of result.files) writeFileSync(path.join(dir, file.path), file.text);
    figures.declarationBytes = result.files.filter((f) => f.path.endsWith(".d.ts")).reduce((n, f) => n + f.text.length, 0);
    writeFileSync(path.join(dir, "guard.ts"), 'import { isUser } from "./index.js";\nconsole.log(isUser(JSON.parse(process.argv[2] ?? "{}")));\n');
    const esbuild = await import("esbuild");
    const bundle = await timed(stages, "bundle", () => esbuild.build({ entryPoints: [path.join(dir, "guard.ts")], bundle: true, minify: true, format: "esm", write: false, platform: "node" }));
    figures.oneGuardBundleBytes = bundle.outputFiles[0].contents.length;
    writeFileSync(path.join(dir, "ours.ts"), CONSUMER("./index.js", true));
    writeFileSync(path.join(dir, "official.ts"), `import type * as o from "official";\nexport function name(u: o.User): string { return u.displayName ?? ""; }\nexport const m: Partial<o.Message> = { subject: "x" };\n`);
    writeFileSync(path.join(dir, "empty.ts"), "export const x = 1;\n");
    const configs = { ours: tsconfig(dir, "ours", "ours.ts"), official: tsconfig(dir, "official", "official.ts", { official: [OFFICIAL[release]] }), empty: tsconfig(dir, "empty", "empty.ts") };
    const { medians, errors } = await timed(stages, "tsc runs", () => tscMedians(configs));
    Object.assign(stages, { "tsc consumer (ours)": medians.ours, "tsc consumer (official)": medians.official, "tsc empty file": medians.empty });
    figures.official = release;
    figures.tscErrors = errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Round two (issue 16): the docs against the parse floor measured in the same run, so a slow day moves both.
const TARGETS = { docsShareOfFloor: 0.5, csdl: 2_500, rerun: 600, memoryMiB: 1024 };

async function timed(stages, name, work) {
  const start = performance.now();
  const result = await work();
  stages[name] = performance.now() - start;
  return result;
}

/** A copy of a docs folder in a project folder (node_modules/ present, so the CLI keeps its disk cache there). */
function project(dir) {
  const root = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-bench-"));
  mkdirSync(path.join(root, "node_modules"));
  cpSync(path.join(CORPUS, dir), path.join(root, "docs"), { recursive: true });
  return root;
}

/** One page edited the way a docs author would: a property's type changes. */
function editOnePage(root) {
  const file = path.join(root, "docs", "user.md");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/\|\s*aboutMe\s*\|\s*String\s*\|/, "|aboutMe|Int32|"));
}

async function runScenario(name) {
  const scenario = SCENARIOS[name];
  const stages = {};
  const started = performance.now();
  const figures = {};
  if (scenario.kind === "xml-floor") {
    const { XMLParser } = await import("fast-xml-parser");
    const text = await timed(stages, "read", () => readFileSync(path.join(CORPUS, scenario.file), "utf8"));
    await timed(stages, "parse", () => new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(text));
    figures.bytes = text.length;
  } else if (scenario.kind === "floor") {
    const { parseMdast } = await dist("markdown/mdast.js");
    const { parseMarkdownPage } = await dist("markdown/page.js");
    const { DEFAULT_MARKDOWN_LIMITS } = await dist("markdown/limits.js");
    const dir = path.join(CORPUS, scenario.dir);
    const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
    const texts = await timed(stages, "read", () => files.map((f) => readFileSync(path.join(dir, f), "utf8")));
    await timed(stages, "parse", () => texts.forEach((text) => parseMdast(text)));
    // The least text a remark-based adapter must parse: the table rows the readers read, with the headings and
    // comments that place them, every other line blanked (the JSON block, the intro, prose: all left out).
    const { pruneUnreadSections } = await dist("markdown/prune.js");
    const rows = texts.map((text) => pruneUnreadSections(text).split("\n").map((line) => (/^\s*\||^#|<!--|-->/.test(line) ? line : "")).join("\n"));
    await timed(stages, "table rows only", () => rows.forEach((text) => parseMdast(text)));
    figures.pages = texts.length;
    figures.characters = texts.reduce((n, t) => n + t.length, 0);
    // How close the slowest page comes to the per-page time budget (the whole adapter, as a worker runs it).
    let slowest = { file: "", ms: 0 };
    files.forEach((file, i) => {
      const start = performance.now();
      parseMarkdownPage({ path: file, text: texts[i] });
      const ms = performance.now() - start;
      if (ms > slowest.ms) slowest = { file, ms: Math.round(ms) };
    });
    figures.slowestPage = { ...slowest, budgetMs: DEFAULT_MARKDOWN_LIMITS.pageTimeoutMs, shareOfBudget: +(slowest.ms / DEFAULT_MARKDOWN_LIMITS.pageTimeoutMs).toFixed(3) };
  } else if (scenario.kind === "rerun-cli") {
    // Three processes, as a user runs them: the first fills the cache, an edit, then the timed run.
    const root = project(scenario.dir);
    const cli = () => execFileSync(process.execPath, [CLI, "generate", "docs", "--out", "out", "--quiet"], { cwd: root, stdio: "ignore" });
    try {
      cli();
    } catch {
      // diagnostics with errors exit 1; the output is written all the same
    }
    editOnePage(root);
    const start = performance.now();
    const rusage = await timed(stages, "cli", () => {
      try {
        cli();
      } catch {
        // as above
      }
      return process.resourceUsage();
    });
    figures.wallMs = Math.round(performance.now() - start);
    rmSync(root, { recursive: true, force: true });
    // The timed run was a child: its own peak is not ours, so report the wall time only (peak: see the watch run).
    return { name, wall: figures.wallMs, process: figures.wallMs, stages, peakRssMiB: rusage.maxRSS / 1024, figures, childPeakUnknown: true };
  } else if (scenario.kind === "rerun-watch") {
    // What --watch does: one process, an in-memory cache and a warm pool kept between runs.
    const { generate, MemoryParseCache, WorkerPool } = await dist("index.js");
    const root = project(scenario.dir);
    const cache = new MemoryParseCache();
    const pool = WorkerPool.create();
    const run = () => generate({ cwd: root, inputs: ["docs"], out: path.join(root, "out"), cache, ...(pool ? { pool } : {}) });
    await timed(stages, "first run", run);
    editOnePage(root);
    const result = await timed(stages, "re-run", run);
    figures.cache = result.cache;
    figures.timings = Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v)]));
    await pool?.close();
    rmSync(root, { recursive: true, force: true });
    return { name, wall: stages["re-run"], process: performance.now(), stages, peakRssMiB: process.resourceUsage().maxRSS / 1024, figures };
  } else {
    // The real pipeline, as generate() runs it: read, parse (threads), model, emit, format, write.
    const { readSources } = await dist("read/sources.js");
    const { readTemplates } = await dist("read/templates.js");
    const { runPipeline } = await dist("pipeline.js");
    const { writeOutput } = await dist("write/atomic.js");
    const templates = await readTemplates();
    const read = await timed(stages, "read files", () =>
      scenario.inputs ? readSources(scenario.inputs.map((d) => path.join(CORPUS, d)), ROOT) : readSources(scenario.csdl.map((f) => path.join(CORPUS, f)), ROOT, { extensions: [".xml"], kind: "csdl" }),
    );
    const sources = read.sources;
    const result = await runPipeline(sources, { templates, sourceLabels: [...(scenario.inputs ?? []), ...(scenario.csdl ?? [])], ...(scenario.threads !== undefined ? { threads: scenario.threads } : {}), ...(scenario.emit ? { emit: scenario.emit } : {}) });
    Object.assign(stages, { parse: result.timings.read, model: result.timings.model, emit: result.timings.emit, format: result.timings.format, ...(result.timings.compile ? { compile: result.timings.compile } : {}) });
    if (scenario.kind === "consumer") {
      await consumerFigures(result, stages, figures, scenario.official);
      return { name, wall: performance.now() - started, process: performance.now(), stages, peakRssMiB: process.resourceUsage().maxRSS / 1024, figures };
    }
    const out = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-bench-"));
    await timed(stages, "write", () => writeOutput(path.join(out, "out"), result.files));
    rmSync(out, { recursive: true, force: true });
    const namespaces = result.model.namespaces;
    figures.threads = result.threads;
    figures.pages = result.pages.length;
    figures.entity = namespaces.reduce((n, ns) => n + ns.types.filter((t) => t.kind === "entity").length, 0);
    figures.complex = namespaces.reduce((n, ns) => n + ns.types.filter((t) => t.kind === "complex").length, 0);
    figures.enums = namespaces.reduce((n, ns) => n + ns.enums.length, 0);
    figures.operations = namespaces.reduce((n, ns) => n + ns.operations.length, 0);
    figures.outputBytes = result.files.reduce((n, f) => n + f.text.length, 0);
    figures.diagnostics = Object.fromEntries(
      [...result.diagnostics.reduce((m, d) => m.set(`${d.code} ${d.kind}`, (m.get(`${d.code} ${d.kind}`) ?? 0) + 1), new Map())].sort(),
    );
  }
  return { name, wall: performance.now() - started, process: performance.now(), stages, peakRssMiB: process.resourceUsage().maxRSS / 1024, figures };
}

const s = (n) => `${(n / 1000).toFixed(2)} s`;

async function main() {
  const only = process.argv.indexOf("--scenario");
  if (only !== -1) {
    process.stdout.write(JSON.stringify(await runScenario(process.argv[only + 1])));
    return;
  }
  if (!existsSync(CORPUS)) {
    console.log(`bench skipped: ${CORPUS} does not exist`);
    return;
  }
  console.log(`graph-typegen bench on ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}\n`);
  const results = new Map();
  for (const name of Object.keys(SCENARIOS)) {
    const json = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--scenario", name], { encoding: "utf8", maxBuffer: 64 << 20 });
    const result = JSON.parse(json);
    results.set(name, result);
    const stages = Object.entries(result.stages).map(([stage, t]) => `${stage} ${s(t)}`).join(", ");
    const peak = result.childPeakUnknown ? "" : `peak ${result.peakRssMiB.toFixed(0).padStart(4)} MiB`;
    console.log(`${name.padEnd(38)} process ${s(result.process).padStart(8)}  ${peak.padEnd(14)} (${stages})`);
  }
  const get = (name) => results.get(name);
  const both = get("docs v1.0").process + get("docs beta").process;
  const floor = get("floor: mdast v1.0").stages.parse + get("floor: mdast beta").stages.parse;
  console.log("\nTargets (process time, from node's start to the output written):");
  const line = (label, value, target, extra = "") => console.log(`  ${label.padEnd(44)} ${s(value).padStart(8)}  target ${s(target).padStart(7)}  ${value < target ? "met" : "NOT met"}${extra}`);
  line("docs v1.0 + docs beta", both, floor * TARGETS.docsShareOfFloor, `  (${(both / floor).toFixed(2)} x the single-thread parse floor of ${s(floor)}; target ${TARGETS.docsShareOfFloor} x)`);
  const rows = get("floor: mdast v1.0").stages["table rows only"] + get("floor: mdast beta").stages["table rows only"];
  console.log(`  ${"  of which remark on the table rows alone".padEnd(44)} ${s(rows).padStart(8)}  ${(rows / floor).toFixed(2)} x the floor, on one thread`);
  line("csdl v1.0.xml", get("csdl v1.0.xml").process, TARGETS.csdl, `  (${(get("csdl v1.0.xml").process / get("floor: xml v1.0.xml").stages.parse).toFixed(1)} x the XML parser alone)`);
  line("re-run v1.0 after one page changed (CLI)", get("re-run v1.0, 1 page changed (CLI)").wall, TARGETS.rerun);
  line("re-run v1.0 after one page changed (watch)", get("re-run v1.0, 1 page changed (watch)").wall, TARGETS.rerun);
  const peaks = [...results.values()].filter((r) => !r.childPeakUnknown).map((r) => r.peakRssMiB);
  console.log(`  ${"peak memory, largest run".padEnd(44)} ${`${Math.max(...peaks).toFixed(0)} MiB`.padStart(8)}  target ${`${TARGETS.memoryMiB} MiB`.padStart(7)}  ${Math.max(...peaks) < TARGETS.memoryMiB ? "met" : "NOT met"}`);
  for (const name of ["floor: mdast v1.0", "floor: mdast beta"]) {
    const slow = get(name).figures.slowestPage;
    console.log(`  ${`slowest page, ${name.slice(13)} (${slow.file})`.padEnd(44)} ${s(slow.ms).padStart(8)}  budget ${s(slow.budgetMs).padStart(7)}  ${(slow.shareOfBudget * 100).toFixed(1)}% of it`);
  }
  for (const metadata of ["v1.0.xml", "v1.0-2021-07-20.xml"]) {
    const consumer = get(`consumer: csdl ${metadata}`);
    console.log(`  ${`isUser from index.js, esbuild --minify (${metadata})`.padEnd(44)} ${`${(consumer.figures.oneGuardBundleBytes / 1024).toFixed(1)} KB`.padStart(8)}  target   60 KB  ${consumer.figures.oneGuardBundleBytes < 60 * 1024 ? "met" : "NOT met"}`);
    const [ours, official, empty] = ["tsc consumer (ours)", "tsc consumer (official)", "tsc empty file"].map((k) => consumer.stages[k]);
    const ratio = ours / official;
    console.log(`  ${`consumer tsc, emit js (${metadata})`.padEnd(44)} ${s(ours).padStart(8)}  official ${consumer.figures.official} ${s(official)}: ${ratio.toFixed(2)} x, target 1.5 x  ${ratio <= 1.5 ? "met" : "NOT met"}  (tsc on an empty file ${s(empty)}; errors ${JSON.stringify(consumer.figures.tscErrors)})`);
  }
  for (const name of ["csdl v1.0.xml", "docs v1.0", "docs beta", "re-run v1.0, 1 page changed (watch)"]) console.log(`\n${name}: ${JSON.stringify(get(name).figures)}`);
}

await main();
