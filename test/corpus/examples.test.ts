import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jest } from "@jest/globals";
import { readSources } from "../../generator/read/sources.js";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import { exportedTypes, qualified } from "../compat/exported.js";
import { CORPUS, describeIfCorpus, ROOT, templates } from "../helpers.js";
import { extractExamples, type Extraction } from "./examples.js";
import { describeFit, measureFit, type Fit } from "./fit.js";
import { modulesTarget, officialTarget, singleTarget } from "./fit-targets.js";

jest.setTimeout(600_000);

const OFFICIAL = path.join(ROOT, "node_modules", "microsoft-graph-types-2.1.0", "microsoft-graph.d.ts");

async function run(inputs: string[], csdl: string[], layout: "modules" | "single"): Promise<PipelineResult> {
  const docs = inputs.length ? (await readSources(inputs, ROOT)).sources : [];
  const metadata = csdl.length ? (await readSources(csdl, ROOT, { kind: "csdl" })).sources : [];
  return runPipeline([...docs, ...metadata], { templates: await templates(), sourceLabels: ["corpus"], layout });
}

describeIfCorpus("graph-docs/v1.0-api")("the docs' response examples against the generated types", () => {
  let extraction: Extraction;
  const fits = new Map<string, Fit>();
  beforeAll(async () => {
    extraction = extractExamples(path.join(CORPUS, "graph-docs/v1.0-api"));
    const csdl = [path.join(CORPUS, "csdl/v1.0-2021-07-20.xml")];
    const docs = [path.join(CORPUS, "graph-docs/v1.0")];
    const csdlModules = await run([], csdl, "modules");
    fits.set("csdl modules", measureFit(extraction.examples, modulesTarget("ours, CSDL v1.0-2021-07-20, modules", csdlModules)));
    const docsModules = await run(docs, [], "modules");
    fits.set("docs modules", measureFit(extraction.examples, modulesTarget("ours, docs v1.0, modules", docsModules)));
    const csdlSingle = await run([], csdl, "single");
    fits.set("csdl single", measureFit(extraction.examples, singleTarget("ours, CSDL v1.0-2021-07-20, single", csdlSingle)));
    const exported = new Set(exportedTypes(OFFICIAL, readFileSync(OFFICIAL, "utf8")).map(qualified));
    fits.set("official", measureFit(extraction.examples, officialTarget("@microsoft/microsoft-graph-types 2.1.0", csdlSingle, OFFICIAL, exported)));
  });

  test("figures", () => {
    const n = extraction.examples.length;
    const lines = [`${n} examples (${extraction.collectionsNotAnnotated} read as collections their annotation does not say); dropped: ${JSON.stringify(extraction.dropped)}`, ...[...fits.values()].map((f) => describeFit(f, n))];
    for (const fit of fits.values()) lines.push(`census ${fit.label}: ${fit.census.slice(0, 25).map(([k, v]) => `${k} ${v}`).join("; ")}`);
    process.stderr.write(`${lines.join("\n")}\n`);
    if (process.env.FIT_DUMP) writeFileSync(process.env.FIT_DUMP, JSON.stringify(Object.fromEntries([...fits].map(([k, f]) => [k, { misfits: f.misfits, annotations: f.annotationMisfits }])), null, 1));
    expect(n).toBeGreaterThan(1000);
  });
});
