//! Parse and check of generated plans (the solver benchmarks come with the solver).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn parse_and_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for n in [100usize, 1_000] {
        let plan = haalbaar_benches::generate(n, 7);
        group.throughput(Throughput::Bytes(plan.len() as u64));
        group.bench_function(format!("parse/{n}"), |b| b.iter(|| haalbaar::grammar::parse(black_box(&plan))));
        group.bench_function(format!("check/{n}"), |b| b.iter(|| haalbaar::check(black_box(&plan))));
    }
    group.finish();
}

criterion_group!(benches, parse_and_check);
criterion_main!(benches);
