import { complex, declaration, emitted, entity, enumType, modelOf, prop, typeDefinition } from "./model-builder.js";

const GRAPH = "microsoft.graph.ts";

describe("type definitions", () => {
  const model = modelOf(
    typeDefinition("microsoft.graph.timestamp", "DateTimeOffset", "A point in time."),
    typeDefinition("microsoft.graph.blobData", "Stream"),
    typeDefinition("microsoft.graph.partners.billing.amount", "Decimal"),
    complex("microsoft.graph.partners.billing.invoice", [prop("issued", "microsoft.graph.timestamp"), prop("total", "microsoft.graph.partners.billing.amount", { nullable: false }), prop("history", "Collection(microsoft.graph.timestamp)")]),
  );

  test("a type definition is an alias of its primitive, with its description, wire format and name", async () => {
    const graph = (await emitted(model))[GRAPH];
    expect(graph).toContain("/**\n * A point in time.\n *\n * @format date-time (ISO 8601, UTC)\n * @see microsoft.graph.timestamp\n */\nexport type Timestamp = string;");
    expect(graph).toContain("/**\n * A named Edm.Stream.\n *\n * @see microsoft.graph.blobData\n */\nexport type BlobData = unknown;");
    // aliases are types only: no guard, no runtime import
    expect(graph).not.toContain("isTimestamp");
    expect(graph).not.toContain("import");
  });

  test("properties name the alias, across modules too", async () => {
    const billing = (await emitted(model))["microsoft.graph.partners.billing.ts"];
    expect(billing).toContain("export type Amount = number;");
    expect(billing).toContain('import type * as microsoftGraph from "./microsoft.graph.js";');
    expect(billing).toContain("issued?: microsoftGraph.Timestamp | null;");
    expect(billing).toContain("total?: Amount;");
    expect(billing).toContain("history?: microsoftGraph.Timestamp[];");
  });
});

describe("deprecation", () => {
  const model = modelOf(
    entity("microsoft.graph.oldThing", [prop("legacy", "Edm.String", { deprecation: "Retired on 2024-06-30: use modern." }), prop("flagged", "Edm.String", { deprecated: true }), prop("fine", "Edm.String")], {
      description: "An old thing.",
      deprecation: "Deprecated since 2023-01-15 (removal 2025-01-15): use newThing.",
    }),
    enumType("microsoft.graph.shade", [{ name: "dark", description: "Dark.", deprecation: "Use black." }, { name: "pale", deprecation: "Use white." }, "mid"], { deprecation: "Since 2022-01: use color." }),
  );

  test("interfaces and properties carry @deprecated with the reason", async () => {
    const graph = (await emitted(model))[GRAPH];
    expect(graph).toContain("/**\n * An old thing.\n *\n * @see microsoft.graph.oldThing\n * @deprecated Deprecated since 2023-01-15 (removal 2025-01-15): use newThing.\n */\nexport interface OldThing");
    expect(graph).toContain("/** @deprecated Retired on 2024-06-30: use modern. */\n  legacy?: string | null;");
    // a page that only marks the property deprecated keeps the bare tag
    expect(graph).toContain("/** @deprecated */\n  flagged?: string | null;");
    expect(graph).toMatch(/\n {2}fine\?: string \| null;/);
    expect(declaration(graph, "export interface OldThing").match(/@deprecated/g)).toHaveLength(2);
  });

  test("enums: the type and the member object carry the enum's deprecation, each member its own", async () => {
    const graph = (await emitted(model))[GRAPH];
    const type = declaration(graph, "export type Shade");
    expect(graph).toContain(
      '/**\n * The members of the microsoft.graph.shade enumeration.\n *\n * Deprecated member `dark`: Use black.\n *\n * Deprecated member `pale`: Use white.\n *\n * @deprecated Since 2022-01: use color.\n */\nexport type Shade = "dark" | "pale" | "mid";',
    );
    expect(type).toBe('export type Shade = "dark" | "pale" | "mid";');
    expect(graph).toContain("/**\n * Every member of {@link Shade}, by name.\n *\n * @deprecated Since 2022-01: use color.\n */\nexport const Shade");
    expect(graph).toContain('  /**\n   * Dark.\n   *\n   * @deprecated Use black.\n   */\n  readonly dark: "dark";');
    expect(graph).toContain('  /** @deprecated Use white. */\n  readonly pale: "pale";\n  readonly mid: "mid";');
  });

  test("a deprecation cannot close the comment early", async () => {
    const graph = (await emitted(modelOf(entity("microsoft.graph.a", [prop("b", "Edm.String", { deprecation: "Gone */ now." })]))))[GRAPH];
    expect(graph).toContain("/** @deprecated Gone *\\/ now. */");
  });
});
