import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jest } from "@jest/globals";
import { readSources } from "../../generator/read/sources.js";
import { emitModel } from "../../generator/emit/index.js";
import { formatFiles } from "../../generator/format/prettier.js";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import { exportedTypes, qualified } from "../compat/exported.js";
import { CORPUS, describeIfCorpus, ROOT, templates } from "../helpers.js";
import { extractExamples, type Extraction } from "./examples.js";
import { docsRun } from "./docs.js";
import { describeFit, measureFit, type Fit, type Misfit } from "./fit.js";
import { modulesTarget, officialTarget, singleTarget } from "./fit-targets.js";
import { fuzzMutations, guardsOf, objectsOf, withoutAnnotations } from "./guards.js";
import { loadOutput } from "../guards/load.js";

/** Fits (of 1,066 examples) reached on 2026-12-02; the suite fails when a change loses any. */
const FLOORS: Record<string, { asWritten: number; withoutAnnotations: number }> = {
  "csdl modules": { asWritten: 812, withoutAnnotations: 829 },
  "docs modules": { asWritten: 767, withoutAnnotations: 788 },
  "csdl single": { asWritten: 727, withoutAnnotations: 753 },
};

const SINGLE_KEEPS_DECLARED = "the single layout keeps the declared base type, as the official package does (a drop-in; the modules layout takes the Any* union), and the official package's base is an empty interface, which takes any object";
const SINGLE_NO_INDEX = "open dictionary: the single layout has no index signature (it would make the official package's types unassignable to ours); the official package's is an empty interface";
const DOCS_LACK_BASE = "the docs page does not state the base type (entity or directoryObject) the metadata gives it";
const DOCS_LACK_PROPERTY = "the docs page's Properties table does not list this property, or the base page lacks it";
const DOCS_WRONG_TYPE = "the docs page types this property otherwise than the metadata does";

/**
 * Examples that fit the official 2.1.0 package (annotations removed) and not ours, by the type (or, for a value of
 * the wrong kind, the property) the misfit is at, with the reason. The CSDL modules output has none.
 */
const OFFICIAL_FITS_OURS_NOT: Record<string, Record<string, string>> = {
  "csdl modules": {},
  "csdl single": {
    AccessReviewScope: SINGLE_KEEPS_DECLARED,
    ApiAuthenticationConfigurationBase: SINGLE_KEEPS_DECLARED,
    EducationAssignmentGradeType: SINGLE_KEEPS_DECLARED,
    EducationSubmissionRecipient: SINGLE_KEEPS_DECLARED,
    IpRange: SINGLE_KEEPS_DECLARED,
    DetailsInfo: SINGLE_NO_INDEX,
    PlannerAssignments: SINGLE_NO_INDEX,
    PlannerExternalReferences: SINGLE_NO_INDEX,
    PlannerOrderHintsByAssignee: SINGLE_NO_INDEX,
    PlannerUserIds: SINGLE_NO_INDEX,
    Properties: SINGLE_NO_INDEX,
  },
  "docs modules": {
    AdministrativeUnit: DOCS_LACK_PROPERTY,
    AppRoleAssignment: DOCS_LACK_BASE,
    DirectoryRole: DOCS_LACK_PROPERTY,
    EducationAssignmentGradeType: DOCS_LACK_PROPERTY,
    EducationAssignmentPointsGrade: DOCS_LACK_PROPERTY,
    EducationFeedbackOutcome: DOCS_LACK_BASE,
    EducationRubric: DOCS_LACK_BASE,
    EducationSubmissionRecipient: DOCS_LACK_PROPERTY,
    ExtensionProperty: DOCS_LACK_BASE,
    GroupSettingTemplate: DOCS_LACK_PROPERTY,
    PrintJobConfiguration: DOCS_LACK_PROPERTY,
    PrintUsageByPrinter: DOCS_LACK_PROPERTY,
    Properties: DOCS_LACK_PROPERTY,
    RiskyUserHistoryItem: DOCS_LACK_PROPERTY,
    ServicePrincipal: DOCS_WRONG_TYPE,
    SignIn: DOCS_LACK_PROPERTY,
    SwapShiftsChangeRequest: DOCS_LACK_BASE,
    TimeOffRequest: DOCS_LACK_BASE,
    WorkforceIntegration: DOCS_LACK_BASE,
    availability: DOCS_WRONG_TYPE,
    isDeleted: DOCS_WRONG_TYPE,
    tokenIssuerType: DOCS_WRONG_TYPE,
  },
};

/** The type an excess property is reported against (`... does not exist in type 'X'`), else the property. */
const misfitSubject = (m: Misfit): string => /does not exist in type '(\w+)/.exec(m.message)?.[1] ?? m.property;

const OFFICIAL = path.join(ROOT, "node_modules", "microsoft-graph-types-2.1.0", "microsoft-graph.d.ts");

/** The metadata the docs snapshot is compared with (the corpus README's pair for drift checks: four days later). */
export const METADATA = path.join(CORPUS, "csdl", "v1.0-2021-07-20.xml");

let metadata: Promise<PipelineResult> | undefined;

/**
 * That metadata generated once per test file (modules layout), for the suites of docs-v1.0.test.ts that read it: the
 * response examples (both layouts: the single one is the emit and format stages over this run's model) and the
 * merge with the docs.
 */
export function metadataRun(): Promise<PipelineResult> {
  return (metadata ??= (async () => {
    const sources = (await readSources([METADATA], ROOT, { kind: "csdl" })).sources;
    return runPipeline(sources, { templates: await templates(), sourceLabels: ["corpus"], layout: "modules" });
  })());
}

/** The run with its model's files in the single layout: the pipeline's emit and format stages with `layout: "single"`. */
async function singleLayout(run: PipelineResult): Promise<PipelineResult> {
  const emitted = emitModel(run.model, { templates: await templates(), sources: ["corpus"], layout: "single" });
  return { ...run, files: await formatFiles(emitted.files) };
}

/**
 * The docs' response examples (graph-docs/v1.0-api) against four targets: ours from the metadata in both layouts,
 * ours from the docs (docs-v1.0.test.ts's run of graph-docs/v1.0, shared), and the official package.
 */
export function describeResponseExamples(): void {
  jest.setTimeout(600_000);
  describeIfCorpus("graph-docs/v1.0-api")("the docs' response examples against the generated types", () => {
    let extraction: Extraction;
    const fits = new Map<string, Fit>();
    let csdlModules: PipelineResult;
    let loaded: Awaited<ReturnType<typeof loadOutput>>;
    afterAll(() => loaded?.dispose());
    beforeAll(async () => {
      extraction = extractExamples(path.join(CORPUS, "graph-docs/v1.0-api"));
      csdlModules = await metadataRun();
      loaded = await loadOutput(csdlModules.files);
      fits.set("csdl modules", measureFit(extraction.examples, modulesTarget("ours, CSDL v1.0-2021-07-20, modules", csdlModules)));
      const docsModules = (await docsRun("v1.0")).result;
      // The docs output is compiled on its own by docs-v1.0.test.ts's "the whole output compiles", same options.
      fits.set("docs modules", measureFit(extraction.examples, { ...modulesTarget("ours, docs v1.0, modules", docsModules), filesCheckedElsewhere: true }));
      const csdlSingle = await singleLayout(csdlModules);
      fits.set("csdl single", measureFit(extraction.examples, singleTarget("ours, CSDL v1.0-2021-07-20, single", csdlSingle)));
      const exported = new Set(exportedTypes(OFFICIAL, readFileSync(OFFICIAL, "utf8")).map(qualified));
      fits.set("official", measureFit(extraction.examples, officialTarget("@microsoft/microsoft-graph-types 2.1.0", csdlSingle, OFFICIAL, exported)));
    });

    test("figures and census", () => {
      const n = extraction.examples.length;
      const lines = [`${n} examples (${extraction.collectionsNotAnnotated} read as collections their annotation does not say); dropped: ${JSON.stringify(extraction.dropped)}`, ...[...fits.values()].map((f) => describeFit(f, n))];
      for (const fit of fits.values()) lines.push(`census ${fit.label}: ${fit.census.slice(0, 25).map(([k, v]) => `${k} ${v}`).join("; ")}`);
      process.stderr.write(`${lines.join("\n")}\n`);
      if (process.env.FIT_DUMP) writeFileSync(process.env.FIT_DUMP, JSON.stringify(Object.fromEntries([...fits].map(([k, f]) => [k, { misfits: f.misfits, annotations: f.annotationMisfits }])), null, 1));
      expect(n).toBeGreaterThan(1000);
      for (const fit of fits.values()) expect(fit.census.length).toBeGreaterThan(0);
    });

    test.each(Object.entries(FLOORS))("%s fits no fewer examples than it reached", (key, floor) => {
      const fit = fits.get(key)!;
      expect({ asWritten: fit.asWritten >= floor.asWritten, withoutAnnotations: fit.withoutAnnotations >= floor.withoutAnnotations }).toEqual({ asWritten: true, withoutAnnotations: true });
    });

    test.each(Object.keys(FLOORS))("%s: every example that fits the official package but not ours is a listed difference", (key) => {
      const official = new Set(fits.get("official")!.misfits.map((m) => m.id));
      const unlisted = fits.get(key)!.misfits.filter((m) => !official.has(m.id) && !(misfitSubject(m) in OFFICIAL_FITS_OURS_NOT[key]!));
      expect(unlisted.map((m) => `${m.id} ${misfitSubject(m)}: ${m.message}`)).toEqual([]);
    });

    /** The objects of the examples that type-check against the CSDL modules output (annotations removed), with their guard. */
    function fittingObjects() {
      const misfits = new Set(fits.get("csdl modules")!.misfits.map((m) => m.id));
      const guards = guardsOf(csdlModules, loaded.index);
      return extraction.examples.flatMap((example) => {
        const found = guards(example.type);
        if (!found || misfits.has(example.id)) return [];
        return objectsOf(example).map((value) => ({ id: example.id, value, ...found }));
      });
    }

    test("the guards accept at least 99% of the objects of the examples that type-check, with and without @odata.*", () => {
      const objects = fittingObjects();
      const rejected = objects.filter((o) => !o.guard(o.value)).map((o) => o.id);
      const rejectedStripped = objects.filter((o) => !o.guard(withoutAnnotations(o.value))).map((o) => o.id);
      const withType = objects.filter((o) => typeof (o.value as Record<string, unknown>)["@odata.type"] === "string").length;
      process.stderr.write(`guards: ${objects.length} objects (${withType} with @odata.type): ${objects.length - rejected.length} accepted as written, ${objects.length - rejectedStripped.length} without annotations; rejected: ${[...new Set([...rejected, ...rejectedStripped])].join(", ") || "none"}\n`);
      expect(objects.length).toBeGreaterThan(800);
      expect(rejected.length).toBeLessThanOrEqual(objects.length * 0.01);
      expect(rejectedStripped.length).toBeLessThanOrEqual(objects.length * 0.01);
    });

    test("a property set to a value of another kind is rejected at least 99% of the time, the validator naming its path", () => {
      const validate = loaded.index.validate as unknown as Parameters<typeof fuzzMutations>[1];
      const result = fuzzMutations(fittingObjects(), validate);
      process.stderr.write(`fuzz: ${result.runs} mutations, ${result.rejected} rejected, ${result.named} with the path named; misses: ${result.misses.slice(0, 10).join("; ") || "none"}\n`);
      expect(result.runs).toBe(2000);
      expect(result.named).toBeGreaterThanOrEqual(result.runs * 0.99);
    });
  });
}
