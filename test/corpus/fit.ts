import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type ts from "typescript";
import type { GeneratedFile } from "../../generator/types/index.js";
import { nativeDiagnostics, STRICT_NODENEXT } from "./compile.js";
import { withoutAnnotations as stripAnnotations, type ResponseExample } from "./examples.js";

/** Types to check the examples against: files to write beside the checker, and how to name a type from there. */
export interface FitTarget {
  label: string;
  /** Written to `out/` beside the checker; none for an installed package. */
  files: readonly GeneratedFile[];
  /** The checker's import statements (from "./out/index.js", or a package). */
  imports: string;
  /** The type of a payload of this fqn as the checker writes it; undefined when the target has no such type. */
  payload(fqn: string): string | undefined;
  /** The type of a collection response of `item` (ours: the envelope; the official package has none). */
  collection(item: string): string;
  options?: ts.CompilerOptions;
  /**
   * The files are type-checked by another test, with these same options (docs v1.0: "the whole output compiles"):
   * their errors are that test's to report, and only the examples' are read here.
   */
  filesCheckedElsewhere?: boolean;
}

/** Why one example did not fit: the first error tsc gives, with the property it points at. */
export interface Misfit {
  id: string;
  code: number;
  /** The property name at the error (the key of the object literal member), or "" for the whole value. */
  property: string;
  message: string;
}

export interface Fit {
  label: string;
  /** Examples of a type the target declares. */
  total: number;
  /** Examples whose type the target does not declare (counted as misfits in the percentages). */
  missingType: number;
  asWritten: number;
  withoutAnnotations: number;
  misfits: Misfit[];
  /** Examples that fit only once their annotations are removed, with the error as written. */
  annotationMisfits: Misfit[];
  /** Misfits (without annotations) by error code and property: what kind of failures remain. */
  census: [string, number][];
}

const percent = (n: number, of: number): string => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;

export function describeFit(fit: Fit, of: number): string {
  return `${fit.label}: ${percent(fit.asWritten, of)} as written, ${percent(fit.withoutAnnotations, of)} without annotations (${fit.asWritten} / ${fit.withoutAnnotations} of ${of}; ${fit.missingType} of a type it lacks)`;
}

/** An error in the checker file: its 0-based line and offset, its code, its message chain joined by spaces. */
interface CheckerError {
  line: number;
  start: number;
  code: number;
  message: string;
}

/**
 * The checker file's errors, by TypeScript 7, in its order (by position). An error in the target's own files is
 * thrown (the types themselves must compile), unless another test checks those files with the same options.
 * TypeScript 5.9 found the same misfits (example, code, property, and the type an excess property is reported
 * against) for all four targets; only the order of union members in some messages differs. It took 12.4 s for
 * the four against 5.0 s.
 */
function checkerErrors(dir: string, checker: string, text: string, target: FitTarget): CheckerError[] {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return nativeDiagnostics(dir, [checker], { ...STRICT_NODENEXT, ...target.options }).flatMap((d) => {
    if (!d.file || d.code === undefined) throw new Error(`${target.label}: ${d.message}`);
    if (path.resolve(d.file) !== checker) {
      if (target.filesCheckedElsewhere) return [];
      throw new Error(`${target.label}: the types themselves do not compile: ${d.file}: ${d.message}`);
    }
    return [{ line: d.line - 1, start: lineStarts[d.line - 1]! + d.column - 1, code: d.code, message: d.message }];
  });
}

/**
 * Types every example as an object literal (`const e: T = <body>`, a collection as its collection type) in one
 * checker file, compiled once under --strict, and maps each error back to its example and property. Each body is
 * written twice: as the docs give it, and without `@odata.*` annotations.
 */
export function measureFit(examples: readonly ResponseExample[], target: FitTarget): Fit {
  const dir = mkdtempSync(path.join(os.tmpdir(), "graph-typegen-fit-"));
  try {
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }\n');
    mkdirSync(path.join(dir, "out"));
    for (const file of target.files) writeFileSync(path.join(dir, "out", file.path), file.text);
    const lines = [target.imports, ""];
    const owner: { id: string; stripped: boolean }[] = [];
    let missingType = 0;
    const declared = examples.filter((example) => {
      if (target.payload(example.type) !== undefined) return true;
      missingType++;
      return false;
    });
    for (const example of declared) {
      const item = target.payload(example.type)!;
      const type = example.collection ? target.collection(item) : item;
      for (const stripped of [false, true]) {
        const body = JSON.stringify(stripped ? stripAnnotations(example.body) : example.body, null, 1).split("\n");
        const name = `e${owner.length}`;
        lines.push(`export const ${name}: ${type} = ${body[0]}`, ...body.slice(1));
        lines[lines.length - 1] += ";";
        while (owner.length < lines.length) owner.push({ id: example.id, stripped });
      }
    }
    const checker = path.join(dir, "checker.ts");
    const text = lines.join("\n");
    writeFileSync(checker, text);
    const failed = new Map<string, Misfit>();
    const failedStripped = new Set<string>();
    for (const d of checkerErrors(dir, checker, text, target)) {
      const at = owner[d.line];
      if (!at) throw new Error(`${target.label}: an error outside the examples: ${d.message}`);
      const key = /^\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(text.slice(d.start, d.start + 300))?.[1] ?? "";
      const misfit = { id: at.id, code: d.code, property: key, message: d.message };
      if (at.stripped) {
        if (!failedStripped.has(at.id)) failedStripped.add(at.id);
        if (!failed.has(`${at.id} stripped`)) failed.set(`${at.id} stripped`, misfit);
      } else if (!failed.has(at.id)) failed.set(at.id, misfit);
    }
    const ids = declared.map((e) => e.id);
    const asWritten = ids.filter((id) => !failed.has(id)).length;
    const withoutAnnotations = ids.filter((id) => !failedStripped.has(id)).length;
    const stripped = [...failed.entries()].filter(([key]) => key.endsWith(" stripped")).map(([, m]) => m);
    const census = new Map<string, number>();
    for (const m of stripped) census.set(`TS${m.code} ${m.property || "(value)"}`, (census.get(`TS${m.code} ${m.property || "(value)"}`) ?? 0) + 1);
    return {
      label: target.label,
      total: declared.length,
      missingType,
      asWritten,
      withoutAnnotations,
      misfits: stripped,
      annotationMisfits: ids.filter((id) => failed.has(id) && !failedStripped.has(id)).map((id) => failed.get(id)!),
      census: [...census.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
