//! A hand-written reader for well-formed plan files, the common case, several times faster
//! than the pest grammar. It follows the grammar in `plan.pest` rule by rule and gives up
//! (`None`) at the first thing a well-formed file does not have: a broken line, an unclosed
//! block, text after `}`, a carriage return. The grammar then reads the whole file and says
//! what is wrong. On every file it reads, it gives exactly the grammar's tree, spans
//! included (tested against it on the examples, generated plans and mutated files).

use crate::tree::*;

/// Reads `source` if it is well formed; `None` sends it to the grammar.
pub fn parse(source: &str) -> Option<SourceFile> {
    if source.contains('\r') {
        return None;
    }
    // A byte-order mark is skipped, as the grammar's `file` rule does.
    let bom = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut c = Cur { s: source, b: source.as_bytes(), pos: bom };
    let mut out = SourceFile::default();
    loop {
        // `blank` lines, then `at_end` or a block.
        let line = c.pos;
        c.ows();
        c.comment();
        if c.at_end() {
            return Some(out);
        }
        if c.peek() == Some(b'\n') {
            c.pos += 1;
            continue;
        }
        c.pos = line;
        out.blocks.push(c.block()?);
    }
}

struct Cur<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
}

fn is_id_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }
    fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }
    fn eat(&mut self, lit: &str) -> bool {
        if self.b[self.pos..].starts_with(lit.as_bytes()) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }
    /// `ws`: one or more spaces or tabs.
    fn ws(&mut self) -> bool {
        let from = self.pos;
        self.ows();
        self.pos > from
    }
    fn ows(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }
    /// `!id_char`.
    fn no_id_char(&self) -> bool {
        !self.peek().is_some_and(is_id_char)
    }
    /// `comment?`: `#` to the end of the line.
    fn comment(&mut self) {
        if self.peek() == Some(b'#') {
            while self.peek().is_some_and(|b| b != b'\n') {
                self.pos += 1;
            }
        }
    }
    /// `eol`: spaces, a comment, then a line break or the end.
    fn eol(&mut self) -> bool {
        self.ows();
        self.comment();
        if self.at_end() {
            return true;
        }
        if self.peek() == Some(b'\n') {
            self.pos += 1;
            return true;
        }
        false
    }
    fn span(&self, from: usize) -> Span {
        Span::new(from, self.pos)
    }
    fn digits(&mut self) -> usize {
        let from = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - from
    }
    /// Exactly `n` digits, as a number.
    fn fixed_digits(&mut self, n: usize) -> Option<u32> {
        let text = self.b.get(self.pos..self.pos + n)?;
        if !text.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos += n;
        Some(int(&self.s[self.pos - n..self.pos]))
    }
    /// `int`.
    fn int(&mut self) -> Option<u32> {
        let from = self.pos;
        (self.digits() > 0).then(|| int(&self.s[from..self.pos]))
    }
    /// The longest run of lower-case letters (a keyword).
    fn word(&mut self) -> &'a str {
        let from = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_lowercase()) {
            self.pos += 1;
        }
        &self.s[from..self.pos]
    }
    /// `ident`.
    fn ident(&mut self) -> Option<Spanned<String>> {
        let from = self.pos;
        if !self.peek().is_some_and(|b| b.is_ascii_lowercase()) {
            return None;
        }
        while self.peek().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') {
            self.pos += 1;
        }
        Some(Spanned::new(self.s[from..self.pos].to_string(), self.span(from)))
    }
    /// `string`, unescaped.
    fn string(&mut self) -> Option<Spanned<String>> {
        let from = self.pos;
        if !self.eat("\"") {
            return None;
        }
        let mut value = String::new();
        let mut run = self.pos;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => match self.b.get(self.pos + 1) {
                    Some(&e @ (b'"' | b'\\')) => {
                        value.push_str(&self.s[run..self.pos]);
                        value.push(e as char);
                        self.pos += 2;
                        run = self.pos;
                    }
                    _ => return None,
                },
                b'\n' => return None,
                _ => self.pos += 1,
            }
        }
        value.push_str(&self.s[run..self.pos]);
        self.pos += 1;
        Some(Spanned::new(value, self.span(from)))
    }
    /// `number`.
    fn number(&mut self) -> Option<Spanned<Number>> {
        let from = self.pos;
        self.eat("-");
        self.digits_from(from)
    }
    /// Digits with an optional fraction, then the number from `from` (its sign included);
    /// `None` (and back at `from`) without digits.
    fn digits_from(&mut self, from: usize) -> Option<Spanned<Number>> {
        if self.digits() == 0 {
            self.pos = from;
            return None;
        }
        if self.peek() == Some(b'.') && self.b.get(self.pos + 1).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
            self.digits();
        }
        Some(Spanned::new(Number(self.s[from..self.pos].to_string()), self.span(from)))
    }
    /// `adjustment`: a sign, then digits with an optional fraction.
    fn adjustment(&mut self) -> Option<Spanned<Number>> {
        let from = self.pos;
        if !(self.eat("+") || self.eat("-")) {
            return None;
        }
        self.digits_from(from)
    }
    /// `percent`: the number, spanned with its `%`.
    fn percent(&mut self) -> Option<Spanned<Number>> {
        let from = self.pos;
        let n = self.number()?;
        if !self.eat("%") {
            return None;
        }
        Some(Spanned::new(n.value, self.span(from)))
    }
    /// `date`.
    fn date(&mut self) -> Option<Spanned<Date>> {
        let from = self.pos;
        let year = self.fixed_digits(4)?;
        if !self.eat("-") {
            return None;
        }
        let month = self.fixed_digits(2)?;
        if !self.eat("-") {
            return None;
        }
        let day = self.fixed_digits(2)?;
        Some(Spanned::new(Date { year, month, day }, self.span(from)))
    }
    /// `pi_ref`.
    fn pi_ref(&mut self) -> Option<Spanned<Period>> {
        let from = self.pos;
        if !self.eat("PI") {
            return None;
        }
        let pi = self.int()?;
        let mut iteration = None;
        let back = self.pos;
        if self.eat(".") {
            match self.int() {
                Some(i) => iteration = Some(i),
                None => self.pos = back,
            }
        }
        Some(Spanned::new(Period::Pi { pi, iteration }, self.span(from)))
    }
    /// `period`: a quarter, a date or a PI, not followed by an id character.
    fn period(&mut self) -> Option<Spanned<Period>> {
        let from = self.pos;
        let quarter = (|| {
            let year = self.fixed_digits(4)?;
            (self.eat("-") && self.eat("Q")).then_some(())?;
            Some(Period::Quarter { year, quarter: self.int()? })
        })();
        let value = match quarter {
            Some(q) => q,
            None => {
                self.pos = from;
                match self.date() {
                    Some(d) => Period::Date { date: d.value },
                    None => {
                        self.pos = from;
                        self.pi_ref()?.value
                    }
                }
            }
        };
        self.no_id_char().then(|| Spanned::new(value, self.span(from)))
    }
    /// `period_range`.
    fn period_range(&mut self) -> Option<Spanned<PeriodRange>> {
        let from_pos = self.pos;
        let from = self.period()?;
        let to = self.opt_joined("..", Self::period);
        Some(Spanned::new(PeriodRange { from, to }, self.span(from_pos)))
    }
    /// One of `words` (tried in order), not followed by an id character.
    fn unit_word(&mut self, words: &[&str]) -> bool {
        let from = self.pos;
        for w in words {
            if self.eat(w) {
                if self.no_id_char() {
                    return true;
                }
                self.pos = from;
                return false;
            }
        }
        false
    }
    /// `duration`.
    fn duration(&mut self) -> Option<Spanned<Duration>> {
        let from = self.pos;
        let amount = self.number()?;
        if !self.ws() {
            return None;
        }
        let unit = if self.unit_word(&["days", "day"]) {
            DurationUnit::Days
        } else if self.unit_word(&["weeks", "week"]) {
            DurationUnit::Weeks
        } else if self.unit_word(&["months", "month"]) {
            DurationUnit::Months
        } else if self.unit_word(&["iterations", "iteration"]) {
            DurationUnit::Iterations
        } else {
            return None;
        };
        Some(Spanned::new(Duration { amount, unit }, self.span(from)))
    }
    /// `(ws ~ rest)?`: runs `rest` after spaces; on failure nothing is consumed.
    fn opt<T>(&mut self, rest: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let back = self.pos;
        let got = if self.ws() { rest(self) } else { None };
        if got.is_none() {
            self.pos = back;
        }
        got
    }
    /// `(ows ~ sep ~ ows ~ rule)?`: on failure nothing is consumed.
    fn opt_joined<T>(&mut self, sep: &str, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let back = self.pos;
        self.ows();
        let got = if self.eat(sep) {
            self.ows();
            rule(self)
        } else {
            None
        };
        if got.is_none() {
            self.pos = back;
        }
        got
    }
    /// `(ws ~ "word" ~ ws ~ rule)?`.
    fn opt_word<T>(&mut self, word: &str, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.opt(|c| {
            c.eat(word).then_some(())?;
            c.after_ws(rule)
        })
    }
    /// `ws ~ number ~ ws ~ "on" ~ ws ~ date` (hire, leave, vacancy).
    fn count_on(&mut self) -> Option<(Spanned<Number>, Spanned<Date>)> {
        let count = self.after_ws(Self::number)?;
        self.then_word("on")?;
        Some((count, self.after_ws(Self::date)?))
    }
    /// `ws ~ "word"`.
    fn then_word(&mut self, word: &str) -> Option<()> {
        (self.ws() && self.eat(word)).then_some(())
    }

    fn block(&mut self) -> Option<Block> {
        let line = self.pos;
        self.ows();
        let start = self.pos;
        let kind = match self.word() {
            "plan" => BlockKind::Plan,
            "team" => BlockKind::Team,
            "epic" => BlockKind::Epic,
            "item" => BlockKind::Item,
            "scenario" => BlockKind::Scenario,
            "milestone" => BlockKind::Milestone,
            _ => return None,
        };
        let id = if kind == BlockKind::Plan {
            None
        } else {
            if !self.ws() {
                return None;
            }
            Some(self.ident()?)
        };
        let title = self.opt(Self::string);
        if kind == BlockKind::Milestone {
            // One line: its date (and chance) is its one statement.
            if !self.ws() {
                return None;
            }
            let from = self.pos;
            let date = self.date()?;
            let chance = self.opt_word("chance", Self::percent);
            let span = self.span(from);
            if !self.eol() {
                return None;
            }
            let end = trim_end(self.s, Span::new(start, self.pos));
            let header = Span::new(start, trim_end(self.s, Span::new(start, from)));
            let statements = vec![Spanned::new(Statement::Milestone { date, chance }, span)];
            return Some(Block { kind, id, title, statements, span: Span::new(start, end), header });
        }
        self.ows();
        if !self.eat("{") || !self.eol() {
            return None;
        }
        let first_line_end = self.s[line..].find('\n').map_or(self.b.len(), |i| line + i);
        let header = Span::new(start, trim_end(self.s, Span::new(start, first_line_end)));
        let mut statements = Vec::new();
        loop {
            self.ows();
            if self.eat("}") {
                if !self.eol() {
                    return None;
                }
                let end = trim_end(self.s, Span::new(line, self.pos));
                return Some(Block { kind, id, title, statements, span: Span::new(start, end), header });
            }
            self.comment();
            if self.peek() == Some(b'\n') {
                self.pos += 1;
                continue;
            }
            if self.at_end() {
                // An unclosed block: the grammar says so.
                return None;
            }
            let from = self.pos;
            let stmt = self.statement(kind)?;
            let span = self.span(from);
            if !self.eol() {
                return None;
            }
            statements.push(Spanned::new(stmt, span));
        }
    }

    /// A scenario line (`change`): `add KIND ID "title"`, `plan STATEMENT`, or `KIND ID` and
    /// then a statement of that block, `without ...` or (a team) `vacancies filled`.
    fn change(&mut self) -> Option<Change> {
        let target = match self.word() {
            "add" => {
                self.ws().then_some(())?;
                let target = match self.word() {
                    "team" => BlockKind::Team,
                    "epic" => BlockKind::Epic,
                    "item" => BlockKind::Item,
                    _ => return None,
                };
                self.no_id_char().then_some(())?;
                let id = Some(self.after_ws(Self::ident)?);
                return Some(Change { target, id, kind: ChangeKind::Add { title: self.opt(Self::string) } });
            }
            "plan" => {
                let statement = self.after_ws(|c| {
                    let from = c.pos;
                    let st = c.statement(BlockKind::Plan)?;
                    Some(Spanned::new(st, c.span(from)))
                })?;
                return Some(Change { target: BlockKind::Plan, id: None, kind: ChangeKind::Set { statement } });
            }
            "team" => BlockKind::Team,
            "epic" => BlockKind::Epic,
            "item" => BlockKind::Item,
            _ => return None,
        };
        let id = Some(self.after_ws(Self::ident)?);
        self.ws().then_some(())?;
        let from = self.pos;
        let word = self.word();
        let kind = if word == "without" {
            let without = self.without(target)?;
            ChangeKind::Without(Spanned::new(without, self.span(from)))
        } else if word == "vacancies" && target == BlockKind::Team {
            self.then_word("filled")?;
            self.no_id_char().then_some(())?;
            ChangeKind::VacanciesFilled
        } else {
            self.pos = from;
            let st = self.statement(target)?;
            ChangeKind::Set { statement: Spanned::new(st, self.span(from)) }
        };
        Some(Change { target, id, kind })
    }

    /// What follows `without` in a scenario line about a block of `target`.
    fn without(&mut self, target: BlockKind) -> Option<Without> {
        self.ws().then_some(())?;
        let word = self.word();
        let dated = |c: &mut Self| c.opt(|c| c.eat("on").then(|| c.after_ws(Self::date)).flatten());
        use BlockKind::*;
        let w = match (target, word) {
            (Team, "hire") => Without::Hire(dated(self)),
            (Team, "leave") => Without::Leave(dated(self)),
            (Team, "vacancy") => Without::Vacancy(dated(self)),
            (Team, "lend") => Without::Lend(self.opt(|c| c.eat("to").then(|| c.after_ws(Self::ident)).flatten())),
            (Team, "reserve") => Without::Reserve,
            (Team, "capacity") => Without::Capacity(self.opt(|c| {
                let p = c.pi_ref()?;
                c.no_id_char().then_some(p)
            })),
            (Team, "velocity") => Without::Velocity,
            (Item, "after") => Without::After(self.opt(Self::ident)),
            (Epic | Item, "commit") => Without::Commit,
            (Item, "in") => Without::In,
            (Item, "not") => {
                self.then_word("before")?;
                Without::NotBefore
            }
            (Item, "target") => Without::Target,
            (Item, "max") => Without::Max,
            (Item, "epic") => Without::Epic,
            (Item, "done") => Without::Done,
            (Item, "remaining") => Without::Remaining,
            (Item, "finished") => Without::Finished,
            (Item, "started") => Without::Started,
            _ => return None,
        };
        self.no_id_char().then_some(w)
    }

    /// One statement of a block of `kind`, from its keyword to its end.
    fn statement(&mut self, kind: BlockKind) -> Option<Statement> {
        if kind == BlockKind::Scenario {
            return self.change().map(|c| Statement::Change(Box::new(c)));
        }
        let word = self.word();
        use BlockKind::*;
        Some(match (kind, word) {
            (Plan, "start") => Statement::Start(self.after_ws(Self::date)?),
            (Plan, "horizon") => Statement::Horizon(self.after_ws(Self::duration)?),
            (Plan, "end") => Statement::End(self.after_ws(Self::date)?),
            (Plan, "increment") => Statement::Increment(self.after_ws(Self::duration)?),
            (Plan, "iteration") => Statement::Iteration(self.after_ws(Self::duration)?),
            (Plan, "innovation") => {
                let n = self.after_ws(Self::number)?;
                self.opt(|c| c.eat("iterations").then_some(()).or_else(|| c.eat("iteration").then_some(())));
                self.no_id_char().then_some(())?;
                Statement::Innovation(n)
            }
            (Plan, "unit") => {
                self.ws().then_some(())?;
                let at = self.pos;
                let name = if self.unit_word(&["days", "day"]) {
                    UnitName::Days
                } else if self.unit_word(&["points"]) {
                    UnitName::Points
                } else {
                    return None;
                };
                Statement::Unit(Spanned::new(name, self.span(at)))
            }
            (Plan, "workweek") => {
                let n = self.after_ws(Self::number)?;
                self.opt(|c| c.eat("days").then_some(()).or_else(|| c.eat("day").then_some(())));
                self.no_id_char().then_some(())?;
                Statement::Workweek(n)
            }
            (Plan | Team, "holiday") => {
                let name = self.after_ws(Self::string)?;
                let from = self.after_ws(Self::date)?;
                Statement::Holiday { name, from, to: self.opt_joined("..", Self::date) }
            }
            (Plan, "load") => Statement::Load(self.after_ws(Self::percent)?),
            (Plan, "as") => {
                self.then_word("of")?;
                Statement::AsOf(self.after_ws(Self::date)?)
            }
            (Plan, "uncertainty") => {
                if let Some(p) = self.opt(|c| {
                    c.eat("capacity").then_some(())?;
                    c.after_ws(Self::percent)
                }) {
                    return Some(Statement::UncertaintyCapacity(p));
                }
                self.then_word("grows")?;
                let p = self.after_ws(Self::percent)?;
                self.then_word("per")?;
                self.then_word("PI")?;
                self.no_id_char().then_some(())?;
                Statement::Uncertainty(p)
            }
            (Plan, "firm") => {
                let n = self.after_ws(Self::number)?;
                self.ws().then_some(())?;
                if !self.eat("PIs") && !self.eat("PI") {
                    return None;
                }
                self.no_id_char().then_some(())?;
                Statement::Firm(n)
            }
            (Team, "people") => Statement::People(self.after_ws(Self::number)?),
            (Team, "focus") => Statement::Focus(self.after_ws(Self::percent)?),
            (Team, "reserve") => {
                let percent = self.after_ws(Self::percent)?;
                Statement::Reserve { percent, reason: self.opt(Self::string) }
            }
            (Team, "hire") => {
                let (count, date) = self.count_on()?;
                Statement::Hire { count, date, ramp: self.opt_word("ramp", Self::duration) }
            }
            (Team, "leave") => {
                let (count, date) = self.count_on()?;
                Statement::Leave { count, date }
            }
            (Team, "vacancy") => {
                let (count, date) = self.count_on()?;
                let chance = self.opt_word("chance", Self::percent);
                Statement::Vacancy { count, date, chance, ramp: self.opt_word("ramp", Self::duration) }
            }
            (Team, "lend") => {
                let count = self.after_ws(Self::number)?;
                self.then_word("to")?;
                let to = self.after_ws(Self::ident)?;
                Statement::Lend { count, to, periods: self.after_ws(Self::period_range)? }
            }
            (Team, "capacity") => {
                // `capacity_fixed`, then `capacity_override`.
                let after_word = self.pos;
                let fixed = (|| {
                    let n = self.after_ws(Self::number)?;
                    self.then_word("per")?;
                    self.then_word("iteration")?;
                    self.no_id_char().then_some(n)
                })();
                match fixed {
                    Some(n) if self.eol_follows() => Statement::CapacityPerIteration(n),
                    _ => {
                        self.pos = after_word;
                        let period = self.after_ws(Self::pi_ref)?;
                        let back = self.pos;
                        match self.after_ws(Self::adjustment) {
                            Some(delta) => Statement::CapacityAdjust { period, delta },
                            None => {
                                self.pos = back;
                                Statement::CapacityOverride { period, amount: self.after_ws(Self::number)? }
                            }
                        }
                    }
                }
            }
            (Team, "absent") => {
                let count = self.after_ws(Self::number)?;
                self.ws().then_some(())?;
                if !self.eat("people") && !self.eat("person") {
                    return None;
                }
                self.no_id_char().then_some(())?;
                let from = self.after_ws(Self::date)?;
                Statement::Absent { count, from, to: self.opt_joined("..", Self::date) }
            }
            (Team, "velocity") => {
                let n = self.after_ws(Self::number)?;
                self.opt(|c| {
                    c.eat("per").then_some(())?;
                    c.then_word("iteration")?;
                    c.no_id_char().then_some(())
                });
                Statement::Velocity(n)
            }
            (Epic | Item, "commit") => {
                let period = self.after_ws(Self::period)?;
                let hard = self.opt(|c| (c.eat("hard") && c.no_id_char()).then_some(())).is_some();
                Statement::Commit { period, hard }
            }
            (Epic | Item, "owner") => Statement::Owner(self.after_ws(Self::string)?),
            (Epic | Item, "note") => Statement::Note(self.after_ws(Self::string)?),
            (Epic | Item, "key") => Statement::Key(self.after_ws(Self::string)?),
            (Epic | Item, "priority") => Statement::Priority(self.after_ws(Self::number)?),
            (Item, "team") => Statement::Team(self.after_ws(Self::ident)?),
            (Item, "epic") => Statement::Epic(self.after_ws(Self::ident)?),
            (Item, "effort") => {
                let mut points = vec![self.after_ws(Self::number)?];
                for _ in 0..2 {
                    match self.opt_joined("..", Self::number) {
                        Some(n) => points.push(n),
                        None => break,
                    }
                }
                Statement::Effort(points)
            }
            (Item, "max") => {
                // `max_people`, then `max_per_iteration`.
                let after_word = self.pos;
                let people = (|| {
                    let n = self.after_ws(Self::number)?;
                    self.ws().then_some(())?;
                    if !self.eat("people") && !self.eat("person") {
                        return None;
                    }
                    self.no_id_char().then_some(n)
                })();
                match people {
                    Some(n) if self.eol_follows() => Statement::MaxPeople(n),
                    _ => {
                        self.pos = after_word;
                        let n = self.after_ws(Self::number)?;
                        self.then_word("per")?;
                        self.then_word("iteration")?;
                        self.no_id_char().then_some(())?;
                        Statement::MaxPerIteration(n)
                    }
                }
            }
            (Item, "not") => {
                self.then_word("before")?;
                Statement::NotBefore(self.after_ws(Self::period)?)
            }
            (Item, "in") => Statement::In(self.after_ws(Self::period_range)?),
            (Item, "after") => {
                let item = self.after_ws(Self::ident)?;
                Statement::After { item, lag: self.opt_joined("+", Self::duration) }
            }
            (Item, "target") => Statement::Target(self.after_ws(Self::period)?),
            (Item, "done") => {
                let amount = self.after_ws(Self::number)?;
                Statement::Done { amount, by: self.opt_word("by", Self::date) }
            }
            (Item, "remaining") => Statement::Remaining(self.after_ws(Self::number)?),
            (Item, "finished") => Statement::Finished(self.after_ws(Self::date)?),
            (Item, "started") => Statement::Started(self.after_ws(Self::date)?),
            (Item, "wsjf") => {
                let mut parts = Vec::new();
                while let Some(part) = self.opt(|c| {
                    let at = c.pos;
                    let key = match c.word() {
                        w if w.starts_with("urgency") => (WsjfKey::Urgency, "urgency"),
                        w if w.starts_with("value") => (WsjfKey::Value, "value"),
                        w if w.starts_with("risk") => (WsjfKey::Risk, "risk"),
                        w if w.starts_with("size") => (WsjfKey::Size, "size"),
                        _ => return None,
                    };
                    c.pos = at + key.1.len();
                    let key = Spanned::new(key.0, c.span(at));
                    Some((key, c.after_ws(Self::number)?))
                }) {
                    parts.push(part);
                }
                if parts.is_empty() {
                    return None;
                }
                Statement::Wsjf(parts)
            }
            _ => return None,
        })
    }

    /// `ws ~ rule`.
    fn after_ws<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.ws() { rule(self) } else { None }
    }

    /// Whether `eol` matches here (without consuming it).
    fn eol_follows(&mut self) -> bool {
        let back = self.pos;
        let ok = self.eol();
        self.pos = back;
        ok
    }
}

fn int(s: &str) -> u32 {
    s.parse().unwrap_or(u32::MAX)
}

fn trim_end(source: &str, span: Span) -> usize {
    span.start + source[span.start..span.end].trim_end().len()
}
