//! Numbers a partnership board can trust: exact scores, one rounding rule, figures that
//! agree with their bands, ties said as ties, honest error messages, suppression of
//! every figure resting on too few people, and change judged by a rank test. Each
//! expected value is worked out by hand in the comment beside it, or (the rank test)
//! computed independently as stated.
// Native tests (proptest is a native dev-dependency; the wasm tests are tests/web.rs).
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use foundations_check::chart::{text_alternative, RadarChart};
use foundations_check::core::aggregation::{aggregate, rank_test, Change, Options, Withheld};
use foundations_check::core::builtin::builtin;
use foundations_check::core::exact::Exact;
use foundations_check::core::num::shown;
use foundations_check::core::scoring::score;
use foundations_check::core::team::{aggregate_csv, group_gaps};
use foundations_check::{Framework, Response};
use proptest::prelude::*;
use serde_json::{json, Value};

/// A framework of one foundation with three items weighted 0.2, 0.3 and 0.5, scale 1
/// to 5, and the built-in bands.
fn weighted() -> Framework {
    Framework::from_value(
        &json!({
            "schema": "foundations-check/framework@1", "id": "w", "version": "1", "title": "W",
            "scale": {"min": 1, "max": 5, "labels": ["1","2","3","4","5"]},
            "bands": {"levels": [
                {"id": "emerging", "label": "Emerging", "from": 0},
                {"id": "developing", "label": "Developing", "from": 40},
                {"id": "maturing", "label": "Maturing", "from": 60},
                {"id": "thriving", "label": "Thriving", "from": 80}]},
            "foundations": [{"id": "f", "name": "F", "items": [
                {"id": "a", "text": "A", "weight": 0.2},
                {"id": "b", "text": "B", "weight": 0.3},
                {"id": "c", "text": "C", "weight": 0.5}]}]
        })
        .into(),
    )
    .unwrap()
}

fn answer(fw: &Framework, answers: Value) -> Response {
    let v = json!({"framework": fw.id, "version": fw.version, "answers": answers});
    Response::from_value(fw, &v.into(), "").unwrap()
}

#[test]
fn exact_decimals_come_out_exact() {
    let fw = weighted();
    // (0.2×1 + 0.3×2 + 0.5×4) / 1 = 2.8; (2.8 − 1) / 4 × 100 = 45 exactly.
    let s = score(&fw, &answer(&fw, json!({"a": 1, "b": 2, "c": 4})));
    let f = &s.foundations[0];
    assert_eq!(f.value, Some(Exact::frac(14, 5)));
    assert_eq!(f.percent, Some(Exact::int(45)));
    assert_eq!(f.percent.unwrap().get(), 45.0);
    assert_eq!(
        serde_json::to_value(&s).unwrap()["foundations"][0]["percent"],
        json!(45.0)
    );
    // 1, 2, 3: (0.2 + 0.6 + 1.5) = 2.3; 1.3 / 4 × 100 = 32.5 exactly.
    let s = score(&fw, &answer(&fw, json!({"a": 1, "b": 2, "c": 3})));
    assert_eq!(s.foundations[0].percent, Some(Exact::frac(65, 2)));
}

#[test]
fn one_rounding_rule_cut_toward_zero() {
    // 32.5 and 37.5 are shown by the same rule: 32 and 37 (not 32 and 38).
    assert_eq!(shown(Exact::frac(65, 2), 0), "32");
    assert_eq!(shown(Exact::frac(75, 2), 0), "37");
    // 21.25 is 21 on the page and in the summary CSV (and 21.2 at one place, both).
    assert_eq!(shown(Exact::frac(85, 4), 0), "21");
    assert_eq!(shown(Exact::frac(85, 4), 1), "21.2");
    assert_eq!(shown(Exact::frac(-87, 10), 0), "-8");
    assert_eq!(shown(Exact::frac(-1, 3), 0), "0");
    assert_eq!(shown(Exact::int(45), 1), "45.0");
    assert_eq!(shown(Exact::frac(1, 20), 2), "0.05");
}

#[test]
fn the_summary_csv_uses_the_same_rule_as_the_page() {
    // Bands at 0, 62.5 (one place): figures are shown to one place. f2 percents 0,
    // 12.5, 25, 37.5 (answers e = 1..4, f = 1): median (12.5 + 25) / 2 = 18.75, shown 18.7
    // (cut toward zero; halves up would give 18.8).
    let fw = framework_with(|v| {
        v["bands"]["levels"] = json!([
            {"id": "low", "label": "Low", "from": 0},
            {"id": "mid", "label": "Mid", "from": 62.5}
        ]);
        v["foundations"][0]["actions"] = json!([]);
    })
    .unwrap();
    assert_eq!(fw.places(), 1);
    let rs: Vec<Response> = (1..=4)
        .map(|v| response(&fw, json!({"e": v, "f": 1}), json!({})))
        .collect();
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert_eq!(a.foundations[1].median, Some(Exact::frac(75, 4)));
    let csv = aggregate_csv(&fw, &a);
    assert!(
        csv.contains("\"Everyone (n=4)\",\"Two\",\"4\",\"18.7\""),
        "{csv}"
    );
    assert_eq!(shown(a.foundations[1].median.unwrap(), fw.places()), "18.7");
}

/// The built-in framework answered as the issue describes: purpose 1, 2, "Don't know";
/// understanding 2, 2, 2; every other statement 5 (the reverse-worded one 1).
fn just_below_thriving() -> Response {
    let fw = builtin("place-based-partnership").unwrap();
    let mut answers = serde_json::Map::new();
    for f in &fw.foundations {
        for i in &f.items {
            let v = match f.id.as_str() {
                "purpose" => json!(["1", "2", "dontKnow"][answers.len() % 3]),
                "understanding" => json!(2),
                _ if i.reverse => json!(1),
                _ => json!(5),
            };
            answers.insert(i.id.clone(), v);
        }
    }
    answers.insert("purpose-1".into(), json!(1));
    answers.insert("purpose-2".into(), json!(2));
    answers.insert("purpose-3".into(), json!("dontKnow"));
    answer(&fw, Value::Object(answers))
}

#[test]
fn a_number_shown_never_contradicts_its_band() {
    let fw = builtin("place-based-partnership").unwrap();
    let s = score(&fw, &just_below_thriving());
    // Purpose (1, 2): 1.5 → 12.5; understanding 2 → 25; six foundations at 100.
    // Overall (12.5 + 25 + 600) / 8 = 637.5 / 8 = 79.6875 = 1275/16: Maturing.
    assert_eq!(s.overall.percent, Some(Exact::frac(1275, 16)));
    assert_eq!(s.overall.band.as_deref(), Some("maturing"));
    assert_eq!(shown(s.overall.percent.unwrap(), fw.places()), "79");
    assert!(!s.overall.provisional);
    assert_eq!((s.overall.scored, s.overall.foundations), (8, 8));
}

/// The shown figure, read back as a decimal, falls in the same band as the exact score.
fn agrees(fw: &Framework, p: Exact, band: Option<&str>) -> bool {
    let text = shown(p, fw.places());
    let back = Exact::from_decimal(text.parse::<f64>().unwrap());
    let value = fw.percent_to_value(&fw.foundations[0], back);
    fw.band(back, value).map(|l| l.id.as_str()) == band
}

prop_compose! {
    /// A framework of 1 to 4 foundations of 1 to 4 items, with weights of up to three
    /// decimals, a scale of 3 to 11 points, and 2 to 5 band thresholds of up to two
    /// decimals, on the percent basis.
    fn arb_framework()(
        points in 3i32..=11,
        weights in prop::collection::vec(prop::collection::vec(1u32..=5000, 1..=4), 1..=4),
        cuts in prop::collection::btree_set(1u32..10_000, 1..=4),
    ) -> Framework {
        let foundations: Vec<Value> = weights.iter().enumerate().map(|(fi, ws)| json!({
            "id": format!("f{fi}"), "name": format!("F{fi}"),
            "items": ws.iter().enumerate().map(|(ii, w)| json!({
                "id": format!("i{fi}-{ii}"), "text": "T", "weight": f64::from(*w) / 1000.0
            })).collect::<Vec<_>>()
        })).collect();
        let mut levels = vec![json!({"id": "b0", "label": "B0", "from": 0})];
        for (k, c) in cuts.iter().enumerate() {
            levels.push(json!({"id": format!("b{}", k + 1), "label": "B", "from": f64::from(*c) / 100.0}));
        }
        Framework::from_value(&json!({
            "schema": "foundations-check/framework@1", "id": "p", "version": "1", "title": "P",
            "scale": {"min": 1, "max": points, "labels": (1..=points).map(|p| p.to_string()).collect::<Vec<_>>(), "dontKnow": "DK"},
            "bands": {"levels": levels},
            "foundations": foundations
        }).into()).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn the_shown_number_and_the_shown_band_always_agree(
        fw in arb_framework(),
        picks in prop::collection::vec(0u32..20, 16),
    ) {
        let mut answers = serde_json::Map::new();
        for (k, item) in fw.foundations.iter().flat_map(|f| &f.items).enumerate() {
            let p = picks[k % picks.len()];
            let max = fw.scale.max as u32;
            if p <= max - 1 {
                answers.insert(item.id.clone(), json!(p + 1));
            } else if p % 3 == 0 {
                answers.insert(item.id.clone(), json!("dontKnow"));
            }
        }
        let s = score(&fw, &answer(&fw, Value::Object(answers)));
        for f in &s.foundations {
            if let Some(p) = f.percent {
                prop_assert!(agrees(&fw, p, f.band.as_deref()), "{} shown {}", p.get(), shown(p, fw.places()));
            }
        }
        if let (Some(p), false) = (s.overall.percent, s.overall.provisional) {
            prop_assert!(agrees(&fw, p, s.overall.band.as_deref()), "overall {}", p.get());
        }
    }

    #[test]
    fn the_built_in_frameworks_figures_agree_with_their_bands(
        picks in prop::collection::vec(0u8..7, 24),
    ) {
        let fw = builtin("place-based-partnership").unwrap();
        let mut answers = serde_json::Map::new();
        for (item, p) in fw.foundations.iter().flat_map(|f| &f.items).zip(&picks) {
            match p {
                1..=5 => { answers.insert(item.id.clone(), json!(p)); }
                6 => { answers.insert(item.id.clone(), json!("dontKnow")); }
                _ => {}
            }
        }
        let s = score(&fw, &answer(&fw, Value::Object(answers)));
        for f in s.foundations.iter().filter_map(|f| f.percent.map(|p| (p, f.band.as_deref()))) {
            prop_assert!(agrees(&fw, f.0, f.1));
        }
        if let (Some(p), false) = (s.overall.percent, s.overall.provisional) {
            prop_assert!(agrees(&fw, p, s.overall.band.as_deref()), "overall {}", p.get());
        }
    }
}

#[test]
fn ties_are_said_as_ties() {
    let chart = |values: Value| {
        let axes: Vec<Value> = ["Purpose", "Trust", "Governance"]
            .iter()
            .map(|l| json!({"id": l.to_lowercase(), "label": l}))
            .collect();
        RadarChart::from_value(
            &json!({"axes": axes, "series": [{"label": "You", "values": values}]}).into(),
        )
        .unwrap()
    };
    assert_eq!(
        text_alternative(&chart(json!([50, 50, 25]))).summary,
        "Highest Purpose and Trust (50%), lowest Governance (25%)."
    );
    // 50.2 and 50.9 are both shown as 50: said alike.
    assert_eq!(
        text_alternative(&chart(json!([50.2, 10, 50.9]))).summary,
        "Highest Purpose and Governance (50%), lowest Trust (10%)."
    );
    assert_eq!(
        text_alternative(&chart(json!([50, 50, 50]))).summary,
        "All 3 at 50%."
    );
}

#[test]
fn error_messages_name_the_number_as_written() {
    let e = RadarChart::from_json(
        r#"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": [100.00000000000003]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "series[0].values[0]: 100.00000000000003 is not between 0 and 100"
    );
    let fw = small();
    let e = Response::from_json(
        &fw,
        r#"{"framework": "test", "version": "1", "answers": {"a": 3.0000000000000004}}"#,
    )
    .unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "answers.a: expected a whole number, found 3.0000000000000004"
    );
}

/// Voluntary-sector respondents: two answer "Don't know" to every governance statement
/// and one answers 1, 1, 1; every other statement 4.
fn vcs_team() -> (Framework, Vec<Response>) {
    let fw = builtin("place-based-partnership").unwrap();
    let mut rs = Vec::new();
    let person = |sector: &str, governance: Value| {
        let mut answers = serde_json::Map::new();
        for f in &fw.foundations {
            for i in &f.items {
                let v = if f.id == "governance" {
                    governance.clone()
                } else {
                    json!(4)
                };
                answers.insert(i.id.clone(), v);
            }
        }
        let v = json!({"framework": fw.id, "version": fw.version, "answers": answers, "respondent": {"sector": sector}});
        Response::from_value(&fw, &v.into(), "").unwrap()
    };
    for _ in 0..2 {
        rs.push(person("voluntary-sector", json!("dontKnow")));
    }
    rs.push(person("voluntary-sector", json!(1)));
    for _ in 0..5 {
        rs.push(person("nhs-trust", json!(4)));
    }
    for _ in 0..4 {
        rs.push(person("local-authority", json!(3)));
    }
    (fw, rs)
}

#[test]
fn no_figure_rests_on_fewer_than_the_minimum() {
    let (fw, rs) = vcs_team();
    let opts = Options {
        group_by: Some("sector".into()),
        ..Options::default()
    };
    let a = aggregate(&fw, &rs, &opts).unwrap();
    let gov = fw
        .foundations
        .iter()
        .position(|f| f.id == "governance")
        .unwrap();
    let vcs = a
        .groups
        .iter()
        .find(|g| g.option == "voluntary-sector")
        .unwrap();
    // The group is published (3 people), but its governance figure rests on one.
    assert!(!vcs.suppressed);
    assert_eq!(vcs.n, 3);
    let g = &vcs.foundations[gov];
    assert_eq!((g.n, g.withheld), (1, Some(Withheld::FewerThanMinimum)));
    assert_eq!(
        (g.median, g.min, g.max, g.dont_know_rate),
        (None, None, None, None)
    );
    // And it makes no gap (below, council's figure is withheld too, leaving nhs alone).
    let (_, gap) = group_gaps(&a).into_iter().find(|(i, _)| *i == gov).unwrap();
    assert_eq!(gap, None);
    // Other foundations: every group's median is 75: gaps of 0.
    assert_eq!(group_gaps(&a)[0].1, Some(Exact::ZERO));
    // Complementary: the team's governance figure rests on 10 people (2 said
    // "Don't know" throughout); nhs 5 and council 4 are published, so 1 person would be
    // left to subtract: the smaller published figure (council, 4) is withheld too.
    assert_eq!(a.foundations[gov].n, 10);
    let council = a
        .groups
        .iter()
        .find(|g| g.option == "local-authority")
        .unwrap();
    assert_eq!(
        council.foundations[gov].withheld,
        Some(Withheld::Complementary)
    );
    let nhs = a.groups.iter().find(|g| g.option == "nhs-trust").unwrap();
    assert_eq!(nhs.foundations[gov].withheld, None);
    // Other foundations rest on everyone in each group: published.
    assert!(vcs.foundations[0].withheld.is_none() && council.foundations[0].withheld.is_none());
    // The summary CSV says what is withheld and why.
    let csv = aggregate_csv(&fw, &a);
    assert!(csv.contains("\"Voluntary, community or social enterprise sector\",\"Governance and decision-making\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"withheld: fewer than 3 people\""), "{csv}");
    assert!(
        csv.contains("\"withheld: with the other figures it would reveal a small group\""),
        "{csv}"
    );
    // Raw figures only when asked for.
    let raw = aggregate(
        &fw,
        &rs,
        &Options {
            raw: true,
            ..opts.clone()
        },
    )
    .unwrap();
    let vcs = raw
        .groups
        .iter()
        .find(|g| g.option == "voluntary-sector")
        .unwrap();
    assert_eq!(vcs.foundations[gov].median, Some(Exact::int(0)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// For any team and minimum: every published statistic rests on at least the
    /// minimum, and per foundation the people in no published group figure (of those
    /// the team figure rests on) are none or at least the minimum.
    #[test]
    fn no_published_figure_rests_on_fewer_than_the_minimum(
        people in prop::collection::vec((0usize..6, prop::collection::vec(0u8..7, 6)), 0..40),
        min in 1usize..6,
    ) {
        let fw = small();
        let sectors = ["nhs", "council", "vcs"];
        let rs: Vec<Response> = people.iter().map(|(s, picks)| {
            let mut answers = serde_json::Map::new();
            for (id, p) in ["a", "b", "c", "d", "e", "f"].iter().zip(picks) {
                match p { 1..=5 => { answers.insert(id.to_string(), json!(p)); }
                          6 => { answers.insert(id.to_string(), json!("dontKnow")); }
                          _ => {} }
            }
            let respondent = if *s < 3 { json!({"sector": sectors[*s]}) } else { json!({}) };
            response(&fw, Value::Object(answers), respondent)
        }).collect();
        let a = aggregate(&fw, &rs, &Options { group_by: Some("sector".into()), min_group_size: Some(min), ..Options::default() }).unwrap();
        let published = |f: &foundations_check::core::aggregation::FoundationStats| f.median.is_some();
        for (fi, t) in a.foundations.iter().enumerate() {
            if published(t) { prop_assert!(t.n >= min); }
            let mut in_groups = 0;
            for g in &a.groups {
                if let Some(f) = g.foundations.get(fi) {
                    if published(f) {
                        prop_assert!(f.n >= min);
                        prop_assert!(g.n >= min);
                        in_groups += f.n;
                    }
                    if f.withheld.is_some() { prop_assert!(f.median.is_none() && f.dont_know_rate.is_none() && f.outside.is_none()); }
                }
            }
            if published(t) && in_groups > 0 {
                let hidden = t.n - in_groups;
                prop_assert!(hidden == 0 || hidden >= min, "foundation {fi}: {hidden} hidden");
            }
        }
    }
}

#[test]
fn the_rank_test_matches_an_independent_computation() {
    // Reference values from SciPy 1.x: scipy.stats.mannwhitneyu(now, then,
    // alternative="two-sided", method="asymptotic", use_continuity=True).pvalue.
    let ex = |xs: &[i64]| xs.iter().map(|x| Exact::int(*x)).collect::<Vec<_>>();
    let cases: [(&[i64], &[i64], f64); 3] = [
        (
            &[50, 50, 75, 75, 100, 100, 100, 75],
            &[25, 50, 50, 25, 75, 50],
            0.02235353226772792,
        ),
        (&[50, 50, 75, 25], &[25, 50, 50, 75], 1.0),
        (
            &[25, 25, 50, 0, 0],
            &[50, 75, 75, 100, 50, 75],
            0.011643995832960661,
        ),
    ];
    for (now, then, p) in cases {
        let (z, got) = rank_test(&ex(now), &ex(then)).unwrap();
        assert!((got - p).abs() < 1e-12, "{got} against {p}");
        assert!(
            p == 1.0
                || (z > 0.0)
                    == (now.iter().sum::<i64>() * then.len() as i64
                        > then.iter().sum::<i64>() * now.len() as i64)
        );
    }
    assert_eq!(rank_test(&[], &ex(&[1])), None);
}

/// A round of the built-in framework: `counts` people answering every statement of
/// every foundation with the given answers (one triple per group of people).
fn round(fw: &Framework, groups: &[(usize, [i64; 3])]) -> Vec<Response> {
    let mut rs = Vec::new();
    for (n, triple) in groups {
        for _ in 0..*n {
            let mut answers = serde_json::Map::new();
            for f in &fw.foundations {
                for (k, i) in f.items.iter().enumerate() {
                    // The reverse-worded statement answered so that it scores the same.
                    let v = if i.reverse { 6 - triple[k] } else { triple[k] };
                    answers.insert(i.id.clone(), json!(v));
                }
            }
            rs.push(answer(fw, Value::Object(answers)));
        }
    }
    rs
}

#[test]
fn change_neither_hides_nor_overstates() {
    let fw = builtin("place-based-partnership").unwrap();
    // Then: 240 people, 60 at 25 %, 120 at 50 %, 60 at 75 %: median 50.
    let then = round(&fw, &[(60, [2, 2, 2]), (120, [3, 3, 3]), (60, [4, 4, 4])]);
    // Now: 320 people, 60 at 25 %, 90 at 50 %, 170 at 58⅓ % (3, 3, 4): median 58⅓,
    // up 8⅓ points. SciPy (as above): p = 0.007864397269199718.
    let now = round(&fw, &[(60, [2, 2, 2]), (90, [3, 3, 3]), (170, [3, 3, 4])]);
    let a = aggregate(
        &fw,
        &now,
        &Options {
            previous: Some(&then),
            ..Options::default()
        },
    )
    .unwrap();
    for f in &a.foundations {
        assert_eq!(f.delta, Some(Exact::frac(25, 3)));
        assert_eq!(f.change, Some(Change::Up));
        assert!((f.change_p.unwrap() - 0.007864397269199718).abs() < 1e-12);
    }
    // Now: 60 at 25 %, 100 at 50 %, 160 at 75 %: median 62.5, up 12.5; p = 3.48e-7.
    let now = round(&fw, &[(60, [2, 2, 2]), (100, [3, 3, 3]), (160, [4, 4, 4])]);
    let a = aggregate(
        &fw,
        &now,
        &Options {
            previous: Some(&then),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(a.foundations[0].delta, Some(Exact::frac(25, 2)));
    assert_eq!(a.foundations[0].change, Some(Change::Up));
    assert!((a.foundations[0].change_p.unwrap() - 3.4834753816959165e-07).abs() < 1e-15);
    // The same round against itself: no clear change, 0 points.
    let a = aggregate(
        &fw,
        &then,
        &Options {
            previous: Some(&then),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(
        (a.foundations[0].delta, a.foundations[0].change),
        (Some(Exact::ZERO), Some(Change::Steady))
    );
    // An earlier round of 2 people: the change rests on too few, so it is withheld.
    let a = aggregate(
        &fw,
        &then,
        &Options {
            previous: Some(&now[..2]),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(
        (a.foundations[0].delta, a.foundations[0].change),
        (None, None)
    );
}

#[test]
fn the_overall_says_what_it_rests_on() {
    let fw = builtin("place-based-partnership").unwrap();
    // One foundation answered of eight: provisional, no band.
    let s = score(
        &fw,
        &answer(&fw, json!({"purpose-1": 5, "purpose-2": 5, "purpose-3": 4})),
    );
    assert_eq!((s.overall.scored, s.overall.foundations), (1, 8));
    assert!(s.overall.provisional);
    assert_eq!(s.overall.band, None);
    // (5, 5, 4): 14/3 → (14/3 − 1) / 4 × 100 = 91⅔.
    assert_eq!(s.overall.percent, Some(Exact::frac(275, 3)));
    // Four of eight (the default share, a half) is enough.
    let mut answers = serde_json::Map::new();
    for f in &fw.foundations[..4] {
        for i in &f.items {
            answers.insert(i.id.clone(), json!(if i.reverse { 2 } else { 4 }));
        }
    }
    let s = score(&fw, &answer(&fw, Value::Object(answers)));
    assert!(!s.overall.provisional);
    assert_eq!(s.overall.band.as_deref(), Some("maturing"));
}
