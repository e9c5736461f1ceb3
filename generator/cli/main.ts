#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COMMANDS, ConfigError, UsageError } from "../config/vocabulary.js";
import { InternalError } from "../pipeline.js";
import { driftCommand } from "./drift-command.js";
import { generateCommand } from "./generate-command.js";
import { HELP, helpText, VERSION } from "./help.js";
import { EXIT, type Io } from "./io.js";
import { parseCommandLine, type CommandLine } from "./options.js";

export { EXIT, type Io } from "./io.js";

function usageError(io: Io, message: string, argv: readonly string[]): number {
  const command = argv.find((a) => (COMMANDS as readonly string[]).includes(a));
  io.stderr(`graph-typegen: ${message}\nRun graph-typegen ${command ? `${command} ` : ""}--help for usage.\n`);
  return EXIT.usage;
}

/** The CLI as a function of its arguments, so tests run it in-process; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let line: CommandLine;
  try {
    line = parseCommandLine(argv);
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error), argv);
  }
  const { command, positionals: paths, flags } = line;
  if (flags.help) {
    io.stdout(helpText(command));
    return EXIT.ok;
  }
  if (flags.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (!command) {
    io.stderr(HELP);
    return EXIT.usage;
  }
  try {
    if (command === "generate") return await generateCommand(paths, flags, io);
    return await driftCommand(paths, flags, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      // The fix is in the config file the message names, not in the arguments: no pointer to --help.
      io.stderr(`graph-typegen: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) return usageError(io, error.message, argv);
    const file = error instanceof InternalError && error.file ? ` while processing ${error.file}` : "";
    const original = error instanceof InternalError ? error.original : error;
    io.stderr(`graph-typegen: internal error${file}: ${error instanceof Error ? error.message : String(error)}. This is a bug in graph-typegen; please report it with the input that caused it${flags.debug ? "" : " (--debug shows the stack)"}.\n`);
    if (flags.debug && original instanceof Error) io.stderr(`${original.stack}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
/** Resolves once everything written to the stream so far has been handed to the system (a pipe may lag). */
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => (stream.write("", () => resolve())));

if (invokedDirectly) {
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    progress: process.stderr,
  });
  // Done is done, as with tsc: a timer or socket a config module left open must not keep the process alive.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
