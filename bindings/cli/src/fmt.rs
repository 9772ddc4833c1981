//! `haalbaar fmt`: plan files in the canonical layout, by the grammar's formatter.

use std::path::PathBuf;
use std::process::ExitCode;

use haalbaar::catalogue::Localize;
use haalbaar_cli::words::t;
use haalbaar_cli::{render, safe, words};

use super::{print, read, show};

/// `haalbaar fmt`: each file rewritten in place when its layout is not canonical (`--check`: a
/// diff instead). A file with syntax errors is left alone and its errors are shown. Exit 1 when
/// a file has syntax errors or (with `--check`) is not formatted.
pub(super) fn fmt_command(files: &[PathBuf], check: bool, color: bool) -> Result<ExitCode, String> {
    let mut failed = false;
    for path in files {
        let source = read(path)?;
        let name = if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() };
        let formatted = match haalbaar_grammar::format(&source) {
            Ok(text) => text,
            Err(haalbaar_grammar::FormatError::Syntax(_)) => {
                let mut diagnostics = haalbaar::unstable::lower::syntax_diagnostics(&haalbaar_grammar::parse(&source));
                for d in &mut diagnostics {
                    d.localize(words::lang());
                }
                let mut text = render::human(&name, &source, &diagnostics, color);
                text.push_str(&t(&format!("{name} is not formatted: it has syntax errors")));
                eprintln!("{}", safe::text(&text, color));
                failed = true;
                continue;
            }
            Err(e) => return Err(format!("{name}: {e}")),
        };
        if path.as_os_str() == "-" && !check {
            print(&formatted)?;
        } else if formatted != source {
            if check {
                let diff = similar::TextDiff::from_lines(&source, &formatted);
                let (a, b) = if path.is_absolute() || name == "<stdin>" {
                    (name.clone(), name.clone())
                } else {
                    (format!("a/{name}"), format!("b/{name}"))
                };
                show(&diff.unified_diff().context_radius(2).header(&a, &b).to_string(), color)?;
                failed = true;
            } else {
                std::fs::write(path, &formatted).map_err(|e| format!("cannot write {name}: {e}"))?;
            }
        }
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
