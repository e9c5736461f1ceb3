/**
 * No import cycle among generator/**\/*.ts: a cycle makes module order matter (an import seen as undefined at load
 * time) and ties the edges together. Static imports, `export ... from` and `import()` with a literal all count,
 * type-only ones too (they are the ones that drift into cycles unnoticed).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers.js";

const GENERATOR = path.join(ROOT, "generator");
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : e.name.endsWith(".ts") ? [file] : [];
  });
}

/** Each file's relative imports that are generator files. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, "utf8");
      const targets = [...text.matchAll(SPECIFIER)]
        .map((m) => m[1] ?? m[2] ?? m[3])
        .filter((s) => s.startsWith("."))
        .map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, ".ts"));
      return [file, targets.filter((t) => known.has(t))];
    }),
  );
}

/** One cycle per strongly connected component with more than one file (or a file importing itself). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

test("the cycle finder finds a cycle in a small graph, and none in a chain", () => {
  expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual([["a", "b", "c", "a"]]);
  expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
});

test("no import cycle among generator/ files", () => {
  const files = sources(GENERATOR);
  expect(files.length).toBeGreaterThan(50);
  const graph = importGraph(files);
  // The parser sees what the compiler sees: the entry point imports the pipeline and the config.
  expect(graph.get(path.join(GENERATOR, "index.ts"))).toContain(path.join(GENERATOR, "pipeline.ts"));
  const shown = cycles(graph).map((c) => c.map((f) => path.relative(GENERATOR, f)).join(" -> "));
  expect(shown).toEqual([]);
});
