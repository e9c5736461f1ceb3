import fc from "fast-check";
import { jest } from "@jest/globals";
import { typeIdentifier } from "../../generator/emit/names.js";
import type { EnumType, Model, PrimitiveName, Property, StructuredType, TypeUse } from "../../generator/types/index.js";
import { compileErrors } from "../corpus/compile.js";
import { at, emitted, modelOf } from "../emit/model-builder.js";
import { options, SEED } from "./properties.js";

/**
 * The emit half of the hostile-input guarantee: any model the model stage can produce (acyclic inheritance,
 * unique names, redeclarations only to narrow an enum) emits TypeScript that compiles under --strict, whatever
 * the names and descriptions contain.
 */
jest.setTimeout(300_000);

export const MODEL_RUNS = 20;

const PRIMITIVES: PrimitiveName[] = ["String", "Int32", "Int64", "Boolean", "DateTimeOffset", "Guid", "Binary", "Double", "Stream", "Json", "Duration"];
const NAMESPACES = ["microsoft.graph", "microsoft.graph.partners.billing", "contoso.tools-v2", "class", "odata.x"];
const NAME = fc.oneof(
  fc.constantFrom("default", "class", "delete", "new", "function", "constructor", "toString", "1st", "a-b", "set", "object", "value", "id", "is", "any"),
  fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/),
);
const TEXT = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("ends */ here", "${x}", "`tick`", "</script>", "\u0001\u0007 control", "back\\slash", "*/ /* */"));

/** Unique by what emit makes of a name, since the model stage never hands emit two names that collide. */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = typeIdentifier(n).toLowerCase();
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({
    typeNames: fc.array(NAME, { minLength: 1, maxLength: 8 }),
    enumNames: fc.array(NAME, { maxLength: 3 }),
    seeds: fc.array(fc.record({ ns: fc.nat(), base: fc.nat(), abstract: fc.boolean(), entity: fc.boolean(), description: TEXT, props: fc.array(fc.record({ name: NAME, kind: fc.nat(), ref: fc.nat(), collection: fc.boolean(), nullable: fc.boolean(), deprecated: fc.boolean(), description: TEXT }), { maxLength: 5 }) }), { minLength: 8, maxLength: 8 }),
    members: fc.array(fc.array(NAME, { minLength: 1, maxLength: 5 }), { minLength: 3, maxLength: 3 }),
    flags: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    narrow: fc.boolean(),
  })
  .map(({ typeNames, enumNames, seeds, members, flags, narrow }) => {
    const names = unique([...typeNames, ...enumNames]);
    const typeCount = Math.max(1, names.length - enumNames.length);
    const enums: EnumType[] = names.slice(typeCount).map((name, i) => {
      const memberNames = [...new Set(members[i % 3])];
      const namespace = NAMESPACES[i % NAMESPACES.length];
      return { name, namespace, fqn: `${namespace}.${name}`, members: memberNames.map((m, v) => ({ name: m, value: flags[i % 3] ? 2 ** v : v })), flags: flags[i % 3], at };
    });
    const types: StructuredType[] = [];
    names.slice(0, typeCount).forEach((name, i) => {
      const seed = seeds[i % seeds.length];
      const namespace = NAMESPACES[seed.ns % NAMESPACES.length];
      const base = i > 0 && seed.base % 3 !== 0 ? types[seed.base % i] : undefined;
      const inherited = new Set<string>();
      for (let b = base; b; b = types.find((t) => t.fqn === b!.baseType)) b.properties.forEach((p) => inherited.add(p.name));
      const properties: Property[] = [];
      for (const p of seed.props) {
        if (inherited.has(p.name) || properties.some((q) => q.name === p.name)) continue;
        const targets = [...types, ...enums];
        const choice = p.kind % 4;
        const type: TypeUse =
          choice === 0 || !targets.length ? { kind: "primitive", edm: PRIMITIVES[p.ref % PRIMITIVES.length] } : choice === 3 ? { kind: "unknown", written: p.description } : { kind: "named", fqn: targets[p.ref % targets.length].fqn };
        properties.push({ name: p.name, type, collection: p.collection, nullable: p.collection ? false : p.nullable, deprecated: p.deprecated, navigation: false, description: p.description, at });
      }
      // A derived type may narrow an inherited enum property to a subset of its members.
      const enumProperty = base?.properties.find((p) => p.type.kind === "named" && enums.some((e) => e.fqn === (p.type as { fqn: string }).fqn && !e.flags) && !p.collection);
      if (narrow && enumProperty && !properties.some((p) => p.name === enumProperty.name)) {
        const members = enums.find((e) => e.fqn === (enumProperty.type as { fqn: string }).fqn)!.members;
        properties.push({ ...enumProperty, narrowedTo: [members[0].name] });
      }
      types.push({ kind: seed.entity || base?.kind === "entity" ? "entity" : "complex", name, namespace, fqn: `${namespace}.${name}`, abstract: seed.abstract, openType: false, properties, at, description: seed.description, ...(base ? { baseType: base.fqn } : {}) });
    });
    // a derived entity stays an entity only when its base is one: OData does not mix the kinds
    for (const type of types) if (type.baseType) type.kind = types.find((t) => t.fqn === type.baseType)!.kind;
    return modelOf(...types, ...enums);
  });

test(`${MODEL_RUNS} generated models emit TypeScript that compiles under --strict, in both layouts`, async () => {
  await fc.assert(
    fc.asyncProperty(modelArbitrary, async (model) => {
      for (const layout of ["modules", "single"] as const) {
        const files = Object.entries(await emitted(model, { layout })).map(([path, text]) => ({ path, text }));
        expect(compileErrors(files)).toEqual([]);
      }
    }),
    options(MODEL_RUNS),
  );
  expect(SEED).toBe(42);
});
