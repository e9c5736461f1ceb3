import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { InternalError } from "../errors.js";
import { runTask, type TaskName, type Tasks } from "./tasks.js";
import type { TaskReply, TaskRequest } from "./worker.js";

/**
 * Runs tasks (tasks.ts) on worker threads: the Markdown parser and prettier are single-threaded, and on Graph-sized
 * inputs they are most of the run. Inputs go out in small batches, taken by whichever thread is free, and come
 * back in input order. A pool is cheap to keep (watch mode keeps one warm across runs); its threads never keep
 * the process alive.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { request: TaskRequest; settle: (reply: TaskReply) => void }[] = [];
  private readonly running = new Map<Worker, { request: TaskRequest; settle: (reply: TaskReply) => void }>();
  private nextId = 0;
  private broken: Error | undefined;

  private constructor(
    private readonly script: URL,
    readonly size: number,
  ) {}

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(this.script);
      this.workers.push(worker);
      worker.unref();
      worker.on("message", (reply: TaskReply) => this.finished(worker, reply));
      // A thread that dies (out of memory, a crash in native code) fails what it was running and the pool.
      worker.on("error", (error) => this.fail(worker, error));
      worker.on("exit", (code) => this.fail(worker, new Error(`worker thread exited with code ${code}`)));
      this.idle.push(worker);
    }
  }

  /**
   * A pool of `size` threads, or undefined when there is nothing to gain (fewer than two) or the worker script is
   * not there: the tests run the TypeScript sources, and a worker needs the built JavaScript.
   */
  static create(size = defaultPoolSize()): WorkerPool | undefined {
    const script = new URL("./worker.js", import.meta.url);
    if (size < 2 || !existsSync(fileURLToPath(script))) return undefined;
    return new WorkerPool(script, size);
  }

  /** Whether the threads were started (a run used the pool). */
  get started(): boolean {
    return this.workers.length > 0;
  }

  /** Runs every input through `task`, `batchSize` at a time; `onBatch` is told how many inputs are done so far. */
  async run<K extends TaskName>(task: K, inputs: readonly Tasks[K]["input"][], batchSize: number, onBatch?: (done: number) => void): Promise<Tasks[K]["output"][]> {
    const outputs: Tasks[K]["output"][] = new Array(inputs.length);
    let done = 0;
    const batches: Promise<void>[] = [];
    for (let start = 0; start < inputs.length; start += batchSize) {
      const batch = inputs.slice(start, start + batchSize);
      batches.push(
        this.submit(task, batch).then((results) => {
          results.forEach((output, i) => (outputs[start + i] = output as Tasks[K]["output"]));
          done += batch.length;
          onBatch?.(done);
        }),
      );
    }
    await Promise.all(batches);
    return outputs;
  }

  /** Stops the threads; later runs fail. */
  async close(): Promise<void> {
    this.broken ??= new Error("worker pool closed");
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private submit(task: TaskName, inputs: readonly unknown[]): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const request: TaskRequest = { id: this.nextId++, task, inputs: [...inputs] };
      const settle = (reply: TaskReply): void => {
        if ("outputs" in reply) resolve(reply.outputs);
        else {
          const original = new Error(reply.error.message);
          if (reply.error.stack) original.stack = reply.error.stack;
          reject(new InternalError(reply.error.file, original));
        }
      };
      if (this.broken) return reject(new InternalError(undefined, this.broken));
      if (!this.started) this.start();
      this.queue.push({ request, settle });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref(); // while it works, the process waits for it
      worker.postMessage(job.request);
    }
  }

  private finished(worker: Worker, reply: TaskReply): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    job?.settle(reply);
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    if (!this.broken) this.broken = error;
    const job = this.running.get(worker);
    this.running.delete(worker);
    const reply: TaskReply = { id: job?.request.id ?? -1, error: { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } };
    job?.settle(reply);
    // The rest of the queue would wait forever on a pool that is now short of a thread.
    for (const queued of this.queue.splice(0)) queued.settle({ id: queued.request.id, error: reply.error });
  }
}

/** One thread per core the process may use, at most four (beyond that, the main thread's own stages dominate). */
export function defaultPoolSize(): number {
  return Math.min(os.availableParallelism(), 4);
}

/** Runs a task on the pool when there is one, in-process otherwise: the outputs are the same either way. */
export async function runOn<K extends TaskName>(pool: WorkerPool | undefined, task: K, inputs: readonly Tasks[K]["input"][], batchSize: number, onBatch?: (done: number) => void): Promise<Tasks[K]["output"][]> {
  if (pool) return pool.run(task, inputs, batchSize, onBatch);
  const outputs: Tasks[K]["output"][] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    outputs.push(...(await runTask(task, inputs.slice(start, start + batchSize))));
    onBatch?.(outputs.length);
  }
  return outputs;
}
