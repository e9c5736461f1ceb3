import { parseCsdl } from "../../generator/csdl/parse.js";
import { dedent } from "../helpers.js";

export { dedent };
import type { CsdlLimits } from "../../generator/csdl/limits.js";
import type { CsdlSchema, Diagnostic } from "../../generator/types/index.js";

export function parse(text: string, limits?: Partial<CsdlLimits>, file = "metadata.xml") {
  return parseCsdl({ path: file, text }, limits);
}

/** A metadata document around one schema's body (`Namespace="microsoft.graph" Alias="graph"`). */
export function edmx(body: string, schemaAttributes = 'Namespace="microsoft.graph" Alias="graph"'): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    "  <edmx:DataServices>",
    `    <Schema ${schemaAttributes} xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    dedent(body)
      .split("\n")
      .map((line) => (line ? `      ${line}` : line))
      .join("\n"),
    "    </Schema>",
    "  </edmx:DataServices>",
    "</edmx:Edmx>",
    "",
  ].join("\n");
}

/** The one schema of an `edmx(...)` document, asserting it parsed without diagnostics. */
export function schemaOf(body: string): CsdlSchema {
  const { document, diagnostics } = parse(edmx(body));
  expect(diagnostics).toEqual([]);
  expect(document.schemas).toHaveLength(1);
  return document.schemas[0];
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** Where something is in an `edmx(...)` document: the body starts on line 5, indented 6 columns. */
export function bodyAt(line: number, column: number, file = "metadata.xml") {
  return { file, line: line + 4, column: column + 6 };
}
