import { limitsOverDefaults } from "../types/index.js";

/**
 * Resource limits for one CSDL document. Metadata is usually downloaded, so the adapter treats it as untrusted:
 * every limit turns into a diagnostic, never an exception or an unbounded allocation.
 */
export interface CsdlLimits {
  /** Largest document accepted, in UTF-8 bytes; larger ones are refused (GT0003) before anything is parsed. */
  maxBytes: number;
  /** Deepest element nesting accepted (the root is level 1); deeper documents are refused (GT2103). */
  maxDepth: number;
  /** Longest attribute value (or element text) kept, in characters; longer ones are dropped (GT2105). */
  maxAttributeLength: number;
}

export const DEFAULT_CSDL_LIMITS: Readonly<CsdlLimits> = {
  maxBytes: 64 * 1024 * 1024,
  maxDepth: 200,
  maxAttributeLength: 1024 * 1024,
};

/**
 * Readers of nested annotation values recurse once per level, so the depth limit is also a recursion bound: it is
 * capped well below what the V8 stack holds, whatever the caller asks for. Real CSDL nests about 12 levels.
 */
export const MAX_DEPTH_CEILING = 1000;

/** The caller's limits over the defaults; nonsense values (NaN, negative) fall back to the default. */
export function resolveLimits(limits: Partial<CsdlLimits> = {}): CsdlLimits {
  const resolved = limitsOverDefaults(DEFAULT_CSDL_LIMITS, limits);
  return { ...resolved, maxDepth: Math.min(resolved.maxDepth, MAX_DEPTH_CEILING) };
}
