//! CSV as spreadsheet programs save it: any bytes are decoded and their dialect decided
//! without panicking (and the import of them never panics); responses written by the
//! product and saved again in another dialect (comma, semicolon or tab; a sep= line;
//! a byte order mark; UTF-8 or UTF-16 either way round; CRLF or LF; trailing rows of
//! separators only) read back as the same responses, with nothing rejected.
#![no_main]
mod common;

use common::{framework, response};
use foundations_check::codec::csv::{parse_records, to_csv};
use foundations_check::codec::table::{decode, records, sniff, Sniff};
use foundations_check::core::gather::{ImportOptions, Input};
use foundations_check::core::team::import_input;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    if u.ratio(1, 2)? {
        let bytes = u.take_rest();
        let t = decode(bytes);
        if let Sniff::Table(d) = sniff(&t.text) {
            if let Ok(rows) = records(&t.text, d) {
                assert!(rows.windows(2).all(|w| w[0].0 < w[1].0), "line numbers go up");
                assert!(rows.iter().all(|(_, r)| r.iter().any(|c| !c.trim().is_empty())));
            }
        }
        let fw = framework(&mut Unstructured::new(bytes))?;
        let mut set = Vec::new();
        let r = import_input(fw, &mut set, "file.csv", Input::Bytes(bytes.to_vec()), ImportOptions::default());
        assert_eq!(r.added, set.len());
        return Ok(());
    }
    let fw = framework(&mut u)?;
    let mut rs = Vec::new();
    for _ in 0..u.int_in_range(1..=4)? {
        let mut r = response(&mut u, fw)?;
        // Cells are read trimmed: the CSV format keeps a time without spaces around it.
        if r.submitted_at.as_deref().is_some_and(|t| t != t.trim()) {
            r.submitted_at = None;
        }
        rs.push(r);
    }
    let own = to_csv(fw, &rs);
    let sep = *u.choose(&[',', ';', '\t'])?;
    let end = *u.choose(&["\r\n", "\n"])?;
    let mut text = String::new();
    if u.arbitrary()? {
        text.push_str(&format!("sep={sep}{end}"));
    }
    for (_, cells) in parse_records(&own).expect("own CSV parses") {
        let quoted: Vec<String> = cells
            .iter()
            // Written as it was (a neutralised cell keeps its mark), quoted.
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        text.push_str(&quoted.join(&sep.to_string()));
        text.push_str(end);
    }
    let width = foundations_check::codec::csv::header(fw).len();
    for _ in 0..u.int_in_range(0..=2)? {
        text.push_str(&sep.to_string().repeat(width - 1));
        text.push_str(end);
    }
    let bytes: Vec<u8> = match u.int_in_range(0..=3u8)? {
        0 => text.clone().into_bytes(),
        1 => [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
        2 => [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
        _ => [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
    };
    let mut set = Vec::new();
    let report = import_input(fw, &mut set, "team.csv", Input::Bytes(bytes), ImportOptions::default());
    assert_eq!(report.rejected, [], "{text:?}");
    assert_eq!(report.added + report.duplicates, rs.len(), "{text:?}");
    // What the product's own CSV reads back as (times in their one form).
    let own_back = foundations_check::codec::csv::from_csv(fw, &own).expect("own CSV reads").responses;
    for r in &set {
        assert!(own_back.contains(r), "{r:?} was not written\n{text:?}");
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
