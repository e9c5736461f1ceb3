import type { JSDocTagStructure, PropertySignatureStructure } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { Property } from "../../types/index.js";
import type { EmitContext } from "../context.js";
import { deprecationTags, jsDoc, tag } from "../docs.js";
import { propertyKey } from "../names.js";
import { omittedRemark, PRIMITIVE_FORMATS, valueTypeText } from "../type-text.js";

/** `readonly` on a member, when the shape asks for it. */
export const readonlyFlag = (ctx: EmitContext): { isReadonly?: true } => (ctx.plan.shape.readonly ? { isReadonly: true } : {});

/** One property of a structured type: optional, its type as the scope writes it, its format and remarks as tags. */
export function transformProperty(property: Property, ctx: EmitContext): PropertySignatureStructure {
  const { scope } = ctx;
  const tags: JSDocTagStructure[] = [];
  if (property.type.kind === "primitive" && PRIMITIVE_FORMATS[property.type.edm]) tags.push(tag("format", PRIMITIVE_FORMATS[property.type.edm]));
  if (property.type.kind === "unknown") tags.push(tag("remarks", `The docs give the type as "${property.type.written}", which could not be resolved.`));
  const omitted = property.type.kind === "named" && scope.isOmitted(property.type.fqn);
  if (omitted && property.type.kind === "named" && !property.narrowedTo?.length) tags.push(tag("remarks", omittedRemark(property.type.fqn)));
  if (property.narrowedTo && property.type.kind === "named" && !omitted) tags.push(tag("see", `{@link ${scope.refer(property.type.fqn)}}`));
  tags.push(...deprecationTags(property.deprecation, property.deprecated));
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(property.name),
    hasQuestionToken: true,
    ...readonlyFlag(ctx),
    type: valueTypeText(property, scope, ctx.plan.shape.nullable),
    docs: jsDoc(property.description, tags),
  };
}
