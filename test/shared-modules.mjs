import { createRequire } from "node:module";
import vm from "node:vm";

/**
 * TypeScript, the Markdown parser's packages and prettier evaluated once a jest worker, not once a test file.
 *
 * jest runs every module again in each test file's context. The code cache (code-cache.mjs) saves the compile, not
 * the run: typescript.js still took about 0.7 s of CPU to evaluate in each file that uses it, the Markdown
 * adapter's packages (unified, remark-parse with micromark, remark-gfm, remark-frontmatter) 0.26 s in almost every
 * file, through test/helpers.ts (15 ms once shared), and prettier's first format 0.15 s (12 ms), this machine,
 * inside jest; shared, their code also stays compiled by V8 from file to file. They hold no state a test could
 * leave behind: the programs, hosts, processors, trees and formatted texts a test makes are its own objects.
 * - typescript.js and ts-morph's copy (CommonJS): when jest compiles one for a test file, the function it gets
 *   back hands the module the worker's instance, loaded by node's `require` on first use. jest still resolves the
 *   file (and `require.resolve`) as usual.
 * - The Markdown packages and prettier (ES modules, which jest links itself): jest.config.js maps each name to a
 *   CommonJS file in test/shared/ that hands out the worker's instance, imported by node once before the first
 *   file's setup (`sharedEsm()`; the environment puts it on each file's global).
 * Every other module, the generator's included, is the test file's own.
 *
 * The instances live in the worker's context, not the test file's: what crosses between the two must not be told
 * apart with `instanceof`. TypeScript tests arrays with `Array.isArray`, which holds across contexts; the mdast
 * trees are plain objects and arrays; prettier takes and gives text; the generator duck-types the one error it
 * catches from the parser (a stack overflow, parallel/tasks.ts), as it does file system errors. ts-morph itself
 * cannot be shared: its printer tests `instanceof Array` and `instanceof Function` on the structures a test file
 * makes. The copy of TypeScript it bundles (@ts-morph/common's typescript.js) is, like typescript.js.
 */
const SHARED_COMMONJS = [/[\\/]node_modules[\\/]typescript[\\/]lib[\\/]typescript\.js$/, /[\\/]node_modules[\\/]@ts-morph[\\/]common[\\/]dist[\\/]typescript\.js$/];

const nodeRequire = createRequire(import.meta.url);

/** Wraps `vm.compileFunction` once per process, outside the code cache (which then never sees these files). */
export function installSharedModules() {
  if (vm.compileFunction.sharesModules) return;
  const compileFunction = vm.compileFunction;
  const sharingCompileFunction = (code, params, options) => {
    const file = options?.filename;
    if (typeof file !== "string" || !SHARED_COMMONJS.some((pattern) => pattern.test(file))) return compileFunction(code, params, options);
    // jest calls it as (module, exports, require, ...): the module's exports are the worker's instance.
    return function sharedModule(module) {
      module.exports = nodeRequire(file);
    };
  };
  sharingCompileFunction.sharesModules = true;
  vm.compileFunction = sharingCompileFunction;
}

/** The ES module packages test/shared/*.cjs hand out; jest.config.js maps these names to those files. */
export const SHARED_ESM = ["unified", "remark-parse", "remark-gfm", "remark-frontmatter", "unist-util-visit", "mdast-util-gfm-autolink-literal", "prettier"];

/** Where test/shared/*.cjs find them on a test file's global. */
export const SHARED_ESM_KEY = "__graphTypegenSharedModules";

let esm;

/** The packages' namespaces by name, imported once a process. */
export function sharedEsm() {
  esm ??= Promise.all(SHARED_ESM.map(async (name) => [name, await import(name)])).then(Object.fromEntries);
  return esm;
}
