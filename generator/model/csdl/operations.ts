import { diagnostic, type Operation, type Parameter, type Position, type TypedValue } from "../../types/index.js";
import { nullability, typeUseText } from "../type-use.js";
import { deprecationOf, descriptionOf, isOptional } from "./annotations.js";
import type { Scope } from "./names.js";
import { resolveTypeUse, type BuildContext, type OperationEntry } from "./registry.js";
import { documented } from "./types.js";
import { compareStrings } from "../../order.js";

/**
 * An Action or Function. A bound operation's first parameter is its binding parameter (the value it is called on),
 * kept apart as `binding`; the rest are the parameters a caller passes. A bound operation without any parameter has
 * nothing to bind to: reported, and read as unbound.
 */
export function buildOperation(entry: OperationEntry, context: BuildContext): Operation {
  const { element } = entry;
  let bound = element.isBound;
  if (bound && element.parameters.length === 0) {
    context.diagnostics.push(diagnostic("csdl-invalid-value", `${element.kind} ${entry.fqn} is bound (IsBound="true") but has no binding parameter; it is read as unbound`, element.at));
    bound = false;
  }
  const [first, ...rest] = element.parameters;
  const parameters = bound ? rest : element.parameters;
  const annotations = context.annotations.of(`op:${entry.id}`, element.annotations);
  const names = parameterNames(parameters, entry.fqn, context);
  return {
    kind: element.kind,
    name: entry.name,
    namespace: entry.namespace,
    fqn: entry.fqn,
    ...(bound ? { binding: typedValue(context, first.type, first.nullable, entry.scope, first.at, `binding parameter ${first.name} of ${entry.fqn}`) } : {}),
    parameters: parameters.map((parameter, i): Parameter => {
      const own = context.annotations.of(`op:${entry.id}/${parameter.name}`, parameter.annotations);
      const description = descriptionOf(own);
      return {
        name: names[i]!,
        ...typedValue(context, parameter.type, parameter.nullable, entry.scope, parameter.at, `parameter ${parameter.name} of ${entry.fqn}`),
        optional: isOptional(own),
        ...(description ? { description } : {}),
        at: parameter.at,
      };
    }),
    ...(element.returnType
      ? { returnType: typedValue(context, element.returnType.type, element.returnType.nullable, entry.scope, element.returnType.at, `the return type of ${entry.fqn}`) }
      : {}),
    // IsComposable means something only for functions (an action's result cannot be composed further).
    composable: element.kind === "function" && element.isComposable,
    ...documented(descriptionOf(annotations), deprecationOf(annotations)),
    at: element.at,
  };
}

/**
 * Parameter names, unique: a request body cannot hold two properties of one name, so a repeated name (legal
 * nowhere in OData, but seen) becomes `name_2`, `name_3`..., with a GT1015 at the repeat.
 */
function parameterNames(parameters: readonly { name: string; at: Position }[], fqn: string, context: BuildContext): string[] {
  const taken = new Set<string>();
  return parameters.map(({ name, at }) => {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    if (unique !== name) context.diagnostics.push(diagnostic("duplicate-parameter", `${fqn} has two parameters named "${name}"; the later one is ${unique} in the request body`, at));
    taken.add(unique);
    return unique;
  });
}

/** Parameters and return values follow the property rule: nullable unless said otherwise, a collection never null. */
function typedValue(context: BuildContext, written: string, nullable: boolean | undefined, scope: Scope, at: Position, what: string): TypedValue {
  const { type, collection } = resolveTypeUse(context, written, scope, at, what);
  return { type, collection, nullable: nullability(collection, false, nullable).nullable };
}

/** What overloads of one name are told apart by first: unbound ones, then by the type they are bound to. */
function bindingKey(operation: Operation): string {
  if (!operation.binding) return "";
  return typeUseText(operation.binding.type, operation.binding.collection);
}

/**
 * Sorts by name, then binding type; the sort is stable, so overloads bound to the same type (functions that
 * differ in their parameters) keep document order, which callers pass in.
 */
export function sortOperations(operations: Operation[]): Operation[] {
  const keys = new Map(operations.map((operation) => [operation, bindingKey(operation)]));
  return operations.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(keys.get(a)!, keys.get(b)!));
}
