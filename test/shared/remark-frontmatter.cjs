// The worker's instance of remark-frontmatter (see test/shared-modules.mjs): its default export, as `import x from "remark-frontmatter"` reads it.
module.exports = globalThis.__graphTypegenSharedModules["remark-frontmatter"].default;
