import { emitModel, type EmitOptions } from "../../generator/emit/index.js";
import { formatChunk } from "../../generator/format/prettier.js";
import type { GeneratedFile, Model } from "../../generator/types/index.js";

/**
 * The output as it would be without chunks: each emitted file formatted whole by prettier. The pipeline formats
 * chunk by chunk (in parallel, cached); the two must be byte-identical.
 */
export async function formattedWhole(model: Model, options: Omit<EmitOptions, "templates"> & { templates: EmitOptions["templates"] }): Promise<GeneratedFile[]> {
  const emitted = emitModel(model, options).files;
  return Promise.all(emitted.map(async (file) => ({ path: file.path, text: await formatChunk(file.text) })));
}
