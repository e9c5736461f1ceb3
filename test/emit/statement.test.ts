/**
 * The statements emit/print/statement.ts writes without ts-morph's writer must be ts-morph's print byte for byte
 * (the corpus tests check every statement of the real output; these pin each rule with a small structure), and
 * anything outside what it knows goes to ts-morph.
 */
import type { JSDocStructure, OptionalKind, PropertySignatureStructure, StatementStructures } from "ts-morph";
import { printDirectly, printStatement, printStatements, printWithTsMorph } from "../../generator/emit/print/statement.js";
import { StructureKind } from "../../generator/emit/ts-morph.js";

const doc = (description?: string, tags: { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure>[] => [{ description, tags }];

const property = (name: string, type: string, more: Partial<PropertySignatureStructure> = {}): OptionalKind<PropertySignatureStructure> => ({ name, type, ...more });

const WRITTEN_DIRECTLY: Record<string, StatementStructures> = {
  "an empty interface": { kind: StructureKind.Interface, name: "Empty", isExported: true },
  "an interface with a base, type parameters, an index signature and documented members": {
    kind: StructureKind.Interface,
    name: "User",
    isExported: true,
    typeParameters: ["T", "U"],
    extends: ["odata.Entity", "Other<T>"],
    docs: doc("A user.\n\nSecond paragraph.\n", [{ tagName: "see", text: "microsoft.graph.user" }, { tagName: "deprecated" }]),
    indexSignatures: [{ keyName: "key", keyType: "string", returnType: "unknown", docs: doc("Open type.") }],
    properties: [
      property('"@odata.type"', '"#microsoft.graph.user" | "microsoft.graph.user"', { hasQuestionToken: true, isReadonly: true, docs: doc("The type. ") }),
      property("displayName", "string | null", { hasQuestionToken: true, docs: doc(undefined, [{ tagName: "format", text: "date-time" }]) }),
      property("id", "string"),
    ],
  },
  "doc comments: empty, one line ending in a space, a leading line break, CRLF, a tag text on the next line": {
    kind: StructureKind.TypeAlias,
    name: "Alias",
    isExported: true,
    type: "string",
    docs: [...doc(""), ...doc("ends in a space "), ...doc("\nafter a break"), ...doc("one\r\ntwo\r\n\r\nthree"), ...doc("x", [{ tagName: "remarks", text: "\nnext line" }]), "plain string doc"],
  },
  "a guard": {
    kind: StructureKind.Function,
    name: "isUser",
    isExported: true,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: "value is User",
    docs: doc("Whether `value` is a {@link User} payload."),
    statements: 'return typeof value === "object" && conforms(value, USER_SCHEMA);',
  },
  "a template literal type, its strings closed on the line": { kind: StructureKind.TypeAlias, name: "F", isExported: true, type: '`${A}` | `${A},${string}` | "x{"' },
  "a function after its overloads": {
    kind: StructureKind.Function,
    name: "join",
    isExported: true,
    overloads: [
      { kind: StructureKind.FunctionOverload, parameters: [{ name: "members", type: "readonly [A, ...A[]]" }], returnType: "AFlags", docs: doc("Joins.") },
      { kind: StructureKind.FunctionOverload, parameters: [{ name: "members", type: "readonly A[]" }], returnType: 'AFlags | ""' },
    ],
    parameters: [{ name: "members", type: "readonly A[]" }],
    returnType: 'AFlags | ""',
    statements: 'return joinFlags(members, Object.values(A)) as AFlags | "";',
  },
  "a type-only namespace import": { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: "odata", moduleSpecifier: "./runtime.js" },
  "a named import, one of them type-only": { kind: StructureKind.ImportDeclaration, namedImports: ["conforms", "type TypeSchema"], moduleSpecifier: "./runtime.js" },
  "single-quoted types, and slashes inside strings": { kind: StructureKind.Interface, name: "Paths", properties: [property('"/admin/"', "'a/b' | \"c'd\"")] },
  "an export of everything": { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./microsoft.graph.js" },
  "a namespace export": { kind: StructureKind.ExportDeclaration, namespaceExport: "microsoftGraphSecurity", moduleSpecifier: "./microsoft.graph.security.js" },
  "a type-only named export": { kind: StructureKind.ExportDeclaration, isTypeOnly: true, namedExports: ["CollectionResponse", "ValueResponse"], moduleSpecifier: "./runtime.js" },
  "a function of two parameters": { kind: StructureKind.Function, name: "f", parameters: [{ name: "a", type: "A" }, { name: "b", type: "B | null" }], returnType: "void", statements: "return;" },
};

test.each(Object.entries(WRITTEN_DIRECTLY))("%s: written directly, as ts-morph prints it", (_, statement) => {
  const text = printDirectly(statement);
  expect(text).toBeDefined();
  expect(text).toBe(printWithTsMorph([statement]));
});

const LEFT_TO_TS_MORPH: Record<string, StatementStructures> = {
  "a type with an odd single quote": { kind: StructureKind.TypeAlias, name: "Q", type: "'a' | 'b" },
  "a type with an odd double quote": { kind: StructureKind.TypeAlias, name: "Q", type: '"a' },
  "a template literal left open": { kind: StructureKind.TypeAlias, name: "T", type: "`${string}" },
  "a string open in a template's braces": { kind: StructureKind.TypeAlias, name: "T", type: '`${"}`' },
  "a bare import": { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./side-effect.js" },
  "an import with a default": { kind: StructureKind.ImportDeclaration, defaultImport: "a", moduleSpecifier: "./a.js" },
  "an export with a renamed member": { kind: StructureKind.ExportDeclaration, namedExports: [{ name: "a", alias: "b" }], moduleSpecifier: "./a.js" },
  "a type over two lines": { kind: StructureKind.TypeAlias, name: "T", type: "A |\nB" },
  "a type with a slash": { kind: StructureKind.TypeAlias, name: "T", type: "A /* B */" },
  "a slash in a template's braces": { kind: StructureKind.TypeAlias, name: "T", type: "`${A/B}`" },
  "a doc that closes its comment": { kind: StructureKind.TypeAlias, name: "T", type: "A", docs: doc("a */ b") },
  "an interface with a method": { kind: StructureKind.Interface, name: "M", methods: [{ name: "m", returnType: "void" }] },
  "a property without a type": { kind: StructureKind.Interface, name: "P", properties: [{ kind: StructureKind.PropertySignature, name: "p" }] },
  "an overload with type parameters": {
    kind: StructureKind.Function,
    name: "f",
    overloads: [{ kind: StructureKind.FunctionOverload, typeParameters: ["T"], parameters: [{ name: "a", type: "T" }], returnType: "string" }],
    parameters: [{ name: "a", type: "string" }],
    returnType: "string",
    statements: "return a;",
  },
  "a function of two statements": { kind: StructureKind.Function, name: "f", parameters: [], returnType: "void", statements: "a();\nb();" },
  "a type alias with type parameters": { kind: StructureKind.TypeAlias, name: "T", typeParameters: ["U"], type: "U" },
  "a default export": { kind: StructureKind.Interface, name: "D", isDefaultExport: true },
  "an enum": { kind: StructureKind.Enum, name: "E", members: [{ name: "a", value: "a" }] },
};

test.each(Object.entries(LEFT_TO_TS_MORPH))("%s: left to ts-morph, whose print printStatement returns", (_, statement) => {
  expect(printDirectly(statement)).toBeUndefined();
  expect(printStatement(statement)).toBe(printWithTsMorph([statement]));
});

test("statements joined are ts-morph's print of them as one file: a blank line between, none between imports", () => {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, namespaceImport: "a", moduleSpecifier: "./a.js" },
    { kind: StructureKind.ImportDeclaration, namedImports: ["b"], moduleSpecifier: "./b.js" },
    ...Object.values(WRITTEN_DIRECTLY),
    ...Object.values(LEFT_TO_TS_MORPH),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./c.js" },
  ];
  expect(printStatements(statements)).toBe(printWithTsMorph(statements));
});

test("the enum members emit uses without loading ts-morph are ts-morph's own values", async () => {
  const tsMorph = await import("ts-morph");
  const ours = await import("../../generator/emit/ts-morph.js");
  for (const [name, value] of Object.entries(ours.StructureKind)) expect([name, value]).toEqual([name, tsMorph.StructureKind[name as keyof typeof tsMorph.StructureKind]]);
  expect(ours.VariableDeclarationKind.Const).toBe(tsMorph.VariableDeclarationKind.Const);
  expect(ours.ModuleDeclarationKind.Namespace).toBe(tsMorph.ModuleDeclarationKind.Namespace);
});
