//! Survey tools' exports (Microsoft Forms, Google Forms; as CSV or .xlsx): one row per
//! person, one column per question headed by the question's text, cells holding the
//! label that was chosen ("Strongly agree", "Don't know"), and columns of the tool's
//! own (Microsoft Forms: ID, Start time, Completion time, Email, Name, Last modified
//! time; Google Forms: Timestamp, Email address, Score).
//!
//! Nothing is guessed silently. [`propose`] makes a [`Mapping`] for a facilitator to
//! confirm before anything is added:
//! - columns to statements: the header is the statement's text exactly, else the same
//!   once normalised ([`normalise`]: case, spacing, curly quotes and apostrophes, dashes,
//!   a leading question number, a trailing full stop), else the part in brackets of a
//!   grid question's header (`How far do you agree? [Statement]`, as Google Forms
//!   writes a grid), exactly or normalised; a statement is taken by its first column;
//! - columns to respondent questions: the header is the field's `label`, exactly or
//!   normalised;
//! - the completion time (Microsoft Forms' "Completion time", Google Forms'
//!   "Timestamp") to the submission time;
//! - columns that hold names or e-mail addresses, by their header (Name, Email, Email
//!   address, …) or because most of their cells are addresses: never read, never kept,
//!   never shown (no cell of theirs is in the mapping or any message);
//! - the tool's other columns ignored; anything else unmatched (never read);
//! - each label found in a statement's column to a point of the scale (`scale.labels`,
//!   exactly, then normalised; a whole number on the scale as that number) or to
//!   "Don't know" (`scale.dontKnow`); each label in a respondent question's column to
//!   one of its options (`label` or `id`). A label that matches nothing is shown as
//!   unmatched: the facilitator maps it to a point, to "Don't know" or to blank
//!   (unanswered), or leaves it, and then a row that chose it is not added but named.
//!
//! The facilitator may change any column's or label's mapping; [`refresh`] works out
//! the labels again for the columns as they now are, keeping what was confirmed.
//! [`apply`] checks a confirmed mapping against the file (the same headers in the same
//! places) and the framework, and reads each row into a response: the submission time
//! from the completion column, read by `core::time` (day first unless the framework's
//! locale is en-US), after the forms these tools write that it does not read
//! ([`survey_time`]).
//!
//! Ours: the rules are the product's (how a statement's text may differ, which columns
//! are never read). On the test fixtures they map 13 of the 14 columns of the
//! Microsoft Forms export and all 9 of the Google Forms one with no hand, leaving the
//! free-text question and the one label no scale has ("Mostly") to the facilitator.

use crate::codec::json::Value;
use crate::core::framework::Framework;
use crate::core::issue::{child, index, Issue};
use crate::core::reader::Reader;
use crate::core::response::{normalise_submitted_at, Answer, Response};
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// The tool whose export this looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Tool {
    MicrosoftForms,
    GoogleForms,
    Other,
}

impl Tool {
    pub fn name(self) -> &'static str {
        match self {
            Tool::MicrosoftForms => "Microsoft Forms",
            Tool::GoogleForms => "Google Forms",
            Tool::Other => "survey",
        }
    }
}

/// What a column is taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A statement's answers (`item`).
    Item,
    /// A respondent question's answers (`field`).
    Field,
    /// When the form was completed.
    SubmittedAt,
    /// Names or e-mail addresses: never read.
    Personal,
    /// One of the tool's own columns (ID, start time, score): not read.
    Ignored,
    /// Matches nothing: not read.
    Unmatched,
}

/// How a match was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum How {
    /// The same text.
    Exact,
    /// The same text once normalised.
    Normalised,
    /// The bracketed part of a grid question's header.
    Grid,
    /// A whole number on the scale.
    Number,
    /// A column every export of the tool has, or a name or e-mail column by its header.
    Known,
    /// Most cells are e-mail addresses.
    Content,
    /// Set by the facilitator.
    Confirmed,
}

/// One column of the export.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    /// Its place, from 1 (column A is 1).
    pub column: usize,
    /// Its header, as in the file.
    pub header: String,
    pub kind: Kind,
    /// The statement's id, for [`Kind::Item`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The respondent field's id, for [`Kind::Field`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub how: Option<How>,
    /// How many of its cells are filled.
    pub filled: usize,
    /// Why it is as it is, when that is not plain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a label in a statement's column stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAnswer {
    /// A point of the scale.
    Point(i32),
    DontKnow,
    /// Unanswered, as the facilitator chose.
    Blank,
    /// Not mapped: a row with it is not added.
    Unmapped,
}

/// A point as a number, "dontKnow", "blank", or null when unmapped.
impl Serialize for LabelAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LabelAnswer::Point(v) => s.serialize_i32(*v),
            LabelAnswer::DontKnow => s.serialize_str("dontKnow"),
            LabelAnswer::Blank => s.serialize_str("blank"),
            LabelAnswer::Unmapped => s.serialize_none(),
        }
    }
}

/// A label found in the statements' columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    /// The cell's text, trimmed.
    pub label: String,
    pub answer: LabelAnswer,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub how: Option<How>,
    /// How many cells hold it.
    pub count: usize,
}

/// A label found in a respondent question's column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionLabel {
    pub field: String,
    pub label: String,
    /// The option's id; `None` when unmapped (a row with it is not added).
    pub option: Option<String>,
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    pub how: Option<How>,
    pub count: usize,
}

/// How an export's columns and labels map to the framework: shown to the facilitator,
/// confirmed (and perhaps changed), then given to [`apply`]. In JavaScript `{ tool,
/// headerRow, rows, columns: [{ column, header, kind, item?, field?, match?, filled,
/// note? }], labels: [{ label, answer, match?, count }], options: [{ field, label,
/// option, match?, count }], unmatchedStatements, ready }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub tool: Tool,
    /// The header's row (line of a CSV file, row of a sheet), from 1.
    pub header_row: usize,
    /// How many rows of answers follow it.
    pub rows: usize,
    pub columns: Vec<Column>,
    pub labels: Vec<Label>,
    pub options: Vec<OptionLabel>,
    /// Statements (ids) that no column answers.
    pub unmatched_statements: Vec<String>,
    /// Whether every label and option is mapped and at least one column is a statement.
    pub ready: bool,
}

/// Text compared loosely (the module comment): lower case, one space between words,
/// straight quotes and apostrophes, `-` for dashes, without a leading question number
/// (`12.`, `12)`, `Q12.`) or trailing full stops.
pub fn normalise(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut t = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    // A leading question number.
    let digits_from = usize::from(t.starts_with('q'));
    let n = t[digits_from..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if n > 0 {
        let after = &t[digits_from + n..];
        if let Some(rest) = after
            .strip_prefix(". ")
            .or_else(|| after.strip_prefix(") "))
        {
            t = rest.to_string();
        }
    }
    t.trim_end_matches(['.', ' ']).to_string()
}

const PERSONAL: [&str; 20] = [
    "name",
    "full name",
    "your name",
    "first name",
    "last name",
    "surname",
    "given name",
    "family name",
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "your email",
    "your e-mail",
    "your email address",
    "your e-mail address",
    "respondent",
    "responder",
    "username",
    "user name",
];
const TIMES: [&str; 6] = [
    "completion time",
    "timestamp",
    "submitted at",
    "submittedat",
    "submission time",
    "submitted",
];
const IGNORED: [&str; 7] = [
    "id",
    "start time",
    "last modified time",
    "score",
    "total points",
    "quiz feedback",
    "points",
];

/// The bracketed end of a grid question's header: `Question [Row]` gives `Row`.
fn grid_row(header: &str) -> Option<&str> {
    let h = header.trim_end();
    let inner = h.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    (open > 0).then(|| inner[open + 1..].trim())
}

fn header_signature(cells: &[String]) -> Option<Tool> {
    let has = |name: &str| cells.iter().any(|c| normalise(c) == name);
    if has("start time") && has("completion time") {
        Some(Tool::MicrosoftForms)
    } else if cells.first().is_some_and(|c| normalise(c) == "timestamp") {
        Some(Tool::GoogleForms)
    } else {
        None
    }
}

/// The statement a header names, and how; `taken` statements are passed over.
fn match_item<'a>(
    fw: &'a Framework,
    header: &str,
    taken: &dyn Fn(&str) -> bool,
) -> Option<(&'a str, How)> {
    let items = || fw.foundations.iter().flat_map(|f| f.items.iter());
    let h = header.trim();
    let find = |text: &str, how_exact: How, how_norm: How| {
        items()
            .find(|i| !taken(&i.id) && i.text.trim() == text)
            .map(|i| (i.id.as_str(), how_exact))
            .or_else(|| {
                let n = normalise(text);
                items()
                    .find(|i| !taken(&i.id) && normalise(&i.text) == n)
                    .map(|i| (i.id.as_str(), how_norm))
            })
    };
    find(h, How::Exact, How::Normalised)
        .or_else(|| grid_row(h).and_then(|r| find(r, How::Grid, How::Grid)))
}

/// Whether a statement matches `header` at all (taken or not).
fn names_a_statement(fw: &Framework, header: &str) -> Option<String> {
    match_item(fw, header, &|_| false).map(|(id, _)| id.to_string())
}

/// Where the header is among the first 10 rows: the first row with a cell that names
/// a statement, or that has a survey tool's own columns.
pub fn find_header(fw: &Framework, rows: &[(usize, Vec<String>)]) -> Option<usize> {
    rows.iter().take(10).position(|(_, cells)| {
        header_signature(cells).is_some()
            || cells.iter().any(|c| names_a_statement(fw, c).is_some())
    })
}

fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |c| c.trim())
}

fn looks_like_address(s: &str) -> bool {
    let s = s.trim();
    s.split_once('@')
        .is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !s.contains(char::is_whitespace))
}

/// A first mapping of the export whose header is `rows[header]` (see the module comment).
pub fn propose(fw: &Framework, rows: &[(usize, Vec<String>)], header: usize) -> Mapping {
    let (header_row, head) = (&rows[header].0, &rows[header].1);
    let body = &rows[header + 1..];
    let tool = header_signature(head).unwrap_or(Tool::Other);
    let mut taken: Vec<String> = Vec::new();
    let mut fields_taken: Vec<String> = Vec::new();
    let mut time_taken = false;
    let mut columns = Vec::with_capacity(head.len());
    for (i, h) in head.iter().enumerate() {
        let n = normalise(h);
        let filled = body.iter().filter(|(_, r)| !cell(r, i).is_empty()).count();
        let mut col = Column {
            column: i + 1,
            header: h.trim().to_string(),
            kind: Kind::Unmatched,
            item: None,
            field: None,
            how: None,
            filled,
            note: None,
        };
        if PERSONAL.contains(&n.as_str()) {
            col.kind = Kind::Personal;
            col.how = Some(How::Known);
        } else if TIMES.contains(&n.as_str()) && !time_taken {
            time_taken = true;
            col.kind = Kind::SubmittedAt;
            col.how = Some(How::Known);
        } else if IGNORED.contains(&n.as_str())
            || n.starts_with("points - ")
            || n.starts_with("feedback - ")
        {
            col.kind = Kind::Ignored;
            col.how = Some(How::Known);
        } else if let Some((id, how)) = match_item(fw, h, &|id| taken.iter().any(|t| t == id)) {
            taken.push(id.to_string());
            col.kind = Kind::Item;
            col.item = Some(id.to_string());
            col.how = Some(how);
        } else if let Some(id) = names_a_statement(fw, h) {
            col.note = Some(format!(
                "also names statement \"{id}\", which an earlier column answers"
            ));
        } else if let Some((f, how)) = fw
            .respondent_fields
            .iter()
            .filter(|f| !fields_taken.contains(&f.id))
            .find_map(|f| {
                if f.label.trim() == h.trim() {
                    Some((f, How::Exact))
                } else {
                    (normalise(&f.label) == n).then_some((f, How::Normalised))
                }
            })
        {
            fields_taken.push(f.id.clone());
            col.kind = Kind::Field;
            col.field = Some(f.id.clone());
            col.how = Some(how);
        }
        if matches!(col.kind, Kind::Unmatched) && filled > 0 {
            let addresses = body
                .iter()
                .filter(|(_, r)| looks_like_address(cell(r, i)))
                .count();
            if addresses * 2 >= filled {
                col.kind = Kind::Personal;
                col.how = Some(How::Content);
            }
        }
        columns.push(col);
    }
    let mut m = Mapping {
        tool,
        header_row: *header_row,
        rows: body
            .iter()
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .count(),
        columns,
        labels: Vec::new(),
        options: Vec::new(),
        unmatched_statements: Vec::new(),
        ready: false,
    };
    fill_labels(fw, body, &mut m, &[], &[]);
    m
}

/// Works out the labels and options of `m`'s columns again, keeping the answers in
/// `keep_labels` and `keep_options` (the facilitator's), and what follows from them.
fn fill_labels(
    fw: &Framework,
    body: &[(usize, Vec<String>)],
    m: &mut Mapping,
    keep_labels: &[Label],
    keep_options: &[OptionLabel],
) {
    let mut labels: Vec<Label> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut options: Vec<OptionLabel> = Vec::new();
    let mut opt_at: HashMap<(String, String), usize> = HashMap::new();
    for col in &m.columns {
        let i = col.column - 1;
        match (col.kind, &col.field) {
            (Kind::Item, _) => {
                for (_, r) in body {
                    let v = cell(r, i);
                    if v.is_empty() {
                        continue;
                    }
                    match at.get(v) {
                        Some(&k) => labels[k].count += 1,
                        None => {
                            at.insert(v.to_string(), labels.len());
                            let (answer, how) = match keep_labels.iter().find(|l| l.label == v) {
                                Some(l) => (l.answer, l.how),
                                None => label_answer(fw, v),
                            };
                            labels.push(Label {
                                label: v.to_string(),
                                answer,
                                how,
                                count: 1,
                            });
                        }
                    }
                }
            }
            (Kind::Field, Some(fid)) => {
                let Some(field) = fw.field(fid) else { continue };
                for (_, r) in body {
                    let v = cell(r, i);
                    if v.is_empty() {
                        continue;
                    }
                    let key = (fid.clone(), v.to_string());
                    match opt_at.get(&key) {
                        Some(&k) => options[k].count += 1,
                        None => {
                            opt_at.insert(key, options.len());
                            let kept = keep_options
                                .iter()
                                .find(|o| o.field == *fid && o.label == v);
                            let (option, how) = match kept {
                                Some(o) => (o.option.clone(), o.how),
                                None => {
                                    let n = normalise(v);
                                    match field
                                        .options
                                        .iter()
                                        .find(|o| o.label.trim() == v || o.id == v)
                                    {
                                        Some(o) => (Some(o.id.clone()), Some(How::Exact)),
                                        None => match field
                                            .options
                                            .iter()
                                            .find(|o| normalise(&o.label) == n)
                                        {
                                            Some(o) => (Some(o.id.clone()), Some(How::Normalised)),
                                            None => (None, None),
                                        },
                                    }
                                }
                            };
                            options.push(OptionLabel {
                                field: fid.clone(),
                                label: v.to_string(),
                                option,
                                how,
                                count: 1,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let rank = |a: &LabelAnswer| match a {
        LabelAnswer::Point(v) => (0, *v),
        LabelAnswer::DontKnow => (1, 0),
        LabelAnswer::Blank => (2, 0),
        LabelAnswer::Unmapped => (3, 0),
    };
    labels.sort_by(|a, b| {
        rank(&a.answer)
            .cmp(&rank(&b.answer))
            .then_with(|| a.label.cmp(&b.label))
    });
    let answered: Vec<&str> = m
        .columns
        .iter()
        .filter(|c| c.kind == Kind::Item)
        .filter_map(|c| c.item.as_deref())
        .collect();
    m.unmatched_statements = fw
        .foundations
        .iter()
        .flat_map(|f| f.items.iter())
        .filter(|i| !answered.contains(&i.id.as_str()))
        .map(|i| i.id.clone())
        .collect();
    m.ready = !answered.is_empty()
        && labels.iter().all(|l| l.answer != LabelAnswer::Unmapped)
        && options.iter().all(|o| o.option.is_some());
    m.labels = labels;
    m.options = options;
}

/// What a label stands for on `fw`'s scale, and how that was found.
fn label_answer(fw: &Framework, v: &str) -> (LabelAnswer, Option<How>) {
    let s = &fw.scale;
    let point = |i: usize| LabelAnswer::Point(s.min + i as i32);
    if let Some(i) = s.labels.iter().position(|l| l.trim() == v) {
        return (point(i), Some(How::Exact));
    }
    if s.dont_know.as_deref().is_some_and(|d| d.trim() == v) {
        return (LabelAnswer::DontKnow, Some(How::Exact));
    }
    let n = normalise(v);
    if let Some(i) = s.labels.iter().position(|l| normalise(l) == n) {
        return (point(i), Some(How::Normalised));
    }
    if s.dont_know.as_deref().is_some_and(|d| normalise(d) == n) {
        return (LabelAnswer::DontKnow, Some(How::Normalised));
    }
    match v.parse::<i32>() {
        Ok(p) if (s.min..=s.max).contains(&p) => (LabelAnswer::Point(p), Some(How::Number)),
        _ => (LabelAnswer::Unmapped, None),
    }
}

/// `edited` (the facilitator's changes to a mapping of this export) with its labels and
/// options worked out again for its columns as they now are, keeping the answers
/// already given. Errors when it does not fit the file or the framework ([`check`]).
pub fn refresh(
    fw: &Framework,
    rows: &[(usize, Vec<String>)],
    header: usize,
    mut edited: Mapping,
) -> Result<Mapping, Vec<Issue>> {
    check(fw, rows, header, &edited)?;
    let (labels, options) = (
        std::mem::take(&mut edited.labels),
        std::mem::take(&mut edited.options),
    );
    let body = &rows[header + 1..];
    fill_labels(fw, body, &mut edited, &labels, &options);
    Ok(edited)
}

/// Checks that `m` is a mapping of this export (the same headers in the same places)
/// for `fw`: statements and respondent questions that exist, each answered by one
/// column at most, one submission time at most, points on the scale, "Don't know"
/// only where the scale has it, options of their question.
pub fn check(
    fw: &Framework,
    rows: &[(usize, Vec<String>)],
    header: usize,
    m: &Mapping,
) -> Result<(), Vec<Issue>> {
    let mut issues = Vec::new();
    let head = &rows[header].1;
    let mut err = |path: String, message: String| {
        if issues.len() < 100 {
            issues.push(Issue::new(path, message))
        }
    };
    if m.columns.len() != head.len() {
        err(
            "mapping.columns".into(),
            format!(
                "has {} columns; this file has {}: the mapping is for another file",
                m.columns.len(),
                head.len()
            ),
        );
    }
    let mut items: Vec<&str> = Vec::new();
    let mut fields: Vec<&str> = Vec::new();
    let mut times = 0;
    for (i, c) in m.columns.iter().enumerate() {
        let path = format!("mapping.columns[{i}]");
        if let Some(h) = head.get(i) {
            if h.trim() != c.header || c.column != i + 1 {
                err(
                    path.clone(),
                    format!(
                        "column {} is headed \"{}\" in this file, not \"{}\": the mapping is for another file",
                        i + 1,
                        short(h.trim()),
                        short(&c.header)
                    ),
                );
            }
        }
        match c.kind {
            Kind::Item => match c.item.as_deref() {
                Some(id) if fw.find_item(id).is_some() => {
                    if items.contains(&id) {
                        err(
                            path,
                            format!("statement \"{id}\" is answered by two columns"),
                        );
                    }
                    items.push(id);
                }
                Some(id) => err(
                    path,
                    format!("\"{}\" is not a statement of this framework", short(id)),
                ),
                None => err(path, "a statement's column needs its item".into()),
            },
            Kind::Field => match c.field.as_deref() {
                Some(id) if fw.field(id).is_some() => {
                    if fields.contains(&id) {
                        err(
                            path,
                            format!("respondent question \"{id}\" is answered by two columns"),
                        );
                    }
                    fields.push(id);
                }
                Some(id) => err(
                    path,
                    format!(
                        "\"{}\" is not a respondent question of this framework",
                        short(id)
                    ),
                ),
                None => err(
                    path,
                    "a respondent question's column needs its field".into(),
                ),
            },
            Kind::SubmittedAt => {
                times += 1;
                if times > 1 {
                    err(path, "only one column can be the submission time".into());
                }
            }
            _ => {}
        }
    }
    for (i, l) in m.labels.iter().enumerate() {
        let path = format!("mapping.labels[{i}]");
        match l.answer {
            LabelAnswer::Point(v) if !(fw.scale.min..=fw.scale.max).contains(&v) => err(
                path,
                format!(
                    "{v} is outside the scale ({} to {})",
                    fw.scale.min, fw.scale.max
                ),
            ),
            LabelAnswer::DontKnow if fw.scale.dont_know.is_none() => {
                err(path, "this framework has no \"Don't know\" choice".into())
            }
            _ => {}
        }
    }
    for (i, o) in m.options.iter().enumerate() {
        let ok = fw.field(&o.field).is_some_and(|f| {
            o.option
                .as_deref()
                .is_none_or(|id| f.options.iter().any(|c| c.id == id))
        });
        if !ok {
            err(
                format!("mapping.options[{i}]"),
                format!(
                    "\"{}\" is not an option of respondent question \"{}\"",
                    short(o.option.as_deref().unwrap_or("")),
                    short(&o.field)
                ),
            );
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(issues)
    }
}

fn short(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        t + "…"
    } else {
        t
    }
}

/// A submission time as these tools write it, in a form `core::time` reads: Google
/// Forms' `2026/11/22 9:30:15 AM GMT+1` (year first with `/`, a 12-hour clock, a
/// `GMT+H` zone), and 12-hour clocks (`22/11/2026 9:30 PM`) generally. Other text is
/// given back as it is, for `core::time` to read or name.
pub fn survey_time(text: &str) -> String {
    let mut t = text.trim().to_string();
    // Year first with slashes: 2026/11/22 ...
    let b = t.as_bytes();
    if b.len() >= 10 && b[4] == b'/' && b[7] == b'/' && b[..4].iter().all(u8::is_ascii_digit) {
        t.replace_range(4..5, "-");
        t.replace_range(7..8, "-");
    }
    // A zone: GMT, UTC, GMT+1, GMT+01:00, UTC-5.
    let mut zone = String::new();
    for name in [" GMT", " UTC"] {
        if let Some(k) = t.rfind(name) {
            let z = t[k + name.len()..].to_string();
            let ok = z.is_empty()
                || (z.starts_with(['+', '-'])
                    && z[1..].bytes().all(|c| c.is_ascii_digit() || c == b':')
                    && (2..=6).contains(&z.len()));
            if ok {
                zone = if z.is_empty() {
                    "Z".into()
                } else {
                    let (sign, rest) = z.split_at(1);
                    let (h, m) = rest.split_once(':').unwrap_or((rest, "00"));
                    format!("{sign}{:0>2}:{:0>2}", h, m)
                };
                t.truncate(k);
            }
            break;
        }
    }
    // A 12-hour clock.
    let upper = t.to_ascii_uppercase();
    let half = if upper.ends_with(" AM") || upper.ends_with(" A.M.") {
        Some(false)
    } else if upper.ends_with(" PM") || upper.ends_with(" P.M.") {
        Some(true)
    } else {
        None
    };
    if let Some(pm) = half {
        let cut = t.rfind(' ').unwrap_or(t.len());
        t.truncate(cut);
        if let Some(sp) = t.rfind(' ') {
            let clock = &t[sp + 1..];
            let hn = clock.bytes().take_while(u8::is_ascii_digit).count();
            if let Ok(h) = clock[..hn].parse::<u32>() {
                if (1..=12).contains(&h) {
                    let h24 = match (h, pm) {
                        (12, false) => 0,
                        (12, true) => 12,
                        (h, true) => h + 12,
                        (h, false) => h,
                    };
                    let rest = clock[hn..].to_string();
                    t.truncate(sp + 1);
                    t.push_str(&format!("{h24:02}{rest}"));
                }
            }
        }
    }
    // The RFC 3339 form needs a two-digit hour.
    let b = t.as_bytes();
    if b.len() >= 13 && b[4] == b'-' && b[10] == b' ' && b.get(12) == Some(&b':') {
        t.insert(11, '0');
    }
    t + &zone
}

/// The responses in an export by a confirmed mapping, and a problem per row that is
/// not added, named `{unit} {n}` ("line 4" of a CSV file, "row 4" of a sheet). A row
/// is not added when a label or option it chose is unmapped, its time cannot be read,
/// or it answers nothing. Errors when the mapping does not fit ([`check`]).
pub fn apply(
    fw: &Framework,
    rows: &[(usize, Vec<String>)],
    header: usize,
    m: &Mapping,
    unit: &str,
) -> Result<(Vec<Response>, Vec<Issue>), Vec<Issue>> {
    check(fw, rows, header, m)?;
    let labels: HashMap<&str, LabelAnswer> = m
        .labels
        .iter()
        .map(|l| (l.label.as_str(), l.answer))
        .collect();
    let options: HashMap<(&str, &str), Option<&str>> = m
        .options
        .iter()
        .map(|o| ((o.field.as_str(), o.label.as_str()), o.option.as_deref()))
        .collect();
    let mut out = Vec::new();
    let mut rejected = Vec::new();
    for (line, r) in &rows[header + 1..] {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut resp = Response::new(fw);
        let mut problem = None;
        for c in &m.columns {
            let v = cell(r, c.column - 1);
            if v.is_empty() {
                continue;
            }
            let at = format!("column {} ({})", c.column, short(&c.header));
            match (c.kind, c.item.as_deref(), c.field.as_deref()) {
                (Kind::Item, Some(id), _) => {
                    match labels.get(v).copied().unwrap_or(LabelAnswer::Unmapped) {
                        LabelAnswer::Point(p) => {
                            resp.answers.insert(id.to_string(), Answer::Value(p));
                        }
                        LabelAnswer::DontKnow => {
                            resp.answers.insert(id.to_string(), Answer::DontKnow);
                        }
                        LabelAnswer::Blank => {}
                        LabelAnswer::Unmapped => {
                            problem = Some(format!(
                                "{at}: \"{}\" is not mapped to a point of the scale",
                                short(v)
                            ))
                        }
                    }
                }
                (Kind::Field, _, Some(fid)) => match options.get(&(fid, v)).copied().flatten() {
                    Some(o) => {
                        resp.respondent.insert(fid.to_string(), o.to_string());
                    }
                    None => {
                        problem = Some(format!("{at}: \"{}\" is not mapped to an option", short(v)))
                    }
                },
                (Kind::SubmittedAt, _, _) => match normalise_submitted_at(fw, &survey_time(v)) {
                    Ok(t) => resp.submitted_at = Some(t),
                    Err(e) => problem = Some(format!("{at}: {e}")),
                },
                _ => {}
            }
            if problem.is_some() {
                break;
            }
        }
        if problem.is_none() && resp.answers.is_empty() && resp.respondent.is_empty() {
            problem = Some("answers no statement".into());
        }
        match problem {
            Some(p) => rejected.push(Issue::new(format!("{unit} {line}"), p)),
            None => out.push(resp),
        }
    }
    Ok((out, rejected))
}

impl Mapping {
    /// Reads a mapping as [`Mapping`] writes it (in JavaScript, as the facilitator
    /// confirmed it): columns, labels and options are read; the counts, `match`,
    /// `note` and `ready` are the reader's to work out again and may be left out.
    pub fn from_value(v: &Value) -> Result<Mapping, Vec<Issue>> {
        let mut r = Reader::default();
        let p = "mapping";
        let Some(m) = r.object(
            v,
            p,
            &[
                "tool",
                "headerRow",
                "rows",
                "columns",
                "labels",
                "options",
                "unmatchedStatements",
                "ready",
            ],
        ) else {
            return Err(r.issues);
        };
        let tool = match m.get("tool").and_then(Value::as_str) {
            Some("microsoftForms") => Tool::MicrosoftForms,
            Some("googleForms") => Tool::GoogleForms,
            _ => Tool::Other,
        };
        let header_row = m.get("headerRow").and_then(Value::as_u64).unwrap_or(1) as usize;
        let mut columns = Vec::new();
        for (i, c) in r.list(m, p, "columns", 16_384, true).iter().enumerate() {
            let cp = index(&child(p, "columns"), i);
            let Some(cm) = r.object(
                c,
                &cp,
                &[
                    "column", "header", "kind", "item", "field", "match", "filled", "note",
                ],
            ) else {
                continue;
            };
            let kind = match cm.get("kind").and_then(Value::as_str) {
                Some("item") => Kind::Item,
                Some("field") => Kind::Field,
                Some("submittedAt") => Kind::SubmittedAt,
                Some("personal") => Kind::Personal,
                Some("ignored") => Kind::Ignored,
                Some("unmatched") => Kind::Unmatched,
                _ => {
                    r.err(
                        &child(&cp, "kind"),
                        "expected one of: item, field, submittedAt, personal, ignored, unmatched",
                    );
                    Kind::Unmatched
                }
            };
            let column = r.int(cm, &cp, "column").unwrap_or(0).max(0) as usize;
            columns.push(Column {
                column,
                header: r.text(cm, &cp, "header", 10_000),
                kind,
                item: r.opt_text(cm, &cp, "item", 200),
                field: r.opt_text(cm, &cp, "field", 200),
                how: Some(How::Confirmed),
                filled: 0,
                note: None,
            });
        }
        let mut labels = Vec::new();
        for (i, l) in r.list(m, p, "labels", 100_000, false).iter().enumerate() {
            let lp = index(&child(p, "labels"), i);
            let Some(lm) = r.object(l, &lp, &["label", "answer", "match", "count"]) else {
                continue;
            };
            let answer = match lm.get("answer") {
                None | Some(Value::Null) => LabelAnswer::Unmapped,
                Some(v) if v.as_str() == Some("dontKnow") => LabelAnswer::DontKnow,
                Some(v) if v.as_str() == Some("blank") => LabelAnswer::Blank,
                Some(v) => match r.int_value(v, &child(&lp, "answer")) {
                    Some(n) if i32::try_from(n).is_ok() => LabelAnswer::Point(n as i32),
                    _ => LabelAnswer::Unmapped,
                },
            };
            labels.push(Label {
                label: r.text(lm, &lp, "label", 10_000),
                answer,
                how: Some(How::Confirmed),
                count: 0,
            });
        }
        let mut options = Vec::new();
        for (i, o) in r.list(m, p, "options", 100_000, false).iter().enumerate() {
            let op = index(&child(p, "options"), i);
            let Some(om) = r.object(o, &op, &["field", "label", "option", "match", "count"]) else {
                continue;
            };
            options.push(OptionLabel {
                field: r.text(om, &op, "field", 200),
                label: r.text(om, &op, "label", 10_000),
                option: r.opt_text(om, &op, "option", 200),
                how: Some(How::Confirmed),
                count: 0,
            });
        }
        if !r.issues.is_empty() {
            return Err(r.issues);
        }
        Ok(Mapping {
            tool,
            header_row,
            rows: 0,
            columns,
            labels,
            options,
            unmatched_statements: Vec::new(),
            ready: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_text() {
        assert_eq!(normalise("  Don’t   know. "), "don't know");
        assert_eq!(normalise("12. We share a PURPOSE."), "we share a purpose");
        assert_eq!(normalise("Q3) “Trust” – grows"), "\"trust\" - grows");
        assert_eq!(
            grid_row("How far do you agree? [We share a purpose]"),
            Some("We share a purpose")
        );
        assert_eq!(grid_row("[x]"), None);
    }

    #[test]
    fn tools_times() {
        assert_eq!(
            survey_time("2026/11/22 9:30:15 AM GMT+1"),
            "2026-11-22 09:30:15+01:00"
        );
        assert_eq!(
            survey_time("2026/11/22 12:05:00 AM GMT"),
            "2026-11-22 00:05:00Z"
        );
        assert_eq!(survey_time("22/11/2026 9:30 PM"), "22/11/2026 21:30");
        assert_eq!(survey_time("2026-11-22 09:30:15"), "2026-11-22 09:30:15");
        assert_eq!(survey_time("22/11/2026 09:30"), "22/11/2026 09:30");
        assert_eq!(survey_time("yesterday"), "yesterday");
    }
}
