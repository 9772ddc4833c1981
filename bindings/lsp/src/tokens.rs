//! Semantic tokens: keywords, ids by what they name (their definitions marked), periods,
//! dates, numbers, strings and comments, so an editor colours a plan by its meaning.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensParams, SemanticTokensResult,
};

use crate::server::{Failure, Server};
use crate::symbols::{Kind, Occurrence};

/// Every keyword of the language: the words of the grammar (`grammar/src/plan.pest`; a test
/// holds the two together).
pub const KEYWORDS: &[&str] = &[
    "PI",
    "PIs",
    "absent",
    "add",
    "after",
    "as",
    "before",
    "by",
    "capacity",
    "chance",
    "commit",
    "day",
    "days",
    "done",
    "effort",
    "end",
    "epic",
    "filled",
    "finished",
    "firm",
    "focus",
    "grows",
    "hard",
    "hire",
    "holiday",
    "horizon",
    "in",
    "increment",
    "innovation",
    "item",
    "key",
    "iteration",
    "iterations",
    "leave",
    "lend",
    "load",
    "max",
    "milestone",
    "month",
    "months",
    "not",
    "note",
    "of",
    "on",
    "owner",
    "people",
    "per",
    "person",
    "plan",
    "points",
    "priority",
    "ramp",
    "remaining",
    "reserve",
    "risk",
    "scenario",
    "size",
    "start",
    "started",
    "target",
    "team",
    "to",
    "uncertainty",
    "unit",
    "urgency",
    "vacancies",
    "vacancy",
    "value",
    "velocity",
    "week",
    "weeks",
    "without",
    "workweek",
    "wsjf",
];

const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::COMMENT,
    SemanticTokenType::CLASS,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::EVENT,
    SemanticTokenType::STRUCT,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::OPERATOR,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
enum Type {
    Keyword,
    String,
    Number,
    Comment,
    Team,
    Epic,
    Item,
    Milestone,
    Scenario,
    Period,
    Operator,
}

/// The token types and modifiers, as the server announces them.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend { token_types: TYPES.to_vec(), token_modifiers: vec![SemanticTokenModifier::DECLARATION] }
}

/// The tokens of the whole document.
pub fn semantic_tokens(server: &Server, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    let data = encode(&doc.text, &classify(&doc.text, &doc.parsed().occurrences));
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
}

/// One token: bytes `start..end` (on one line), its type, whether it is a definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    ty: Type,
    declaration: bool,
}

fn classify(text: &str, occurrences: &[Occurrence]) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'#' {
            let end = text[i..].find(['\n', '\r']).map_or(text.len(), |e| i + e);
            out.push(Token { start: i, end, ty: Type::Comment, declaration: false });
            i = end;
        } else if b == b'"' {
            let line_end = text[i..].find(['\n', '\r']).map_or(text.len(), |e| i + e);
            let mut j = i + 1;
            while j < line_end && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let mut end = (j + 1).min(line_end);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            out.push(Token { start: i, end, ty: Type::String, declaration: false });
            i = end;
        } else if b == b'.' && bytes.get(i + 1) == Some(&b'.') {
            out.push(Token { start: i, end: i + 2, ty: Type::Operator, declaration: false });
            i += 2;
        } else if b == b'+' {
            out.push(Token { start: i, end: i + 1, ty: Type::Operator, declaration: false });
            i += 1;
        } else if word(b) {
            let mut j = i;
            while j < bytes.len()
                && (word(bytes[j])
                    || (bytes[j] == b'.'
                        && j > i
                        && bytes[j - 1].is_ascii_digit()
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)))
            {
                j += 1;
            }
            if bytes.get(j) == Some(&b'%') {
                j += 1;
            }
            if let Some(ty) = word_type(&text[i..j], i, occurrences) {
                out.push(Token { start: i, end: j, ty: ty.0, declaration: ty.1 });
            }
            i = j;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

fn word_type(w: &str, start: usize, occurrences: &[Occurrence]) -> Option<(Type, bool)> {
    if let Some(o) = occurrences.iter().find(|o| o.span.start == start) {
        let ty = match o.kind {
            Kind::Team => Type::Team,
            Kind::Epic => Type::Epic,
            Kind::Item => Type::Item,
            Kind::Milestone => Type::Milestone,
            Kind::Scenario => Type::Scenario,
        };
        return Some((ty, o.definition));
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let is_period = w.strip_prefix("PI").is_some_and(|rest| {
        let mut parts = rest.splitn(2, '.');
        digits(parts.next().unwrap_or("")) && parts.next().is_none_or(digits)
    }) || (w.len() >= 7
        && w.as_bytes()[4] == b'-'
        && w.as_bytes()[5] == b'Q'
        && digits(&w[..4])
        && digits(&w[6..]));
    if is_period {
        return Some((Type::Period, false));
    }
    let number = w.trim_end_matches('%');
    if number.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && number.bytes().any(|b| b.is_ascii_digit())
    {
        return Some((Type::Number, false));
    }
    KEYWORDS.contains(&w).then_some((Type::Keyword, false))
}

/// The protocol's relative encoding, columns in UTF-16 code units.
fn encode(text: &str, tokens: &[Token]) -> Vec<SemanticToken> {
    let lines = crate::lines::Lines::new(text);
    let mut out = Vec::with_capacity(tokens.len());
    let (mut last_line, mut last_col) = (0u32, 0u32);
    for t in tokens {
        let a = lines.position(text, t.start);
        let length: usize = text[t.start..t.end].chars().map(char::len_utf16).sum();
        let delta_line = a.line - last_line;
        let delta_start = if delta_line == 0 { a.character - last_col } else { a.character };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: u32::try_from(length).unwrap_or(u32::MAX),
            token_type: t.ty as u32,
            token_modifiers_bitset: u32::from(t.declaration),
        });
        (last_line, last_col) = (a.line, a.character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_the_grammar_words() {
        let pest = include_str!("../../../grammar/src/plan.pest");
        let mut words: Vec<&str> = Vec::new();
        for line in pest.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (n, part) in line.split('"').enumerate() {
                if n % 2 == 1
                    && part.chars().all(|c| c.is_ascii_alphabetic())
                    && part.len() > 1
                    && !words.contains(&part)
                {
                    words.push(part);
                }
            }
        }
        words.sort_unstable();
        let mut ours = KEYWORDS.to_vec();
        ours.sort_unstable();
        assert_eq!(ours, words);
    }

    #[test]
    fn periods_ranges_and_percentages() {
        let text = "item a \"é\" { # c\n  in PI2..PI3.2\n  effort 60..90\n  team x\n}\n";
        let all = crate::symbols::occurrences(&haalbaar_grammar::parse(text));
        let tokens = classify(text, &all);
        let kinds: Vec<(&str, Type)> = tokens.iter().map(|t| (&text[t.start..t.end], t.ty)).collect();
        assert!(kinds.contains(&("PI2", Type::Period)));
        assert!(kinds.contains(&("PI3.2", Type::Period)));
        assert!(kinds.contains(&("..", Type::Operator)));
        assert!(kinds.contains(&("60", Type::Number)));
        assert!(kinds.contains(&("\"é\"", Type::String)));
        assert!(kinds.contains(&("# c", Type::Comment)));
        assert!(kinds.contains(&("x", Type::Team)));
        assert!(kinds.contains(&("a", Type::Item)));
        assert!(kinds.contains(&("effort", Type::Keyword)));
    }
}
