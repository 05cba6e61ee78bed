//! Where the time of aggregating many responses goes, natively:
//! `cargo run --release --example profile_aggregate -- 10000`.
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::builtin::builtin;
use foundations_check::Response;
use std::time::Instant;

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
    let mut text = String::from("[");
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
            "{{\"framework\":\"place-based-partnership\",\"version\":\"1.0.0\",\"answers\":{{{}}},\"respondent\":{{\"sector\":\"nhs-trust\"}}}}",
            answers.join(",")
        ));
    }
    text.push(']');
    // Each phase five times; the fastest run is reported (the least disturbed by
    // whatever else the machine is doing).
    let best = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let mut v = None;
    let t_parse = best(&mut || {
        v = Some(
            foundations_check::core::reader::parse_json_limited(&text, usize::MAX).expect("JSON"),
        )
    });
    let v = v.expect("parsed");
    let mut rs: Vec<Response> = Vec::new();
    let t_read = best(&mut || {
        rs = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| Response::from_value(&fw, r, "").unwrap())
            .collect()
    });
    let mut fast_rs = None;
    let t_fast = best(&mut || {
        fast_rs = foundations_check::codec::fast::Fast::new(&fw, usize::MAX).list_from_str(&text)
    });
    assert!(
        fast_rs.as_ref() == Some(&rs),
        "the fast reader reads the same responses"
    );
    let opts = Options {
        group_by: Some("sector".into()),
        ..Options::default()
    };
    let mut agg = None;
    let t_agg = best(&mut || agg = Some(aggregate(&fw, &rs, &opts).unwrap()));
    let agg = agg.expect("aggregated");
    let mut out = String::new();
    let t_out = best(&mut || out = serde_json::to_string(&agg).unwrap());
    println!("{n} responses, {} bytes of JSON: parse {t_parse:?}, read and check {t_read:?}, aggregate {t_agg:?}, write {t_out:?} ({} bytes); the fast reader from text {t_fast:?}; fastest of 5 runs each", text.len(), out.len());
}
