import { createRequire } from "node:module";

/**
 * ts-morph's values, for the emit stage. ts-morph is CommonJS: required directly, Node skips the pass an ESM import
 * makes over a CommonJS module's source to find its named exports, about 60 ms of every run's start-up (a re-run
 * after a one-page edit takes about a second, most of it start-up). Types still come from `import type`.
 */
const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { printStructure, StructureKind, VariableDeclarationKind, ModuleDeclarationKind } = tsMorph;
