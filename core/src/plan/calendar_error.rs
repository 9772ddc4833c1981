//! The diagnostic for a calendar that cannot be built (iteration, PI, innovation, horizon or
//! workweek that do not make one), for a file and for a plan built in code alike.

use haalbaar_grammar::Span;

use crate::calendar::CalendarError;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::Settings;

/// The diagnostic for a calendar that cannot be built; `at` finds the span of a plan
/// statement by keyword (none for plans built in code).
pub(crate) fn calendar_error(e: CalendarError, s: &Settings, at: impl Fn(&str) -> Option<Span>) -> Diagnostic {
    match e {
        CalendarError::BadIteration(m) => {
            Diagnostic::new(Code::E0308, m, at("iteration")).with_help("write it as: iteration 2 weeks")
        }
        CalendarError::BadIncrement(m) => {
            Diagnostic::new(Code::E0308, m, at("increment")).with_help("write it as: increment 10 weeks")
        }
        CalendarError::NotDividing(inc, it) => Diagnostic::new(
            Code::E0301,
            format!("an iteration of {it} days does not divide a PI of {inc} days"),
            at("iteration").or(at("increment")),
        )
        .with_secondary(at("increment").filter(|_| at("iteration").is_some()), "PI length given here")
        .with_help(format!(
            "make the PI a whole number of iterations, such as {} or {} days",
            (inc / it).max(1) * it,
            (inc / it + 1) * it
        )),
        CalendarError::NoPlannedIteration => Diagnostic::new(
            Code::E0309,
            "the IP iterations take every iteration of a PI",
            at("innovation").or(at("increment")),
        )
        .with_help("leave at least one planned iteration in every PI"),
        CalendarError::BadHorizon(m) => {
            let help = if m.contains("at most") || m.contains("too long") {
                format!(
                    "shorten the horizon or use longer iterations: a plan holds at most {} iterations",
                    crate::calendar::MAX_ITERATIONS
                )
            } else {
                "make the horizon hold at least one whole iteration, such as: horizon 18 months".to_string()
            };
            Diagnostic::new(Code::E0309, m, at("horizon").or(at("end"))).with_help(help)
        }
        CalendarError::BadWorkweek => {
            Diagnostic::new(Code::E0310, format!("a workweek of {} days is outside 1 to 7", s.workweek), at("workweek"))
                .with_help("write it as: workweek 5 days")
        }
    }
}
