import TestSequencer from "@jest/test-sequencer";

/**
 * Longest files first, so that neither of the two workers is left running one long file at the end. jest orders
 * by the durations of the previous run, which a clean clone has none of, and otherwise by file size: the corpus
 * tests are three-line files (one per version, see test/corpus/docs.ts) and would run last. Their measured
 * seconds (this machine, the whole suite) stand in until jest has timings of its own; failed files still go first.
 */
const MEASURED_SECONDS = {
  "corpus/docs-beta.test.ts": 76,
  "corpus/csdl-v1.0.test.ts": 66,
  "corpus/docs-v1.0.test.ts": 65,
  "corpus/csdl-beta.test.ts": 20,
};

const Base = TestSequencer.default ?? TestSequencer;

export default class LongestFirst extends Base {
  sort(tests) {
    const estimate = (test) => {
      const known = Object.entries(MEASURED_SECONDS).find(([file]) => test.path.replaceAll("\\", "/").endsWith(`/test/${file}`));
      // jest's own timing, else the measured figure, else the file's size (a 10 KB file: about 10 s of work).
      return this.time(test) ?? (known ? known[1] * 1000 : test.context.hasteFS.getSize(test.path) ?? 0);
    };
    const weighed = tests.map((test) => ({ test, failed: this.hasFailed(test), weight: estimate(test) }));
    weighed.sort((a, b) => Number(b.failed) - Number(a.failed) || b.weight - a.weight);
    return weighed.map((w) => w.test);
  }
}
