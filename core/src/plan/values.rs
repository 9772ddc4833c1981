//! The checks of single values that lowering makes on text (an effort above zero, a
//! percentage from 0 to 100, a figure within the language's limits, an id the language
//! accepts, …), made on the model, so a plan built in code gets the diagnostics, with the same
//! codes and words, that the file saying the same would get. Run by `check_plan` only: for
//! text, lowering has made these checks with the places they were written.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::fixed::{Fixed, MAX_WHOLE};
use crate::model::{Effort, Max, Plan};

/// Every value of `plan` that the language would not accept as written.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut v = Values { out: Vec::new() };
    let s = &plan.settings;
    if let Some(f) = v.figure(s.load) {
        v.percent(f, "load", None);
    }
    if let Some(u) = s.uncertainty {
        v.amount(u, "the uncertainty growth", false, None);
    }
    if let Some(u) = s.capacity_uncertainty.and_then(|u| v.figure(u)) {
        v.percent(u, "the capacity uncertainty", None);
    }
    for h in &s.holidays {
        if h.to < h.from {
            v.out.push(
                Diagnostic::new(
                    Code::E0310,
                    format!("holiday \"{}\" ends on {}, before it starts on {}", h.name, h.to, h.from),
                    h.loc.0,
                )
                .with_help("write the first day, then `..`, then the last day"),
            );
        }
    }
    for t in &plan.teams {
        v.id(&t.id, t.loc.0);
        let at = t.loc.0;
        if let Some(p) = t.people {
            v.amount(p, "the headcount", false, at);
        }
        v.percent(t.focus, "focus", at);
        v.percent(t.reserve, "reserve", at);
        for c in &t.hires {
            v.amount(c.count, "the number of hires", true, c.loc.0);
        }
        for c in &t.leaves {
            v.amount(c.count, "the number of leavers", true, c.loc.0);
        }
        for c in &t.vacancies {
            v.amount(c.count, "the number of vacancies", true, c.loc.0);
            v.percent(c.chance, "the chance", c.loc.0);
        }
        for l in &t.lends {
            v.amount(l.count, "the number of people lent", true, l.loc.0);
        }
        if let Some(f) = t.fixed {
            v.amount(f, "the capacity", false, at);
        }
        for o in &t.overrides {
            v.amount(o.amount, "the capacity", false, o.loc.0);
        }
        for a in &t.adjustments {
            v.figure(a.delta);
        }
        if let Some(f) = t.velocity {
            v.amount(f, "the velocity", false, at);
        }
    }
    for e in &plan.epics {
        v.id(&e.id, e.loc.0);
        v.priority(e.priority, e.loc.0);
    }
    for i in &plan.items {
        v.id(&i.id, i.loc.0);
        if let Some(e) = &i.effort {
            v.effort(&e.value, e.loc.0);
        }
        if let Some(m) = &i.max {
            let (Max::People(f) | Max::PerIteration(f)) = m.value;
            v.amount(f, "the cap", true, m.loc.0);
        }
        if let Some(w) = &i.wsjf {
            for f in [w.value, w.urgency, w.risk] {
                v.amount(f, "a WSJF figure", false, i.loc.0);
            }
            if let Some(size) = w.size {
                v.amount(size, "a WSJF job size", true, i.loc.0);
            }
        }
        v.priority(i.priority, i.loc.0);
        for d in i.done.iter().chain(&i.remaining) {
            v.amount(d.value, "the effort done", false, d.loc.0);
        }
        for h in &i.history {
            v.amount(h.done, "the effort done", false, h.loc.0);
        }
    }
    v.out
}

struct Values {
    out: Vec<Diagnostic>,
}

type At = Option<haalbaar_grammar::Span>;

impl Values {
    /// A figure within the language's limits (as `Fixed::parse` allows in text).
    fn figure(&mut self, f: Fixed) -> Option<Fixed> {
        if f.millis().unsigned_abs() > MAX_WHOLE.unsigned_abs() * 1000 {
            self.out.push(
                Diagnostic::new(Code::E0112, format!("the number `{f}` is too large"), None)
                    .with_help(format!("a figure in a plan is at most {MAX_WHOLE}")),
            );
            return None;
        }
        Some(f)
    }

    fn amount(&mut self, f: Fixed, what: &str, strict: bool, at: At) {
        let Some(f) = self.figure(f) else { return };
        if f.is_negative() || (strict && !f.is_positive()) {
            let need = if strict { "more than zero" } else { "zero or more" };
            self.out.push(
                Diagnostic::new(Code::E0407, format!("{what} must be {need}, not {f}"), at)
                    .with_help(format!("give {what} as a figure {need}")),
            );
        }
    }

    fn percent(&mut self, f: Fixed, what: &str, at: At) {
        let Some(f) = self.figure(f) else { return };
        if f.is_negative() || f > Fixed::HUNDRED {
            self.out.push(
                Diagnostic::new(Code::E0403, format!("{what} {f}% is outside 0% to 100%"), at)
                    .with_label("a share of a whole")
                    .with_help("a percentage lies between 0% and 100%"),
            );
        }
    }

    fn priority(&mut self, p: Option<u32>, at: At) {
        if p == Some(0) {
            self.out.push(
                Diagnostic::new(Code::E0407, "priorities are counted from 1", at)
                    .with_help("use priority 1 for the first"),
            );
        }
    }

    fn effort(&mut self, e: &Effort, at: At) {
        let values: Vec<Fixed> = match (e.mode, e.low == e.high) {
            (None, true) => vec![e.low],
            (None, false) => vec![e.low, e.high],
            (Some(m), _) => vec![e.low, m, e.high],
        };
        if values.iter().any(|&f| self.figure(f).is_none()) {
            return;
        }
        if !e.low.is_positive() {
            self.out.push(
                Diagnostic::new(Code::E0401, format!("effort must be more than zero, not {}", e.low), at)
                    .with_label("no work to plan")
                    .with_help("give the estimate in the plan's unit, or remove the item"),
            );
        } else if values.windows(2).any(|w| w[0] > w[1]) {
            let shown: Vec<String> = values.iter().map(ToString::to_string).collect();
            let mut sorted = values.clone();
            sorted.sort();
            let fixed: Vec<String> = sorted.iter().map(ToString::to_string).collect();
            self.out.push(
                Diagnostic::new(Code::E0402, format!("effort range {} is out of order", shown.join("..")), at)
                    .with_label("expected low..high or low..likely..high")
                    .with_help(format!("write it as: effort {}", fixed.join(".."))),
            );
        }
    }

    /// An id as the language writes it (`digid-api`), else E0107 with one that would do.
    fn id(&mut self, id: &str, at: At) {
        if !haalbaar_grammar::is_valid_id(id) {
            self.out.push(
                Diagnostic::new(Code::E0107, format!("`{id}` is not a valid id"), at).with_help(format!(
                    "ids start with a lower-case letter and hold only lower-case letters, digits, `-` and `_`; for example `{}`",
                    haalbaar_grammar::suggest_id(id)
                )),
            );
        }
    }
}
