import { readFileSync } from "node:fs";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export const VERSION: string = packageJson.version;

export const HELP = `graph-typegen ${VERSION}: TypeScript types from Microsoft Graph resource docs.

Usage:
  graph-typegen generate [paths...] [options]

Reads the Markdown resource pages in paths (files or folders; default: input/) and writes
TypeScript interfaces, enums and type guards, one module per namespace, to the output folder.

Options:
  -o, --out <dir>       output folder (default: output/)
      --check           write nothing; exit 1 if the output folder is not what generate would write
      --templates <dir> folder with banner.txt and runtime.ts overriding the built-in templates
      --reporter <name> text (default), json, or github (workflow commands, inline on pull requests)
      --strict          warnings fail the run (exit 1)
      --max-warnings <n> more than n warnings fail the run (exit 1)
      --verbose         also print info diagnostics (skipped pages, assumptions)
      --debug           print the stack of an internal error
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 ok; 1 errors (or too many warnings) found, or --check found stale files; 2 unusable arguments or input;
3 internal error (a bug: please report it).
`;
