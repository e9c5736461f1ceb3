import type { Namespace, Operation, Parameter, TypedValue, TypeUse } from "../../types/index.js";
import { typeUseText } from "../../model/type-use.js";
import { compareStrings } from "../../order.js";
import { requestBodyName, responseName, type ScopeNames, typeIdentifier } from "../names.js";

/** How an operation declaration got its name, for its JSDoc. */
export interface OverloadNaming {
  name: string;
  /** The name before a clash made it unique. */
  base: string;
  /** The overloads differ, so the name carries the binding type of the first overload it serves. */
  prefixed: boolean;
  operations: Operation[];
}

/** One request body interface, shared by the overloads of an action whose parameters are the same. */
export interface RequestBodyPlan extends OverloadNaming {
  parameters: Parameter[];
}

/** One response alias, shared by the overloads whose return types are the same. */
export interface ResponsePlan extends OverloadNaming {
  returnType: TypedValue;
}

/**
 * A type use as a sort key: as CSDL writes it, an unresolved one marked with a leading `?` so that it sorts before
 * every resolved one and never equals one (which overload gets the plain name depends on this order).
 */
const typeKey = (type: TypeUse): string => (type.kind === "unknown" ? `?${type.written}` : typeUseText(type, false));
/** A stable text for a value's type, to compare overload signatures. */
const valueKey = (value: TypedValue): string => `${typeKey(value.type)}${value.collection ? "[]" : ""}${value.nullable ? "?" : ""}`;
/** The binding, to sort overloads by: the element type, then `[]` for a collection, so each sorts beside its element. */
const bindingKey = (operation: Operation): string => (operation.binding ? `${typeKey(operation.binding.type)}${operation.binding.collection ? "[]" : ""}` : "");

/** The binding type's PascalCase name (`microsoft.graph.user` -> `User`); empty for unbound operations. */
function bindingPrefix(operation: Operation): string {
  const type = operation.binding?.type;
  if (!type) return "";
  const written = typeUseText(type, false);
  return typeIdentifier(written.slice(written.lastIndexOf(".") + 1));
}

/**
 * Names the overloads of one operation. Overloads with the same signature (`key`) share one declaration; when the
 * signatures differ, each declaration is prefixed with the binding type of its first overload (by binding).
 */
function nameOverloads(operations: Operation[], key: (op: Operation) => string, baseName: (prefix: string) => string, names: ScopeNames): OverloadNaming[] {
  const groups = new Map<string, Operation[]>();
  // Sorted by binding, then signature, so the names do not depend on the order the source lists overloads in.
  for (const operation of [...operations].sort((a, b) => compareStrings(bindingKey(a), bindingKey(b)) || compareStrings(key(a), key(b)))) {
    const k = key(operation);
    groups.set(k, [...(groups.get(k) ?? []), operation]);
  }
  const prefixed = groups.size > 1;
  return [...groups.values()].map((group) => {
    const base = baseName(prefixed ? bindingPrefix(group[0]) : "");
    return { name: names.claim(base), base, prefixed, operations: group };
  });
}

/** A namespace's operations grouped by name (the overloads of each), by name. */
function byName(operations: readonly Operation[]): Operation[][] {
  const groups = new Map<string, Operation[]>();
  for (const operation of operations) groups.set(operation.name, [...(groups.get(operation.name) ?? []), operation]);
  return [...groups.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, group]) => group);
}

/** The request bodies of a namespace's actions with parameters: one per distinct parameter list of each action. */
export function planRequestBodies(namespace: Namespace, names: ScopeNames): RequestBodyPlan[] {
  const key = (op: Operation): string => JSON.stringify(op.parameters.map((p) => [p.name, valueKey(p), p.optional]));
  return byName(namespace.operations.filter((op) => op.kind === "action" && op.parameters.length)).flatMap((overloads) =>
    nameOverloads(overloads, key, (prefix) => requestBodyName(overloads[0].name, prefix), names).map((group) => ({ ...group, parameters: group.operations[0].parameters })),
  );
}

/** The responses of a namespace's operations that return something: one per distinct return type of each. */
export function planResponses(namespace: Namespace, names: ScopeNames): ResponsePlan[] {
  return byName(namespace.operations.filter((op) => op.returnType)).flatMap((overloads) =>
    nameOverloads(overloads, (op) => valueKey(op.returnType!), (prefix) => responseName(overloads[0].name, prefix), names).map((group) => ({ ...group, returnType: group.operations[0].returnType! })),
  );
}
