//! `--to csv`: the schedule (one row per item per iteration with work) or the commitments
//! (one row per commitment, in rank order), with the headers `docs/export.md` documents.

use super::Exported;
use crate::tables::csv_field;

/// The header of `--table schedule`.
pub const SCHEDULE: &str = "item,title,team,epic,committed,iteration,start,end,amount";
/// The header of `--table commitments`.
pub const COMMITMENTS: &str = "rank,item,kind,title,hard,status,deadline,deadline_date,finish,finish_date,late,reason";

/// `--table schedule`.
pub fn schedule(e: &Exported) -> String {
    let mut out = format!("{SCHEDULE}\n");
    for s in &e.feasibility.schedule {
        let item = e.checked.plan.items.iter().find(|i| i.id == s.item);
        let title = item.and_then(|i| i.title.clone()).unwrap_or_default();
        let epic = item.and_then(|i| i.epic.as_ref()).map(|r| r.id.clone()).unwrap_or_default();
        for w in &s.work {
            let (start, end) =
                e.row(&w.iteration).map(|r| (r.start.to_string(), r.end.to_string())).unwrap_or_default();
            let fields = [
                s.item.clone(),
                title.clone(),
                s.team.clone(),
                epic.clone(),
                s.committed.to_string(),
                w.iteration.clone(),
                start,
                end,
                w.amount.to_string(),
            ];
            out.push_str(&row(&fields));
        }
    }
    out
}

/// `--table commitments`.
pub fn commitments(e: &Exported) -> String {
    let mut out = format!("{COMMITMENTS}\n");
    for c in &e.feasibility.commitments {
        let fields = [
            c.rank.to_string(),
            c.item.clone(),
            c.kind.to_string(),
            c.title.clone().unwrap_or_default(),
            c.hard.to_string(),
            c.status.to_string(),
            c.deadline.clone(),
            c.deadline_date.to_string(),
            c.finish.clone().unwrap_or_default(),
            c.finish_date.map(|d| d.to_string()).unwrap_or_default(),
            c.late.clone().unwrap_or_default(),
            c.reason.as_ref().map(|r| r.text().to_string()).unwrap_or_default(),
        ];
        out.push_str(&row(&fields));
    }
    out
}

fn row(fields: &[String]) -> String {
    let mut line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}
