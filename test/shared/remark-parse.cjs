// The worker's instance of remark-parse (see test/shared-modules.mjs): its default export, as `import x from "remark-parse"` reads it.
module.exports = globalThis.__graphTypegenSharedModules["remark-parse"].default;
