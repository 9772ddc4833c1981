//! The one registry of diagnostic codes. A code is never reused or deleted: when a check
//! goes away its code stays here, marked as retired. Ranges: E01xx syntax, E02xx names,
//! E03xx calendar (I0301 a note), E04xx capacity and teams, W05xx warnings, E06xx verdicts,
//! E07xx scenarios; an I code is a note.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;

macro_rules! codes {
    ($( $code:ident, $sev:ident, $title:literal, $text:literal; )*) => {
        /// A stable diagnostic code such as `E0201`.
        ///
        /// ```
        /// use haalbaar::Code;
        ///
        /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
        ///               item login {\n  team apj\n  effort 20\n}\n";
        /// let checked = haalbaar::check(source);
        /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0201)); // unknown team
        /// assert_eq!(Code::E0201.to_string(), "E0201");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub enum Code { $( #[doc = $title] $code, )* }

        /// Every code, in order.
        ///
        /// ```
        /// use haalbaar::codes::{ALL, Code};
        ///
        /// assert!(ALL.contains(&Code::E0201));
        /// assert!(ALL.iter().all(|c| Code::parse(c.as_str()) == Some(*c)));
        /// ```
        pub const ALL: &[Code] = &[ $( Code::$code, )* ];

        impl Code {
            /// `"E0201"`.
            ///
            /// ```
            /// use haalbaar::Code;
            ///
            /// assert_eq!(Code::E0201.as_str(), "E0201");
            /// assert_eq!(Code::W0503.as_str(), "W0503");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$code => stringify!($code), )* }
            }
            /// Error, warning or note: every code has one.
            ///
            /// ```
            /// use haalbaar::{Code, Severity};
            ///
            /// assert_eq!(Code::E0201.severity(), Severity::Error);
            /// assert_eq!(Code::W0507.severity(), Severity::Warning);
            /// assert_eq!(Code::I0301.severity(), Severity::Note);
            /// ```
            pub fn severity(self) -> Severity {
                match self { $( Code::$code => Severity::$sev, )* }
            }
            /// One line: what the code is about.
            ///
            /// ```
            /// use haalbaar::Code;
            ///
            /// assert_eq!(Code::E0201.title(), "unknown team");
            /// assert_eq!(Code::E0205.title(), "dependency cycle");
            /// ```
            pub fn title(self) -> &'static str {
                match self { $( Code::$code => $title, )* }
            }
            /// The long explanation shown by `haalbaar explain`: What, Why, Example, Fix.
            ///
            /// ```
            /// use haalbaar::Code;
            ///
            /// let text = Code::E0201.explanation();
            /// assert!(text.starts_with("What: a reference names a team"));
            /// assert!(text.contains("\nFix: "));
            /// ```
            pub fn explanation(self) -> &'static str {
                match self { $( Code::$code => $text, )* }
            }
        }
    };
}

impl Code {
    /// Looks a code up by name, ignoring case (`e0201` finds `E0201`).
    ///
    /// ```
    /// use haalbaar::Code;
    ///
    /// assert_eq!(Code::parse("e0201"), Some(Code::E0201));
    /// assert_eq!(Code::parse(" W0503 "), Some(Code::W0503));
    /// assert_eq!(Code::parse("E9999"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Code> {
        ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(name.trim()))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

codes! {
E0101, Error, "unknown statement",
"What: a line inside a block is not a statement of the plan language.
Why: a misspelt keyword would otherwise be silently ignored, and the plan would mean less
than you wrote.
Example:
    team toegang {
      peple 12
    }
Fix: use one of the statements the block holds (the help lists them):
    team toegang {
      people 12
    }";

E0102, Error, "malformed statement",
"What: the statement is known but written in a form the language does not have.
Why: guessing what was meant could change the plan; the engine reads only what is exact.
Example:
    hire 2 2024-04-01
Fix: write it as the help shows:
    hire 2 on 2024-04-01 ramp 8 weeks";

E0103, Error, "statement in the wrong kind of block",
"What: a statement that belongs in one kind of block stands in another, such as `effort`
in a team block.
Why: effort belongs to work, people to teams; mixing them has no meaning.
Example:
    team toegang {
      effort 40
    }
Fix: move the line into the block it is about:
    item digid-api {
      team toegang
      effort 40
    }";

E0104, Error, "not a block",
"What: at the top level of a file there are only blocks: `plan`, `team`, `epic` and `item`.
A line there that opens no block, or a block with a misspelt keyword, cannot be read.
Why: every statement must belong to something.
Example:
    effort 40
    tem toegang {
Fix: put statements inside a block and spell the block keyword right:
    team toegang {
    }";

E0105, Error, "block not closed",
"What: a block's closing `}` is missing before the next block or the end of the file.
Why: without it, it is unclear where the block ends.
Example:
    team toegang {
      people 12
    team berichten {
Fix: close every block on a line of its own:
    team toegang {
      people 12
    }";

E0106, Error, "text after a closing brace",
"What: something follows `}` on the same line.
Why: statements end at the end of their line; text after `}` belongs to nothing.
Example:
    } people 3
Fix: put `}` on its own line and the statement inside the block.";

E0107, Error, "invalid id",
"What: an id holds a capital or a character ids cannot hold.
Why: ids are written in one way so that references are easy to type and never ambiguous.
Ids start with a lower-case letter and hold lower-case letters, digits, `-` and `_`.
Example:
    team Toegang {
Fix: keep the display name in the title:
    team toegang \"Domein Toegang\" {";

E0108, Error, "file too large",
"What: the file is larger than the engine reads in one go.
Why: to keep a check fast and bounded, even on a shared CI runner or in a browser.
Example: a generated plan of hundreds of megabytes.
Fix: split the portfolio into several plan files, for instance one per release train.";

E0109, Error, "statement given twice",
"What: a statement that may appear once in its block appears more than once.
Why: with two values it is unclear which one holds.
Example:
    team toegang {
      people 12
      people 14
    }
Fix: keep one of them.";

E0110, Error, "no plan block",
"What: the file has no `plan { ... }` block, or more than one.
Why: the plan block sets the calendar (start, horizon, PIs) that everything else is read against.
Example: a file with only teams and items.
Fix: add exactly one plan block:
    plan \"Portfolio 2025\" {
      start 2025-01-06
      horizon 18 months
    }";

E0111, Error, "missing start or horizon",
"What: the plan block lacks `start`, or lacks both `horizon` and `end`, or gives both.
Why: without a first day and a last day there is no calendar to plan on.
Example:
    plan \"Portfolio 2025\" {
      start 2025-01-06
    }
Fix: give `start` and one of `horizon` or `end`:
      horizon 18 months";

E0112, Error, "number cannot be used",
"What: a number has more than three decimals, or is larger than 1,000,000,000 (the largest
figure a plan may hold, also in a plan built in code).
Why: effort and capacity are computed exactly in thousandths; a number that cannot be held
exactly would make the verdict depend on rounding, and the limit keeps every sum exact.
Example:
    effort 12.3456
Fix: round it to at most three decimals:
    effort 12.346";

E0201, Error, "unknown team",
"What: a reference names a team that the plan does not define.
Why: work assigned to a team that does not exist can never be planned.
Example:
    item digid-api {
      team toegng
    }
Fix: use the id of a team block (the help suggests the closest), or add the team.";

E0202, Error, "unknown item",
"What: an `after` names an item that the plan does not define.
Why: a dependency on nothing cannot be checked; it is usually a typo or a removed item.
Example:
    after digid-ap
Fix: use the id of an item block, or remove the line.";

E0203, Error, "unknown epic",
"What: an item's `epic` names an epic that the plan does not define.
Why: the epic's commitment would silently not apply to the item.
Example:
    epic stelse
Fix: use the id of an epic block, or add the epic.";

E0204, Error, "duplicate id",
"What: two blocks have the same id. Teams, items and epics share one namespace.
Why: a reference to that id would be ambiguous.
Example:
    team toegang {
      people 5
    }
    item toegang {
      team toegang
      effort 10
    }
Fix: rename one of them.";

E0205, Error, "dependency cycle",
"What: items depend on each other in a circle through `after`.
Why: each must finish before the next starts, so none can ever start.
Example:
    item a {
      after b
    }
    item b {
      after a
    }
Fix: remove one `after` of the cycle; the diagnostic shows every edge of it.";

E0206, Error, "item without team",
"What: an item has no `team`.
Why: work is done by a team; without one it cannot be placed in anybody's capacity.
Example:
    item digid-api {
      effort 60
    }
Fix: add the team that does the work:
      team toegang";

E0207, Error, "item without effort",
"What: an item has no `effort`.
Why: the check weighs effort against capacity; without it the item cannot be planned.
Example:
    item digid-api {
      team toegang
    }
Fix: add an estimate, a single figure or a range:
      effort 60..90";

E0301, Error, "iteration does not divide the increment",
"What: the PI length is not a whole number of iterations.
Why: a PI is a whole number of iterations; otherwise PI boundaries fall mid-iteration.
Example:
    increment 10 weeks
    iteration 3 weeks
Fix: choose lengths that divide:
    increment 12 weeks
    iteration 3 weeks";

E0302, Error, "date does not exist",
"What: a date is not on the calendar, such as 2024-02-30 or 2024-13-01.
Why: the engine cannot guess which day was meant.
Example:
    start 2024-02-30
Fix: write a real date:
    start 2024-02-26";

E0303, Error, "outside the horizon",
"What: a date, quarter or PI lies outside the plan's horizon (before `start` or after its
last day), or a PI or iteration number does not exist.
Why: nothing can be planned, committed or changed where the plan has no iterations.
Example:
    horizon 18 months   # PI1..PI7 with 10-week PIs
    commit PI9
Fix: use a period within the horizon, or lengthen the horizon.";

I0301, Note, "deadline in a PI the horizon cuts",
"What: a deadline names a whole PI (`commit PI8`, `target PI8`) whose last iterations fall
after the horizon. It binds to the PI's last iteration inside the horizon.
Why: a PI deadline means the end of that PI; where the horizon ends first, the last iteration
the plan has is the nearest it can say, and it says so rather than refuse the PI.
Example:
    horizon 18 months   # the horizon ends after PI8.4
    commit PI8          # means: by PI8.4
Fix: nothing is wrong. Write the iteration (`commit PI8.4`) to make it explicit, or lengthen
the horizon to hold the whole PI.";

E0304, Error, "deadline before the first iteration ends",
"What: a deadline falls before the end of the first iteration.
Why: deadlines bind to the last iteration that ends on or before them; there is none.
Example:
    start 2024-01-08
    commit 2024-01-12
Fix: commit to the end of an iteration or later:
    commit PI1";

E0305, Error, "not before is later than the deadline",
"What: an item may not start before a period that is later than its own deadline.
Why: it could never be done in time; this is a contradiction in the plan, not a capacity problem.
Example:
    not before PI4
    commit PI3
Fix: move the start earlier or the deadline later.";

E0306, Error, "placement contradicts commitment or start",
"What: an `in PIx` placement lies outside what the item's `commit`/`not before` allow.
Why: the board says one thing and the commitment another.
Example:
    in PI4
    commit PI3
Fix: make the placement and the commitment agree.";

E0307, Error, "placed before a prerequisite",
"What: an item is placed `in PIx`, but an item it depends on can only finish later.
Why: work starts only after its prerequisites are done, so the placement cannot hold.
Example:
    item b {
      in PI2
      after a
    }
    item a {
      in PI3
    }
Fix: place the item later, or its prerequisite earlier.";

E0308, Error, "invalid duration",
"What: a duration is zero, negative, fractional where whole iterations are needed, or in a
unit that does not fit (months for an iteration).
Why: the calendar is cut in whole iterations and whole days.
Example:
    iteration 0 weeks
Fix:
    iteration 2 weeks";

E0309, Error, "no planned iteration in a PI",
"What: `innovation` takes every iteration of the PI, the horizon holds no whole iteration, or
it holds more than 1,000 iterations (the most a plan may have).
Why: then no work can be planned at all, or the plan is larger than a check can handle.
Example:
    increment 4 weeks
    iteration 2 weeks
    innovation 2 iterations
Fix: leave at least one planned iteration per PI, make the horizon at least one iteration long,
and at most 1,000 iterations long (a longer horizon: use longer iterations).";

E0310, Error, "invalid calendar setting",
"What: a calendar setting is out of range: a `workweek` outside 1 to 7 days, or a holiday
that ends before it starts.
Why: working days are counted from these settings.
Example:
    workweek 8 days
Fix:
    workweek 5 days";

E0401, Error, "effort must be more than zero",
"What: an effort, or the low end of a range, is zero or negative.
Why: an item without work is not an item; negative work has no meaning.
Example:
    effort 0
Fix: give the estimate, or remove the item.";

E0402, Error, "range out of order",
"What: a range is not in rising order: an effort range that is not low..high or
low..likely..high, or a span of periods (`in PI3..PI1`, `lend 2 to b PI5..PI4`) that ends
before it starts.
Why: the likely value is read from an effort range, and a span of periods that ends before it
starts holds no iteration; reversed ends are usually a typo.
Example:
    effort 90..60
    in PI3..PI1
Fix:
    effort 60..90
    in PI1..PI3";

E0403, Error, "percentage outside 0-100",
"What: a percentage (focus, reserve, load, chance) is below 0% or above 100%.
Why: a share of a working day cannot be more than the whole day.
Example:
    focus 120%
Fix:
    focus 80%";

E0404, Error, "lending more people than the team has",
"What: a team lends out more people than it has in the lending period (after leavers and
other loans).
Why: capacity would become negative: the hole is bigger than the team.
Example:
    people 3
    lend 4 to berichten PI2
Fix: lend fewer people, or check the headcount.";

E0405, Error, "lending to itself",
"What: a team lends people to itself.
Why: it changes nothing and is almost always the wrong id.
Example:
    team toegang {
      lend 2 to toegang PI3
    }
Fix: name the team that receives the people.";

E0406, Error, "`max N people` has no meaning here",
"What: an item caps its work in people, but its team's capacity is not counted in people
(a fixed capacity in points, or no headcount to scale a velocity by).
Why: a cap in people must be turned into the plan's unit, and there is no figure per person.
Example:
    unit points
    team berichten {
      capacity 40 per iteration
    }
    item x {
      team berichten
      max 2 people
    }
Fix: cap in the plan's unit:
      max 16 per iteration";

E0407, Error, "negative or zero amount",
"What: a headcount, capacity, cap, hire, leaver, loan or count is negative, or zero where
it must be positive.
Why: capacity counts people and days; negative amounts have no meaning.
Example:
    people -2
Fix: give a positive figure.";

E0408, Error, "conflicting capacity sources",
"What: a team gives both a fixed `capacity N per iteration` and `people` or `velocity`.
Why: a fixed capacity replaces what people would give, so one of the two is ignored.
Example:
    people 6
    capacity 40 per iteration
Fix: keep one. Use `capacity PIx N` to override a single PI.";

E0409, Error, "velocity without points",
"What: a team gives a `velocity` while the plan counts effort in days.
Why: velocity is a figure in story points per iteration; it has no meaning in days.
Example:
    unit days
    velocity 30 per iteration
Fix: use `unit points` in the plan block, or remove the velocity.";

E0410, Error, "more people leave than the team has",
"What: leavers and loans take the team's headcount below zero.
Why: a team cannot have negative people.
Example:
    people 2
    leave 3 on 2024-06-01
Fix: check the headcount and the leavers.";

E0411, Error, "plan too large",
"What: the plan has more teams times iterations than the engine plans in one go (200,000:
say 200 teams over 1,000 weekly iterations, or 5,000 teams over an 18-month horizon).
Why: every report holds a figure per team per iteration; past this a check would take minutes
and write hundreds of megabytes, in CI and in the browser alike.
Example: 1,000 teams over a 20-year horizon of one-week iterations.
Fix: split the portfolio into several plans (one per release train), shorten the horizon, or use
longer iterations.";

E0412, Error, "capacity below zero",
"What: a `capacity PIx.y -N` (or `capacity PIx -N`) takes more than the iteration has, so its
capacity would be below zero.
Why: a team cannot do less than nothing; the figure is almost certainly a typo or an adjustment
applied twice.
Example:
    team berichten {
      capacity 40 per iteration
      capacity PI2.1 -50
    }
Fix: take at most what the iteration has (the message says how much), or set the iteration's
figure with an override: `capacity PI2.1 0`.";

E0413, Error, "absence without people",
"What: a team with a fixed capacity (`capacity N per iteration`) has an `absent N people` line.
Why: a fixed capacity counts no people, so there is nobody to take away; the line would change nothing.
Example: `absent 2 people 2026-07-13 .. 2026-08-21` in a team with `capacity 40 per iteration`.
Fix: give the days off as the team's `holiday` (its capacity shrinks with its working days), or lower the capacity of those iterations with `capacity PIx.y -N`.";
W0501, Warning, "team without capacity",
"What: a team has no capacity in any iteration of the horizon.
Why: any work given to it can never be done; usually `people` or `capacity` is missing.
Example:
    team berichten {
    }
Fix: add `people`, or `capacity N per iteration`.";

W0502, Warning, "feature larger than a PI",
"What: an item's likely effort exceeds what its team can do in any single PI.
Why: in SAFe a feature must fit in one PI. A larger one is an epic or needs splitting, and
its estimate is less reliable.
Example:
    effort 400    # the team does 150 per PI
Fix: split the item into smaller items linked with `after`, grouped in an epic.";

W0503, Warning, "epic without items",
"What: no item names this epic.
Why: an empty epic's commitment promises nothing that the check can test.
Example:
    epic stelsel {
      commit 2025-Q2
    }
Fix: add `epic stelsel` to the items that make up the epic, or remove it.";

W0504, Warning, "date has no effect within the horizon",
"What: a hire, leaver, vacancy or holiday falls after the horizon's last day.
Why: it changes no capacity in the plan; it may be a typo in the year.
Example:
    hire 2 on 2027-04-01
Fix: check the date, or remove the line.";

W0505, Warning, "lag rounded up to whole iterations",
"What: a lag in days or weeks is not a whole number of iterations.
Why: work is planned per iteration, so the lag is rounded up.
Example:
    after fbs-core + 1 week   # with 2-week iterations
Fix: write the lag in iterations to say exactly what is meant:
    after fbs-core + 1 iteration";

E0601, Error, "commitment cannot be met",
"What: a commitment cannot be met even if it were the only one: its dependency chain is too
long for its window, or its team lacks the capacity in the window.
Why: no amount of re-prioritising other work makes it fit; the commitment itself must change.
Its work still has to be done, so it is kept late: the message says the earliest iteration it
can be done by, given the commitments ranked above it, and the commitments below it must fit
around it there. One that cannot be done inside the horizon at all is dropped (it says so).
Example:
    item eherkenning {
      effort 120          # the team does 50 per iteration
      commit PI1.2
    }
Fix: follow a repair: commit later (the earliest date that fits is given), add capacity in
the window named (in one iteration, or spread over a PI), cut effort, drop a dependency, or
split the work.";

E0602, Error, "commitment in conflict",
"What: a commitment can be met on its own, but not together with the higher-ranked ones
kept above it: those met by their deadlines, and those kept late by their late finish. The
diagnostic names a small set it competes with (late ones among them, possibly).
Why: capacity or a shared chain is taken by commitments ranked above it (hard ones first, then
priority, WSJF and file order). Like an infeasible one it is kept late, at the earliest
iteration the message gives, or dropped when it cannot be done inside the horizon.
Example: two items of one team, each fitting alone, both committed to PI2.
Fix: follow a repair: commit later, add capacity, or defer one of the competing (non-hard)
commitments; or change the ranking with `priority`.";

W0601, Warning, "commitment undecided",
"What: the engine could neither find a schedule that meets the commitment nor prove that none
exists within its step budget.
Why: it says so rather than guess. `haalbaar check --deny unknown` makes this an error. The
commitments below it are decided with its work where the engine could place it (as early as
it goes on top of the commitments above), and those sharing a team with it say so: assuming
`x` is done by PI4.1.
Example: a large, tightly coupled plan near the limit of its capacity.
Fix: simplify the dependencies around it, or give it slack; the verdict then becomes decidable.";

I0601, Note, "item left out of the check",
"What: the plan has errors, but all of them sit inside item blocks. Those items, the items
that wait for them (through any chain of `after`) and the other items of an epic whose
commitment needs one are left out, one note each; every other commitment is checked and gets
its status. The plan's verdict stays `invalid`.
Why: one broken item in a plan of thousands should not hide every other answer. What does not
need the broken items is decided exactly as if they were not in the file.
Example:
    item a {   # E0401: left out
      team api
      effort 0
      commit PI2
    }
    item b {   # waits for a: left out
      team api
      effort 10
      after a
    }
    item c {   # checked
      team api
      effort 20
      commit PI3
    }
Fix: fix the errors; the next check includes the items again.";

W0507, Warning, "target missed",
"What: an uncommitted item with a `target` finishes after it in the schedule, or not at all.
Why: a target is an objective, not a commitment: missing it is worth knowing but does not make
the plan infeasible.
Example:
    item overheid-nl {
      effort 50
      target PI2
    }
Fix: give it a higher `priority`, commit to it, or move the target.";

W0508, Warning, "lending digs a hole",
"What: a team lends people, and without that loan it would meet a commitment that it now
misses.
Why: lending fills one hole by digging another; the planner should choose knowingly.
Example:
    team toegang {
      people 6
      lend 3 to berichten PI2
    }
    item eherkenning {
      team toegang
      effort 120
      commit PI2
    }
Fix: lend fewer people or in other PIs, or accept the miss and move the commitment.";

W0509, Warning, "placement overloads its PI",
"What: an item placed `in PIx` on the program board does not fit there: keeping it there
would load its team above its plannable capacity in that PI (capacity times `load`).
Why: the board promises the work in that PI; the team cannot deliver it without overtime or
dropping other work. The commitment's own diagnostic says what would fix it.
Example:
    item fbs-core {   # berichten plans 136 per PI
      team berichten
      effort 300
      in PI2
    }
Fix: split the item over PIs, place it later, or move other work out of that PI.";

W0510, Warning, "beyond the firm horizon",
"What: commitments are due further ahead than the plan holds firm (by default the first 2 PIs
from `start`; `firm N PIs` in the plan block changes it). `haalbaar forecast` gives one
warning listing them all with their probabilities, and one for the hard ones.
Why: a quarter ahead is hard enough to plan; a date 18 months out rests on estimates, vacancies
and people who may leave. Calling it a commitment promises more than anyone knows. A hard
commitment (a law, a contract) is different: it stays a commitment however far ahead, and its
probability is what to watch.
Example:
    plan {
      start 2025-01-06
      horizon 18 months
    }
    team toegang {
      people 4
    }
    item x {
      team toegang
      effort 80
      commit PI6
    }
Fix: present a soft one as a forecast with its probability, make it a `target`, or raise
`firm` if the organisation really commits that far ahead. Keep a hard one hard; review its
probability every PI and act (capacity, scope) while it is low.";

E0801, Error, "status date outside the plan",
"What: the plan's `as of` date lies before `start` or after the end of the last iteration.
Why: the status date splits the plan into history and what is still to plan; outside the iterations there is nothing to split.
Example: `as of 2023-12-01` in a plan with `start 2024-01-08`.
Fix: give the day the progress was recorded, a day inside the plan's iterations.";
E0802, Error, "progress without a status date",
"What: an item records progress (`done`, `remaining` or `finished`) but the plan block has no `as of`.
Why: progress is true on a day; without that day the engine cannot tell which iterations are history.
Example: `done 40` in an item of a plan whose plan block has no `as of` line.
Fix: add `as of DATE` to the plan block, the day the progress was recorded.";
E0803, Error, "remaining above the estimate",
"What: an item's `remaining` is more than the high figure of its `effort`.
Why: what is left cannot be more than the whole item is estimated at; one of the two figures is out of date.
Example: `effort 60..90` and `remaining 120` in one item.
Fix: raise the estimate to what the item now takes in all, or lower `remaining`.";
E0804, Error, "progress on a finished item",
"What: an item has `finished` and also `done` or `remaining`.
Why: a finished item needs nothing more; a figure of work done or left contradicts that.
Example: `finished 2024-04-26` and `remaining 10` in one item.
Fix: remove the figure, or remove `finished` when work is left.";
E0805, Error, "progress dated after the status date",
"What: an item's `finished` or `started` day lies after the plan's `as of`.
Why: progress is recorded as of the status date; what happens after it is still plan.
Example: `finished 2024-06-01` in a plan with `as of 2024-05-13`.
Fix: correct the day, or move the status date.";
E0806, Error, "finished before a prerequisite",
"What: an item is `finished`, but an item it waits for (`after`) is not finished, or was finished later.
Why: an item starts after the items it waits for are done; it cannot be done before them.
Example: `finished 2024-03-01` in item `b`, which has `after a`, while `a` has no `finished` line.
Fix: record when the prerequisite was finished, remove `finished` if work is left, or remove the `after` if the item did not wait.";
E0807, Error, "started after finished",
"What: an item's `started` day lies after its `finished` day.
Why: work is finished after it is started; one of the days is wrong.
Example: `started 2024-04-01` and `finished 2024-03-15` in one item.
Fix: correct one of the two days.";
E0808, Error, "done goes down",
"What: an item's `done` figures get smaller from one day to a later one (`done N by DATE`, and the undated `done`, which counts by the status date).
Why: each figure counts all effort spent on the item by its day, so a later one cannot be smaller; one of them is wrong.
Example: `done 25 by 2025-02-21` and `done 20 by 2025-03-07` in one item.
Fix: correct the figure that is off.";
W0511, Warning, "more done than estimated",
"What: an item's `done` is more than the high figure of its `effort`.
Why: by the estimate nothing is left, so the item is taken as finished; when work is left, the plan is too optimistic.
Example: `effort 60..90` and `done 120` in one item.
Fix: say what is left with `remaining N`, or record `finished DATE`; and update the estimate.";
W0512, Warning, "nothing left but not finished",
"What: an item has nothing left for the check (`done` reaches its likely effort, or `remaining 0`) but no `finished` day.
Why: it is then taken as finished on the day before the status date, which may not be true; its successors start from there.
Example: `effort 40` and `done 40` in an item without `finished`.
Fix: add `finished DATE` with the day it was finished (or `remaining N` if work is left).";
W0513, Warning, "placement in the past",
"What: an item with work left is placed (`in PI`) in iterations that all lie before the plan's status date.
Why: the placement can no longer be kept, so its commitment fails; its item runs past its PI only at its own turn in the rank order, and what ranks above it and waits for it cannot be planned until then.
Example: `in PI2` on an unfinished item of a plan with `as of` in PI3.
Fix: place the item anew (the PI it was moved to at the PI planning), or take the placement out.";
E0701, Error, "scenario names something unknown",
"What: a line of a scenario changes a team, epic or item that the plan does not have.
Why: a scenario changes the plan above it; a change to nothing is almost always a typo, and
checking the scenario without it would answer another question than the one asked.
Example:
    scenario krap {
      team toegng people 10
    }
Fix: use the id of a block of the plan (the help suggests the closest), or add the block in
the scenario first:
    scenario groei {
      add item sso-v2 \"SSO v2\"
      item sso-v2 team toegang
    }";

E0702, Error, "scenario takes out nothing",
"What: a `without` line (or `vacancies filled`) of a scenario matches no statement of the block
it names: the team has no loan to that team, no hire on that date, the item no such `after`.
Why: the scenario would be checked as if the line did something; most often the date, team or
item in the line is not the one the block says.
Example:
    team toegang {
      people 10
      lend 2 to berichten PI3
    }
    scenario zonder-lening {
      team toegang without lend to eherkenning
    }
Fix: name what the block says (`without lend to berichten`), or remove the line.";

E0703, Error, "scenario given twice",
"What: two scenarios have the same id.
Why: `haalbaar check --scenario ID` and the comparison name a scenario by its id; two with one
id cannot be told apart.
Example:
    scenario krap {
      team toegang people 8
    }
    scenario krap {
      team berichten people 4
    }
Fix: give each scenario its own id, or merge the two into one.";

E0704, Error, "unknown scenario",
"What: a check was asked for a scenario (`--scenario ID`) that the file does not have.
Why: checking the plan without the scenario would answer another question than the one asked.
Example: `haalbaar check plan.plan --scenario krapp` on a file with `scenario krap { ... }`.
Fix: use the id of one of the file's scenarios (the message lists them).";
}

#[cfg(test)]
mod tests;
