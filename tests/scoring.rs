//! Scoring rules, each checked against figures worked out by hand.
mod common;
use common::*;
use foundations_check::core::exact::Exact;
use foundations_check::core::scoring::{score, Status};
use serde_json::json;

#[test]
fn weighted_mean_with_reverse_item() {
    let fw = small();
    // a=4 (w1), b=2 reversed to 4 (w3), c=5, d=1: (4 + 12 + 5 + 1) / 6 = 22/6.
    let r = response(
        &fw,
        json!({"a": 4, "b": 2, "c": 5, "d": 1, "e": 3, "f": 4}),
        json!({}),
    );
    let s = score(&fw, &r);
    let f1 = &s.foundations[0];
    assert_eq!(f1.status, Status::Scored);
    assert!(close(f1.value.unwrap(), 22.0 / 6.0));
    // percent = (22/6 - 1) / 4 * 100 = 66.666…
    assert!(close(f1.percent.unwrap(), (22.0 / 6.0 - 1.0) / 4.0 * 100.0));
    assert_eq!(f1.band.as_deref(), Some("mid"));
    assert_eq!((f1.answered, f1.dont_know, f1.total), (4, 0, 4));
    // f2: (3 + 4) / 2 = 3.5 -> 62.5 %.
    assert!(close(s.foundations[1].percent.unwrap(), 62.5));
    // overall: mean of the percents and of the values.
    let p1 = (22.0 / 6.0 - 1.0) / 4.0 * 100.0;
    assert!(close(s.overall.percent.unwrap(), (p1 + 62.5) / 2.0));
    assert!(close(s.overall.value.unwrap(), (22.0 / 6.0 + 3.5) / 2.0));
    assert_eq!(s.overall.band.as_deref(), Some("mid"));
    assert_eq!(
        (s.overall.answered, s.overall.dont_know, s.overall.total),
        (6, 0, 6)
    );
}

#[test]
fn dont_know_is_left_out_not_scored_low() {
    let fw = small();
    // b is "Don't know": mean of a, c, d = (5 + 5 + 5) / 3 = 5 -> 100 %.
    let r = response(
        &fw,
        json!({"a": 5, "b": "dontKnow", "c": 5, "d": 5}),
        json!({}),
    );
    let s = score(&fw, &r);
    let f1 = &s.foundations[0];
    assert!(close(f1.percent.unwrap(), 100.0));
    assert_eq!(f1.band.as_deref(), Some("high"));
    assert_eq!((f1.answered, f1.dont_know), (3, 1));
}

#[test]
fn too_few_answers_is_insufficient_not_a_number() {
    let fw = small();
    // f1 has 4 items; minAnswered 0.5 needs 2. One answer and one don't know: insufficient.
    let r = response(&fw, json!({"a": 5, "b": "dontKnow", "e": 1}), json!({}));
    let s = score(&fw, &r);
    assert_eq!(s.foundations[0].status, Status::Insufficient);
    assert_eq!(s.foundations[0].percent, None);
    assert_eq!(s.foundations[0].value, None);
    assert_eq!(s.foundations[0].band, None);
    // f2: 1 of 2 answered meets exactly half: scored, 0 %.
    assert_eq!(s.foundations[1].status, Status::Scored);
    assert!(close(s.foundations[1].percent.unwrap(), 0.0));
    // The overall is the mean of the scored foundations only.
    assert!(close(s.overall.percent.unwrap(), 0.0));
    assert_eq!(s.overall.band.as_deref(), Some("low"));
}

#[test]
fn nothing_answered_gives_no_overall() {
    let fw = small();
    let s = score(&fw, &response(&fw, json!({}), json!({})));
    assert!(s
        .foundations
        .iter()
        .all(|f| f.status == Status::Insufficient));
    assert_eq!(s.overall.percent, None);
    assert_eq!(s.overall.band, None);
    assert_eq!(s.overall.total, 6);
}

#[test]
fn sum_method_and_scale_basis() {
    let fw = framework_with(|v| {
        v["scoring"] = json!({"method": "sum", "minAnswered": 1.0});
        v["bands"] = json!({"basis": "scale", "levels": [
            {"id": "low", "label": "Low", "from": 0},
            {"id": "mid", "label": "Mid", "from": 12},
            {"id": "high", "label": "High", "from": 20}
        ]});
    })
    .unwrap();
    // f1 sum: a=3 (w1) + b=1 reversed 5 (w3) + c=2 + d=4 = 3 + 15 + 2 + 4 = 24.
    // Range: weight 6, from 6 to 30: percent = (24 - 6) / 24 * 100 = 75.
    let r = response(
        &fw,
        json!({"a": 3, "b": 1, "c": 2, "d": 4, "e": 5, "f": 1}),
        json!({}),
    );
    let s = score(&fw, &r);
    assert!(close(s.foundations[0].value.unwrap(), 24.0));
    assert!(close(s.foundations[0].percent.unwrap(), 75.0));
    assert_eq!(s.foundations[0].band.as_deref(), Some("high"));
    // f2 sum: 6, range 2 to 10: 50 %, band on value 6: low.
    assert!(close(s.foundations[1].value.unwrap(), 6.0));
    assert!(close(s.foundations[1].percent.unwrap(), 50.0));
    assert_eq!(s.foundations[1].band.as_deref(), Some("low"));
    // Overall on the scale basis: mean of values (24 + 6) / 2 = 15 -> mid.
    assert!(close(s.overall.value.unwrap(), 15.0));
    assert_eq!(s.overall.band.as_deref(), Some("mid"));
    // minAnswered 1.0: one missing answer makes f2 insufficient.
    let r = response(
        &fw,
        json!({"a": 3, "b": 1, "c": 2, "d": 4, "e": 5}),
        json!({}),
    );
    assert_eq!(score(&fw, &r).foundations[1].status, Status::Insufficient);
}

#[test]
fn sum_is_prorated_over_dont_know() {
    let fw = framework_with(|v| v["scoring"] = json!({"method": "sum"})).unwrap();
    // f2: e=4, f don't know: mean 4 over total weight 2 = 8 (not 4).
    let r = response(&fw, json!({"e": 4, "f": "dontKnow"}), json!({}));
    let s = score(&fw, &r);
    assert!(close(s.foundations[1].value.unwrap(), 8.0));
    assert!(close(s.foundations[1].percent.unwrap(), 75.0));
}

#[test]
fn band_threshold_is_inclusive() {
    let fw = small();
    // f2 = (3 + 4) / 2 -> 62.5: mid. (4 + 4) / 2 -> 75 exactly: high.
    let r = response(&fw, json!({"e": 4, "f": 4}), json!({}));
    assert_eq!(score(&fw, &r).foundations[1].band.as_deref(), Some("high"));
}

#[test]
fn other_scale_ranges() {
    // A 0 to 10 scale: 7 is 70 %.
    let fw = framework_with(|v| {
        v["scale"] =
            json!({"min": 0, "max": 10, "labels": ["0","1","2","3","4","5","6","7","8","9","10"]});
    })
    .unwrap();
    let r = response(&fw, json!({"e": 7, "f": 7}), json!({}));
    assert!(close(score(&fw, &r).foundations[1].percent.unwrap(), 70.0));
    // Reverse on 0 to 10: b = 2 -> 8.
    let r = response(&fw, json!({"b": 2, "a": 8}), json!({}));
    assert!(close(score(&fw, &r).foundations[0].value.unwrap(), 8.0));
}

/// Two frameworks and two responses read separately from text (the second framework
/// pretty-printed, the second response with its answers in another order) score the
/// same, field by field, and both give the figures worked out by hand.
#[test]
fn same_input_same_output() {
    use foundations_check::{Framework, Response};
    let fw_a = Framework::from_json(&small_json().to_string()).unwrap();
    let fw_b = Framework::from_json(&serde_json::to_string_pretty(&small_json()).unwrap()).unwrap();
    let r_a = Response::from_json(
        &fw_a,
        r#"{"framework": "test", "version": "1", "answers": {"a": 4, "b": 2, "c": 5, "e": 1}, "respondent": {"sector": "nhs"}}"#,
    )
    .unwrap();
    let r_b = Response::from_json(
        &fw_b,
        r#"{"respondent": {"sector": "nhs"}, "answers": {"e": 1, "c": 5, "b": 2, "a": 4}, "version": "1", "framework": "test"}"#,
    )
    .unwrap();
    let (a, b) = (score(&fw_a, &r_a), score(&fw_b, &r_b));
    assert_eq!(a.foundations.len(), 2);
    assert_eq!(b.foundations.len(), 2);
    // f1: a = 4 (w1), b = 2 reversed to 4 (w3), c = 5, d unanswered:
    // (4 + 12 + 5) / 5 = 4.2 -> (4.2 - 1) / 4 = 80 %, band high.
    // f2: e = 1, f unanswered: 1 of 2 meets half -> 1 -> 0 %, band low.
    let want = [
        ("f1", 4.2, 80.0, "high", (3, 0, 4)),
        ("f2", 1.0, 0.0, "low", (1, 0, 2)),
    ];
    for (s, ((fa, fb), (id, value, percent, band, counts))) in a
        .foundations
        .iter()
        .zip(&b.foundations)
        .zip(want)
        .enumerate()
    {
        for f in [fa, fb] {
            assert_eq!(f.id, id, "foundation {s}");
            assert_eq!(f.status, Status::Scored, "{id}");
            assert!(close(f.value.unwrap(), value), "{id}: value {:?}", f.value);
            assert!(
                close(f.percent.unwrap(), percent),
                "{id}: percent {:?}",
                f.percent
            );
            assert_eq!(f.band.as_deref(), Some(band), "{id}");
            assert_eq!((f.answered, f.dont_know, f.total), counts, "{id}");
        }
        // The two are the same exactly, not only close: 21/5 and 80.
        assert_eq!(fa.value, fb.value, "{id}");
        assert_eq!(fa.percent, fb.percent, "{id}");
    }
    // Overall: the mean of the percents (80 + 0) / 2 = 40, band low; of the values
    // (4.2 + 1) / 2 = 2.6; 4 answered of 6.
    for o in [&a.overall, &b.overall] {
        assert!(close(o.percent.unwrap(), 40.0), "{:?}", o.percent);
        assert!(close(o.value.unwrap(), 2.6), "{:?}", o.value);
        assert_eq!(o.band.as_deref(), Some("low"));
        assert_eq!((o.answered, o.dont_know, o.total), (4, 0, 6));
    }
    assert_eq!(a.overall.percent, b.overall.percent);
    assert_eq!(a.overall.value, b.overall.value);
    assert_eq!(a.overall.percent, Some(Exact::int(40)));
    assert_eq!(a.overall.value, Some(Exact::frac(13, 5)));
    // And so is what is written for JavaScript.
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
}

#[test]
fn builtin_framework_is_valid_and_complete() {
    let fw = foundations_check::core::builtin::builtin("place-based-partnership").unwrap();
    assert_eq!(fw.foundations.len(), 8);
    assert_eq!(fw.item_count(), 24);
    assert!(fw.foundations.iter().all(|f| f.items.len() == 3));
    assert_eq!((fw.scale.min, fw.scale.max), (1, 5));
    assert!(fw.scale.dont_know.is_some());
    let bands: Vec<&str> = fw.bands.levels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(bands, ["Emerging", "Developing", "Maturing", "Thriving"]);
    let fields: Vec<&str> = fw.respondent_fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(fields, ["sector", "role"]);
    for f in &fw.foundations {
        for band in ["emerging", "developing"] {
            assert!(
                fw.actions_for(f, band).len() >= 2,
                "{} needs actions for {band}",
                f.id
            );
        }
    }
    let list = foundations_check::core::builtin::builtins();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Foundations for place-based partnership");
    assert!(foundations_check::core::builtin::builtin("nope").is_err());
}

#[test]
fn worked_example_in_the_format_docs() {
    // docs/framework-format.md: a (w1) = 4, b (w3, reverse) = 2, c = don't know.
    let fw = framework_with(|v| {
        v["bands"] = json!({"basis": "percent", "levels": [
            {"id": "emerging", "label": "Emerging", "from": 0},
            {"id": "developing", "label": "Developing", "from": 40},
            {"id": "maturing", "label": "Maturing", "from": 60},
            {"id": "thriving", "label": "Thriving", "from": 80}
        ]});
        v["foundations"][0]["actions"] = json!([]);
        v["foundations"][0]["items"] = json!([
            {"id": "a", "text": "A"},
            {"id": "b", "text": "B", "reverse": true, "weight": 3},
            {"id": "c", "text": "C"}
        ]);
    })
    .unwrap();
    let r = response(&fw, json!({"a": 4, "b": 2, "c": "dontKnow"}), json!({}));
    let f = &score(&fw, &r).foundations[0];
    assert!(close(f.value.unwrap(), 4.0));
    assert!(close(f.percent.unwrap(), 75.0));
    assert_eq!(f.band.as_deref(), Some("maturing"));
}

#[test]
fn a_response_is_written_as_json_in_a_fixed_shape() {
    let fw = small();
    let mut r = response(
        &fw,
        json!({"b": 5, "a": "dontKnow"}),
        json!({"sector": "nhs"}),
    );
    assert_eq!(
        r.to_json(),
        r#"{"framework":"test","version":"1","answers":{"a":"dontKnow","b":5},"respondent":{"sector":"nhs"}}"#
    );
    r.submitted_at = Some("2026-11-23T10:00:00Z \"quoted\"\n".into());
    assert!(r
        .to_json()
        .ends_with(r#","submittedAt":"2026-11-23T10:00:00Z \"quoted\"\n"}"#));
}
