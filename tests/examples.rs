//! The example frameworks (frameworks/examples, not built in), shaped like established
//! instruments: each validates, scores against figures worked out by hand, draws,
//! round-trips through JSON, CSV and share codes, converts through the spreadsheet
//! template, and aggregates.
use foundations_check::chart::{from::chart_from_score, radar_svg};
use foundations_check::codec::sharecode::{decode, share, CodeComments};
use foundations_check::codec::{csv, sheet};
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::comments::{comments, CommentOptions};
use foundations_check::core::exact::Exact;
use foundations_check::core::num::shown;
use foundations_check::{score, Framework, Response};
use serde_json::{json, Value};

fn example(name: &str) -> Framework {
    let path = format!(
        "{}/frameworks/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    Framework::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:#?}"))
}

fn response(fw: &Framework, answers: Value, comments: Value) -> Response {
    Response::from_value(
        fw,
        &json!({"framework": fw.id, "version": fw.version, "answers": answers,
                "comments": comments, "submittedAt": "2026-11-22T09:30:00Z"})
        .into(),
        "",
    )
    .unwrap_or_else(|e| panic!("{e:#?}"))
}

/// Draws, and round-trips through JSON, CSV, share codes (saying whether the comments
/// went in) and the spreadsheet template.
fn round_trips(fw: &Framework, r: &Response, comments_in_code: CodeComments) {
    let svg = radar_svg(&chart_from_score(fw, &score(fw, r), None).unwrap()).unwrap();
    assert!(svg.starts_with("<svg "));
    // Each axis is labelled (long labels wrap, so word by word).
    for f in &fw.foundations {
        for word in f.label().split(' ') {
            assert!(svg.contains(word), "{} not drawn", f.label());
        }
    }
    assert_eq!(&Response::from_json(fw, &r.to_json()).unwrap(), r);
    let text = csv::to_csv(fw, std::slice::from_ref(r));
    assert_eq!(csv::from_csv(fw, &text).unwrap().responses, vec![r.clone()]);
    let s = share(fw, r);
    assert_eq!(s.comments, comments_in_code);
    let back = decode(fw, &s.code).unwrap();
    if comments_in_code == CodeComments::LeftOut {
        assert!(back.same_person(r) && back.comments.is_empty());
    } else {
        assert_eq!(&back, r);
    }
    let again = Framework::from_json(&serde_json::to_string(fw).unwrap()).unwrap();
    assert_eq!(&again, fw);
    assert_eq!(
        &sheet::framework_from_sheet(&sheet::template_csv(fw)).unwrap(),
        fw
    );
}

#[test]
fn a_maturity_matrix_with_a_description_of_every_level_of_every_dimension() {
    let fw = example("maturity-matrix");
    assert!(fw.has_own_scales());
    for f in &fw.foundations {
        let s = fw.foundation_scale(f);
        assert_eq!((s.min, s.max), (0, 5));
        assert!(
            (0..=5).all(|v| s.description(v).is_some_and(|d| d.len() > 30)),
            "{}",
            f.id
        );
    }
    // Level 2 of governance and of community say different things.
    let level2 = |i: usize| {
        fw.foundation_scale(&fw.foundations[i])
            .description(2)
            .unwrap()
    };
    assert_ne!(level2(1), level2(4));
    let levels = json!({"purpose-level": 3, "governance-level": 2, "data-level": 4,
                        "workforce-level": 1, "community-level": 5, "resources-level": 0});
    let r = response(&fw, levels, json!({}));
    let s = score(&fw, &r);
    // Each level l of 0 to 5 is l / 5 × 100 %; bands on the scale: laying from 0,
    // building from 2, embedded from 3.5.
    let got: Vec<(Exact, &str)> = s
        .foundations
        .iter()
        .map(|f| (f.percent.unwrap(), f.band.as_deref().unwrap()))
        .collect();
    let want = [
        (60, "building"),
        (40, "building"),
        (80, "embedded"),
        (20, "laying"),
        (100, "embedded"),
        (0, "laying"),
    ];
    assert_eq!(got, want.map(|(p, b)| (Exact::int(p), b)));
    // Overall: (60 + 40 + 80 + 20 + 100 + 0) / 6 = 50 %, the mean level 2.5: building.
    assert_eq!(s.overall.percent, Some(Exact::int(50)));
    assert_eq!(s.overall.value, Some(Exact::frac(5, 2)));
    assert_eq!(s.overall.band.as_deref(), Some("building"));
    assert_eq!(fw.places(), 0);
    round_trips(&fw, &r, CodeComments::None);
    // Three people on shared purpose at levels 3, 3 and 4: median 60 % (level 3,
    // building); a spread of 1 level is 20 points, and 80 is exactly 20 away: nobody
    // is outside.
    let team: Vec<Response> = [3, 3, 4]
        .iter()
        .map(|l| response(&fw, json!({"purpose-level": l}), json!({})))
        .collect();
    let agg = aggregate(&fw, &team, &Options::default()).unwrap();
    let p = &agg.foundations[0];
    assert_eq!(
        (p.n, p.median, p.band.as_deref()),
        (3, Some(Exact::int(60)), Some("building"))
    );
    assert_eq!((p.outside, p.split), (Some(Exact::ZERO), false));
}

#[test]
fn a_partnership_questionnaire_whose_sections_answer_in_different_ways() {
    let fw = example("partnership-questionnaire");
    let scale = |id: &str| {
        let s = fw.scale_of(id).unwrap();
        (s.min, s.max, s.label(s.min).unwrap().to_string())
    };
    assert_eq!(scale("working-1"), (1, 4, "Not at all well".into()));
    assert_eq!(scale("involvement-1"), (0, 4, "Not at all".into()));
    assert_eq!(scale("commitment-1"), (1, 5, "Strongly disagree".into()));
    assert_eq!(scale("commitment-4"), (1, 4, "Never".into()));
    let r = response(
        &fw,
        json!({"working-1": 3, "working-2": 4, "working-3": "dontKnow",
               "involvement-1": 1, "involvement-2": 2, "involvement-3": 0,
               "commitment-1": 4, "commitment-2": 2, "commitment-3": 2, "commitment-4": 3,
               "difference-1": 3, "difference-2": 4}),
        json!({}),
    );
    let s = score(&fw, &r);
    let f = |i: usize| {
        (
            s.foundations[i].percent.unwrap(),
            s.foundations[i].band.as_deref().unwrap(),
        )
    };
    // Working, how well (1 to 4): 3 is 2/3, 4 is 1, "Don't know" left out: 5/6, 83.3 %.
    assert_eq!(f(0), (Exact::frac(250, 3), "strong"));
    assert_eq!(s.foundations[0].value, Some(Exact::frac(7, 2)));
    // Involvement, how much (0 to 4): (1 + 2 + 0) / 12 = 25 %.
    assert_eq!(f(1), (Exact::int(25), "weak"));
    // Shared commitment, agree (1 to 5): 4 is 3/4, 2 is 1/4, the reversed 2 is 4, 3/4;
    // how often (1 to 4, weight 2): 3 is 2/3. (3/4 + 1/4 + 3/4 + 2 × 2/3) / 5 = 37/60:
    // 61.6 %, and on the agree scale 1 + 4 × 37/60 = 52/15.
    assert_eq!(f(2), (Exact::frac(185, 3), "good"));
    assert_eq!(s.foundations[2].value, Some(Exact::frac(52, 15)));
    assert_eq!(shown(s.foundations[2].percent.unwrap(), fw.places()), "61");
    // Making a difference, how much: (3 + 4) / 8 = 87.5 %.
    assert_eq!(f(3), (Exact::frac(175, 2), "strong"));
    // Overall: (250/3 + 25 + 185/3 + 87.5) / 4 = 64.375 %.
    assert_eq!(s.overall.percent, Some(Exact::frac(515, 8)));
    assert_eq!(s.overall.band.as_deref(), Some("good"));
    // "Don't know" is not offered on the how-often statement.
    let e = Response::from_value(
        &fw,
        &json!({"framework": fw.id, "version": fw.version, "answers": {"commitment-4": "dontKnow"}}).into(),
        "",
    )
    .unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "answers.commitment-4: this statement's scale has no \"Don't know\" choice"
    );
    round_trips(&fw, &r, CodeComments::None);
    // The team: the spread is a quarter of each section's range (25 points). Working
    // at 100, 83.3 and 33.3 %: median 83.3, 33.3 is 50 points away: 1 of 3 outside.
    let team: Vec<Response> = [(4, 4), (3, 4), (2, 2)]
        .iter()
        .map(|(a, b)| response(&fw, json!({"working-1": a, "working-2": b}), json!({})))
        .collect();
    let agg = aggregate(&fw, &team, &Options::default()).unwrap();
    let w = &agg.foundations[0];
    assert_eq!(
        (w.n, w.median, w.outside, w.split),
        (3, Some(Exact::frac(250, 3)), Some(Exact::frac(1, 3)), true)
    );
}

#[test]
fn a_pulse_check_from_1_to_10_with_a_comment_on_each_foundation() {
    let fw = example("pulse-check");
    assert!(fw
        .foundations
        .iter()
        .all(|f| f.comment.as_ref().is_some_and(|c| c.max_length == 280)));
    let said = json!({"energy": "New people joined; the budget worry drains us.",
                      "trust": "=Easier if meetings were shorter",
                      "focus": "Stop the monthly report nobody reads."});
    let r = response(
        &fw,
        json!({"energy-1": 7, "trust-1": 4, "progress-1": 10, "focus-1": 1}),
        said,
    );
    let s = score(&fw, &r);
    // (v - 1) / 9 × 100: 7 is 66.6 %, 4 is 33.3 %, 10 is 100 %, 1 is 0 %.
    let got: Vec<(Exact, &str)> = s
        .foundations
        .iter()
        .map(|f| (f.percent.unwrap(), f.band.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (Exact::frac(200, 3), "steady"),
            (Exact::frac(100, 3), "concern"),
            (Exact::int(100), "thriving"),
            (Exact::ZERO, "concern")
        ]
    );
    // Overall (200/3 + 100/3 + 100 + 0) / 4 = 50 %: steady.
    assert_eq!(s.overall.percent, Some(Exact::int(50)));
    assert_eq!(s.overall.band.as_deref(), Some("steady"));
    round_trips(&fw, &r, CodeComments::Included);
    // Four comments at the limit of 280 characters of three bytes each are too long for
    // a link: the code has the answers and says so.
    let long = "✓".repeat(280);
    let full = response(
        &fw,
        json!({"energy-1": 5}),
        json!({"energy": long, "trust": long, "progress": long, "focus": long}),
    );
    round_trips(&fw, &full, CodeComments::LeftOut);
    // Four people: energy 7, 8, 8, 10: median (7/9 + 7/9) / 2 = 77.7 %, thriving; a
    // spread of 2 on 1 to 10 is 22.2 points, and 100 is exactly that far: none outside.
    let team: Vec<Response> = [(7, "Tired"), (8, "busy"), (8, "Busy"), (10, "Buzzing")]
        .iter()
        .map(|(v, c)| response(&fw, json!({"energy-1": v}), json!({"energy": c})))
        .collect();
    let agg = aggregate(&fw, &team, &Options::default()).unwrap();
    let e = &agg.foundations[0];
    assert_eq!(
        (e.median, e.band.as_deref(), e.outside),
        (
            Some(Exact::frac(700, 9)),
            Some("thriving"),
            Some(Exact::ZERO)
        )
    );
    let listed = comments(&fw, &team, &CommentOptions::default()).unwrap();
    let texts: Vec<&str> = listed.foundations[0]
        .comments
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Busy", "busy", "Buzzing", "Tired"]);
}

#[test]
fn the_examples_are_not_built_in() {
    let ids: Vec<String> = foundations_check::core::builtin::builtins()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(ids, ["place-based-partnership"]);
}
