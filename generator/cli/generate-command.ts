import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CACHE_DIR, DiskParseCache } from "../cache/cache.js";
import { loadConfig } from "../config/config.js";
import { runPaths, type GenerateOptions } from "../config/generate-options.js";
import { OPTIONS, type CliSettings } from "../config/table.js";
import { UsageError } from "../config/vocabulary.js";
import { generate, UNUSABLE_KINDS, type GenerateResult } from "../index.js";
import type { CacheStats, StageTimings } from "../pipeline.js";
import { displayPath, shellWord, STDIN } from "../read/sources.js";
import { diffStat, unifiedDiffs } from "../write/diff.js";
import { MANIFEST_FILE } from "../write/manifest.js";
import { EXIT, type Io } from "./io.js";
import { resolveOptions, type Flags } from "./options.js";
import { progressDisplay } from "./progress.js";
import { applyBaseline, baselineLines, readBaseline, writeBaseline } from "./baseline.js";
import { checkAnnotations, githubAnnotations, stepSummary, writeStepSummary } from "./github.js";
import { countByKind, countBySeverity, formatDiagnostic, plural, shownDiagnostics, summaryLine, summaryTable, topCodes, type Counts } from "./report.js";
import { watchCommand } from "./watch/watch.js";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** --verbose: where the run's time went, and what the cache saved. */
function costLine(timings: StageTimings, threads: number, cache: CacheStats | undefined): string {
  const parse = `parse ${seconds(timings.read)}${threads ? ` on ${threads} threads` : ""}`;
  const saved = cache ? `; cache: pages ${cache.hits} reused / ${cache.misses} parsed, chunks ${cache.chunkHits ?? 0} reused / ${cache.chunkMisses ?? 0} formatted` : "";
  return `time: ${parse}, model ${seconds(timings.model)}, emit ${seconds(timings.emit)}, format ${seconds(timings.format)}${timings.compile ? `, compile ${seconds(timings.compile)}` : ""}${saved}`;
}

/** One `generate` invocation, its options resolved once. */
export interface GenerateRun {
  options: GenerateOptions;
  settings: CliSettings;
  /** The output folder as the report names it. */
  shownOut: string;
  cwd: string;
  /** The command that writes what --check compared with: the same paths, --csdl, --config and --out. */
  rerun: string;
}

/** A path as typed, without doubled or trailing slashes (`types/` is shown `types`, so `types/x.ts`, not `types//x.ts`). */
export function tidyPath(p: string): string {
  const tidy = path.normalize(p).split(path.sep).join("/");
  return tidy === "/" ? tidy : tidy.replace(/\/+$/, "");
}

/** Flags that change how a run reports, not what it writes: the rerun hint leaves them out. */
const REPORT_ONLY = new Set(["check", "diff-stat", "quiet", "verbose", "debug", "reporter", "strict", "max-warnings", "baseline", "update-baseline", "rule", "watch"]);

/** The command that writes what --check compares with: the same paths and flags, less the ones that only report. */
function rerunCommand(paths: readonly string[], flags: Flags, shownOut: string): string {
  const args: string[] = [];
  for (const o of OPTIONS) {
    const value = o.flag && !REPORT_ONLY.has(o.flag) ? flags[o.flag] : undefined;
    if (value === undefined || value === false) continue;
    const shown = o.flag === "out" ? shownOut : value;
    if (shown === true) args.push(`--${o.flag}`);
    else for (const v of Array.isArray(shown) ? shown : [shown]) args.push(`--${o.flag}`, v);
  }
  return ["graph-typegen", "generate", ...paths, ...args].map(shellWord).join(" ");
}

/**
 * The config file first, each flag over it (the option table says how). Its paths are already absolute (against its
 * folder); flag paths stay relative to io.cwd. With a config, the defaults input/ and output/ are in its folder.
 */
export async function resolveGenerate(paths: string[], flags: Flags, io: Io): Promise<GenerateRun> {
  const loaded = await loadConfig({ cwd: io.cwd, ...(typeof flags.config === "string" ? { file: flags.config } : {}) });
  const { options, settings } = resolveOptions("generate", flags, loaded, io.cwd);
  if (paths.length) options.inputs = paths;
  if (loaded) options.defaultsDir = loaded.dir;
  if (settings.diffStat && !options.check) throw new UsageError("--diff-stat goes with --check");
  if (settings.quiet && settings.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  if (settings.watch && options.check) throw new UsageError("--watch cannot be used with --check");
  if (settings.watch && options.csdl?.includes(STDIN)) throw new UsageError("--watch cannot watch standard input (--csdl -): name the file");
  // Parsed pages are cached on disk by content hash: a run after an edit parses only the edited pages. By default
  // only inside a project (where node_modules/ exists, the usual home of tool caches), so a one-off npx run in a
  // docs folder leaves nothing behind; --cache-dir names a folder anywhere.
  const cacheDir = settings.cacheDir ?? (existsSync(path.resolve(io.cwd, "node_modules")) ? DEFAULT_CACHE_DIR : undefined);
  if (!settings.noCache && cacheDir) options.cache = new DiskParseCache(path.resolve(io.cwd, cacheDir));
  const shownOut = typeof flags.out === "string" ? tidyPath(flags.out) : displayPath(runPaths(options).out, io.cwd);
  return { options, settings, shownOut, cwd: io.cwd, rerun: rerunCommand(paths, flags, shownOut) };
}

/** `graph-typegen generate [paths...]`: generate, then write or --check; report diagnostics. */
export async function generateCommand(paths: string[], flags: Flags, io: Io): Promise<number> {
  const run = await resolveGenerate(paths, flags, io);
  const { options, settings } = run;
  if (settings.watch) {
    // As below: --quiet prints errors and summary lines only and draws no progress; --verbose adds info.
    if (settings.updateBaseline) throw new UsageError("--update-baseline cannot be used with --watch: record the baseline with one run");
    const baseline = settings.baseline ? await readBaseline(path.resolve(io.cwd, settings.baseline), displayPath(path.resolve(io.cwd, settings.baseline), io.cwd)) : undefined;
    const verbosity = { ...(settings.verbose ? { verbose: true } : {}), ...(settings.quiet ? { quiet: true } : {}) };
    return watchCommand({ ...options, ...verbosity, ...(baseline ? { baseline } : {}) }, io);
  }
  const progress = io.progress && !settings.quiet && settings.reporter === "text" ? progressDisplay(io.progress, process.env) : undefined;
  const generated = await generate({ ...options, ...(progress ? { onProgress: progress.onProgress } : {}) });
  progress?.finish();
  const { result, lines } = await withBaseline(generated, run);
  return await report(result, run, io, lines);
}

/**
 * --update-baseline records the run's errors and warnings, --baseline (or the config's) takes the ones it holds out
 * of the result: only what is new is reported and counted. Returns the lines that say so.
 */
async function withBaseline(result: GenerateResult, run: GenerateRun): Promise<{ result: GenerateResult; lines: string[] }> {
  const { updateBaseline, baseline } = run.settings;
  const file = updateBaseline ?? baseline;
  if (!file || !result.generated) return { result, lines: [] };
  const absolute = path.resolve(run.cwd, file);
  const shown = displayPath(absolute, run.cwd);
  const lines: string[] = [];
  if (updateBaseline) lines.push(`baseline ${shown}: recorded ${plural(await writeBaseline(absolute, result.diagnostics), "diagnostic")}`);
  const applied = applyBaseline(result.diagnostics, await readBaseline(absolute, shown));
  if (!updateBaseline) lines.push(...baselineLines(applied, shown));
  return { result: { ...result, diagnostics: applied.fresh }, lines };
}

/** What the run comes to: its exit code, and the outcome the summary line ends with. */
function outcomeOf(result: GenerateResult, run: GenerateRun, counts: Counts): { code: number; outcome: string; tooManyWarnings: boolean } {
  const { strict, maxWarnings } = run.settings;
  const out = run.shownOut;
  const tooManyWarnings = (strict && counts.warning > 0) || (maxWarnings !== undefined && counts.warning > maxWarnings);
  // Unusable input or an output folder that must not or cannot be written: nothing was written (exit 2).
  const unusable = !result.generated || result.diagnostics.some((d) => UNUSABLE_KINDS.has(d.kind));
  const outcome = !result.generated
    ? "nothing generated"
    : unusable
      ? `nothing written to ${out}/`
      : result.check
        ? result.check.current
          ? `${out}/ is current (${plural(result.files.length, "file")})`
          : `${out}/ is not current: run ${run.rerun}${needsForce(result) ? ` --force (${MANIFEST_FILE} is missing, so the files already in ${out}/ are not known as generated ones: without --force that run would refuse them, GT0011)` : ""}`
        : `wrote ${plural(result.files.length, "file")} to ${out}/`;
  const code = unusable ? EXIT.usage : counts.error || tooManyWarnings || (result.check && !result.check.current) ? EXIT.failed : EXIT.ok;
  return { code, outcome, tooManyWarnings };
}

/** A check whose rerun would meet files with generated names but no manifest listing them: only --force takes them over. */
function needsForce(result: GenerateResult): boolean {
  const missing = new Set(result.check?.missing ?? []);
  return missing.has(MANIFEST_FILE) && result.files.some((f) => !missing.has(f.path));
}

async function report(result: GenerateResult, run: GenerateRun, io: Io, baseline: readonly string[]): Promise<number> {
  const { settings } = run;
  const counts = countBySeverity(result.diagnostics);
  const { code, outcome, tooManyWarnings } = outcomeOf(result, run, counts);
  // The json and github reporters are read by programs, which filter for themselves: all but --quiet's cut.
  const shown = shownDiagnostics(result.diagnostics, settings.quiet ? "quiet" : settings.verbose || settings.reporter !== "text" ? "verbose" : "normal");
  if (settings.reporter === "json") {
    // The texts behind the diff stay out of the JSON document: the file names say what differs.
    const check = result.check && { stale: result.check.stale, missing: result.check.missing, extra: result.check.extra, current: result.check.current };
    const leftOut = result.leftOut ?? [];
    const document = { exitCode: code, outcome, counts, byCode: countByKind(result.diagnostics), check, files: result.files.map((f) => f.path), leftOut, ...(baseline.length ? { baseline } : {}), diagnostics: shown };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
    return code;
  }
  const github = settings.reporter === "github";
  const lines = github ? [...(result.check ? checkAnnotations(result.check, run.shownOut, run.rerun) : []), ...githubAnnotations(shown)] : shown.map(formatDiagnostic);
  // Said even with --quiet: output generated without some inputs is degraded, and this says which.
  if (result.generated && result.leftOut?.length) lines.push(`left out (see the errors above): ${result.leftOut.join(", ")}`);
  if (!settings.quiet) lines.push(...detailLines(result, run));
  lines.push(...baseline);
  if (tooManyWarnings) lines.push(warningsFail(result, run));
  const summary = summaryLine(counts, outcome, result.diagnostics);
  lines.push(summary);
  io.stdout(`${lines.join("\n")}\n`);
  if (github) await writeStepSummary(process.env.GITHUB_STEP_SUMMARY, stepSummary(result.diagnostics, summary, checkFiles(result, run.shownOut)), io.stderr);
  return code;
}

/** The files --check found out of date, as the report names them. */
function checkFiles(result: GenerateResult, out: string): string[] {
  const check = result.check;
  return check ? [...check.stale.map((f) => `stale: ${out}/${f}`), ...check.missing.map((f) => `missing: ${out}/${f}`), ...check.extra.map((f) => `would delete: ${out}/${f}`)] : [];
}

/** Why the warnings fail the run, with how many of which codes (what --quiet hides, the fix starts there). */
function warningsFail(result: GenerateResult, run: GenerateRun): string {
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  const why = run.settings.strict ? "--strict: warnings fail the run" : `more than ${plural(run.settings.maxWarnings ?? 0, "warning")} (--max-warnings)`;
  return `${why}: ${plural(warnings.length, "warning")}: ${topCodes(warnings, 10)}`;
}

/** What --quiet leaves out: the files --check found, the diff, the table of counts by code, the time spent. */
function detailLines(result: GenerateResult, run: GenerateRun): string[] {
  const { settings, shownOut: out } = run;
  const check = result.check;
  const lines = checkFiles(result, out);
  if (check?.changes.length) {
    // Named as git names them: a/ and b/ before the output folder relative to the working directory.
    const prefix = displayPath(runPaths(run.options).out, run.cwd).replace(/^\/+/, "");
    const changes = check.changes.map((c) => ({ file: `${prefix}/${c.path}`, before: c.before, after: c.after }));
    const text = (settings.diffStat ? diffStat(changes) : unifiedDiffs(changes)).replace(/\n$/, "");
    if (settings.reporter === "github") lines.push(`::group::${settings.diffStat ? "diff stat" : "diff"} of ${out}/`, text, "::endgroup::");
    else lines.push("", text);
  }
  if (result.diagnostics.length) lines.push("", "diagnostics by code:", summaryTable(result.diagnostics));
  if (settings.verbose && result.timings) lines.push("", costLine(result.timings, result.threads ?? 0, result.cache));
  return lines;
}
