// The browser's cost of a check: the WebAssembly package (bindings/wasm/pkg) under Node on a
// plan file, median of RUNS checks after one warm-up. Prints milliseconds.
// Usage: node benches/wasm-node.mjs FILE [RUNS]   (see benches/wasm-node.sh)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 11);
const pkg = process.env.HAALBAAR_PKG ?? resolve(import.meta.dirname, "../bindings/wasm/pkg");
const haalbaar = await import(`${pkg}/haalbaar_wasm.js`);
haalbaar.initSync({ module: readFileSync(`${pkg}/haalbaar_wasm_bg.wasm`) });
const text = readFileSync(file, "utf8");
haalbaar.check(text);
const ms = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  haalbaar.check(text);
  ms.push(performance.now() - t);
}
ms.sort((a, b) => a - b);
console.log(ms[Math.floor(ms.length / 2)].toFixed(2));
