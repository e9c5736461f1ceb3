// The worker's instance of unified (see test/shared-modules.mjs); each name an importer uses, written out for jest's lexer.
const shared = globalThis.__graphTypegenSharedModules["unified"];
exports.unified = shared.unified;
