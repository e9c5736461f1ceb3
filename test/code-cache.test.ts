import vm from "node:vm";

/**
 * The code cache test/environment.mjs installs (test/code-cache.mjs): a large CommonJS module compiled a second
 * time comes from V8's cache, and one that calls import() is never cached, since a function compiled from a cache
 * loses the dynamic-import callback on Node 20.
 */
const PARAMS = ["module", "exports"];
const large = (body: string): string => `${"// padding to pass the size from which files are cached\n".repeat(200)}${body}`;
type Compiled = ((...args: unknown[]) => unknown) & { cachedDataRejected?: boolean };
const compile = (code: string, filename: string): Compiled =>
  vm.compileFunction(code, PARAMS, { filename, importModuleDynamically: (specifier: string) => import(specifier) as never } as vm.CompileFunctionOptions) as Compiled;

test("a large CommonJS module compiled again is compiled from the cache of the first compile", () => {
  const code = large("module.exports = 6 * 7;");
  const filename = `/virtual/cached-${process.pid}.js`;
  compile(code, filename);
  const again = compile(code, filename);
  expect(again.cachedDataRejected).toBe(false);
  const module = { exports: undefined as unknown };
  again(module, {});
  expect(module.exports).toBe(42);
  // A changed source under the same name is compiled anew, also at the same length (V8's own check of a cache).
  const changed = compile(large("module.exports = 6 * 8;"), filename);
  expect(changed.cachedDataRejected).toBeUndefined();
  changed(module, {});
  expect(module.exports).toBe(48);
});

test("a module that calls import() is never cached: its second compile can still import", async () => {
  const code = large('module.exports = () => import("node:path").then((path) => typeof path.join);');
  const filename = `/virtual/imports-${process.pid}.js`;
  compile(code, filename);
  const again = compile(code, filename);
  expect(again.cachedDataRejected).toBeUndefined();
  const module = { exports: undefined as unknown };
  again(module, {});
  await expect((module.exports as () => Promise<string>)()).resolves.toBe("function");
});

test("small files and an import() inside a string are told apart from what they are", () => {
  const small = "module.exports = 1;";
  compile(small, "/virtual/small.js");
  expect(compile(small, "/virtual/small.js").cachedDataRejected).toBeUndefined();
  const inString = large('module.exports = "import(\\"x\\")";');
  compile(inString, "/virtual/in-string.js");
  expect(compile(inString, "/virtual/in-string.js").cachedDataRejected).toBe(false);
});
