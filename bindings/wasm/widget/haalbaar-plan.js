// <haalbaar-plan>: edit a plan, see its diagnostics, program board, commitments and capacity
// as you type. Checks run in a Web Worker, so typing never waits for the engine.
//
// Attributes: `source` (or the element's text), `file` (name in reports), `lang` (en | nl),
// `readonly`, `scenario` (the id of a scenario of the plan to show instead of the plan itself;
// a picker in the header chooses it when the plan has scenarios). Properties: `source`,
// `report`, `board`, `forecast`, `comparison` (with a scenario shown: the plan and its
// scenarios side by side, as `haalbaar compare`), `scenario`, `readOnly`. Events: `change`
// ({ source }) on every edit, `checked` ({ report, board, ms }) after every check, `forecast`
// ({ forecast, runs, of }) each time more of the forecast's runs are in: the chances of the
// commitments over the first 50, 100, 250, 500 and then all 1,000 runs, seeded as `haalbaar
// forecast` is (so the last step is its answer). The forecast runs in a second worker,
// stopped by the next edit, so it never holds up a check. With `lang="nl"` every message,
// reason and repair is Dutch, not only the labels.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { planLanguage, planHighlight } from "./language.js";
import { Engine } from "./engine.js";
import { labels } from "./i18n.js";
import { STYLE } from "./style.js";
import { boardSvg, capacitySvg, capacityLegend, commitmentsTable, chanceBadge, chanceHeader, esc, progressPanel, prose } from "./draw.js";

/** A 1-based line and 1-based column in characters to a CodeMirror position. */
function position(doc, line, column) {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  let index = 0;
  for (let chars = 1; chars < column && index < l.text.length; chars++) {
    index += l.text.codePointAt(index) > 0xffff ? 2 : 1;
  }
  return l.from + index;
}

const SEVERITY = { error: "error", warning: "warning", note: "info" };
// The CLI's default runs and seed (the seed is the engine's default), so the widget's chances
// are those of `haalbaar forecast`.
const FORECAST_RUNS = 1000;
// The forecast is shown as its runs come in: each step is the forecast of the first N runs
// (the same seeded runs as the full one, so the last step is exactly the 1,000-run forecast).
const FORECAST_STEPS = [50, 100, 250, 500, FORECAST_RUNS];
const FORECAST_MAX_ITEMS = 2000;
// ... nor when its runs would each walk too many team-iterations (teams × iterations).
const FORECAST_MAX_TEAM_ITERATIONS = 20000;

export class HaalbaarPlan extends HTMLElement {
  static observedAttributes = ["lang", "readonly", "source", "file", "scenario"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.engine = new Engine();
    // The forecast's own worker: a new edit stops it, whatever it was doing.
    this.forecaster = new Engine();
    this.readOnlyConf = new Compartment();
    this._report = null;
    this._board = null;
    this.selected = null;
    this.generation = 0;
  }

  get L() {
    return labels(this.lang);
  }

  /** The language of the labels and of the engine's messages: `en` or `nl`. */
  get lang() {
    return this.getAttribute("lang") === "nl" ? "nl" : "en";
  }

  connectedCallback() {
    if (this.view) {
      // Moved in the page: watch the size again (the worker restarts on the next check).
      this.resize?.observe(this.el.board);
      return;
    }
    const initial = this.getAttribute("source") ?? this.textContent.replace(/^\n/, "");
    const root = this.shadowRoot;
    root.innerHTML = `<style>${STYLE}</style>
      <div class="layout">
        <header><span class="verdict" aria-live="polite"></span><label class="scenario-pick" hidden><span></span> <select class="scenario"></select></label><span class="summary"></span><span class="timing"></span></header>
        <div class="editor" role="region"></div>
        <div class="side">
          <section class="commitments-panel"><h2></h2><div class="body"></div></section>
          <section class="board-panel"><h2></h2><div class="board-wrap"></div><div class="legend"></div><label class="deps-toggle"><input type="checkbox" class="all-deps"> <span></span></label></section>
          <section class="capacity-panel"><h2></h2><div class="caps"></div></section>
          <section class="progress-panel" hidden><h2></h2><div class="progress-body"></div></section>
        </div>
      </div>`;
    this.el = {
      verdict: root.querySelector(".verdict"),
      summary: root.querySelector(".summary"),
      timing: root.querySelector(".timing"),
      editor: root.querySelector(".editor"),
      commitments: root.querySelector(".commitments-panel .body"),
      board: root.querySelector(".board-wrap"),
      legend: root.querySelector(".legend"),
      caps: root.querySelector(".caps"),
      progressPanel: root.querySelector(".progress-panel"),
      progress: root.querySelector(".progress-body"),
      allDeps: root.querySelector("input.all-deps"),
      allDepsLabel: root.querySelector(".deps-toggle span"),
      scenarioPick: root.querySelector(".scenario-pick"),
      scenarioLabel: root.querySelector(".scenario-pick span"),
      scenario: root.querySelector("select.scenario"),
    };
    this.renderHeadings();
    this.view = new EditorView({
      root,
      parent: this.el.editor,
      state: this.editorState(initial),
    });
    this.el.board.addEventListener("click", (e) => this.onBoardPick(e));
    this.el.board.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && this.onBoardPick(e));
    this.el.commitments.addEventListener("click", (e) => this.onCommitmentPick(e));
    this.el.allDeps.addEventListener("change", () => this.renderResults());
    this.el.scenario.addEventListener("change", () => {
      this.scenario = this.el.scenario.value;
    });
    // Redraw the pictures to the panel's width when it changes.
    let frame = 0;
    let width = 0;
    this.resize = new ResizeObserver(() => {
      const w = this.el.board.clientWidth;
      if (w === width) return;
      width = w;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.renderResults());
    });
    this.resize.observe(this.el.board);
    this.el.commitments.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && this.onCommitmentPick(e));
  }

  disconnectedCallback() {
    this.engine.stop();
    this.forecaster.stop();
    this.resize?.disconnect();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.view || old === value) return;
    if (name === "readonly") this.view.dispatch({ effects: this.readOnlyConf.reconfigure(this.readOnlyExt()) });
    if (name === "lang") {
      // The labels at once; the engine's messages with the check in the new language.
      this.renderHeadings();
      this.renderResults();
      const view = this.view;
      this.lint(view).then((found) => view.dispatch(setDiagnostics(view.state, found)));
    }
    if (name === "source" && value !== this.source) this.source = value ?? "";
    if (name === "file" || name === "scenario") {
      // Checked again at once (the editor's linter runs again only after an edit).
      const view = this.view;
      this.lint(view).then((found) => view.dispatch(setDiagnostics(view.state, found)));
    }
  }

  readOnlyExt() {
    const ro = this.hasAttribute("readonly");
    return [EditorState.readOnly.of(ro), EditorView.editable.of(!ro)];
  }

  editorState(doc) {
    return EditorState.create({
      doc,
      extensions: [
        basicSetup,
        planLanguage,
        planHighlight,
        lintGutter(),
        linter((view) => this.lint(view), { delay: 250 }),
        this.readOnlyConf.of(this.readOnlyExt()),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) this.dispatchEvent(new CustomEvent("change", { detail: { source: u.state.doc.toString() } }));
        }),
        EditorView.contentAttributes.of({ "aria-label": "plan" }),
      ],
    });
  }

  get source() {
    return this.view ? this.view.state.doc.toString() : (this.getAttribute("source") ?? this.textContent);
  }

  set source(text) {
    if (!this.view) {
      this.setAttribute("source", text);
      return;
    }
    this.view.setState(this.editorState(text));
  }

  get readOnly() {
    return this.hasAttribute("readonly");
  }
  set readOnly(on) {
    this.toggleAttribute("readonly", Boolean(on));
  }
  get report() {
    return this._report;
  }
  /** The scenario shown (its id), or "" for the plan itself. */
  get scenario() {
    return this.getAttribute("scenario") ?? "";
  }
  set scenario(id) {
    if (id) this.setAttribute("scenario", id);
    else this.removeAttribute("scenario");
  }
  get comparison() {
    return this._comparison;
  }
  get board() {
    return this._board;
  }
  get forecast() {
    return this._forecast;
  }

  /** The forecast of `text` in steps of more runs, each shown as it comes in. */
  async runForecast(text, generation) {
    for (const runs of FORECAST_STEPS) {
      let result;
      try {
        ({ result } = await this.forecaster.call("forecast", text, { runs, lang: this.lang, scenario: this.scenario || undefined }));
      } catch {
        return; // stopped by a newer edit, or the plan cannot be forecast
      }
      if (generation !== this.generation || !result.forecast) return;
      this._forecast = result.forecast;
      this.showChances();
      this.dispatchEvent(new CustomEvent("forecast", { detail: { forecast: result.forecast, runs, of: FORECAST_RUNS } }));
    }
  }

  /** Shows the forecast's chances: in the table's chance column where it has one (so the
   * rows, their focus and selection stay as they are), else by drawing the table again. */
  showChances() {
    const table = this.el.commitments.querySelector("table.commitments");
    const head = table?.querySelector("th.chance");
    if (!head) {
      this.renderResults();
      return;
    }
    const f = this._forecast;
    const chance = new Map(f.commitments.map((c) => [c.item, c]));
    head.title = this.L.chanceHelp(f.runs);
    head.innerHTML = chanceHeader(f, this._forecastOf, this.L);
    for (const row of table.querySelectorAll("tr.commitment")) {
      const cell = row.querySelector("td.chance");
      if (cell) cell.innerHTML = chanceBadge(chance.get(row.dataset.item));
    }
  }

  /** Runs any export of the engine off the main thread (`check`, `forecast`, ...). */
  call(fn, ...args) {
    return this.engine.call(fn, ...args).then((r) => r.result);
  }

  async lint(view) {
    const text = view.state.doc.toString();
    const generation = ++this.generation;
    // The forecast of the text before this edit no longer matters: a running one is stopped
    // (its worker ended; an idle one is kept, with its engine loaded).
    if (this.forecaster.busy) this.forecaster.stop();
    this.el.timing.textContent = this.L.checking;
    let reply;
    try {
      const options = { file: this.getAttribute("file") || "plan.plan", lang: this.lang };
      reply = await this.engine.call("inspect", text, { ...options, scenario: this.scenario || undefined });
      // A scenario the plan no longer has: back to the plan itself.
      const ids = (reply.result.report.files?.[0]?.scenarios ?? []).map((x) => x.id);
      if (this.scenario && !ids.includes(this.scenario)) {
        this.removeAttribute("scenario");
        reply = await this.engine.call("inspect", text, options);
      }
      // With a scenario shown, what it does to each commitment against the plan itself.
      this._comparison = this.scenario ? (await this.engine.call("compare", text, options)).result : null;
    } catch (e) {
      if (generation !== this.generation) return [];
      // Nothing of the previous plan stays on screen next to the error: it no longer
      // describes the text in the editor. The next edit checks again in a fresh engine.
      this._report = null;
      this._progress = null;
      this._board = null;
      this._comparison = null;
      this._forecast = null;
      this._forecastOf = 0;
      this.el.verdict.className = "verdict";
      this.el.verdict.textContent = "";
      this.el.timing.textContent = "";
      this.el.commitments.innerHTML = "";
      this.el.board.innerHTML = `<p class="empty">${esc(this.L.noBoard)}</p>`;
      this.el.caps.innerHTML = "";
      this.el.summary.innerHTML = `<span class="message error">${esc(this.L.engineError)} ${esc(e.message)}</span>`;
      return [];
    }
    if (generation !== this.generation) return [];
    const { report, board, progress } = reply.result;
    this._progress = progress ?? null;
    this._report = report;
    this._checkedText = text;
    this._board = board;
    // The last board of a plan without errors stays on screen (dimmed) while a typo is fixed.
    if (board) this._lastGood = board;
    this.lastMs = reply.ms;
    this._forecast = null;
    // How likely each commitment is: the seeded forecast, after the check, in its own worker
    // and in steps of more runs (on very large plans each run would take seconds in the
    // browser, so it is skipped). Its column is there from the start, filled as runs come in.
    const teamIterations = (board?.teams.length ?? 0) * (board?.iterations.length ?? 0);
    this._forecastOf =
      report.commitments?.length &&
      (board?.items.length ?? 0) <= FORECAST_MAX_ITEMS &&
      teamIterations <= FORECAST_MAX_TEAM_ITERATIONS
        ? FORECAST_RUNS
        : 0;
    this.renderResults();
    this.dispatchEvent(new CustomEvent("checked", { detail: { report, board, ms: reply.ms } }));
    if (this._forecastOf) this.runForecast(text, generation);
    const doc = view.state.doc;
    return report.diagnostics.map((d) => {
      const from = position(doc, d.line, d.column);
      const to = Math.max(from, position(doc, d.end_line, d.end_column));
      return {
        from,
        to,
        severity: SEVERITY[d.severity] ?? "info",
        source: d.code,
        message: d.message,
        renderMessage: () => {
          const div = document.createElement("div");
          div.innerHTML =
            `<div>${prose(d.message)}</div>` +
            (d.label ? `<div>${prose(d.label)}</div>` : "") +
            (d.help ? `<div class="cm-lint-help">${esc(this.L.help)}: ${prose(d.help)}</div>` : "");
          return div;
        },
        // The sure fix of a did-you-mean, applied from the lint tooltip (undo takes it back).
        actions: d.edits?.length
          ? [
              {
                name: this.L.apply,
                apply: (v) => {
                  if (v.state.doc.toString() !== this._checkedText) return;
                  const at = v.state.doc;
                  const changes = d.edits.map((e) => ({
                    from: position(at, e.line, e.column),
                    to: position(at, e.end_line, e.end_column),
                    insert: e.new_text,
                  }));
                  v.dispatch({ changes, userEvent: "input.fix" });
                },
              },
            ]
          : undefined,
      };
    });
  }

  renderHeadings() {
    const L = this.L;
    const r = this.shadowRoot;
    r.querySelector(".commitments-panel h2").textContent = L.commitments;
    r.querySelector(".board-panel h2").textContent = L.board;
    r.querySelector(".capacity-panel h2").textContent = L.capacity;
    r.querySelector(".progress-panel h2").textContent = L.progress;
    this.el.allDepsLabel.textContent = L.allDeps;
    this.el.scenarioLabel.textContent = L.scenario;
    this.el.legend.innerHTML =
      `<span><i class="met"></i>${esc(L.legendMet)}</span><span><i class="missed"></i>${esc(L.legendMissed)}</span><span><i class="competing"></i>${esc(L.legendCompeting)}</span>` +
      `<span><i class="free"></i>${esc(L.legendFree)}</span><span><i class="ip"></i>${esc(L.legendIp)}</span><span><i class="over"></i>${esc(L.legendOver)}</span><span><i class="holiday"></i>${esc(L.legendHoliday)}</span>`;
  }

  renderResults() {
    const report = this._report;
    if (!report) return;
    const L = this.L;
    const board = this._board;
    this.el.verdict.className = `verdict ${report.verdict}`;
    this.el.verdict.textContent = L.verdict[report.verdict] ?? report.verdict;
    const commitments = report.commitments ?? [];
    const met = commitments.filter((c) => c.status === "met").length;
    this.el.summary.textContent = `${commitments.length ? L.summary(met, commitments.length) + " · " : ""}${L.errors(report.summary.errors, report.summary.warnings)}`;
    this.el.timing.textContent = this.lastMs != null ? L.checkedIn(this.lastMs.toFixed(1)) : "";
    this.renderScenarios(report);
    // Progress as of the plan's status date, when it has one.
    const progress = this._progress;
    this.el.progressPanel.hidden = !progress;
    this.el.progress.innerHTML = progress ? progressPanel(progress, L, this.el.caps.clientWidth || 600) : "";
    if (progress) this.el.summary.textContent += ` · ${L.asOf(progress.as_of, progress.status_iteration)}`;
    const { effects, removed } = this.effects();
    const gone = removed.length ? `<p class="removed-here">${esc(L.removedHere(removed.join(", ")))}</p>` : "";
    this.el.commitments.innerHTML = report.commitments
      ? gone + commitmentsTable(commitments, L, this._forecast ?? (this._forecastOf ? { runs: 0, commitments: [] } : null), this._forecastOf, effects)
      : `<p class="empty">${esc(L.noBoard)}</p>`;
    if (board) {
      this.el.board.innerHTML = boardSvg(board, L, this.el.board.clientWidth || 900, { allDeps: this.el.allDeps.checked });
      const width = this.el.caps.clientWidth || 600;
      this.el.caps.innerHTML =
        board.teams
          .map((t) => `<div class="cap-team"><h3>${esc(t.team)}${t.title ? ` — ${esc(t.title)}` : ""}</h3>${capacitySvg(t, board, L, width)}</div>`)
          .join("") + capacityLegend(L);
    } else if (this._lastGood) {
      // A typo does not blank the board: the last good one stays, dimmed, with what is wrong.
      const first = report.diagnostics.find((d) => d.severity === "error");
      const where = first ? ` ${L.line} ${first.line}: ${first.message}` : "";
      this.el.board.innerHTML =
        `<p class="stale-note" role="status">${esc(L.staleBoard)}${where ? ` <span class="where">${prose(where)}</span>` : ""}</p>` +
        `<div class="stale">${boardSvg(this._lastGood, L, this.el.board.clientWidth || 900)}</div>`;
      this.el.caps.innerHTML = "";
    } else {
      this.el.board.innerHTML = `<p class="empty">${esc(L.noBoard)}</p>`;
      this.el.caps.innerHTML = "";
    }
    if (this.selected) this.highlight(this.selected, false);
  }

  /** The picker: the plan itself and each scenario of the file, hidden when it has none. */
  renderScenarios(report) {
    const scenarios = report.files?.[0]?.scenarios ?? [];
    const pick = this.el.scenario;
    pick.innerHTML =
      `<option value="">${esc(this.L.thePlan)}</option>` +
      scenarios.map((x) => `<option value="${esc(x.id)}">${esc(x.id)}${x.title ? ` — ${esc(x.title)}` : ""}</option>`).join("");
    pick.value = this.scenario;
    this.el.scenarioPick.hidden = scenarios.length === 0;
  }

  /** With a scenario shown: item → { effect, plan } of each of its commitments, and the
   * plan's commitments the scenario does not have. The engine's comparison decides them. */
  effects() {
    const c = this._comparison;
    const k = c ? c.columns.findIndex((col) => col.scenario === this.scenario) : -1;
    if (k < 1) return { effects: null, removed: [] };
    const effects = new Map();
    const removed = [];
    for (const row of c.commitments) {
      if (row.effects[k] === "removed") removed.push(row.item);
      else if (row.standings[k]) effects.set(row.item, { effect: row.effects[k], plan: row.standings[0] });
    }
    return { effects, removed };
  }

  /** Selects an item's (or epic's) block in the editor. */
  reveal(id) {
    const item = this._board?.items.find((i) => i.item === id);
    const text = this.view.state.doc.toString();
    let from;
    let to;
    if (item?.source) {
      from = position(this.view.state.doc, item.source.line, item.source.column);
      to = from;
    } else {
      const m = new RegExp(`^\\s*(item|epic)\\s+${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "m").exec(text);
      if (!m) return;
      from = m.index + m[0].length - m[0].trimStart().length;
      to = text.indexOf("\n", from);
      if (to < 0) to = text.length;
    }
    const line = this.view.state.doc.lineAt(from);
    // The block in the middle of the editor, with room above and below to read it.
    this.view.dispatch({
      selection: { anchor: line.from, head: Math.max(line.to, Math.min(line.to, to)) },
      effects: EditorView.scrollIntoView(line.from, { y: "center" }),
    });
  }

  /** Marks a commitment's items on the board and its row in the table, and shows the arrows
   * of its chain: what its items wait for and what waits for them, all the way. */
  highlight(id, reveal = true) {
    this.selected = id;
    const r = this.shadowRoot;
    const board = this._board?.items ?? [];
    const items = new Set([id, ...board.filter((i) => i.commitment === id).map((i) => i.item)]);
    const chain = new Set(items);
    const before = new Map(board.map((i) => [i.item, i.after]));
    const after = new Map();
    for (const i of board) for (const b of i.after) after.set(b, [...(after.get(b) ?? []), i.item]);
    for (const next of [before, after]) {
      const todo = [...items];
      const seen = new Set(items);
      while (todo.length) {
        for (const n of next.get(todo.pop()) ?? []) {
          if (seen.has(n)) continue;
          seen.add(n);
          chain.add(n);
          todo.push(n);
        }
      }
    }
    r.querySelectorAll("svg.board .item").forEach((g) => g.classList.toggle("selected", items.has(g.dataset.item)));
    r.querySelectorAll("svg.board .dep").forEach((p) => p.classList.toggle("on", chain.has(p.dataset.from) && chain.has(p.dataset.to)));
    r.querySelectorAll("tr.commitment").forEach((tr) => tr.classList.toggle("selected", tr.dataset.item === id));
    if (reveal) this.reveal(id);
  }

  onBoardPick(e) {
    const g = e.target.closest?.(".item");
    if (!g) return;
    e.preventDefault();
    this.highlight(g.dataset.item, false);
    this.reveal(g.dataset.item);
  }

  onCommitmentPick(e) {
    const apply = e.target.closest?.("button.apply");
    if (apply) {
      e.preventDefault();
      this.applyRepair(apply.dataset.item, Number(apply.dataset.repair));
      return;
    }
    const tr = e.target.closest?.("tr.commitment");
    if (!tr) return;
    e.preventDefault();
    this.highlight(tr.dataset.item);
  }
}

/**
 * Applies repair `index` of commitment `item` to the text in the editor: its edits (lines and
 * columns in code points, end exclusive) in one change, which the editor's undo takes back.
 * Only while the text is the one checked; the edits describe that text.
 */
HaalbaarPlan.prototype.applyRepair = function (item, index) {
  const repair = this._report?.commitments?.find((c) => c.item === item)?.repairs?.[index];
  const doc = this.view.state.doc;
  if (!repair?.edits?.length || doc.toString() !== this._checkedText) return false;
  const changes = repair.edits.map((e) => ({
    from: position(doc, e.line, e.column),
    to: position(doc, e.end_line, e.end_column),
    insert: e.new_text,
  }));
  this.view.dispatch({ changes, userEvent: "input.repair" });
  this.dispatchEvent(new CustomEvent("repaired", { detail: { item, repair } }));
  return true;
};

if (!customElements.get("haalbaar-plan")) customElements.define("haalbaar-plan", HaalbaarPlan);
