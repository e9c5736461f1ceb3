import type { StatementStructures } from "ts-morph";
import type { Namespace } from "../../types/index.js";
import type { EmitContext } from "../context.js";
import { transformContainer } from "./container.js";
import { transformEnum } from "./enum.js";
import { transformFlags } from "./flags.js";
import { transformOperations } from "./operations.js";
import { transformStructuredType } from "./structured-type.js";
import { transformTypeDefinition } from "./type-definition.js";

/**
 * The declarations of one namespace, in a fixed order: type definitions, enums (each followed by its flags type),
 * structured types, operations, entity containers. Shared by both layouts; the context's scope collects what they
 * refer to, for the layout to import.
 */
export function transformNamespace(namespace: Namespace, ctx: EmitContext): StatementStructures[] {
  return [
    ...namespace.typeDefinitions.flatMap((definition) => transformTypeDefinition(definition, ctx)),
    ...namespace.enums.flatMap((enumType) => [...transformEnum(enumType, ctx), ...transformFlags(enumType, ctx)]),
    ...namespace.types.flatMap((type) => transformStructuredType(type, ctx)),
    ...transformOperations(namespace, ctx),
    ...namespace.containers.flatMap((container) => transformContainer(container, ctx)),
  ];
}
