import { diagnostic, type Diagnostic, type DocPage } from "../types/index.js";

/**
 * The JSON representation block is a second, independent listing of the properties; where it and the tables
 * disagree, one of them is wrong, and the docs team wants to know which rows.
 */
export function crossCheckJson(page: DocPage): Diagnostic[] {
  if (!page.json) return [];
  const rows = [...page.properties, ...page.relationships];
  const keys = page.json.keys.filter((key) => !key.value.startsWith("@"));
  const diagnostics: Diagnostic[] = [];
  // Relationships are left out of the JSON representation by convention (670 of 816 in v1.0), so only
  // Properties rows are expected there; a JSON key may name either.
  for (const row of page.properties) {
    if (!keys.some((key) => key.value === row.name)) {
      diagnostics.push(diagnostic("table-not-in-json", `property "${row.name}" is in the table but not in the JSON representation`, row.at, [{ message: "JSON representation", at: page.json.at }]));
    }
  }
  for (const key of keys) {
    if (!rows.some((row) => row.name === key.value)) {
      diagnostics.push(diagnostic("json-not-in-table", `property "${key.value}" is in the JSON representation but in no Properties or Relationships table`, key.at));
    }
  }
  return diagnostics;
}
