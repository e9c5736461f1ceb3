import type { StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "../ts-morph.js";
import type { EnumType } from "../../types/index.js";
import { writesGuards, type EmitContext } from "../context.js";
import { deprecationTags, docComment, jsDoc } from "../docs.js";
import { enumIdentifier, guardName, propertyKey } from "../names.js";
import { enumObjectLayout, withLayout } from "../print/pretty.js";

/** An enum member name that needs no quotes. */
const ENUM_MEMBER = /^[A-Za-z_$][\w$]*$/;

/** The statements that declare one enum: the union type and, with a runtime, the frozen object of its members and a guard. */
export function transformEnum(enumType: EnumType, ctx: EmitContext): StatementStructures[] {
  const declared = ctx.plan.declared.get(enumType.fqn);
  const name = declared?.name ?? enumIdentifier(enumType.name);
  // The single layout is declarations only: no frozen object or enum (they are values), so always the union.
  const style = ctx.runtime ? ctx.plan.shape.enumStyle : "union";
  // A union member cannot carry a comment of its own, so the type says which members are deprecated.
  const deprecatedMembers = style === "enum" ? [] : enumType.members.filter((m) => m.deprecation).map((m) => `Deprecated member \`${m.name}\`: ${m.deprecation}`);
  const description = [enumType.description ?? `The members of the ${enumType.fqn} enumeration.`, ...deprecatedMembers].join("\n\n");
  const docs = jsDoc(description, deprecationTags(enumType.deprecation));
  const statements: StatementStructures[] = [style === "enum" ? enumDeclaration(enumType, name, docs) : unionAlias(enumType, name, style, docs)];
  if (!ctx.runtime) return statements;
  if (style !== "enum") statements.push(memberObject(enumType, name));
  if (writesGuards(ctx)) statements.push(enumGuard(enumType, name, declared?.guard ?? guardName(name)));
  return statements;
}

type Docs = ReturnType<typeof jsDoc>;

function enumDeclaration(enumType: EnumType, name: string, docs: Docs): StatementStructures {
  return {
    kind: StructureKind.Enum,
    name,
    isExported: true,
    docs,
    members: enumType.members.map((m) => ({
      name: ENUM_MEMBER.test(m.name) ? m.name : JSON.stringify(m.name),
      initializer: JSON.stringify(m.name),
      docs: jsDoc(m.description, deprecationTags(m.deprecation)),
    })),
  };
}

function unionAlias(enumType: EnumType, name: string, style: "union" | "const-object", docs: Docs): StatementStructures {
  const members = enumType.members.map((m) => JSON.stringify(m.name));
  const union = members.length ? members.join(" | ") : "string";
  return { kind: StructureKind.TypeAlias, name, isExported: true, type: style === "const-object" && members.length ? `(typeof ${name})[keyof typeof ${name}]` : union, docs };
}

/**
 * The frozen object of the members. Its type is written out, members' docs on it, so the module needs no inference
 * to declare it (isolatedDeclarations: `--emit js` derives each .d.ts from its module alone, and so may a user's
 * tsc). The object stays `as const`: without it a member named `constructor` is widened to string and fails the type.
 */
function memberObject(enumType: EnumType, name: string): StatementStructures {
  const fields = enumType.members.map((m) => ({ doc: docComment(m.description, m.deprecation), field: `readonly ${propertyKey(m.name)}: ${JSON.stringify(m.name)};` }));
  const entries = enumType.members.map((m) => `${propertyKey(m.name)}: ${JSON.stringify(m.name)},`);
  const object = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(`Every member of {@link ${name}}, by name.`, deprecationTags(enumType.deprecation)),
    declarations: [{ name, type: `{\n${fields.map((f) => f.doc + f.field).join("\n")}\n}`, initializer: `/* @__PURE__ */ Object.freeze({\n${entries.join("\n")}\n} as const)` }],
  } satisfies StatementStructures;
  return withLayout(object, () => enumObjectLayout(name, fields, entries));
}

function enumGuard(enumType: EnumType, name: string, guard: string): StatementStructures {
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: guard,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${name}`,
    docs: jsDoc(`Whether \`value\` is one of the members of {@link ${name}}.`),
    statements: enumType.members.length ? `return typeof value === "string" && (Object.values(${name}) as readonly string[]).includes(value);` : `return typeof value === "string";`,
  };
}
