import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../cli/options.js";
import { REPORTERS, type ReporterName } from "../cli/report.js";
import { ENUM_STYLES, FILE_NAMINGS, NULLABLE_STYLES, type EnumStyle, type FileNaming, type NullableStyle } from "../emit/shape.js";
import type { GenerateOptions, Layout } from "../index.js";
import { displayPath } from "../read/sources.js";
import { findConfig, untrustedReason } from "./find.js";
import { parseJson } from "./json.js";

export { CONFIG_FILES, untrustedReason } from "./find.js";

export const LAYOUTS: readonly Layout[] = ["modules", "single"];

export interface ConfigLimits {
  maxPageBytes?: number;
  maxTableRows?: number;
  maxNesting?: number;
  maxXmlBytes?: number;
  maxXmlDepth?: number;
  maxInheritanceDepth?: number;
  pageTimeoutMs?: number;
  maxListItems?: number;
  maxInlineMarkers?: number;
}

/** A config file's contents, validated. In a `LoadedConfig`, every path is absolute. */
export interface Config {
  $schema?: string;
  inputs?: string[];
  csdl?: string[];
  out?: string;
  layout?: Layout;
  enumStyle?: EnumStyle;
  guards?: boolean;
  readonly?: boolean;
  nullable?: NullableStyle;
  fileNaming?: FileNaming;
  namespaces?: { include?: string[]; exclude?: string[] };
  templates?: string;
  force?: boolean;
  limits?: ConfigLimits;
  strict?: boolean;
  maxWarnings?: number;
  reporter?: ReporterName;
  threads?: number;
}

export interface LoadedConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: relative paths in the file, and the defaults `input/` and `output/`, resolve against it. */
  dir: string;
  config: Config;
  /** The part `generate()` takes (with `cwd` set to `dir`); spread it first and override what you like. */
  options: GenerateOptions;
}

/** A config file that cannot be used; a UsageError, so the CLI exits 2. */
export class ConfigError extends UsageError {
  override name = "ConfigError";
}

export type Rule = "string" | "path" | "paths" | "boolean" | "count" | "positive" | readonly string[] | { readonly [key: string]: Rule };

/**
 * What each key accepts: the one table the validator reads. `satisfies` ties it to `Config` (a key missing here or
 * extra here fails to compile), and test/config ties it to schema.json, so the three cannot drift apart.
 */
export const CONFIG_RULES = {
  $schema: "string",
  inputs: "paths",
  csdl: "paths",
  out: "path",
  layout: LAYOUTS,
  enumStyle: ENUM_STYLES,
  guards: "boolean",
  readonly: "boolean",
  nullable: NULLABLE_STYLES,
  fileNaming: FILE_NAMINGS,
  // Namespace names, not paths, but the same rule: an array of non-empty strings.
  namespaces: { include: "paths", exclude: "paths" },
  templates: "path",
  force: "boolean",
  limits: { maxPageBytes: "positive", maxTableRows: "positive", maxNesting: "positive", maxXmlBytes: "positive", maxXmlDepth: "positive", maxInheritanceDepth: "positive", pageTimeoutMs: "positive", maxListItems: "positive", maxInlineMarkers: "positive" },
  strict: "boolean",
  maxWarnings: "count",
  reporter: REPORTERS,
  threads: "count",
} as const satisfies { [K in keyof Config]-?: Rule };

/**
 * Finds (or, with `file`, takes) the config file, loads and validates it. Returns undefined when a search finds
 * none; throws `ConfigError` naming the file for one that is unreadable, not JSON, or has an unknown or mistyped key.
 * `generate()` never reads config files itself: this is for the CLI and for API users who want the same behaviour.
 */
export async function loadConfig(options: { cwd?: string; file?: string } = {}): Promise<LoadedConfig | undefined> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const file = options.file !== undefined ? path.resolve(cwd, options.file) : await findConfig(cwd);
  if (!file) return undefined;
  const shown = displayPath(file, cwd);
  const raw = /\.[cm]?js$/i.test(file) ? await importConfig(file, shown) : parseJson(await readText(file, shown), shown);
  validate(raw, CONFIG_RULES, "", shown);
  const dir = path.dirname(file);
  const config = resolvePaths(raw as Config, dir);
  return { file, dir, config, options: optionsFrom(config, dir) };
}

async function readText(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new ConfigError(`cannot read config file ${shown}: ${reason}`);
  }
}

async function importConfig(file: string, shown: string): Promise<unknown> {
  const info = await stat(file).catch(() => {
    throw new ConfigError(`cannot read config file ${shown}: no such file`);
  });
  const untrusted = untrustedReason(info, await stat(path.dirname(file)), process.getuid?.());
  if (untrusted) throw new ConfigError(`${shown}: not run: ${untrusted}`);
  const { mtimeMs } = info;
  // import() caches by URL: the mtime makes an edited config load again in a long-running process (a watcher).
  const url = `${pathToFileURL(file).href}?mtime=${mtimeMs}`;
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError(`${shown}: cannot load: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (module.default === undefined) throw new ConfigError(`${shown}: has no default export (export default { ... })`);
  return module.default;
}

function validate(value: unknown, rules: { readonly [key: string]: Rule }, prefix: string, shown: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${shown}: ${prefix ? `"${prefix}" must be an object` : "the config must be an object"}, not ${describe(value)}`);
  }
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (!Object.hasOwn(rules, key)) throw new ConfigError(`${shown}: "${name}" is not a known option${suggest(key, Object.keys(rules))}`);
    if (item === undefined) continue; // a .mjs config may say `out: process.env.OUT`: unset, not wrong
    const rule = rules[key];
    if (typeof rule === "object" && !Array.isArray(rule)) {
      validate(item, rule as { readonly [key: string]: Rule }, name, shown);
      continue;
    }
    const expected = mismatch(item, rule as Exclude<Rule, { readonly [key: string]: Rule }>);
    if (expected) throw new ConfigError(`${shown}: "${name}" must be ${expected}, not ${describe(item)}`);
  }
}

/** What the value should have been, or undefined when it fits the rule. */
function mismatch(value: unknown, rule: Exclude<Rule, { readonly [key: string]: Rule }>): string | undefined {
  const ok = (fits: boolean, expected: string): string | undefined => (fits ? undefined : expected);
  // An empty path would resolve to the config's own folder: as `out`, the whole folder would be swapped out.
  const isPath = (v: unknown): boolean => typeof v === "string" && v !== "";
  if (typeof rule !== "string") return ok(rule.includes(value as string), `one of ${rule.map((r) => `"${r}"`).join(", ")}`);
  switch (rule) {
    case "string":
      return ok(typeof value === "string", "a string");
    case "path":
      return ok(isPath(value), "a non-empty string (a path)");
    case "paths":
      return ok(Array.isArray(value) && value.every(isPath), "an array of paths (non-empty strings)");
    case "boolean":
      return ok(typeof value === "boolean", "true or false");
    case "count":
      return ok(Number.isSafeInteger(value) && (value as number) >= 0, "a whole number >= 0");
    case "positive":
      return ok(Number.isSafeInteger(value) && (value as number) >= 1, "a whole number >= 1");
  }
}

function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The nearest known key, when it is close enough to be a typo ("layuot", "input", "max-warnings"). */
function suggest(key: string, known: readonly string[]): string {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length];
  };
  const [best] = known.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) })).sort((a, b) => a.d - b.d);
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best.k}"?)` : "";
}

function resolvePaths(config: Config, dir: string): Config {
  const resolve = (p: string): string => path.resolve(dir, p);
  return {
    ...config,
    ...(config.inputs ? { inputs: config.inputs.map(resolve) } : {}),
    ...(config.csdl ? { csdl: config.csdl.map(resolve) } : {}),
    ...(config.out ? { out: resolve(config.out) } : {}),
    ...(config.templates ? { templates: resolve(config.templates) } : {}),
  };
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function optionsFrom(config: Config, dir: string): GenerateOptions {
  const l = config.limits ?? {};
  return defined({
    cwd: dir,
    inputs: config.inputs,
    csdl: config.csdl,
    out: config.out,
    layout: config.layout,
    enumStyle: config.enumStyle,
    guards: config.guards,
    readonly: config.readonly,
    nullable: config.nullable,
    fileNaming: config.fileNaming,
    namespaces: config.namespaces,
    templates: config.templates,
    force: config.force,
    threads: config.threads,
    limits: {
      markdown: defined({ maxPageBytes: l.maxPageBytes, maxTableRows: l.maxTableRows, maxNesting: l.maxNesting, pageTimeoutMs: l.pageTimeoutMs, maxListItems: l.maxListItems, maxInlineMarkers: l.maxInlineMarkers }),
      csdl: defined({ maxBytes: l.maxXmlBytes, maxDepth: l.maxXmlDepth }),
      model: defined({ maxInheritanceDepth: l.maxInheritanceDepth }),
    },
  });
}
