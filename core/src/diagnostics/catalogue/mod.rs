//! The message catalogue: every sentence a planner reads, in English (as the engine writes
//! it) and in Dutch. As in gettext, a message is keyed by its English form, with `{}` where a
//! value goes; [`Catalogue::translate`] finds the entry a text was made from, translates the
//! values in turn (a reason inside a message, a list of words) and fills the Dutch form.
//! Ids and plan syntax in backticks are never translated.
//!
//! ```
//! use haalbaar::catalogue::{translate, Lang};
//! assert_eq!(translate("unknown team `toegang`", Lang::Nl), "onbekend team `toegang`");
//! assert_eq!(translate("unknown team `toegang`", Lang::En), "unknown team `toegang`");
//! ```

mod explain_nl;
mod explain_nl_progress;
mod localize;
mod nl;
mod nl_progress;

pub use localize::Localize;

use crate::codes::Code;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language the engine speaks.
///
/// ```
/// use haalbaar::catalogue::{translate, Lang};
///
/// assert_eq!(Lang::default(), Lang::En);
/// assert_eq!(translate("unknown team `api`", Lang::default()), "unknown team `api`");
/// assert_eq!(translate("unknown team `api`", Lang::Nl), "onbekend team `api`");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// English (every text is written in English first).
    #[default]
    En,
    /// Dutch.
    Nl,
}

impl Lang {
    /// `en` or `nl` (any case); `None` for a language the catalogue does not hold.
    ///
    /// ```
    /// use haalbaar::catalogue::Lang;
    ///
    /// assert_eq!(Lang::parse("NL"), Some(Lang::Nl));
    /// assert_eq!(Lang::parse("english"), Some(Lang::En));
    /// assert_eq!(Lang::parse("fr"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Lang> {
        match name.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            _ => None,
        }
    }
    /// `en` or `nl`.
    ///
    /// ```
    /// use haalbaar::catalogue::Lang;
    ///
    /// assert_eq!(Lang::Nl.as_str(), "nl");
    /// assert_eq!(Lang::parse(Lang::En.as_str()), Some(Lang::En));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// One message: its English form and its Dutch form. `{}` takes the next value; `{0}`, `{1}`
/// take a value by its place in the English form, for a Dutch sentence in another order.
///
/// ```
/// use haalbaar::catalogue::{entries, Entry};
///
/// let entry: &Entry = entries().iter().find(|(en, _)| *en == "unknown team `{}`").expect("an entry");
/// assert_eq!(entry.1, "onbekend team `{}`");
/// ```
pub type Entry = (&'static str, &'static str);

/// The engine's own messages (diagnostics, reasons, repairs, forecast, board).
///
/// ```
/// use haalbaar::catalogue::entries;
///
/// let dutch = entries().iter().find(|(en, _)| *en == "item `{}` has no effort").map(|(_, nl)| *nl);
/// assert_eq!(dutch, Some("item `{}` heeft geen inspanning"));
/// ```
pub fn entries() -> &'static [Entry] {
    static ALL: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| nl::ENTRIES.iter().chain(nl_progress::ENTRIES).copied().collect())
}

/// A figure in the language's notation: Dutch writes a decimal comma (`7,5`), so `7.5` days
/// is not read as seven and a half thousand. Anything that is not a plain figure (an
/// iteration such as `PI2.4`, a date, a version) stays as it is.
///
/// ```
/// use haalbaar::catalogue::{number, Lang};
/// assert_eq!(number("159.618", Lang::Nl), "159,618");
/// assert_eq!(number("-2.5%", Lang::Nl), "-2,5%");
/// assert_eq!(number("PI2.4", Lang::Nl), "PI2.4");
/// assert_eq!(number("7.5", Lang::En), "7.5");
/// ```
pub fn number(text: &str, lang: Lang) -> String {
    let figure = text.strip_prefix('-').unwrap_or(text);
    let figure = figure.strip_suffix('%').unwrap_or(figure);
    let plain = figure.split_once('.').is_some_and(|(whole, part)| {
        !whole.is_empty()
            && !part.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && part.bytes().all(|b| b.is_ascii_digit())
    });
    match lang {
        Lang::Nl if plain => text.replacen('.', ",", 1),
        _ => text.to_string(),
    }
}

/// The long explanation of `code` (what `haalbaar explain` shows) in `lang`: What, Why, an
/// example and the fix. The example is plan text and reads the same in every language.
///
/// ```
/// use haalbaar::{catalogue::{explanation, Lang}, Code};
/// assert!(explanation(Code::E0101, Lang::Nl).starts_with("Wat: "));
/// assert!(explanation(Code::E0101, Lang::En).starts_with("What: "));
/// ```
pub fn explanation(code: Code, lang: Lang) -> &'static str {
    match lang {
        Lang::En => code.explanation(),
        Lang::Nl => explain_nl::EXPLANATIONS
            .iter()
            .chain(explain_nl_progress::EXPLANATIONS)
            .find(|(c, _)| *c == code.as_str())
            .map_or(code.explanation(), |(_, text)| text),
    }
}

/// A set of messages ready to translate with.
///
/// ```
/// use haalbaar::catalogue::{Catalogue, Entry, Lang};
///
/// const MINE: &[Entry] = &[("{} days left", "nog {} dagen")];
/// let catalogue = Catalogue::new(&[MINE]);
/// assert!(catalogue.knows("12 days left"));
/// assert_eq!(catalogue.translate("7.5 days left", Lang::Nl), "nog 7,5 dagen");
/// ```
pub struct Catalogue {
    /// Most specific first (the longest fixed text), so a general form never hides one that
    /// says more.
    templates: Vec<Template>,
}

struct Template {
    pieces: Vec<&'static str>,
    nl: &'static str,
    fixed: usize,
}

impl Catalogue {
    /// A catalogue of several tables (a renderer adds its own words to the engine's).
    ///
    /// ```
    /// use haalbaar::catalogue::{entries, Catalogue, Entry, Lang};
    ///
    /// const BOARD: &[Entry] = &[("{} days left", "nog {} dagen")];
    /// let catalogue = Catalogue::new(&[entries(), BOARD]);
    /// assert_eq!(catalogue.translate("12 days left", Lang::Nl), "nog 12 dagen");
    /// assert_eq!(catalogue.translate("unknown team `api`", Lang::Nl), "onbekend team `api`");
    /// ```
    pub fn new(tables: &[&'static [Entry]]) -> Catalogue {
        let mut templates: Vec<Template> = tables
            .iter()
            .flat_map(|t| t.iter())
            .map(|&(en, nl)| {
                let pieces: Vec<&str> = en.split("{}").collect();
                Template { fixed: pieces.iter().map(|p| p.len()).sum(), pieces, nl }
            })
            .collect();
        templates.sort_by(|a, b| b.fixed.cmp(&a.fixed).then(a.pieces.len().cmp(&b.pieces.len())));
        Catalogue { templates }
    }

    /// The engine's catalogue.
    ///
    /// ```
    /// use haalbaar::catalogue::{Catalogue, Lang};
    ///
    /// let engine = Catalogue::engine();
    /// assert_eq!(engine.translate("item `login` has no effort", Lang::Nl), "item `login` heeft geen inspanning");
    /// assert!(!engine.knows("12 days left"));
    /// ```
    pub fn engine() -> &'static Catalogue {
        static ENGINE: OnceLock<Catalogue> = OnceLock::new();
        ENGINE.get_or_init(|| Catalogue::new(&[nl::ENTRIES, nl_progress::ENTRIES]))
    }

    /// `text` in `lang`; a text the catalogue does not hold stays as it is.
    ///
    /// ```
    /// use haalbaar::catalogue::{Catalogue, Lang};
    ///
    /// let engine = Catalogue::engine();
    /// assert_eq!(engine.translate("unknown team `api`", Lang::Nl), "onbekend team `api`");
    /// assert_eq!(engine.translate("unknown team `api`", Lang::En), "unknown team `api`");
    /// assert_eq!(engine.translate("something else entirely", Lang::Nl), "something else entirely");
    /// ```
    pub fn translate(&self, text: &str, lang: Lang) -> String {
        match lang {
            Lang::En => text.to_string(),
            Lang::Nl => self.dutch(text, 0).unwrap_or_else(|| self.words(text, 0)),
        }
    }

    /// Whether the catalogue holds the message `text` was made from.
    ///
    /// ```
    /// use haalbaar::catalogue::Catalogue;
    ///
    /// assert!(Catalogue::engine().knows("unknown team `api`"));
    /// assert!(!Catalogue::engine().knows("something else entirely"));
    /// ```
    pub fn knows(&self, text: &str) -> bool {
        self.dutch(text, 0).is_some() || {
            let parts = split_list(text);
            parts.len() > 1
                && parts.iter().all(|p| match p {
                    Part::Item(s) => self.dutch(s, 0).is_some(),
                    Part::Sep(_) => true,
                })
        }
    }

    fn dutch(&self, text: &str, depth: usize) -> Option<String> {
        if depth > 6 {
            return None;
        }
        for t in &self.templates {
            let mut holes = Vec::new();
            if matches(&t.pieces, text, &mut holes) {
                let values: Vec<String> = holes
                    .iter()
                    .map(|&(from, to, quoted)| {
                        let v = &text[from..to];
                        if quoted { v.to_string() } else { self.value(v, depth + 1) }
                    })
                    .collect();
                return Some(fill(t.nl, &values));
            }
        }
        None
    }

    /// A value inside a message: a message itself, a list of them, or words kept as they are
    /// (a number, a date, an iteration).
    fn value(&self, v: &str, depth: usize) -> String {
        // A list of whole messages goes piece by piece: matched as one, a hole of a message
        // could take the end of one piece and the start of the next.
        let parts = split_list(v);
        let list = parts.len() > 1
            && parts.iter().all(|p| match p {
                Part::Item(s) => depth < 6 && self.dutch(s, depth + 1).is_some(),
                Part::Sep(_) => true,
            });
        if list {
            return self.words(v, depth);
        }
        self.dutch(v, depth).unwrap_or_else(|| number(&self.words(v, depth), Lang::Nl))
    }

    /// A list (`a, b or c`, `a and b`) translated piece by piece; otherwise `v` unchanged.
    fn words(&self, v: &str, depth: usize) -> String {
        if depth > 6 {
            return v.to_string();
        }
        let parts = split_list(v);
        if parts.len() < 2 {
            return v.to_string();
        }
        parts
            .iter()
            .map(|p| match p {
                Part::Item(s) => self.dutch(s, depth + 1).unwrap_or_else(|| s.to_string()),
                Part::Sep(s) => match *s {
                    " and " | ", and " => " en ".to_string(),
                    " or " | ", or " => " of ".to_string(),
                    "\nor " => "\nof ".to_string(),
                    other => other.to_string(),
                },
            })
            .collect()
    }
}

/// `text` in `lang` with the engine's catalogue.
///
/// ```
/// use haalbaar::catalogue::{translate, Lang};
///
/// assert_eq!(translate("item `login` has no effort", Lang::Nl), "item `login` heeft geen inspanning");
/// assert_eq!(translate("something else entirely", Lang::Nl), "something else entirely");
/// ```
pub fn translate(text: &str, lang: Lang) -> String {
    Catalogue::engine().translate(text, lang)
}

/// Whether `text` matches the pieces of a template, with a non-empty value in every hole;
/// `holes` gets each value's byte range and whether it stood in backticks (an id).
fn matches(pieces: &[&str], text: &str, holes: &mut Vec<(usize, usize, bool)>) -> bool {
    let Some(rest) = text.strip_prefix(pieces[0]) else { return false };
    if pieces.len() == 1 {
        return rest.is_empty();
    }
    fill_holes(pieces, 1, text, text.len() - rest.len(), holes)
}

fn fill_holes(pieces: &[&str], k: usize, text: &str, at: usize, holes: &mut Vec<(usize, usize, bool)>) -> bool {
    let quoted = pieces[k - 1].ends_with('`') && pieces[k].starts_with('`');
    let next = pieces[k];
    if k == pieces.len() - 1 {
        // The last hole runs to where the last piece ends the text.
        if text.len() < at + 1 + next.len() || !text.ends_with(next) {
            return false;
        }
        let end = text.len() - next.len();
        if !fits(&text[at..end], quoted) {
            return false;
        }
        holes.push((at, end, quoted));
        return true;
    }
    let mut from = at + 1;
    while from <= text.len() {
        let Some(found) = text.get(from..).and_then(|s| s.find(next)) else { return false };
        let end = from + found;
        if quoted && text[at..end].contains('`') {
            return false;
        }
        if !fits(&text[at..end], quoted) {
            from = end + 1;
            while !text.is_char_boundary(from.min(text.len())) {
                from += 1;
            }
            continue;
        }
        holes.push((at, end, quoted));
        if fill_holes(pieces, k + 1, text, end + next.len(), holes) {
            return true;
        }
        holes.pop();
        from = end + 1;
        while !text.is_char_boundary(from.min(text.len())) {
            from += 1;
        }
    }
    false
}

/// Whether `value` can stand in a hole: an id has no backtick, any other value stays on one
/// line with its brackets and backticks paired (so a hole never takes half of a clause).
fn fits(value: &str, quoted: bool) -> bool {
    if quoted {
        return !value.contains('`');
    }
    let mut depth = 0i32;
    for c in value.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '\n' => return false,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0 && value.matches('`').count().is_multiple_of(2)
}

/// The Dutch form with its values: `{}` the next, `{N}` the N-th.
fn fill(form: &str, values: &[String]) -> String {
    let mut out = String::with_capacity(form.len() + 32);
    let mut next = 0;
    let mut rest = form;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) if after[..j].chars().all(|c| c.is_ascii_digit()) => {
                let n = if j == 0 {
                    next += 1;
                    next - 1
                } else {
                    after[..j].parse().unwrap_or(0)
                };
                out.push_str(values.get(n).map_or("", String::as_str));
                rest = &after[j + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

enum Part<'a> {
    Item(&'a str),
    Sep(&'a str),
}

/// Splits `a, b and c` (outside backticks) into items and separators.
fn split_list(v: &str) -> Vec<Part<'_>> {
    const SEPS: [&str; 6] = ["\nor ", ", and ", ", or ", ", ", " and ", " or "];
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut quoted = false;
    let mut depth = 0i32;
    let bytes = v.as_bytes();
    while i < v.len() {
        match bytes[i] {
            b'`' => quoted = !quoted,
            b'(' if !quoted => depth += 1,
            b')' if !quoted => depth -= 1,
            _ => {}
        }
        if !quoted
            && (depth == 0 || bytes[i] == b'\n')
            && let Some(sep) = SEPS.iter().find(|s| v[i..].starts_with(**s))
        {
            parts.push(Part::Item(&v[start..i]));
            parts.push(Part::Sep(sep));
            i += sep.len();
            start = i;
            continue;
        }
        i += v[i..].chars().next().map_or(1, char::len_utf8);
    }
    parts.push(Part::Item(&v[start..]));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_messages_in_a_hole_goes_piece_by_piece() {
        assert_eq!(
            translate("cut these efforts together: `cloud` by 226 days (to 24), `k8s` by 33 days (to 87)", Lang::Nl),
            "verlaag deze inspanningen samen: `cloud` met 226 dagen (tot 24), `k8s` met 33 dagen (tot 87)"
        );
    }

    #[test]
    fn every_code_is_explained_in_dutch_with_the_same_example() {
        // The plan lines of an example (indented, without comments) are the language itself.
        let plan_lines = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| l.starts_with("    "))
                .map(|l| l.split('#').next().unwrap_or("").trim_end().to_string())
                .collect()
        };
        for code in crate::codes::ALL {
            let nl = explanation(*code, Lang::Nl);
            assert_ne!(nl, code.explanation(), "{code} has no Dutch explanation");
            for part in ["Wat:", "Waarom:", "Voorbeeld", "Oplossing"] {
                assert!(nl.contains(part), "{code} lacks {part}");
            }
            assert_eq!(plan_lines(nl), plan_lines(code.explanation()), "{code}: its example differs");
        }
        assert_eq!(explain_nl::EXPLANATIONS.len() + explain_nl_progress::EXPLANATIONS.len(), crate::codes::ALL.len());
    }

    #[test]
    fn a_message_with_a_reason_inside_translates_both() {
        let text =
            "item `a` cannot be done by PI2.4; it can be done by PI3.1 at the earliest, given the commitments above it";
        let nl = translate(text, Lang::Nl);
        assert!(nl.contains("`a`") && nl.contains("PI3.1") && !nl.contains("earliest"), "{nl}");
    }

    #[test]
    fn ids_in_backticks_stay() {
        assert_eq!(translate("unknown team `days`", Lang::Nl), "onbekend team `days`");
    }

    #[test]
    fn lists_translate_piece_by_piece() {
        let nl = translate("expected a number, `hard` or the end of the line, found `x`", Lang::Nl);
        assert!(nl.contains(" of het einde van de regel") && nl.contains("een getal"), "{nl}");
    }

    #[test]
    fn unknown_text_stays() {
        assert_eq!(translate("something else entirely", Lang::Nl), "something else entirely");
    }

    #[test]
    fn every_dutch_form_uses_the_values_it_is_given() {
        for (en, nl) in entries() {
            let holes = en.matches("{}").count();
            let numbered = (0..holes).all(|n| nl.contains(&format!("{{{n}}}")));
            let sequential = nl.matches("{}").count() == holes;
            assert!(numbered || sequential, "`{en}` → `{nl}`: the Dutch form must use all {holes} values");
        }
    }
}
