//! Scoring one response: item values, foundation values and percents, bands, overall.

use crate::core::exact::Exact;
use crate::core::framework::{Framework, Method, Scale};
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
    /// 0 to 100 between the lowest and highest value possible, exact (see
    /// [`Exact`]); `None` when insufficient.
    pub percent: Option<Exact>,
    /// The weighted mean on the scale, or the weighted sum, of the answered items.
    pub value: Option<Exact>,
    /// Band level id.
    pub band: Option<String>,
    pub answered: usize,
    pub dont_know: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Overall {
    /// The mean of the scored foundations' percents.
    pub percent: Option<Exact>,
    pub value: Option<Exact>,
    /// The band of the overall score; `None` while it is provisional.
    pub band: Option<String>,
    /// True when fewer foundations are scored than the framework's
    /// `scoring.overallMinShare` asks for: the overall percent is shown as provisional,
    /// without a band.
    pub provisional: bool,
    /// Foundations scored, of `foundations`.
    pub scored: usize,
    pub foundations: usize,
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

impl ScoreResult {
    /// The result as JSON text, as serde_json writes it from the serde derive above
    /// (fields in order, camelCase, `null` for nothing), with every number that is not
    /// a count written by `number` (a property test holds the two equal, given serde
    /// json's own number writer). The element gives its `fc-complete` detail this way,
    /// through `JSON.parse` with JavaScript's own number text: serde-wasm-bindgen's
    /// serializer measured 3.4 KB of the 100,000-byte gzipped self-check embed, and
    /// serde_json's (with its float printing) more.
    pub fn to_json_with(&self, number: &dyn Fn(f64) -> String) -> String {
        use crate::codec::json::push_str;
        fn opt_num(out: &mut String, name: &str, v: Option<Exact>, number: &dyn Fn(f64) -> String) {
            out.push_str(name);
            match v {
                Some(x) => out.push_str(&number(x.get())),
                None => out.push_str("null"),
            }
        }
        fn opt_str(out: &mut String, v: &Option<String>) {
            out.push_str(",\"band\":");
            match v {
                Some(b) => push_str(out, b),
                None => out.push_str("null"),
            }
        }
        fn counts(out: &mut String, answered: usize, dont_know: usize, total: usize) {
            for (name, n) in [
                (",\"answered\":", answered),
                (",\"dontKnow\":", dont_know),
                (",\"total\":", total),
            ] {
                out.push_str(name);
                out.push_str(&n.to_string());
            }
        }
        let o = &self.overall;
        let mut out = String::new();
        opt_num(&mut out, "{\"overall\":{\"percent\":", o.percent, number);
        opt_num(&mut out, ",\"value\":", o.value, number);
        opt_str(&mut out, &o.band);
        out.push_str(if o.provisional {
            ",\"provisional\":true,\"scored\":"
        } else {
            ",\"provisional\":false,\"scored\":"
        });
        out.push_str(&o.scored.to_string());
        out.push_str(",\"foundations\":");
        out.push_str(&o.foundations.to_string());
        counts(&mut out, o.answered, o.dont_know, o.total);
        out.push_str("},\"foundations\":[");
        for (k, f) in self.foundations.iter().enumerate() {
            out.push_str(if k == 0 { "{\"id\":" } else { ",{\"id\":" });
            push_str(&mut out, &f.id);
            out.push_str(match f.status {
                Status::Scored => ",\"status\":\"scored\"",
                Status::Insufficient => ",\"status\":\"insufficient\"",
            });
            opt_num(&mut out, ",\"percent\":", f.percent, number);
            opt_num(&mut out, ",\"value\":", f.value, number);
            opt_str(&mut out, &f.band);
            counts(&mut out, f.answered, f.dont_know, f.total);
            out.push('}');
        }
        out.push_str("]}");
        out
    }
}

/// The value an answer contributes on its scale: flipped (`min + max - v`) for reverse
/// items.
pub fn item_value(scale: &Scale, reverse: bool, v: i32) -> i32 {
    scale.value(reverse, v)
}

/// One foundation of one response, before it is dressed for output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    /// The foundation's value; `None` when insufficient.
    pub value: Option<Exact>,
    /// The same on 0 to 100.
    pub percent: Option<Exact>,
    pub answered: usize,
    pub dont_know: usize,
}

/// The value and counts of each foundation of a response: the arithmetic of scoring,
/// exact, without the allocations of a [`ScoreResult`] (aggregation runs it for every
/// respondent).
pub fn tally(fw: &Framework, resp: &Response) -> Vec<Tally> {
    let min_share = Exact::from_decimal(fw.scoring.min_answered);
    let slots = fw.in_item_order(resp.answers.iter());
    let mut at = 0;
    fw.foundations
        .iter()
        .map(|f| {
            let answers = &slots[at..at + f.items.len()];
            at += f.items.len();
            let (weights, _) = f.weights();
            let fscale = fw.foundation_scale(f);
            // Σ wᵢ(vᵢ - minᵢ) and Σ wᵢ in whole multiples of the weights' unit; while
            // every answered item is on the foundation's scale, Σ wᵢvᵢ too (the mean on
            // the scale).
            let (mut wv, mut w, mut answered, mut dont_know) = (0i64, 0i64, 0usize, 0usize);
            let mut above = 0i64;
            let mut range: Option<i32> = None;
            // Σ wᵢ(vᵢ - minᵢ) / rangeᵢ, exactly, once answered items' ranges differ (until
            // then every answer so far shares the first range and `above` holds it all).
            let mut share: Option<Exact> = None;
            let mut own = false;
            for ((item, weight), a) in f.items.iter().zip(weights).zip(answers) {
                let scale = fw.item_scale(f, item);
                match a {
                    Some(Answer::Value(v)) if scale.contains(*v) => {
                        answered += 1;
                        let r = scale.max - scale.min;
                        match range {
                            None => range = Some(r),
                            Some(first) if first != r && share.is_none() => {
                                share = Some(Exact::frac(above, i64::from(first)));
                            }
                            _ => {}
                        }
                        own |= !scale.same_range(fscale);
                        // At most 50 × 10^12 × 2000: no overflow (see core::exact).
                        let value = i64::from(scale.value(item.reverse, *v));
                        let up = weight * (value - i64::from(scale.min));
                        w += weight;
                        wv += weight * value;
                        above += up;
                        if let Some(s) = &mut share {
                            *s = s.add(Exact::frac(up, i64::from(r)));
                        }
                    }
                    Some(Answer::DontKnow) if scale.dont_know.is_some() => dont_know += 1,
                    _ => {}
                }
            }
            let total = f.items.len();
            let enough = answered > 0
                && Exact::int(answered as i64) >= min_share.mul(Exact::int(total as i64));
            let Some(range) = range.filter(|_| enough) else {
                return Tally {
                    value: None,
                    percent: None,
                    answered,
                    dont_know,
                };
            };
            // The weighted mean of each answer's place on 0 to 100 of its own scale: with
            // one range, Σ wᵢ(vᵢ - minᵢ) / (range × Σ wᵢ) × 100, as whole numbers; with
            // ranges that differ, the exact sum of shares × 100 / Σ wᵢ.
            let percent = match share {
                Some(share) => share.mul(Exact::int(100)).div(Exact::int(w)),
                None => Exact::int(above)
                    .mul(Exact::int(100))
                    .div(Exact::int(i64::from(range) * w)),
            };
            // The mean on the foundation's scale: Σ wᵢvᵢ / Σ wᵢ when every answer is on
            // it, otherwise the percent placed on it.
            let mean = if own {
                let (lo, hi) = (i64::from(fscale.min), i64::from(fscale.max));
                Exact::int(lo).add(percent.mul(Exact::frac(hi - lo, 100)))
            } else {
                Exact::frac(wv, w)
            };
            let value = match fw.scoring.method {
                Method::Mean => mean,
                // The sum is pro-rated to the foundation's full weight, so that a
                // "Don't know" does not count as the lowest answer; with every item
                // answered it is the plain weighted sum.
                Method::Sum => mean.mul(f.total_weight()),
            };
            Tally {
                value: Some(value),
                percent: Some(percent),
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
    let (mut psum, mut vsum, mut scored) = (Exact::ZERO, Exact::ZERO, 0usize);
    for (f, t) in fw.foundations.iter().zip(tally(fw, resp)) {
        answered_all += t.answered;
        dk_all += t.dont_know;
        total_all += f.items.len();
        let band = match (t.percent, t.value) {
            (Some(p), Some(v)) => {
                scored += 1;
                psum = psum.add(p);
                vsum = vsum.add(v);
                fw.band(p, v).map(|l| l.id.clone())
            }
            _ => None,
        };
        foundations.push(FoundationScore {
            id: f.id.clone(),
            status: if t.value.is_some() {
                Status::Scored
            } else {
                Status::Insufficient
            },
            percent: t.percent,
            value: t.value,
            band,
            answered: t.answered,
            dont_know: t.dont_know,
            total: f.items.len(),
        });
    }
    let n = fw.foundations.len();
    let (percent, value) = if scored == 0 {
        (None, None)
    } else {
        (Some(psum.div_int(scored)), Some(vsum.div_int(scored)))
    };
    let provisional = scored > 0
        && Exact::int(scored as i64)
            < Exact::from_decimal(fw.scoring.overall_min_share).mul(Exact::int(n as i64));
    let band = match (percent, value) {
        (Some(p), Some(v)) if !provisional => fw.band(p, v).map(|l| l.id.clone()),
        _ => None,
    };
    ScoreResult {
        overall: Overall {
            percent,
            value,
            band,
            provisional,
            scored,
            foundations: n,
            answered: answered_all,
            dont_know: dk_all,
            total: total_all,
        },
        foundations,
    }
}
