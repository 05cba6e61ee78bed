//! Workbooks: any bytes (and any zip of sheet-like parts) are opened and read without
//! panicking and within the bounds of codec::xlsx; responses written as a workbook of
//! the product's columns read back as the same responses, and a cell holding a formula
//! is never read as its value.
#![no_main]
mod common;

use common::{framework, response};
use foundations_check::codec::csv::{header, parse_records, to_csv};
use foundations_check::codec::xlsx::XlsxFile;
use foundations_check::core::gather::{ImportOptions, Input};
use foundations_check::core::team::import_input;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn col(mut i: usize) -> String {
    let mut s = String::new();
    i += 1;
    while i > 0 {
        let r = (i - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        i = (i - 1) / 26;
    }
    s
}

/// A workbook with one sheet of `rows`; a cell in `formula` holds a formula whose saved
/// value is its text.
fn workbook(rows: &[Vec<String>], formula: Option<(usize, usize)>, sheet_xml: Option<&str>) -> Vec<u8> {
    let mut sheet = String::from("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let at = format!("{}{}", col(c), r + 1);
            if formula == Some((r, c)) {
                sheet.push_str(&format!("<c r=\"{at}\"><f>1+1</f><v>{}</v></c>", esc(v)));
            } else if v.parse::<i64>().is_ok() && !v.starts_with(['+', '0']) || v == "0" {
                sheet.push_str(&format!("<c r=\"{at}\"><v>{v}</v></c>"));
            } else {
                sheet.push_str(&format!("<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", esc(v)));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default();
        let mut put = |name: &str, body: &str| {
            z.start_file(name, o).unwrap();
            z.write_all(body.as_bytes()).unwrap();
        };
        put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        put("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Responses\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        put("xl/worksheets/sheet1.xml", sheet_xml.unwrap_or(&sheet));
        z.finish().unwrap();
    }
    out.into_inner()
}

fn read_all(bytes: &[u8]) {
    if let Ok(mut book) = XlsxFile::open(bytes) {
        for name in book.sheet_names() {
            if let Ok(sheet) = book.sheet(&name) {
                assert!(sheet.rows.len() <= 100_001);
                assert!(sheet.rows.windows(2).all(|w| w[0].0 < w[1].0));
            }
        }
    }
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    match u.int_in_range(0..=2u8)? {
        0 => {
            read_all(u.take_rest());
            return Ok(());
        }
        1 => {
            // Any text as the sheet of an otherwise well-formed workbook.
            let xml = String::from_utf8_lossy(u.take_rest()).into_owned();
            let book = workbook(&[], None, Some(&xml));
            read_all(&book);
            let fw = &common::frameworks()[0];
            let mut set = Vec::new();
            let _ = import_input(fw, &mut set, "book.xlsx", Input::Bytes(book), ImportOptions::default());
            return Ok(());
        }
        _ => {}
    }
    let fw = framework(&mut u)?;
    let mut rs = Vec::new();
    for _ in 0..u.int_in_range(1..=4)? {
        let mut r = response(&mut u, fw)?;
        if r.submitted_at.as_deref().is_some_and(|t| t != t.trim()) {
            r.submitted_at = None;
        }
        rs.push(r);
    }
    // The cells as the product writes them (a neutralised cell keeps its mark).
    let mut rows: Vec<Vec<String>> = parse_records(&to_csv(fw, &rs))
        .expect("own CSV parses")
        .into_iter()
        .map(|(_, cells)| cells)
        .collect();
    // A formula in one answer cell of the last row, perhaps.
    let width = header(fw).len();
    let formula = if u.arbitrary()? { Some((rows.len() - 1, width - 1)) } else { None };
    if let Some((r, c)) = formula {
        rows[r][c] = "2".into();
    }
    let book = workbook(&rows, formula, None);
    let mut set = Vec::new();
    let report = import_input(fw, &mut set, "team.xlsx", Input::Bytes(book.clone()), ImportOptions::default());
    match formula {
        None => {
            assert_eq!(report.rejected, [], "{rows:?}");
            assert_eq!(report.added + report.duplicates, rs.len());
            let own_back = foundations_check::codec::csv::from_csv(fw, &to_csv(fw, &rs)).expect("own CSV reads").responses;
            for r in &set {
                assert!(own_back.contains(r), "{r:?} was not written");
            }
        }
        Some(_) => {
            assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
            assert!(report.rejected[0].message.contains("=1+1"), "{:?}", report.rejected);
        }
    }
    // The same workbook with a few bytes changed: read without panicking.
    let mut bent = book;
    for _ in 0..u.int_in_range(0..=4)? {
        let at = u.int_in_range(0..=bent.len() - 1)?;
        bent[at] = u.arbitrary()?;
    }
    read_all(&bent);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
