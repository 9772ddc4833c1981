//! The few words the server says itself (the engine's messages come translated from the core).

use haalbaar::catalogue::Lang;

const NL: &[(&str, &str)] = &[
    ("met", "gehaald"),
    ("infeasible", "niet haalbaar"),
    ("conflict", "conflict"),
    ("unknown", "onbeslist"),
    ("done by", "klaar in"),
    ("not done in the horizon", "niet klaar binnen de horizon"),
    ("deadline", "deadline"),
    ("team", "team"),
    ("effort", "inspanning"),
    ("window", "venster"),
    ("scheduled", "gepland"),
    ("not scheduled", "niet gepland"),
    ("finish", "klaar"),
    ("finished", "afgerond"),
    ("status", "status"),
    ("why", "waarom"),
    ("commitment", "toezegging"),
    ("capacity per PI", "capaciteit per PI"),
    ("plannable", "planbaar"),
    ("planned", "gepland"),
    ("load", "belasting"),
    ("working days", "werkdagen"),
    ("innovation and planning iteration", "innovatie- en planningsiteratie"),
    ("holidays", "feestdagen"),
    ("milestone", "mijlpaal"),
    ("no check yet", "nog geen controle"),
    ("not defined in this file", "niet gedefinieerd in dit bestand"),
    ("epic", "epic"),
    ("item", "item"),
    ("scenario", "scenario"),
    ("repair", "reparatie"),
    ("fix", "herstel"),
    ("makes worse", "maakt slechter"),
];

/// `word` in `lang` (the English word where there is no translation).
pub fn word(word: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::Nl { NL.iter().find(|(en, _)| *en == word).map_or(word, |(_, nl)| nl) } else { word }
}
