import { createHash } from "node:crypto";
import type { StatementStructures } from "ts-morph";
import { prettyStatement } from "./pretty.js";
import { isKeptBanner } from "./style.js";
import { isImport, printStatement, printStatements } from "./statement.js";
import { StructureKind } from "../ts-morph.js";

/**
 * A module's top-level statements cut into runs ("chunks") that prettier formats one at a time: prettier formats
 * top-level statements independently, so the formatted chunks joined by a blank line are byte-for-byte the
 * formatted file (checked on the corpus output). Small runs format faster than one multi-megabyte file, can be
 * cached one by one: that is why the cuts are content-defined. A cut follows a statement whose name hashes to 0
 * modulo CHUNK_SPACING, so editing one type changes one chunk, and adding or removing a type never moves the cuts
 * elsewhere in the module.
 */
const CHUNK_SPACING = 48;

/**
 * A run is also cut once its structures pass this size (as JSON, about twice the printed text), so that the chunk
 * a one-page edit leaves to print and format is small: 20 to 30 KB rather than up to 150 KB. A forced cut
 * realigns with the named ones at the next named cut.
 */
const MAX_CHUNK_JSON = 48_000;

/** The declared name of a top-level statement, if it has one (a variable statement: its first declaration). */
function statementName(statement: StatementStructures): string | undefined {
  if (statement.kind === StructureKind.VariableStatement) return statement.declarations[0]?.name;
  return "name" in statement && typeof statement.name === "string" ? statement.name : undefined;
}

/** FNV-1a: a fast, stable string hash (the same on every machine and Node version). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Cuts statements into chunks. Never between two imports or exports: those are printed without a blank line
 * between them, and a cut there would add one.
 */
function chunkStatements(statements: readonly StatementStructures[], json: readonly string[]): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let size = 0;
  statements.forEach((statement, i) => {
    current.push(i);
    size += json[i]!.length;
    const next = statements[i + 1];
    if (!next || (isImport(statement) && isImport(next))) return;
    const name = statementName(statement);
    if ((name !== undefined && hash(name) % CHUNK_SPACING === 0) || size >= MAX_CHUNK_JSON) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  });
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * One chunk of a file: `key` is a content hash of everything its text is printed from, known without printing it
 * (what prints it, ts-morph and this folder's code, is the chunk store's version: cache/cache.ts PRINT_CACHE_VERSION),
 * and `text` is printed on first use. A run whose format cache already holds the chunk (a re-run after an edit
 * elsewhere) never prints it: on the v1.0 docs, printing is most of what such a run would otherwise spend.
 */
export interface EmittedChunk {
  readonly key: string;
  readonly text: string;
  /**
   * The same statements as runs that prettier must format and statements already in its layout (see pretty.ts);
   * formatted, joined by "\n", they are the formatted chunk. Printed on first use, like `text`.
   */
  readonly parts: readonly ChunkPart[];
}

export interface ChunkPart {
  readonly text: string;
  /** Already in prettier's layout: the format stage takes it as it is. */
  readonly formatted: boolean;
}

/**
 * Each statement printed alone; one that is already in prettier's layout is a part of its own, and the ones between
 * are printed together, as in `text`, for prettier. The prefix (the banner, ending in a blank line) is a part of its
 * own when prettier keeps it as it is; else it starts the first run, with the first statement, which its comments
 * lead. Imports are printed without a blank line between them, so a group of them is one part, or all in a run.
 */
function chunkParts(prefix: string, statements: readonly StatementStructures[]): ChunkPart[] {
  const banner = bannerPart(prefix);
  const parts: ChunkPart[] = banner ? [banner] : [];
  let run = banner ? "" : prefix;
  // Whether the run holds a statement yet (it may hold only the prefix).
  let continued = false;
  const printed = statements.map((statement) => {
    let text: string | undefined;
    return (): string => (text ??= printStatement(statement));
  });
  const pretty = statements.map((statement, i) => (run && i === 0 ? undefined : prettyStatement(statement, printed[i]!)));
  unclaimPartialImportGroups(statements, pretty);
  statements.forEach((statement, i) => {
    const previous = statements[i - 1];
    const joined = previous !== undefined && isImport(previous) && isImport(statement);
    const text = pretty[i];
    if (text === undefined) {
      // Joined as printStatements joins them: a blank line between statements, none between two imports.
      run += continued && !joined ? `\n${printed[i]!()}` : printed[i]!();
      continued = true;
      return;
    }
    if (run) parts.push({ text: run, formatted: false });
    run = "";
    continued = false;
    if (joined && pretty[i - 1] !== undefined) parts[parts.length - 1] = { text: parts[parts.length - 1]!.text + text, formatted: true };
    else parts.push({ text, formatted: true });
  });
  if (run) parts.push({ text: run, formatted: false });
  return parts;
}

/** The prefix (a banner and the blank line after it) as a part in prettier's layout, when prettier keeps it as it is. */
function bannerPart(prefix: string): ChunkPart | undefined {
  return prefix.endsWith("\n\n") && isKeptBanner(prefix.slice(0, -2)) ? { text: prefix.slice(0, -1), formatted: true } : undefined;
}

/** A group of consecutive imports is claimed whole or not at all (see chunkParts). */
function unclaimPartialImportGroups(statements: readonly StatementStructures[], pretty: (string | undefined)[]): void {
  for (let start = 0; start < statements.length; start++) {
    if (!isImport(statements[start]!)) continue;
    let end = start;
    while (end + 1 < statements.length && isImport(statements[end + 1]!)) end++;
    if (pretty.slice(start, end + 1).includes(undefined)) pretty.fill(undefined, start, end + 1);
    start = end;
  }
}

/**
 * The user's text that runtime.ts's one chunk holds between the banner and the envelope's statements: never cut, and
 * taken as it is only when `formatted` (the package's own template, which a test holds in prettier's layout); else it
 * goes to prettier with the banner, whose comments lead it.
 */
interface Template {
  readonly text: string;
  readonly formatted: boolean;
}

function chunk(prefix: string, statements: readonly StatementStructures[], json: readonly string[], template?: Template): EmittedChunk {
  const hash = template ? createHash("sha256").update("template\0").update(prefix).update("\0").update(template.text) : createHash("sha256").update(prefix);
  for (const statement of json) hash.update("\0").update(statement);
  const key = hash.digest("hex");
  let text: string | undefined;
  let parts: ChunkPart[] | undefined;
  const head = (template: Template): ChunkPart[] => {
    const banner = template.formatted ? bannerPart(prefix) : undefined;
    return banner ? [banner, { text: `${template.text}\n`, formatted: true }] : [{ text: `${prefix}${template.text}\n`, formatted: false }];
  };
  return {
    key,
    get text(): string {
      return (text ??= prefix + (template ? `${template.text}\n\n` : "") + printStatements(statements));
    },
    get parts(): ChunkPart[] {
      return (parts ??= template ? [...head(template), ...chunkParts("", statements)] : chunkParts(prefix, statements));
    },
  };
}

/** A file's statements as chunks; `prefix` (the banner) starts the first. */
export function emitChunks(statements: readonly StatementStructures[], prefix: string): EmittedChunk[] {
  // Structures are plain data (strings, numbers, booleans, arrays, objects), so their JSON is all that they say.
  const json = statements.map((statement) => JSON.stringify(statement));
  const runs = chunkStatements(statements, json);
  return (runs.length ? runs : [[]]).map((run, i) =>
    chunk(
      i === 0 ? prefix : "",
      run.map((index) => statements[index]!),
      run.map((index) => json[index]!),
    ),
  );
}

/** runtime.ts as one chunk: the prefix (the banner), the template's helpers (see Template), then the envelope's statements. */
export function emitTemplateChunk(prefix: string, template: string, formatted: boolean, statements: readonly StatementStructures[]): EmittedChunk {
  const json = statements.map((statement) => JSON.stringify(statement));
  return chunk(prefix, statements, json, template ? { text: template, formatted } : undefined);
}
