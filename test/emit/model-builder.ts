/**
 * Hand-built models for emit tests: emit reads only the Model, so these tests do not depend on a parser.
 * Types are written the way CSDL writes them: `Edm.String`, `Collection(microsoft.graph.user)`, a qualified name,
 * or `?written` for a type the model could not resolve.
 */
import ts from "typescript";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { emitModel, type EmitOptions } from "../../generator/emit/index.js";
import { formatFiles } from "../../generator/format/prettier.js";
import type {
  EntityContainer,
  EnumMember,
  EnumType,
  Model,
  Namespace,
  Operation,
  Parameter,
  PrimitiveName,
  Property,
  StructuredType,
  TypeDefinition,
  TypedValue,
  TypeUse,
} from "../../generator/types/index.js";
import { templates } from "../helpers.js";
import { createProgram, errorLines } from "../typecheck.js";

export const at = { file: "test.xml", line: 1, column: 1 };

const split = (fqn: string) => ({ namespace: fqn.slice(0, fqn.lastIndexOf(".")), name: fqn.slice(fqn.lastIndexOf(".") + 1) });

export function typeUse(written: string): TypeUse {
  if (written.startsWith("?")) return { kind: "unknown", written: written.slice(1) };
  if (written.startsWith("Edm.")) return { kind: "primitive", edm: written.slice(4) as PrimitiveName };
  return { kind: "named", fqn: written };
}

/** `Collection(X)` -> a collection of X; nullable unless said otherwise (like CSDL). */
export function typed(written: string, nullable = true): TypedValue {
  const collection = /^Collection\((.*)\)$/.exec(written);
  return { type: typeUse(collection ? collection[1] : written), collection: Boolean(collection), nullable: collection ? false : nullable };
}

export function prop(name: string, type: string, extra: Partial<Property> = {}): Property {
  return { name, ...typed(type, extra.nullable ?? true), deprecated: false, navigation: false, at, ...extra };
}

export function entity(fqn: string, properties: Property[] = [], extra: Partial<StructuredType> = {}): StructuredType {
  return { kind: "entity", ...split(fqn), fqn, abstract: false, openType: false, properties, at, ...extra };
}

export function complex(fqn: string, properties: Property[] = [], extra: Partial<StructuredType> = {}): StructuredType {
  return { ...entity(fqn, properties, extra), kind: "complex", ...extra };
}

export function enumType(fqn: string, members: (string | EnumMember)[], extra: Partial<EnumType> = {}): EnumType {
  return { ...split(fqn), fqn, members: members.map((m, value) => (typeof m === "string" ? { name: m, value } : m)), flags: false, at, ...extra };
}

export function flagsEnum(fqn: string, members: string[], extra: Partial<EnumType> = {}): EnumType {
  return enumType(fqn, members.map((name, i) => ({ name, value: 2 ** i })), { flags: true, ...extra });
}

export function typeDefinition(fqn: string, underlying: PrimitiveName, description?: string): TypeDefinition {
  return { ...split(fqn), fqn, underlying, description, at };
}

export function param(name: string, type: string, extra: Partial<Parameter> = {}): Parameter {
  return { name, ...typed(type, extra.nullable ?? true), optional: false, at, ...extra };
}

/** An action or function; `bound` is the binding parameter's type as written (`microsoft.graph.user`). */
export function operation(kind: "action" | "function", fqn: string, options: { bound?: string; parameters?: Parameter[]; returns?: string; description?: string; deprecation?: string } = {}): Operation {
  return {
    kind,
    ...split(fqn),
    fqn,
    binding: options.bound ? typed(options.bound, false) : undefined,
    parameters: options.parameters ?? [],
    returnType: options.returns ? typed(options.returns) : undefined,
    composable: false,
    description: options.description,
    deprecation: options.deprecation,
    at,
  };
}

export function container(fqn: string, entitySets: Record<string, string>, singletons: Record<string, string> = {}): EntityContainer {
  const { namespace, name } = split(fqn);
  return {
    name,
    namespace,
    entitySets: Object.entries(entitySets).map(([set, type]) => ({ name: set, type, at })),
    singletons: Object.entries(singletons).map(([single, type]) => ({ name: single, type, at })),
    at,
  };
}

type Part = StructuredType | EnumType | TypeDefinition | Operation | EntityContainer;

/** A model from loose parts, sorted the way the model stage sorts (namespaces and each list by name). */
export function modelOf(...parts: Part[]): Model {
  const namespaces = new Map<string, Namespace>();
  const of = (name: string) => namespaces.get(name) ?? namespaces.set(name, { name, types: [], enums: [], typeDefinitions: [], operations: [], containers: [] }).get(name)!;
  for (const part of parts) {
    if ("entitySets" in part) of(part.namespace).containers.push(part);
    else if ("underlying" in part) of(part.namespace).typeDefinitions.push(part);
    else if ("members" in part) of(part.namespace).enums.push(part);
    else if ("parameters" in part) of(part.namespace).operations.push(part);
    else of(part.namespace).types.push(part);
  }
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const namespace of namespaces.values()) {
    byName(namespace.types);
    byName(namespace.enums);
    byName(namespace.typeDefinitions);
    byName(namespace.operations);
    byName(namespace.containers);
  }
  return { namespaces: byName([...namespaces.values()]) };
}

/** Emits and formats, as the pipeline does; files by path. */
export async function emitted(model: Model, options: Partial<EmitOptions> = {}): Promise<Record<string, string>> {
  const files = await formatFiles(emitModel(model, { templates: await templates(), sources: ["model"], ...options }).files);
  return Object.fromEntries(files.map((f) => [f.path, f.text]));
}

/**
 * The text of one declaration starting at `start`: an interface, function or namespace up to its closing brace at
 * the same indentation, a type alias up to the first `;` that ends a line.
 */
export function declaration(text: string, start: string): string {
  const from = text.indexOf(start);
  if (from === -1) throw new Error(`no "${start}" in:\n${text}`);
  const indent = text.slice(text.lastIndexOf("\n", from) + 1, from);
  const rest = text.slice(from);
  const end = /\b(interface|function|namespace)\b/.test(start) ? rest.indexOf(`\n${indent}}`) + indent.length + 2 : rest.indexOf(";\n") + 1;
  return rest.slice(0, end);
}

/**
 * Writes `files` (plus `extra`, e.g. a usage file) to a fresh temp folder and type-checks them under --strict with
 * the given module options, the .d.ts files included; returns the diagnostics as `file:line message`.
 */
export async function compile(files: Record<string, string>, extra: Record<string, string>, options: ts.CompilerOptions): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "graph-typegen-emit-"));
  // An ES module package, like a project that consumes the output with "type": "module".
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [file, text] of Object.entries({ ...files, ...extra })) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  try {
    const roots = Object.keys({ ...files, ...extra }).map((f) => path.join(dir, f));
    // The generated .d.ts files are checked (skipLibCheck false); TypeScript's own libs need not be, every time.
    return errorLines(createProgram(roots, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], skipLibCheck: false, skipDefaultLibCheck: true, types: [], ...options }), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const NODENEXT: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
export const BUNDLER: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
