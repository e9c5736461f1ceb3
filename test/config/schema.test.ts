/**
 * schema.json is derived from the option table (generator/config/table.ts): the committed file must be what the
 * table makes (UPDATE_SCHEMA=1 writes it), and the validator must accept and reject what the schema does.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ConfigError, loadConfig } from "../../generator/config/config.js";
import { CONFIG_RULES, configSchema, isRuleTree, type RuleTree } from "../../generator/config/schema.js";
import type { Rule } from "../../generator/config/table.js";
import { ROOT } from "../helpers.js";

const SCHEMA = path.join(ROOT, "generator", "config", "schema.json");

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-schema-"));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test("schema.json is what the option table makes", async () => {
  const expected = `${JSON.stringify(configSchema(), null, 2)}\n`;
  if (process.env.UPDATE_SCHEMA) await writeFile(SCHEMA, expected);
  const committed = await readFile(SCHEMA, "utf8");
  if (committed !== expected) throw new Error("generator/config/schema.json is not what the option table makes: run UPDATE_SCHEMA=1 npx jest test/config/schema.test.ts");
});

describe("schema.json and the validator agree", () => {
  interface SchemaNode {
    type?: string;
    enum?: string[];
    minimum?: number;
    minLength?: number;
    description?: string;
    items?: SchemaNode;
    properties?: Record<string, SchemaNode>;
    additionalProperties?: boolean | SchemaNode;
    propertyNames?: { pattern: string };
  }
  const rules: RuleTree = CONFIG_RULES;

  let schema: SchemaNode & { $schema: string };
  beforeAll(async () => {
    schema = JSON.parse(await readFile(SCHEMA, "utf8"));
  });

  /** The schema fragment each validator rule stands for. */
  function expectedSchema(rule: Rule | RuleTree): Omit<SchemaNode, "description" | "properties"> {
    if (Array.isArray(rule)) return { type: "string", enum: [...rule] };
    if (typeof rule === "object") return { type: "object", additionalProperties: false };
    return (
      {
        string: { type: "string" },
        path: { type: "string", minLength: 1 },
        paths: { type: "array", items: { type: "string", minLength: 1 } },
        boolean: { type: "boolean" },
        count: { type: "integer", minimum: 0 },
        positive: { type: "integer", minimum: 1 },
        rules: { type: "object", propertyNames: { pattern: "^GT(\\d{4}|\\d{0,3}\\*)$" }, additionalProperties: { type: "string", enum: ["off", "info", "warning", "error"] } },
      } as Record<string, SchemaNode>
    )[rule as string];
  }

  function walk(node: SchemaNode, rules: RuleTree, prefix: string): Array<[string, SchemaNode, Rule | RuleTree]> {
    expect(Object.keys(node.properties ?? {}).sort()).toEqual(Object.keys(rules).sort());
    return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
      const rule = rules[key];
      const here: Array<[string, SchemaNode, Rule | RuleTree]> = [[`${prefix}${key}`, child, rule]];
      return isRuleTree(rule) ? [...here, ...walk(child, rule, `${prefix}${key}.`)] : here;
    });
  }

  test("same keys, same types, every key described, no other keys allowed", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema).toMatchObject({ type: "object", additionalProperties: false });
    for (const [name, node, rule] of walk(schema, rules, "")) {
      const { description, properties: _properties, ...shape } = node;
      expect({ name, shape }).toEqual({ name, shape: expectedSchema(rule) });
      expect({ name, described: typeof description === "string" && description.length > 20 }).toEqual({ name, described: true });
    }
  });

  /** A value the schema accepts, and values it rejects, for one schema node. */
  function samples(node: SchemaNode): { good: unknown; bad: unknown[] } {
    switch (node.type) {
      case "string":
        return { good: node.enum ? node.enum[node.enum.length - 1] : "x", bad: [1, node.enum ? "not-a-member" : null, ...(node.minLength ? [""] : [])] };
      case "array":
        return { good: ["x"], bad: ["x", [1], ...(node.items?.minLength ? [[""]] : [])] };
      case "boolean":
        return { good: true, bad: ["true", 0] };
      case "integer":
        return { good: node.minimum! + 1, bad: [node.minimum! - 1, 1.5, "3"] };
      case "object":
        if (node.propertyNames) return { good: { "GT30*": "off", GT1001: "error" }, bad: [[], "x", { GT1001: "loud" }, { "not-a-code": "off" }] };
        return { good: {}, bad: [[], "x", { notAKey: 1 }] };
      default:
        throw new Error(`schema type ${node.type} has no samples`);
    }
  }

  test("the validator accepts each value the schema accepts and rejects each it rejects, key by key", async () => {
    const file = path.join(tmp, "c.json");
    const check = async (name: string, value: unknown): Promise<string | undefined> => {
      const [key, sub] = name.split(".");
      await writeFile(file, JSON.stringify(sub ? { [key]: { [sub]: value } } : { [key]: value }));
      return loadConfig({ cwd: tmp, file }).then(
        () => undefined,
        (error: unknown) => (error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`),
      );
    };
    for (const [name, node] of walk(schema, rules, "")) {
      const { good, bad } = samples(node);
      expect({ name, good, error: await check(name, good) }).toEqual({ name, good, error: undefined });
      for (const value of bad) {
        const error = await check(name, value);
        expect({ name, value, error }).toEqual({ name, value, error: expect.stringMatching(new RegExp(`^c\\.json: "${name.replace(/\$/g, "\\$")}(\\.notAKey)?" (must be|is not a known option)`)) });
      }
    }
  });
});
