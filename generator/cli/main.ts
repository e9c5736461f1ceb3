#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "../index.js";
import { InternalError } from "../pipeline.js";
import { countBySeverity, formatDiagnostic, summaryLine } from "./report.js";
import { HELP, VERSION } from "./help.js";

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
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The CLI as a function of its arguments, so tests run it in-process; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`graph-typegen: ${error instanceof Error ? error.message : String(error)}\nRun graph-typegen --help for usage.\n`);
    return EXIT.usage;
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
  if (command !== "generate") {
    io.stderr(command ? `graph-typegen: unknown command "${command}"\nRun graph-typegen --help for usage.\n` : HELP);
    return EXIT.usage;
  }
  try {
    const result = await generate({
      inputs: paths,
      cwd: io.cwd,
      ...(values.out ? { out: values.out } : {}),
      ...(values.check ? { check: true } : {}),
      ...(values.templates ? { templates: values.templates } : {}),
    });
    const shown = values.verbose ? result.diagnostics : result.diagnostics.filter((d) => d.severity !== "info");
    if (shown.length) io.stdout(`${shown.map(formatDiagnostic).join("\n")}\n`);
    const counts = countBySeverity(result.diagnostics);
    const out = values.out ?? "output";
    if (!result.generated) {
      io.stdout(`${summaryLine(counts, "nothing generated")}\n`);
      return EXIT.usage;
    }
    if (result.check) {
      const { stale, missing, extra, current } = result.check;
      const lines = [...stale.map((f) => `stale: ${out}/${f}`), ...missing.map((f) => `missing: ${out}/${f}`), ...extra.map((f) => `would delete: ${out}/${f}`)];
      if (lines.length) io.stdout(`${lines.join("\n")}\n`);
      io.stdout(`${summaryLine(counts, current ? `${out}/ is current (${result.files.length} files)` : `${out}/ is not current: run graph-typegen generate`)}\n`);
      return current && !counts.error ? EXIT.ok : EXIT.failed;
    }
    io.stdout(`${summaryLine(counts, `wrote ${result.files.length} files to ${out}/`)}\n`);
    return counts.error ? EXIT.failed : EXIT.ok;
  } catch (error) {
    const file = error instanceof InternalError && error.file ? ` while processing ${error.file}` : "";
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`graph-typegen: internal error${file}: ${message}. This is a bug in graph-typegen; please report it with the input that caused it${values.debug ? "" : " (--debug shows the stack)"}.\n`);
    if (values.debug) io.stderr(`${(error instanceof InternalError ? error.original : error) instanceof Error ? ((error instanceof InternalError ? error.original : error) as Error).stack : ""}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
