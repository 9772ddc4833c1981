//! `haalbaar import jira`: the sample exports (Jira Cloud and Data Center) into their plans,
//! held against an independent count of the CSV (items, epics, finished, links) and the
//! expected plans; re-import keeps every planner-written line; usage errors exit 2.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/import")
}

fn haalbaar(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_haalbaar")).args(args).output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

fn haalbaar_in(args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code().unwrap_or(-1))
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-import-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The check's JSON report of `text`.
fn check(text: &str) -> Value {
    let (json, err, _) = haalbaar_in(&["check", "--format", "json", "-"], text);
    serde_json::from_str(&json).unwrap_or_else(|_| panic!("{err}"))
}

/// The sample: its CSV, its mapping (if any), the plan it goes into, the expected plan.
struct Sample {
    csv: &'static str,
    mapping: Option<&'static str>,
    plan: &'static str,
    expected: &'static str,
    /// The oracle's rules for this export.
    item_types: Option<&'static [&'static str]>,
    skip_types: &'static [&'static str],
    finished: &'static [&'static str],
    team: &'static str,
    estimate: &'static str,
}

const SAMPLES: &[Sample] = &[
    Sample {
        csv: "jira-cloud.csv",
        mapping: None,
        plan: "gdi.plan",
        expected: "expected/jira-cloud.plan",
        item_types: None,
        skip_types: &["Sub-task"],
        finished: &["Done"],
        team: "Team",
        estimate: "Custom field (Story point estimate)",
    },
    Sample {
        csv: "jira-datacenter.csv",
        mapping: Some("jira-datacenter.toml"),
        plan: "dig.plan",
        expected: "expected/jira-datacenter.plan",
        item_types: Some(&["Story", "Taak", "Bug"]),
        skip_types: &["Sub-taak"],
        finished: &["Gesloten"],
        team: "Custom field (Scrum team)",
        estimate: "Original Estimate",
    },
];

/// The CSV as rows of (header → all values), with the line each row starts on (1 + the line
/// breaks before its first byte).
fn rows(csv_path: &Path) -> Vec<(usize, HashMap<String, Vec<String>>)> {
    let raw = std::fs::read(csv_path).unwrap();
    let line_at = |byte: usize| {
        // The reader may place a record at the `\n` of the CRLF before it.
        let byte = if raw.get(byte) == Some(&b'\n') { byte + 1 } else { byte };
        1 + raw[..byte].iter().filter(|&&b| b == b'\n').count()
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(csv_path).unwrap();
    let mut records = reader.records();
    let headers: Vec<String> = records.next().unwrap().unwrap().iter().map(str::to_string).collect();
    records
        .map(|r| {
            let r = r.unwrap();
            let mut m: HashMap<String, Vec<String>> = HashMap::new();
            for (h, v) in headers.iter().zip(r.iter()) {
                let e = m.entry(h.clone()).or_default();
                if !v.trim().is_empty() {
                    e.push(v.trim().to_string());
                }
            }
            (line_at(r.position().unwrap().byte() as usize), m)
        })
        .collect()
}

fn one<'a>(row: &'a HashMap<String, Vec<String>>, h: &str) -> &'a str {
    row.get(h).and_then(|v| v.first()).map_or("", |s| s.as_str())
}

fn import(sample: &Sample) -> (String, String, i32) {
    let d = dir();
    let (csv, plan) = (d.join(sample.csv), d.join(sample.plan));
    let mut args = vec!["import", "jira", csv.to_str().unwrap(), "--into", plan.to_str().unwrap()];
    let mapping = sample.mapping.map(|m| d.join(m));
    if let Some(m) = &mapping {
        args.extend(["--mapping", m.to_str().unwrap()]);
    }
    haalbaar(&args)
}

/// A block of the plan: (kind, id, its lines).
type Block = (String, String, Vec<String>);

/// The plan's `item` and `epic` blocks: key → (kind, id, lines).
fn blocks(text: &str) -> HashMap<String, Block> {
    let mut out = HashMap::new();
    let mut current: Option<Block> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("item ").or_else(|| t.strip_prefix("epic "))
            && t.ends_with('{')
        {
            let kind = t[..4].to_string();
            current = Some((kind, rest.split_whitespace().next().unwrap().to_string(), Vec::new()));
            continue;
        }
        if t == "}" {
            if let Some((kind, id, lines)) = current.take() {
                let key = lines
                    .iter()
                    .find_map(|l: &String| l.strip_prefix("key \"").map(|k| k.trim_end_matches('"').to_string()));
                if let Some(key) = key {
                    out.insert(key, (kind, id, lines));
                }
            }
            continue;
        }
        if let Some((_, _, lines)) = current.as_mut() {
            lines.push(t.to_string());
        }
    }
    out
}

#[test]
fn every_sample_gives_a_plan_the_check_accepts_with_the_counts_of_the_export() {
    for sample in SAMPLES {
        let (out, err, code) = import(sample);
        assert_eq!(code, 0, "{}: {err}", sample.csv);
        // The expected plan (UPDATE_EXPECTED=1 writes it).
        let expected = dir().join(sample.expected);
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
            std::fs::write(&expected, &out).unwrap();
        }
        assert_eq!(out, std::fs::read_to_string(&expected).unwrap(), "{} differs from {}", sample.csv, sample.expected);
        // The check accepts it: a valid plan, decided (commitments not met are its answer).
        let report = check(&out);
        assert_ne!(report["verdict"], "invalid", "{}: {}", sample.csv, report["diagnostics"]);
        assert!(report["commitments"].as_array().unwrap().len() > 5);

        // The oracle: what the export says, by the documented rules.
        let rows = rows(&dir().join(sample.csv));
        assert!(rows.len() >= 200, "{}: {} issues", sample.csv, rows.len());
        let mut epics = BTreeSet::new();
        let mut items = BTreeSet::new();
        let mut finished = BTreeSet::new();
        let mut left_out: Vec<(usize, String)> = Vec::new();
        for (line, r) in &rows {
            let (key, kind) = (one(r, "Issue key").to_string(), one(r, "Issue Type"));
            if kind == "Epic" {
                epics.insert(key);
                continue;
            }
            let typed = sample.item_types.is_none_or(|t| t.contains(&kind)) && !sample.skip_types.contains(&kind);
            let estimate = one(r, sample.estimate).parse::<f64>().unwrap_or(0.0);
            if !typed || one(r, sample.team).is_empty() || estimate <= 0.0 {
                left_out.push((*line, key));
                continue;
            }
            if sample.finished.contains(&one(r, "Status")) {
                finished.insert(key.clone());
            }
            items.insert(key);
        }
        let got = blocks(&out);
        let got_items: BTreeSet<String> = got.iter().filter(|(_, b)| b.0 == "item").map(|(k, _)| k.clone()).collect();
        let got_epics: BTreeSet<String> = got.iter().filter(|(_, b)| b.0 == "epic").map(|(k, _)| k.clone()).collect();
        assert_eq!(got_items, items, "{}: items", sample.csv);
        assert_eq!(got_epics, epics, "{}: epics", sample.csv);
        let got_finished: BTreeSet<String> = got
            .iter()
            .filter(|(_, b)| b.2.iter().any(|l| l.starts_with("finished ")))
            .map(|(k, _)| k.clone())
            .collect();
        assert_eq!(got_finished, finished, "{}: finished", sample.csv);
        // The report lists every row left out, with its line and key.
        let report_text: String = out.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        for (line, key) in &left_out {
            assert!(
                report_text.contains(&format!("#   line {line} {key} ")),
                "{}: row {line} {key} not in the report",
                sample.csv
            );
        }
        assert!(report_text.contains(&format!("{} items ({} finished)", items.len(), finished.len())));

        // Dependencies: every `Blocks` link between two imported items is an `after`, unless
        // the report says why it is not.
        let id_of: HashMap<&str, &str> = got.iter().map(|(k, b)| (k.as_str(), b.1.as_str())).collect();
        let mut links: HashSet<(String, String)> = HashSet::new();
        for (_, r) in &rows {
            let key = one(r, "Issue key").to_string();
            for b in r.get("Inward issue link (Blocks)").into_iter().flatten() {
                links.insert((b.clone(), key.clone()));
            }
            for a in r.get("Outward issue link (Blocks)").into_iter().flatten() {
                links.insert((key.clone(), a.clone()));
            }
        }
        let mut afters = 0;
        for (before, after) in &links {
            if !(items.contains(before) && items.contains(after)) {
                continue;
            }
            let has = got[after].2.contains(&format!("after {}", id_of[before.as_str()]));
            let said = report_text.contains(&format!("{after} after {before}: "));
            assert!(has != said, "{}: {after} after {before}: in the plan {has}, in the report {said}", sample.csv);
            afters += usize::from(has);
        }
        let written: usize = got.values().map(|b| b.2.iter().filter(|l| l.starts_with("after ")).count()).sum();
        assert_eq!(written, afters, "{}: every after line is a link of the export", sample.csv);
        assert!(afters >= 40, "{}: {afters} dependencies", sample.csv);
        assert!(report_text.contains(&format!("{afters} dependencies")));
    }
}

#[test]
fn importing_the_same_export_again_changes_nothing() {
    for sample in SAMPLES {
        let once = std::fs::read_to_string(dir().join(sample.expected)).unwrap();
        let work = temp(sample.plan);
        let plan = work.join(sample.plan);
        std::fs::write(&plan, &once).unwrap();
        let csv = dir().join(sample.csv);
        let mut args = vec!["import", "jira", csv.to_str().unwrap(), "--into", plan.to_str().unwrap()];
        let mapping = sample.mapping.map(|m| dir().join(m));
        if let Some(m) = &mapping {
            args.extend(["--mapping", m.to_str().unwrap()]);
        }
        let (twice, err, code) = haalbaar(&args);
        assert_eq!(code, 0, "{err}");
        // Updated in place: the same text, the report saying so.
        let body = |t: &str| t.lines().skip_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        assert_eq!(body(&twice), body(&once), "{}", sample.csv);
        assert!(
            twice.contains(" updated (0 changed), 0 added."),
            "{}",
            twice.lines().take(4).collect::<Vec<_>>().join("\n")
        );
        std::fs::remove_dir_all(&work).ok();
    }
}

#[test]
fn re_import_updates_what_it_owns_and_keeps_every_planner_line() {
    let sample = &SAMPLES[1];
    let work = temp("reimport");
    let plan = work.join("dig.plan");
    let first = std::fs::read_to_string(dir().join(sample.expected)).unwrap();
    let got = blocks(&first);
    // Pick three items that wait for nothing and are not finished, one epic.
    let mut open: Vec<(&String, &Block)> = got
        .iter()
        .filter(|(_, b)| b.0 == "item" && !b.2.iter().any(|l| l.starts_with("finished") || l.starts_with("commit")))
        .collect();
    open.sort_by_key(|(k, _)| k.split('-').nth(1).unwrap().parse::<u32>().unwrap());
    let (planned, renamed, removed) = (open[0], open[1], open[2]);
    // The planner's own lines: inside an imported item, a hand-written item after an
    // imported one, a scenario, a comment.
    let planner = [
        "  commit PI3".to_string(),
        "  priority 1".to_string(),
        "  wsjf value 8 urgency 5 risk 3".to_string(),
        "  note \"afgesproken met de ketenpartners\"".to_string(),
        "  # besproken op de PI-planning".to_string(),
    ];
    let mut text = String::new();
    let header = format!("item {} ", planned.1.1);
    let renamed_header = format!("item {} ", renamed.1.1);
    let mut in_renamed = false;
    for line in first.lines() {
        in_renamed = (in_renamed || line.starts_with(&renamed_header)) && line != "}";
        if in_renamed && line.starts_with("  effort ") {
            // A comment of the planner's on a line the import owns.
            text.push_str(&format!("{line}  # geschat met het team\n"));
            continue;
        }
        text.push_str(line);
        text.push('\n');
        if line.starts_with(&header) {
            for p in &planner {
                text.push_str(p);
                text.push('\n');
            }
        }
    }
    let own_item = format!(
        "\n# Mijn eigen item.\nitem handwerk \"Met de hand\" {{\n  team platform\n  effort 10\n  after {}\n}}\n\nscenario krap \"Krap\" {{\n  team platform people 3\n}}\n\nitem nazorg {{\n  team platform\n  effort 5\n  after {}\n}}\n",
        planned.1.1, removed.1.1
    );
    text.push_str(&own_item);
    std::fs::write(&plan, &text).unwrap();
    assert_ne!(check(&text)["verdict"], "invalid", "the planner's plan is valid");

    // The export changes: a new summary and estimate, a row gone, a new row.
    let csv_text = std::fs::read_to_string(dir().join(sample.csv)).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv_text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let h = &records[0];
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let (key_c, sum_c, est_c, id_c) = (col("Issue key"), col("Summary"), col("Original Estimate"), col("Issue id"));
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    out.write_record(h).unwrap();
    let mut template = None;
    for r in &records[1..] {
        let mut r: Vec<String> = r.iter().map(str::to_string).collect();
        if r[key_c] == *removed.0 {
            continue;
        }
        if r[key_c] == *renamed.0 {
            r[sum_c] = "Nieuwe naam, \"met\" aanhalingstekens".into();
            r[est_c] = (40 * 3600).to_string();
            r[col("Remaining Estimate")] = String::new();
            r[col("Time Spent")] = String::new();
            template = Some(r.clone());
        }
        out.write_record(&r).unwrap();
    }
    let mut new = template.unwrap();
    new[key_c] = "DIG-999".into();
    new[id_c] = "19999".into();
    new[sum_c] = "Een nieuw issue".into();
    out.write_record(&new).unwrap();
    let changed = work.join("changed.csv");
    std::fs::write(&changed, out.into_inner().unwrap()).unwrap();

    let mapping = dir().join(sample.mapping.unwrap());
    let args = |prune: bool| {
        let mut a = vec![
            "import".to_string(),
            "jira".into(),
            changed.to_str().unwrap().into(),
            "--into".into(),
            plan.to_str().unwrap().into(),
            "--mapping".into(),
            mapping.to_str().unwrap().into(),
            "--write".into(),
        ];
        if prune {
            a.push("--prune".into());
        }
        a
    };
    let (said, err, code) = haalbaar(&args(false).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    assert!(said.contains("1 added"), "{said}");
    let after = std::fs::read_to_string(&plan).unwrap();
    assert_ne!(check(&after)["verdict"], "invalid");
    // Every planner line is there, where it was.
    for p in &planner {
        assert!(after.contains(&format!("{p}\n")), "lost: {p}");
    }
    assert!(after.contains("item handwerk \"Met de hand\" {\n  team platform\n  effort 10\n"));
    assert!(after.contains("scenario krap \"Krap\" {\n  team platform people 3\n}"));
    assert!(after.contains("# Mijn eigen item."));
    let now = blocks(&after);
    // The planner's lines stay inside their item.
    for p in &planner {
        assert!(now[planned.0].2.contains(&p.trim().to_string()), "{p} moved out of {}", planned.0);
    }
    // The renamed item: new title and estimate, same id; the planner's comment on its effort
    // line stays; the report says what changed.
    assert!(after.contains(&format!("item {} \"Nieuwe naam, \\\"met\\\" aanhalingstekens\" {{", renamed.1.1)));
    assert!(now[renamed.0].2.contains(&"effort 5  # geschat met het team".to_string()), "{:?}", now[renamed.0].2);
    let changed =
        after.lines().find(|l| l.starts_with(&format!("#   {} (`{}`): title ", renamed.0, renamed.1.1))).unwrap();
    assert!(changed.contains("→ `effort 5`"), "{changed}");
    assert!(after.contains(" changed), 1 added."), "{}", &after[..400]);
    // The new issue is added; the removed one is kept and reported.
    assert!(now.contains_key("DIG-999"));
    assert!(now.contains_key(removed.0.as_str()));
    assert!(after.contains(&format!("# No longer in the export: {} (`{}`), kept", removed.0, removed.1.1)));

    // --prune keeps it while a line of the planner's names it ...
    let (_, err, code) = haalbaar(&args(true).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let kept = std::fs::read_to_string(&plan).unwrap();
    assert!(blocks(&kept).contains_key(removed.0.as_str()));
    assert!(
        kept.contains(&format!(
            "# No longer in the export: {} (`{}`), kept: `nazorg` has `after {}`.",
            removed.0, removed.1.1, removed.1.1
        )),
        "{}",
        &kept[..2000]
    );
    // New blocks go before the first scenario.
    assert!(kept.find("key \"DIG-999\"").unwrap() < kept.find("scenario krap").unwrap());
    // ... and removes it, nothing else, once none does.
    let own = format!("item nazorg {{\n  team platform\n  effort 5\n  after {}\n}}\n", removed.1.1);
    std::fs::write(&plan, kept.replace(&own, "")).unwrap();
    let (_, err, code) = haalbaar(&args(true).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    let pruned = std::fs::read_to_string(&plan).unwrap();
    let now = blocks(&pruned);
    assert!(!now.contains_key(removed.0.as_str()));
    assert!(pruned.contains(&format!("# No longer in the export: {} (`{}`), removed", removed.0, removed.1.1)));
    for p in &planner {
        assert!(pruned.contains(&format!("{p}\n")), "lost: {p}");
    }
    assert!(pruned.contains("item handwerk"));
    std::fs::remove_dir_all(&work).ok();
}

#[test]
fn a_new_plan_from_an_export_needs_a_start_and_gets_the_status_date() {
    let csv = dir().join("jira-cloud.csv");
    let (_, err, code) = haalbaar(&["import", "jira", csv.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--start"), "{err}");
    let (out, err, code) = haalbaar(&["import", "jira", csv.to_str().unwrap(), "--start", "2026-01-05"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("plan \"Imported from Jira\" {\n  start 2026-01-05\n  horizon 18 months\n  unit points\n  as of 2026-03-12\n}"), "{}", &out[..out.find("team ").unwrap_or(0)]);
    // Every team is new: a warning each, and the plan is still valid.
    assert!(err.contains("warning: team `team-toegang`"), "{err}");
    assert_ne!(check(&out)["verdict"], "invalid");
}

#[test]
fn exports_as_they_really_are_a_byte_order_mark_quotes_and_line_breaks() {
    let csv = "\u{feff}Issue key,Summary,Issue Type,Status,Team,Custom field (Story Points),Labels,Labels,Description,Updated\n\
               A-1,\"Komma, \"\"quotes\"\" en é 🚀\",Story,To Do,Platform,3,x,y,\"regel 1\nregel 2\",2026-02-01 10:00\n\
               A-2,Zonder team,Story,To Do,,5,,,,2026-02-01 10:00\n\
               A-3,Klaar,Story,Done,Platform,2,,,,2026-02-03 10:00\n";
    let (out, err, code) = haalbaar_in(&["import", "jira", "-", "--start", "2026-01-05"], csv);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("item komma-quotes-en-e \"Komma, \\\"quotes\\\" en é 🚀\" {"), "{out}");
    assert!(out.contains("#   line 4 A-2 \"Zonder team\": no team"), "{out}");
    // Finished on its Updated day (no Resolved column), the status date the newest update.
    assert!(out.contains("finished 2026-02-03") && out.contains("as of 2026-02-03"), "{out}");

    // As a Dutch spreadsheet saves it: semicolons, CRLF, a day-first date, one it cannot read.
    let csv = "Issue key;Summary;Issue Type;Status;Team;Custom field (Story Points);Description;Due date;Updated\r\n\
               B-1;Een;Story;To Do;Platform;3,5;\"regel 1\r\nregel 2\r\nregel 3\";13/07/2026;2026-02-01 10:00\r\n\
               B-2;Twee;Story;To Do;Platform;2;;volgende week;2026-02-01 10:00\r\n\
               B-3;Drie;Story;To Do;Platform;24h;;;2026-02-01 10:00\r\n";
    let (out, err, code) = haalbaar_in(&["import", "jira", "-", "--start", "2026-01-05"], csv);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(Jira columns, separated by `;`)"), "{out}");
    assert!(out.contains("effort 3.5\n  commit 2026-07-13\n"), "{out}");
    assert!(out.contains("#   line 5 B-2 \"Twee\": due date `volgende week` is not a date"), "{out}");
    assert!(out.contains("#   line 6 B-3 \"Drie\": estimate `24h` is not a figure"), "{out}");
}

#[test]
fn mistakes_in_the_mapping_or_the_options_exit_2_and_say_what() {
    let work = temp("usage");
    let csv = dir().join("jira-cloud.csv");
    let csv = csv.to_str().unwrap();
    let bad = work.join("bad.toml");
    std::fs::write(&bad, "[columns]\nteem = \"Team\"\n").unwrap();
    let (_, err, code) =
        haalbaar(&["import", "jira", csv, "--start", "2026-01-05", "--mapping", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("teem"), "{err}");
    std::fs::write(&bad, "[columns]\nteam = \"Scrum team\"\n").unwrap();
    let (_, err, code) =
        haalbaar(&["import", "jira", csv, "--start", "2026-01-05", "--mapping", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("`Scrum team`"), "{err}");
    // Story points into a plan in days.
    let dig = dir().join("dig.plan");
    let (_, err, code) = haalbaar(&["import", "jira", csv, "--into", dig.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("days_per_point"), "{err}");
    let (_, err, code) = haalbaar(&["import", "jira", csv, "--write"]);
    assert_eq!(code, 2);
    assert!(err.contains("--into"), "{err}");
    let (_, err, code) = haalbaar(&["import", "jira", csv, "--into", dig.to_str().unwrap(), "--start", "2026-01-05"]);
    assert_eq!(code, 2);
    assert!(err.contains("has its own start"), "{err}");
    // A mapping that names its own estimate column says its unit.
    std::fs::write(&bad, "[columns]\nestimate = \"Time Spent\"\n").unwrap();
    let (_, err, code) =
        haalbaar(&["import", "jira", csv, "--start", "2026-01-05", "--mapping", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("[estimate] unit"), "{err}");
    // The wrong command for the file.
    let book = dir().join("capacity-and-backlog.xlsx");
    let (_, err, code) = haalbaar(&["import", "jira", book.to_str().unwrap(), "--start", "2026-01-05"]);
    assert_eq!(code, 2);
    assert!(err.contains("haalbaar import xlsx"), "{err}");
    let (_, err, code) = haalbaar(&["import", "xlsx", csv, "--start", "2026-01-05"]);
    assert_eq!(code, 2);
    assert!(err.contains("haalbaar import jira"), "{err}");
    std::fs::remove_dir_all(&work).ok();
}

/// A sheet of the sample workbook as rows of (header → value), with the sheet's row number.
fn sheet(name: &str) -> Vec<(usize, HashMap<String, String>)> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(dir().join("capacity-and-backlog.xlsx")).unwrap();
    let range = book.worksheet_range(name).unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    rows.enumerate()
        .map(|(n, r)| {
            let m = header
                .iter()
                .zip(r)
                .map(|(h, c)| {
                    let text = match c {
                        Data::Empty => String::new(),
                        Data::DateTime(d) => d.as_datetime().unwrap().format("%Y-%m-%d").to_string(),
                        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                        c => c.to_string(),
                    };
                    (h.clone(), text)
                })
                .collect();
            (n + 2, m)
        })
        .collect()
}

#[test]
fn a_workbook_gives_the_teams_of_its_capacity_sheet_and_the_items_of_its_backlog() {
    let book = dir().join("capacity-and-backlog.xlsx");
    let (out, err, code) = haalbaar(&["import", "xlsx", book.to_str().unwrap(), "--start", "2026-01-05"]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(check(&out)["verdict"], "invalid", "{out}");
    // Every team of the capacity sheet, with its people and each hire and leaver.
    let cap = sheet("Capaciteit");
    let report: String = out.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
    for (row, r) in &cap {
        let team = &r["Team"];
        if team.is_empty() {
            continue;
        }
        let at = out.find(&format!("team {team} ")).unwrap_or_else(|| panic!("team {team}"));
        let block = &out[at..=at + out[at..].find("\n}").unwrap()];
        if !r["People"].is_empty() {
            assert!(block.contains(&format!("\n  people {}\n", r["People"])), "{block}");
        }
        match (r["Hire"].as_str(), r["Hire on"].get(..10)) {
            ("", _) => {}
            (n, Some(on)) => assert!(block.contains(&format!("\n  hire {n} on {on}\n")), "{block}"),
            (_, None) => {
                assert!(report.contains(&format!("#   row {row} {team}: sheet `Capaciteit`: hire")), "{report}")
            }
        }
        if let (n, Some(on)) = (r["Leave"].as_str(), r["Leave on"].get(..10)) {
            assert!(n.is_empty() || block.contains(&format!("\n  leave {n} on {on}\n")), "{block}");
        }
    }
    // Every backlog row with a team is an item or an epic; the one without is reported.
    let got = blocks(&out);
    for (row, r) in sheet("Backlog") {
        let key = &r["Issue key"];
        if r["Issue Type"] != "Epic" && r["Team"].is_empty() {
            assert!(!got.contains_key(key));
            assert!(report.contains(&format!("#   row {row} {key} ")), "{report}");
            continue;
        }
        let (kind, _, lines) = &got[key];
        assert_eq!(kind, if r["Issue Type"] == "Epic" { "epic" } else { "item" });
        if r["Status"] == "Done" {
            assert!(lines.contains(&format!("finished {}", &r["Resolved"][..10])), "{key}: {lines:?}");
        }
        for before in r["After"].split(',').map(str::trim).filter(|k| !k.is_empty()) {
            let said = report.contains(&format!("{key} after {before}: "));
            let has = got.get(before).is_some_and(|b| lines.contains(&format!("after {}", b.1)));
            assert!(has != said, "{key} after {before}");
        }
    }
    // Into a plan: the teams' own lines (the reason of a reserve) stay, their figures update.
    let gdi = dir().join("gdi.plan");
    let (into, err, code) = haalbaar(&["import", "xlsx", book.to_str().unwrap(), "--into", gdi.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(into.contains("team toegang \"Team Toegang\" {\n  people 7\n  focus 80%\n  reserve 15% \"beheer\"\n  hire 2 on 2026-05-01\n}"), "{into}");
    assert!(into.contains("# Teams from the capacity sheet: 4 updated, 0 added."));

    // A plan with imported Jira items and comments on team lines: the capacity sheet alone
    // updates the figures, keeps the comments, says what changed, and leaves the Jira items be.
    let work = temp("workbook");
    let plan = work.join("dig.plan");
    let dig = std::fs::read_to_string(dir().join("expected/jira-datacenter.plan")).unwrap();
    let dig = dig
        .replace(
            "team toegang \"Team Toegang\" {\n  people 8\n",
            "team toegang \"Team Toegang\" {\n  people 8  # incl. 2 inhuur\n",
        )
        .replace("  hire 1 on 2026-06-01\n", "  hire 1 on 2026-06-01  # vacature 2026-114\n");
    std::fs::write(&plan, &dig).unwrap();
    let (out, err, code) =
        haalbaar(&["import", "xlsx", book.to_str().unwrap(), "--into", plan.to_str().unwrap(), "--capacity-only"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("team toegang \"Team Toegang\" {\n  people 7  # incl. 2 inhuur\n"), "{out}");
    assert!(out.contains("#   team toegang (`toegang`): `people 8` → `people 7`"), "{out}");
    assert!(out.contains("`hire 1 on 2026-06-01` removed (and its comment `# vacature 2026-114`)"), "{out}");
    assert!(!out.contains("key \"PF-") && !out.contains("No longer in the export"), "{}", &out[..1500]);
    // With its backlog too: the Jira items (another project) are not "no longer in the export".
    let (out, err, code) = haalbaar(&["import", "xlsx", book.to_str().unwrap(), "--into", plan.to_str().unwrap()]);
    assert_eq!(code, 2, "points into a plan in days: {out}");
    assert!(err.contains("days_per_point"), "{err}");
    let mapping = work.join("m.toml");
    std::fs::write(&mapping, "[estimate]\ndays_per_point = 2\n").unwrap();
    let (out, err, code) = haalbaar(&[
        "import",
        "xlsx",
        book.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("key \"PF-2\"") && !out.contains("No longer in the export"), "{}", &out[..1500]);
    std::fs::remove_dir_all(&work).ok();
}

#[test]
fn excel_csv_in_windows_1252_and_a_mapping_team_the_plan_lacks() {
    // "Café" and "Één" as Excel's Windows code page writes them.
    let mut csv = b"Issue key;Summary;Issue Type;Status;Team;Custom field (Story Points)\r\nC-1;Caf".to_vec();
    csv.extend([0xE9]);
    csv.extend(b";Story;To Do;Platform;3\r\nC-2;");
    csv.extend([0xC9, 0xE9, 0x6E]);
    csv.extend(b" loket;Story;To Do;Platform;2\r\n");
    let work = temp("cp1252");
    let file = work.join("excel.csv");
    std::fs::write(&file, &csv).unwrap();
    let (out, err, code) = haalbaar(&["import", "jira", file.to_str().unwrap(), "--start", "2026-01-05"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("item cafe \"Café\" {") && out.contains("\"Één loket\""), "{out}");
    assert!(out.contains("read as Windows-1252 (not UTF-8)"), "{out}");
    // The bundled mapping names a team id (`data`) a new plan does not have: it is made.
    let csv = dir().join("jira-datacenter.csv");
    let mapping = dir().join("jira-datacenter.toml");
    let (out, err, code) = haalbaar(&[
        "import",
        "jira",
        csv.to_str().unwrap(),
        "--start",
        "2026-01-05",
        "--mapping",
        mapping.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("team data \"Data & Analyse\" {\n  capacity 0 per iteration\n}"), "{out}");
    assert_ne!(check(&out)["verdict"], "invalid");
    std::fs::remove_dir_all(&work).ok();
}
