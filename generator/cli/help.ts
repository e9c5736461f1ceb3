import { readFileSync } from "node:fs";
import { OPTIONS, type OptionSpec } from "../config/table.js";
import type { Command } from "../config/vocabulary.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export const VERSION: string = packageJson.version;

const USAGE: Record<Command, string> = {
  generate: "graph-typegen generate [paths...] [--csdl <file>...] [options]",
  drift: "graph-typegen drift --csdl <file> --docs <dir> [--format text|json|markdown]",
};

const ABOUT: Record<Command, string> = {
  generate: `generate reads the Markdown resource pages in paths (files or folders; default: input/, or none when
--csdl is given) and/or CSDL metadata, and writes TypeScript interfaces, enums and type guards, one
module per namespace, to the output folder. With both, the metadata is authoritative for structure and
the docs add descriptions and enum narrowing.`,
  drift: "drift merges docs and metadata without writing anything and reports only where they disagree.",
};

const EXIT_CODES = `Exit codes: 0 ok; 1 errors (or too many warnings) found, --check found stale files, or drift found;
2 unusable arguments or input; 3 internal error (a bug: please report it).`;

const WIDTH = 110;
const COLUMN = 25;

/** Words wrapped to the help's width, every line after the first indented to the text column. */
function wrap(text: string, first: string): string {
  const lines: string[] = [];
  let line = first.length + 2 > COLUMN ? `${first}  ` : first.padEnd(COLUMN);
  let empty = true;
  for (const word of text.split(/\s+/)) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = " ".repeat(COLUMN);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  return [...lines, line].join("\n");
}

const flagLine = (o: OptionSpec): string =>
  wrap(o.help ?? "", `  ${o.short ? `-${o.short}, ` : "    "}--${o.flag}${o.arg ? ` <${o.arg}>` : ""}`);

const flagsOf = (command: Command): OptionSpec[] => OPTIONS.filter((o) => o.flag && (o.commands?.includes(command) || o.name === "version"));

/**
 * The help, from the option table: one command's usage and flags (`generate --help`), or without a command both
 * usages, generate's flags and the flags only drift takes.
 */
export function helpText(command?: Command): string {
  const header = `graph-typegen ${VERSION}: TypeScript types from Microsoft Graph resource docs and CSDL.`;
  if (command) {
    return [header, "", "Usage:", `  ${USAGE[command]}`, "", ABOUT[command], "", "Options:", ...flagsOf(command).map(flagLine), "", EXIT_CODES, ""].join("\n");
  }
  const driftOnly = flagsOf("drift").filter((o) => !o.commands?.includes("generate"));
  return [
    header,
    "",
    "Usage:",
    `  ${USAGE.generate}`,
    `  ${USAGE.drift}`,
    "",
    `${ABOUT.generate} ${ABOUT.drift}`,
    "graph-typegen <command> --help shows one command's flags.",
    "",
    "Options (generate):",
    ...flagsOf("generate").map(flagLine),
    "",
    "Options (drift only; drift also takes --config, --csdl, the --max-* limits, --verbose and --debug):",
    ...driftOnly.map(flagLine),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}

export const HELP = helpText();
