import { diagnostic, type CsdlAnnotation, type CsdlDocument, type Diagnostic } from "../../types/index.js";
import { carriesModelTerms } from "./annotations.js";
import { splitTarget, type Names, type Scope } from "./names.js";
import type { AnnotationLookup, OperationEntry, Registry, TypeEntry } from "./registry.js";

type Resolution = { keys: string[] } | { why: string };

/**
 * Indexes the out-of-line `<Annotations Target="...">` blocks of all documents by the model element they apply to,
 * so building an element is one map lookup (v1.0 has ~5,000 blocks). A block may sit in any schema of any document;
 * its target resolves with that schema's aliases. A target that names nothing is reported only when the block
 * carries something the model uses (a description, a deprecation, an optional parameter): dropping a capability
 * annotation for an unknown target loses nothing.
 */
export function indexAnnotations(
  documents: readonly CsdlDocument[],
  names: Names,
  registry: Registry,
): { lookup: AnnotationLookup; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, CsdlAnnotation[]>();
  documents.forEach((document, index) => {
    for (const schema of document.schemas) {
      const scope = names.scope(index, schema);
      for (const block of schema.annotations) {
        // A qualifier on the block applies to each annotation in it that does not name its own.
        const annotations = block.qualifier
          ? block.annotations.map((a) => (a.qualifier === undefined ? { ...a, qualifier: block.qualifier } : a))
          : block.annotations;
        const resolution = resolveTarget(block.target, scope, names, registry);
        if ("why" in resolution) {
          if (carriesModelTerms(annotations)) {
            diagnostics.push(diagnostic("unresolved-annotation-target", `annotations target "${block.target}", which cannot be resolved (${resolution.why}); they are ignored`, block.at));
          }
          continue;
        }
        for (const key of resolution.keys) {
          const list = byKey.get(key);
          if (list) list.push(...annotations);
          else byKey.set(key, [...annotations]);
        }
      }
    }
  });
  return {
    lookup: {
      of: (key, inline) => {
        const outOfLine = byKey.get(key);
        return outOfLine ? [...inline, ...outOfLine] : inline;
      },
    },
    diagnostics,
  };
}

/** The keys of the elements a target names (see `AnnotationLookup`), or why it names none. */
function resolveTarget(target: string, scope: Scope, names: Names, registry: Registry): Resolution {
  const { head, signature, member } = splitTarget(target);
  const fqn = names.qualify(head, scope);
  // Entity sets and singletons carry capabilities and permissions, nothing the model keeps.
  if (registry.containers.has(fqn)) return { keys: [] };
  const type = registry.types.get(fqn);
  if (type) {
    if (signature) return { why: `${fqn} is a type, not an operation` };
    if (member === undefined) return { keys: [fqn] };
    return hasMember(type, member) ? { keys: [`${fqn}/${member}`] } : { why: `${fqn} has no member "${member}"` };
  }
  const overloads = registry.operations.get(fqn);
  if (!overloads) return { why: `no schema defines ${fqn}` };
  const matched = signature ? matchOverloads(overloads, signature.map((written) => names.canonicalType(written, scope))) : overloads;
  if (!matched.length) return { why: `no overload of ${fqn} has the parameters (${signature!.join(", ")})` };
  if (member === undefined) return { keys: matched.map((operation) => `op:${operation.id}`) };
  const withParameter = matched.filter((operation) => operation.element.parameters.some((p) => p.name === member));
  if (!withParameter.length) return { why: `${fqn} has no parameter "${member}"` };
  return { keys: withParameter.map((operation) => `op:${operation.id}/${member}`) };
}

function hasMember(type: TypeEntry, member: string): boolean {
  if (type.kind === "structured") {
    const { properties, navigationProperties } = type.element;
    return properties.some((p) => p.name === member) || navigationProperties.some((p) => p.name === member);
  }
  if (type.kind === "enum") return type.element.members.some((m) => m.name === member);
  return false;
}

/**
 * Graph writes every parameter type into an operation target; CSDL itself writes only the binding parameter's
 * (bound operations) or nothing (unbound actions). An exact match wins; otherwise the standard forms are tried.
 */
function matchOverloads(overloads: readonly OperationEntry[], wanted: readonly string[]): OperationEntry[] {
  const exact = overloads.filter((o) => o.signature.length === wanted.length && o.signature.every((t, i) => t === wanted[i]));
  if (exact.length) return exact;
  if (wanted.length === 0) return overloads.filter((o) => !o.element.isBound);
  if (wanted.length === 1) return overloads.filter((o) => o.element.isBound && o.signature[0] === wanted[0]);
  return [];
}
