import type { InterfaceDeclarationStructure, PropertySignatureStructure } from "ts-morph";
import { StructureKind } from "../ts-morph.js";
import type { EmitContext } from "../context.js";
import { jsDoc } from "../docs.js";
import { propertyKey } from "../names.js";
import type { EnvelopeNames } from "../plan/plan.js";

function property(name: string, type: string, description: string): PropertySignatureStructure {
  return { kind: StructureKind.PropertySignature, name: propertyKey(name), hasQuestionToken: true, type, docs: jsDoc(description) };
}

const CONTEXT = property("@odata.context", "string", "The metadata URL of the payload's type or entity set.");

/**
 * The generic parts of the OData JSON format that wrap the model's types: the annotations every entity may carry,
 * a page of a collection, and the object a primitive result comes in. Types only: nothing here exists at run time.
 * The single layout (a drop-in for @microsoft/microsoft-graph-types) leaves out the index signature of property
 * annotations, which would make that package's types unassignable to ours. Declared once for the whole output, so
 * the context is the plan's alone.
 */
export function transformEnvelope(names: EnvelopeNames, ctx: Pick<EmitContext, "plan">): InterfaceDeclarationStructure[] {
  const annotations = ctx.plan.layout === "modules";
  const statements = envelopeInterfaces(names).map((s) => (annotations ? s : { ...s, indexSignatures: [] }));
  return ctx.plan.shape.readonly ? statements.map((s) => ({ ...s, properties: s.properties?.map((p) => ({ ...p, isReadonly: true })) })) : statements;
}

function envelopeInterfaces(names: EnvelopeNames): InterfaceDeclarationStructure[] {
  return [
    {
      kind: StructureKind.Interface,
      name: names.CollectionResponse,
      isExported: true,
      typeParameters: ["T"],
      docs: jsDoc(
        "A collection as the service returns it: one page of items in `value`, with the link to the next page while there is one, and a delta link at the end of a delta query.",
      ),
      properties: [
        CONTEXT,
        property("@odata.count", "number | null", "The number of items in the whole collection, when `$count=true` was asked for."),
        property("@odata.nextLink", "string | null", "The URL of the next page; absent on the last page."),
        property("@odata.deltaLink", "string | null", "The URL that returns the changes since this response; only on the last page of a delta query."),
        property("value", "T[]", "The items of this page."),
      ],
    },
    {
      kind: StructureKind.Interface,
      name: names.InstanceAnnotations,
      isExported: true,
      docs: jsDoc(
        "The control information an entity in a payload may carry, besides its `@odata.type`, and the annotations of its properties (`members@odata.nextLink`, `photo@odata.mediaContentType`). Every root entity type extends this.",
      ),
      properties: [
        CONTEXT,
        property("@odata.etag", "string", "The entity's version, for `If-Match` on updates."),
        property("@odata.id", "string", "The entity's canonical URL."),
        property("@odata.editLink", "string", "The URL to update the entity at, when it is not its id."),
        property("@odata.readLink", "string", "The URL to read the entity at, when it is not its id."),
        property("@odata.mediaContentType", "string", "A media entity's content type (the MIME type of its stream)."),
        property("@odata.mediaEditLink", "string", "The URL to update a media entity's stream at."),
        property("@odata.mediaReadLink", "string", "The URL to read a media entity's stream at."),
        property("@odata.mediaEtag", "string", "The version of a media entity's stream."),
      ],
      // Only names with `@odata.` in them: a misspelled property is still an excess property.
      indexSignatures: [{ keyName: "annotation", keyType: "`${string}@odata.${string}`", returnType: "unknown" }],
    },
    {
      kind: StructureKind.Interface,
      name: names.ValueResponse,
      isExported: true,
      typeParameters: ["T"],
      docs: jsDoc("A single primitive or enum value as the service returns it: wrapped in an object, under `value`."),
      properties: [CONTEXT, property("value", "T", "The value.")],
    },
  ];
}
