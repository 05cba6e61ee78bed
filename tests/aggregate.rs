//! Aggregation rules, checked against hand-computed figures.
mod common;
use common::*;
use foundations_check::core::aggregation::{aggregate, quantile, suppression, Options, Withheld};
use foundations_check::core::exact::Exact;
use foundations_check::Response;
use serde_json::json;

/// A response whose f2 answers are `e` and `f` and whose sector is `sector`.
fn f2(fw: &foundations_check::Framework, e: i64, f: i64, sector: &str) -> Response {
    response(fw, json!({"e": e, "f": f}), json!({"sector": sector}))
}

#[test]
fn quantiles_interpolate_linearly() {
    let xs = [0, 25, 50, 100].map(Exact::int);
    let q = |p| Exact::frac(p, 4);
    // h = 3p: q1 at 0.75 -> 0 + .75 * 25 = 18.75; median at 1.5 -> 37.5; q3 at 2.25 -> 62.5.
    assert_eq!(quantile(&xs, q(1)), Some(Exact::frac(75, 4)));
    assert_eq!(quantile(&xs, q(2)), Some(Exact::frac(75, 2)));
    assert_eq!(quantile(&xs, q(3)), Some(Exact::frac(125, 2)));
    assert_eq!(quantile(&[], q(2)), None);
    assert_eq!(quantile(&[Exact::int(42)], q(1)), Some(Exact::int(42)));
}

#[test]
fn statistics_per_foundation() {
    let fw = small();
    // f2 percents: (1,1)->0, (3,3)->50, (4,4)->75, (5,5)->100.
    let rs = vec![
        f2(&fw, 1, 1, "nhs"),
        f2(&fw, 3, 3, "nhs"),
        f2(&fw, 4, 4, "nhs"),
        f2(&fw, 5, 5, "nhs"),
    ];
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert_eq!(a.respondents, 4);
    let s = &a.foundations[1];
    assert_eq!(s.n, 4);
    assert!(close(s.mean.unwrap().get(), 56.25));
    assert!(close(s.median.unwrap().get(), 62.5));
    // q1: h = .75 -> 0 + .75 * 50 = 37.5; q3: h = 2.25 -> 75 + .25 * 25 = 81.25.
    assert!(close(s.q1.unwrap().get(), 37.5));
    assert!(close(s.q3.unwrap().get(), 81.25));
    assert!(close(s.min.unwrap().get(), 0.0));
    assert!(close(s.max.unwrap().get(), 100.0));
    // Sample sd: deviations -56.25, -6.25, 18.75, 43.75; squares sum 5468.75; / 3.
    assert!(close(s.sd.unwrap(), (5468.75f64 / 3.0).sqrt()));
    assert_eq!(s.band.as_deref(), Some("mid"));
    assert!(close(s.dont_know_rate.unwrap().get(), 0.0));
    assert_eq!(s.delta, None);
    // f1 was never answered: n = 0 and no statistics.
    assert_eq!(a.foundations[0].n, 0);
    assert_eq!(a.foundations[0].median, None);
    assert!(a.groups.is_empty());
}

#[test]
fn only_scored_respondents_count_and_dont_know_rate() {
    let fw = small();
    let rs = vec![
        response(&fw, json!({"e": 5, "f": 5}), json!({})),
        response(&fw, json!({"e": "dontKnow", "f": "dontKnow"}), json!({})),
        response(&fw, json!({"e": "dontKnow", "f": 1}), json!({})),
    ];
    // Two people scored: below the minimum of 3, so withheld by default.
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    let s = &a.foundations[1];
    assert_eq!((s.n, s.withheld), (2, Some(Withheld::FewerThanMinimum)));
    assert_eq!((s.median, s.mean, s.dont_know_rate), (None, None, None));
    // Raw figures, for a caller that asks for them.
    let raw = Options {
        raw: true,
        ..Options::default()
    };
    let a = aggregate(&fw, &rs, &raw).unwrap();
    let s = &a.foundations[1];
    // The second respondent has no f2 score; the third is scored on f alone (0 %).
    assert_eq!(s.n, 2);
    assert!(close(s.mean.unwrap().get(), 50.0));
    // 3 don't-knows of 6 statement slots.
    assert!(close(s.dont_know_rate.unwrap().get(), 0.5));
    assert_eq!(s.sd.map(|x| x > 0.0), Some(true));
}

#[test]
fn split_detection() {
    let fw = small();
    // consensus: spread 1 point of a 4-point range = 25 percent points; maxOutside 0.3.
    // Percents 50, 50, 50, 100, 100 (median 50): 2 of 5 = 40 % are more than 25 away: split.
    let rs: Vec<Response> = [3, 3, 3, 5, 5]
        .iter()
        .map(|&v| f2(&fw, v, v, "nhs"))
        .collect();
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert!(close(a.foundations[1].outside.unwrap().get(), 0.4));
    assert!(a.foundations[1].split);
    // Percents 50, 50, 50, 75, 75: 75 is exactly 25 away, not more: not split.
    let rs: Vec<Response> = [3, 3, 3, 4, 4]
        .iter()
        .map(|&v| f2(&fw, v, v, "nhs"))
        .collect();
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert!(close(a.foundations[1].outside.unwrap().get(), 0.0));
    assert!(!a.foundations[1].split);
    // 50 x 7, 100 x 3: 30 % outside is not more than 0.3: not split.
    let rs: Vec<Response> = [3, 3, 3, 3, 3, 3, 3, 5, 5, 5]
        .iter()
        .map(|&v| f2(&fw, v, v, "nhs"))
        .collect();
    let a = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert!(!a.foundations[1].split);
    // Without a consensus rule nothing is split.
    let fw2 = framework_with(|v| {
        v.as_object_mut().unwrap().remove("consensus");
    })
    .unwrap();
    let rs: Vec<Response> = [1, 5, 1, 5]
        .iter()
        .map(|&v| f2(&fw2, v, v, "nhs"))
        .collect();
    let a = aggregate(&fw2, &rs, &Options::default()).unwrap();
    assert!(!a.foundations[1].split);
    assert_eq!(a.foundations[1].outside, None);
}

#[test]
fn groups_with_suppression() {
    let fw = small();
    let mut rs = Vec::new();
    for v in [1, 2, 3] {
        rs.push(f2(&fw, v, v, "nhs"));
    }
    for v in [5, 5, 4, 4] {
        rs.push(f2(&fw, v, v, "council"));
    }
    rs.push(f2(&fw, 1, 1, "vcs"));
    rs.push(f2(&fw, 2, 2, "vcs"));
    rs.push(f2(&fw, 5, 5, "vcs"));
    let opts = Options {
        group_by: Some("sector".into()),
        ..Options::default()
    };
    let a = aggregate(&fw, &rs, &opts).unwrap();
    let g: Vec<(&str, usize, bool)> = a
        .groups
        .iter()
        .map(|g| (g.option.as_str(), g.n, g.suppressed))
        .collect();
    assert_eq!(
        g,
        [("nhs", 3, false), ("council", 4, false), ("vcs", 3, false)]
    );
    // nhs: 0, 25, 50 -> median 25.
    assert!(close(
        a.groups[0].foundations[1].median.unwrap().get(),
        25.0
    ));
    // With a minimum of 4, nhs and vcs (3 each) are suppressed and carry no statistics.
    let opts = Options {
        group_by: Some("sector".into()),
        min_group_size: Some(4),
        ..Options::default()
    };
    let a = aggregate(&fw, &rs, &opts).unwrap();
    let g: Vec<(&str, bool)> = a
        .groups
        .iter()
        .map(|g| (g.option.as_str(), g.suppressed))
        .collect();
    assert_eq!(g, [("nhs", true), ("council", false), ("vcs", true)]);
    assert!(a.groups[0].foundations.is_empty());
    // An unknown field is an error naming the option.
    let opts = Options {
        group_by: Some("team".into()),
        ..Options::default()
    };
    let e = aggregate(&fw, &rs, &opts).unwrap_err();
    assert_eq!(e.path, "options.groupBy");
}

#[test]
fn a_lone_respondent_cannot_be_recovered_from_the_totals() {
    let fw = small();
    // 5 NHS, 4 council, 1 voluntary sector: the vcs group is suppressed, and since the
    // everyone-totals are published too, the smallest other group goes with it so that
    // the vcs person's answers cannot be worked out as (total - nhs - council).
    let mut rs = Vec::new();
    for _ in 0..5 {
        rs.push(f2(&fw, 3, 3, "nhs"));
    }
    for _ in 0..4 {
        rs.push(f2(&fw, 4, 4, "council"));
    }
    rs.push(f2(&fw, 1, 1, "vcs"));
    let opts = Options {
        group_by: Some("sector".into()),
        ..Options::default()
    };
    let a = aggregate(&fw, &rs, &opts).unwrap();
    let g: Vec<(&str, bool)> = a
        .groups
        .iter()
        .map(|g| (g.option.as_str(), g.suppressed))
        .collect();
    assert_eq!(g, [("nhs", false), ("council", true), ("vcs", true)]);
    // A respondent who did not answer the field counts as hidden too.
    assert_eq!(suppression(&[5, 4], 1, 3), [false, true]);
    assert_eq!(suppression(&[5, 4], 0, 3), [false, false]);
    assert_eq!(suppression(&[5, 4], 3, 3), [false, false]);
    assert_eq!(suppression(&[1, 1, 1, 9], 0, 3), [true, true, true, false]);
    assert_eq!(suppression(&[0, 6], 0, 3), [false, false]);
}

#[test]
fn delta_against_previous_round() {
    let fw = small();
    let now: Vec<Response> = [4, 4, 5].iter().map(|&v| f2(&fw, v, v, "nhs")).collect();
    let before: Vec<Response> = [2, 3, 3].iter().map(|&v| f2(&fw, v, v, "nhs")).collect();
    let opts = Options {
        previous: Some(&before),
        ..Options::default()
    };
    let a = aggregate(&fw, &now, &opts).unwrap();
    // Median now 75, before 50: +25.
    assert!(close(a.foundations[1].delta.unwrap().get(), 25.0));
    // f1 has no data in either round: no delta.
    assert_eq!(a.foundations[0].delta, None);
}

#[test]
fn empty_set() {
    let fw = small();
    let a = aggregate(&fw, &[], &Options::default()).unwrap();
    assert_eq!(a.respondents, 0);
    assert!(a.foundations.iter().all(|f| f.n == 0 && f.median.is_none()));
    assert_eq!(a.foundations[0].dont_know_rate, None);
}
