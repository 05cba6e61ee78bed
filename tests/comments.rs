//! Comments in the team view: listed per foundation for the whole team and per
//! published group, never beside respondent fields, never in import order, hideable by
//! a stable id; and the comments CSV.
mod common;
use foundations_check::core::aggregation::Withheld;
use foundations_check::core::comments::{comment_id, comments, comments_csv, CommentOptions};
use foundations_check::{Framework, Response};
use serde_json::json;

fn fw() -> Framework {
    Framework::from_value(
        &json!({
            "schema": "foundations-check/framework@1",
            "id": "talk", "version": "1", "title": "Talk",
            "scale": {"min": 1, "max": 5, "labels": ["1", "2", "3", "4", "5"]},
            "bands": {"levels": [{"id": "all", "label": "All", "from": 0}]},
            "respondentFields": [{"id": "sector", "label": "Sector", "options": [
                {"id": "nhs", "label": "NHS"}, {"id": "council", "label": "Council"}
            ]}],
            "foundations": [
                {"id": "trust", "name": "Trust", "items": [{"id": "t1", "text": "T"}],
                 "comment": {"prompt": "What would help?"}},
                {"id": "money", "name": "Money", "items": [{"id": "m1", "text": "M"}]},
                {"id": "time", "name": "Time", "items": [{"id": "h1", "text": "H"}],
                 "comment": {"prompt": "Anything else?"}}
            ]
        })
        .into(),
    )
    .unwrap()
}

/// A response with answers `t1 = k`, a sector (or none) and comments on trust and time.
fn person(fw: &Framework, k: i32, sector: Option<&str>, trust: &str, time: &str) -> Response {
    let mut r = Response::new(fw);
    r.answers
        .insert("t1".into(), foundations_check::Answer::Value(k));
    if let Some(s) = sector {
        r.respondent.insert("sector".into(), s.into());
    }
    r.set_comment(fw, "trust", trust).unwrap();
    r.set_comment(fw, "time", time).unwrap();
    r
}

fn texts(list: &[foundations_check::core::comments::Comment]) -> Vec<&str> {
    list.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn comments_are_listed_by_text_not_by_import_order() {
    let fw = fw();
    let rs = vec![
        person(&fw, 1, Some("nhs"), "cherry", ""),
        person(&fw, 2, Some("nhs"), "Apple", "later"),
        person(&fw, 3, Some("nhs"), "banana", ""),
        person(&fw, 4, None, "apple", "sooner"),
    ];
    let report = comments(&fw, &rs, &CommentOptions::default()).unwrap();
    assert_eq!(report.withheld, None);
    // Only the foundations that ask for comments, in framework order.
    let ids: Vec<&str> = report.foundations.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["trust", "time"]);
    assert_eq!(
        texts(&report.foundations[0].comments),
        ["Apple", "apple", "banana", "cherry"]
    );
    assert_eq!(texts(&report.foundations[1].comments), ["later", "sooner"]);
    // Any other order of the same responses lists the same.
    let mut reversed = rs.clone();
    reversed.reverse();
    assert_eq!(
        comments(&fw, &reversed, &CommentOptions::default()).unwrap(),
        report
    );
}

#[test]
fn a_comment_has_an_id_that_is_the_same_on_every_reload() {
    let fw = fw();
    let mut r = person(&fw, 3, Some("nhs"), "More time to meet", "");
    r.submitted_at = Some("2026-11-22T09:30:15Z".into());
    let id = comment_id(&r, "trust", "More time to meet");
    // FNV-1a 64 of the response's identity, the foundation and the text, each ended by
    // a zero byte, answers and fields each ended by a byte 1 (worked out with Python):
    // fixed here so that a change to it, which would unhide hidden comments, fails.
    assert_eq!(id, "6c5cd9c597985b0d");
    assert_eq!(id.len(), 16);
    // The same response read again from its JSON: the same id.
    let again = Response::from_json(&fw, &r.to_json()).unwrap();
    assert_eq!(comment_id(&again, "trust", "More time to meet"), id);
    // Another foundation, text, answer or time: another id.
    assert_ne!(comment_id(&r, "time", "More time to meet"), id);
    assert_ne!(comment_id(&r, "trust", "More time to meet."), id);
    let mut other = r.clone();
    other.submitted_at = None;
    assert_ne!(comment_id(&other, "trust", "More time to meet"), id);
}

#[test]
fn groups_are_listed_only_where_published_and_nothing_about_people_comes_with_them() {
    let fw = fw();
    let mut rs: Vec<Response> = (0..4)
        .map(|k| person(&fw, 1 + k, Some("nhs"), &format!("nhs {k}"), ""))
        .collect();
    rs.push(person(&fw, 2, Some("council"), "council 0", ""));
    rs.push(person(&fw, 3, Some("council"), "council 1", ""));
    rs.push(person(&fw, 4, None, "no group given", ""));
    let opts = CommentOptions {
        group_by: Some("sector".into()),
        ..Default::default()
    };
    let report = comments(&fw, &rs, &opts).unwrap();
    assert_eq!(report.respondents, 7);
    assert_eq!(report.foundations[0].comments.len(), 7);
    let (nhs, council) = (&report.groups[0], &report.groups[1]);
    assert_eq!((nhs.n, nhs.withheld), (4, None));
    assert_eq!(
        texts(&nhs.foundations[0].comments),
        ["nhs 0", "nhs 1", "nhs 2", "nhs 3"]
    );
    // Two council people: fewer than 3, withheld; the 3 left out of the published
    // groups (2 council, 1 without a sector) are enough.
    assert_eq!(
        (council.n, council.withheld),
        (2, Some(Withheld::FewerThanMinimum))
    );
    assert!(council.foundations.is_empty());
    // The listing as JSON: texts and ids, no respondent fields, answers or times.
    // (The group names its field, as the team table's groups do.)
    let text = serde_json::to_string(&report)
        .unwrap()
        .replace("\"field\":\"sector\"", "");
    for word in [
        "\"respondent\"",
        "sector",
        "submittedAt",
        "answers",
        "\"t1\"",
    ] {
        assert!(!text.contains(word), "{word} in {text}");
    }
    // Three council people and one without a sector: the one left out would be the
    // team's comments less the groups', so the smaller group is withheld too.
    rs.push(person(&fw, 5, Some("council"), "council 2", ""));
    let report = comments(&fw, &rs, &opts).unwrap();
    assert_eq!(report.groups[0].withheld, None);
    assert_eq!(report.groups[1].withheld, Some(Withheld::Complementary));
    // A second person without a sector, with a minimum of 2: both groups are listed.
    rs.push(person(&fw, 5, None, "also no group", ""));
    let two = CommentOptions {
        min_group_size: Some(2),
        ..opts.clone()
    };
    let report = comments(&fw, &rs, &two).unwrap();
    assert!(report.groups.iter().all(|g| g.withheld.is_none()));
}

#[test]
fn a_team_smaller_than_the_minimum_has_its_comments_withheld() {
    let fw = fw();
    let rs = vec![
        person(&fw, 1, Some("nhs"), "a", "b"),
        person(&fw, 2, Some("nhs"), "c", ""),
    ];
    let opts = CommentOptions {
        group_by: Some("sector".into()),
        ..Default::default()
    };
    let report = comments(&fw, &rs, &opts).unwrap();
    assert_eq!(report.withheld, Some(Withheld::FewerThanMinimum));
    assert!(report.foundations.is_empty());
    assert!(report
        .groups
        .iter()
        .all(|g| g.withheld.is_some() || g.n == 0));
    let csv = comments_csv(&fw, &report);
    assert!(
        csv.contains("\"Everyone (n=2)\",\"(all)\",\"withheld: fewer than 3 people\""),
        "{csv}"
    );
    assert!(!csv.contains("\"a\""));
    // An unknown field is a problem named as the options'.
    let e = comments(
        &fw,
        &rs,
        &CommentOptions {
            group_by: Some("role".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.path, "options.groupBy");
}

#[test]
fn hidden_comments_stay_listed_marked_and_leave_the_csv() {
    let fw = fw();
    let rs: Vec<Response> = [
        "Ask Jo Bloggs why",
        "=HYPERLINK(\"http://x\",\"click\")",
        "Fine, \"mostly\"",
    ]
    .iter()
    .enumerate()
    .map(|(k, t)| person(&fw, 1 + k as i32, Some("nhs"), t, ""))
    .collect();
    let jo = comment_id(&rs[0], "trust", "Ask Jo Bloggs why");
    let hidden = vec![jo.clone()];
    let opts = CommentOptions {
        group_by: Some("sector".into()),
        hidden: &hidden,
        ..Default::default()
    };
    let report = comments(&fw, &rs, &opts).unwrap();
    let team = &report.foundations[0].comments;
    assert_eq!(
        team.iter()
            .filter(|c| c.hidden)
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        [jo.as_str()]
    );
    // Hidden in the group's listing too (the same comment, the same id).
    assert!(report.groups[0].foundations[0]
        .comments
        .iter()
        .any(|c| c.id == jo && c.hidden));
    let csv = comments_csv(&fw, &report);
    assert!(
        csv.starts_with("\u{feff}\"group\",\"foundation\",\"comment\"\r\n"),
        "{csv}"
    );
    assert!(!csv.contains("Jo Bloggs"), "{csv}");
    // Never a formula, quotes doubled, no respondent column.
    assert!(
        csv.contains(
            "\"Everyone (n=3)\",\"Trust\",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\"NHS\",\"Trust\",\"Fine, \"\"mostly\"\"\""),
        "{csv}"
    );
    assert!(
        csv.contains("\"Council\",\"(all)\"") || !csv.contains("Council"),
        "{csv}"
    );
    assert!(!csv.to_lowercase().contains("sector"));
}
