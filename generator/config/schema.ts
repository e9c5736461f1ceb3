import { schemaFor } from "./rules.js";
import { GROUP_SCHEMA, OPTIONS, type Rule } from "./table.js";

/** A config key's rule, or the rules of the keys it groups (`limits`, `namespaces`). */
export type RuleTree = { readonly [key: string]: Rule | RuleTree };

/** What each config key accepts, nested as the file nests them: what the validator walks. */
export const CONFIG_RULES: RuleTree = (() => {
  const tree: Record<string, Rule | Record<string, Rule>> = {};
  for (const spec of OPTIONS.filter((o) => o.config)) {
    const [top, sub] = spec.name.split(".");
    if (sub === undefined) tree[top] = spec.rule;
    else ((tree[top] ??= {}) as Record<string, Rule>)[sub] = spec.rule;
  }
  return tree;
})();

export const isRuleTree = (rule: Rule | RuleTree): rule is RuleTree => typeof rule === "object" && !Array.isArray(rule);

/** schema.json, as the table says it (test/config ties the committed file to this). */
export function configSchema(): Record<string, unknown> {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const spec of OPTIONS.filter((o) => o.config)) {
    const [top, sub] = spec.name.split(".");
    const node = { description: spec.schema, ...schemaFor(spec.rule) };
    if (sub === undefined) properties[top] = node;
    else {
      properties[top] ??= { description: GROUP_SCHEMA[top], type: "object", additionalProperties: false, properties: {} };
      (properties[top].properties as Record<string, unknown>)[sub] = node;
    }
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "graph-typegen configuration",
    description: "Options for graph-typegen (graph-typegen.config.json). Relative paths resolve against this file's folder; command-line flags override these values.",
    type: "object",
    additionalProperties: false,
    properties,
  };
}
