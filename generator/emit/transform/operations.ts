import type { JSDocTagStructure, PropertySignatureStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { Namespace, Operation, Parameter, TypedValue } from "../../types/index.js";
import { typeUseText } from "../../model/type-use.js";
import { compareStrings } from "../../order.js";
import type { EmitContext } from "../context.js";
import { deprecationTags, formatTags, jsDoc, tag } from "../docs.js";
import type { OverloadNaming, RequestBodyPlan, ResponsePlan } from "../plan/overloads.js";
import { omittedRemark, valueTypeText } from "../type-text.js";
import { memberSignature } from "./property.js";

/**
 * Why the declaration has the name it has, when that is not just the operation's name: overloads that differ get
 * their binding type as a prefix; a name some other declaration already has gets a numeric suffix.
 */
function naming(plan: OverloadNaming, differIn: string): string {
  const fqn = plan.operations[0].fqn;
  return [
    plan.prefixed ? `The overloads of ${fqn} differ in their ${differIn}, so this name starts with the binding type of the first overload it serves.` : "",
    plan.name !== plan.base ? `Named ${plan.name} because ${plan.base} is declared by something else in this namespace.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function binding(operation: Operation): string {
  const bound = operation.binding;
  if (!bound) return "unbound";
  return `bound to ${bound.collection ? "a collection of " : ""}${typeUseText(bound.type, false)}`;
}

function bindings(operations: readonly Operation[]): string {
  return operations.map(binding).join("; ");
}

/** Deprecated only when every overload it serves is; the first one's reason is given. */
function groupDeprecation(operations: readonly Operation[]): JSDocTagStructure[] {
  return operations.every((op) => op.deprecation) ? deprecationTags(operations[0].deprecation) : [];
}

function parameterSignature(parameter: Parameter, ctx: EmitContext): PropertySignatureStructure {
  const tags: JSDocTagStructure[] = formatTags(parameter.type);
  if (parameter.type.kind === "named" && ctx.scope.isOmitted(parameter.type.fqn)) tags.push(tag("remarks", omittedRemark(parameter.type.fqn)));
  if (parameter.type.kind === "unknown") tags.push(tag("remarks", `The metadata gives the type as "${parameter.type.written}", which could not be resolved.`));
  // Every property is optional (`?`) like everywhere in the output; the ones the service may do without say so.
  const optional = parameter.optional ? "Optional: the service uses its default when it is left out." : "";
  return memberSignature(parameter.name, parameter, jsDoc([parameter.description, optional].filter(Boolean).join(" ") || undefined, tags), ctx);
}

function requestBody(body: RequestBodyPlan, ctx: EmitContext): StatementStructures {
  const first = body.operations[0];
  const about = `The body of the POST that invokes the ${first.fqn} action (${bindings(body.operations)}). ${naming(body, "parameters")}`.trim();
  return {
    kind: StructureKind.Interface,
    name: body.name,
    isExported: true,
    properties: body.parameters.map((p) => parameterSignature(p, ctx)),
    docs: jsDoc([first.description, about].filter(Boolean).join("\n\n"), [tag("see", first.fqn), ...groupDeprecation(body.operations)]),
  };
}

/**
 * How the result travels, per the OData JSON format: an entity or complex value as the object itself (its `Any*`
 * union when it has derived types), a collection as a page of a collection response, a primitive or enum value
 * wrapped in `{ value }`, a stream as bytes that are not JSON at all (`unknown`).
 */
function responseText(returnType: TypedValue, ctx: EmitContext): string {
  const { scope } = ctx;
  const type = returnType.type;
  if (type.kind === "unknown" || (type.kind === "primitive" && type.edm === "Stream")) return "unknown";
  const structured = type.kind === "named" && scope.isStructured(type.fqn);
  const element = structured ? scope.referPayload(type.fqn) : valueTypeText({ type, collection: false, nullable: !returnType.collection && returnType.nullable }, scope);
  if (returnType.collection) return `${scope.envelope("CollectionResponse")}<${element}>`;
  return structured ? element : `${scope.envelope("ValueResponse")}<${element}>`;
}

function response(plan: ResponsePlan, ctx: EmitContext): StatementStructures {
  const first = plan.operations[0];
  const about = `What the ${first.fqn} ${first.kind} returns (${bindings(plan.operations)}). ${naming(plan, "return types")}`.trim();
  return {
    kind: StructureKind.TypeAlias,
    name: plan.name,
    isExported: true,
    type: responseText(plan.returnType, ctx),
    docs: jsDoc([first.description, about].filter(Boolean).join("\n\n"), [tag("see", first.fqn), ...groupDeprecation(plan.operations)]),
  };
}

/**
 * Request bodies and responses of a namespace's operations (as the plan grouped and named their overloads), each
 * operation's together, by operation name.
 */
export function transformOperations(namespace: Namespace, ctx: EmitContext): StatementStructures[] {
  const plan = ctx.plan.namespaces.get(namespace.name)!;
  const byOperation = new Map<string, StatementStructures[]>();
  const add = (operation: Operation, statement: StatementStructures) => byOperation.set(operation.name, [...(byOperation.get(operation.name) ?? []), statement]);
  for (const body of plan.requestBodies) add(body.operations[0], requestBody(body, ctx));
  for (const result of plan.responses) add(result.operations[0], response(result, ctx));
  return [...byOperation.entries()].sort(([a], [b]) => compareStrings(a, b)).flatMap(([, statements]) => statements);
}
