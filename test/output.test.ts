import path from "node:path";
import ts from "typescript";
import { microsoftGraph, microsoftGraphPartnersBilling as billing } from "../output/index.js";
import { joinFlags, splitFlags } from "../output/runtime.js";
import { ROOT } from "./helpers.js";
import { createProgram, errorLines } from "./typecheck.js";

/** Type-checks the committed output (through a file that uses it the way an SDK does) under the given options. */
function typeErrors(options: ts.CompilerOptions): string[] {
  return errorLines(createProgram([path.join(ROOT, "test/fixtures/usage.ts")], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [], ...options }), ROOT);
}

describe("output/ compiles under tsc --strict", () => {
  test("with --module nodenext (relative imports carry .js)", () => {
    expect(typeErrors({ module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext })).toEqual([]);
  });

  test("with --moduleResolution bundler", () => {
    expect(typeErrors({ module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler })).toEqual([]);
  });
});

describe("type guards on sample payloads", () => {
  const running = { "@odata.type": "#microsoft.graph.partners.billing.runningOperation", id: "1", status: "running" };
  const failed = { "@odata.type": "#microsoft.graph.partners.billing.failedOperation", error: { code: "x" } };
  const base = { "@odata.type": "#microsoft.graph.partners.billing.operation" };
  const manifest = { "@odata.type": "#microsoft.graph.partners.billing.manifest", blobs: [] };

  test("a guard accepts its own type and every derived type", () => {
    expect(billing.isRunningOperation(running)).toBe(true);
    expect(billing.isOperation(running)).toBe(true);
    expect(billing.isOperation(failed)).toBe(true);
    expect(billing.isOperation(base)).toBe(true);
    expect(microsoftGraph.isEntity(running)).toBe(true);
    expect(microsoftGraph.isEntity(manifest)).toBe(true);
  });

  test("a guard rejects its base type and unrelated types", () => {
    expect(billing.isRunningOperation(base)).toBe(false);
    expect(billing.isRunningOperation(failed)).toBe(false);
    expect(billing.isOperation(manifest)).toBe(false);
    expect(microsoftGraph.isPublicError(running)).toBe(false);
  });

  test("the name is accepted with or without the leading #", () => {
    expect(billing.isFailedOperation({ "@odata.type": "microsoft.graph.partners.billing.failedOperation" })).toBe(true);
  });

  test("null, primitives, arrays and a @odata.type that is not a name are rejected", () => {
    for (const value of [null, undefined, 0, "microsoft.graph.partners.billing.operation", true, [], { "@odata.type": 42 }]) {
      expect(billing.isOperation(value)).toBe(false);
      expect(microsoftGraph.isEntity(value)).toBe(false);
    }
  });

  test("without @odata.type a payload is judged by its shape, as the service sends most of them", () => {
    expect(billing.isRunningOperation({ id: "1", status: "running", createdDateTime: "2024-01-01T00:00:00Z" })).toBe(true);
    expect(billing.isRunningOperation({ status: "succeeded" })).toBe(false); // narrowed: notStarted or running only
    expect(billing.isFailedOperation({ error: { code: 5 } })).toBe(false);
    expect(billing.isManifest({ blobs: [{ name: "part-1.json" }], blobCount: 1 })).toBe(true);
    expect(billing.isManifest({ blobs: [{ name: 1 }] })).toBe(false);
  });

  test("enum guards and the frozen member object", () => {
    expect(microsoftGraph.isLongRunningOperationStatus("running")).toBe(true);
    expect(microsoftGraph.isLongRunningOperationStatus("completed")).toBe(false);
    expect(microsoftGraph.isLongRunningOperationStatus(null)).toBe(false);
    expect(Object.isFrozen(microsoftGraph.LongRunningOperationStatus)).toBe(true);
    expect(Object.values(microsoftGraph.LongRunningOperationStatus)).toEqual(["notStarted", "running", "succeeded", "failed", "unknownFutureValue"]);
  });
});

describe("runtime.ts flags helpers (the ones generated split<Enum>Flags / join<Enum>Flags wrap)", () => {
  test("splitFlags and joinFlags round-trip in the declared order", () => {
    const order = ["notStarted", "running", "succeeded"] as const;
    expect(splitFlags("succeeded, notStarted")).toEqual(["succeeded", "notStarted"]);
    expect(joinFlags(["succeeded", "notStarted"], order)).toBe("notStarted,succeeded");
    expect(joinFlags(splitFlags(joinFlags(["running", "notStarted"], order)) as (typeof order)[number][], order)).toBe("notStarted,running");
  });
});
