import { diagnostic, type CsdlEntityContainer, type EntityContainer, type Position } from "../../types/index.js";
import type { BuildContext, Declared } from "./registry.js";

/**
 * An EntityContainer: its entity sets and singletons with the entity type each holds. The model has no way to say
 * "unknown" for these, so one whose type is not an entity type is reported (GT1001) and left out, rather than
 * handing emit a name that leads nowhere.
 */
export function buildContainer(container: Declared<CsdlEntityContainer>, context: BuildContext): EntityContainer {
  const { element, scope } = container;
  const entityType = (written: string, at: Position, what: string): string | undefined => {
    const fqn = context.names.qualify(written, scope);
    const found = context.registry.types.get(fqn);
    if (found?.kind === "structured" && found.element.kind === "entity") return fqn;
    const why = !found ? `no schema defines ${fqn}` : `${fqn} is not an entity type`;
    context.diagnostics.push(diagnostic("unresolved-type", `type "${written}" of ${what} cannot be resolved (${why}); it is left out of the container`, at));
    return undefined;
  };
  const entitySets: EntityContainer["entitySets"] = [];
  for (const set of element.entitySets) {
    const type = entityType(set.entityType, set.at, `entity set ${container.fqn}/${set.name}`);
    if (type) entitySets.push({ name: set.name, type, at: set.at });
  }
  const singletons: EntityContainer["singletons"] = [];
  for (const singleton of element.singletons) {
    const type = entityType(singleton.type, singleton.at, `singleton ${container.fqn}/${singleton.name}`);
    if (type) singletons.push({ name: singleton.name, type, at: singleton.at });
  }
  return { name: container.name, namespace: container.namespace, entitySets, singletons, at: element.at };
}
