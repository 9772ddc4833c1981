// Compiled (not run) by test.sh with `tsc --noEmit`: the package's types describe what a
// TypeScript host writes against them.
import init, { check, inspect, calendar, capacity, forecast, explain, codes, version, initSync } from "../pkg/haalbaar_wasm.js";
import type { CheckReport, Inspection, Board, DiagnosticRecord, CommitmentReport } from "../pkg/haalbaar_wasm.js";

export async function use(source: string, bytes: BufferSource): Promise<string[]> {
  await init();
  initSync({ module: bytes });
  const report: CheckReport = check(source, { file: "a.plan", budget: 1000 });
  const defaults: CheckReport = check(source);
  const verdict: "feasible" | "infeasible" | "unknown" | "invalid" | "cancelled" = report.verdict;
  const first: DiagnosticRecord | undefined = report.diagnostics[0];
  const line: number | undefined = first?.line;
  const commitments: CommitmentReport[] = report.commitments ?? [];
  const inspected: Inspection = inspect(source, {});
  const board: Board | null | undefined = inspected.board;
  const teams = board?.teams.map((t) => `${t.team}: ${t.iterations.length}`) ?? [];
  const rows = calendar(source).calendar?.map((r) => r.iteration) ?? [];
  const cap = capacity(source).capacity?.teams.length ?? 0;
  const p = forecast(source, { runs: 10, seed: 1 }).forecast?.commitments.map((c) => c.probability) ?? [];
  const text = explain("E0201")?.explanation ?? "";
  return [verdict, String(line), String(commitments.length), defaults.verdict, ...teams, ...rows, String(cap), ...p.map(String), text, codes()[0].code, version()];
}
