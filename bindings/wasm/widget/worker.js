// The engine's worker: one WebAssembly instance, started on first use and again after a panic.
import init, * as haalbaar from "../pkg/haalbaar_wasm.js";

let ready = null;
const CALLS = new Set(["check", "inspect", "compare", "calendar", "capacity", "forecast", "explain", "codes", "version"]);

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
    // The exports report bad input as a plain `Error`. Anything else (a Rust panic, a trap
    // such as "unreachable" or "memory access out of bounds", a JavaScript RangeError from a
    // stack overflow) may leave the instance's memory corrupt: the page starts a new worker
    // for the next call, never reusing this one.
    const fatal = Boolean(panic) || !(e instanceof Error) || e.constructor !== Error;
    self.postMessage({ id, error: panic || String(e?.message ?? e), restart: fatal });
    if (fatal) self.close();
  }
};
