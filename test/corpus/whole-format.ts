import path from "node:path";
import { fork } from "node:child_process";
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
  const texts = await formatOffProcess(emitted.map((file) => file.text));
  return emitted.map((file, i) => ({ path: file.path, text: texts[i]! }));
}

/** Prettier in a child process (see format-worker.mjs): the same package and options, outside jest's vm context and heap. */
function formatOffProcess(texts: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(ROOT, "test", "corpus", "format-worker.mjs"), [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.once("message", (formatted) => resolve(formatted as string[]));
    child.once("error", reject);
    // After the message this settles nothing; before it, the child failed.
    child.once("exit", (code) => reject(new Error(`the format process exited with code ${code} before it answered`)));
    child.send({ texts, options: PRETTIER_OPTIONS });
  });
}
