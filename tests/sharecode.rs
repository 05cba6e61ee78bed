mod common;
use common::*;
use foundations_check::codec::sharecode::{decode, encode, format_utc, parse_utc};
use foundations_check::core::builtin::builtin;
use serde_json::json;

#[test]
fn round_trip_and_length() {
    let fw = builtin("place-based-partnership").unwrap();
    let mut answers = serde_json::Map::new();
    for (i, f) in fw.foundations.iter().enumerate() {
        for (j, item) in f.items.iter().enumerate() {
            let a = if (i + j) % 7 == 0 {
                json!("dontKnow")
            } else {
                json!(1 + (i * 3 + j) % 5)
            };
            answers.insert(item.id.clone(), a);
        }
    }
    answers.remove("governance-2");
    let r = foundations_check::Response::from_value(
        &fw,
        &json!({"framework": fw.id, "version": fw.version, "answers": answers,
                "respondent": {"sector": "voluntary-sector", "role": "frontline"},
                "submittedAt": "2026-11-22T09:30:15Z"})
        .into(),
        "",
    )
    .unwrap();
    let code = encode(&fw, &r);
    assert!(code.len() <= 40, "code {code} is {} characters", code.len());
    assert!(code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode(&fw, &code).unwrap(), r);
    // A whole link works too.
    assert_eq!(
        decode(&fw, &format!(" https://intranet.example/page#fc={code}\n")).unwrap(),
        r
    );
}

#[test]
fn damaged_codes_are_refused() {
    let fw = small();
    let r = response(&fw, json!({"a": 1, "e": 5}), json!({"sector": "vcs"}));
    let code = encode(&fw, &r);
    assert_eq!(decode(&fw, &code).unwrap(), r);
    // Cut short.
    let e = decode(&fw, &code[..code.len() - 3]).unwrap_err();
    assert!(
        e.message.contains("damaged") || e.message.contains("too short"),
        "{e}"
    );
    // One character changed.
    let mut chars: Vec<char> = code.chars().collect();
    chars[8] = if chars[8] == 'A' { 'B' } else { 'A' };
    let e = decode(&fw, &chars.iter().collect::<String>()).unwrap_err();
    assert!(e.message.contains("damaged"), "{e}");
    // Not base64url.
    let e = decode(&fw, "abc<def").unwrap_err();
    assert!(e.message.contains("'<' at position 4"), "{e}");
    assert!(decode(&fw, "").unwrap_err().message.contains("empty"));
}

#[test]
fn another_framework_or_version_is_refused() {
    let fw = small();
    let r = response(&fw, json!({"a": 1}), json!({}));
    let code = encode(&fw, &r);
    let v2 = framework_with(|v| v["version"] = json!("2")).unwrap();
    let e = decode(&v2, &code).unwrap_err();
    assert!(
        e.message.contains("another framework, or another version"),
        "{e}"
    );
    let other = builtin("place-based-partnership").unwrap();
    assert!(decode(&other, &code).is_err());
}

#[test]
fn utc_times() {
    assert_eq!(parse_utc("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_utc("2026-11-22T09:30:15.123Z"), Some(1_795_339_815));
    assert_eq!(format_utc(1_795_339_815), "2026-11-22T09:30:15Z");
    assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(parse_utc("2000-02-29T00:00:00Z"), Some(951_782_400));
    assert_eq!(parse_utc("yesterday"), None);
    // Any offset is read, as the one UTC instant (an hour earlier).
    assert_eq!(parse_utc("2026-11-22T09:30:15+01:00"), Some(1_795_336_215));
}
