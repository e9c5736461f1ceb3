/** The option table's defaults are the stages' own defaults, so the help and the schema say what really happens. */
import { DEFAULT_CSDL_LIMITS } from "../../generator/csdl/limits.js";
import { DEFAULT_SHAPE } from "../../generator/emit/plan/shape.js";
import { DEFAULT_MARKDOWN_LIMITS } from "../../generator/markdown/limits.js";
import { DEFAULT_MAX_INHERITANCE_DEPTH } from "../../generator/model/bases.js";
import { OPTIONS } from "../../generator/config/table.js";

const byName = new Map(OPTIONS.map((o) => [o.name, o]));

test("each limit's default is the stage's", () => {
  const stages: Record<string, Record<string, number>> = { markdown: { ...DEFAULT_MARKDOWN_LIMITS }, csdl: { ...DEFAULT_CSDL_LIMITS }, model: { maxInheritanceDepth: DEFAULT_MAX_INHERITANCE_DEPTH } };
  const limits = OPTIONS.filter((o) => o.name.startsWith("limits."));
  expect(limits.length).toBe(9);
  for (const o of limits) {
    const [, stage, key] = o.to!.split(".");
    expect({ name: o.name, default: o.default }).toEqual({ name: o.name, default: stages[stage][key] });
  }
});

test("each shape option's default is emit's", () => {
  for (const [key, value] of Object.entries(DEFAULT_SHAPE)) expect({ key, default: byName.get(key)?.default }).toEqual({ key, default: value });
  expect(byName.get("layout")?.default).toBe("modules");
});

test("flags are unique, and every flag has help and every config key a schema description", () => {
  const flags = OPTIONS.flatMap((o) => (o.flag ? [o.flag, ...(o.short ? [o.short] : [])] : []));
  expect(new Set(flags).size).toBe(flags.length);
  for (const o of OPTIONS) {
    if (o.flag) expect({ flag: o.flag, help: (o.help ?? "").length > 10 }).toEqual({ flag: o.flag, help: true });
    if (o.config) expect({ key: o.name, schema: (o.schema ?? "").length > 20 }).toEqual({ key: o.name, schema: true });
  }
});
