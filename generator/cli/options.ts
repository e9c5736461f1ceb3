import type { GenerateOptions } from "../index.js";

/** Every flag the CLI knows, for node's parseArgs (strict: an unknown flag is a usage error). */
export const OPTIONS = {
  config: { type: "string" },
  out: { type: "string", short: "o" },
  csdl: { type: "string", multiple: true },
  docs: { type: "string", multiple: true },
  check: { type: "boolean" },
  "diff-stat": { type: "boolean" },
  layout: { type: "string" },
  "enum-style": { type: "string" },
  // parseArgs (Node 20) has no negated flags: --no-guards is a flag of its own.
  "no-guards": { type: "boolean" },
  readonly: { type: "boolean" },
  nullable: { type: "string" },
  "file-naming": { type: "string" },
  "include-namespace": { type: "string", multiple: true },
  "exclude-namespace": { type: "string", multiple: true },
  templates: { type: "string" },
  force: { type: "boolean" },
  reporter: { type: "string" },
  format: { type: "string" },
  strict: { type: "boolean" },
  "max-warnings": { type: "string" },
  "max-page-bytes": { type: "string" },
  "max-table-rows": { type: "string" },
  "max-nesting": { type: "string" },
  "max-xml-bytes": { type: "string" },
  "max-xml-depth": { type: "string" },
  "max-inheritance-depth": { type: "string" },
  "page-timeout": { type: "string" },
  "max-list-items": { type: "string" },
  "max-inline-markers": { type: "string" },
  verbose: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  debug: { type: "boolean" },
  watch: { type: "boolean" },
  "cache-dir": { type: "string" },
  // parseArgs (Node 20) has no negated flags: --no-cache is a flag of its own.
  "no-cache": { type: "boolean" },
  threads: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export type Flags = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

/** Thrown for flags with values that make no sense; main turns it into exit 2. */
export class UsageError extends Error {}

export function wholeNumber(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${flag} takes a whole number${min ? ` of at least ${min}` : ""}, not "${value}"`);
  return number;
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

/**
 * The resource limits the flags set over those of the config file (`base`), one by one; the others keep their
 * defaults.
 */
export function limitsFrom(flags: Flags, base: GenerateOptions["limits"] = {}): NonNullable<GenerateOptions["limits"]> {
  const markdown = {
    ...(flags["max-page-bytes"] ? { maxPageBytes: wholeNumber("max-page-bytes", flags["max-page-bytes"], 1) } : {}),
    ...(flags["max-table-rows"] ? { maxTableRows: wholeNumber("max-table-rows", flags["max-table-rows"], 1) } : {}),
    ...(flags["max-nesting"] ? { maxNesting: wholeNumber("max-nesting", flags["max-nesting"], 1) } : {}),
    ...(flags["page-timeout"] ? { pageTimeoutMs: wholeNumber("page-timeout", flags["page-timeout"], 1) } : {}),
    ...(flags["max-list-items"] ? { maxListItems: wholeNumber("max-list-items", flags["max-list-items"], 1) } : {}),
    ...(flags["max-inline-markers"] ? { maxInlineMarkers: wholeNumber("max-inline-markers", flags["max-inline-markers"], 1) } : {}),
  };
  const csdl = {
    ...(flags["max-xml-bytes"] ? { maxBytes: wholeNumber("max-xml-bytes", flags["max-xml-bytes"], 1) } : {}),
    ...(flags["max-xml-depth"] ? { maxDepth: wholeNumber("max-xml-depth", flags["max-xml-depth"], 1) } : {}),
  };
  const model = {
    ...(flags["max-inheritance-depth"] ? { maxInheritanceDepth: wholeNumber("max-inheritance-depth", flags["max-inheritance-depth"], 1) } : {}),
  };
  return { markdown: { ...base.markdown, ...markdown }, csdl: { ...base.csdl, ...csdl }, model: { ...base.model, ...model } } as NonNullable<GenerateOptions["limits"]>;
}
