/**
 * The one string order of the generator: UTF-16 code units, what `<` does on strings (not `localeCompare`, which
 * depends on the machine's locale and ICU), so every sorted list is the same on every machine.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By `name`, in that order. */
export const byName = <T extends { name: string }>(a: T, b: T): number => compareStrings(a.name, b.name);
