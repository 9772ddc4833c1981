// End-to-end tests of the demo page in headless Chromium (Debian's, driven by playwright-core),
// and of the package under Node. Run by ../test.sh after ../build.sh; screenshots go to
// target/widget/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { extname, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { arrowsOnLabels, boardLabelProblems, shownDependencies } from "./board-labels.mjs";

const here = import.meta.dirname;
const root = resolve(here, "../../..");
const dist = resolve(here, "../dist");
const shots = resolve(root, "target/widget");
const cli = process.env.HAALBAAR_BIN ?? resolve(root, "target/debug/haalbaar");
const cliBin = () => cli;
const EXAMPLES = ["gdi-2024.plan", "gdi-2024-pi3.plan", "release-train.plan", "infeasible-chain.plan", "infeasible-capacity.plan", "conflict.plan", "mistakes/mistakes.plan"];
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

let server;
let base;
let browser;

before(async () => {
  await mkdir(shots, { recursive: true });
  server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = join(dist, path === "/" ? "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the demo with one example and waits for its first check; collects console errors. */
async function open(example = "gdi-2024.plan") {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/index.html?example=${example}`);
  // The check of this example (not of the editor's text before the example was loaded).
  await page.waitForFunction((file) => window.haalbaarLastCheck?.report.files?.[0]?.file === file, `examples/${example}`, {
    timeout: 30000,
  });
  return { page, errors };
}

/** Raises eherkenning's effort from 120 to 400 in the editor and waits for the infeasible check. */
async function breakEherkenning(page) {
  await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    const text = view.state.doc.toString();
    const at = text.indexOf("effort 120", text.indexOf("item eherkenning")) + "effort ".length;
    view.dispatch({ changes: { from: at, to: at + 3, insert: "400" } });
  });
  await page.waitForFunction(() => window.haalbaarLastCheck.report.verdict === "infeasible", null, { timeout: 30000 });
}

function cliReport(name) {
  try {
    return JSON.parse(execFileSync(cli, ["check", "--format", "json", `examples/${name}`], { cwd: root, encoding: "utf8" }));
  } catch (e) {
    // Exit code 1 (errors in the plan) still prints the report.
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw e;
  }
}

test("the reference plan shows every commitment met, the board and the capacity charts", async () => {
  const { page, errors } = await open();
  const report = await page.evaluate(() => window.haalbaarLastCheck.report);
  assert.equal(report.verdict, "feasible");
  const plan = page.locator("haalbaar-plan");
  const rows = plan.locator("tr.commitment");
  assert.equal(await rows.count(), report.commitments.length);
  assert.ok(report.commitments.length >= 3);
  assert.equal(await plan.locator('tr.commitment[data-status="met"]').count(), report.commitments.length);
  const scheduled = report.schedule.filter((s) => s.work.length).length;
  assert.equal(await plan.locator("svg.board g.item").count(), scheduled);
  const board = await page.evaluate(() => window.haalbaarLastCheck.board);
  const placed = new Set(board.items.filter((i) => i.first != null).map((i) => i.item));
  const deps = board.items.filter((i) => placed.has(i.item)).flatMap((i) => i.after.filter((a) => placed.has(a)));
  assert.ok(deps.length >= 2);
  assert.equal(await plan.locator("svg.board path.dep").count(), deps.length, "every dependency drawn");
  const ips = board.iterations.filter((i) => i.ip).length;
  assert.ok(ips >= 5);
  assert.equal(await plan.locator("svg.board rect.ip").count(), ips, "IP iterations shaded");
  assert.equal(await plan.locator("svg.cap").count(), report.load.length);
  assert.equal(await plan.locator(".verdict").textContent(), "feasible");
  // The forecast's chance per commitment follows the check; it comes in steps of more runs
  // (50, 100, 250, 500, 1,000), the runs so far shown in the column's header until all are in.
  await page.waitForFunction(() => document.querySelector("haalbaar-plan").forecast?.runs === 1000, null, {
    timeout: 120000,
  });
  assert.deepEqual(await page.evaluate(() => window.haalbaarForecastSteps), [
    { runs: 50, shown: "50 of 1000 runs" },
    { runs: 100, shown: "100 of 1000 runs" },
    { runs: 250, shown: "250 of 1000 runs" },
    { runs: 500, shown: "500 of 1000 runs" },
    { runs: 1000, shown: null },
  ]);
  const forecast = await page.evaluate(() => document.querySelector("haalbaar-plan").forecast);
  // The CLI's defaults: the widget's chances are those of `haalbaar forecast`.
  const cliForecast = JSON.parse(execFileSync(cli, ["forecast", "--format", "json", "examples/gdi-2024.plan"], { cwd: root, encoding: "utf8" }));
  assert.deepEqual(
    forecast.commitments.map((c) => [c.item, c.probability]),
    cliForecast.commitments.map((c) => [c.item, c.probability]),
  );
  assert.equal(await plan.locator(".badge.chance").count(), report.commitments.length);
  for (const f of forecast.commitments) {
    const badge = plan.locator(`tr.commitment[data-item="${f.item}"] .badge.chance`);
    // A whole percent, but never 0% when some run met it nor 100% when some did not.
    const pct = Math.round(f.probability * 100);
    const shown = f.probability > 0 && pct === 0 ? "<1%" : f.probability < 1 && pct === 100 ? ">99%" : `${pct}%`;
    assert.equal(await badge.textContent(), shown);
  }
  await page.screenshot({ path: join(shots, "reference-1280x800.png") });

  // The time of one check (inspect: report and board) of the reference plan in Chromium.
  const times = await page.evaluate(async () => {
    const el = document.querySelector("haalbaar-plan");
    const source = el.source;
    const ms = [];
    for (let i = 0; i < 21; i++) ms.push((await el.engine.call("inspect", source, {})).ms);
    return ms.sort((a, b) => a - b);
  });
  const median = times[10];
  await writeFile(join(shots, "timing.txt"), `reference plan, inspect in Chromium (worker): median ${median.toFixed(2)} ms of 21, min ${times[0].toFixed(2)} ms\n`);
  console.log(`# reference plan check in Chromium: median ${median.toFixed(2)} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an edit that breaks a commitment turns it red, with the diagnostic and the repair", async () => {
  const { page, errors } = await open();
  const plan = page.locator("haalbaar-plan");
  // Put the cursor on eherkenning's effort and type a larger one, as a user would.
  await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    const text = view.state.doc.toString();
    const item = text.indexOf("item eherkenning");
    const at = text.indexOf("effort 120", item) + "effort ".length;
    view.dispatch({ selection: { anchor: at, head: at + 3 } });
    view.focus();
  });
  await page.keyboard.type("400");
  // The check of the whole typed text (each key starts one; wait for the last).
  await page.waitForFunction(
    () => {
      const el = document.querySelector("haalbaar-plan");
      const text = el.view.state.doc.toString();
      return text.includes("effort 400") && el._checkedText === text && window.haalbaarLastCheck.report.verdict === "infeasible";
    },
    null,
    { timeout: 30000 },
  );
  const row = plan.locator('tr.commitment[data-item="eherkenning"]');
  assert.notEqual(await row.getAttribute("data-status"), "met");
  const color = await row.locator("td:first-child .badge").evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(color, "rgb(198, 40, 40)", "the status is red");
  // Each repair's text (its "apply" button aside).
  // Ids are set as code, so the text shows them without backticks.
  const plain = (s) => s.replaceAll("`", "");
  const repairs = await row.locator("ul.repairs li").evaluateAll((lis) =>
    lis.map((li) => [...li.childNodes].filter((n) => n.nodeName !== "BUTTON").map((n) => n.textContent).join("").trim()),
  );
  assert.ok((await row.locator("ul.repairs li code").count()) >= 1, "ids as code");
  assert.ok(repairs.length >= 1, "a repair is offered");
  const report = await page.evaluate(() => window.haalbaarLastCheck.report);
  const c = report.commitments.find((c) => c.item === "eherkenning");
  assert.deepEqual(repairs, c.repairs.map((r) => plain(r.text)));
  assert.ok((await row.locator("td.why").textContent()).includes(plain(c.reason.text)));
  // The diagnostic is in the editor: an error range and a gutter marker.
  await page.waitForFunction(() => document.querySelector("haalbaar-plan").shadowRoot.querySelector(".cm-lintRange-error"));
  assert.ok((await plan.locator(".cm-lint-marker-error").count()) >= 1);
  // Its chain is red on the board.
  assert.ok((await plan.locator('svg.board g.item.missed[data-item="eherkenning"]').count()) === 1);
  // Hovering the error shows the message and the help.
  await plan.locator(".cm-lintRange-error").first().hover();
  await page.waitForFunction(() => document.querySelector("haalbaar-plan").shadowRoot.querySelector(".cm-tooltip-lint"));
  const tip = await plan.locator(".cm-tooltip-lint").textContent();
  const diag = report.diagnostics.find((d) => d.severity === "error");
  assert.ok(tip.includes(plain(diag.message)), tip);
  await page.screenshot({ path: join(shots, "infeasible-edit-1280x800.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a repair's apply button edits the plan in the editor, and the commitment is then met", async () => {
  const { page, errors } = await open();
  const plan = page.locator("haalbaar-plan");
  await breakEherkenning(page);
  const before = await page.evaluate(() => document.querySelector("haalbaar-plan").view.state.doc.toString());
  const report = await page.evaluate(() => window.haalbaarLastCheck.report);
  const c = report.commitments.find((c) => c.item === "eherkenning");
  const k = c.repairs.findIndex((r) => r.edits.length > 0);
  assert.ok(k >= 0, "a repair with edits");
  await plan.locator(`tr.commitment[data-item="eherkenning"] button.apply[data-repair="${k}"]`).click();
  await page.waitForFunction(
    () => window.haalbaarLastCheck.report.commitments.find((c) => c.item === "eherkenning")?.status === "met",
    null,
    { timeout: 30000 },
  );
  const after = await page.evaluate(() => document.querySelector("haalbaar-plan").view.state.doc.toString());
  assert.notEqual(after, before, "the text changed");
  // The edit is exactly the repair's: only its lines differ.
  const changed = after.split("\n").filter((l) => !before.split("\n").includes(l));
  assert.ok(changed.length >= 1 && changed.every((l) => c.repairs[k].edits.some((e) => e.new_text.includes(l.trim()))), changed.join("|"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a 10,000-item reverse chain, then a normal plan, in the same page: both checked, no stale board", async () => {
  const { page, errors } = await open();
  const setText = (text) =>
    page.evaluate((text) => {
      window.haalbaarLastCheck = null;
      const view = document.querySelector("haalbaar-plan").view;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    }, text);
  // Each item waits for the next one: the deepest dependency chain a file of this size can hold.
  let chain = 'plan "chain" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam t "T" {\n  people 10\n}\n';
  for (let i = 0; i < 10000; i++) {
    chain += `item i${i} "I" {\n  team t\n  effort 1\n${i + 1 < 10000 ? `  after i${i + 1}\n` : ""}}\n`;
  }
  await setText(chain);
  await page.waitForFunction(() => window.haalbaarLastCheck, null, { timeout: 120000 });
  const first = await page.evaluate(() => window.haalbaarLastCheck.report);
  assert.equal(first.summary.errors, 0);
  const reference = await readFile(resolve(root, "examples/gdi-2024.plan"), "utf8");
  await setText(reference);
  await page.waitForFunction(() => window.haalbaarLastCheck, null, { timeout: 60000 });
  const second = await page.evaluate(() => window.haalbaarLastCheck.report);
  assert.deepEqual(second.commitments.map((c) => c.item), cliReport("gdi-2024.plan").commitments.map((c) => c.item));
  const summary = await page.locator("haalbaar-plan").locator(".summary").textContent();
  assert.ok(!summary.includes("engine"), summary);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a typo keeps the last good board, dimmed, with a note of what is wrong", async () => {
  const { page, errors } = await open();
  const plan = page.locator("haalbaar-plan");
  const items = await plan.locator("svg.board g.item").count();
  assert.ok(items > 0);
  await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    const text = view.state.doc.toString();
    const at = text.indexOf("people");
    view.dispatch({ changes: { from: at, to: at + "people".length, insert: "peeple" } });
  });
  await page.waitForFunction(() => window.haalbaarLastCheck.report.verdict === "invalid", null, { timeout: 30000 });
  assert.equal(await plan.locator(".board-wrap .stale svg.board g.item").count(), items, "the last good board stays");
  const note = await plan.locator(".board-wrap .stale-note").textContent();
  const first = await page.evaluate(() => window.haalbaarLastCheck.report.diagnostics.find((d) => d.severity === "error"));
  assert.ok(note.includes(`line ${first.line}`) && note.includes(first.message.replaceAll("`", "")), note);
  const opacity = await plan.locator(".board-wrap .stale").evaluate((e) => Number(getComputedStyle(e).opacity));
  assert.ok(opacity < 0.6, `dimmed: ${opacity}`);
  // One typo is one finding (no cascade of errors from it).
  assert.equal(await page.evaluate(() => window.haalbaarLastCheck.report.summary.errors), 1);
  // Its did-you-mean is a fix in the lint tooltip: applied, the plan reads as before.
  assert.deepEqual(first.edits?.map((e) => e.new_text), ["people"]);
  await plan.locator(".cm-lintRange-error").first().hover();
  await plan.locator("button.cm-diagnosticAction").first().click({ timeout: 15000 });
  await page.waitForFunction(() => window.haalbaarLastCheck.report.verdict !== "invalid", null, { timeout: 30000 });
  const text = await page.evaluate(() => document.querySelector("haalbaar-plan").view.state.doc.toString());
  assert.ok(!text.includes("peeple") && text.includes("people"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: a commitment row selects its item in the editor; board items are focusable", async () => {
  const { page } = await open();
  const plan = page.locator("haalbaar-plan");
  await plan.locator('tr.commitment[data-item="fbs-core"]').focus();
  await page.keyboard.press("Enter");
  const line = await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    return view.state.doc.lineAt(view.state.selection.main.head).text;
  });
  assert.match(line, /^item fbs-core /);
  assert.equal(await plan.locator('svg.board g.item.selected[data-item="fbs-core"]').count(), 1);
  // The selected block stands in the middle of the editor, not at its bottom edge.
  const place = await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    const box = view.scrollDOM.getBoundingClientRect();
    const at = view.coordsAtPos(view.state.selection.main.anchor);
    return { top: box.top, height: box.height, y: at.top };
  });
  const middle = place.top + place.height / 2;
  assert.ok(Math.abs(place.y - middle) < place.height / 4, JSON.stringify(place));
  await plan.locator('svg.board g.item[data-item="digid-api"]').focus();
  await page.keyboard.press("Enter");
  const picked = await page.evaluate(() => {
    const view = document.querySelector("haalbaar-plan").view;
    return view.state.doc.lineAt(view.state.selection.main.head).text;
  });
  assert.match(picked, /^item digid-api /);
  await page.close();
});

test("attributes: Dutch labels, read-only, change events", async () => {
  const { page } = await open();
  const plan = page.locator("haalbaar-plan");
  await page.evaluate(() => document.querySelector("haalbaar-plan").setAttribute("lang", "nl"));
  assert.equal(await plan.locator(".board-panel h2").textContent(), "Programmabord");
  assert.equal(await plan.locator(".verdict").textContent(), "haalbaar");
  // Dutch all the way: the engine's messages too, after the check in the new language.
  await breakEherkenning(page);
  const why = await plan.locator('tr.commitment[data-item="eherkenning"] td.why').textContent();
  assert.match(why, /kan niet af zijn uiterlijk|komt .* tekort|keten|op zijn vroegst|planning past/, why);
  assert.doesNotMatch(why, /cannot be done|at the earliest|short in/, why);
  await page.evaluate(() => {
    const el = document.querySelector("haalbaar-plan");
    window.changes = 0;
    el.addEventListener("change", () => window.changes++);
    el.readOnly = true;
  });
  const before = await page.evaluate(() => document.querySelector("haalbaar-plan").source);
  await plan.locator(".cm-content").click();
  await page.keyboard.type("xyz");
  assert.equal(await page.evaluate(() => document.querySelector("haalbaar-plan").source), before);
  await page.evaluate(() => (document.querySelector("haalbaar-plan").readOnly = false));
  await plan.locator(".cm-content").click();
  await page.keyboard.press("End");
  await page.keyboard.type("#");
  assert.ok((await page.evaluate(() => window.changes)) >= 1);
  await page.close();
});

test("the scenario picker shows a scenario's commitments and what it changes against the plan", async () => {
  const { page, errors } = await open();
  const plan = page.locator("haalbaar-plan");
  // The reference plan has three scenarios: the picker offers the plan itself and each.
  assert.equal(await plan.locator(".scenario-pick").isHidden(), false);
  const options = await plan.locator("select.scenario option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, ["", "vacatures-gevuld", "zonder-uitlening", "eherkenning-groot"]);
  assert.equal(await plan.locator(".verdict").textContent(), "feasible");
  await plan.locator("select.scenario").selectOption("eherkenning-groot");
  await page
    .waitForFunction(() => window.haalbaarLastCheck?.report.files?.[0]?.scenario === "eherkenning-groot", null, { timeout: 30000 })
    .catch(async (e) => {
      const seen = await page.evaluate(() => ({
        attr: document.querySelector("haalbaar-plan").getAttribute("scenario"),
        summary: document.querySelector("haalbaar-plan").shadowRoot.querySelector(".summary").textContent,
        files: window.haalbaarLastCheck?.report.files,
      }));
      throw new Error(`${e.message}: ${JSON.stringify(seen).slice(0, 600)} ${errors.join("; ")}`);
    });
  await page.waitForFunction(() => document.querySelector("haalbaar-plan").shadowRoot.querySelector(".effect"), null, { timeout: 30000 });
  assert.equal(await plan.locator(".verdict").textContent(), "not feasible");
  // The engine's answer for that scenario, as the CLI gives it.
  const cli = JSON.parse(
    (() => {
      try {
        return execFileSync(cliBin(), ["check", "--format", "json", "--scenario", "eherkenning-groot", "examples/gdi-2024.plan"], { cwd: root, encoding: "utf8" });
      } catch (e) {
        return e.stdout;
      }
    })(),
  );
  const shown = await page.evaluate(() => window.haalbaarLastCheck.report.commitments.map((c) => [c.item, c.status, c.finish]));
  assert.deepEqual(shown, cli.commitments.map((c) => [c.item, c.status, c.finish]));
  // Marked against the plan itself: eherkenning worse (with the plan's standing), overheid-nl new.
  const row = plan.locator('tr.commitment[data-item="eherkenning"]');
  assert.equal(await row.locator(".effect").textContent(), "worse");
  assert.match(await row.locator("small.was").textContent(), /in the plan: met PI3\.4/);
  assert.equal(await plan.locator('tr.commitment[data-item="overheid-nl"] .effect').textContent(), "new");
  await page.screenshot({ path: join(shots, "scenario.png") });
  // Back to the plan itself: no marks.
  await plan.locator("select.scenario").selectOption("");
  await page.waitForFunction(() => !window.haalbaarLastCheck?.report.files?.[0]?.scenario, null, { timeout: 30000 });
  assert.equal(await plan.locator(".verdict").textContent(), "feasible");
  assert.equal(await plan.locator(".effect").count(), 0);
  // A plan without scenarios has no picker.
  await page.evaluate(() => {
    const el = document.querySelector("haalbaar-plan");
    el.source = el.source.slice(0, el.source.indexOf("# Scenarios:"));
  });
  await page.waitForFunction(() => !window.haalbaarLastCheck?.report.files?.[0]?.scenarios, null, { timeout: 30000 });
  assert.equal(await plan.locator(".scenario-pick").isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the PI3 example: the status date, a burn-up per commitment and the teams' delivered work, as `haalbaar progress` has them", async () => {
  const { page, errors } = await open("gdi-2024-pi3.plan");
  const plan = page.locator("haalbaar-plan");
  await page.waitForFunction(() => !document.querySelector("haalbaar-plan").shadowRoot.querySelector(".progress-panel").hidden, null, {
    timeout: 30000,
  });
  assert.match(await plan.locator(".summary").textContent(), /as of 2024-05-27 \(PI3\.1\)/);
  assert.match(await plan.locator(".progress-panel .as-of").textContent(), /2024-05-27/);
  const progress = JSON.parse(execFileSync(cliBin(), ["progress", "--format", "json", "examples/gdi-2024-pi3.plan"], { cwd: root, encoding: "utf8" }));
  // One row and one burn-up chart per commitment, in rank order, with the CLI's figures.
  const rows = await plan.locator("tr.progress-row").evaluateAll((rs) => rs.map((r) => [r.dataset.item, ...[...r.cells].slice(1).map((c) => c.textContent)]));
  assert.deepEqual(
    rows,
    progress.commitments.map((c) => [c.item, String(c.scope), String(c.done), String(c.scope - c.done), `${Math.trunc(c.done_percent)}%`]),
  );
  assert.equal(await plan.locator("svg.burnup").count(), progress.commitments.length);
  // Each chart's done line has a point per iteration up to the status iteration, its plan line one per iteration from it.
  const first = progress.commitments[0];
  const points = await plan.locator(`svg.burnup[data-item="${first.item}"] polyline.done`).getAttribute("points");
  assert.equal(points.split(" ").length, first.burn_up.filter((b) => b.done != null).length);
  const planned = await plan.locator(`svg.burnup[data-item="${first.item}"] polyline.plan`).getAttribute("points");
  assert.equal(planned.split(" ").length, first.burn_up.filter((b) => b.planned != null).length);
  // The teams' delivered work and throughput.
  const teams = await plan.locator("tr.team-row").evaluateAll((rs) => rs.map((r) => [r.dataset.team, r.cells[r.cells.length - 1].textContent]));
  assert.deepEqual(teams, progress.teams.map((t) => [t.team, `${Math.trunc(t.throughput)}%`]));
  await plan.locator(".progress-panel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "progress.png"), fullPage: true });
  // A plan without a status date has no progress panel.
  await page.evaluate(() => {
    const el = document.querySelector("haalbaar-plan");
    el.source = el.source.replace("  as of 2024-05-27", "").replace(/\n  (done|remaining|started|finished) [^\n]*/g, "");
  });
  await page.waitForFunction(() => document.querySelector("haalbaar-plan").shadowRoot.querySelector(".progress-panel").hidden, null, {
    timeout: 30000,
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test("every example: the widget's report equals the CLI's JSON report", async () => {
  const { page } = await open();
  for (const name of EXAMPLES) {
    const widget = await page.evaluate(async (name) => {
      const el = document.querySelector("haalbaar-plan");
      const source = window.haalbaarExamples[name];
      const check = await el.call("check", source, { file: `examples/${name}` });
      const inspected = await el.call("inspect", source, { file: `examples/${name}` });
      return { check, inspected: inspected.report };
    }, name);
    const expected = cliReport(name);
    assert.deepEqual(widget.check, expected, name);
    assert.deepEqual(widget.inspected, expected, name);
  }
  await page.close();
});

test("the package runs under Node: initSync with the .wasm bytes", async () => {
  const pkg = resolve(here, "../pkg");
  const mod = await import(join(pkg, "haalbaar_wasm.js"));
  mod.initSync({ module: await readFile(join(pkg, "haalbaar_wasm_bg.wasm")) });
  const version = JSON.parse(await readFile(join(pkg, "package.json"), "utf8")).version;
  assert.equal(mod.version(), version);
  const source = await readFile(join(root, "examples/infeasible-chain.plan"), "utf8");
  assert.deepEqual(mod.check(source, { file: "examples/infeasible-chain.plan" }), cliReport("infeasible-chain.plan"));
  assert.equal(mod.explain("E0201").code, "E0201");
  assert.equal(mod.explain("E9999"), null);
  assert.ok(mod.codes().length >= 50);
  const cal = mod.calendar(await readFile(join(root, "examples/gdi-2024.plan"), "utf8"));
  assert.equal(cal.calendar[0].iteration, "PI1.1");
  const cap = mod.capacity("plan {\n");
  assert.equal(cap.capacity, null);
  assert.ok(cap.diagnostics.length >= 1);
  const f = mod.forecast(source, { runs: 50, seed: 7 });
  assert.equal(f.forecast.runs, 50);
  assert.deepEqual(mod.forecast(source, { runs: 50, seed: 7 }), f, "same seed, same forecast");
  assert.throws(() => mod.check("", { budget: "lots" }), /bad options/);
});

test("a 44-item board: every bar's label reads in full; arrows of the missed chains, the selected chain, or all", async () => {
  const { page, errors } = await open("portfolio-2026.plan");
  const plan = page.locator("haalbaar-plan");
  await page.waitForFunction(() => window.haalbaarLastCheck.report.schedule?.length, null, { timeout: 30000 });
  const report = await page.evaluate(() => window.haalbaarLastCheck.report);
  const board = await page.evaluate(() => window.haalbaarLastCheck.board);
  const scheduled = report.schedule.filter((s) => s.work.length).length;
  assert.ok(scheduled >= 40, `${scheduled} items`);
  const svg = plan.locator("svg.board");
  const { count, problems } = await svg.evaluate(boardLabelProblems);
  assert.equal(count, scheduled);
  assert.deepEqual(problems, []);
  // Capacity charts name the PIs.
  const pis = board.pis.map((p) => p.label);
  const charts = plan.locator("svg.cap");
  assert.equal(await charts.count(), board.teams.length);
  for (let k = 0; k < board.teams.length; k++) assert.deepEqual(await charts.nth(k).locator(".pi-label").allTextContents(), pis);
  // By default only the missed chains' arrows show.
  const first = await svg.evaluate(shownDependencies);
  assert.ok(report.commitments.some((c) => c.status !== "met"));
  assert.ok(first.drawn > first.shown, JSON.stringify(first));
  assert.equal(first.shown, first.red, JSON.stringify(first));
  // Selecting a met commitment whose item waits for others shows its chain's arrows too.
  const placed = new Set(board.items.filter((i) => i.first != null).map((i) => i.item));
  const waiting = report.commitments.find((c) => {
    const item = board.items.find((i) => i.item === c.item);
    return c.status === "met" && item && !item.missed && item.after.some((a) => placed.has(a));
  });
  assert.ok(waiting, "a met commitment with a dependency");
  await plan.locator(`tr.commitment[data-item="${waiting.item}"]`).click();
  const selected = await svg.evaluate(shownDependencies);
  assert.ok(selected.shown > first.shown, JSON.stringify(selected));
  assert.ok((await plan.locator(`svg.board path.dep.on[data-to="${waiting.item}"]`).count()) >= 1);
  // The box: every arrow.
  await plan.locator("input.all-deps").check();
  const all = await plan.locator("svg.board").evaluate(shownDependencies);
  assert.equal(all.shown, all.drawn);
  assert.deepEqual(await plan.locator("svg.board").evaluate(arrowsOnLabels), []);
  await page.screenshot({ path: join(shots, "portfolio-2026-board.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
