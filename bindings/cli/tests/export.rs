//! `haalbaar export`: every example exported to TaskJuggler (read by `tj3` without errors),
//! iCalendar (parsed by the `icalendar` crate) and CSV (parsed with its documented header),
//! each held against the check's own JSON report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn haalbaar(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_haalbaar")).args(args).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

/// The examples that check without a mistake in the file (commitments not met are fine).
fn examples() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    // Imported plans too: items finished before the plan's start, hundreds of items.
    paths.extend(std::fs::read_dir(dir.join("import/expected")).unwrap().map(|e| e.unwrap().path()));
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "plan")) {
        let (json, _, _) = haalbaar(&["check", "--format", "json", path.to_str().unwrap()]);
        let report: Value = serde_json::from_str(&json).unwrap();
        if report.get("commitments").is_some() {
            out.push((path, report));
        }
    }
    assert!(out.len() >= 6, "examples with an answer: {}", out.len());
    out
}

fn export(path: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", path.to_str().unwrap()];
    all.extend(args);
    let (out, err, code) = haalbaar(&all);
    assert_eq!(code, 0, "{args:?} of {}: {err}", path.display());
    out
}

/// A CSV line split into fields (quotes as the export writes them).
fn fields(line: &str) -> Vec<String> {
    let (mut out, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    out.push(field);
    out
}

#[test]
fn csv_tables_have_their_documented_headers_and_the_checks_figures() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/export.md")).unwrap();
    for (path, report) in examples() {
        let schedule = export(&path, &["--to", "csv", "--table", "schedule"]);
        let header = schedule.lines().next().unwrap();
        assert_eq!(header, "item,title,team,epic,committed,iteration,start,end,amount");
        assert!(doc.contains(&format!("`{header}`")), "docs/export.md documents the header");
        // The work of each item per iteration, as in the JSON schedule.
        let mut expected: Vec<(String, String, String)> = Vec::new();
        for s in report["schedule"].as_array().unwrap() {
            for w in s["work"].as_array().unwrap() {
                expected.push((
                    s["item"].as_str().unwrap().into(),
                    w["iteration"].as_str().unwrap().into(),
                    w["amount"].to_string().trim_matches('"').into(),
                ));
            }
        }
        let got: Vec<(String, String, String)> = schedule
            .lines()
            .skip(1)
            .map(|l| {
                let f = fields(l);
                assert_eq!(f.len(), 9, "{l}");
                (f[0].clone(), f[5].clone(), f[8].clone())
            })
            .collect();
        assert_eq!(got, expected, "{}", path.display());

        let commitments = export(&path, &["--to", "csv", "--table", "commitments"]);
        let header = commitments.lines().next().unwrap();
        assert_eq!(header, "rank,item,kind,title,hard,status,deadline,deadline_date,finish,finish_date,late,reason");
        assert!(doc.contains(&format!("`{header}`")));
        let rows: Vec<Vec<String>> = commitments.lines().skip(1).map(fields).collect();
        let json = report["commitments"].as_array().unwrap();
        assert_eq!(rows.len(), json.len());
        for (row, c) in rows.iter().zip(json) {
            assert_eq!(row[1], c["item"].as_str().unwrap());
            assert_eq!(row[5], c["status"].as_str().unwrap());
            assert_eq!(row[6], c["deadline"].as_str().unwrap());
            assert_eq!(row[8], c["finish"].as_str().unwrap_or_default());
        }
    }
}

#[test]
fn icalendar_parses_and_holds_every_deadline_milestone_and_pi() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    for (path, report) in examples() {
        let ics = export(&path, &["--to", "ical"]);
        assert!(ics.lines().all(|l| l.len() <= 75), "folded at 75 octets");
        assert!(ics.contains("\r\n"));
        let calendar: Calendar = ics.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let events: Vec<&icalendar::Event> = calendar
            .components
            .iter()
            .filter_map(|c| if let CalendarComponent::Event(e) = c { Some(e) } else { None })
            .collect();
        for c in report["commitments"].as_array().unwrap() {
            let uid = format!("deadline-{}@haalbaar", c["item"].as_str().unwrap());
            let e = events.iter().find(|e| e.get_uid() == Some(uid.as_str())).unwrap_or_else(|| panic!("{uid}"));
            let Some(DatePerhapsTime::Date(day)) = e.get_start() else { panic!("an all-day event") };
            assert_eq!(day.to_string(), c["deadline_date"].as_str().unwrap());
            assert!(e.get_summary().unwrap().ends_with(c["status"].as_str().unwrap()));
        }
        let (calendar_json, _, _) = haalbaar(&["calendar", "--format", "json", path.to_str().unwrap()]);
        let rows: Vec<Value> = serde_json::from_str(&calendar_json).unwrap();
        let pis: std::collections::BTreeSet<u64> = rows.iter().map(|r| r["pi"].as_u64().unwrap()).collect();
        for pi in pis {
            assert!(events.iter().any(|e| e.get_uid() == Some(format!("pi-{pi}@haalbaar").as_str())), "PI{pi}");
        }
        // Same input, same bytes.
        assert_eq!(ics, export(&path, &["--to", "ical"]));
    }
}

#[test]
fn taskjuggler_reads_every_export_without_errors() {
    let tj3 = Command::new("tj3").arg("--version").output();
    assert!(
        tj3.is_ok_and(|o| o.status.success()),
        "tj3 (TaskJuggler 3) is needed: `apt-get install tj3`, or run scripts/test.sh, which installs it"
    );
    let work = std::env::temp_dir().join(format!("haalbaar-tj3-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    for (path, report) in examples() {
        let tjp = export(&path, &["--to", "taskjuggler"]);
        let file = work.join(format!("{}.tjp", path.file_stem().unwrap().to_str().unwrap()));
        std::fs::write(&file, &tjp).unwrap();
        let out = Command::new("tj3").arg("--no-reports").arg(&file).current_dir(&work).output().unwrap();
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(
            out.status.success() && !said.contains("Error"),
            "tj3 on the export of {}:\n{said}\n{tjp}",
            path.display()
        );
        // Every scheduled item is a task from its first iteration's start.
        for s in report["schedule"].as_array().unwrap() {
            if s["start"].is_string() {
                let id = s["item"].as_str().unwrap().replace('-', "_");
                assert!(tjp.contains(&format!("task i_{id} ")), "{id} in {}", path.display());
            }
        }
    }
    std::fs::remove_dir_all(&work).ok();
}

#[test]
fn a_plan_with_mistakes_is_not_exported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/mistakes/mistakes.plan");
    let (out, err, code) = haalbaar(&["export", path.to_str().unwrap(), "--to", "csv"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("error["), "{err}");
    // `--table` is a CSV option.
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/portfolio-2026.plan");
    let (out, err, code) = haalbaar(&["export", good.to_str().unwrap(), "--to", "ical", "--table", "commitments"]);
    assert_eq!((code, out.is_empty()), (2, true));
    assert!(err.contains("--to csv"), "{err}");
}

#[test]
fn ms_project_xml_reads_back_in_mpxj_with_the_same_tasks_dates_and_links() {
    let reader = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mpxj_read.py");
    let work = std::env::temp_dir().join(format!("haalbaar-mpxj-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    for (path, report) in examples() {
        let xml = export(&path, &["--to", "msproject"]);
        let file = work.join(format!("{}.xml", path.file_stem().unwrap().to_str().unwrap()));
        std::fs::write(&file, &xml).unwrap();
        let out = Command::new("python3").arg(&reader).arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "MPXJ (pip install mpxj JPype1, and a Java runtime; scripts/test.sh installs them) on {}:\n{}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let read: Value = serde_json::from_slice(&out.stdout).unwrap();
        let tasks = read["tasks"].as_array().unwrap();
        let (calendar_json, _, _) = haalbaar(&["calendar", "--format", "json", path.to_str().unwrap()]);
        let rows: Vec<Value> = serde_json::from_str(&calendar_json).unwrap();
        let day = |iteration: &str, key: &str| {
            rows.iter().find(|r| r["iteration"] == iteration).unwrap()[key].as_str().unwrap().to_string()
        };
        let plan = std::fs::read_to_string(&path).unwrap();
        for s in report["schedule"].as_array().unwrap() {
            let (Some(start), Some(finish)) = (s["start"].as_str(), s["finish"].as_str()) else { continue };
            if s["work"].as_array().unwrap().is_empty() {
                continue;
            }
            let id = s["item"].as_str().unwrap();
            let task = tasks.iter().find(|t| t["wbs"] == id).unwrap_or_else(|| panic!("{id} in {}", path.display()));
            assert_eq!(task["start"].as_str().unwrap(), day(start, "start"), "{id}");
            // The last working day of its last iteration.
            let mut last = chrono::NaiveDate::parse_from_str(&day(finish, "end"), "%Y-%m-%d").unwrap();
            while chrono::Datelike::weekday(&last).number_from_monday() > 5 {
                last = last.pred_opt().unwrap();
            }
            assert_eq!(task["finish"].as_str().unwrap(), last.to_string(), "{id}");
            assert!(!task["summary"].as_bool().unwrap());
            // Each `after` on a task that is in the file is a link.
            let block =
                &plan[plan.find(&format!("item {id} ")).or_else(|| plan.find(&format!("item {id}{{"))).unwrap()..];
            let block = &block[..block.find("\n}").unwrap()];
            for line in block.lines().filter_map(|l| l.trim().strip_prefix("after ")) {
                let on = line.split_whitespace().next().unwrap();
                if tasks.iter().any(|t| t["wbs"] == on && !t["summary"].as_bool().unwrap()) {
                    let preds: Vec<&str> =
                        task["predecessors"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
                    assert!(preds.contains(&on), "{id} after {on}: {preds:?}");
                }
            }
            assert_eq!(task["resources"].as_array().unwrap().len(), 1, "{id}: its team");
        }
        // Each item finished before the status date: a one-day task on that day, 100% done.
        let mut current: Option<&str> = None;
        for line in plan.lines() {
            if let Some(rest) = line.strip_prefix("item ") {
                current = rest.split_whitespace().next();
            } else if let (Some(id), Some(day)) =
                (current, line.trim().strip_prefix("finished ").and_then(|d| d.split_whitespace().next()))
            {
                let task = tasks.iter().find(|t| t["wbs"] == id).unwrap_or_else(|| panic!("finished {id}"));
                assert_eq!((task["start"].as_str().unwrap(), task["finish"].as_str().unwrap()), (day, day), "{id}");
                assert_eq!(task["percent"].as_f64().unwrap(), 100.0, "{id}");
            }
        }
    }
    std::fs::remove_dir_all(&work).ok();
}
