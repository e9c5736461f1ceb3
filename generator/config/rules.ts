import { DIAGNOSTIC_KINDS } from "../types/index.js";
import type { OptionSpec, Rule } from "./table.js";
import { RULE_LEVELS, UsageError, type RuleLevel } from "./vocabulary.js";

/**
 * What each kind of option value means, written once: how a config value is checked, how a flag's text is read, and
 * the JSON Schema fragment schema.json gives it.
 */

/** A diagnostic code (`GT3001`) or a prefix pattern (`GT30*`, `GT*`), as `rules` keys take them. */
export const RULE_CODE = /^GT(\d{4}|\d{0,3}\*)$/;

const CODES: readonly string[] = Object.values(DIAGNOSTIC_KINDS).map((k) => k.code);

/** Whether a rule's code or prefix names a diagnostic graph-typegen reports: a rule for `GT9999` would do nothing, unsaid. */
export function reportsCode(pattern: string): boolean {
  return pattern.endsWith("*") ? CODES.some((code) => code.startsWith(pattern.slice(0, -1))) : CODES.includes(pattern);
}

const noneSuch = (code: string): string => (code.endsWith("*") ? `no diagnostic code starts with ${code.slice(0, -1)}` : `no diagnostic has the code ${code}`);

/** What the value should have been, or undefined when it fits the rule. */
export function mismatch(value: unknown, rule: Rule): string | undefined {
  const ok = (fits: boolean, expected: string): string | undefined => (fits ? undefined : expected);
  // An empty path would resolve to the config's own folder: as `out`, the whole folder would be swapped out.
  const isPath = (v: unknown): boolean => typeof v === "string" && v !== "";
  if (typeof rule !== "string") return ok(rule.includes(value as string), `one of ${rule.map((r) => `"${r}"`).join(", ")}`);
  switch (rule) {
    case "string":
      return ok(typeof value === "string", "a string");
    case "path":
      return ok(isPath(value), "a non-empty string (a path)");
    case "paths":
      return ok(Array.isArray(value) && value.every(isPath), "an array of paths (non-empty strings)");
    case "boolean":
      return ok(typeof value === "boolean", "true or false");
    case "count":
      return ok(Number.isSafeInteger(value) && (value as number) >= 0, "a whole number >= 0");
    case "positive":
      return ok(Number.isSafeInteger(value) && (value as number) >= 1, "a whole number >= 1");
    case "rules": {
      const shaped = typeof value === "object" && value !== null && !Array.isArray(value) && Object.entries(value).every(([code, level]) => RULE_CODE.test(code) && RULE_LEVELS.includes(level));
      if (!shaped) return `an object of codes or prefixes (GT3001, GT30*) to ${RULE_LEVELS.map((l) => `"${l}"`).join(", ")}`;
      const unknown = Object.keys(value as object).find((code) => !reportsCode(code));
      return ok(!unknown, `an object of the codes graph-typegen reports, or prefixes of them (${noneSuch(unknown ?? "")})`);
    }
  }
}

/** A value as an error message shows it: as JSON, shortened (NaN and Infinity, which JSON calls null, as they are). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "number" || typeof value === "bigint" ? String(value) : (JSON.stringify(value) ?? typeof value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The schema.json fragment of a rule (without its description). */
export function schemaFor(rule: Rule): Record<string, unknown> {
  if (typeof rule !== "string") return { type: "string", enum: [...rule] };
  const path = { type: "string", minLength: 1 };
  return {
    string: { type: "string" },
    path,
    paths: { type: "array", items: path },
    boolean: { type: "boolean" },
    count: { type: "integer", minimum: 0 },
    positive: { type: "integer", minimum: 1 },
    rules: { type: "object", propertyNames: { pattern: RULE_CODE.source }, additionalProperties: { type: "string", enum: [...RULE_LEVELS] } },
  }[rule];
}

export function wholeNumber(flag: string, value: string, min = 0): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < min) throw new UsageError(`--${flag} takes a whole number${min ? ` of at least ${min}` : ""}, not "${value}"`);
  return number;
}

/** `--rule GT3001=off` (repeatable) as the object config `rules` holds. */
export function ruleFlags(values: readonly string[]): Record<string, RuleLevel> {
  const rules: Record<string, RuleLevel> = {};
  for (const value of values) {
    const [code = "", level = ""] = value.split("=", 2).map((s) => s.trim());
    if (!RULE_CODE.test(code) || !(RULE_LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--rule takes CODE=LEVEL (a code such as GT3001 or a prefix such as GT30*; a level ${RULE_LEVELS.join(", ")}), not "${value}"`);
    }
    if (!reportsCode(code)) throw new UsageError(`--rule ${value}: ${noneSuch(code)} (the README lists every code)`);
    rules[code] = level as RuleLevel;
  }
  return rules;
}

/** A flag's value in the option's terms: a number for a count, a checked name for a list, ... */
export function flagValue(spec: OptionSpec, raw: string | boolean | string[]): unknown {
  const { flag = spec.name, rule } = spec;
  if (typeof raw === "boolean") return raw ? (spec.sets ?? true) : undefined;
  if (Array.isArray(raw)) return !raw.length ? undefined : rule === "rules" ? ruleFlags(raw) : raw;
  if (typeof rule !== "string") {
    if (!rule.includes(raw)) throw new UsageError(`--${flag} must be one of ${rule.join(", ")}, not "${raw}"`);
    return raw;
  }
  if (rule === "count" || rule === "positive") return wholeNumber(flag, raw, rule === "positive" ? 1 : 0);
  return raw;
}
