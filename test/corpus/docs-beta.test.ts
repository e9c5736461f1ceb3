import { describeDocsVersion } from "./docs.js";

describeDocsVersion("beta");
