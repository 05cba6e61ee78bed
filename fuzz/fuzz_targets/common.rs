//! Shared by the fuzz targets: the frameworks they read against, and valid responses
//! (and text) made from the fuzzer's bytes, so that the deep paths are reached without
//! a hand-made corpus.
#![allow(dead_code)]

use foundations_check::codec::sharecode::format_utc;
use foundations_check::core::builtin::{builtin, DEFAULT_ID};
use foundations_check::{Answer, Framework, Response};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::json;
use std::sync::OnceLock;

/// The built-in framework; a wide one (21 points from -3, no "Don't know", a field
/// with 50 options, a dotted id and a version that looks like a formula); a tiny
/// one (two points and "Don't know", one item, no respondent fields); and a mixed one
/// (scales of their own on foundations and statements, labels with descriptions, and
/// comment questions of 1 and 2,000 characters).
pub fn frameworks() -> &'static [Framework] {
    static FWS: OnceLock<Vec<Framework>> = OnceLock::new();
    FWS.get_or_init(|| {
        let wide = json!({
            "schema": "foundations-check/framework@1",
            "id": "wide.test-1",
            "version": "=2.0 \"beta\", ok",
            "title": "Wide",
            "scale": {"min": -3, "max": 17, "labels": (-3..=17).map(|k| k.to_string()).collect::<Vec<_>>()},
            "scoring": {"method": "sum", "minAnswered": 0.25},
            "bands": {"basis": "scale", "levels": [
                {"id": "low", "label": "Low", "from": -3},
                {"id": "high", "label": "High <b>", "from": 10}
            ]},
            "consensus": {"spread": 2.5, "maxOutside": 0.2},
            "respondentFields": [
                {"id": "team", "label": "Team", "options": (0..50).map(|k| json!({"id": format!("t{k}"), "label": format!("Team {k}")})).collect::<Vec<_>>()},
                {"id": "area", "label": "Area", "options": [{"id": "north", "label": "North"}]}
            ],
            "foundations": [
                {"id": "f1", "name": "One", "items": [
                    {"id": "i1", "text": "A"},
                    {"id": "i2", "text": "B", "reverse": true, "weight": 2.5},
                    {"id": "i3", "text": "C", "weight": 0.5}
                ]},
                {"id": "f.2", "name": "Two", "items": [{"id": "i-4", "text": "D"}]},
                {"id": "f3", "name": "Three", "items": (5..20).map(|k| json!({"id": format!("i_{k}"), "text": "E"})).collect::<Vec<_>>()}
            ]
        });
        let tiny = json!({
            "schema": "foundations-check/framework@1",
            "id": "t",
            "version": "1",
            "title": "Tiny",
            "scale": {"min": 0, "max": 1, "labels": ["No", "Yes"], "dontKnow": "Not sure"},
            "bands": {"basis": "percent", "levels": [{"id": "all", "label": "All", "from": 0}]},
            "foundations": [{"id": "only", "name": "Only", "items": [{"id": "q", "text": "Q"}]}]
        });
        let mixed = json!({
            "schema": "foundations-check/framework@1",
            "id": "mixed",
            "version": "2",
            "title": "Mixed",
            "scale": {"min": 1, "max": 5, "labels": ["1", {"label": "2", "description": "Two <b>"}, "3", "4", "5"]},
            "bands": {"levels": [{"id": "l", "label": "L", "from": 0}, {"id": "h", "label": "H", "from": 62.5}]},
            "consensus": {"spreadShare": 0.2, "maxOutside": 0.3},
            "respondentFields": [{"id": "side", "label": "Side", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
            "foundations": [
                {"id": "m1", "name": "One", "comment": {"prompt": "Why?", "maxLength": 2000}, "items": [
                    {"id": "x1", "text": "A"},
                    {"id": "x2", "text": "B", "reverse": true, "scale": {"min": -2, "max": 8, "labels": (-2..=8).map(|k| k.to_string()).collect::<Vec<_>>()}},
                    {"id": "x3", "text": "C", "weight": 0.3, "scale": {"min": 0, "max": 1, "labels": ["No", "Yes"], "dontKnow": "?"}}
                ]},
                {"id": "m2", "name": "Two", "comment": {"prompt": "One letter", "maxLength": 1},
                 "scale": {"min": 0, "max": 20, "labels": (0..=20).map(|k| json!({"label": k.to_string(), "description": "d"})).collect::<Vec<_>>(), "dontKnow": "DK"},
                 "items": [{"id": "y1", "text": "D"}, {"id": "y2", "text": "E", "reverse": true}]}
            ]
        });
        vec![
            builtin(DEFAULT_ID).expect("the built-in framework"),
            Framework::from_json(&wide.to_string()).expect("the wide test framework"),
            Framework::from_json(&tiny.to_string()).expect("the tiny test framework"),
            Framework::from_json(&mixed.to_string()).expect("the mixed test framework"),
        ]
    })
}

/// One of [`frameworks`], chosen by the fuzzer.
pub fn framework(u: &mut Unstructured) -> Result<&'static Framework> {
    u.choose(frameworks())
}

/// A short text made of characters that matter to the codecs (quotes, commas, line
/// ends, formula starters, spaces, markup, non-ASCII), or any text at all.
pub fn text(u: &mut Unstructured, max_chars: usize) -> Result<String> {
    const PIECES: &[&str] = &[
        "\"", ",", "\n", "\r", "\r\n", "'", "=", "+", "-", "@", "\t", " ", "<", "&", "\\",
        "é", "中", "😀", "\u{feff}", "\u{a0}", "0", "1", "2026-11-22T09:30:15Z", "fc=",
        "dontKnow", "framework", "A", "\u{fffd}", "\u{1}", "\u{7f}", "\0",
    ];
    let mut s = String::new();
    if u.ratio(1, 4)? {
        s = u.arbitrary::<String>()?;
    } else {
        let n = u.int_in_range(0..=12)?;
        for _ in 0..n {
            s.push_str(u.choose(PIECES)?);
        }
    }
    Ok(s.chars().take(max_chars).collect())
}

/// A time as the widget writes it, one with milliseconds, or any short text.
pub fn submitted_at(u: &mut Unstructured) -> Result<Option<String>> {
    Ok(match u.int_in_range(0..=3)? {
        0 => None,
        1 => Some(format_utc(u.int_in_range(0..=(1u64 << 34) - 1)?)),
        2 => Some(format!(
            "{}.{:03}Z",
            format_utc(u.int_in_range(0..=(1u64 << 34) - 1)?).trim_end_matches('Z'),
            u.int_in_range(0..=999)?
        )),
        _ => Some(text(u, 40)?),
    })
}

/// A response that `fw` accepts: any mix of unanswered items, "Don't know" where the
/// statement's scale offers it and values on that scale, respondent options, comments
/// within their limits, and a time.
pub fn response(u: &mut Unstructured, fw: &Framework) -> Result<Response> {
    let mut r = Response::new(fw);
    for f in &fw.foundations {
        if let Some(q) = &f.comment {
            let t = text(u, q.max_length)?;
            let _ = r.set_comment(fw, &f.id, &t);
        }
        for item in &f.items {
            let scale = fw.item_scale(f, item);
            let a = match u.int_in_range(0..=3)? {
                0 => None,
                1 if scale.dont_know.is_some() => Some(Answer::DontKnow),
                _ => Some(Answer::Value(u.int_in_range(scale.min..=scale.max)?)),
            };
            if let Some(a) = a {
                r.answers.insert(item.id.clone(), a);
            }
        }
    }
    for field in &fw.respondent_fields {
        let k = u.int_in_range(0..=field.options.len())?;
        if k > 0 {
            r.respondent
                .insert(field.id.clone(), field.options[k - 1].id.clone());
        }
    }
    r.submitted_at = submitted_at(u)?;
    if Response::from_json(fw, &r.to_json()).is_err() {
        // A time with a character that a time cannot have.
        r.submitted_at = None;
    }
    Ok(r)
}

/// `text` with a few edits chosen by the fuzzer (characters inserted, removed or
/// replaced at char boundaries), so that nearly valid documents are tried too.
pub fn edit(u: &mut Unstructured, text: &str) -> Result<String> {
    let mut chars: Vec<char> = text.chars().collect();
    let n = u.int_in_range(0..=3)?;
    for _ in 0..n {
        let at = u.int_in_range(0..=chars.len())?;
        match u.int_in_range(0..=2)? {
            0 => {
                let piece = text_piece(u)?;
                chars.splice(at..at, piece.chars());
            }
            1 if at < chars.len() => {
                let end = (at + u.int_in_range(1..=8)?).min(chars.len());
                chars.drain(at..end);
            }
            _ if at < chars.len() => chars[at] = u.arbitrary()?,
            _ => {}
        }
    }
    Ok(chars.into_iter().collect())
}

fn text_piece(u: &mut Unstructured) -> Result<String> {
    text(u, 12)
}

/// Checks that `r` is a response `fw` accepts, by writing it as JSON and reading it
/// back: every reader must give only responses that the JSON reader takes as they are.
pub fn assert_valid(fw: &Framework, r: &Response) {
    let json = r.to_json();
    match Response::from_json(fw, &json) {
        Ok(back) => assert_eq!(&back, r, "a response does not read back from its JSON {json}"),
        Err(e) => panic!("a response that {} does not accept: {json}: {e:?}", fw.id),
    }
}
