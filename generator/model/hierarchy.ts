import type { Model, StructuredType } from "../types/index.js";
import { compareStrings } from "../order.js";

/** Queries over the inheritance tree that emit needs; computed once per model. */
export interface Hierarchy {
  type(fqn: string): StructuredType | undefined;
  /** Every type derived from this one, directly or not, in a stable order (by fqn). */
  descendants(fqn: string): StructuredType[];
  /** This type and its descendants that can appear in a payload (not abstract). */
  concreteSubtree(fqn: string): StructuredType[];
}

export function hierarchyOf(model: Model): Hierarchy {
  const types = new Map<string, StructuredType>();
  const children = new Map<string, StructuredType[]>();
  for (const namespace of model.namespaces) for (const type of namespace.types) types.set(type.fqn, type);
  for (const type of types.values()) {
    if (!type.baseType) continue;
    const siblings = children.get(type.baseType);
    if (siblings) siblings.push(type);
    else children.set(type.baseType, [type]);
  }
  const cache = new Map<string, StructuredType[]>();
  // A walk with an explicit stack, not recursion: the chain's depth is the input's to choose (within its limit).
  const descendants = (fqn: string): StructuredType[] => {
    let found = cache.get(fqn);
    if (!found) {
      found = [];
      const stack = [...(children.get(fqn) ?? [])];
      for (let next = stack.pop(); next; next = stack.pop()) {
        found.push(next);
        stack.push(...(children.get(next.fqn) ?? []));
      }
      found.sort((a, b) => compareStrings(a.fqn, b.fqn));
      cache.set(fqn, found);
    }
    return found;
  };
  return {
    type: (fqn) => types.get(fqn),
    descendants,
    concreteSubtree: (fqn) => {
      const self = types.get(fqn);
      return [...(self ? [self] : []), ...descendants(fqn)].filter((t) => !t.abstract);
    },
  };
}
