import { structuredPatch, type StructuredPatchHunk } from "diff";

/**
 * Unified diffs and git-style diff stats for `--check`: pure functions of the old and new texts. `null` is "no such
 * file": a missing file diffs as all added (`--- /dev/null`), a file that would be deleted as all removed.
 */

/** One file as `--check` sees it: its committed text and the text generate would write (`null`: none). */
export interface FileChange {
  /** The name shown, e.g. `output/microsoft.graph.ts` (without the `a/`/`b/` prefixes). */
  file: string;
  before: string | null;
  after: string | null;
}

/** A diff that takes longer than this (a whole file rewritten, huge output) falls back to "all removed, all added". */
const DIFF_TIMEOUT_MS = 5000;
const CONTEXT = 3;

function splitLines(text: string): string[] {
  if (!text) return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The whole file replaced, as one hunk: what a timed-out diff shows. */
function replaceAll(before: string, after: string): StructuredPatchHunk[] {
  const removed = splitLines(before);
  const added = splitLines(after);
  const lines = [...removed.map((l) => `-${l}`), ...(before && !before.endsWith("\n") ? ["\\ No newline at end of file"] : []), ...added.map((l) => `+${l}`), ...(after && !after.endsWith("\n") ? ["\\ No newline at end of file"] : [])];
  return [{ oldStart: 1, oldLines: removed.length, newStart: 1, newLines: added.length, lines }];
}

function hunksOf(before: string, after: string): StructuredPatchHunk[] {
  if (before === after) return [];
  const patch = structuredPatch("a", "b", before, after, undefined, undefined, { context: CONTEXT, timeout: DIFF_TIMEOUT_MS });
  return patch ? patch.hunks : replaceAll(before, after);
}

/**
 * `-3,2` as git and GNU diff write it: the count is left out when it is 1, and an empty range names the line before
 * it (jsdiff names the line after).
 */
function range(start: number, count: number): string {
  const first = count === 0 ? Math.max(0, start - 1) : start;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/** The unified diff of one file (3 lines of context, git's headers); `""` when nothing changed. */
export function unifiedDiff(before: string | null, after: string | null, file: string): string {
  if (before === after) return "";
  const hunks = hunksOf(before ?? "", after ?? "");
  if (!hunks.length) return "";
  const lines = [before === null ? "--- /dev/null" : `--- a/${file}`, after === null ? "+++ /dev/null" : `+++ b/${file}`];
  for (const hunk of hunks) {
    lines.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines);
  }
  return `${lines.join("\n")}\n`;
}

/** Lines added and removed between two texts. */
export function changedLines(before: string | null, after: string | null): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const hunk of hunksOf(before ?? "", after ?? "")) {
    for (const line of hunk.lines) {
      if (line.startsWith("+")) added++;
      else if (line.startsWith("-")) removed++;
    }
  }
  return { added, removed };
}

/** The unified diffs of several files, one after the other, in the order given. */
export function unifiedDiffs(changes: readonly FileChange[]): string {
  return changes.map((c) => unifiedDiff(c.before, c.after, c.file)).join("");
}

const STAT_COLUMNS = 80;
const plural = (n: number, word: string, suffix = "s"): string => `${n} ${word}${n === 1 ? "" : suffix}`;

/**
 * `git diff --stat`: ` output/x.ts | 12 +++++-----` per file, the bars scaled to fit 80 columns, then
 * ` 2 files changed, 7 insertions(+), 5 deletions(-)`. `""` when no file changed.
 */
export function diffStat(changes: readonly FileChange[]): string {
  const rows = changes.map((c) => ({ file: c.file, ...changedLines(c.before, c.after) }));
  if (!rows.length) return "";
  const nameWidth = Math.max(...rows.map((r) => r.file.length));
  const maxChange = Math.max(...rows.map((r) => r.added + r.removed));
  const numberWidth = String(maxChange).length;
  const barWidth = Math.max(10, STAT_COLUMNS - nameWidth - numberWidth - 5);
  // git's scale_linear: a non-zero count gets at least one character. As in git, the total is scaled and the smaller
  // side, so the bars of two files compare as their totals do.
  const scale = (n: number): number => (n === 0 ? 0 : 1 + Math.floor((n * (barWidth - 1)) / maxChange));
  const bars = (added: number, removed: number): [number, number] => {
    if (maxChange <= barWidth) return [added, removed];
    let total = scale(added + removed);
    if (total < 2 && added && removed) total = 2;
    if (added < removed) {
      const plus = scale(added);
      return [plus, total - plus];
    }
    const minus = scale(removed);
    return [total - minus, minus];
  };
  const lines = rows.map((r) => {
    const [plus, minus] = bars(r.added, r.removed);
    const bar = `${"+".repeat(plus)}${"-".repeat(minus)}`;
    return ` ${r.file.padEnd(nameWidth)} | ${String(r.added + r.removed).padStart(numberWidth)}${bar ? ` ${bar}` : ""}`;
  });
  const added = rows.reduce((sum, r) => sum + r.added, 0);
  const removed = rows.reduce((sum, r) => sum + r.removed, 0);
  const parts = [plural(rows.length, "file") + " changed"];
  if (added || !removed) parts.push(`${plural(added, "insertion")}(+)`);
  if (removed || !added) parts.push(`${plural(removed, "deletion")}(-)`);
  lines.push(` ${parts.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
