import { createHash } from "node:crypto";
import vm from "node:vm";
import { init, parse } from "es-module-lexer";

/**
 * V8 code caching for the CommonJS modules jest compiles, kept for the life of a jest worker.
 *
 * jest compiles every module again for every test file (each has a new context), and V8's own compilation cache
 * does not reach across contexts: TypeScript's 9 MB typescript.js took 200 to 240 ms to compile each time, 17 ms
 * with the code cache of an earlier compile (this machine). ts-morph bundles a second copy, and most test files
 * load one or both. jest compiles CommonJS with `vm.compileFunction`, looked up on the `vm` module at each call;
 * given `cachedData`, V8 checks it against the source and its own flags and otherwise ignores it, compiling as
 * usual. V8's check of the source is its length only, so a hash of the source is compared here as well: a file
 * changed on disk is compiled anew (the hash, 13 ms for typescript.js, is kept rather than the source). Measured on
 * test/{emit,cli,model,markdown}: 2.2 to 2.8 s of compiling CommonJS per worker without, 1.0 to 1.2 s with.
 *
 * Left out:
 * - Code that calls `import()`. On Node 20, a function compiled from a cache has lost the callback that dynamic
 *   import needs ("A dynamic import callback was not specified", seen on a CommonJS file made for the purpose).
 *   es-module-lexer (what jest itself reads ESM syntax with) finds those calls outside strings, comments and
 *   regular expressions; code it cannot read is left out too.
 * - ESM (`vm.SourceTextModule`): prettier's index.mjs imports dynamically, and caching the rest measured no gain
 *   (its cache can only be made before the module runs, so it holds little).
 * - Small files (under 8 KB), where compiling is cheaper than looking up.
 */
const CACHED_FROM = 8 * 1024;

await init;

/** By file and the wrapper's parameters: a hash of the source last compiled, whether it may be cached, V8's cache of it. */
const entries = new Map();

const callsImport = (code) => {
  try {
    return parse(code)[0].some((found) => found.d > -1);
  } catch {
    return true;
  }
};

/** The entry for `code` under `key`, made (empty) when the file is new or its source changed; none for small files. */
function entryFor(key, code) {
  if (code.length < CACHED_FROM) return undefined;
  const hash = createHash("sha1").update(code).digest("hex");
  let entry = entries.get(key);
  if (entry?.hash !== hash) {
    entry = { hash, excluded: callsImport(code), data: undefined };
    entries.set(key, entry);
  }
  return entry.excluded ? undefined : entry;
}

/** Wraps `vm.compileFunction` once per process (each test file's environment calls this). */
export function installCodeCache() {
  if (vm.compileFunction.codeCached) return;
  const compileFunction = vm.compileFunction;
  const cachedCompileFunction = (code, params = [], options = {}) => {
    if (options.cachedData || options.produceCachedData) return compileFunction(code, params, options);
    const entry = entryFor(`${options.filename}\0${params.join(",")}`, code);
    if (!entry) return compileFunction(code, params, options);
    if (entry.data) return compileFunction(code, params, { ...options, cachedData: entry.data });
    const compiled = compileFunction(code, params, { ...options, produceCachedData: true });
    entry.data = compiled.cachedData;
    return compiled;
  };
  cachedCompileFunction.codeCached = true;
  vm.compileFunction = cachedCompileFunction;
}
