//! Every text a planner reads in a report, put into another language in place. Ids, dates,
//! iterations and figures stay as they are; only the catalogue's sentences change.

use super::{Catalogue, Lang};
use crate::Checked;
use crate::board::Board;
use crate::diagnostic::Diagnostic;
use crate::feasibility::{Feasibility, Reason};
use crate::forecast::Forecast;
use crate::report::DiagnosticRecord;

/// A report whose texts can be put into another language.
///
/// ```
/// use haalbaar::catalogue::{Lang, Localize};
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team apj\n  effort 20\n}\n";
/// let mut checked = haalbaar::check(source);
/// checked.localize(Lang::Nl);
/// assert_eq!(checked.diagnostics[0].message, "onbekend team `apj`");
/// ```
pub trait Localize {
    /// Translates every text of the catalogue in `self` (English stays as it is).
    fn localize(&mut self, lang: Lang);
}

fn tr(text: &mut String, lang: Lang) {
    *text = Catalogue::engine().translate(text, lang);
}

fn tr_opt(text: &mut Option<String>, lang: Lang) {
    if let Some(t) = text {
        tr(t, lang);
    }
}

impl<T: Localize> Localize for Vec<T> {
    fn localize(&mut self, lang: Lang) {
        if lang != Lang::En {
            self.iter_mut().for_each(|x| x.localize(lang));
        }
    }
}

impl<T: Localize> Localize for Option<T> {
    fn localize(&mut self, lang: Lang) {
        if let Some(x) = self {
            x.localize(lang);
        }
    }
}

/// A finding as the engine keeps it and as a report shows it: the same texts.
macro_rules! localize_finding {
    ($($t:ty),*) => {$(
        impl Localize for $t {
            fn localize(&mut self, lang: Lang) {
                tr(&mut self.message, lang);
                tr_opt(&mut self.label, lang);
                tr_opt(&mut self.help, lang);
                self.labels.iter_mut().for_each(|l| tr(&mut l.message, lang));
            }
        }
    )*};
}

localize_finding!(Diagnostic, DiagnosticRecord);

impl Localize for Reason {
    fn localize(&mut self, lang: Lang) {
        match self {
            Reason::Chain { text, .. }
            | Reason::Capacity { text, .. }
            | Reason::Search { text, .. }
            | Reason::Passed { text, .. }
            | Reason::Unknown { text } => tr(text, lang),
        }
    }
}

impl Localize for Feasibility {
    fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        for c in &mut self.commitments {
            tr_opt(&mut c.late, lang);
            c.reason.localize(lang);
            for r in &mut c.repairs {
                tr(r.text_mut(), lang);
            }
        }
    }
}

impl Localize for Checked {
    fn localize(&mut self, lang: Lang) {
        self.diagnostics.localize(lang);
        self.feasibility.localize(lang);
    }
}

impl Localize for Forecast {
    fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        tr(&mut self.method, lang);
        tr(&mut self.check_assumes, lang);
        tr(&mut self.capacity, lang);
        for c in &mut self.commitments {
            c.reason.localize(lang);
        }
        self.warnings.localize(lang);
    }
}

impl Localize for Board {
    fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        for team in &mut self.teams {
            team.events.iter_mut().for_each(|e| tr(&mut e.text, lang));
        }
        self.iterations.localize(lang);
    }
}

/// `Koningsdag (1 day)`: the holiday's name is the planner's and stays as written; only the
/// count of days is put into the language.
impl Localize for crate::report::CalendarRow {
    fn localize(&mut self, lang: Lang) {
        if lang != Lang::Nl {
            return;
        }
        for h in &mut self.holidays {
            let Some((name, rest)) = h.rsplit_once(" (") else { continue };
            let Some(n) = rest.strip_suffix(" days)").or_else(|| rest.strip_suffix(" day)")) else { continue };
            if n.chars().all(|c| c.is_ascii_digit()) {
                *h = format!("{name} ({n} {})", if n == "1" { "dag" } else { "dagen" });
            }
        }
    }
}

impl Localize for crate::report::CheckReport {
    fn localize(&mut self, lang: Lang) {
        self.diagnostics.localize(lang);
        self.single.localize(lang);
        for f in &mut self.files {
            f.feasibility.localize(lang);
        }
    }
}

impl Localize for crate::api::Inspection {
    fn localize(&mut self, lang: Lang) {
        self.report.localize(lang);
        self.board.localize(lang);
    }
}

impl Localize for crate::api::ForecastResult {
    fn localize(&mut self, lang: Lang) {
        self.forecast.localize(lang);
        self.diagnostics.localize(lang);
    }
}

impl Localize for crate::api::CalendarResult {
    fn localize(&mut self, lang: Lang) {
        self.calendar.localize(lang);
        self.diagnostics.localize(lang);
    }
}

impl Localize for crate::api::CapacityResult {
    fn localize(&mut self, lang: Lang) {
        self.diagnostics.localize(lang);
    }
}

impl Localize for crate::api::Explanation {
    fn localize(&mut self, lang: Lang) {
        self.title = Catalogue::engine().translate(&self.title, lang);
        self.explanation = super::explanation(self.code, lang).to_string();
    }
}

impl Localize for crate::report::compare::Comparison {
    fn localize(&mut self, lang: Lang) {
        for column in &mut self.columns {
            for e in &mut column.errors {
                e.message = Catalogue::engine().translate(&e.message, lang);
                e.help = e.help.take().map(|h| Catalogue::engine().translate(&h, lang));
            }
        }
    }
}
