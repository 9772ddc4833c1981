// The TextMate grammar highlights every keyword of the language: each word of the grammar
// (grammar/src/plan.pest) gets a keyword scope where a statement writes it, and every example
// plan's statement words do too. Tokenised by the same engine VS Code uses (vscode-textmate).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const root = path.join(__dirname, '..', '..', '..');

/// The words of the grammar: every quoted word of plan.pest outside comments.
function keywords() {
  const pest = fs.readFileSync(path.join(root, 'grammar', 'src', 'plan.pest'), 'utf8');
  const words = new Set();
  for (const line of pest.split('\n')) {
    if (line.trim().startsWith('//')) continue;
    const parts = line.split('"');
    for (let i = 1; i < parts.length; i += 2) {
      if (/^[A-Za-z]{2,}$/.test(parts[i])) words.add(parts[i]);
    }
  }
  return [...words].sort();
}

async function grammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => {
      const file = path.join(__dirname, '..', 'syntaxes', 'haalbaar.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.haalbaar');
}

/// Each token of `lines` as { line, text, scopes }.
function tokenize(g, lines) {
  let state = textmate.INITIAL;
  const out = [];
  lines.forEach((line, n) => {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) {
      out.push({ line: n, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  return out;
}

const isKeyword = (t) => t.scopes.some((s) => s.startsWith('keyword'));

test('every word of the grammar is highlighted as a keyword', async () => {
  const g = await grammar();
  const words = keywords();
  assert.ok(words.length > 60, `words read from plan.pest: ${words.length}`);
  for (const word of words) {
    // As the first word of a statement, and after a figure (`per`, `people`, `PIs`, ...).
    for (const line of [`  ${word} 1`, `  capacity 40 ${word}`]) {
      const token = tokenize(g, [line]).find((t) => t.text.trim() === word);
      assert.ok(token && isKeyword(token), `${word} in ${JSON.stringify(line)}: ${JSON.stringify(token)}`);
    }
  }
});

test('the statement words of every example plan are keywords; ids, strings, comments are not', async () => {
  const g = await grammar();
  const words = new Set(keywords());
  const dir = path.join(root, 'examples');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.plan'));
  assert.ok(files.length >= 3);
  let checked = 0;
  for (const file of files) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    const tokens = tokenize(g, lines);
    for (const t of tokens) {
      const text = t.text.trim();
      const first = lines[t.line].trimStart().split(/\s+/)[0];
      const inside = t.scopes.some((s) => s.startsWith('string') || s.startsWith('comment'));
      if (inside) continue;
      if (words.has(text) && text === first) {
        assert.ok(isKeyword(t), `${file}:${t.line + 1}: ${text} ${t.scopes}`);
        checked += 1;
      }
    }
    // A block's id is a name, a comment is a comment, a title is a string.
    const header = tokens.find((t) => t.scopes.includes('entity.name.type.haalbaar'));
    assert.ok(header, `${file}: a block id`);
    assert.ok(!isKeyword(header));
  }
  assert.ok(checked > 100, `statement words checked: ${checked}`);
});

test('dates, periods, numbers, references and comments', async () => {
  const g = await grammar();
  const scope = (line, text) => tokenize(g, [line]).find((t) => t.text === text).scopes.join(' ');
  assert.match(scope('  commit PI3.2 hard # deadline', 'PI3.2'), /constant\.language\.period/);
  assert.match(scope('  commit 2025-Q2', '2025-Q2'), /constant\.language\.period/);
  assert.match(scope('  not before 2024-03-01', '2024-03-01'), /constant\.numeric\.date/);
  assert.match(scope('  focus 70%', '70%'), /constant\.numeric/);
  assert.match(scope('  after digid-api + 1 iteration', 'digid-api'), /variable\.other\.reference/);
  assert.match(scope('  lend 2 to berichten PI4..PI5', 'berichten'), /variable\.other\.reference/);
  assert.match(scope('  effort 5 # team x', '# team x'), /comment/);
  assert.match(scope('item digid-api "DigiD: team after" {', 'digid-api'), /entity\.name\.type/);
  assert.match(scope('milestone m "M" 2025-06-01', 'm'), /entity\.name\.type/);
});
