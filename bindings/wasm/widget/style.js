// The widget's styles (inside its shadow root). Large enough to read on a projector.
export const STYLE = `
:host { display: block; font: 14px/1.4 system-ui, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff;
  --red: #c62828; --green: #2e7d32; --amber: #ef6c00; --grey: #90a4ae; --line: #d0d7de; }
.layout { display: grid; grid-template-columns: minmax(320px, 40%) 1fr; grid-template-rows: auto 1fr; gap: 8px; height: 100%; min-height: 600px; }
header { grid-column: 1 / 3; display: flex; gap: 16px; align-items: baseline; padding: 4px 8px; border-bottom: 1px solid var(--line); }
header .verdict { font-weight: 700; font-size: 16px; }
header .verdict.feasible { color: var(--green); } header .verdict.infeasible, header .verdict.invalid { color: var(--red); }
header .verdict.unknown { color: var(--amber); }
header .scenario-pick { font-size: 13px; } header .scenario-pick[hidden] { display: none; }
.effect { font-size: 11px; font-weight: 600; } .effect.worse, .effect.removed { color: var(--red); } .effect.better, .effect.added { color: var(--green); } .effect.changed, .effect.earlier, .effect.later { color: #57606a; }
small.was { color: #57606a; } p.removed-here { font-size: 12px; color: var(--red); margin: 4px 0; }
header .timing { margin-left: auto; color: #57606a; font-size: 12px; }
.editor { grid-row: 2; min-height: 0; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; display: flex; flex-direction: column; }
.editor .cm-editor { flex: 1; min-height: 0; height: 100%; font-size: 13px; }
.editor .cm-scroller { overflow: auto; }
.side { grid-row: 2; min-height: 0; overflow: auto; display: flex; flex-direction: column; gap: 8px; }
section { border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px 8px; }
h2 { font-size: 14px; margin: 2px 0 6px; color: #24292f; }
.board-wrap { overflow-x: auto; }
.board-wrap .stale { opacity: 0.4; filter: grayscale(0.6); pointer-events: none; }
.board-wrap .stale-note { margin: 4px 0; color: #9a6700; font-size: 12px; }
code { font: 0.95em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f2f4f6; padding: 0 2px; border-radius: 3px; }
.commitments .title { color: #57606a; font-size: 11px; }
.empty, .message { color: #57606a; margin: 4px 0; }
.message.error { color: var(--red); }
table.commitments { border-collapse: collapse; width: 100%; font-size: 13px; }
table.commitments th { text-align: left; font-weight: 600; color: #57606a; border-bottom: 1px solid var(--line); padding: 2px 6px; }
table.commitments td { vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #eaeef2; }
tr.commitment { cursor: pointer; } tr.commitment:hover, tr.commitment:focus, tr.commitment.selected { background: #f0f6ff; outline: none; }
tr.commitment:focus-visible { outline: 2px solid #0969da; outline-offset: -2px; }
td.why { color: #333; } td small { color: #57606a; white-space: nowrap; }
ul.repairs { margin: 2px 0 0; padding-left: 18px; color: #0b5394; }
ul.repairs button.apply { font: inherit; font-size: 0.85em; margin-left: 4px; padding: 0 6px; cursor: pointer; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.green { background: var(--green); } .badge.amber { background: var(--amber); } .badge.red { background: var(--red); }
.badge.met { background: var(--green); } .badge.infeasible, .badge.conflict { background: var(--red); } .badge.unknown { background: var(--amber); }
.hard { font-size: 11px; border: 1px solid #57606a; border-radius: 3px; padding: 0 3px; color: #57606a; }
svg.board text { font-size: 11px; }
svg.board .pi-band { fill: #eef2f6; stroke: #fff; } svg.board .pi-label { text-anchor: middle; font-weight: 600; fill: #24292f; }
svg.board .it-label { text-anchor: middle; fill: #57606a; font-size: 10px; }
svg.board .ip, svg.cap .ip { fill: #eceff1; } svg.board .holiday { fill: #ffb74d; }
svg.board .pi-line { stroke: #b0bec5; } svg.board .team-line { stroke: var(--line); }
svg.board .team-label { font-weight: 600; font-size: 12px; fill: #24292f; } svg.board .team-title { fill: #57606a; font-size: 10px; }
svg.board .load.none { fill: transparent; } svg.board .load.low { fill: #c8e6c9; } svg.board .load.half { fill: #81c784; }
svg.board .load.full { fill: #388e3c; } svg.board .load.over { fill: var(--red); }
svg.board .over-mark { fill: var(--red); font-weight: 700; text-anchor: middle; }
svg.board .item { cursor: pointer; } svg.board .item rect { stroke-width: 1; }
svg.board .item.met rect { fill: #c8e6c9; stroke: var(--green); } svg.board .item.missed rect { fill: #ffcdd2; stroke: var(--red); } svg.board .item.competing rect { fill: #ffe0b2; stroke: #ef6c00; }
svg.board .item.free rect { fill: #e3f2fd; stroke: #64b5f6; }
svg.board .item text { fill: #1f2328; font-size: 11px; }
svg.board .item.selected rect, svg.board .item:focus rect { stroke: #0969da; stroke-width: 3; } svg.board .item:focus { outline: none; }
svg.board .dep { fill: none; stroke: #555; stroke-width: 1.2; display: none; } svg.board .dep.red { stroke: var(--red); stroke-width: 1.6; }
svg.board .dep.red, svg.board .dep.on, svg.board[data-all-deps] .dep { display: inline; } svg.board .dep.on { stroke: #0969da; stroke-width: 1.6; }
svg.board .item text.outside { fill: #1f2328; } .deps-toggle { font-size: 12px; color: #57606a; display: block; margin-top: 4px; }
svg.cap .pi-band { fill: #eef2f6; stroke: #fff; } svg.cap .pi-label { text-anchor: middle; font-size: 9px; font-weight: 600; fill: #24292f; } svg.cap .pi-line { stroke: #b0bec5; }
.legend { display: flex; gap: 12px; flex-wrap: wrap; font-size: 12px; color: #57606a; margin-top: 4px; }
.legend i { display: inline-block; width: 14px; height: 10px; border: 1px solid; margin-right: 4px; vertical-align: -1px; }
.legend .met { background: #c8e6c9; border-color: var(--green); } .legend .missed { background: #ffcdd2; border-color: var(--red); } .legend .competing { background: #ffe0b2; border-color: #ef6c00; }
.legend .free { background: #e3f2fd; border-color: #64b5f6; } .legend .ip { background: #eceff1; border-color: #cfd8dc; }
.legend .over { background: var(--red); border-color: var(--red); } .legend .holiday { background: #ffb74d; border-color: #ffb74d; height: 4px; vertical-align: 2px; }
.legend .planned { background: #64b5f6; border-color: #64b5f6; } .legend .plannable { background: #fff; border-color: #90a4ae; }
.legend .capacity { border: none; border-top: 2px dashed #455a64; height: 0; vertical-align: 3px; }
.caps { display: grid; grid-template-columns: 1fr; gap: 4px; }
.cap-team h3 { font-size: 12px; margin: 0; }
svg.cap .plannable { fill: #fff; stroke: #90a4ae; } svg.cap .planned { fill: #64b5f6; } svg.cap .planned.over { fill: var(--red); }
svg.cap .capacity-line { fill: none; stroke: #455a64; stroke-dasharray: 3 2; }
svg.cap .axis { font-size: 9px; fill: #57606a; } svg.cap .event { font-size: 10px; fill: #455a64; }
svg.cap .event.leave, svg.cap .event.lend_out { fill: var(--red); } svg.cap .event.hire, svg.cap .event.lend_in { fill: var(--green); }
.cm-lint-help { color: #0b5394; margin-top: 2px; }
.progress-panel .as-of { color: #0b5394; font-size: 12px; margin: 0 0 4px; } .progress-panel h3 { font-size: 12px; margin: 6px 0 2px; }
.burnups { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 4px 12px; }
svg.burnup .done { fill: none; stroke: var(--green); stroke-width: 2; } svg.burnup .plan { fill: none; stroke: #64b5f6; stroke-width: 2; stroke-dasharray: 4 2; }
svg.burnup .scope { stroke: #455a64; stroke-dasharray: 2 2; } svg.burnup .deadline { stroke: var(--red); stroke-width: 1.5; } svg.burnup text { font-size: 9px; fill: #57606a; }
.legend .done-line { border: none; border-top: 2px solid var(--green); height: 0; vertical-align: 3px; } .legend .plan-line { border: none; border-top: 2px dashed #64b5f6; height: 0; vertical-align: 3px; }
.legend .scope-line { border: none; border-top: 2px dotted #455a64; height: 0; vertical-align: 3px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } header { grid-column: 1; } .side { grid-row: 3; } }
`;
