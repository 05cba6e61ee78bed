//! Share codes found anywhere in text: any text is scanned without panicking, and
//! every code it gives is base64url; valid codes written as people paste them (after a
//! name or a dash, in quotes, in angle brackets, before a full stop, two on a line, in
//! a link, inside Safe Links encoded once or twice) among ordinary lines are all read,
//! with nothing named and every other line counted as having no code.
#![no_main]
mod common;

use common::{framework, response};
use foundations_check::codec::scan::scan;
use foundations_check::codec::sharecode::{code_prefix, decode, encode};
use foundations_check::core::team::import;
use foundations_check::Response;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const LINES: &[&str] = &[
    "Hi Sam,",
    "Thanks, see you on Thursday.",
    "Kind regards",
    "Ref AS-2026-000123 | Tel 01234 567890",
    "Sent from my phone",
    "https://partnership.example.org/about?ref=AQzzz9Z&x=1",
    "priya.shah@example.org",
    "-- ",
    "Abbreviations AUTHORISATION AstraZeneca",
];

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

fn dressed(u: &mut Unstructured, code: &str) -> Result<String> {
    let link = format!("https://partnership.example.org/check#fc={code}");
    Ok(match u.int_in_range(0..=9u8)? {
        0 => code.to_string(),
        1 => format!("Priya: {code}"),
        2 => format!("- {code}"),
        3 => format!("<{link}>"),
        4 => format!("\"{code}\""),
        5 => format!("My code is {code}."),
        6 => format!("Here: {link}."),
        7 => format!("https://eur01.safelinks.protection.outlook.com/?url={}&data=05%7C02%7Cx%40example.org&reserved=0", percent(&link)),
        8 => format!("https://links.example.net/r?t={}", percent(&percent(&link))),
        _ => format!("\u{201c}{code}\u{201d}"),
    })
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    if u.ratio(1, 2)? {
        let text = String::from_utf8_lossy(u.take_rest());
        let s = scan(&text, "AZMpcn");
        let lines = text.split('\n').count();
        assert!(s.lines.windows(2).all(|w| w[0].number < w[1].number));
        for l in &s.lines {
            assert!(l.number >= 1 && l.number <= lines);
            for c in &l.codes {
                assert!(c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{c:?}");
            }
        }
        return Ok(());
    }
    let fw = framework(&mut u)?;
    let mut rs: Vec<Response> = Vec::new();
    let mut text = String::new();
    let mut fillers = 0;
    for _ in 0..u.int_in_range(1..=6)? {
        if u.arbitrary()? {
            text.push_str(u.choose(LINES)?);
            text.push_str(u.choose(&["\n", "\r\n"])?);
            fillers += 1;
        }
        let r = response(&mut u, fw)?;
        let mut line = dressed(&mut u, &encode(fw, &r))?;
        rs.push(r);
        if u.arbitrary()? {
            let r2 = response(&mut u, fw)?;
            line = format!("{line} {}", dressed(&mut u, &encode(fw, &r2))?);
            rs.push(r2);
        }
        text.push_str(&line);
        text.push('\n');
    }
    let found = scan(&text, &code_prefix(fw));
    assert_eq!(found.no_code, fillers, "{text}");
    let mut set = Vec::new();
    let report = import(fw, &mut set, "pasted text", &text);
    assert_eq!(report.rejected, [], "{text}");
    assert_eq!(report.added + report.duplicates, rs.len(), "{text}");
    assert_eq!(report.unread, Vec::<String>::new());
    // What a code carries: its time in its one form, to the second.
    let carried: Vec<Response> = rs.iter().map(|r| decode(fw, &encode(fw, r)).expect("own code reads")).collect();
    for r in &set {
        assert!(carried.contains(r), "{r:?} was not pasted\n{text}");
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
