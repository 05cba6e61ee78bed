//! The invalid-input catalogue: each case names the path and the problem.
mod common;
use common::*;
use foundations_check::{Framework, Issue, Response};
use serde_json::json;

/// Asserts that some issue is at `path` and its message contains `words`.
fn has(issues: &[Issue], path: &str, words: &str) {
    assert!(
        issues
            .iter()
            .any(|i| i.path == path && i.message.contains(words)),
        "expected an issue at {path:?} mentioning {words:?}, got:\n{issues:#?}"
    );
}

fn bad(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<Issue> {
    framework_with(edit).expect_err("the framework should be rejected")
}

#[test]
fn malformed_json() {
    let e = Framework::from_json("{\"id\": \"x\",").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path, "");
    assert!(e[0].message.contains("not valid JSON"), "{}", e[0].message);
    assert!(e[0].message.contains("line 1"), "{}", e[0].message);
    let e = Framework::from_json("").unwrap_err();
    assert!(e[0].message.contains("not valid JSON"));
}

#[test]
fn not_an_object() {
    has(
        &Framework::from_json("[1,2]").unwrap_err(),
        "",
        "expected an object",
    );
}

#[test]
fn wrong_types() {
    let e = bad(|v| {
        v["title"] = json!(5);
        v["scale"]["min"] = json!("one");
        v["foundations"][1]["items"][0]["reverse"] = json!("yes");
        v["foundations"][0]["items"] = json!({"a": 1});
    });
    has(&e, "title", "expected text, found a whole number");
    has(&e, "scale.min", "expected a whole number, found \"one\"");
    has(
        &e,
        "foundations[1].items[0].reverse",
        "expected true or false",
    );
    has(
        &e,
        "foundations[0].items",
        "expected a list, found an object",
    );
}

#[test]
fn missing_required_fields() {
    let e = bad(|v| {
        let o = v.as_object_mut().unwrap();
        o.remove("id");
        o.remove("bands");
        v["foundations"][0]["items"][1]
            .as_object_mut()
            .unwrap()
            .remove("text");
    });
    has(&e, "id", "is required");
    has(&e, "bands", "is required");
    has(&e, "foundations[0].items[1].text", "is required");
}

#[test]
fn all_problems_are_reported_not_only_the_first() {
    let e = bad(|v| {
        v["schema"] = json!("other@2");
        v["foundations"][0]["id"] = json!("f2");
        v["foundations"][1]["items"][0]["weight"] = json!(0);
    });
    has(&e, "schema", "foundations-check/framework@1");
    has(&e, "foundations[1].id", "duplicate foundation id \"f2\"");
    has(&e, "foundations[1].items[0].weight", "greater than 0");
}

#[test]
fn empty_foundations() {
    has(
        &bad(|v| v["foundations"] = json!([])),
        "foundations",
        "at least one foundation",
    );
    has(
        &bad(|v| v["foundations"][1]["items"] = json!([])),
        "foundations[1].items",
        "at least one item",
    );
}

#[test]
fn duplicate_ids_anywhere() {
    let e = bad(|v| {
        v["foundations"][1]["items"][1]["id"] = json!("a");
        v["bands"]["levels"][2]["id"] = json!("low");
        v["respondentFields"][0]["options"][2]["id"] = json!("nhs");
        v["respondentFields"] = json!([
            v["respondentFields"][0].clone(),
            v["respondentFields"][0].clone()
        ]);
    });
    has(
        &e,
        "foundations[1].items[1].id",
        "duplicate item id \"a\" (first used at foundations[0].items[0].id)",
    );
    has(&e, "bands.levels[2].id", "duplicate band level id");
    has(
        &e,
        "respondentFields[0].options[2].id",
        "duplicate option id",
    );
    has(
        &e,
        "respondentFields[1].id",
        "duplicate respondent field id",
    );
}

#[test]
fn bad_ids() {
    has(
        &bad(|v| v["foundations"][0]["items"][0]["id"] = json!("a b<")),
        "foundations[0].items[0].id",
        "not a valid id",
    );
    has(&bad(|v| v["id"] = json!("")), "id", "must not be empty");
}

#[test]
fn min_not_below_max() {
    has(
        &bad(|v| v["scale"]["max"] = json!(1)),
        "scale.max",
        "greater than min",
    );
    has(
        &bad(|v| v["scale"]["min"] = json!(9)),
        "scale.max",
        "greater than min",
    );
}

#[test]
fn labels_not_matching_the_scale() {
    has(
        &bad(|v| v["scale"]["labels"] = json!(["1", "2", "3"])),
        "scale.labels",
        "has 3 labels; a scale from 1 to 5 needs 5",
    );
}

#[test]
fn unknown_band_in_actions() {
    has(
        &bad(|v| v["foundations"][0]["actions"][0]["band"] = json!("nope")),
        "foundations[0].actions[0].band",
        "\"nope\" is not a band level id",
    );
}

#[test]
fn bands_out_of_order() {
    has(
        &bad(|v| v["bands"]["levels"][2]["from"] = json!(40)),
        "bands.levels[2].from",
        "ascending order",
    );
    has(
        &bad(|v| v["bands"]["levels"][2]["from"] = json!(150)),
        "bands.levels[2].from",
        "between 0 and 100",
    );
    has(
        &bad(|v| v["bands"]["basis"] = json!("median")),
        "bands.basis",
        "not a band basis",
    );
}

#[test]
fn weights_not_positive() {
    has(
        &bad(|v| v["foundations"][0]["items"][2]["weight"] = json!(-1)),
        "foundations[0].items[2].weight",
        "greater than 0",
    );
    has(
        &bad(|v| v["foundations"][0]["items"][2]["weight"] = json!("heavy")),
        "foundations[0].items[2].weight",
        "expected a number",
    );
}

#[test]
fn scoring_and_consensus_checks() {
    has(
        &bad(|v| v["scoring"] = json!({"method": "median"})),
        "scoring.method",
        "use \"mean\" or \"sum\"",
    );
    has(
        &bad(|v| v["scoring"] = json!({"minAnswered": 2})),
        "scoring.minAnswered",
        "between 0 and 1",
    );
    has(
        &bad(|v| v["consensus"]["spread"] = json!(0)),
        "consensus.spread",
        "greater than 0",
    );
    has(
        &bad(|v| v["consensus"]["maxOutside"] = json!(1.5)),
        "consensus.maxOutside",
        "between 0 and 1",
    );
}

#[test]
fn unknown_fields_are_reported() {
    has(
        &bad(|v| v["foundations"][0]["itmes"] = json!([])),
        "foundations[0].itmes",
        "unknown field",
    );
}

#[test]
fn absurd_sizes() {
    let e = bad(|v| {
        let f = v["foundations"][0].clone();
        v["foundations"] = json!((0..51)
            .map(|i| {
                let mut f = f.clone();
                f["id"] = json!(format!("f{i}"));
                for (j, it) in f["items"].as_array_mut().unwrap().iter_mut().enumerate() {
                    it["id"] = json!(format!("i{i}-{j}"));
                }
                f
            })
            .collect::<Vec<_>>());
    });
    has(&e, "foundations", "has 51 entries; the limit is 50");
    let e = bad(|v| {
        v["foundations"][0]["items"] = json!((0..51)
            .map(|i| json!({"id": format!("x{i}"), "text": "t"}))
            .collect::<Vec<_>>())
    });
    has(&e, "foundations[0].items", "the limit is 50");
    let e = bad(|v| v["foundations"][0]["items"][0]["text"] = json!("x".repeat(10_001)));
    has(
        &e,
        "foundations[0].items[0].text",
        "10001 characters long; the limit is 10000",
    );
    let e = bad(|v| {
        v["scale"]["min"] = json!(0);
        v["scale"]["max"] = json!(100);
    });
    has(&e, "scale.max", "at most 21 points");
    let e = Framework::from_json(&" ".repeat(5 * 1024 * 1024)).unwrap_err();
    has(&e, "", "the limit is");
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    has(
        &Framework::from_json(&deep).unwrap_err(),
        "",
        "recursion limit",
    );
}

// Responses.

fn bad_response(v: serde_json::Value) -> Vec<Issue> {
    Response::from_value(&small(), &v.into(), "").expect_err("the response should be rejected")
}

#[test]
fn answers_out_of_range() {
    let e = bad_response(
        json!({"framework": "test", "version": "1", "answers": {"a": 6, "b": 0, "c": 2.5, "d": "4"}}),
    );
    has(&e, "answers.a", "6 is outside the scale (1 to 5)");
    has(&e, "answers.b", "0 is outside the scale");
    has(&e, "answers.c", "expected a whole number, found 2.5");
    has(
        &e,
        "answers.d",
        "expected a whole number or \"dontKnow\", found \"4\"",
    );
}

#[test]
fn answers_for_unknown_items() {
    let e = bad_response(json!({"framework": "test", "version": "1", "answers": {"zz": 3}}));
    has(&e, "answers.zz", "\"zz\" is not an item of this framework");
}

#[test]
fn dont_know_only_where_offered() {
    let fw = framework_with(|v| {
        v["scale"].as_object_mut().unwrap().remove("dontKnow");
    })
    .unwrap();
    let e = Response::from_value(
        &fw,
        &json!({"framework": "test", "version": "1", "answers": {"a": "dontKnow"}}).into(),
        "",
    )
    .unwrap_err();
    has(&e, "answers.a", "no \"Don't know\" choice");
}

#[test]
fn response_for_another_framework_or_version() {
    has(
        &bad_response(json!({"framework": "other", "version": "1", "answers": {}})),
        "framework",
        "for the framework \"other\", not \"test\"",
    );
    has(
        &bad_response(json!({"framework": "test", "version": "0.9", "answers": {}})),
        "version",
        "version 0.9",
    );
}

#[test]
fn respondent_fields_checked() {
    let e = bad_response(
        json!({"framework": "test", "version": "1", "respondent": {"sector": "police", "team": "x"}}),
    );
    has(
        &e,
        "respondent.sector",
        "\"police\" is not an option of \"sector\"",
    );
    has(&e, "respondent.team", "not a respondent field");
}

#[test]
fn response_paths_inside_a_larger_document() {
    let e = Response::from_value(
        &small(),
        &json!({"framework": "test", "version": "1", "answers": {"a": 9}}).into(),
        "responses[3]",
    )
    .unwrap_err();
    has(&e, "responses[3].answers.a", "outside the scale");
}

#[test]
fn response_missing_fields_and_wrong_types() {
    let e = bad_response(json!({"answers": [1, 2]}));
    has(&e, "framework", "is required");
    has(&e, "version", "is required");
    has(&e, "answers", "expected an object of answers");
    has(&bad_response(json!("text")), "", "expected an object");
}

#[test]
fn respondent_field_ids_must_not_clash_with_columns() {
    has(
        &bad(|v| v["respondentFields"][0]["id"] = json!("a")),
        "respondentFields[0].id",
        "also an item id",
    );
    has(
        &bad(|v| v["respondentFields"][0]["id"] = json!("version")),
        "respondentFields[0].id",
        "reserved",
    );
}

/// Found by the csv and team fuzz targets: a response whose time held a control
/// character or U+FFFD was accepted, and then its CSV could not be read (a NUL) or the
/// team import refused the file it was in as binary data. Such a time is refused.
#[test]
fn a_submission_time_is_read_as_one_utc_instant_or_refused_where_it_is() {
    let read = |t: &str| {
        let text =
            json!({"framework": "test", "version": "1", "answers": {"a": 1}, "submittedAt": t})
                .to_string();
        Response::from_json(&small(), &text)
    };
    // Every RFC 3339 form, and a spreadsheet's (day first for this en-GB framework).
    for t in [
        "2026-11-22T09:30:15Z",
        "2026-11-22T09:30:15.123Z",
        "2026-11-22T10:30:15+01:00",
        "2026-11-22 09:30:15z",
        "22/11/2026 09:30:15",
        "2026-11-22T09:30:15Z\n",
    ] {
        assert_eq!(
            read(t).unwrap().submitted_at.as_deref(),
            Some("2026-11-22T09:30:15Z"),
            "{t:?}"
        );
    }
    // An impossible date is an error, not 2 March.
    has(
        &read("2026-02-30T00:00:00Z").unwrap_err(),
        "submittedAt",
        "2026-02-30 is not a date: February 2026 has 28 days",
    );
    // Not a time at all (a control character, U+FFFD, text): refused, named.
    for t in [
        "\u{0}",
        "e\u{1}",
        "\t",
        "\u{7f}",
        "+\"\u{fffd}\"",
        "'=x, \"quoted\"",
    ] {
        has(
            &read(t).unwrap_err(),
            "submittedAt",
            "is not a date and time this can read",
        );
    }
}
