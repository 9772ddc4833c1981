// Drawing the board, the capacity charts and the commitments table from the engine's data.
// Nothing here decides anything: positions and colours only.

export const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** A sentence of the engine: escaped, with each `id` in backticks set as code. */
export const prose = (s) =>
  esc(s)
    .split("`")
    .map((part, k) => (k % 2 ? `<code>${part}</code>` : part))
    .join("");

const LANE = 20; // px per lane of items
const LEFT = 120; // team label column
const HEAD = 34; // PI band + iteration numbers

const LABEL_PX = 11; // font size of a bar's label

/** About how wide `s` is in px at `px` font size, on the generous side (a wide sans), so that
 * a label said to fit its bar does. The HTML report's `label_width` is the same. */
export function labelWidth(s, px = LABEL_PX) {
  let hundredths = 0;
  for (const c of String(s)) {
    if ("ijl.,:;'|!".includes(c)) hundredths += 30;
    else if ("ftr- ()[]/".includes(c)) hundredths += 45;
    else if (c === "m" || c === "M" || c === "W") hundredths += 100;
    else if (c === "w") hundredths += 85;
    else if (c >= "A" && c <= "Z") hundredths += 80;
    else if (c.codePointAt(0) < 128) hundredths += 66;
    else if (/\p{L}/u.test(c)) hundredths += 72;
    else hundredths += 100;
  }
  return Math.ceil((hundredths * px) / 100) + 2;
}

/** The bars of one team in lanes: a bar goes in the first lane where neither it nor its label
 * overlaps what is there, so every label reads in full. A label stands inside its bar when it
 * fits (the id, with the title when that fits too), else just right of the bar (left of it
 * near the board's right edge). */
function lanes(items, COL, edge) {
  const ends = []; // per lane: the first free x
  const placed = [];
  for (const item of [...items].sort((a, b) => a.first - b.first || a.last - b.last)) {
    const x = LEFT + item.first * COL + 1;
    const w = (item.last - item.first + 1) * COL - 2;
    const titled = item.title ? `${item.item} — ${item.title}` : null;
    let label = item.item;
    const lw = labelWidth(label);
    // Inside the bar when it fits; else right of it, or left of it near the right edge.
    let side = lw + 10 <= w ? "inside" : x + w + lw + 10 > edge && x >= LEFT + lw + 17 ? "left" : "right";
    if (titled && labelWidth(titled) + 10 <= w) {
      label = titled;
      side = "inside";
    }
    const [start, end] =
      side === "inside" ? [x, x + w + 1] : side === "right" ? [x, x + w + 4 + labelWidth(label) + 10] : [x - labelWidth(label) - 17, x + w + 1];
    let lane = ends.findIndex((e) => e < start);
    if (lane < 0) {
      lane = ends.length;
      ends.push(0);
    }
    ends[lane] = end;
    placed.push({ item, lane, x, w, label, side });
  }
  return { placed, count: Math.max(1, ends.length) };
}

function statusClass(item) {
  if (item.missed) return "missed";
  if (item.competing) return "competing";
  if (item.commitment) return "met";
  return "free";
}

/** The program board as SVG: teams down, iterations across, PIs banded, IP shaded. Every
 * dependency is drawn, but only the missed chains' show unless `allDeps` (or the widget marks
 * a selected chain's arrows `on`). */
export function boardSvg(board, L, available = 900, { allDeps = false } = {}) {
  const n = board.iterations.length;
  // Fit the panel when the columns stay readable; scroll sideways otherwise.
  const COL = Math.max(14, Math.min(40, Math.floor((available - LEFT - 8) / Math.max(1, n))));
  let width = LEFT + n * COL + 8;
  const rows = [];
  let y = HEAD;
  const where = new Map(); // item id -> { x1, x2, y }
  for (const team of board.teams) {
    const scheduled = board.items.filter((i) => i.team === team.team && i.first != null && i.last != null);
    const { placed, count } = lanes(scheduled, COL, LEFT + n * COL + 8);
    const height = 8 + count * LANE + 4;
    rows.push({ team, placed, y, height });
    for (const { item, lane, x, w, label, side } of placed) {
      // Arrows leave a bar at its end, or past its label when that stands beside it.
      const out = side === "right" ? x + w + 4 + labelWidth(label) + 4 : x + w + 1;
      where.set(item.item, { x1: x - 1, x2: out, y: y + 8 + lane * LANE + LANE / 2 - 1 });
      if (side === "right") width = Math.max(width, x + w + 4 + labelWidth(label) + 8);
    }
    y += height;
  }
  const height = y + 4;
  const out = [];
  out.push(`<svg class="board" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group" aria-label="${esc(L.board)}"${allDeps ? ` data-all-deps=""` : ""}>`);
  out.push(`<defs><marker id="arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#555"/></marker>`);
  out.push(`<marker id="arrow-red" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#c62828"/></marker></defs>`);
  // PI band and iteration numbers.
  for (const pi of board.pis) {
    const x = LEFT + pi.first * COL;
    const w = (pi.last - pi.first + 1) * COL;
    out.push(`<rect class="pi-band" x="${x}" y="0" width="${w}" height="16"/><text class="pi-label" x="${x + w / 2}" y="12">${esc(pi.label)}</text>`);
  }
  board.iterations.forEach((it, i) => {
    const x = LEFT + i * COL;
    const number = it.iteration.split(".")[1] ?? "";
    if (it.ip) out.push(`<rect class="ip" x="${x}" y="16" width="${COL}" height="${height - 16}"><title>${esc(it.iteration)} IP</title></rect>`);
    if (it.holidays.length) out.push(`<rect class="holiday" x="${x}" y="16" width="${COL}" height="4"><title>${esc(it.iteration)}: ${esc(it.holidays.join(", "))}</title></rect>`);
    out.push(`<text class="it-label" x="${x + COL / 2}" y="30">${esc(number)}<title>${esc(it.iteration)} ${esc(it.start)}</title></text>`);
  });
  for (const pi of board.pis) {
    const x = LEFT + pi.first * COL;
    out.push(`<line class="pi-line" x1="${x}" y1="0" x2="${x}" y2="${height}"/>`);
  }
  // Team rows: label, load strip, items.
  for (const { team, placed, y: top, height: h } of rows) {
    out.push(`<line class="team-line" x1="0" y1="${top}" x2="${width}" y2="${top}"/>`);
    out.push(`<text class="team-label" x="6" y="${top + 16}">${esc(team.team)}</text>`);
    if (team.title) {
      // Cut to the label column, with an ellipsis and the whole title on hover.
      const short = [...team.title].length > 18 ? `${[...team.title].slice(0, 17).join("")}…` : team.title;
      out.push(`<text class="team-title" x="6" y="${top + 29}">${esc(short)}<title>${esc(team.title)}</title></text>`);
    }
    team.iterations.forEach((cell, i) => {
      const pct = cell.percent;
      const cls = cell.overloaded ? "over" : pct == null ? "none" : pct >= 95 ? "full" : pct >= 50 ? "half" : "low";
      const tip = `${team.team} ${cell.iteration}: ${L.num(cell.planned)} ${L.planned} / ${L.num(cell.plannable)} ${L.plannable}${pct == null ? "" : ` (${Math.round(pct)}%)`}`;
      out.push(`<rect class="load ${cls}" x="${LEFT + i * COL + 1}" y="${top + 2}" width="${COL - 2}" height="4"><title>${esc(tip)}</title></rect>`);
      if (cell.overloaded) out.push(`<text class="over-mark" x="${LEFT + i * COL + COL / 2}" y="${top + h - 2}">!</text>`);
    });
    for (const { item, lane, x, w, label, side } of placed) {
      const yy = top + 8 + lane * LANE;
      const cls = statusClass(item);
      const tip = `${item.item}${item.title ? ` — ${item.title}` : ""}: ${item.start}..${item.finish}`;
      const tx = side === "inside" ? x + 5 : side === "right" ? x + w + 4 : x - 11; // left: clear of an arrow's head
      out.push(
        `<g class="item ${cls}" data-item="${esc(item.item)}" tabindex="0" role="button" aria-label="${esc(tip)}">` +
          `<title>${esc(tip)}</title><rect x="${x}" y="${yy}" width="${w}" height="${LANE - 4}" rx="3"/>` +
          `<text class="label${side === "inside" ? "" : " outside"}"${side === "left" ? ` text-anchor="end"` : ""} x="${tx}" y="${yy + LANE - 8}">${esc(label)}</text></g>`,
      );
    }
  }
  // Dependencies: from the end of the predecessor to the start of the item.
  const missed = new Set(board.items.filter((i) => i.missed).map((i) => i.item));
  for (const item of board.items) {
    const to = where.get(item.item);
    if (!to) continue;
    for (const id of item.after) {
      const from = where.get(id);
      if (!from) continue;
      const red = item.missed && missed.has(id);
      const x1 = from.x2 - 2;
      // Into the start of the bar, pointing right: when the bar starts before (or just after)
      // the other ends, the arrow swings round to come in from the left, so its head never
      // lands on the label.
      const x2 = to.x1 + 1;
      const mid = Math.max(x1 + 6, (x1 + x2) / 2);
      const d =
        to.x1 >= x1 + 12
          ? `M${x1},${from.y} C${mid},${from.y} ${mid},${to.y} ${x2},${to.y}`
          : `M${x1},${from.y} C${x1 + 12},${from.y} ${x2 - 16},${to.y} ${x2},${to.y}`;
      out.push(
        `<path class="dep${red ? " red" : ""}" data-from="${esc(id)}" data-to="${esc(item.item)}" d="${d}" marker-end="url(#${red ? "arrow-red" : "arrow"})"><title>${esc(id)} → ${esc(item.item)}</title></path>`,
      );
    }
  }
  out.push(`</svg>`);
  return out.join("");
}

/** One small chart per team: plannable capacity (outline), planned work (filled), per
 * iteration, under a band naming the PIs. */
export function capacitySvg(team, board, L, available = 600) {
  const n = board.iterations.length;
  const w = Math.max(4, Math.min(30, Math.floor((available - 44) / Math.max(1, n))));
  const H = 48;
  const width = n * w + 40;
  const max = Math.max(1, ...team.iterations.map((c) => Math.max(c.capacity, c.plannable, c.planned)));
  const BAND = 14; // the PI band on top
  const y = (v) => BAND + 6 + H - (v / max) * H;
  const out = [`<svg class="cap" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${BAND + H + 22}" role="img" aria-label="${esc(L.capacity)}: ${esc(team.team)}">`];
  for (const pi of board.pis) {
    const x = 36 + pi.first * w;
    const pw = (pi.last - pi.first + 1) * w;
    out.push(`<rect class="pi-band" x="${x}" y="0" width="${pw}" height="12"/><text class="pi-label" x="${x + pw / 2}" y="9">${esc(pi.label)}</text>`);
    out.push(`<line class="pi-line" x1="${x}" y1="0" x2="${x}" y2="${BAND + 6 + H}"/>`);
  }
  board.iterations.forEach((it, i) => {
    const x = 36 + i * w;
    if (it.ip) out.push(`<rect class="ip" x="${x}" y="${BAND + 6}" width="${w}" height="${H}"/>`);
    const c = team.iterations[i];
    if (!c) return;
    out.push(`<rect class="plannable" x="${x + 0.5}" y="${y(c.plannable)}" width="${w - 1}" height="${BAND + 6 + H - y(c.plannable)}"/>`);
    out.push(`<rect class="planned${c.overloaded ? " over" : ""}" x="${x + 1}" y="${y(c.planned)}" width="${w - 2}" height="${BAND + 6 + H - y(c.planned)}"><title>${esc(`${c.iteration}: ${L.num(c.planned)} ${L.planned} / ${L.num(c.plannable)} ${L.plannable} / ${L.num(c.capacity)} ${L.capacityRaw}`)}</title></rect>`);
  });
  // Raw capacity (before load) as a step line.
  let d = "";
  team.iterations.forEach((c, i) => {
    const x = 36 + i * w;
    d += `${i ? "L" : "M"}${x},${y(c.capacity)} L${x + w},${y(c.capacity)} `;
  });
  out.push(`<path class="capacity-line" d="${d}"/>`);
  out.push(`<text class="axis" x="32" y="${y(max) + 8}" text-anchor="end">${Math.round(max)}</text><text class="axis" x="32" y="${BAND + 6 + H}" text-anchor="end">0</text>`);
  for (const e of team.events) {
    const i = board.iterations.findIndex((it) => it.iteration === e.iteration);
    if (i < 0) continue;
    const x = 36 + i * w + w / 2;
    const up = e.kind === "hire" || e.kind === "lend_in";
    out.push(`<text class="event ${esc(e.kind)}" x="${x}" y="${BAND + H + 20}" text-anchor="middle">${up ? "▲" : e.kind === "vacancy" ? "○" : "▼"}<title>${esc(e.text)}</title></text>`);
  }
  out.push(`</svg>`);
  return out.join("");
}

/** What the capacity charts' marks mean. */
export function capacityLegend(L) {
  return (
    `<div class="legend"><span><i class="planned"></i>${esc(L.planned)}</span><span><i class="plannable"></i>${esc(L.plannable)}</span>` +
    `<span><i class="capacity"></i>${esc(L.capacityRaw)}</span><span><i class="ip"></i>${esc(L.legendIp)}</span>` +
    `<span>▲ ${esc(L.legendUp)}</span><span>▼ ${esc(L.legendDown)}</span><span>○ ${esc(L.legendVacancy)}</span></div>`
  );
}

/** A chance as a whole percent, never `0%` when some run met it nor `100%` when some run
 * did not (as the crate's `CommitmentForecast::chance`). */
export function chanceText(p) {
  const pct = Math.round(p * 100);
  if (p > 0 && pct === 0) return "<1%";
  if (p < 1 && pct === 100) return ">99%";
  return `${pct}%`;
}

/** One commitment's chance in the forecast `f` (its entry; none: empty). */
export function chanceBadge(f) {
  return f
    ? `<span class="badge chance ${esc(f.rag)}" title="P50 ${esc(f.p50 ?? "—")}, P85 ${esc(f.p85 ?? "—")}">${esc(chanceText(f.probability))}</span>`
    : "";
}

/** The chance column's heading: with the runs so far while fewer than `of` are in. */
export function chanceHeader(forecast, of, L) {
  const soFar = of && forecast.runs < of ? ` <small class="runs">${esc(L.runsSoFar(forecast.runs, of))}</small>` : "";
  return `${esc(L.chance)}${soFar}`;
}

/** The commitments table; `of`: the runs the forecast will have when complete. */
/** What a scenario does to a commitment against the plan (`worse`, `better`, ...), as a mark. */
export function effectMark(effect, L) {
  const text = L.effect?.[effect];
  return text ? ` <span class="effect ${esc(effect)}" title="${esc(L.againstPlan)}">${esc(text)}</span>` : "";
}

/** `effects`: for a scenario, what it does to each commitment (item → effect), with the
 * plan's own standing (item → standing) for the ones it changes. */
export function commitmentsTable(commitments, L, forecast, of, effects) {
  if (!commitments.length) return `<p class="empty">${esc(L.noCommitments)}</p>`;
  const chance = new Map((forecast?.commitments ?? []).map((f) => [f.item, f]));
  const rows = commitments.map((c) => {
    const odds = forecast ? `<td class="chance">${chanceBadge(chance.get(c.item))}</td>` : "";
    const repairs = c.repairs
      .map(
        (r, k) =>
          `<li>${prose(r.text)}${r.edits?.length ? ` <button type="button" class="apply" data-item="${esc(c.item)}" data-repair="${k}">${esc(L.apply)}</button>` : ""}</li>`,
      )
      .join("");
    const deadline = `${esc(c.deadline)} <small>${esc(c.deadline_date)}</small>`;
    const effect = effects?.get(c.item);
    const was = effect && effect.effect !== "same" && effect.plan
      ? `<br><small class="was">${esc(L.inPlan)}: ${esc(L.status[effect.plan.status] ?? effect.plan.status)}${effect.plan.finish ? ` ${esc(effect.plan.finish)}` : ""}</small>`
      : "";
    const finish = (c.finish ? `${esc(c.finish)} <small>${esc(c.finish_date)}</small>` : "—") + (effect ? effectMark(effect.effect, L) : "") + was;
    return (
      `<tr class="commitment ${esc(c.status)}" data-item="${esc(c.item)}" data-status="${esc(c.status)}" tabindex="0">` +
      `<td><span class="badge ${esc(c.status)}">${esc(L.status[c.status] ?? c.status)}</span></td>` +
      `<td><b>${esc(c.item)}</b>${c.hard ? ` <span class="hard">${esc(L.hard)}</span>` : ""}${c.title ? `<br><span class="title">${esc(c.title)}</span>` : ""}</td>` +
      `<td>${deadline}</td><td>${finish}</td>${odds}` +
      `<td class="why">${c.reason ? prose(c.reason.text) : ""}${repairs ? `<ul class="repairs" aria-label="${esc(L.repairs)}">${repairs}</ul>` : ""}</td>` +
      `</tr>`
    );
  });
  return (
    `<table class="commitments"><thead><tr><th></th><th>${esc(L.item)}</th><th>${esc(L.deadline)}</th><th>${esc(L.finish)}</th>` +
    (forecast ? `<th class="chance" title="${esc(L.chanceHelp(forecast.runs))}">${chanceHeader(forecast, of, L)}</th>` : "") +
    `<th>${esc(L.reason)} / ${esc(L.repairs)}</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

/** One commitment's burn-up: done per past iteration (solid), planned from the status
 * iteration on (dashed), its scope (dotted) and its deadline (red). */
export function burnUpSvg(c, L, available = 320) {
  const n = Math.max(c.burn_up.length, 1);
  const w = Math.min(14, Math.max(4, Math.floor((available - 4) / n)));
  const h = 60;
  const width = n * w + 4;
  const top = Math.max(Number(c.scope), 1);
  const y = (v) => (h - Math.min(Number(v) / top, 1) * h).toFixed(1);
  const x = (i) => (2 + i * w + w / 2).toFixed(1);
  const points = (key) =>
    c.burn_up
      .map((b, i) => (b[key] == null ? null : `${x(i)},${y(b[key])}`))
      .filter(Boolean)
      .join(" ");
  const d = c.burn_up.findIndex((b) => b.iteration === c.deadline);
  const deadline = d >= 0 ? `<line class="deadline" x1="${2 + (d + 1) * w}" y1="0" x2="${2 + (d + 1) * w}" y2="${h}"/>` : "";
  const first = c.burn_up[0]?.iteration ?? "";
  const last = c.burn_up[c.burn_up.length - 1]?.iteration ?? "";
  return (
    `<svg class="burnup" data-item="${esc(c.item)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h + 14}" viewBox="0 0 ${width} ${h + 14}" role="img" aria-label="${esc(c.item)} ${esc(L.progress)}">` +
    `<line class="scope" x1="2" y1="${y(top)}" x2="${width - 2}" y2="${y(top)}"/>${deadline}` +
    `<polyline class="done" points="${points("done")}"/><polyline class="plan" points="${points("planned")}"/>` +
    `<text x="2" y="${h + 11}">${esc(first)}</text><text x="${width - 2}" y="${h + 11}" text-anchor="end">${esc(last)}</text></svg>`
  );
}

/** The progress panel: each commitment's scope, done and left with its burn-up, and each
 * team's work delivered per past iteration against capacity. */
export function progressPanel(p, L, available = 600) {
  const pct = (v) => (v == null ? "—" : `${Math.trunc(Number(v))}%`);
  const rows = p.commitments
    .map(
      (c) =>
        `<tr class="progress-row" data-item="${esc(c.item)}"><td><b>${esc(c.item)}</b> <span class="badge ${esc(c.status)}">${esc(L.status[c.status] ?? c.status)}</span></td>` +
        `<td>${esc(L.num(c.scope))}</td><td>${esc(L.num(c.done))}</td><td>${esc(L.num(Number(c.scope) - Number(c.done)))}</td><td>${pct(c.done_percent)}</td></tr>`,
    )
    .join("");
  const charts = p.commitments
    .map((c) => `<div class="burnup-box"><h3>${esc(c.item)}</h3>${burnUpSvg(c, L, Math.min(available, 420))}</div>`)
    .join("");
  const past = p.teams[0]?.iterations.map((i) => i.iteration) ?? [];
  const firsts = p.teams.map((t) => (t.counted_from ? past.indexOf(t.counted_from) : -1)).filter((k) => k >= 0);
  const from = firsts.length ? Math.min(...firsts) : past.length;
  const teams = p.teams
    .map(
      (t) =>
        `<tr class="team-row" data-team="${esc(t.team)}"><td><b>${esc(t.team)}</b></td>` +
        t.iterations
          .slice(from)
          .map((i) => `<td>${esc(L.num(i.delivered))} / ${esc(L.num(i.capacity))}</td>`)
          .join("") +
        `<td>${t.throughput == null ? esc(L.noHistory) : pct(t.throughput)}</td></tr>`,
    )
    .join("");
  return (
    `<p class="as-of">${esc(L.asOf(p.as_of, p.status_iteration))}</p>` +
    `<table class="progress"><thead><tr><th>${esc(L.item)}</th><th>${esc(L.scope)}</th><th>${esc(L.done)}</th><th>${esc(L.left)}</th><th>%</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<div class="burnups">${charts}</div>` +
    `<div class="legend"><span><i class="done-line"></i>${esc(L.legendDone)}</span><span><i class="plan-line"></i>${esc(L.legendPlan)}</span><span><i class="scope-line"></i>${esc(L.scope)}</span></div>` +
    `<h3>${esc(L.delivered)}</h3><table class="delivered"><thead><tr><th>${esc(L.team)}</th>${past
      .slice(from)
      .map((i) => `<th>${esc(i)}</th>`)
      .join("")}<th>${esc(L.throughput)}</th></tr></thead><tbody>${teams}</tbody></table>`
  );
}
