//! Exact maximum flow (Dinic) on small graphs with `i64` capacities: decides whether jobs
//! with fixed windows fit one team's capacity, and gives the amounts per iteration.

#[derive(Debug, Clone)]
struct Edge {
    to: usize,
    cap: i64,
}

/// A flow network with edges stored in pairs (edge, reverse).
#[derive(Debug, Clone, Default)]
pub struct Network {
    adj: Vec<Vec<usize>>,
    edges: Vec<Edge>,
}

impl Network {
    pub fn new(nodes: usize) -> Self {
        Network { adj: vec![Vec::new(); nodes], edges: Vec::new() }
    }

    /// Adds an edge and returns its id, for reading its flow later.
    pub fn add(&mut self, from: usize, to: usize, cap: i64) -> usize {
        let id = self.edges.len();
        self.edges.push(Edge { to, cap });
        self.edges.push(Edge { to: from, cap: 0 });
        self.adj[from].push(id);
        self.adj[to].push(id + 1);
        id
    }

    /// The flow through edge `id` after [`Network::max_flow`].
    pub fn flow(&self, id: usize) -> i64 {
        self.edges[id + 1].cap
    }

    pub fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let n = self.adj.len();
        let mut total = 0i64;
        loop {
            let mut level = vec![usize::MAX; n];
            level[s] = 0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &e in &self.adj[u] {
                    let v = self.edges[e].to;
                    if self.edges[e].cap > 0 && level[v] == usize::MAX {
                        level[v] = level[u] + 1;
                        queue.push_back(v);
                    }
                }
            }
            if level[t] == usize::MAX {
                return total;
            }
            let mut next = vec![0usize; n];
            loop {
                let pushed = self.push(s, t, i64::MAX, &level, &mut next);
                if pushed == 0 {
                    break;
                }
                total = total.saturating_add(pushed);
            }
        }
    }

    fn push(&mut self, u: usize, t: usize, limit: i64, level: &[usize], next: &mut [usize]) -> i64 {
        if u == t {
            return limit;
        }
        while next[u] < self.adj[u].len() {
            let e = self.adj[u][next[u]];
            let v = self.edges[e].to;
            if self.edges[e].cap > 0 && level[v] == level[u].wrapping_add(1) {
                let got = self.push(v, t, limit.min(self.edges[e].cap), level, next);
                if got > 0 {
                    self.edges[e].cap -= got;
                    self.edges[e ^ 1].cap += got;
                    return got;
                }
            }
            next[u] += 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_bipartite_flow() {
        // s=0, jobs 1,2, iterations 3,4, t=5
        let mut g = Network::new(6);
        g.add(0, 1, 5);
        g.add(0, 2, 5);
        let a = g.add(1, 3, 5);
        g.add(2, 3, 5);
        g.add(2, 4, 5);
        g.add(3, 5, 5);
        g.add(4, 5, 3);
        assert_eq!(g.max_flow(0, 5), 8);
        assert!(g.flow(a) <= 5);
    }
}
