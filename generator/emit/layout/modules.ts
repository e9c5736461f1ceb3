import type { ExportDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { Hierarchy } from "../../model/hierarchy.js";
import type { Model, Namespace } from "../../types/index.js";
import { namespaceContext } from "../context.js";
import { ROOT_NAMESPACE } from "../names.js";
import { ENVELOPE_TYPES, RUNTIME_EXPORTS, type NamePlan } from "../plan/plan.js";
import { transformNamespace } from "../transform/namespace.js";

/** The modules layout's own files beside the namespace modules. */
export const BARREL_FILE = "index.ts";
export const RUNTIME_FILE = "runtime.ts";
/**
 * The module the envelope is declared in, once for all namespaces: runtime.ts, after the template's helpers.
 * Namespace modules import it as a namespace (`odata.CollectionResponse`), which no model name can shadow.
 */
export const ENVELOPE_FILE = RUNTIME_FILE;

const jsSpecifier = (file: string): string => `./${file.replace(/\.ts$/, ".js")}`;

/** All statements of one namespace's module, imports first: other modules, the envelope, the runtime helpers. */
export function moduleStatements(namespace: Namespace, plan: NamePlan, hierarchy: Hierarchy): StatementStructures[] {
  const ctx = namespaceContext(namespace.name, plan, hierarchy);
  const { scope } = ctx;
  const body = transformNamespace(namespace, ctx);
  const imports: StatementStructures[] = [...scope.imports].sort().map((other) => ({
    kind: StructureKind.ImportDeclaration,
    // The guards' schemas refer to other modules' schemas and enum objects (lazily, so import cycles are fine).
    isTypeOnly: !scope.valueImports.has(other),
    namespaceImport: plan.modules.get(other)!.alias,
    moduleSpecifier: jsSpecifier(plan.modules.get(other)!.file),
  }));
  if (scope.usesEnvelope) imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: plan.envelopeAlias, moduleSpecifier: jsSpecifier(ENVELOPE_FILE) });
  const runtime = !plan.shape.guards ? [] : [
    ...(namespace.types.length ? ["conforms", "typeSchema"] : []),
    ...(namespace.enums.some((e) => e.flags && e.members.length) ? ["joinFlags", "splitFlags"] : []),
  ];
  const schemaType = plan.namespaces.get(namespace.name)!.schemaType;
  if (plan.shape.guards && namespace.types.length) runtime.push(schemaType === "TypeSchema" ? "type TypeSchema" : `type TypeSchema as ${schemaType}`);
  if (runtime.length) imports.push({ kind: StructureKind.ImportDeclaration, namedImports: runtime, moduleSpecifier: jsSpecifier(RUNTIME_FILE) });
  return [...imports, ...body];
}

/** The barrel: every namespace module under its alias, the envelope types and (with guards) the validator. */
export function barrelStatements(model: Model, plan: NamePlan): StatementStructures[] {
  const root = plan.modules.get(ROOT_NAMESPACE);
  return [
    // The root namespace's names also flat: `import { isUser } from "./index.js"` lets a bundler keep only that
    // guard's schemas, which it cannot do through a namespace object (`microsoftGraph.isUser`: esbuild keeps all).
    ...(root ? [{ kind: StructureKind.ExportDeclaration, moduleSpecifier: jsSpecifier(root.file) } satisfies ExportDeclarationStructure] : []),
    ...model.namespaces.map((namespace): ExportDeclarationStructure => ({
      kind: StructureKind.ExportDeclaration,
      namespaceExport: plan.modules.get(namespace.name)!.alias,
      moduleSpecifier: jsSpecifier(plan.modules.get(namespace.name)!.file),
    })),
    // The envelope is generic, so it sits beside the namespaces rather than in one: `CollectionResponse<microsoftGraph.User>`.
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, namedExports: [...ENVELOPE_TYPES], moduleSpecifier: jsSpecifier(ENVELOPE_FILE) },
    // The validator the guards use, for reasons: `validate(body, microsoftGraph.USER_SCHEMA)`.
    ...(plan.shape.guards ? [{ kind: StructureKind.ExportDeclaration, namedExports: [...RUNTIME_EXPORTS], moduleSpecifier: jsSpecifier(RUNTIME_FILE) } satisfies ExportDeclarationStructure] : []),
  ];
}
