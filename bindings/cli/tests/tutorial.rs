//! `docs/tutorial.md` runs as written: its files are written as it says (`<!-- file: NAME -->`
//! or `<!-- append: NAME -->` before a code block), each `$ haalbaar ...` line of a `console`
//! block is run in that folder, and its output must be the lines that follow it.
//! `UPDATE_TUTORIAL=1` rewrites the outputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{root, run_in};

#[test]
fn the_tutorial_runs_as_written() {
    let path = root().join("docs/tutorial.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let dir = std::env::temp_dir().join(format!("haalbaar-tutorial-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let (mut commands, mut mismatches) = (0, Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let target = line
            .strip_prefix("<!-- file: ")
            .map(|n| (n, false))
            .or_else(|| line.strip_prefix("<!-- append: ").map(|n| (n, true)));
        if let Some((name, append)) = target {
            let name = name.trim_end_matches(" -->").trim();
            out.push(line.to_string());
            // The next fenced block is the file's text (or what is added to it).
            i += 1;
            while !lines[i].starts_with("```") {
                out.push(lines[i].to_string());
                i += 1;
            }
            out.push(lines[i].to_string());
            i += 1;
            let mut body = String::new();
            while !lines[i].starts_with("```") {
                body.push_str(lines[i]);
                body.push('\n');
                out.push(lines[i].to_string());
                i += 1;
            }
            let file = dir.join(name);
            if append {
                let mut old = std::fs::read_to_string(&file).unwrap();
                old.push_str(&body);
                std::fs::write(&file, old).unwrap();
            } else {
                std::fs::write(&file, body).unwrap();
            }
            continue;
        }
        if line == "```console" {
            out.push(line.to_string());
            i += 1;
            while !lines[i].starts_with("```") {
                let command = lines[i].strip_prefix("$ ").unwrap_or_else(|| panic!("line {}: not a command", i + 1));
                out.push(lines[i].to_string());
                i += 1;
                let mut expected = String::new();
                while !lines[i].starts_with("$ ") && !lines[i].starts_with("```") {
                    expected.push_str(lines[i]);
                    expected.push('\n');
                    i += 1;
                }
                let args: Vec<&str> = command.split_whitespace().skip(1).collect();
                assert_eq!(command.split_whitespace().next(), Some("haalbaar"));
                let (_, stdout, _) = run_in(&dir, &args);
                commands += 1;
                if stdout != expected {
                    mismatches.push(format!("`{command}`:\n--- docs\n{expected}--- output\n{stdout}"));
                }
                out.extend(stdout.lines().map(str::to_string));
            }
            continue;
        }
        out.push(line.to_string());
        i += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    if std::env::var_os("UPDATE_TUTORIAL").is_some() {
        std::fs::write(&path, out.join("\n") + "\n").unwrap();
        return;
    }
    assert!(commands >= 8, "{commands} commands");
    assert!(mismatches.is_empty(), "docs/tutorial.md is out of date (UPDATE_TUTORIAL=1):\n{}", mismatches.join("\n"));
}
