import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type PropertySignatureStructure,
  type StatementStructures,
} from "ts-morph";
import type { Hierarchy } from "../model/hierarchy.js";
import type { EnumType, Namespace, Property, StructuredType } from "../types/index.js";
import { docText, enumIdentifier, guardName, moduleFileName, namespaceIdentifier, odataTypeSetName, propertyKey, typeIdentifier, unionName } from "./names.js";
import { PRIMITIVE_FORMATS, propertyTypeText } from "./type-text.js";

/** Names a model type from inside one namespace's module, and remembers which other modules that needs. */
export class ModuleScope {
  readonly imports = new Set<string>();
  constructor(
    readonly namespace: string,
    private readonly hierarchy: Hierarchy,
  ) {}

  refer(fqn: string): string {
    const dot = fqn.lastIndexOf(".");
    const namespace = fqn.slice(0, dot);
    const short = fqn.slice(dot + 1);
    const local = this.hierarchy.isEnum(fqn) ? enumIdentifier(short) : typeIdentifier(short);
    if (namespace === this.namespace) return local;
    this.imports.add(namespace);
    return `${namespaceIdentifier(namespace)}.${local}`;
  }
}

function jsDoc(description: string | undefined, tags: JSDocTagStructure[] = []): JSDocStructure[] {
  if (!description && !tags.length) return [];
  return [{ kind: StructureKind.JSDoc, description: docText(description ?? "") + (tags.length ? "\n" : ""), tags: tags.map((t) => ({ ...t, text: t.text === undefined ? undefined : docText(String(t.text)) })) }];
}

const odataLiteral = (type: StructuredType): string => JSON.stringify(`#${type.fqn}`);

/** The statements that declare one enum: the union type, the frozen object of its members, and a guard. */
export function enumStatements(enumType: EnumType): StatementStructures[] {
  const name = enumIdentifier(enumType.name);
  const members = enumType.members.map((m) => m.name);
  const docs = jsDoc(enumType.description ?? `The members of the ${enumType.fqn} enumeration.`);
  const entries = enumType.members.map((m) => `${m.description ? `/** ${docText(m.description)} */\n` : ""}${propertyKey(m.name)}: ${JSON.stringify(m.name)},`);
  return [
    { kind: StructureKind.TypeAlias, name, isExported: true, type: members.length ? members.map((m) => JSON.stringify(m)).join(" | ") : "string", docs },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`Every member of {@link ${name}}, by name.`),
      declarations: [{ name, initializer: `Object.freeze({\n${entries.join("\n")}\n} as const)` }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: guardName(name),
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${name}`,
      docs: jsDoc(`Whether \`value\` is one of the members of {@link ${name}}.`),
      statements: members.length ? `return typeof value === "string" && (Object.values(${name}) as readonly string[]).includes(value);` : `return typeof value === "string";`,
    },
  ];
}

function propertySignature(property: Property, scope: ModuleScope): PropertySignatureStructure {
  const tags: JSDocTagStructure[] = [];
  if (property.type.kind === "primitive" && PRIMITIVE_FORMATS[property.type.edm]) tags.push({ kind: StructureKind.JSDocTag, tagName: "format", text: PRIMITIVE_FORMATS[property.type.edm] });
  if (property.type.kind === "unknown") tags.push({ kind: StructureKind.JSDocTag, tagName: "remarks", text: `The docs give the type as "${property.type.written}", which could not be resolved.` });
  if (property.narrowedTo) tags.push({ kind: StructureKind.JSDocTag, tagName: "see", text: `{@link ${scope.refer((property.type as { fqn: string }).fqn)}}` });
  if (property.deprecated) tags.push({ kind: StructureKind.JSDocTag, tagName: "deprecated" });
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(property.name),
    hasQuestionToken: true,
    type: propertyTypeText(property, (fqn) => scope.refer(fqn)),
    docs: jsDoc(property.description, tags),
  };
}

/** The interface of a structured type, its derived-type union when it has derived types, and its guard. */
export function typeStatements(type: StructuredType, hierarchy: Hierarchy, scope: ModuleScope): StatementStructures[] {
  const name = typeIdentifier(type.name);
  const subtree = hierarchy.concreteSubtree(type.fqn);
  const derived = hierarchy.descendants(type.fqn);
  const properties: PropertySignatureStructure[] = [];
  if (subtree.length) {
    properties.push({
      kind: StructureKind.PropertySignature,
      name: propertyKey("@odata.type"),
      hasQuestionToken: true,
      type: subtree.map(odataLiteral).join(" | "),
      docs: jsDoc(derived.length ? "The type of the payload: this type or one derived from it." : "The type of the payload."),
    });
  }
  properties.push(...type.properties.map((p) => propertySignature(p, scope)));
  const notes = [type.description, type.abstract ? "Abstract: payloads are always one of the derived types." : "", type.openType ? "Open type: payloads may carry properties not listed here." : ""].filter(Boolean).join("\n\n");
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      extends: type.baseType ? [scope.refer(type.baseType)] : [],
      properties,
      docs: jsDoc(notes || undefined, [{ kind: StructureKind.JSDocTag, tagName: "see", text: type.fqn }]),
    } satisfies InterfaceDeclarationStructure,
  ];
  let guarded = name;
  if (derived.length && subtree.length) {
    // Each member carries only its own @odata.type literal, so a switch on "@odata.type" narrows to one member.
    const members = subtree.map((member) => {
      const ref = scope.refer(member.fqn);
      return hierarchy.descendants(member.fqn).length ? `(${ref} & { ${propertyKey("@odata.type")}?: ${odataLiteral(member)} })` : ref;
    });
    guarded = unionName(name);
    statements.push({
      kind: StructureKind.TypeAlias,
      name: guarded,
      isExported: true,
      type: members.join(" | "),
      docs: jsDoc(`{@link ${name}} or any type derived from it, discriminated by \`@odata.type\`.`),
    });
  }
  const setName = odataTypeSetName(name);
  statements.push(
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: setName, initializer: `new Set([${subtree.map((t) => JSON.stringify(t.fqn)).join(", ")}])` }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: guardName(name),
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${guarded}`,
      docs: jsDoc(`Whether \`value\` is a {@link ${name}} payload: an object whose \`@odata.type\` names ${type.fqn}${derived.length ? " or a type derived from it" : ""}.`),
      statements: `return hasODataType(value, ${setName});`,
    },
  );
  return statements;
}

/** All statements of one namespace's module, imports first. */
export function namespaceStatements(namespace: Namespace, hierarchy: Hierarchy): StatementStructures[] {
  const scope = new ModuleScope(namespace.name, hierarchy);
  const body: StatementStructures[] = [
    ...namespace.enums.flatMap(enumStatements),
    ...namespace.types.flatMap((type) => typeStatements(type, hierarchy, scope)),
  ];
  const imports: StatementStructures[] = [...scope.imports].sort().map((other) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    namespaceImport: namespaceIdentifier(other),
    moduleSpecifier: `./${moduleFileName(other).replace(/\.ts$/, ".js")}`,
  }));
  if (namespace.types.length) {
    imports.push({ kind: StructureKind.ImportDeclaration, namedImports: ["hasODataType"], moduleSpecifier: "./runtime.js" });
  }
  return [...imports, ...body];
}
