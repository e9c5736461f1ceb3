import { describeCsdlDocument } from "./csdl.js";

describeCsdlDocument("beta-2021-06-08.xml");
describeCsdlDocument("beta-usnat.xml");
