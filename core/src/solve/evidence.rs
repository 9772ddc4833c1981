//! Evidence for a verdict, as data: a schedule when a set of commitments fits, and a
//! counting argument when it cannot (a chain too long for its window, or work that must
//! fall inside a span of iterations beyond a team's capacity there), or the search that
//! proved it. `report::verify` re-checks every piece against the model.

use super::problem::Problem;
use super::windows::earliest_finish;

/// Work per job per iteration, in thousandths.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Work per job per iteration. A job that never got work may have an empty row (no
    /// allocation for the thousands of jobs a small decision does not touch): read with
    /// [`Schedule::get`] or iterate rows, write with [`Schedule::add`].
    pub work: Vec<Vec<i64>>,
    iterations: usize,
}

impl Schedule {
    pub fn empty(jobs: usize, iterations: usize) -> Self {
        Schedule { work: vec![Vec::new(); jobs], iterations }
    }
    /// Work of job `j` in iteration `t`.
    pub fn get(&self, j: usize, t: usize) -> i64 {
        self.work[j].get(t).copied().unwrap_or(0)
    }
    /// Adds `amount` (may be negative) to job `j`'s work in iteration `t`.
    pub fn add(&mut self, j: usize, t: usize, amount: i64) {
        let row = &mut self.work[j];
        if row.is_empty() {
            row.resize(self.iterations, 0);
        }
        row[t] += amount;
    }
    /// Every row at full length (for callers that index freely).
    pub fn into_dense(mut self) -> Vec<Vec<i64>> {
        for row in &mut self.work {
            row.resize(self.iterations, 0);
        }
        self.work
    }
    /// The last iteration in which job `j` gets work.
    pub fn finish(&self, j: usize) -> Option<usize> {
        self.work[j].iter().rposition(|w| *w > 0)
    }
    pub fn start(&self, j: usize) -> Option<usize> {
        self.work[j].iter().position(|w| *w > 0)
    }
    pub fn done(&self, j: usize) -> i64 {
        self.work[j].iter().sum()
    }
}

/// Equal when every job has the same work in every iteration (an empty row is all zero).
impl PartialEq for Schedule {
    fn eq(&self, other: &Self) -> bool {
        self.work.len() == other.work.len()
            && (0..self.work.len())
                .all(|j| (0..self.iterations.max(other.iterations)).all(|t| self.get(j, t) == other.get(j, t)))
    }
}

impl Eq for Schedule {}

/// One item of a chain: it starts no earlier than `earliest_start`, needs at least until
/// `earliest_finish` (its effort at its ceiling per iteration), and the next waits
/// `lag_after` more iterations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub job: usize,
    pub lag_after: usize,
    pub earliest_start: usize,
    /// `None`: it cannot finish within the horizon at all.
    pub earliest_finish: Option<usize>,
}

/// Work job `job` must do inside a span, given the window it can work in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowShare {
    pub job: usize,
    pub must: i64,
    pub earliest_start: usize,
    pub latest_finish: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// The chain's last item cannot finish by `limit` (its deadline or placement end).
    Chain { links: Vec<ChainLink>, limit: usize },
    /// In iterations `from..=to`, team `team` must do `required` but has `capacity`.
    Window { team: usize, from: usize, to: usize, shares: Vec<WindowShare>, required: i64, capacity: i64 },
    /// The exact search visited every possibility (`nodes` of them) and none fits.
    Search { nodes: u64 },
    /// Its deadline (iteration `deadline`) lies before the status iteration `status`, and it
    /// was not finished by then: `finished` is the iteration its last item was finished in
    /// when every item is finished (after the deadline), `None` when work is left.
    Passed { deadline: usize, status: usize, finished: Option<usize> },
}

impl Evidence {
    /// Evidence found on a restricted problem (see `Problem::restrict`), in the whole
    /// problem's job and team numbers (`jobs[k]` is the whole problem's number of job `k`,
    /// `teams[k]` of team `k`).
    pub fn renumbered(mut self, jobs: &[usize], teams: &[usize]) -> Evidence {
        match &mut self {
            Evidence::Chain { links, .. } => links.iter_mut().for_each(|l| l.job = jobs[l.job]),
            Evidence::Window { shares, team, .. } => {
                *team = teams[*team];
                shares.iter_mut().for_each(|s| s.job = jobs[s.job]);
            }
            Evidence::Search { .. } | Evidence::Passed { .. } => {}
        }
        self
    }
}

/// Fills in each link's earliest start and finish by walking the chain from its first job.
/// The chain argument along `path` (each job after the one before it), against `limit`: the
/// links with their lags, and each link's earliest start and finish filled in.
pub fn chain_along(p: &Problem, path: &[usize], limit: usize) -> Evidence {
    let Some(&last) = path.last() else { return Evidence::Chain { links: Vec::new(), limit } };
    let links = path
        .windows(2)
        .map(|pair| {
            let lag = p.jobs[pair[1]].preds.iter().find(|(q, _)| *q == pair[0]).map_or(0, |(_, l)| *l);
            (pair[0], lag)
        })
        .chain(std::iter::once((last, 0)))
        .map(|(job, lag_after)| ChainLink { job, lag_after, earliest_start: 0, earliest_finish: None })
        .collect();
    let mut ev = Evidence::Chain { links, limit };
    fill_chain(p, &mut ev);
    ev
}

pub fn fill_chain(p: &Problem, ev: &mut Evidence) {
    let Evidence::Chain { links, .. } = ev else { return };
    let mut start = 0usize;
    for (k, link) in links.iter_mut().enumerate() {
        let own = p.jobs[link.job].lo;
        link.earliest_start = if k == 0 { own } else { start.max(own) };
        link.earliest_finish =
            if link.earliest_start < p.iterations { earliest_finish(p, link.job, link.earliest_start) } else { None };
        match link.earliest_finish {
            Some(f) => start = f + 1 + link.lag_after,
            None => start = p.iterations,
        }
    }
}
