import type { Table, TableCell } from "mdast";
import { diagnostic, type Diagnostic, type PropertyRow } from "../types/index.js";
import { readDescriptionFacts } from "./description.js";
import { plainText, positionOf, renderInline, type Definitions } from "./mdast.js";
import { readTypeCell } from "./type-cell.js";

const NAME_HEADERS = new Set(["property", "property name", "name", "relationship", "relationship name", "navigation property"]);
const TYPE_HEADERS = new Set(["type", "data type", "value type"]);

/** Which column holds what, found by header text so column order and extra columns do not matter. */
export interface PropertyColumns {
  name: number;
  type: number;
  description?: number;
}

export function headerCells(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((cell) => plainText(cell.children).toLowerCase().replace(/\*/g, "").trim());
}

export function propertyColumns(table: Table): PropertyColumns | undefined {
  const headers = headerCells(table);
  const type = headers.findIndex((h) => TYPE_HEADERS.has(h));
  if (type === -1) return undefined;
  const named = headers.findIndex((h) => NAME_HEADERS.has(h));
  const name = named === -1 ? (type === 0 ? -1 : 0) : named;
  if (name === -1) return undefined;
  const description = headers.findIndex((h) => h.startsWith("description"));
  return { name, type, ...(description === -1 ? {} : { description }) };
}

/**
 * Reads the rows of a Properties or Relationships table. A row is one property; cells are read by the columns the
 * header names. Rows that cannot be a property (no name) become diagnostics, never silently dropped.
 */
export function readPropertyTable(
  file: string,
  table: Table,
  definitions: Definitions,
): { rows: PropertyRow[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const columns = propertyColumns(table);
  if (!columns) {
    const headers = headerCells(table).join(" | ");
    diagnostics.push(diagnostic("unrecognized-table", `table header "${headers}" has no Property/Name and Type columns; table skipped`, positionOf(file, table)));
    return { rows: [], diagnostics };
  }
  const rows: PropertyRow[] = [];
  for (const row of table.children.slice(1)) {
    const at = positionOf(file, row);
    const nameCell = row.children[columns.name];
    const typeCell = row.children[columns.type];
    const rawName = nameCell ? plainText(nameCell.children) : "";
    const deprecatedSuffix = /\s*\(deprecated\)\s*$/i;
    const name = rawName.replace(deprecatedSuffix, "").replace(/[`*]/g, "").trim();
    if (!name || /\s/.test(name)) {
      diagnostics.push(diagnostic("invalid-row", `row has no usable property name ("${rawName}"); row skipped`, nameCell ? positionOf(file, nameCell) : at));
      continue;
    }
    if (!typeCell || !plainText(typeCell.children)) {
      diagnostics.push(diagnostic("empty-type-cell", `property "${name}" has an empty Type cell; typed as unknown`, typeCell ? positionOf(file, typeCell) : at));
    }
    const descriptionCell: TableCell | undefined = columns.description === undefined ? undefined : row.children[columns.description];
    const facts = descriptionCell ? readDescriptionFacts(descriptionCell, file, definitions) : { subset: false, deprecated: false };
    const property: PropertyRow = {
      name,
      at: nameCell ? positionOf(file, nameCell) : at,
      type: typeCell ? readTypeCell(typeCell, positionOf(file, typeCell), definitions) : { written: "", name: "", collection: false, at },
      description: descriptionCell ? renderInline(descriptionCell.children, definitions) : "",
      deprecated: deprecatedSuffix.test(rawName) || facts.deprecated,
      subset: facts.subset,
    };
    if (facts.inheritedFrom) property.inheritedFrom = facts.inheritedFrom;
    if (facts.possibleValues) property.possibleValues = facts.possibleValues;
    if (facts.nullable !== undefined) property.nullable = facts.nullable;
    rows.push(property);
  }
  return { rows, diagnostics };
}
