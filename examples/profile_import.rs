//! Where the time of importing a file of many responses goes, natively, a slice at a
//! time as the team view reads it: `cargo run --release --example profile_import -- 10000`.
use foundations_check::core::builtin::builtin;
use foundations_check::core::team::Import;
use foundations_check::Response;
use std::time::{Duration, Instant};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let fw = builtin("place-based-partnership").expect("built-in framework");
    let items: Vec<String> = fw
        .foundations
        .iter()
        .flat_map(|f| f.items.iter().map(|i| i.id.clone()))
        .collect();
    let mut text = String::from("{\"responses\":[");
    for k in 0..n {
        if k > 0 {
            text.push(',');
        }
        let answers: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(j, id)| format!("\"{id}\":{}", 1 + (k * 7 + j * 3) % 5))
            .collect();
        text.push_str(&format!(
            "{{\"framework\":\"place-based-partnership\",\"version\":\"1.0.0\",\"answers\":{{{}}},\"respondent\":{{\"sector\":\"nhs-trust\"}},\"submittedAt\":\"2026-11-{:02}T{:02}:{:02}:{:02}Z\"}}",
            answers.join(","),
            1 + k % 28,
            k % 24,
            (k / 60) % 60,
            k % 60
        ));
    }
    text.push_str("]}");
    let mut set: Vec<Response> = Vec::new();
    let mut job = Import::new("bench.json", text);
    let t = Instant::now();
    job.step(&fw, &mut set, 1000);
    let prepare = t.elapsed();
    // Reading every response first (the first `n` units), then adding them.
    let t = Instant::now();
    job.step(&fw, &mut set, n);
    let read = t.elapsed();
    let mut slices = 0;
    let mut longest = Duration::ZERO;
    let t_all = Instant::now();
    loop {
        let t = Instant::now();
        let done = job.step(&fw, &mut set, 1000);
        longest = longest.max(t.elapsed());
        slices += 1;
        if done {
            break;
        }
    }
    let r = job.finish();
    println!(
        "{n} responses: prepare {prepare:?}, reading {read:?}, then {slices} slices of 1000 units in {:?} (longest {longest:?}); added {}",
        t_all.elapsed(),
        r.added
    );
}
