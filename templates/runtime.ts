/**
 * Is `value` a non-null object whose `@odata.type` is one of `types`? Payloads write the name with a leading
 * `#` (`#microsoft.graph.user`), request bodies and some docs without it; both are accepted.
 */
export function hasODataType(value: unknown, types: ReadonlySet<string>): boolean {
  if (typeof value !== "object" || value === null) return false;
  const odataType: unknown = (value as { "@odata.type"?: unknown })["@odata.type"];
  if (typeof odataType !== "string") return false;
  return types.has(odataType.startsWith("#") ? odataType.slice(1) : odataType);
}

/**
 * The members named in a flags enumeration value, in the order written: `"a,b"` -> `["a", "b"]`. Parts are
 * trimmed (some services write `"a, b"`) and empty ones dropped, so `""`, `null` and `undefined` give `[]`. Names
 * are not checked here; the generated `split<Enum>Flags` wrappers keep only the enum's members.
 */
export function splitFlags(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * A flags enumeration value from its members: each once, comma-separated, in the order `order` declares them (the
 * generated `join<Enum>Flags` wrappers pass the enum's members, the order its `<Enum>Flags` type lists). Names
 * missing from `order` go last, in the order given. No members give `""`.
 */
export function joinFlags<M extends string>(members: Iterable<M>, order: readonly M[]): string {
  const rank = (member: M): number => {
    const index = order.indexOf(member);
    return index === -1 ? order.length : index;
  };
  return [...new Set(members)].sort((a, b) => rank(a) - rank(b)).join(",");
}

/**
 * How one property is checked, as the generated `*_SCHEMA` tables write it. A primitive is a string: modifiers
 * then a kind, `s` a string (also dates, times, GUIDs, durations, binary), `n` a number, `b` a boolean, `o` any
 * object (a relationship: present only with `$expand`, checked by the target's own guard), `u` anything (Json,
 * streams, types the namespaces option left out). Anything else is the modifiers and the type: a schema, an enum
 * object, or the members a narrowed enum keeps. Modifiers: `*` a collection, `?` may be null, `,` a flags value.
 */
export type PropertySpec = string | readonly [modifiers: string, type: () => SpecTarget];
type SpecTarget = TypeSchema | Readonly<Record<string, string>> | readonly string[];
/** A spec as a table writes it: a property named like an `Object` method (`toString`) gets no contextual type, so its pair reads as an array. */
type WrittenSpec = PropertySpec | readonly (string | (() => SpecTarget))[];

/**
 * What a guard checks for one structured type: its properties (with its bases') and the types derived from it.
 * Built by the generated modules, read by {@link validate}. `T` is the TypeScript type a conforming value has.
 */
export class TypeSchema<T = unknown> {
  /** Never set: ties the schema to its TypeScript type, so `conforms(value, USER_SCHEMA)` narrows to it. */
  declare readonly payload?: T;
  /** The qualified name, as `@odata.type` writes it (without `#`). */
  readonly type: string;
  private readonly base: (() => TypeSchema) | undefined;
  private readonly declared: () => Readonly<Record<string, WrittenSpec>>;
  private readonly derived: DerivedSchemas;
  private own?: ReadonlyMap<string, PropertySpec>;
  private types?: ReadonlyMap<string, TypeSchema>;

  constructor(
    type: string,
    base: (() => TypeSchema) | undefined,
    declared: () => Readonly<Record<string, WrittenSpec>>,
    derived: DerivedSchemas,
  ) {
    this.type = type;
    this.base = base;
    this.declared = declared;
    this.derived = derived;
  }

  /** The properties it declares or inherits, by name; built on first use, since schemas refer to each other. */
  properties(): ReadonlyMap<string, PropertySpec> {
    this.own ??= new Map([
      ...(this.base ? this.base().properties() : []),
      ...(Object.entries(this.declared()) as [string, PropertySpec][]),
    ]);
    return this.own;
  }

  /** This type and every type derived from it, by qualified name. */
  subtree(): ReadonlyMap<string, TypeSchema> {
    this.types ??= new Map<string, TypeSchema>([
      [this.type, this],
      ...this.derived((...schemas) => schemas).map((t): [string, TypeSchema] => [t.type, t]),
    ]);
    return this.types;
  }
}

/**
 * The types derived from a type, listed as `(d) => d(A_SCHEMA, B_SCHEMA)`: arguments, not an array literal, since
 * TypeScript unions the element types of a literal and a thousand schemas (microsoft.graph.entity's) are too many.
 */
type DerivedSchemas = (
  list: (...schemas: TypeSchema[]) => readonly TypeSchema[],
) => readonly TypeSchema[];

/** A schema, as the generated modules declare them (one call, marked pure, so unused ones are tree-shaken). */
export function typeSchema<T>(
  type: string,
  base: (() => TypeSchema) | undefined,
  properties: () => Readonly<Record<string, WrittenSpec>>,
  derived: DerivedSchemas = () => [],
): TypeSchema<T> {
  return new TypeSchema<T>(type, base, properties, derived);
}

/**
 * One reason a value does not conform. `instancePath` is a JSON Pointer, as ajv's errors have it; `path` the same
 * as keys and `message` a sentence, as Standard Schema issues have them.
 */
export interface ValidationIssue {
  instancePath: string;
  path: (string | number)[];
  message: string;
  expected: string;
  found: string;
  /** Warnings only with `unknownProperties`; a guard is true when there is no error. */
  severity: "error" | "warning";
}

export interface ValidateOptions {
  /** Report properties the type does not declare (annotations aside) as warnings. Default false: the service adds properties before the metadata has them. */
  unknownProperties?: boolean;
  /** Stop after this many errors. Default: all. */
  maxErrors?: number;
}

/**
 * Why `value` is not a payload of the schema's type; `[]` when it is. A payload conforms when it is an object,
 * each declared property that is present holds a value of its declared kind (deep, through nested objects and
 * collections), and its `@odata.type`, when present, names the type or a derived one (then that type's
 * properties are checked). Other properties and every annotation (`@odata.etag`, `photo@odata.mediaReadLink`)
 * are allowed.
 */
export function validate(
  value: unknown,
  schema: TypeSchema,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const maxErrors = options.maxErrors ?? Infinity;
  let errors = 0;
  const report = (
    path: (string | number)[],
    expected: string,
    found: unknown,
    severity: ValidationIssue["severity"] = "error",
  ): void => {
    const shown = typeof found === "string" && severity === "warning" ? found : describe(found);
    const message =
      severity === "error" ? `must be ${expected}, found ${shown}` : `${expected}: ${shown}`;
    issues.push({ instancePath: pointer(path), path, message, expected, found: shown, severity });
    if (severity === "error") errors++;
  };
  // Depth-first with an explicit stack: payloads may nest deeper than the call stack allows.
  const stack: { value: unknown; spec: PropertySpec | TypeSchema; path: (string | number)[] }[] = [
    { value, spec: schema, path: [] },
  ];
  const seen = new Map<object, Set<TypeSchema>>();
  while (stack.length && errors < maxErrors) {
    const task = stack.pop()!;
    if (task.spec instanceof TypeSchema) checkObject(task.value, task.spec, task.path);
    else checkProperty(task.value, task.spec, task.path);
  }
  return issues;

  function checkObject(value: unknown, schema: TypeSchema, path: (string | number)[]): void {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return report(path, `an object (${schema.type})`, value);
    // A value met twice (shared, or a cycle) is checked once against each schema.
    const schemas = seen.get(value) ?? new Set<TypeSchema>();
    if (schemas.has(schema)) return;
    seen.set(value, schemas.add(schema));
    const odataType: unknown = (value as Record<string, unknown>)["@odata.type"];
    let type = schema;
    if (odataType !== undefined) {
      const named =
        typeof odataType === "string"
          ? schema.subtree().get(odataType.startsWith("#") ? odataType.slice(1) : odataType)
          : undefined;
      if (!named)
        return report(
          [...path, "@odata.type"],
          `"#${schema.type}" or a type derived from it`,
          odataType,
        );
      type = named;
    }
    const properties = type.properties();
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      if (key.includes("@") || item === undefined) continue;
      const spec = properties.get(key);
      if (spec !== undefined) stack.push({ value: item, spec, path: [...path, key] });
      else if (options.unknownProperties)
        report([...path, key], `not a property of ${type.type}`, key, "warning");
    }
  }

  function checkProperty(value: unknown, spec: PropertySpec, path: (string | number)[]): void {
    const modifiers = typeof spec === "string" ? spec.slice(0, -1) : spec[0];
    if (value === null)
      return modifiers.includes("?") ? undefined : report(path, expectation(spec), null);
    if (!modifiers.includes("*")) return checkItem(value, spec, modifiers.includes(","), path);
    if (!Array.isArray(value)) return report(path, `an array of ${expectation(spec, true)}`, value);
    for (let i = value.length - 1; i >= 0; i--) {
      if (value[i] === null) report([...path, i], expectation(spec, true), null);
      else checkItem(value[i], spec, modifiers.includes(","), [...path, i]);
    }
  }

  function checkItem(
    value: unknown,
    spec: PropertySpec,
    flags: boolean,
    path: (string | number)[],
  ): void {
    if (typeof spec !== "string") {
      const type = spec[1]();
      if (type instanceof TypeSchema) return void stack.push({ value, spec: type, path });
      const members = membersOf(type);
      const ok =
        typeof value === "string" &&
        (flags
          ? value.split(",").every((m) => m.trim() === "" || members.includes(m.trim()))
          : members.includes(value));
      return ok ? undefined : report(path, expectation(spec, true), value);
    }
    const kind = spec[spec.length - 1];
    const ok =
      kind === "u" ||
      (kind === "o"
        ? typeof value === "object" && !Array.isArray(value)
        : typeof value === KINDS[kind]);
    if (!ok) report(path, expectation(spec, true), value);
  }
}

/** Whether `value` conforms to the schema: {@link validate} finding no error (the guards call this). */
export function conforms<T>(value: unknown, schema: TypeSchema<T>): value is T {
  return validate(value, schema, { maxErrors: 1 }).length === 0;
}

/** An enum's members: its object's values, or the list a narrowed property keeps. */
function membersOf(type: Readonly<Record<string, string>> | readonly string[]): readonly string[] {
  return Array.isArray(type) ? (type as readonly string[]) : Object.values(type);
}

const KINDS: Readonly<Record<string, string>> = { s: "string", n: "number", b: "boolean" };
const KIND_NAMES: Readonly<Record<string, string>> = {
  s: "a string",
  n: "a number",
  b: "a boolean",
  o: "an object",
  u: "any value",
};

/** What a spec expects, in words: `a string or null`, `one of "a", "b"`, `an object (microsoft.graph.user)`. */
function expectation(spec: PropertySpec, item = false): string {
  const modifiers = typeof spec === "string" ? spec.slice(0, -1) : spec[0];
  let words: string;
  if (typeof spec === "string") words = KIND_NAMES[spec[spec.length - 1]] ?? "a value";
  else {
    const type = spec[1]();
    const members = type instanceof TypeSchema ? [] : membersOf(type);
    const listed =
      members
        .slice(0, 6)
        .map((m) => JSON.stringify(m))
        .join(", ") + (members.length > 6 ? ", ..." : "");
    words =
      type instanceof TypeSchema
        ? `an object (${type.type})`
        : modifiers.includes(",")
          ? `members of ${listed}, joined by commas`
          : `one of ${listed}`;
  }
  if (item) return words;
  return modifiers.includes("*") ? `an array of ${words}` : words;
}

/** A found value, briefly: `null`, `an array`, `an object`, `42`, `"Text"` (long strings cut). */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return typeof value === "number" || typeof value === "boolean" ? String(value) : typeof value;
}

/** A JSON Pointer (RFC 6901): `~` and `/` in keys escaped. */
function pointer(path: readonly (string | number)[]): string {
  return path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The Standard Schema (v1) interface, for libraries that take any validator (form libraries, tRPC, Hono...). */
export interface StandardSchemaV1<T> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) =>
      | { readonly value: T; readonly issues?: undefined }
      | {
          readonly issues: readonly {
            readonly message: string;
            readonly path: readonly (string | number)[];
          }[];
        };
    readonly types?: { readonly input: T; readonly output: T };
  };
}

/** A schema as a Standard Schema: `validate` gives the value back when it conforms, else its error issues. */
export function standardSchema<T>(schema: TypeSchema<T>): StandardSchemaV1<T> {
  return {
    "~standard": {
      version: 1,
      vendor: "graph-typegen",
      validate: (value) => {
        const issues = validate(value, schema).filter((issue) => issue.severity === "error");
        return issues.length ? { issues } : { value: value as T };
      },
    },
  };
}
