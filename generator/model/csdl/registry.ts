import {
  diagnostic,
  type CsdlAnnotation,
  type CsdlDocument,
  type CsdlEntityContainer,
  type CsdlEnumType,
  type CsdlOperation,
  type CsdlStructuredType,
  type CsdlTypeDefinition,
  type Diagnostic,
  type Position,
  type TypeUse,
} from "../../types/index.js";
import { edmPrimitive, isEdm, splitCollection, type Names, type Scope } from "./names.js";
import { compareStrings } from "../../order.js";

/** One named schema child, with the fully qualified name it declares and the scope its references resolve in. */
export interface Declared<T> {
  fqn: string;
  name: string;
  namespace: string;
  element: T;
  scope: Scope;
}

export type TypeEntry =
  | ({ kind: "structured" } & Declared<CsdlStructuredType>)
  | ({ kind: "enum" } & Declared<CsdlEnumType>)
  | ({ kind: "typeDefinition" } & Declared<CsdlTypeDefinition>);

export interface OperationEntry extends Declared<CsdlOperation> {
  /** Overloads share a name, so annotations find an operation by this id. */
  id: number;
  /** Parameter types as `Names.canonicalType` writes them, to match `ns.op(ns.type, Edm.String)` targets. */
  signature: string[];
}

/** Every declaration of every document, by fully qualified name; the first definition of a name wins. */
export interface Registry {
  /** Every schema's namespace, including empty ones. */
  namespaces: Set<string>;
  types: Map<string, TypeEntry>;
  /** Overloads in document order. */
  operations: Map<string, OperationEntry[]>;
  containers: Map<string, Declared<CsdlEntityContainer>>;
}

/** Finds the annotations that apply to a model element: its own (inline) ones, then out-of-line ones. */
export interface AnnotationLookup {
  /** `key` is `fqn`, `fqn/member`, `op:<id>` or `op:<id>/<parameter>`. */
  of(key: string, inline: readonly CsdlAnnotation[]): readonly CsdlAnnotation[];
}

export interface BuildContext {
  names: Names;
  registry: Registry;
  annotations: AnnotationLookup;
  diagnostics: Diagnostic[];
}

/** Collects the declarations of all documents, reporting a second definition of a type, enum or type definition. */
export function collectRegistry(documents: readonly CsdlDocument[], names: Names): { registry: Registry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const registry: Registry = { namespaces: new Set(), types: new Map(), operations: new Map(), containers: new Map() };
  let nextId = 0;
  const declared = <T extends { name: string }>(element: T, scope: Scope): Declared<T> => ({
    fqn: `${scope.namespace}.${element.name}`,
    name: element.name,
    namespace: scope.namespace,
    element,
    scope,
  });
  const addType = (entry: TypeEntry, at: Position): void => {
    const first = registry.types.get(entry.fqn);
    if (first) {
      const what = first.kind === entry.kind ? "defined again" : `defined again as ${article(entry.kind)} (first as ${article(first.kind)})`;
      diagnostics.push(diagnostic("duplicate-type", `${entry.fqn} is ${what}; the first definition is used`, at, [{ message: "first defined here", at: first.element.at }]));
      return;
    }
    registry.types.set(entry.fqn, entry);
  };

  documents.forEach((document, index) => {
    for (const schema of document.schemas) {
      const scope = names.scope(index, schema);
      registry.namespaces.add(schema.namespace);
      for (const type of [...schema.entityTypes, ...schema.complexTypes]) addType({ kind: "structured", ...declared(type, scope) }, type.at);
      for (const enumType of schema.enumTypes) addType({ kind: "enum", ...declared(enumType, scope) }, enumType.at);
      for (const definition of schema.typeDefinitions) addType({ kind: "typeDefinition", ...declared(definition, scope) }, definition.at);
      // Actions and functions are read into two lists; position restores their document order.
      for (const operation of [...schema.actions, ...schema.functions].sort((a, b) => comparePositions(a.at, b.at))) {
        const entry: OperationEntry = {
          ...declared(operation, scope),
          id: nextId++,
          signature: operation.parameters.map((parameter) => names.canonicalType(parameter.type, scope)),
        };
        const overloads = registry.operations.get(entry.fqn) ?? [];
        overloads.push(entry);
        registry.operations.set(entry.fqn, overloads);
      }
      const container = schema.entityContainer;
      if (container) {
        const entry = declared(container, scope);
        const first = registry.containers.get(entry.fqn);
        if (first) {
          diagnostics.push(diagnostic("duplicate-type", `entity container ${entry.fqn} is defined again; the first definition is used`, container.at, [{ message: "first defined here", at: first.element.at }]));
        } else {
          registry.containers.set(entry.fqn, entry);
        }
      }
    }
  });
  return { registry, diagnostics };
}

function article(kind: TypeEntry["kind"]): string {
  return kind === "structured" ? "a structured type" : kind === "enum" ? "an enum" : "a type definition";
}

export function comparePositions(a: Position, b: Position): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/**
 * A type reference as written (`Collection(graph.phone)`, `Edm.String`, `self.alert`) -> the model's type use.
 * One that names nothing becomes `unknown` with a GT1001 at the element that wrote it (`what` names that element).
 */
/**
 * Graph's `microsoft.graph.Json`: a complex type with nothing declared, standing for any JSON value (a workbook
 * range's `values` hold strings, numbers and arrays of arrays). A value of it is Edm.Json, as the docs write it:
 * `unknown`, since an object type would reject every string, number and array the service sends.
 */
function isJsonType(context: BuildContext, fqn: string): boolean {
  if (fqn !== "microsoft.graph.Json") return false;
  const entry = context.registry.types.get(fqn);
  return entry?.kind === "structured" && entry.element.kind === "complex" && !entry.element.properties.length && !entry.element.navigationProperties.length && !entry.element.baseType;
}

export function resolveTypeUse(
  context: BuildContext,
  written: string,
  scope: Scope,
  at: Position,
  what: string,
): { type: TypeUse; collection: boolean } {
  const { inner, collection } = splitCollection(written);
  if (isEdm(inner)) {
    const edm = edmPrimitive(inner);
    if (edm) return { type: { kind: "primitive", edm }, collection };
    context.diagnostics.push(diagnostic("unresolved-type", `type "${written}" of ${what} is not an EDM primitive type; typed as unknown`, at));
    return { type: { kind: "unknown", written }, collection };
  }
  const fqn = context.names.qualify(inner, scope);
  if (isJsonType(context, fqn)) return { type: { kind: "primitive", edm: "Json" }, collection };
  if (context.registry.types.has(fqn)) return { type: { kind: "named", fqn }, collection };
  const why = context.registry.operations.has(fqn) || context.registry.containers.has(fqn) ? `${fqn} is not a type` : `no schema defines ${fqn}`;
  context.diagnostics.push(diagnostic("unresolved-type", `type "${written}" of ${what} cannot be resolved (${why}); typed as unknown`, at));
  return { type: { kind: "unknown", written }, collection };
}
