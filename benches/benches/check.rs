//! The check in its stages on generated portfolios of 100 to 100,000 items (`generate(N, 7)`,
//! tightness 1.0): parse, lower (model, calendar, capacity, validation), solve (the rank walk
//! with evidence and repairs), and end to end (`haalbaar::check`, what the CLI and the widget
//! run). Sizes above 10,000 take few samples: `HAALBAAR_BENCH_MAX` caps the size (default
//! 100000).

/// The allocator the `haalbaar` command uses, so these figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn sizes() -> Vec<usize> {
    let max: usize = std::env::var("HAALBAAR_BENCH_MAX").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    [100, 1_000, 10_000, 100_000].into_iter().filter(|&n| n <= max).collect()
}

fn stages(c: &mut Criterion) {
    for n in sizes() {
        let plan = haalbaar_benches::generate(n, 7);
        let mut group = c.benchmark_group(format!("check/{n}"));
        if n >= 10_000 {
            group.sample_size(10).sampling_mode(SamplingMode::Flat);
        }
        group.throughput(Throughput::Bytes(plan.len() as u64));
        group.bench_function("parse", |b| b.iter(|| haalbaar_grammar::parse(black_box(&plan))));
        let file = haalbaar_grammar::parse(&plan);
        group.bench_function("lower", |b| {
            b.iter(|| {
                let (lowered, found) = haalbaar::unstable::lower::lower(black_box(&file));
                let cap = lowered.calendar.as_ref().map(|cal| haalbaar::capacity::capacity(&lowered.plan, cal));
                let more = haalbaar::unstable::validate::validate(
                    &lowered.plan,
                    lowered.calendar.as_ref(),
                    cap.as_ref(),
                    &lowered.incomplete,
                );
                (lowered, found, cap, more)
            })
        });
        group.bench_function("parse+lower", |b| {
            b.iter(|| haalbaar::check_with(black_box(&plan), &haalbaar::Options::default().solve(false)))
        });
        let (lowered, _) = haalbaar::unstable::lower::lower(&file);
        if let Some(cal) = &lowered.calendar {
            let cap = haalbaar::capacity::capacity(&lowered.plan, cal);
            if let Some(problem) = haalbaar::unstable::solve::problem::Problem::new(&lowered.plan, cal, &cap) {
                group.bench_function("solve", |b| {
                    b.iter_batched(
                        || problem.clone(),
                        |p| haalbaar::unstable::solve::rank::solve(&p, haalbaar::DEFAULT_BUDGET),
                        BatchSize::LargeInput,
                    )
                });
            }
        }
        group.bench_function("end-to-end", |b| b.iter(|| haalbaar::check(black_box(&plan))));
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
