export type * from "./source.js";
export type * from "./records.js";
export type * from "./model.js";
export type * from "./csdl.js";
export * from "./diagnostic.js";
export * from "./limits.js";
