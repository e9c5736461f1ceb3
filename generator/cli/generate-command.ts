import { existsSync } from "node:fs";
import path from "node:path";
import { LAYOUTS, loadConfig } from "../config/config.js";
import { DEFAULT_CACHE_DIR, DiskParseCache } from "../cache/cache.js";
import { ENUM_STYLES, FILE_NAMINGS, NULLABLE_STYLES } from "../emit/shape.js";
import { generate, UNUSABLE_KINDS } from "../index.js";
import { displayPath, STDIN } from "../read/sources.js";
import { diffStat, unifiedDiffs } from "../write/diff.js";
import { EXIT, type Io } from "./io.js";
import { progressDisplay } from "./progress.js";
import { limitsFrom, oneOf, UsageError, wholeNumber, type Flags } from "./options.js";
import { countByKind, countBySeverity, formatDiagnostic, githubCommand, REPORTERS, shownDiagnostics, summaryLine, summaryTable } from "./report.js";
import { watchCommand } from "./watch.js";
import type { CacheStats, StageTimings } from "../pipeline.js";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** --verbose: where the run's time went, and what the cache saved. */
function costLine(timings: StageTimings, threads: number, cache: CacheStats | undefined): string {
  const parse = `parse ${seconds(timings.read)}${threads ? ` on ${threads} threads` : ""}`;
  const saved = cache ? `; cache: pages ${cache.hits} reused / ${cache.misses} parsed, chunks ${cache.chunkHits ?? 0} reused / ${cache.chunkMisses ?? 0} formatted` : "";
  return `time: ${parse}, model ${seconds(timings.model)}, emit ${seconds(timings.emit)}, format ${seconds(timings.format)}${saved}`;
}

/** `graph-typegen generate [paths...]`: generate, then write or --check; report diagnostics. */
export async function generateCommand(paths: string[], flags: Flags, io: Io): Promise<number> {
  // The config file first, each flag over it. Its paths are already absolute (against its folder); flag paths stay
  // relative to io.cwd. With a config, the defaults input/ and output/ are in its folder too, so a run from a
  // subfolder does what a run beside it does.
  const loaded = await loadConfig({ cwd: io.cwd, ...(flags.config !== undefined ? { file: flags.config } : {}) });
  const config = loaded?.config ?? {};
  const reporter = oneOf("reporter", flags.reporter, REPORTERS, config.reporter ?? "text");
  const layout = oneOf("layout", flags.layout, LAYOUTS, config.layout ?? "modules");
  // The output's shape: each flag over the config; unset, the emit defaults (today's output).
  const include = flags["include-namespace"]?.length ? flags["include-namespace"] : config.namespaces?.include;
  const exclude = flags["exclude-namespace"]?.length ? flags["exclude-namespace"] : config.namespaces?.exclude;
  const shape = {
    ...(include?.length || exclude?.length ? { namespaces: { ...(include?.length ? { include } : {}), ...(exclude?.length ? { exclude } : {}) } } : {}),
    ...(flags["enum-style"] !== undefined || config.enumStyle ? { enumStyle: oneOf("enum-style", flags["enum-style"], ENUM_STYLES, config.enumStyle ?? "union") } : {}),
    ...(flags["no-guards"] ? { guards: false } : config.guards !== undefined ? { guards: config.guards } : {}),
    ...(flags.readonly ? { readonly: true } : config.readonly !== undefined ? { readonly: config.readonly } : {}),
    ...(flags.nullable !== undefined || config.nullable ? { nullable: oneOf("nullable", flags.nullable, NULLABLE_STYLES, config.nullable ?? "null") } : {}),
    ...(flags["file-naming"] !== undefined || config.fileNaming ? { fileNaming: oneOf("file-naming", flags["file-naming"], FILE_NAMINGS, config.fileNaming ?? "namespace") } : {}),
  };
  const maxWarnings = wholeNumber("max-warnings", flags["max-warnings"]) ?? config.maxWarnings;
  const strict = flags.strict ?? config.strict ?? false;
  const csdl = flags.csdl?.length ? flags.csdl : (config.csdl ?? []);
  const inputs = paths.length ? paths : config.inputs?.length ? config.inputs : loaded && !csdl.length ? [path.join(loaded.dir, "input")] : [];
  const outPath = flags.out ?? config.out ?? (loaded ? path.join(loaded.dir, "output") : "output");
  const out = flags.out ?? (loaded ? displayPath(outPath, io.cwd) : outPath);
  const templates = flags.templates ?? config.templates;
  const force = flags.force ?? config.force ?? false;
  if (flags["diff-stat"] && !flags.check) throw new UsageError("--diff-stat goes with --check");
  if (flags.quiet && flags.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  // Parsed pages are cached on disk by content hash: a run after an edit parses only the edited pages. By default
  // only inside a project (where node_modules/ exists, the usual home of tool caches), so a one-off npx run in a
  // docs folder leaves nothing behind; --cache-dir names a folder anywhere.
  const cacheDir = flags["cache-dir"] ?? (existsSync(path.resolve(io.cwd, "node_modules")) ? DEFAULT_CACHE_DIR : undefined);
  const cacheOption = flags["no-cache"] || !cacheDir ? {} : { cache: new DiskParseCache(path.resolve(io.cwd, cacheDir)) };
  const threads = wholeNumber("threads", flags.threads) ?? config.threads;
  // Neither changes the output, only what a run costs.
  const costOptions = { ...cacheOption, ...(threads !== undefined ? { threads } : {}) };
  if (flags.watch) {
    if (flags.check) throw new UsageError("--watch cannot be used with --check");
    if (csdl.includes(STDIN)) throw new UsageError("--watch cannot watch standard input (--csdl -): name the file");
    const limits = limitsFrom(flags, loaded?.options.limits);
    const options = { inputs, cwd: io.cwd, out: outPath, layout, ...shape, limits, ...(csdl.length ? { csdl } : {}), ...(templates ? { templates } : {}), ...(force ? { force } : {}) };
    // As below: --quiet prints errors and summary lines only and draws no progress; --verbose adds info.
    const verbosity = { ...(flags.verbose ? { verbose: true } : {}), ...(flags.quiet ? { quiet: true } : {}) };
    return watchCommand({ ...options, ...verbosity, ...costOptions }, io);
  }
  const progress = io.progress && !flags.quiet && reporter === "text" ? progressDisplay(io.progress, process.env) : undefined;
  const result = await generate({
    inputs,
    cwd: io.cwd,
    out: outPath,
    layout,
    ...shape,
    limits: limitsFrom(flags, loaded?.options.limits),
    ...(csdl.length ? { csdl } : {}),
    ...(flags.check ? { check: true } : {}),
    ...(templates ? { templates } : {}),
    ...(force ? { force } : {}),
    ...costOptions,
    ...(progress ? { onProgress: progress.onProgress } : {}),
  });
  progress?.finish();

  const counts = countBySeverity(result.diagnostics);
  const tooManyWarnings = (strict && counts.warning > 0) || (maxWarnings !== undefined && counts.warning > maxWarnings);
  const checkLines = result.check
    ? [...result.check.stale.map((f) => `stale: ${out}/${f}`), ...result.check.missing.map((f) => `missing: ${out}/${f}`), ...result.check.extra.map((f) => `would delete: ${out}/${f}`)]
    : [];
  // Unusable input or an output folder that must not or cannot be written: nothing was written (exit 2).
  const unusable = !result.generated || result.diagnostics.some((d) => UNUSABLE_KINDS.has(d.kind));
  const outcome = !result.generated
    ? "nothing generated"
    : unusable
      ? `nothing written to ${out}/`
      : result.check
      ? result.check.current
        ? `${out}/ is current (${result.files.length} files)`
        : `${out}/ is not current: run graph-typegen generate`
      : `wrote ${result.files.length} files to ${out}/`;
  const code = unusable ? EXIT.usage : counts.error || tooManyWarnings || (result.check && !result.check.current) ? EXIT.failed : EXIT.ok;

  // The json and github reporters are read by programs, which filter for themselves: all but --quiet's cut.
  const shown = shownDiagnostics(result.diagnostics, flags.quiet ? "quiet" : flags.verbose || reporter !== "text" ? "verbose" : "normal");
  if (reporter === "json") {
    // The texts behind the diff stay out of the JSON document: the file names say what differs.
    const check = result.check && { stale: result.check.stale, missing: result.check.missing, extra: result.check.extra, current: result.check.current };
    const leftOut = result.leftOut ?? [];
    io.stdout(`${JSON.stringify({ exitCode: code, outcome, counts, byCode: countByKind(result.diagnostics), check, files: result.files.map((f) => f.path), leftOut, diagnostics: shown }, null, 2)}\n`);
    return code;
  }
  const lines = shown.map(reporter === "github" ? githubCommand : formatDiagnostic);
  // Said even with --quiet: output generated without some inputs is degraded, and this says which.
  if (result.generated && result.leftOut?.length) lines.push(`left out (see the errors above): ${result.leftOut.join(", ")}`);
  if (!flags.quiet) {
    lines.push(...checkLines);
    if (result.check?.changes.length) {
      // Named as git names them: a/ and b/ before the output folder relative to the working directory.
      const prefix = displayPath(path.resolve(io.cwd, outPath), io.cwd).replace(/^\/+/, "");
      const changes = result.check.changes.map((c) => ({ file: `${prefix}/${c.path}`, before: c.before, after: c.after }));
      const text = (flags["diff-stat"] ? diffStat(changes) : unifiedDiffs(changes)).replace(/\n$/, "");
      if (reporter === "github") lines.push(`::group::${flags["diff-stat"] ? "diff stat" : "diff"} of ${out}/`, text, "::endgroup::");
      else lines.push("", text);
    }
    if (result.diagnostics.length) lines.push("", "diagnostics by code:", summaryTable(result.diagnostics));
    if (flags.verbose && result.timings) lines.push("", costLine(result.timings, result.threads ?? 0, result.cache));
  }
  if (tooManyWarnings) lines.push(strict ? "--strict: warnings fail the run" : `more than ${maxWarnings} warnings (--max-warnings)`);
  lines.push(summaryLine(counts, outcome));
  io.stdout(`${lines.join("\n")}\n`);
  return code;
}
