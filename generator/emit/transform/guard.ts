import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../ts-morph.js";
import type { PrimitiveName, Property, StructuredType } from "../../types/index.js";
import type { EmitContext } from "../context.js";
import { jsDoc } from "../docs.js";
import { propertyKey } from "../names.js";
import { schemaLayout, withLayout } from "../print/pretty.js";
import { mayBeNull } from "../type-text.js";

/** The runtime's check letter for each primitive (see `PropertySpec` in templates/runtime.ts). */
const PRIMITIVE_KINDS: Readonly<Record<PrimitiveName, string>> = {
  String: "s", Guid: "s", Date: "s", TimeOfDay: "s", Duration: "s", DateTimeOffset: "s", Binary: "s",
  Int16: "n", Int32: "n", Int64: "n", Single: "n", Double: "n", Decimal: "n", Byte: "n", SByte: "n",
  Boolean: "b",
  Stream: "u", Json: "u", Untyped: "u",
};

/**
 * How the runtime checks one property, as the property's TypeScript type reads: `"s?"` a nullable string,
 * `["*", () => ASSIGNED_LICENSE_SCHEMA]` a collection of a structured type. A relationship to an entity is only
 * checked to be an object (`"o"`): it is present only with `$expand`, and referring to the target's schema would
 * pull every schema of the model into a bundle that uses one guard.
 */
function propertySpec(property: Property, ctx: EmitContext): string {
  const { scope, hierarchy } = ctx;
  const modifiers = `${property.collection ? "*" : ""}${mayBeNull(property, scope.plan.shape.nullable) ? "?" : ""}`;
  const type = property.type;
  if (type.kind === "unknown") return JSON.stringify(`${modifiers}u`);
  if (type.kind === "primitive") return JSON.stringify(`${modifiers}${PRIMITIVE_KINDS[type.edm]}`);
  // The plan declares only what is emitted: a type in a left-out namespace (namespaces option) is any value.
  const declared = scope.plan.declared.get(type.fqn);
  if (!declared) return JSON.stringify(`${modifiers}u`);
  if (declared.kind === "typeDefinition") return JSON.stringify(`${modifiers}${PRIMITIVE_KINDS[declared.underlying ?? "String"]}`);
  if (declared.kind === "enum") {
    const flags = scope.isFlags(type.fqn) ? "," : "";
    const members = property.narrowedTo?.length ? `[${property.narrowedTo.map((m) => JSON.stringify(m)).join(", ")}]` : scope.referRuntime(type.fqn, "enum");
    return `[${JSON.stringify(modifiers + flags)}, () => ${members}]`;
  }
  if (property.navigation && hierarchy.type(type.fqn)?.kind === "entity") return JSON.stringify(`${modifiers}o`);
  return `[${JSON.stringify(modifiers)}, () => ${scope.referRuntime(type.fqn, "schema")}]`;
}

/**
 * The validation schema of a structured type and its guard, `conforms` to it. A type with derived types has two:
 * the type alone (`*_EXACT_SCHEMA`: its properties and its base's), which its derived types and its own bases'
 * lists refer to, and the type with every type derived from it (`*_SCHEMA`), which properties of the type refer to.
 * So using a guard bundles the schemas of its bases' properties, not every type derived from those bases. Each
 * schema is one pure call, so a bundle keeps only the schemas its guards reach.
 */
export function transformGuard(type: StructuredType, ctx: EmitContext): StatementStructures[] {
  const { scope, hierarchy } = ctx;
  const declared = scope.plan.declared.get(type.fqn)!;
  const { name } = declared;
  // The guard narrows to the `Any*` union where the type has one (the plan names one exactly then).
  const guarded = declared.union ?? name;
  const schemaType = scope.plan.namespaces.get(scope.namespace)!.schemaType;
  const base = type.baseType && scope.plan.declared.has(type.baseType) ? `() => ${scope.referRuntime(type.baseType, "exact")}` : "undefined";
  const properties = type.properties.map((p) => `${propertyKey(p.name)}: ${propertySpec(p, ctx)},`);
  const fqn = JSON.stringify(type.fqn);
  const derived = hierarchy.descendants(type.fqn).filter((d) => scope.plan.declared.has(d.fqn)).map((d) => scope.referRuntime(d.fqn, "exact"));
  // The arguments as text (for ts-morph) and as parts (for the layout prettier would give them, see print/pretty.ts).
  const schema = (docs: string, schemaName: string, of: string, [baseArg, props, subtypes]: [base: string, props: readonly string[], subtypes?: readonly string[]]): StatementStructures => {
    const args = [fqn, baseArg, props.length ? `() => ({\n${props.join("\n")}\n})` : "() => ({})", ...(subtypes ? [`(d) => d(${subtypes.join(", ")})`] : [])];
    const head = `export const ${schemaName}: ${schemaType}<${of}>`;
    return withLayout(
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: jsDoc(docs),
        declarations: [{ name: schemaName, type: `${schemaType}<${of}>`, initializer: `/* @__PURE__ */ typeSchema(${args.join(", ")})` }],
      },
      () => schemaLayout(head, fqn, baseArg, props, subtypes),
    );
  };
  const statements = declared.exactSchema
    ? [
        schema(`The properties of {@link ${name}} alone, without the types derived from it.`, declared.exactSchema, name, [base, properties]),
        schema(`What {@link ${declared.guard}} checks: {@link ${name}} or a type derived from it.`, declared.schema!, guarded, [`() => ${declared.exactSchema}`, [], derived]),
      ]
    : [schema(`What {@link ${declared.guard}} checks: the properties of {@link ${name}}.`, declared.schema!, guarded, [base, properties])];
  return [
    ...statements,
    {
      kind: StructureKind.Function,
      isExported: true,
      name: declared.guard!,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${guarded}`,
      docs: jsDoc(`Whether \`value\` is a {@link ${name}} payload, by its shape and its \`@odata.type\`, if any (see \`validate\`); \`validate(value, ${declared.schema})\` says why not.`),
      statements: `return conforms(value, ${declared.schema});`,
    },
  ];
}
