//! Finding the responses in what a facilitator imports, whatever it is: share codes
//! and links anywhere in pasted text, JSON, CSV in the dialects spreadsheet programs
//! write, saved e-mails and mailboxes, `.xlsx` workbooks, and survey tools' exports.
//! [`gather`] sorts out what the input is and reads it as far as responses, share
//! codes to decode, or a survey mapping to confirm; `core::team::Import` then decodes,
//! checks for duplicates by the identity rule, and adds, a slice at a time.
//!
//! What is not responses gets one sentence, not a message per line: random bytes, a
//! file over [`MAX_IMPORT_BYTES`](crate::core::team::MAX_IMPORT_BYTES), the team
//! summary CSV imported by mistake, a table with none of the product's columns, a
//! survey's questions or a share code.

use crate::codec::intake::{self, Format};
use crate::codec::scan;
use crate::codec::sharecode;
#[cfg(feature = "importers")]
use crate::codec::survey::{self, Mapping};
use crate::codec::table::{self, Encoding, Sniff};
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::Response;

/// A table's rows: (line or row number from 1, cell texts).
#[cfg(feature = "importers")]
type Rows = Vec<(usize, Vec<String>)>;

/// What is imported: text (pasted, or a file the page read as text) or a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    pub fn len(&self) -> usize {
        match self {
            Input::Text(t) => t.len(),
            Input::Bytes(b) => b.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for Input {
    fn default() -> Self {
        Input::Text(String::new())
    }
}

/// How to read an input, when the caller knows more than the input says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportOptions {
    /// What the input is (a file's type); otherwise worked out ([`intake::sniff`]).
    pub format: Option<Format>,
    /// A survey export's mapping as the facilitator confirmed it: with it the rows are
    /// read; without it the import gives the mapping to confirm and adds nothing.
    #[cfg(feature = "importers")]
    pub mapping: Option<Mapping>,
}

/// A code to decode, where it was (`"inbox.mbox message 3 line 12"`), and the index of
/// its line among [`Gathered::lines`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub at: String,
    pub code: String,
    pub line: usize,
}

/// What [`gather`] found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gathered {
    pub format: Option<Format>,
    /// How it was read, in words: "CSV separated by semicolons, UTF-16", "sheet
    /// \"Form1\"", "3 messages".
    pub read_as: Option<String>,
    /// JSON text, for `core::team` to read a response at a time.
    pub json: Option<String>,
    pub codes: Vec<Candidate>,
    /// The text of each line that holds a code or something like one.
    pub lines: Vec<String>,
    /// Responses read whole (CSV, workbooks, survey exports by a confirmed mapping).
    pub found: Vec<Response>,
    pub rejected: Vec<Issue>,
    pub no_code_lines: usize,
    pub hidden_links: usize,
    /// A survey export's mapping, to be confirmed.
    #[cfg(feature = "importers")]
    pub mapping: Option<Mapping>,
}

impl Gathered {
    fn reject(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.rejected.push(Issue::new(at, message));
    }
}

fn binary(text: &str) -> bool {
    text.chars()
        .take(4096)
        .any(|c| c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
}

/// Finds the responses in `input`, named `source` in messages (see the module comment).
pub fn gather(fw: &Framework, source: &str, input: Input, options: &ImportOptions) -> Gathered {
    let mut g = Gathered::default();
    let format = options.format.or_else(|| match &input {
        Input::Bytes(b) => intake::sniff(source, b),
        Input::Text(t) => Format::from_file_name(source)
            .or_else(|| intake::looks_like_mail(t.as_bytes()).then_some(Format::Email)),
    });
    match format {
        Some(Format::Xlsx) => workbook(fw, source, input, options, &mut g),
        Some(Format::Email) => email(fw, source, input, &mut g),
        _ => {
            let (text, encoding) = match input {
                Input::Text(t) => (t, Encoding::Utf8),
                Input::Bytes(b) => {
                    let t = table::decode(&b);
                    (t.text, t.encoding)
                }
            };
            text_input(fw, source, text, encoding, format, options, &mut g);
        }
    }
    g
}

#[cfg(feature = "importers")]
fn workbook(fw: &Framework, source: &str, input: Input, options: &ImportOptions, g: &mut Gathered) {
    use crate::codec::xlsx::XlsxFile;
    let bytes = match input {
        Input::Bytes(b) => b,
        Input::Text(t) => t.into_bytes(),
    };
    let mut book = match XlsxFile::open(&bytes) {
        Ok(b) => b,
        Err(e) => return g.reject(source, e.message),
    };
    drop(bytes);
    g.format = Some(Format::Xlsx);
    let mut summary = false;
    let mut sheets = Vec::new();
    for name in book.sheet_names().into_iter().take(100) {
        let mut sheet = match book.sheet(&name) {
            Ok(s) => s,
            Err(e) => return g.reject(source, e.message),
        };
        // A sheet keeps no empty cells at the end of a row: an unanswered last
        // statement is as many cells short of the header.
        let width = sheet.rows.first().map_or(0, |(_, h)| h.len());
        for (_, row) in &mut sheet.rows {
            if row.len() < width {
                row.resize(width, String::new());
            }
        }
        let at = format!("{source} sheet \"{name}\"");
        if let Some(done) = table_of_responses(fw, &at, "row", &sheet.rows, options, g) {
            if done {
                g.read_as = Some(format!("sheet \"{name}\""));
                return;
            }
            summary = true;
        }
        sheets.push((at, sheet.rows));
    }
    // No sheet of responses: share codes in cells, one row a line.
    for (at, rows) in &sheets {
        let text = rows
            .iter()
            .map(|(_, r)| r.join("\t"))
            .collect::<Vec<_>>()
            .join("\n");
        let numbers: Vec<usize> = rows.iter().map(|(n, _)| *n).collect();
        codes_in(fw, &text, g, |line| {
            format!("{at} row {}", numbers[line - 1])
        });
    }
    g.no_code_lines = 0;
    if g.codes.is_empty() {
        let message = if summary {
            SUMMARY.to_string()
        } else {
            "holds no responses: no sheet has the product's columns (framework, version, …), a survey's questions or share codes".to_string()
        };
        g.reject(source, message);
    }
}

#[cfg(not(feature = "importers"))]
fn workbook(_: &Framework, source: &str, _: Input, _: &ImportOptions, g: &mut Gathered) {
    g.reject(
        source,
        "workbooks are read by the team view and the npm package",
    );
}

#[cfg(feature = "importers")]
fn email(fw: &Framework, source: &str, input: Input, g: &mut Gathered) {
    let bytes = match input {
        Input::Bytes(b) => b,
        Input::Text(t) => t.into_bytes(),
    };
    let messages = match crate::codec::mail::read(&bytes) {
        Ok(m) => m,
        Err(e) => return g.reject(source, e.message),
    };
    g.format = Some(Format::Email);
    let many = messages.len() > 1;
    if many {
        g.read_as = Some(format!("{} messages", messages.len()));
    }
    let prefix = sharecode::code_prefix(fw);
    for m in &messages {
        let at = if many {
            match m.subject.as_str() {
                "" => format!("{source} message {}", m.number),
                s => format!("{source} message {} (\"{s}\")", m.number),
            }
        } else {
            source.to_string()
        };
        // The same code in two views of one message (the plain and the HTML
        // alternative, a link and its text) is one code: each code counts as often
        // as the view that shows it most often.
        let scans: Vec<scan::Scan> = m.views.iter().map(|v| scan::scan(v, &prefix)).collect();
        let mut best: Vec<(String, usize, usize)> = Vec::new(); // code, count, view
        for (vi, s) in scans.iter().enumerate() {
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for c in s.lines.iter().flat_map(|l| l.codes.iter()) {
                match counts.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((c, 1)),
                }
            }
            for (c, n) in counts {
                match best.iter_mut().find(|(k, _, _)| k == c) {
                    Some(b) if b.1 >= n => {}
                    Some(b) => *b = (c.to_string(), n, vi),
                    None => best.push((c.to_string(), n, vi)),
                }
            }
        }
        for (vi, s) in scans.iter().enumerate() {
            for l in &s.lines {
                let mine: Vec<&String> = l
                    .codes
                    .iter()
                    .filter(|c| best.iter().any(|(k, _, v)| k == *c && *v == vi))
                    .collect();
                if mine.is_empty() {
                    continue;
                }
                let line = g.lines.len();
                g.lines.push(l.text.clone());
                for code in mine {
                    g.codes.push(crate::core::gather::Candidate {
                        at: format!("{at} line {}", l.number),
                        code: code.clone(),
                        line,
                    });
                }
            }
        }
        g.no_code_lines += scans.first().map_or(0, |s| s.no_code);
        g.hidden_links += scans.iter().map(|s| s.hidden_links).max().unwrap_or(0);
    }
    if g.codes.is_empty() {
        let n = messages.len();
        g.reject(
            source,
            format!(
                "{} no share code or link",
                if n == 1 {
                    "the message has".to_string()
                } else {
                    format!("none of its {n} messages has")
                }
            ),
        );
    }
}

#[cfg(not(feature = "importers"))]
fn email(fw: &Framework, source: &str, input: Input, g: &mut Gathered) {
    let text = match input {
        Input::Text(t) => t,
        Input::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
    };
    text_input(
        fw,
        source,
        text,
        Encoding::Utf8,
        Some(Format::Text),
        &ImportOptions::default(),
        g,
    );
}

const SUMMARY: &str = "is the team summary (the figures per foundation that \"Download summary\" writes), not responses: import the responses file (\"Download all responses\") or the share codes";

/// Whether a header is the team summary's (`core::team::aggregate_csv`).
fn is_summary(cells: &[String]) -> bool {
    let want = ["group", "foundation", "n", "median %"];
    cells.len() >= want.len()
        && want.iter().zip(cells).all(|(w, c)| {
            c.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(w)
        })
}

/// Reads a table whose rows are `rows` if it holds responses: the product's columns
/// (a header starting `framework`) or a survey export. `Some(true)` when it did,
/// `Some(false)` when it is the team summary, `None` when it is neither.
fn table_of_responses(
    fw: &Framework,
    at: &str,
    unit: &str,
    rows: &[(usize, Vec<String>)],
    options: &ImportOptions,
    g: &mut Gathered,
) -> Option<bool> {
    let first = rows.first()?;
    let lead = first
        .1
        .first()
        .map_or("", |c| c.trim().trim_start_matches('\u{feff}'));
    if lead == "framework" {
        match crate::codec::csv::from_records(fw, rows) {
            Err(e) => g.reject(join(at, &relabel(&e.path, unit)), e.message),
            Ok(got) => {
                g.found = got.responses;
                for e in got.rejected {
                    g.reject(join(at, &relabel(&e.path, unit)), e.message);
                }
            }
        }
        return Some(true);
    }
    if is_summary(&first.1) {
        return Some(false);
    }
    survey_table(fw, at, unit, rows, options, g)
}

/// A survey export: its mapping to confirm, or its rows read by the confirmed one.
#[cfg(feature = "importers")]
fn survey_table(
    fw: &Framework,
    at: &str,
    unit: &str,
    rows: &[(usize, Vec<String>)],
    options: &ImportOptions,
    g: &mut Gathered,
) -> Option<bool> {
    let header = survey::find_header(fw, rows)?;
    match &options.mapping {
        None => g.mapping = Some(survey::propose(fw, rows, header)),
        Some(m) => match survey::apply(fw, rows, header, m, unit) {
            Ok((found, rejected)) => {
                g.found = found;
                for e in rejected {
                    g.reject(join(at, &e.path), e.message);
                }
            }
            Err(issues) => g.rejected.extend(issues),
        },
    }
    Some(true)
}

fn join(at: &str, path: &str) -> String {
    format!("{at} {path}").trim().to_string()
}

/// A CSV reader's `line N` as `row N` for a sheet.
fn relabel(path: &str, unit: &str) -> String {
    match path.strip_prefix("line ") {
        Some(rest) if unit != "line" => format!("{unit} {rest}"),
        _ => path.to_string(),
    }
}

/// Text: JSON, a table (the product's CSV, a survey export, the summary by mistake),
/// or share codes anywhere in it.
fn text_input(
    fw: &Framework,
    source: &str,
    text: String,
    encoding: Encoding,
    format: Option<Format>,
    options: &ImportOptions,
    g: &mut Gathered,
) {
    if binary(&text) {
        return g.reject(
            source,
            "is not a file of responses: it holds binary data (it is not text, a workbook or an e-mail)",
        );
    }
    let encoded = (encoding != Encoding::Utf8).then(|| encoding.name());
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let json = body.starts_with('[') || body.starts_with('{');
    if format == Some(Format::Json) || (format.is_none() && json) {
        g.format = Some(Format::Json);
        g.json = Some(text);
        return;
    }
    let mut undecided = None;
    if format != Some(Format::Text) {
        match table::sniff(&text) {
            Sniff::Table(d) => match table::records(&text, d) {
                Err(e) => {
                    return g.reject(join(source, &e.path), e.message);
                }
                Ok(rows) => {
                    let as_table = |g: &mut Gathered| {
                        g.format = Some(Format::Csv);
                        let mut how = format!("CSV separated by {}s", d.name());
                        if let Some(e) = encoded {
                            how.push_str(&format!(", {e}"));
                        }
                        g.read_as = Some(how);
                    };
                    match table_of_responses(fw, source, "line", &rows, options, g) {
                        Some(true) => return as_table(g),
                        Some(false) => return g.reject(source, SUMMARY),
                        None => {}
                    }
                }
            },
            Sniff::Undecided(seps) => undecided = Some(seps),
            Sniff::NotTable => {}
        }
    }
    // Share codes and links, anywhere.
    let links = codes_in(fw, &text, g, |line| format!("{source} line {line}"));
    // A team link of nobody (`#fc-team=` and nothing) is read, and adds nobody.
    if !g.codes.is_empty() || links > 0 {
        g.format = Some(Format::Text);
        if let Some(e) = encoded {
            g.read_as = Some(e.to_string());
        }
        return;
    }
    if let Some(seps) = undecided {
        g.reject(source, table::undecided_message(&seps));
    } else if format == Some(Format::Csv) || table::sniff(&text) != Sniff::NotTable {
        g.reject(
            source,
            "holds no responses: its columns are not the product's (framework, version, …) or a survey's questions, and it has no share codes",
        );
    } else if !text.trim().is_empty() {
        g.format = Some(Format::Text);
        g.reject(source, "has no share code or link in it");
    }
}

/// The share codes in `text`, each named `where_(line number)`; how many links it has.
fn codes_in(
    fw: &Framework,
    text: &str,
    g: &mut Gathered,
    where_: impl Fn(usize) -> String,
) -> usize {
    let found = scan::scan(text, &sharecode::code_prefix(fw));
    let marks = found.marks;
    g.no_code_lines += found.no_code;
    g.hidden_links += found.hidden_links;
    for l in found.lines {
        let line = g.lines.len();
        let at = where_(l.number);
        for code in l.codes {
            g.codes.push(Candidate {
                at: at.clone(),
                code,
                line,
            });
        }
        g.lines.push(l.text);
    }
    marks
}

#[cfg(not(feature = "importers"))]
fn survey_table(
    _: &Framework,
    _: &str,
    _: &str,
    _: &[(usize, Vec<String>)],
    _: &ImportOptions,
    _: &mut Gathered,
) -> Option<bool> {
    None
}

/// The survey mapping of an export (the first sheet with a survey's header, in a
/// workbook), or, given `options.mapping` (a mapping the facilitator changed), that
/// mapping with its labels worked out again ([`survey::refresh`]). Errors when the
/// input is not a survey export, or the mapping does not fit it.
#[cfg(feature = "importers")]
pub fn survey_mapping(
    fw: &Framework,
    source: &str,
    input: Input,
    options: &ImportOptions,
) -> Result<Mapping, Vec<Issue>> {
    let one = |m: &str| vec![Issue::new(source, m)];
    let tables: Vec<Rows> = match options.format.or_else(|| match &input {
        Input::Bytes(b) => intake::sniff(source, b),
        Input::Text(_) => None,
    }) {
        Some(Format::Xlsx) => sheets(input).map_err(|e| one(&e.message))?,
        _ => {
            let text = match input {
                Input::Text(t) => t,
                Input::Bytes(b) => table::decode(&b).text,
            };
            match table::sniff(&text) {
                Sniff::Table(d) => vec![table::records(&text, d)
                    .map_err(|e| vec![Issue::new(join(source, &e.path), e.message)])?],
                Sniff::Undecided(seps) => return Err(one(&table::undecided_message(&seps))),
                Sniff::NotTable => Vec::new(),
            }
        }
    };
    for rows in &tables {
        if let Some(header) = survey::find_header(fw, rows) {
            return match &options.mapping {
                Some(m) => survey::refresh(fw, rows, header, m.clone()),
                None => Ok(survey::propose(fw, rows, header)),
            };
        }
    }
    Err(one(
        "is not a survey export: no column is headed by a statement of this framework, and it has no survey tool's columns",
    ))
}

#[cfg(feature = "importers")]
fn sheets(input: Input) -> Result<Vec<Rows>, Issue> {
    let bytes = match input {
        Input::Bytes(b) => b,
        Input::Text(t) => t.into_bytes(),
    };
    let mut book = crate::codec::xlsx::XlsxFile::open(&bytes)?;
    let mut out = Vec::new();
    for name in book.sheet_names().into_iter().take(100) {
        out.push(book.sheet(&name)?.rows);
    }
    Ok(out)
}
