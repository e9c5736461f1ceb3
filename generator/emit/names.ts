import { createHash } from "node:crypto";

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

/**
 * Words a namespace import alias cannot be (`import type * as class` is a syntax error), and the runtime helpers a
 * module imports by name beside the aliases.
 */
const RESERVED_ALIASES = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with"],
  ...["implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "await", "arguments", "eval"],
  ...["hasODataType", "joinFlags", "splitFlags"],
]);

/**
 * Module file names emit writes itself (the barrel, the runtime): a namespace never takes one. Nor a name ending in
 * `.d` (`contoso.d` -> `contoso.d.ts`), which would be a declaration file: its guards' bodies dropped, no JavaScript.
 */
const RESERVED_FILES = new Set(["index", "runtime"]);

/** `microsoft.graph.partners.billing` -> `microsoftGraphPartnersBilling`: the import alias and the barrel's name. */
export function namespaceIdentifier(namespace: string): string {
  const words = namespace.split(".").filter(Boolean).map(sanitize);
  const identifier = words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join("") || "_";
  return RESERVED_ALIASES.has(identifier) ? `${identifier}_` : identifier;
}

/** The module file of a namespace: its name as it is, so the output reads like the model. */
export function moduleFileName(namespace: string): string {
  const stem = namespace.replace(/[^\w.-]/g, "_").replace(/\.{2,}/g, ".").replace(/^\.+/, "") || "_";
  return `${RESERVED_FILES.has(stem.toLowerCase()) || /\.d$/i.test(stem) ? `${stem}_` : stem}.ts`;
}

/** Names Windows gives to devices, with or without an extension (`con.ts`, `Aux.x.ts`): no file can take them. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** File names stay under this many UTF-8 bytes (with `.ts`): Windows paths and most tar and zip tools allow 255. */
export const MAX_FILE_BYTES = 200;

/**
 * A module file stem every common file system can hold: a Windows device name as the first dot-separated part gets
 * a `_` (`CON` -> `CON_`, `aux.x` -> `aux_.x`); a stem too long for MAX_FILE_BYTES keeps its start and ends in a
 * hash of the whole (so two long namespaces stay apart). Characters Windows forbids never get here (moduleFileName
 * writes `_` for them), and case-only differences are told apart by the plan. `reason` says what was changed.
 */
export function portableStem(stem: string): { stem: string; reason?: string } {
  const [first, ...rest] = stem.split(".");
  let portable = stem;
  let reason: string | undefined;
  if (WINDOWS_DEVICES.test(first!)) {
    portable = [`${first}_`, ...rest].join(".");
    reason = `"${first}" is a device name on Windows`;
  }
  if (Buffer.byteLength(`${portable}.ts`) > MAX_FILE_BYTES) {
    const hash = createHash("sha256").update(stem).digest("hex").slice(0, 10);
    let start = portable;
    while (Buffer.byteLength(`${start}_${hash}.ts`) > MAX_FILE_BYTES) start = start.slice(0, -1);
    portable = `${start}_${hash}`;
    reason = `the name is longer than ${MAX_FILE_BYTES} bytes`;
  }
  return { stem: portable, ...(reason ? { reason } : {}) };
}

/**
 * A property name as written in an interface: bare when it is an identifier, quoted otherwise. `__proto__` is
 * computed, since in an object literal (an enum's members) `__proto__:` sets the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return '["__proto__"]';
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function guardName(typeName: string): string {
  return `is${typeName}`;
}

/** The union of a base type and every type derived from it. */
export function unionName(typeName: string): string {
  return `Any${typeName}`;
}

/** The exported validation schema of a structured type: `User` -> `USER_SCHEMA` (or `USER_EXACT_SCHEMA`). */
export function schemaName(typeName: string, suffix = "SCHEMA"): string {
  return `${typeName.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}_${suffix}`;
}

/**
 * Text safe inside a `/** *\/` comment: nothing can close it early, and no `/*` opens what ts-morph's writer takes
 * for a nested comment (it then closes it for us, mid-JSDoc). `\*` and `\/` render as `*` and `/` in Markdown.
 */
export function docText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** The type of a comma-separated combination of a flags enum's members: `DayOfWeek` -> `DayOfWeekFlags`. */
export function flagsTypeName(enumName: string): string {
  return `${enumName}Flags`;
}

/** The per-enum wrappers over the runtime's `splitFlags` / `joinFlags`: `splitDayOfWeekFlags`, `joinDayOfWeekFlags`. */
export function flagsHelperNames(enumName: string): { split: string; join: string } {
  return { split: `split${enumName}Flags`, join: `join${enumName}Flags` };
}

/**
 * The body of the POST that invokes an action: `export` -> `ExportPostRequestBody` (the name Microsoft's SDKs use).
 * `prefix` tells apart overloads whose parameters differ: the binding type, `UserAssignLicensePostRequestBody`.
 */
export function requestBodyName(operationName: string, prefix = ""): string {
  return `${prefix}${typeIdentifier(operationName)}PostRequestBody`;
}

/** What an action or function returns: `getSchedule` -> `GetScheduleResponse`; `prefix` as for request bodies. */
export function responseName(operationName: string, prefix = ""): string {
  return `${prefix}${typeIdentifier(operationName)}Response`;
}

/** The path map of an entity container: `GraphService` -> `GraphServicePaths`. */
export function pathsName(containerName: string): string {
  return `${typeIdentifier(containerName)}Paths`;
}

/** The namespace everything else is relative to: top level in the single-file layout. */
export const ROOT_NAMESPACE = "microsoft.graph";

/**
 * The `export namespace` block of a namespace in the single-file layout, named the way @microsoft/microsoft-graph-types
 * does: each part after `microsoft.graph.` in PascalCase, nested (`microsoft.graph.partners.billing` ->
 * `Partners.Billing`, `contoso.hr` -> `Contoso.Hr`). `typeNamed` says the namespace's qualified name is also a
 * type's (the entity `microsoft.graph.security` and the namespace `microsoft.graph.security`): then its last part
 * ends in `Namespace` (`SecurityNamespace`), as the official package names it.
 */
export function nestedNamespaceName(namespace: string, typeNamed = false): string {
  const relative = namespace.startsWith(`${ROOT_NAMESPACE}.`) ? namespace.slice(ROOT_NAMESPACE.length + 1) : namespace;
  const parts = relative.split(".").filter(Boolean).map(typeIdentifier);
  if (!parts.length) parts.push("_");
  if (typeNamed) parts[parts.length - 1] += "Namespace";
  return parts.join(".");
}

/**
 * The identifiers one scope declares. Names the model gives (types, enums) are taken as they are; names emit makes
 * up (flags types, request bodies, ...) are claimed after them, so a clash renames the made-up one, never a model
 * type: `Name`, then `Name_2`, `Name_3`... in claim order, which follows the model's sorted lists.
 */
export class ScopeNames {
  private readonly taken = new Set<string>();

  has(name: string): boolean {
    return this.taken.has(name);
  }

  take(name: string): void {
    this.taken.add(name);
  }

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}
