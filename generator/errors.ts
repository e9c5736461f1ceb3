/** A bug in graph-typegen (not in the input), tagged with the file it was processing so users can report it. */
export class InternalError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = "InternalError";
  }
}
