//! The team import: any text, at once and a slice at a time (one unit per step and a
//! random number per step), gives the same set and the same report; everything added
//! is valid and new; importing the same text again adds nothing.
#![no_main]
mod common;

use common::{assert_valid, edit, framework, response};
use foundations_check::codec::csv::to_csv;
use foundations_check::codec::sharecode::encode;
use foundations_check::core::team::{import, Import, ImportReport};
use foundations_check::{Framework, Response};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Responses as a team would paste or upload them: share codes and links (one per
/// line, or several in a team link), a JSON list, an export object, one response, or
/// CSV; and how many responses the text holds.
fn render(u: &mut Unstructured, fw: &Framework, rs: &[Response]) -> Result<(String, usize)> {
    let json = |r: &Response| r.to_json();
    let mode = u.int_in_range(0..=5u8)?;
    let text = match mode {
        0 => {
            let mut out = String::new();
            for r in rs {
                let code = encode(fw, r);
                out.push_str(match u.int_in_range(0..=3u8)? {
                    0 => "",
                    1 => "  ",
                    2 => "https://example.org/check#fc=",
                    _ => "\r\n",
                });
                out.push_str(&code);
                out.push_str(u.choose(&["\n", "\r\n", " \n", "\n\n"])?);
            }
            out
        }
        1 => {
            let codes: Vec<String> = rs.iter().map(|r| encode(fw, r)).collect();
            format!("https://example.org/check#fc-team={}", codes.join(","))
        }
        2 => format!("[{}]", rs.iter().map(json).collect::<Vec<_>>().join(",\n ")),
        3 => format!(
            "{{\"note\": \"[{{,}}]\", \"responses\": [{}], \"n\": [1, {{\"x\": null}}]}}",
            rs.iter().map(json).collect::<Vec<_>>().join(",")
        ),
        4 => rs.first().map(json).unwrap_or_default(),
        _ => to_csv(fw, rs),
    };
    Ok((text, if mode == 4 { rs.len().min(1) } else { rs.len() }))
}

/// The import done a slice at a time, `count` units per step.
fn sliced(
    fw: &Framework,
    set: &mut Vec<Response>,
    text: &str,
    count: usize,
) -> ImportReport {
    let mut job = Import::new("file", text.to_string());
    // Every step does at least one unit of work: reading, indexing or adding.
    let bound = 4 + 2 * (text.len() + set.len());
    let mut steps = 0;
    while !job.step(fw, set, count) {
        steps += 1;
        assert!(steps <= bound, "the import in steps of {count} never finishes");
    }
    let (done, total) = job.progress();
    assert_eq!(done, total);
    job.finish()
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let fw = framework(&mut u)?;
    // The set already holds a few responses, distinct as the importer keeps them.
    let mut before: Vec<Response> = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let r = response(&mut u, fw)?;
        if !before.contains(&r) {
            before.push(r);
        }
    }
    let count = u.int_in_range(1..=64)?;
    // The text, and how many responses it holds when it is as the tool writes it.
    let (text, holds) = match u.int_in_range(0..=2u8)? {
        0 => (String::from_utf8_lossy(u.take_rest()).into_owned(), None),
        mode => {
            let mut rs: Vec<Response> = before.iter().filter(|_| u.ratio(1, 2).unwrap_or(false)).cloned().collect();
            for _ in 0..u.int_in_range(0..=5)? {
                rs.push(response(&mut u, fw)?);
            }
            let (text, n) = render(&mut u, fw, &rs)?;
            if mode == 2 {
                (edit(&mut u, &text)?, None)
            } else {
                (text, Some(n))
            }
        }
    };

    let mut whole = before.clone();
    let at_once = import(fw, &mut whole, "file", &text);
    for step in [1, count] {
        let mut set = before.clone();
        let report = sliced(fw, &mut set, &text, step);
        assert_eq!(report, at_once, "steps of {step} report otherwise than at once");
        assert_eq!(set, whole, "steps of {step} give another set than at once");
    }

    // What the tool writes, the import reads whole.
    if let Some(n) = holds {
        assert_eq!(at_once.rejected, [], "{text:?}");
        assert_eq!(at_once.added + at_once.duplicates, n, "{text:?}");
    }

    // What was added is valid, new, and counted; the set keeps what it had.
    assert_eq!(&whole[..before.len()], &before[..]);
    assert_eq!(whole.len(), before.len() + at_once.added);
    for (i, r) in whole.iter().enumerate().skip(before.len()) {
        assert_valid(fw, r);
        // The identity rule (core::team): a timed response is one person wherever it
        // appears; identical untimed ones in one text are different people.
        assert!(
            r.submitted_at.is_none() || !whole[..i].contains(r),
            "a timed duplicate was added: {text:?}"
        );
    }

    // The same text again adds nothing: all it read is there already.
    let mut again = whole.clone();
    let second = import(fw, &mut again, "file", &text);
    assert_eq!(again, whole);
    assert_eq!(second.added, 0);
    assert_eq!(second.duplicates, at_once.added + at_once.duplicates);
    assert_eq!(second.rejected, at_once.rejected);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
