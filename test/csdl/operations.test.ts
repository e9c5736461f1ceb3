import { bodyAt, edmx, parse, schemaOf } from "./helpers.js";

describe("Action and Function", () => {
  const schema = schemaOf(`
    <Action Name="assignLicense" IsBound="true">
      <Parameter Name="bindingParameter" Type="graph.user" Nullable="false" />
      <Parameter Name="addLicenses" Type="Collection(graph.assignedLicense)" Nullable="false" />
      <Parameter Name="removeLicenses" Type="Collection(Edm.Guid)" />
      <ReturnType Type="graph.user" />
    </Action>
    <Action Name="reset">
      <Parameter Name="reason" Type="Edm.String">
        <Annotation Term="Org.OData.Core.V1.OptionalParameter" />
      </Parameter>
    </Action>
    <Function Name="delta" IsBound="true" IsComposable="true" EntitySetPath="bindingParameter">
      <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
      <ReturnType Type="Collection(graph.user)" Nullable="false">
        <Annotation Term="Org.OData.Core.V1.IsDelta" Bool="true" />
      </ReturnType>
    </Function>
    <Function Name="getOffice365ActivationsUserCounts">
      <ReturnType Type="Edm.Stream" />
    </Function>
  `);

  test("a bound action: binding parameter first, parameters in order, return type", () => {
    expect(schema.actions[0]).toEqual({
      kind: "action",
      name: "assignLicense",
      isBound: true,
      isComposable: false,
      parameters: [
        { name: "bindingParameter", type: "graph.user", nullable: false, at: bodyAt(2, 3), annotations: [] },
        { name: "addLicenses", type: "Collection(graph.assignedLicense)", nullable: false, at: bodyAt(3, 3), annotations: [] },
        { name: "removeLicenses", type: "Collection(Edm.Guid)", at: bodyAt(4, 3), annotations: [] },
      ],
      returnType: { type: "graph.user", at: bodyAt(5, 3), annotations: [] },
      at: bodyAt(1, 1),
      annotations: [],
    });
  });

  test("an unbound action without a return type; a parameter keeps its annotations", () => {
    expect(schema.actions[1]).toEqual({
      kind: "action",
      name: "reset",
      isBound: false,
      isComposable: false,
      parameters: [
        {
          name: "reason",
          type: "Edm.String",
          at: bodyAt(8, 3),
          annotations: [{ term: "Org.OData.Core.V1.OptionalParameter", at: bodyAt(9, 5) }],
        },
      ],
      at: bodyAt(7, 1),
      annotations: [],
    });
    expect(schema.actions[1]).not.toHaveProperty("returnType");
  });

  test("bound composable function with EntitySetPath; unbound function without parameters", () => {
    expect(schema.functions.map((f) => [f.kind, f.name, f.isBound, f.isComposable, f.entitySetPath, f.parameters.length])).toEqual([
      ["function", "delta", true, true, "bindingParameter", 1],
      ["function", "getOffice365ActivationsUserCounts", false, false, undefined, 0],
    ]);
    expect(schema.functions[0].returnType).toEqual({
      type: "Collection(graph.user)",
      nullable: false,
      at: bodyAt(14, 3),
      annotations: [{ term: "Org.OData.Core.V1.IsDelta", value: { kind: "bool", value: "true" }, at: bodyAt(15, 5) }],
    });
    expect(schema.functions[1].returnType).toEqual({ type: "Edm.Stream", at: bodyAt(19, 3), annotations: [] });
  });

  test("a parameter without Type and a ReturnType without Type are skipped; the operation is kept", () => {
    const { document, diagnostics } = parse(edmx(`
      <Function Name="f" IsBound="yes">
        <Parameter Name="p" />
        <ReturnType Nullable="false" />
      </Function>
      <Action IsBound="true" />
    `));
    expect(document.schemas[0].functions).toEqual([{ kind: "function", name: "f", isBound: false, isComposable: false, parameters: [], at: bodyAt(1, 1), annotations: [] }]);
    expect(document.schemas[0].actions).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2104", '<Parameter "p"> is missing the Type attribute; skipped', bodyAt(2, 3)],
      ["GT2105", '<Function> IsBound="yes" is not true or false; ignored', bodyAt(1, 1)],
      ["GT2104", "<ReturnType> is missing the Type attribute; skipped", bodyAt(3, 3)],
      ["GT2104", "<Action> is missing the Name attribute; skipped", bodyAt(5, 1)],
    ]);
  });
});

describe("EntityContainer", () => {
  test("entity sets and singletons; bindings are ignored; a second container is ignored", () => {
    const schema = schemaOf(`
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user">
          <NavigationPropertyBinding Path="manager" Target="directoryObjects" />
        </EntitySet>
        <EntitySet Name="groups" EntityType="microsoft.graph.group" />
        <Singleton Name="me" Type="microsoft.graph.user">
          <Annotation Term="Org.OData.Core.V1.Description" String="The signed-in user." />
        </Singleton>
      </EntityContainer>
      <EntityContainer Name="Second" />
    `);
    expect(schema.entityContainer).toEqual({
      name: "GraphService",
      at: bodyAt(1, 1),
      entitySets: [
        { name: "users", entityType: "microsoft.graph.user", at: bodyAt(2, 3), annotations: [] },
        { name: "groups", entityType: "microsoft.graph.group", at: bodyAt(5, 3), annotations: [] },
      ],
      singletons: [
        {
          name: "me",
          type: "microsoft.graph.user",
          at: bodyAt(6, 3),
          annotations: [{ term: "Org.OData.Core.V1.Description", value: { kind: "string", value: "The signed-in user." }, at: bodyAt(7, 5) }],
        },
      ],
    });
  });

  test("an EntitySet without EntityType and a Singleton without Type are skipped with GT2104", () => {
    const { document, diagnostics } = parse(edmx(`
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" />
        <Singleton Name="me" />
      </EntityContainer>
    `));
    expect(document.schemas[0].entityContainer).toEqual({ name: "GraphService", at: bodyAt(1, 1), entitySets: [], singletons: [] });
    expect(diagnostics.map((d) => [d.code, d.message, d.at])).toEqual([
      ["GT2104", '<EntitySet "users"> is missing the EntityType attribute; skipped', bodyAt(2, 3)],
      ["GT2104", '<Singleton "me"> is missing the Type attribute; skipped', bodyAt(3, 3)],
    ]);
  });

  test("a schema without a container has none", () => {
    expect(schemaOf("<ComplexType Name='x'/>")).not.toHaveProperty("entityContainer");
  });
});
