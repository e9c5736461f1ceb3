import { UNUSABLE_KINDS, type Diagnostic } from "../types/index.js";
import type { RuleLevel } from "./vocabulary.js";

/**
 * The rule for a code: an exact code beats any prefix, and a longer prefix beats a shorter one (`GT3001` over
 * `GT30*` over `GT*`), as the most specific ESLint override wins.
 */
export function ruleFor(code: string, rules: Readonly<Record<string, RuleLevel>>): RuleLevel | undefined {
  if (rules[code]) return rules[code];
  let best: { length: number; level: RuleLevel } | undefined;
  for (const [pattern, level] of Object.entries(rules)) {
    if (!pattern.endsWith("*") || !code.startsWith(pattern.slice(0, -1))) continue;
    if (!best || pattern.length > best.length) best = { length: pattern.length, level };
  }
  return best?.level;
}

/**
 * The diagnostics with the rules applied: `off` drops one, a level sets its severity. The kinds that mean the
 * input or the output could not be used keep theirs: they decide exit 2, and no rule can make unusable input usable.
 */
export function applyRules(diagnostics: readonly Diagnostic[], rules: Readonly<Record<string, RuleLevel>> | undefined): Diagnostic[] {
  if (!rules || !Object.keys(rules).length) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const level = UNUSABLE_KINDS.has(d.kind) ? undefined : ruleFor(d.code, rules);
    if (level === "off") return [];
    return level && level !== d.severity ? [{ ...d, severity: level }] : [d];
  });
}
