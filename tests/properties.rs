//! Property tests: no input makes the core panic, and the invariants a user relies on
//! hold for any valid input.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use foundations_check::codec::sharecode::{decode, encode};
use foundations_check::core::aggregation::{aggregate, Change, Options};
use foundations_check::core::builtin::builtin;
use foundations_check::core::exact::Exact;
use foundations_check::core::scoring::{score, Status};
use foundations_check::{Framework, Response};
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z0-9_.<>\" -]{0,12}".prop_map(Value::String),
        Just(json!("dontKnow")),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-z]{1,8}".boxed(),
                    Just("id".to_string()).boxed(),
                    Just("items".to_string()).boxed(),
                    Just("foundations".to_string()).boxed(),
                    Just("answers".to_string()).boxed(),
                    Just("__proto__".to_string()).boxed(),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Whether our JSON value is serde_json's, numbers with more than 15 significant
/// digits within a few units in the last place (as codec::json documents).
fn same_json(a: &foundations_check::codec::json::Value, b: &Value) -> bool {
    use foundations_check::codec::json::{Number, Value as V};
    match (a, b) {
        (V::Null, Value::Null) => true,
        (V::Bool(x), Value::Bool(y)) => x == y,
        (V::Number(Number::Int(x)), Value::Number(y)) => y.as_i64() == Some(*x),
        (V::Number(Number::Big(x)), Value::Number(y)) => y.as_u64() == Some(*x),
        (V::Number(Number::Float(x, _)), Value::Number(y)) => {
            // Within 4 units in the last place (subnormals included).
            let y = y.as_f64().unwrap();
            y.is_f64_like()
                && x.signum() == y.signum()
                && (x.to_bits() as i64 - y.to_bits() as i64).abs() <= 4
        }
        (V::String(x), Value::String(y)) => x == y,
        (V::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b))
        }
        (V::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => false,
    }
}

trait F64Like {
    fn is_f64_like(&self) -> bool;
}
impl F64Like for f64 {
    fn is_f64_like(&self) -> bool {
        self.is_finite()
    }
}

fn arb_text_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<u64>().prop_map(|i| json!(i)),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (-1e6f64..1e6).prop_map(|f| json!(f)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value at a random place in `v` (walking `steps`) with `new`.
fn mutate(v: &mut Value, steps: &[usize], new: Value) {
    let Some((s, rest)) = steps.split_first() else {
        *v = new;
        return;
    };
    match v {
        Value::Object(m) if !m.is_empty() => {
            let k = m.keys().nth(s % m.len()).cloned().unwrap();
            mutate(m.get_mut(&k).unwrap(), rest, new)
        }
        Value::Array(a) if !a.is_empty() => {
            let n = a.len();
            mutate(&mut a[s % n], rest, new)
        }
        _ => *v = new,
    }
}

fn arb_answers(fw: &Framework) -> impl Strategy<Value = Value> {
    let ids: Vec<String> = fw
        .foundations
        .iter()
        .flat_map(|f| f.items.iter().map(|i| i.id.clone()))
        .collect();
    let (min, max) = (fw.scale.min, fw.scale.max);
    prop::collection::vec(
        prop::option::of(prop_oneof![
            (min..=max).prop_map(|v| json!(v)),
            Just(json!("dontKnow"))
        ]),
        ids.len(),
    )
    .prop_map(move |vals| {
        Value::Object(
            ids.iter()
                .zip(vals)
                .filter_map(|(id, v)| v.map(|v| (id.clone(), v)))
                .collect(),
        )
    })
}

fn builtin_response() -> impl Strategy<Value = Response> {
    let fw = builtin("place-based-partnership").unwrap();
    (arb_answers(&fw), 0usize..6, 0usize..4, prop::option::of(0u64..(1 << 34))).prop_map(move |(answers, s, r, t)| {
        let mut resp = json!({"framework": fw.id, "version": fw.version, "answers": answers, "respondent": {}});
        if s < 5 {
            resp["respondent"]["sector"] = json!(fw.respondent_fields[0].options[s].id);
        }
        if r < 3 {
            resp["respondent"]["role"] = json!(fw.respondent_fields[1].options[r].id);
        }
        if let Some(t) = t {
            resp["submittedAt"] = json!(foundations_check::codec::sharecode::format_utc(t));
        }
        Response::from_value(&fw, &resp.into(), "").unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn any_json_as_a_framework_never_panics(v in arb_json()) {
        let v = v.into();
        let _ = Framework::from_value(&v);
        let _ = Response::from_value(&small(), &v, "");
    }

    #[test]
    fn json_text_is_read_as_serde_json_reads_it(v in arb_text_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let ours = foundations_check::codec::json::parse(&text).unwrap();
        prop_assert!(same_json(&ours, &v), "{text}");
    }

    #[test]
    fn any_text_never_panics(s in ".{0,200}") {
        let _ = Framework::from_json(&s);
        let _ = Response::from_json(&small(), &s);
        let _ = decode(&small(), &s);
    }

    #[test]
    fn mutated_frameworks_are_rejected_or_score_sanely(
        steps in prop::collection::vec(any::<usize>(), 1..6),
        new in arb_json(),
        answers in prop::collection::vec(-2i64..8, 6),
    ) {
        let mut v = small_json();
        mutate(&mut v, &steps, new);
        match Framework::from_value(&v.into()) {
            Err(issues) => prop_assert!(!issues.is_empty()),
            Ok(fw) => {
                let ids: Vec<&str> = fw.foundations.iter().flat_map(|f| f.items.iter().map(|i| i.id.as_str())).collect();
                let a: serde_json::Map<String, Value> = ids.iter().zip(&answers).map(|(k, v)| (k.to_string(), json!(v))).collect();
                let rv = json!({"framework": fw.id, "version": fw.version, "answers": a});
                if let Ok(r) = Response::from_value(&fw, &rv.into(), "") {
                    let s = score(&fw, &r);
                    for f in &s.foundations {
                        if let Some(p) = f.percent { prop_assert!(p >= Exact::ZERO && p <= Exact::int(100)); }
                    }
                    let _ = encode(&fw, &r);
                }
            }
        }
    }

    #[test]
    fn scores_are_percents_and_the_overall_is_their_mean(r in builtin_response()) {
        let fw = builtin("place-based-partnership").unwrap();
        let s = score(&fw, &r);
        let scored: Vec<Exact> = s.foundations.iter().filter(|f| f.status == Status::Scored).map(|f| f.percent.unwrap()).collect();
        for p in &scored { prop_assert!(*p >= Exact::ZERO && *p <= Exact::int(100)); }
        match s.overall.percent {
            None => prop_assert!(scored.is_empty()),
            Some(o) => {
                // The mean, exactly: n × overall is the sum.
                let sum = scored.iter().fold(Exact::ZERO, |a, p| a.add(*p));
                prop_assert_eq!(o.mul(Exact::int(scored.len() as i64)), sum);
                // Provisional below half of the 8 foundations, and then without a band.
                prop_assert_eq!(s.overall.provisional, scored.len() < 4);
                prop_assert_eq!(s.overall.band.is_none(), s.overall.provisional);
            }
        }
        prop_assert_eq!(s.overall.answered + s.overall.dont_know <= s.overall.total, true);
    }

    #[test]
    fn responses_round_trip_through_their_json(r in builtin_response()) {
        let fw = builtin("place-based-partnership").unwrap();
        let text = r.to_json();
        prop_assert_eq!(Response::from_json(&fw, &text).unwrap(), r.clone());
        let v: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(v["answers"].as_object().unwrap().len(), r.answers.len());
        prop_assert_eq!(v.get("submittedAt").is_some(), r.submitted_at.is_some());
    }

    /// The hand-written JSON of a response is serde_json's, character for character,
    /// for any text in any field (ids, options, comments, times).
    #[test]
    fn a_response_is_written_as_serde_json_writes_it(
        r in builtin_response(),
        texts in prop::collection::vec(any::<String>(), 4),
        comments in any::<bool>(),
    ) {
        let mut r = r;
        r.framework = texts[0].clone();
        r.respondent.insert(texts[1].clone(), texts[2].clone());
        if comments {
            r.comments.insert("purpose".into(), texts[3].clone());
            r.comments.insert(texts[2].clone(), texts[1].clone());
        }
        prop_assert_eq!(r.to_json(), serde_json::to_string(&r).unwrap());
    }

    /// The hand-written JSON of a score is serde_json's, character for character,
    /// given serde_json's number writer, for any response to the built-in framework and
    /// any band or foundation id.
    #[test]
    fn a_score_is_written_as_serde_json_writes_it(
        r in builtin_response(),
        texts in prop::collection::vec(any::<String>(), 2),
    ) {
        let fw = builtin("place-based-partnership").unwrap();
        let mut s = score(&fw, &r);
        s.foundations[0].id = texts[0].clone();
        if s.foundations[1].band.is_some() {
            s.foundations[1].band = Some(texts[1].clone());
        }
        let number = |x: f64| serde_json::to_string(&x).unwrap();
        prop_assert_eq!(s.to_json_with(&number), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn share_codes_round_trip(r in builtin_response()) {
        let fw = builtin("place-based-partnership").unwrap();
        let code = encode(&fw, &r);
        prop_assert!(code.len() <= 40);
        prop_assert_eq!(decode(&fw, &code).unwrap(), r);
    }

    #[test]
    fn aggregate_statistics_are_ordered(rs in prop::collection::vec(builtin_response(), 0..40), min in 1usize..6) {
        let fw = builtin("place-based-partnership").unwrap();
        let a = aggregate(&fw, &rs, &Options { group_by: Some("sector".into()), min_group_size: Some(min), previous: Some(&rs), raw: false }).unwrap();
        prop_assert_eq!(a.respondents, rs.len());
        for f in &a.foundations {
            if f.n >= min {
                let (lo, q1, m, q3, hi) = (f.min.unwrap(), f.q1.unwrap(), f.median.unwrap(), f.q3.unwrap(), f.max.unwrap());
                prop_assert!(lo <= q1 && q1 <= m && m <= q3 && q3 <= hi);
                prop_assert!(f.mean.unwrap() >= lo && f.mean.unwrap() <= hi);
                prop_assert_eq!(f.delta, Some(Exact::ZERO));
                prop_assert_eq!(f.change, Some(Change::Steady));
            }
        }
        // Every published group has at least `min` members, and the people outside the
        // published groups are none or at least `min`.
        let published: usize = a.groups.iter().filter(|g| !g.suppressed).map(|g| g.n).sum();
        for g in &a.groups {
            if !g.suppressed && g.n > 0 { prop_assert!(g.n >= min); }
            if g.suppressed { prop_assert!(g.foundations.is_empty()); }
        }
        let hidden = rs.len() - published;
        prop_assert!(hidden == 0 || hidden >= min || published == 0);
    }
}
