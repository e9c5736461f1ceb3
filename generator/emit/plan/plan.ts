import type { Hierarchy } from "../../model/hierarchy.js";
import type { EntityContainer, Model, Namespace, PrimitiveName } from "../../types/index.js";
import {
  enumIdentifier,
  flagsHelperNames,
  flagsTypeName,
  guardName,
  moduleFileName,
  portableStem,
  namespaceIdentifier,
  nestedNamespaceName,
  schemaName,
  pathsName,
  ROOT_NAMESPACE,
  ScopeNames,
  typeIdentifier,
  unionName,
} from "../names.js";
import { planRequestBodies, planResponses, type RequestBodyPlan, type ResponsePlan } from "./overloads.js";
import { DEFAULT_SHAPE, type Shape } from "./shape.js";

export type { OverloadNaming, RequestBodyPlan, ResponsePlan } from "./overloads.js";

/** How the output is laid out: one module per namespace (with runtime guards), or one declaration file. */
export type Layout = "modules" | "single";

/** What the barrel re-exports from runtime.ts when there are guards: the validator, for reasons. */
export const RUNTIME_EXPORTS = ["conforms", "standardSchema", "validate", "type StandardSchemaV1", "type TypeSchema", "type ValidateOptions", "type ValidationIssue"] as const;
/** The runtime helpers a namespace module imports. */
export const RUNTIME_IMPORTS = ["conforms", "typeSchema", "hasODataType", "joinFlags", "splitFlags"] as const;

/** The generic OData envelope types, by their role; the value is the name they are declared under. */
export interface EnvelopeNames {
  CollectionResponse: string;
  InstanceAnnotations: string;
  ValueResponse: string;
}

export const ENVELOPE_TYPES: readonly (keyof EnvelopeNames)[] = ["CollectionResponse", "InstanceAnnotations", "ValueResponse"];

export interface NamespacePlan {
  names: ScopeNames;
  /** The local name of the runtime's `TypeSchema` type (`TypeSchema_2` where a model type is called so). */
  schemaType: string;
  /** Flags enums by fqn: the combination type and the per-enum helpers (modules layout). */
  flags: Map<string, { type: string; split: string; join: string }>;
  requestBodies: RequestBodyPlan[];
  responses: ResponsePlan[];
  paths: Map<EntityContainer, string>;
}

/** A model declaration as emit names it, with the names emit derives from it (unique in its scope, like it). */
export interface Declared {
  namespace: string;
  name: string;
  kind: "type" | "enum" | "typeDefinition";
  /** Enums and structured types: the `is*` guard. */
  guard?: string;
  /** Structured types: the exported validation schema the guard checks against (`USER_SCHEMA`). */
  schema?: string;
  /** Structured types with derived types: the schema of the type alone (bases and derived types refer to it). */
  exactSchema?: string;
  /** Type definitions: the primitive they name. */
  underlying?: PrimitiveName;
  /** Structured types with derived types: the `Any*` union. */
  union?: string;
}

/**
 * Every name emit declares, decided for the whole model before any statement is built: a module that refers to
 * another module's flags type or request body must know the name the other module settled on.
 */
export interface NamePlan {
  layout: Layout;
  /** The output's shape options (enum style, guards, readonly, nullable). */
  shape: Shape;
  /** Declarations (fqns) in namespaces the namespaces option left out: referred to as `unknown`. */
  omitted: ReadonlySet<string>;
  namespaces: Map<string, NamespacePlan>;
  declared: Map<string, Declared>;
  /** Entity and complex types that have an `Any*` derived-type union. */
  unions: Set<string>;
  envelope: EnvelopeNames;
  /** The import alias of the envelope module (modules layout). */
  envelopeAlias: string;
  /** Modules layout: each namespace's module file and the alias other modules and the barrel import it under. */
  modules: Map<string, { file: string; alias: string }>;
  /** Modules layout: the module files that could not be named as their namespace (portableStem). */
  mapped: MappedFile[];
  /** Single layout: the `export namespace` name of each namespace but the root. */
  nested: Map<string, string>;
  /** Single layout: the identifiers declared at the top of the file (the root namespace and the envelope). */
  fileNames: ScopeNames;
}

/** A namespace's module file name without `.ts`, in the chosen naming, before it is made portable. */
function moduleStem(namespace: string, naming: Shape["fileNaming"]): string {
  if (naming === "camelCase") return namespaceIdentifier(namespace);
  const stem = moduleFileName(namespace).replace(/\.ts$/, "");
  return naming === "kebab-case" ? stem.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[._]+/g, "-").toLowerCase() : stem;
}

/** A module file name the plan had to change from the namespace's own, and why: emit reports it. */
export interface MappedFile {
  namespace: string;
  file: string;
  reason: string;
}

/** File stems the output already uses (lower case): the barrel and the runtime. */
const RESERVED_FILES = ["index", "runtime"];

/**
 * Decides every name of the output, in a fixed order: first each namespace's model names and the names derived from
 * them (declareNamespace), then the names emit makes up (flags types, request bodies, responses, path maps), then
 * the layout's own: the single file's namespace blocks and envelope names, or the modules' files and aliases.
 */
export function planNames(model: Model, hierarchy: Hierarchy, layout: Layout, shape: Shape = DEFAULT_SHAPE, omitted: ReadonlySet<string> = new Set()): NamePlan {
  const declared = new Map<string, Declared>();
  const unions = new Set<string>();
  const namespaces = new Map<string, NamespacePlan>();
  // First every name the model gives, in every namespace, so made-up names can avoid them.
  for (const namespace of model.namespaces) namespaces.set(namespace.name, declareNamespace(namespace, hierarchy, declared, unions));
  // Then the names emit makes up, namespace by namespace in model order.
  for (const namespace of model.namespaces) planMadeUpNames(namespace, namespaces.get(namespace.name)!, declared);
  const fileNames = namespaces.get(ROOT_NAMESPACE)?.names ?? new ScopeNames();
  const { envelope, nested } = layout === "single" ? planSingleFile(model, declared, fileNames) : { envelope: defaultEnvelope(), nested: new Map<string, string>() };
  const { modules, mapped } = planModules(model, layout, shape);
  // The envelope module is imported under this alias; only a namespace called "odata" could shadow it.
  const envelopeAlias = [...modules.values()].some((m) => m.alias === "odata") ? "odata_" : "odata";
  return { layout, shape, omitted, namespaces, declared, unions, envelope, envelopeAlias, modules, mapped, nested, fileNames };
}

/** A namespace's model names (types, enums, type definitions) and the names derived from them (guards, schemas, unions). */
function declareNamespace(namespace: Namespace, hierarchy: Hierarchy, declared: Map<string, Declared>, unions: Set<string>): NamespacePlan {
  const names = new ScopeNames();
  // Model names stay as they are, unless two of them become the same identifier (`a-b` and `a@b` are both `A_b`):
  // then the later one, in the model's sorted order, gets `_2`, so every declaration is still unique.
  const own = (candidate: string): string => names.claim(candidate);
  for (const definition of namespace.typeDefinitions) {
    declared.set(definition.fqn, { namespace: namespace.name, name: own(typeIdentifier(definition.name)), kind: "typeDefinition", underlying: definition.underlying });
  }
  const enums = namespace.enums.map((enumType) => {
    const entry: Declared = { namespace: namespace.name, name: own(enumIdentifier(enumType.name)), kind: "enum" };
    declared.set(enumType.fqn, entry);
    return entry;
  });
  const types = namespace.types.map((type) => {
    const entry: Declared = { namespace: namespace.name, name: own(typeIdentifier(type.name)), kind: "type" };
    declared.set(type.fqn, entry);
    return { type, entry };
  });
  // The names derived from model names come after all of them, from the same scope: `item` and `ITEM` are two
  // types, but both schemas would be ITEM_SCHEMA, so the later one is ITEM_SCHEMA_2.
  for (const entry of enums) entry.guard = names.claim(guardName(entry.name));
  for (const { type, entry } of types) {
    entry.guard = names.claim(guardName(entry.name));
    entry.schema = names.claim(schemaName(entry.name));
    if (hierarchy.descendants(type.fqn).length) entry.exactSchema = names.claim(schemaName(entry.name, "EXACT_SCHEMA"));
    if (hierarchy.descendants(type.fqn).length && hierarchy.concreteSubtree(type.fqn).length) {
      unions.add(type.fqn);
      entry.union = names.claim(unionName(entry.name));
    }
  }
  // The runtime's schema type, imported to annotate the schemas (they refer to each other, so cannot be inferred).
  const schemaType = names.claim("TypeSchema");
  return { names, schemaType, flags: new Map(), requestBodies: [], responses: [], paths: new Map() };
}

/** The names emit makes up in a namespace, claimed after every model name: flags types and helpers, operations, path maps. */
function planMadeUpNames(namespace: Namespace, plan: NamespacePlan, declared: ReadonlyMap<string, Declared>): void {
  for (const enumType of namespace.enums.filter((e) => e.flags)) {
    const name = declared.get(enumType.fqn)!.name;
    const helpers = flagsHelperNames(name);
    plan.flags.set(enumType.fqn, { type: plan.names.claim(flagsTypeName(name)), split: plan.names.claim(helpers.split), join: plan.names.claim(helpers.join) });
  }
  plan.requestBodies.push(...planRequestBodies(namespace, plan.names));
  plan.responses.push(...planResponses(namespace, plan.names));
  for (const container of namespace.containers) plan.paths.set(container, plan.names.claim(pathsName(container.name)));
}

const defaultEnvelope = (): EnvelopeNames => Object.fromEntries(ENVELOPE_TYPES.map((role) => [role, role])) as unknown as EnvelopeNames;

/** The single layout's top-level names: the envelope's (beside microsoft.graph's types) and each namespace block's. */
function planSingleFile(model: Model, declared: ReadonlyMap<string, Declared>, fileNames: ScopeNames): { envelope: EnvelopeNames; nested: Map<string, string> } {
  const envelope = defaultEnvelope();
  // The envelope shares the top level with microsoft.graph's types, which keep their names.
  for (const role of ENVELOPE_TYPES) envelope[role] = fileNames.has(role) ? fileNames.claim(`OData${role}`) : fileNames.claim(role);
  // A namespace whose qualified name is also a type's (`microsoft.graph.security`) is `SecurityNamespace`, as in
  // the official package; the type's name is compared as emit writes it (first letter upper case).
  const typeNames = new Set([...declared.values()].map((d) => `${d.namespace}.${d.name}`));
  const typeNamed = (namespace: string): boolean => {
    const dot = namespace.lastIndexOf(".");
    return dot > 0 && typeNames.has(`${namespace.slice(0, dot)}.${typeIdentifier(namespace.slice(dot + 1))}`);
  };
  const nested = new Map<string, string>();
  const namespaceNames = new ScopeNames();
  for (const namespace of model.namespaces) {
    if (namespace.name === ROOT_NAMESPACE) continue;
    // Two namespaces that become the same path (`a-b` and `a_b`): the later one's last part gets `_2`.
    nested.set(namespace.name, namespaceNames.claim(nestedNamespaceName(namespace.name, typeNamed(namespace.name))));
  }
  return { envelope, nested };
}

/**
 * Each namespace's module file and import alias. Two namespaces can sanitize to the same file or alias (`a-b` and
 * `a_b`); files also must not differ only in case (case-insensitive file systems). The later one, in model order,
 * gets `_2`.
 */
function planModules(model: Model, layout: Layout, shape: Shape): { modules: Map<string, { file: string; alias: string }>; mapped: MappedFile[] } {
  const modules = new Map<string, { file: string; alias: string }>();
  const files = new ScopeNames();
  const aliases = new ScopeNames();
  for (const name of RESERVED_FILES) files.take(name);
  // A module imports the runtime's helpers by these names, and the barrel exports them beside the aliases.
  for (const name of [...RUNTIME_EXPORTS, ...RUNTIME_IMPORTS, ...ENVELOPE_TYPES]) aliases.take(name.replace(/^type /, ""));
  const mapped: MappedFile[] = [];
  for (const namespace of model.namespaces) {
    const { stem, reason } = portableStem(moduleStem(namespace.name, shape.fileNaming));
    let file = stem;
    for (let n = 2; files.has(file.toLowerCase()); n++) file = `${stem}_${n}`;
    files.take(file.toLowerCase());
    modules.set(namespace.name, { file: `${file}.ts`, alias: aliases.claim(namespaceIdentifier(namespace.name)) });
    if (reason && layout === "modules") mapped.push({ namespace: namespace.name, file: `${file}.ts`, reason });
  }
  return { modules, mapped };
}
