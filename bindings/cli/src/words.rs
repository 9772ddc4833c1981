//! The command's own words (headers, legends, verdict and summary lines) in the catalogue's
//! languages. With the engine's messages they make the catalogue `--lang` uses; the language
//! is set once per command, on the thread that runs it.

use std::cell::Cell;
use std::sync::OnceLock;

use haalbaar::catalogue::{Catalogue, Entry};

pub use haalbaar::catalogue::Lang;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of everything this thread renders from now on.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The language this thread renders in.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The engine's messages and the command's words.
pub fn catalogue() -> &'static Catalogue {
    static ALL: OnceLock<Catalogue> = OnceLock::new();
    ALL.get_or_init(|| Catalogue::new(&[haalbaar::catalogue::entries(), ENTRIES]))
}

/// `text` in the language this thread renders in.
pub fn t(text: &str) -> String {
    catalogue().translate(text, lang())
}

/// `n word` with the word's plural when `n` is not 1: `1 error`, `2 errors`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    t(&format!("{n} {}", if n == 1 { one } else { many }))
}

/// The command's words: English (as the renderers write them) and Dutch.
pub const ENTRIES: &[Entry] = &[
    ("help: {}", "hulp: {}"),
    // haalbaar diff
    ("(not in the old version)", "(niet in de oude versie)"),
    ("(removed)", "(verwijderd)"),
    (
        "`{}` is left out of the new version's check: it needs an item with errors",
        "`{}` valt buiten de controle van de nieuwe versie: het heeft een item met fouten nodig",
    ),
    ("(left out: it needs an item with errors)", "(buiten beschouwing: het heeft een item met fouten nodig)"),
    (
        "{} (through `{}`, ranked above and sharing a team: still {}, scheduled differently)",
        "{} (via `{}`, hoger in rang en met een gedeeld team: nog steeds {}, anders ingepland)",
    ),
    (
        "blocks moved in the file: `{}` went from place {} to {} among the commitments (file order breaks ties in the ranking)",
        "blokken verplaatst in het bestand: `{}` ging van plaats {} naar {} onder de toezeggingen (de volgorde in het bestand beslist bij gelijke rang)",
    ),
    ("{} commitment changed", "{} toezegging veranderd"),
    ("{} commitments changed", "{} toezeggingen veranderd"),
    ("{}; {}, {} worse", "{}; {}, {} slechter"),
    ("worse", "slechter"),
    ("no commitment changed", "geen toezegging veranderd"),
    ("No commitment changed.", "Geen toezegging veranderd."),
    (
        "no changed statement reaches it through its chain, its teams or a commitment above it",
        "geen gewijzigde regel bereikt het via zijn keten, zijn teams of een toezegging erboven",
    ),
    ("before", "voor"),
    ("after", "na"),
    ("Why", "Waarom"),
    ("met by {}", "gehaald in {}"),
    ("met", "gehaald"),
    ("{}, done by {}", "{}, klaar in {}"),
    ("{}, not done in the horizon", "{}, niet klaar binnen de horizon"),
    ("conflict", "conflict"),
    ("effort", "inspanning"),
    ("dependency", "afhankelijkheid"),
    ("placement", "plaatsing"),
    ("capacity", "capaciteit"),
    ("rank", "rangorde"),
    ("competition", "concurrentie"),
    ("through", "via"),
    ("{}: `{}` added", "{}: `{}` toegevoegd"),
    ("{}: `{}` removed", "{}: `{}` verwijderd"),
    ("{} added", "{} toegevoegd"),
    ("{} removed", "{} verwijderd"),
    ("the plan", "het plan"),
    (
        "{} (through `{}`, ranked above and sharing a team: now {})",
        "{} (via `{}`, hoger in rang en met een gedeeld team: nu {})",
    ),
    (
        "{} (through `{}`, ranked above and sharing a team: removed)",
        "{} (via `{}`, hoger in rang en met een gedeeld team: verwijderd)",
    ),
    (
        "{} (through `{}`, ranked {} and sharing a team: the schedule that fits it moved this one's work)",
        "{} (via `{}`, {} in rang en met een gedeeld team: de planning die daarvoor past verschoof dit werk)",
    ),
    ("below", "lager"),
    ("above", "hoger"),
    (
        "{} (work of team `{}`, which it shares: the schedule moved its work)",
        "{} (werk van team `{}`, dat het deelt: de planning verschoof zijn werk)",
    ),
    ("assuming {}", "aangenomen: {}"),
    ("every vacancy filled", "elke vacature vervuld"),
    ("no loans", "zonder uitlenen"),
    ("load {}%", "belasting {}%"),
    ("{} error", "{} fout"),
    ("{} errors", "{} fouten"),
    ("{} warning", "{} waarschuwing"),
    ("{} warnings", "{} waarschuwingen"),
    ("{} file", "{} bestand"),
    ("{} files", "{} bestanden"),
    ("{}, {} in {}", "{}, {} in {}"),
    (
        "note: {} warnings {} ({}); `--allow {}` leaves them out",
        "opmerking: {0} waarschuwingen {1} ({2}); `--allow {3}` laat ze weg",
    ),
    (
        "{} is an error; only warnings and notes can be left out",
        "{} is een fout; alleen waarschuwingen en opmerkingen kunnen weg",
    ),
    ("and {} more places (`--format json` lists every one)", "en nog {} plaatsen (`--format json` noemt ze allemaal)"),
    ("load", "belasting"),
    (" ({} left out by `--allow`)", " ({} weggelaten door `--allow`)"),
    ("error", "fout"),
    ("warning", "waarschuwing"),
    ("note", "opmerking"),
    ("feasible", "haalbaar"),
    ("infeasible", "niet haalbaar"),
    ("unknown", "onbeslist"),
    ("invalid", "bevat fouten"),
    ("{}: {}, {} of {} commitments met", "{}: {}, {} van {} toezeggingen gehaald"),
    (" (as of {})", " (stand van {})"),
    (
        "as of {}: the runs plan what is left from that day on",
        "stand van {}: de runs plannen wat er over is vanaf die dag",
    ),
    ("throughput", "doorvoer"),
    (
        "{}: {}, {} of {} commitments met among those checked (items with errors left out)",
        "{}: {}, {} van {} toezeggingen gehaald van de gecontroleerde (items met fouten buiten beschouwing)",
    ),
    ("load per PI (planned / plannable capacity):", "belasting per PI (gepland / planbare capaciteit):"),
    ("beyond horizon", "na de horizon"),
    ("forecast: {} runs, seed {}", "prognose: {} runs, seed {}"),
    ("commitment", "toezegging"),
    ("finish", "klaar"),
    ("scope", "omvang"),
    ("done", "gedaan"),
    ("left", "over"),
    ("done %", "gedaan %"),
    ("days", "dagen"),
    ("points", "punten"),
    ("no history", "geen historie"),
    ("{}: progress as of {} ({}), effort in {}", "{}: voortgang op {} ({}), inspanning in {}"),
    (
        "burn-up at the end of each PI: done before {}, planned from it on",
        "burn-up aan het eind van elke PI: gedaan vóór {}, gepland vanaf daar",
    ),
    (
        "work delivered per past iteration against plannable capacity",
        "geleverd werk per voorbije iteratie tegenover planbare capaciteit",
    ),
    (
        "{} has no status date: add `as of DATE` to its plan block to see progress",
        "{} heeft geen statusdatum: zet `as of DATUM` in het planblok om voortgang te zien",
    ),
    // ---- compare ----
    ("plan", "plan"),
    ("{}, {} of {} met", "{}, {} van {} gehaald"),
    ("the plan has no scenarios", "het plan heeft geen scenario's"),
    (
        "{} compared with the plan, {} with a commitment worse",
        "{} vergeleken met het plan, {} met een toezegging slechter",
    ),
    ("{} scenario", "{} scenario"),
    ("{} scenarios", "{} scenario's"),
    ("no scenario changes a commitment", "geen scenario verandert een toezegging"),
    ("better", "beter"),
    ("earlier", "eerder"),
    ("later", "later"),
    ("changed", "anders"),
    ("added", "nieuw"),
    ("removed", "vervallen"),
    ("verdict", "oordeel"),
    ("scenario `{}`", "scenario `{}`"),
    ("{} (scenario `{}`)", "{} (scenario `{}`)"),
    ("scenarios: {} (haalbaar compare {})", "scenario's: {} (haalbaar compare {})"),
    ("title", "titel"),
    ("probability", "kans"),
    ("P50 finish", "P50 klaar"),
    ("P85 finish", "P85 klaar"),
    ("green", "groen"),
    ("amber", "oranje"),
    ("red", "rood"),
    ("{} ({}): finish iteration over {} runs", "{} ({}): iteratie waarin het af is, over {} runs"),
    (
        "even at the low end of every range with every vacancy filled: {}",
        "zelfs met elke schatting aan de onderkant en elke vacature vervuld: {}",
    ),
    ("<- deadline", "<- deadline"),
    (
        "team load per PI (planned / plannable), median and P85 over the runs",
        "teambelasting per PI (gepland / planbaar), mediaan en P85 over de runs",
    ),
    ("iteration", "iteratie"),
    ("start", "start"),
    ("end", "einde"),
    ("notes", "opmerkingen"),
    ("capacity", "capaciteit"),
    ("iterations", "iteraties"),
    ("from", "bron"),
    ("at load {}%", "bij belasting {}%"),
    ("people", "mensen"),
    ("velocity", "velocity"),
    ("fixed", "vast"),
    ("PI override", "PI-vervanging"),
    ("override", "vervanging"),
    (
        "{} to {}: {} iterations of {} days, {} PIs, {} IP iteration(s) per PI",
        "{} tot {}: {} iteraties van {} dagen, {} PI's, {} IP-iteratie(s) per PI",
    ),
    ("capacity in {}, per iteration", "capaciteit in {}, per iteratie"),
    ("person-days", "persoonsdagen"),
    ("per PI", "per PI"),
    (
        "* committed and met   ! missed commitment or on its chain",
        "* toegezegd en gehaald   ! gemiste toezegging of op haar keten",
    ),
    ("^ competes with a missed commitment for capacity", "^ concurreert met een gemiste toezegging om capaciteit"),
    ("load: planned / plannable capacity", "belasting: gepland / planbare capaciteit"),
    (
        "~ an id cut to fit {} columns: `--width` (or COLUMNS) wider shows it whole",
        "~ een id ingekort tot {} kolommen: een bredere `--width` (of COLUMNS) toont het heel",
    ),
    ("repairs of `{}` (each on its own makes it met):", "oplossingen voor `{}` (elk afzonderlijk maakt haar gehaald):"),
    ("show one with `{}`, apply it with `--write`", "toon er een met `{}`, pas het toe met `--write`"),
    ("`{}` is met by {}: nothing to repair", "`{}` is gehaald uiterlijk {}: niets op te lossen"),
    (
        "`{}` is {} and has no repair the engine could verify",
        "`{}` is {} en heeft geen oplossing die de engine kon controleren",
    ),
    ("applied to {}: {}", "toegepast op {}: {}"),
    ("{} has no finding with a sure fix", "{} heeft geen bevinding met een zekere oplossing"),
    ("fixed {} findings in {}", "{} bevindingen opgelost in {}"),
    (
        "`--write` with `--commitment` applies one repair: give `--repair N` too",
        "`--write` met `--commitment` past één oplossing toe: geef ook `--repair N`",
    ),
    ("wrote {}", "{} geschreven"),
    ("cannot read {}: no such file", "kan {} niet lezen: bestand bestaat niet"),
    ("cannot read {}: permission denied", "kan {} niet lezen: geen toestemming"),
    ("cannot read {}: it is a directory", "kan {} niet lezen: het is een map"),
    (
        "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
        "{} is geen UTF-8-tekst (ongeldige byte op positie {}); sla het op als UTF-8",
    ),
    ("{} is not formatted: it has syntax errors", "{} is niet opgemaakt: het bevat syntaxfouten"),
    (
        "{} has errors; fix them before its commitments can be repaired",
        "{} bevat fouten; los die op voordat de toezeggingen te repareren zijn",
    ),
    ("{} has no commitment `{}`; they are {}", "{} heeft geen toezegging `{}`; dat zijn {}"),
    ("{} has no commitment `{}`; it has none", "{} heeft geen toezegging `{}`; het heeft er geen"),
    ("`{}` has {} repairs; give --repair 1 to {}", "`{}` heeft {} oplossingen; geef --repair 1 tot {}"),
    (
        "unknown code `{}`; `haalbaar explain` lists every code",
        "onbekende code `{}`; `haalbaar explain` toont elke code",
    ),
];
