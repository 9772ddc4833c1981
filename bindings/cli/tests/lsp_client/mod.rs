//! A language-server client for tests: starts `haalbaar lsp`, speaks JSON-RPC to it over
//! standard input and output (Content-Length framing), and keeps the notifications it sends.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any answer may take before the test fails (checks of big plans in debug builds).
const PATIENCE: Duration = Duration::from_secs(120);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received, in order.
    pub notifications: Vec<Value>,
    /// Requests the server sent (each answered with `null`), in order.
    pub server_requests: Vec<Value>,
}

impl Client {
    /// Starts the server and initializes it with `options` as `initializationOptions`.
    pub fn start(options: Value) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("haalbaar lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    let header = header.trim_end();
                    if header.is_empty() {
                        break;
                    }
                    if let Some(n) = header.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice::<Value>(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client =
            Client { child, stdin, incoming, next_id: 0, notifications: Vec::new(), server_requests: Vec::new() };
        let capabilities = json!({
            "textDocument": {
                "publishDiagnostics": { "versionSupport": true },
                "hover": { "contentFormat": ["markdown", "plaintext"] },
                "completion": { "completionItem": { "snippetSupport": true } },
                "inlayHint": {},
                "semanticTokens": { "requests": { "full": true }, "tokenTypes": [], "tokenModifiers": [], "formats": ["relative"] }
            },
            "workspace": { "inlayHint": { "refreshSupport": true } },
            "general": { "positionEncodings": ["utf-16"] }
        });
        let result = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities, "initializationOptions": options }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self, deadline: Instant) -> Value {
        match self.incoming.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(v) if v.get("method").is_some() && v.get("id").is_some() => {
                self.send(&json!({ "jsonrpc": "2.0", "id": v["id"], "result": null }));
                self.server_requests.push(v);
                Value::Null
            }
            Ok(v) => v,
            Err(RecvTimeoutError::Timeout) => {
                panic!("no message from the server in time; had {:#?}", self.notifications)
            }
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// Sends a request and waits for its answer (keeping notifications that come first);
    /// returns the whole response (`result` or `error`).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = self.receive(deadline);
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            if message.get("method").is_some() && message.get("id").is_none() {
                self.notifications.push(message);
            }
        }
    }

    /// A request's `result` (fails the test on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Opens a document.
    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "haalbaar", "version": 1, "text": text } }),
        );
    }

    /// Replaces `range` (`[line, character, line, character]`) by `text` at `version`.
    pub fn change(&mut self, uri: &str, version: i32, range: [u32; 4], text: &str) {
        let [l1, c1, l2, c2] = range;
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [ { "range": { "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } }, "text": text } ]
            }),
        );
    }

    /// Replaces the whole text at `version` (a change without a range: full sync).
    pub fn replace_all(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [ { "text": text } ] }),
        );
    }

    /// Waits for the diagnostics of `uri` at `version` (earlier ones are skipped) and returns
    /// them with every notification seen on the way.
    pub fn diagnostics(&mut self, uri: &str, version: i32) -> Vec<Value> {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = 0;
        loop {
            while seen < self.notifications.len() {
                let n = &self.notifications[seen];
                seen += 1;
                if n["method"] == "textDocument/publishDiagnostics"
                    && n["params"]["uri"] == uri
                    && n["params"]["version"] == json!(version)
                {
                    return n["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
                }
            }
            let message = self.receive(deadline);
            if message.get("method").is_some() && message.get("id").is_none() {
                self.notifications.push(message);
            }
        }
    }

    /// A position parameter for `uri`.
    pub fn at(uri: &str, line: u32, character: u32) -> Value {
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
    }

    /// Shuts the server down and waits for it to exit; returns its exit code.
    pub fn shutdown(mut self) -> Option<i32> {
        let r = self.call("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "shutdown: {r}");
        self.notify("exit", Value::Null);
        drop(self.stdin);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Applies `TextEdit`s (as JSON, UTF-16 positions) to `text`, last first.
pub fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            (offset(text, &r["start"]), offset(text, &r["end"]), e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

/// The byte offset of a protocol position (UTF-16 columns; a line ends at LF, CRLF or a lone
/// CR, as the protocol says; a column past the line's end is its end).
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find(['\n', '\r']) {
            Some(i) => {
                let at = start + i;
                start = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 };
            }
            None => return text.len(),
        }
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}
