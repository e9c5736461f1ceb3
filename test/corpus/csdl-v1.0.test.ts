import { describeCsdlDocument } from "./csdl.js";

describeCsdlDocument("v1.0.xml");
