// The demo page: the widget with the bundled example plans.
import "../widget/haalbaar-plan.js";
import gdi from "../../../examples/gdi-2024.plan?raw";
import gdiPi3 from "../../../examples/gdi-2024-pi3.plan?raw";
import release from "../../../examples/release-train.plan?raw";
import chain from "../../../examples/infeasible-chain.plan?raw";
import capacity from "../../../examples/infeasible-capacity.plan?raw";
import conflict from "../../../examples/conflict.plan?raw";
import mistakes from "../../../examples/mistakes/mistakes.plan?raw";
import portfolio from "../../../examples/portfolio-2026.plan?raw";

export const EXAMPLES = {
  "gdi-2024.plan": gdi,
  "gdi-2024-pi3.plan": gdiPi3,
  "release-train.plan": release,
  "infeasible-chain.plan": chain,
  "infeasible-capacity.plan": capacity,
  "conflict.plan": conflict,
  "mistakes/mistakes.plan": mistakes,
  "portfolio-2026.plan": portfolio,
};
// For tests and for the curious: the examples as the page has them.
window.haalbaarExamples = EXAMPLES;

const plan = document.getElementById("plan");
const pick = document.getElementById("example");
for (const name of Object.keys(EXAMPLES)) pick.add(new Option(name, name));
const start = new URLSearchParams(location.search).get("example") ?? "gdi-2024.plan";
pick.value = EXAMPLES[start] ? start : "gdi-2024.plan";

function load(name) {
  plan.setAttribute("file", `examples/${name}`);
  plan.source = EXAMPLES[name];
}
pick.addEventListener("change", () => load(pick.value));
document.getElementById("lang").addEventListener("change", (e) => plan.setAttribute("lang", e.target.value));
document.getElementById("readonly").addEventListener("change", (e) => (plan.readOnly = e.target.checked));
plan.addEventListener("checked", (e) => {
  window.haalbaarLastCheck = e.detail;
  document.title = `haalbaar — ${e.detail.report.verdict}`;
});
// Each step of the forecast as it comes in (runs so far, and the run count the table shows),
// for the page's tests.
window.haalbaarForecastSteps = [];
plan.addEventListener("checked", () => (window.haalbaarForecastSteps = []));
plan.addEventListener("forecast", (e) =>
  window.haalbaarForecastSteps.push({
    runs: e.detail.runs,
    shown: plan.shadowRoot.querySelector("table.commitments th small.runs")?.textContent ?? null,
  }),
);
load(pick.value);
