// The worker's instance of remark-gfm (see test/shared-modules.mjs): its default export, as `import x from "remark-gfm"` reads it.
module.exports = globalThis.__graphTypegenSharedModules["remark-gfm"].default;
