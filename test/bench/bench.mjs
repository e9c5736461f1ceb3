#!/usr/bin/env node
// `npm run bench`: times each stage of a full generation over the real corpus, with peak memory, and the floor
// (every page through the Markdown parser alone, on one thread). Each scenario runs in its own process so its
// peak memory is its own. Figures go into README.md by hand; tests never assert timings.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CORPUS = path.resolve(ROOT, "..", "shared", "corpus");
const dist = (module) => import(path.join(ROOT, "dist", module));

const SCENARIOS = {
  "docs v1.0": { kind: "docs", dir: "graph-docs/v1.0" },
  "docs beta": { kind: "docs", dir: "graph-docs/beta" },
  "floor: mdast v1.0": { kind: "floor", dir: "graph-docs/v1.0" },
  "floor: mdast beta": { kind: "floor", dir: "graph-docs/beta" },
  "csdl v1.0.xml": { kind: "csdl", file: "csdl/v1.0.xml" },
  "csdl beta-2021-06-08": { kind: "csdl", file: "csdl/beta-2021-06-08.xml" },
  "floor: xml v1.0.xml": { kind: "xml-floor", file: "csdl/v1.0.xml" },
};

async function timed(stages, name, work) {
  const start = performance.now();
  const result = await work();
  stages[name] = performance.now() - start;
  return result;
}

async function runScenario(name) {
  const scenario = SCENARIOS[name];
  const dir = scenario.dir ? path.join(CORPUS, scenario.dir) : "";
  const stages = {};
  const started = performance.now();
  const figures = {};
  if (scenario.kind === "xml-floor") {
    const { XMLParser } = await import("fast-xml-parser");
    const text = await timed(stages, "read", () => readFileSync(path.join(CORPUS, scenario.file), "utf8"));
    await timed(stages, "parse", () => new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(text));
    figures.bytes = text.length;
  } else if (scenario.kind === "csdl") {
    const { parseCsdl } = await dist("csdl/parse.js");
    const { modelFromCsdl } = await dist("model/csdl-build.js");
    const { readTemplates } = await dist("read/templates.js");
    const { emitModel } = await dist("emit/index.js");
    const { formatFiles } = await dist("format/prettier.js");
    const { writeOutput } = await dist("write/atomic.js");
    const templates = await readTemplates();
    const text = await timed(stages, "read", () => readFileSync(path.join(CORPUS, scenario.file), "utf8"));
    const parsed = await timed(stages, "parse", () => parseCsdl({ path: scenario.file, text }));
    const built = await timed(stages, "model", () => modelFromCsdl([parsed.document]));
    const emitted = await timed(stages, "emit", () => emitModel(built.model, { templates, sources: [scenario.file] }));
    const files = await timed(stages, "format", () => formatFiles(emitted));
    const out = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-bench-"));
    await timed(stages, "write", () => writeOutput(path.join(out, "out"), files));
    rmSync(out, { recursive: true, force: true });
    const sum = (key) => built.model.namespaces.reduce((n, ns) => n + ns[key].length, 0);
    figures.entity = built.model.namespaces.reduce((n, ns) => n + ns.types.filter((t) => t.kind === "entity").length, 0);
    figures.complex = built.model.namespaces.reduce((n, ns) => n + ns.types.filter((t) => t.kind === "complex").length, 0);
    figures.enums = sum("enums");
    figures.operations = sum("operations");
    figures.outputBytes = files.reduce((n, f) => n + f.text.length, 0);
    figures.diagnostics = [...parsed.diagnostics, ...built.diagnostics].length;
  } else if (scenario.kind === "floor") {
    const { parseMdast } = await dist("markdown/mdast.js");
    const texts = await timed(stages, "read", () => readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(path.join(dir, f), "utf8")));
    await timed(stages, "parse", () => texts.forEach((text) => parseMdast(text)));
    figures.pages = texts.length;
    figures.characters = texts.reduce((n, t) => n + t.length, 0);
  } else {
    const { readSources } = await dist("read/sources.js");
    const { readTemplates } = await dist("read/templates.js");
    const { parseMarkdownPage } = await dist("markdown/page.js");
    const { buildModel } = await dist("model/build.js");
    const { emitModel } = await dist("emit/index.js");
    const { formatFiles } = await dist("format/prettier.js");
    const { writeOutput } = await dist("write/atomic.js");
    const templates = await readTemplates();
    const read = await timed(stages, "read", () => readSources([dir], ROOT));
    const parsed = await timed(stages, "parse", () => read.sources.map((source) => parseMarkdownPage(source)));
    const built = await timed(stages, "model", () => buildModel(parsed.map((p) => p.page)));
    const emitted = await timed(stages, "emit", () => emitModel(built.model, { templates, sources: [scenario.dir] }));
    const files = await timed(stages, "format", () => formatFiles(emitted));
    const out = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-bench-"));
    await timed(stages, "write", () => writeOutput(path.join(out, "out"), files));
    rmSync(out, { recursive: true, force: true });
    const diagnostics = [...parsed.flatMap((p) => p.diagnostics), ...built.diagnostics];
    figures.pages = read.sources.length;
    figures.types = built.model.namespaces.reduce((n, ns) => n + ns.types.length, 0);
    figures.enums = built.model.namespaces.reduce((n, ns) => n + ns.enums.length, 0);
    figures.namespaces = built.model.namespaces.length;
    figures.outputBytes = files.reduce((n, f) => n + f.text.length, 0);
    figures.diagnostics = Object.fromEntries(
      [...diagnostics.reduce((m, d) => m.set(`${d.code} ${d.kind}`, (m.get(`${d.code} ${d.kind}`) ?? 0) + 1), new Map())].sort(),
    );
  }
  const wall = performance.now() - started;
  return { name, wall, stages, peakRssMiB: process.resourceUsage().maxRSS / 1024, figures };
}

const ms = (n) => `${(n / 1000).toFixed(2)} s`;

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
  const results = [];
  for (const name of Object.keys(SCENARIOS)) {
    const json = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--scenario", name], { encoding: "utf8", maxBuffer: 64 << 20 });
    const result = JSON.parse(json);
    results.push(result);
    const stages = Object.entries(result.stages).map(([stage, t]) => `${stage} ${ms(t)}`).join(", ");
    console.log(`${name.padEnd(20)} ${ms(result.wall).padStart(8)}  peak ${result.peakRssMiB.toFixed(0).padStart(5)} MiB  (${stages})`);
  }
  const csdl = results.find((r) => r.name === "csdl v1.0.xml");
  const xmlFloor = results.find((r) => r.name === "floor: xml v1.0.xml");
  console.log(`\ncsdl v1.0.xml: whole run = ${(csdl.wall / xmlFloor.wall).toFixed(2)} x the XML parser alone`);
  console.log(JSON.stringify(csdl.figures, null, 2));
  for (const version of ["v1.0", "beta"]) {
    const run = results.find((r) => r.name === `docs ${version}`);
    const floor = results.find((r) => r.name === `floor: mdast ${version}`);
    console.log(`\ndocs ${version}: whole run = ${(run.wall / floor.wall).toFixed(2)} x the single-thread Markdown parse floor`);
    console.log(JSON.stringify(run.figures, null, 2));
  }
}

await main();
