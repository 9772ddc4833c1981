#!/usr/bin/env bash
# The VS Code extension: installs its npm packages (idempotent), tests its TextMate grammar
# against the language's keywords and the examples, and packages it into haalbaar.vsix with
# vsce, then checks the package holds what VS Code loads.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/vscode-languageclient ] || [ ! -d node_modules/@vscode/vsce ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci (bindings/vscode)"
  npm ci --no-audit --no-fund
fi

echo "== grammar tests (node --test)"
node --test --test-reporter=spec test/

echo "== vsce package"
rm -f haalbaar.vsix
npx vsce package --allow-missing-repository --out haalbaar.vsix
python3 - <<'PY'
import json, zipfile
z = zipfile.ZipFile("haalbaar.vsix")
names = set(z.namelist())
need = [
    "extension/package.json",
    "extension/extension.js",
    "extension/language-configuration.json",
    "extension/syntaxes/haalbaar.tmLanguage.json",
    "extension/readme.md",
    "extension/node_modules/vscode-languageclient/node.js",
]
missing = [n for n in need if n not in names]
assert not missing, f"haalbaar.vsix lacks {missing}"
manifest = json.loads(z.read("extension/package.json"))
assert manifest["contributes"]["languages"][0]["extensions"] == [".plan"]
assert not any("vsce" in n or "oniguruma" in n for n in names), "build tools packaged"
print(f"haalbaar.vsix: {len(names)} files, {sum(i.file_size for i in z.infolist())} bytes unpacked")
PY
