mod common;
use common::*;
use foundations_check::codec::csv::{from_csv, neutralise, to_csv};
use serde_json::json;

#[test]
fn round_trip_with_bom_quotes_and_header() {
    let fw = small();
    let rs = vec![
        response(
            &fw,
            json!({"a": 1, "b": "dontKnow", "e": 5}),
            json!({"sector": "vcs"}),
        ),
        response(&fw, json!({"c": 3}), json!({})),
    ];
    let text = to_csv(&fw, &rs);
    assert!(text.starts_with('\u{feff}'));
    let first = text.lines().next().unwrap();
    assert_eq!(first, "\u{feff}\"framework\",\"version\",\"submittedAt\",\"sector\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"");
    assert!(
        text.contains("\"test\",\"1\",\"\",\"vcs\",\"1\",\"dontKnow\",\"\",\"\",\"5\",\"\"\r\n")
    );
    let back = from_csv(&fw, &text).unwrap();
    assert!(back.rejected.is_empty(), "{:?}", back.rejected);
    assert_eq!(back.responses, rs);
}

#[test]
fn formula_cells_are_neutralised_and_restored() {
    assert_eq!(neutralise("=1+1"), "'=1+1");
    assert_eq!(neutralise("+44 20"), "'+44 20");
    assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(neutralise("-cmd"), "'-cmd");
    assert_eq!(neutralise("-2"), "-2");
    assert_eq!(neutralise("3"), "3");
    let fw = framework_with(|v| v["version"] = json!("=HYPERLINK(\"x\")")).unwrap();
    let rs = vec![response(&fw, json!({"a": 2}), json!({}))];
    let text = to_csv(&fw, &rs);
    assert!(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{text}");
    assert_eq!(from_csv(&fw, &text).unwrap().responses, rs);
}

#[test]
fn bad_rows_are_rejected_and_good_rows_kept() {
    let fw = small();
    let text = "framework,version,sector,a,e\n\
                test,1,nhs,4,5\n\
                test,1,police,4,5\n\
                test,1,nhs,9,5\n\
                test,2,nhs,4,5\n\
                test,1,nhs,=cmd|' /C calc'!A0,5\n\
                test,1,nhs\n\
                test,1,council,dontKnow,\n";
    let got = from_csv(&fw, text).unwrap();
    assert_eq!(got.responses.len(), 2);
    let msgs: Vec<String> = got.rejected.iter().map(|i| i.to_string()).collect();
    assert_eq!(msgs.len(), 5, "{msgs:#?}");
    assert!(
        msgs[0].starts_with("line 3: column sector: \"police\""),
        "{}",
        msgs[0]
    );
    assert!(
        msgs[1].starts_with("line 4: column a: 9 is outside the scale"),
        "{}",
        msgs[1]
    );
    assert!(
        msgs[2].starts_with("line 5: is for \"test\" version 2"),
        "{}",
        msgs[2]
    );
    assert!(
        msgs[3].starts_with("line 6: column a: \"=cmd|"),
        "{}",
        msgs[3]
    );
    assert!(msgs[4].starts_with("line 7: has 3 cells"), "{}", msgs[4]);
}

#[test]
fn another_frameworks_csv_is_refused_whole() {
    let fw = small();
    let e = from_csv(
        &fw,
        "framework,version,purpose-1\nplace-based-partnership,1.0.0,4\n",
    )
    .unwrap_err();
    assert_eq!(e.path, "line 1, column 3");
    assert!(e.message.contains("another framework"), "{e}");
    let e = from_csv(&fw, "name,score\nx,1\n").unwrap_err();
    assert!(e.message.contains("\"framework\" and \"version\""), "{e}");
    let e = from_csv(&fw, "").unwrap_err();
    assert!(e.message.contains("empty"));
    let e = from_csv(&fw, "\u{0}\u{1}PNG").unwrap_err();
    assert!(e.message.contains("binary"));
    let e = from_csv(&fw, "framework,version\n\"test,1\n").unwrap_err();
    assert!(e.message.contains("never closed"), "{e}");
}

#[test]
fn multiline_quoted_fields_and_crlf() {
    let fw = small();
    let text = "\"framework\",\"version\",\"submittedAt\",\"a\"\r\n\"test\",\"1\",\"2026-01-01T00:00:00Z\",\"3\"\r\n\r\n";
    let got = from_csv(&fw, text).unwrap();
    assert_eq!(got.responses.len(), 1);
    assert_eq!(
        got.responses[0].submitted_at.as_deref(),
        Some("2026-01-01T00:00:00Z")
    );
    let recs = foundations_check::codec::csv::parse_records("x,\"a\nb\",\"say \"\"hi\"\"\"\ny,z,w")
        .unwrap();
    assert_eq!(
        recs[0],
        (
            1,
            vec![
                "x".to_string(),
                "a\nb".to_string(),
                "say \"hi\"".to_string()
            ]
        )
    );
    assert_eq!(recs[1].0, 3);
}

/// Found by the csv fuzz target: a text that started with `'` before a formula's first
/// character lost the `'` on the way through CSV ("'+\"" read back as "+\""). (Times,
/// where the fuzzer found it, are now read as times; the rule holds for any cell.)
#[test]
fn a_leading_apostrophe_survives_the_round_trip() {
    let fw = small();
    assert_eq!(neutralise("'=1"), "''=1");
    assert_eq!(neutralise("''-x"), "'''-x");
    assert_eq!(neutralise("'a"), "'a");
    assert_eq!(neutralise("'-"), "''-");
    // A cell written as "'-2" still reads as -2, as it always did.
    let got = from_csv(&fw, "framework,version,a\ntest,1,'-2\n").unwrap();
    assert_eq!(
        got.rejected[0].to_string(),
        "line 2: column a: -2 is outside the scale (1 to 5)"
    );
}

/// Found by the csv fuzz target: a response whose time held a NUL made the CSV of every
/// response with it unreadable ("it contains binary data"). A time that is not a time
/// is refused where it is read: in a CSV file, that row alone, named.
#[test]
fn a_time_with_a_control_character_is_refused() {
    let fw = small();
    let text = "framework,version,submittedAt,a\n\
                test,1,\"x\u{1}\",1\n\
                test,1,\"a\nb\",1\n\
                test,1,2026-01-01T00:00:00Z,2\n";
    let got = from_csv(&fw, text).unwrap();
    assert_eq!(got.responses.len(), 1);
    let msgs: Vec<String> = got.rejected.iter().map(|i| i.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "line 2: column submittedAt: \"x\u{fffd}\" is not a date and time this can read (for example 2026-11-22T09:30:00Z, or 22/11/2026 09:30)",
            "line 3: column submittedAt: \"a\u{fffd}b\" is not a date and time this can read (for example 2026-11-22T09:30:00Z, or 22/11/2026 09:30)"
        ]
    );
}
