/** A compiled WebAssembly module (opaque here: it is only instantiated or posted to a thread). */
export interface WasmModule {
  readonly [wasmModuleBrand]: never;
}
declare const wasmModuleBrand: unique symbol;

/**
 * The part of the global WebAssembly API this package uses. TypeScript declares it only in
 * the DOM and web-worker libs, which this project does not load (its lib is es2023).
 */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: object): Promise<object>;
}

export const webAssembly = (globalThis as unknown as { readonly WebAssembly: WebAssemblyApi }).WebAssembly;
