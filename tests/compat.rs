//! Old documents read identically: frameworks, responses, CSV files, share codes and
//! saved answers written before per-foundation scales, label descriptions and comments
//! (tests/fixtures/v1, written by commit 7b1dc1f) read, score, aggregate, draw and
//! write back exactly as they did; and, for any response to those frameworks, today's
//! writers and scoring give what the frozen copy of that code (tests/legacy) gives.
#![cfg(not(target_arch = "wasm32"))]
mod legacy;
use foundations_check::chart::{from::chart_from_score, radar_svg};
use foundations_check::codec::json::Value;
use foundations_check::codec::{csv, sharecode};
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::builtin::builtin;
use foundations_check::core::scoring::tally;
use foundations_check::core::team::aggregate_csv;
use foundations_check::{score, Answer, Framework, Response};
use proptest::prelude::*;

const NAMES: [&str; 4] = ["place-based-partnership", "small", "wide", "negative"];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/v1/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn framework(name: &str) -> Framework {
    Framework::from_json(&fixture(&format!("{name}.json"))).expect("an old framework reads")
}

/// The responses of a fixture, one JSON text per line (between "[" and "]").
fn response_lines(name: &str) -> Vec<String> {
    fixture(&format!("{name}.responses.json"))
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| l.trim_end_matches(',').to_string())
        .collect()
}

fn responses(fw: &Framework, name: &str) -> Vec<Response> {
    response_lines(name)
        .iter()
        .map(|l| Response::from_json(fw, l).expect("an old response reads"))
        .collect()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// The first place two JSON values differ, or `None`.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value as V;
    match (a, b) {
        (V::Array(x), V::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        (V::Object(x), V::Object(y)) if x.len() == y.len() => {
            x.iter().find_map(|(k, p)| match y.get(k) {
                Some(q) => first_difference(p, q, &format!("{path}.{k}")),
                None => Some(format!("{path}.{k}: missing")),
            })
        }
        _ if a == b => None,
        // The standard deviation is the one float (a square root): the order in which
        // its squares are summed may change its last bits, nothing more.
        (V::Number(x), V::Number(y))
            if path.ends_with(".sd")
                && (x.as_f64().unwrap() - y.as_f64().unwrap()).abs()
                    <= 1e-12 * y.as_f64().unwrap().abs() =>
        {
            None
        }
        _ => Some(format!("{path}: {a} is not {b}")),
    }
}

fn same(a: serde_json::Value, b: serde_json::Value, what: &str) {
    if let Some(d) = first_difference(&a, &b, "") {
        panic!("{what}: {d}");
    }
}

#[test]
fn the_built_in_framework_is_the_one_of_the_fixtures() {
    assert_eq!(
        builtin("place-based-partnership").unwrap(),
        framework("place-based-partnership")
    );
}

#[test]
fn old_frameworks_read_and_write_back_as_they_did() {
    for name in NAMES {
        let fw = framework(name);
        same(
            serde_json::to_value(&fw).unwrap(),
            json(&fixture(&format!("{name}.framework-out.json"))),
            name,
        );
        assert!(!fw.has_own_scales() && !fw.has_comments(), "{name}");
        // Written back, it reads as the same framework.
        let again = Framework::from_json(&serde_json::to_string(&fw).unwrap()).unwrap();
        assert_eq!(again, fw, "{name}");
    }
}

#[test]
fn old_responses_read_and_write_back_byte_for_byte() {
    for name in NAMES {
        let fw = framework(name);
        let lines = response_lines(name);
        assert_eq!(lines.len(), 40);
        for line in &lines {
            let r = Response::from_json(&fw, line).unwrap();
            assert!(r.comments.is_empty());
            assert_eq!(&r.to_json(), line, "{name}");
        }
    }
}

#[test]
fn old_csv_files_read_to_the_same_responses_and_write_byte_for_byte() {
    for name in NAMES {
        let fw = framework(name);
        let rs = responses(&fw, name);
        let text = fixture(&format!("{name}.responses.csv"));
        let got = csv::from_csv(&fw, &text).unwrap();
        assert!(got.rejected.is_empty(), "{name}: {:?}", got.rejected);
        assert_eq!(got.responses, rs, "{name}");
        assert_eq!(csv::to_csv(&fw, &rs), text, "{name}");
        assert_eq!(
            csv::header(&fw).len(),
            3 + fw.respondent_fields.len() + fw.item_count()
        );
    }
}

#[test]
fn old_share_codes_decode_to_the_same_responses_and_encode_the_same() {
    for name in NAMES {
        let fw = framework(name);
        let rs = responses(&fw, name);
        let codes = fixture(&format!("{name}.sharecodes.txt"));
        let codes: Vec<&str> = codes.lines().collect();
        assert_eq!(codes.len(), rs.len());
        for (code, r) in codes.iter().zip(&rs) {
            assert_eq!(&sharecode::decode(&fw, code).unwrap(), r, "{name} {code}");
            let share = sharecode::share(&fw, r);
            assert_eq!(share.code, *code, "{name}");
            assert_eq!(share.comments, sharecode::CodeComments::None);
        }
    }
}

#[test]
fn old_saved_answers_restore_unchanged() {
    for name in NAMES {
        let fw = framework(name);
        let rs = responses(&fw, name);
        for (line, r) in fixture(&format!("{name}.saved.txt")).lines().zip(&rs) {
            // The widget's saved value: {"v":1,"screen":…,"response":…}.
            let v = foundations_check::codec::json::parse(line).unwrap();
            assert_eq!(
                v.get("v"),
                Some(&Value::Number(foundations_check::codec::json::Number::Int(
                    1
                )))
            );
            let got = Response::from_value(&fw, v.get("response").unwrap(), "response").unwrap();
            assert_eq!(&got, r, "{name}");
            assert!(line.ends_with(&format!("\"response\":{}}}", got.to_json())));
        }
    }
}

#[test]
fn old_responses_score_aggregate_and_draw_as_they_did() {
    for name in NAMES {
        let fw = framework(name);
        let rs = responses(&fw, name);
        // Compared as text (keys sorted, as they were written): serde_json reads some
        // floats one unit in the last place off (without its float_roundtrip feature).
        let scores: Vec<String> = rs
            .iter()
            .map(|r| serde_json::to_value(score(&fw, r)).unwrap().to_string())
            .collect();
        let want = fixture(&format!("{name}.scores.json"));
        for (k, (got, want)) in scores.iter().zip(want.lines().skip(1)).enumerate() {
            assert_eq!(got, want.trim_end_matches(','), "{name}: response {k}");
        }
        let group_by = fw.respondent_fields.first().map(|f| f.id.clone());
        let (now, then) = rs.split_at(25);
        let grouped = aggregate(
            &fw,
            now,
            &Options {
                group_by: group_by.clone(),
                previous: Some(then),
                ..Default::default()
            },
        )
        .unwrap();
        let raw = aggregate(
            &fw,
            &rs,
            &Options {
                group_by,
                raw: true,
                ..Default::default()
            },
        )
        .unwrap();
        let got = serde_json::json!({"grouped": grouped, "raw": raw}).to_string();
        let want = fixture(&format!("{name}.aggregate.json"));
        if got != want.trim_end() {
            // The same figure by figure, exactly but for the last bits of the standard
            // deviations (see `first_difference`).
            same(json(&got), json(&want), name);
        }
        assert_eq!(
            aggregate_csv(&fw, &grouped),
            fixture(&format!("{name}.aggregate.csv")),
            "{name}"
        );
        let chart = chart_from_score(&fw, &score(&fw, &rs[0]), None).unwrap();
        assert_eq!(
            radar_svg(&chart).unwrap(),
            fixture(&format!("{name}.chart.svg")),
            "{name}"
        );
    }
}

/// Any response to one of the old frameworks: each item unanswered, "Don't know" (where
/// the scale has it) or a point; each field unanswered or an option; a time or none.
fn arb_response(fw: &Framework) -> impl Strategy<Value = Response> {
    let fw = fw.clone();
    let items = fw.item_count();
    let fields = fw.respondent_fields.len();
    (
        prop::collection::vec(0u32..1000, items),
        prop::collection::vec(0u32..100, fields),
        prop::option::of(0i64..(1 << 34)),
    )
        .prop_map(move |(answers, options, time)| {
            let mut r = Response::new(&fw);
            let span = (fw.scale.max - fw.scale.min + 1) as u32;
            let ids = fw.foundations.iter().flat_map(|f| f.items.iter());
            for (item, a) in ids.zip(answers) {
                match a % (span + 2) {
                    0 => {}
                    1 if fw.scale.dont_know.is_some() => {
                        r.answers.insert(item.id.clone(), Answer::DontKnow);
                    }
                    1 => {}
                    k => {
                        r.answers.insert(
                            item.id.clone(),
                            Answer::Value(fw.scale.min + (k - 2) as i32),
                        );
                    }
                }
            }
            for (field, o) in fw.respondent_fields.iter().zip(options) {
                let k = o as usize % (field.options.len() + 1);
                if k > 0 {
                    r.respondent
                        .insert(field.id.clone(), field.options[k - 1].id.clone());
                }
            }
            r.submitted_at = time.map(foundations_check::core::time::format);
            r
        })
}

fn arb_old() -> impl Strategy<Value = (Framework, Response)> {
    (0..NAMES.len()).prop_flat_map(|k| {
        let fw = framework(NAMES[k]);
        arb_response(&fw).prop_map(move |r| (fw.clone(), r))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Today's share codes, CSV and JSON of any response to an old framework are what
    /// the old code wrote, and read back to the same response.
    #[test]
    fn old_documents_write_and_read_identically((fw, r) in arb_old()) {
        let code = legacy::encode(&fw, &r);
        prop_assert_eq!(sharecode::encode(&fw, &r), code.clone());
        prop_assert_eq!(sharecode::decode(&fw, &code).unwrap(), r.clone());
        let text = legacy::to_csv(&fw, std::slice::from_ref(&r));
        prop_assert_eq!(csv::to_csv(&fw, std::slice::from_ref(&r)), text.clone());
        prop_assert_eq!(csv::from_csv(&fw, &text).unwrap().responses, vec![r.clone()]);
        prop_assert_eq!(Response::from_json(&fw, &r.to_json()).unwrap(), r.clone());
        prop_assert!(!r.to_json().contains("comments"));
    }

    /// Today's scoring of any response to an old framework is the old scoring, exactly.
    #[test]
    fn old_frameworks_score_identically((fw, r) in arb_old()) {
        let old = legacy::tally(&fw, &r);
        let new = tally(&fw, &r);
        prop_assert_eq!(old.len(), new.len());
        for (o, n) in old.iter().zip(&new) {
            prop_assert_eq!(o.0.map(|x| (x, x.is_exact())), n.value.map(|x| (x, x.is_exact())));
            prop_assert_eq!(o.1.map(|x| (x, x.is_exact())), n.percent.map(|x| (x, x.is_exact())));
            prop_assert_eq!(o.1.map(|x| x.get().to_bits()), n.percent.map(|x| x.get().to_bits()));
            prop_assert_eq!((o.2, o.3), (n.answered, n.dont_know));
        }
    }
}
