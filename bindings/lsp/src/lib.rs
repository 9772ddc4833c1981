//! The haalbaar language server: plan files checked as you type, in any editor that speaks
//! the Language Server Protocol (`haalbaar lsp`).
//!
//! Thin over the core: diagnostics are the check's (the same as `haalbaar check --format
//! json`), quick fixes are its verified repairs, formatting is `haalbaar fmt`. Checks run in
//! the background, one at a time; a change cancels the check of the version before it.
//!
//! ```no_run
//! // What `haalbaar lsp` does: serve on standard input and output until the client exits.
//! haalbaar_lsp::run_stdio(haalbaar::catalogue::Lang::En).expect("the client spoke the protocol");
//! ```

mod actions;
mod analysis;
mod checker;
mod complete;
mod document;
mod hover;
mod ids;
mod lines;
mod outline;
mod server;
mod symbols;
mod tokens;
mod words;

pub use server::{capabilities, run};
pub use tokens::KEYWORDS;

/// Serves the protocol on standard input and output until the client shuts the server down
/// and exits; messages in `lang` unless the client's `initializationOptions` say otherwise.
pub fn run_stdio(lang: haalbaar::catalogue::Lang) -> std::io::Result<()> {
    let (connection, io) = lsp_server::Connection::stdio();
    run(&connection, lang).map_err(|e| std::io::Error::other(e.to_string()))?;
    drop(connection);
    io.join()
}
