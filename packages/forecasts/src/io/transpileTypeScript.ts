import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Ts from 'typescript';
import { UserError } from '@euroflex/config';

type TypeScript = typeof Ts;

let loaded: TypeScript | undefined;

/** The `typescript` package, loaded only when a `.ts` module is configured. */
function typescript(modulePath: string): TypeScript {
  if (loaded === undefined) {
    try {
      loaded = createRequire(__filename)('typescript') as TypeScript;
    } catch (error) {
      const message =
        `module_path ${modulePath} is a TypeScript file, and the typescript package cannot be loaded ` +
        `(${(error as Error).message}): install typescript or ship a .mjs`;
      throw new UserError(message, [{ path: 'forecast_provider.module_path', code: 'typescript_missing', message, file: modulePath }], modulePath);
    }
  }
  return loaded;
}

function specifierProblem(modulePath: string, specifier: string, why: string): UserError {
  const message = `${modulePath} imports "${specifier}": ${why}`;
  return new UserError(message, [{ path: 'forecast_provider.module_path', code: 'custom_module_import', message, file: modulePath }], modulePath);
}

/**
 * Where an import of the transpiled module must point, since the module runs from a
 * temporary folder: relative imports become file URLs next to the original, package
 * imports resolve from the original's folder (when they can); `node:` and URLs stay.
 */
function rewriteSpecifier(modulePath: string, specifier: string): string {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    if (/\.[cm]?tsx?$/.test(extname(specifier))) {
      throw specifierProblem(modulePath, specifier, 'only the configured module is transpiled; import JavaScript (.mjs/.js) or inline the helper');
    }
    return pathToFileURL(resolve(dirname(modulePath), specifier)).href;
  }
  if (specifier.startsWith('node:') || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    return specifier;
  }
  try {
    const resolved = createRequire(modulePath).resolve(specifier);
    return resolved === specifier ? specifier : pathToFileURL(resolved).href;
  } catch {
    return specifier;
  }
}

function specifierRewriter(ts: TypeScript, modulePath: string): Ts.TransformerFactory<Ts.SourceFile> {
  return (context) => {
    const { factory } = context;
    const literal = (node: Ts.Expression | undefined): Ts.StringLiteral | undefined =>
      node !== undefined && ts.isStringLiteral(node) ? factory.createStringLiteral(rewriteSpecifier(modulePath, node.text)) : undefined;
    const visit = (node: Ts.Node): Ts.Node => {
      if (ts.isImportDeclaration(node)) {
        const specifier = literal(node.moduleSpecifier);
        return specifier === undefined ? node : factory.updateImportDeclaration(node, node.modifiers, node.importClause, specifier, node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) {
        const specifier = literal(node.moduleSpecifier);
        return specifier === undefined
          ? node
          : factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, specifier, node.attributes);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const specifier = literal(node.arguments[0]);
        if (specifier !== undefined) {
          return factory.updateCallExpression(node, node.expression, node.typeArguments, [specifier, ...node.arguments.slice(1)]);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (sourceFile) => ts.visitNode(sourceFile, visit) as Ts.SourceFile;
  };
}

/**
 * Transpile a TypeScript module to an ES module in memory (`transpileModule`: syntax only,
 * no type check), with its imports rewritten by `rewriteSpecifier`.
 *
 * @throws UserError listing syntax errors with line and column, or when typescript is missing.
 */
export function transpileTypeScript(source: string, modulePath: string): string {
  const ts = typescript(modulePath);
  const output = ts.transpileModule(source, {
    fileName: modulePath,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      inlineSourceMap: true,
      inlineSources: true,
    },
    transformers: { before: [specifierRewriter(ts, modulePath)] },
  });
  const errors = (output.diagnostics ?? []).filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const issues = errors.map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const position = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const where = position === undefined ? '' : `column ${position.character + 1}: `;
      return {
        path: 'forecast_provider.module_path',
        code: 'typescript_syntax',
        message: `${where}${text}`,
        file: modulePath,
        ...(position === undefined ? {} : { row: position.line + 1 }),
      };
    });
    throw new UserError(`${modulePath}: ${errors.length} TypeScript syntax error(s); fix the module`, issues, modulePath);
  }
  return output.outputText;
}
