import { describeDocsVersion } from "./docs.js";

describeDocsVersion("v1.0");
