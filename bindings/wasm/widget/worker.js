// The engine's worker: one WebAssembly instance, started on first use and again after a panic.
import init, * as haalbaar from "../pkg/haalbaar_wasm.js";

let ready = null;
const CALLS = new Set(["check", "inspect", "calendar", "capacity", "forecast", "explain", "codes", "version"]);

self.onmessage = async (event) => {
  const { id, fn, args } = event.data;
  try {
    if (!CALLS.has(fn)) throw new Error(`no such call: ${fn}`);
    ready ??= init();
    await ready;
    const t0 = performance.now();
    const result = haalbaar[fn](...args);
    const ms = performance.now() - t0;
    self.postMessage({ id, result, ms });
  } catch (e) {
    const panic = globalThis.__haalbaarPanic;
    globalThis.__haalbaarPanic = undefined;
    // After a panic the instance is unusable: the page starts a new worker for the next call.
    self.postMessage({ id, error: panic || String(e?.message ?? e), restart: Boolean(panic) });
  }
};
