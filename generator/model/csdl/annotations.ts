import type { CsdlAnnotation, CsdlAnnotationValue } from "../../types/index.js";

/** Term as written -> its name when it is a Core term, else null. Few distinct terms, many annotations: cached. */
const coreNames = new Map<string, string | null>();

/**
 * Whether a term is `Org.OData.Core.V1.<name>`. Documents may reference the Core vocabulary under an alias
 * (`Core.Description`), and the adapter does not read `edmx:Reference`, so the term is matched by its ending:
 * `...Core.V1.<name>` or `...Core.<name>`. A Graph-defined term of the same last name (`graph.Description`) is not
 * the Core one and does not match.
 */
export function isCoreTerm(term: string, name: string): boolean {
  let core = coreNames.get(term);
  if (core === undefined) {
    const segments = term.split(".");
    const last = segments.pop()!;
    const vocabulary = segments.at(-1);
    core = vocabulary === "Core" || (vocabulary === "V1" && segments.at(-2) === "Core") ? last : null;
    if (coreNames.size < 1000) coreNames.set(term, core); // bounded: a long-lived process sees many documents
  }
  return core === name;
}

/** The annotations of one term, unqualified ones first: a qualifier tailors a value to a context we do not have. */
function ofTerm(annotations: readonly CsdlAnnotation[], name: string): CsdlAnnotation[] {
  if (!annotations.length) return [];
  const matching = annotations.filter((annotation) => isCoreTerm(annotation.term, name));
  if (matching.length < 2) return matching;
  return [...matching.filter((a) => a.qualifier === undefined), ...matching.filter((a) => a.qualifier !== undefined)];
}

function text(value: CsdlAnnotationValue | undefined): string | undefined {
  if (!value || value.kind === "record" || value.kind === "collection") return undefined;
  const trimmed = value.value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * `Core.Description`, with `Core.LongDescription` as a second paragraph. The first annotation of each term wins;
 * callers pass inline annotations before out-of-line ones, so the element's own text is preferred.
 */
export function descriptionOf(annotations: readonly CsdlAnnotation[]): string | undefined {
  const first = (name: string): string | undefined => {
    for (const annotation of ofTerm(annotations, name)) {
      const found = text(annotation.value);
      if (found) return found;
    }
    return undefined;
  };
  const paragraphs = [first("Description"), first("LongDescription")].filter((p): p is string => p !== undefined);
  return paragraphs.length ? paragraphs.join("\n\n") : undefined;
}

/**
 * `Core.Revisions` records of kind `Deprecated`, as one sentence each: the record's description, then when it was
 * deprecated and when it goes away. Graph applies the same revision inline and out-of-line at times, so repeats
 * are dropped. Undefined when the element is not deprecated.
 */
export function deprecationOf(annotations: readonly CsdlAnnotation[]): string | undefined {
  const texts: string[] = [];
  for (const annotation of ofTerm(annotations, "Revisions")) {
    const value = annotation.value;
    const records = value?.kind === "collection" ? value.items : value ? [value] : [];
    for (const record of records) {
      if (record.kind !== "record") continue;
      const kind = text(record.properties.Kind);
      if (!kind || !/(?:^|[/.])Deprecated$/.test(kind)) continue;
      const entry = revisionText(text(record.properties.Description), text(record.properties.Date), text(record.properties.RemovalDate));
      if (!texts.includes(entry)) texts.push(entry);
    }
  }
  return texts.length ? texts.join(" ") : undefined;
}

function revisionText(description: string | undefined, date: string | undefined, removal: string | undefined): string {
  const dates = `Deprecated${date ? ` since ${date}` : ""}${removal ? `; to be removed on ${removal}` : ""}.`;
  if (!description) return dates;
  if (!date && !removal) return description;
  // The dates follow as their own sentence, so the description needs to end like one.
  return `${/[.!?]$/.test(description) ? description : `${description}.`} ${dates}`;
}

/** `Core.OptionalParameter` (bare, or with a DefaultValue record); only an explicit `Bool="false"` says otherwise. */
export function isOptional(annotations: readonly CsdlAnnotation[]): boolean {
  const annotation = ofTerm(annotations, "OptionalParameter")[0];
  if (!annotation) return false;
  return !(annotation.value?.kind === "bool" && annotation.value.value === "false");
}

/** The terms the model reads: an out-of-line block with none of them loses nothing when its target is unknown. */
export function carriesModelTerms(annotations: readonly CsdlAnnotation[]): boolean {
  return annotations.some((a) => ["Description", "LongDescription", "Revisions", "OptionalParameter"].some((name) => isCoreTerm(a.term, name)));
}
