//! Radar (spider) charts drawn with the plotters crate: one axis per foundation, a
//! filled shape per series, optional band rings and highlighted axes.
//!
//! [`RadarChart`] is the input, read from JSON. [`layout::Layout`] works out every
//! position (pure geometry, tested natively: plotters has no polar coordinates);
//! [`draw::shapes`] lists what to paint, and [`draw::paint`] paints that list with
//! plotters' drawing area and elements on any plotters `DrawingBackend`. Ours are
//! [`svg::Svg`], accessible SVG text ([`radar_svg`]), and, in the browser layer, a 2D
//! canvas (an HTML canvas or an OffscreenCanvas, sharp at the device pixel ratio).
//! [`text_alternative`] gives the summary and the data table for people who cannot see
//! the chart.

pub mod draw;
pub mod from;
pub mod layout;
pub mod svg;
pub mod text;

use crate::codec::json::Value;
use crate::core::exact::Exact;
use crate::core::issue::{child, index, Issue};
use crate::core::reader::Reader;
use serde::Serialize;

pub const MAX_AXES: usize = 50;
pub const MAX_SERIES: usize = 8;
pub const MAX_LABEL_CHARS: usize = 200;

/// Whether this build draws what sets several series apart: a legend, a dash and a
/// marker shape for each series, ranges, highlighted axes and per-series notes. The npm
/// API and the team view draw such charts. The self-check embed draws one chart only,
/// one person's scores (see [`from::chart_from_score`]: one series, no range, no
/// highlight), and leaves that code out: about 2 KB of its packed module. A one-series
/// chart is drawn the same either way (an end-to-end test compares the two builds).
pub const OVERLAYS: bool = cfg!(any(feature = "api", feature = "team"));

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RadarChart {
    pub axes: Vec<Axis>,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    /// Ids of axes to mark, for example foundations where a team is split.
    pub highlight: Vec<String>,
    /// The word shown beside a highlighted axis (default "split").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight_label: Option<String>,
    pub width: u32,
    pub height: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Scale ticks in percent (default 0, 25, 50, 75, 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticks: Option<Vec<f64>>,
    /// Decimal places of the values in words (the text alternative), 0 to 6 (default
    /// 0): values are cut toward zero to them (`core::num::shown`). Charts made from a
    /// framework's results use the framework's places.
    #[serde(skip_serializing_if = "is_zero")]
    pub places: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn read_chart(r: &mut Reader, v: &Value) -> Option<RadarChart> {
    let m = r.object(
        v,
        "",
        &[
            "axes",
            "series",
            "bands",
            "highlight",
            "highlightLabel",
            "width",
            "height",
            "title",
            "ticks",
            "places",
        ],
    )?;
    let axes = r
        .list(m, "", "axes", MAX_AXES, true)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let p = index("axes", i);
            let am = r.object(v, &p, &["id", "label"])?;
            Some(Axis {
                id: r.text(am, &p, "id", 100),
                label: r.text(am, &p, "label", MAX_LABEL_CHARS),
            })
        })
        .collect();
    let series = r
        .list(m, "", "series", MAX_SERIES, true)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let p = index("series", i);
            let sm = r.object(v, &p, &["label", "values", "color", "range"])?;
            let label = r.text(sm, &p, "label", MAX_LABEL_CHARS);
            let vp = child(&p, "values");
            let values = r
                .list(sm, &p, "values", MAX_AXES, true)
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    if v.is_null() {
                        return None;
                    }
                    let x = r.number_value(v, &index(&vp, j))?;
                    if !(0.0..=100.0).contains(&x) {
                        // The number as written, so that 100.00000000000003 is not
                        // reported as 100.
                        r.err(
                            &index(&vp, j),
                            format!(
                                "{} is not between 0 and 100",
                                crate::core::reader::describe(v)
                            ),
                        );
                    }
                    Some(x)
                })
                .collect();
            let color = r.opt_text(sm, &p, "color", 20);
            let rp = child(&p, "range");
            let range = match sm.get("range") {
                None | Some(Value::Null) => None,
                Some(_) => Some(
                    r.list(sm, &p, "range", MAX_AXES, false)
                        .iter()
                        .enumerate()
                        .map(|(j, v)| {
                            let ep = index(&rp, j);
                            match v.as_array().map(Vec::as_slice) {
                                _ if v.is_null() => None,
                                Some([lo, hi]) => Some([
                                    r.number_value(lo, &index(&ep, 0))?,
                                    r.number_value(hi, &index(&ep, 1))?,
                                ]),
                                _ => {
                                    r.err(&ep, "expected [low, high] or null");
                                    None
                                }
                            }
                        })
                        .collect(),
                ),
            };
            Some(Series {
                label,
                values,
                color,
                range,
            })
        })
        .collect();
    let bands = r
        .list(m, "", "bands", 20, false)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let p = index("bands", i);
            let bm = r.object(v, &p, &["label", "from"])?;
            Some(Band {
                label: r.text(bm, &p, "label", MAX_LABEL_CHARS),
                from: r.number(bm, &p, "from")?,
            })
        })
        .collect();
    let highlight = r
        .list(m, "", "highlight", MAX_AXES, false)
        .iter()
        .enumerate()
        .map(|(i, v)| r.text_value(v, &index("highlight", i), 100))
        .collect();
    let highlight_label = r.opt_text(m, "", "highlightLabel", 40);
    let mut size = |key: &str, default: u32| match m.get(key) {
        None | Some(Value::Null) => default,
        Some(v) => r
            .int_value(v, key)
            .map_or(default, |n| n.clamp(0, 100_000) as u32),
    };
    let (width, height) = (size("width", 640), size("height", 520));
    let title = r.opt_text(m, "", "title", MAX_LABEL_CHARS);
    let ticks = match m.get("ticks") {
        None | Some(Value::Null) => None,
        Some(_) => Some(
            r.list(m, "", "ticks", 11, false)
                .iter()
                .enumerate()
                .filter_map(|(i, v)| r.number_value(v, &index("ticks", i)))
                .collect(),
        ),
    };
    let places = match m.get("places") {
        None | Some(Value::Null) => 0,
        Some(v) => match r.int_value(v, "places") {
            Some(n @ 0..=6) => n as u32,
            Some(_) => {
                r.err("places", "must be 0 to 6");
                0
            }
            None => 0,
        },
    };
    Some(RadarChart {
        axes,
        series,
        bands,
        highlight,
        highlight_label,
        width,
        height,
        title,
        ticks,
        places,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Axis {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub label: String,
    /// One value per axis, 0 to 100; `null` where there is no score.
    pub values: Vec<Option<f64>>,
    /// A colour as `#rrggbb`; by default one of eight colours that stay distinct for
    /// people with colour-vision deficiency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// An optional range drawn as a shaded ring behind the series (for example the
    /// interquartile range of a team): `[low, high]` per axis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Vec<Option<[f64; 2]>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub label: String,
    /// Lower bound in percent.
    pub from: f64,
}

impl RadarChart {
    /// Reads a chart from JSON text, reporting every problem at its JSON path.
    pub fn from_json(text: &str) -> Result<RadarChart, Vec<Issue>> {
        let v = crate::core::reader::parse_json(text).map_err(|e| vec![e])?;
        RadarChart::from_value(&v)
    }

    pub fn from_value(v: &Value) -> Result<RadarChart, Vec<Issue>> {
        let mut r = Reader::default();
        let chart = read_chart(&mut r, v);
        match chart {
            Some(c) if r.issues.is_empty() => c.check().map(|()| c).map_err(|e| vec![e]),
            _ => Err(r.issues),
        }
    }

    /// Checks sizes, ranges and colours.
    pub fn check(&self) -> Result<(), Issue> {
        let err = |p: String, m: String| Err(Issue::new(p, m));
        if self.axes.is_empty() || self.axes.len() > MAX_AXES {
            return err(
                "axes".into(),
                format!("needs 1 to {MAX_AXES} axes, found {}", self.axes.len()),
            );
        }
        if self.series.len() > MAX_SERIES {
            return err(
                "series".into(),
                format!("at most {MAX_SERIES} series, found {}", self.series.len()),
            );
        }
        if !(100..=4000).contains(&self.width) {
            return err("width".into(), "must be between 100 and 4000 pixels".into());
        }
        if !(100..=4000).contains(&self.height) {
            return err(
                "height".into(),
                "must be between 100 and 4000 pixels".into(),
            );
        }
        for (i, a) in self.axes.iter().enumerate() {
            if crate::core::reader::char_count(&a.label) > MAX_LABEL_CHARS {
                return err(
                    child(&index("axes", i), "label"),
                    format!("is longer than {MAX_LABEL_CHARS} characters"),
                );
            }
        }
        for (i, s) in self.series.iter().enumerate() {
            let p = index("series", i);
            if crate::core::reader::char_count(&s.label) > MAX_LABEL_CHARS {
                return err(
                    child(&p, "label"),
                    format!("is longer than {MAX_LABEL_CHARS} characters"),
                );
            }
            if s.values.len() != self.axes.len() {
                return err(
                    child(&p, "values"),
                    format!("has {} values for {} axes", s.values.len(), self.axes.len()),
                );
            }
            for (j, v) in s.values.iter().enumerate() {
                if let Some(v) = v {
                    if !(0.0..=100.0).contains(v) {
                        return err(
                            index(&child(&p, "values"), j),
                            crate::core::num::outside_percent(*v),
                        );
                    }
                }
            }
            if let Some(r) = &s.range {
                if r.len() != self.axes.len() {
                    return err(
                        child(&p, "range"),
                        format!("has {} entries for {} axes", r.len(), self.axes.len()),
                    );
                }
                for (j, lh) in r.iter().enumerate() {
                    if let Some([lo, hi]) = lh {
                        if !(0.0..=100.0).contains(lo) || !(0.0..=100.0).contains(hi) || lo > hi {
                            return err(
                                index(&child(&p, "range"), j),
                                "must be [low, high] with 0 <= low <= high <= 100".into(),
                            );
                        }
                    }
                }
            }
            if let Some(c) = &s.color {
                if parse_color(c).is_none() {
                    return err(
                        child(&p, "color"),
                        format!(
                            "\"{}\" is not a colour like #005eb8",
                            c.chars().take(20).collect::<String>()
                        ),
                    );
                }
            }
        }
        for (i, b) in self.bands.iter().enumerate() {
            if !(0.0..=100.0).contains(&b.from) {
                return err(
                    child(&index("bands", i), "from"),
                    "must be between 0 and 100".into(),
                );
            }
        }
        for (i, h) in self.highlight.iter().enumerate() {
            if !self.axes.iter().any(|a| &a.id == h) {
                return err(
                    index("highlight", i),
                    format!(
                        "\"{}\" is not an axis id",
                        h.chars().take(40).collect::<String>()
                    ),
                );
            }
        }
        if let Some(t) = &self.ticks {
            if t.len() > 11 || t.iter().any(|v| !(0.0..=100.0).contains(v)) {
                return err(
                    "ticks".into(),
                    "at most 11 ticks, each between 0 and 100".into(),
                );
            }
        }
        Ok(())
    }

    pub fn is_highlighted(&self, axis: usize) -> bool {
        OVERLAYS && self.highlight.iter().any(|h| h == &self.axes[axis].id)
    }
}

/// Parses `#rrggbb` (or `#rgb`).
pub fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?.as_bytes();
    let d = |b: &u8| (*b as char).to_digit(16).map(|v| v as u8);
    match h {
        [r1, r2, g1, g2, b1, b2] => Some((
            d(r1)? * 16 + d(r2)?,
            d(g1)? * 16 + d(g2)?,
            d(b1)? * 16 + d(b2)?,
        )),
        [r, g, b] => Some((d(r)? * 17, d(g)? * 17, d(b)? * 17)),
        _ => None,
    }
}

/// The chart's data in words: a summary sentence and a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextAlternative {
    pub summary: String,
    /// Column headings: the axis column, then one per series.
    pub columns: Vec<String>,
    pub rows: Vec<TextRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextRow {
    pub axis: String,
    pub highlighted: bool,
    pub values: Vec<Option<f64>>,
}

/// A value in words: cut toward zero to the chart's places (`core::num::shown`).
fn pct(v: f64, places: u32) -> String {
    format!("{}%", crate::core::num::shown(Exact::Float(v), places))
}

/// A summary sentence (highest and lowest axes of each series) and the data as rows.
pub fn text_alternative(chart: &RadarChart) -> TextAlternative {
    TextAlternative {
        summary: summary(chart),
        columns: std::iter::once("Foundation".to_string())
            .chain(chart.series.iter().map(|s| s.label.clone()))
            .collect(),
        rows: chart
            .axes
            .iter()
            .enumerate()
            .map(|(i, a)| TextRow {
                axis: a.label.clone(),
                highlighted: chart.is_highlighted(i),
                values: chart.series.iter().map(|s| s.values[i]).collect(),
            })
            .collect(),
    }
}

/// The summary sentence of [`text_alternative`] alone (what a chart's text alternative
/// and an SVG's title say).
pub fn summary(chart: &RadarChart) -> String {
    summary_of(chart, true)
}

/// Names as a list: "A", "A and B", "A, B and C".
fn names(list: &[&str]) -> String {
    match list {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The summary: the chart's title ("Radar chart: …", when `with_title` and it has one),
/// then each series' highest and lowest axes, every axis of a tie named ("Highest A and
/// B (75%)"), and the marked axes. A widget that names the chart itself leaves the
/// title out, so that "Radar chart" is said once.
pub fn summary_of(chart: &RadarChart, with_title: bool) -> String {
    let mut sentences = Vec::new();
    if let Some(t) = chart.title.as_ref().filter(|_| with_title) {
        sentences.push(format!("Radar chart: {t}."));
    }
    for s in &chart.series {
        let scored: Vec<(usize, f64)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let who = if OVERLAYS && chart.series.len() > 1 {
            format!("{}: ", s.label)
        } else {
            String::new()
        };
        let Some(&(_, first)) = scored.first() else {
            sentences.push(format!("{who}no scores."));
            continue;
        };
        let hi = scored.iter().fold(first, |a, b| a.max(b.1));
        let lo = scored.iter().fold(first, |a, b| a.min(b.1));
        // Ties are told as they are shown: by the figures as written.
        let (hi_text, lo_text) = (pct(hi, chart.places), pct(lo, chart.places));
        let at = |v: &str| -> String {
            names(
                &scored
                    .iter()
                    .filter(|(_, x)| pct(*x, chart.places) == v)
                    .map(|(i, _)| chart.axes[*i].label.as_str())
                    .collect::<Vec<_>>(),
            )
        };
        let lead = if who.is_empty() { "Highest" } else { "highest" };
        let mut s2 = if scored.len() == 1 {
            format!("{who}{} {hi_text}", at(&hi_text))
        } else if hi_text == lo_text {
            let all = if who.is_empty() { "All" } else { "all" };
            format!("{who}{all} {} at {hi_text}", scored.len())
        } else {
            let (top, bottom) = (at(&hi_text), at(&lo_text));
            format!("{who}{lead} {top} ({hi_text}), lowest {bottom} ({lo_text})")
        };
        let missing = s.values.len() - scored.len();
        if missing > 0 {
            s2.push_str(&format!("; {missing} with no score"));
        }
        s2.push('.');
        sentences.push(s2);
    }
    let marked: Vec<&str> = chart
        .axes
        .iter()
        .enumerate()
        .filter(|(i, _)| chart.is_highlighted(*i))
        .map(|(_, a)| a.label.as_str())
        .collect();
    if !marked.is_empty() {
        let word = chart.highlight_label.as_deref().unwrap_or("split");
        sentences.push(format!("Marked {word}: {}.", marked.join(", ")));
    }
    sentences.join(" ")
}

/// Draws the chart as an SVG document. The SVG holds presentation attributes only (no
/// `style` attribute, no script); every label is escaped.
pub fn radar_svg(chart: &RadarChart) -> Result<String, Issue> {
    chart.check()?;
    radar_svg_of_valid(chart)
}

/// [`radar_svg`] without the check, for a chart that is valid already: one read by
/// [`RadarChart::from_value`], or made from a framework by [`chart_from_score`] (a
/// framework's limits are within a chart's; a test holds them to it) or by
/// [`chart_from_aggregate`] with labels within [`MAX_LABEL_CHARS`]. The widget draws
/// only these, so the check's code stays out of the embed.
pub fn radar_svg_of_valid(chart: &RadarChart) -> Result<String, Issue> {
    let mut out = String::new();
    let svg = svg::Svg::new(&mut out, (chart.width, chart.height), &summary(chart));
    draw::draw(svg, chart).map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))?;
    Ok(out)
}
