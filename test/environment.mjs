import vm from "node:vm";
import NodeEnvironment from "jest-environment-node";
import { installCodeCache } from "./code-cache.mjs";
import { installSharedModules, SHARED_ESM_KEY, sharedEsm } from "./shared-modules.mjs";

const Base = NodeEnvironment.TestEnvironment ?? NodeEnvironment.default ?? NodeEnvironment;

// Modules compiled once a worker, not once a test file (see the file).
installCodeCache();
// TypeScript (both copies) evaluated once a worker (see the file); installed last, so it sees each compile first.
installSharedModules();

/**
 * jest's node environment, with the test file's context made by `vm.createContext(vm.constants.DONT_CONTEXTIFY)`.
 *
 * jest runs each test file in a context made from a sandbox object (a Proxy, in jest 30). V8 then reaches every
 * global of that context (`Math`, `Array`, `String`, `Object`...) through node's interceptors, which no inline
 * cache can hold: a loop that reads globals ran 150 times slower than in node's own context (14.6 s against 0.09 s
 * for 2e7 iterations, this machine). remark, prettier, fast-check and tsc do that in their inner loops, which was
 * the "1.5x remark, 2.4x prettier inside jest" the suite paid. A context made without a sandbox (node 20.18+) has
 * an ordinary global object: the same loop ran in 0.10 s, and the suite in 311 s of wall time against 401 s.
 *
 * Everything else is jest's: its constructor installs the same globals on that object. What the sandbox was for,
 * recording what a test file sets on the global to delete it at teardown, goes with it; the context itself is
 * dropped at teardown.
 */
export default class VanillaContextEnvironment extends Base {
  constructor(config, context) {
    const create = vm.createContext;
    let used = false;
    vm.createContext = () => {
      used = true;
      return create(vm.constants.DONT_CONTEXTIFY);
    };
    try {
      super(config, context);
    } finally {
      vm.createContext = create;
    }
    // A jest that makes its context otherwise still runs every test, only slower: say so rather than fail.
    if (!used) process.stderr.write("test/environment.mjs: jest-environment-node no longer calls vm.createContext; tests run in a sandboxed context\n");
  }

  /** The worker's instances of the Markdown parser's packages and prettier, for test/shared/*.cjs (see shared-modules.mjs). */
  async setup() {
    await super.setup();
    this.global[SHARED_ESM_KEY] = await sharedEsm();
  }
}
