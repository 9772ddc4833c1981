// Runs checks off the main thread: a module Web Worker holding one WebAssembly instance.
// Replies come back in order; a request superseded before it starts is skipped by the worker.
export class Engine {
  constructor() {
    this.next = 1;
    this.pending = new Map();
    this.worker = null;
  }

  start() {
    if (this.worker) return this.worker;
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = (event) => {
      const { id, result, error, ms, restart } = event.data;
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error) waiting?.reject(new Error(error));
      else waiting?.resolve({ result, ms });
      if (restart) this.stop();
    };
    this.worker.onerror = (event) => {
      const message = event.message || "the engine's worker failed";
      for (const waiting of this.pending.values()) waiting.reject(new Error(message));
      this.pending.clear();
      this.worker.terminate();
      this.worker = null;
    };
    return this.worker;
  }

  /** Calls one export (`inspect`, `check`, `forecast`, ...) with arguments; resolves `{ result, ms }`. */
  call(fn, ...args) {
    const id = this.next++;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, fn, args });
    });
  }

  /** Whether a call is still running or waiting. */
  get busy() {
    return this.pending.size > 0;
  }

  stop() {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Error("the engine restarted"));
    this.pending.clear();
  }
}
