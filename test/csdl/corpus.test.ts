import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parseCsdl, type CsdlResult } from "../../generator/csdl/parse.js";
import { scanMarkup } from "../../generator/csdl/positions.js";
import type { CsdlDocument, Position } from "../../generator/types/index.js";
import { CORPUS, skipNotice } from "../helpers.js";

const DIR = path.join(CORPUS, "csdl");
const describeIfCorpus = fs.existsSync(DIR) ? describe : describe.skip;
if (!fs.existsSync(DIR)) skipNotice(`CSDL corpus tests skipped: ${DIR} does not exist (it is not part of a fresh clone).`);

const results = new Map<string, { text: string; result: CsdlResult }>();
function read(file: string): { text: string; result: CsdlResult } {
  let cached = results.get(file);
  if (!cached) {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    cached = { text, result: parseCsdl({ path: file, text }) };
    results.set(file, cached);
  }
  return cached;
}

function counts(document: CsdlDocument) {
  const sum = (key: "entityTypes" | "complexTypes" | "enumTypes" | "actions" | "functions" | "annotations") =>
    document.schemas.reduce((total, schema) => total + schema[key].length, 0);
  return {
    schemas: document.schemas.length,
    entityTypes: sum("entityTypes"),
    complexTypes: sum("complexTypes"),
    enumTypes: sum("enumTypes"),
    actions: sum("actions"),
    functions: sum("functions"),
    annotationBlocks: sum("annotations"),
  };
}

/** Observed with this parser; v1.0.xml's type counts are the ones the corpus README gives. */
const EXPECTED: Record<string, ReturnType<typeof counts>> = {
  "v1.0.xml": { schemas: 11, entityTypes: 1182, complexTypes: 1780, enumTypes: 861, actions: 857, functions: 324, annotationBlocks: 4918 },
  "beta-2021-06-08.xml": { schemas: 7, entityTypes: 1309, complexTypes: 1250, enumTypes: 860, actions: 916, functions: 332, annotationBlocks: 7695 },
  "beta-usnat.xml": { schemas: 6, entityTypes: 722, complexTypes: 1044, enumTypes: 479, actions: 705, functions: 251, annotationBlocks: 284 },
  "v1.0-2021-07-20.xml": { schemas: 3, entityTypes: 507, complexTypes: 518, enumTypes: 323, actions: 598, functions: 212, annotationBlocks: 2257 },
  "small-fixture.xml": { schemas: 5, entityTypes: 65, complexTypes: 9, enumTypes: 2, actions: 13, functions: 16, annotationBlocks: 18 },
};

describeIfCorpus("real Graph CSDL (../shared/corpus/csdl)", () => {
  test.each(Object.keys(EXPECTED))("%s parses without diagnostics, with the expected counts", (file) => {
    const { result } = read(file);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The one thing real metadata gets wrong: two header-like property names that are not SimpleIdentifiers (info).
    const names = file === "v1.0.xml" ? ["request-id", "client-request-id"] : [];
    expect(result.diagnostics.map((d) => [d.code, /Name="([^"]*)"/.exec(d.message)?.[1]])).toEqual(names.map((name) => ["GT2107", name]));
    expect(result.document.version).toBe("4.0");
    expect(counts(result.document)).toEqual(EXPECTED[file]);
  });

  test("v1.0.xml: the user type, the container and a deprecation block read as written", () => {
    const { document } = read("v1.0.xml").result;
    const graph = document.schemas[0];
    expect([graph.namespace, graph.alias]).toEqual(["microsoft.graph", "graph"]);
    const user = graph.entityTypes.find((type) => type.name === "user")!;
    expect([user.baseType, user.openType, user.abstract, user.properties.length, user.navigationProperties.length]).toEqual([
      "graph.directoryObject",
      true,
      false,
      79,
      56,
    ]);
    expect(user.at).toEqual({ file: "v1.0.xml", line: 20879, column: 7 });
    expect(user.properties[0]).toEqual({ name: "aboutMe", type: "Edm.String", at: { file: "v1.0.xml", line: 20880, column: 9 }, annotations: [] });
    const container = document.schemas.find((schema) => schema.entityContainer)!.entityContainer!;
    expect([container.name, container.entitySets.length, container.singletons.length]).toEqual(["GraphService", 40, 30]);
    expect(container.singletons.find((singleton) => singleton.name === "me")?.type).toBe("microsoft.graph.user");
    const holder = document.schemas.find((schema) => schema.annotations.some((b) => b.target === "microsoft.graph.alertDetection"))!;
    expect(holder.namespace).toBe("microsoft.graph.identityGovernance"); // out-of-line blocks may sit in any schema
    const block = holder.annotations.find((b) => b.target === "microsoft.graph.alertDetection")!;
    expect(block.at).toEqual({ file: "v1.0.xml", line: 31740, column: 7 });
    expect(block.annotations[0].value).toEqual({
      kind: "collection",
      items: [
        {
          kind: "record",
          properties: {
            Date: { kind: "date", value: "2024-04-10" },
            Description: {
              kind: "string",
              value: "The legacy Graph Security API is deprecated and will stop returning data on January 31, 2025. Please use the new Graph Security API.",
            },
            Kind: { kind: "enum", value: "Org.OData.Core.V1.RevisionKind/Deprecated" },
            RemovalDate: { kind: "date", value: "2026-04-10" },
            Version: { kind: "string", value: "2024-01/Deprecation" },
          },
        },
      ],
    });
  });

  test("v1.0.xml: every type, enum, member and property position points at its own start tag", () => {
    const { text, result } = read("v1.0.xml");
    const lines = text.replace(/^\uFEFF/, "").split("\n");
    const tagAt = (at: Position) => lines[at.line - 1].slice(at.column - 1);
    let checked = 0;
    const expectTag = (at: Position, element: string, name: string) => {
      const tag = tagAt(at);
      if (!tag.startsWith(`<${element} `) || !tag.includes(`Name="${name}"`)) throw new Error(`${at.line}:${at.column} is not <${element} Name="${name}">: ${tag.slice(0, 80)}`);
      checked++;
    };
    for (const schema of result.document.schemas) {
      for (const type of [...schema.entityTypes, ...schema.complexTypes]) {
        expectTag(type.at, type.kind === "entity" ? "EntityType" : "ComplexType", type.name);
        for (const property of type.properties) expectTag(property.at, "Property", property.name);
        for (const navigation of type.navigationProperties) expectTag(navigation.at, "NavigationProperty", navigation.name);
      }
      for (const enumType of schema.enumTypes) {
        expectTag(enumType.at, "EnumType", enumType.name);
        for (const member of enumType.members) expectTag(member.at, "Member", member.name);
      }
    }
    expect(checked).toBe(1182 + 1780 + 10528 + 1432 + 861 + 6347);
  });

  test.each(["v1.0.xml", "small-fixture.xml"])("%s: the scanner finds the same start tags as fast-xml-parser's own offsets", (file) => {
    const text = read(file).text.replace(/^\uFEFF/, "");
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, captureMetaData: true, processEntities: false, ignoreDeclaration: true, ignorePiTags: true, cdataPropName: "#cdata", maxNestedTags: 1000 });
    const meta = XMLParser.getMetaDataSymbol() as unknown as string;
    const offsets: number[] = [];
    const stack: Array<Record<string, unknown>> = [...(parser.parse(text) as Array<Record<string, unknown>>)].reverse();
    while (stack.length) {
      const node = stack.pop()!;
      const key = Object.keys(node).find((k) => k !== ":@")!;
      if (key === "#text" || key === "#cdata") continue;
      offsets.push((node[meta] as { startIndex: number }).startIndex);
      const children = node[key] as Array<Record<string, unknown>>;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    const { starts } = scanMarkup(text, 200);
    expect(starts.length).toBe(file === "v1.0.xml" ? 42163 : 538);
    expect(starts).toEqual(offsets);
  });
});
