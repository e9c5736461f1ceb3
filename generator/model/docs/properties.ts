import { diagnostic, type Diagnostic, type EnumType, type Property, type PropertyRow, type TypeUse } from "../../types/index.js";
import type { TypeDeclaration } from "./declarations.js";
import { resolveLink, type Resolver } from "./resolve.js";
import { primitiveName } from "../primitives.js";
import { nullability } from "../type-use.js";

export interface PropertyContext {
  resolve: Resolver;
  /** The property of that name on the nearest ancestor that declares it. */
  inherited(name: string): { property: Property; owner: string } | undefined;
  enumByFqn(fqn: string): EnumType | undefined;
  isEntity(fqn: string): boolean;
  /** The type and its bases, nearest first (fqns). */
  lineage(fqn: string): string[];
  diagnostics: Diagnostic[];
}

/**
 * "[appHostedMediaConfig](...) or [serviceHostedMediaConfig](...)": the nearest type every alternative is or
 * derives from (its `Any*` union covers them), else the first alternative; either way a GT2013 says so.
 */
function alternativesType(row: PropertyRow, declaration: TypeDeclaration, context: PropertyContext): TypeUse | undefined {
  const alternatives = row.type.alternatives;
  if (!alternatives) return undefined;
  const resolved = alternatives.map((a) => resolveLink(context.resolve, a, declaration.namespace, context.diagnostics));
  const lineages = resolved.map((r) => (r?.kind === "type" ? context.lineage(r.fqn) : []));
  const common = lineages[0]!.find((fqn) => lineages.every((l) => l.includes(fqn)));
  const names = alternatives.map((a) => a.name).join(" or ");
  const first = resolved[0];
  const chosen = common ?? (first ? first.fqn : undefined);
  const why = common ? `typed as ${common}, the type they all are` : `typed as ${chosen ?? "unknown"}, the first, as they have no type in common`;
  context.diagnostics.push(diagnostic("type-cell-alternatives", `the Type cell of ${declaration.name}.${row.name} names alternatives (${names}); ${why}`, row.type.at));
  return chosen ? { kind: "named", fqn: chosen } : { kind: "unknown", written: row.type.written };
}

function typeUse(row: PropertyRow, declaration: TypeDeclaration, context: PropertyContext): TypeUse {
  const written = row.type.name;
  if (!written) return { kind: "unknown", written: row.type.written };
  const alternatives = alternativesType(row, declaration, context);
  if (alternatives) return alternatives;
  const primitive = primitiveName(written);
  if (primitive) return { kind: "primitive", edm: primitive };
  const resolved = resolveLink(context.resolve, { name: written, at: row.type.at, ...(row.type.target ? { target: row.type.target } : {}) }, declaration.namespace, context.diagnostics);
  if (resolved) return { kind: "named", fqn: resolved.fqn };
  context.diagnostics.push(diagnostic("unresolved-type", `type "${row.type.written}" of ${declaration.name}.${row.name} is not a primitive and no page defines it; typed as unknown`, row.type.at));
  return { kind: "unknown", written: row.type.written };
}

function sameType(a: Property, b: Property): boolean {
  return a.collection === b.collection && JSON.stringify(a.type) === JSON.stringify(b.type);
}

/**
 * Turns a page's Properties and Relationships rows into the properties its type declares. A row that repeats an
 * inherited property is left to the base type, unless it narrows an enum ("Supports a subset of the values"),
 * which redeclares it with only those members: assignable to the base's, so TypeScript accepts the override.
 */
export function buildProperties(declaration: TypeDeclaration, keyProperty: string | undefined, context: PropertyContext): Property[] {
  const properties: Property[] = [];
  const rows = [declaration.page, ...declaration.also].flatMap((page) => [
    ...page.properties.map((row) => ({ row, page, navigation: false })),
    ...page.relationships.map((row) => ({ row, page, navigation: true })),
  ]);
  const firstPage = new Map<string, string>();
  for (const { row, page, navigation: listedAsRelationship } of rows) {
    let navigation = listedAsRelationship;
    // `odata.type` without the `@` is the same control information, misspelled.
    if (/^@?odata\./.test(row.name)) {
      // Control information is not a property: the generator emits `@odata.type` itself, from the hierarchy.
      context.diagnostics.push(diagnostic("reserved-property", `${declaration.name} lists "${row.name}" as a property; it is OData control information and is not declared`, row.at));
      continue;
    }
    const previous = properties.find((p) => p.name === row.name);
    if (previous || firstPage.has(row.name)) {
      // The same row on another page of a merged type is expected; twice on one page, or typed differently, is not.
      const samePage = firstPage.get(row.name) === page.file;
      if (samePage || (previous && !sameType(previous, { ...previous, type: typeUse(row, declaration, { ...context, diagnostics: [] }), collection: row.type.collection }))) {
        context.diagnostics.push(diagnostic("duplicate-property", `${declaration.name}.${row.name} is listed twice${samePage ? "" : " with different types"}; the first row is used`, row.at, previous ? [{ message: "first listed here", at: previous.at }] : []));
      }
      continue;
    }
    firstPage.set(row.name, page.file);
    const type = typeUse(row, declaration, context);
    if (!navigation && type.kind === "named" && context.isEntity(type.fqn)) {
      // OData allows entity-typed values only as navigation properties; the docs list some under Properties.
      context.diagnostics.push(diagnostic("property-is-navigation", `${declaration.name}.${row.name} is listed under Properties but ${type.fqn} is an entity type, so it is a navigation property (Relationships)`, row.at));
      navigation = true;
    }
    const property: Property = {
      name: row.name,
      type,
      collection: row.type.collection,
      // A collection itself may be null: the docs' own examples send `"finishings": null`, unless "Not nullable".
      ...nullability(row.type.collection, row.name === keyProperty, row.nullable),
      deprecated: row.deprecated,
      navigation,
      at: row.at,
      ...(row.description ? { description: row.description } : {}),
    };
    const enumType = type.kind === "named" ? context.enumByFqn(type.fqn) : undefined;
    const narrowedTo = enumType && row.possibleValues ? checkMembers(enumType, row, declaration, context) : undefined;
    const declared = againstInherited(property, row, declaration, context, narrowedTo);
    if (declared) properties.push(declared);
  }
  return properties;
}

/**
 * What a row declares, given what the base types already declare: the property itself when no base has it, a
 * narrowed redeclaration when it narrows the base's enum, or nothing (the base's is kept, reported if it differs).
 */
function againstInherited(property: Property, row: PropertyRow, declaration: TypeDeclaration, context: PropertyContext, narrowedTo: string[] | undefined): Property | undefined {
  const inherited = context.inherited(row.name);
  if (!inherited) {
    if (row.inheritedFrom) {
      context.diagnostics.push(diagnostic("inherited-property-missing", `${declaration.name}.${row.name} is marked "Inherited from ${row.inheritedFrom.name}" but no base type of ${declaration.name} declares it; declared here instead`, row.inheritedFrom.at));
    }
    return row.subset && narrowedTo?.length ? { ...property, narrowedTo } : property;
  }
  if (row.subset && narrowedTo?.length && inherited.property.type.kind === "named" && sameType(inherited.property, property)) {
    return { ...property, narrowedTo, nullable: inherited.property.nullable && property.nullable };
  }
  if (!sameType(inherited.property, property) && property.type.kind !== "unknown") {
    context.diagnostics.push(diagnostic("incompatible-redeclaration", `${declaration.name}.${row.name} is typed "${row.type.written}" here but its base ${inherited.owner} declares it differently; the base's type is kept`, row.type.at, [{ message: "declared here", at: inherited.property.at }]));
  }
  return undefined;
}

/** The documented "possible values" that the enum really has; the others are reported and dropped. */
function checkMembers(enumType: EnumType, row: PropertyRow, declaration: TypeDeclaration, context: PropertyContext): string[] {
  const known = (row.possibleValues ?? []).filter((value) => {
    if (enumType.members.some((m) => m.name === value)) return true;
    context.diagnostics.push(diagnostic("unknown-enum-member", `${declaration.name}.${row.name} lists "${value}", which is not a member of ${enumType.fqn} (members: ${enumType.members.map((m) => m.name).join(", ")})`, row.at));
    return false;
  });
  return [...new Set(known)];
}
