import { parentPort } from "node:worker_threads";
import { InternalError } from "../errors.js";
import { runTask, type TaskName } from "./tasks.js";

/** A pool thread: runs one batch per message and answers with the outputs, or with the error as plain data. */
export interface TaskRequest {
  id: number;
  task: TaskName;
  inputs: unknown[];
}

export type TaskReply = { id: number; outputs: unknown[] } | { id: number; error: { file?: string; message: string; stack?: string } };

parentPort?.on("message", async ({ id, task, inputs }: TaskRequest) => {
  let reply: TaskReply;
  try {
    reply = { id, outputs: await runTask(task, inputs as never[]) };
  } catch (error) {
    // An Error's class does not survive postMessage: send what the main thread needs to rebuild an InternalError.
    const original = error instanceof InternalError ? error.original : error;
    reply = {
      id,
      error: {
        ...(error instanceof InternalError && error.file ? { file: error.file } : {}),
        message: original instanceof Error ? original.message : String(original),
        ...(original instanceof Error && original.stack ? { stack: original.stack } : {}),
      },
    };
  }
  parentPort!.postMessage(reply);
});
