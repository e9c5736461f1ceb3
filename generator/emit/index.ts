import type { StatementStructures } from "ts-morph";
import { hierarchyOf } from "../model/hierarchy.js";
import { compareStrings } from "../order.js";
import { diagnostic, type Diagnostic, type GeneratedFile, type Model } from "../types/index.js";
import { fillBanner } from "./banner.js";
import { BARREL_FILE, barrelStatements, moduleStatements, RUNTIME_FILE } from "./layout/modules.js";
import { SINGLE_FILE, singleFileStatements } from "./layout/single.js";
import { filterNamespaces, unmatchedPatterns, type NamespaceFilter } from "./plan/namespaces.js";
import { planNames, type Layout, type MappedFile } from "./plan/plan.js";
import { resolveShape, type EnumStyle, type FileNaming, type NullableStyle } from "./plan/shape.js";
import { emitChunks, emitTemplateChunk, type EmittedChunk } from "./print/chunks.js";
import { transformEnvelope } from "./transform/envelope.js";

export type { Layout } from "./plan/plan.js";
export { keepsNamespace, namespaceMatches, type NamespaceFilter } from "./plan/namespaces.js";
export { ENUM_STYLES, FILE_NAMINGS, NULLABLE_STYLES, shapeOptions, type EnumStyle, type FileNaming, type NullableStyle } from "./plan/shape.js";
export { escapeCommentText, fillBanner } from "./banner.js";
export { BARREL_FILE, ENVELOPE_FILE, RUNTIME_FILE } from "./layout/modules.js";
export { SINGLE_FILE } from "./layout/single.js";
/** What the barrel re-exports from the runtime (with guards); namespace aliases never take these names. */
export { RUNTIME_EXPORTS } from "./plan/plan.js";

/** The text the output is built from that users may override (see templates/). */
export interface Templates {
  /** File banner; `{{sources}}` is replaced by the inputs the output was generated from. */
  banner: string;
  /** The runtime helpers the guards call, written once as runtime.ts. */
  runtime: string;
  /**
   * `runtime` is in prettier's layout already, so the format stage takes it as it is: set for the package's own
   * template (read/templates.ts), which a test formats; a user's template goes through prettier.
   */
  runtimeFormatted?: boolean;
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

/** An emitted file: its chunks (see print/chunks.ts), and its whole unformatted text (the chunks joined, printed on first use). */
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

/** A file as the statements it is printed from, before printing. */
export interface StructuredFile {
  path: string;
  statements: StatementStructures[];
}

/**
 * The emit stage's structures: each file's statements (the runtime file, whose helpers are the template's text, as
 * the statements that follow them), the banner every file starts with, and the stage's diagnostics.
 */
export function emitStructures(fullModel: Model, options: EmitOptions): { banner: string; files: StructuredFile[]; runtime?: StructuredFile; diagnostics: Diagnostic[] } {
  const { model, omitted } = options.namespaces ? filterNamespaces(fullModel, options.namespaces) : { model: fullModel, omitted: new Set<string>() };
  const hierarchy = hierarchyOf(model);
  const plan = planNames(model, hierarchy, options.layout ?? "modules", resolveShape(options), omitted);
  const banner = fillBanner(options.templates.banner, options.sources);
  const unmatched = options.namespaces ? unmatchedPatterns(fullModel, options.namespaces) : [];
  if (plan.layout === "single") return { banner, files: [{ path: SINGLE_FILE, statements: singleFileStatements(model, plan, hierarchy) }], diagnostics: unmatched };
  const files = model.namespaces.map((namespace) => ({ path: plan.modules.get(namespace.name)!.file, statements: moduleStatements(namespace, plan, hierarchy) }));
  files.push({ path: BARREL_FILE, statements: barrelStatements(model, plan) });
  const runtime = { path: RUNTIME_FILE, statements: transformEnvelope(plan.envelope, { plan }) };
  return { banner, files, runtime, diagnostics: [...unmatched, ...plan.mapped.map((m) => mappedFileDiagnostic(m, model))] };
}

/**
 * The emit stage: model in, unformatted TypeScript files out, each cut into chunks (see print/chunks.ts). Built as
 * ts-morph structures and printed without a project or type-checking: fast, and syntactically valid by
 * construction. Every name is decided up front for the whole model (planNames), so a module refers to another's
 * made-up names (flags types...) as that one declares them.
 */
export function emitModel(fullModel: Model, options: EmitOptions): { files: GeneratedFile[]; diagnostics: Diagnostic[] } {
  const { banner, files: structured, runtime, diagnostics } = emitStructures(fullModel, options);
  const files: GeneratedFile[] = structured.map((file): EmittedFile => emittedFile(file.path, emitChunks(file.statements, `${banner}\n\n`)));
  // runtime.ts: the template's helpers, then the envelope types (one chunk: the template is the user's text). The
  // envelope is generated, not an overridable helper, but shares the file so the output keeps one support module.
  if (runtime) {
    const chunk = emitTemplateChunk(`${banner}\n\n`, options.templates.runtime.trim(), options.templates.runtimeFormatted === true, runtime.statements);
    files.push(emittedFile(runtime.path, [chunk]));
  }
  return { files: files.sort((a, b) => compareStrings(a.path, b.path)), diagnostics };
}

/** Where a namespace is: its first declaration's place (a namespace has no page or element of its own). */
function mappedFileDiagnostic(mapped: MappedFile, model: Model): Diagnostic {
  const namespace = model.namespaces.find((n) => n.name === mapped.namespace)!;
  const first = [...namespace.types, ...namespace.enums, ...namespace.typeDefinitions, ...namespace.operations][0];
  return diagnostic("file-name-mapped", `namespace ${mapped.namespace} is written to ${mapped.file}: ${mapped.reason}`, first?.at);
}
