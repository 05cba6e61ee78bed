//! `.xlsx` workbooks, read with calamine: each sheet as rows of cell texts, for the
//! product's own columns or a survey tool's export (see `codec::survey`).
//!
//! Nothing in a workbook is run. A formula is never worked out, and its saved value is
//! not used either: the cell reads as its formula (`=SUM(B2:B9)`), which no reader takes
//! for an answer, so the row is named with its problem. Links to other workbooks are
//! formulas too, and are never followed. Macros, pictures and styles are not read.
//!
//! Bounded before calamine sees it: the file must be a zip of at most
//! [`MAX_ENTRIES`] entries that really unpacks (every entry inflated and counted, not
//! its declared size believed) to at most [`MAX_UNPACKED_BYTES`]; so a zip bomb made to
//! look like a workbook is refused after that much work and no more memory. A sheet is
//! read cell by cell (calamine's streaming reader, never its dense range, which a
//! sheet with two far-apart cells would make 17 billion cells long), up to
//! [`MAX_COLUMNS`] columns, `codec::csv::MAX_ROWS` rows and [`MAX_CELLS`] cells.
//!
//! Cell texts: text as it is; whole numbers without a decimal point (`4`, not `4.0`);
//! dates and times as `YYYY-MM-DD HH:MM:SS`, to the nearest second, with no zone (read
//! as UTC by `core::time`, as any time without an offset); TRUE and FALSE; errors as
//! Excel shows them (`#N/A`).

use crate::codec::csv::MAX_ROWS;
use crate::core::issue::Issue;
use calamine::{DataRef, Reader, Xlsx};
use std::io::{Cursor, Read};

/// The most bytes a workbook may unpack to.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// The most entries (files) in a workbook's zip.
pub const MAX_ENTRIES: usize = 10_000;
/// The most columns read (column AMJ).
pub const MAX_COLUMNS: u32 = 1024;
/// The most cells (empty ones between filled ones included) of one sheet.
pub const MAX_CELLS: usize = 4_000_000;

/// One sheet's cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XlsxSheet {
    pub name: String,
    /// Rows with a filled cell: (row number from 1, cell texts from column A).
    pub rows: Vec<(usize, Vec<String>)>,
    /// How many cells hold formulas.
    pub formulas: usize,
}

/// An opened workbook.
pub struct XlsxFile {
    book: Xlsx<Cursor<Vec<u8>>>,
}

fn err(message: impl Into<String>) -> Issue {
    Issue::new("", message)
}

impl XlsxFile {
    /// Opens a workbook, after checking what it unpacks to (the module comment).
    pub fn open(bytes: &[u8]) -> Result<XlsxFile, Issue> {
        if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
            return Err(err(
                "is an encrypted workbook, an old .xls file or an Outlook .msg message, which cannot be read: save a workbook as .xlsx (Excel Workbook) without a password, or a message as .eml",
            ));
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(err("is not an .xlsx workbook"));
        }
        let damaged = |e: &dyn std::fmt::Display| {
            err(format!(
                "is not a workbook that can be read (its zip container is damaged: {e})"
            ))
        };
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
        if zip.len() > MAX_ENTRIES {
            return Err(err(format!(
                "holds {} files; a workbook of responses holds a few dozen (at most {MAX_ENTRIES} are read)",
                zip.len()
            )));
        }
        let mut total: u64 = 0;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| damaged(&e))?;
            let left = MAX_UNPACKED_BYTES - total;
            let n = std::io::copy(&mut (&mut entry).take(left + 1), &mut std::io::sink())
                .map_err(|e| damaged(&e))?;
            total += n;
            if total > MAX_UNPACKED_BYTES {
                return Err(err(format!(
                    "unpacks to more than {} MB, which no workbook of responses does: it may be a zip bomb",
                    MAX_UNPACKED_BYTES / (1024 * 1024)
                )));
            }
        }
        let book = Xlsx::new(Cursor::new(bytes.to_vec())).map_err(|e| match e {
            calamine::XlsxError::Password => {
                err("is protected by a password: save it again without one")
            }
            e => err(format!("is not a workbook that can be read ({e})")),
        })?;
        Ok(XlsxFile { book })
    }

    /// The sheets' names, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// One sheet's cells (the module comment says how each is read).
    pub fn sheet(&mut self, name: &str) -> Result<XlsxSheet, Issue> {
        let is_1904 = self.book.has_1904_epoch();
        let at =
            |e: &dyn std::fmt::Display| err(format!("sheet \"{name}\" could not be read ({e})"));
        let mut reader = self.book.worksheet_cells_reader(name).map_err(|e| at(&e))?;
        let mut cells: Vec<((u32, u32), String)> = Vec::new();
        let mut formulas = 0;
        while let Some(cell) = reader.next_cell_with_formula().map_err(|e| at(&e))? {
            let (row, col) = cell.pos;
            let text = match cell.formula.filter(|f| !f.is_empty()) {
                Some(f) => {
                    formulas += 1;
                    format!("={}", f.trim_start_matches('='))
                }
                None => value_text(&cell.value, is_1904),
            };
            if text.is_empty() {
                continue;
            }
            if col >= MAX_COLUMNS {
                return Err(err(format!(
                    "sheet \"{name}\" has cells beyond column {MAX_COLUMNS}: a sheet of responses has fewer columns"
                )));
            }
            if row as usize > MAX_ROWS || cells.len() >= MAX_CELLS {
                return Err(err(format!(
                    "sheet \"{name}\" is larger than {MAX_ROWS} rows or {MAX_CELLS} cells"
                )));
            }
            cells.push(((row, col), text));
        }
        cells.sort_by_key(|(pos, _)| *pos);
        let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
        let mut slots = 0usize;
        for ((row, col), text) in cells {
            let number = row as usize + 1;
            if rows.last().is_none_or(|(n, _)| *n != number) {
                rows.push((number, Vec::new()));
            }
            let (_, cells) = rows.last_mut().expect("a row was just pushed");
            let col = col as usize;
            if col >= cells.len() {
                slots += col + 1 - cells.len();
                if slots > MAX_CELLS {
                    return Err(err(format!(
                        "sheet \"{name}\" is larger than {MAX_CELLS} cells"
                    )));
                }
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
        Ok(XlsxSheet {
            name: name.to_string(),
            rows,
            formulas,
        })
    }
}

/// A cell's value as text (the module comment).
fn value_text(v: &DataRef<'_>, is_1904: bool) -> String {
    match v {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(d) if d.is_datetime() => date_text(d.as_f64(), is_1904),
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// An Excel date serial (days since 1899-12-30, or 1904-01-01) as `YYYY-MM-DD
/// HH:MM:SS`, to the nearest second; out of range, the serial as a number.
pub fn date_text(serial: f64, is_1904: bool) -> String {
    let unix_day = if is_1904 { 24_107.0 } else { 25_569.0 };
    let secs = ((serial - unix_day) * 86_400.0).round();
    if !(0.0..=crate::core::time::LATEST as f64).contains(&secs) {
        return number_text(serial);
    }
    let t = crate::core::time::format(secs as i64);
    t.trim_end_matches('Z').replacen('T', " ", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_serials() {
        // 2026-11-22 09:30:15 is day 46348 and 34215 seconds.
        assert_eq!(
            date_text(46_348.0 + 34_215.0 / 86_400.0, false),
            "2026-11-22 09:30:15"
        );
        assert_eq!(date_text(46_348.0 - 1_462.0, true), "2026-11-22 00:00:00");
        assert_eq!(date_text(-5.0, false), "-5");
        assert_eq!(number_text(4.0), "4");
        assert_eq!(number_text(4.5), "4.5");
    }

    #[test]
    fn not_workbooks() {
        assert!(XlsxFile::open(b"hello").is_err());
        assert!(XlsxFile::open(b"PK\x03\x04garbage").is_err());
        let ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        assert!(XlsxFile::open(&ole)
            .err()
            .unwrap()
            .message
            .contains("encrypted"));
    }
}
