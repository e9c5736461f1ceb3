import type { StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { TypeDefinition } from "../../types/index.js";
import type { EmitContext } from "../context.js";
import { formatTags, jsDoc, tag } from "../docs.js";
import { typeIdentifier } from "../names.js";
import { PRIMITIVE_TYPES } from "../type-text.js";

/** `export type X = string;`: a CSDL type definition is a primitive under another name. */
export function transformTypeDefinition(definition: TypeDefinition, ctx: EmitContext): StatementStructures[] {
  const name = ctx.plan.declared.get(definition.fqn)?.name ?? typeIdentifier(definition.name);
  const tags = [...formatTags({ kind: "primitive", edm: definition.underlying }), tag("see", definition.fqn)];
  const description = definition.description ?? `A named Edm.${definition.underlying}.`;
  return [{ kind: StructureKind.TypeAlias, name, isExported: true, type: PRIMITIVE_TYPES[definition.underlying], docs: jsDoc(description, tags) }];
}
