import type { CachedPage } from "../cache/cache.js";
import { InternalError } from "../errors.js";
import { diagnostic, type SourceText } from "../types/index.js";

/**
 * The work that can run on another thread: pure functions of plain data, the same code whether the pool runs them
 * in a worker or the pipeline runs them in-process, so where they ran can never change the output. Parsing, and
 * formatting: a thread that starts cold formats no faster than the main thread, but one that loaded prettier while
 * the main thread parsed formats each batch while the main thread prints the next (format/prettier.ts).
 */
export interface Tasks {
  /** One Markdown page (already past the limits check) to its record and diagnostics. */
  parse: { input: SourceText; output: CachedPage };
  /** A batch of top-level statements' text to prettier's (format/prettier.ts formatBatch). */
  format: { input: string[]; output: string[] };
}

export type TaskName = keyof Tasks;

/**
 * V8's "Maximum call stack size exceeded". Duck-typed, like `isFsError`: the parser may run in another realm (under
 * jest, the worker's one instance of remark for every test file), whose RangeError is not this realm's.
 */
const isStackOverflow = (error: unknown): boolean => {
  const candidate = error as { name?: unknown; message?: unknown } | null;
  return typeof candidate === "object" && candidate !== null && candidate.name === "RangeError" && typeof candidate.message === "string" && /call stack/i.test(candidate.message);
};

/** The Markdown adapter, loaded on first use: a run with metadata only never loads remark. */
const markdownAdapter = () => import("../markdown/page.js");

async function parse(sources: readonly SourceText[]): Promise<CachedPage[]> {
  const { parseMarkdownPage } = await markdownAdapter();
  return sources.map((source) => {
    try {
      return parseMarkdownPage(source);
    } catch (error) {
      if (isStackOverflow(error)) {
        return { diagnostics: [diagnostic("nesting-too-deep", "page nests too deeply for the Markdown parser; page skipped", { file: source.path, line: 1, column: 1 })] };
      }
      throw new InternalError(source.path, error);
    }
  });
}

/** The format stage, loaded on first use, like the parser; prettier and its plugins load with it, once a thread. */
let formatterLoaded: Promise<typeof import("../format/prettier.js")> | undefined;
const formatter = () => (formatterLoaded ??= import("../format/prettier.js").then(async (module) => (await module.loadFormatter(), module)));

async function format(batches: readonly string[][]): Promise<string[][]> {
  const { formatBatch } = await formatter();
  const out: string[][] = [];
  for (const batch of batches) out.push(await formatBatch(batch));
  return out;
}

const RUNNERS: { [K in TaskName]: (inputs: readonly Tasks[K]["input"][]) => Promise<Tasks[K]["output"][]> } = { parse, format };

const LOADERS: { [K in TaskName]: () => Promise<unknown> } = { parse: markdownAdapter, format: formatter };

/**
 * Loads the code a task runs. A pool thread does this before it starts an input's deadline, so that a page's time
 * budget is spent on parsing it, not on loading the parser (a few hundred ms, far more on a loaded machine).
 */
export async function prepareTask(task: TaskName): Promise<void> {
  try {
    await LOADERS[task]();
  } catch (error) {
    throw new InternalError(undefined, error);
  }
}

/**
 * What an input that ran past its time budget yields instead (the pool stopped the thread that was on it): for a
 * page, no record and a diagnostic naming the budget and how to raise it.
 */
export const TIMED_OUT: { [K in TaskName]: (input: Tasks[K]["input"], budgetMs: number) => Tasks[K]["output"] } = {
  format: () => {
    throw new InternalError(undefined, new Error("the format task runs without a time budget"));
  },
  parse: (source, budgetMs) => ({
    diagnostics: [
      diagnostic("page-timeout", `page took longer than ${budgetMs} ms to parse (the per-page time budget: --page-timeout, config limits.pageTimeoutMs); page skipped`, { file: source.path, line: 1, column: 1 }),
    ],
  }),
};

/** Runs a batch of one task's inputs; outputs in input order. Throws InternalError for a bug. */
export async function runTask<K extends TaskName>(task: K, inputs: readonly Tasks[K]["input"][]): Promise<Tasks[K]["output"][]> {
  try {
    // The cast restates what K says: TypeScript cannot correlate a generic key with its entry in the table.
    return await (RUNNERS[task] as (inputs: readonly Tasks[K]["input"][]) => Promise<Tasks[K]["output"][]>)(inputs);
  } catch (error) {
    throw error instanceof InternalError ? error : new InternalError(undefined, error);
  }
}
