import { diagnostic, type Diagnostic, type Position } from "../types/index.js";

/**
 * The shape rules every base-type map (type -> its base) must obey before types are built, for the docs and the
 * CSDL paths alike: no cycles, and no chain deeper than the limit. Both are linear passes without recursion, so a
 * hostile input of thousands of types in one chain costs milliseconds, not a stack overflow.
 */

/** Graph's deepest chain is 4 levels below its root (v1.0 and beta metadata, 2021 to 2026): room for any real model. */
export const DEFAULT_MAX_INHERITANCE_DEPTH = 32;

/** The model stage's resource limits (the adapters have their own). */
export interface ModelLimits {
  /** Most levels a type may sit below the root of its inheritance chain. */
  maxInheritanceDepth: number;
}

/** A cycle found and broken: its members from the one whose base was dropped, round to it again. */
export interface BrokenCycle<K> {
  dropped: K;
  members: K[];
}

/**
 * Breaks every cycle (a type that is its own base included) by dropping the base of the cycle's first member in
 * `order`, so every run drops the same one. Mutates `bases`; returns the cycles in `order` of their dropped member.
 */
export function breakCycles<K>(order: readonly K[], bases: Map<K, K>): BrokenCycle<K>[] {
  const rank = new Map(order.map((key, i) => [key, i]));
  const done = new Set<K>();
  const cycles: BrokenCycle<K>[] = [];
  for (const start of order) {
    const path: K[] = [];
    const onPath = new Map<K, number>();
    for (let key: K | undefined = start; key !== undefined && !done.has(key); key = bases.get(key)) {
      const seen = onPath.get(key);
      if (seen !== undefined) {
        const loop = path.slice(seen);
        const dropped = loop.reduce((a, b) => ((rank.get(b) ?? Infinity) < (rank.get(a) ?? Infinity) ? b : a));
        const members = [dropped];
        for (let next = bases.get(dropped)!; next !== dropped; next = bases.get(next)!) members.push(next);
        members.push(dropped);
        bases.delete(dropped);
        cycles.push({ dropped, members });
        break;
      }
      onPath.set(key, path.length);
      path.push(key);
    }
    for (const key of path) done.add(key);
  }
  return cycles.sort((a, b) => rank.get(a.dropped)! - rank.get(b.dropped)!);
}

/** A type cut from its base because it sat more than the limit below its root. */
export interface DepthCut<K> {
  key: K;
  base: K;
  /** The root type of the chain it was in. */
  root: K;
}

/**
 * Cuts every chain (cycles already broken) so that no type is more than `maxDepth` levels below its root: the first
 * type past the limit loses its base and starts a new chain. Which types are cut depends only on the chains, not
 * on `order` (which only orders the result). Mutates `bases`.
 */
export function limitDepth<K>(order: readonly K[], bases: Map<K, K>, maxDepth: number): DepthCut<K>[] {
  const depth = new Map<K, { depth: number; root: K }>();
  const cuts: DepthCut<K>[] = [];
  for (const start of order) {
    const path: K[] = [];
    let key: K | undefined = start;
    while (key !== undefined && !depth.has(key)) {
      path.push(key);
      key = bases.get(key);
    }
    // `key` is now a type of known depth (or none: the last on the path is a root); assign downwards from it.
    let above = key === undefined ? undefined : depth.get(key)!;
    for (let i = path.length - 1; i >= 0; i--) {
      const current = path[i];
      const base = bases.get(current);
      if (above === undefined || base === undefined) above = { depth: 0, root: current };
      else if (above.depth + 1 > maxDepth) {
        cuts.push({ key: current, base, root: above.root });
        bases.delete(current);
        above = { depth: 0, root: current };
      } else above = { depth: above.depth + 1, root: above.root };
      depth.set(current, above);
    }
  }
  const rank = new Map(order.map((key, i) => [key, i]));
  return cuts.sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
}

/** How the diagnostics of `enforceShape` show a type and where they put it. */
export interface ShapeSubject<K> {
  name(key: K): string;
  at(key: K): Position | undefined;
}

/**
 * Both rules with their diagnostics, the same for docs and metadata: every cycle broken (a GT1003, `breakCycles`),
 * then every chain cut past `maxDepth` (a GT1014, `limitDepth`). Mutates `bases`; appends to `diagnostics`.
 */
export function enforceShape<K>(order: readonly K[], bases: Map<K, K>, maxDepth: number, subject: ShapeSubject<K>, diagnostics: Diagnostic[]): void {
  const { name, at } = subject;
  for (const { dropped, members } of breakCycles(order, bases)) {
    diagnostics.push(diagnostic("inheritance-cycle", `inheritance cycle ${members.map(name).join(" -> ")}; the base of ${name(dropped)} is dropped`, at(dropped)));
  }
  for (const { key, base, root } of limitDepth(order, bases, maxDepth)) {
    diagnostics.push(diagnostic("inheritance-too-deep", `${name(key)} is more than ${maxDepth} levels below ${name(root)} (the inheritance depth limit: --max-inheritance-depth, config limits.maxInheritanceDepth); its base ${name(base)} is dropped`, at(key)));
  }
}

/** The chain of bases above a type, nearest first. Cycles must already be broken; stops at `limit` in any case. */
export function ancestorsOf<K>(bases: ReadonlyMap<K, K>, key: K, limit = bases.size): K[] {
  const chain: K[] = [];
  for (let next = bases.get(key); next !== undefined && chain.length <= limit; next = bases.get(next)) chain.push(next);
  return chain;
}
