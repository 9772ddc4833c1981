// The HTML report of `haalbaar report` (issue: reports) opened in headless Chromium: the board,
// one chart per team and the commitments table render, with no console errors. Screenshots
// at 1600x1000 go to target/report/. Lives here because the browser tooling does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { arrowsOnLabels, boardLabelProblems, shownDependencies } from "./board-labels.mjs";

const root = resolve(import.meta.dirname, "../../..");
const out = resolve(root, "target/report");
const cli = process.env.HAALBAAR_BIN ?? resolve(root, "target/debug/haalbaar");
let browser;

before(async () => {
  await mkdir(out, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(() => browser?.close());

function report(name, lang, extra = []) {
  const file = join(out, `${name}.${lang}${extra.join("")}.html`);
  try {
    execFileSync(cli, ["report", `examples/${name}.plan`, "-o", file, "--lang", lang, ...extra], { cwd: root, stdio: "pipe" });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: the plan has errors; the report is written all the same
  }
  const json = (() => {
    try {
      return execFileSync(cli, ["check", "--format", "json", `examples/${name}.plan`], { cwd: root, encoding: "utf8" });
    } catch (e) {
      return e.stdout;
    }
  })();
  return { file, check: JSON.parse(json) };
}

for (const [name, lang] of [["gdi-2024", "en"], ["infeasible-chain", "en"], ["conflict", "nl"]]) {
  test(`the report of ${name} (${lang}) renders its board, charts and commitments`, async () => {
    const { file, check } = report(name, lang);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors = [];
    const requests = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => r.url().startsWith("file:") || requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    assert.equal(await page.locator("svg.board").count(), 1);
    const scheduled = check.schedule.filter((s) => s.work.length).length;
    assert.equal(await page.locator("svg.board g.item").count(), scheduled);
    assert.equal(await page.locator("svg.cap").count(), check.load.length, "one chart per team");
    assert.equal(await page.locator("tr.commitment").count(), check.commitments.length);
    for (const c of check.commitments) {
      assert.equal(await page.locator(`tr.commitment[data-item="${c.item}"]`).getAttribute("data-status"), c.status);
    }
    const missed = check.commitments.filter((c) => c.status !== "met");
    if (missed.length) assert.ok((await page.locator("svg.board g.item.missed").count()) >= 1, "the missed chain is red");
    // The board and the charts take real space on the page.
    const box = await page.locator("svg.board").boundingBox();
    assert.ok(box.width > 800 && box.height > 40, JSON.stringify(box));
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [], "no network");
    await page.screenshot({ path: join(out, `${name}.${lang}-1600x1000.png`) });
    await page.pdf({ path: join(out, `${name}.${lang}.pdf`), format: "A4", landscape: true, printBackground: true });
    await page.close();
  });
}

test("every bar of a 44-item board has a readable label, and the capacity charts name the PIs", async () => {
  for (const lang of ["en", "nl"]) {
    const { file, check } = report("portfolio-2026", lang);
    const items = check.schedule.filter((s) => s.work.length).length;
    assert.ok(items >= 40, `${items} items on the board`);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    const board = page.locator("svg.board");
    const { count, problems } = await board.evaluate(boardLabelProblems);
    assert.equal(count, items);
    assert.deepEqual(problems, []);
    // The full title is on hover (the bar's tooltip).
    for (const s of check.schedule.filter((s) => s.work.length)) {
      const tip = await board.locator(`g.item[data-item="${s.item}"] > title`).textContent();
      assert.ok(tip.startsWith(s.item), tip);
    }
    const pis = await board.locator(".pi-label").allTextContents();
    const charts = page.locator("svg.cap");
    assert.equal(await charts.count(), check.load.length);
    for (let k = 0; k < check.load.length; k++) {
      assert.deepEqual(await charts.nth(k).locator(".pi-label").allTextContents(), pis, "each chart names the PIs");
    }
    await page.screenshot({ path: join(out, `portfolio-2026.${lang}-board.png`), fullPage: true });
    await page.close();
  }
});

test("dependencies: the missed chains' by default, every one when asked", async () => {
  const { file, check } = report("infeasible-chain", "en");
  assert.ok(check.commitments.some((c) => c.status !== "met"));
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(pathToFileURL(file).href);
  const board = page.locator("svg.board");
  const first = await board.evaluate(shownDependencies);
  assert.ok(first.drawn >= 2, JSON.stringify(first));
  assert.ok(first.red >= 1, "the missed chain's arrows show");
  assert.equal(first.shown, first.red, "no arrow outside a missed chain shows");
  await page.locator("#all-deps").check();
  const all = await board.evaluate(shownDependencies);
  assert.equal(all.shown, all.drawn, "the box shows every arrow");
  await page.close();
  // `--all-deps`: ticked from the start; no arrow's head lands on a label, on the 44-item board
  // either.
  for (const name of ["infeasible-chain", "portfolio-2026"]) {
    const ticked = report(name, "en", ["--all-deps"]);
    const again = await browser.newPage();
    await again.goto(pathToFileURL(ticked.file).href);
    const shown = await again.locator("svg.board").evaluate(shownDependencies);
    assert.equal(shown.shown, shown.drawn);
    assert.deepEqual(await again.locator("svg.board").evaluate(arrowsOnLabels), [], name);
    await again.close();
  }
});

test("the Dutch report of every example holds no English text of the catalogue", async () => {
  // Fixed pieces of three words or more (ids, keywords and figures read the same in both).
  const pairs = JSON.parse(execFileSync(cli, ["catalogue"], { cwd: root, encoding: "utf8" }));
  const english = [
    ...new Set(
      pairs
        .flatMap(([en]) => en.split("{}"))
        .map((p) => p.replaceAll("`", "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").replace(/\s+/g, " "))
        .filter((p) => p.split(" ").length >= 3),
    ),
  ];
  assert.ok(english.length > 200, `${english.length} English pieces`);
  const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".plan")).map((f) => f.replace(/\.plan$/, ""));
  assert.ok(examples.length >= 5);
  const found = [];
  for (const name of examples) {
    const { file } = report(name, "nl");
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    // What a reader sees, and what shows on hover.
    const text = await page.evaluate(() =>
      [document.body.innerText, ...[...document.querySelectorAll("title, [aria-label]")].map((e) => e.textContent + " " + (e.getAttribute("aria-label") ?? ""))]
        .join("\n")
        .replace(/\s+/g, " "),
    );
    assert.equal(await page.locator("html").getAttribute("lang"), "nl");
    for (const e of english) if (text.includes(e)) found.push(`${name}: "${e}"`);
    await page.close();
  }
  assert.deepEqual(found, []);
});
