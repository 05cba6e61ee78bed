//! Importing a team's responses, change between rounds, gaps between groups.
mod common;
use common::*;
use foundations_check::codec::sharecode::encode;
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::exact::Exact;
use foundations_check::core::team::{aggregate_csv, disagreement, group_gaps, import};
use serde_json::json;

/// `code` with one character in its middle changed, as a mistyped copy has it.
fn damage(code: &str) -> String {
    let mut b = code.as_bytes().to_vec();
    let k = b.len() / 2;
    b[k] = if b[k] == b'x' { b'y' } else { b'x' };
    String::from_utf8(b).unwrap()
}

/// A response submitted at `t`.
fn at(mut r: foundations_check::Response, t: &str) -> foundations_check::Response {
    r.submitted_at = Some(t.to_string());
    r
}

#[test]
fn codes_links_and_duplicates() {
    let fw = small();
    let a = at(
        response(&fw, json!({"a": 1, "e": 5}), json!({"sector": "nhs"})),
        "2026-11-22T09:30:15Z",
    );
    let b = at(
        response(&fw, json!({"a": 5, "e": 1}), json!({"sector": "vcs"})),
        "2026-11-22T09:31:00Z",
    );
    let (ca, cb) = (encode(&fw, &a), encode(&fw, &b));
    let damaged = format!("Sam: {}", damage(&ca));
    let text = format!(
        "{ca}\n\n  https://intranet.example/check#fc={cb}  \nnot-a-code\n{ca}\n{damaged}\n"
    );
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "pasted text", &text);
    assert_eq!((r.added, r.duplicates), (2, 1));
    // A line without a code is counted, not named; a damaged code is named and kept.
    assert_eq!(r.no_code_lines, 1);
    assert_eq!(r.rejected.len(), 1, "{:?}", r.rejected);
    assert_eq!(
        r.rejected[0].to_string(),
        "pasted text line 6: the share code is damaged or incomplete: check it was copied whole"
    );
    assert_eq!(r.unread, [damaged]);
    assert_eq!(set, vec![a.clone(), b.clone()]);
    // A link carrying several codes; both already there.
    let r = import(
        &fw,
        &mut set,
        "link",
        &format!("https://x/#fc-team={ca},{cb}"),
    );
    assert_eq!((r.added, r.duplicates, r.rejected.len()), (0, 2, 0));
}

#[test]
fn json_and_csv_files() {
    let fw = small();
    let rs = vec![
        response(&fw, json!({"a": 2}), json!({})),
        response(&fw, json!({"a": 3}), json!({})),
    ];
    let list = format!(
        "[{},{},{{\"framework\":\"test\",\"version\":\"1\",\"answers\":{{\"a\":9}}}}]",
        rs[0].to_json(),
        rs[1].to_json()
    );
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "team.json", &list);
    assert_eq!((r.added, r.duplicates), (2, 0));
    assert_eq!(
        r.rejected[0].to_string(),
        "team.json: [2].answers.a: 9 is outside the scale (1 to 5)"
    );
    // An export object and a single response.
    let export = format!("{{\"responses\":[{}]}}", rs[0].to_json());
    assert_eq!(import(&fw, &mut set, "export.json", &export).duplicates, 1);
    let mut one = Vec::new();
    assert_eq!(import(&fw, &mut one, "one.json", &rs[1].to_json()).added, 1);
    // CSV, with the formula cell rejected and the good row kept.
    let csv = foundations_check::codec::csv::to_csv(&fw, &rs)
        + "\"test\",\"1\",\"\",\"\",\"=1+1\",\"\",\"\",\"\",\"\",\"\"\r\n";
    let mut set2 = Vec::new();
    let r = import(&fw, &mut set2, "team.csv", &csv);
    assert_eq!(r.added, 2);
    assert_eq!(r.rejected.len(), 1);
    assert!(
        r.rejected[0].path.starts_with("team.csv line 4"),
        "{:?}",
        r.rejected
    );
}

#[test]
fn bad_files_change_nothing() {
    let fw = small();
    let keep = vec![response(&fw, json!({"a": 2}), json!({}))];
    for (name, text) in [
        ("random.bin", "\u{0}\u{7}PK\u{3}\u{4}garbage".to_string()),
        (
            "huge.json",
            "[".to_string() + &" ".repeat(21 * 1024 * 1024) + "]",
        ),
        (
            "other.csv",
            "framework,version,purpose-1\nplace-based-partnership,1.0.0,4\n".to_string(),
        ),
        ("broken.json", "[{\"framework\": ".to_string()),
        ("number.json", "[1, 2".to_string()),
    ] {
        let mut set = keep.clone();
        let r = import(&fw, &mut set, name, &text);
        assert_eq!(set, keep, "{name} changed the set");
        assert_eq!(r.added, 0);
        assert_eq!(r.rejected.len(), 1, "{name}: {:?}", r.rejected);
        assert!(r.rejected[0].path.starts_with(name), "{:?}", r.rejected);
    }
    // Codes from another version of the framework.
    let v2 = framework_with(|v| v["version"] = json!("2")).unwrap();
    let code = encode(&v2, &response(&v2, json!({"a": 1}), json!({})));
    let mut set = keep.clone();
    let r = import(&fw, &mut set, "pasted text", &code);
    assert!(
        r.rejected[0].message.contains("another version"),
        "{:?}",
        r.rejected
    );
    assert_eq!(set, keep);
}

#[test]
fn gaps_and_the_disagreement_sentence() {
    let fw = small();
    let mut rs = Vec::new();
    for (v, s) in [
        (5, "nhs"),
        (5, "nhs"),
        (5, "nhs"),
        (1, "council"),
        (1, "council"),
        (2, "council"),
    ] {
        rs.push(response(
            &fw,
            json!({"a": v, "b": 6 - v, "c": v, "d": v, "e": 3, "f": 3}),
            json!({"sector": s}),
        ));
    }
    let agg = aggregate(
        &fw,
        &rs,
        &Options {
            group_by: Some("sector".into()),
            ..Options::default()
        },
    )
    .unwrap();
    let gaps = group_gaps(&agg);
    // f1: nhs 100, council 0 -> gap 100; f2 everyone 50 -> gap 0.
    assert_eq!(gaps[0], (0, Some(Exact::int(100))));
    assert_eq!(gaps[1], (1, Some(Exact::int(0))));
    // f1 median is 50 (between 0/6.25 and 100): everyone is more than 25 points away
    // (the spread, 1 point of the 4-point scale, in the table's percent points).
    assert_eq!(
        disagreement(&fw, &agg).unwrap(),
        "People disagree most about one: 100% are more than 25 points from the median."
    );
    let csv = aggregate_csv(&fw, &agg);
    assert!(csv.starts_with("\u{feff}\"group\",\"foundation\",\"n\",\"median %\""));
    assert!(csv.contains("\"Everyone (n=6)\",\"One\",\"6\""), "{csv}");
    assert!(csv.contains("\"VCS\",\"One\",\"0\""), "{csv}");
    assert!(
        csv.lines()
            .all(|l| l.matches("\",\"").count() == 14 || l.is_empty()),
        "{csv}"
    );
    let agg = aggregate(
        &fw,
        &rs,
        &Options {
            group_by: Some("sector".into()),
            min_group_size: Some(4),
            ..Options::default()
        },
    )
    .unwrap();
    let csv = aggregate_csv(&fw, &agg);
    assert!(csv.contains("\"NHS\",\"(all)\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"withheld: fewer than 4 people\""), "{csv}");
    assert!(!csv.contains("\"NHS\",\"One\""));
}

#[test]
fn an_import_in_small_steps_reads_the_same_as_at_once() {
    use foundations_check::core::team::Import;
    let fw = small();
    let rs: Vec<_> = (1..=5)
        .map(|v| response(&fw, json!({"a": v, "e": 6 - v}), json!({"sector": "nhs"})))
        .collect();
    let codes: Vec<String> = rs.iter().map(|r| encode(&fw, r)).collect();
    let bad = "{\"framework\":\"test\",\"version\":\"1\",\"answers\":{\"a\":9}}";
    // Text with brackets, braces, commas and escaped quotes inside strings, numbers
    // and literals next to brackets, and other keys around the list.
    let tricky = "{\"framework\":\"test\",\"version\":\"1\",\"answers\":{\"a\":2},\"respondent\":{\"sector\":\"nhs\"},\"submittedAt\":\"2026-11-20T10:00:00Z\"}";
    let inputs = [
        (
            "list.json",
            format!("[ {} ,{bad},\n{}]", rs[0].to_json(), rs[1].to_json()),
        ),
        (
            "export.json",
            format!(
                "{{\"note\":\"[a, {{b}}] \\\"q\\\"\",\"n\":[1,2,{{\"x\":null}}],\"responses\":[{},{tricky},{bad}],\"t\":true}}",
                rs[2].to_json()
            ),
        ),
        ("one.json", rs[3].to_json()),
        ("scalar.json", "[1,true,null,\"x\"]".to_string()),
        ("not-a-list.json", "{\"responses\": 4}".to_string()),
        ("a string.json", "\"[]\"".to_string()),
        (
            "codes",
            format!(
                "{}\r\nnot-a-code\nhttps://x/#fc-team={},{}, {}\n- \"{}\".\n",
                codes[0],
                codes[1],
                codes[4],
                codes[0],
                damage(&codes[2])
            ),
        ),
    ];
    for (name, text) in inputs {
        let mut whole = Vec::new();
        let at_once = import(&fw, &mut whole, name, &text);
        let mut job = Import::new(name, text.clone());
        let mut stepwise = Vec::new();
        let mut steps = 0;
        while !job.step(&fw, &mut stepwise, 1) {
            steps += 1;
            assert!(steps < 100, "{name} never finishes");
        }
        let (done, total) = job.progress();
        assert_eq!(done, total);
        assert_eq!(job.finish(), at_once, "{name}");
        assert_eq!(stepwise, whole, "{name}");
    }
    // What each one read, and where the problems were.
    let read = |name: &str, text: &str| {
        let mut set = Vec::new();
        let r = import(&fw, &mut set, name, text);
        (
            r.added,
            r.rejected.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        )
    };
    let (added, rejected) = read(
        "export.json",
        &format!(
            "{{\"a\":\"[\",\"responses\":[{},{tricky},{bad}]}}",
            rs[2].to_json()
        ),
    );
    assert_eq!(added, 2);
    assert_eq!(
        rejected,
        ["export.json: responses[2].answers.a: 9 is outside the scale (1 to 5)"]
    );
    assert_eq!(read("scalar.json", "[1,true]").1.len(), 2);
    assert_eq!(
        read("not-a-list.json", "{\"responses\": 4}").1,
        ["not-a-list.json: expected a list of responses, found an object"]
    );
    // A .json file that is not a list or an object is refused as JSON.
    assert_eq!(
        read("a string.json", "\"[]\"").1,
        ["a string.json: expected a list of responses, found text"]
    );
    let (added, rejected) = read(
        "codes",
        &format!(
            "{}\r\nnot-a-code\nhttps://x/#fc-team={},{}\n> {}\n",
            codes[0],
            codes[1],
            codes[4],
            damage(&codes[3])
        ),
    );
    assert_eq!(added, 3);
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].starts_with("codes line 4: "), "{rejected:?}");
}

/// Found by the team fuzz target: what the tool writes, the team import reads whole.
/// (A JSON or CSV export holding a time with a control character was refused as binary
/// data; times are now read as times, and what is written is their one form.)
#[test]
fn exports_import_whole() {
    let fw = small();
    let rs: Vec<_> = [
        "2026-11-22T09:30:15Z",
        "1970-01-01T00:00:00Z",
        "2514-05-30T01:53:03Z",
        "2024-02-29T12:00:00Z",
        "2026-12-31T23:59:59Z",
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| {
        let mut r = response(&fw, json!({"a": k + 1}), json!({}));
        r.submitted_at = Some(t.to_string());
        r
    })
    .collect();
    let list = format!(
        "[{}]",
        rs.iter().map(|r| r.to_json()).collect::<Vec<_>>().join(",")
    );
    let csv = foundations_check::codec::csv::to_csv(&fw, &rs);
    for (name, text) in [("team.json", list), ("team.csv", csv)] {
        let mut set = Vec::new();
        let r = import(&fw, &mut set, name, &text);
        assert_eq!(r.rejected, [], "{name}");
        assert_eq!(set, rs, "{name}");
    }
}

/// The identity rule (core::team): one person wherever a timed response appears, in
/// whatever form its time is written; untimed copies are people up to the most any one
/// import brought.
#[test]
fn a_response_keeps_its_identity() {
    let fw = small();
    // The same self-check as JSON written with milliseconds (as the README's
    // `new Date().toISOString()` writes it), with an offset, and as its share code.
    let base = "{\"framework\":\"test\",\"version\":\"1\",\"answers\":{\"a\":4},\"respondent\":{\"sector\":\"nhs\"},\"submittedAt\":";
    let with_ms = format!("{base}\"2026-11-22T09:30:15.123Z\"}}");
    let with_offset = format!("{base}\"2026-11-22T10:30:15+01:00\"}}");
    let mut set = Vec::new();
    assert_eq!(import(&fw, &mut set, "a.json", &with_ms).added, 1);
    let code = encode(&fw, &set[0]);
    assert_eq!(import(&fw, &mut set, "code", &code).duplicates, 1);
    assert_eq!(import(&fw, &mut set, "b.json", &with_offset).duplicates, 1);
    // Importing the same file again adds nobody.
    assert_eq!(import(&fw, &mut set, "a.json", &with_ms).added, 0);
    assert_eq!(set.len(), 1);
    assert_eq!(set[0].submitted_at.as_deref(), Some("2026-11-22T09:30:15Z"));

    // Ten responses without times, four repeating another person's answers, are ten
    // people; the same ten again add none; a file with more copies of one than the set
    // holds adds only the copies beyond them.
    let answers = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 5];
    let ten: Vec<String> = answers[..10]
        .iter()
        .map(|v| response(&fw, json!({"a": v}), json!({})).to_json())
        .collect();
    let file = format!("[{}]", ten.join(","));
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "ten.json", &file);
    assert_eq!((r.added, r.duplicates), (10, 0));
    let r = import(&fw, &mut set, "ten.json", &file);
    assert_eq!((r.added, r.duplicates, r.untimed_duplicates), (0, 10, 10));
    // The set holds two of "a: 5"; a file with three of them adds one.
    let three = format!(
        "[{0},{0},{0}]",
        response(&fw, json!({"a": 5}), json!({})).to_json()
    );
    let r = import(&fw, &mut set, "three.json", &three);
    assert_eq!((r.added, r.duplicates), (1, 2));
    assert_eq!(set.len(), 11);
}

/// Found by the team fuzz target: the team link of an empty set (`#fc-team=` and
/// nothing after it) is read and adds nobody; it is not "no share code".
#[test]
fn a_team_link_of_nobody() {
    let fw = small();
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "file", "https://example.org/check#fc-team=");
    assert_eq!((r.added, r.rejected.len()), (0, 0), "{:?}", r.rejected);
}
