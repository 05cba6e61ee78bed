//! Frameworks from spreadsheets, for editors who cannot write JSON: a workbook of named
//! sheets converts to a framework, with every problem named by sheet, row and column;
//! and any framework written out as such a workbook (the template).
//!
//! ## The sheets
//! Each sheet's first row names its columns (in any order; case, spaces and `-`/`_`
//! do not matter: `Short name`, `shortName` and `short_name` are one column). Blank rows
//! are skipped. Required columns are marked *.
//! - **About**: `setting`*, `value`*, one setting a row: `title`*, `id` (made from the
//!   title when blank), `version` (default 1), `description`, `locale` (default
//!   en-GB), `scale` (which of the Scales is the framework's; default the first),
//!   `scoring method` (mean or sum), `min answered`, `overall min share`, `band basis`
//!   (percent or scale), `consensus spread`, `consensus spread share`, `consensus max
//!   outside`.
//! - **Statements**: one row per statement: `foundation`* (its name; rows with the
//!   same name make one foundation, in the order first met), `statement`*, `reverse`
//!   (yes or no), `weight` (default 1), `id` (default the foundation's id and the
//!   statement's number in it, `purpose-1`), `scale` (a scale of its own, by name).
//! - **Foundations** (optional): `foundation`* (the name, as in Statements), `id`
//!   (default made from the name), `short name`, `description`, `scale` (the
//!   foundation's own, by name), `comment` (the comment question's prompt: the
//!   foundation asks for a comment), `comment max length`.
//! - **Scales**: one row per point: `scale`* (its name), `value`* (a whole number, or
//!   `dontKnow` for the "Don't know" choice), `label`*, `description`. A scale's values
//!   run from its lowest to its highest without gaps.
//! - **Bands**: `band`* (the label), `from`*, `id`, `description`, lowest first.
//! - **Actions** (optional): `foundation`*, `band`* (label or id), `action`*.
//! - **Respondent questions** (optional): `question`*, `option`*, `question id`,
//!   `option id`, one row per option.
//!
//! As text ([`workbook_from_text`]), the sheets follow each other in one CSV file, each
//! after a row holding its name in brackets (`[Statements]`); rows are numbered as a
//! spreadsheet numbers them when the file is opened, so a problem's row is the one on
//! screen. Commas, semicolons (as spreadsheets write CSV where the comma is the decimal
//! separator) or tabs (cells copied from a spreadsheet) separate cells, whichever the
//! first 20 lines use most (a tab wherever there is one).
//!
//! ## How problems are named
//! Problems with a cell (a weight that is not a number, a scale that is not defined)
//! are found as the sheets are read; the framework they make is then checked by the
//! same validator as JSON (`Framework::from_value`), and each of its problems is
//! traced back to the cell it came from (`foundations[1].items[0].weight` is the weight
//! cell of that statement's row). A [`SheetIssue`] names the sheet, the row and the
//! column (as a letter, and its heading).

use crate::codec::json::{Map, Number, Value};
use crate::core::framework::{Basis, Framework, Method, Scale};
use crate::core::issue::Issue;
use serde::Serialize;
use std::fmt;

// The framework's JSON is built as the library's own JSON values (serde_json's, with
// its BTreeMap and Display, are for tests).
fn string(s: &str) -> Value {
    Value::String(s.to_string())
}

fn int(i: i64) -> Value {
    Value::Number(Number::Int(i))
}

fn num(x: f64) -> Value {
    Value::Number(Number::Float(x, x.to_string().into()))
}

fn obj(members: Vec<(&str, Value)>) -> Value {
    Value::Object(Map(members
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()))
}

fn put(m: &mut Map, k: &str, v: Value) {
    m.0.push((k.to_string(), v));
}

/// Adds a member to an object.
fn set(v: &mut Value, k: &str, x: Value) {
    if let Value::Object(m) = v {
        put(m, k, x);
    }
}

/// The list that is member `k` of `m`, added empty when missing.
fn list_in<'a>(m: &'a mut Map, k: &str) -> &'a mut Vec<Value> {
    if m.get(k).is_none() {
        put(m, k, Value::Array(Vec::new()));
    }
    match m.0.iter_mut().rev().find(|(key, _)| key == k) {
        Some((_, Value::Array(a))) => a,
        _ => unreachable!("a list was just added"),
    }
}

/// The largest sheet text read.
pub const MAX_SHEET_BYTES: usize = 4 * 1024 * 1024;
/// The most rows a workbook holds.
pub const MAX_ROWS: usize = 20_000;

/// One sheet: its name and its rows of cells, as text. `rows[0]` is the spreadsheet's
/// row `first_row`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub first_row: usize,
    pub rows: Vec<Vec<String>>,
}

/// Named sheets, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// A problem with a spreadsheet: where, as a person finds it on screen, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SheetIssue {
    /// The sheet's name; empty for the file as a whole.
    pub sheet: String,
    /// The row, numbered from 1 as the spreadsheet shows it.
    pub row: Option<usize>,
    /// The column's letter (`A`, `B`, … `AA`).
    pub column: Option<String>,
    /// The column's heading.
    pub heading: Option<String>,
    pub message: String,
}

impl fmt::Display for SheetIssue {
    /// `Statements sheet, row 7, column C (weight): "heavy" is not a number`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut at = Vec::new();
        if !self.sheet.is_empty() {
            at.push(format!("{} sheet", self.sheet));
        }
        if let Some(r) = self.row {
            at.push(format!("row {r}"));
        }
        match (&self.column, &self.heading) {
            (Some(c), Some(h)) => at.push(format!("column {c} ({h})")),
            (Some(c), None) => at.push(format!("column {c}")),
            _ => {}
        }
        if at.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", at.join(", "), self.message)
        }
    }
}

/// The letter of a column (0 is `A`, 26 is `AA`).
pub fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A name as compared: A to Z in lower case, digits and any letter beyond ASCII, with
/// spaces and punctuation left out (`Short name` is `shortname`). ASCII case only: the
/// standard library's Unicode case tables measured several KB of the npm package.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Where a value came from.
#[derive(Debug, Clone)]
struct Loc {
    sheet: String,
    row: Option<usize>,
    column: Option<(usize, String)>,
}

impl Loc {
    fn issue(&self, message: impl Into<String>) -> SheetIssue {
        SheetIssue {
            sheet: self.sheet.clone(),
            row: self.row,
            column: self.column.as_ref().map(|(c, _)| column_letter(*c)),
            heading: self.column.as_ref().map(|(_, h)| h.clone()),
            message: message.into(),
        }
    }
}

/// A sheet read by its headings.
struct Table<'a> {
    sheet: &'a Sheet,
    /// Canonical column name to (index, heading as written).
    columns: Vec<(&'static str, usize, String)>,
    /// (row number, cells) of each non-blank row after the heading.
    rows: Vec<(usize, &'a [String])>,
}

impl<'a> Table<'a> {
    fn loc(&self, row: usize, col: &str) -> Loc {
        let column = self
            .columns
            .iter()
            .find(|(k, _, _)| *k == col)
            .map(|(_, i, h)| (*i, h.clone()));
        Loc {
            sheet: self.sheet.name.clone(),
            row: Some(row),
            column,
        }
    }

    fn row_loc(&self, row: usize) -> Loc {
        Loc {
            sheet: self.sheet.name.clone(),
            row: Some(row),
            column: None,
        }
    }

    /// The trimmed cell of `col` in `cells` ("" when absent).
    fn get(&self, cells: &'a [String], col: &str) -> &'a str {
        self.columns
            .iter()
            .find(|(k, _, _)| *k == col)
            .and_then(|(_, i, _)| cells.get(*i))
            .map_or("", |s| s.trim())
    }
}

/// The sheets a workbook may have: (canonical name, its columns as (canonical name,
/// normalised headings accepted, required)).
type Columns = &'static [(&'static str, &'static [&'static str], bool)];
const SHEETS: &[(&str, Columns)] = &[
    (
        "About",
        &[("setting", &["setting"], true), ("value", &["value"], true)],
    ),
    (
        "Statements",
        &[
            ("foundation", &["foundation"], true),
            ("statement", &["statement", "text"], true),
            ("reverse", &["reverse", "reversed"], false),
            ("weight", &["weight"], false),
            ("id", &["id", "statementid"], false),
            ("scale", &["scale"], false),
        ],
    ),
    (
        "Foundations",
        &[
            ("foundation", &["foundation", "name"], true),
            ("id", &["id", "foundationid"], false),
            ("shortName", &["shortname"], false),
            ("description", &["description"], false),
            ("scale", &["scale"], false),
            (
                "comment",
                &["comment", "commentprompt", "commentquestion"],
                false,
            ),
            (
                "commentMaxLength",
                &["commentmaxlength", "commentlength", "maxlength"],
                false,
            ),
        ],
    ),
    (
        "Scales",
        &[
            ("scale", &["scale"], true),
            ("value", &["value"], true),
            ("label", &["label"], true),
            ("description", &["description"], false),
        ],
    ),
    (
        "Bands",
        &[
            ("band", &["band", "label"], true),
            ("from", &["from"], true),
            ("id", &["id", "bandid"], false),
            ("description", &["description"], false),
        ],
    ),
    (
        "Actions",
        &[
            ("foundation", &["foundation"], true),
            ("band", &["band"], true),
            ("action", &["action", "text"], true),
        ],
    ),
    (
        "Respondent questions",
        &[
            ("question", &["question"], true),
            ("option", &["option"], true),
            ("questionId", &["questionid"], false),
            ("optionId", &["optionid"], false),
        ],
    ),
];

/// The settings of the About sheet: (canonical name, normalised names accepted).
const SETTINGS: &[(&str, &[&str])] = &[
    ("title", &["title"]),
    ("id", &["id"]),
    ("version", &["version"]),
    ("description", &["description"]),
    ("locale", &["locale", "language"]),
    ("scale", &["scale"]),
    ("method", &["scoringmethod", "method"]),
    ("minAnswered", &["minanswered", "scoringminanswered"]),
    (
        "overallMinShare",
        &["overallminshare", "scoringoverallminshare"],
    ),
    ("basis", &["bandbasis", "bandsbasis", "basis"]),
    ("spread", &["consensusspread", "spread"]),
    ("spreadShare", &["consensusspreadshare", "spreadshare"]),
    ("maxOutside", &["consensusmaxoutside", "maxoutside"]),
];

/// Reads a sheet's headings; problems with them are reported and the sheet is left out.
fn table<'a>(
    sheet: &'a Sheet,
    columns: Columns,
    issues: &mut Vec<SheetIssue>,
) -> Option<Table<'a>> {
    let mut rows = sheet
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (sheet.first_row + i, r.as_slice()))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let here = |row: Option<usize>, column: Option<(usize, String)>, m: String| {
        Loc {
            sheet: sheet.name.clone(),
            row,
            column,
        }
        .issue(m)
    };
    let Some((head_row, head)) = rows.next() else {
        let names: Vec<&str> = columns
            .iter()
            .filter(|c| c.2)
            .map(|(_, n, _)| n[0])
            .collect();
        issues.push(here(
            None,
            None,
            format!(
                "is empty: its first row names the columns ({} at least)",
                names.join(", ")
            ),
        ));
        return None;
    };
    let mut found = Vec::new();
    let mut ok = true;
    for (i, h) in head.iter().enumerate() {
        let n = norm(h);
        if n.is_empty() {
            continue;
        }
        match columns
            .iter()
            .find(|(_, names, _)| names.contains(&n.as_str()))
        {
            Some((key, _, _)) if found.iter().any(|(k, _, _)| k == key) => {
                issues.push(here(
                    Some(head_row),
                    Some((i, h.trim().to_string())),
                    "this column is there twice".into(),
                ));
                ok = false;
            }
            Some((key, _, _)) => found.push((*key, i, h.trim().to_string())),
            None => {
                let known: Vec<&str> = columns.iter().map(|(_, n, _)| n[0]).collect();
                issues.push(here(
                    Some(head_row),
                    Some((i, h.trim().to_string())),
                    format!(
                        "\"{}\" is not a column of this sheet; its columns are: {}",
                        h.trim().chars().take(40).collect::<String>(),
                        pretty(&known)
                    ),
                ));
                ok = false;
            }
        }
    }
    for (key, names, required) in columns {
        if *required && !found.iter().any(|(k, _, _)| k == key) {
            issues.push(here(
                Some(head_row),
                None,
                format!(
                    "the first row names no \"{}\" column, which is needed",
                    names[0]
                ),
            ));
            ok = false;
        }
    }
    ok.then(|| Table {
        sheet,
        columns: found,
        rows: rows.collect(),
    })
}

/// Column names as people read them: `shortname` is "short name".
fn pretty(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| match *n {
            "shortname" => "short name",
            "commentmaxlength" => "comment max length",
            "questionid" => "question id",
            "optionid" => "option id",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An id made from a name: lower case letters and digits joined by `-`, at most 40
/// characters, cut at a `-`; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > 40 {
        let cut = out[..40].rfind('-').filter(|&k| k >= 10).unwrap_or(40);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `id`, or `id-2`, `id-3`, … whichever is not in `taken`; then taken.
fn unique(id: String, taken: &mut Vec<String>) -> String {
    let mut k = 1;
    let mut candidate = id.clone();
    while taken.contains(&candidate) {
        k += 1;
        candidate = format!("{id}-{k}");
    }
    taken.push(candidate.clone());
    candidate
}

/// A number as a JSON number is written (`0.5`, `-2`, `1e3`; a leading `+` or a
/// missing `0` before the point are allowed too), read by the JSON reader the library
/// has already, rather than the standard library's float parser.
fn parse_number(t: &str) -> Option<f64> {
    let t = t.strip_prefix('+').unwrap_or(t);
    let fixed;
    let t = match t.strip_prefix('.').or_else(|| t.strip_prefix("-.")) {
        Some(rest) => {
            fixed = format!("{}0.{rest}", if t.starts_with('-') { "-" } else { "" });
            fixed.as_str()
        }
        None => t,
    };
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b"-+.eE".contains(&b))
    {
        return None;
    }
    crate::codec::json::parse(t)
        .ok()?
        .as_f64()
        .filter(|x| x.is_finite())
}

fn number(text: &str, percent: bool) -> Result<f64, String> {
    let t = text.trim();
    let t = if percent {
        t.strip_suffix('%').unwrap_or(t).trim_end()
    } else {
        t
    };
    match parse_number(t).ok_or(()) {
        Ok(x) => Ok(x),
        _ if t.contains(',') && !t.contains('.') => Err(format!(
            "\"{t}\" is not a number: write decimals with a point ({})",
            t.replace(',', ".")
        )),
        _ => Err(format!(
            "\"{}\" is not a number",
            t.chars().take(40).collect::<String>()
        )),
    }
}

fn whole(text: &str) -> Result<i64, String> {
    let t = text.trim();
    parse_number(t)
        .filter(|x| x.fract() == 0.0 && x.abs() < 1e15)
        .map(|x| x as i64)
        .ok_or_else(|| {
            format!(
                "\"{}\" is not a whole number",
                t.chars().take(40).collect::<String>()
            )
        })
}

fn yes_no(text: &str) -> Result<bool, String> {
    match norm(text).as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "x" | "reverse" | "reversed" => Ok(true),
        _ => Err(format!(
            "\"{}\" is not yes or no",
            text.trim().chars().take(40).collect::<String>()
        )),
    }
}

/// A scale of the Scales sheet, with where each of its parts is.
struct SheetScale {
    json: Value,
    /// The rows of its values, lowest first, and of its "Don't know".
    value_rows: Vec<usize>,
    dont_know_row: Option<usize>,
    first_row: usize,
}

/// What conversion builds: the framework's JSON, and where each path came from.
struct Build {
    issues: Vec<SheetIssue>,
    places: Vec<(String, Loc)>,
}

impl Build {
    fn at(&mut self, path: String, loc: Loc) {
        self.places.push((path, loc));
    }

    /// The place a validator's path came from: the longest path recorded that it
    /// starts with (at a `.` or `[`).
    fn place(&self, path: &str) -> Option<&Loc> {
        self.places
            .iter()
            .filter(|(p, _)| {
                path == p
                    || (path.starts_with(p.as_str())
                        && matches!(path.as_bytes().get(p.len()), Some(b'.' | b'[')))
                    || p.is_empty()
            })
            .max_by_key(|(p, _)| p.len())
            .map(|(_, l)| l)
    }

    /// Where the parts of a scale used at `path` are in the Scales sheet.
    fn scale_places(&mut self, path: &str, scale: &SheetScale, label_col: Loc, value_col: Loc) {
        let with = |loc: &Loc, row: usize| Loc {
            row: Some(row),
            ..loc.clone()
        };
        self.at(format!("{path}.labels"), with(&label_col, scale.first_row));
        self.at(format!("{path}.min"), with(&value_col, scale.first_row));
        let last = scale.value_rows.last().copied().unwrap_or(scale.first_row);
        self.at(format!("{path}.max"), with(&value_col, last));
        for (k, row) in scale.value_rows.iter().enumerate() {
            self.at(format!("{path}.labels[{k}]"), with(&label_col, *row));
        }
        if let Some(row) = scale.dont_know_row {
            self.at(format!("{path}.dontKnow"), with(&label_col, row));
        }
    }
}

fn sheet_named<'a>(wb: &'a Workbook, name: &str) -> Option<&'a Sheet> {
    wb.sheets.iter().find(|s| norm(&s.name) == norm(name))
}

/// Converts a workbook (see the module comment) to a framework, or names every problem
/// by sheet, row and column.
pub fn framework_from_workbook(wb: &Workbook) -> Result<Framework, Vec<SheetIssue>> {
    let mut b = Build {
        issues: Vec::new(),
        places: Vec::new(),
    };
    let whole_book = Loc {
        sheet: String::new(),
        row: None,
        column: None,
    };
    b.at(String::new(), whole_book.clone());
    for s in &wb.sheets {
        if !SHEETS.iter().any(|(n, _)| norm(n) == norm(&s.name)) {
            let known: Vec<&str> = SHEETS.iter().map(|(n, _)| *n).collect();
            b.issues.push(whole_book.issue(format!(
                "\"{}\" is not a sheet of a framework; the sheets are: {}",
                s.name.chars().take(40).collect::<String>(),
                known.join(", ")
            )));
        }
    }
    let mut tables: Vec<Option<Table>> = Vec::new();
    for (name, columns) in SHEETS {
        let t = match sheet_named(wb, name) {
            Some(s) => table(s, columns, &mut b.issues),
            None => {
                if ["About", "Statements", "Scales", "Bands"].contains(name) {
                    b.issues.push(Loc {
                        sheet: name.to_string(),
                        row: None,
                        column: None,
                    }
                    .issue("is missing: a framework needs its About, Statements, Scales and Bands sheets (start from the template, which has them all)"));
                }
                None
            }
        };
        tables.push(t);
    }
    let [about, statements, foundations, scales, bands, actions, fields] = &tables[..] else {
        unreachable!("one table per sheet");
    };
    let mut fw = Map::default();
    put(&mut fw, "schema", string(crate::core::framework::SCHEMA));

    // Scales, by name, in the order first met.
    let mut named: Vec<(String, String, SheetScale)> = Vec::new(); // (norm, as written, scale)
    if let Some(t) = scales {
        let mut points: Vec<(String, String, Vec<(usize, Option<i64>, &str, &str)>)> = Vec::new();
        for (row, cells) in &t.rows {
            let name = t.get(cells, "scale");
            if name.is_empty() {
                b.issues.push(
                    t.loc(*row, "scale")
                        .issue("is empty: name the scale this point belongs to"),
                );
                continue;
            }
            let v = t.get(cells, "value");
            let value = if ["dontknow", "dk"].contains(&norm(v).as_str()) {
                None
            } else {
                match whole(v) {
                    Ok(n) => Some(n),
                    Err(m) => {
                        b.issues.push(t.loc(*row, "value").issue(format!(
                            "{m}: a point's value is a whole number, or dontKnow for the \"Don't know\" choice"
                        )));
                        continue;
                    }
                }
            };
            let label = t.get(cells, "label");
            if label.is_empty() {
                b.issues.push(
                    t.loc(*row, "label")
                        .issue("is empty: every point has a label"),
                );
            }
            let entry = (*row, value, label, t.get(cells, "description"));
            match points.iter_mut().find(|(n, _, _)| *n == norm(name)) {
                Some((_, _, list)) => list.push(entry),
                None => points.push((norm(name), name.to_string(), vec![entry])),
            }
        }
        for (key, name, mut list) in points {
            // At most a few dozen points (more are refused below): the insertion sort of
            // core::num rather than another instance of the standard library's.
            if list.len() > 100 {
                b.issues.push(t.loc(list[100].0, "value").issue(format!(
                    "the scale \"{name}\" has more than 100 points; a scale has at most 21"
                )));
                continue;
            }
            crate::core::num::sort_by(&mut list, |a, c| {
                a.1.map_or(i64::MAX, |v| v) < c.1.map_or(i64::MAX, |v| v)
            });
            let dks: Vec<_> = list.iter().filter(|p| p.1.is_none()).collect();
            for extra in dks.iter().skip(1) {
                b.issues.push(t.loc(extra.0, "value").issue(format!(
                    "the scale \"{name}\" has its \"Don't know\" choice already (row {})",
                    dks[0].0
                )));
            }
            let values: Vec<_> = list.iter().filter(|p| p.1.is_some()).collect();
            let mut ok = !values.is_empty();
            if values.is_empty() {
                b.issues.push(t.loc(list[0].0, "value").issue(format!(
                    "the scale \"{name}\" has no points with a whole-number value"
                )));
            }
            for w in values.windows(2) {
                let (a, c) = (w[0].1.unwrap_or(0), w[1].1.unwrap_or(0));
                if a == c {
                    b.issues.push(t.loc(w[1].0, "value").issue(format!(
                        "the scale \"{name}\" has the value {c} already (row {})",
                        w[0].0
                    )));
                    ok = false;
                } else if c != a + 1 {
                    b.issues.push(t.loc(w[1].0, "value").issue(format!(
                        "the scale \"{name}\" has no point {} : a scale's values run without gaps (here from {a} to {c})",
                        a + 1
                    ).replace(" :", ":")));
                    ok = false;
                }
            }
            if !ok {
                continue;
            }
            let labels: Vec<Value> = values
                .iter()
                .map(|p| {
                    if p.3.is_empty() {
                        string(p.2)
                    } else {
                        obj(vec![("label", string(p.2)), ("description", string(p.3))])
                    }
                })
                .collect();
            let mut s = obj(vec![
                ("min", int(values[0].1.unwrap_or(0))),
                ("max", int(values[values.len() - 1].1.unwrap_or(0))),
                ("labels", Value::Array(labels)),
            ]);
            if let Some(dk) = dks.first() {
                set(&mut s, "dontKnow", string(dk.2));
            }
            named.push((
                key,
                name,
                SheetScale {
                    json: s,
                    value_rows: values.iter().map(|p| p.0).collect(),
                    dont_know_row: dks.first().map(|p| p.0),
                    first_row: list[0].0,
                },
            ));
        }
    }
    let scale_cols = scales
        .as_ref()
        .map(|t| (t.loc(0, "label"), t.loc(0, "value")));
    let find_scale = |name: &str| named.iter().position(|(k, _, _)| *k == norm(name));
    let scale_names = || {
        named
            .iter()
            .map(|(_, n, _)| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };

    // About.
    let mut settings: Vec<(&str, String, Loc)> = Vec::new();
    if let Some(t) = about {
        for (row, cells) in &t.rows {
            let key = t.get(cells, "setting");
            let value = t.get(cells, "value").to_string();
            match SETTINGS
                .iter()
                .find(|(_, names)| names.contains(&norm(key).as_str()))
            {
                None if key.is_empty() => b
                    .issues
                    .push(t.loc(*row, "setting").issue("is empty: name the setting this row gives")),
                None => b.issues.push(t.loc(*row, "setting").issue(format!(
                    "\"{}\" is not a setting; the settings are: title, id, version, description, locale, scale, scoring method, min answered, overall min share, band basis, consensus spread, consensus spread share, consensus max outside",
                    key.chars().take(40).collect::<String>()
                ))),
                Some((k, _)) => {
                    if let Some((_, _, first)) = settings.iter().find(|(s, _, _)| s == k) {
                        b.issues.push(t.loc(*row, "setting").issue(format!(
                            "\"{key}\" is given already (row {})",
                            first.row.unwrap_or(0)
                        )));
                    } else if !value.is_empty() {
                        settings.push((k, value, t.loc(*row, "value")));
                    }
                }
            }
        }
    }
    let setting = |k: &str| {
        settings
            .iter()
            .find(|(s, _, _)| *s == k)
            .map(|(_, v, l)| (v.as_str(), l.clone()))
    };
    let about_loc = about.as_ref().map(|t| Loc {
        sheet: t.sheet.name.clone(),
        row: t.rows.first().map(|r| r.0),
        column: None,
    });
    let title = setting("title");
    match &title {
        Some((v, l)) => {
            put(&mut fw, "title", string(v));
            b.at("title".into(), l.clone());
        }
        None => {
            if let Some(l) = &about_loc {
                b.issues.push(
                    l.issue("gives no title: add a row \"title\" with the framework's title"),
                );
            }
        }
    }
    let id = match setting("id") {
        Some((v, l)) => {
            b.at("id".into(), l);
            v.to_string()
        }
        None => slug(title.as_ref().map_or("", |t| t.0), "framework"),
    };
    put(&mut fw, "id", string(&id));
    let version = match setting("version") {
        Some((v, l)) => {
            b.at("version".into(), l);
            v.to_string()
        }
        None => "1".into(),
    };
    put(&mut fw, "version", string(&version));
    for (k, key) in [("description", "description"), ("locale", "locale")] {
        if let Some((v, l)) = setting(k) {
            put(&mut fw, key, string(v));
            b.at(key.into(), l);
        }
    }
    // The framework's scale.
    let main = match setting("scale") {
        Some((v, l)) => match find_scale(v) {
            Some(i) => Some(i),
            None => {
                if scales.is_some() {
                    b.issues.push(l.issue(format!(
                        "there is no scale \"{v}\" in the Scales sheet; its scales are: {}",
                        scale_names()
                    )));
                }
                None
            }
        },
        None => (!named.is_empty()).then_some(0),
    };
    if let Some(i) = main {
        put(&mut fw, "scale", named[i].2.json.clone());
        if let Some((label, value)) = &scale_cols {
            let s = &named[i].2;
            b.at(
                "scale".into(),
                Loc {
                    row: Some(s.first_row),
                    column: None,
                    ..label.clone()
                },
            );
            b.scale_places("scale", s, label.clone(), value.clone());
        }
    } else if scales.is_some() && setting("scale").is_none() {
        if let Some(t) = scales {
            b.issues.push(
                t.row_loc(t.sheet.first_row)
                    .issue("defines no scale: add the points of at least one"),
            );
        }
    }
    // Scoring.
    let mut scoring = Map::default();
    if let Some((v, l)) = setting("method") {
        match norm(v).as_str() {
            "mean" | "average" => {
                put(&mut scoring, "method", string("mean"));
            }
            "sum" | "total" => {
                put(&mut scoring, "method", string("sum"));
            }
            _ => b
                .issues
                .push(l.issue(format!("\"{v}\" is not a scoring method; use mean or sum"))),
        }
    }
    for (k, key) in [
        ("minAnswered", "minAnswered"),
        ("overallMinShare", "overallMinShare"),
    ] {
        if let Some((v, l)) = setting(k) {
            match number(v, false) {
                Ok(x) => {
                    put(&mut scoring, key, num(x));
                    b.at(format!("scoring.{key}"), l);
                }
                Err(m) => b.issues.push(l.issue(m)),
            }
        }
    }
    if !scoring.is_empty() {
        put(&mut fw, "scoring", Value::Object(scoring));
    }
    // Consensus.
    let mut consensus = Map::default();
    for k in ["spread", "spreadShare", "maxOutside"] {
        if let Some((v, l)) = setting(k) {
            match number(v, false) {
                Ok(x) => {
                    put(&mut consensus, k, num(x));
                    b.at(format!("consensus.{k}"), l);
                }
                Err(m) => b.issues.push(l.issue(m)),
            }
        }
    }
    if !consensus.is_empty() {
        if let Some(l) = &about_loc {
            b.at("consensus".into(), l.clone());
        }
        put(&mut fw, "consensus", Value::Object(consensus));
    }

    // Bands.
    let mut band_ids: Vec<(String, String)> = Vec::new(); // (norm label, id)
    {
        let mut levels = Vec::new();
        let mut taken = Vec::new();
        let basis = match setting("basis") {
            None => "percent",
            Some((v, l)) => match norm(v).as_str() {
                "percent" | "percentage" => "percent",
                "scale" => "scale",
                _ => {
                    b.issues.push(
                        l.issue(format!("\"{v}\" is not a band basis; use percent or scale")),
                    );
                    "percent"
                }
            },
        };
        if let Some(t) = bands {
            for (row, cells) in &t.rows {
                let k = levels.len();
                let label = t.get(cells, "band");
                if label.is_empty() {
                    b.issues
                        .push(t.loc(*row, "band").issue("is empty: every band has a name"));
                }
                let from = match number(t.get(cells, "from"), basis == "percent") {
                    Ok(x) => x,
                    Err(m) => {
                        b.issues.push(t.loc(*row, "from").issue(m));
                        continue;
                    }
                };
                let id = match t.get(cells, "id") {
                    "" => unique(slug(label, &format!("band-{}", k + 1)), &mut taken),
                    given => {
                        taken.push(given.to_string());
                        given.to_string()
                    }
                };
                band_ids.push((norm(label), id.clone()));
                let mut level = obj(vec![
                    ("id", string(&id)),
                    ("label", string(label)),
                    ("from", num(from)),
                ]);
                let d = t.get(cells, "description");
                if !d.is_empty() {
                    set(&mut level, "description", string(d));
                }
                let p = format!("bands.levels[{k}]");
                b.at(p.clone(), t.row_loc(*row));
                b.at(format!("{p}.id"), t.loc(*row, "id"));
                b.at(format!("{p}.label"), t.loc(*row, "band"));
                b.at(format!("{p}.from"), t.loc(*row, "from"));
                b.at(format!("{p}.description"), t.loc(*row, "description"));
                levels.push(level);
            }
            if t.rows.is_empty() {
                b.issues.push(
                    t.row_loc(t.sheet.first_row)
                        .issue("has no bands: add at least one, from 0"),
                );
            }
            b.at(
                "bands.levels".into(),
                t.row_loc(t.rows.first().map_or(t.sheet.first_row, |r| r.0)),
            );
        }
        put(
            &mut fw,
            "bands",
            obj(vec![
                ("basis", string(basis)),
                ("levels", Value::Array(levels)),
            ]),
        );
    }

    // Foundations, from the Statements sheet in the order first met, with the
    // Foundations sheet's details.
    struct F {
        key: String,
        items: Vec<Value>,
        json: Map,
        index: usize,
    }
    let mut fs: Vec<F> = Vec::new();
    let mut foundation_ids: Vec<String> = Vec::new();
    // The Foundations sheet's rows by name (an id given there is kept for the
    // foundation when it is met in Statements).
    let mut details: Vec<(String, usize, &[String])> = Vec::new();
    if let Some(t) = foundations {
        for (row, cells) in &t.rows {
            let name = t.get(cells, "foundation");
            if name.is_empty() {
                b.issues.push(
                    t.loc(*row, "foundation")
                        .issue("is empty: name the foundation, as in the Statements sheet"),
                );
                continue;
            }
            if let Some((_, first, _)) = details.iter().find(|(k, _, _)| *k == norm(name)) {
                b.issues.push(
                    t.loc(*row, "foundation")
                        .issue(format!("\"{name}\" has a row already (row {first})")),
                );
                continue;
            }
            details.push((norm(name), *row, cells));
        }
    }
    let scale_ref =
        |b: &mut Build, t: &Table, row: usize, name: &str, path: &str| -> Option<Value> {
            if name.is_empty() {
                return None;
            }
            match find_scale(name) {
                Some(i) => {
                    b.at(path.to_string(), t.loc(row, "scale"));
                    if let Some((label, value)) = &scale_cols {
                        b.scale_places(path, &named[i].2, label.clone(), value.clone());
                    }
                    Some(named[i].2.json.clone())
                }
                None => {
                    if scales.is_some() {
                        b.issues.push(t.loc(row, "scale").issue(format!(
                            "there is no scale \"{name}\" in the Scales sheet; its scales are: {}",
                            scale_names()
                        )));
                    }
                    None
                }
            }
        };
    let mut item_ids: Vec<String> = Vec::new();
    if let Some(t) = statements {
        for (row, cells) in &t.rows {
            let name = t.get(cells, "foundation");
            let text = t.get(cells, "statement");
            if name.is_empty() {
                b.issues.push(
                    t.loc(*row, "foundation")
                        .issue("is empty: name the foundation this statement belongs to"),
                );
                continue;
            }
            let fi = match fs.iter().position(|f| f.key == norm(name)) {
                Some(i) => i,
                None => {
                    let index = fs.len();
                    let mut json = Map::default();
                    let detail = details.iter().find(|(k, _, _)| *k == norm(name));
                    let given_id = detail.and_then(|(_, r, c)| {
                        let d = foundations.as_ref()?;
                        let id = d.get(c, "id");
                        (!id.is_empty()).then(|| (id.to_string(), d.loc(*r, "id")))
                    });
                    let id = match given_id {
                        Some((id, loc)) => {
                            b.at(format!("foundations[{index}].id"), loc);
                            foundation_ids.push(id.clone());
                            id
                        }
                        None => {
                            b.at(
                                format!("foundations[{index}].id"),
                                t.loc(*row, "foundation"),
                            );
                            unique(
                                slug(name, &format!("foundation-{}", index + 1)),
                                &mut foundation_ids,
                            )
                        }
                    };
                    put(&mut json, "id", string(&id));
                    put(&mut json, "name", string(name));
                    b.at(
                        format!("foundations[{index}].name"),
                        t.loc(*row, "foundation"),
                    );
                    b.at(format!("foundations[{index}]"), t.loc(*row, "foundation"));
                    if let (Some((_, r, c)), Some(d)) = (detail, foundations.as_ref()) {
                        let p = format!("foundations[{index}]");
                        let short = d.get(c, "shortName");
                        if !short.is_empty() {
                            put(&mut json, "shortName", string(short));
                            b.at(format!("{p}.shortName"), d.loc(*r, "shortName"));
                        }
                        let desc = d.get(c, "description");
                        if !desc.is_empty() {
                            put(&mut json, "description", string(desc));
                            b.at(format!("{p}.description"), d.loc(*r, "description"));
                        }
                        if let Some(s) =
                            scale_ref(&mut b, d, *r, d.get(c, "scale"), &format!("{p}.scale"))
                        {
                            put(&mut json, "scale", s);
                        }
                        let prompt = d.get(c, "comment");
                        let max = d.get(c, "commentMaxLength");
                        if !prompt.is_empty() {
                            let mut q = obj(vec![("prompt", string(prompt))]);
                            b.at(format!("{p}.comment"), d.loc(*r, "comment"));
                            if !max.is_empty() {
                                match whole(max) {
                                    Ok(n) => {
                                        set(&mut q, "maxLength", int(n));
                                        b.at(
                                            format!("{p}.comment.maxLength"),
                                            d.loc(*r, "commentMaxLength"),
                                        );
                                    }
                                    Err(m) => b.issues.push(d.loc(*r, "commentMaxLength").issue(m)),
                                }
                            }
                            put(&mut json, "comment", q);
                        } else if !max.is_empty() {
                            b.issues.push(d.loc(*r, "commentMaxLength").issue(
                                "gives a length but the comment column no question: write the question to ask for a comment",
                            ));
                        }
                    }
                    fs.push(F {
                        key: norm(name),
                        items: Vec::new(),
                        json,
                        index,
                    });
                    index
                }
            };
            let fid = fs[fi]
                .json
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let k = fs[fi].items.len();
            let p = format!("foundations[{}].items[{k}]", fs[fi].index);
            if text.is_empty() {
                b.issues.push(
                    t.loc(*row, "statement")
                        .issue("is empty: write the statement people answer"),
                );
            }
            let id = match t.get(cells, "id") {
                "" => unique(format!("{fid}-{}", k + 1), &mut item_ids),
                given => {
                    item_ids.push(given.to_string());
                    given.to_string()
                }
            };
            let mut item = obj(vec![("id", string(&id)), ("text", string(text))]);
            match yes_no(t.get(cells, "reverse")) {
                Ok(true) => set(&mut item, "reverse", Value::Bool(true)),
                Ok(false) => {}
                Err(m) => b.issues.push(t.loc(*row, "reverse").issue(m)),
            }
            let w = t.get(cells, "weight");
            if !w.is_empty() {
                match number(w, false) {
                    Ok(x) => set(&mut item, "weight", num(x)),
                    Err(m) => b.issues.push(t.loc(*row, "weight").issue(m)),
                }
            }
            if let Some(s) = scale_ref(
                &mut b,
                t,
                *row,
                t.get(cells, "scale"),
                &format!("{p}.scale"),
            ) {
                set(&mut item, "scale", s);
            }
            b.at(p.clone(), t.row_loc(*row));
            b.at(format!("{p}.id"), t.loc(*row, "id"));
            b.at(format!("{p}.text"), t.loc(*row, "statement"));
            b.at(format!("{p}.reverse"), t.loc(*row, "reverse"));
            b.at(format!("{p}.weight"), t.loc(*row, "weight"));
            fs[fi].items.push(item);
        }
        if t.rows.is_empty() {
            b.issues.push(
                t.row_loc(t.sheet.first_row)
                    .issue("has no statements: add one row per statement"),
            );
        }
        b.at("foundations".into(), t.row_loc(t.sheet.first_row));
    }
    // Foundations sheet rows no statement names.
    if let Some(d) = foundations {
        for (key, row, _) in &details {
            if !fs.iter().any(|f| f.key == *key) {
                b.issues.push(d.loc(*row, "foundation").issue(
                    "no statement in the Statements sheet belongs to this foundation (its name must be the same there)",
                ));
            }
        }
    }
    // Actions.
    if let Some(t) = actions {
        for (row, cells) in &t.rows {
            let name = t.get(cells, "foundation");
            let band = t.get(cells, "band");
            let text = t.get(cells, "action");
            let Some(fi) = fs.iter().position(|f| f.key == norm(name)) else {
                b.issues.push(t.loc(*row, "foundation").issue(format!(
                    "\"{}\" is not a foundation of the Statements sheet",
                    name.chars().take(60).collect::<String>()
                )));
                continue;
            };
            let id = band_ids
                .iter()
                .find(|(l, _)| *l == norm(band))
                .or_else(|| band_ids.iter().find(|(_, id)| id == band))
                .map(|(_, id)| id.clone());
            let Some(id) = id else {
                let known: Vec<&str> = band_ids.iter().map(|(_, id)| id.as_str()).collect();
                b.issues.push(t.loc(*row, "band").issue(format!(
                    "\"{}\" is not a band of the Bands sheet; its bands are: {}",
                    band.chars().take(60).collect::<String>(),
                    known.join(", ")
                )));
                continue;
            };
            if text.is_empty() {
                b.issues.push(
                    t.loc(*row, "action")
                        .issue("is empty: write the suggested action"),
                );
            }
            let index = fs[fi].index;
            let list = list_in(&mut fs[fi].json, "actions");
            let k = list.len();
            let p = format!("foundations[{index}].actions[{k}]");
            b.at(p.clone(), t.row_loc(*row));
            b.at(format!("{p}.band"), t.loc(*row, "band"));
            b.at(format!("{p}.text"), t.loc(*row, "action"));
            list.push(obj(vec![("band", string(&id)), ("text", string(text))]));
        }
    }
    let foundations_json: Vec<Value> = fs
        .into_iter()
        .map(|f| {
            let mut json = f.json;
            put(&mut json, "items", Value::Array(f.items));
            Value::Object(json)
        })
        .collect();
    put(&mut fw, "foundations", Value::Array(foundations_json));

    // Respondent questions.
    if let Some(t) = fields {
        let mut qs: Vec<(String, Map, Vec<String>)> = Vec::new();
        let mut qids: Vec<String> = Vec::new();
        let mut option_rows: Vec<Vec<usize>> = Vec::new();
        for (row, cells) in &t.rows {
            let q = t.get(cells, "question");
            let o = t.get(cells, "option");
            if q.is_empty() {
                b.issues.push(
                    t.loc(*row, "question")
                        .issue("is empty: write the question"),
                );
                continue;
            }
            let qi = match qs.iter().position(|(k, _, _)| *k == norm(q)) {
                Some(i) => i,
                None => {
                    let i = qs.len();
                    let id = match t.get(cells, "questionId") {
                        "" => unique(slug(q, &format!("question-{}", i + 1)), &mut qids),
                        given => {
                            qids.push(given.to_string());
                            given.to_string()
                        }
                    };
                    let p = format!("respondentFields[{i}]");
                    b.at(p.clone(), t.row_loc(*row));
                    b.at(format!("{p}.id"), t.loc(*row, "questionId"));
                    b.at(format!("{p}.label"), t.loc(*row, "question"));
                    let mut m = Map::default();
                    put(&mut m, "id", string(&id));
                    put(&mut m, "label", string(q));
                    put(&mut m, "options", Value::Array(Vec::new()));
                    qs.push((norm(q), m, Vec::new()));
                    option_rows.push(Vec::new());
                    i
                }
            };
            if o.is_empty() {
                b.issues.push(
                    t.loc(*row, "option")
                        .issue("is empty: write the option people choose"),
                );
                continue;
            }
            let (_, m, taken) = &mut qs[qi];
            let same = m.get("options").and_then(Value::as_array).and_then(|a| {
                a.iter().position(|x| {
                    x.get("label")
                        .and_then(Value::as_str)
                        .is_some_and(|l| norm(l) == norm(o))
                })
            });
            if let Some(k) = same {
                b.issues.push(t.loc(*row, "option").issue(format!(
                    "\"{o}\" is an option of this question already (row {})",
                    option_rows[qi][k]
                )));
                continue;
            }
            option_rows[qi].push(*row);
            let j = m
                .get("options")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            let id = match t.get(cells, "optionId") {
                "" => unique(slug(o, &format!("option-{}", j + 1)), taken),
                given => {
                    taken.push(given.to_string());
                    given.to_string()
                }
            };
            let p = format!("respondentFields[{qi}].options[{j}]");
            b.at(p.clone(), t.row_loc(*row));
            b.at(format!("{p}.id"), t.loc(*row, "optionId"));
            b.at(format!("{p}.label"), t.loc(*row, "option"));
            list_in(m, "options").push(obj(vec![("id", string(&id)), ("label", string(o))]));
        }
        put(
            &mut fw,
            "respondentFields",
            Value::Array(qs.into_iter().map(|(_, m, _)| Value::Object(m)).collect()),
        );
    }

    // The sheets' own problems first; the validator's would repeat them.
    if !b.issues.is_empty() {
        return Err(b.issues);
    }
    let value = Value::Object(fw);
    match Framework::from_value(&value) {
        Ok(fw) => Ok(fw),
        Err(issues) => {
            let mut out: Vec<SheetIssue> = Vec::new();
            for i in issues {
                let issue = locate(&b, &i);
                if !out.contains(&issue) {
                    out.push(issue);
                }
            }
            Err(out)
        }
    }
}

/// A validator's problem at the cell its path came from; the message says which part
/// of the framework when the cell does not (a duplicate id made from a name, say).
fn locate(b: &Build, i: &Issue) -> SheetIssue {
    match b.place(&i.path) {
        Some(loc) if b.places.iter().any(|(p, _)| *p == i.path) => loc.issue(&i.message),
        // A part the sheets do not show on its own: named by its path.
        Some(loc) => loc.issue(i.to_string()),
        None => SheetIssue {
            sheet: String::new(),
            row: None,
            column: None,
            heading: None,
            message: i.to_string(),
        },
    }
}

/// Reads a framework from spreadsheet text (see the module comment): CSV, with
/// semicolons or tabs.
pub fn framework_from_sheet(text: &str) -> Result<Framework, Vec<SheetIssue>> {
    let wb = workbook_from_text(text).map_err(|e| vec![e])?;
    framework_from_workbook(&wb)
}

/// The cells of delimited text, row by row, blank rows kept (so that rows number as a
/// spreadsheet numbers them). RFC 4180 quoting; `delimiter` is `,`, `;` or a tab.
fn grid(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, SheetIssue> {
    let at = |row: usize, m: &str| SheetIssue {
        sheet: String::new(),
        row: Some(row),
        column: None,
        heading: None,
        message: m.to_string(),
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let (mut quoted, mut was_quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.trim().is_empty() && !was_quoted => {
                cell.clear();
                quoted = true;
                was_quoted = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                was_quoted = false;
                if rows.len() > MAX_ROWS {
                    return Err(at(rows.len(), &format!("more than {MAX_ROWS} rows")));
                }
            }
            c if c == delimiter => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            // Spaces after a closing quote are let be; anything else is text.
            c if was_quoted && c.is_whitespace() => {}
            _ if was_quoted => {
                return Err(at(rows.len() + 1, "text after a closing quote: a cell with quotes in it is written \"like \"\"this\"\"\""));
            }
            _ => cell.push(c),
        }
    }
    if quoted {
        return Err(at(rows.len() + 1, "a quoted cell is never closed"));
    }
    if !cell.is_empty() || !row.is_empty() || was_quoted {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

/// The sheet name a row starts, when it is a `[Name]` row.
fn section(cells: &[String]) -> Option<String> {
    let first = cells.first()?.trim();
    let name = first.strip_prefix('[')?.strip_suffix(']')?.trim();
    (cells[1..].iter().all(|c| c.trim().is_empty()) && !name.is_empty()).then(|| name.to_string())
}

/// Reverses `csv::neutralise`: a leading `'` before a formula's first character.
fn unmark(s: String) -> String {
    match s.strip_prefix('\'') {
        Some(rest)
            if matches!(
                rest.trim_start_matches('\'').chars().next(),
                Some('=' | '+' | '-' | '@' | '\t' | '\r')
            ) =>
        {
            rest.to_string()
        }
        _ => s,
    }
}

/// The sheets of spreadsheet text: each after a `[Name]` row (see the module comment).
pub fn workbook_from_text(text: &str) -> Result<Workbook, SheetIssue> {
    let whole = |m: String| SheetIssue {
        sheet: String::new(),
        row: None,
        column: None,
        heading: None,
        message: m,
    };
    if text.len() > MAX_SHEET_BYTES {
        return Err(whole(format!(
            "the text is {} bytes; the limit is {MAX_SHEET_BYTES} bytes",
            text.len()
        )));
    }
    if text.contains('\0') || text.starts_with("PK") {
        return Err(whole(
            "this is not text: save the spreadsheet as CSV (or read an .xlsx file as a workbook)"
                .into(),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The separator the first rows use most: a tab wherever there is one.
    let head: String = text.lines().take(20).collect();
    let delimiter = if head.contains('\t') {
        '\t'
    } else if head.matches(';').count() > head.matches(',').count() {
        ';'
    } else {
        ','
    };
    let rows = grid(text, delimiter)?;
    let mut wb = Workbook::default();
    for (i, cells) in rows.into_iter().enumerate() {
        if let Some(name) = section(&cells) {
            wb.sheets.push(Sheet {
                name,
                first_row: i + 2,
                rows: Vec::new(),
            });
            continue;
        }
        match wb.sheets.last_mut() {
            Some(s) => s.rows.push(cells.into_iter().map(unmark).collect()),
            None if cells.iter().all(|c| c.trim().is_empty()) => {}
            None => {
                return Err(SheetIssue {
                    sheet: String::new(),
                    row: Some(i + 1),
                    column: None,
                    heading: None,
                    message: "comes before any sheet: each part of the file starts with a row naming its sheet in brackets, such as [About] or [Statements] (start from the template)".into(),
                })
            }
        }
    }
    if wb.sheets.is_empty() {
        return Err(whole(
            "the text is empty: start from the template, which has every sheet".into(),
        ));
    }
    Ok(wb)
}

/// A number as a person writes it: 1, 0.5, 62.5.
fn num_text(x: f64) -> String {
    format!("{x}")
}

/// A framework as a workbook that converts back to it (the template is the built-in
/// framework written out this way). Scales are named `standard` (the framework's)
/// and `scale 2`, `scale 3`, … for the others, one name per different scale.
pub fn template_workbook(fw: &Framework) -> Workbook {
    let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let mut scales: Vec<(String, &Scale)> = vec![("standard".into(), &fw.scale)];
    fn name_of<'a>(s: &'a Scale, scales: &mut Vec<(String, &'a Scale)>) -> String {
        if let Some((n, _)) = scales.iter().find(|(_, x)| **x == *s) {
            return n.clone();
        }
        let n = format!("scale {}", scales.len() + 1);
        scales.push((n.clone(), s));
        n
    }
    // Scales of their own, named in the order they are met.
    let mut f_scales = Vec::new();
    for f in &fw.foundations {
        let fs = f.scale.as_ref().map(|s| name_of(s, &mut scales));
        let is: Vec<Option<String>> = f
            .items
            .iter()
            .map(|i| i.scale.as_ref().map(|s| name_of(s, &mut scales)))
            .collect();
        f_scales.push((fs, is));
    }
    let mut about = vec![cells(&["setting", "value"])];
    let mut set = |k: &str, v: String| about.push(vec![k.to_string(), v]);
    set("title", fw.title.clone());
    set("id", fw.id.clone());
    set("version", fw.version.clone());
    if !fw.description.is_empty() {
        set("description", fw.description.clone());
    }
    set("locale", fw.locale.clone());
    set("scale", "standard".into());
    set(
        "scoring method",
        match fw.scoring.method {
            Method::Mean => "mean",
            Method::Sum => "sum",
        }
        .into(),
    );
    set("min answered", num_text(fw.scoring.min_answered));
    set("overall min share", num_text(fw.scoring.overall_min_share));
    set(
        "band basis",
        match fw.bands.basis {
            Basis::Percent => "percent",
            Basis::Scale => "scale",
        }
        .into(),
    );
    if let Some(c) = &fw.consensus {
        if let Some(s) = c.spread {
            set("consensus spread", num_text(s));
        }
        if let Some(s) = c.spread_share {
            set("consensus spread share", num_text(s));
        }
        set("consensus max outside", num_text(c.max_outside));
    }
    let mut statements = vec![cells(&[
        "foundation",
        "statement",
        "reverse",
        "weight",
        "id",
        "scale",
    ])];
    let mut foundations = vec![cells(&[
        "foundation",
        "id",
        "short name",
        "description",
        "scale",
        "comment",
        "comment max length",
    ])];
    let mut actions = vec![cells(&["foundation", "band", "action"])];
    for (f, (fscale, iscales)) in fw.foundations.iter().zip(&f_scales) {
        for (item, iscale) in f.items.iter().zip(iscales) {
            statements.push(vec![
                f.name.clone(),
                item.text.clone(),
                if item.reverse {
                    "yes".into()
                } else {
                    String::new()
                },
                num_text(item.weight),
                item.id.clone(),
                iscale.clone().unwrap_or_default(),
            ]);
        }
        foundations.push(vec![
            f.name.clone(),
            f.id.clone(),
            f.short_name.clone().unwrap_or_default(),
            f.description.clone(),
            fscale.clone().unwrap_or_default(),
            f.comment
                .as_ref()
                .map_or(String::new(), |c| c.prompt.clone()),
            f.comment
                .as_ref()
                .map_or(String::new(), |c| c.max_length.to_string()),
        ]);
        for a in &f.actions {
            let label = fw
                .level(&a.band)
                .map_or(a.band.as_str(), |l| l.label.as_str());
            // The label, unless another band has it too.
            let unique_label = fw
                .bands
                .levels
                .iter()
                .filter(|l| norm(&l.label) == norm(label))
                .count()
                == 1;
            actions.push(vec![
                f.name.clone(),
                if unique_label {
                    label.to_string()
                } else {
                    a.band.clone()
                },
                a.text.clone(),
            ]);
        }
    }
    let mut scale_rows = vec![cells(&["scale", "value", "label", "description"])];
    for (name, s) in &scales {
        for v in s.min..=s.max {
            scale_rows.push(vec![
                name.clone(),
                v.to_string(),
                s.label(v).unwrap_or_default().to_string(),
                s.description(v).unwrap_or_default().to_string(),
            ]);
        }
        if let Some(dk) = &s.dont_know {
            scale_rows.push(vec![
                name.clone(),
                "dontKnow".into(),
                dk.clone(),
                String::new(),
            ]);
        }
    }
    let mut band_rows = vec![cells(&["band", "from", "id", "description"])];
    for l in &fw.bands.levels {
        band_rows.push(vec![
            l.label.clone(),
            num_text(l.from),
            l.id.clone(),
            l.description.clone().unwrap_or_default(),
        ]);
    }
    let mut question_rows = vec![cells(&["question", "option", "question id", "option id"])];
    for q in &fw.respondent_fields {
        for o in &q.options {
            question_rows.push(vec![
                q.label.clone(),
                o.label.clone(),
                q.id.clone(),
                o.id.clone(),
            ]);
        }
    }
    let sheet = |name: &str, rows: Vec<Vec<String>>| Sheet {
        name: name.into(),
        first_row: 1,
        rows,
    };
    Workbook {
        sheets: vec![
            sheet("About", about),
            sheet("Statements", statements),
            sheet("Foundations", foundations),
            sheet("Scales", scale_rows),
            sheet("Bands", band_rows),
            sheet("Actions", actions),
            sheet("Respondent questions", question_rows),
        ],
    }
}

/// A workbook as one CSV text, each sheet after its `[Name]` row and a blank row
/// between sheets (UTF-8 with BOM, every cell quoted, formulas neutralised).
pub fn workbook_to_text(wb: &Workbook) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: &[String], out: &mut String| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(&crate::codec::csv::neutralise(c).replace('"', "\"\""));
            out.push('"');
        }
        out.push_str("\r\n");
    };
    for (k, s) in wb.sheets.iter().enumerate() {
        if k > 0 {
            out.push_str("\r\n");
        }
        line(&[format!("[{}]", s.name)], &mut out);
        for r in &s.rows {
            line(r, &mut out);
        }
    }
    out
}

/// A framework as spreadsheet text: the CSV template.
pub fn template_csv(fw: &Framework) -> String {
    workbook_to_text(&template_workbook(fw))
}

/// A framework as the spreadsheet template in an XLSX file (one sheet per part). It
/// is read back once saved as CSV ([`framework_from_sheet`]).
pub fn template_xlsx(fw: &Framework) -> Vec<u8> {
    crate::codec::xlsx_write::to_xlsx(&template_workbook(fw))
}
