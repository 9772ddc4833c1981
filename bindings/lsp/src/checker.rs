//! Checks in the background: one at a time, the newest version of each document, a check
//! made stale by a newer version cancelled (its diagnostics never sent), and the previous
//! check of a document reused where the engine can (`haalbaar::recheck`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, select};
use haalbaar::catalogue::Lang;
use haalbaar::{Cancel, Checked, Options};
use lsp_server::{Message, Notification};
use lsp_types::notification::{LogMessage, Notification as _, PublishDiagnostics};
use lsp_types::request::{InlayHintRefreshRequest, Request as _};
use lsp_types::{LogMessageParams, MessageType, PublishDiagnosticsParams, Uri};

use crate::analysis::Analysis;

/// The latest finished analysis of each open document, shared with the request handlers.
pub type Analyses = Arc<Mutex<HashMap<Uri, Arc<Analysis>>>>;

/// What the checker is asked.
pub enum Job {
    /// Check this version of this document.
    Check {
        /// The document.
        uri: Uri,
        /// Its version.
        version: i32,
        /// Its text.
        text: String,
    },
    /// The document was closed: forget it (and clear its diagnostics).
    Close(Uri),
}

/// How the checker runs.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How long to wait after a change for the next before checking (0: check at once; a
    /// change during a check cancels it anyway).
    pub settle: Duration,
    /// The language of the messages.
    pub lang: Lang,
    /// The search budget of each check.
    pub budget: u64,
    /// Whether the client takes `workspace/inlayHint/refresh` (asked after each new answer:
    /// the hints after `commit` lines come from the check).
    pub refresh_hints: bool,
}

/// Starts the checker thread; it ends when `jobs` is closed.
pub fn start(
    jobs: Receiver<Job>,
    out: Sender<Message>,
    analyses: Analyses,
    settings: Settings,
) -> thread::JoinHandle<()> {
    thread::Builder::new()
        .name("haalbaar-checker".into())
        .spawn(move || {
            let (work, tasks) = crossbeam_channel::unbounded::<Task>();
            let worker = thread::Builder::new().name("haalbaar-check".into()).stack_size(STACK).spawn(move || {
                for task in tasks {
                    task();
                }
            });
            Checker { out, work, analyses, settings, previous: HashMap::new(), refreshes: 0 }.run(&jobs);
            if let Ok(worker) = worker {
                let _ = worker.join();
            }
        })
        .unwrap_or_else(|_| thread::spawn(|| {}))
}

struct Running {
    uri: Uri,
    version: i32,
    cancel: Cancel,
    done: Receiver<(Arc<Checked>, Analysis)>,
}

/// Work for the check thread.
type Task = Box<dyn FnOnce() + Send>;

/// The stack of the check thread: the engine is iterative wherever the input sets the depth;
/// this is the room the `haalbaar` command gives it too.
const STACK: usize = 256 * 1024 * 1024;

struct Checker {
    out: Sender<Message>,
    /// The one thread checks run on, kept for the server's life (a warm allocator: a new
    /// thread per check made each check of a 1,000-item plan some milliseconds slower).
    work: Sender<Task>,
    analyses: Analyses,
    settings: Settings,
    /// The last finished check of each document, for `recheck`.
    previous: HashMap<Uri, Arc<Checked>>,
    /// Refresh requests sent (their ids).
    refreshes: u64,
}

impl Checker {
    fn run(mut self, jobs: &Receiver<Job>) {
        // The newest version of each document not yet checked, in the order they came.
        let mut pending: Vec<(Uri, i32, String)> = Vec::new();
        let mut running: Option<Running> = None;
        loop {
            if running.is_none() {
                if pending.is_empty() {
                    match jobs.recv() {
                        Ok(job) => self.take(job, &mut pending, &mut running),
                        Err(_) => return,
                    }
                    continue;
                }
                // Wait for typing to pause, but not before a document's first check.
                let known = pending.first().is_some_and(|(uri, _, _)| self.previous.contains_key(uri));
                if !self.settings.settle.is_zero() && known {
                    match jobs.recv_timeout(self.settings.settle) {
                        Ok(job) => {
                            self.take(job, &mut pending, &mut running);
                            continue;
                        }
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return,
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
                    }
                }
                // Everything already sent counts before a check starts.
                while let Ok(job) = jobs.try_recv() {
                    self.take(job, &mut pending, &mut running);
                }
                if !pending.is_empty() {
                    let (uri, version, text) = pending.remove(0);
                    running = Some(self.spawn(uri, version, text));
                }
                continue;
            }
            let Some(run) = running.take() else { continue };
            select! {
                recv(jobs) -> job => {
                    running = Some(run);
                    match job {
                        Ok(job) => self.take(job, &mut pending, &mut running),
                        Err(_) => {
                            if let Some(r) = running { r.cancel.cancel(); }
                            return;
                        }
                    }
                }
                recv(run.done) -> result => {
                    if let Ok((checked, analysis)) = result {
                        self.finish(&run, checked, analysis);
                    }
                }
            }
        }
    }

    /// Takes a job in: a newer version replaces an older pending one and cancels a running
    /// check of the same document.
    fn take(&mut self, job: Job, pending: &mut Vec<(Uri, i32, String)>, running: &mut Option<Running>) {
        let uri = match &job {
            Job::Check { uri, .. } | Job::Close(uri) => uri.clone(),
        };
        pending.retain(|(u, _, _)| *u != uri);
        if let Some(run) = running.as_ref().filter(|r| r.uri == uri) {
            run.cancel.cancel();
            let by = match &job {
                Job::Check { version, .. } => format!("version {version} came in"),
                Job::Close(_) => "the document was closed".into(),
            };
            self.log(format!("haalbaar: cancelled the check of version {} of {} ({by})", run.version, uri.as_str()));
        }
        match job {
            Job::Check { uri, version, text } => pending.push((uri, version, text)),
            Job::Close(uri) => {
                self.previous.remove(&uri);
                if let Ok(mut analyses) = self.analyses.lock() {
                    analyses.remove(&uri);
                }
                self.publish(uri, Vec::new(), None);
            }
        }
    }

    fn spawn(&self, uri: Uri, version: i32, text: String) -> Running {
        let cancel = Cancel::new();
        let options = Options::default().budget(self.settings.budget).cancel(cancel.clone());
        let previous = self.previous.get(&uri).cloned();
        let (send, done) = crossbeam_channel::bounded(1);
        let file = file_name(&uri);
        let lang = self.settings.lang;
        let out = self.out.clone();
        let task: Task = Box::new(move || {
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match previous.as_deref() {
                Some(p) => haalbaar::recheck(p, &text, &options),
                None => haalbaar::check_with(&text, &options),
            }));
            let Ok(checked) = run else {
                let message =
                    format!("haalbaar: the check of version {version} failed; please report it with the plan file");
                let params = LogMessageParams { typ: MessageType::ERROR, message };
                let _ = out.send(Message::Notification(Notification::new(LogMessage::METHOD.into(), params)));
                return;
            };
            if checked.cancelled {
                return;
            }
            let checked = Arc::new(checked);
            let analysis = Analysis::new(&file, version, text, checked.clone(), lang);
            let _ = send.send((checked, analysis));
        });
        if self.work.send(task).is_err() {
            self.log("haalbaar: the check thread is gone".into());
        }
        Running { uri, version, cancel, done }
    }

    fn finish(&mut self, run: &Running, checked: Arc<Checked>, analysis: Analysis) {
        if run.cancel.is_cancelled() {
            return;
        }
        let diagnostics = analysis.diagnostics(&run.uri);
        // The analysis first (a request right after the diagnostics sees it), then the
        // diagnostics; the previous check is freed on a thread of its own (freeing a large
        // plan's check takes milliseconds the next change should not wait for).
        let replaced = self.analyses.lock().ok().and_then(|mut a| a.insert(run.uri.clone(), Arc::new(analysis)));
        self.publish(run.uri.clone(), diagnostics, Some(run.version));
        if self.settings.refresh_hints {
            self.refreshes += 1;
            let id = lsp_server::RequestId::from(format!("haalbaar-refresh-{}", self.refreshes));
            let request = lsp_server::Request::new(id, InlayHintRefreshRequest::METHOD.into(), ());
            let _ = self.out.send(Message::Request(request));
        }
        let before = self.previous.insert(run.uri.clone(), checked);
        let _ = thread::Builder::new().name("haalbaar-drop".into()).spawn(move || drop((replaced, before)));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        let _ = self.out.send(Message::Notification(Notification::new(PublishDiagnostics::METHOD.into(), params)));
    }

    fn log(&self, message: String) {
        let params = LogMessageParams { typ: MessageType::LOG, message };
        let _ = self.out.send(Message::Notification(Notification::new(LogMessage::METHOD.into(), params)));
    }
}

/// The file name diagnostics are reported against: the path of a `file:` URI, else the URI.
pub fn file_name(uri: &Uri) -> String {
    let s = uri.as_str();
    let path = s.strip_prefix("file://").unwrap_or(s);
    percent_decode(path)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
