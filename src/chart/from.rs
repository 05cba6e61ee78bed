//! Chart input from results, so that most callers never build chart data by hand.

use super::{Axis, Band, RadarChart, Series};
use crate::aggregate::Aggregate;
use crate::framework::{Basis, Framework, Method};
use crate::issue::Issue;
use crate::score::ScoreResult;
use serde::Deserialize;

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
                let ranges: Vec<(f64, f64)> =
                    fw.foundations.iter().map(|f| fw.value_range(f)).collect();
                if fw.scoring.method == Method::Sum && ranges.windows(2).any(|w| w[0] != w[1]) {
                    return None;
                }
                let f = fw.foundations.first()?;
                Some(fw.value_to_percent(f, from))
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
            values: result.foundations.iter().map(|f| f.percent).collect(),
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
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AggregateChartOptions {
    /// Draw one series per published group instead of the whole partnership.
    #[serde(default)]
    pub by_group: bool,
    /// Label of the whole-partnership series (default "Partnership median").
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
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
            .filter(|g| !g.suppressed && g.n > 0)
            .take(super::MAX_SERIES)
            .map(|g| {
                let label = fw
                    .field(&g.field)
                    .and_then(|f| f.options.iter().find(|o| o.id == g.option))
                    .map_or(g.option.clone(), |o| o.label.clone());
                Series {
                    label: format!("{label} (n={})", g.n),
                    values: g.foundations.iter().map(|f| f.median).collect(),
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
            values: agg.foundations.iter().map(|f| f.median).collect(),
            color: None,
            range: Some(
                agg.foundations
                    .iter()
                    .map(|f| match (f.q1, f.q3) {
                        (Some(a), Some(b)) => Some([a, b]),
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
        width: opts.width.unwrap_or(640),
        height: opts.height.unwrap_or(520),
        title: Some(opts.title.clone().unwrap_or_else(|| fw.title.clone())),
        ticks: None,
    })
}
