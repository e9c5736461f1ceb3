import { diagnostic, type Diagnostic } from "../types/index.js";
import type { XmlElement } from "./tree.js";

/** What every reader shares: where diagnostics go. Readers return records; they never throw for bad input. */
export interface ReadContext {
  diagnostics: Diagnostic[];
}

/** Child elements with the given local name, in document order. Unknown children are simply never asked for. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.get(name);
}

/**
 * The required attributes of an element, or undefined (with one GT2104 naming all missing ones) when any is
 * absent or empty: the caller then skips the element.
 */
export function requiredAttributes<const Names extends readonly string[]>(
  context: ReadContext,
  element: XmlElement,
  names: Names,
): Record<Names[number], string> | undefined {
  const values: Partial<Record<string, string>> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = element.attributes.get(name);
    if (value) values[name] = value;
    else missing.push(name);
  }
  if (!missing.length) {
    checkNames(context, element, values);
    return values as Record<Names[number], string>;
  }
  const named = element.attributes.get("Name") ?? element.attributes.get("Term");
  const which = `the ${missing.join(" and ")} attribute${missing.length > 1 ? "s" : ""}`;
  context.diagnostics.push(
    diagnostic("csdl-missing-attribute", `<${element.qualifiedName}${named ? ` "${named}"` : ""}> is missing ${which}; skipped`, element.at),
  );
  return undefined;
}

/**
 * OData's SimpleIdentifier: a letter or `_`, then letters, digits, `_` and combining marks, 128 characters at most.
 * A namespace is such identifiers joined by dots. (A PropertyRef's Name is a path and is not checked.)
 */
const SIMPLE_IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Cf}]{0,127}$/u;

/** A GT2107 when `value` (of `attribute`) is not a SimpleIdentifier, or with `dotted`, not a namespace. */
export function checkName(context: ReadContext, element: XmlElement, attribute: string, value: string | undefined, dotted = false): void {
  if (value === undefined || (dotted ? value.split(".") : [value]).every((part) => SIMPLE_IDENTIFIER.test(part))) return;
  const shown = value.length > 60 ? `${value.slice(0, 60)}...` : value;
  const what = dotted ? "a namespace (OData SimpleIdentifiers joined by dots)" : "an OData SimpleIdentifier (a letter or _, then letters, digits or _, at most 128)";
  context.diagnostics.push(diagnostic("csdl-invalid-name", `<${element.qualifiedName}> ${attribute}="${JSON.stringify(shown).slice(1, -1)}" is not ${what}; kept, and written as a valid TypeScript name`, element.at));
}

function checkNames(context: ReadContext, element: XmlElement, values: Partial<Record<string, string>>): void {
  if (element.name !== "PropertyRef") checkName(context, element, "Name", values.Name);
  checkName(context, element, "Namespace", values.Namespace, true);
}

/** A `true`/`false` attribute; undefined when absent. Anything else is GT2105 and counts as absent. */
export function optionalBoolean(context: ReadContext, element: XmlElement, name: string): boolean | undefined {
  const value = element.attributes.get(name);
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  context.diagnostics.push(invalid(element, name, value, "true or false"));
  return undefined;
}

/** A `true`/`false` attribute with CSDL's default when absent or invalid. */
export function booleanAttribute(context: ReadContext, element: XmlElement, name: string, fallback: boolean): boolean {
  return optionalBoolean(context, element, name) ?? fallback;
}

/** A decimal integer attribute (an enum member's Value); undefined when absent, GT2105 when not a safe integer. */
export function integerAttribute(context: ReadContext, element: XmlElement, name: string): number | undefined {
  const value = element.attributes.get(name);
  if (value === undefined) return undefined;
  const number = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number)) return number;
  context.diagnostics.push(invalid(element, name, value, "an integer within ±2^53"));
  return undefined;
}

export function invalid(element: XmlElement, name: string, value: string, expected: string): Diagnostic {
  const shown = value.length > 40 ? `${value.slice(0, 40)}...` : value;
  return diagnostic("csdl-invalid-value", `<${element.qualifiedName}> ${name}="${shown}" is not ${expected}; ignored`, element.at);
}

/** `...optional("alias", alias)`: the key only when there is a value, so records carry no `alias: undefined`. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
