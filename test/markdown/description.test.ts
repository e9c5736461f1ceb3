import type { PropertyRow } from "../../generator/types/index.js";
import { parsePage } from "../helpers.js";

const FILE = "partners-billing-failedoperation.md";
const at = (line: number, column: number) => ({ file: FILE, line, column });

/** The row (line 9) `|status|String|<description>|`: the Description cell starts at column 15. */
function row(description: string, type = "String"): Omit<PropertyRow, "type" | "at" | "name"> {
  const { page, diagnostics } = parsePage(
    [
      "# failedOperation resource type",
      "",
      "Namespace: microsoft.graph.partners.billing",
      "",
      "## Properties",
      "",
      "|Property|Type|Description|",
      "|:---|:---|:---|",
      `|status|${type}|${description}|`,
      "",
    ].join("\n"),
    FILE,
  );
  expect(diagnostics).toEqual([]);
  expect(page.properties).toHaveLength(1);
  const { type: _type, at: _at, name: _name, ...rest } = page.properties[0];
  return rest;
}

describe("Possible values", () => {
  test("Possible values are: `a`, `b`, `c`. lists the code spans", () => {
    expect(row("The status of the operation. Possible values are: `notStarted`, `running`, `completed`, `failed`, `unknownFutureValue`.")).toEqual({
      description: "The status of the operation. Possible values are: `notStarted`, `running`, `completed`, `failed`, `unknownFutureValue`.",
      deprecated: false,
      subset: false,
      possibleValues: ["notStarted", "running", "completed", "failed", "unknownFutureValue"],
    });
  });

  test("Possible value is: `failed`. (singular)", () => {
    expect(row("The status of the operation. Possible value is: `failed`.").possibleValues).toEqual(["failed"]);
  });

  test("Possible values include: with and/or between the last two", () => {
    expect(row("The risk level. Possible values include: `low`, `medium`, and `high`.").possibleValues).toEqual(["low", "medium", "high"]);
    expect(row("The kind. Possible values are `user` or `group`.").possibleValues).toEqual(["user", "group"]);
  });

  test("the list ends with its sentence", () => {
    expect(row("The access. Possible values are: `none`, `read`. Default is `none`.").possibleValues).toEqual(["none", "read"]);
  });

  test("Possible values are: a, b, c. without code spans lists the words up to the full stop", () => {
    expect(row("The status. Possible values are: a, b, c.").possibleValues).toEqual(["a", "b", "c"]);
    expect(row("The access level. Possible values are: none, read, write. Default is none.").possibleValues).toEqual(["none", "read", "write"]);
  });

  test("a description without the phrase has no possibleValues", () => {
    expect(row("The status of the operation.")).not.toHaveProperty("possibleValues");
  });
});

describe("Supports a subset of the values", () => {
  test("subset is true and the values are the narrowed members", () => {
    expect(
      row(
        "Supports a subset of the values for **longRunningOperationStatus**. Possible values are: `notStarted`, `running`.",
        "microsoft.graph.longRunningOperationStatus",
      ),
    ).toEqual({
      description: "Supports a subset of the values for **longRunningOperationStatus**. Possible values are: `notStarted`, `running`.",
      deprecated: false,
      subset: true,
      possibleValues: ["notStarted", "running"],
    });
  });

  test("subset is false when the phrase is absent", () => {
    expect(row("Possible values are: `notStarted`, `running`.").subset).toBe(false);
  });
});

describe("Inherited from", () => {
  test("Inherited from [operation](x.md). gives name and target, at the link", () => {
    expect(row("The status. Inherited from [operation](partners-billing-operation.md).")).toEqual({
      description: "The status. Inherited from operation.",
      deprecated: false,
      subset: false,
      inheritedFrom: { name: "operation", target: "partners-billing-operation.md", at: at(9, 43) },
    });
  });

  test("the failedOperation status row: subset, one possible value, and inherited", () => {
    const facts = row(
      "The status of the operation. Supports a subset of the values for **longRunningOperationStatus**. Possible value is: `failed`. Inherited from [operation](../resources/partners-billing-operation.md).",
      "microsoft.graph.longRunningOperationStatus",
    );
    expect(facts.subset).toBe(true);
    expect(facts.possibleValues).toEqual(["failed"]);
    // The row is |status|microsoft.graph.longRunningOperationStatus|...: the link is at column 193.
    expect(facts.inheritedFrom).toEqual({ name: "operation", target: "../resources/partners-billing-operation.md", at: at(9, 193) });
  });

  test("Inherited from entity. without a link gives the name, at the Description cell", () => {
    expect(row("The identifier. Inherited from entity.").inheritedFrom).toEqual({ name: "entity", at: at(9, 15) });
  });

  test("Inherited from `entity` as code gives the name, at the Description cell", () => {
    expect(row("The identifier. Inherited from `entity`.").inheritedFrom).toEqual({ name: "entity", at: at(9, 15) });
  });

  test("no inheritedFrom without the phrase", () => {
    expect(row("The identifier.")).not.toHaveProperty("inheritedFrom");
  });
});

describe("Nullable", () => {
  test.each<[string, boolean | undefined]>([
    ["The billing data. Nullable.", true],
    ["Read-only. Not nullable. Supports $filter (eq).", false],
    ["The identifier. Non-nullable.", false],
    ["The identifier. Read-only.", undefined],
  ])("%j gives nullable %j", (description, nullable) => {
    const facts = row(description);
    if (nullable === undefined) expect(facts).not.toHaveProperty("nullable");
    else expect(facts.nullable).toBe(nullable);
  });
});

describe("Deprecated", () => {
  test("a description starting Deprecated. marks the property deprecated", () => {
    expect(row("Deprecated. Use **billedUsage** instead.")).toEqual({
      description: "Deprecated. Use **billedUsage** instead.",
      deprecated: true,
      subset: false,
    });
  });

  test("This property is deprecated. anywhere marks it deprecated", () => {
    expect(row("The fax number. This property is deprecated.").deprecated).toBe(true);
  });

  test("the word deprecated elsewhere does not", () => {
    expect(row("Replaces the deprecated faxNumber property.").deprecated).toBe(false);
  });
});
