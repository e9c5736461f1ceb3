import { SHARED_ESM } from "./test/shared-modules.mjs";

/** ESM: tests import the TypeScript sources (and the generated output/) directly, types stripped by esbuild (test/transform.mjs). */
export default {
  extensionsToTreatAsEsm: [".ts"],
  // jest's node environment in a context without a sandbox object: globals read at native speed (see the file).
  testEnvironment: "<rootDir>/test/environment.mjs",
  // Every test gets an explicit bound: on a loaded two-core machine a test that runs tsc, prettier or the CLI takes
  // several seconds, and jest's 5 s default failed such tests for load alone. Files that do more set their own.
  testTimeout: 60_000,
  // Two workers on two cores (jest's default is one less than the cores: one worker, every file in series). Many
  // files wait on processes, locks and timers; measured on this machine: 504 s for the suite, against 707 s.
  maxWorkers: 2,
  // A worker that ran a corpus file holds on to a heap of 1 GB or more; restarting it then costs about a second and
  // keeps the next file from growing on top of it (the suite's peak was 2.0 GB without this, one file's is 1.5).
  workerIdleMemoryLimit: "512MB",
  // Longest files first, also from a clean clone with no timings of jest's own (see the file).
  testSequencer: "<rootDir>/test/sequencer.mjs",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // The Markdown parser's packages and prettier, evaluated once a worker (see test/shared-modules.mjs).
    [`^(${SHARED_ESM.join("|")})$`]: "<rootDir>/test/shared/$1.cjs",
  },
  transform: {
    "^.+\\.ts$": "<rootDir>/test/transform.mjs",
  },
};
