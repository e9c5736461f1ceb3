import { readFileSync } from "node:fs";
import path from "node:path";
import { jest } from "@jest/globals";
import { compileFiles } from "../../generator/compile/compile.js";
import { emitModel } from "../../generator/emit/index.js";
import { formatFiles } from "../../generator/format/prettier.js";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import { CORPUS, describeIfCorpus, templates } from "../helpers.js";
import { compileErrors, nativeCompileErrors } from "./compile.js";
import { directPrintDifferences } from "./direct-print.js";
import { formattedWhole } from "./whole-format.js";

/**
 * Whole real Graph metadata documents through the CSDL path (issue: drop-in types for the whole Graph API): every
 * EntityType, ComplexType and EnumType emitted, and the output compiles under tsc --strict, in both layouts. Test
 * files group the documents (csdl-v1.0.test.ts, csdl-beta.test.ts) so that jest's workers or `--shard`s share
 * them out; each document is generated once and every test reads that run.
 */
const DOCUMENTS = {
  "v1.0.xml": { entity: 1182, complex: 1780, enums: 861 },
  "beta-2021-06-08.xml": { entity: 1309, complex: 1250, enums: 860 },
  "beta-usnat.xml": { entity: 722, complex: 1044, enums: 479 },
} as const;

export function describeCsdlDocument(file: keyof typeof DOCUMENTS): void {
  const { entity, complex, enums } = DOCUMENTS[file];
  jest.setTimeout(600_000);
  describeIfCorpus(`csdl/${file}`)(`csdl/${file}`, () => {
    let result: PipelineResult;
    beforeAll(async () => {
      const text = readFileSync(path.join(CORPUS, "csdl", file), "utf8");
      result = await runPipeline([{ path: file, text }], { templates: await templates(), sourceLabels: [file] });
    });

    test("every EntityType, ComplexType and EnumType is emitted, with no error diagnostics", () => {
      const types = result.model.namespaces.flatMap((n) => n.types);
      expect(types.filter((t) => t.kind === "entity")).toHaveLength(entity);
      expect(types.filter((t) => t.kind === "complex")).toHaveLength(complex);
      expect(result.model.namespaces.reduce((n, ns) => n + ns.enums.length, 0)).toBe(enums);
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const text = result.files.map((f) => f.text).join("\n");
      for (const type of types.slice(0, 50)) expect(text).toMatch(new RegExp(`export interface ${type.name.charAt(0).toUpperCase()}${type.name.slice(1)}\\b`));
    });

    test("the modules compile under tsc --strict (module nodenext, TypeScript 7)", () => {
      expect(nativeCompileErrors(result.files)).toEqual([]);
    });

    test("the single-file layout compiles under tsc --strict (moduleResolution bundler, TypeScript 7)", async () => {
      // The pipeline's emit and format stages over the run's model: the layout is an emit option, the model the same.
      const options = { templates: await templates(), sources: [file], layout: "single" } as const;
      const emitted = emitModel(result.model, options);
      expect(emitted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const files = await formatFiles(emitted.files);
      expect(files.map((f) => f.path)).toEqual(["index.d.ts"]);
      expect(nativeCompileErrors(files, { module: 99 /* ESNext */, moduleResolution: 100 /* Bundler */ })).toEqual([]);
      if (file === "v1.0.xml") expect(await formattedWhole(result.model, options)).toEqual(files);
    });

    if (file === "v1.0.xml") {
      // The fixtures of every construct compile under 5.9 in their own tests; the current metadata's modules, the
      // output most users generate, are held to both compilers whole.
      test("the modules compile under TypeScript 5.9 too", () => {
        expect(compileErrors(result.files)).toEqual([]);
      });

      test("the statements written without ts-morph's writer are its print, byte for byte, in both layouts", async () => {
        for (const layout of ["modules", "single"] as const) {
          const { differing, direct, total } = directPrintDifferences(result.model, { templates: await templates(), sources: [file], layout });
          expect(differing).toEqual([]);
          // Most of them: interfaces, type aliases and guards (tables and enum objects are laid out from their data).
          expect(direct / total).toBeGreaterThan(0.6);
        }
      });

      test("emit js: every module declares alone, and the declarations type-check (skipLibCheck off)", () => {
        const { files, problems } = compileFiles(result.files);
        expect(problems).toEqual([]);
        const declarations = files.filter((f) => f.path.endsWith(".d.ts"));
        expect(declarations).toHaveLength(result.files.length);
        expect(declarations.filter((f) => /:\s*any\b/.test(f.text)).map((f) => f.path)).toEqual([]);
        // The generated declarations are checked (skipLibCheck is off for them); TypeScript's own lib files need not be.
        expect(nativeCompileErrors(declarations)).toEqual([]);
      });

      test("formatting chunk by chunk gives the bytes of formatting each module whole", async () => {
        expect(await formattedWhole(result.model, { templates: await templates(), sources: [file] })).toEqual(result.files);
      });
    }
  });
}
