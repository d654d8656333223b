/**
 * The WebAssembly kernels' modules, compiled in the background from when the package is loaded,
 * so that the first call of an analysis finds its kernel compiled (compiling a module, the first
 * one in a process above all, costs a few milliseconds: a large part of a small first call).
 * Internal.
 */

/** A module compiled from base64 text: `get()` returns it compiled, or null where it cannot run. */
export interface LazyWasmModule {
  /**
   * The module: the background compilation's when it has finished, else compiled on the spot
   * (synchronously). Null where WebAssembly or the module's instructions (SIMD) are unavailable,
   * so the caller runs its JavaScript kernel.
   */
  get(): WebAssembly.Module | null;
}

/**
 * Starts compiling `base64` (the module's bytes) in the background and returns the handle that
 * takes the module when it is first needed. A failed background compilation is ignored: `get()`
 * then finds out synchronously and answers null.
 */
export function backgroundWasmModule(base64: string): LazyWasmModule {
  let module: WebAssembly.Module | null | undefined;
  const bytes = (): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    WebAssembly.compile(bytes()).then(
      (compiled) => {
        module ??= compiled;
      },
      () => undefined,
    );
  } catch {
    // No WebAssembly here: get() answers null.
  }
  return {
    get() {
      if (module === undefined) {
        try {
          const b = bytes();
          module = WebAssembly.validate(b) ? new WebAssembly.Module(b) : null;
        } catch {
          module = null;
        }
      }
      return module;
    },
  };
}
