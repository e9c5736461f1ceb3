import type { StatementStructures } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { EnumType } from "../../types/index.js";
import { writesGuards, type EmitContext } from "../context.js";
import { deprecationTags, jsDoc } from "../docs.js";
import { enumIdentifier, guardName } from "../names.js";
import { flagsCombinationText, FLAGS_LISTED_MAX } from "../type-text.js";

/**
 * A flags enum's combination type and, with the guards (modules layout), typed wrappers over the runtime's generic
 * `splitFlags` / `joinFlags`. The wrappers pass the frozen member object's values as the order, so `joinFlags`
 * writes members in declaration order: the order the combination type lists. Nothing for an enum without flags.
 */
export function transformFlags(enumType: EnumType, ctx: EmitContext): StatementStructures[] {
  const declared = ctx.plan.declared.get(enumType.fqn);
  const names = ctx.plan.namespaces.get(ctx.scope.namespace)?.flags.get(enumType.fqn);
  if (!names) return [];
  const name = declared?.name ?? enumIdentifier(enumType.name);
  const guard = declared?.guard ?? guardName(name);
  const members = enumType.members.map((m) => m.name);
  const listed = members.length <= FLAGS_LISTED_MAX;
  // The helpers call the enum's guard and the runtime, so they go with the guards.
  const helpers = writesGuards(ctx) && members.length > 0;
  const description = [
    `A value of the flags enumeration {@link ${name}} (${enumType.fqn}): one member, or several comma-separated in declaration order (\`${members.slice(0, 2).join(",")}\`).`,
    !members.length
      ? "The enumeration lists no members, so any string is accepted."
      : listed
        ? "Every combination is listed, so the compiler checks each value."
        : `With ${members.length} members the ${2 ** members.length - 1} combinations are too many to list: this type checks only the first member and accepts any text after the first comma.`,
    helpers ? `Build one with {@link ${names.join}}, read one with {@link ${names.split}}.` : "",
  ].filter(Boolean);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.TypeAlias,
      name: names.type,
      isExported: true,
      type: flagsCombinationText(members, name),
      docs: jsDoc(description.join(" "), deprecationTags(enumType.deprecation)),
    },
  ];
  if (!helpers) return statements;
  const joinDocs = jsDoc(`A {@link ${names.type}} value from members: each once, in declaration order, comma-separated; \`""\` for none.`);
  statements.push(
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.split,
      parameters: [{ name: "value", type: "string | null | undefined" }],
      returnType: `${name}[]`,
      docs: jsDoc(`The members of a {@link ${names.type}} value, in the order written; text that names no member of {@link ${name}} is dropped (the runtime's \`splitFlags\` keeps it).`),
      statements: `return splitFlags(value).filter(${guard});`,
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: names.join,
      // A non-empty list always makes a valid combination; an empty one makes "", which is none.
      overloads: [
        { kind: StructureKind.FunctionOverload, parameters: [{ name: "members", type: `readonly [${name}, ...${name}[]]` }], returnType: names.type, docs: joinDocs },
        { kind: StructureKind.FunctionOverload, parameters: [{ name: "members", type: `readonly ${name}[]` }], returnType: `${names.type} | ""`, docs: joinDocs },
      ],
      parameters: [{ name: "members", type: `readonly ${name}[]` }],
      returnType: `${names.type} | ""`,
      statements: `return joinFlags(members, Object.values(${name})) as ${names.type} | "";`,
    },
  );
  return statements;
}
