//! The format's additions: scales of their own on foundations and statements, labels
//! with descriptions, comment questions and the consensus spread as a share; scoring
//! across scales checked against figures worked out by hand; comments in JSON, CSV and
//! share codes.
// Native tests (proptest is a native dev-dependency; the wasm tests are tests/web.rs).
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use foundations_check::codec::{csv, sharecode};
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::exact::Exact;
use foundations_check::core::num::shown;
use foundations_check::core::scoring::{score, Status};
use foundations_check::core::team::{disagreement, import};
use foundations_check::{Framework, Issue, Response};
use serde_json::{json, Value};

fn has(issues: &[Issue], path: &str, words: &str) {
    assert!(
        issues
            .iter()
            .any(|i| i.path == path && i.message.contains(words)),
        "expected an issue at {path:?} mentioning {words:?}, got:\n{issues:#?}"
    );
}

/// Three foundations on different scales (bands 0, 40, 60, 80 on the percent basis):
/// - `a` on the framework's 1 to 5: a1 (weight 1); a2 on its own 0 to 10 (weight 2, no
///   "Don't know"); a3 on its own 1 to 3, reversed;
/// - `b` on its own 0 to 5 with a description per level and a comment question;
/// - `c` on its own 0 to 10, c1 on it and c2 on its own 1 to 5.
fn mixed_json() -> Value {
    json!({
        "schema": "foundations-check/framework@1",
        "id": "mixed",
        "version": "1",
        "title": "Mixed",
        "scale": {"min": 1, "max": 5, "labels": ["1", "2", "3", "4", "5"], "dontKnow": "Don't know"},
        "bands": {"levels": [
            {"id": "emerging", "label": "Emerging", "from": 0},
            {"id": "developing", "label": "Developing", "from": 40},
            {"id": "maturing", "label": "Maturing", "from": 60},
            {"id": "thriving", "label": "Thriving", "from": 80}
        ]},
        "consensus": {"spread": 1, "maxOutside": 0.3},
        "respondentFields": [{"id": "sector", "label": "Sector", "options": [
            {"id": "nhs", "label": "NHS"}, {"id": "council", "label": "Council"}
        ]}],
        "foundations": [
            {"id": "a", "name": "A", "items": [
                {"id": "a1", "text": "A1"},
                {"id": "a2", "text": "A2", "weight": 2, "scale": {"min": 0, "max": 10,
                    "labels": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]}},
                {"id": "a3", "text": "A3", "reverse": true, "scale": {"min": 1, "max": 3,
                    "labels": ["Low", "Middle", "High"], "dontKnow": "Not sure"}}
            ]},
            {"id": "b", "name": "B",
             "scale": {"min": 0, "max": 5, "labels": [
                "None",
                {"label": "Starting", "description": "A first conversation has happened."},
                "Some", "Much",
                {"label": "Most", "description": "Nearly everywhere."},
                "All"
             ]},
             "comment": {"prompt": "What would help here?", "maxLength": 30},
             "items": [{"id": "b1", "text": "B1"}, {"id": "b2", "text": "B2"}]},
            {"id": "c", "name": "C",
             "scale": {"min": 0, "max": 10, "labels": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]},
             "items": [
                {"id": "c1", "text": "C1"},
                {"id": "c2", "text": "C2", "scale": {"min": 1, "max": 5, "labels": ["1", "2", "3", "4", "5"]}}
             ]}
        ]
    })
}

fn mixed() -> Framework {
    Framework::from_value(&mixed_json().into()).expect("the mixed framework is valid")
}

fn mixed_with(edit: impl FnOnce(&mut Value)) -> Result<Framework, Vec<Issue>> {
    let mut v = mixed_json();
    edit(&mut v);
    Framework::from_value(&v.into())
}

fn read(fw: &Framework, v: Value) -> Result<Response, Vec<Issue>> {
    Response::from_value(fw, &v.into(), "")
}

#[test]
fn scales_of_their_own_are_found_for_each_statement() {
    let fw = mixed();
    assert!(fw.has_own_scales() && fw.has_comments());
    let scale = |id: &str| {
        let s = fw.scale_of(id).unwrap();
        (s.min, s.max)
    };
    assert_eq!(scale("a1"), (1, 5));
    assert_eq!(scale("a2"), (0, 10));
    assert_eq!(scale("a3"), (1, 3));
    assert_eq!(scale("b1"), (0, 5));
    assert_eq!(scale("c1"), (0, 10));
    assert_eq!(scale("c2"), (1, 5));
    let b = fw.foundation_scale(&fw.foundations[1]);
    assert_eq!(b.label(1), Some("Starting"));
    assert_eq!(b.description(1), Some("A first conversation has happened."));
    assert_eq!(b.description(2), None);
    assert_eq!(b.description(9), None);
    assert_eq!(
        fw.scale_of("a3").unwrap().dont_know.as_deref(),
        Some("Not sure")
    );
    assert_eq!(fw.scale_of("a2").unwrap().dont_know, None);
    let q = fw.foundations[1].comment.as_ref().unwrap();
    assert_eq!(
        (q.prompt.as_str(), q.max_length),
        ("What would help here?", 30)
    );
}

#[test]
fn written_back_a_framework_with_the_additions_reads_the_same() {
    let fw = mixed();
    let v = serde_json::to_value(&fw).unwrap();
    // Labels with a description as objects, the others as text.
    assert_eq!(
        v["foundations"][1]["scale"]["labels"][1],
        json!({"label": "Starting", "description": "A first conversation has happened."})
    );
    assert_eq!(v["foundations"][1]["scale"]["labels"][0], json!("None"));
    assert_eq!(
        v["foundations"][1]["comment"],
        json!({"prompt": "What would help here?", "maxLength": 30})
    );
    assert!(v["foundations"][0].get("scale").is_none());
    assert!(v["foundations"][0]["items"][0].get("scale").is_none());
    assert_eq!(Framework::from_value(&v.into()).unwrap(), fw);
    // A comment question without a limit has the default.
    let fw = mixed_with(|v| v["foundations"][1]["comment"] = json!({"prompt": "Why?"})).unwrap();
    assert_eq!(fw.foundations[1].comment.as_ref().unwrap().max_length, 1000);
}

#[test]
fn every_problem_with_the_additions_is_named_where_it_is() {
    let e = mixed_with(|v| {
        v["foundations"][0]["items"][1]["scale"]["max"] = json!(0);
        v["foundations"][0]["items"][2]["scale"]["labels"] = json!(["Low", "High"]);
        v["foundations"][1]["scale"]["labels"][2] = json!(3);
        v["foundations"][1]["scale"]["labels"][3] = json!({"label": "Much", "note": "x"});
        v["foundations"][1]["scale"]["labels"][4] = json!({"description": "no label"});
        v["foundations"][2]["scale"] = json!("0 to 10");
        v["foundations"][1]["comment"] = json!({"prompt": " ", "maxLength": 0, "size": 3});
    })
    .unwrap_err();
    has(
        &e,
        "foundations[0].items[1].scale.max",
        "must be greater than min (0)",
    );
    has(
        &e,
        "foundations[0].items[2].scale.labels",
        "has 2 labels; a scale from 1 to 3 needs 3",
    );
    has(
        &e,
        "foundations[1].scale.labels[2]",
        "expected text, found a whole number",
    );
    has(
        &e,
        "foundations[1].scale.labels[3].note",
        "unknown field; expected one of: label, description",
    );
    has(&e, "foundations[1].scale.labels[4].label", "is required");
    has(&e, "foundations[2].scale", "expected an object, found text");
    has(&e, "foundations[1].comment.prompt", "must not be empty");
    has(
        &e,
        "foundations[1].comment.maxLength",
        "must be between 1 and 5000 characters",
    );
    has(&e, "foundations[1].comment.size", "unknown field");
    let e = mixed_with(|v| v["foundations"][1]["comment"]["maxLength"] = json!(2.5)).unwrap_err();
    has(
        &e,
        "foundations[1].comment.maxLength",
        "expected a whole number, found 2.5",
    );
    let e = mixed_with(|v| {
        v["foundations"][1]["scale"]["labels"][1]["description"] = json!("x".repeat(10_001))
    })
    .unwrap_err();
    has(
        &e,
        "foundations[1].scale.labels[1].description",
        "the limit is 10000",
    );
}

#[test]
fn bands_on_the_scale_need_every_foundation_on_the_frameworks_range() {
    let e = mixed_with(|v| v["bands"]["basis"] = json!("scale")).unwrap_err();
    has(
        &e,
        "foundations[1].scale",
        "bands on the \"scale\" basis are values on the framework's scale (1 to 5)",
    );
    has(&e, "foundations[2].scale", "use the \"percent\" basis");
    assert_eq!(e.len(), 2, "{e:#?}");
    // A statement's own scale is placed on its foundation's: allowed.
    let ok = framework_with(|v| {
        v["bands"] = json!({"basis": "scale", "levels": [{"id": "low", "label": "L", "from": 1}, {"id": "high", "label": "H", "from": 3}]});
        v["foundations"][1]["items"][0]["scale"] =
            json!({"min": 0, "max": 2, "labels": ["0", "1", "2"]});
        // A foundation's own scale with the framework's range is allowed too.
        v["foundations"][0]["scale"] =
            json!({"min": 1, "max": 5, "labels": ["a", "b", "c", "d", "e"]});
    });
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn the_consensus_spread_is_in_scale_points_or_a_share_never_both() {
    let e = mixed_with(|v| v["consensus"] = json!({"maxOutside": 0.3})).unwrap_err();
    has(
        &e,
        "consensus.spread",
        "is required (in scale points), or give spreadShare",
    );
    let e = mixed_with(|v| {
        v["consensus"] = json!({"spread": 1, "spreadShare": 0.2, "maxOutside": 0.3})
    })
    .unwrap_err();
    has(&e, "consensus.spreadShare", "not both");
    for bad in [0.0, -0.1, 1.5] {
        let e = mixed_with(|v| v["consensus"] = json!({"spreadShare": bad, "maxOutside": 0.3}))
            .unwrap_err();
        has(&e, "consensus.spreadShare", "greater than 0 and at most 1");
    }
    let fw =
        mixed_with(|v| v["consensus"] = json!({"spreadShare": 0.25, "maxOutside": 0.3})).unwrap();
    for f in &fw.foundations {
        assert_eq!(fw.spread_points(f), Some(Exact::int(25)));
    }
    // Spread in points of each foundation's own scale: 1 of 1 to 5 is 25 points, of 0
    // to 5 is 20, of 0 to 10 is 10.
    let fw = mixed();
    let points: Vec<Exact> = fw
        .foundations
        .iter()
        .map(|f| fw.spread_points(f).unwrap())
        .collect();
    assert_eq!(points, [Exact::int(25), Exact::int(20), Exact::int(10)]);
}

#[test]
fn answers_on_different_scales_score_by_their_place_on_each_scale() {
    let fw = mixed();
    let r = read(
        &fw,
        json!({"framework": "mixed", "version": "1", "answers": {
            "a1": 4, "a2": 7, "a3": 1, "b1": 3, "b2": 4, "c1": 5, "c2": 2
        }}),
    )
    .unwrap();
    let s = score(&fw, &r);
    // a: a1 4 on 1-5 is 3/4; a2 7 on 0-10 is 7/10 (weight 2); a3 1 on 1-3 reversed is
    // 3, so 2/2. (1 × 0.75 + 2 × 0.7 + 1 × 1) / 4 = 3.15 / 4 = 0.7875: 78.75 %, and on
    // the foundation's 1 to 5, 1 + 0.7875 × 4 = 4.15.
    let a = &s.foundations[0];
    assert_eq!(a.percent, Some(Exact::frac(315, 4)));
    assert_eq!(a.value, Some(Exact::frac(83, 20)));
    assert_eq!(a.band.as_deref(), Some("maturing"));
    assert_eq!(shown(a.percent.unwrap(), fw.places()), "78");
    // b, on its own 0 to 5: (3 + 4) / 2 = 3.5, 70 %.
    let b = &s.foundations[1];
    assert_eq!(
        (b.value, b.percent),
        (Some(Exact::frac(7, 2)), Some(Exact::int(70)))
    );
    // c, on its own 0 to 10: c1 5 is 50 %, c2 2 on 1 to 5 is 25 %: 37.5 %, 3.75 on 0-10.
    let c = &s.foundations[2];
    assert_eq!(
        (c.value, c.percent),
        (Some(Exact::frac(15, 4)), Some(Exact::frac(75, 2)))
    );
    assert_eq!(c.band.as_deref(), Some("emerging"));
    // Overall: (78.75 + 70 + 37.5) / 3 = 62.083…, exactly 745/12.
    assert_eq!(s.overall.percent, Some(Exact::frac(745, 12)));
    assert_eq!(s.overall.band.as_deref(), Some("maturing"));
}

#[test]
fn the_sum_of_answers_on_different_scales_is_placed_on_the_foundations_scale() {
    let fw = mixed_with(|v| v["scoring"] = json!({"method": "sum"})).unwrap();
    let r = read(
        &fw,
        json!({"framework": "mixed", "version": "1", "answers": {"a1": 4, "a2": 7, "a3": "dontKnow"}}),
    )
    .unwrap();
    // a: a1 3/4 (weight 1), a2 7/10 (weight 2): (0.75 + 1.4) / 3 = 0.71666…; on 1 to 5,
    // 1 + 4 × 43/60 = 58/15; pro-rated to the full weight 4: 232/15.
    let a = &score(&fw, &r).foundations[0];
    assert_eq!(a.percent, Some(Exact::frac(215, 3)));
    assert_eq!(a.value, Some(Exact::frac(232, 15)));
    assert_eq!((a.answered, a.dont_know), (2, 1));
}

#[test]
fn answers_are_checked_against_their_own_scale() {
    let fw = mixed();
    let answer = |item: &str, a: Value| {
        read(
            &fw,
            json!({"framework": "mixed", "version": "1", "answers": {item: a}}),
        )
    };
    has(
        &answer("a2", json!(11)).unwrap_err(),
        "answers.a2",
        "11 is outside the scale (0 to 10)",
    );
    has(
        &answer("a3", json!(0)).unwrap_err(),
        "answers.a3",
        "0 is outside the scale (1 to 3)",
    );
    has(
        &answer("b1", json!(6)).unwrap_err(),
        "answers.b1",
        "6 is outside the scale (0 to 5)",
    );
    has(
        &answer("a2", json!("dontKnow")).unwrap_err(),
        "answers.a2",
        "this statement's scale has no \"Don't know\" choice",
    );
    assert!(answer("a2", json!(0)).is_ok());
    assert!(answer("a3", json!("dontKnow")).is_ok());
    assert!(answer("b1", json!(0)).is_ok());
    // Not scored as an answer: "Don't know" on a3 is counted as such.
    let r = answer("a3", json!("dontKnow")).unwrap();
    let s = score(&fw, &r);
    assert_eq!(
        (s.foundations[0].status, s.foundations[0].dont_know),
        (Status::Insufficient, 1)
    );
}

#[test]
fn the_consensus_rule_compares_people_in_each_foundations_own_points() {
    let fw = mixed();
    // c is on 0 to 10: spread 1 is 10 points. c1 and c2 (1 to 5) answered: people at
    // 50, 50, 50 and 75 %: median 50; 75 is 25 points away (> 10): 1 of 4 outside.
    // On b (0 to 5, 20 points): 60, 60, 60, 100 %: 1 of 4 outside (40 > 20).
    let rs: Vec<Response> = [(5, 3, 3), (5, 3, 3), (5, 3, 3), (5, 4, 5)]
        .iter()
        .map(|&(c1, c2, b)| {
            read(
                &fw,
                json!({"framework": "mixed", "version": "1", "answers": {
                    "c1": c1, "c2": c2, "b1": b, "b2": b
                }}),
            )
            .unwrap()
        })
        .collect();
    let agg = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert_eq!(agg.foundations[2].median, Some(Exact::int(50)));
    assert_eq!(agg.foundations[2].outside, Some(Exact::frac(1, 4)));
    assert!(!agg.foundations[2].split);
    assert_eq!(agg.foundations[1].outside, Some(Exact::frac(1, 4)));
    // With a spread of 0.1 of each range, 10 points everywhere.
    let fw =
        mixed_with(|v| v["consensus"] = json!({"spreadShare": 0.1, "maxOutside": 0.2})).unwrap();
    let agg = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert!(agg.foundations[1].split && agg.foundations[2].split);
    let said = disagreement(&fw, &agg).unwrap();
    assert_eq!(
        said,
        "People disagree most about b: 25% are more than 10 points from the median."
    );
    // Agreement across spreads of different sizes names no single figure.
    let fw = mixed_with(|v| v["consensus"] = json!({"spread": 3, "maxOutside": 0.3})).unwrap();
    let agg = aggregate(&fw, &rs, &Options::default()).unwrap();
    assert_eq!(
        disagreement(&fw, &agg).unwrap(),
        "People broadly agree: on every foundation, at most 30% are further from the median than its consensus spread."
    );
}

fn with_comment(fw: &Framework, text: &str) -> Result<Response, Vec<Issue>> {
    read(
        fw,
        json!({"framework": "mixed", "version": "1", "answers": {"b1": 2}, "comments": {"b": text},
               "submittedAt": "2026-11-22T09:30:15Z"}),
    )
}

#[test]
fn comments_are_read_checked_and_written_back() {
    let fw = mixed();
    let r = with_comment(&fw, "More time.\nAnd <b>less</b>").unwrap();
    assert_eq!(
        r.comments.get("b").map(String::as_str),
        Some("More time.\nAnd <b>less</b>")
    );
    let text = r.to_json();
    assert!(
        text.contains(r#""comments":{"b":"More time.\nAnd <b>less</b>"}"#),
        "{text}"
    );
    assert_eq!(Response::from_json(&fw, &text).unwrap(), r);
    // Empty or blank comments are no comment; null likewise.
    for blank in ["", "  \n "] {
        let r = with_comment(&fw, blank).unwrap();
        assert!(r.comments.is_empty());
        assert!(!r.to_json().contains("comments"));
    }
    // 30 characters (not bytes) allowed; 31 not.
    assert!(with_comment(&fw, &"é".repeat(30)).is_ok());
    has(
        &with_comment(&fw, &"x".repeat(31)).unwrap_err(),
        "comments.b",
        "is 31 characters long; the limit is 30",
    );
    let bad = |comments: Value| {
        read(
            &fw,
            json!({"framework": "mixed", "version": "1", "answers": {}, "comments": comments}),
        )
        .unwrap_err()
    };
    has(
        &bad(json!({"a": "x"})),
        "comments.a",
        "the foundation \"a\" asks for no comment",
    );
    has(
        &bad(json!({"zz": "x"})),
        "comments.zz",
        "\"zz\" is not a foundation of this framework",
    );
    has(
        &bad(json!({"b": 3})),
        "comments.b",
        "expected the comment as text, found a whole number",
    );
    has(
        &bad(json!(["x"])),
        "comments",
        "expected an object of comments by foundation id, found a list",
    );
    // Every comment is checked, however many there are.
    let many: serde_json::Map<String, Value> =
        (0..60).map(|k| (format!("k{k}"), json!("x"))).collect();
    has(
        &bad(Value::Object(many)),
        "comments.k59",
        "\"k59\" is not a foundation of this framework",
    );
    let mut r = Response::new(&fw);
    assert!(r.set_comment(&fw, "b", "Yes").is_ok());
    assert!(r.set_comment(&fw, "a", "No").is_err());
    assert!(r.set_comment(&fw, "b", " ").is_ok());
    assert!(r.comments.is_empty());
}

#[test]
fn comments_go_into_csv_as_text_never_as_formulas() {
    let fw = mixed_with(|v| v["foundations"][1]["comment"]["maxLength"] = json!(25)).unwrap();
    let mut rs = Vec::new();
    for (i, text) in [
        "=HYPERLINK(\"http://x\")",
        "\"quoted\", and, commas",
        "line one\r\nline two",
        "  spaced  ",
        "'=already",
    ]
    .iter()
    .enumerate()
    {
        let mut r = Response::new(&fw);
        r.answers
            .insert("b1".into(), foundations_check::Answer::Value(i as i32));
        r.set_comment(&fw, "b", text).unwrap();
        rs.push(r);
    }
    rs.push(Response::new(&fw));
    let text = csv::to_csv(&fw, &rs);
    let header = text.lines().next().unwrap();
    assert!(header.ends_with(",\"c1\",\"c2\",\"comment:b\""), "{header}");
    assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
    assert!(text.contains("\"''=already\""), "{text}");
    let back = csv::from_csv(&fw, &text).unwrap();
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.responses, rs);
    // A comment too long, or a comment column for a foundation that asks for none.
    let long = text.replace("\"  spaced  \"", &format!("\"{}\"", "y".repeat(26)));
    let got = csv::from_csv(&fw, &long).unwrap();
    assert_eq!(got.rejected.len(), 1);
    assert!(
        got.rejected[0]
            .message
            .contains("column comment:b: is 26 characters long"),
        "{:?}",
        got.rejected
    );
    let other = text.replace("\"comment:b\"", "\"comment:a\"");
    let e = csv::from_csv(&fw, &other).unwrap_err();
    assert!(
        e.message
            .contains("\"comment:a\" is not a statement or respondent question"),
        "{e}"
    );
}

#[test]
fn share_codes_carry_comments_while_they_fit_and_say_when_they_do_not() {
    let fw = mixed();
    let r = with_comment(&fw, "Time, and trust ✓").unwrap();
    let share = sharecode::share(&fw, &r);
    assert_eq!(share.comments, sharecode::CodeComments::Included);
    assert_eq!(sharecode::encode(&fw, &r), share.code);
    assert_eq!(sharecode::decode(&fw, &share.code).unwrap(), r);
    // The same response without its comment: format 1, as codes have always been.
    let mut bare = r.clone();
    bare.comments.clear();
    let plain = sharecode::share(&fw, &bare);
    assert_eq!(plain.comments, sharecode::CodeComments::None);
    let format = |code: &str| sharecode::base64url_decode(code).unwrap()[0];
    assert_eq!((format(&plain.code), format(&share.code)), (1, 2));
    assert!(share.code.len() > plain.code.len());
    // Too long for a link: the code has the answers alone, and says so.
    let big = mixed_with(|v| v["foundations"][1]["comment"]["maxLength"] = json!(5000)).unwrap();
    let long = read(
        &big,
        json!({"framework": "mixed", "version": "1", "answers": {"b1": 2}, "comments": {"b": "w".repeat(1400)}}),
    )
    .unwrap();
    let left = sharecode::share(&big, &long);
    assert_eq!(left.comments, sharecode::CodeComments::LeftOut);
    assert!(left.code.len() < 40, "{}", left.code);
    let back = sharecode::decode(&big, &left.code).unwrap();
    assert!(back.comments.is_empty());
    assert!(back.same_person(&long));
    // 1,300 bytes fit (about 1,740 characters of code).
    let fits = read(
        &big,
        json!({"framework": "mixed", "version": "1", "answers": {}, "comments": {"b": "w".repeat(1300)}}),
    )
    .unwrap();
    let s = sharecode::share(&big, &fits);
    assert_eq!(s.comments, sharecode::CodeComments::Included);
    assert!(s.code.len() <= sharecode::MAX_CODE_CHARS_WITH_COMMENTS);
    assert_eq!(sharecode::decode(&big, &s.code).unwrap(), fits);
}

#[test]
fn a_share_code_with_a_comment_that_cannot_be_is_refused() {
    let fw = mixed();
    let r = with_comment(&fw, "Fine").unwrap();
    let code = sharecode::encode(&fw, &r);
    let mut bytes = sharecode::base64url_decode(&code).unwrap();
    // The comment's last byte, just before the 2 check bytes, made one that no UTF-8
    // text ends with, and the check made again, as a forger would.
    let n = bytes.len();
    let body = &mut bytes[..n - 2];
    // The comment is the last thing written: its 4 bytes end within the last 5.
    let last = body.len() - 1;
    body[last] ^= 0xff;
    body[last - 1] ^= 0xff;
    let h = sharecode::fnv1a(&bytes[..n - 2]);
    let check = (((h >> 16) ^ (h & 0xffff)) as u16).to_be_bytes();
    bytes[n - 2..].copy_from_slice(&check);
    let e = sharecode::decode(&fw, &sharecode::base64url_encode(&bytes)).unwrap_err();
    assert_eq!(
        e.message,
        "the share code has an impossible comment for \"b\""
    );
}

#[test]
fn the_same_self_check_from_its_code_then_its_json_is_one_person_with_its_comments() {
    let fw = mixed_with(|v| v["foundations"][1]["comment"]["maxLength"] = json!(5000)).unwrap();
    let r = read(
        &fw,
        json!({"framework": "mixed", "version": "1", "answers": {"b1": 2, "b2": 3},
               "comments": {"b": "z".repeat(2000)}, "submittedAt": "2026-11-22T09:30:15Z"}),
    )
    .unwrap();
    let share = sharecode::share(&fw, &r);
    assert_eq!(share.comments, sharecode::CodeComments::LeftOut);
    let mut set = Vec::new();
    let first = import(&fw, &mut set, "pasted text", &share.code);
    assert_eq!((first.added, first.duplicates), (1, 0));
    assert!(set[0].comments.is_empty());
    let again = import(&fw, &mut set, "answers.json", &format!("[{}]", r.to_json()));
    assert_eq!((again.added, again.duplicates), (0, 1));
    assert_eq!(set, vec![r.clone()]);
    // And the other way round: the code after the JSON adds nobody and keeps the comment.
    let mut set = Vec::new();
    import(&fw, &mut set, "answers.json", &r.to_json());
    let later = import(&fw, &mut set, "pasted text", &share.code);
    assert_eq!((later.added, later.duplicates), (0, 1));
    assert_eq!(set, vec![r]);
}

#[test]
fn a_framework_in_the_page_is_read_from_its_script_elements_text() {
    let json = serde_json::to_string_pretty(&mixed_json()).unwrap();
    // As a page holds it: a line break after the opening tag, indentation, and a
    // `</` written `<\/` inside a string.
    let text = format!(
        "\n    {}\n  ",
        json.replace("\"Mixed\"", "\"Mixed <\\/script> safe\"")
    );
    let fw = Framework::from_script(&text).unwrap();
    assert_eq!(fw.title, "Mixed </script> safe");
    let e = |t: &str| Framework::from_script(t).unwrap_err()[0].to_string();
    assert_eq!(
        e("  \n "),
        "the framework in the page's <script type=\"application/json\"> element is empty: put the framework's JSON inside it"
    );
    assert_eq!(
        e("\n  const framework = {};"),
        "the framework in the page's <script type=\"application/json\"> element is not a JSON object: it starts \"const framework = {}\"; put only the framework's JSON inside it, with no JavaScript or HTML comments around it"
    );
    assert!(e("<!-- {} -->").contains("it starts \"<!-- {} -->\""));
    // Line 1 is the opening tag's line: the missing comma is on line 3.
    assert_eq!(
        e("\n{\"schema\": \"x\"\n \"id\": 1}"),
        "the framework in the page's <script type=\"application/json\"> element: not valid JSON: expected `,` or `}` at line 3 column 1"
    );
    // Valid JSON, not a valid framework: the validator's problems, by path.
    let issues =
        Framework::from_script("{\"schema\": \"foundations-check/framework@1\"}").unwrap_err();
    assert!(issues
        .iter()
        .any(|i| i.path == "id" && i.message == "is required"));
}

mod properties {
    use super::*;
    use foundations_check::Answer;
    use proptest::prelude::*;

    /// A scale from `min` with `points` points, with or without "Don't know".
    fn scale_json(min: i32, points: i32, dk: bool) -> Value {
        let labels: Vec<Value> = (0..points)
            .map(|k| {
                if k % 2 == 0 {
                    json!(format!("p{k}"))
                } else {
                    json!({"label": format!("p{k}"), "description": "d"})
                }
            })
            .collect();
        let mut s = json!({"min": min, "max": min + points - 1, "labels": labels});
        if dk {
            s["dontKnow"] = json!("DK");
        }
        s
    }

    type Spec = (i32, i32, bool);

    /// A framework of two foundations: the first on the framework's scale, the second on
    /// its own, each statement on its own scale or not; the second asks for a comment.
    fn arb_framework() -> impl Strategy<Value = Framework> {
        let spec = || (-3i32..4, 2i32..12, any::<bool>());
        (
            spec(),
            spec(),
            prop::collection::vec((prop::option::of(spec()), any::<bool>(), 1u32..5), 1..5),
            prop::collection::vec((prop::option::of(spec()), any::<bool>(), 1u32..5), 1..5),
        )
            .prop_map(|(main, own, a, b): (Spec, Spec, Vec<(Option<Spec>, bool, u32)>, Vec<(Option<Spec>, bool, u32)>)| {
                let items = |prefix: &str, list: &[(Option<Spec>, bool, u32)]| -> Vec<Value> {
                    list.iter()
                        .enumerate()
                        .map(|(k, (s, reverse, w))| {
                            let mut item = json!({"id": format!("{prefix}{k}"), "text": "T", "reverse": reverse, "weight": w});
                            if let Some((min, n, dk)) = s {
                                item["scale"] = scale_json(*min, *n, *dk);
                            }
                            item
                        })
                        .collect()
                };
                let v = json!({
                    "schema": "foundations-check/framework@1", "id": "p", "version": "1", "title": "P",
                    "scale": scale_json(main.0, main.1, main.2),
                    "bands": {"levels": [{"id": "l", "label": "L", "from": 0}, {"id": "h", "label": "H", "from": 50}]},
                    "consensus": {"spreadShare": 0.2, "maxOutside": 0.3},
                    "foundations": [
                        {"id": "a", "name": "A", "items": items("a", &a)},
                        {"id": "b", "name": "B", "scale": scale_json(own.0, own.1, own.2), "items": items("b", &b),
                         "comment": {"prompt": "Why?", "maxLength": 40}}
                    ]
                });
                Framework::from_value(&v.into()).expect("a generated framework is valid")
            })
    }

    fn arb_case() -> impl Strategy<Value = (Framework, Response, f64)> {
        arb_framework().prop_flat_map(|fw| {
            let n = fw.item_count();
            (
                Just(fw),
                prop::collection::vec(0u32..1000, n),
                prop::option::of("[a-z=+\"', \\n\\t.é✓-]{0,40}"),
            )
                .prop_map(|(fw, picks, comment)| {
                    let mut r = Response::new(&fw);
                    // The percent of each foundation worked out in floats, item by item.
                    let mut expected = Vec::new();
                    let mut k = 0;
                    for f in &fw.foundations {
                        let (mut sum, mut weight, mut answered) = (0.0, 0.0, 0);
                        for item in &f.items {
                            let s = fw.item_scale(f, item);
                            let span = (s.max - s.min + 1) as u32;
                            match picks[k] % (span + 2) {
                                0 => {}
                                1 if s.dont_know.is_some() => {
                                    r.answers.insert(item.id.clone(), Answer::DontKnow);
                                }
                                1 => {}
                                p => {
                                    let v = s.min + (p - 2) as i32;
                                    r.answers.insert(item.id.clone(), Answer::Value(v));
                                    let v = if item.reverse { s.min + s.max - v } else { v };
                                    sum += item.weight * f64::from(v - s.min)
                                        / f64::from(s.max - s.min);
                                    weight += item.weight;
                                    answered += 1;
                                }
                            }
                            k += 1;
                        }
                        expected.push(
                            (answered * 2 >= f.items.len() && answered > 0)
                                .then(|| sum / weight * 100.0),
                        );
                    }
                    if let Some(c) = comment {
                        r.set_comment(&fw, "b", &c).unwrap();
                    }
                    let first = expected[0].unwrap_or(-1.0);
                    (fw, r, first)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any response to a framework with scales of its own and a comment reads back
        /// the same from JSON, CSV and its share code, and each foundation's percent is
        /// the weighted mean of each answer's place on its own scale.
        #[test]
        fn scales_of_their_own_round_trip_and_score_by_place((fw, r, first) in arb_case()) {
            prop_assert_eq!(Response::from_json(&fw, &r.to_json()).unwrap(), r.clone());
            let text = csv::to_csv(&fw, std::slice::from_ref(&r));
            prop_assert_eq!(csv::from_csv(&fw, &text).unwrap().responses, vec![r.clone()]);
            let s = sharecode::share(&fw, &r);
            prop_assert_eq!(s.comments != sharecode::CodeComments::None, !r.comments.is_empty());
            prop_assert_eq!(sharecode::decode(&fw, &s.code).unwrap(), r.clone());
            let scored = score(&fw, &r);
            for f in &scored.foundations {
                if let Some(p) = f.percent {
                    prop_assert!(p >= Exact::ZERO && p <= Exact::int(100));
                    prop_assert!(p.is_exact());
                }
            }
            match scored.foundations[0].percent {
                Some(p) => prop_assert!((p.get() - first).abs() < 1e-9, "{} vs {}", p.get(), first),
                None => prop_assert_eq!(first, -1.0),
            }
        }
    }
}
