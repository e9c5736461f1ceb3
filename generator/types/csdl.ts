import type { Position } from "./source.js";

/**
 * What the CSDL adapter reads off one OData metadata document (EDMX): plain data with source positions, no
 * resolution. Names and type references are as written (`graph.entity`, `Collection(Edm.String)`); the model stage
 * resolves aliases and namespaces. Every `at` is the `<` of the element's start tag.
 */
export interface CsdlDocument {
  file: string;
  /** The `Version` attribute of `edmx:Edmx` ("4.0"), when the root is an Edmx element. */
  version?: string;
  schemas: CsdlSchema[];
}

export interface CsdlSchema {
  namespace: string;
  alias?: string;
  at: Position;
  entityTypes: CsdlStructuredType[];
  complexTypes: CsdlStructuredType[];
  enumTypes: CsdlEnumType[];
  typeDefinitions: CsdlTypeDefinition[];
  actions: CsdlOperation[];
  functions: CsdlOperation[];
  /** CSDL allows one container per schema; a second one is ignored. */
  entityContainer?: CsdlEntityContainer;
  /** Out-of-line `<Annotations Target="...">` blocks, in document order. */
  annotations: CsdlAnnotationsBlock[];
}

export interface CsdlStructuredType {
  kind: "entity" | "complex";
  name: string;
  at: Position;
  /** As written: `graph.entity`, `microsoft.graph.entity`. */
  baseType?: string;
  abstract: boolean;
  openType: boolean;
  hasStream: boolean;
  /** `PropertyRef` names of the `Key` element; absent when the type declares no key (it may inherit one). */
  key?: string[];
  properties: CsdlProperty[];
  navigationProperties: CsdlNavigationProperty[];
  annotations: CsdlAnnotation[];
}

export interface CsdlProperty {
  name: string;
  /** As written: `Edm.String`, `graph.phone`, `Collection(graph.phone)`. */
  type: string;
  /** Absent when the attribute is absent (CSDL's default is nullable). */
  nullable?: boolean;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlNavigationProperty {
  name: string;
  type: string;
  nullable?: boolean;
  containsTarget: boolean;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlEnumType {
  name: string;
  /** As written (`Edm.Int64`); CSDL's default is Edm.Int32. */
  underlyingType?: string;
  isFlags: boolean;
  members: CsdlEnumMember[];
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlEnumMember {
  name: string;
  /** Absent when not written (CSDL then numbers members from 0) or not a safe integer (a diagnostic says so). */
  value?: number;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlTypeDefinition {
  name: string;
  underlyingType: string;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlOperation {
  kind: "action" | "function";
  name: string;
  isBound: boolean;
  /** Only meaningful for functions; false when absent. */
  isComposable: boolean;
  entitySetPath?: string;
  /** In declaration order; for a bound operation the first one is the binding parameter. */
  parameters: CsdlParameter[];
  returnType?: CsdlReturnType;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlParameter {
  name: string;
  type: string;
  nullable?: boolean;
  at: Position;
  /** Graph marks optional parameters with `Org.OData.Core.V1.OptionalParameter`. */
  annotations: CsdlAnnotation[];
}

export interface CsdlReturnType {
  type: string;
  nullable?: boolean;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlEntityContainer {
  name: string;
  at: Position;
  entitySets: CsdlEntitySet[];
  singletons: CsdlSingleton[];
}

export interface CsdlEntitySet {
  name: string;
  /** As written: `microsoft.graph.user`. */
  entityType: string;
  at: Position;
  annotations: CsdlAnnotation[];
}

export interface CsdlSingleton {
  name: string;
  type: string;
  at: Position;
  annotations: CsdlAnnotation[];
}

/** `<Annotation Term="Org.OData.Core.V1.Description" String="..."/>` and its element forms. */
export interface CsdlAnnotation {
  /** As written: `Org.OData.Core.V1.Description`, or an alias form such as `Core.Description`. */
  term: string;
  qualifier?: string;
  /** Absent for a bare `<Annotation Term="..."/>` (a Boolean term then means true) or an unsupported expression. */
  value?: CsdlAnnotationValue;
  at: Position;
}

/**
 * A constant, path, record or collection expression. Scalars keep the text as written (`"true"`, `"2024-04-10"`,
 * `"Org.OData.Core.V1.RevisionKind/Deprecated"`); the kind is the CSDL expression's name (`EnumMember` is `enum`).
 */
export type CsdlAnnotationValue =
  | { kind: CsdlScalarKind; value: string }
  | { kind: "record"; type?: string; properties: Record<string, CsdlAnnotationValue> }
  | { kind: "collection"; items: CsdlAnnotationValue[] };

export type CsdlScalarKind =
  | "string"
  | "bool"
  | "int"
  | "float"
  | "decimal"
  | "date"
  | "dateTimeOffset"
  | "timeOfDay"
  | "duration"
  | "guid"
  | "binary"
  | "enum"
  | "path"
  | "propertyPath"
  | "navigationPropertyPath"
  | "annotationPath";

/** `<Annotations Target="microsoft.graph.user/joinedGroups">`: annotations applied from outside the target. */
export interface CsdlAnnotationsBlock {
  target: string;
  qualifier?: string;
  annotations: CsdlAnnotation[];
  at: Position;
}
