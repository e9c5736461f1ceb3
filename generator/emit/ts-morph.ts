import { createRequire } from "node:module";
import type { ModuleDeclarationKind as ModuleKind, StructureKind as Kind, VariableDeclarationKind as VariableKind } from "ts-morph";

/**
 * ts-morph for the emit stage, loaded only when a statement needs its printer: loading it (and the TypeScript it
 * bundles) takes about 0.4 s, and print/statement.ts writes most statements without it, so a re-run whose changed
 * chunk holds none of the rest never loads it. ts-morph is CommonJS: required directly, Node skips the pass an ESM
 * import makes over a CommonJS module's source to find its named exports. Types come from `import type`.
 */
let tsMorph: typeof import("ts-morph") | undefined;
const load = (): typeof import("ts-morph") => (tsMorph ??= createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph"));

/** ts-morph's printer, loaded on first use. */
export function printStructure(...args: Parameters<typeof import("ts-morph").printStructure>): string {
  return load().printStructure(...args);
}

/** The members of ts-morph's enums the emitter uses, as ts-morph numbers them (a test compares them with ts-morph's own). */
export const StructureKind = {
  Enum: 8 as Kind.Enum,
  ExportDeclaration: 11 as Kind.ExportDeclaration,
  Function: 13 as Kind.Function,
  FunctionOverload: 14 as Kind.FunctionOverload,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  JSDoc: 24 as Kind.JSDoc,
  JSDocTag: 25 as Kind.JSDocTag,
  Module: 29 as Kind.Module,
  PropertySignature: 33 as Kind.PropertySignature,
  SourceFile: 36 as Kind.SourceFile,
  TypeAlias: 38 as Kind.TypeAlias,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;

export const VariableDeclarationKind = { Const: "const" as VariableKind.Const } as const;
export const ModuleDeclarationKind = { Namespace: "namespace" as ModuleKind.Namespace } as const;
