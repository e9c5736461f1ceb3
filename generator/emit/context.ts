import type { Hierarchy } from "../model/hierarchy.js";
import type { NamePlan } from "./plan/plan.js";
import { ModuleScope } from "./plan/scope.js";

/**
 * What every transform receives, resolved once per namespace: the plan (every name and the output's shape, decided
 * for the whole model), the type hierarchy, the scope the namespace's statements are written from (it names other
 * types and records what that needs: imports, the envelope, the single file's self-import), and whether the file
 * carries runtime code (the modules layout) or declarations only (the single layout's `.d.ts`).
 */
export interface EmitContext {
  readonly plan: NamePlan;
  readonly hierarchy: Hierarchy;
  readonly scope: ModuleScope;
  readonly runtime: boolean;
}

/** The context of one namespace's statements. */
export function namespaceContext(namespace: string, plan: NamePlan, hierarchy: Hierarchy): EmitContext {
  return { plan, hierarchy, scope: new ModuleScope(namespace, plan), runtime: plan.layout === "modules" };
}

/** Whether the statements include the guards, the validation tables and the flags helpers. */
export function writesGuards(ctx: EmitContext): boolean {
  return ctx.runtime && ctx.plan.shape.guards;
}
