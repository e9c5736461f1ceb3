/** How model names become TypeScript names. One place, so every module and the barrel agree. */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Globals the generated code uses as values; an enum const of the same name would shadow them. */
const VALUE_GLOBALS = new Set(["Object", "Set"]);

function sanitize(name: string): string {
  const cleaned = name.replace(/[^\w$]/g, "_");
  return /^\d/.test(cleaned) ? `_${cleaned}` : cleaned || "_";
}

/** `runningOperation` -> `RunningOperation`. */
export function typeIdentifier(name: string): string {
  const identifier = sanitize(name);
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

/** Enum types also declare a const of the same name, which must not shadow a global the output calls. */
export function enumIdentifier(name: string): string {
  const identifier = typeIdentifier(name);
  return VALUE_GLOBALS.has(identifier) ? `${identifier}_` : identifier;
}

/** `microsoft.graph.partners.billing` -> `microsoftGraphPartnersBilling`: the import alias and the barrel's name. */
export function namespaceIdentifier(namespace: string): string {
  const words = namespace.split(".").filter(Boolean).map(sanitize);
  return words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** The module file of a namespace: its name as it is, so the output reads like the model. */
export function moduleFileName(namespace: string): string {
  return `${namespace.replace(/[^\w.-]/g, "_").replace(/\.{2,}/g, ".").replace(/^\.+/, "")}.ts`;
}

/** A property name as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function guardName(typeName: string): string {
  return `is${typeName}`;
}

/** The union of a base type and every type derived from it. */
export function unionName(typeName: string): string {
  return `Any${typeName}`;
}

/** The module-private set of `@odata.type` names a guard accepts. */
export function odataTypeSetName(typeName: string): string {
  return `${typeName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_ODATA_TYPES`;
}

/** Text safe inside a `/** *\/` comment: nothing can close it early. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
