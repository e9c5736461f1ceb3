/**
 * The words the edges share (config, CLI, the programmatic API): the error classes that mean "exit 2" and the
 * closed lists of names. A leaf: it imports nothing, so any module may import it without making a cycle.
 */

/** Flags or option values that make no sense; the CLI turns it into exit 2 with a pointer to --help. */
export class UsageError extends Error {}

/** A config file that cannot be used; a UsageError, so the CLI exits 2 (without the --help pointer). */
export class ConfigError extends UsageError {
  override name = "ConfigError";
}

export type ReporterName = "text" | "json" | "github";
export const REPORTERS = ["text", "json", "github"] as const satisfies readonly ReporterName[];

/** The same two names as emit's `Layout`; the option table checks them against it. */
export const LAYOUTS = ["modules", "single"] as const;

/** What the modules layout writes: TypeScript sources, or JavaScript with a declaration file beside each module. */
export const EMIT_KINDS = ["ts", "js"] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];

export const DRIFT_FORMATS = ["text", "json", "markdown"] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];

export const COMMANDS = ["generate", "drift"] as const;
export type Command = (typeof COMMANDS)[number];

/** What a rule (config `rules`, `--rule`) makes of a diagnostic code: dropped, or reported at that severity. */
export const RULE_LEVELS = ["off", "info", "warning", "error"] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
