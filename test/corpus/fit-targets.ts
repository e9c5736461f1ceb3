import path from "node:path";
import { hierarchyOf } from "../../generator/model/hierarchy.js";
import { planNames, type NamePlan } from "../../generator/emit/plan/plan.js";
import { ROOT_NAMESPACE } from "../../generator/emit/names.js";
import type { PipelineResult } from "../../generator/pipeline.js";
import type { FitTarget } from "./fit.js";

/**
 * The name plan the output was emitted with (default shape), to name a model type from outside the output. The
 * examples' annotations spell type names as their authors did (`microsoft.graph.orgcontact`): looked up without case.
 */
export function planOf(result: PipelineResult, layout: "modules" | "single"): NamePlan {
  const plan = planNames(result.model, hierarchyOf(result.model), layout);
  for (const [fqn, declared] of [...plan.declared]) if (!plan.declared.has(fqn.toLowerCase())) plan.declared.set(fqn.toLowerCase(), declared);
  return plan;
}

/** A payload of the type may be any type derived from it: its `Any*` union, where it has one. */
const payloadName = (plan: NamePlan, fqn: string, unions: boolean): string | undefined => {
  const declared = plan.declared.get(fqn) ?? plan.declared.get(fqn.toLowerCase());
  if (!declared || declared.kind !== "type") return undefined;
  return (unions ? declared.union : undefined) ?? declared.name;
};

/** Our modules layout, through its barrel. */
export function modulesTarget(label: string, result: PipelineResult): FitTarget {
  const plan = planOf(result, "modules");
  return {
    label,
    files: result.files,
    imports: 'import type * as m from "./out/index.js";',
    payload: (fqn) => {
      const name = payloadName(plan, fqn, true);
      const declared = plan.declared.get(fqn) ?? plan.declared.get(fqn.toLowerCase());
      return name && declared ? `m.${plan.modules.get(declared.namespace)!.alias}.${name}` : undefined;
    },
    collection: (item) => `m.${plan.envelope.CollectionResponse}<${item}>`,
  };
}

/** Names in the single layout, which are the official package's (test/compat checks it type by type). */
function singleName(plan: NamePlan, fqn: string, unions: boolean, prefix: string): string | undefined {
  const name = payloadName(plan, fqn, unions);
  const declared = plan.declared.get(fqn) ?? plan.declared.get(fqn.toLowerCase());
  if (!name || !declared) return undefined;
  return declared.namespace === ROOT_NAMESPACE ? `${prefix}.${name}` : `${prefix}.${plan.nested.get(declared.namespace)}.${name}`;
}

/** Our single layout (`index.d.ts`). */
export function singleTarget(label: string, result: PipelineResult): FitTarget {
  const plan = planOf(result, "single");
  return {
    label,
    files: result.files,
    imports: 'import type * as s from "./out/index.js";',
    payload: (fqn) => singleName(plan, fqn, true, "s"),
    collection: (item) => `s.${plan.envelope.CollectionResponse}<${item}>`,
  };
}

/**
 * An installed @microsoft/microsoft-graph-types (`file`: its .d.ts), named as our single layout names the same
 * metadata (`result`). It has no envelope and no derived-type unions: a collection is `{ value?: T[] }`.
 */
export function officialTarget(label: string, result: PipelineResult, file: string, exported: ReadonlySet<string>): FitTarget {
  const plan = planOf(result, "single");
  return {
    label,
    files: [],
    imports: 'import type * as o from "official-graph-types";',
    payload: (fqn) => {
      const name = singleName(plan, fqn, false, "o");
      return name && exported.has(name.slice(2)) ? name : undefined;
    },
    collection: (item) => `{ value?: ${item}[] }`,
    options: { paths: { "official-graph-types": [path.resolve(file)] } },
  };
}
