import { describeMergeCorpus } from "../model/merge-corpus.js";
import { describeDocsVersion } from "./docs.js";
import { describeResponseExamples } from "./response-examples.js";

// One generation of graph-docs/v1.0 for the three suites that read it (see docsRun).
describeDocsVersion("v1.0");
describeResponseExamples();
describeMergeCorpus();
