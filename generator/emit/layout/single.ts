import type { StatementStructures } from "ts-morph";
import { ModuleDeclarationKind, StructureKind } from "../ts-morph.js";
import type { Hierarchy } from "../../model/hierarchy.js";
import type { Model } from "../../types/index.js";
import { namespaceContext } from "../context.js";
import { jsDoc } from "../docs.js";
import { ROOT_NAMESPACE } from "../names.js";
import type { NamePlan } from "../plan/plan.js";
import { rootAlias } from "../plan/scope.js";
import { transformEnvelope } from "../transform/envelope.js";
import { transformNamespace } from "../transform/namespace.js";

/** The one file of the single-file layout: declarations only, so a `.d.ts` that needs no runtime. */
export const SINGLE_FILE = "index.d.ts";

/**
 * The single-file layout, shaped like @microsoft/microsoft-graph-types: the envelope and microsoft.graph's types at
 * the top level, every other namespace in an `export namespace` block named as the official package names it
 * (`Partners.Billing`, `SecurityNamespace` beside the entity `Security`). A block refers to a top-level name that it
 * or an enclosing block shadows through the file's import of itself (`microsoftGraph.Entity`); other blocks' names
 * are qualified (`Partners.Billing.Operation`), through the self-import too when an enclosing namespace declares a
 * namespace of the same first name.
 */
export function singleFileStatements(model: Model, plan: NamePlan, hierarchy: Hierarchy): StatementStructures[] {
  let usesRoot = false;
  const body = (name: string): StatementStructures[] => {
    const ctx = namespaceContext(name, plan, hierarchy);
    const statements = transformNamespace(model.namespaces.find((n) => n.name === name)!, ctx);
    usesRoot ||= ctx.scope.usesRoot;
    return statements;
  };
  const statements: StatementStructures[] = [...transformEnvelope(plan.envelope, { plan })];
  if (model.namespaces.some((n) => n.name === ROOT_NAMESPACE)) statements.push(...body(ROOT_NAMESPACE));
  for (const namespace of model.namespaces) {
    const nested = plan.nested.get(namespace.name);
    if (!nested) continue;
    statements.push({
      kind: StructureKind.Module,
      declarationKind: ModuleDeclarationKind.Namespace,
      isExported: true,
      name: nested,
      docs: jsDoc(`The ${namespace.name} namespace.`),
      statements: body(namespace.name),
    });
  }
  if (usesRoot) statements.unshift({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: rootAlias(), moduleSpecifier: `./${SINGLE_FILE.replace(/\.d\.ts$/, ".js")}` });
  return statements;
}
