//! Bringing many responses together: statistics per foundation, consensus ("split"),
//! groups by a respondent field with small groups suppressed, and change against an
//! earlier round.

use crate::core::framework::{Foundation, Framework};
use crate::core::issue::Issue;
use crate::core::response::Response;
use crate::core::scoring::{tally, Tally};
use serde::Serialize;

/// Options for [`aggregate`].
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    /// A respondent field id to compare groups by.
    pub group_by: Option<String>,
    /// Groups with fewer respondents than this are suppressed (default 3).
    pub min_group_size: Option<usize>,
    /// The responses of an earlier round, for the change per foundation.
    pub previous: Option<&'a [Response]>,
}

pub const DEFAULT_MIN_GROUP_SIZE: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationStats {
    pub id: String,
    /// Respondents for whom this foundation was scored.
    pub n: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Sample standard deviation (n - 1); `None` below two respondents.
    pub sd: Option<f64>,
    /// Share of this foundation's statements answered "Don't know", over all respondents.
    pub dont_know_rate: Option<f64>,
    /// Band of the median.
    pub band: Option<String>,
    /// Share of respondents more than the consensus spread from the median.
    pub outside: Option<f64>,
    /// True when `outside` exceeds the framework's `consensus.maxOutside`.
    pub split: bool,
    /// Median now minus median in the previous round, in percent points.
    pub delta: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub field: String,
    pub option: String,
    pub n: usize,
    pub suppressed: bool,
    /// Empty when suppressed.
    pub foundations: Vec<FoundationStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregate {
    pub respondents: usize,
    pub foundations: Vec<FoundationStats>,
    pub groups: Vec<Group>,
}

/// The value at share `p` (0 to 1) of sorted data, interpolating linearly between order
/// statistics (the method of R's default `quantile`, type 7).
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// Statistics of one foundation over the tallies of a set of responses.
fn stats(fw: &Framework, fi: usize, f: &Foundation, members: &[&[Tally]]) -> FoundationStats {
    let mut xs: Vec<f64> = members
        .iter()
        .filter_map(|t| t[fi].value.map(|v| fw.value_to_percent(f, v)))
        .collect();
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let slots = members.len() * f.items.len();
    let dk: usize = members.iter().map(|t| t[fi].dont_know).sum();
    let dont_know_rate = (slots > 0).then(|| dk as f64 / slots as f64);
    if n == 0 {
        return FoundationStats {
            id: f.id.clone(),
            n,
            mean: None,
            median: None,
            q1: None,
            q3: None,
            min: None,
            max: None,
            sd: None,
            dont_know_rate,
            band: None,
            outside: None,
            split: false,
            delta: None,
        };
    }
    let mean = xs.iter().sum::<f64>() / n as f64;
    let sd = (n > 1)
        .then(|| (xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    let median = quantile(&xs, 0.5);
    let band = median.and_then(|m| fw.band(m, fw.percent_to_value(f, m)).map(|l| l.id.clone()));
    let (outside, split) = match (&fw.consensus, median) {
        (Some(c), Some(m)) => {
            let spread = c.spread / fw.scale.range() * 100.0;
            let out = xs.iter().filter(|x| (*x - m).abs() > spread + 1e-9).count();
            let share = out as f64 / n as f64;
            (Some(share), share > c.max_outside + 1e-12)
        }
        _ => (None, false),
    };
    FoundationStats {
        id: f.id.clone(),
        n,
        mean: Some(mean),
        median,
        q1: quantile(&xs, 0.25),
        q3: quantile(&xs, 0.75),
        min: xs.first().copied(),
        max: xs.last().copied(),
        sd,
        dont_know_rate,
        band,
        outside,
        split,
        delta: None,
    }
}

fn all_stats(fw: &Framework, members: &[&[Tally]]) -> Vec<FoundationStats> {
    fw.foundations
        .iter()
        .enumerate()
        .map(|(fi, f)| stats(fw, fi, f, members))
        .collect()
}

/// Aggregates responses that have been checked against `fw`.
pub fn aggregate(
    fw: &Framework,
    responses: &[Response],
    opts: &Options,
) -> Result<Aggregate, Issue> {
    let tallies: Vec<Vec<Tally>> = responses.iter().map(|r| tally(fw, r)).collect();
    let members: Vec<&[Tally]> = tallies.iter().map(Vec::as_slice).collect();
    let mut foundations = all_stats(fw, &members);
    if let Some(prev) = opts.previous {
        let ptallies: Vec<Vec<Tally>> = prev.iter().map(|r| tally(fw, r)).collect();
        let pmembers: Vec<&[Tally]> = ptallies.iter().map(Vec::as_slice).collect();
        let before = all_stats(fw, &pmembers);
        for (now, then) in foundations.iter_mut().zip(before) {
            now.delta = match (now.median, then.median) {
                (Some(a), Some(b)) => Some(a - b),
                _ => None,
            };
        }
    }
    let min_size = opts.min_group_size.unwrap_or(DEFAULT_MIN_GROUP_SIZE).max(1);
    let groups = match &opts.group_by {
        None => Vec::new(),
        Some(field_id) => {
            let field = fw.field(field_id).ok_or_else(|| {
                Issue::new(
                    "options.groupBy",
                    format!("\"{field_id}\" is not a respondent field of this framework"),
                )
            })?;
            let grouped: Vec<Vec<&[Tally]>> = field
                .options
                .iter()
                .map(|o| {
                    responses
                        .iter()
                        .zip(&members)
                        .filter(|(r, _)| r.respondent.get(field_id) == Some(&o.id))
                        .map(|(_, t)| *t)
                        .collect()
                })
                .collect();
            let unanswered = members.len() - grouped.iter().map(Vec::len).sum::<usize>();
            let suppressed = suppression(
                &grouped.iter().map(Vec::len).collect::<Vec<_>>(),
                unanswered,
                min_size,
            );
            field
                .options
                .iter()
                .zip(&grouped)
                .zip(suppressed)
                .map(|((o, g), suppressed)| Group {
                    field: field.id.clone(),
                    option: o.id.clone(),
                    n: g.len(),
                    suppressed,
                    foundations: if suppressed {
                        Vec::new()
                    } else {
                        all_stats(fw, g)
                    },
                })
                .collect()
        }
    };
    Ok(Aggregate {
        respondents: responses.len(),
        foundations,
        groups,
    })
}

/// Which groups to suppress. Every group smaller than `min_size` (but not empty) is
/// suppressed. Then, since the totals for everyone are published too, the people left
/// out of the published groups (suppressed groups plus those who did not answer the
/// field) must not be a crowd of 1 or 2 either, or subtracting the published groups
/// from the total would reveal them: while they are fewer than `min_size`, the
/// smallest published group is suppressed as well.
pub fn suppression(sizes: &[usize], unanswered: usize, min_size: usize) -> Vec<bool> {
    let mut suppressed: Vec<bool> = sizes.iter().map(|&n| n > 0 && n < min_size).collect();
    loop {
        let hidden: usize = unanswered
            + sizes
                .iter()
                .zip(&suppressed)
                .filter(|(_, s)| **s)
                .map(|(n, _)| n)
                .sum::<usize>();
        if hidden == 0 || hidden >= min_size {
            return suppressed;
        }
        let next = sizes
            .iter()
            .enumerate()
            .filter(|(i, n)| !suppressed[*i] && **n > 0)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        match next {
            Some(i) => suppressed[i] = true,
            None => return suppressed,
        }
    }
}
