//! The framework model: a questionnaire of foundations and statements, its answer
//! scale, scoring rules, bands and consensus rule. Frameworks are data: they are read
//! from JSON at run time and checked here before anything is scored against them.
//!
//! A foundation or a statement may have a scale of its own, overriding the
//! framework's ([`Framework::foundation_scale`], [`Framework::item_scale`]); answers
//! on different scales are made comparable by placing each on 0 to 100 of its own
//! scale (see `core::scoring`). A foundation may ask for a comment
//! ([`CommentQuestion`]).

use crate::codec::json::Value;
use crate::core::exact::Exact;
use crate::core::issue::{child, index, Issue};
use crate::core::num;
use crate::core::reader::{parse_json, Reader};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

pub const SCHEMA: &str = "foundations-check/framework@1";

/// The share of foundations that must be scored for the overall score to have a band
/// (`scoring.overallMinShare`): half of them.
pub const DEFAULT_OVERALL_MIN_SHARE: f64 = 0.5;

/// Limits that keep a framework to a size a browser handles comfortably.
pub mod limits {
    pub const FOUNDATIONS: usize = 50;
    pub const ITEMS_PER_FOUNDATION: usize = 50;
    pub const TEXT_CHARS: usize = 10_000;
    pub const SHORT_TEXT_CHARS: usize = 200;
    pub const SCALE_POINTS: i64 = 21;
    pub const SCALE_ABS: i64 = 1_000;
    pub const LEVELS: usize = 20;
    pub const ACTIONS_PER_FOUNDATION: usize = 20;
    pub const RESPONDENT_FIELDS: usize = 20;
    pub const OPTIONS_PER_FIELD: usize = 50;
    pub const WEIGHT_MAX: f64 = 1_000.0;
    /// The longest comment a foundation may allow (`comment.maxLength`), in characters.
    pub const COMMENT_CHARS: usize = 5_000;
    /// A comment's length limit when the framework gives none.
    pub const COMMENT_CHARS_DEFAULT: usize = 1_000;
    /// The longest comment prompt.
    pub const PROMPT_CHARS: usize = 500;
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Framework {
    pub schema: String,
    pub id: String,
    pub version: String,
    pub title: String,
    pub description: String,
    pub locale: String,
    pub scale: Scale,
    pub scoring: Scoring,
    pub bands: Bands,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consensus: Option<Consensus>,
    pub respondent_fields: Vec<RespondentField>,
    pub foundations: Vec<Foundation>,
    /// Item id to (foundation index, item index), for answers keyed by item id.
    #[serde(skip)]
    /// Item ids, sorted, with (foundation index, item index).
    item_index: Vec<(String, (usize, usize))>,
}

/// An answer scale: the framework's, or a foundation's or statement's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
    /// One label per point, from `min` to `max`.
    pub labels: Vec<String>,
    /// A longer description per point (a maturity level's full sentence), shown with
    /// the choice; as many as `labels`, `None` where a point has none. Written in JSON
    /// as a label object `{ "label", "description" }` in place of the label text.
    pub descriptions: Vec<Option<String>>,
    /// Label of the "Don't know" choice; `None` means there is no such choice.
    pub dont_know: Option<String>,
}

impl Scale {
    pub fn range(&self) -> f64 {
        f64::from(self.max - self.min)
    }
    pub fn label(&self, v: i32) -> Option<&str> {
        let i = usize::try_from(v - self.min).ok()?;
        self.labels.get(i).map(String::as_str)
    }
    /// The longer description of point `v`, if it has one.
    pub fn description(&self, v: i32) -> Option<&str> {
        let i = usize::try_from(v - self.min).ok()?;
        self.descriptions.get(i)?.as_deref()
    }
    /// Whether `v` is a point of the scale.
    pub fn contains(&self, v: i32) -> bool {
        (self.min..=self.max).contains(&v)
    }
    /// The value an answer `v` contributes: flipped within this scale
    /// (`min + max - v`) for a reverse statement.
    pub fn value(&self, reverse: bool, v: i32) -> i32 {
        if reverse {
            self.min + self.max - v
        } else {
            v
        }
    }
    /// Whether two scales span the same points (labels aside).
    pub fn same_range(&self, o: &Scale) -> bool {
        self.min == o.min && self.max == o.max
    }
}

/// `{ min, max, labels, dontKnow? }`, a label with a description as `{ label,
/// description }`, so that a framework written back reads the same.
impl Serialize for Scale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Labels<'a>(&'a Scale);
        struct Described<'a>(&'a str, &'a str);
        impl Serialize for Described<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_struct("Label", 2)?;
                m.serialize_field("label", self.0)?;
                m.serialize_field("description", self.1)?;
                m.end()
            }
        }
        impl Serialize for Labels<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.labels.len()))?;
                for (i, l) in self.0.labels.iter().enumerate() {
                    match self.0.descriptions.get(i).and_then(Option::as_deref) {
                        Some(d) => seq.serialize_element(&Described(l, d))?,
                        None => seq.serialize_element(l)?,
                    }
                }
                seq.end()
            }
        }
        let mut m = s.serialize_struct("Scale", 4)?;
        m.serialize_field("min", &self.min)?;
        m.serialize_field("max", &self.max)?;
        m.serialize_field("labels", &Labels(self))?;
        match &self.dont_know {
            Some(d) => m.serialize_field("dontKnow", d)?,
            None => m.skip_field("dontKnow")?,
        }
        m.end()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Method {
    Mean,
    Sum,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scoring {
    pub method: Method,
    /// Share of a foundation's items (0 to 1) that must be answered for a score.
    pub min_answered: f64,
    /// Share of the foundations (0 to 1) that must be scored for the overall score to
    /// have a band; below it the overall is provisional (default 0.5).
    pub overall_min_share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    Percent,
    Scale,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bands {
    pub basis: Basis,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Level {
    pub id: String,
    pub label: String,
    pub from: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// When a team counts as split on a foundation. The distance from the median beyond
/// which a respondent is "outside" is given either in scale points (`spread`, on each
/// foundation's own scale) or as a share of the scale's range (`spread_share`); one of
/// the two, never both ([`Framework::spread_points`] gives it in percent points).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consensus {
    /// Distance from the median in points of the foundation's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread: Option<f64>,
    /// Distance from the median as a share (0 to 1) of the foundation's scale range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread_share: Option<f64>,
    /// Share of respondents (0 to 1) allowed outside before a foundation is "split".
    pub max_outside: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RespondentField {
    pub id: String,
    pub label: String,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Foundation {
    pub id: String,
    pub name: String,
    /// A short name for chart axes; falls back to `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub description: String,
    /// The foundation's own scale, for its statements that have none; `None` uses the
    /// framework's ([`Framework::foundation_scale`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    pub items: Vec<Item>,
    /// An optional free-text question asked after the foundation's statements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<CommentQuestion>,
    pub actions: Vec<Action>,
    /// The items' weights as whole multiples of `weight_unit` (see [`Foundation::weights`]).
    #[serde(skip)]
    scaled_weights: Vec<i64>,
    #[serde(skip)]
    weight_unit: i64,
}

impl Foundation {
    pub fn label(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The items' weights as whole numbers of a common unit, and that unit as a
    /// fraction `1 / unit`: each weight is read as the decimal it was written as, to 9
    /// places (a weight with more places is rounded to 9), so weighted means are exact.
    pub fn weights(&self) -> (&[i64], i64) {
        (&self.scaled_weights, self.weight_unit)
    }

    /// The sum of the items' weights, exactly.
    pub fn total_weight(&self) -> Exact {
        Exact::frac(self.scaled_weights.iter().sum(), self.weight_unit)
    }
}

/// A weight as a decimal to 9 places.
fn decimal_weight(w: f64) -> Exact {
    match Exact::from_decimal(w) {
        Exact::Float(x) => Exact::frac((x * 1e9).round() as i64, 1_000_000_000),
        exact => exact,
    }
}

/// The weights of `items` as whole multiples of a common unit, and the unit (the least
/// common denominator; at most 10^9, so the products of scoring fit in 128 bits).
fn scale_weights(items: &[Item]) -> (Vec<i64>, i64) {
    let fracs: Vec<(i64, i64)> = items
        .iter()
        .map(|i| match decimal_weight(i.weight) {
            Exact::Frac(n, d) => (n, d),
            Exact::Float(_) => (1, 1),
        })
        .collect();
    let gcd = |mut a: i64, mut b: i64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let unit = fracs.iter().fold(1i64, |l, &(_, d)| l / gcd(l, d) * d);
    (fracs.iter().map(|&(n, d)| n * (unit / d)).collect(), unit)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub id: String,
    pub text: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reverse: bool,
    pub weight: f64,
    /// The statement's own scale; `None` uses its foundation's
    /// ([`Framework::item_scale`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
}

/// A foundation's comment question: optional free text, never shown as HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentQuestion {
    /// The question ("What would help here?").
    pub prompt: String,
    /// The longest answer, in characters (Unicode scalar values).
    pub max_length: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// The band level id this action is suggested for.
    pub band: String,
    pub text: String,
}

impl Framework {
    /// Reads and checks a framework from JSON text, reporting every problem found.
    pub fn from_json(text: &str) -> Result<Framework, Vec<Issue>> {
        let v = parse_json(text).map_err(|e| vec![e])?;
        Framework::from_value(&v)
    }

    /// Reads and checks a framework from the text of an in-page `<script
    /// type="application/json">` element (which runs nothing, so it works under a strict
    /// Content Security Policy): the text is JSON, read as it is (the browser decodes
    /// no entities in it; a `</` inside a string is written `<\/`). An empty element,
    /// or one that does not hold a JSON object (JavaScript, an HTML comment), is named
    /// as such; a JSON error's line counts the line of the opening tag as line 1, as a
    /// page's source shows it.
    pub fn from_script(text: &str) -> Result<Framework, Vec<Issue>> {
        const WHERE: &str =
            "the framework in the page's <script type=\"application/json\"> element";
        let body = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if body.trim_end().is_empty() {
            return Err(vec![Issue::new(
                "",
                format!("{WHERE} is empty: put the framework's JSON inside it"),
            )]);
        }
        if !body.starts_with('{') {
            let start: String = body.chars().take(20).collect();
            return Err(vec![Issue::new(
                "",
                format!("{WHERE} is not a JSON object: it starts \"{start}\"; put only the framework's JSON inside it, with no JavaScript or HTML comments around it"),
            )]);
        }
        let v = parse_json(text)
            .map_err(|e| vec![Issue::new("", format!("{WHERE}: {}", e.message))])?;
        Framework::from_value(&v)
    }

    /// Reads and checks a framework from a parsed JSON value, reporting every problem.
    pub fn from_value(v: &Value) -> Result<Framework, Vec<Issue>> {
        let mut r = Reader::default();
        let fw = read_framework(&mut r, v);
        match fw {
            Some(fw) if r.issues.is_empty() => {
                check(&mut r, &fw);
                if r.issues.is_empty() {
                    Ok(fw)
                } else {
                    Err(r.issues)
                }
            }
            Some(fw) => {
                // Structural problems already found; the semantic checks still add
                // what they can see so the author gets the whole list at once.
                check(&mut r, &fw);
                Err(r.issues)
            }
            None => Err(r.issues),
        }
    }

    pub fn item_count(&self) -> usize {
        self.foundations.iter().map(|f| f.items.len()).sum()
    }

    /// Each answer of `answers` (keyed by item id, in id order, as a response keeps
    /// them) at its item's place in framework order (foundations' items one after the
    /// other): one pass over both sorted lists rather than a search per item, which
    /// scoring thousands of responses spends most of its time on otherwise. Answers to
    /// unknown items are left out.
    pub fn in_item_order<'a, V>(
        &self,
        answers: impl Iterator<Item = (&'a String, &'a V)>,
    ) -> Vec<Option<&'a V>> {
        let mut out = vec![None; self.item_count()];
        let starts: Vec<usize> = self
            .foundations
            .iter()
            .scan(0, |at, f| {
                let start = *at;
                *at += f.items.len();
                Some(start)
            })
            .collect();
        let mut index = self.item_index.iter().peekable();
        for (id, v) in answers {
            while index.next_if(|(k, _)| k.as_str() < id.as_str()).is_some() {}
            if let Some((k, (fi, ii))) = index.peek() {
                if k == id {
                    out[starts[*fi] + ii] = Some(v);
                }
            }
        }
        out
    }

    /// Finds an item by id: (foundation index, item index).
    pub fn find_item(&self, id: &str) -> Option<(usize, usize)> {
        let i = &self.item_index;
        i.binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .map(|k| i[k].1)
    }

    pub fn field(&self, id: &str) -> Option<&RespondentField> {
        self.respondent_fields.iter().find(|f| f.id == id)
    }

    pub fn level(&self, id: &str) -> Option<&Level> {
        self.bands.levels.iter().find(|l| l.id == id)
    }

    /// The scale of a foundation: its own, or the framework's.
    pub fn foundation_scale<'a>(&'a self, foundation: &'a Foundation) -> &'a Scale {
        foundation.scale.as_ref().unwrap_or(&self.scale)
    }

    /// The scale a statement is answered on: its own, its foundation's, or the
    /// framework's.
    pub fn item_scale<'a>(&'a self, foundation: &'a Foundation, item: &'a Item) -> &'a Scale {
        item.scale
            .as_ref()
            .unwrap_or_else(|| self.foundation_scale(foundation))
    }

    /// The scale of the statement with this id.
    pub fn scale_of(&self, item_id: &str) -> Option<&Scale> {
        let (fi, ii) = self.find_item(item_id)?;
        let f = &self.foundations[fi];
        Some(self.item_scale(f, &f.items[ii]))
    }

    /// Whether any foundation or statement has a scale of its own (the self-check then
    /// shows each foundation's or statement's choices rather than one legend).
    pub fn has_own_scales(&self) -> bool {
        self.foundations
            .iter()
            .any(|f| f.scale.is_some() || f.items.iter().any(|i| i.scale.is_some()))
    }

    /// Whether any foundation asks for a comment.
    pub fn has_comments(&self) -> bool {
        self.foundations.iter().any(|f| f.comment.is_some())
    }

    /// The consensus spread of a foundation in percent points of its 0 to 100 score:
    /// `spread / (max - min) × 100` on the foundation's own scale, or `spreadShare ×
    /// 100`. `None` without a consensus rule.
    pub fn spread_points(&self, foundation: &Foundation) -> Option<Exact> {
        let c = self.consensus.as_ref()?;
        Some(match (c.spread, c.spread_share) {
            (_, Some(share)) => Exact::from_decimal(share).mul(Exact::int(100)),
            (spread, None) => {
                let s = self.foundation_scale(foundation);
                Exact::from_decimal(spread.unwrap_or(0.0))
                    .div(Exact::int(i64::from(s.max - s.min)))
                    .mul(Exact::int(100))
            }
        })
    }

    /// The lowest and highest value a foundation can take (on its scale for "mean",
    /// weighted totals for "sum").
    pub fn value_range(&self, foundation: &Foundation) -> (Exact, Exact) {
        let scale = self.foundation_scale(foundation);
        let (min, max) = (Exact::int(scale.min.into()), Exact::int(scale.max.into()));
        match self.scoring.method {
            Method::Mean => (min, max),
            Method::Sum => {
                let w = foundation.total_weight();
                (w.mul(min), w.mul(max))
            }
        }
    }

    /// Places a foundation value on 0 to 100.
    pub fn value_to_percent(&self, foundation: &Foundation, value: Exact) -> Exact {
        let (lo, hi) = self.value_range(foundation);
        let p = value.sub(lo).div(hi.sub(lo)).mul(Exact::int(100));
        p.max(Exact::ZERO).min(Exact::int(100))
    }

    /// The inverse of [`Framework::value_to_percent`].
    pub fn percent_to_value(&self, foundation: &Foundation, percent: Exact) -> Exact {
        let (lo, hi) = self.value_range(foundation);
        lo.add(percent.div(Exact::int(100)).mul(hi.sub(lo)))
    }

    /// The band of a score: the last level whose `from` is at or below it, compared
    /// exactly (a threshold is the decimal it was written as). `percent` and `value`
    /// are the same score in the two units; the framework's basis picks one.
    pub fn band(&self, percent: Exact, value: Exact) -> Option<&Level> {
        let score = match self.bands.basis {
            Basis::Percent => percent,
            Basis::Scale => value,
        };
        self.bands
            .levels
            .iter()
            .rev()
            .find(|l| Exact::from_decimal(l.from) <= score)
    }

    /// The decimal places percents are shown with: as many as the band thresholds
    /// have in percent (on the scale basis, converted with each foundation's range, and
    /// at most 2), at most 6, so that a percent cut to them reaches a threshold exactly
    /// when the score does. Whole percents for the built-in framework.
    pub fn places(&self) -> u32 {
        let places = |x: Exact| num::decimal_places(x);
        let levels = self.bands.levels.iter();
        match self.bands.basis {
            Basis::Percent => levels
                .map(|l| places(Exact::from_decimal(l.from)))
                .max()
                .unwrap_or(0)
                .min(6),
            Basis::Scale => levels
                .flat_map(|l| {
                    self.foundations.iter().map(move |f| {
                        let v = Exact::from_decimal(l.from);
                        places(self.value_to_percent(f, v))
                    })
                })
                .max()
                .unwrap_or(0)
                .min(2),
        }
    }

    /// Suggested actions of a foundation for a band.
    pub fn actions_for<'a>(&'a self, foundation: &'a Foundation, band: &str) -> Vec<&'a str> {
        foundation
            .actions
            .iter()
            .filter(|a| a.band == band)
            .map(|a| a.text.as_str())
            .collect()
    }
}

use limits::*;

fn read_framework(r: &mut Reader, v: &Value) -> Option<Framework> {
    let m = r.object(
        v,
        "",
        &[
            "schema",
            "id",
            "version",
            "title",
            "description",
            "locale",
            "scale",
            "scoring",
            "bands",
            "consensus",
            "respondentFields",
            "foundations",
        ],
    )?;
    let schema = r.text(m, "", "schema", SHORT_TEXT_CHARS);
    if m.get("schema").is_some_and(Value::is_string) && schema != SCHEMA {
        r.err("schema", format!("expected \"{SCHEMA}\""));
    }
    let id = r.id(m, "", "id");
    let version = r.text(m, "", "version", SHORT_TEXT_CHARS);
    if m.get("version").is_some_and(Value::is_string) && version.trim().is_empty() {
        r.err("version", "must not be empty");
    }
    let title = r.text(m, "", "title", SHORT_TEXT_CHARS);
    let description = r
        .opt_text(m, "", "description", TEXT_CHARS)
        .unwrap_or_default();
    let locale = r
        .opt_text(m, "", "locale", 35)
        .unwrap_or_else(|| "en-GB".into());
    let scale = match m.get("scale") {
        Some(v) => read_scale(r, v, "scale"),
        None => {
            r.err("scale", "is required");
            None
        }
    };
    let scoring = match m.get("scoring") {
        None | Some(Value::Null) => Some(Scoring {
            method: Method::Mean,
            min_answered: 0.5,
            overall_min_share: DEFAULT_OVERALL_MIN_SHARE,
        }),
        Some(v) => read_scoring(r, v, "scoring"),
    };
    let bands = match m.get("bands") {
        Some(v) => read_bands(r, v, "bands"),
        None => {
            r.err("bands", "is required");
            None
        }
    };
    let consensus = match m.get("consensus") {
        None | Some(Value::Null) => None,
        Some(v) => read_consensus(r, v, "consensus"),
    };
    let respondent_fields = r
        .list(m, "", "respondentFields", RESPONDENT_FIELDS, false)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_field(r, v, &index("respondentFields", i)))
        .collect();
    let fvals = r.list(m, "", "foundations", FOUNDATIONS, true);
    if m.get("foundations").is_some_and(Value::is_array) && fvals.is_empty() {
        r.err("foundations", "must have at least one foundation");
    }
    let foundations: Vec<Foundation> = fvals
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_foundation(r, v, &index("foundations", i)))
        .collect();
    Some(Framework {
        schema,
        id,
        version,
        title,
        description,
        locale,
        scale: scale?,
        scoring: scoring?,
        bands: bands?,
        consensus,
        item_index: {
            // Kept sorted as it is built (a framework with duplicate ids is refused by
            // `check`).
            let mut index: Vec<(String, (usize, usize))> = Vec::new();
            for (fi, f) in foundations.iter().enumerate() {
                for (ii, item) in f.items.iter().enumerate() {
                    let at = index.partition_point(|(k, _)| *k < item.id);
                    index.insert(at, (item.id.clone(), (fi, ii)));
                }
            }
            index
        },
        respondent_fields,
        foundations,
    })
}

fn read_scale(r: &mut Reader, v: &Value, p: &str) -> Option<Scale> {
    let m = r.object(v, p, &["min", "max", "labels", "dontKnow"])?;
    let min = r.int(m, p, "min");
    let max = r.int(m, p, "max");
    let mut labels = Vec::new();
    let mut descriptions = Vec::new();
    for (i, v) in r
        .list(m, p, "labels", SCALE_POINTS as usize + 1, true)
        .iter()
        .enumerate()
    {
        let lp = index(&child(p, "labels"), i);
        // A label is its text, or `{ label, description }` with a longer description.
        let (label, description) = match v {
            Value::Object(_) => match r.object(v, &lp, &["label", "description"]) {
                Some(lm) => (
                    r.text(lm, &lp, "label", SHORT_TEXT_CHARS),
                    r.opt_text(lm, &lp, "description", TEXT_CHARS),
                ),
                None => (String::new(), None),
            },
            // Text, or the type found named by the reader.
            _ => (r.text_value(v, &lp, SHORT_TEXT_CHARS), None),
        };
        labels.push(label);
        descriptions.push(description);
    }
    let dont_know = r.opt_text(m, p, "dontKnow", SHORT_TEXT_CHARS);
    let (min, max) = (min?, max?);
    let mut ok = true;
    for (key, n) in [("min", min), ("max", max)] {
        if n.abs() > SCALE_ABS {
            r.err(
                &child(p, key),
                format!("must be between -{SCALE_ABS} and {SCALE_ABS}"),
            );
            ok = false;
        }
    }
    if ok && min >= max {
        r.err(
            &child(p, "max"),
            format!("must be greater than min ({min})"),
        );
        ok = false;
    }
    if ok && max - min + 1 > SCALE_POINTS {
        r.err(
            &child(p, "max"),
            format!("a scale has at most {SCALE_POINTS} points"),
        );
        ok = false;
    }
    if ok && labels.len() as i64 != max - min + 1 && m.get("labels").is_some_and(Value::is_array) {
        r.err(
            &child(p, "labels"),
            format!(
                "has {} labels; a scale from {min} to {max} needs {}, one for every point",
                labels.len(),
                max - min + 1
            ),
        );
    }
    ok.then_some(Scale {
        min: min as i32,
        max: max as i32,
        labels,
        descriptions,
        dont_know,
    })
}

fn read_scoring(r: &mut Reader, v: &Value, p: &str) -> Option<Scoring> {
    let m = r.object(v, p, &["method", "minAnswered", "overallMinShare"])?;
    let method = match r.opt_text(m, p, "method", 20).as_deref() {
        None | Some("mean") => Method::Mean,
        Some("sum") => Method::Sum,
        Some(other) => {
            r.err(
                &child(p, "method"),
                format!("\"{other}\" is not a scoring method; use \"mean\" or \"sum\""),
            );
            Method::Mean
        }
    };
    let min_answered = r.opt_number(m, p, "minAnswered").unwrap_or(0.5);
    if !(0.0..=1.0).contains(&min_answered) {
        r.err(&child(p, "minAnswered"), "must be a share between 0 and 1");
    }
    let overall_min_share = r
        .opt_number(m, p, "overallMinShare")
        .unwrap_or(DEFAULT_OVERALL_MIN_SHARE);
    if !(0.0..=1.0).contains(&overall_min_share) {
        r.err(
            &child(p, "overallMinShare"),
            "must be a share between 0 and 1",
        );
    }
    Some(Scoring {
        method,
        min_answered,
        overall_min_share,
    })
}

fn read_bands(r: &mut Reader, v: &Value, p: &str) -> Option<Bands> {
    let m = r.object(v, p, &["basis", "levels"])?;
    let basis = match r.opt_text(m, p, "basis", 20).as_deref() {
        None | Some("percent") => Basis::Percent,
        Some("scale") => Basis::Scale,
        Some(other) => {
            r.err(
                &child(p, "basis"),
                format!("\"{other}\" is not a band basis; use \"percent\" or \"scale\""),
            );
            Basis::Percent
        }
    };
    let lp = child(p, "levels");
    let lvals = r.list(m, p, "levels", LEVELS, true);
    if m.get("levels").is_some_and(Value::is_array) && lvals.is_empty() {
        r.err(&lp, "must have at least one level");
    }
    let mut levels = Vec::new();
    for (i, v) in lvals.iter().enumerate() {
        let ip = index(&lp, i);
        let Some(lm) = r.object(v, &ip, &["id", "label", "from", "description"]) else {
            continue;
        };
        let id = r.id(lm, &ip, "id");
        let label = r.text(lm, &ip, "label", SHORT_TEXT_CHARS);
        let from = r.number(lm, &ip, "from");
        let description = r.opt_text(lm, &ip, "description", TEXT_CHARS);
        if let Some(from) = from {
            levels.push(Level {
                id,
                label,
                from,
                description,
            });
        }
    }
    Some(Bands { basis, levels })
}

fn read_consensus(r: &mut Reader, v: &Value, p: &str) -> Option<Consensus> {
    let m = r.object(v, p, &["spread", "spreadShare", "maxOutside"])?;
    let spread = r.opt_number(m, p, "spread");
    let spread_share = r.opt_number(m, p, "spreadShare");
    let max_outside = r.number(m, p, "maxOutside");
    let given = |k: &str| m.get(k).is_some_and(|v| !v.is_null());
    match (given("spread"), given("spreadShare")) {
        (false, false) => r.err(
            &child(p, "spread"),
            "is required (in scale points), or give spreadShare (a share of the scale's range)",
        ),
        (true, true) => r.err(
            &child(p, "spreadShare"),
            "give spread (in scale points) or spreadShare (a share of the scale's range), not both",
        ),
        _ => {}
    }
    if spread.is_some_and(|s| s <= 0.0) {
        r.err(&child(p, "spread"), "must be greater than 0");
    }
    if spread_share.is_some_and(|s| !(s > 0.0 && s <= 1.0)) {
        r.err(
            &child(p, "spreadShare"),
            "must be a share of the scale's range, greater than 0 and at most 1",
        );
    }
    if max_outside.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
        r.err(&child(p, "maxOutside"), "must be a share between 0 and 1");
    }
    Some(Consensus {
        spread,
        spread_share,
        max_outside: max_outside?,
    })
}

fn read_comment(r: &mut Reader, v: &Value, p: &str) -> Option<CommentQuestion> {
    let m = r.object(v, p, &["prompt", "maxLength"])?;
    let prompt = r.text(m, p, "prompt", PROMPT_CHARS);
    if m.get("prompt").is_some_and(Value::is_string) && prompt.trim().is_empty() {
        r.err(&child(p, "prompt"), "must not be empty");
    }
    let max_length = match m.get("maxLength") {
        None | Some(Value::Null) => COMMENT_CHARS_DEFAULT,
        Some(v) => {
            let n = r.int_value(v, &child(p, "maxLength"));
            if n.is_some_and(|n| !(1..=COMMENT_CHARS as i64).contains(&n)) {
                r.err(
                    &child(p, "maxLength"),
                    format!("must be between 1 and {COMMENT_CHARS} characters"),
                );
            }
            n.map_or(COMMENT_CHARS_DEFAULT, |n| {
                n.clamp(1, COMMENT_CHARS as i64) as usize
            })
        }
    };
    Some(CommentQuestion { prompt, max_length })
}

fn read_field(r: &mut Reader, v: &Value, p: &str) -> Option<RespondentField> {
    let m = r.object(v, p, &["id", "label", "options"])?;
    let id = r.id(m, p, "id");
    let label = r.text(m, p, "label", SHORT_TEXT_CHARS);
    let ovals = r.list(m, p, "options", OPTIONS_PER_FIELD, true);
    if m.get("options").is_some_and(Value::is_array) && ovals.is_empty() {
        r.err(&child(p, "options"), "must have at least one option");
    }
    let options = ovals
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let op = index(&child(p, "options"), i);
            let om = r.object(v, &op, &["id", "label"])?;
            Some(Choice {
                id: r.id(om, &op, "id"),
                label: r.text(om, &op, "label", SHORT_TEXT_CHARS),
            })
        })
        .collect();
    Some(RespondentField { id, label, options })
}

fn read_foundation(r: &mut Reader, v: &Value, p: &str) -> Option<Foundation> {
    let m = r.object(
        v,
        p,
        &[
            "id",
            "name",
            "shortName",
            "description",
            "scale",
            "items",
            "comment",
            "actions",
        ],
    )?;
    let id = r.id(m, p, "id");
    let name = r.text(m, p, "name", SHORT_TEXT_CHARS);
    let short_name = r.opt_text(m, p, "shortName", SHORT_TEXT_CHARS);
    let description = r
        .opt_text(m, p, "description", TEXT_CHARS)
        .unwrap_or_default();
    let scale = match m.get("scale") {
        None | Some(Value::Null) => None,
        Some(v) => read_scale(r, v, &child(p, "scale")),
    };
    let comment = match m.get("comment") {
        None | Some(Value::Null) => None,
        Some(v) => read_comment(r, v, &child(p, "comment")),
    };
    let ivals = r.list(m, p, "items", ITEMS_PER_FOUNDATION, true);
    if m.get("items").is_some_and(Value::is_array) && ivals.is_empty() {
        r.err(&child(p, "items"), "must have at least one item");
    }
    let items: Vec<Item> = ivals
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read_item(r, v, &index(&child(p, "items"), i)))
        .collect();
    let actions = r
        .list(m, p, "actions", ACTIONS_PER_FOUNDATION, false)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let ap = index(&child(p, "actions"), i);
            let am = r.object(v, &ap, &["band", "text"])?;
            Some(Action {
                band: r.text(am, &ap, "band", 100),
                text: r.text(am, &ap, "text", TEXT_CHARS),
            })
        })
        .collect();
    let (scaled_weights, weight_unit) = scale_weights(&items);
    Some(Foundation {
        id,
        name,
        short_name,
        description,
        scale,
        items,
        comment,
        actions,
        scaled_weights,
        weight_unit,
    })
}

fn read_item(r: &mut Reader, v: &Value, p: &str) -> Option<Item> {
    let m = r.object(v, p, &["id", "text", "reverse", "weight", "scale"])?;
    let id = r.id(m, p, "id");
    let text = r.text(m, p, "text", TEXT_CHARS);
    let reverse = r.opt_bool(m, p, "reverse");
    let weight = r.opt_number(m, p, "weight").unwrap_or(1.0);
    if m.get("weight").is_some_and(|w| !w.is_null()) && !(weight > 0.0 && weight <= WEIGHT_MAX) {
        r.err(
            &child(p, "weight"),
            "must be greater than 0 and at most 1000",
        );
    }
    let scale = match m.get("scale") {
        None | Some(Value::Null) => None,
        Some(v) => read_scale(r, v, &child(p, "scale")),
    };
    Some(Item {
        id,
        text,
        reverse,
        weight,
        scale,
    })
}

/// Checks that need the whole framework: unique ids, band order, action bands.
fn check(r: &mut Reader, fw: &Framework) {
    // Foundation ids, item ids (unique across the framework, since answers are keyed by
    // item id), band ids, field ids and option ids within a field.
    let fids: Vec<(String, &str)> = fw
        .foundations
        .iter()
        .enumerate()
        .map(|(i, f)| (child(&index("foundations", i), "id"), f.id.as_str()))
        .collect();
    r.unique(&fids, "foundation");
    let iids: Vec<(String, &str)> = fw
        .foundations
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| {
            f.items.iter().enumerate().map(move |(ii, it)| {
                (
                    child(&index(&child(&index("foundations", fi), "items"), ii), "id"),
                    it.id.as_str(),
                )
            })
        })
        .collect();
    r.unique(&iids, "item");
    let lids: Vec<(String, &str)> = fw
        .bands
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (child(&index("bands.levels", i), "id"), l.id.as_str()))
        .collect();
    r.unique(&lids, "band level");
    let rids: Vec<(String, &str)> = fw
        .respondent_fields
        .iter()
        .enumerate()
        .map(|(i, f)| (child(&index("respondentFields", i), "id"), f.id.as_str()))
        .collect();
    r.unique(&rids, "respondent field");
    // Field ids share the CSV header with item ids and three fixed columns.
    for (path, id) in &rids {
        if fw.find_item(id).is_some() || ["framework", "version", "submittedAt"].contains(id) {
            r.err(path, format!("\"{id}\" is also an item id or a reserved name; respondent field ids must differ"));
        }
    }
    for (i, f) in fw.respondent_fields.iter().enumerate() {
        let oids: Vec<(String, &str)> = f
            .options
            .iter()
            .enumerate()
            .map(|(j, o)| {
                (
                    child(
                        &index(&child(&index("respondentFields", i), "options"), j),
                        "id",
                    ),
                    o.id.as_str(),
                )
            })
            .collect();
        r.unique(&oids, "option");
    }
    // Bands in ascending order of `from`, compared as the decimals written.
    for (i, pair) in fw.bands.levels.windows(2).enumerate() {
        let (a, b) = (
            Exact::from_decimal(pair[0].from),
            Exact::from_decimal(pair[1].from),
        );
        if b <= a {
            r.err(
                &child(&index("bands.levels", i + 1), "from"),
                format!(
                    "bands must be in ascending order: {} is not above the previous level's {}",
                    num::decimal(b),
                    num::decimal(a)
                ),
            );
        }
    }
    if fw.bands.basis == Basis::Percent {
        for (i, l) in fw.bands.levels.iter().enumerate() {
            if !(0.0..=100.0).contains(&l.from) {
                r.err(
                    &child(&index("bands.levels", i), "from"),
                    "on the percent basis, thresholds lie between 0 and 100",
                );
            }
        }
    }
    // On the scale basis, thresholds are values on the scale: every foundation must be
    // on the framework's (a statement's own scale is placed on its foundation's).
    if fw.bands.basis == Basis::Scale {
        for (fi, f) in fw.foundations.iter().enumerate() {
            if f.scale.as_ref().is_some_and(|s| !s.same_range(&fw.scale)) {
                r.err(
                    &child(&index("foundations", fi), "scale"),
                    format!(
                        "bands on the \"scale\" basis are values on the framework's scale ({} to {}), so every foundation must use that range; use the \"percent\" basis for foundations on scales of their own",
                        fw.scale.min, fw.scale.max
                    ),
                );
            }
        }
    }
    // Actions name an existing band.
    for (fi, f) in fw.foundations.iter().enumerate() {
        for (ai, a) in f.actions.iter().enumerate() {
            if !a.band.is_empty() && fw.level(&a.band).is_none() {
                r.err(
                    &child(
                        &index(&child(&index("foundations", fi), "actions"), ai),
                        "band",
                    ),
                    format!("\"{}\" is not a band level id", a.band),
                );
            }
        }
    }
}

// Last in the file, so that the lines above (which the self-check build names in its
// messages) stay where they are.
#[cfg(any(feature = "api", feature = "team"))]
impl Framework {
    /// The ids of the items in id order, each with its scale: the fast reader of
    /// responses (`codec::fast`) finds an answer's item here once and keeps its place.
    pub(crate) fn items_by_id(&self) -> impl Iterator<Item = (&String, &Scale)> {
        self.item_index.iter().map(|(id, (fi, ii))| {
            let f = &self.foundations[*fi];
            (id, self.item_scale(f, &f.items[*ii]))
        })
    }
}
