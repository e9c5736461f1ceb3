import type { EnvelopeNames, NamePlan } from "./plan.js";
import { namespaceIdentifier, ROOT_NAMESPACE, typeIdentifier } from "../names.js";

/**
 * Names model types from inside one namespace (a module, or an `export namespace` block of the single file) and
 * remembers what that needs: the other modules to import, the envelope module, or the single file's self-import.
 */
export class ModuleScope {
  /** Modules layout: the other namespaces this module refers to. */
  readonly imports = new Set<string>();
  /** Modules layout: those of them it refers to at run time (schemas, enum objects), so imported as values. */
  readonly valueImports = new Set<string>();
  /** Modules layout: refers to the envelope module. */
  usesEnvelope = false;
  /** Single layout: refers to a top-level name this block shadows, through the file's import of itself. */
  usesRoot = false;

  constructor(
    readonly namespace: string,
    readonly plan: NamePlan,
  ) {}

  /** The declared type (for a flags enum: the member union). */
  refer(fqn: string): string {
    const declared = this.plan.declared.get(fqn);
    if (declared) return this.qualify(declared.namespace, declared.name);
    // Not in the model (the model resolves every named use, so this is defensive): name it the way it would be.
    const dot = fqn.lastIndexOf(".");
    return this.qualify(fqn.slice(0, dot), typeIdentifier(fqn.slice(dot + 1)));
  }

  /** What a value of the type is written as: a flags enum's values are combinations of its members. */
  referValue(fqn: string): string {
    const declared = this.plan.declared.get(fqn);
    const flags = declared && this.plan.namespaces.get(declared.namespace)?.flags.get(fqn);
    return flags ? this.qualify(declared.namespace, flags.type) : this.refer(fqn);
  }

  /** A whole payload of the type: its `Any*` union when it has derived types, since the payload may be any of them. */
  referPayload(fqn: string): string {
    const declared = this.plan.declared.get(fqn);
    if (declared?.union) return this.qualify(declared.namespace, declared.union);
    return this.referValue(fqn);
  }

  /**
   * A property, parameter or return value of the type. The modules layout writes the payload (a derived type is a
   * valid value); the single layout, a drop-in for @microsoft/microsoft-graph-types, the declared type as that
   * package does: with unions in recursive types, the compiler can no longer relate that package's types to ours.
   */
  referMember(fqn: string): string {
    return this.plan.layout === "modules" ? this.referPayload(fqn) : this.referValue(fqn);
  }

  /**
   * With TypeScript enums (enumStyle "enum", modules layout), the type of one member (`Color.red`), since a string
   * literal is not assignable to an enum; otherwise undefined (the member is its string literal).
   */
  enumMemberType(fqn: string, member: string): string | undefined {
    if (this.plan.shape.enumStyle !== "enum" || this.plan.layout !== "modules" || this.plan.declared.get(fqn)?.kind !== "enum" || this.isFlags(fqn)) return undefined;
    const ref = this.refer(fqn);
    return /^[A-Za-z_$][\w$]*$/.test(member) ? `${ref}.${member}` : `(typeof ${ref})[${JSON.stringify(member)}]`;
  }

  /** A value the guards use at run time: a structured type's schema, or an enum's object of members. */
  referRuntime(fqn: string, what: "schema" | "exact" | "enum"): string {
    const declared = this.plan.declared.get(fqn)!;
    if (declared.namespace !== this.namespace) this.valueImports.add(declared.namespace);
    const name = what === "enum" ? declared.name : what === "exact" ? (declared.exactSchema ?? declared.schema!) : declared.schema!;
    return this.qualify(declared.namespace, name);
  }

  /** In a namespace the namespaces option left out: written as `unknown`. */
  isOmitted(fqn: string): boolean {
    return this.plan.omitted.has(fqn);
  }

  isFlags(fqn: string): boolean {
    const declared = this.plan.declared.get(fqn);
    return Boolean(declared && this.plan.namespaces.get(declared.namespace)?.flags.has(fqn));
  }

  isStructured(fqn: string): boolean {
    return this.plan.declared.get(fqn)?.kind === "type";
  }

  /** One of the generic envelope types. */
  envelope(role: keyof EnvelopeNames): string {
    const name = this.plan.envelope[role];
    if (this.plan.layout === "modules") {
      this.usesEnvelope = true;
      return `${this.plan.envelopeAlias}.${name}`;
    }
    return this.topLevel(name);
  }

  private qualify(namespace: string, local: string): string {
    if (namespace === this.namespace) return local;
    if (this.plan.layout === "modules") {
      this.imports.add(namespace);
      return `${this.plan.modules.get(namespace)?.alias ?? namespaceIdentifier(namespace)}.${local}`;
    }
    const nested = this.plan.nested.get(namespace);
    return nested ? `${this.namespacePath(nested)}.${local}` : this.topLevel(local);
  }

  /**
   * A namespace block seen from this scope. A qualified name's first part is looked up as a namespace: the types
   * and aliases a block declares cannot shadow it, but the namespaces enclosing this block can (inside
   * `Partners.Billing`, `Billing` is that block, not a top-level `Billing`); then through the file's import of itself.
   */
  private namespacePath(path: string): string {
    if (!this.shadowingNamespaces().has(path.split(".")[0])) return path;
    this.usesRoot = true;
    return `${rootAlias()}.${path}`;
  }

  private shadowing?: Set<string>;

  /** The namespace names declared inside the namespaces that enclose this block (single layout). */
  private shadowingNamespaces(): Set<string> {
    if (this.shadowing) return this.shadowing;
    this.shadowing = new Set();
    const own = this.plan.nested.get(this.namespace)?.split(".");
    if (!own) return this.shadowing;
    for (const other of this.plan.nested.values()) {
      const parts = other.split(".");
      // Inside namespace own[0..j), each namespace path that starts with own[0..j) declares its part j.
      for (let j = 1; j <= own.length && j < parts.length && parts[j - 1] === own[j - 1]; j++) this.shadowing.add(parts[j]);
    }
    return this.shadowing;
  }

  /**
   * A top-level name seen from this scope: bare, unless a declaration of this block, or of a block it is nested in
   * (`Partners` around `Partners.Billing`), has the same name.
   */
  private topLevel(name: string): string {
    if (this.namespace === ROOT_NAMESPACE || !this.enclosing().some((namespace) => this.plan.namespaces.get(namespace)?.names.has(name))) return name;
    this.usesRoot = true;
    return `${rootAlias()}.${name}`;
  }

  private enclosingBlocks?: string[];

  /** This namespace and the namespaces whose blocks enclose its block (single layout). */
  private enclosing(): string[] {
    if (this.enclosingBlocks) return this.enclosingBlocks;
    const own = this.plan.nested.get(this.namespace);
    this.enclosingBlocks = [this.namespace];
    if (own) for (const [namespace, path] of this.plan.nested) if (own.startsWith(`${path}.`)) this.enclosingBlocks.push(namespace);
    return this.enclosingBlocks;
  }
}

/** The single file imports itself under this name, to reach top-level names a namespace block shadows. */
export function rootAlias(): string {
  return namespaceIdentifier(ROOT_NAMESPACE);
}
