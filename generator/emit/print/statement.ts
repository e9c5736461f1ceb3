import type { CodeBlockWriter, ExportDeclarationStructure, FunctionDeclarationStructure, ImportDeclarationStructure, InterfaceDeclarationStructure, JSDocStructure, OptionalKind, StatementStructures, TypeAliasDeclarationStructure, WriterFunction } from "ts-morph";
import { printStructure, StructureKind } from "../ts-morph.js";

/**
 * Statements to text, as ts-morph's printStructure writes them. Its writer costs more than the text: every doc
 * comment, type and parameter goes through a CodeBlockWriter of its own (on v1.0.xml, 13,500 statements took 1.4 s
 * to print, most of it in those writers). The statements the emitter writes most (interfaces of properties, type
 * aliases, one-line functions and their overloads, imports and exports, and doc comments) are written here directly,
 * with ts-morph's layout rules; any structure with something else in it, or text the writer would read as a string,
 * comment or regex that spans lines, is printed by ts-morph. A test prints every statement of the corpus output
 * both ways and requires the same bytes.
 */

const INDENT = "    ";

const NO_QUOTE_OR_SLASH = /^[^\n\r\\"'`/]*$/;

/**
 * Code text the writer passes through as it is: one line, no backslash (escapes), no slash outside a string
 * (comments, regex), and its strings closed by its end, by the writer's own rules (a quote opens a string outside
 * one; a `${` opens a brace inside a template, its `}` closes it), so that the writer starts the next line outside
 * any string.
 */
function isPlainCode(text: unknown): text is string {
  if (typeof text !== "string") return false;
  // Most type texts hold no quote and no slash: nothing can open, so only blank text is refused (a third of a CSDL
  // run's printing went to the scan below).
  if (NO_QUOTE_OR_SLASH.test(text)) return text.trim() !== "";
  if (!/^[^\n\r\\]*$/.test(text) || text.trim() === "") return false;
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = open[open.length - 1];
    if (c === '"' || c === "'" || c === "`") {
      if (top === c) open.pop();
      else if (top === "{" || top === undefined) open.push(c);
    } else if (c === "{" && text[i - 1] === "$" && top === "`") open.push("{");
    else if (c === "}" && top === "{") open.pop();
    else if (c === "/" && (top === undefined || top === "{")) return false;
  }
  return open.length === 0;
}

/** The keys a structure may set (to anything but undefined) for the direct path; anything else goes to ts-morph. */
function onlyKeys(structure: object, allowed: ReadonlySet<string>): boolean {
  // for...in over a plain object: its own keys, without the arrays Object.entries makes for each of them.
  for (const key in structure) if ((structure as Record<string, unknown>)[key] !== undefined && !allowed.has(key)) return false;
  return true;
}

const keys = (...names: string[]): ReadonlySet<string> => new Set(["kind", "docs", ...names]);
const INTERFACE_KEYS = keys("name", "isExported", "typeParameters", "extends", "properties", "indexSignatures");
const PROPERTY_KEYS = keys("name", "hasQuestionToken", "isReadonly", "type");
const INDEX_KEYS = keys("keyName", "keyType", "returnType", "isReadonly");
const TYPE_ALIAS_KEYS = keys("name", "isExported", "type");
const FUNCTION_KEYS = keys("name", "isExported", "parameters", "returnType", "statements", "overloads");
const OVERLOAD_KEYS = keys("parameters", "returnType");
const PARAMETER_KEYS = keys("name", "type");
const IMPORT_KEYS = new Set(["kind", "isTypeOnly", "namespaceImport", "namedImports", "moduleSpecifier"]);
const EXPORT_KEYS = new Set(["kind", "isTypeOnly", "namespaceExport", "namedExports", "moduleSpecifier"]);

/** A module specifier the writer quotes as it is (nothing to escape). */
const isPlainSpecifier = (text: unknown): text is string => typeof text === "string" && /^[\w$.\/@-]+$/.test(text);

/** Named imports or exports as `{ a, b }`, when each is a plain name; "" for none. */
function namedList(names: unknown): string | undefined {
  if (names === undefined) return "";
  if (!Array.isArray(names) || !names.every((n) => typeof n === "string" && /^(type )?[\w$]+$/.test(n))) return undefined;
  return names.length ? ` { ${names.join(", ")} }` : "";
}

/** The text a doc comment holds (ts-morph: the description, a line break, the tags one a line), or undefined. */
function docText(doc: OptionalKind<JSDocStructure> | string | WriterFunction): string | undefined {
  if (typeof doc === "string") return doc;
  if (typeof doc !== "object" || !onlyKeys(doc, keys("description", "tags"))) return undefined;
  let text = "";
  if (doc.description) {
    if (typeof doc.description !== "string") return undefined;
    text = doc.description;
  }
  if (doc.tags?.length) {
    const tags: string[] = [];
    for (const tag of doc.tags) {
      if (!onlyKeys(tag, new Set(["kind", "tagName", "text"])) || (tag.text !== undefined && typeof tag.text !== "string")) return undefined;
      const body = tag.text ?? "";
      tags.push(`@${tag.tagName}${body.length > 0 && !/^\r?\n/.test(body) ? " " : ""}${body}`);
    }
    text += (text.length > 0 ? "\n" : "") + tags.join("\n");
  }
  return text;
}

/**
 * Doc comments at an indentation, each followed by a line break, as ts-morph's JSDoc printer lays them out; undefined
 * for a doc that is not plain text or that would end its comment early.
 */
export function docLines(docs: unknown, indent: string): string | undefined {
  if (docs === undefined) return "";
  if (!Array.isArray(docs)) return undefined;
  let out = "";
  for (const doc of docs as (OptionalKind<JSDocStructure> | string)[]) {
    const text = docText(doc);
    if (text === undefined || text.includes("*/")) return undefined;
    const lines = text.split(/\r?\n/);
    if (lines.length <= 1) {
      const head = `/** ${lines[0]}`;
      out += `${indent}${head}${head.endsWith(" ") ? "" : " "}*/\n`;
      continue;
    }
    out += `${indent}/**\n`;
    for (const line of lines.slice(lines[0] === "" ? 1 : 0)) out += `${indent} *${line.length > 0 ? ` ${line}` : ""}\n`;
    out += `${indent} */\n`;
  }
  return out;
}

const exported = (structure: { isExported?: boolean }): string => (structure.isExported ? "export " : "");

/** Type parameters as text, `<T, U>`, when each is a plain name. */
function typeParameters(parameters: unknown): string | undefined {
  if (parameters === undefined) return "";
  if (!Array.isArray(parameters) || !parameters.every(isPlainCode)) return undefined;
  return parameters.length ? `<${parameters.join(", ")}>` : "";
}

function interfaceText(statement: InterfaceDeclarationStructure): string | undefined {
  if (!onlyKeys(statement, INTERFACE_KEYS) || !isPlainCode(statement.name)) return undefined;
  const docs = docLines(statement.docs, "");
  const params = typeParameters(statement.typeParameters);
  const bases = statement.extends === undefined ? [] : Array.isArray(statement.extends) ? statement.extends : [statement.extends];
  if (docs === undefined || params === undefined || !bases.every(isPlainCode)) return undefined;
  const members: string[] = [];
  for (const index of statement.indexSignatures ?? []) {
    if (!onlyKeys(index, INDEX_KEYS) || ![index.keyName ?? "key", index.keyType ?? "string", index.returnType].every(isPlainCode)) return undefined;
    const indexDocs = docLines(index.docs, INDENT);
    if (indexDocs === undefined) return undefined;
    members.push(`${indexDocs}${INDENT}${index.isReadonly ? "readonly " : ""}[${index.keyName || "key"}: ${index.keyType || "string"}]: ${index.returnType};`);
  }
  for (const property of statement.properties ?? []) {
    if (!onlyKeys(property, PROPERTY_KEYS) || !isPlainCode(property.name) || !isPlainCode(property.type)) return undefined;
    const propertyDocs = docLines(property.docs, INDENT);
    if (propertyDocs === undefined) return undefined;
    members.push(`${propertyDocs}${INDENT}${property.isReadonly ? "readonly " : ""}${property.name}${property.hasQuestionToken ? "?" : ""}: ${property.type};`);
  }
  const heritage = bases.length ? `extends ${bases.join(", ")} ` : "";
  return `${docs}${exported(statement)}interface ${statement.name}${params} ${heritage}{\n${members.map((m) => `${m}\n`).join("")}}\n`;
}

function typeAliasText(statement: TypeAliasDeclarationStructure): string | undefined {
  if (!onlyKeys(statement, TYPE_ALIAS_KEYS) || !isPlainCode(statement.name) || !isPlainCode(statement.type)) return undefined;
  const docs = docLines(statement.docs, "");
  return docs === undefined ? undefined : `${docs}${exported(statement)}type ${statement.name} = ${statement.type};\n`;
}

/** A signature's parameters, `a: A, b: B`, when each is a plain name and type. */
function parameterList(parameters: FunctionDeclarationStructure["parameters"]): string | undefined {
  const list = parameters ?? [];
  if (!list.every((p) => onlyKeys(p, PARAMETER_KEYS) && isPlainCode(p.name) && isPlainCode(p.type))) return undefined;
  return list.map((p) => `${p.name}: ${p.type}`).join(", ");
}

/** A function with a one-line body, after its overloads (each exported as the function is, ts-morph's default). */
function functionText(statement: FunctionDeclarationStructure): string | undefined {
  if (!onlyKeys(statement, FUNCTION_KEYS) || !isPlainCode(statement.name) || !isPlainCode(statement.returnType) || !isPlainCode(statement.statements)) return undefined;
  const head = `${exported(statement)}function ${statement.name}`;
  let out = "";
  for (const overload of statement.overloads ?? []) {
    const parameters = parameterList(overload.parameters);
    const docs = docLines(overload.docs, "");
    if (!onlyKeys(overload, OVERLOAD_KEYS) || !isPlainCode(overload.returnType) || parameters === undefined || docs === undefined) return undefined;
    out += `${docs}${head}(${parameters}): ${overload.returnType};\n`;
  }
  const parameters = parameterList(statement.parameters);
  const docs = docLines(statement.docs, "");
  if (parameters === undefined || docs === undefined) return undefined;
  return `${out}${docs}${head}(${parameters}): ${statement.returnType} {\n${INDENT}${statement.statements}\n}\n`;
}

/** `import type * as a from "./a.js";`, `import { a, b } from "./b.js";` */
function importText(statement: ImportDeclarationStructure): string | undefined {
  const named = namedList(statement.namedImports);
  if (!onlyKeys(statement, IMPORT_KEYS) || !isPlainSpecifier(statement.moduleSpecifier) || named === undefined) return undefined;
  const namespace = statement.namespaceImport;
  // Exactly one of the two: ts-morph refuses both, and writes a bare import (`import "./a.js";`) for neither.
  if ((namespace === undefined) === (named === "") || (namespace !== undefined && !/^[\w$]+$/.test(namespace))) return undefined;
  return `import${statement.isTypeOnly ? " type" : ""}${namespace !== undefined ? ` * as ${namespace}` : named} from "${statement.moduleSpecifier}";\n`;
}

/** `export * from "./a.js";`, `export * as a from "./a.js";`, `export type { A, B } from "./b.js";` */
function exportText(statement: ExportDeclarationStructure): string | undefined {
  const named = namedList(statement.namedExports);
  const namespace = statement.namespaceExport;
  if (!onlyKeys(statement, EXPORT_KEYS) || !isPlainSpecifier(statement.moduleSpecifier) || named === undefined) return undefined;
  if (namespace !== undefined && (named !== "" || !/^[\w$]+$/.test(namespace))) return undefined;
  const what = named || (namespace !== undefined ? ` * as ${namespace}` : " *");
  return `export${statement.isTypeOnly ? " type" : ""}${what} from "${statement.moduleSpecifier}";\n`;
}

/** ts-morph's text of one statement, written directly; undefined where ts-morph must print it. */
export function printDirectly(statement: StatementStructures): string | undefined {
  switch (statement.kind) {
    case StructureKind.Interface:
      return interfaceText(statement);
    case StructureKind.TypeAlias:
      return typeAliasText(statement);
    case StructureKind.Function:
      return functionText(statement);
    case StructureKind.ImportDeclaration:
      return importText(statement);
    case StructureKind.ExportDeclaration:
      return exportText(statement);
    default:
      return undefined;
  }
}

export const isImport = (s: StatementStructures): boolean => s.kind === StructureKind.ImportDeclaration || s.kind === StructureKind.ExportDeclaration;

/** A blank line between declarations (prettier keeps blank lines but never adds them), inside namespace blocks too. */
function withBlankLines(statements: readonly StatementStructures[]): (StatementStructures | WriterFunction)[] {
  return statements.flatMap((statement, i) => {
    const spaced = statement.kind === StructureKind.Module && Array.isArray(statement.statements) ? { ...statement, statements: withBlankLines(statement.statements as StatementStructures[]) } : statement;
    return i > 0 && !(isImport(statement) && isImport(statements[i - 1])) ? [(w: CodeBlockWriter) => w.blankLineIfLastNot(), spaced] : [spaced];
  });
}

/**
 * One statement as ts-morph prints it in a file of its own (ending in a line break). ts-morph's printStructure writes
 * the structures' text without parsing it back into a syntax tree (which a project's createSourceFile does, for
 * nothing here): the same text in about a third of the time.
 */
export function printStatement(statement: StatementStructures): string {
  return printDirectly(statement) ?? printStructure({ kind: StructureKind.SourceFile, statements: withBlankLines([statement]) });
}

/** Statements to text: each as printStatement prints it, a blank line between two, none between two imports. */
export function printStatements(statements: readonly StatementStructures[]): string {
  return statements.map((statement, i) => (i > 0 && !(isImport(statement) && isImport(statements[i - 1]!)) ? "\n" : "") + printStatement(statement)).join("");
}

/** ts-morph's own print of the statements as one file: what printStatements must equal (see the corpus test). */
export function printWithTsMorph(statements: readonly StatementStructures[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: withBlankLines(statements) });
}
