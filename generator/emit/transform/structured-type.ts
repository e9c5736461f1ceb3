import type { InterfaceDeclarationStructure, PropertySignatureStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { Hierarchy } from "../../model/hierarchy.js";
import type { StructuredType } from "../../types/index.js";
import { writesGuards, type EmitContext } from "../context.js";
import { deprecationTags, jsDoc, tag } from "../docs.js";
import { propertyKey, typeIdentifier } from "../names.js";
import { transformGuard } from "./guard.js";
import { readonlyFlag, transformProperty } from "./property.js";

/**
 * The `@odata.type` a payload of the type carries: `#` and the qualified name as the service writes it, or the name
 * alone, as request bodies and nested objects in the docs often do (the guards accept both too).
 */
function odataTypeText(types: readonly StructuredType[]): string {
  return types.map((t) => `${JSON.stringify(`#${t.fqn}`)} | ${JSON.stringify(t.fqn)}`).join(" | ");
}

/**
 * Names of the dynamic properties an open type's payloads carry, where Graph fixes their form: directory schema
 * extensions on every directory object (`extension_<appId>_<name>`). A pattern keeps the excess-property check for
 * every other name.
 */
const DYNAMIC_PROPERTY_NAMES: Readonly<Record<string, string>> = { "microsoft.graph.directoryObject": "`extension_${string}`" };

/**
 * An open type's index signature: one with no properties of its own or inherited is a dictionary (the planner's
 * `plannerAssignments`, keyed by user id), any key; one whose dynamic names Graph fixes gets their pattern. Other
 * open types get none, so a misspelled property is still an error.
 */
function indexSignatures(type: StructuredType, hierarchy: Hierarchy): { keyName: string; keyType: string; returnType: string }[] {
  const pattern = DYNAMIC_PROPERTY_NAMES[type.fqn];
  if (pattern) return [{ keyName: "name", keyType: pattern, returnType: "unknown" }];
  if (!type.openType) return [];
  for (let t: StructuredType | undefined = type; t; t = t.baseType ? hierarchy.type(t.baseType) : undefined) if (t.properties.length) return [];
  return [{ keyName: "key", keyType: "string", returnType: "unknown" }];
}

/** The interface of a structured type, its derived-type union when it has derived types, and (with a runtime) its guard. */
export function transformStructuredType(type: StructuredType, ctx: EmitContext): StatementStructures[] {
  const declared = ctx.plan.declared.get(type.fqn);
  const name = declared?.name ?? typeIdentifier(type.name);
  const statements: StatementStructures[] = [typeInterface(type, name, ctx)];
  const union = derivedUnion(type, name, ctx);
  if (union) statements.push(union);
  if (writesGuards(ctx)) statements.push(...transformGuard(type, ctx));
  return statements;
}

function typeInterface(type: StructuredType, name: string, ctx: EmitContext): InterfaceDeclarationStructure {
  const { hierarchy, scope } = ctx;
  const subtree = hierarchy.concreteSubtree(type.fqn);
  const properties: PropertySignatureStructure[] = [];
  if (subtree.length) {
    properties.push({
      kind: StructureKind.PropertySignature,
      name: propertyKey("@odata.type"),
      hasQuestionToken: true,
      ...readonlyFlag(ctx),
      type: odataTypeText(subtree),
      docs: jsDoc(hierarchy.descendants(type.fqn).length ? "The type of the payload: this type or one derived from it." : "The type of the payload."),
    });
  }
  properties.push(...type.properties.map((p) => transformProperty(p, ctx)));
  const notes = [type.description, type.abstract ? "Abstract: payloads are always one of the derived types." : "", type.openType ? "Open type: payloads may carry properties not listed here." : ""].filter(Boolean).join("\n\n");
  // A root entity type carries the instance annotations (@odata.id, @odata.etag...), and every entity through it.
  const extendsTypes = type.baseType ? [scope.refer(type.baseType)] : type.kind === "entity" ? [scope.envelope("InstanceAnnotations")] : [];
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    extends: extendsTypes,
    properties,
    // Not in the single layout: an index signature makes the official package's types unassignable to ours.
    indexSignatures: ctx.plan.layout === "modules" ? indexSignatures(type, hierarchy) : [],
    docs: jsDoc(notes || undefined, [tag("see", type.fqn), ...deprecationTags(type.deprecation)]),
  };
}

/**
 * `Any*`: the type or any type derived from it, where the plan gave it one (a type with derived types and a concrete
 * subtree). Each member carries only its own @odata.type literal, so a switch on "@odata.type" narrows to one member.
 */
function derivedUnion(type: StructuredType, name: string, ctx: EmitContext): StatementStructures | undefined {
  const { hierarchy, scope } = ctx;
  const union = ctx.plan.declared.get(type.fqn)?.union;
  if (!union) return undefined;
  const members = hierarchy.concreteSubtree(type.fqn).map((member) => {
    const ref = scope.refer(member.fqn);
    return hierarchy.descendants(member.fqn).length ? `(${ref} & { ${propertyKey("@odata.type")}?: ${odataTypeText([member])} })` : ref;
  });
  return {
    kind: StructureKind.TypeAlias,
    name: union,
    isExported: true,
    type: members.join(" | "),
    docs: jsDoc(`{@link ${name}} or any type derived from it, discriminated by \`@odata.type\`.`),
  };
}
