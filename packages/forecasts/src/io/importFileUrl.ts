import { constants as vmConstants, runInThisContext } from 'node:vm';

type Importer = (url: string) => Promise<Record<string, unknown>>;

// Built from a string so that no compiler or test transform turns `import()` into `require()`,
// which cannot load ES modules.
const nativeImport = new Function('url', 'return import(url)') as Importer;

let mainContextImport: Importer | undefined;

/** Codes Node gives when `import()` runs inside a vm context without an ES module loader. */
const SANDBOX_CODES = new Set(['ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG']);

function isSandboxed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && SANDBOX_CODES.has(String((error as { code?: unknown }).code));
}

/**
 * Native dynamic `import()` of a `file://` URL, resolving to the module namespace.
 *
 * Test runners that run code in vm contexts (Jest) have no ES module loader there; in that
 * case only, the import is compiled in Node's main context with its default loader (Node
 * >= 20.12; it prints an ExperimentalWarning once). The CLI and the service take the
 * first, plain path.
 */
export async function importFileUrl(url: string): Promise<Record<string, unknown>> {
  try {
    return await nativeImport(url);
  } catch (error) {
    if (!isSandboxed(error)) {
      throw error;
    }
  }
  const loader = vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) {
    throw new Error(`cannot import ${url} from this sandboxed runtime: it has no ES module loader (use Node >= 20.12)`);
  }
  mainContextImport ??= runInThisContext('(url) => import(url)', { importModuleDynamically: loader }) as Importer;
  return mainContextImport(url);
}
