//! Responses as CSV: one row per respondent, one column per respondent field and item.
//!
//! The header is `framework,version,submittedAt`, then the respondent field ids, then
//! the item ids, in framework order, then `comment:` and the id of each foundation that
//! asks for a comment (ids have no `:`, so these never meet an item's or a field's).
//! Answers are whole numbers or `dontKnow`; an empty cell is unanswered; respondent
//! fields hold option ids; a comment cell holds the text as written (read untrimmed). The file starts with a UTF-8
//! byte order mark and every field is quoted, so that Excel opens it cleanly. A cell
//! that would begin with `=`, `+`, `-`, `@`, a tab or a carriage return (and is not a
//! plain number) is written with a leading `'` so that a spreadsheet never runs it as a
//! formula; reading removes that `'` again.

use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::{Answer, Response};

pub const MAX_CSV_BYTES: usize = 64 * 1024 * 1024;
pub const MAX_ROWS: usize = 100_000;

fn is_plain_number(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s);
    !d.is_empty()
        && d.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && d.bytes().filter(|b| *b == b'.').count() <= 1
}

fn starts_like_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Whether reading would take a leading `'` off `rest`'s cell `'rest`: when `rest`, past
/// any further `'`, starts like a formula.
fn marked(rest: &str) -> bool {
    starts_like_formula(rest.trim_start_matches('\''))
}

/// Neutralises a cell that a spreadsheet could take for a formula. A text that already
/// starts with `'` before a formula's first character gets one more, so that reading
/// gives it back as it was.
pub fn neutralise(s: &str) -> String {
    let formula = starts_like_formula(s) && !is_plain_number(s);
    if formula || (s.starts_with('\'') && marked(s)) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if marked(rest) => rest,
        _ => s,
    }
}

fn quote(s: &str, out: &mut String) {
    out.push('"');
    for c in neutralise(s).chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// The header row's cells.
pub fn header(fw: &Framework) -> Vec<String> {
    let mut cells = Vec::new();
    columns(fw, |c| cells.push(c.to_string()));
    cells
}

/// Calls `cell` with each column's name, in order (see the module comment).
fn columns(fw: &Framework, mut cell: impl FnMut(&str)) {
    for c in ["framework", "version", "submittedAt"] {
        cell(c);
    }
    for f in &fw.respondent_fields {
        cell(&f.id);
    }
    for f in &fw.foundations {
        for i in &f.items {
            cell(&i.id);
        }
    }
    for f in fw.foundations.iter().filter(|f| f.comment.is_some()) {
        cell(&(COMMENT_PREFIX.to_string() + &f.id));
    }
}

/// The start of a comment column's name: `comment:purpose`.
pub const COMMENT_PREFIX: &str = "comment:";

/// Writes responses (checked against `fw`) as CSV, cell by cell straight into the text.
pub fn to_csv(fw: &Framework, responses: &[Response]) -> String {
    let mut out = String::from("\u{feff}");
    columns(fw, |c| cell(&mut out, c));
    for r in responses {
        out.push_str("\r\n");
        cell(&mut out, &r.framework);
        cell(&mut out, &r.version);
        cell(&mut out, r.submitted_at.as_deref().unwrap_or_default());
        for f in &fw.respondent_fields {
            cell(&mut out, r.respondent.get(&f.id).map_or("", String::as_str));
        }
        for f in &fw.foundations {
            for i in &f.items {
                let v;
                cell(
                    &mut out,
                    match r.answers.get(&i.id) {
                        None => "",
                        Some(Answer::DontKnow) => "dontKnow",
                        Some(Answer::Value(n)) => {
                            v = n.to_string();
                            &v
                        }
                    },
                );
            }
        }
        for f in fw.foundations.iter().filter(|f| f.comment.is_some()) {
            cell(&mut out, r.comments.get(&f.id).map_or("", String::as_str));
        }
    }
    out.push_str("\r\n");
    out
}

/// Rows of cells as CSV text, as [`to_csv`] writes them (a byte order mark, every
/// cell quoted and neutralised, CRLF line ends): the team summary and the comments.
pub fn rows_to_csv<R: AsRef<[String]>>(rows: &[R]) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        for c in r.as_ref() {
            cell(&mut out, c);
        }
        out.push_str("\r\n");
    }
    out
}

/// A quoted cell, after a comma unless it starts its row.
fn cell(out: &mut String, c: &str) {
    if !(out.ends_with('\n') || out.ends_with('\u{feff}')) {
        out.push(',');
    }
    quote(c, out);
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields, doubled quotes,
/// CRLF or LF line ends). Returns (line number, fields) per non-empty record.
pub fn parse_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, Issue> {
    parse_records_with(text, ',')
}

/// [`parse_records`] with another separator between fields (`;` and tab as spreadsheet
/// programs write in some locales; see `codec::table`).
pub fn parse_records_with(text: &str, separator: char) -> Result<Vec<(usize, Vec<String>)>, Issue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut start_line) = (1usize, 1usize);
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
            }
            '"' => {
                return Err(Issue::new(
                    format!("line {line}"),
                    "a quote inside an unquoted field",
                ))
            }
            c if c == separator => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    records.push((start_line, std::mem::take(&mut fields)));
                } else {
                    fields.clear();
                }
                if records.len() > MAX_ROWS + 1 {
                    return Err(Issue::new("", format!("more than {MAX_ROWS} rows")));
                }
                line += 1;
                start_line = line;
            }
            _ => {
                if was_quoted {
                    return Err(Issue::new(
                        format!("line {line}"),
                        "text after a closing quote",
                    ));
                }
                field.push(c);
            }
        }
    }
    if in_quotes {
        return Err(Issue::new(
            format!("line {start_line}"),
            "a quoted field is never closed",
        ));
    }
    if !field.is_empty() || !fields.is_empty() || was_quoted {
        fields.push(field);
        records.push((start_line, fields));
    }
    Ok(records)
}

/// What reading a CSV gave: the good rows, and a problem per rejected row.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    pub responses: Vec<Response>,
    pub rejected: Vec<Issue>,
}

/// Reads responses from CSV. A problem with the file as a whole (not CSV, another
/// framework's columns) is an error; a problem with one row rejects that row alone,
/// named by its line, so that the good rows are kept.
pub fn from_csv(fw: &Framework, text: &str) -> Result<CsvImport, Issue> {
    if text.len() > MAX_CSV_BYTES {
        return Err(Issue::new(
            "",
            format!(
                "the file is {} bytes; the limit is {} bytes",
                text.len(),
                MAX_CSV_BYTES
            ),
        ));
    }
    if text.contains('\0') {
        return Err(Issue::new(
            "",
            "this is not a CSV file (it contains binary data)",
        ));
    }
    from_records(fw, &parse_records(text)?)
}

/// Reads responses from CSV records (as [`parse_records`] gives them, with their line
/// numbers), by the rules of [`from_csv`]. Rows whose cells are all empty (a
/// spreadsheet's trailing `,,,` rows) are passed over.
pub fn from_records(fw: &Framework, records: &[(usize, Vec<String>)]) -> Result<CsvImport, Issue> {
    let Some((_, head)) = records.first() else {
        return Err(Issue::new("", "the file is empty"));
    };
    let head: Vec<String> = head
        .iter()
        .map(|h| unneutralise(h.trim()).to_string())
        .collect();
    let col = |name: &str| head.iter().position(|h| h == name);
    let (Some(c_fw), Some(c_ver)) = (col("framework"), col("version")) else {
        return Err(Issue::new("line 1", "the header must have \"framework\" and \"version\" columns: is this a foundations-check export?"));
    };
    let c_at = col("submittedAt");
    enum Col<'a> {
        Field(&'a str),
        Item(&'a str),
        Comment(&'a str),
        Meta,
    }
    let mut cols = Vec::with_capacity(head.len());
    let mut seen = std::collections::HashSet::new();
    for (i, h) in head.iter().enumerate() {
        if !seen.insert(h.as_str()) {
            return Err(Issue::new(
                format!("line 1, column {}", i + 1),
                format!("\"{h}\" appears twice in the header"),
            ));
        }
        cols.push(if ["framework", "version", "submittedAt"].contains(&h.as_str()) {
            Col::Meta
        } else if let Some(f) = fw.field(h) {
            Col::Field(&f.id)
        } else if fw.find_item(h).is_some() {
            Col::Item(h.as_str())
        } else if let Some(f) = h
            .strip_prefix(COMMENT_PREFIX)
            .and_then(|id| fw.foundations.iter().find(|f| f.id == id && f.comment.is_some()))
        {
            Col::Comment(&f.id)
        } else {
            return Err(Issue::new(
                format!("line 1, column {}", i + 1),
                format!(
                    "\"{}\" is not a statement or respondent question of \"{}\" version {}: this file may be from another framework",
                    h.chars().take(40).collect::<String>(),
                    fw.title,
                    fw.version
                ),
            ));
        });
    }
    let mut out = CsvImport {
        responses: Vec::new(),
        rejected: Vec::new(),
    };
    for (line, cells) in records.iter().skip(1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = format!("line {line}");
        if cells.len() != head.len() {
            out.rejected.push(Issue::new(
                at,
                format!("has {} cells; the header has {}", cells.len(), head.len()),
            ));
            continue;
        }
        let get = |i: usize| unneutralise(cells[i].trim());
        let (fid, ver) = (get(c_fw), get(c_ver));
        if fid != fw.id || ver != fw.version {
            out.rejected.push(Issue::new(
                at,
                format!(
                    "is for \"{}\" version {}, not \"{}\" version {}",
                    fid.chars().take(40).collect::<String>(),
                    ver.chars().take(20).collect::<String>(),
                    fw.id,
                    fw.version
                ),
            ));
            continue;
        }
        let mut r = Response::new(fw);
        // A time in any form a spreadsheet writes, read by one rule (core::time), or
        // the row is refused naming it: never dropped.
        let mut problem = None;
        if let Some(t) = c_at.map(get).filter(|s| !s.is_empty()) {
            match crate::core::response::normalise_submitted_at(fw, t) {
                Ok(t) => r.submitted_at = Some(t),
                Err(m) => problem = Some(format!("column submittedAt: {m}")),
            }
        }
        for (i, c) in cols.iter().enumerate() {
            if problem.is_some() {
                break;
            }
            if let Col::Comment(f) = c {
                // As written: a comment's spaces and line breaks are its own.
                let text = unneutralise(&cells[i]);
                if text.trim().is_empty() {
                    continue;
                }
                if let Err(m) = r.set_comment(fw, f, text) {
                    problem = Some(format!("column {COMMENT_PREFIX}{f}: {m}"));
                    break;
                }
                continue;
            }
            let v = get(i);
            if v.is_empty() {
                continue;
            }
            match c {
                Col::Meta | Col::Comment(_) => {}
                Col::Field(f) => {
                    let ok = fw
                        .field(f)
                        .is_some_and(|fd| fd.options.iter().any(|o| o.id == v));
                    if ok {
                        r.respondent.insert(f.to_string(), v.to_string());
                    } else {
                        problem = Some(format!(
                            "column {f}: \"{}\" is not one of its options",
                            v.chars().take(40).collect::<String>()
                        ));
                    }
                }
                Col::Item(id) => {
                    let a = if v == "dontKnow" {
                        Some(Answer::DontKnow)
                    } else {
                        v.parse::<i32>().ok().map(Answer::Value)
                    };
                    match a.map(|a| Response::check_answer(fw, id, a).map(|()| a)) {
                        Some(Ok(a)) => {
                            r.answers.insert(id.to_string(), a);
                        }
                        Some(Err(m)) => problem = Some(format!("column {id}: {m}")),
                        None => {
                            problem = Some(format!(
                                "column {id}: \"{}\" is not a whole number or dontKnow",
                                v.chars().take(40).collect::<String>()
                            ))
                        }
                    }
                }
            }
            if problem.is_some() {
                break;
            }
        }
        match problem {
            Some(m) => out.rejected.push(Issue::new(at, m)),
            None => out.responses.push(r),
        }
    }
    Ok(out)
}
