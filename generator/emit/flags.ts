import type { StatementStructures } from "ts-morph";
import { StructureKind } from "./ts-morph.js";
import type { EnumType } from "../types/index.js";
import { deprecationTags, jsDoc } from "./docs.js";
import { enumIdentifier, guardName } from "./names.js";

/**
 * Up to this many members, a flags type lists every non-empty combination (2^8 - 1 = 255 string literals at most);
 * beyond it the list would grow past what is useful to read or cheap to check, so a template literal approximates it.
 */
export const FLAGS_LISTED_MAX = 8;

/**
 * The type of a comma-separated combination of `members`, in member order: `"a" | "b" | "a,b"`, shortest first.
 * Over FLAGS_LISTED_MAX members, `${M}` | `${M},${string}` (`memberType` is the union M): the first member is
 * checked, the rest is any text. No members: any string.
 */
export function flagsCombinationText(members: readonly string[], memberType: string): string {
  if (!members.length) return "string";
  if (members.length > FLAGS_LISTED_MAX) return `\`\${${memberType}}\` | \`\${${memberType}},\${string}\``;
  const combinations: string[] = [];
  const choose = (from: number, left: number, picked: readonly string[]): void => {
    if (!left) {
      combinations.push(picked.join(","));
      return;
    }
    for (let i = from; i <= members.length - left; i++) choose(i + 1, left - 1, [...picked, members[i]]);
  };
  for (let size = 1; size <= members.length; size++) choose(0, size, []);
  return combinations.map((c) => JSON.stringify(c)).join(" | ");
}

export interface FlagsNames {
  type: string;
  split: string;
  join: string;
}

/**
 * A flags enum's combination type and, when the module has a runtime (modules layout), typed wrappers over the
 * runtime's generic `splitFlags` / `joinFlags`. The wrappers pass the frozen member object's values as the order,
 * so `joinFlags` writes members in declaration order: the order the combination type lists.
 */
export function flagsStatements(enumType: EnumType, names: FlagsNames, withRuntime: boolean, name = enumIdentifier(enumType.name), guard = guardName(name)): StatementStructures[] {
  const members = enumType.members.map((m) => m.name);
  const listed = members.length <= FLAGS_LISTED_MAX;
  const helpers = withRuntime && members.length > 0;
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
