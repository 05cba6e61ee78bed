//! Chart input from results, so that most callers never build chart data by hand.

use super::{Axis, Band, RadarChart, Series};
use crate::codec::json::Value;
use crate::core::aggregation::{Aggregate, Withheld};
use crate::core::exact::Exact;
use crate::core::framework::{Basis, Framework, Method};
use crate::core::issue::Issue;
use crate::core::scoring::ScoreResult;

fn axes(fw: &Framework) -> Vec<Axis> {
    fw.foundations
        .iter()
        .map(|f| Axis {
            id: f.id.clone(),
            label: f.label().to_string(),
        })
        .collect()
}

/// The framework's bands as rings in percent. On the scale basis they convert exactly
/// only when every foundation has the same value range (always so for "mean"); when
/// they differ no rings are drawn rather than misleading ones.
fn bands(fw: &Framework) -> Vec<Band> {
    let to_percent = |from: f64| -> Option<f64> {
        match fw.bands.basis {
            Basis::Percent => Some(from),
            Basis::Scale => {
                let ranges: Vec<(Exact, Exact)> =
                    fw.foundations.iter().map(|f| fw.value_range(f)).collect();
                if fw.scoring.method == Method::Sum && ranges.windows(2).any(|w| w[0] != w[1]) {
                    return None;
                }
                let f = fw.foundations.first()?;
                Some(fw.value_to_percent(f, Exact::from_decimal(from)).get())
            }
        }
    };
    let out: Option<Vec<Band>> = fw
        .bands
        .levels
        .iter()
        .map(|l| {
            to_percent(l.from).map(|from| Band {
                label: l.label.clone(),
                from,
            })
        })
        .collect();
    let mut out = out.unwrap_or_default();
    // Several levels at or below the bottom of the scale all start at 0; the last of
    // them is the one a score of 0 gets.
    if let Some(k) = out.iter().rposition(|b| b.from <= 0.0) {
        out.drain(..k);
    }
    out
}

fn check_ids(fw: &Framework, ids: impl Iterator<Item = String>, what: &str) -> Result<(), Issue> {
    let ids: Vec<String> = ids.collect();
    let want: Vec<&str> = fw.foundations.iter().map(|f| f.id.as_str()).collect();
    if ids.len() != want.len() || ids.iter().zip(&want).any(|(a, b)| a != b) {
        return Err(Issue::new(
            "foundations",
            format!(
                "this {what} does not match the framework's foundations ({})",
                want.join(", ")
            ),
        ));
    }
    Ok(())
}

/// A one-series chart of a person's result.
pub fn chart_from_score(
    fw: &Framework,
    result: &ScoreResult,
    label: Option<&str>,
) -> Result<RadarChart, Issue> {
    check_ids(
        fw,
        result.foundations.iter().map(|f| f.id.clone()),
        "result",
    )?;
    Ok(RadarChart {
        axes: axes(fw),
        series: vec![Series {
            label: label.unwrap_or("Your answers").to_string(),
            values: result
                .foundations
                .iter()
                .map(|f| f.percent.map(Exact::get))
                .collect(),
            color: None,
            range: None,
        }],
        bands: bands(fw),
        highlight: Vec::new(),
        highlight_label: None,
        width: 640,
        height: 520,
        title: Some(fw.title.clone()),
        ticks: None,
        places: fw.places(),
    })
}

#[derive(Debug, Clone, Default)]
pub struct AggregateChartOptions {
    /// Draw one series per published group instead of the whole partnership.
    pub by_group: bool,
    /// Label of the whole-partnership series (default "Partnership median (n=…)").
    pub label: Option<String>,
    pub title: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

impl AggregateChartOptions {
    pub fn from_value(v: &Value) -> Result<Self, Vec<Issue>> {
        let mut r = crate::core::reader::Reader::default();
        let mut o = AggregateChartOptions::default();
        if let Some(m) = r.object(
            v,
            "options",
            &["byGroup", "label", "title", "width", "height"],
        ) {
            o.by_group = r.opt_bool(m, "options", "byGroup");
            o.label = r.opt_text(m, "options", "label", super::MAX_LABEL_CHARS);
            o.title = r.opt_text(m, "options", "title", super::MAX_LABEL_CHARS);
            for (key, slot) in [("width", &mut o.width), ("height", &mut o.height)] {
                if let Some(v) = m.get(key).filter(|v| !v.is_null()) {
                    *slot = r
                        .int_value(v, &format!("options.{key}"))
                        .map(|n| n.clamp(0, 100_000) as u32);
                }
            }
        }
        if r.issues.is_empty() {
            Ok(o)
        } else {
            Err(r.issues)
        }
    }
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

/// A number given back from JavaScript, as the decimal it is where it is one.
fn exact(v: &Value, key: &str) -> Option<Exact> {
    num(v, key).map(Exact::from_decimal)
}

/// Reads the parts of a score result that a chart needs (from JavaScript).
pub fn score_from_value(v: &Value) -> Result<ScoreResult, Issue> {
    let list = v
        .get("foundations")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            Issue::new(
                "foundations",
                "expected the list of foundations of a score result",
            )
        })?;
    let mut foundations = Vec::with_capacity(list.len());
    for (i, f) in list.iter().enumerate() {
        let id = f
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| Issue::new(format!("foundations[{i}].id"), "is required"))?;
        let percent = exact(f, "percent").filter(|p| *p >= Exact::ZERO && *p <= Exact::int(100));
        foundations.push(crate::core::scoring::FoundationScore {
            id: id.to_string(),
            status: if percent.is_some() {
                crate::core::scoring::Status::Scored
            } else {
                crate::core::scoring::Status::Insufficient
            },
            percent,
            value: exact(f, "value"),
            band: None,
            answered: 0,
            dont_know: 0,
            total: 0,
        });
    }
    Ok(ScoreResult {
        overall: crate::core::scoring::Overall {
            percent: None,
            value: None,
            band: None,
            provisional: false,
            scored: 0,
            foundations: 0,
            answered: 0,
            dont_know: 0,
            total: 0,
        },
        foundations,
    })
}

fn stats_from_value(
    v: &Value,
    path: &str,
) -> Result<crate::core::aggregation::FoundationStats, Issue> {
    let id = v
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| Issue::new(format!("{path}.id"), "is required"))?;
    let pct = |key: &str| exact(v, key).filter(|p| *p >= Exact::ZERO && *p <= Exact::int(100));
    let withheld = match v.get("withheld").and_then(Value::as_str) {
        Some("fewerThanMinimum") => Some(Withheld::FewerThanMinimum),
        Some("complementary") => Some(Withheld::Complementary),
        _ => None,
    };
    Ok(crate::core::aggregation::FoundationStats {
        id: id.to_string(),
        n: v.get("n").and_then(Value::as_u64).unwrap_or(0) as usize,
        withheld,
        mean: pct("mean"),
        median: pct("median"),
        q1: pct("q1"),
        q3: pct("q3"),
        min: pct("min"),
        max: pct("max"),
        sd: num(v, "sd"),
        dont_know_rate: exact(v, "dontKnowRate"),
        band: None,
        outside: exact(v, "outside"),
        split: v.get("split").and_then(Value::as_bool).unwrap_or(false),
        delta: exact(v, "delta"),
        change: match v.get("change").and_then(Value::as_str) {
            Some("up") => Some(crate::core::aggregation::Change::Up),
            Some("down") => Some(crate::core::aggregation::Change::Down),
            Some("steady") => Some(crate::core::aggregation::Change::Steady),
            _ => None,
        },
        change_p: num(v, "changeP"),
    })
}

/// Reads the parts of an aggregate that a chart needs (from JavaScript).
pub fn aggregate_from_value(v: &Value) -> Result<Aggregate, Issue> {
    let list = |v: &Value, key: &str, path: &str| -> Result<Vec<Value>, Issue> {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .ok_or_else(|| Issue::new(path.to_string(), "expected a list"))
    };
    let foundations = list(v, "foundations", "foundations")?
        .iter()
        .enumerate()
        .map(|(i, f)| stats_from_value(f, &format!("foundations[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut groups = Vec::new();
    if v.get("groups").is_some() {
        for (i, g) in list(v, "groups", "groups")?.iter().enumerate() {
            let p = format!("groups[{i}]");
            let text = |key: &str| {
                g.get(key)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| Issue::new(format!("{p}.{key}"), "is required"))
            };
            let fs = list(g, "foundations", &format!("{p}.foundations"))?;
            groups.push(crate::core::aggregation::Group {
                field: text("field")?,
                option: text("option")?,
                n: g.get("n").and_then(Value::as_u64).unwrap_or(0) as usize,
                suppressed: g.get("suppressed").and_then(Value::as_bool).unwrap_or(true),
                foundations: fs
                    .iter()
                    .enumerate()
                    .map(|(j, f)| stats_from_value(f, &format!("{p}.foundations[{j}]")))
                    .collect::<Result<Vec<_>, _>>()?,
            });
        }
    }
    Ok(Aggregate {
        respondents: v.get("respondents").and_then(Value::as_u64).unwrap_or(0) as usize,
        min_group_size: v.get("minGroupSize").and_then(Value::as_u64).unwrap_or(1) as usize,
        foundations,
        groups,
    })
}

/// A chart of a team: the median per foundation with the interquartile range as a
/// shaded band and split foundations marked; or, `by_group`, one series per published
/// group (suppressed groups are left out and named in the title's place by the caller).
pub fn chart_from_aggregate(
    fw: &Framework,
    agg: &Aggregate,
    opts: &AggregateChartOptions,
) -> Result<RadarChart, Issue> {
    check_ids(
        fw,
        agg.foundations.iter().map(|f| f.id.clone()),
        "aggregate",
    )?;
    let series: Vec<Series> = if opts.by_group {
        agg.groups
            .iter()
            .filter(|g| !g.suppressed && g.n > 0 && g.foundations.len() == fw.foundations.len())
            .take(super::MAX_SERIES)
            .map(|g| {
                let label = fw
                    .field(&g.field)
                    .and_then(|f| f.options.iter().find(|o| o.id == g.option))
                    .map_or(g.option.clone(), |o| o.label.clone());
                Series {
                    label: format!("{label} (n={})", g.n),
                    values: g
                        .foundations
                        .iter()
                        .map(|f| f.median.map(Exact::get))
                        .collect(),
                    color: None,
                    range: None,
                }
            })
            .collect()
    } else {
        vec![Series {
            label: opts
                .label
                .clone()
                .unwrap_or_else(|| format!("Partnership median (n={})", agg.respondents)),
            values: agg
                .foundations
                .iter()
                .map(|f| f.median.map(Exact::get))
                .collect(),
            color: None,
            range: Some(
                agg.foundations
                    .iter()
                    .map(|f| match (f.q1, f.q3) {
                        (Some(a), Some(b)) => Some([a.get(), b.get()]),
                        _ => None,
                    })
                    .collect(),
            ),
        }]
    };
    Ok(RadarChart {
        axes: axes(fw),
        series,
        bands: bands(fw),
        highlight: agg
            .foundations
            .iter()
            .filter(|f| f.split)
            .map(|f| f.id.clone())
            .collect(),
        highlight_label: None,
        width: opts.width.unwrap_or(640).clamp(100, 4000),
        height: opts.height.unwrap_or(520).clamp(100, 4000),
        title: Some(opts.title.clone().unwrap_or_else(|| fw.title.clone())),
        ticks: None,
        places: fw.places(),
    })
}
