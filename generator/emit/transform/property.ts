import type { JSDocStructure, JSDocTagStructure, PropertySignatureStructure } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { Property } from "../../types/index.js";
import type { EmitContext } from "../context.js";
import { deprecationTags, formatTags, jsDoc, tag } from "../docs.js";
import { propertyKey } from "../names.js";
import { omittedRemark, valueTypeText, type ValueShape } from "../type-text.js";

/** `readonly` on a member, when the shape asks for it. */
export const readonlyFlag = (ctx: EmitContext): { isReadonly?: true } => (ctx.plan.shape.readonly ? { isReadonly: true } : {});

/**
 * A member of an interface the output declares (a type's property, a request body's parameter): always optional,
 * like everywhere in the output, `readonly` when the shape asks, its type as the scope writes it.
 */
export function memberSignature(name: string, value: ValueShape, docs: JSDocStructure[], ctx: EmitContext): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(name),
    hasQuestionToken: true,
    ...readonlyFlag(ctx),
    type: valueTypeText(value, ctx.scope, ctx.plan.shape.nullable),
    docs,
  };
}

/** One property of a structured type, its format and remarks as tags. */
export function transformProperty(property: Property, ctx: EmitContext): PropertySignatureStructure {
  const { scope } = ctx;
  const tags: JSDocTagStructure[] = formatTags(property.type);
  if (property.type.kind === "unknown") tags.push(tag("remarks", `The docs give the type as "${property.type.written}", which could not be resolved.`));
  const omitted = property.type.kind === "named" && scope.isOmitted(property.type.fqn);
  if (omitted && property.type.kind === "named" && !property.narrowedTo?.length) tags.push(tag("remarks", omittedRemark(property.type.fqn)));
  if (property.narrowedTo && property.type.kind === "named" && !omitted) tags.push(tag("see", `{@link ${scope.refer(property.type.fqn)}}`));
  tags.push(...deprecationTags(property.deprecation, property.deprecated));
  return memberSignature(property.name, property, jsDoc(property.description, tags), ctx);
}
