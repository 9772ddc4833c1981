// The HTML report of `haalbaar report` (issue: reports) opened in headless Chromium: the board,
// one chart per team and the commitments table render, with no console errors. Screenshots
// at 1600x1000 go to target/report/. Lives here because the browser tooling does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

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

function report(name, lang) {
  const file = join(out, `${name}.${lang}.html`);
  try {
    execFileSync(cli, ["report", `examples/${name}.plan`, "-o", file, "--lang", lang], { cwd: root, stdio: "pipe" });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: the plan has an unmet commitment; the report is written
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
