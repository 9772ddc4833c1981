//! The protocol's loop: documents opened and changed, requests answered from the document
//! (ids, formatting, outline, colours) or from its latest check (hover, hints, quick fixes).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use haalbaar::catalogue::Lang;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, InlayHintRequest,
    PrepareRenameRequest, References, Rename, Request as _, SemanticTokensFullRequest,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, HoverProviderCapability,
    InitializeParams, MessageType, OneOf, RenameOptions, SemanticTokensFullOptions, SemanticTokensOptions,
    SemanticTokensServerCapabilities, ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::analysis::Analysis;
use crate::checker::{self, Analyses, Job, Settings};
use crate::document::Document;
use crate::{actions, complete, hover, ids, outline, tokens};

/// What the server keeps between messages.
pub struct Server {
    pub(crate) documents: HashMap<Uri, Document>,
    pub(crate) analyses: Analyses,
    jobs: crossbeam_channel::Sender<Job>,
    pub(crate) lang: Lang,
}

/// The capabilities this server announces.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: Default::default(),
            },
        )),
        ..ServerCapabilities::default()
    }
}

/// Runs the server on `connection` until the client shuts it down; messages in `lang` unless
/// the client's `initializationOptions` say otherwise.
pub fn run(connection: &Connection, lang: Lang) -> Result<(), lsp_server::ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let (mut settings, warnings) = settings(params.initialization_options.as_ref(), lang);
    settings.refresh_hints = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.inlay_hint.as_ref())
        .and_then(|h| h.refresh_support)
        .unwrap_or(false);
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo { name: "haalbaar".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    connection.initialize_finish(id, result)?;
    for message in warnings {
        let params = ShowMessageParams { typ: MessageType::WARNING, message };
        let _ = connection.sender.send(Message::Notification(Notification::new(ShowMessage::METHOD.into(), params)));
    }

    let analyses = Analyses::default();
    let (jobs, receive) = crossbeam_channel::unbounded();
    let checker = checker::start(receive, connection.sender.clone(), analyses.clone(), settings);
    let mut server = Server { documents: HashMap::new(), analyses, jobs, lang: settings.lang };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if request.method == "shutdown" {
                    let _ = connection.sender.send(Message::Response(Response::new_ok(request.id, ())));
                    wait_for_exit(connection);
                    break;
                }
                // A request the server fails on gets an error answer; the server goes on.
                let id = request.id.clone();
                let method = request.method.clone();
                let response = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| server.request(request)))
                    .unwrap_or_else(|_| {
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("haalbaar failed on {method}; please report it with the plan file"),
                        )
                    });
                let _ = connection.sender.send(Message::Response(response));
            }
            Message::Notification(notification) => server.notification(notification),
            Message::Response(_) => {}
        }
    }
    drop(server);
    let _ = checker.join();
    Ok(())
}

/// After `shutdown`: requests are refused, answers to the server's own requests (a refresh)
/// and other notifications are let go, until `exit` (or the client goes away).
fn wait_for_exit(connection: &Connection) {
    for message in &connection.receiver {
        match message {
            Message::Notification(n) if n.method == "exit" => return,
            Message::Request(r) => {
                let refused =
                    Response::new_err(r.id, ErrorCode::InvalidRequest as i32, "the server is shutting down".into());
                let _ = connection.sender.send(Message::Response(refused));
            }
            _ => {}
        }
    }
}

/// The settings a client may give in `initializationOptions`: `{"language": "nl",
/// "settleMs": 0, "budget": 100000}`; with a warning for each option not understood (the
/// option is then left at its default).
fn settings(options: Option<&Value>, lang: Lang) -> (Settings, Vec<String>) {
    let mut warnings = Vec::new();
    let mut settings =
        Settings { settle: Duration::ZERO, lang, budget: haalbaar::DEFAULT_BUDGET, refresh_hints: false };
    let Some(map) = options.and_then(Value::as_object) else {
        if options.is_some_and(|o| !o.is_null()) {
            warnings.push("haalbaar: initializationOptions must be an object; ignored".to_string());
        }
        return (settings, warnings);
    };
    for (key, value) in map {
        let ok = match key.as_str() {
            "language" => value.as_str().and_then(Lang::parse).map(|l| settings.lang = l).is_some(),
            "settleMs" => {
                value.as_u64().filter(|&ms| ms <= 5_000).map(|ms| settings.settle = Duration::from_millis(ms)).is_some()
            }
            "budget" => value.as_u64().filter(|&b| b > 0).map(|b| settings.budget = b).is_some(),
            _ => {
                let known = ["language", "settleMs", "budget"];
                let hint = haalbaar_grammar::did_you_mean(key, known)
                    .map(|k| format!(" (did you mean `{k}`?)"))
                    .unwrap_or_default();
                warnings.push(format!("haalbaar: unknown option `{key}`{hint}; ignored"));
                continue;
            }
        };
        if !ok {
            let expected = match key.as_str() {
                "language" => "`en` or `nl`",
                "settleMs" => "a whole number of milliseconds from 0 to 5000",
                _ => "a whole number above 0",
            };
            warnings.push(format!("haalbaar: option `{key}` is {value}, expected {expected}; ignored"));
        }
    }
    (settings, warnings)
}

impl Server {
    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<lsp_types::DidOpenTextDocumentParams>(notification.params) {
                    let doc = p.text_document;
                    self.documents.insert(doc.uri.clone(), Document::new(doc.text.clone(), doc.version));
                    self.check(doc.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<lsp_types::DidChangeTextDocumentParams>(notification.params)
                    && let Some(doc) = self.documents.get_mut(&p.text_document.uri)
                {
                    doc.change(p.text_document.version, p.content_changes);
                    self.check(p.text_document.uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<lsp_types::DidCloseTextDocumentParams>(notification.params) {
                    self.documents.remove(&p.text_document.uri);
                    let _ = self.jobs.send(Job::Close(p.text_document.uri));
                }
            }
            _ => {}
        }
    }

    fn check(&self, uri: Uri) {
        if let Some(doc) = self.documents.get(&uri) {
            let _ = self.jobs.send(Job::Check { uri, version: doc.version, text: doc.text.clone() });
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => self.answer(request, hover::hover),
            GotoDefinition::METHOD => self.answer(request, ids::definition),
            References::METHOD => self.answer(request, ids::references),
            PrepareRenameRequest::METHOD => self.answer(request, ids::prepare_rename),
            Rename::METHOD => self.answer(request, ids::rename),
            Completion::METHOD => self.answer(request, complete::completion),
            CodeActionRequest::METHOD => self.answer(request, actions::code_actions),
            Formatting::METHOD => self.answer(request, outline::formatting),
            DocumentSymbolRequest::METHOD => self.answer(request, outline::symbols),
            InlayHintRequest::METHOD => self.answer(request, outline::inlay_hints),
            SemanticTokensFullRequest::METHOD => self.answer(request, tokens::semantic_tokens),
            _ => Err((ErrorCode::MethodNotFound, format!("haalbaar does not answer {}", request.method))),
        };
        match result {
            Ok(value) => Response { id, result: Some(value), error: None },
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn answer<P: DeserializeOwned, R: serde::Serialize>(
        &self,
        request: Request,
        handler: fn(&Server, P) -> Result<R, Failure>,
    ) -> Result<Value, (ErrorCode, String)> {
        let p: P = serde_json::from_value(request.params)
            .map_err(|e| (ErrorCode::InvalidParams, format!("{}: {e}", request.method)))?;
        let r = handler(self, p).map_err(|f| (f.code, f.message))?;
        serde_json::to_value(r).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    /// The open document `uri`.
    pub(crate) fn document(&self, uri: &Uri) -> Result<&Document, Failure> {
        self.documents.get(uri).ok_or_else(|| Failure::invalid(format!("{} is not open", uri.as_str())))
    }

    /// The latest finished check of `uri`, whatever its version.
    pub(crate) fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        self.analyses.lock().ok().and_then(|a| a.get(uri).cloned())
    }
}

/// Why a request got no answer.
#[derive(Debug)]
pub struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    /// A request that cannot be answered as asked (the message says why).
    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure { code: ErrorCode::InvalidParams, message: message.into() }
    }
    /// A request the document's state refuses (e.g. a rename to a taken id).
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure { code: ErrorCode::RequestFailed, message: message.into() }
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Option<P> {
    serde_json::from_value(value).ok()
}
