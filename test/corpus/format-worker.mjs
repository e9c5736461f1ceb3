// Prettier on whole files, for whole-format.ts, in a child process: a plain Node context, where prettier runs about
// 2.4 times as fast as inside jest's vm context (measured on the v1.0.xml modules: 6.4 s against 15.5 s), and a
// heap of its own (whole multi-megabyte modules took a thread of the jest worker 500 to 560 MB, on top of the
// worker's own; the process gives it all back when it exits).
import { format } from "prettier";

process.once("message", async ({ texts, options }) => {
  const formatted = [];
  for (const text of texts) formatted.push(await format(text, options));
  process.send(formatted, () => process.exit(0));
});
