import type { ExportDeclarationStructure, StatementStructures } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import { hierarchyOf } from "../model/hierarchy.js";
import { diagnostic, type Diagnostic, type GeneratedFile, type Model } from "../types/index.js";
import { emitChunks, printStatements, type EmittedChunk } from "./chunks.js";
import { ENVELOPE_FILE, envelopeStatements } from "./envelope.js";
import { namespaceStatements } from "./module.js";
import { ENVELOPE_TYPES, planNames, RUNTIME_EXPORTS, type Layout, type MappedFile } from "./plan.js";
import { filterNamespaces, type NamespaceFilter } from "./namespaces.js";
import { DEFAULT_SHAPE, type EnumStyle, type FileNaming, type NullableStyle } from "./shape.js";
import { SINGLE_FILE, singleFileStatements } from "./single.js";
import { ROOT_NAMESPACE } from "./names.js";

export type { Layout } from "./plan.js";
export { keepsNamespace, namespaceMatches, type NamespaceFilter } from "./namespaces.js";
export { ENUM_STYLES, FILE_NAMINGS, NULLABLE_STYLES, type EnumStyle, type FileNaming, type NullableStyle } from "./shape.js";

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
  /**
   * `"union"` (default): a string-literal union and a frozen object of the members. `"const-object"`: the frozen
   * object, the type derived from it (`(typeof X)[keyof typeof X]`). `"enum"`: a TypeScript string enum. The single
   * layout (declarations only, no values) always writes the union.
   */
  enumStyle?: EnumStyle;
  /** `false` leaves out the `is*` guards, the `*_SCHEMA` validation tables, the flags helpers and the runtime import. Default `true`. */
  guards?: boolean;
  /** `true` marks every interface property `readonly`. Default `false`. */
  readonly?: boolean;
  /** `"null"` (default): a nullable property is `T | null` (and optional). `"optional"`: optional only. */
  nullable?: NullableStyle;
  /** `"namespace"` (default): `microsoft.graph.ts`; `"kebab-case"`: `microsoft-graph.ts`; `"camelCase"`: `microsoftGraph.ts`. */
  fileNaming?: FileNaming;
  /**
   * Which namespaces to emit (exact names, or `prefix.*`): `include` keeps only those, `exclude` leaves those out.
   * A reference to a type in a left-out namespace is `unknown` with a `@remarks`; a type whose base is left out
   * gets the base's properties copied in. Default: every namespace.
   */
  namespaces?: NamespaceFilter;
}

/** The options that shape the output (beyond its layout), as the pipeline, `generate()` and the config take them. */
export type ShapeOptions = Pick<EmitOptions, "enumStyle" | "guards" | "readonly" | "nullable" | "fileNaming" | "namespaces">;

export { shapeOptions } from "./shape.js";

export const BARREL_FILE = "index.ts";
export const RUNTIME_FILE = "runtime.ts";
/** What the barrel re-exports from the runtime (with guards); namespace aliases never take these names. */
export { RUNTIME_EXPORTS } from "./plan.js";
export { ENVELOPE_FILE } from "./envelope.js";
export { SINGLE_FILE } from "./single.js";

const jsSpecifier = (file: string): string => `./${file.replace(/\.ts$/, ".js")}`;

/** An emitted file: its chunks (see chunks.ts), and its whole unformatted text (the chunks joined, printed on first use). */
export interface EmittedFile extends GeneratedFile {
  chunks: EmittedChunk[];
}

function emittedFile(path: string, chunks: EmittedChunk[]): EmittedFile {
  return {
    path,
    chunks,
    get text(): string {
      return chunks.map((chunk) => chunk.text).join("\n");
    },
  };
}

/**
 * The banner with `{{sources}}` filled in. The labels come from outside (input paths, which may hold any
 * character): escaped so that none can end the comment they land in (a block comment's `*\/`, a line comment's
 * line break), and inserted by a function, not a replacement string, where `$'` or `$&` would be patterns.
 */
export function fillBanner(banner: string, sources: readonly string[]): string {
  const labels = escapeCommentText(sources.join(", "));
  return banner.replace(/\{\{\s*sources\s*\}\}/g, () => labels).trimEnd();
}

/**
 * Text safe inside any comment: `*\/` broken up, line terminators and other control characters as `\uXXXX`, and a
 * leading `/` or trailing `*` escaped too, since the template's own `*` or `/` may stand right beside it.
 */
export function escapeCommentText(text: string): string {
  const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, hex)
    .replace(/^\//, hex)
    .replace(/\*$/, hex);
}

/**
 * The emit stage: model in, unformatted TypeScript files out, each cut into chunks (see chunks.ts). Built as
 * ts-morph structures and printed without a project or type-checking: fast, and syntactically valid by
 * construction. Every name is decided up front for the whole model (planNames), so a module refers to another's
 * made-up names (flags types...) as that one declares them.
 */
export function emitModel(fullModel: Model, options: EmitOptions): { files: GeneratedFile[]; diagnostics: Diagnostic[] } {
  const layout = options.layout ?? "modules";
  const { model, omitted } = options.namespaces ? filterNamespaces(fullModel, options.namespaces) : { model: fullModel, omitted: new Set<string>() };
  const hierarchy = hierarchyOf(model);
  const shape = {
    enumStyle: options.enumStyle ?? DEFAULT_SHAPE.enumStyle,
    guards: options.guards ?? DEFAULT_SHAPE.guards,
    readonly: options.readonly ?? DEFAULT_SHAPE.readonly,
    nullable: options.nullable ?? DEFAULT_SHAPE.nullable,
    fileNaming: options.fileNaming ?? DEFAULT_SHAPE.fileNaming,
  };
  const plan = planNames(model, hierarchy, layout, shape, omitted);
  const banner = fillBanner(options.templates.banner, options.sources);
  const emit = (path: string, statements: StatementStructures[]): EmittedFile => emittedFile(path, emitChunks(statements, `${banner}\n\n`));
  if (layout === "single") return { files: [emit(SINGLE_FILE, singleFileStatements(model, hierarchy, plan))], diagnostics: [] };
  const files: GeneratedFile[] = model.namespaces.map((namespace) => emit(plan.modules.get(namespace.name)!.file, namespaceStatements(namespace, hierarchy, plan, ENVELOPE_FILE)));
  files.push(
    emit(BARREL_FILE, [
      // The root namespace's names also flat: `import { isUser } from "./index.js"` lets a bundler keep only that
      // guard's schemas, which it cannot do through a namespace object (`microsoftGraph.isUser`: esbuild keeps all).
      ...(plan.modules.has(ROOT_NAMESPACE) ? [{ kind: StructureKind.ExportDeclaration, moduleSpecifier: jsSpecifier(plan.modules.get(ROOT_NAMESPACE)!.file) } satisfies ExportDeclarationStructure] : []),
      ...model.namespaces.map((namespace): ExportDeclarationStructure => ({
        kind: StructureKind.ExportDeclaration,
        namespaceExport: plan.modules.get(namespace.name)!.alias,
        moduleSpecifier: jsSpecifier(plan.modules.get(namespace.name)!.file),
      })),
      // The envelope is generic, so it sits beside the namespaces rather than in one: `CollectionResponse<microsoftGraph.User>`.
      { kind: StructureKind.ExportDeclaration, isTypeOnly: true, namedExports: [...ENVELOPE_TYPES], moduleSpecifier: jsSpecifier(ENVELOPE_FILE) },
      // The validator the guards use, for reasons: `validate(body, microsoftGraph.USER_SCHEMA)`.
      ...(plan.shape.guards ? [{ kind: StructureKind.ExportDeclaration, namedExports: [...RUNTIME_EXPORTS], moduleSpecifier: jsSpecifier(RUNTIME_FILE) } satisfies ExportDeclarationStructure] : []),
    ]),
  );
  // The envelope is generated (it is part of the model's output, not an overridable helper) but shares runtime.ts
  // with the template's helpers, so the output keeps one support module beside the namespaces.
  const envelope = printStatements(envelopeStatements(plan.envelope, plan.shape.readonly));
  files.push({ path: RUNTIME_FILE, text: `${banner}\n\n${options.templates.runtime.trim()}\n\n${envelope}` });
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics: plan.mapped.map((m) => mappedFileDiagnostic(m, model)) };
}

/** Where a namespace is: its first declaration's place (a namespace has no page or element of its own). */
function mappedFileDiagnostic(mapped: MappedFile, model: Model): Diagnostic {
  const namespace = model.namespaces.find((n) => n.name === mapped.namespace)!;
  const first = [...namespace.types, ...namespace.enums, ...namespace.typeDefinitions, ...namespace.operations][0];
  return diagnostic("file-name-mapped", `namespace ${mapped.namespace} is written to ${mapped.file}: ${mapped.reason}`, first?.at);
}
