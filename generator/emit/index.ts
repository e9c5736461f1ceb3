import { Project, StructureKind, type CodeBlockWriter, type StatementStructures, type WriterFunction } from "ts-morph";
import { hierarchyOf } from "../model/hierarchy.js";
import type { GeneratedFile, Model } from "../types/index.js";
import { namespaceStatements } from "./module.js";
import { moduleFileName, namespaceIdentifier } from "./names.js";

/** The text the output is built from that users may override (see templates/). */
export interface Templates {
  /** File banner; `{{sources}}` is replaced by the inputs the output was generated from. */
  banner: string;
  /** The runtime helpers the guards call, written once as runtime.ts. */
  runtime: string;
}

export interface EmitOptions {
  templates: Templates;
  /** Inputs as shown in the banner (paths relative to the output folder). */
  sources: readonly string[];
}

export const RUNTIME_FILE = "runtime.ts";
export const BARREL_FILE = "index.ts";

const isImport = (s: StatementStructures): boolean => s.kind === StructureKind.ImportDeclaration || s.kind === StructureKind.ExportDeclaration;

/** A blank line between top-level declarations (prettier keeps blank lines but never adds them). */
function withBlankLines(statements: readonly StatementStructures[]): (StatementStructures | WriterFunction)[] {
  return statements.flatMap((statement, i) => (i > 0 && !(isImport(statement) && isImport(statements[i - 1])) ? [(w: CodeBlockWriter) => w.blankLineIfLastNot(), statement] : [statement]));
}

/**
 * The emit stage: model in, unformatted TypeScript files out. One module per namespace, the runtime helpers, and
 * a barrel exposing each namespace under a name. Built as ts-morph structures on an in-memory project with no
 * type-checking: fast, and syntactically valid by construction.
 */
export function emitModel(model: Model, options: EmitOptions): GeneratedFile[] {
  const hierarchy = hierarchyOf(model);
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { noLib: true } });
  const banner = options.templates.banner.replace(/\{\{\s*sources\s*\}\}/g, options.sources.join(", ")).trimEnd();
  const print = (path: string, statements: StatementStructures[]): GeneratedFile => {
    const file = project.createSourceFile(path, { statements: withBlankLines(statements) }, { overwrite: true });
    return { path, text: `${banner}\n\n${file.getFullText()}` };
  };
  const files = model.namespaces.map((namespace) => print(moduleFileName(namespace.name), namespaceStatements(namespace, hierarchy)));
  files.push(
    print(
      BARREL_FILE,
      model.namespaces.map((namespace) => ({
        kind: StructureKind.ExportDeclaration,
        namespaceExport: namespaceIdentifier(namespace.name),
        moduleSpecifier: `./${moduleFileName(namespace.name).replace(/\.ts$/, ".js")}`,
      })),
    ),
  );
  files.push({ path: RUNTIME_FILE, text: `${banner}\n\n${options.templates.runtime.trim()}\n` });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
