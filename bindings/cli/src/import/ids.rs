//! Valid plan ids from a tracker's words: `Berichtenbox: API v2 (ééé)` → `berichtenbox-api-v2-eee`.

use std::collections::HashSet;

/// The letter(s) an accented Latin letter is written as in an id.
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'ĳ' | 'Ĳ' => "ij",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

/// The words of `text` as an id: lower case, accents off, anything else a `-`, at most five
/// words and 40 characters; `None` when no letter or digit is left.
pub fn slug(text: &str) -> Option<String> {
    let mut flat = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            flat.push(c.to_ascii_lowercase());
        } else if let Some(p) = plain(c) {
            flat.push_str(p);
        } else {
            flat.push(' ');
        }
    }
    let mut out = String::new();
    for word in flat.split_whitespace().take(5) {
        if !out.is_empty() && out.len() + 1 + word.len() > 40 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word[..word.len().min(40)]);
    }
    (!out.is_empty()).then_some(out)
}

/// Ids handed out so far, so no two blocks get the same one.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Marks `id` as taken (the plan's own ids).
    pub fn take(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    /// A new id from `words` (else from `fallback`), starting with a letter (`prefix-` when it
    /// would not), with `-2`, `-3` … when it is taken.
    pub fn new_id(&mut self, words: &str, fallback: &str, prefix: &str) -> String {
        let base = slug(words).or_else(|| slug(fallback)).unwrap_or_else(|| prefix.to_string());
        let base = if base.starts_with(|c: char| c.is_ascii_lowercase()) { base } else { format!("{prefix}-{base}") };
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_are_valid_and_unique() {
        assert_eq!(slug("Berichtenbox: API v2 (één)").unwrap(), "berichtenbox-api-v2-een");
        assert_eq!(slug("🚀 !!"), None);
        let mut ids = Ids::default();
        ids.take("login");
        assert_eq!(ids.new_id("Login", "GDI-1", "item"), "login-2");
        assert_eq!(ids.new_id("2FA voor DigiD", "GDI-2", "item"), "item-2fa-voor-digid");
        assert_eq!(ids.new_id("🚀", "GDI-3", "item"), "gdi-3");
        let long = ids.new_id("Een heel lange samenvatting van een issue met veel woorden", "X-1", "item");
        assert_eq!(long, "een-heel-lange-samenvatting-van");
    }
}
