import type { CsdlDocument, Diagnostic, Model, Namespace } from "../../types/index.js";
import { buildContainer } from "./containers.js";
import type { ModelLimits } from "../bases.js";
import { resolveCsdlBases } from "./inheritance.js";
import { aliasCollisions, createNames } from "./names.js";
import { buildOperation, sortOperations } from "./operations.js";
import { collectRegistry, type BuildContext } from "./registry.js";
import { indexAnnotations } from "./targets.js";
import { buildEnumType, buildStructuredType, buildTypeDefinition } from "./types.js";
import { byName } from "../../order.js";

/**
 * The CSDL half of the model stage: parsed metadata documents in, one typed model out. Pure, and like `buildModel`
 * it degrades instead of failing: an unresolvable type is `unknown`, a bad base is dropped, a duplicate keeps its
 * first definition, each with a diagnostic. Names resolve across all documents (a namespace split over several
 * files merges), through each document's schema aliases.
 *
 * Steps: names (aliases) -> registry (every declaration, duplicates) -> out-of-line annotations indexed by target
 * -> base types (cycles broken) -> model elements -> namespaces, sorted.
 */
export function modelFromCsdl(documents: readonly CsdlDocument[], limits: Partial<ModelLimits> = {}): { model: Model; diagnostics: Diagnostic[] } {
  const names = createNames(documents);
  const { registry, diagnostics } = collectRegistry(documents, names);
  diagnostics.unshift(...aliasCollisions(documents));
  const { lookup, diagnostics: targetDiagnostics } = indexAnnotations(documents, names, registry);
  diagnostics.push(...targetDiagnostics);
  const { bases, diagnostics: baseDiagnostics } = resolveCsdlBases(registry, names, limits.maxInheritanceDepth);
  diagnostics.push(...baseDiagnostics);
  const context: BuildContext = { names, registry, annotations: lookup, diagnostics };

  const namespaces = new Map<string, Namespace>();
  for (const name of registry.namespaces) namespaces.set(name, { name, types: [], enums: [], typeDefinitions: [], operations: [], containers: [] });
  const namespace = (name: string): Namespace => namespaces.get(name)!;

  for (const entry of registry.types.values()) {
    if (entry.kind === "structured") namespace(entry.namespace).types.push(buildStructuredType(entry, bases.get(entry.fqn), context));
    else if (entry.kind === "enum") namespace(entry.namespace).enums.push(buildEnumType(entry, context));
    else namespace(entry.namespace).typeDefinitions.push(buildTypeDefinition(entry, context));
  }
  for (const overloads of registry.operations.values()) {
    for (const entry of overloads) namespace(entry.namespace).operations.push(buildOperation(entry, context));
  }
  for (const container of registry.containers.values()) namespace(container.namespace).containers.push(buildContainer(container, context));

  const model: Model = { namespaces: [...namespaces.values()].sort(byName) };
  for (const ns of model.namespaces) {
    ns.types.sort(byName);
    ns.enums.sort(byName);
    ns.typeDefinitions.sort(byName);
    sortOperations(ns.operations);
  }
  return { model, diagnostics };
}
