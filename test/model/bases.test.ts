import { ancestorsOf, breakCycles, limitDepth } from "../../generator/model/bases.js";
import { modelFromCsdl } from "../../generator/model/csdl/build.js";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { buildModel } from "../../generator/model/docs/build.js";
import { codes, parsePage, resourcePage } from "../helpers.js";

const chain = (n: number): Map<string, string> => new Map(Array.from({ length: n - 1 }, (_, i) => [`t${i + 1}`, `t${i}`]));
const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i}`).sort();

describe("breakCycles", () => {
  test("drops the base of each cycle's first member in order, and reports the cycle from it", () => {
    const bases = new Map([["b", "c"], ["c", "a"], ["a", "b"], ["self", "self"], ["x", "a"], ["y", "z"]]);
    const cycles = breakCycles(["a", "b", "c", "self", "x", "y", "z"], bases);
    expect(cycles).toEqual([
      { dropped: "a", members: ["a", "b", "c", "a"] },
      { dropped: "self", members: ["self", "self"] },
    ]);
    expect([...bases]).toEqual([["b", "c"], ["c", "a"], ["x", "a"], ["y", "z"]]);
  });

  test("the same member is dropped whichever member the walk starts from", () => {
    for (const order of [["a", "b", "c"], ["c", "b", "a"]]) {
      const bases = new Map([["a", "b"], ["b", "c"], ["c", "a"]]);
      expect(breakCycles(order, bases)[0]!.dropped).toBe(order[0]);
    }
  });

  test("a 100,000-long chain ending in a cycle: linear, no recursion", () => {
    const bases = chain(100_000);
    bases.set("t0", "t99999");
    const cycles = breakCycles(keys(100_000), bases);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.members).toHaveLength(100_001);
    expect(bases.size).toBe(99_999);
  });
});

describe("limitDepth", () => {
  test("cuts the first type past the limit; the rest of the chain counts again from it", () => {
    const bases = chain(10);
    const cuts = limitDepth(keys(10), bases, 3);
    expect(cuts).toEqual([
      { key: "t4", base: "t3", root: "t0" },
      { key: "t8", base: "t7", root: "t4" },
    ]);
    expect(Math.max(...keys(10).map((k) => ancestorsOf(bases, k).length))).toBe(3);
  });

  test("which types are cut does not depend on the order they are visited in", () => {
    const forward = chain(50);
    const backward = chain(50);
    limitDepth(keys(50), forward, 7);
    limitDepth([...keys(50)].reverse(), backward, 7);
    expect([...backward].sort()).toEqual([...forward].sort());
  });

  test("a tree within the limit is untouched; a 100,000-deep chain is cut in linear time", () => {
    const tree = new Map([["b", "a"], ["c", "a"], ["d", "b"]]);
    expect(limitDepth(["a", "b", "c", "d"], tree, 2)).toEqual([]);
    const deep = chain(100_000);
    expect(limitDepth(keys(100_000), deep, 32)).toHaveLength(Math.floor(99_999 / 33));
  });
});

describe("the inheritance depth limit in both model builders", () => {
  const csdl = (n: number): string => {
    let types = `<EntityType Name="t0"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>`;
    for (let i = 1; i < n; i++) types += `\n<EntityType Name="t${i}" BaseType="ns.t${i - 1}"/>`;
    return `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="ns" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n${types}\n</Schema></edmx:DataServices></edmx:Edmx>`;
  };

  test("CSDL: a 3,000-deep BaseType chain is cut every 33 levels with GT1014 at the type, never a stack overflow", () => {
    const { document } = parseCsdl({ path: "deep.xml", text: csdl(3000) });
    const { model, diagnostics } = modelFromCsdl([document]);
    const cuts = diagnostics.filter((d) => d.code === "GT1014");
    expect(cuts).toHaveLength(Math.floor(2999 / 33));
    const first = cuts.find((d) => d.message.startsWith("ns.t33 "));
    expect(first).toMatchObject({ severity: "error", at: { file: "deep.xml", line: 35, column: 1 } });
    expect(first!.message).toBe("ns.t33 is more than 32 levels below ns.t0 (the inheritance depth limit: --max-inheritance-depth, config limits.maxInheritanceDepth); its base ns.t32 is dropped");
    const types = model.namespaces[0]!.types;
    expect(types.find((t) => t.name === "t33")!.baseType).toBeUndefined();
    expect(types.find((t) => t.name === "t34")!.baseType).toBe("ns.t33");
  });

  test("CSDL: the limit is an option, and a chain within it is kept whole", () => {
    const { document } = parseCsdl({ path: "deep.xml", text: csdl(40) });
    expect(codes(modelFromCsdl([document], { maxInheritanceDepth: 39 }).diagnostics)).not.toContain("GT1014");
    expect(codes(modelFromCsdl([document], { maxInheritanceDepth: 38 }).diagnostics)).toContain("GT1014");
  });

  test("docs: the same limit and diagnostic, at the type's annotation", () => {
    const pages = Array.from({ length: 6 }, (_, i) =>
      parsePage(resourcePage({ name: `t${i}`, namespace: "contoso", properties: ["|id|String|The id.|"], annotation: { blockType: "resource", "@odata.type": `contoso.t${i}`, ...(i ? { baseType: `contoso.t${i - 1}` } : {}) } }), `t${i}.md`).page,
    );
    const { model, diagnostics } = buildModel(pages, { maxInheritanceDepth: 2 });
    expect(diagnostics.filter((d) => d.code === "GT1014").map((d) => d.at?.file)).toEqual(["t3.md"]);
    expect(model.namespaces[0]!.types.find((t) => t.name === "t3")!.baseType).toBeUndefined();
  });
});
