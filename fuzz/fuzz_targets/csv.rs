//! CSV: any text is read without panicking; the responses read from a file are valid,
//! and written out and read again they are the same; responses written as CSV read
//! back as they were.
#![no_main]
mod common;

use common::{assert_valid, edit, framework, frameworks, response};
use foundations_check::codec::csv::{from_csv, parse_records, to_csv};
use foundations_check::{Framework, Response};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Responses written as CSV read back as they are, with no row rejected.
fn round_trip(fw: &Framework, rs: &[Response]) {
    let text = to_csv(fw, rs);
    let back = from_csv(fw, &text).unwrap_or_else(|e| panic!("own CSV refused: {e}\n{text:?}"));
    assert!(back.rejected.is_empty(), "{:?}\n{text:?}", back.rejected);
    assert_eq!(back.responses, rs, "{text:?}");
}

/// Whatever `text` is, reading it does not panic; what it gives is valid and round-trips.
fn read_any(text: &str) {
    if let Ok(records) = parse_records(text) {
        assert!(records.windows(2).all(|w| w[0].0 < w[1].0), "line numbers go up");
    }
    for fw in frameworks() {
        if let Ok(got) = from_csv(fw, text) {
            for r in &got.responses {
                assert_valid(fw, r);
            }
            round_trip(fw, &got.responses);
        }
    }
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    if u.ratio(1, 2)? {
        read_any(&String::from_utf8_lossy(u.take_rest()));
        return Ok(());
    }
    // Valid responses written as CSV read back as they were; the same file with a few
    // edits is read like any other text.
    let fw = framework(&mut u)?;
    let n = u.int_in_range(0..=4)?;
    let mut rs = Vec::new();
    for _ in 0..n {
        let mut r = response(&mut u, fw)?;
        // Cells are read trimmed and an empty one is no time: the CSV format keeps
        // a time without spaces around it.
        r.submitted_at = r
            .submitted_at
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        // Reading writes a time in its one form (core::time), so the round trip is of
        // times in that form.
        r.submitted_at = r
            .submitted_at
            .and_then(|t| foundations_check::core::response::normalise_submitted_at(fw, &t).ok());
        rs.push(r);
    }
    round_trip(fw, &rs);
    let text = edit(&mut u, &to_csv(fw, &rs))?;
    read_any(&text);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
