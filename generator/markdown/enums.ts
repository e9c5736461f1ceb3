import type { Table } from "mdast";
import type { EnumMemberRow, EnumTable, Position } from "../types/index.js";
import { headerCells } from "./table.js";
import { plainText, positionOf, renderInline, type Definitions } from "./mdast.js";

const MEMBER_HEADERS = new Set(["member", "members", "name", "member name", "value name"]);

/** Words that end in " values" in headings without naming an enum ("Possible values", "Property values"). */
const NOT_ENUM_NAMES = new Set(["possible", "property", "enum", "enumeration", "default", "return", "supported", "allowed"]);

/** `### longRunningOperationStatus values` -> `longRunningOperationStatus`. */
export function enumNameFromHeading(title: string): string | undefined {
  const match = /^`?([A-Za-z_][\w.]*)`?\s+values$/i.exec(title.trim());
  return match && !NOT_ENUM_NAMES.has(match[1].toLowerCase()) ? match[1] : undefined;
}

/** A table of members, not of properties: no Type column, and a member-like first column. */
export function isEnumTable(table: Table): boolean {
  const headers = headerCells(table);
  return !headers.includes("type") && (MEMBER_HEADERS.has(headers[0] ?? "") || headers[0] === "value");
}

/** Reads a `Member | Value | Description` table (any subset of those columns, in any order). */
export function readEnumTable(file: string, name: string, at: Position, table: Table, definitions: Definitions): EnumTable {
  const headers = headerCells(table);
  const named = headers.findIndex((h) => MEMBER_HEADERS.has(h));
  const member = named === -1 ? 0 : named;
  const value = headers.findIndex((h, i) => h === "value" && i !== member);
  const description = headers.findIndex((h) => h.startsWith("description"));
  const members: EnumMemberRow[] = [];
  for (const row of table.children.slice(1)) {
    const cell = row.children[member];
    const memberName = cell ? plainText(cell.children).replace(/[`*]/g, "").trim() : "";
    // `|null|Default value, no ageGroup is set|`: the row says the property may be null; null is no member.
    if (!memberName || memberName.toLowerCase() === "null") continue;
    const entry: EnumMemberRow = { name: memberName, at: positionOf(file, cell) };
    const valueText = value === -1 || value === member ? "" : plainText(row.children[value]?.children ?? []);
    if (/^-?\d+$/.test(valueText)) entry.value = Number(valueText);
    const descriptionCell = description === -1 ? undefined : row.children[description];
    const text = descriptionCell ? renderInline(descriptionCell.children, definitions) : "";
    if (text) entry.description = text;
    members.push(entry);
  }
  return { name, at, members };
}
