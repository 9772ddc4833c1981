//! A 1,000-run forecast of the reference plan and of a generated 1,000-item plan.

use criterion::{Criterion, criterion_group, criterion_main};
use haalbaar::forecast::{ForecastOptions, forecast};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let reference = include_str!("../../examples/gdi-2024.plan").to_string();
    let generated = haalbaar_benches::generate(1_000, 7);
    let mut group = c.benchmark_group("forecast");
    group.sample_size(10);
    for (name, text) in [("reference/1000-runs", &reference), ("generated-1000-items/1000-runs", &generated)] {
        let checked = haalbaar::check(text);
        let (Some(cal), true) = (checked.calendar.as_ref(), checked.feasibility.is_some()) else { continue };
        group.bench_function(name, |b| {
            b.iter(|| forecast(black_box(&checked.plan), cal, ForecastOptions::default(), &mut |_, _| {}))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
