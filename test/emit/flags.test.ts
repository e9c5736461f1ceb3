import { FLAGS_LISTED_MAX, flagsCombinationText } from "../../generator/emit/type-text.js";
import { joinFlags, splitFlags } from "../../templates/runtime.js";
import { complex, declaration, emitted, flagsEnum, modelOf, prop } from "./model-builder.js";

const days = flagsEnum("microsoft.graph.dayOfWeek", ["sunday", "monday", "tuesday"]);
const letters = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

describe("the combination type", () => {
  test("lists every non-empty combination in member order, shortest first", () => {
    expect(flagsCombinationText(["a", "b", "c"], "E")).toBe('"a" | "b" | "c" | "a,b" | "a,c" | "b,c" | "a,b,c"');
    expect(flagsCombinationText(["only"], "E")).toBe('"only"');
  });

  test(`lists 2^n - 1 values up to ${FLAGS_LISTED_MAX} members, then approximates with a template literal`, () => {
    expect(flagsCombinationText(letters(FLAGS_LISTED_MAX), "E").split(" | ")).toHaveLength(2 ** FLAGS_LISTED_MAX - 1);
    expect(flagsCombinationText(letters(FLAGS_LISTED_MAX + 1), "E")).toBe("`${E}` | `${E},${string}`");
    expect(flagsCombinationText([], "E")).toBe("string");
  });
});

describe("flags enums", () => {
  test("keep the member union, the frozen object and the guard, and add <Enum>Flags after them", async () => {
    const graph = (await emitted(modelOf(days)))["microsoft.graph.ts"];
    expect(graph).toContain('export type DayOfWeek = "sunday" | "monday" | "tuesday";');
    expect(graph).toContain('export const DayOfWeek: {\n  readonly sunday: "sunday";\n  readonly monday: "monday";\n  readonly tuesday: "tuesday";\n} = /* @__PURE__ */ Object.freeze({');
    expect(graph).toContain("export function isDayOfWeek(value: unknown): value is DayOfWeek {");
    expect(declaration(graph, "export type DayOfWeekFlags")).toBe(
      'export type DayOfWeekFlags =\n  | "sunday"\n  | "monday"\n  | "tuesday"\n  | "sunday,monday"\n  | "sunday,tuesday"\n  | "monday,tuesday"\n  | "sunday,monday,tuesday";',
    );
    expect(graph).toMatch(/one member, or several comma-separated in declaration order \(`sunday,monday`\)\. Every combination is listed/);
    expect(graph.indexOf("export type DayOfWeekFlags")).toBeGreaterThan(graph.indexOf("export function isDayOfWeek"));
  });

  test("typed wrappers over the runtime helpers pass the declared member order", async () => {
    const graph = (await emitted(modelOf(days)))["microsoft.graph.ts"];
    expect(graph).toContain('import { joinFlags, splitFlags } from "./runtime.js";');
    expect(declaration(graph, "export function splitDayOfWeekFlags")).toBe(
      "export function splitDayOfWeekFlags(value: string | null | undefined): DayOfWeek[] {\n  return splitFlags(value).filter(isDayOfWeek);\n}",
    );
    expect(graph).toContain("export function joinDayOfWeekFlags(members: readonly [DayOfWeek, ...DayOfWeek[]]): DayOfWeekFlags;");
    expect(graph).toContain('export function joinDayOfWeekFlags(members: readonly DayOfWeek[]): DayOfWeekFlags | "";');
    expect(graph).toContain('return joinFlags(members, Object.values(DayOfWeek)) as DayOfWeekFlags | "";');
  });

  test("above the limit the type is a template literal, and its JSDoc says it is an approximation", async () => {
    const graph = (await emitted(modelOf(flagsEnum("microsoft.graph.big", letters(9)))))["microsoft.graph.ts"];
    expect(graph).toContain("export type BigFlags = `${Big}` | `${Big},${string}`;");
    expect(graph).toContain("With 9 members the 511 combinations are too many to list: this type checks only the first member");
  });

  test("properties of a flags type take combinations, across modules and in collections; narrowed ones a subset's", async () => {
    const out = await emitted(
      modelOf(
        days,
        complex("microsoft.graph.partners.billing.schedule", [
          prop("on", "microsoft.graph.dayOfWeek"),
          prop("every", "Collection(microsoft.graph.dayOfWeek)"),
          prop("early", "microsoft.graph.dayOfWeek", { narrowedTo: ["sunday", "monday"] }),
        ]),
      ),
    );
    const schedule = declaration(out["microsoft.graph.partners.billing.ts"], "export interface Schedule");
    expect(schedule).toContain("on?: microsoftGraph.DayOfWeekFlags | null;");
    expect(schedule).toContain("every?: microsoftGraph.DayOfWeekFlags[];");
    expect(schedule).toContain('early?: "sunday" | "monday" | "sunday,monday" | null;');
    expect(schedule).toContain("@see {@link microsoftGraph.DayOfWeek}");
  });

  test("a declared type of the same name keeps it; the flags type is renamed, and referred to by its new name", async () => {
    const out = await emitted(modelOf(days, complex("microsoft.graph.dayOfWeekFlags"), complex("microsoft.graph.partners.billing.slot", [prop("on", "microsoft.graph.dayOfWeek")])));
    expect(out["microsoft.graph.ts"]).toContain("export interface DayOfWeekFlags {");
    expect(out["microsoft.graph.ts"]).toContain("export type DayOfWeekFlags_2 =");
    expect(out["microsoft.graph.ts"]).toContain("): DayOfWeekFlags_2;");
    expect(out["microsoft.graph.partners.billing.ts"]).toContain("on?: microsoftGraph.DayOfWeekFlags_2 | null;");
  });

  test("a flags enum without members accepts any string and has no helpers", async () => {
    const graph = (await emitted(modelOf(flagsEnum("microsoft.graph.empty", []))))["microsoft.graph.ts"];
    expect(graph).toContain("export type EmptyFlags = string;");
    expect(graph).not.toContain("splitEmptyFlags");
    expect(graph).not.toContain("joinFlags");
  });
});

describe("runtime helpers (templates/runtime.ts)", () => {
  test("splitFlags trims, drops empty parts and keeps unknown names", () => {
    expect(splitFlags("a,b")).toEqual(["a", "b"]);
    expect(splitFlags(" a , ,c ")).toEqual(["a", "c"]);
    expect(splitFlags("")).toEqual([]);
    expect(splitFlags(null)).toEqual([]);
    expect(splitFlags(undefined)).toEqual([]);
  });

  test("joinFlags writes each member once, in the declared order, unknown names last", () => {
    const order = ["sunday", "monday", "tuesday"];
    expect(joinFlags(["tuesday", "sunday", "tuesday"], order)).toBe("sunday,tuesday");
    expect(joinFlags(new Set(["monday"]), order)).toBe("monday");
    expect(joinFlags(["x", "tuesday", "w"], order)).toBe("tuesday,x,w");
    expect(joinFlags([], order)).toBe("");
  });
});
