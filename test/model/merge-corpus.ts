import { existsSync } from "node:fs";
import path from "node:path";
import { jest } from "@jest/globals";
import { buildModel } from "../../generator/model/docs/build.js";
import { mergeModels } from "../../generator/model/merge/merge.js";
import type { Diagnostic, Model } from "../../generator/types/index.js";
import { docsRun } from "../corpus/docs.js";
import { METADATA, metadataRun } from "../corpus/response-examples.js";
import { describeIfCorpus, skipNotice } from "../helpers.js";

/**
 * Run from corpus/docs-v1.0.test.ts: the pages are that file's run of graph-docs/v1.0 (parsed in-process, the records
 * buildModel gets there), and the metadata model is that file's run of csdl/v1.0-2021-07-20.xml, which the response
 * examples read too (see metadataRun).
 */
export function describeMergeCorpus(): void {
  jest.setTimeout(120_000);
  const describeIfPair = existsSync(METADATA) ? describeIfCorpus(path.join("graph-docs", "v1.0")) : describe.skip;
  if (!existsSync(METADATA)) skipNotice(`merge corpus tests skipped: ${METADATA} does not exist (it is not part of a fresh clone).`);

  describeIfPair("merging graph-docs/v1.0 with csdl/v1.0-2021-07-20.xml", () => {
    let metadata: Model;
    let merged: { model: Model; diagnostics: Diagnostic[] };
    beforeAll(async () => {
      const docs = buildModel((await docsRun("v1.0")).result.pages).model;
      metadata = (await metadataRun()).model;
      merged = mergeModels(metadata, docs);
    });

    test("the merged model has every metadata type, enum, operation and container, and no other", () => {
      const count = (model: Model) => model.namespaces.map((n) => [n.name, n.types.length, n.enums.length, n.typeDefinitions.length, n.operations.length, n.containers.length]);
      expect(count(merged.model)).toEqual(count(metadata));
      const fqns = (model: Model) => model.namespaces.flatMap((n) => n.types.map((t) => t.fqn));
      expect(fqns(merged.model)).toEqual(fqns(metadata));
      expect(fqns(merged.model).length).toBeGreaterThan(1000);
    });

    test("every drift diagnostic is a GT31xx with a position; a two-sided one names both places", () => {
      const { diagnostics } = merged;
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.filter((d) => !d.code.startsWith("GT31"))).toEqual([]);
      expect(diagnostics.filter((d) => !d.at || d.at.line < 1 || d.at.column < 1)).toEqual([]);
      const oneSided = new Set(["type-not-in-metadata", "type-not-documented"]);
      const unnamed = diagnostics.filter((d) => !oneSided.has(d.kind) && !(d.related?.length === 1 && ["metadata", "docs"].includes(d.related[0].message)));
      expect(unnamed).toEqual([]);
      const codes = diagnostics.map((d) => d.code);
      expect(codes).toEqual([...codes].sort());
    });
  });
}
