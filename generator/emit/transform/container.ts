import type { PropertySignatureStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { EntityContainer } from "../../types/index.js";
import { compareStrings } from "../../order.js";
import type { EmitContext } from "../context.js";
import { jsDoc } from "../docs.js";
import { readonlyFlag } from "./property.js";

/**
 * One interface per entity container, mapping each top-level path to what a GET of it returns: an entity set to a
 * page of a collection response, a singleton to the entity itself (each the `Any*` union when the type has
 * derived types). Keys are paths so that a fetch wrapper can be typed by them:
 * `get<P extends keyof GraphServicePaths>(path: P): Promise<GraphServicePaths[P]>`.
 */
export function transformContainer(container: EntityContainer, ctx: EmitContext): StatementStructures[] {
  const { scope } = ctx;
  const name = ctx.plan.namespaces.get(scope.namespace)!.paths.get(container)!;
  const entries: { path: string; type: string; doc: string }[] = [];
  const element = (fqn: string) => (scope.isStructured(fqn) ? scope.referPayload(fqn) : "unknown");
  for (const set of container.entitySets) {
    entries.push({ path: `/${set.name}`, type: `${scope.envelope("CollectionResponse")}<${element(set.type)}>`, doc: `The entity set ${set.name}: a collection of ${set.type}.` });
  }
  for (const singleton of container.singletons) {
    entries.push({ path: `/${singleton.name}`, type: element(singleton.type), doc: `The singleton ${singleton.name}: one ${singleton.type}.` });
  }
  // Sorted by path; CSDL forbids a set and a singleton of the same name, but if the input has both, the set wins.
  const seen = new Set<string>();
  const properties: PropertySignatureStructure[] = entries
    .filter((e) => !seen.has(e.path) && seen.add(e.path))
    .sort((a, b) => compareStrings(a.path, b.path))
    .map((e) => ({ kind: StructureKind.PropertySignature, name: JSON.stringify(e.path), ...readonlyFlag(ctx), type: e.type, docs: jsDoc(e.doc) }));
  return [
    {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      properties,
      docs: jsDoc(
        `The top-level paths of the ${container.namespace}.${container.name} entity container, each mapped to the payload a GET of it returns: an entity set to a page of a collection, a singleton to the entity. Type a fetch wrapper with it: \`get<P extends keyof ${name}>(path: P): Promise<${name}[P]>\`.`,
      ),
    },
  ];
}
