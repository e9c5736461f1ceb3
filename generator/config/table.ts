import { ENUM_STYLES, FILE_NAMINGS, NULLABLE_STYLES } from "../emit/plan/shape.js";
import { DRIFT_FORMATS, EMIT_KINDS, LAYOUTS, REPORTERS, type Command, type RuleLevel } from "./vocabulary.js";

/**
 * What an option's value is. The config validator, the flag parser, the help and schema.json read it, so each
 * kind's meaning (a path is a non-empty string, a count a whole number >= 0, ...) is written once, in rules.ts.
 */
export type Rule = "string" | "path" | "paths" | "boolean" | "count" | "positive" | "rules" | readonly string[];

export interface OptionSpec {
  /** The config key (`limits.maxPageBytes`), or for a flag with no config key, its name in `CliSettings`. */
  readonly name: string;
  /** Whether a config file may set it. */
  readonly config?: true;
  /** The CLI flag, without `--`. */
  readonly flag?: string;
  readonly short?: string;
  /** The flag's value as the help names it (`<dir>`); a flag without one is a switch. */
  readonly arg?: string;
  /** A switch that sets the value to this (`--no-guards` sets `guards` to false); default true. */
  readonly sets?: boolean;
  readonly rule: Rule;
  /** Where the value goes in `GenerateOptions` (dotted); absent: a CLI setting, not a `generate()` option. */
  readonly to?: string;
  /** The value when neither the flag nor the config sets it, where the CLI applies it (see `defaults.test.ts`). */
  readonly default?: unknown;
  /** The commands that take the flag; another command's flag is a usage error. */
  readonly commands?: readonly Command[];
  /** The flag's help text. */
  readonly help?: string;
  /** The config key's description in schema.json. */
  readonly schema?: string;
}

const GEN = ["generate"] as const;
const DRIFT = ["drift"] as const;
const BOTH = ["generate", "drift"] as const;
/** A resource limit: a config key under `limits`, a `--max-*` flag, a whole number >= 1 under `GenerateOptions.limits`. */
const limit = <N extends string>(name: N, flag: string, to: string, fallback: number, help: string, schema: string) =>
  ({ name: `limits.${name}`, config: true, flag, arg: flag === "page-timeout" ? "ms" : "n", rule: "positive", to: `limits.${to}`, default: fallback, commands: BOTH, help, schema }) as const satisfies OptionSpec;

/** Every option, once. Order is the help's and the schema's. */
export const OPTION_TABLE = [
  { name: "$schema", config: true, rule: "string", schema: 'The JSON Schema this file follows, for editors: "./node_modules/graph-typegen/generator/config/schema.json".' },
  { name: "config", flag: "config", arg: "file", rule: "path", commands: BOTH, help: "read options from this file instead of the nearest graph-typegen.config.json (or .mjs) found from the current folder upward; flags override its values" },
  { name: "inputs", config: true, rule: "paths", to: "inputs", default: ["input"], schema: 'Markdown resource pages: files or folders (searched recursively for .md). Default: ["input"], or none when csdl is given. The command line\'s paths override it.' },
  { name: "csdl", config: true, flag: "csdl", arg: "file", rule: "paths", to: "csdl", commands: BOTH, help: "CSDL (EDMX) metadata to read (- for standard input); repeat for several files", schema: "CSDL (EDMX) metadata: files, or folders of .xml/.edmx/.csdl files. With both, the metadata is authoritative for structure and the docs add descriptions and enum narrowing. --csdl overrides it." },
  { name: "docs", flag: "docs", arg: "dir", rule: "paths", commands: DRIFT, help: "the docs to compare with the metadata (or paths after drift; default: inputs of the config file)" },
  { name: "out", config: true, flag: "out", short: "o", arg: "dir", rule: "path", to: "out", default: "output", commands: GEN, help: "output folder (default: output/); graph-typegen changes only the files it wrote there (listed in .graph-typegen-manifest.json) and refuses /, your home folder, the working directory, an input folder, and a project or repository folder", schema: 'Output folder. Default: "output" beside this file. --out overrides it.' },
  { name: "check", flag: "check", rule: "boolean", to: "check", commands: GEN, help: "write nothing; exit 1 if the output folder is not what generate would write, and print the unified diff of what would change" },
  { name: "diffStat", flag: "diff-stat", rule: "boolean", default: false, commands: GEN, help: "(with --check) print a per-file summary of the changes instead of the diff" },
  { name: "layout", config: true, flag: "layout", arg: "kind", rule: LAYOUTS, to: "layout", default: "modules", commands: GEN, help: "modules (default: one module per namespace) or single (one index.d.ts)", schema: '"modules" (default): one module per namespace plus an index.ts barrel. "single": one index.d.ts with nested namespaces. --layout overrides it.' },
  { name: "emit", config: true, flag: "emit", arg: "kind", rule: EMIT_KINDS, to: "emit", default: "ts", commands: GEN, help: "ts (default: TypeScript modules, compiled by your project) or js (JavaScript modules, each with a .d.ts beside it: ready to import, and skipLibCheck skips the declarations); modules layout only", schema: 'What the modules layout writes (the single layout is always one index.d.ts): "ts" (default): TypeScript modules that your project compiles with its own settings. "js": each module as JavaScript (ES2022) with a .d.ts beside it, ready to import from JavaScript or TypeScript; a consumer\'s tsc reads only declarations, which skipLibCheck skips. --emit overrides it.' },
  { name: "enumStyle", config: true, flag: "enum-style", arg: "style", rule: ENUM_STYLES, to: "enumStyle", default: "union", commands: GEN, help: "union (default: a string-literal union and a frozen object), const-object (the frozen object and a type derived from it) or enum (a TypeScript string enum)", schema: 'How enums are declared (modules layout; the single layout always writes the union): "union" (default): a string-literal union and a frozen object of the members. "const-object": the frozen object and export type X = (typeof X)[keyof typeof X]. "enum": a TypeScript string enum. --enum-style overrides it.' },
  // parseArgs (Node 20) has no negated flags: --no-guards is a flag of its own, which sets guards to false.
  { name: "guards", config: true, flag: "no-guards", sets: false, rule: "boolean", to: "guards", default: true, commands: GEN, help: "leave out the is* type guards, the *_SCHEMA validation tables, the flags helpers and the runtime import (types only; runtime.ts still holds the envelope types)", schema: "Emit the is* type guards, the *_SCHEMA validation tables, the flags helpers and the runtime import. Default true; false keeps types only (runtime.ts is still written for the envelope types). --no-guards sets it to false." },
  { name: "readonly", config: true, flag: "readonly", rule: "boolean", to: "readonly", default: false, commands: GEN, help: "mark every interface property readonly", schema: "Mark every interface property readonly. Default false. --readonly sets it." },
  { name: "nullable", config: true, flag: "nullable", arg: "style", rule: NULLABLE_STYLES, to: "nullable", default: "null", commands: GEN, help: "null (default: nullable properties are T | null) or optional (optional only)", schema: 'How a nullable property is written: "null" (default): T | null, and optional. "optional": optional only, no | null. --nullable overrides it.' },
  { name: "fileNaming", config: true, flag: "file-naming", arg: "style", rule: FILE_NAMINGS, to: "fileNaming", default: "namespace", commands: GEN, help: "module files named as the namespace (default), kebab-case, or camelCase", schema: 'How namespace module files are named: "namespace" (default): microsoft.graph.partners.billing.ts; "kebab-case": microsoft-graph-partners-billing.ts; "camelCase": microsoftGraphPartnersBilling.ts (the barrel\'s name). --file-naming overrides it.' },
  // Namespace names, not paths, but the same rule: an array of non-empty strings.
  { name: "namespaces.include", config: true, flag: "include-namespace", arg: "ns", rule: "paths", to: "namespaces.include", commands: GEN, help: "emit only these namespaces (exact, or a prefix pattern such as microsoft.graph.*); repeat for several", schema: "Emit only the namespaces these names or patterns match. Default: all. --include-namespace (repeatable) overrides it." },
  { name: "namespaces.exclude", config: true, flag: "exclude-namespace", arg: "ns", rule: "paths", to: "namespaces.exclude", commands: GEN, help: "leave out these namespaces (after --include-namespace); references to left-out types are unknown", schema: "Leave out the namespaces these names or patterns match (after include). --exclude-namespace (repeatable) overrides it." },
  { name: "templates", config: true, flag: "templates", arg: "dir", rule: "path", to: "templates", commands: GEN, help: "folder with banner.txt and runtime.ts overriding the built-in templates", schema: "Folder with your own banner.txt ({{sources}} is replaced by the inputs) and runtime.ts (the helpers the type guards call). Default: the package's templates/. --templates overrides it." },
  { name: "force", config: true, flag: "force", rule: "boolean", to: "force", default: false, commands: GEN, help: "overwrite a file in the output folder that has a generated file's name but is not in the manifest (without it, that is a conflict: exit 2, nothing written)", schema: "Overwrite a file in the output folder that has the name of a generated file but is not in .graph-typegen-manifest.json (a file graph-typegen did not write). Default false: such a file is a conflict and nothing is written. --force sets it." },
  limit("maxPageBytes", "max-page-bytes", "markdown.maxPageBytes", 2 * 1024 * 1024, "largest Markdown page read, in bytes (default 2 MiB); a larger page is skipped with a diagnostic", "Largest Markdown page read, in UTF-8 bytes. Default 2097152 (2 MiB). --max-page-bytes overrides it."),
  limit("maxTableRows", "max-table-rows", "markdown.maxTableRows", 10_000, "most table lines in a page (default 10000)", "Most consecutive table lines in one page. Default 10000. --max-table-rows overrides it."),
  limit("maxNesting", "max-nesting", "markdown.maxNesting", 32, "deepest quote or list nesting in a page (default 32)", "Deepest block quote or list nesting in a page. Default 32. --max-nesting overrides it."),
  limit("maxXmlBytes", "max-xml-bytes", "csdl.maxBytes", 64 * 1024 * 1024, "largest CSDL document read, in bytes (default 64 MiB)", "Largest CSDL document read, in UTF-8 bytes. Default 67108864 (64 MiB). --max-xml-bytes overrides it."),
  limit("maxXmlDepth", "max-xml-depth", "csdl.maxDepth", 200, "deepest CSDL element nesting (default 200)", "Deepest CSDL element nesting (the root is level 1; capped at 1000). Default 200. --max-xml-depth overrides it."),
  limit("maxInheritanceDepth", "max-inheritance-depth", "model.maxInheritanceDepth", 32, "most levels below a chain's root (default 32); deeper types lose their base", "Most levels a type may sit below the root of its inheritance chain (Graph's deepest is 4); a type past it loses its base, with a GT1014. Default 32. --max-inheritance-depth overrides it."),
  limit("pageTimeoutMs", "page-timeout", "markdown.pageTimeoutMs", 5_000, "longest a page may take to parse (default 5000); past it, it is skipped", "Longest a Markdown page may take to parse, in milliseconds, once a thread starts on it; a page past it is skipped with a GT2012. Default 5000. --page-timeout overrides it."),
  limit("maxListItems", "max-list-items", "markdown.maxListItems", 2_000, "most list items in a page (default 2000)", "Most lines that open list items in one page (remark slows with the square of many nested lists). Default 2000. --max-list-items overrides it."),
  limit("maxInlineMarkers", "max-inline-markers", "markdown.maxInlineMarkers", 4_000, "most [ and * in a page (default 4000)", "Most [ and * in one page (remark slows with the square of unclosed link and emphasis openers). Default 4000. --max-inline-markers overrides it."),
  { name: "strict", config: true, flag: "strict", rule: "boolean", default: false, commands: GEN, help: "warnings fail the run (exit 1)", schema: "Warnings fail the run (exit 1). Default false. --strict sets it." },
  { name: "maxWarnings", config: true, flag: "max-warnings", arg: "n", rule: "count", commands: GEN, help: "more than n warnings fail the run (exit 1)", schema: "More than this many warnings fail the run (exit 1), as in eslint. Default: no limit. --max-warnings overrides it." },
  { name: "rules", config: true, flag: "rule", arg: "CODE=level", rule: "rules", to: "rules", commands: GEN, help: "report a code (GT3001) or a prefix (GT30*) at another level: off, info, warning or error (an error fails the run); repeat for several; over the config's rules code by code", schema: 'Severity per diagnostic code or prefix, as in ESLint: {"GT30*": "off", "GT1001": "error"}. "off" drops the diagnostic; "error" makes it fail the run (exit 1). An exact code beats a prefix, a longer prefix a shorter one. The codes that mean unusable input or output (exit 2) keep their severity. --rule CODE=level (repeatable) overrides it code by code.' },
  { name: "baseline", config: true, flag: "baseline", arg: "file", rule: "path", commands: GEN, help: "report and count only diagnostics not recorded in this file (see --update-baseline); says how many were baselined and which entries no longer occur", schema: "A baseline file written by --update-baseline: diagnostics recorded there (by code, file and subject, not line) are not reported or counted, so --max-warnings 0 fails only on new ones. --baseline overrides it." },
  { name: "updateBaseline", flag: "update-baseline", arg: "file", rule: "path", commands: GEN, help: "record the run's errors and warnings in this file as the baseline (then the run passes); commit it, and shrink it by running this again" },
  { name: "reporter", config: true, flag: "reporter", arg: "name", rule: REPORTERS, default: "text", commands: GEN, help: "text (default), json, or github (workflow commands, inline on pull requests)", schema: 'How diagnostics print: "text" (default), "json" (one JSON document) or "github" (workflow commands, shown inline on pull requests). --reporter overrides it.' },
  { name: "format", flag: "format", arg: "name", rule: DRIFT_FORMATS, default: "text", commands: DRIFT, help: "text (default), json, or markdown (a report that fits a pull-request comment)" },
  { name: "verbose", flag: "verbose", rule: "boolean", default: false, commands: BOTH, help: "also print info diagnostics (skipped pages, assumptions) and, for generate, where the time went" },
  { name: "quiet", flag: "quiet", short: "q", rule: "boolean", default: false, commands: GEN, help: "print only errors and the summary lines (no warnings, table or diff)" },
  { name: "watch", flag: "watch", rule: "boolean", default: false, commands: GEN, help: "generate, then again on each change to the inputs (Ctrl+C stops); a run with new errors (a page broken mid-edit) keeps the previous output" },
  { name: "cacheDir", flag: "cache-dir", arg: "dir", rule: "path", commands: GEN, help: "where parsed pages are cached (default: node_modules/.cache/graph-typegen/ when node_modules/ exists, else no cache)" },
  // parseArgs (Node 20) has no negated flags: --no-cache is a flag of its own.
  { name: "noCache", flag: "no-cache", rule: "boolean", default: false, commands: GEN, help: "parse every page, neither reading nor writing the cache" },
  { name: "threads", config: true, flag: "threads", arg: "n", rule: "count", to: "threads", commands: GEN, help: "at most n worker threads parse the pages, never more than the cores (default: one per core, at most 4); 0 parses in-process, without the page time budget", schema: "At most this many worker threads parse the Markdown pages (0: none, in-process, without the page time budget). Default: one per core, at most 4, never more than the cores. Never changes the output. --threads overrides it." },
  { name: "debug", flag: "debug", rule: "boolean", default: false, commands: BOTH, help: "print the stack of an internal error" },
  { name: "help", flag: "help", short: "h", rule: "boolean", default: false, commands: BOTH, help: "show this help" },
  { name: "version", flag: "version", short: "v", rule: "boolean", default: false, help: "show the version (only as the first argument)" },
] as const satisfies readonly OptionSpec[];

/** The schema descriptions of the keys that group others. */
export const GROUP_SCHEMA: Readonly<Record<string, string>> = {
  namespaces:
    'Which model namespaces to emit; each entry is an exact namespace name or a prefix pattern ending in * ("microsoft.graph.*"). A reference to a type in a left-out namespace is written as unknown with a @remarks; a type whose base is left out gets the base\'s properties. Default: all. --include-namespace and --exclude-namespace override the lists.',
  limits: "Resource limits for hostile input; a page or file past one is skipped with a diagnostic. Each has a safe default; the --max-* flags override them one by one.",
};

export const OPTIONS: readonly OptionSpec[] = OPTION_TABLE;

type Spec = (typeof OPTION_TABLE)[number];
type ValueOf<R> = R extends "paths" ? string[] : R extends "boolean" ? boolean : R extends "count" | "positive" ? number : R extends "rules" ? Record<string, RuleLevel> : R extends readonly (infer E)[] ? E : string;
type Named<S> = S extends { name: infer N extends string } ? N : never;
type Flat<S extends Spec> = { [X in S as Named<X>]: ValueOf<X["rule"]> };
type ConfigFlat = Flat<Extract<Spec, { config: true }>>;
type Top<K> = K extends `${infer A}.${string}` ? A : K;
type Group<A extends string> = { [K in keyof ConfigFlat as K extends `${A}.${infer B}` ? B : never]?: ConfigFlat[K] };

/** A config file's contents, validated (derived from the table). In a `LoadedConfig`, every path is absolute. */
export type Config = { [A in Top<keyof ConfigFlat>]?: A extends keyof ConfigFlat ? ConfigFlat[A] : Group<A & string> };
export type ConfigLimits = NonNullable<Config["limits"]>;

type SettingSpec = Exclude<Spec, { to: string }>;
/** The options that are the CLI's own (not `generate()`'s), by name; those with a default are always set. */
export type CliSettings = { [X in Extract<SettingSpec, { default: unknown }> as Named<X>]: ValueOf<X["rule"]> } & {
  [X in Exclude<SettingSpec, { default: unknown }> as Named<X>]?: ValueOf<X["rule"]>;
};
