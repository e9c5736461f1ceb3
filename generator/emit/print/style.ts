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
