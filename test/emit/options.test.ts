/**
 * The output-shape options (EmitOptions enumStyle, guards, readonly, nullable, namespaces): the exact text each
 * writes for a small model, and that the output still compiles under --strict with NodeNext and Bundler resolution.
 * The defaults are covered by the other emit tests (and output/ staying byte-identical).
 */
import type { EmitOptions } from "../../generator/emit/index.js";
import { keepsNamespace } from "../../generator/emit/index.js";
import { BUNDLER, compile, complex, emitted, entity, enumType, flagsEnum, modelOf, NODENEXT, prop } from "./model-builder.js";

const model = modelOf(
  complex("microsoft.graph.address", [prop("city", "Edm.String"), prop("color", "microsoft.graph.color"), prop("tone", "microsoft.graph.color", { narrowedTo: ["red"] })]),
  enumType("microsoft.graph.color", ["red", { name: "dark-blue", value: 1, description: "Blue." }]),
);

/** A module's text after the banner. */
const body = (text: string): string => text.slice(text.indexOf("*/\n\n") + 4);

/** Compiles the files with the usage file under both module resolutions; returns the diagnostics of each. */
async function compileBoth(files: Record<string, string>, usage: string): Promise<{ nodenext: string[]; bundler: string[] }> {
  const extra = { "usage.ts": usage };
  return { nodenext: await compile(files, extra, NODENEXT), bundler: await compile(files, extra, BUNDLER) };
}

const clean = { nodenext: [], bundler: [] };

describe.each<[string, Partial<EmitOptions>, string, string]>([
  [
    "enumStyle: const-object: the frozen object and a type derived from it",
    { enumStyle: "const-object" },
    `import { conforms, typeSchema, type TypeSchema } from "./runtime.js";

/** The members of the microsoft.graph.color enumeration. */
export type Color = (typeof Color)[keyof typeof Color];

/** Every member of {@link Color}, by name. */
export const Color: {
  readonly red: "red";
  /** Blue. */
  readonly "dark-blue": "dark-blue";
} = /* @__PURE__ */ Object.freeze({
  red: "red",
  "dark-blue": "dark-blue",
} as const);

/** Whether \`value\` is one of the members of {@link Color}. */
export function isColor(value: unknown): value is Color {
  return typeof value === "string" && (Object.values(Color) as readonly string[]).includes(value);
}

/** @see microsoft.graph.address */
export interface Address {
  /** The type of the payload. */
  "@odata.type"?: "#microsoft.graph.address" | "microsoft.graph.address";
  city?: string | null;
  color?: Color | null;
  /** @see {@link Color} */
  tone?: "red" | null;
}

/** What {@link isAddress} checks: the properties of {@link Address}. */
export const ADDRESS_SCHEMA: TypeSchema<Address> = /* @__PURE__ */ typeSchema(
  "microsoft.graph.address",
  undefined,
  () => ({
    city: "?s",
    color: ["?", () => Color],
    tone: ["?", () => ["red"]],
  }),
);

/** Whether \`value\` is a {@link Address} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, ADDRESS_SCHEMA)\` says why not. */
export function isAddress(value: unknown): value is Address {
  return conforms(value, ADDRESS_SCHEMA);
}
`,
    `
import { microsoftGraph as graph } from "./index.js";
export const blue: graph.Color = graph.Color["dark-blue"];
export const red: graph.Color = "red";
// @ts-expect-error not a member
export const green: graph.Color = "green";
export const address: graph.Address = { color: graph.Color.red, tone: "red" };
export const known: boolean = graph.isColor("red");
`,
  ],
  [
    "enumStyle: enum: a TypeScript string enum; narrowed properties name enum members",
    { enumStyle: "enum" },
    `import { conforms, typeSchema, type TypeSchema } from "./runtime.js";

/** The members of the microsoft.graph.color enumeration. */
export enum Color {
  red = "red",
  /** Blue. */
  "dark-blue" = "dark-blue",
}

/** Whether \`value\` is one of the members of {@link Color}. */
export function isColor(value: unknown): value is Color {
  return typeof value === "string" && (Object.values(Color) as readonly string[]).includes(value);
}

/** @see microsoft.graph.address */
export interface Address {
  /** The type of the payload. */
  "@odata.type"?: "#microsoft.graph.address" | "microsoft.graph.address";
  city?: string | null;
  color?: Color | null;
  /** @see {@link Color} */
  tone?: Color.red | null;
}

/** What {@link isAddress} checks: the properties of {@link Address}. */
export const ADDRESS_SCHEMA: TypeSchema<Address> = /* @__PURE__ */ typeSchema(
  "microsoft.graph.address",
  undefined,
  () => ({
    city: "?s",
    color: ["?", () => Color],
    tone: ["?", () => ["red"]],
  }),
);

/** Whether \`value\` is a {@link Address} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, ADDRESS_SCHEMA)\` says why not. */
export function isAddress(value: unknown): value is Address {
  return conforms(value, ADDRESS_SCHEMA);
}
`,
    `
import { microsoftGraph as graph } from "./index.js";
export const blue: graph.Color = graph.Color["dark-blue"];
// @ts-expect-error a string literal is not an enum member
export const red: graph.Color = "red";
export const address: graph.Address = { color: graph.Color.red, tone: graph.Color.red };
// @ts-expect-error the narrowed property takes only the listed member
export const wrongTone: graph.Address = { tone: graph.Color["dark-blue"] };
export const known: boolean = graph.isColor("red");
`,
  ],
  [
    "guards: false: no guards, no *_SCHEMA tables, no runtime import",
    { guards: false },
    `/** The members of the microsoft.graph.color enumeration. */
export type Color = "red" | "dark-blue";

/** Every member of {@link Color}, by name. */
export const Color: {
  readonly red: "red";
  /** Blue. */
  readonly "dark-blue": "dark-blue";
} = /* @__PURE__ */ Object.freeze({
  red: "red",
  "dark-blue": "dark-blue",
} as const);

/** @see microsoft.graph.address */
export interface Address {
  /** The type of the payload. */
  "@odata.type"?: "#microsoft.graph.address" | "microsoft.graph.address";
  city?: string | null;
  color?: Color | null;
  /** @see {@link Color} */
  tone?: "red" | null;
}
`,
    `
import { microsoftGraph as graph } from "./index.js";
export const address: graph.Address = { color: graph.Color.red };
// @ts-expect-error no guards
export const guard = graph.isAddress;
`,
  ],
  [
    "readonly: every property readonly",
    { readonly: true },
    `import { conforms, typeSchema, type TypeSchema } from "./runtime.js";

/** The members of the microsoft.graph.color enumeration. */
export type Color = "red" | "dark-blue";

/** Every member of {@link Color}, by name. */
export const Color: {
  readonly red: "red";
  /** Blue. */
  readonly "dark-blue": "dark-blue";
} = /* @__PURE__ */ Object.freeze({
  red: "red",
  "dark-blue": "dark-blue",
} as const);

/** Whether \`value\` is one of the members of {@link Color}. */
export function isColor(value: unknown): value is Color {
  return typeof value === "string" && (Object.values(Color) as readonly string[]).includes(value);
}

/** @see microsoft.graph.address */
export interface Address {
  /** The type of the payload. */
  readonly "@odata.type"?: "#microsoft.graph.address" | "microsoft.graph.address";
  readonly city?: string | null;
  readonly color?: Color | null;
  /** @see {@link Color} */
  readonly tone?: "red" | null;
}

/** What {@link isAddress} checks: the properties of {@link Address}. */
export const ADDRESS_SCHEMA: TypeSchema<Address> = /* @__PURE__ */ typeSchema(
  "microsoft.graph.address",
  undefined,
  () => ({
    city: "?s",
    color: ["?", () => Color],
    tone: ["?", () => ["red"]],
  }),
);

/** Whether \`value\` is a {@link Address} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, ADDRESS_SCHEMA)\` says why not. */
export function isAddress(value: unknown): value is Address {
  return conforms(value, ADDRESS_SCHEMA);
}
`,
    `
import { microsoftGraph as graph, type CollectionResponse } from "./index.js";
export function rename(address: graph.Address): void {
  // @ts-expect-error readonly
  address.city = "Oslo";
}
export function next(page: CollectionResponse<graph.Address>): void {
  // @ts-expect-error the envelope's properties are readonly too
  page["@odata.nextLink"] = null;
}
`,
  ],
  [
    "nullable: optional: no | null",
    { nullable: "optional" },
    `import { conforms, typeSchema, type TypeSchema } from "./runtime.js";

/** The members of the microsoft.graph.color enumeration. */
export type Color = "red" | "dark-blue";

/** Every member of {@link Color}, by name. */
export const Color: {
  readonly red: "red";
  /** Blue. */
  readonly "dark-blue": "dark-blue";
} = /* @__PURE__ */ Object.freeze({
  red: "red",
  "dark-blue": "dark-blue",
} as const);

/** Whether \`value\` is one of the members of {@link Color}. */
export function isColor(value: unknown): value is Color {
  return typeof value === "string" && (Object.values(Color) as readonly string[]).includes(value);
}

/** @see microsoft.graph.address */
export interface Address {
  /** The type of the payload. */
  "@odata.type"?: "#microsoft.graph.address" | "microsoft.graph.address";
  city?: string;
  color?: Color;
  /** @see {@link Color} */
  tone?: "red";
}

/** What {@link isAddress} checks: the properties of {@link Address}. */
export const ADDRESS_SCHEMA: TypeSchema<Address> = /* @__PURE__ */ typeSchema(
  "microsoft.graph.address",
  undefined,
  () => ({
    city: "s",
    color: ["", () => Color],
    tone: ["", () => ["red"]],
  }),
);

/** Whether \`value\` is a {@link Address} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, ADDRESS_SCHEMA)\` says why not. */
export function isAddress(value: unknown): value is Address {
  return conforms(value, ADDRESS_SCHEMA);
}
`,
    `
import { microsoftGraph as graph } from "./index.js";
export const address: graph.Address = { city: "Oslo" };
// @ts-expect-error null is not a value any more
export const nulled: graph.Address = { city: null };
`,
  ],
])("%s", (_name, options, expected, usage) => {
  test("emits exactly this module", async () => {
    expect(body((await emitted(model, options))["microsoft.graph.ts"])).toBe(expected);
  });

  // Two type-checks: over jest's default 5 s on a loaded 2-core machine.
  test("compiles under --strict (NodeNext and Bundler)", async () => {
    expect(await compileBoth(await emitted(model, options), usage)).toEqual(clean);
  }, 30_000);
});

describe("guards: false", () => {
  test("leaves out the flags helpers (they call the guards and the runtime) but keeps the flags type; runtime.ts is still written", async () => {
    const files = await emitted(modelOf(flagsEnum("microsoft.graph.days", ["mon", "tue"])), { guards: false });
    const text = files["microsoft.graph.ts"];
    expect(text).toContain(`export type DaysFlags = "mon" | "tue" | "mon,tue";`);
    expect(text).not.toMatch(/splitDaysFlags|joinDaysFlags|isDays|from "\.\/runtime\.js"/);
    expect(files["runtime.ts"]).toContain("export interface CollectionResponse");
  });
});

describe("the single layout (declarations only)", () => {
  test("writes the union whatever the enum style, and applies readonly and nullable", async () => {
    const files = await emitted(model, { layout: "single", enumStyle: "enum", readonly: true, nullable: "optional", guards: false });
    const text = files["index.d.ts"];
    expect(text).toContain(`export type Color = "red" | "dark-blue";`);
    expect(text).toContain(`  readonly city?: string;\n`);
    expect(await compileBoth(files, `import type { Address } from "./index.js";\nexport const a: Address = { city: "Oslo" };\n`)).toEqual(clean);
  });
});

describe("namespaces", () => {
  const namespaced = modelOf(
    entity("microsoft.graph.entity", [prop("id", "Edm.String", { nullable: false })], { abstract: true }),
    enumType("microsoft.graph.color", ["red"]),
    entity("contoso.hr.person", [prop("favorite", "microsoft.graph.color"), prop("manager", "contoso.hr.person")], { baseType: "microsoft.graph.entity" }),
  );

  test("matches exact names and trailing-* prefixes; exclude wins over include", () => {
    expect(keepsNamespace("microsoft.graph", {})).toBe(true);
    expect(keepsNamespace("microsoft.graph", { include: ["microsoft.graph.*"] })).toBe(false);
    expect(keepsNamespace("microsoft.graph.security", { include: ["microsoft.graph.*"] })).toBe(true);
    expect(keepsNamespace("microsoft.graph.security", { include: ["microsoft.graph.*"], exclude: ["microsoft.graph.security"] })).toBe(false);
    expect(keepsNamespace("contoso.hr", { exclude: ["microsoft.*"] })).toBe(true);
  });

  test("a left-out namespace is not emitted; references to it are unknown, a left-out base's properties are copied in", async () => {
    const files = await emitted(namespaced, { namespaces: { exclude: ["microsoft.graph"] } });
    expect(Object.keys(files).sort()).toEqual(["contoso.hr.ts", "index.ts", "runtime.ts"]);
    expect(body(files["contoso.hr.ts"])).toBe(`import type * as odata from "./runtime.js";
import { conforms, typeSchema, type TypeSchema } from "./runtime.js";

/**
 * Inherits from microsoft.graph.entity, left out of the output (namespaces option): its properties are listed here.
 *
 * @see contoso.hr.person
 */
export interface Person extends odata.InstanceAnnotations {
  /** The type of the payload. */
  "@odata.type"?: "#contoso.hr.person" | "contoso.hr.person";
  id?: string;
  /** @remarks The type microsoft.graph.color is in a namespace left out of the output (namespaces option), so this is \`unknown\`. */
  favorite?: unknown;
  manager?: Person | null;
}

/** What {@link isPerson} checks: the properties of {@link Person}. */
export const PERSON_SCHEMA: TypeSchema<Person> = /* @__PURE__ */ typeSchema(
  "contoso.hr.person",
  undefined,
  () => ({
    id: "s",
    favorite: "?u",
    manager: ["?", () => PERSON_SCHEMA],
  }),
);

/** Whether \`value\` is a {@link Person} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, PERSON_SCHEMA)\` says why not. */
export function isPerson(value: unknown): value is Person {
  return conforms(value, PERSON_SCHEMA);
}
`);
    expect(body(files["index.ts"])).toBe(`export * as contosoHr from "./contoso.hr.js";\nexport type { CollectionResponse, InstanceAnnotations, ValueResponse } from "./runtime.js";\nexport {\n  conforms,\n  standardSchema,\n  validate,\n  type StandardSchemaV1,\n  type TypeSchema,\n  type ValidateOptions,\n  type ValidationIssue,\n} from "./runtime.js";\n`);
  });

  test("the filtered output compiles under --strict (NodeNext and Bundler)", async () => {
    const usage = `
import { contosoHr as hr } from "./index.js";
export const person: hr.Person = { id: "1", favorite: 42, "@odata.etag": "W/1", manager: { id: "2" } };
`;
    expect(await compileBoth(await emitted(namespaced, { namespaces: { include: ["contoso.*"] } }), usage)).toEqual(clean);
    expect(await compileBoth(await emitted(namespaced, { namespaces: { include: ["contoso.*"] }, layout: "single" }), `import type { Contoso } from "./index.js";\nexport const p: Contoso.Hr.Person = { id: "1", favorite: 42 };\n`)).toEqual(clean);
  });
});
