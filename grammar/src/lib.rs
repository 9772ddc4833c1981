//! Syntax of the haalbaar plan language: a pest grammar (`plan.pest`) and a typed syntax
//! tree in which every node carries its byte span.
//!
//! ```
//! let file = haalbaar_grammar::parse("team toegang \"Domein Toegang\" {\n  people 12\n}\n");
//! assert!(file.errors.is_empty());
//! assert_eq!(file.blocks[0].id.as_ref().map(|id| id.value.as_str()), Some("toegang"));
//! ```
//!
//! Parsing never fails as a whole: [`parse`] returns every block it could read together
//! with one [`SyntaxError`] per line it could not. No pest type is part of this API.

#![deny(missing_docs)]

mod error;
mod explain;
mod fast;
mod format;
mod layout;
mod parse;
mod tree;

pub use format::{FormatError, format};
pub use layout::{INDENT, Layout, quote};

pub use explain::{STATEMENTS, did_you_mean, is_valid_id, suggest_id};
pub use parse::{MAX_SOURCE_BYTES, parse, parse_fast, parse_with_grammar};
pub use tree::*;
