//! Text and tables as spreadsheet programs save them: the encoding of the bytes and
//! the CSV dialect, decided from the file itself before any reader sees it.
//!
//! Encodings ([`decode`]): UTF-8 with or without a byte order mark; UTF-16 with a byte
//! order mark (little- or big-endian: Excel's "Unicode text"), or without one when
//! every other byte of the start is zero; anything else that is not UTF-8 is read as
//! Windows-1252 (Excel's plain "CSV" on Windows in western Europe: `Don’t know` with
//! byte 0x92), and the report says so.
//!
//! Dialects ([`sniff`]): a first line `sep=;` (Excel's own hint) decides; otherwise
//! each of comma, semicolon, tab and `|` is tried on the first 64 KB, and a separator
//! fits when the first row has at least two cells and at least 90% of the rows that are
//! not empty have as many. One fitting separator is the dialect. Where several fit, one
//! whose first cell is `framework` (the product's header) wins; failing that the
//! dialect cannot be decided and [`Sniff::Undecided`] names them, so the report can
//! say so rather than guess. Where none fits the text is not a table (share codes, one
//! per line, are not).
//!
//! The sniffing is ours, 60 lines over the CSV reader the project has (`codec::csv`):
//! csv-sniffer (0.3.1, five dependencies with regex and the csv crate) gives one
//! delimiter or fails, and cannot say which separators tied, which is what the report
//! must say.

use crate::codec::csv::parse_records_with;
use crate::core::issue::Issue;
use serde::Serialize;

/// How the bytes were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Text decoded from bytes, and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, without a byte order mark.
    pub text: String,
    pub encoding: Encoding,
}

/// Decodes bytes as the module comment says.
pub fn decode(bytes: &[u8]) -> Text {
    let utf16 = |b: &[u8], le: bool| {
        let units = b.chunks(2).map(|c| match (c, le) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            _ => 0xfffd,
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{fffd}'))
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return Text {
            text: String::from_utf8_lossy(rest).into_owned(),
            encoding: Encoding::Utf8,
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return Text {
            text: utf16(rest, true),
            encoding: Encoding::Utf16Le,
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return Text {
            text: utf16(rest, false),
            encoding: Encoding::Utf16Be,
        };
    }
    // UTF-16 without a mark: text of ASCII letters has a zero in every other byte.
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() >= 8 {
        let zeros = |odd: usize| {
            head.iter()
                .skip(odd)
                .step_by(2)
                .filter(|b| **b == 0)
                .count()
        };
        let (even, odd) = (zeros(0), zeros(1));
        let half = head.len() / 2;
        if odd * 10 >= half * 9 && even == 0 {
            return Text {
                text: utf16(bytes, true),
                encoding: Encoding::Utf16Le,
            };
        }
        if even * 10 >= half * 9 && odd == 0 {
            return Text {
                text: utf16(bytes, false),
                encoding: Encoding::Utf16Be,
            };
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Text {
            text: s.to_string(),
            encoding: Encoding::Utf8,
        },
        Err(_) => Text {
            text: windows_1252(bytes),
            encoding: Encoding::Windows1252,
        },
    }
}

#[cfg(feature = "importers")]
fn windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

#[cfg(not(feature = "importers"))]
fn windows_1252(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// How the cells of a CSV file are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
    /// The file starts with a `sep=` line (not a row).
    pub declared: bool,
}

impl Dialect {
    /// The separator in words: "comma", "semicolon", "tab", "|".
    pub fn name(&self) -> String {
        separator_name(self.separator)
    }
}

/// A separator in words.
pub fn separator_name(c: char) -> String {
    match c {
        ',' => "comma".into(),
        ';' => "semicolon".into(),
        '\t' => "tab".into(),
        c => format!("\"{c}\""),
    }
}

/// What [`sniff`] made of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniff {
    Table(Dialect),
    /// Not a table: no separator gives rows of two or more cells.
    NotTable,
    /// Several separators fit equally well.
    Undecided(Vec<char>),
}

const CANDIDATES: [char; 4] = [',', ';', '\t', '|'];
const SNIFF_BYTES: usize = 64 * 1024;

/// A `sep=X` first line: X and where the rest starts.
fn declared(text: &str) -> Option<(char, usize)> {
    let end = text.find('\n').unwrap_or(text.len());
    let first = text[..end].trim_end_matches('\r').trim_matches('"');
    let rest = first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))?;
    let mut chars = rest.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c != '"').then_some((c, (end + 1).min(text.len())))
}

/// Decides the dialect of `text` (see the module comment).
pub fn sniff(text: &str) -> Sniff {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((c, _)) = declared(text) {
        return Sniff::Table(Dialect {
            separator: c,
            declared: true,
        });
    }
    let mut cut = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // End the sample at a line end, so that a row is not cut (unless it is one line).
    let sample = match text[..cut].rfind('\n') {
        Some(k) if cut < text.len() => &text[..k],
        _ => &text[..cut],
    };
    let mut fits = Vec::new();
    for sep in CANDIDATES {
        let Ok(records) = parse_records_with(sample, sep) else {
            continue;
        };
        let rows: Vec<&Vec<String>> = records
            .iter()
            .map(|(_, r)| r)
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .collect();
        let Some(first) = rows.first() else { continue };
        let width = first.len();
        let same = rows.iter().filter(|r| r.len() == width).count();
        if width >= 2 && same * 10 >= rows.len() * 9 {
            fits.push((
                sep,
                first[0].trim().trim_start_matches('\u{feff}') == "framework",
            ));
        }
    }
    match fits.as_slice() {
        [] => Sniff::NotTable,
        [(sep, _)] => Sniff::Table(Dialect {
            separator: *sep,
            declared: false,
        }),
        many => match many.iter().find(|(_, product)| *product) {
            Some((sep, _)) => Sniff::Table(Dialect {
                separator: *sep,
                declared: false,
            }),
            None => Sniff::Undecided(many.iter().map(|(s, _)| *s).collect()),
        },
    }
}

/// The records of `text` in `dialect`, with the line each starts on (the `sep=` line
/// counted), rows whose cells are all empty left out.
pub fn records(text: &str, dialect: Dialect) -> Result<Vec<(usize, Vec<String>)>, Issue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (body, skipped) = match declared(text) {
        Some((_, start)) if dialect.declared => (&text[start..], 1),
        _ => (text, 0),
    };
    let mut rows = parse_records_with(body, dialect.separator)?;
    rows.retain(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    for (line, _) in &mut rows {
        *line += skipped;
    }
    Ok(rows)
}

/// Reads the product's CSV ([`crate::codec::csv::from_records`]) in whatever dialect it
/// was saved: a file that is plainly comma-separated is read by
/// [`crate::codec::csv::from_csv`] as ever; one in another dialect by its records; one
/// whose dialect cannot be decided is an error saying so.
pub fn from_csv_any(
    fw: &crate::core::framework::Framework,
    text: &str,
) -> Result<crate::codec::csv::CsvImport, Issue> {
    match sniff(text) {
        Sniff::Table(d) if d.separator != ',' || d.declared => {
            if text.len() > crate::codec::csv::MAX_CSV_BYTES {
                return crate::codec::csv::from_csv(fw, text);
            }
            crate::codec::csv::from_records(fw, &records(text, d)?)
        }
        Sniff::Undecided(seps) => Err(Issue::new("", undecided_message(&seps))),
        _ => crate::codec::csv::from_csv(fw, text),
    }
}

/// The message for a dialect that cannot be decided.
pub fn undecided_message(seps: &[char]) -> String {
    let names: Vec<String> = seps.iter().map(|c| separator_name(*c)).collect();
    format!(
        "could not tell how its cells are separated ({} would each split every row evenly): save it again as \"CSV UTF-8 (comma delimited)\", or add a first line sep=; or sep=,",
        join_or(&names)
    )
}

fn join_or(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let t = decode(b"\xef\xbb\xbfa,b");
        assert_eq!((t.text.as_str(), t.encoding), ("a,b", Encoding::Utf8));
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("a;é".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).text, "a;é");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("a;é".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).text, "a;é");
        let bare: Vec<u8> = "framework;version\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bare).text, "framework;version\r\n");
        assert_eq!(decode(&bare).encoding, Encoding::Utf16Le);
    }

    #[test]
    fn dialects() {
        let t = |s: &str| sniff(s);
        assert_eq!(
            t("a,b\n1,2\n"),
            Sniff::Table(Dialect {
                separator: ',',
                declared: false
            })
        );
        assert_eq!(
            t("a;b\n1,5;2\n"),
            Sniff::Table(Dialect {
                separator: ';',
                declared: false
            })
        );
        assert_eq!(
            t("a\tb\n1\t2\n"),
            Sniff::Table(Dialect {
                separator: '\t',
                declared: false
            })
        );
        assert_eq!(
            t("sep=;\na;b\n"),
            Sniff::Table(Dialect {
                separator: ';',
                declared: true
            })
        );
        assert_eq!(t("AQxyz\nAQabc\n"), Sniff::NotTable);
        assert_eq!(t("a,b;c\n1,2;3\n"), Sniff::Undecided(vec![',', ';']));
        assert_eq!(
            t("framework;version,x\nf;1,2\n"),
            Sniff::Table(Dialect {
                separator: ';',
                declared: false
            })
        );
        let d = Dialect {
            separator: ';',
            declared: true,
        };
        assert_eq!(
            records("sep=;\r\na;b\r\n1;2\r\n;\r\n;;\r\n", d).unwrap(),
            vec![
                (2, vec!["a".to_string(), "b".into()]),
                (3, vec!["1".into(), "2".into()])
            ]
        );
    }
}
