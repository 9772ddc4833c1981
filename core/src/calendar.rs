//! The calendar: iterations cut from `start`, grouped in PIs, the last `innovation` of each
//! PI marked IP, working days counted per iteration, and periods bound to iterations.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::fixed::Fixed;
use crate::model::{Horizon, Length, Period, Settings};

/// Horizons longer than this many iterations are refused (about 40 years of 2-week ones).
pub const MAX_ITERATIONS: usize = 1000;

/// One iteration of the calendar.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  holiday \"Bevrijdingsdag\" 2025-05-05\n}\n";
/// let checked = haalbaar::check(source);
/// let cal = checked.calendar.expect("a calendar");
/// let it = &cal.iterations[8];
/// assert_eq!((it.index, it.pi, it.number, it.ip), (8, 2, 4, false));
/// assert_eq!(it.start, haalbaar::NaiveDate::from_ymd_opt(2025, 4, 28).expect("a date"));
/// assert_eq!(it.end, haalbaar::NaiveDate::from_ymd_opt(2025, 5, 11).expect("a date"));
/// // Ten weekdays, one of them a holiday.
/// assert_eq!(it.working_days, 9);
/// assert_eq!(it.holidays, [("Bevrijdingsdag".to_string(), 1)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Iteration {
    /// 0-based position in the horizon.
    pub index: usize,
    /// 1-based PI number.
    pub pi: u32,
    /// 1-based position in its PI.
    pub number: u32,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// An innovation and planning iteration: no planned work.
    pub ip: bool,
    /// Working days (workweek, less holidays).
    pub working_days: u32,
    /// Working days lost to holidays, by holiday name.
    pub holidays: Vec<(String, u32)>,
}

impl Iteration {
    /// `PI3.2`.
    ///
    /// ```
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// // Five iterations a PI: the seventh is PI2.2.
    /// assert_eq!(cal.iterations[6].label(), "PI2.2");
    /// assert_eq!(cal.iterations[0].label(), "PI1.1");
    /// ```
    pub fn label(&self) -> String {
        format!("PI{}.{}", self.pi, self.number)
    }
}

/// The calendar of a plan.
///
/// ```
/// use haalbaar::calendar::Calendar;
/// use haalbaar::model::Settings;
///
/// // The defaults: 18 months from 2024-01-08, PIs of 10 weeks, iterations of 2 weeks.
/// let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
/// let cal = Calendar::new(&Settings::new(start)).expect("a calendar");
/// assert_eq!(cal.last_day, haalbaar::NaiveDate::from_ymd_opt(2025, 7, 7).expect("a date"));
/// assert_eq!((cal.iteration_days, cal.per_pi, cal.innovation), (14, 5, 1));
/// assert_eq!((cal.workweek, cal.nominal_days), (5, 10));
/// // 39 whole iterations fit; `working` has a flag for each of their days.
/// assert_eq!(cal.iterations.len(), 39);
/// assert_eq!(cal.working.len(), 39 * 14);
/// // 2024-01-08 is a Monday, 2024-01-13 a Saturday.
/// assert!(cal.working[0] && !cal.working[5]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Calendar {
    /// The first day of PI1.
    pub start: NaiveDate,
    /// The horizon's last day.
    pub last_day: NaiveDate,
    /// Calendar days per iteration.
    pub iteration_days: u32,
    /// Iterations per PI.
    pub per_pi: u32,
    /// IP iterations at the end of every PI.
    pub innovation: u32,
    /// Working days per week, Monday first.
    pub workweek: u32,
    /// Working days in an iteration without holidays.
    pub nominal_days: u32,
    /// Every iteration of the horizon, in order.
    pub iterations: Vec<Iteration>,
    /// Whether each day from `start` to the last iteration's end is a working day.
    #[serde(skip)]
    pub working: Vec<bool>,
    /// Where the plan's status date (`as of`) falls, when it has one inside the iterations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusDay>,
}

/// The status date on the calendar: the iteration that holds it, and how many of that
/// iteration's working days lie on or after it. Iterations before it are history (no work is
/// planned in them); every per-iteration figure of the status iteration is cut to the share
/// `days_left / days` of it.
///
/// ```
/// use haalbaar::calendar::Calendar;
/// use haalbaar::model::{At, Settings};
///
/// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
/// let mut settings = Settings::new(start);
/// // The Wednesday of the second iteration's first week: 8 of its 10 working days are left.
/// settings.as_of = Some(At::new(haalbaar::NaiveDate::from_ymd_opt(2024, 1, 24).expect("a date")));
/// let cal = Calendar::new(&settings).expect("a calendar");
/// let status = cal.status.expect("inside the horizon");
/// assert_eq!((status.iteration, status.days_left, status.days), (1, 8, 10));
/// assert_eq!(status.cut(0, haalbaar::Fixed::from_int(30)), haalbaar::Fixed::ZERO);
/// assert_eq!(status.cut(1, haalbaar::Fixed::from_int(30)), haalbaar::Fixed::from_int(24));
/// assert_eq!(status.cut(2, haalbaar::Fixed::from_int(30)), haalbaar::Fixed::from_int(30));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusDay {
    /// The status date.
    pub date: NaiveDate,
    /// The iteration that holds it (0-based).
    pub iteration: usize,
    /// Working days of that iteration from the status date on.
    pub days_left: u32,
    /// Working days of that iteration.
    pub days: u32,
}

impl StatusDay {
    /// A per-iteration figure of iteration `t` as the check plans with it: nothing before the
    /// status iteration, the share of its working days left in it, all of it after.
    ///
    /// ```
    /// use haalbaar::calendar::StatusDay;
    /// use haalbaar::{Fixed, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2024, 1, 24).expect("a date");
    /// let status = StatusDay { date: day, iteration: 3, days_left: 5, days: 10 };
    /// assert_eq!(status.cut(3, Fixed::from_int(7)), Fixed::from_millis(3_500));
    /// ```
    pub fn cut(&self, t: usize, value: Fixed) -> Fixed {
        use std::cmp::Ordering::*;
        match t.cmp(&self.iteration) {
            Less => Fixed::ZERO,
            Greater => value,
            Equal if self.days_left >= self.days => value,
            Equal if self.days == 0 => Fixed::ZERO,
            Equal => value
                .ratio()
                .times(&crate::fixed::Ratio::int(i64::from(self.days_left)))
                .over(&crate::fixed::Ratio::int(i64::from(self.days)))
                .to_fixed(),
        }
    }
    /// The same as thousandths (the solver's unit).
    pub(crate) fn cut_millis(&self, t: usize, millis: i64) -> i64 {
        self.cut(t, Fixed::from_millis(millis)).millis()
    }
}

/// Why a calendar cannot be built.
///
/// ```
/// use haalbaar::calendar::{Calendar, CalendarError};
/// use haalbaar::model::{Length, Settings};
///
/// let mut settings = Settings::new(haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date"));
/// // A PI of 10 weeks is no whole number of 3-week iterations.
/// settings.iteration = Length::Weeks(3);
/// assert_eq!(Calendar::new(&settings), Err(CalendarError::NotDividing(70, 21)));
/// settings.iteration = Length::Weeks(2);
/// settings.workweek = 8;
/// assert_eq!(Calendar::new(&settings), Err(CalendarError::BadWorkweek));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// Iteration length unusable (zero, months, iterations).
    #[error("the iteration length cannot be used: {0}")]
    BadIteration(String),
    /// Increment length unusable.
    #[error("the PI length cannot be used: {0}")]
    BadIncrement(String),
    /// The iteration does not divide the increment: (increment days, iteration days).
    #[error("a PI of {0} days is not a whole number of {1}-day iterations")]
    NotDividing(u32, u32),
    /// Innovation takes every iteration of a PI.
    #[error("the IP iterations take every iteration of a PI")]
    NoPlannedIteration,
    /// The horizon holds no whole iteration, ends before start, or is absurdly long.
    #[error("the horizon cannot be used: {0}")]
    BadHorizon(String),
    /// Workweek outside 1..=7.
    #[error("the workweek must be 1 to 7 days")]
    BadWorkweek,
}

/// Why a period cannot be bound to an iteration.
///
/// ```
/// use haalbaar::calendar::BindError;
/// use haalbaar::model::Period;
///
/// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
/// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
/// // 18 months hold PI1 to PI8 (cut short): PI9 is outside.
/// assert!(matches!(cal.deadline(&Period::Pi { pi: 9, iteration: None }), Err(BindError::Outside(_))));
/// assert!(matches!(cal.earliest(&Period::Pi { pi: 0, iteration: None }), Err(BindError::NoSuch(_))));
/// let friday = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 12).expect("a date");
/// assert_eq!(cal.deadline(&Period::Date { date: friday }), Err(BindError::BeforeFirstIteration));
/// let (pi3, pi1) = (Period::Pi { pi: 3, iteration: None }, Period::Pi { pi: 1, iteration: None });
/// assert!(matches!(cal.range(&pi3, &pi1), Err(BindError::Reversed(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BindError {
    /// Before `start` or after the horizon, or a PI that does not (wholly) exist in it.
    #[error("{0} is outside the horizon")]
    Outside(String),
    /// A deadline before the first iteration ends.
    #[error("the deadline comes before the first iteration ends")]
    BeforeFirstIteration,
    /// A PI or iteration number, or quarter, that cannot exist (`PI0`, `PI3.9`, `Q5`).
    #[error("{0} does not exist")]
    NoSuch(String),
    /// A range whose end comes before its start (`PI3..PI1`).
    #[error("{0} ends before it starts")]
    Reversed(String),
}

/// Calendar days in a length (`None` for months, whose days vary with the month).
///
/// ```
/// use haalbaar::calendar::length_days;
/// use haalbaar::model::Length;
///
/// assert_eq!(length_days(Length::Weeks(10), 14), Some(70));
/// // Iterations count in the iteration's length.
/// assert_eq!(length_days(Length::Iterations(3), 14), Some(42));
/// assert_eq!(length_days(Length::Days(9), 14), Some(9));
/// assert_eq!(length_days(Length::Months(1), 14), None);
/// ```
pub fn length_days(len: Length, iteration_days: u32) -> Option<u32> {
    match len {
        Length::Days(n) => Some(n),
        Length::Weeks(n) => n.checked_mul(7),
        Length::Iterations(n) => n.checked_mul(iteration_days),
        Length::Months(_) => None,
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

impl Calendar {
    /// The calendar the plan block describes, or why it has none.
    ///
    /// ```
    /// use haalbaar::calendar::Calendar;
    /// use haalbaar::model::Settings;
    ///
    /// // The defaults: 18 months from 2024-01-08, PIs of 10 weeks, iterations of 2 weeks.
    /// let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// let cal = Calendar::new(&Settings::new(start)).expect("a calendar");
    /// assert_eq!(cal.len(), 39);
    /// assert_eq!(cal.iterations[0].end, haalbaar::NaiveDate::from_ymd_opt(2024, 1, 21).expect("a date"));
    /// // The last iteration of every PI is its IP iteration.
    /// assert!(cal.iterations[4].ip && !cal.iterations[3].ip);
    /// ```
    pub fn new(s: &Settings) -> Result<Calendar, CalendarError> {
        let iteration_days = match s.iteration {
            Length::Days(n) | Length::Weeks(n) if n > 0 => length_days(s.iteration, 0).unwrap_or(0),
            Length::Months(_) => {
                return Err(CalendarError::BadIteration("an iteration is given in weeks or days, not months".into()));
            }
            Length::Iterations(_) => {
                return Err(CalendarError::BadIteration("an iteration cannot be measured in iterations".into()));
            }
            _ => {
                return Err(CalendarError::BadIteration("an iteration must be longer than zero".into()));
            }
        };
        if iteration_days > 366 {
            return Err(CalendarError::BadIteration("an iteration of more than a year is not an iteration".into()));
        }
        let increment_days = match s.increment {
            Length::Months(_) => {
                return Err(CalendarError::BadIncrement(
                    "a PI is given in weeks, days or iterations, not months".into(),
                ));
            }
            len => match length_days(len, iteration_days) {
                Some(n) if n > 0 => n,
                _ => {
                    return Err(CalendarError::BadIncrement("a PI must be longer than zero".into()));
                }
            },
        };
        if increment_days % iteration_days != 0 {
            return Err(CalendarError::NotDividing(increment_days, iteration_days));
        }
        let per_pi = increment_days / iteration_days;
        if s.innovation >= per_pi {
            return Err(CalendarError::NoPlannedIteration);
        }
        if !(1..=7).contains(&s.workweek) {
            return Err(CalendarError::BadWorkweek);
        }
        let too_long = || CalendarError::BadHorizon("the horizon is too long to plan".into());
        let last_day = match s.horizon {
            Horizon::End(d) => d,
            Horizon::Length(Length::Months(m)) => {
                if m == 0 {
                    return Err(CalendarError::BadHorizon("the horizon must be longer than zero".into()));
                }
                s.start.checked_add_months(Months::new(m)).and_then(|d| d.pred_opt()).ok_or_else(too_long)?
            }
            Horizon::Length(len) => {
                let days = length_days(len, iteration_days).ok_or_else(too_long)?;
                if days == 0 {
                    return Err(CalendarError::BadHorizon("the horizon must be longer than zero".into()));
                }
                add_days(s.start, i64::from(days) - 1).ok_or_else(too_long)?
            }
        };
        if last_day < s.start {
            return Err(CalendarError::BadHorizon(format!(
                "the horizon ends on {last_day}, before the start on {}",
                s.start
            )));
        }
        let span_days = (last_day - s.start).num_days() + 1;
        let count = usize::try_from(span_days / i64::from(iteration_days)).unwrap_or(usize::MAX);
        if count == 0 {
            return Err(CalendarError::BadHorizon(format!(
                "the horizon ({span_days} days) holds no whole iteration of {iteration_days} days"
            )));
        }
        if count > MAX_ITERATIONS {
            return Err(CalendarError::BadHorizon(format!(
                "the horizon holds {count} iterations; at most {MAX_ITERATIONS} can be planned"
            )));
        }
        let weeks = iteration_days / 7;
        let rest = iteration_days % 7;
        let nominal_days = weeks * s.workweek + rest.min(s.workweek);
        let days = count * iteration_days as usize;
        // Which holiday (the first in plan order) covers each day: each day is painted once,
        // the painted ones skipped by jumping to the next unpainted day.
        let mut holiday_of: Vec<Option<usize>> = vec![None; days];
        let mut next_free: Vec<usize> = (0..=days).collect();
        fn find(next: &mut [usize], mut x: usize) -> usize {
            let mut root = x;
            while next[root] != root {
                root = next[root];
            }
            while next[x] != root {
                (x, next[x]) = (next[x], root);
            }
            root
        }
        for (k, h) in s.holidays.iter().enumerate() {
            let (from, to) = ((h.from - s.start).num_days(), (h.to - s.start).num_days());
            if to < 0 || from >= days as i64 || to < from {
                continue;
            }
            let (from, to) = (from.max(0) as usize, (to as usize).min(days - 1));
            let mut d = find(&mut next_free, from);
            while d <= to {
                holiday_of[d] = Some(k);
                next_free[d] = d + 1;
                d = find(&mut next_free, d + 1);
            }
        }
        let first_weekday = s.start.weekday().num_days_from_monday() as usize;
        let working: Vec<bool> =
            (0..days).map(|d| ((first_weekday + d) % 7) < s.workweek as usize && holiday_of[d].is_none()).collect();
        let mut iterations = Vec::with_capacity(count);
        for index in 0..count {
            let start = add_days(s.start, (index as i64) * i64::from(iteration_days)).ok_or_else(too_long)?;
            let end = add_days(start, i64::from(iteration_days) - 1).ok_or_else(too_long)?;
            let number = (index as u32) % per_pi + 1;
            let mut working_days = 0;
            let mut holidays: Vec<(String, u32)> = Vec::new();
            let first = index * iteration_days as usize;
            for d in first..first + iteration_days as usize {
                if working[d] {
                    working_days += 1;
                } else if let Some(h) = holiday_of[d].and_then(|k| s.holidays.get(k))
                    && ((first_weekday + d) % 7) < s.workweek as usize
                {
                    match holidays.iter_mut().find(|(n, _)| *n == h.name) {
                        Some((_, c)) => *c += 1,
                        None => holidays.push((h.name.clone(), 1)),
                    }
                }
            }
            iterations.push(Iteration {
                index,
                pi: (index as u32) / per_pi + 1,
                number,
                start,
                end,
                ip: number > per_pi - s.innovation,
                working_days,
                holidays,
            });
        }
        let status = s.as_of.as_ref().map(|d| d.value).and_then(|date| {
            let it = iterations.iter().find(|it| it.start <= date && date <= it.end)?;
            let from = (date - s.start).num_days() as usize;
            let to = (it.end - s.start).num_days() as usize;
            let days_left = working.get(from..=to).map_or(0, |d| d.iter().filter(|w| **w).count() as u32);
            Some(StatusDay { date, iteration: it.index, days_left, days: it.working_days })
        });
        Ok(Calendar {
            start: s.start,
            last_day,
            iteration_days,
            per_pi,
            innovation: s.innovation,
            workweek: s.workweek,
            nominal_days,
            iterations,
            working,
            status,
        })
    }

    /// The number of iterations.
    ///
    /// ```
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// // 2024-01-08 + 18 months is 547 days: 39 whole iterations of 14 days.
    /// assert_eq!(cal.len(), 39);
    /// ```
    pub fn len(&self) -> usize {
        self.iterations.len()
    }
    /// No iterations.
    ///
    /// ```
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// assert!(!cal.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.iterations.is_empty()
    }
    /// Number of PIs with at least one iteration in the horizon.
    ///
    /// ```
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// // 39 iterations of 5 a PI: seven whole PIs and four iterations of PI8.
    /// assert_eq!(cal.pi_count(), 8);
    /// ```
    pub fn pi_count(&self) -> u32 {
        self.iterations.last().map_or(0, |i| i.pi)
    }
    /// Indices of the iterations of PI `pi` within the horizon (may be fewer than a whole PI).
    ///
    /// ```
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// assert_eq!(cal.pi_iterations(1), 0..5);
    /// assert_eq!(cal.pi_iterations(2), 5..10);
    /// // The horizon cuts PI8 after four iterations; PI9 has none.
    /// assert_eq!(cal.pi_iterations(8), 35..39);
    /// assert!(cal.pi_iterations(9).is_empty());
    /// ```
    pub fn pi_iterations(&self, pi: u32) -> std::ops::Range<usize> {
        let per = self.per_pi as usize;
        let first = (pi.saturating_sub(1) as usize).saturating_mul(per).min(self.len());
        let last = first.saturating_add(per).min(self.len());
        first..last
    }

    fn pi_index(&self, pi: u32, iteration: Option<u32>, last: bool) -> Result<usize, BindError> {
        if pi == 0 {
            return Err(BindError::NoSuch("PIs are counted from PI1".into()));
        }
        if let Some(k) = iteration
            && (k == 0 || k > self.per_pi)
        {
            return Err(BindError::NoSuch(format!(
                "a PI has {} iterations, so PI{pi}.{k} does not exist",
                self.per_pi
            )));
        }
        let per = self.per_pi as usize;
        let base = (pi as usize - 1).saturating_mul(per);
        let idx = match iteration {
            Some(k) => base + k as usize - 1,
            // A PI the horizon cuts ends, as a deadline, with its last iteration inside it.
            None if last => (base + per - 1).min(self.len().saturating_sub(1).max(base)),
            None => base,
        };
        if idx >= self.len() {
            let shown = match iteration {
                Some(k) => format!("PI{pi}.{k}"),
                None => format!("PI{pi}"),
            };
            let last = self.iterations.last().map(|i| i.label()).unwrap_or_default();
            return Err(BindError::Outside(format!(
                "{shown} ends after the horizon, which ends on {} in {last}",
                self.last_day
            )));
        }
        Ok(idx)
    }

    /// For a deadline `PIx` whose PI the horizon cuts: the label of the iteration it binds to
    /// (its last inside the horizon), to say so in a note. `None` for any other period.
    ///
    /// ```
    /// use haalbaar::model::Period;
    ///
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// assert_eq!(cal.cut_pi(&Period::Pi { pi: 8, iteration: None }).as_deref(), Some("PI8.4"));
    /// // PI7 is whole, and PI8.2 names one iteration.
    /// assert_eq!(cal.cut_pi(&Period::Pi { pi: 7, iteration: None }), None);
    /// assert_eq!(cal.cut_pi(&Period::Pi { pi: 8, iteration: Some(2) }), None);
    /// ```
    pub fn cut_pi(&self, p: &Period) -> Option<String> {
        let Period::Pi { pi, iteration: None } = *p else { return None };
        let inside = self.pi_iterations(pi);
        (pi > 0 && !inside.is_empty() && inside.len() < self.per_pi as usize)
            .then(|| self.iterations[inside.end - 1].label())
    }

    /// The last day a period stands for as a deadline (a quarter's last day).
    fn deadline_date(p: &Period) -> Result<NaiveDate, BindError> {
        match *p {
            Period::Date { date } => Ok(date),
            Period::Quarter { year, quarter } => quarter_bounds(year, quarter).map(|(_, e)| e),
            Period::Pi { .. } => Err(BindError::NoSuch("not a date".into())),
        }
    }

    /// The iteration a deadline binds to: the last iteration of a PI, the iteration itself,
    /// or the last iteration that ends on or before a date or a quarter's last day.
    ///
    /// ```
    /// use haalbaar::model::Period;
    ///
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// // PI4 binds to its last (IP) iteration, PI4.5.
    /// assert_eq!(cal.deadline(&Period::Pi { pi: 4, iteration: None }), Ok(19));
    /// assert_eq!(cal.deadline(&Period::Pi { pi: 4, iteration: Some(2) }), Ok(16));
    /// // 2025-Q2 ends 2025-06-30; the last iteration ending by then is PI8.3.
    /// assert_eq!(cal.deadline(&Period::Quarter { year: 2025, quarter: 2 }), Ok(37));
    /// ```
    pub fn deadline(&self, p: &Period) -> Result<usize, BindError> {
        if let Period::Pi { pi, iteration } = *p {
            return self.pi_index(pi, iteration, true);
        }
        let date = Self::deadline_date(p)?;
        if date > self.last_day {
            return Err(BindError::Outside(format!("{p} is after the horizon, which ends on {}", self.last_day)));
        }
        self.iterations.iter().rposition(|it| it.end <= date).ok_or(BindError::BeforeFirstIteration)
    }

    /// The first iteration a `not before` (or the start of a range) allows: the first
    /// iteration of a PI, the iteration itself, or the first that starts on or after a date.
    ///
    /// ```
    /// use haalbaar::model::Period;
    ///
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// assert_eq!(cal.earliest(&Period::Pi { pi: 2, iteration: None }), Ok(5));
    /// // 2024-01-09 is inside the first iteration: the first to start after it is the second.
    /// let date = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 9).expect("a date");
    /// assert_eq!(cal.earliest(&Period::Date { date }), Ok(1));
    /// ```
    pub fn earliest(&self, p: &Period) -> Result<usize, BindError> {
        let date = match *p {
            Period::Pi { pi, iteration } => return self.pi_index(pi, iteration, false),
            Period::Date { date } => date,
            Period::Quarter { year, quarter } => quarter_bounds(year, quarter)?.0,
        };
        if date > self.last_day {
            return Err(BindError::Outside(format!("{p} is after the horizon, which ends on {}", self.last_day)));
        }
        self.iterations
            .iter()
            .position(|it| it.start >= date)
            .ok_or_else(|| BindError::Outside(format!("no whole iteration starts on or after {p} within the horizon")))
    }

    /// The iterations a range covers: from `earliest(from)` to `deadline(until)`.
    ///
    /// ```
    /// use haalbaar::model::Period;
    ///
    /// # let start = haalbaar::NaiveDate::from_ymd_opt(2024, 1, 8).expect("a date");
    /// # let cal = haalbaar::calendar::Calendar::new(&haalbaar::model::Settings::new(start)).expect("a calendar");
    /// let (pi2, pi3) = (Period::Pi { pi: 2, iteration: None }, Period::Pi { pi: 3, iteration: None });
    /// // PI2.1 to PI3.5.
    /// assert_eq!(cal.range(&pi2, &pi3), Ok(5..=14));
    /// assert!(cal.range(&pi3, &pi2).is_err());
    /// ```
    pub fn range(&self, from: &Period, until: &Period) -> Result<std::ops::RangeInclusive<usize>, BindError> {
        let a = self.earliest(from)?;
        let b = self.deadline(until)?;
        if b < a {
            let (first, last) = (self.iterations[a].label(), self.iterations[b].label());
            return Err(BindError::Reversed(format!(
                "the range {from}..{until} ends before it starts: it starts in {first} and ends in {last}"
            )));
        }
        Ok(a..=b)
    }
}

/// First and last day of a calendar quarter.
///
/// ```
/// use haalbaar::NaiveDate;
///
/// let (first, last) = haalbaar::calendar::quarter_bounds(2025, 2).expect("a quarter");
/// assert_eq!(first, NaiveDate::from_ymd_opt(2025, 4, 1).expect("a date"));
/// assert_eq!(last, NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date"));
/// assert!(haalbaar::calendar::quarter_bounds(2025, 5).is_err());
/// ```
pub fn quarter_bounds(year: i32, quarter: u32) -> Result<(NaiveDate, NaiveDate), BindError> {
    if !(1..=4).contains(&quarter) {
        return Err(BindError::NoSuch(format!("a year has quarters Q1 to Q4, not Q{quarter}")));
    }
    let first = NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)
        .ok_or_else(|| BindError::NoSuch(format!("{year}-Q{quarter} is not on the calendar")))?;
    let last = first
        .checked_add_months(Months::new(3))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| BindError::NoSuch(format!("{year}-Q{quarter} is not on the calendar")))?;
    Ok((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn eighteen_months_of_ten_week_pis() {
        let cal = Calendar::new(&Settings::new(date(2024, 1, 8))).unwrap_or_else(|e| panic!("{e:?}"));
        // 2024-01-08 + 18 months - 1 day = 2025-07-07: 547 days, 39 whole iterations.
        assert_eq!(cal.last_day, date(2025, 7, 7));
        assert_eq!(cal.len(), 39);
        assert_eq!(cal.pi_count(), 8);
        assert!(cal.iterations[4].ip && !cal.iterations[3].ip);
        assert_eq!(cal.deadline(&Period::Pi { pi: 4, iteration: None }), Ok(19));
        assert_eq!(cal.earliest(&Period::Pi { pi: 2, iteration: None }), Ok(5));
        // 2025-Q2 ends 2025-06-30; iteration 37 (PI8.3) ends 2025-06-22, PI8.4 on 2025-07-06.
        assert_eq!(cal.deadline(&Period::Quarter { year: 2025, quarter: 2 }), Ok(37));
        // The horizon cuts PI8 after PI8.4: as a deadline, PI8 is PI8.4 (with a note); PI9 is
        // outside.
        assert_eq!(cal.deadline(&Period::Pi { pi: 8, iteration: None }), Ok(38));
        assert_eq!(cal.cut_pi(&Period::Pi { pi: 8, iteration: None }).as_deref(), Some("PI8.4"));
        assert_eq!(cal.cut_pi(&Period::Pi { pi: 7, iteration: None }), None);
        assert!(matches!(cal.deadline(&Period::Pi { pi: 8, iteration: Some(5) }), Err(BindError::Outside(_))));
        assert!(matches!(cal.deadline(&Period::Pi { pi: 9, iteration: None }), Err(BindError::Outside(_))));
        assert_eq!(cal.deadline(&Period::Date { date: date(2024, 1, 12) }), Err(BindError::BeforeFirstIteration));
    }
}
