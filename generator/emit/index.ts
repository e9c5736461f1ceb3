import { Project, StructureKind, type CodeBlockWriter, type StatementStructures, type WriterFunction } from "ts-morph";
import { hierarchyOf } from "../model/hierarchy.js";
import type { GeneratedFile, Model } from "../types/index.js";
import { ENVELOPE_FILE, envelopeStatements } from "./envelope.js";
import { namespaceStatements } from "./module.js";
import { ENVELOPE_TYPES, planNames, type Layout } from "./plan.js";
import { SINGLE_FILE, singleFileStatements } from "./single.js";

export type { Layout } from "./plan.js";

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
  /**
   * `"modules"` (default): one module per namespace with runtime guards, `runtime.ts` (the template's helpers and
   * the OData envelope types) and an `index.ts` barrel. `"single"`: one declaration file, `index.d.ts`, with types only.
   */
  layout?: Layout;
}

export const BARREL_FILE = "index.ts";
export const RUNTIME_FILE = "runtime.ts";
export { ENVELOPE_FILE } from "./envelope.js";
export { SINGLE_FILE } from "./single.js";

const isImport = (s: StatementStructures): boolean => s.kind === StructureKind.ImportDeclaration || s.kind === StructureKind.ExportDeclaration;

/** A blank line between declarations (prettier keeps blank lines but never adds them), inside namespace blocks too. */
function withBlankLines(statements: readonly StatementStructures[]): (StatementStructures | WriterFunction)[] {
  return statements.flatMap((statement, i) => {
    const spaced = statement.kind === StructureKind.Module && Array.isArray(statement.statements) ? { ...statement, statements: withBlankLines(statement.statements as StatementStructures[]) } : statement;
    return i > 0 && !(isImport(statement) && isImport(statements[i - 1])) ? [(w: CodeBlockWriter) => w.blankLineIfLastNot(), spaced] : [spaced];
  });
}

const jsSpecifier = (file: string): string => `./${file.replace(/\.ts$/, ".js")}`;

/**
 * The emit stage: model in, unformatted TypeScript files out. Built as ts-morph structures on an in-memory project
 * with no type-checking: fast, and syntactically valid by construction. Every name is decided up front for the
 * whole model (planNames), so a module refers to another's made-up names (flags types...) as that one declares them.
 */
export function emitModel(model: Model, options: EmitOptions): GeneratedFile[] {
  const layout = options.layout ?? "modules";
  const hierarchy = hierarchyOf(model);
  const plan = planNames(model, hierarchy, layout);
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { noLib: true } });
  const banner = options.templates.banner.replace(/\{\{\s*sources\s*\}\}/g, options.sources.join(", ")).trimEnd();
  const print = (path: string, statements: StatementStructures[]): GeneratedFile => {
    const file = project.createSourceFile(path, { statements: withBlankLines(statements) }, { overwrite: true });
    return { path, text: `${banner}\n\n${file.getFullText()}` };
  };
  if (layout === "single") return [print(SINGLE_FILE, singleFileStatements(model, hierarchy, plan))];
  const files = model.namespaces.map((namespace) => print(plan.modules.get(namespace.name)!.file, namespaceStatements(namespace, hierarchy, plan, ENVELOPE_FILE)));
  files.push(
    print(BARREL_FILE, [
      ...model.namespaces.map((namespace) => ({
        kind: StructureKind.ExportDeclaration as const,
        namespaceExport: plan.modules.get(namespace.name)!.alias,
        moduleSpecifier: jsSpecifier(plan.modules.get(namespace.name)!.file),
      })),
      // The envelope is generic, so it sits beside the namespaces rather than in one: `CollectionResponse<microsoftGraph.User>`.
      { kind: StructureKind.ExportDeclaration, isTypeOnly: true, namedExports: [...ENVELOPE_TYPES], moduleSpecifier: jsSpecifier(ENVELOPE_FILE) },
    ]),
  );
  // The envelope is generated (it is part of the model's output, not an overridable helper) but shares runtime.ts
  // with the template's helpers, so the output keeps one support module beside the namespaces.
  const envelope = project.createSourceFile("envelope.ts", { statements: withBlankLines(envelopeStatements(plan.envelope)) }, { overwrite: true }).getFullText();
  files.push({ path: RUNTIME_FILE, text: `${banner}\n\n${options.templates.runtime.trim()}\n\n${envelope}` });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
