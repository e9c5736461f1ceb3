import type { Diagnostic, DocPage, EnumType, Model, Namespace, StructuredType } from "../../types/index.js";
import { collectDeclarations, descriptionOf, factOf, type Declarations } from "./declarations.js";
import { addInlineEnums } from "./inline-enums.js";
import { ancestorsOf as ancestors, type ModelLimits } from "../bases.js";
import { resolveBaseTypes } from "./inheritance.js";
import { buildProperties } from "./properties.js";
import { createResolver, type Resolver } from "./resolve.js";
import { byName, compareStrings } from "../../order.js";

/**
 * The model stage: parsed pages in, one typed model out. Pure: every problem is a diagnostic in the result, and
 * every problem degrades the output (an `unknown`, a dropped base) instead of stopping the run.
 */
export function buildModel(pages: readonly DocPage[], limits: Partial<ModelLimits> = {}): { model: Model; diagnostics: Diagnostic[] } {
  const sortedPages = [...pages].sort((a, b) => compareStrings(a.file, b.file));
  const { declarations, diagnostics, canonical } = collectDeclarations(sortedPages);
  diagnostics.push(...addInlineEnums(sortedPages, declarations, createResolver(declarations), canonical));
  const resolve = createResolver(declarations);
  const { bases, diagnostics: baseDiagnostics } = resolveBaseTypes(declarations, resolve, limits.maxInheritanceDepth);
  diagnostics.push(...baseDiagnostics);

  const enums = new Map<string, EnumType>();
  for (const declaration of declarations.enums.values()) {
    enums.set(declaration.fqn, { name: declaration.name, namespace: declaration.namespace, fqn: declaration.fqn, members: declaration.members, flags: false, at: declaration.at });
  }
  const types = buildTypes({ declarations, bases, resolve, enums, diagnostics });
  return { model: groupNamespaces(types, enums.values()), diagnostics };
}

interface TypeInputs {
  declarations: Declarations;
  bases: ReadonlyMap<string, string>;
  resolve: Resolver;
  enums: ReadonlyMap<string, EnumType>;
  diagnostics: Diagnostic[];
}

/** Every structured type, bases before the types derived from them, so a derived page can see what it inherits. */
function buildTypes({ declarations, bases, resolve, enums, diagnostics }: TypeInputs): StructuredType[] {
  const keys = [...declarations.types.keys()].sort();
  const depth = (key: string): number => ancestors(bases, key).length;
  const ordered = [...keys].sort((a, b) => depth(a) - depth(b) || compareStrings(a, b));
  const built = new Map<string, StructuredType>();
  const keyOf = (key: string): string | undefined => {
    for (const k of [key, ...ancestors(bases, key)]) {
      const keyProperty = factOf(declarations.types.get(k)!, (page) => page.annotation?.keyProperty);
      if (keyProperty) return keyProperty;
    }
    return undefined;
  };
  // An annotation keyProperty (own or inherited) or a base chain to microsoft.graph.entity makes an entity type.
  const entityKeys = new Set(keys.filter((key) => keyOf(key) !== undefined || [key, ...ancestors(bases, key)].includes("microsoft.graph.entity")));
  const inheritedFrom = (chain: readonly string[]) => (name: string) => {
    for (const ancestor of chain) {
      const owner = built.get(ancestor);
      const property = owner?.properties.find((p) => p.name === name);
      if (owner && property) return { property, owner: owner.fqn };
    }
    return undefined;
  };
  for (const key of ordered) {
    const declaration = declarations.types.get(key)!;
    const properties = buildProperties(declaration, keyOf(key), {
      resolve,
      diagnostics,
      enumByFqn: (fqn) => enums.get(fqn),
      isEntity: (fqn) => entityKeys.has(fqn.toLowerCase()),
      lineage: (fqn) => [fqn.toLowerCase(), ...ancestors(bases, fqn.toLowerCase())].map((k) => declarations.types.get(k)?.fqn ?? k),
      inherited: inheritedFrom(ancestors(bases, key)),
    });
    const description = descriptionOf(declaration);
    const base = bases.get(key);
    built.set(key, {
      kind: entityKeys.has(key) ? "entity" : "complex",
      name: declaration.name,
      namespace: declaration.namespace,
      fqn: declaration.fqn,
      abstract: factOf(declaration, (page) => page.annotation?.abstract) ?? false,
      openType: factOf(declaration, (page) => page.annotation?.openType) ?? false,
      properties,
      at: declaration.at,
      ...(base ? { baseType: declarations.types.get(base)!.fqn } : {}),
      ...(description ? { description } : {}),
    });
  }
  return [...built.values()];
}

/** The types and enums grouped by namespace, each list sorted by name. */
function groupNamespaces(types: Iterable<StructuredType>, enums: Iterable<EnumType>): Model {
  const namespaces = new Map<string, Namespace>();
  const namespace = (name: string): Namespace => {
    let found = namespaces.get(name);
    if (!found) namespaces.set(name, (found = { name, types: [], enums: [], typeDefinitions: [], operations: [], containers: [] }));
    return found;
  };
  for (const type of types) namespace(type.namespace).types.push(type);
  for (const enumType of enums) namespace(enumType.namespace).enums.push(enumType);
  const model: Model = { namespaces: [...namespaces.values()].sort(byName) };
  for (const ns of model.namespaces) {
    ns.types.sort(byName);
    ns.enums.sort(byName);
  }
  return model;
}
