import path from "node:path";
import { loadConfig } from "../config/config.js";
import { generate } from "../index.js";
import { displayPath } from "../read/sources.js";
import { driftJson, driftMarkdown } from "./drift-report.js";
import { EXIT, type Io } from "./io.js";
import { resolveOptions, UsageError, type Flags } from "./options.js";
import { formatDiagnostic, summaryLine, countBySeverity } from "./report.js";

/** The Markdown report's size limit: a GitHub comment takes 65,536 characters, and a header may be added around it. */
export const MARKDOWN_MAX_CHARS = 60_000;

/** The GT31xx kinds: where the docs and the metadata disagree. */
export const isDrift = (code: string): boolean => code.startsWith("GT31");

/**
 * `graph-typegen drift --csdl <file> --docs <dir>`: merges the two without writing anything and reports only where
 * they disagree, as text, JSON, or a Markdown report to paste into a docs pull request. Exit 1 when there is drift
 * at warning level, so CI can gate on it.
 */
export async function driftCommand(paths: string[], flags: Flags, io: Io): Promise<number> {
  // Only the config's inputs, csdl and limits apply here (the table says so); --docs (or paths) and --csdl override them.
  const loaded = await loadConfig({ cwd: io.cwd, ...(typeof flags.config === "string" ? { file: flags.config } : {}) });
  const { options, settings } = resolveOptions("drift", flags, loaded, io.cwd);
  const given = [...(settings.docs ?? []), ...paths];
  const docs = given.length ? given : (options.inputs ?? []).map((p) => displayPath(p, io.cwd));
  const csdl = (options.csdl ?? []).map((p) => (typeof flags.csdl === "undefined" ? displayPath(p, io.cwd) : p));
  if (!csdl.length || !docs.length) throw new UsageError("drift needs both --csdl <file> and --docs <dir> (or csdl and inputs in a config file)");
  const format = settings.format;
  const result = await generate({ inputs: docs, csdl, cwd: io.cwd, write: false, ...(options.limits ? { limits: options.limits } : {}) });
  if (!result.generated) {
    // A script that asked for JSON parses stdout whatever happened: the same shape, nothing compared, and why.
    if (format === "json") io.stdout(`${JSON.stringify({ exitCode: EXIT.usage, outcome: "nothing compared", ...driftJson([]), diagnostics: result.diagnostics }, null, 2)}\n`);
    else io.stdout(`${result.diagnostics.map(formatDiagnostic).join("\n")}\n${summaryLine(countBySeverity(result.diagnostics), "nothing compared")}\n`);
    return EXIT.usage;
  }
  const drift = result.diagnostics.filter((d) => isDrift(d.code));
  const shown = settings.verbose || format !== "text" ? drift : drift.filter((d) => d.severity !== "info");
  // A pull-request comment holds about 65,000 characters: the report stops short of that and says how to get the rest.
  const fullCommand = ["graph-typegen drift", ...csdl.map((c) => `--csdl ${c}`), ...docs.map((d) => `--docs ${d}`), "--format json"].join(" ");
  if (format === "markdown") io.stdout(driftMarkdown(drift, { docs: docs.join(", "), metadata: csdl.join(", "), maxChars: MARKDOWN_MAX_CHARS, fullCommand, docsRoots: docs.map((d) => path.resolve(io.cwd, d)), metadataFiles: csdl.map((c) => path.resolve(io.cwd, c)) }));
  else if (format === "json") io.stdout(`${JSON.stringify(driftJson(drift), null, 2)}\n`);
  else io.stdout(`${[...shown.map(formatDiagnostic), summaryLine(countBySeverity(drift), `drift between ${docs.join(", ")} and ${csdl.join(", ")}`)].join("\n")}\n`);
  return drift.some((d) => d.severity !== "info") ? EXIT.failed : EXIT.ok;
}
