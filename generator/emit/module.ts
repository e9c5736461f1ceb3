import type { InterfaceDeclarationStructure, JSDocTagStructure, PropertySignatureStructure, StatementStructures } from "ts-morph";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";
import type { Hierarchy } from "../model/hierarchy.js";
import type { EnumType, Namespace, Property, StructuredType, TypeDefinition } from "../types/index.js";
import { containerStatements } from "./containers.js";
import { deprecationTags, docComment, jsDoc, tag } from "./docs.js";
import { flagsStatements } from "./flags.js";
import { enumIdentifier, guardName, propertyKey, typeIdentifier, unionName } from "./names.js";
import { guardStatements } from "./guard.js";
import { operationStatements } from "./operations.js";
import type { NamePlan } from "./plan.js";
import { enumObjectLayout, withLayout } from "./pretty.js";
import { ModuleScope } from "./scope.js";
import { DEFAULT_SHAPE, type Shape } from "./shape.js";
import { omittedRemark, PRIMITIVE_FORMATS, PRIMITIVE_TYPES, valueTypeText } from "./type-text.js";

export { ModuleScope } from "./scope.js";

/**
 * Modules carry runtime code (guards, frozen enum objects, flags helpers); the single-file layout is a `.d.ts`,
 * so it gets the declarations only.
 */
export interface EmitMode {
  runtime: boolean;
}

/** An enum member name that needs no quotes. */
const ENUM_MEMBER = /^[A-Za-z_$][\w$]*$/;

/**
 * The `@odata.type` a payload of the type carries: `#` and the qualified name as the service writes it, or the name
 * alone, as request bodies and nested objects in the docs often do (the guards accept both too).
 */
function odataTypeText(types: readonly StructuredType[]): string {
  return types.map((t) => `${JSON.stringify(`#${t.fqn}`)} | ${JSON.stringify(t.fqn)}`).join(" | ");
}

/**
 * Names of the dynamic properties an open type's payloads carry, where Graph fixes their form: directory schema
 * extensions on every directory object (`extension_<appId>_<name>`). A pattern keeps the excess-property check for
 * every other name.
 */
const DYNAMIC_PROPERTY_NAMES: Readonly<Record<string, string>> = { "microsoft.graph.directoryObject": "`extension_${string}`" };

/**
 * An open type's index signature: one with no properties of its own or inherited is a dictionary (the planner's
 * `plannerAssignments`, keyed by user id), any key; one whose dynamic names Graph fixes gets their pattern. Other
 * open types get none, so a misspelled property is still an error.
 */
function indexSignatures(type: StructuredType, hierarchy: Hierarchy): { keyName: string; keyType: string; returnType: string }[] {
  const pattern = DYNAMIC_PROPERTY_NAMES[type.fqn];
  if (pattern) return [{ keyName: "name", keyType: pattern, returnType: "unknown" }];
  if (!type.openType) return [];
  for (let t: StructuredType | undefined = type; t; t = t.baseType ? hierarchy.type(t.baseType) : undefined) if (t.properties.length) return [];
  return [{ keyName: "key", keyType: "string", returnType: "unknown" }];
}

/** `export type X = string;`: a CSDL type definition is a primitive under another name. */
export function typeDefinitionStatements(definition: TypeDefinition, name = typeIdentifier(definition.name)): StatementStructures[] {
  const format = PRIMITIVE_FORMATS[definition.underlying];
  const tags = [...(format ? [tag("format", format)] : []), tag("see", definition.fqn)];
  const description = definition.description ?? `A named Edm.${definition.underlying}.`;
  return [{ kind: StructureKind.TypeAlias, name, isExported: true, type: PRIMITIVE_TYPES[definition.underlying], docs: jsDoc(description, tags) }];
}

/** The statements that declare one enum: the union type and, with a runtime, the frozen object of its members and a guard. */
export function enumStatements(enumType: EnumType, mode: EmitMode = { runtime: true }, name = enumIdentifier(enumType.name), shape: Shape = DEFAULT_SHAPE, guard = guardName(name)): StatementStructures[] {
  const members = enumType.members.map((m) => m.name);
  // The single layout is declarations only: no frozen object or enum (they are values), so always the union.
  const style = mode.runtime ? shape.enumStyle : "union";
  // A union member cannot carry a comment of its own, so the type says which members are deprecated.
  const deprecatedMembers = style === "enum" ? [] : enumType.members.filter((m) => m.deprecation).map((m) => `Deprecated member \`${m.name}\`: ${m.deprecation}`);
  const description = [enumType.description ?? `The members of the ${enumType.fqn} enumeration.`, ...deprecatedMembers].join("\n\n");
  const docs = jsDoc(description, deprecationTags(enumType.deprecation));
  const statements: StatementStructures[] = [];
  if (style === "enum") {
    statements.push({
      kind: StructureKind.Enum,
      name,
      isExported: true,
      docs,
      members: enumType.members.map((m) => ({
        name: ENUM_MEMBER.test(m.name) ? m.name : JSON.stringify(m.name),
        initializer: JSON.stringify(m.name),
        docs: jsDoc(m.description, deprecationTags(m.deprecation)),
      })),
    });
  } else {
    const union = members.length ? members.map((m) => JSON.stringify(m)).join(" | ") : "string";
    statements.push({ kind: StructureKind.TypeAlias, name, isExported: true, type: style === "const-object" && members.length ? `(typeof ${name})[keyof typeof ${name}]` : union, docs });
  }
  if (!mode.runtime) return statements;
  if (style !== "enum") {
    // The object's type is written out, members' docs on it, so the module needs no inference to declare it
    // (isolatedDeclarations: `--emit js` derives each .d.ts from its module alone, and so may a user's tsc). The
    // object stays `as const`: without it a member named `constructor` is widened to string and fails the type.
    const fields = enumType.members.map((m) => ({ doc: docComment(m.description, m.deprecation), field: `readonly ${propertyKey(m.name)}: ${JSON.stringify(m.name)};` }));
    const entries = enumType.members.map((m) => `${propertyKey(m.name)}: ${JSON.stringify(m.name)},`);
    const object = {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: jsDoc(`Every member of {@link ${name}}, by name.`, deprecationTags(enumType.deprecation)),
      declarations: [{ name, type: `{\n${fields.map((f) => f.doc + f.field).join("\n")}\n}`, initializer: `/* @__PURE__ */ Object.freeze({\n${entries.join("\n")}\n} as const)` }],
    } satisfies StatementStructures;
    statements.push(withLayout(object, () => enumObjectLayout(name, fields, entries)));
  }
  if (!shape.guards) return statements;
  statements.push(
    {
      kind: StructureKind.Function,
      isExported: true,
      name: guard,
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${name}`,
      docs: jsDoc(`Whether \`value\` is one of the members of {@link ${name}}.`),
      statements: members.length ? `return typeof value === "string" && (Object.values(${name}) as readonly string[]).includes(value);` : `return typeof value === "string";`,
    },
  );
  return statements;
}

const readonlyFlag = (scope: ModuleScope): { isReadonly?: true } => (scope.plan.shape.readonly ? { isReadonly: true } : {});

function propertySignature(property: Property, scope: ModuleScope): PropertySignatureStructure {
  const tags: JSDocTagStructure[] = [];
  if (property.type.kind === "primitive" && PRIMITIVE_FORMATS[property.type.edm]) tags.push(tag("format", PRIMITIVE_FORMATS[property.type.edm]));
  if (property.type.kind === "unknown") tags.push(tag("remarks", `The docs give the type as "${property.type.written}", which could not be resolved.`));
  const omitted = property.type.kind === "named" && scope.isOmitted(property.type.fqn);
  if (omitted && property.type.kind === "named" && !property.narrowedTo?.length) tags.push(tag("remarks", omittedRemark(property.type.fqn)));
  if (property.narrowedTo && property.type.kind === "named" && !omitted) tags.push(tag("see", `{@link ${scope.refer(property.type.fqn)}}`));
  tags.push(...deprecationTags(property.deprecation, property.deprecated));
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(property.name),
    hasQuestionToken: true,
    ...readonlyFlag(scope),
    type: valueTypeText(property, scope, scope.plan.shape.nullable),
    docs: jsDoc(property.description, tags),
  };
}

/** The interface of a structured type, its derived-type union when it has derived types, and (with a runtime) its guard. */
export function typeStatements(type: StructuredType, hierarchy: Hierarchy, scope: ModuleScope, mode: EmitMode = { runtime: true }): StatementStructures[] {
  const declared = scope.plan.declared.get(type.fqn);
  const name = declared?.name ?? typeIdentifier(type.name);
  const subtree = hierarchy.concreteSubtree(type.fqn);
  const derived = hierarchy.descendants(type.fqn);
  const properties: PropertySignatureStructure[] = [];
  if (subtree.length) {
    properties.push({
      kind: StructureKind.PropertySignature,
      name: propertyKey("@odata.type"),
      hasQuestionToken: true,
      ...readonlyFlag(scope),
      type: odataTypeText(subtree),
      docs: jsDoc(derived.length ? "The type of the payload: this type or one derived from it." : "The type of the payload."),
    });
  }
  properties.push(...type.properties.map((p) => propertySignature(p, scope)));
  const notes = [type.description, type.abstract ? "Abstract: payloads are always one of the derived types." : "", type.openType ? "Open type: payloads may carry properties not listed here." : ""].filter(Boolean).join("\n\n");
  // A root entity type carries the instance annotations (@odata.id, @odata.etag...), and every entity through it.
  const extendsTypes = type.baseType ? [scope.refer(type.baseType)] : type.kind === "entity" ? [scope.envelope("InstanceAnnotations")] : [];
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      name,
      isExported: true,
      extends: extendsTypes,
      properties,
      // Not in the single layout: an index signature makes the official package's types unassignable to ours.
      indexSignatures: scope.plan.layout === "modules" ? indexSignatures(type, hierarchy) : [],
      docs: jsDoc(notes || undefined, [tag("see", type.fqn), ...deprecationTags(type.deprecation)]),
    } satisfies InterfaceDeclarationStructure,
  ];
  let guarded = name;
  if (derived.length && subtree.length) {
    // Each member carries only its own @odata.type literal, so a switch on "@odata.type" narrows to one member.
    const members = subtree.map((member) => {
      const ref = scope.refer(member.fqn);
      return hierarchy.descendants(member.fqn).length ? `(${ref} & { ${propertyKey("@odata.type")}?: ${odataTypeText([member])} })` : ref;
    });
    guarded = declared?.union ?? unionName(name);
    statements.push({
      kind: StructureKind.TypeAlias,
      name: guarded,
      isExported: true,
      type: members.join(" | "),
      docs: jsDoc(`{@link ${name}} or any type derived from it, discriminated by \`@odata.type\`.`),
    });
  }
  if (!mode.runtime || !scope.plan.shape.guards) return statements;
  statements.push(...guardStatements(type, hierarchy, scope, name, guarded));
  return statements;
}

/**
 * The declarations of one namespace, in a fixed order: type definitions, enums (each followed by its flags type),
 * structured types, operations, entity containers. Shared by both layouts; `scope` collects what they refer to.
 */
export function namespaceBody(namespace: Namespace, hierarchy: Hierarchy, plan: NamePlan, scope: ModuleScope, mode: EmitMode): StatementStructures[] {
  const names = plan.namespaces.get(namespace.name)!;
  return [
    ...namespace.typeDefinitions.flatMap((definition) => typeDefinitionStatements(definition, plan.declared.get(definition.fqn)?.name)),
    ...namespace.enums.flatMap((enumType) => {
      const flags = names.flags.get(enumType.fqn);
      const declared = plan.declared.get(enumType.fqn);
      // The flags helpers call the enum's guard and the runtime, so they go with the guards.
      return [...enumStatements(enumType, mode, declared?.name, plan.shape, declared?.guard), ...(flags ? flagsStatements(enumType, flags, mode.runtime && plan.shape.guards, declared?.name, declared?.guard) : [])];
    }),
    ...namespace.types.flatMap((type) => typeStatements(type, hierarchy, scope, mode)),
    ...operationStatements(names, scope),
    ...namespace.containers.flatMap((container) => containerStatements(container, names.paths.get(container)!, scope)),
  ];
}

const jsSpecifier = (file: string): string => `./${file.replace(/\.ts$/, ".js")}`;

/** All statements of one namespace's module (modules layout), imports first. */
export function namespaceStatements(namespace: Namespace, hierarchy: Hierarchy, plan: NamePlan, envelopeFile: string): StatementStructures[] {
  const scope = new ModuleScope(namespace.name, plan);
  const body = namespaceBody(namespace, hierarchy, plan, scope, { runtime: true });
  const imports: StatementStructures[] = [...scope.imports].sort().map((other) => ({
    kind: StructureKind.ImportDeclaration,
    // The guards' schemas refer to other modules' schemas and enum objects (lazily, so import cycles are fine).
    isTypeOnly: !scope.valueImports.has(other),
    namespaceImport: plan.modules.get(other)!.alias,
    moduleSpecifier: jsSpecifier(plan.modules.get(other)!.file),
  }));
  if (scope.usesEnvelope) imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: plan.envelopeAlias, moduleSpecifier: jsSpecifier(envelopeFile) });
  const runtime = !plan.shape.guards ? [] : [
    ...(namespace.types.length ? ["conforms", "typeSchema"] : []),
    ...(namespace.enums.some((e) => e.flags && e.members.length) ? ["joinFlags", "splitFlags"] : []),
  ];
  const schemaType = plan.namespaces.get(namespace.name)!.schemaType;
  if (plan.shape.guards && namespace.types.length) runtime.push(schemaType === "TypeSchema" ? "type TypeSchema" : `type TypeSchema as ${schemaType}`);
  if (runtime.length) imports.push({ kind: StructureKind.ImportDeclaration, namedImports: runtime, moduleSpecifier: "./runtime.js" });
  return [...imports, ...body];
}
