import path from "node:path";
import { Worker } from "node:worker_threads";
import { emitModel, type EmitOptions } from "../../generator/emit/index.js";
import { PRETTIER_OPTIONS } from "../../generator/format/prettier.js";
import type { GeneratedFile, Model } from "../../generator/types/index.js";
import { ROOT } from "../helpers.js";

/**
 * The output as it would be without chunks: each emitted file formatted whole by prettier, with the format stage's
 * own options. The pipeline formats chunk by chunk (cached, most statements laid out by emit); the two must be
 * byte-identical.
 */
export async function formattedWhole(model: Model, options: EmitOptions): Promise<GeneratedFile[]> {
  const emitted = emitModel(model, options).files;
  const texts = await formatOffThread(emitted.map((file) => file.text));
  return emitted.map((file, i) => ({ path: file.path, text: texts[i]! }));
}

/** Prettier on a worker thread (see format-worker.mjs): the same package and options, outside jest's vm context. */
function formatOffThread(texts: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ROOT, "test", "corpus", "format-worker.mjs"), { workerData: { texts, options: PRETTIER_OPTIONS } });
    worker.once("message", (formatted: string[]) => {
      resolve(formatted);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the format worker exited with code ${code}`)));
  });
}
