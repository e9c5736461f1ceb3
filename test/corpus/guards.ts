import fc from "fast-check";
import type { PipelineResult } from "../../generator/pipeline.js";
import { withoutAnnotations, type ResponseExample } from "./examples.js";
import { planOf } from "./fit-targets.js";
import type { Loaded } from "../guards/load.js";

/** What the generated runtime exposes (a structural view, so the test does not import the output's types). */
interface Schema {
  type: string;
  properties(): ReadonlyMap<string, string | readonly [string, () => unknown]>;
  subtree(): ReadonlyMap<string, Schema>;
}
type Validate = (value: unknown, schema: Schema) => { instancePath: string; severity: string }[];

/** The guard and schema of a type in the loaded modules output, looked up as the examples spell the type. */
export function guardsOf(result: PipelineResult, loaded: Loaded) {
  const plan = planOf(result, "modules");
  return (fqn: string): { guard: (value: unknown) => boolean; schema: Schema } | undefined => {
    const declared = plan.declared.get(fqn) ?? plan.declared.get(fqn.toLowerCase());
    if (!declared || declared.kind !== "type") return undefined;
    const module = loaded[plan.modules.get(declared.namespace)!.alias]!;
    return { guard: module[declared.guard!] as (value: unknown) => boolean, schema: module[declared.schema!] as unknown as Schema };
  };
}

/** The objects of one example: the body, or each item of a collection's `value`. */
export function objectsOf(example: ResponseExample): unknown[] {
  if (!example.collection) return [example.body];
  const value = example.body.value;
  return Array.isArray(value) ? value : [];
}

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && typeof (value as Schema).subtree === "function";

/**
 * Every path in `value` to a present, non-null value of a property the schema declares with a kind that can be
 * wrong (not "any value"), following nested schemas, collections and `@odata.type` the way the validator does.
 */
export function checkablePaths(value: unknown, schema: Schema, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  const odataType = (value as Record<string, unknown>)["@odata.type"];
  const type = typeof odataType === "string" ? (schema.subtree().get(odataType.replace(/^#/, "")) ?? schema) : schema;
  for (const [key, item] of Object.entries(value)) {
    const spec = type.properties().get(key);
    if (spec === undefined || key.includes("@") || item === null || item === undefined) continue;
    const modifiers = typeof spec === "string" ? spec.slice(0, -1) : spec[0];
    if (typeof spec === "string" && spec.endsWith("u")) continue;
    out.push([...path, key]);
    const target = typeof spec === "string" ? undefined : spec[1]();
    if (!isSchema(target)) continue;
    if (modifiers.includes("*") && Array.isArray(item)) item.forEach((element, i) => checkablePaths(element, target, [...path, key, i], out));
    else checkablePaths(item, target, [...path, key], out);
  }
  return out;
}

/** A value of another kind than `value`: a string for a number, boolean, object or array; a number for a string. */
function otherKind(value: unknown): unknown {
  return typeof value === "string" ? 12345 : typeof value === "number" || typeof value === "boolean" || typeof value === "object" ? "not-the-right-kind" : null;
}

function mutated(value: unknown, path: readonly (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = otherKind(at[path[path.length - 1]!]);
  return copy;
}

const pointer = (path: readonly (string | number)[]): string => path.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

export interface FuzzResult {
  runs: number;
  rejected: number;
  /** Rejected with an error at exactly the mutated path. */
  named: number;
  misses: string[];
}

/**
 * fast-check (fixed seed) picks an example object and one checkable property in it, sets it to a value of another
 * kind, and asks the guard and the validator.
 */
export function fuzzMutations(objects: readonly { id: string; value: unknown; schema: Schema; guard: (v: unknown) => boolean }[], validate: Validate, runs = 2000, seed = 20261202): FuzzResult {
  const candidates = objects.map((o) => ({ ...o, paths: checkablePaths(o.value, o.schema) })).filter((o) => o.paths.length);
  const picks = fc.sample(fc.tuple(fc.nat(candidates.length - 1), fc.nat(1_000_000)), { seed, numRuns: runs });
  const result: FuzzResult = { runs: picks.length, rejected: 0, named: 0, misses: [] };
  for (const [i, j] of picks) {
    const candidate = candidates[i]!;
    const path = candidate.paths[j % candidate.paths.length]!;
    const value = mutated(candidate.value, path);
    const rejected = !candidate.guard(value);
    const named = validate(value, candidate.schema).some((issue) => issue.severity === "error" && issue.instancePath === pointer(path));
    if (rejected) result.rejected++;
    if (rejected && named) result.named++;
    else result.misses.push(`${candidate.id} ${pointer(path)}${rejected ? " (rejected, path not named)" : ""}`);
  }
  return result;
}

export { withoutAnnotations };
