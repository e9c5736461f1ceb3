import type { CsdlEntityContainer, CsdlSchema } from "../types/index.js";
import { readAnnotations, readAnnotationsBlock } from "./annotations.js";
import { readOperation } from "./operations.js";
import { attribute, checkName, childrenNamed, optional, requiredAttributes, type ReadContext } from "./attributes.js";
import { readEnumType, readStructuredType, readTypeDefinition } from "./structured.js";
import type { XmlElement } from "./tree.js";

/**
 * One `<Schema>`, its children read in document order. Elements the model does not use (`Term`, `Reference`,
 * `NavigationPropertyBinding`, ...) are ignored without a word: CSDL has more than a type generator needs.
 */
export function readSchema(context: ReadContext, element: XmlElement): CsdlSchema | undefined {
  const required = requiredAttributes(context, element, ["Namespace"]);
  if (!required) return undefined;
  checkName(context, element, "Alias", attribute(element, "Alias"));
  const schema: CsdlSchema = {
    namespace: required.Namespace,
    ...optional("alias", attribute(element, "Alias")),
    at: element.at,
    entityTypes: [],
    complexTypes: [],
    enumTypes: [],
    typeDefinitions: [],
    actions: [],
    functions: [],
    annotations: [],
  };
  for (const child of element.children) {
    switch (child.name) {
      case "EntityType":
        push(schema.entityTypes, readStructuredType(context, child, "entity"));
        break;
      case "ComplexType":
        push(schema.complexTypes, readStructuredType(context, child, "complex"));
        break;
      case "EnumType":
        push(schema.enumTypes, readEnumType(context, child));
        break;
      case "TypeDefinition":
        push(schema.typeDefinitions, readTypeDefinition(context, child));
        break;
      case "Action":
        push(schema.actions, readOperation(context, child, "action"));
        break;
      case "Function":
        push(schema.functions, readOperation(context, child, "function"));
        break;
      case "EntityContainer":
        schema.entityContainer ??= readEntityContainer(context, child);
        break;
      case "Annotations":
        push(schema.annotations, readAnnotationsBlock(context, child));
        break;
    }
  }
  return schema;
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

/** `<EntityContainer>`: the entity sets and singletons (bindings and imports are not read). */
export function readEntityContainer(context: ReadContext, element: XmlElement): CsdlEntityContainer | undefined {
  const required = requiredAttributes(context, element, ["Name"]);
  if (!required) return undefined;
  const container: CsdlEntityContainer = { name: required.Name, at: element.at, entitySets: [], singletons: [] };
  for (const child of childrenNamed(element, "EntitySet")) {
    const set = requiredAttributes(context, child, ["Name", "EntityType"]);
    if (set) container.entitySets.push({ name: set.Name, entityType: set.EntityType, at: child.at, annotations: readAnnotations(context, child) });
  }
  for (const child of childrenNamed(element, "Singleton")) {
    const singleton = requiredAttributes(context, child, ["Name", "Type"]);
    if (singleton) container.singletons.push({ name: singleton.Name, type: singleton.Type, at: child.at, annotations: readAnnotations(context, child) });
  }
  return container;
}
