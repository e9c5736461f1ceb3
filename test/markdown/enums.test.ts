import { enumNameFromHeading } from "../../generator/markdown/enums.js";
import { parsePage } from "../helpers.js";

const at = (line: number, column: number, file = "enums.md") => ({ file, line, column });

describe("enum tables on an enums page", () => {
  const { page, diagnostics } = parsePage(
    `
      ---
      title: "Enum values"
      description: "Microsoft Graph enumeration values."
      doc_type: enumPageType
      ---

      # Enum values

      Namespace: microsoft.graph

      ### longRunningOperationStatus values

      | Member | Value | Description |
      |:---|:---|:---|
      | notStarted | 0 | The operation has not started. |
      | running | 1 | The operation is **running**. |
      | \`unknownFutureValue\` | 4 | Evolvable enumeration sentinel value. Do not use. |

      ### appKeyCredentialRestrictionType values

      | Member                |
      | :-------------------- |
      | asymmetricKeyLifetime |
      | unknownFutureValue    |

      ### Remarks

      | Member | Value |
      |:---|:---|
      | ignored | 0 |
    `,
    "enums.md",
  );

  test("the page is kind enums, without diagnostics", () => {
    expect(page.kind).toBe("enums");
    expect(diagnostics).toEqual([]);
    expect(page.properties).toEqual([]);
    expect(page.namespace).toEqual({ value: "microsoft.graph", at: at(9, 1) });
    expect(page.heading).toBeUndefined();
  });

  test("### x values with Member|Value|Description gives names, numeric values and descriptions", () => {
    expect(page.enums[0]).toEqual({
      name: "longRunningOperationStatus",
      at: at(11, 1),
      members: [
        { name: "notStarted", value: 0, description: "The operation has not started.", at: at(15, 1) },
        { name: "running", value: 1, description: "The operation is **running**.", at: at(16, 1) },
        { name: "unknownFutureValue", value: 4, description: "Evolvable enumeration sentinel value. Do not use.", at: at(17, 1) },
      ],
    });
  });

  test("a table with only a Member column gives names only", () => {
    expect(page.enums[1]).toEqual({
      name: "appKeyCredentialRestrictionType",
      at: at(19, 1),
      members: [
        { name: "asymmetricKeyLifetime", at: at(23, 1) },
        { name: "unknownFutureValue", at: at(24, 1) },
      ],
    });
  });

  test("a table under a heading that is not 'x values' is not an enum", () => {
    expect(page.enums.map((e) => e.name)).toEqual(["longRunningOperationStatus", "appKeyCredentialRestrictionType"]);
  });
});

describe("enum table variants", () => {
  test("|Member|Value|Description| in any column order, a non-numeric value is left out, empty rows skipped", () => {
    const { page } = parsePage(
      `
        # Enum values

        Namespace: microsoft.graph.callRecords

        ### callType values

        |Value|Member|Description|
        |:---|:---|:---|
        |0|unknown|Unknown call type.|
        |n/a|groupCall|Call involving multiple participants.|
        ||||
        |-1|\`peerToPeer\`||
      `,
      "enums-callrecords.md",
    );
    const file = "enums-callrecords.md";
    expect(page.kind).toBe("enums");
    expect(page.enums).toEqual([
      {
        name: "callType",
        at: { file, line: 5, column: 1 },
        members: [
          { name: "unknown", value: 0, description: "Unknown call type.", at: { file, line: 9, column: 3 } },
          { name: "groupCall", description: "Call involving multiple participants.", at: { file, line: 10, column: 5 } },
          { name: "peerToPeer", value: -1, at: { file, line: 12, column: 4 } },
        ],
      },
    ]);
  });

  test("a ## `x` values heading with a | Name | Value | header", () => {
    const { page } = parsePage(
      `
        # Enum values

        Namespace: microsoft.graph

        ## \`riskLevel\` values

        | Name | Value |
        |:---|:---|
        | low | 0 |
        | high | 2 |
      `,
      "enums.md",
    );
    expect(page.enums).toEqual([
      {
        name: "riskLevel",
        at: at(5, 1),
        members: [
          { name: "low", value: 0, at: at(9, 1) },
          { name: "high", value: 2, at: at(10, 1) },
        ],
      },
    ]);
  });
});

describe("enum sections inside a resource page", () => {
  test("the page stays kind resource, the enums are collected and not read as properties", () => {
    const { page, diagnostics } = parsePage(
      `
        # riskDetection resource type

        Namespace: microsoft.graph

        Represents a risk detection.

        ## Properties

        |Property|Type|Description|
        |:---|:---|:---|
        |riskLevel|riskLevel|The risk level. Possible values are: \`low\`, \`high\`.|
        |riskState|riskState|The state of the risk.|

        ### riskLevel values

        |Member|Description|
        |:---|:---|
        |low|Low risk.|
        |high|High risk.|

        ### riskState values

        | Member |
        |:---|
        | atRisk |
        | dismissed |

        ## Relationships

        None.
      `,
      "riskdetection.md",
    );
    const file = "riskdetection.md";
    expect(diagnostics).toEqual([]);
    expect(page.kind).toBe("resource");
    expect(page.properties.map((p) => p.name)).toEqual(["riskLevel", "riskState"]);
    expect(page.enums).toEqual([
      {
        name: "riskLevel",
        at: { file, line: 14, column: 1 },
        members: [
          { name: "low", description: "Low risk.", at: { file, line: 18, column: 1 } },
          { name: "high", description: "High risk.", at: { file, line: 19, column: 1 } },
        ],
      },
      {
        name: "riskState",
        at: { file, line: 21, column: 1 },
        members: [
          { name: "atRisk", at: { file, line: 25, column: 1 } },
          { name: "dismissed", at: { file, line: 26, column: 1 } },
        ],
      },
    ]);
  });
});

describe("enumNameFromHeading", () => {
  test.each<[string, string | undefined]>([
    ["longRunningOperationStatus values", "longRunningOperationStatus"],
    ["`riskLevel` values", "riskLevel"],
    ["callRecords.callType Values", "callRecords.callType"],
    ["  userPurpose values  ", "userPurpose"],
    ["Properties", undefined],
    ["risk level values", undefined],
    ["riskLevel", undefined],
  ])("%j -> %j", (title, name) => {
    expect(enumNameFromHeading(title)).toBe(name);
  });
});
