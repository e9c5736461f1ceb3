import { parentPort } from "node:worker_threads";
import { InternalError } from "../errors.js";
import { prepareTask, runTask, type TaskName } from "./tasks.js";

/** A batch of one task's inputs, sent to a pool thread. */
export interface TaskRequest {
  id: number;
  task: TaskName;
  inputs: unknown[];
}

/**
 * What a thread answers, input by input: `started` before it begins one (the pool starts that input's deadline),
 * `output` when it is done, or `error` (as plain data: an Error's class does not survive postMessage); to a request
 * with no inputs (the pool's `prepare`), `prepared` once the task's code is loaded.
 */
export type TaskReply =
  | { id: number; prepared: true }
  | { id: number; index: number; started: true }
  | { id: number; index: number; output: unknown }
  | { id: number; error: { file?: string; message: string; stack?: string } };

function errorReply(id: number, error: unknown): TaskReply {
  const original = error instanceof InternalError ? error.original : error;
  return {
    id,
    error: {
      ...(error instanceof InternalError && error.file ? { file: error.file } : {}),
      message: original instanceof Error ? original.message : String(original),
      ...(original instanceof Error && original.stack ? { stack: original.stack } : {}),
    },
  };
}

parentPort?.on("message", async ({ id, task, inputs }: TaskRequest) => {
  try {
    await prepareTask(task);
  } catch (error) {
    parentPort!.postMessage(errorReply(id, error));
    return;
  }
  if (!inputs.length) parentPort!.postMessage({ id, prepared: true } satisfies TaskReply);
  for (const [index, input] of inputs.entries()) {
    parentPort!.postMessage({ id, index, started: true } satisfies TaskReply);
    try {
      const [output] = await runTask(task, [input as never]);
      parentPort!.postMessage({ id, index, output } satisfies TaskReply);
    } catch (error) {
      parentPort!.postMessage(errorReply(id, error));
      return;
    }
  }
});
