// The worker's instance of prettier (see test/shared-modules.mjs); each name an importer uses, written out for jest's lexer.
const shared = globalThis.__graphTypegenSharedModules["prettier"];
exports.format = shared.format;
