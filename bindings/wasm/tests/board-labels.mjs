// What makes a board readable, measured in the browser on the drawn SVG (the same check for
// the HTML report's board and the widget's): every bar has a label that starts with its full
// id, drawn in the board itself (not clipped by a nested viewport); a label inside its bar fits
// in it; no label covers another bar or another label, or runs past the board's edge.

/** Runs in the page on an `svg.board`; returns `{ count, problems }`. */
export function boardLabelProblems(svg) {
  const problems = [];
  const bars = [];
  const width = svg.viewBox.baseVal?.width || svg.width.baseVal.value;
  for (const g of svg.querySelectorAll("g.item")) {
    const id = g.dataset.item;
    const rect = g.querySelector("rect");
    const text = g.querySelector("text");
    if (!text) {
      problems.push(`${id}: no label`);
      continue;
    }
    if (!text.textContent.startsWith(id)) problems.push(`${id}: its label reads "${text.textContent}"`);
    if (text.parentElement.closest("svg") !== svg) problems.push(`${id}: its label is in a clipped viewport`);
    const r = rect.getBBox();
    const t = text.getBBox();
    if (t.width < 1) problems.push(`${id}: its label has no width`);
    if (!text.classList.contains("outside") && (t.x < r.x || t.x + t.width > r.x + r.width)) {
      problems.push(`${id}: its label (${t.width.toFixed(1)} px) is wider than its bar (${r.width} px)`);
    }
    if (t.x + t.width > width) problems.push(`${id}: its label runs past the board's edge`);
    bars.push({ id, r, t });
  }
  const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const a of bars) {
    for (const b of bars) {
      if (a === b) continue;
      if (hit(a.t, b.r)) problems.push(`the label of ${a.id} covers the bar of ${b.id}`);
      if (a.id < b.id && hit(a.t, b.t)) problems.push(`the labels of ${a.id} and ${b.id} overlap`);
    }
  }
  return { count: bars.length, problems };
}

/** Runs in the page on an `svg.board`: how many dependency arrows are drawn, and how many of
 * them are shown (and of those, how many are of a missed chain). */
export function shownDependencies(svg) {
  const paths = [...svg.querySelectorAll("path.dep")];
  const shown = paths.filter((p) => getComputedStyle(p).display !== "none");
  return { drawn: paths.length, shown: shown.length, red: shown.filter((p) => p.classList.contains("red")).length };
}

/** Runs in the page on an `svg.board`: the arrows (shown ones) whose head lands on a label. */
export function arrowsOnLabels(svg) {
  const labels = [...svg.querySelectorAll("g.item text")].map((t) => ({ id: t.parentElement.dataset.item, box: t.getBBox() }));
  const problems = [];
  for (const p of svg.querySelectorAll("path.dep")) {
    if (getComputedStyle(p).display === "none") continue;
    const length = p.getTotalLength();
    // The tip and the head behind it (about 7 px at this stroke width).
    for (const back of [0, 3, 6]) {
      const at = p.getPointAtLength(Math.max(0, length - back));
      const on = labels.find(({ box }) => at.x > box.x + 0.5 && at.x < box.x + box.width - 0.5 && at.y > box.y + 0.5 && at.y < box.y + box.height - 0.5);
      if (on) {
        problems.push(`the arrow ${p.dataset.from} → ${p.dataset.to} ends on the label of ${on.id}`);
        break;
      }
    }
  }
  return problems;
}
