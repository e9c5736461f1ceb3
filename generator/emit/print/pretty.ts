import type { StatementStructures } from "ts-morph";
import { isImport, printDirectly, printStatement } from "./statement.js";
import { functionLayout } from "./function.js";
import { commentsKeptAsWritten, isComment, isStableLine, KEY, MEMBER, TYPE_TEXT, WIDTH } from "./style.js";
import { brokenUnion, isUnbreakableLine, knownUnion, unionMembers } from "./union.js";
import { StructureKind } from "../ts-morph.js";

/**
 * Most statements the emitter writes have a layout prettier is certain to give them: an interface whose members
 * are plain type syntax, a type alias, a guard, a validation table. For those the format stage need not run
 * prettier at all (it is most of a large run's time); this module gives their text in that layout, or undefined
 * where the layout is not certain, and those statements go through prettier. It claims only what it knows:
 * flat lines when they fit the print width, and for a line that does not, the one broken form prettier prints for
 * that construct (a union one member a line, a call's arguments one a line, a return in parentheses). Type syntax
 * with parentheses, braces, arrows, template literals, escapes or single quotes (which prettier may re-lay or
 * re-quote) is never claimed. A test formats every claimed statement of the corpus output with prettier and
 * requires the same bytes.
 */

/**
 * Lines of a laid-out statement that prettier leaves longer than the print width, having nowhere to break them: a
 * table's `export const X: TypeSchema<T> =`, an enum type's `readonly key: "value";`, and the last pieces of a
 * broken entry's string (see brokenEntry), `"value",`. (A long `() => X` prettier breaks after the arrow.)
 */
const LONG_AS_IS = [/^export const [\w$]+: [\w$]+<[\w$.]+> =$/, new RegExp(String.raw`^ +readonly ${KEY}: "[^"\\]*";$`), /^ +"[^"\\]*",$/];

/** A statement's code lines in prettier's layout, for statements whose structure the printed text does not show well (tables). */
type Layout = () => string[] | undefined;
const layouts = new WeakMap<object, Layout>();

/** Marks `statement` as laid out by `layout` (its code lines; the doc comment comes from the printed text). */
export function withLayout<T extends StatementStructures>(statement: T, layout: Layout): T {
  layouts.set(statement, layout);
  return statement;
}

/**
 * The statement in prettier's layout, or undefined when that is not certain. `printed` is ts-morph's print of the
 * statement (4-space indented; the caller keeps it, since a statement left to prettier needs it too), read for the
 * statements laid out from their printed text.
 */
export function prettyStatement(statement: StatementStructures, printed: () => string): string | undefined {
  if (isImport(statement)) return importLine(statement);
  const layout = layouts.get(statement);
  if (!layout && statement.kind !== StructureKind.Interface && statement.kind !== StructureKind.TypeAlias && statement.kind !== StructureKind.Function) return undefined;
  // A laid-out statement needs only its doc comment printed: the same docs on an empty declaration.
  const parts = layout ? { comments: leadingComment(printStatement({ kind: StructureKind.TypeAlias, name: "_", type: "0", docs: "docs" in statement ? statement.docs : [] })), code: [] } : reindented(printed());
  if (!parts) return undefined;
  const code = layout ? layout() : codeLayout(statement.kind, parts.code);
  // Own-line comments do not take part in prettier's line fitting: only code lines must fit. A table's
  // `export const X: TypeSchema<T> =` has nowhere to break, and prettier leaves it long.
  const unbreakable = (line: string): boolean => isComment(line) || isUnbreakableLine(line) || (layout !== undefined ? LONG_AS_IS : LONG_HEADERS).some((pattern) => pattern.test(line));
  if (!code || code.some((line) => line.length > WIDTH && !unbreakable(line))) return undefined;
  const lines = [...parts.comments, ...code];
  return lines.every(isStableLine) && commentsKeptAsWritten(lines) ? `${lines.join("\n")}\n` : undefined;
}

/**
 * An import or export as written directly (a namespace, `*` or a list of plain names, a plain specifier): on its
 * line if it fits; else, a list of two names or more, one name a line with a trailing comma, as prettier breaks it
 * (it never breaks a single name, nor a line without a list: those are left to it).
 */
function importLine(statement: StatementStructures): string | undefined {
  const line = printDirectly(statement)?.slice(0, -1);
  if (line === undefined || line.includes("\n") || !isStableLine(line)) return undefined;
  if (line.length <= WIDTH) return `${line}\n`;
  const list = /^((?:import|export)(?: type)? )\{ (.+) \}( from "[^"\\]*";)$/.exec(line);
  const names = list?.[2]!.split(", ") ?? [];
  if (!list || names.length < 2 || !names.every((name) => /^(?:type )?[\w$]+(?: as [\w$]+)?$/.test(name))) return undefined;
  const lines = [`${list[1]}{`, ...names.map((name) => `  ${name},`), `}${list[3]}`];
  return lines.every((l) => l.length <= WIDTH) ? `${lines.join("\n")}\n` : undefined;
}

/**
 * The printed lines with prettier's indentation (4-space levels to 2-space ones; a doc comment's continuation lines,
 * one space past their level, keep that space), split into the leading doc comment and the code (members' doc
 * comments stay among the code lines, where they are); nothing may be nested deeper than one level.
 */
function reindented(text: string): { comments: string[]; code: string[] } | undefined {
  const lines = (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const comments: string[] = [];
  const code: string[] = [];
  let inComment = false;
  for (const line of lines) {
    const spaces = line.length - line.trimStart().length;
    const rest = line.slice(spaces);
    const continuation = inComment && rest.startsWith("*");
    const level = continuation ? (spaces - 1) / 4 : spaces / 4;
    if (!Number.isInteger(level) || level > 1 || rest !== rest.trimEnd()) return undefined;
    const out = `${"  ".repeat(level)}${continuation ? " " : ""}${rest}`;
    if (inComment || rest.startsWith("/*")) {
      inComment = !rest.endsWith("*/");
      // A member's doc comment sits among the code lines, where prettier re-indents it like the member.
      (code.length ? code : comments).push(out);
    } else code.push(out);
  }
  return inComment ? undefined : { comments, code };
}

/** A top-level statement's doc comment as printed (at column 0, where prettier leaves it). */
function leadingComment(text: string): string[] {
  const lines = text.split("\n");
  const end = lines.findIndex((line) => line.startsWith("*/") || line.startsWith(" */") || (line.startsWith("/**") && line.endsWith("*/")));
  return lines[0]?.startsWith("/**") && end !== -1 ? lines.slice(0, end + 1) : [];
}

/**
 * Headers prettier leaves long: an interface that extends one plain name (it breaks before `extends` only for a
 * qualified one), and that broken line itself when the name has one dot (with more, prettier breaks it before the
 * last: `Contoso.Tools` / `.Base`).
 */
const LONG_HEADERS = [/^export interface [\w$]+ extends [\w$]+ \{$/, /^ {2}extends [\w$]+(?:\.[\w$]+)? \{$/];

function codeLayout(kind: StatementStructures["kind"], code: readonly string[]): string[] | undefined {
  if (kind === StructureKind.TypeAlias) return typeAliasLayout(code);
  if (kind === StructureKind.Function) return functionLayout(code);
  return interfaceLayout(code);
}

/** A generic type with plain arguments, `odata.CollectionResponse<User>`: prettier moves it whole to the next line. */
const GENERIC = /^[\w$.]+<[\w$., ]+>$/;

/**
 * `export type X = T;`, or broken after `=`: `T` on the next line, else one union member a line. A line that fits is
 * claimed when its type is plain type syntax, or a union of members brokenUnion knows (narrowed bases included).
 */
function typeAliasLayout(code: readonly string[]): string[] | undefined {
  const match = code.length === 1 ? /^(export type [\w$]+ =) (.+);$/.exec(code[0]!) : null;
  if (!match) return undefined;
  const [, head, type] = match as unknown as [string, string, string];
  if (code[0]!.length <= WIDTH) return TYPE_TEXT.test(type) || knownUnion(type) ? [code[0]!] : undefined;
  if (unionMembers(type).length > 1) return brokenUnion(head, type, "  ");
  return GENERIC.test(type) && `  ${type};`.length <= WIDTH ? [head, `  ${type};`] : undefined;
}

/**
 * An enum's member object: its written type (members' docs on it) and the frozen object, both always expanded
 * (prettier keeps an object or type literal expanded when its first member starts a line). Not claimed when a key
 * is quoted without needing it (`"2"`, which prettier may unquote) or a text holds an escape (prettier re-quotes).
 */
export function enumObjectLayout(name: string, fields: readonly { doc: string; field: string }[], entries: readonly string[]): string[] | undefined {
  if (!fields.length) return [`export const ${name}: {} = /* @__PURE__ */ Object.freeze({} as const);`];
  if (!fields.every((f) => ENUM_ENTRY.test(f.field)) || !entries.every((e) => ENUM_ENTRY.test(e))) return undefined;
  const docLines = (doc: string): string[] => (doc ? doc.trimEnd().split("\n").map((line) => `  ${line}`) : []);
  const lines = entries.map((e) => brokenEntry("  ", e));
  if (lines.some((l) => l === undefined)) return undefined;
  return [`export const ${name}: {`, ...fields.flatMap((f) => [...docLines(f.doc), `  ${f.field}`]), "} = /* @__PURE__ */ Object.freeze({", ...(lines as string[][]).flat(), "} as const);"];
}

/** A string value, and a table entry's `[kind, () => X]`, as the entry's value. */
const STRING_VALUE = new RegExp(String.raw`^(${KEY}): ("[^"\\]*"),$`);
const SPEC_VALUE = new RegExp(String.raw`^(${KEY}): \[("[^"\\]*"), (\(\) => [\w$.]+)\],$`);

/**
 * An object entry (`key: value,`) at `indent`: on its line if it fits; else as prettier breaks it, `[kind, () => X]`
 * one element a line, and a string value on the line after the key. Only for keys of 8 characters or more: prettier
 * keeps a short key's value beside it. Undefined for any other entry too long for its line.
 */
function brokenEntry(indent: string, entry: string): string[] | undefined {
  if (`${indent}${entry}`.length <= WIDTH) return [`${indent}${entry}`];
  const spec = SPEC_VALUE.exec(entry);
  if (spec && `${indent}${spec[1]}: [`.length <= WIDTH && `${indent}  ${spec[3]},`.length <= WIDTH) return [`${indent}${spec[1]}: [`, `${indent}  ${spec[2]},`, `${indent}  ${spec[3]},`, `${indent}],`];
  const string = STRING_VALUE.exec(entry);
  if (string && string[1]!.length >= 8 && `${indent}${string[1]}:`.length <= WIDTH) return [`${indent}${string[1]}:`, `${indent}  ${string[2]},`];
  return undefined;
}

/**
 * The header (too long, broken before an `extends` of a qualified name), members one a line (a member too long for
 * its line: its union on the next line, or one member a line), the closing brace.
 */
function interfaceLayout(code: readonly string[]): string[] | undefined {
  const [header, ...rest] = code;
  if (!header || rest[rest.length - 1] !== "}" || rest.length < 2) return undefined;
  if (!/^export interface [\w$]+(<[\w$]+>)?( extends [\w$.]+(<[\w$.]+>)?(, [\w$.]+(<[\w$.]+>)?)*)? \{$/.test(header)) return undefined;
  const qualified = header.length > WIDTH ? /^(export interface [\w$]+) (extends [\w$]+(?:\.[\w$]+)+ \{)$/.exec(header) : null;
  const out = qualified ? [qualified[1]!, `  ${qualified[2]}`] : [header];
  for (const line of rest.slice(0, -1)) {
    if (isComment(line)) {
      out.push(line);
      continue;
    }
    // An open type's index signature, and the envelope's for annotations (a template literal of `${string}` and
    // plain characters, which prettier prints as written).
    if (INDEX_SIGNATURE.test(line)) {
      out.push(line);
      continue;
    }
    const member = MEMBER.exec(line);
    if (!member || !TYPE_TEXT.test(member[2]!)) return undefined;
    const laidOut = line.length <= WIDTH ? [line] : brokenUnion(`  ${member[1]}`, member[2]!, "    ");
    if (!laidOut) return undefined;
    out.push(...laidOut);
  }
  out.push("}");
  return out;
}

const INDEX_SIGNATURE = /^ {2}\[[\w$]+: (?:string|`(?:\$\{string\}|[\w@.-])*`)\]: unknown;$/;
const PROPERTY_KEY = new RegExp(String.raw`^${KEY}: `);
/** A member of an enum's object or of its written type: `readonly a: "a";`, `a: "a",`. */
const ENUM_ENTRY = new RegExp(String.raw`^(readonly )?${KEY}: "[^"\\]*"[;,]$`);

/**
 * A validation table, `export const X: TypeSchema<T> = /* @__PURE__ *\/ typeSchema(fqn, base, props[, derived])`, as
 * prettier lays out the call: flat if it fits; else the last argument hugged (`() => ({` on the first line) when
 * it is the only function, if that line fits; else every argument on its own line; the whole call on the next line
 * when even `typeSchema(` does not fit beside the name (only without derived types: else not claimed).
 */
export function schemaLayout(head: string, fqn: string, base: string, properties: readonly string[], derived?: readonly string[]): string[] | undefined {
  // An escape makes prettier choose the quotes; a key quoted without needing it (`"2"`) it may unquote.
  if ([fqn, ...properties].some((text) => text.includes("\\")) || !properties.every((p) => PROPERTY_KEY.test(p))) return undefined;
  const call = "/* @__PURE__ */ typeSchema(";
  // An entry with no broken form stays whole: too long, prettyStatement declines the statement.
  const entries = (indent: string): string[] => properties.flatMap((p) => brokenEntry(indent, p) ?? [`${indent}${p}`]);
  const broken = (indent: string): string[] => [
    `${indent}${fqn},`,
    `${indent}${base},`,
    ...(properties.length ? [`${indent}() => ({`, ...entries(`${indent}  `), `${indent}}),`] : [`${indent}() => ({}),`]),
    ...(derived ? derivedLines(indent, derived) : []),
  ];
  const flatArgs = [fqn, base, ...(properties.length ? [] : ["() => ({})"]), ...(derived ? [`(d) => d(${derived.join(", ")})`] : [])];
  if (!properties.length || derived) {
    const flat = `${head} = ${call}${flatArgs.join(", ")});`;
    if (!properties.length && flat.length <= WIDTH) return [flat];
    if (`${head} = ${call}`.length > WIDTH) {
      // The call moves to the next line, flat there if it fits.
      if (!properties.length && `  ${call}${flatArgs.join(", ")});`.length <= WIDTH) return [`${head} =`, `  ${call}${flatArgs.join(", ")});`];
      return [`${head} =`, `  ${call}`, ...broken("    "), "  );"];
    }
    return [`${head} = ${call}`, ...broken("  "), ");"];
  }
  // Hugged only when the props are the only function among the arguments: after `() => BASE`, prettier breaks all.
  const hug = base === "undefined" ? `${fqn}, ${base}, () => ({` : undefined;
  if (hug && `${head} = ${call}${hug}`.length <= WIDTH) return [`${head} = ${call}${hug}`, ...entries("  "), "}));"];
  if (`${head} = ${call}`.length <= WIDTH) return [`${head} = ${call}`, ...broken("  "), ");"];
  if (hug && `  ${call}${hug}`.length <= WIDTH) return [`${head} =`, `  ${call}${hug}`, ...entries("    "), "  }));"];
  return [`${head} =`, `  ${call}`, ...broken("    "), "  );"];
}

/** `(d) => d(A, B),` if it fits; else the call on the next line; else one argument a line. */
function derivedLines(indent: string, derived: readonly string[]): string[] {
  const flat = `${indent}(d) => d(${derived.join(", ")}),`;
  if (flat.length <= WIDTH) return [flat];
  if (`${indent}  d(${derived.join(", ")}),`.length <= WIDTH) return [`${indent}(d) =>`, `${indent}  d(${derived.join(", ")}),`];
  return [`${indent}(d) =>`, `${indent}  d(`, ...derived.map((d) => `${indent}    ${d},`), `${indent}  ),`];
}
