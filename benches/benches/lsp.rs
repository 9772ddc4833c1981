//! Typing into a 1,000-item plan (`generate(1000, 7)`) through the language server, in
//! process (`lsp_server::Connection::memory`, the same loop as `haalbaar lsp` without the
//! pipe): the time from a change to its diagnostics, against one check of the same text.
//! Edits: an item's title (the re-check keeps the commitments' answer), an effort a commitment
//! needs (everything decided again; 50 ms after the previous answer), and a burst of five changes 20 ms apart (the four stale
//! checks cancelled; timed from the last change).

// A benchmark that cannot reach the server has nothing to measure: it stops there.
#![allow(clippy::panic, clippy::expect_used)]

/// The allocator the `haalbaar` command uses, so these figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification};
use serde_json::{Value, json};

const URI: &str = "file:///generated.plan";

struct Editor {
    client: Connection,
    server: Option<std::thread::JoinHandle<()>>,
    version: i32,
}

impl Editor {
    fn open(text: &str) -> Editor {
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            let _ = haalbaar_lsp::run(&server, haalbaar::catalogue::Lang::En);
        });
        let editor = Editor { client, server: Some(handle), version: 1 };
        let init = lsp_server::Request::new(0.into(), "initialize".into(), json!({ "capabilities": {} }));
        editor.client.sender.send(Message::Request(init)).ok();
        editor.wait(|m| matches!(m, Message::Response(_)));
        editor.notify("initialized", json!({}));
        editor.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "haalbaar", "version": 1, "text": text } }),
        );
        editor.diagnostics(1);
        editor
    }

    fn notify(&self, method: &str, params: Value) {
        self.client.sender.send(Message::Notification(Notification::new(method.into(), params))).ok();
    }

    fn wait(&self, done: impl Fn(&Message) -> bool) {
        loop {
            match self.client.receiver.recv_timeout(Duration::from_secs(600)) {
                Ok(m) if done(&m) => return,
                Ok(_) => {}
                Err(e) => panic!("no answer from the server: {e}"),
            }
        }
    }

    fn diagnostics(&self, version: i32) {
        self.wait(|m| {
            matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics"
                && n.params["version"] == json!(version))
        });
    }

    /// Replaces line `line` by `text` (a new version).
    fn change(&mut self, line: usize, text: &str) -> i32 {
        self.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": self.version },
                "contentChanges": [{ "range": { "start": { "line": line, "character": 0 }, "end": { "line": line + 1, "character": 0 } }, "text": format!("{text}\n") }]
            }),
        );
        self.version
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        let shutdown = lsp_server::Request::new(9_999_999.into(), "shutdown".into(), Value::Null);
        self.client.sender.send(Message::Request(shutdown)).ok();
        self.wait(|m| matches!(m, Message::Response(_)));
        self.notify("exit", Value::Null);
        if let Some(h) = self.server.take() {
            let _ = h.join();
        }
    }
}

fn typing(c: &mut Criterion) {
    let plan = haalbaar_benches::generate(1000, 7);
    let lines: Vec<&str> = plan.lines().collect();
    let title = lines.iter().position(|l| l.starts_with("item ")).expect("an item");
    let effort = lines.iter().position(|l| l.trim_start().starts_with("effort ")).expect("an effort");
    let mut group = c.benchmark_group("lsp/1000");
    group.sample_size(20);
    // One check of each text the effort edits below make (efforts 20 to 59, in turn).
    let edited: Vec<String> = (0..40)
        .map(|k| {
            let mut l: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            l[effort] = format!("  effort {}", 20 + k);
            l.join("\n") + "\n"
        })
        .collect();
    let mut k = 0;
    group.bench_function("one check", |b| {
        b.iter(|| {
            k += 1;
            haalbaar::check(black_box(&edited[k % 40]))
        })
    });
    // The same, re-checked from the check of the plan before the edit (what the server runs).
    let before = haalbaar::check(&plan);
    let options = haalbaar::Options::default();
    group.bench_function("one re-check", |b| {
        b.iter(|| {
            k += 1;
            haalbaar::recheck(&before, black_box(&edited[k % 40]), &options)
        })
    });

    let mut editor = Editor::open(&plan);
    let header = lines[title].to_string();
    let mut n = 0u64;
    group.bench_function("change to diagnostics: a title", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let text = header.replacen("\" {", &format!(" t{n}\" {{"), 1);
                let start = Instant::now();
                let v = editor.change(title, &text);
                editor.diagnostics(v);
                total += start.elapsed();
            }
            total
        })
    });
    group.bench_function("change to diagnostics: an effort a commitment needs", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                // A typist's pause: the previous version's check is done and freed.
                std::thread::sleep(Duration::from_millis(50));
                let start = Instant::now();
                let v = editor.change(effort, &format!("  effort {}", 20 + n % 40));
                editor.diagnostics(v);
                total += start.elapsed();
            }
            total
        })
    });
    group.bench_function("burst of five changes 20 ms apart, from the last", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut v = 0;
                for k in 0..5 {
                    n += 1;
                    v = editor.change(effort, &format!("  effort {}", 20 + n % 40));
                    if k < 4 {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
                let start = Instant::now();
                editor.diagnostics(v);
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, typing);
criterion_main!(benches);
