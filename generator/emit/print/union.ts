import { KEY, TYPE_TEXT, WIDTH } from "./style.js";

/**
 * prettier's layout of the unions the emitter writes (see pretty.ts): after `export type X =` or an interface
 * member's `key?:`, a union that does not fit its line goes on the next line if it fits there, else one member a
 * line, each after `| `. That is prettier's layout for every union but one: a union of a single object or reference
 * type with `null` or `void` (`T | null`), which it keeps on its line; such members are never claimed here.
 */

const STRING_LITERAL = /^"[^"\\]*"$/;
/** A type name, plain or qualified (`microsoftGraph.User`); TypeScript's keywords are not references. */
const REFERENCE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const KEYWORDS = new Set(["any", "bigint", "boolean", "never", "null", "number", "object", "string", "symbol", "undefined", "unknown", "void"]);
/** A type narrowed by one more member, as derived-type unions write their base: `(Base & { key?: T })`. */
const INTERSECTION = new RegExp(String.raw`^\(([A-Za-z_$][\w$.]*) & \{ (${KEY}\??:) ([^{}()]+) \}\)$`);

/** A union member this module lays out: a string literal, a type name, or a base narrowed by one member. */
const isMember = (member: string): boolean => STRING_LITERAL.test(member) || (REFERENCE.test(member) && !KEYWORDS.has(member)) || narrowed(member) !== undefined;

/** `(Base & { key?: T })` as its base, the member's key and its type, when T is plain type syntax. */
function narrowed(member: string): { base: string; key: string; type: string } | undefined {
  const match = INTERSECTION.exec(member);
  return match && TYPE_TEXT.test(match[3]!) ? { base: match[1]!, key: match[2]!, type: match[3]! } : undefined;
}

/**
 * Lines prettier leaves longer than the print width wherever they are, having nowhere to break them: a union member
 * alone on its line that is a string literal or a type name.
 */
export const isUnbreakableLine = (line: string): boolean => /^ *\| (?:"[^"\\]*"|[\w$.]+);?$/.test(line);

/** A type's top-level union members (not inside `<...>`, parentheses, braces or a string literal). */
export function unionMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "<" || c === "(" || c === "{") depth++;
    else if (c === ">" || c === ")" || c === "}") depth--;
    else if (depth === 0 && type.startsWith(" | ", i)) {
      members.push(type.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  members.push(type.slice(start));
  return members;
}

/** The members of `type` when it is a union of members this module lays out (two or more), else undefined. */
export function knownUnion(type: string): string[] | undefined {
  const members = unionMembers(type);
  return members.length > 1 && members.every(isMember) ? members : undefined;
}

/**
 * A union too long for its line after `head` (`export type X =`, `  key?:`), its members at `indent`: on the next
 * line if it fits there, else one member a line. Undefined unless every member is one isMember knows.
 */
export function brokenUnion(head: string, type: string, indent: string): string[] | undefined {
  const members = knownUnion(type);
  if (!members) return undefined;
  if (`${indent}${type};`.length <= WIDTH) return [head, `${indent}${type};`];
  const lines = [head];
  for (const [i, member] of members.entries()) {
    const end = i === members.length - 1 ? ";" : "";
    const line = `${indent}| ${member}${end}`;
    const parts = narrowed(member);
    if (!parts || line.length <= WIDTH) {
      lines.push(line);
      continue;
    }
    // The narrowing type literal breaks: its member two levels in, the brace and parenthesis closing one level in.
    const inner = `${indent}    `;
    const field = `${inner}${parts.key} ${parts.type};`;
    const laidOut = field.length <= WIDTH ? [field] : brokenUnion(`${inner}${parts.key}`, parts.type, `${inner}  `);
    if (!laidOut || `${indent}| (${parts.base} & {`.length > WIDTH) return undefined;
    lines.push(`${indent}| (${parts.base} & {`, ...laidOut, `${indent}  })${end}`);
  }
  return lines;
}
