/**
 * What the layouts of emit/print (pretty.ts, union.ts, function.ts) share: the format stage's print width and the
 * text they know prettier keeps as it is.
 */

/** prettier's printWidth in the format stage's fixed options. */
export const WIDTH = 100;

/** A key prettier prints as written: an identifier, or quoted because it must be (no escape inside). */
export const KEY = String.raw`(?:[\w$]+|"[^"\\]*[^\w$"][^"\\]*")`;

/** Plain type syntax: names, dots, `[]`, unions, generics, string literals without escapes. */
export const TYPE_TEXT = /^[\w$.<>[\]| ,"@#-]*$/;

/** An interface or type literal member: its key with `readonly` and `?` (1), its type (2). */
export const MEMBER = new RegExp(String.raw`^ {2}((?:readonly )?${KEY}\??:) (.+);$`);

/** A comment line, or a line inside a block comment: prettier never re-flows them, so they may be of any length. */
export const isComment = (line: string): boolean => /^\s*(\/\*|\*)/.test(line);

/**
 * A line prettier keeps as it is: no carriage return (it makes one a line break, also inside a comment), no trailing
 * whitespace (it trims it), and code in printable ASCII only (it counts a wide character as two columns and a
 * combining mark as none, and unquotes a key such as `"café"`); comments are not measured.
 */
export const isStableLine = (line: string): boolean => !/\r| $/.test(line) && (isComment(line) || /^[\x20-\x7e]*$/.test(line));

/**
 * Whether prettier prints the block comments among `lines` as they are. One whose lines after the first all start
 * with `*` (JSDoc style) it re-indents: each such line one space past the comment's start, trimmed; any other it
 * prints verbatim.
 */
export function commentsKeptAsWritten(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const start = /^ *\/\*/.exec(lines[i]!);
    if (!start) continue;
    let end = i;
    while (!lines[end]!.includes("*/")) if (++end === lines.length) return false;
    const indent = " ".repeat(start[0].length - 2);
    const rest = lines.slice(i + 1, end + 1);
    if (rest.every((line) => line.trimStart().startsWith("*")) && rest.some((line) => line !== `${indent} ${line.trim()}`)) return false;
    i = end;
  }
  return true;
}

/**
 * Whether prettier prints `text`, a file's leading comments (the banner), as it is: every line a line comment at
 * column 0 or in a block comment that starts at column 0 and ends its last line, kept as written, stable, no blank
 * line (prettier keeps one and drops more) and no control character (U+2028 ends a line comment), and no
 * `prettier-ignore` (which would keep the next statement as written).
 */
export function isKeptBanner(text: string): boolean {
  const lines = text.split("\n");
  if (!text || text.includes("prettier-ignore") || /[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/.test(text)) return false;
  if (!lines.every(isStableLine) || !commentsKeptAsWritten(lines)) return false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith("//")) continue;
    if (!lines[i]!.startsWith("/*") || lines[i]!.startsWith("/*/")) return false;
    let end = i;
    let close = lines[i]!.indexOf("*/", 2);
    while (close === -1) close = lines[++end]!.indexOf("*/"); // commentsKeptAsWritten found every comment's end
    if (close !== lines[end]!.length - 2) return false;
    i = end;
  }
  return true;
}
