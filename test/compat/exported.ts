import ts from "typescript";

/** An interface or type alias a declaration file exports, with the namespaces it is nested in (`["Partners", "Billing"]`). */
export interface ExportedType {
  path: string[];
  name: string;
  kind: "interface" | "type";
  generic: boolean;
  /** The names of the properties an interface declares itself (not inherited ones). */
  members: string[];
}

export const qualified = (t: { path: string[]; name: string }): string => [...t.path, t.name].join(".");

/**
 * Every interface and type alias a declaration file exports, walked with the compiler API. At the top level of the
 * module only `export`ed ones; inside a namespace of a declaration file everything is exported (ambient context).
 */
export function exportedTypes(fileName: string, text: string): ExportedType[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: ExportedType[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const walk = (statements: readonly ts.Statement[], at: string[]) => {
    for (const statement of statements) {
      if (at.length === 0 && !exported(statement)) continue;
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        const members = ts.isInterfaceDeclaration(statement) ? statement.members.flatMap((m) => (ts.isPropertySignature(m) && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : [])) : [];
        found.push({ path: at, name: statement.name.text, kind: ts.isInterfaceDeclaration(statement) ? "interface" : "type", generic: Boolean(statement.typeParameters?.length), members });
      } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
        // `namespace Partners.Billing {}` is a declaration of Partners whose body declares Billing.
        let declaration: ts.ModuleDeclaration = statement;
        const names = [statement.name.text];
        while (declaration.body && ts.isModuleDeclaration(declaration.body)) {
          declaration = declaration.body;
          names.push(declaration.name.text);
        }
        if (declaration.body && ts.isModuleBlock(declaration.body)) walk(declaration.body.statements, [...at, ...names]);
      }
    }
  };
  walk(source.statements, []);
  return found;
}

