// The worker's instance of mdast-util-gfm-autolink-literal (see test/shared-modules.mjs); each name an importer uses, written out for jest's lexer.
const shared = globalThis.__graphTypegenSharedModules["mdast-util-gfm-autolink-literal"];
exports.gfmAutolinkLiteralFromMarkdown = shared.gfmAutolinkLiteralFromMarkdown;
exports.gfmAutolinkLiteralToMarkdown = shared.gfmAutolinkLiteralToMarkdown;
