import { parseArgs, type ParseArgsConfig } from "node:util";
import { setAt, suggest, valueAt, type LoadedConfig } from "../config/config.js";
import type { GenerateOptions } from "../config/generate-options.js";
import { flagValue } from "../config/rules.js";
import { OPTIONS, type CliSettings, type OptionSpec } from "../config/table.js";
import { COMMANDS, UsageError, type Command } from "../config/vocabulary.js";

export { UsageError } from "../config/vocabulary.js";

/** The flags as parseArgs gives them, by flag name (`enum-style`). */
export type Flags = Readonly<Record<string, string | boolean | string[] | undefined>>;

const FLAGS = OPTIONS.filter((o): o is OptionSpec & { flag: string } => o.flag !== undefined);
const BY_FLAG = new Map(FLAGS.map((o) => [o.flag, o]));

/** Every flag, for node's parseArgs: a flag with a value is a string, repeatable when its value is a list. */
export const PARSE_OPTIONS: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries(
  FLAGS.map((o) => [o.flag, { type: o.arg ? "string" : "boolean", ...(o.short ? { short: o.short } : {}), ...(o.rule === "paths" || o.rule === "rules" ? { multiple: true } : {}) }]),
);

export interface CommandLine {
  /** Absent for `--help`, `--version` and no arguments. */
  command?: Command;
  /** What follows the command: paths. */
  positionals: string[];
  flags: Flags;
}

/**
 * The arguments, checked against the table before anything runs: an unknown flag, another command's flag, or
 * `--version` anywhere but first (where it would make a CI step do nothing, silently) is a usage error.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  if (argv[0] === "-v" || argv[0] === "--version") {
    if (argv.length > 1) throw new UsageError(`${argv[0]} takes no other arguments`);
    return { positionals: [], flags: { version: true } };
  }
  const { tokens = [] } = parseArgs({ args: [...argv], options: PARSE_OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const first = tokens.find((t) => t.kind === "positional");
  const command = first && (COMMANDS as readonly string[]).includes(first.value) ? (first.value as Command) : undefined;
  if (first && !command) throw new UsageError(`unknown command "${first.value}"${suggest(first.value, COMMANDS)}`);
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    // parseArgs names a known short flag (-q) by its long name, an unknown one (-x) by its letter.
    const spec = BY_FLAG.get(token.name);
    if (!spec) {
      const known = FLAGS.filter((o) => !command || o.commands?.includes(command)).map((o) => `--${o.flag}`);
      throw new UsageError(`unknown flag ${token.rawName}${suggest(token.rawName.startsWith("--") ? token.rawName : `--${token.name}`, known).replace(/"/g, "")}`);
    }
    if (spec.name === "version") throw new UsageError(`${token.rawName} (the version) goes alone, as the first argument${command ? "; --verbose prints more" : ""}`);
    if (command && !spec.commands?.includes(command)) {
      throw new UsageError(`--${spec.flag} is a flag of ${spec.commands?.join(" and ")}, not of ${command} (graph-typegen ${command} --help lists its flags)`);
    }
  }
  // Now strictly, for what the check above does not cover: a flag that needs a value and has none, or the reverse.
  const parsed = parseArgs({ args: [...argv], options: PARSE_OPTIONS, allowPositionals: true, strict: true });
  return { ...(command ? { command } : {}), positionals: parsed.positionals.slice(command ? 1 : 0), flags: parsed.values as Flags };
}

export interface Resolved {
  /** What `generate()` gets: flags over the config over nothing (the stages own the defaults). */
  options: GenerateOptions;
  /** The CLI's own settings, defaults applied. */
  settings: CliSettings;
}

/**
 * Every option of the table, once: the flag if given, else the config's value, else (for the CLI's own settings)
 * the table's default. Config paths are absolute already (against its folder); flag paths stay relative to `cwd`.
 */
export function resolveOptions(command: Command, flags: Flags, loaded: LoadedConfig | undefined, cwd: string): Resolved {
  const options: Record<string, unknown> = { cwd, limits: { markdown: {}, csdl: {}, model: {} } };
  const settings: Record<string, unknown> = {};
  for (const spec of OPTIONS) {
    // drift takes only the config's inputs, csdl and limits: its table rows say which commands each option is for.
    if (spec.commands && !spec.commands.includes(command)) continue;
    const given = spec.flag !== undefined && flags[spec.flag] !== undefined ? flagValue(spec, flags[spec.flag]!) : undefined;
    const configured = spec.config && loaded ? valueAt(loaded.config, spec.name) : undefined;
    // Rules combine code by code, as ESLint's command-line rules do over its config's.
    const merged = spec.rule === "rules" && given && configured ? { ...(configured as object), ...(given as object) } : given;
    const value = merged ?? configured ?? (spec.to ? undefined : spec.default);
    if (value === undefined) continue;
    if (spec.to) setAt(options, spec.to, value);
    else settings[spec.name] = value;
  }
  return { options: options as GenerateOptions, settings: settings as CliSettings };
}
