import fs from "node:fs";
import path from "node:path";
import { parseCsdl } from "../../generator/csdl/parse.js";
import { modelFromCsdl } from "../../generator/model/csdl/build.js";
import type { Diagnostic, Model, TypeUse } from "../../generator/types/index.js";
import { CORPUS, skipNotice } from "../helpers.js";

const DIR = path.join(CORPUS, "csdl");
const present = fs.existsSync(path.join(DIR, "v1.0.xml"));
const describeIfCorpus = present ? describe : describe.skip;
if (!present) skipNotice(`CSDL model corpus tests skipped: ${path.join(DIR, "v1.0.xml")} does not exist (it is not part of a fresh clone).`);

let cached: { model: Model; diagnostics: Diagnostic[] } | undefined;
function v1(): { model: Model; diagnostics: Diagnostic[] } {
  if (!cached) {
    const text = fs.readFileSync(path.join(DIR, "v1.0.xml"), "utf8");
    cached = modelFromCsdl([parseCsdl({ path: "v1.0.xml", text }).document]);
  }
  return cached;
}

describeIfCorpus("the CSDL model of real Graph metadata (../shared/corpus/csdl/v1.0.xml)", () => {
  test("1,182 entity and 1,780 complex types and 861 enums, with no error diagnostics", () => {
    const { model, diagnostics } = v1();
    const types = model.namespaces.flatMap((n) => n.types);
    expect(types.filter((t) => t.kind === "entity")).toHaveLength(1182);
    expect(types.filter((t) => t.kind === "complex")).toHaveLength(1780);
    expect(model.namespaces.flatMap((n) => n.enums)).toHaveLength(861);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("every named type use, base type and container entry points at something the model declares", () => {
    const { model } = v1();
    const declared = new Set(model.namespaces.flatMap((n) => [...n.types, ...n.enums, ...n.typeDefinitions].map((t) => t.fqn)));
    const dangling = new Set<string>();
    const check = (use: TypeUse | undefined) => {
      if (use?.kind === "named" && !declared.has(use.fqn)) dangling.add(use.fqn);
    };
    for (const namespace of model.namespaces) {
      for (const type of namespace.types) {
        if (type.baseType && !declared.has(type.baseType)) dangling.add(type.baseType);
        for (const property of type.properties) check(property.type);
      }
      for (const operation of namespace.operations) {
        check(operation.binding?.type);
        check(operation.returnType?.type);
        for (const parameter of operation.parameters) check(parameter.type);
      }
      for (const container of namespace.containers) for (const entry of [...container.entitySets, ...container.singletons]) if (!declared.has(entry.type)) dangling.add(entry.type);
    }
    expect([...dangling]).toEqual([]);
  });

  test("spot checks: user, the container, an out-of-line description and deprecation", () => {
    const { model } = v1();
    const graph = model.namespaces.find((n) => n.name === "microsoft.graph")!;
    const user = graph.types.find((t) => t.name === "user")!;
    expect([user.kind, user.baseType, user.openType, user.properties.length, user.at]).toEqual([
      "entity",
      "microsoft.graph.directoryObject",
      true,
      79 + 56,
      { file: "v1.0.xml", line: 20879, column: 7 },
    ]);
    expect(user.properties[0]).toMatchObject({ name: "aboutMe", type: { kind: "primitive", edm: "String" }, nullable: true, navigation: false });
    expect(user.properties.filter((p) => p.navigation)).toHaveLength(56);
    const [container] = graph.containers;
    expect([container.name, container.entitySets.length, container.singletons.length]).toEqual(["GraphService", 40, 30]);
    expect(container.singletons.find((s) => s.name === "me")?.type).toBe("microsoft.graph.user");
    expect(graph.types.find((t) => t.name === "alertDetection")?.deprecation).toBe(
      "The legacy Graph Security API is deprecated and will stop returning data on January 31, 2025. Please use the new Graph Security API. Deprecated since 2024-04-10; to be removed on 2026-04-10.",
    );
    expect(graph.types.find((t) => t.name === "androidManagedAppRegistration")?.description).toBe(
      "Represents the synchronization details of an android app, with management capabilities, for a specific user.\n\nThe ManagedAppRegistration resource represents the details of an app, with management capability, used by a member of the organization.",
    );
  });
});
