import fc from "fast-check";
import { jest } from "@jest/globals";
import { emitModel } from "../../generator/emit/index.js";
import { formatBatch, formatChunk, formatFiles } from "../../generator/format/prettier.js";
import type { Model } from "../../generator/types/index.js";
import { complex, entity, flagsEnum, modelOf, operation, prop } from "../emit/model-builder.js";
import { templates } from "../helpers.js";
import { FUZZ_RUNS, options } from "./properties.js";

/**
 * The statements emit lays out in prettier's layout itself (emit/print/pretty.ts, union.ts) against prettier, on
 * models whose name lengths fall anywhere around the print width: a base and its derived types (the `Any*` union
 * with the narrowed base), a derived type in another namespace (a qualified `extends`), open types, flags enums
 * (their `split` helper and the list of combinations) and operation responses. pretty.test.ts pins each layout
 * with chosen lengths; this finds the lengths nobody chose.
 */
jest.setTimeout(300_000);

const LENGTH = fc.integer({ min: 1, max: 110 });
/** A name of about `n` characters: letters, digits, `_` and `$` (all kept by emit), never starting with a digit. */
const name = (n: number, salt: string): string => `t${salt}${"x_y$z0".repeat(Math.ceil(n / 6)).slice(0, Math.max(0, n - salt.length - 1))}`;

const familyArbitrary = fc.record({ base: LENGTH, derived: fc.array(LENGTH, { minLength: 1, maxLength: 5 }), open: fc.boolean(), namespace: fc.constantFrom("microsoft.graph", "microsoft.graph.identityGovernance", "x") });

const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({
    families: fc.array(familyArbitrary, { minLength: 1, maxLength: 4 }),
    flags: fc.array(fc.record({ name: LENGTH, member: LENGTH, members: fc.integer({ min: 2, max: 4 }) }), { maxLength: 2 }),
    responses: fc.array(fc.record({ name: LENGTH, result: LENGTH }), { maxLength: 2 }),
  })
  .map(({ families, flags, responses }) => {
    const parts: Parameters<typeof modelOf> = [entity("microsoft.graph.root", [prop("id", "Edm.String")])];
    families.forEach((family, f) => {
      const base = `microsoft.graph.${name(family.base, `b${f}`)}`;
      parts.push(entity(base, [prop("id", "Edm.String")], { openType: family.open }));
      family.derived.forEach((n, d) => parts.push(entity(`${family.namespace}.${name(n, `d${f}${d}`)}`, [], { baseType: base, openType: family.open && d === 0 })));
    });
    flags.forEach((e, i) => parts.push(flagsEnum(`microsoft.graph.${name(e.name, `f${i}`)}`, Array.from({ length: e.members }, (_, m) => name(m === 1 ? e.member : 2, `m${m}`)))));
    responses.forEach((r, i) => {
      const result = `microsoft.graph.${name(r.result, `r${i}`)}`;
      parts.push(complex(result), operation("function", `microsoft.graph.${name(r.name, `o${i}`)}`, { bound: "microsoft.graph.root", returns: `Collection(${result})` }));
    });
    return modelOf(...parts);
  });

test(`${FUZZ_RUNS.prettyLayouts} models with names of any length: every statement emit lays out is prettier's print of it, in both layouts`, async () => {
  const templateSet = await templates();
  let claimed = 0;
  await fc.assert(
    fc.asyncProperty(modelArbitrary, async (model) => {
      for (const layout of ["modules", "single"] as const) {
        const { files } = emitModel(model, { templates: templateSet, sources: ["fuzz"], layout });
        const parts = files.flatMap((f) => f.chunks ?? []).flatMap((c) => c.parts ?? []).filter((p) => p.formatted).map((p) => p.text);
        claimed += parts.length;
        // One prettier call for all of them (formatBatch splits the result back), each the same bytes.
        expect(await formatBatch(parts)).toEqual(parts);
      }
    }),
    options(FUZZ_RUNS.prettyLayouts),
  );
  expect(claimed).toBeGreaterThan(FUZZ_RUNS.prettyLayouts * 10);
});

/** Banner lines: comments prettier keeps, re-indents or joins, blank lines, code, and what prettier treats specially. */
const BANNER_LINE = fc.constantFrom("// a line comment", "//", "/*", "/**", " * a JSDoc line", "   * indented", "*/", " */", "/* one line */", "/* a */ /* b */", "", "  // indented", "// trailing  ", "//\ttab", "// prettier-ignore", "// café ✓", "/*/", "const x = 1;", "#!/usr/bin/env node");

test(`${FUZZ_RUNS.banners} banners of any comment lines: one taken as it is is prettier's, and the files are prettier's whole`, async () => {
  const templateSet = await templates();
  const model = modelOf(entity("microsoft.graph.user", [prop("id", "Edm.String")]), complex("microsoft.graph.address", [prop("city", "Edm.String")]));
  let kept = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(BANNER_LINE, { minLength: 1, maxLength: 6 }), async (lines) => {
      const { files } = emitModel(model, { templates: { ...templateSet, banner: lines.join("\n") }, sources: ["fuzz"] });
      let whole;
      try {
        whole = await formatFiles(files.map((f) => ({ path: f.path, text: f.text })));
      } catch {
        return; // not a banner prettier can parse (an unclosed comment, a hashbang mid-file): the pipeline's templates check refuses it
      }
      const first = files.flatMap((f) => f.chunks?.[0]?.parts?.slice(0, 1) ?? []).filter((p) => p.formatted && !/^(import|export) /.test(p.text));
      kept += first.length;
      for (const part of first) expect(await formatChunk(part.text)).toBe(part.text);
      expect(await formatFiles(files)).toEqual(whole);
    }),
    options(FUZZ_RUNS.banners),
  );
  expect(kept).toBeGreaterThan(0);
});
