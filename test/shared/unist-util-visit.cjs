// The worker's instance of unist-util-visit (see test/shared-modules.mjs); each name an importer uses, written out for jest's lexer.
const shared = globalThis.__graphTypegenSharedModules["unist-util-visit"];
exports.visit = shared.visit;
exports.CONTINUE = shared.CONTINUE;
exports.EXIT = shared.EXIT;
exports.SKIP = shared.SKIP;
