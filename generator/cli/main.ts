#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate, type GenerateResult } from "../index.js";
import { InternalError } from "../pipeline.js";
import { HELP, VERSION } from "./help.js";
import { countByKind, countBySeverity, formatDiagnostic, githubCommand, REPORTERS, summaryLine, summaryTable, type ReporterName } from "./report.js";

/** Exit codes: the contract with build scripts and CI. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

const OPTIONS = {
  out: { type: "string", short: "o" },
  check: { type: "boolean" },
  templates: { type: "string" },
  reporter: { type: "string" },
  strict: { type: "boolean" },
  "max-warnings": { type: "string" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function usageError(io: Io, message: string): number {
  io.stderr(`graph-typegen: ${message}\nRun graph-typegen --help for usage.\n`);
  return EXIT.usage;
}

/** The CLI as a function of its arguments, so tests run it in-process; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [command, ...paths] = positionals;
  if (command !== "generate") return command ? usageError(io, `unknown command "${command}"`) : (io.stderr(HELP), EXIT.usage);
  const reporter = (values.reporter ?? "text") as ReporterName;
  if (!REPORTERS.includes(reporter)) return usageError(io, `--reporter must be one of ${REPORTERS.join(", ")}, not "${values.reporter}"`);
  const maxWarnings = values["max-warnings"] === undefined ? undefined : Number(values["max-warnings"]);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usageError(io, `--max-warnings takes a whole number, not "${values["max-warnings"]}"`);
  }
  const out = values.out ?? "output";
  let result: GenerateResult;
  try {
    result = await generate({
      inputs: paths,
      cwd: io.cwd,
      out,
      ...(values.check ? { check: true } : {}),
      ...(values.templates ? { templates: values.templates } : {}),
    });
  } catch (error) {
    const file = error instanceof InternalError && error.file ? ` while processing ${error.file}` : "";
    const original = error instanceof InternalError ? error.original : error;
    io.stderr(`graph-typegen: internal error${file}: ${error instanceof Error ? error.message : String(error)}. This is a bug in graph-typegen; please report it with the input that caused it${values.debug ? "" : " (--debug shows the stack)"}.\n`);
    if (values.debug && original instanceof Error) io.stderr(`${original.stack}\n`);
    return EXIT.internal;
  }

  const counts = countBySeverity(result.diagnostics);
  const tooManyWarnings = (values.strict && counts.warning > 0) || (maxWarnings !== undefined && counts.warning > maxWarnings);
  const checkLines = result.check
    ? [...result.check.stale.map((f) => `stale: ${out}/${f}`), ...result.check.missing.map((f) => `missing: ${out}/${f}`), ...result.check.extra.map((f) => `would delete: ${out}/${f}`)]
    : [];
  const outcome = !result.generated
    ? "nothing generated"
    : result.check
      ? result.check.current
        ? `${out}/ is current (${result.files.length} files)`
        : `${out}/ is not current: run graph-typegen generate`
      : `wrote ${result.files.length} files to ${out}/`;
  const code = !result.generated ? EXIT.usage : counts.error || tooManyWarnings || (result.check && !result.check.current) ? EXIT.failed : EXIT.ok;

  const shown = values.verbose || reporter !== "text" ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info");
  if (reporter === "json") {
    io.stdout(`${JSON.stringify({ exitCode: code, outcome, counts, byCode: countByKind(result.diagnostics), check: result.check, files: result.files.map((f) => f.path), diagnostics: shown }, null, 2)}\n`);
    return code;
  }
  const lines = [...shown.map(reporter === "github" ? githubCommand : formatDiagnostic), ...checkLines];
  const table = result.diagnostics.length ? summaryTable(result.diagnostics) : "";
  if (table) lines.push("", "diagnostics by code:", table);
  if (tooManyWarnings) lines.push(values.strict ? "--strict: warnings fail the run" : `more than ${maxWarnings} warnings (--max-warnings)`);
  lines.push(summaryLine(counts, outcome));
  io.stdout(`${lines.join("\n")}\n`);
  return code;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
}
