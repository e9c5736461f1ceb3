import { DIAGNOSTIC_KINDS, diagnostic, type Diagnostic, type DiagnosticKind, type EnumType, type Position, type StructuredType } from "../../types/index.js";
import { typeUseText } from "../type-use.js";
import { lower, sameTypeUse, type ModelIndex } from "./model-index.js";
import { compareStrings } from "../../order.js";

/**
 * Where the docs and the metadata disagree. Every message starts with its subject (`fqn` or `fqn/property`) and
 * ": ", which the drift report reads back. `at` is the docs place when there is one and `related` names the other
 * side: `{ message: "metadata" }` or, on a diagnostic placed in the metadata, `{ message: "docs" }`.
 */
export class DriftCollector {
  private readonly entries: { diagnostic: Diagnostic; key: string; sequence: number }[] = [];

  add(kind: DiagnosticKind, subject: string, detail: string, at: Position, related?: { side: "docs" | "metadata"; at: Position }): void {
    const place = related ? [{ message: related.side, at: related.at }] : undefined;
    // Grouped by kind, then by the type the subject belongs to; within a type, in the order found.
    const key = lower(subject.split("/")[0]);
    this.entries.push({ diagnostic: diagnostic(kind, `${subject}: ${detail}`, at, place), key, sequence: this.entries.length });
  }

  sorted(): Diagnostic[] {
    const code = (d: Diagnostic): string => DIAGNOSTIC_KINDS[d.kind].code;
    return [...this.entries]
      .sort((a, b) => compareStrings(code(a.diagnostic), code(b.diagnostic)) || compareStrings(a.key, b.key) || a.sequence - b.sequence)
      .map((e) => e.diagnostic);
  }
}

export interface DriftSides {
  metadata: ModelIndex;
  docs: ModelIndex;
  drift: DriftCollector;
}

/** Base type, abstract and open flags, and the properties, of a type both sides declare. */
export function typeDrift(meta: StructuredType, docs: StructuredType, sides: DriftSides): void {
  const { drift } = sides;
  const metadataPlace = { side: "metadata", at: meta.at } as const;
  const metaBase = meta.baseType ? sides.metadata.types.get(lower(meta.baseType))?.fqn ?? meta.baseType : undefined;
  if (lower(meta.baseType ?? "") !== lower(docs.baseType ?? "")) {
    const detail = !docs.baseType
      ? `the docs give it no base type, the metadata derives it from ${metaBase}`
      : metaBase
        ? `the docs derive it from ${docs.baseType}, the metadata from ${metaBase}`
        : `the docs derive it from ${docs.baseType}, the metadata gives it no base type`;
    drift.add("base-type-mismatch", meta.fqn, detail, docs.at, metadataPlace);
  }
  if (meta.abstract !== docs.abstract) {
    const detail = meta.abstract ? "the metadata declares it abstract, the docs do not" : "the docs declare it abstract, the metadata does not";
    drift.add("abstract-mismatch", meta.fqn, detail, docs.at, metadataPlace);
  }
  if (meta.openType !== docs.openType) {
    const detail = meta.openType ? "the metadata declares it an open type, the docs do not" : "the docs declare it an open type, the metadata does not";
    drift.add("open-type-mismatch", meta.fqn, detail, docs.at, metadataPlace);
  }
  for (const property of docs.properties) {
    const found = sides.metadata.property(meta, property.name);
    if (!found) {
      drift.add("property-not-in-metadata", `${meta.fqn}/${property.name}`, `documented, but neither ${meta.fqn} nor its base types declare it in the metadata`, property.at, metadataPlace);
    } else if (!sameTypeUse(property, found.property, sides.metadata)) {
      const detail = `the docs type it ${typeUseText(property.type, property.collection)}, the metadata ${typeUseText(found.property.type, found.property.collection)}`;
      drift.add("property-type-mismatch", `${meta.fqn}/${property.name}`, detail, property.at, { side: "metadata", at: found.property.at });
    }
  }
  for (const property of meta.properties) {
    if (sides.docs.property(docs, property.name)) continue;
    drift.add("property-not-documented", `${meta.fqn}/${property.name}`, `declared in the metadata, but the docs of ${docs.fqn} do not list it`, property.at, { side: "docs", at: docs.at });
  }
}

/** Members documented but not in the metadata (+) and in the metadata but not documented (-). */
export function enumDrift(meta: EnumType, docs: EnumType, drift: DriftCollector): void {
  const added = docs.members.filter((m) => !meta.members.some((n) => n.name === m.name)).map((m) => `+${m.name}`);
  const missing = meta.members.filter((m) => !docs.members.some((n) => n.name === m.name)).map((m) => `-${m.name}`);
  if (!added.length && !missing.length) return;
  drift.add("enum-members-mismatch", meta.fqn, `members differ (${[...added, ...missing].join(", ")}); + documented only, - in the metadata only`, docs.at, { side: "metadata", at: meta.at });
}

/** A documented type or enum the metadata does not declare (or declares as the other kind of type). */
export function missingFromMetadata(documented: StructuredType | EnumType, what: "type" | "enum", sides: DriftSides): void {
  const key = lower(documented.fqn);
  const other = what === "type" ? (sides.metadata.enums.get(key) ?? sides.metadata.typeDefinitions.get(key)) : (sides.metadata.types.get(key) ?? sides.metadata.typeDefinitions.get(key));
  if (other) {
    const otherWhat = "members" in other ? "an enum" : "properties" in other ? "a structured type" : "a type definition";
    sides.drift.add("type-not-in-metadata", other.fqn, `documented as ${what === "type" ? "a structured type" : "an enum"}, but the metadata declares it as ${otherWhat}`, documented.at, { side: "metadata", at: other.at });
    return;
  }
  sides.drift.add("type-not-in-metadata", documented.fqn, `documented${what === "enum" ? " as an enum" : ""}, but the metadata declares no such ${what}`, documented.at);
}

/** A metadata type or enum no page documents, in a namespace the docs cover (else a docs subset drowns the report). */
export function missingFromDocs(declared: StructuredType | EnumType, what: "type" | "enum", sides: DriftSides): void {
  const key = lower(declared.fqn);
  if (!sides.docs.namespaces.has(lower(declared.namespace))) return;
  if (sides.docs.types.has(key) || sides.docs.enums.has(key)) return; // documented as the other kind: reported from the docs side
  sides.drift.add("type-not-documented", declared.fqn, `declared in the metadata${what === "enum" ? " as an enum" : ""}, but no page documents it`, declared.at);
}
