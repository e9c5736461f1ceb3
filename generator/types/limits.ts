/**
 * A caller's resource limits laid over the defaults, for either adapter: nonsense values (NaN, infinities, zero,
 * negative) fall back to the default, fractions round down.
 */
export function limitsOverDefaults<T extends { [K in keyof T]: number }>(defaults: Readonly<T>, given: Partial<T> = {}): T {
  const result = { ...defaults } as T;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = given[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 1) result[key] = Math.floor(value) as T[keyof T];
  }
  return result;
}
