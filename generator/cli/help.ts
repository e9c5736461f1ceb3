import { readFileSync } from "node:fs";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export const VERSION: string = packageJson.version;

export const HELP = `graph-typegen ${VERSION}: TypeScript types from Microsoft Graph resource docs and CSDL.

Usage:
  graph-typegen generate [paths...] [--csdl <file>...] [options]
  graph-typegen drift --csdl <file> --docs <dir> [--format text|json|markdown]

generate reads the Markdown resource pages in paths (files or folders; default: input/, or none when
--csdl is given) and/or CSDL metadata, and writes TypeScript interfaces, enums and type guards, one
module per namespace, to the output folder. With both, the metadata is authoritative for structure and
the docs add descriptions and enum narrowing. drift reports where docs and metadata disagree.

Options:
      --config <file>    read options from this file instead of the nearest graph-typegen.config.json
                         (or .mjs) found from the current folder upward; flags override its values
  -o, --out <dir>        output folder (default: output/); graph-typegen changes only the files it wrote
                         there (listed in .graph-typegen-manifest.json) and refuses /, your home folder,
                         the working directory, an input folder, and a project or repository folder
      --force            overwrite a file in the output folder that has a generated file's name but is
                         not in the manifest (without it, that is a conflict: exit 2, nothing written)
      --csdl <file>      CSDL (EDMX) metadata to read; repeat for several files
      --docs <dir>       (drift) the docs to compare with the metadata
      --check            write nothing; exit 1 if the output folder is not what generate would write, and
                         print the unified diff of what would change
      --diff-stat        (with --check) print a per-file summary of the changes instead of the diff
      --layout <kind>    modules (default: one module per namespace) or single (one index.d.ts)
      --enum-style <style>  union (default: a string-literal union and a frozen object), const-object
                         (the frozen object and a type derived from it) or enum (a TypeScript string enum)
      --no-guards        leave out the is* type guards, the *_ODATA_TYPES sets, the flags helpers and the
                         runtime import (types only; runtime.ts still holds the envelope types)
      --readonly         mark every interface property readonly
      --nullable <style> null (default: nullable properties are T | null) or optional (optional only)
      --file-naming <s>  module files named as the namespace (default), kebab-case, or camelCase
      --include-namespace <ns>, --exclude-namespace <ns>
                         emit only / leave out these namespaces (exact, or a prefix pattern such as
                         microsoft.graph.*); repeat for several; references to left-out types are unknown
      --templates <dir>  folder with banner.txt and runtime.ts overriding the built-in templates
      --reporter <name>  text (default), json, or github (workflow commands, inline on pull requests)
      --format <name>    (drift) text (default), json, or markdown
      --strict           warnings fail the run (exit 1)
      --max-warnings <n> more than n warnings fail the run (exit 1)
      --max-page-bytes <n>, --max-table-rows <n>, --max-nesting <n>, --max-xml-bytes <n>, --max-xml-depth <n>
                         limits for hostile input (defaults 2 MiB, 10000, 32, 64 MiB, 200); a page or
                         file past one is skipped with a diagnostic
      --max-list-items <n>, --max-inline-markers <n>
                         most list items and most [ and * in a page (defaults 2000, 4000)
      --page-timeout <ms>  longest a page may take to parse (default 5000); past it, it is skipped
      --max-inheritance-depth <n>  most levels below a chain's root (default 32); deeper types lose their base
      --verbose          also print info diagnostics (skipped pages, assumptions)
  -q, --quiet            print only errors and the summary line (no warnings, table or diff)
      --watch            generate, then again on each change to the inputs (Ctrl+C stops); a run with new
                         errors (a page broken mid-edit) keeps the previous output
      --cache-dir <dir>  where parsed pages are cached (default: node_modules/.cache/graph-typegen/
                         when node_modules/ exists, else no cache)
      --no-cache         parse every page, neither reading nor writing the cache
      --threads <n>      at most n worker threads parse the pages, never more than the cores (default:
                         one per core, at most 4); 0 parses in-process, without the page time budget
      --debug            print the stack of an internal error
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 ok; 1 errors (or too many warnings) found, --check found stale files, or drift found;
2 unusable arguments or input; 3 internal error (a bug: please report it).
`;
