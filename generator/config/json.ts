import { lineAndColumnAt } from "../types/index.js";
import { ConfigError } from "./vocabulary.js";

/** A config file's JSON, or a ConfigError naming the file and the line:column of the first syntax error. */
export function parseJson(text: string, shown: string): unknown {
  const json = text.replace(/^\uFEFF/, ""); // editors on Windows may save a BOM, which JSON.parse rejects
  try {
    return JSON.parse(json);
  } catch {
    const at = jsonErrorOffset(json);
    const { line, column } = lineAndColumnAt(json, at);
    const char = json[at];
    const found = at >= json.length ? "end of file" : /[\s\x00-\x1f']/.test(char) ? JSON.stringify(char) : `'${char}'`;
    throw new ConfigError(`${shown}:${line}:${column}: not valid JSON: unexpected ${found}`);
  }
}

/**
 * The offset of the first syntax error. JSON.parse's messages differ between Node versions and some carry no
 * position at all ("Unexpected token 'x', ... is not valid JSON"), so we find it with a small scanner.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const expect = (char: string): void => {
    space();
    if (text[i] !== char) fail();
    i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length || text[i] < " ") fail();
      if (text[i] === '"') return void i++;
      if (text[i] === "\\") {
        i++;
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i, i + 5))) fail();
        i += text[i] === "u" ? 5 : 1;
      } else i++;
    }
  };
  const list = (close: string, item: () => void): void => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      expect(",");
    }
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const value = (): void => {
    space();
    if (text[i] === "{") return list("}", () => (string(), expect(":"), value()));
    if (text[i] === "[") return list("]", value);
    if (text[i] === '"') return string();
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (at) {
    return typeof at === "number" ? at : 0; // a RangeError: nested deeper than the stack; point at the start
  }
  return 0;
}

