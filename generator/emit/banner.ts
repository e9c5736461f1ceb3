/**
 * The banner with `{{sources}}` filled in. The labels come from outside (input paths, which may hold any
 * character): escaped so that none can end the comment they land in (a block comment's `*\/`, a line comment's
 * line break), and inserted by a function, not a replacement string, where `$'` or `$&` would be patterns.
 */
export function fillBanner(banner: string, sources: readonly string[]): string {
  const labels = escapeCommentText(sources.join(", "));
  return banner.replace(/\{\{\s*sources\s*\}\}/g, () => labels).trimEnd();
}

/**
 * Text safe inside any comment: `*\/` broken up, line terminators and other control characters as `\uXXXX`, and a
 * leading `/` or trailing `*` escaped too, since the template's own `*` or `/` may stand right beside it.
 */
export function escapeCommentText(text: string): string {
  const hex = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, hex)
    .replace(/^\//, hex)
    .replace(/\*$/, hex);
}
