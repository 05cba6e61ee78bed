//! Workbooks written as XLSX files (Office Open XML spreadsheets), for the spreadsheet
//! template (reading workbooks is `codec::xlsx`, with calamine): each sheet's cells as inline text (plain decimal numbers as numbers), the
//! first row bold and frozen, in a ZIP archive of stored (uncompressed) parts.
//!
//! Why our own, about 250 lines: the rust_xlsxwriter crate (0.102, with its `wasm`
//! feature, since it reads the clock) measured 339 KB gzipped in a wasm32 release
//! build optimised with wasm-opt -Oz for a three-sheet workbook (its ZIP writer brings
//! a deflate engine and a random number source), against 9.2 KB for this module built
//! the same way on its own (16,062 bytes against 6,905 for the same program without
//! it; less in the npm package, which has the formatting code already). The template
//! is a few kilobytes of text, which needs no compression. Reading XLSX needs a
//! deflate decoder and more of the format: `codec::xlsx` reads them with calamine
//! (287 KB gzipped built the same way), in the npm package and the team file only.

use crate::codec::sheet::{column_letter, Workbook};

/// CRC-32 (IEEE, reflected), as ZIP stores it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut crc = !0u32;
    for b in bytes {
        crc = table[((crc ^ u32::from(*b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A ZIP archive of `files` (name, bytes), stored without compression.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    // 1980-01-01 00:00, the earliest date ZIP holds: the same bytes every time.
    let (time, date): (u16, u16) = (0, (1 << 5) | 1);
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let header = |sig: u32, central: bool, out: &mut Vec<u8>| {
            out.extend_from_slice(&sig.to_le_bytes());
            if central {
                out.extend_from_slice(&20u16.to_le_bytes()); // made by
            }
            out.extend_from_slice(&20u16.to_le_bytes()); // needed: 2.0
            out.extend_from_slice(&0u16.to_le_bytes()); // flags
            out.extend_from_slice(&0u16.to_le_bytes()); // stored
            out.extend_from_slice(&time.to_le_bytes());
            out.extend_from_slice(&date.to_le_bytes());
            out.extend_from_slice(&crc.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central {
                out.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                out.extend_from_slice(&offset.to_le_bytes());
            }
            out.extend_from_slice(name.as_bytes());
        };
        header(0x0403_4b50, false, &mut out);
        out.extend_from_slice(data);
        header(0x0201_4b50, true, &mut central);
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the disk with the directory
    let n = files.len() as u16;
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment
    out
}

/// Text for XML: `&`, `<`, `>` and `"` escaped; characters XML 1.0 cannot hold left
/// out.
fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// A plain decimal number (`-12.5`), written as a number cell.
fn is_number(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s);
    let mut parts = d.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && (whole == "0" || !whole.starts_with('0'))
        && whole.len() <= 15
        && frac
            .is_none_or(|f| !f.is_empty() && f.len() <= 6 && f.bytes().all(|b| b.is_ascii_digit()))
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

fn sheet_xml(rows: &[Vec<String>]) -> String {
    let mut x = format!("{HEAD}<worksheet xmlns=\"{MAIN}\">");
    // The first row stays in view.
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
    // Columns as wide as their text, within 8 and 60 characters.
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    if n > 0 {
        x.push_str("<cols>");
        for c in 0..n {
            let widest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            let w = widest.clamp(8, 60) + 2;
            x.push_str(&format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                c + 1
            ));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (i, row) in rows.iter().enumerate() {
        x.push_str(&format!("<row r=\"{}\">", i + 1));
        for (j, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let at = format!("{}{}", column_letter(j), i + 1);
            // Style 1 is bold (the first row), 2 wraps long text.
            let style = if i == 0 { " s=\"1\"" } else { " s=\"2\"" };
            if i > 0 && is_number(cell) {
                x.push_str(&format!("<c r=\"{at}\"{style}><v>{cell}</v></c>"));
            } else {
                x.push_str(&format!(
                    "<c r=\"{at}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                ));
                escape(cell, &mut x);
                x.push_str("</t></is></c>");
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

const STYLES: &str = concat!(
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">",
    "<alignment vertical=\"top\" wrapText=\"1\"/></xf></cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
);

/// A sheet name as a spreadsheet allows it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if clean.is_empty() {
        "Sheet".into()
    } else {
        clean
    }
}

/// A workbook as the bytes of an XLSX file.
pub fn to_xlsx(wb: &Workbook) -> Vec<u8> {
    let n = wb.sheets.len();
    let mut types = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    let mut sheets = String::new();
    let mut rels = format!("{HEAD}<Relationships xmlns=\"{PACKAGE_RELS}\">");
    let mut files = Vec::new();
    for (i, s) in wb.sheets.iter().enumerate() {
        let k = i + 1;
        types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{k}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        let mut name = String::new();
        escape(&sheet_name(&s.name), &mut name);
        sheets.push_str(&format!(
            "<sheet name=\"{name}\" sheetId=\"{k}\" r:id=\"rId{k}\"/>"
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{k}\" Type=\"{RELS}/worksheet\" Target=\"worksheets/sheet{k}.xml\"/>"
        ));
        files.push((format!("xl/worksheets/sheet{k}.xml"), sheet_xml(&s.rows)));
    }
    types.push_str("</Types>");
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{RELS}/styles\" Target=\"styles.xml\"/></Relationships>",
        n + 1
    ));
    let mut all = vec![
        ("[Content_Types].xml".to_string(), types),
        (
            "_rels/.rels".into(),
            format!(
                "{HEAD}<Relationships xmlns=\"{PACKAGE_RELS}\"><Relationship Id=\"rId1\" Type=\"{RELS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml".into(),
            format!("{HEAD}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{RELS}\"><sheets>{sheets}</sheets></workbook>"),
        ),
        ("xl/_rels/workbook.xml.rels".into(), rels),
        (
            "xl/styles.xml".into(),
            format!("{HEAD}<styleSheet xmlns=\"{MAIN}\">{STYLES}</styleSheet>"),
        ),
    ];
    all.extend(files);
    let parts: Vec<(String, Vec<u8>)> = all.into_iter().map(|(n, s)| (n, s.into_bytes())).collect();
    zip(&parts)
}
