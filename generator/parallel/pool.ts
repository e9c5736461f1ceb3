import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { InternalError } from "../errors.js";
import { runTask, TIMED_OUT, type TaskName, type Tasks } from "./tasks.js";
import type { TaskReply, TaskRequest } from "./worker.js";

/** Batches waiting with every thread busy before one more thread is started. */
const SPAWN_QUEUE = 3;

/** One batch in flight: the inputs not yet done start at `next`; `outputs` fills in input order. */
interface Job {
  task: TaskName;
  inputs: readonly unknown[];
  outputs: unknown[];
  next: number;
  budgetMs: number | undefined;
  resolve: (outputs: unknown[]) => void;
  reject: (error: Error) => void;
}

/** A thread at work: the job, where its current request starts in the job's inputs, and the running deadline. */
interface Running {
  job: Job;
  offset: number;
  requestId: number;
  timer?: NodeJS.Timeout;
}

export interface RunOptions {
  /** Told how many inputs are done so far, after each batch. */
  onBatch?: (done: number) => void;
  /**
   * Each input gets this long once a thread starts on it; past it the thread is stopped (synchronous code cannot
   * be interrupted any other way), the input yields its task's timed-out result and the rest go on.
   */
  budgetMs?: number;
}

/** The options that say how the main script was given: `node --input-type=module -e ...` would make a worker refuse its own file. */
const isScriptOption = (arg: string, previous = ""): boolean => /^--(input-type|eval|print)\b|^-[ep]$/.test(arg) || /^-[ep]$|^--(eval|print)$/.test(previous);

/**
 * A thread with the process's node options. Inherited, as a worker takes them when none are given, they may include
 * V8's and the process's own (`node --max-old-space-size=4096 graph-typegen ...`, `--stack-size`), which Node refuses
 * when they are passed to a Worker explicitly (ERR_WORKER_INVALID_EXEC_ARGV: every run was an internal error). They
 * are passed only to leave out the script options; when Node refuses those that remain, the thread gets none.
 */
function newWorker(script: URL): Worker {
  const execArgv = process.execArgv.filter((arg, i, all) => !isScriptOption(arg, all[i - 1]));
  if (execArgv.length === process.execArgv.length) return new Worker(script);
  try {
    return new Worker(script, { execArgv });
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    return new Worker(script, { execArgv: [] });
  }
}

/**
 * Runs tasks (tasks.ts) on worker threads. Two reasons: the Markdown parser is single-threaded and on Graph-sized
 * inputs it is most of the run, and a page that stalls it (some constructs make remark super-linear; the next one
 * is always unknown) can only be stopped by stopping its thread. Inputs go out in small batches, taken by whichever
 * thread is free, and come back in input order. Threads start when there is work for them, never more than the
 * cores; a pool is cheap to keep (watch mode keeps one warm across runs) and its threads never keep the process alive.
 */
export class WorkerPool {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Running>();
  private nextId = 0;
  private broken: Error | undefined;

  private constructor(
    private readonly script: URL,
    readonly size: number,
  ) {}

  /**
   * A pool of at most `size` threads (capped at the cores), or undefined for 0 (run in-process) or when the worker
   * script is not there: the tests run the TypeScript sources, and a worker needs the built JavaScript.
   */
  static create(size = defaultPoolSize()): WorkerPool | undefined {
    const script = new URL("./worker.js", import.meta.url);
    // `!(size >= 1)`: NaN, which `size < 1` lets through, is no pool either (it made one that never started a thread).
    if (!(size >= 1) || !existsSync(fileURLToPath(script))) return undefined;
    return new WorkerPool(script, Math.min(Math.floor(size), os.availableParallelism()));
  }

  /** Whether any thread was started (a run used the pool). */
  get started(): boolean {
    return this.workers.size > 0;
  }

  /** Threads running now (started by the work so far, less those stopped past a budget). */
  get threads(): number {
    return this.workers.size;
  }

  /** Runs every input through `task`, `batchSize` at a time; outputs in input order. */
  async run<K extends TaskName>(task: K, inputs: readonly Tasks[K]["input"][], batchSize: number, options: RunOptions = {}): Promise<Tasks[K]["output"][]> {
    const outputs: Tasks[K]["output"][] = new Array(inputs.length);
    let done = 0;
    const batches: Promise<void>[] = [];
    for (let start = 0; start < inputs.length; start += batchSize) {
      const batch = inputs.slice(start, start + batchSize);
      batches.push(
        this.submit(task, batch, options.budgetMs).then((results) => {
          results.forEach((output, i) => (outputs[start + i] = output as Tasks[K]["output"]));
          done += batch.length;
          options.onBatch?.(done);
        }),
      );
    }
    await Promise.all(batches);
    return outputs;
  }

  /**
   * Has a thread load what `task` runs, queued after the work already given: for the format stage, a thread loads
   * prettier (about 0.3 s) while the main thread parses metadata or builds the model. Nothing to wait for; a pool
   * that fails reports it to the run that uses it.
   */
  prepare(task: TaskName): void {
    this.submit(task, [], undefined).catch(() => undefined);
  }

  /**
   * Stops the threads; later runs fail. Each thread is held (ref) until its exit is delivered, and a reply still
   * on its way is dropped: it used to release its thread, which unref'd it, and with nothing else keeping the
   * process alive node ended it with exit code 13 before `terminate()` settled. A run whose templates were refused
   * while the early thread was loading the parser printed nothing at all.
   */
  async close(): Promise<void> {
    this.broken ??= new Error("worker pool closed");
    const workers = [...this.workers];
    this.workers.clear();
    for (const running of this.running.values()) clearTimeout(running.timer);
    this.running.clear();
    for (const worker of workers) worker.ref();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private submit(task: TaskName, inputs: readonly unknown[], budgetMs: number | undefined): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(new InternalError(undefined, this.broken));
      this.queue.push({ task, inputs, outputs: new Array(inputs.length), next: 0, budgetMs, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Another thread only when the work waiting is worth its start (loading the parser takes a thread about a quarter
   * of a second, a batch about a tenth): a docs folder of a few pages runs on one thread.
   */
  private wantsThread(): boolean {
    return this.workers.size < this.size && (this.workers.size === 0 || (this.queue.length > SPAWN_QUEUE && this.queue[0]!.task !== "format"));
  }

  private spawn(): Worker {
    const worker = newWorker(this.script);
    this.workers.add(worker);
    worker.unref();
    worker.on("message", (reply: TaskReply) => this.reply(worker, reply));
    // A thread that dies by itself (out of memory, a crash in native code) fails what it was running and the pool;
    // one the pool stopped (past its budget) is no longer in `workers` and is not an error.
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`worker thread exited with code ${code}`)));
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length && (this.idle.length || this.wantsThread())) {
      const worker = this.idle.pop() ?? this.spawn();
      const job = this.queue.shift()!;
      const request: TaskRequest = { id: this.nextId++, task: job.task, inputs: job.inputs.slice(job.next) };
      this.running.set(worker, { job, offset: job.next, requestId: request.id });
      worker.ref(); // while it works, the process waits for it
      worker.postMessage(request);
    }
  }

  private reply(worker: Worker, reply: TaskReply): void {
    const running = this.running.get(worker);
    if (!running || running.requestId !== reply.id) return;
    if ("error" in reply) {
      this.release(worker, running);
      const original = new Error(reply.error.message);
      if (reply.error.stack) original.stack = reply.error.stack;
      running.job.reject(new InternalError(reply.error.file, original));
      return;
    }
    if ("prepared" in reply) {
      this.release(worker, running);
      running.job.resolve([]);
      return;
    }
    const index = running.offset + reply.index;
    if ("started" in reply) {
      clearTimeout(running.timer);
      const { budgetMs } = running.job;
      if (budgetMs !== undefined) running.timer = setTimeout(() => this.expire(worker, running, index), budgetMs);
      return;
    }
    running.job.outputs[index] = reply.output;
    running.job.next = index + 1;
    if (running.job.next === running.job.inputs.length) {
      this.release(worker, running);
      running.job.resolve(running.job.outputs);
    }
  }

  /** The thread is done with its request: back to idle, next job. */
  private release(worker: Worker, running: Running): void {
    clearTimeout(running.timer);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    this.dispatch();
  }

  /** An input ran past its budget: stop the thread, record the timed-out result, requeue the rest of its batch. */
  private expire(worker: Worker, running: Running, index: number): void {
    if (this.running.get(worker) !== running) return;
    this.running.delete(worker);
    this.workers.delete(worker);
    void worker.terminate();
    const { job } = running;
    job.outputs[index] = (TIMED_OUT[job.task] as (input: unknown, ms: number) => unknown)(job.inputs[index], job.budgetMs!);
    job.next = index + 1;
    if (job.next === job.inputs.length) job.resolve(job.outputs);
    else this.queue.unshift(job);
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    if (!this.workers.delete(worker)) return;
    this.broken ??= error;
    const running = this.running.get(worker);
    this.running.delete(worker);
    clearTimeout(running?.timer);
    const failure = new InternalError(undefined, error);
    running?.job.reject(failure);
    // The rest of the queue would wait forever on a pool that is now short of a thread.
    for (const queued of this.queue.splice(0)) queued.reject(failure);
  }
}

/** One thread per core the process may use, at most four (beyond that, the main thread's own stages dominate). */
export function defaultPoolSize(): number {
  return Math.min(os.availableParallelism(), 4);
}

/**
 * Runs a task on the pool when there is one, in-process otherwise (`--threads 0`, or the TypeScript sources under
 * test): the outputs are the same either way, but only a pool can hold inputs to a time budget.
 */
export async function runOn<K extends TaskName>(pool: WorkerPool | undefined, task: K, inputs: readonly Tasks[K]["input"][], batchSize: number, options: RunOptions = {}): Promise<Tasks[K]["output"][]> {
  if (pool) return pool.run(task, inputs, batchSize, options);
  const outputs: Tasks[K]["output"][] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    outputs.push(...(await runTask(task, inputs.slice(start, start + batchSize))));
    options.onBatch?.(outputs.length);
  }
  return outputs;
}
