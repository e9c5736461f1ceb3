import path from "node:path";
import type { ParseCache } from "../cache/cache.js";
import type { EmitOptions, ShapeOptions } from "../emit/index.js";
import type { WorkerPool } from "../parallel/pool.js";
import type { Limits, Progress } from "../pipeline.js";
import { describeValue, mismatch } from "./rules.js";
import { OPTION_TABLE } from "./table.js";
import type { EmitKind, RuleLevel } from "./vocabulary.js";

/**
 * What `generate()` takes. Declared here, beside the option table that fills it from flags and config files, so
 * that config/ and cli/ need nothing from index.ts (which re-exports this) and no import goes in a circle.
 * The layout and shape options are emit's own (documented on `EmitOptions`), passed through unchanged.
 */
export interface GenerateOptions extends ShapeOptions, Pick<EmitOptions, "layout"> {
  /** Markdown files or folders (searched recursively). Default: `["input"]`, unless `csdl` is given. */
  inputs?: string[];
  /** CSDL (EDMX) files, or folders of `.xml` files. With no `inputs`, no docs are read at all. */
  csdl?: string[];
  /** Output folder. Default: `"output"`. */
  out?: string;
  /**
   * Modules layout: `"ts"` (default) writes TypeScript modules; `"js"` writes each as JavaScript with a `.d.ts`
   * beside it (`runtime.js`/`runtime.d.ts`, `index.js`/`index.d.ts`, ...). The single layout is always `index.d.ts`.
   */
  emit?: EmitKind;
  /** Compare with `out` instead of writing. */
  check?: boolean;
  /**
   * Overwrite a file in `out` that has the name of a generated file but is not in the manifest (a file of yours).
   * Without it, such a file is a conflict and nothing is written. Default false.
   */
  force?: boolean;
  /** How long to wait for another run writing to `out` to finish, in milliseconds. Default 10,000. */
  lockTimeout?: number;
  /** Write the files to `out` (default true unless `check`). */
  write?: boolean;
  /** Folder with `banner.txt` and `runtime.ts`. Default: the package's own `templates/`. */
  templates?: string;
  /** Resource limits for hostile input; each has a safe default. */
  limits?: { markdown?: Limits["markdown"]; csdl?: Limits["csdl"]; model?: Limits["model"] };
  /** Resolve relative paths against this folder. Default: `process.cwd()`. */
  cwd?: string;
  /**
   * Where the default `input/` and `output/` are when `inputs` and `out` are not given (relative to `cwd`). Default:
   * `cwd`; the CLI and `loadConfig` set it to the config file's folder.
   */
  defaultsDir?: string;
  /**
   * Parsed pages and formatted chunks from earlier runs (`DiskParseCache`, `MemoryParseCache`), so only changed
   * pages are parsed and only changed chunks formatted again. Never changes the result. Default: none.
   */
  cache?: ParseCache;
  /**
   * Worker threads that parse the pages: at most this many, never more than the cores (0: parse in-process, which
   * holds no page to its time budget). Default: one per core, at most 4. Never changes the result.
   */
  threads?: number;
  /** A pool to reuse across calls (watch mode); the caller closes it. */
  pool?: WorkerPool;
  /**
   * Severity per diagnostic code or prefix (`{ "GT30*": "off", "GT1001": "error" }`, the longest match wins); `off`
   * drops the diagnostic. Codes that mean the input or output could not be used (exit 2) keep their severity.
   */
  rules?: Record<string, RuleLevel>;
  /** Told how far the run is, for a progress display (the CLI draws one on a terminal). */
  onProgress?: (progress: Progress) => void;
}


export const DEFAULT_INPUT = "input";
export const DEFAULT_OUT = "output";

/** Where a run reads and writes, defaults applied: the one place `input/` and `output/` are decided. */
export interface RunPaths {
  cwd: string;
  inputs: string[];
  csdl: string[];
  /** Absolute. */
  out: string;
  /** The docs are the default `input/`, not named by anyone: a missing one gets a hint, not just "cannot read". */
  defaultInput: boolean;
}

/**
 * Inputs default to `input/` unless there is metadata, the output to `output/`, both in `defaultsDir` (the working
 * folder, or a config file's: so a run from a sub-folder does what a run beside the file does).
 */
export function runPaths(options: Pick<GenerateOptions, "cwd" | "inputs" | "csdl" | "out" | "defaultsDir">): RunPaths {
  const cwd = options.cwd ?? process.cwd();
  const base = path.resolve(cwd, options.defaultsDir ?? ".");
  const csdl = options.csdl ?? [];
  const defaultInput = !options.inputs?.length && !csdl.length;
  const inputs = options.inputs?.length ? options.inputs : defaultInput ? [path.join(base, DEFAULT_INPUT)] : [];
  return { cwd, inputs, csdl, out: path.resolve(cwd, options.out ?? path.join(base, DEFAULT_OUT)), defaultInput };
}

/** The value at a dotted path of the options (`limits.markdown.maxPageBytes`), or undefined. */
const valueAt = (options: object, dotted: string): unknown =>
  dotted.split(".").reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), options);

/** The API's options that no flag or config key sets, and what each must be. */
const API_ONLY = [
  ["cwd", "path"],
  ["defaultsDir", "path"],
  ["write", "boolean"],
  ["lockTimeout", "count"],
] as const;

/**
 * Why `generate()`'s options cannot be used, checked by the option table's own rules (what the config validator
 * and the flag parser apply): JavaScript callers are not held to the types, and a string for `csdl` was read
 * character by character, `threads: NaN` made a pool with no thread that never answered.
 */
export function optionsProblem(options: unknown): string | undefined {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return `generate() takes an object of options, not ${describeValue(options)}`;
  const specs = [...OPTION_TABLE.flatMap((spec) => ("to" in spec && spec.to ? [[spec.to, spec.rule] as const] : [])), ...API_ONLY];
  // An empty path is of the right kind: the stage that takes it says what is wrong with it (`out: ""` is GT0010).
  const emptyPaths = (value: unknown, rule: unknown): boolean => (rule === "path" && value === "") || (rule === "paths" && Array.isArray(value) && value.every((v) => typeof v === "string"));
  for (const [key, rule] of specs) {
    const value = valueAt(options, key);
    const expected = value === undefined || emptyPaths(value, rule) ? undefined : mismatch(value, rule);
    if (expected) return `generate() option "${key}" must be ${expected}, not ${describeValue(value)}`;
  }
  return undefined;
}
