//! Scoring one response: item values, foundation values and percents, bands, overall.

use crate::core::framework::{Framework, Method};
use crate::core::response::{Answer, Response};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Scored,
    /// Too few statements answered (not counting "Don't know") for a fair score.
    Insufficient,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationScore {
    pub id: String,
    pub status: Status,
    /// 0 to 100 between the lowest and highest value possible; `None` when insufficient.
    pub percent: Option<f64>,
    /// The weighted mean on the scale, or the weighted sum, of the answered items.
    pub value: Option<f64>,
    /// Band level id.
    pub band: Option<String>,
    pub answered: usize,
    pub dont_know: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Overall {
    pub percent: Option<f64>,
    pub value: Option<f64>,
    pub band: Option<String>,
    pub answered: usize,
    pub dont_know: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreResult {
    pub overall: Overall,
    pub foundations: Vec<FoundationScore>,
}

/// The value an answer contributes: flipped (min + max - v) for reverse items.
pub fn item_value(fw: &Framework, reverse: bool, v: i32) -> f64 {
    let v = f64::from(v);
    if reverse {
        f64::from(fw.scale.min) + f64::from(fw.scale.max) - v
    } else {
        v
    }
}

/// One foundation of one response, before it is dressed for output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    /// The foundation's value; `None` when insufficient.
    pub value: Option<f64>,
    pub answered: usize,
    pub dont_know: usize,
}

/// The value and counts of each foundation of a response: the arithmetic of scoring,
/// without the allocations of a [`ScoreResult`] (aggregation runs it for every
/// respondent).
pub fn tally(fw: &Framework, resp: &Response) -> Vec<Tally> {
    fw.foundations
        .iter()
        .map(|f| {
            let (mut wsum, mut wvsum, mut answered, mut dont_know) = (0.0, 0.0, 0usize, 0usize);
            for item in &f.items {
                match resp.answers.get(&item.id) {
                    Some(Answer::Value(v)) if (fw.scale.min..=fw.scale.max).contains(v) => {
                        answered += 1;
                        wsum += item.weight;
                        wvsum += item.weight * item_value(fw, item.reverse, *v);
                    }
                    Some(Answer::DontKnow) if fw.scale.dont_know.is_some() => dont_know += 1,
                    _ => {}
                }
            }
            let total = f.items.len();
            // The share is compared with a small tolerance so that, say, 2 of 4 meets 0.5.
            let enough =
                answered > 0 && answered as f64 + 1e-9 >= fw.scoring.min_answered * total as f64;
            let value = enough.then(|| {
                let mean = wvsum / wsum;
                match fw.scoring.method {
                    Method::Mean => mean,
                    // The sum is pro-rated to the foundation's full weight, so that a
                    // "Don't know" does not count as the lowest answer; with every item
                    // answered it is the plain weighted sum.
                    Method::Sum => mean * f.total_weight(),
                }
            });
            Tally {
                value,
                answered,
                dont_know,
            }
        })
        .collect()
}

/// Scores a response that has been checked against `fw` (see `Response::from_value`).
/// Answers to unknown items, or out of range, are ignored rather than trusted.
pub fn score(fw: &Framework, resp: &Response) -> ScoreResult {
    let mut foundations = Vec::with_capacity(fw.foundations.len());
    let (mut answered_all, mut dk_all, mut total_all) = (0, 0, 0);
    for (f, t) in fw.foundations.iter().zip(tally(fw, resp)) {
        let (value, answered, dont_know, total) = (t.value, t.answered, t.dont_know, f.items.len());
        answered_all += answered;
        dk_all += dont_know;
        total_all += total;
        let status = if value.is_some() {
            Status::Scored
        } else {
            Status::Insufficient
        };
        let percent = value.map(|v| fw.value_to_percent(f, v));
        let band = match (percent, value) {
            (Some(p), Some(v)) => fw.band(p, v).map(|l| l.id.clone()),
            _ => None,
        };
        foundations.push(FoundationScore {
            id: f.id.clone(),
            status,
            percent,
            value,
            band,
            answered,
            dont_know,
            total,
        });
    }
    let scored: Vec<&FoundationScore> = foundations
        .iter()
        .filter(|f| f.status == Status::Scored)
        .collect();
    let (percent, value) = if scored.is_empty() {
        (None, None)
    } else {
        let n = scored.len() as f64;
        (
            Some(scored.iter().filter_map(|f| f.percent).sum::<f64>() / n),
            Some(scored.iter().filter_map(|f| f.value).sum::<f64>() / n),
        )
    };
    let band = match (percent, value) {
        (Some(p), Some(v)) => fw.band(p, v).map(|l| l.id.clone()),
        _ => None,
    };
    ScoreResult {
        overall: Overall {
            percent,
            value,
            band,
            answered: answered_all,
            dont_know: dk_all,
            total: total_all,
        },
        foundations,
    }
}
