// Builds the demo page and the embeddable widget module into dist/.
import { defineConfig } from "vite";
import { resolve } from "node:path";

export default defineConfig({
  root: resolve(import.meta.dirname, "demo"),
  base: "./",
  logLevel: "warn",
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "demo/index.html"),
        "haalbaar-plan": resolve(import.meta.dirname, "widget/haalbaar-plan.js"),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === "haalbaar-plan" ? "haalbaar-plan.js" : "assets/[name]-[hash].js"),
      },
      preserveEntrySignatures: "exports-only",
    },
  },
  worker: { format: "es" },
});
