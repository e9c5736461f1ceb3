/**
 * Issue #4: from the same CSDL, `--layout single` is a drop-in replacement for @microsoft/microsoft-graph-types: the
 * same type names in the same namespace nesting, and every type assignable to the official one and back. A probe file
 * imports both and, per type, `(x: Official.T): Ours.T => x` and the reverse; tsc --strict says which fail.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, jest, test } from "@jest/globals";
import ts from "typescript";
import { runPipeline, type PipelineResult } from "../../generator/pipeline.js";
import type { GeneratedFile, Model } from "../../generator/types/index.js";
import { compileErrors } from "../corpus/compile.js";
import { exportedTypes, qualified, type ExportedType } from "./exported.js";
import { CORPUS, describeIfCorpus, ROOT, templates } from "../helpers.js";

jest.setTimeout(120_000);

const OFFICIAL_PACKAGE = "@microsoft/microsoft-graph-types";
const OFFICIAL_FILE = path.join(ROOT, "node_modules", OFFICIAL_PACKAGE, "microsoft-graph.d.ts");

/** The probe imports the official package by name; the temp folder it is compiled in has no node_modules. */
const PROBE_OPTIONS: ts.CompilerOptions = { paths: { [OFFICIAL_PACKAGE]: [OFFICIAL_FILE] } };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Whether the CSDL behind `model` declares the type the official package exports at `path`/`name`, worked out from the
 * official names alone (not from our name plan): the namespace path is the CSDL namespace after `microsoft.graph.`,
 * each part with its first letter upper case, the last part with `Namespace` appended when it would be a type's name;
 * type names are the CSDL names with the first letter upper case.
 */
function declaredInModel(model: Model): (t: ExportedType) => string | undefined {
  const byRelative = new Map<string, Model["namespaces"][number]>();
  for (const namespace of model.namespaces) {
    const relative = namespace.name === "microsoft.graph" ? "" : namespace.name.replace(/^microsoft\.graph\./, "");
    byRelative.set(relative.split(".").map(lowerFirst).join("."), namespace);
  }
  return (t) => {
    const candidates = [t.path.map(lowerFirst).join(".")];
    const last = t.path.at(-1);
    if (last?.endsWith("Namespace")) candidates.push([...t.path.slice(0, -1), last.slice(0, -"Namespace".length)].map(lowerFirst).join("."));
    for (const candidate of candidates) {
      const namespace = byRelative.get(candidate);
      if (!namespace) continue;
      const declared = [...namespace.types, ...namespace.enums, ...namespace.typeDefinitions].find((d) => upperFirst(d.name) === t.name);
      if (declared) return declared.fqn;
    }
    return undefined;
  };
}

/** The two directions a probe checks: official to ours (a value the official types accept is one of ours), and back. */
type Direction = "official->ours" | "ours->official";

/**
 * A probe file: per type, two functions, each on its own line, so an error's line says which type and direction.
 * `lines[i]` is the (type, direction) that line `i + 1` checks.
 */
function probe(types: readonly ExportedType[], extra = ""): { text: string; lines: Array<{ type: string; direction: Direction } | undefined> } {
  const header = [`import type * as Official from "${OFFICIAL_PACKAGE}";`, `import type * as Ours from "./index.js";`];
  const lines: Array<{ type: string; direction: Direction } | undefined> = header.map(() => undefined);
  const body: string[] = [];
  types.forEach((t, i) => {
    const name = qualified(t);
    body.push(`export const in${i} = (x: Official.${name}): Ours.${name} => x;`);
    lines.push({ type: name, direction: "official->ours" });
    body.push(`export const out${i} = (x: Ours.${name}): Official.${name} => x;`);
    lines.push({ type: name, direction: "ours->official" });
  });
  return { text: [...header, ...body, extra].join("\n"), lines };
}

/** The failures of a compiled probe, as `type direction`, and the errors no probe line explains. */
function failures(errors: readonly string[], lines: ReturnType<typeof probe>["lines"]): { failed: Map<string, string>; unexplained: string[] } {
  const failed = new Map<string, string>();
  const unexplained: string[] = [];
  for (const error of errors) {
    const match = /^probe\.ts:(\d+) ([\s\S]*)$/.exec(error);
    const line = match ? lines[Number(match[1]) - 1] : undefined;
    if (!line) unexplained.push(error);
    else failed.set(`${line.type} ${line.direction}`, match![2]);
  }
  return { failed, unexplained };
}

async function single(file: string, text: string): Promise<PipelineResult> {
  return runPipeline([{ path: file, text }], { templates: await templates(), sourceLabels: [file], layout: "single" });
}

/**
 * Our index.d.ts and the probe, compiled once under --strict. `checkOurs` also type-checks our declaration file
 * (skipLibCheck off; the corpus test in test/corpus does that for the big one already).
 */
function compileProbe(files: readonly GeneratedFile[], probeText: string, checkOurs: boolean): string[] {
  const errors = compileErrors([...files, { path: "probe.ts", text: probeText }], { ...PROBE_OPTIONS, skipLibCheck: !checkOurs });
  // The official file is not ours to fix: with skipLibCheck off, only its own errors are left out.
  return errors.filter((e) => !e.startsWith("microsoft-graph.d.ts:"));
}

const FIXTURE = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="alertSeverity">
        <Member Name="unknown" Value="0" /><Member Name="informational" Value="1" /><Member Name="low" Value="2" />
        <Member Name="medium" Value="3" /><Member Name="high" Value="4" /><Member Name="unknownFutureValue" Value="127" />
      </EnumType>
      <EnumType Name="longRunningOperationStatus">
        <Member Name="notStarted" Value="0" /><Member Name="running" Value="1" /><Member Name="succeeded" Value="2" />
        <Member Name="failed" Value="3" /><Member Name="unknownFutureValue" Value="4" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true">
        <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject" OpenType="true">
        <Property Name="aboutMe" Type="Edm.String" />
        <Property Name="accountEnabled" Type="Edm.Boolean" />
        <Property Name="assignedLicenses" Type="Collection(graph.assignedLicense)" Nullable="false" />
        <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" />
      </EntityType>
      <ComplexType Name="assignedLicense">
        <Property Name="disabledPlans" Type="Collection(Edm.Guid)" Nullable="false" />
        <Property Name="skuId" Type="Edm.Guid" />
      </ComplexType>
      <EntityType Name="alert" BaseType="graph.entity">
        <Property Name="severity" Type="graph.alertSeverity" Nullable="false" />
        <Property Name="title" Type="Edm.String" />
      </EntityType>
      <EntityType Name="identityContainer" BaseType="graph.entity" />
      <EntityType Name="security" BaseType="graph.entity">
        <NavigationProperty Name="identities" Type="microsoft.graph.security.identityContainer" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="partners" BaseType="graph.entity">
        <NavigationProperty Name="billing" Type="microsoft.graph.partners.billing.billing" ContainsTarget="true" />
      </EntityType>
      <ComplexType Name="publicError">
        <Property Name="code" Type="Edm.String" />
        <Property Name="message" Type="Edm.String" />
      </ComplexType>
    </Schema>
    <Schema Namespace="microsoft.graph.security" Alias="security" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="alertSeverity">
        <Member Name="unknown" Value="0" /><Member Name="informational" Value="1" /><Member Name="low" Value="2" />
        <Member Name="medium" Value="3" /><Member Name="high" Value="4" /><Member Name="unknownFutureValue" Value="5" />
      </EnumType>
      <EntityType Name="alert" BaseType="graph.entity">
        <Property Name="severity" Type="security.alertSeverity" Nullable="false" />
        <Property Name="title" Type="Edm.String" />
      </EntityType>
      <EntityType Name="identityContainer" BaseType="graph.entity">
        <NavigationProperty Name="legacy" Type="graph.identityContainer" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.partners.billing" Alias="billing" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="billing" BaseType="graph.entity" />
      <EntityType Name="operation" BaseType="graph.entity">
        <Property Name="createdDateTime" Type="Edm.DateTimeOffset" Nullable="false" />
        <Property Name="status" Type="graph.longRunningOperationStatus" />
      </EntityType>
      <EntityType Name="failedOperation" BaseType="billing.operation">
        <Property Name="error" Type="graph.publicError" Nullable="false" />
      </EntityType>
      <EntityType Name="runningOperation" BaseType="billing.operation" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;

describe("compatibility with @microsoft/microsoft-graph-types (inline CSDL)", () => {
  let result: PipelineResult;
  let ours: ExportedType[];
  let official: ExportedType[];
  beforeAll(async () => {
    result = await single("fixture.xml", FIXTURE);
    ours = exportedTypes("index.d.ts", result.files[0].text);
    official = exportedTypes(OFFICIAL_FILE, readFileSync(OFFICIAL_FILE, "utf8"));
  });

  test("the fixture generates without errors, with the official package's names and nesting", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const names = new Set(ours.map(qualified));
    for (const name of ["User", "AssignedLicense", "AlertSeverity", "Alert", "Security", "SecurityNamespace.Alert", "SecurityNamespace.AlertSeverity", "Partners", "Partners.Billing.Operation", "Partners.Billing.FailedOperation"]) {
      expect(names).toContain(name);
      expect(official.map(qualified)).toContain(name);
    }
  });

  test("every fixture type the official package exports is assignable both ways under --strict, and a wrong probe fails", () => {
    const declared = declaredInModel(result.model);
    const common = official.filter((t) => !t.generic && declared(t));
    expect(common.map(qualified).sort()).toEqual(
      [
        "Alert",
        "AlertSeverity",
        "AssignedLicense",
        "DirectoryObject",
        "Entity",
        "IdentityContainer",
        "LongRunningOperationStatus",
        "Partners",
        "Partners.Billing.Billing",
        "Partners.Billing.FailedOperation",
        "Partners.Billing.Operation",
        "Partners.Billing.RunningOperation",
        "PublicError",
        "Security",
        "SecurityNamespace.Alert",
        "SecurityNamespace.AlertSeverity",
        "SecurityNamespace.IdentityContainer",
        "User",
      ].sort(),
    );
    const wrong = [
      // In the namespace block, `IdentityContainer` is the block's own; `legacy` is the root type (through the self-import).
      `export const legacy: Ours.IdentityContainer | null | undefined = ({} as Ours.SecurityNamespace.IdentityContainer).legacy;`,
      `export const notLegacy: Ours.SecurityNamespace.IdentityContainer | null | undefined = ({} as Ours.SecurityNamespace.IdentityContainer).legacy;`,
      `export const wrongAboutMe = (x: { aboutMe?: number }): Official.User => x;`,
      `export const wrongOurs = (x: { aboutMe?: number }): Ours.User => x;`,
    ];
    const { text, lines } = probe(common, wrong.join("\n"));
    const errors = compileProbe(result.files, text, true);
    const { failed, unexplained } = failures(errors, lines);
    expect([...failed.keys()]).toEqual([]);
    // The wrong probes (after the 2 + 2n lines of the probe) must be errors; the `legacy` line must not.
    const first = lines.length + 1;
    expect(unexplained.map((e) => e.replace(/ [\s\S]*/, ""))).toEqual([`probe.ts:${first + 1}`, `probe.ts:${first + 2}`, `probe.ts:${first + 3}`]);
    expect(unexplained[1]).toContain("Type 'number' is not assignable to type 'string'");
  });
});

/** What a failure comes down to: the innermost type and property the compiler names, and its last message line. */
interface RootCause {
  owner: string;
  property?: string;
  leaf: string;
}

/** Walks tsc's elaboration (`Type 'A' is not assignable to type 'B'.` / `Types of property 'p' are incompatible.`). */
function rootCause(type: string, message: string): RootCause {
  const lines = message.split("\n").map((l) => l.trim());
  const cause: RootCause = { owner: type, leaf: lines.at(-1)! };
  // A model type on both sides: the official one is `microsoftgraph.X`, ours `import("...").X`.
  // Ours may be a member of a derived-type union (`User & { "@odata.type"?: ... }`), the official one nullable.
  const prefix = `(?:microsoftgraph\\.|import\\("[^"]*"(?:, \\{[^}]*\\} \\})?\\)\\.)?`;
  const named = new RegExp(`^Type '${prefix}([\\w.]+)(?: & \\{.*\\})?' is not assignable to type '(?:NullableOption<)?${prefix}([\\w.]+)>?(?: \\| undefined)?'`);
  for (const line of lines) {
    const owner = named.exec(line);
    if (owner && owner[1] === owner[2]) {
      cause.owner = owner[1];
      delete cause.property;
    }
    const property = /^Types of property '([^']+)' are incompatible/.exec(line);
    if (property) cause.property = property[1];
  }
  return cause;
}

/** An enum member our union has and the official one lacks: `Type '"print"' is not assignable to type 'UserActivityType'`. */
const EXTRA_MEMBER = /^Type '"([^"]*)"' is not assignable to type '(?:NullableOption<)?([\w.]+)>?(?: \| undefined)?'\./;

/**
 * Where our emit and the official package's differ by design, so every failure it causes is explained by a rule
 * checked against the model, not listed (each is a property):
 * - `flags`: a flags enum's property is typed with the comma-separated combinations (`ChatMessageActionsFlags`, a
 *   feature), which the official single-member union cannot express: ours to official fails only for a combination
 *   (`Type '"a,b"' is not assignable to type 'X'`), and official to ours holds. The set of such properties comes
 *   from the model (`flagsProperties`) and is probed property by property.
 * (A collection the metadata does not mark `Nullable="false"` is `T[] | null` in the single layout, as in the
 * official package, so it is no divergence: a failure there is unexplained.)
 */
type Divergence = "flags";

/** What tsc says of a combination the official union lacks: `Type '"a,b"' is not assignable to type 'X'`, or a template literal. */
const FLAGS_COMBINATION = /^Type '("[^"]*,[^"]*"|`[^`]*`)' is not assignable to type '(?:NullableOption<)?[\w.]+/;

/**
 * Differences that come from the metadata, not from emit: v1.0.xml (2026-08-20) is newer than the metadata the
 * official 2.43.1 was generated from. An enum that gained members is keyed `enum Name` (the failure names the first
 * member the official union lacks); anything else by its root cause, `Type.property direction` or `Type direction`.
 * The test fails when one of these explains no failure (stale).
 */
const ADDED_MEMBERS = "v1.0.xml adds members the official union lacks";
const METADATA_DIFFERENCES: Record<string, string> = {
  "enum AccessPackageAssignmentFilterByCurrentUserOptions": `${ADDED_MEMBERS} (targetManager, targetAgentIdentitySponsorOrOwner)`,
  "enum AccessPackageAssignmentRequestFilterByCurrentUserOptions": `${ADDED_MEMBERS} (targetManager, ...)`,
  "enum AccessPackageRequestType": `${ADDED_MEMBERS} (approverRemove, ...)`,
  "enum AllowedTargetScope": `${ADDED_MEMBERS} (allDirectoryAgentIdentities, ...)`,
  "enum AuthenticationMethodModes": `${ADDED_MEMBERS} (qrCodePin, ...)`,
  "enum BaseAuthenticationMethod": `${ADDED_MEMBERS} (qrCodePin, ...)`,
  "enum ConditionalAccessGrantControl": `${ADDED_MEMBERS} (riskRemediation, ...)`,
  "enum DlpAction": `${ADDED_MEMBERS} (restrictWebGrounding, ...)`,
  "enum ProtectionRuleStatus": `${ADDED_MEMBERS} (updateRequested, ...)`,
  "enum ProtectionUnitStatus": `${ADDED_MEMBERS} (offboardRequested, ...)`,
  "enum RestoreJobType": `${ADDED_MEMBERS} (granular, ...)`,
  "enum RiskDetail": `${ADDED_MEMBERS} (microsoftRevokedSessions, ...)`,
  "enum ScheduleEntityTheme": `${ADDED_MEMBERS} (lightGreen, ...)`,
  "enum UsageRights": `${ADDED_MEMBERS} (labelNotFoundException, ...)`,
  "enum UserActivityType": `${ADDED_MEMBERS} (print, ...)`,
  "enum UserActivityTypes": `${ADDED_MEMBERS} (print, ...)`,
  "enum Label": `ExternalConnectors.Label: ${ADDED_MEMBERS} (state, ...)`,
  "enum PropertyType": `ExternalConnectors.PropertyType: ${ADDED_MEMBERS} (principal, ...)`,
  "enum LifecycleWorkflowProcessingStatus": `IdentityGovernanceNamespace.LifecycleWorkflowProcessingStatus: ${ADDED_MEMBERS} (quarantined, ...)`,
  "enum WorkflowExecutionType": `IdentityGovernanceNamespace.WorkflowExecutionType: ${ADDED_MEMBERS} (activatedWithScope, ...)`,
  "enum AdditionalDataOptions": `SecurityNamespace.AdditionalDataOptions: ${ADDED_MEMBERS} (cloudNativeHtmlConversion, ...)`,
  "enum CaseAction": `SecurityNamespace.CaseAction: ${ADDED_MEMBERS} (holdPolicySync, ...)`,
  "enum DetectionSource": `SecurityNamespace.DetectionSource: ${ADDED_MEMBERS} (microsoftDefenderForAIServices, ...)`,
  "enum ServiceSource": `SecurityNamespace.ServiceSource: ${ADDED_MEMBERS} (microsoftSecurityForAI, ...)`,
  "Room.tags official->ours": "v1.0.xml declares tags on place, Nullable=\"false\" (string[]); the official package on room, string[] | null",
  "ProcessConversationMetadata.plugins official->ours": "v1.0.xml says Nullable=\"false\" (AiInteractionPlugin[]); the official package has AiInteractionPlugin[] | null",
  "AiInteraction.requestId ours->official": "v1.0.xml no longer says Nullable=\"false\": ours is string | null, the official string",
  "FederatedIdentityCredential.subject ours->official": "v1.0.xml no longer says Nullable=\"false\": ours is string | null, the official string",
  // Not the metadata's doing but the official generator's: both documents declare these enums with no members.
  "AuditLogRecordType official->ours": "an enum without members: the official package writes undefined, ours string (any value)",
  "AuditLogRecordType ours->official": "an enum without members: the official package writes undefined, ours string (any value)",
  "AuditLogUserType official->ours": "an enum without members: the official package writes undefined, ours string (any value)",
  "AuditLogUserType ours->official": "an enum without members: the official package writes undefined, ours string (any value)",
};

/** The model type an official path names, and its properties with the inherited ones. */
function modelIndex(model: Model) {
  const types = new Map(model.namespaces.flatMap((n) => n.types).map((t) => [t.fqn, t]));
  const enums = model.namespaces.flatMap((n) => n.enums);
  const declared = declaredInModel(model);
  const property = (owner: string, name: string) => {
    const parts = owner.split(".");
    let type = types.get(declared({ path: parts.slice(0, -1), name: parts.at(-1)!, kind: "interface", generic: false, members: [] }) ?? "");
    for (let depth = 0; type && depth < 50; depth++, type = type.baseType ? types.get(type.baseType) : undefined) {
      const found = type.properties.find((p) => p.name === name);
      if (found) return found;
    }
    return undefined;
  };
  const named = (name: string) => enums.filter((e) => upperFirst(e.name) === name.split(".").at(-1));
  const hasMember = (name: string, member: string) => named(name).some((e) => e.members.some((m) => m.name === member));
  const flagsByFqn = new Map(enums.filter((e) => e.flags).map((e) => [e.fqn, e]));
  /** The flags enum a property is typed with, if it is. */
  const flagsOf = (p: Model["namespaces"][number]["types"][number]["properties"][number] | undefined) => (p?.type.kind === "named" ? flagsByFqn.get(p.type.fqn) : undefined);
  /**
   * The flags properties of the official types: each property the model's type behind an official type in `exported`
   * declares (not inherits) with a flags enum, as `Type.property`; whether the enum has a combination (two members or
   * more); and whether the official interface declares it too (v1.0.xml is newer, so some it does not have yet).
   */
  const flagsProperties = (exported: readonly ExportedType[]) =>
    exported.flatMap((t) => {
      const type = types.get(declared(t) ?? "");
      return (type?.properties ?? []).flatMap((p) => {
        const enumType = flagsOf(p);
        return enumType ? [{ type: qualified(t), property: p.name, combines: enumType.members.length > 1, official: t.members.includes(p.name) }] : [];
      });
    });
  return { property, hasMember, flagsOf, flagsProperties };
}

describeIfCorpus("csdl/v1.0.xml")("compatibility with @microsoft/microsoft-graph-types (csdl/v1.0.xml)", () => {
  let result: PipelineResult;
  let ours: ExportedType[];
  let official: ExportedType[];
  let common: ExportedType[];
  beforeAll(async () => {
    result = await single("v1.0.xml", readFileSync(path.join(CORPUS, "csdl", "v1.0.xml"), "utf8"));
    ours = exportedTypes("index.d.ts", result.files[0].text);
    official = exportedTypes(OFFICIAL_FILE, readFileSync(OFFICIAL_FILE, "utf8"));
    const declared = declaredInModel(result.model);
    common = official.filter((t) => !t.generic && declared(t));
  });

  test("every official type our CSDL declares exists in ours under the same name and nesting", () => {
    const names = new Set(ours.map(qualified));
    const missing = common.filter((t) => !names.has(qualified(t))).map(qualified);
    report(`official exported types ${official.length} (${official.filter((t) => t.generic).length} generic), declared by v1.0.xml ${common.length}, matched by name and nesting ${common.length - missing.length}`);
    expect(missing).toEqual([]);
  });

  test("each is assignable both ways under --strict; every failure is a known divergence or a listed metadata difference", () => {
    const { text, lines } = probe(common);
    const errors = compileProbe(result.files, text, false);
    if (process.env.PROBE_DUMP) writeFileSync(process.env.PROBE_DUMP, text);
    const { failed, unexplained } = failures(errors, lines);
    expect(unexplained).toEqual([]);
    const index = modelIndex(result.model);
    const divergences = new Map<Divergence, Set<string>>([["flags", new Set()]]);
    const used = new Set<string>();
    const unlisted: string[] = [];
    const probes = { flags: 0, metadata: 0 };
    for (const [key, message] of failed) {
      const [type, direction] = key.split(" ") as [string, Direction];
      const cause = rootCause(type, message);
      const at = `${cause.owner}${cause.property ? `.${cause.property}` : ""}`;
      const property = cause.property === undefined ? undefined : index.property(cause.owner, cause.property);
      const member = EXTRA_MEMBER.exec(cause.leaf);
      // Flags: ours to official only, at a property the model types with a flags enum, failing on a combination.
      if (direction === "ours->official" && index.flagsOf(property) && FLAGS_COMBINATION.test(cause.leaf)) {
        divergences.get("flags")!.add(at);
        probes.flags++;
      } else if (direction === "ours->official" && member && `enum ${member[2]}` in METADATA_DIFFERENCES && index.hasMember(member[2], member[1])) {
        used.add(`enum ${member[2]}`);
        probes.metadata++;
      } else if (`${at} ${direction}` in METADATA_DIFFERENCES) {
        used.add(`${at} ${direction}`);
        probes.metadata++;
      } else {
        unlisted.push(`${key}: ${at} ${direction}${member ? ` (enum ${member[2]} +${member[1]})` : ""}: ${cause.leaf}`);
      }
    }
    const both = common.filter((t) => !failed.has(`${qualified(t)} official->ours`) && !failed.has(`${qualified(t)} ours->official`)).length;
    report(
      `assignable both ways ${both} of ${common.length}; failing probes ${failed.size} (official->ours ${[...failed.keys()].filter((k) => k.endsWith("official->ours")).length}, ours->official ${[...failed.keys()].filter((k) => k.endsWith("ours->official")).length}); root causes: flags ${divergences.get("flags")!.size} properties in ${probes.flags} probes (deliberate), metadata differences ${used.size} of ${Object.keys(METADATA_DIFFERENCES).length} listed in ${probes.metadata} probes, unexplained ${unlisted.length}`,
    );
    expect(unlisted).toEqual([]);
    expect(Object.keys(METADATA_DIFFERENCES).filter((key) => !used.has(key))).toEqual([]);
    // Every flags root cause is one of the model's flags properties (declared on the type or a base).
    expect([...divergences.get("flags")!].filter((at) => !index.flagsOf(index.property(at.slice(0, at.lastIndexOf(".")), at.slice(at.lastIndexOf(".") + 1))))).toEqual([]);
  });

  test("flags properties, one by one: official to ours holds; ours to official fails exactly where the enum has a combination", () => {
    const index = modelIndex(result.model);
    const all = index.flagsProperties(common);
    // A property the official type lacks cannot fail either way (ours only adds an optional property); v1.0.xml is newer.
    const flags = all.filter((f) => f.official);
    // The probe: per property, `Official.T["p"]` to `Ours.T["p"]` and back, each on its own line.
    const header = [`import type * as Official from "${OFFICIAL_PACKAGE}";`, `import type * as Ours from "./index.js";`];
    const lines: Array<{ at: string; direction: Direction } | undefined> = header.map(() => undefined);
    const body = flags.flatMap(({ type, property }, i) => {
      const key = JSON.stringify(property);
      lines.push({ at: `${type}.${property}`, direction: "official->ours" }, { at: `${type}.${property}`, direction: "ours->official" });
      return [`export const fin${i} = (x: Official.${type}[${key}]): Ours.${type}[${key}] => x;`, `export const fout${i} = (x: Ours.${type}[${key}]): Official.${type}[${key}] => x;`];
    });
    const errors = compileProbe(result.files, [...header, ...body].join("\n"), false);
    const failedAt = new Map<string, string>();
    const unexplained: string[] = [];
    for (const error of errors) {
      const match = /^probe\.ts:(\d+) ([\s\S]*)$/.exec(error);
      const line = match ? lines[Number(match[1]) - 1] : undefined;
      if (line) failedAt.set(`${line.at} ${line.direction}`, match![2].split("\n").map((l) => l.trim()).at(-1)!);
      else unexplained.push(error);
    }
    expect(unexplained).toEqual([]);
    expect([...failedAt.keys()].filter((k) => k.endsWith("official->ours"))).toEqual([]);
    const outs = [...failedAt].filter(([k]) => k.endsWith("ours->official"));
    expect(outs.map(([k]) => k.replace(/ .*/, "")).sort()).toEqual(flags.filter((f) => f.combines).map((f) => `${f.type}.${f.property}`).sort());
    // ... and for a combination, never for a single member, unless it is one v1.0.xml added (a listed metadata
    // difference, which tsc names before any combination).
    const addedMember = (leaf: string) => {
      const member = EXTRA_MEMBER.exec(leaf);
      return Boolean(member && `enum ${member[2]}` in METADATA_DIFFERENCES && index.hasMember(member[2], member[1]));
    };
    expect(outs.filter(([, leaf]) => !FLAGS_COMBINATION.test(leaf) && !addedMember(leaf))).toEqual([]);
    report(`flags properties ${all.length} on ${new Set(all.map((f) => f.type)).size} official types, ${flags.length} of them in the official package too, ${flags.filter((f) => f.combines).length} of those with combinations (ours->official fails, deliberate)${all.length > flags.length ? `; not in the official package: ${all.filter((f) => !f.official).map((f) => `${f.type}.${f.property}`).join(", ")}` : ""}`);
    expect(flags.filter((f) => f.combines).length).toBeGreaterThan(0);
  });
});

/** The measurements, on stderr (jest keeps console output of passing tests quiet). */
function report(message: string): void {
  process.stderr.write(`graph-typegen compat: ${message}\n`);
}
