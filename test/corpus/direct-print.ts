import { emitStructures, type EmitOptions } from "../../generator/emit/index.js";
import { printDirectly, printStatements, printWithTsMorph } from "../../generator/emit/print/statement.js";
import type { Model } from "../../generator/types/index.js";

/**
 * Every statement the emitter writes directly (emit/print/statement.ts) against ts-morph's print of it, and every
 * file's statements joined against ts-morph's print of the whole file: the names of the statements and files that
 * differ, and how many statements were written directly.
 */
export function directPrintDifferences(model: Model, options: EmitOptions): { differing: string[]; direct: number; total: number } {
  const { files, runtime } = emitStructures(model, options);
  const differing: string[] = [];
  let direct = 0;
  let total = 0;
  for (const file of runtime ? [...files, runtime] : files) {
    for (const statement of file.statements) {
      total++;
      const text = printDirectly(statement);
      if (text === undefined) continue;
      direct++;
      if (text !== printWithTsMorph([statement])) differing.push(`${file.path}: ${"name" in statement ? statement.name : statement.kind}`);
    }
    if (printStatements(file.statements) !== printWithTsMorph(file.statements)) differing.push(file.path);
  }
  return { differing, direct, total };
}
