/** Where something was written: a file as the user named it (posix, relative to the working directory), 1-based. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/** A value together with the place it came from, so every later stage can point back at the source. */
export interface Located<T> {
  value: T;
  at: Position;
}

/** One input file as read from disk. The read stage is the only one that touches the file system. */
export interface SourceText {
  /** Display path: posix separators, relative to the working directory when inside it. */
  path: string;
  text: string;
  /** What the read stage was told the file is (`--csdl` means CSDL whatever the name); absent: by its extension. */
  kind?: "markdown" | "csdl";
}

/** One file the generator produces, relative to the output folder (posix separators). */
export interface GeneratedFile {
  path: string;
  text: string;
  /**
   * From the emit stage: `text` cut between top-level statements into runs that format independently (`text` is
   * their texts joined by "\n"), each with a content hash, so the format stage can cache them one by one.
   */
  chunks?: readonly { readonly key: string; readonly text: string; readonly parts?: readonly { readonly text: string; readonly formatted: boolean }[] }[];
}

/**
 * The cache's store of stage results that are text (formatted chunks, compiled modules), keyed by content hashes.
 * `version` names the code the results depend on beyond the key's own input (the printer that made a chunk's text,
 * the compile stage), so a change to that code never reads an entry made by the old one.
 */
export interface ChunkStore {
  getChunk(key: string): string | undefined;
  setChunk(key: string, text: string): void;
  readonly version: string;
}
