//! `haalbaar lsp` spoken to as an editor does: JSON-RPC over its standard input and output,
//! every capability it announces, answers held against the CLI's own (`check --format json`,
//! `fmt`), and a stale check cancelled.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod lsp_client;

use std::io::Write;
use std::process::{Command, Stdio};

use lsp_client::{Client, apply};
use serde_json::{Value, json};

const URI: &str = "file:///tmp/demo%20plan.plan";

/// A plan with a title full of UTF-16 surprises, a met commitment and one that is not met.
const DEMO: &str = "plan \"Demo\" {\n  start 2025-01-06\n  horizon 6 months\n}\n\
milestone m \"Oplevering é😀 partner\" 2025-02-28\n\
team api \"API\" {\n  people 2\n}\n\
team web {\n  people 1\n}\n\
item login \"Inloggen é😀\" {\n  team api\n  effort 30\n  commit PI1\n}\n\
item big \"Groot\" {\n  team api\n  effort 100\n  commit PI1\n  after login\n}\n\
item page {\n  team web\n  effort 5\n  after m\n}\n";

fn haalbaar(args: &[&str], stdin: &str) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code().unwrap_or(-1))
}

/// `check --format json` of `text`.
fn cli_check(text: &str) -> Value {
    serde_json::from_str(&haalbaar(&["check", "--format", "json", "-"], text).0).unwrap()
}

fn line_of(text: &str, needle: &str) -> u32 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u32
}

fn column_of(text: &str, line: u32, needle: &str) -> u32 {
    let l = text.lines().nth(line as usize).unwrap();
    l[..l.find(needle).unwrap()].encode_utf16().count() as u32
}

/// Same findings, same places as `check --format json` (the protocol's lines and columns are
/// 0-based, columns in UTF-16 code units).
fn assert_same_as_cli(diagnostics: &[Value], text: &str) {
    let cli = cli_check(text);
    let expected: Vec<(String, u64, u64)> = cli["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap() - 1,
                d["column_utf16"].as_u64().unwrap() - 1,
            )
        })
        .collect();
    let got: Vec<(String, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn initialize_announces_every_capability_and_shutdown_exits_cleanly() {
    let (client, init) = Client::start(json!({}));
    let caps = &init["capabilities"];
    for capability in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "renameProvider",
        "completionProvider",
        "codeActionProvider",
        "documentFormattingProvider",
        "documentSymbolProvider",
        "inlayHintProvider",
        "semanticTokensProvider",
    ] {
        assert!(!caps[capability].is_null(), "{capability} not announced: {caps}");
    }
    assert_eq!(caps["textDocumentSync"], json!(2), "incremental sync");
    assert_eq!(init["serverInfo"]["name"], "haalbaar");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn diagnostics_on_open_are_the_clis_for_every_example_and_fixture() {
    let (mut client, _) = Client::start(json!({}));
    let dir =
        |d: &str| std::fs::read_dir(format!("{}/{d}", env!("CARGO_MANIFEST_DIR"))).unwrap().map(|e| e.unwrap().path());
    let mut files: Vec<std::path::PathBuf> = dir("../../examples")
        .chain(dir("../../examples/mistakes"))
        .chain(dir("tests/fixtures"))
        .chain(dir("tests/fixtures/diagnostics"))
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    files.sort();
    assert!(files.len() > 20, "examples and fixtures found: {}", files.len());
    for (n, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let uri = format!("file:///fixtures/{n}.plan");
        client.open(&uri, &text);
        let diagnostics = client.diagnostics(&uri, 1);
        assert_same_as_cli(&diagnostics, &text);
        client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
    }
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_change_brings_an_error_and_a_later_change_takes_it_away() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, DEMO);
    let first = client.diagnostics(URI, 1);
    assert_same_as_cli(&first, DEMO);
    assert!(first.iter().all(|d| d["code"] != "E0201"));

    // `team web` → `team wbe` in `page`: an unknown team, with a did-you-mean.
    let line = line_of(DEMO, "item page") + 1;
    client.change(URI, 2, [line, 7, line, 10], "wbe");
    let broken = DEMO.replacen("  team web\n  effort 5", "  team wbe\n  effort 5", 1);
    let second = client.diagnostics(URI, 2);
    assert_same_as_cli(&second, &broken);
    let unknown = second.iter().find(|d| d["code"] == "E0201").expect("an unknown team");
    assert_eq!(unknown["range"]["start"], json!({ "line": line, "character": 7 }));
    assert_eq!(unknown["severity"], 1);

    client.change(URI, 3, [line, 7, line, 10], "web");
    let third = client.diagnostics(URI, 3);
    assert_same_as_cli(&third, DEMO);
    assert!(third.iter().all(|d| d["code"] != "E0201"));

    // Full sync (a change without a range) is taken too.
    client.replace_all(URI, 4, &broken);
    assert!(client.diagnostics(URI, 4).iter().any(|d| d["code"] == "E0201"));
    client.replace_all(URI, 5, DEMO);
    assert_same_as_cli(&client.diagnostics(URI, 5), DEMO);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn positions_count_utf16_code_units_after_an_accent_and_an_emoji() {
    let (mut client, _) = Client::start(json!({}));
    // The milestone's date is wrong: its diagnostic starts after `é` (one unit) and `😀` (two).
    let text = DEMO.replace("2025-02-28", "2025-02-30");
    client.open(URI, &text);
    let diagnostics = client.diagnostics(URI, 1);
    assert_same_as_cli(&diagnostics, &text);
    let line = line_of(&text, "milestone m");
    let date = diagnostics.iter().find(|d| d["range"]["start"]["line"] == line).expect("the date's finding");
    let expected = column_of(&text, line, "2025-02-30");
    assert_eq!(date["range"]["start"]["character"], expected);
    // In UTF-16, not bytes (é is 2 bytes, 😀 4) nor characters (😀 is one).
    let l = text.lines().nth(line as usize).unwrap();
    assert_eq!(expected as usize, l[..l.find("2025").unwrap()].chars().count() + 1);

    // An edit at a UTF-16 position after the emoji: fix the date in place (`30` → `28`).
    client.change(URI, 2, [line, expected + 8, line, expected + 10], "28");
    assert_same_as_cli(&client.diagnostics(URI, 2), DEMO);
    // Hover on the milestone's id after the emoji, in the line below's `after m`.
    let after = line_of(DEMO, "after m");
    let hover = client.request("textDocument/hover", Client::at(URI, after, 8));
    assert!(hover["contents"]["value"].as_str().unwrap().contains("`m`"), "{hover}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn hover_on_items_teams_periods_and_keywords() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, DEMO);
    client.diagnostics(URI, 1);
    let cli = cli_check(DEMO);
    let big = cli["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "big").unwrap().clone();
    let hover = |client: &mut Client, line: u32, character: u32| {
        client.request("textDocument/hover", Client::at(URI, line, character))["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let line = line_of(DEMO, "item big");
    let text = hover(&mut client, line, 6);
    for said in [
        "`big`",
        "Groot",
        "team `api`",
        "effort 100",
        big["status"].as_str().unwrap(),
        big["reason"]["text"].as_str().unwrap(),
    ] {
        assert!(text.contains(said), "{said:?} not in {text}");
    }
    // The login item: met, its window and finish as the CLI's schedule has them.
    let login = cli["schedule"].as_array().unwrap().iter().find(|s| s["item"] == "login").unwrap().clone();
    let text = hover(&mut client, line_of(DEMO, "item login"), 6);
    assert!(text.contains("met"), "{text}");
    assert!(text.contains(login["finish"].as_str().unwrap()), "{text}");
    // A team: its capacity and load per PI.
    let text = hover(&mut client, line_of(DEMO, "team api"), 6);
    assert!(text.contains("| PI1 |") && text.contains("| PI2 |"), "{text}");
    // A period: its dates.
    let commit = line_of(DEMO, "commit PI1");
    let text = hover(&mut client, commit, 10);
    assert!(text.contains("PI1") && text.contains("2025-01-06"), "{text}");
    // A statement's keyword: how it is written.
    let text = hover(&mut client, commit, 3);
    assert!(text.contains("commit PI4"), "{text}");
    // Periods and dates inside ranges, and a quarter with the iteration it binds to.
    let ranged = DEMO.replace("  after m\n", "  after m\n  in PI1..PI2\n  not before 2025-01-06\n  target 2025-Q1\n");
    let uri = "file:///ranged.plan";
    client.open(uri, &ranged);
    client.diagnostics(uri, 1);
    let at = |client: &mut Client, needle: &str, skip: usize| {
        let line = line_of(&ranged, needle);
        let column = column_of(&ranged, line, needle) + skip as u32;
        client.request("textDocument/hover", Client::at(uri, line, column))["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert!(at(&mut client, "PI1..PI2", 8).starts_with("**PI2**"), "{}", at(&mut client, "PI1..PI2", 8));
    assert!(at(&mut client, "PI1..PI2", 1).starts_with("**PI1**"));
    let quarter = at(&mut client, "2025-Q1", 2);
    let cli = cli_check(&ranged);
    let page = cli["schedule"].as_array().unwrap().iter().find(|s| s["item"] == "page").unwrap().clone();
    // As `commit 2025-Q1` binds (the CLI's deadline for it).
    let q1 = cli_check(&DEMO.replace("commit PI1", "commit 2025-Q1"));
    let bound = format!(
        "as a deadline: {} (ends {})",
        q1["commitments"][0]["deadline"].as_str().unwrap(),
        q1["commitments"][0]["deadline_date"].as_str().unwrap()
    );
    assert!(quarter.contains("2025-01-01 – 2025-03-31") && quarter.contains(&bound), "{quarter}\n{bound}");
    // The placement counts as a commitment: the item's hover and an inlay hint after `in`.
    let text = at(&mut client, "item page", 5);
    assert!(text.contains("placement") && text.contains(page["finish"].as_str().unwrap()), "{text}");
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    assert!(
        hints.as_array().unwrap().iter().any(|h| h["position"]["line"] == line_of(&ranged, "in PI1..PI2")),
        "{hints}"
    );
    // Nothing to say on a blank: null.
    assert!(client.request("textDocument/hover", Client::at(URI, 3, 1)).is_null());
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn definition_references_and_rename_follow_ids() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, DEMO);
    client.diagnostics(URI, 1);
    // `team api` inside `login` → the team's header.
    let use_line = line_of(DEMO, "item login") + 1;
    let def = client.request("textDocument/definition", Client::at(URI, use_line, 8));
    assert_eq!(def["range"]["start"], json!({ "line": line_of(DEMO, "team api \"API\""), "character": 5 }));
    let refs = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": URI }, "position": { "line": use_line, "character": 8 }, "context": { "includeDeclaration": true } }),
    );
    assert_eq!(refs.as_array().unwrap().len(), 3, "the header and two items: {refs}");
    // `after login` → item login (not a team).
    let after = line_of(DEMO, "after login");
    let def = client.request("textDocument/definition", Client::at(URI, after, 9));
    assert_eq!(def["range"]["start"]["line"], line_of(DEMO, "item login"));

    let prepared = client.request("textDocument/prepareRename", Client::at(URI, after, 9));
    assert_eq!(prepared["placeholder"], "login");
    let edit = client.request(
        "textDocument/rename",
        json!({ "textDocument": { "uri": URI }, "position": { "line": after, "character": 9 }, "newName": "aanmelden" }),
    );
    let edits = edit["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 2);
    let renamed = apply(DEMO, edits);
    assert!(renamed.contains("item aanmelden \"Inloggen") && renamed.contains("after aanmelden"));
    assert_eq!(cli_check(&renamed)["verdict"], cli_check(DEMO)["verdict"]);
    // A rename to a taken id (of any kind: ids are one set), or to no id at all, is refused.
    for bad in ["big", "api", "m", "Big Item"] {
        let r = client.call(
            "textDocument/rename",
            json!({ "textDocument": { "uri": URI }, "position": { "line": after, "character": 9 }, "newName": bad }),
        );
        assert!(r["error"]["message"].as_str().is_some_and(|m| m.contains(bad)), "{r}");
    }
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn completion_offers_keywords_ids_and_periods_where_they_fit() {
    let (mut client, _) = Client::start(json!({}));
    let text = DEMO.replace("  after login\n", "  after \n  \n  commit \n");
    client.open(URI, &text);
    client.diagnostics(URI, 1);
    let labels = |client: &mut Client, line: u32, character: u32| -> Vec<String> {
        let r = client.request("textDocument/completion", Client::at(URI, line, character));
        r.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap().to_string()).collect()
    };
    let after = line_of(&text, "  after ");
    let ids = labels(&mut client, after, 8);
    assert!(ids.contains(&"login".into()) && ids.contains(&"m".into()), "{ids:?}");
    assert!(!ids.contains(&"api".into()), "a team is no item: {ids:?}");
    assert!(!ids.contains(&"big".into()), "an item does not wait for itself: {ids:?}");
    let statements = labels(&mut client, after + 1, 2);
    for k in ["not before", "max", "after", "priority"] {
        assert!(statements.contains(&k.to_string()), "{k} not in {statements:?}");
    }
    for k in ["people", "team", "effort", "finished"] {
        // A team's; already in the item (once only); progress without `as of`.
        assert!(!statements.contains(&k.to_string()), "{k} in {statements:?}");
    }
    let periods = labels(&mut client, after + 2, 9);
    for p in ["PI1", "PI1.2", "PI2", "PI2.5"] {
        assert!(periods.contains(&p.to_string()), "{p} not in {periods:?}");
    }
    assert!(!periods.iter().any(|p| p == "PI4"), "PI4 lies past the horizon: {periods:?}");
    let teams = labels(&mut client, line_of(&text, "item page") + 1, 7);
    assert_eq!(teams, vec!["api", "web"]);
    let top = labels(&mut client, line_of(&text, "item page"), 0);
    assert!(top.contains(&"item".into()) && top.contains(&"scenario".into()), "{top:?}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn every_repair_offered_as_a_quick_fix_meets_its_commitment() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, DEMO);
    let diagnostics = client.diagnostics(URI, 1);
    let failed = diagnostics.iter().find(|d| d["code"] == "E0601").expect("big is not met").clone();
    let r = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": failed["range"], "context": { "diagnostics": [failed] } }),
    );
    let actions = r.as_array().unwrap();
    let cli = cli_check(DEMO);
    let big = cli["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "big").unwrap().clone();
    assert_eq!(actions.len(), big["repairs"].as_array().unwrap().len(), "{actions:#?}");
    assert!(actions.len() >= 2);
    for action in actions {
        assert_eq!(action["kind"], "quickfix");
        let fixed = apply(DEMO, action["edit"]["changes"][URI].as_array().unwrap());
        let after = cli_check(&fixed);
        let status =
            after["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "big").unwrap()["status"].clone();
        assert_eq!(status, "met", "{} did not meet big:\n{fixed}", action["title"]);
    }
    // A did-you-mean: `team wab` → `web`.
    let typo = DEMO.replacen("  team web\n  effort 5", "  team wab\n  effort 5", 1);
    client.change(URI, 2, [0, 0, 99, 0], &typo);
    let unknown = client.diagnostics(URI, 2).into_iter().find(|d| d["code"] == "E0201").unwrap();
    let r = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": unknown["range"], "context": { "diagnostics": [unknown] } }),
    );
    let fix = r
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("web"))
        .unwrap_or_else(|| panic!("a did-you-mean: {r:#}"));
    assert_eq!(apply(&typo, fix["edit"]["changes"][URI].as_array().unwrap()), DEMO);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn formatting_outline_inlay_hints_and_semantic_tokens() {
    let (mut client, _) = Client::start(json!({}));
    let messy = DEMO.replace("  people 2\n", "     people    2   # twee\n").replace("  effort 30\n", "\teffort 30\n");
    client.open(URI, &messy);
    client.diagnostics(URI, 1);
    let edits = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = apply(&messy, edits.as_array().unwrap());
    let (fmt, code) = haalbaar(&["fmt", "-"], &messy);
    assert_eq!(code, 0);
    assert_eq!(formatted, fmt);
    assert_ne!(formatted, messy);

    let symbols = client.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": URI } }));
    let names: Vec<(&str, u64)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["kind"].as_u64().unwrap()))
        .collect();
    assert_eq!(names, vec![("plan", 3), ("m", 24), ("api", 5), ("web", 5), ("login", 12), ("big", 12), ("page", 12)]);

    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": URI }, "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 99, "character": 0 } } }),
    );
    let labels: Vec<(u64, &str)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["position"]["line"].as_u64().unwrap(), h["label"].as_str().unwrap()))
        .collect();
    let cli = cli_check(&messy);
    let commitments = cli["commitments"].as_array().unwrap();
    assert_eq!(labels.len(), commitments.len());
    let login = commitments.iter().find(|c| c["item"] == "login").unwrap();
    assert_eq!(
        labels[0],
        (
            u64::from(line_of(&messy, "effort 30") + 1),
            format!("→ met · {}", login["finish"].as_str().unwrap()).as_str()
        )
    );
    assert!(labels[1].1.starts_with(&format!(
        "→ {}",
        commitments.iter().find(|c| c["item"] == "big").unwrap()["status"].as_str().unwrap()
    )));

    // The hints come from the check: after each new answer the client is asked to fetch them again.
    assert!(client.server_requests.iter().any(|r| r["method"] == "workspace/inlayHint/refresh"));

    let tokens = client.request("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": URI } }));
    let data: Vec<u64> = tokens["data"].as_array().unwrap().iter().map(|n| n.as_u64().unwrap()).collect();
    // Decoded: (line, start, length, type).
    let (mut line, mut start) = (0, 0);
    let mut decoded = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            start = 0;
        }
        line += t[0];
        start += t[1];
        decoded.push((line, start, t[2], t[3], t[4]));
    }
    let word = |line: u64, start: u64, len: u64| -> String {
        let l: Vec<u16> = messy.lines().nth(line as usize).unwrap().encode_utf16().collect();
        String::from_utf16(&l[start as usize..(start + len) as usize]).unwrap()
    };
    let kinds: Vec<(String, u64, u64)> = decoded.iter().map(|&(l, s, n, t, m)| (word(l, s, n), t, m)).collect();
    assert!(kinds.contains(&("\"Oplevering é😀 partner\"".into(), 1, 0)), "strings measured in UTF-16: {kinds:?}");
    assert!(kinds.contains(&("2025-02-28".into(), 2, 0)));
    assert!(kinds.contains(&("# twee".into(), 3, 0)));
    assert!(kinds.contains(&("api".into(), 4, 1)), "a team's definition");
    assert!(kinds.contains(&("login".into(), 6, 0)), "an item referred to");
    assert!(kinds.contains(&("PI1".into(), 9, 0)));
    assert!(kinds.contains(&("commit".into(), 0, 0)));
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_check_made_stale_by_a_change_is_cancelled_and_the_last_text_is_checked() {
    let (mut client, _) = Client::start(json!({ "settleMs": 0 }));
    let big = haalbaar_benches::generate(1000, 7);
    let uri = "file:///generated.plan";
    client.open(uri, &big);
    client.diagnostics(uri, 1);
    // An effort a commitment needs: the check must decide the commitments again (no reuse).
    let line = big.lines().position(|l| l.trim_start().starts_with("effort ")).unwrap() as u32;
    let end = big.lines().nth(line as usize).unwrap().len() as u32;
    // Version 2 starts a check; version 3 comes while it runs; then version 4.
    client.change(uri, 2, [line, 0, line, end], "  effort 400");
    std::thread::sleep(std::time::Duration::from_millis(40));
    client.change(uri, 3, [line, 0, line, 12], "  effort 300");
    client.change(uri, 4, [line, 0, line, 12], "  effort 200");
    let last = client.diagnostics(uri, 4);
    let text = {
        let mut lines: Vec<String> = big.lines().map(String::from).collect();
        lines[line as usize] = "  effort 200".into();
        lines.join("\n") + "\n"
    };
    assert_same_as_cli(&last, &text);
    let published: Vec<i64> = client
        .notifications
        .iter()
        .filter(|n| n["method"] == "textDocument/publishDiagnostics")
        .map(|n| n["params"]["version"].as_i64().unwrap())
        .collect();
    assert_eq!(published, vec![1, 4], "stale versions are never published");
    let cancelled = client.notifications.iter().any(|n| {
        n["method"] == "window/logMessage"
            && n["params"]["message"].as_str().unwrap().contains("cancelled the check of version 2")
    });
    assert!(
        cancelled,
        "the check of version 2 was cancelled: {:#?}",
        client.notifications.iter().filter(|n| n["method"] == "window/logMessage").collect::<Vec<_>>()
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn dutch_messages_when_the_client_asks() {
    let (mut client, _) = Client::start(json!({ "language": "nl" }));
    let typo = DEMO.replacen("  team web\n  effort 5", "  team wbe\n  effort 5", 1);
    client.open(URI, &typo);
    let d = client.diagnostics(URI, 1);
    let unknown = d.iter().find(|d| d["code"] == "E0201").unwrap();
    assert!(unknown["message"].as_str().unwrap().starts_with("onbekend team `wbe`"), "{unknown}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn options_not_understood_are_shown_as_warnings() {
    let (mut client, _) = Client::start(json!({ "langauge": "nl", "settleMs": "abc", "budget": 5 }));
    client.open(URI, DEMO);
    client.diagnostics(URI, 1);
    let shown: Vec<&str> = client
        .notifications
        .iter()
        .filter(|n| n["method"] == "window/showMessage")
        .map(|n| n["params"]["message"].as_str().unwrap())
        .collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown.iter().any(|m| m.contains("`langauge`") && m.contains("did you mean `language`")), "{shown:?}");
    assert!(shown.iter().any(|m| m.contains("`settleMs`")), "{shown:?}");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn unknown_requests_get_an_error_not_a_crash() {
    let (mut client, _) = Client::start(json!({}));
    let r = client.call("textDocument/foldingRange", json!({ "textDocument": { "uri": URI } }));
    assert_eq!(r["error"]["code"], -32601);
    let r = client.call("textDocument/hover", Client::at("file:///not-open.plan", 0, 0));
    assert!(r["error"]["message"].as_str().unwrap().contains("not open"));
    let r = client.call("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(client.shutdown(), Some(0));
}

/// A small deterministic generator (no dependency for a handful of numbers).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn random_edits_and_requests_never_break_the_server() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, DEMO);
    client.diagnostics(URI, 1);
    let mut text = DEMO.to_string();
    let mut rng = Lcg(7);
    let pieces =
        ["", "x", "é", "😀", "\"", "{", "}", "\n", "  team ", "after ", "PI", "..", "#", "commit PI1\n", "\r\n"];
    for version in 2..=150 {
        // Any range of the text (UTF-16 positions, past line ends too) replaced by a piece.
        let lines = text.split(['\n', '\r']).count() as u64;
        let (l1, c1) = (rng.below(lines + 1) as u32, rng.below(30) as u32);
        let (l2, c2) = if rng.below(2) == 0 { (l1, c1) } else { (l1 + rng.below(2) as u32, rng.below(30) as u32) };
        let (l2, c2) = if (l2, c2) < (l1, c1) { (l1, c1) } else { (l2, c2) };
        let piece = pieces[rng.below(pieces.len() as u64) as usize];
        let start = lsp_client::offset(&text, &json!({ "line": l1, "character": c1 }));
        let end = lsp_client::offset(&text, &json!({ "line": l2, "character": c2 })).max(start);
        text.replace_range(start..end, piece);
        client.change(URI, version, [l1, c1, l2, c2], piece);
        let (line, character) = (rng.below(lines + 2) as u32, rng.below(40) as u32);
        for method in
            ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/prepareRename"]
        {
            let r = client.call(method, Client::at(URI, line, character));
            assert!(r.get("error").is_none(), "{method} at {line}:{character} of version {version}: {r}\n{text}");
        }
        let range = json!({ "start": { "line": 0, "character": 0 }, "end": { "line": line, "character": character } });
        for (method, params) in [
            ("textDocument/semanticTokens/full", json!({ "textDocument": { "uri": URI } })),
            ("textDocument/documentSymbol", json!({ "textDocument": { "uri": URI } })),
            ("textDocument/inlayHint", json!({ "textDocument": { "uri": URI }, "range": range })),
            (
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": [] } }),
            ),
        ] {
            let r = client.call(method, params);
            assert!(r.get("error").is_none(), "{method} of version {version}: {r}\n{text}");
        }
    }
    // The editor's text and the server's agree: the last version's findings are the CLI's.
    let last = client.diagnostics(URI, 150);
    assert_same_as_cli(&last, &text);
    assert_eq!(client.shutdown(), Some(0));
}
