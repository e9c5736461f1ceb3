import type { CsdlOperation, CsdlParameter, CsdlReturnType } from "../types/index.js";
import { readAnnotations } from "./annotations.js";
import {
  attribute,
  booleanAttribute,
  childrenNamed,
  optional,
  optionalBoolean,
  requiredAttributes,
  type ReadContext,
} from "./attributes.js";
import type { XmlElement } from "./tree.js";

/** `<Action>` or `<Function>`: parameters in order (the binding parameter first when bound), then the return type. */
export function readOperation(
  context: ReadContext,
  element: XmlElement,
  kind: CsdlOperation["kind"],
): CsdlOperation | undefined {
  const required = requiredAttributes(context, element, ["Name"]);
  if (!required) return undefined;
  const parameters: CsdlParameter[] = [];
  for (const child of childrenNamed(element, "Parameter")) {
    const parameter = requiredAttributes(context, child, ["Name", "Type"]);
    if (!parameter) continue;
    parameters.push({
      name: parameter.Name,
      type: parameter.Type,
      ...optional("nullable", optionalBoolean(context, child, "Nullable")),
      at: child.at,
      annotations: readAnnotations(context, child),
    });
  }
  return {
    kind,
    name: required.Name,
    isBound: booleanAttribute(context, element, "IsBound", false),
    isComposable: booleanAttribute(context, element, "IsComposable", false),
    ...optional("entitySetPath", attribute(element, "EntitySetPath")),
    parameters,
    ...optional("returnType", readReturnType(context, element)),
    at: element.at,
    annotations: readAnnotations(context, element),
  };
}

/** The first `<ReturnType>` (CSDL allows one); an action without one returns nothing. */
function readReturnType(context: ReadContext, element: XmlElement): CsdlReturnType | undefined {
  const returnType = childrenNamed(element, "ReturnType")[0];
  if (!returnType) return undefined;
  const required = requiredAttributes(context, returnType, ["Type"]);
  if (!required) return undefined;
  return {
    type: required.Type,
    ...optional("nullable", optionalBoolean(context, returnType, "Nullable")),
    at: returnType.at,
    annotations: readAnnotations(context, returnType),
  };
}
