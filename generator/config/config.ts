import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { displayPath } from "../read/sources.js";
import { findConfig, untrustedReason } from "./find.js";
import type { GenerateOptions } from "./generate-options.js";
import { parseJson } from "./json.js";
import { describeValue as describe, mismatch } from "./rules.js";
import { CONFIG_RULES, isRuleTree, type RuleTree } from "./schema.js";
import { OPTIONS, type Config } from "./table.js";
import { ConfigError } from "./vocabulary.js";

export { CONFIG_FILES, untrustedReason } from "./find.js";
export { CONFIG_RULES } from "./schema.js";
export type { Config, ConfigLimits, Rule } from "./table.js";
export { ConfigError } from "./vocabulary.js";

export interface LoadedConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: relative paths in the file, and the defaults `input/` and `output/`, resolve against it. */
  dir: string;
  config: Config;
  /** The part `generate()` takes (with `cwd` set to `dir`); spread it first and override what you like. */
  options: GenerateOptions;
}

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

function validate(value: unknown, rules: RuleTree, prefix: string, shown: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${shown}: ${prefix ? `"${prefix}" must be an object` : "the config must be an object"}, not ${describe(value)}`);
  }
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (!Object.hasOwn(rules, key)) throw new ConfigError(`${shown}: "${name}" is not a known option${suggest(key, Object.keys(rules))}`);
    if (item === undefined) continue; // a .mjs config may say `out: process.env.OUT`: unset, not wrong
    const rule = rules[key];
    if (isRuleTree(rule)) {
      validate(item, rule, name, shown);
      continue;
    }
    const expected = mismatch(item, rule);
    if (expected) throw new ConfigError(`${shown}: "${name}" must be ${expected}, not ${describe(item)}`);
  }
}

/** The nearest known key, when it is close enough to be a typo ("layuot", "input", "max-warnings"). */
export function suggest(key: string, known: readonly string[]): string {
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

/** The table's path options, absolute against the config's folder. */
function resolvePaths(config: Config, dir: string): Config {
  const resolved = structuredClone(config) as Record<string, unknown>;
  for (const spec of OPTIONS.filter((o) => o.config && (o.rule === "path" || o.rule === "paths") && !o.name.includes("."))) {
    const value = resolved[spec.name] as string | string[] | undefined;
    if (value) resolved[spec.name] = Array.isArray(value) ? value.map((p) => path.resolve(dir, p)) : path.resolve(dir, value);
  }
  return resolved as Config;
}

/** A dotted key's value in a nested object (`limits.maxPageBytes`). */
export function valueAt(object: object, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((o, key) => (o && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined), object);
}

/** Sets a dotted key, making the objects on the way. */
export function setAt(object: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let at = object;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** The config's values where the table puts them in `GenerateOptions`. */
function optionsFrom(config: Config, dir: string): GenerateOptions {
  const options: Record<string, unknown> = { cwd: dir, limits: { markdown: {}, csdl: {}, model: {} } };
  for (const spec of OPTIONS) {
    const value = spec.config && spec.to ? valueAt(config, spec.name) : undefined;
    if (value !== undefined) setAt(options, spec.to!, value);
  }
  return options as GenerateOptions;
}
