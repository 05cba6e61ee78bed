//! Bringing many responses together: statistics per foundation, consensus ("split"),
//! groups by a respondent field, change against an earlier round, and suppression:
//! no figure rests on fewer people than the minimum.
//!
//! Statistics are exact (see [`Exact`]): medians and quartiles of exact percents,
//! interpolated exactly; means and shares as fractions. Only the standard deviation
//! (a square root) is a float.
//!
//! ## Suppression
//! With a minimum `k` (`minGroupSize`, default 3), a figure is withheld when:
//! - it rests on fewer than `k` people: the foundation's statistics for the whole team
//!   or for a group, when fewer than `k` people were scored on that foundation there
//!   ([`Withheld::FewerThanMinimum`]); a group with fewer than `k` members is withheld
//!   whole;
//! - or publishing it would let someone work out fewer than `k` people's answers by
//!   subtraction (complementary suppression): for each foundation, the people scored
//!   for the whole team but in no published group's figure must be none or at least
//!   `k`; while they are 1 to `k − 1`, the smallest published group's figure for that
//!   foundation is withheld too ([`Withheld::Complementary`]). The same rule holds for
//!   group sizes (people who did not answer the field count as hidden).
//!
//! ## Change between rounds
//! With an earlier round, each foundation's change is the median now minus the median
//! then, in percent points (`delta`), always shown. Whether it is a clear change is
//! judged on everyone's percents in both rounds by the Mann–Whitney rank test (the
//! Wilcoxon rank-sum test: suited to answers on an ordered scale, and to rounds of
//! different sizes), two-sided, at the 5 % level, with the normal approximation and its
//! corrections for ties and continuity ([`rank_test`]). "No clear change" means the
//! test cannot tell the rounds apart at that level; a clear change is a rise when people
//! now tend to score higher. A change rests on both rounds, so it is withheld unless
//! each has the minimum number of people.
//!
//! A withheld figure has no statistics (no median, quartiles, mean, spread, split,
//! don't-know share or change); its `n` is kept so that the reason can be shown. The
//! npm API returns every figure only when asked for `raw` figures.

use crate::core::exact::Exact;
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
    /// The fewest people a published figure may rest on (default 3).
    pub min_group_size: Option<usize>,
    /// The responses of an earlier round, for the change per foundation.
    pub previous: Option<&'a [Response]>,
    /// Every figure, with no suppression: for a caller that does its own.
    pub raw: bool,
}

pub const DEFAULT_MIN_GROUP_SIZE: usize = 3;

/// Why a figure is withheld.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Withheld {
    /// Fewer people than the minimum were scored for it.
    FewerThanMinimum,
    /// Publishing it would let someone work out fewer people's answers than the
    /// minimum from the other figures.
    Complementary,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationStats {
    pub id: String,
    /// Respondents for whom this foundation was scored.
    pub n: usize,
    /// Why the statistics below are withheld, if they are.
    pub withheld: Option<Withheld>,
    pub mean: Option<Exact>,
    pub median: Option<Exact>,
    pub q1: Option<Exact>,
    pub q3: Option<Exact>,
    pub min: Option<Exact>,
    pub max: Option<Exact>,
    /// Sample standard deviation (n - 1); `None` below two respondents.
    pub sd: Option<f64>,
    /// Share of this foundation's statements answered "Don't know", over all respondents.
    pub dont_know_rate: Option<Exact>,
    /// Band of the median.
    pub band: Option<String>,
    /// Share of respondents more than the consensus spread from the median.
    pub outside: Option<Exact>,
    /// True when `outside` exceeds the framework's `consensus.maxOutside`.
    pub split: bool,
    /// Median now minus median in the previous round, in percent points.
    pub delta: Option<Exact>,
    /// Whether that is a clear change, by the rank test of the module comment.
    pub change: Option<Change>,
    /// The test's two-sided p-value.
    pub change_p: Option<f64>,
}

/// How a foundation moved between rounds (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// People now tend to score higher, clearly (p < 0.05).
    Up,
    /// People now tend to score lower, clearly.
    Down,
    /// No clear change: the test cannot tell the rounds apart.
    Steady,
}

/// Values with how many times each occurs, in ascending order: a foundation's
/// percents counted rather than sorted one by one (answers on a scale take few values,
/// so ten thousand people give a few hundred at most; every statistic below is then
/// worked out over those, exactly).
#[derive(Debug, Clone, Default)]
pub struct Counted {
    /// (value, how many), ascending.
    pub values: Vec<(Exact, usize)>,
    /// How many in all.
    pub n: usize,
}

impl Counted {
    /// Counts `xs`.
    pub fn of(xs: impl Iterator<Item = Exact>) -> Counted {
        // Fractions are kept reduced, so equal fractions are equal keys; a float falls
        // back to its bits (and sorts beside an equal fraction, which is harmless).
        #[derive(PartialEq, Eq, Hash)]
        enum Key {
            Frac(i64, i64),
            Float(u64),
        }
        let mut counts: std::collections::HashMap<Key, (Exact, usize)> =
            std::collections::HashMap::new();
        let mut n = 0;
        for x in xs {
            n += 1;
            let key = match x {
                Exact::Frac(a, b) => Key::Frac(a, b),
                Exact::Float(f) => Key::Float(f.to_bits()),
            };
            counts.entry(key).or_insert((x, 0)).1 += 1;
        }
        let mut values: Vec<(Exact, usize)> = counts.into_values().collect();
        values.sort_by(|a, b| a.0.cmp(&b.0));
        Counted { values, n }
    }

    /// The `k`-th smallest value (from 0).
    fn nth(&self, mut k: usize) -> Option<Exact> {
        for (v, c) in &self.values {
            if k < *c {
                return Some(*v);
            }
            k -= c;
        }
        None
    }

    /// The value at share `p` (0 to 1), interpolating linearly between order
    /// statistics (R's type 7), exactly: as [`quantile`] of the sorted values.
    pub fn quantile(&self, p: Exact) -> Option<Exact> {
        let last = self.n.checked_sub(1)?;
        let h = Exact::int(last as i64).mul(p);
        let lo = h.trunc_scaled(0).clamp(0, last as i64) as usize;
        let hi = (lo + 1).min(last);
        let (a, b) = (self.nth(lo)?, self.nth(hi)?);
        Some(a.add(h.sub(Exact::int(lo as i64)).mul(b.sub(a))))
    }
}

/// The Mann–Whitney rank test of `now` against `then`: `(z, p)`, the normal
/// approximation's statistic (positive when `now` tends higher) and two-sided p-value,
/// with average ranks for ties, the tie correction of the variance, and a continuity
/// correction of 0.5. `None` when either side is empty or every value is the same.
pub fn rank_test(now: &[Exact], then: &[Exact]) -> Option<(f64, f64)> {
    rank_test_counted(
        &Counted::of(now.iter().copied()),
        &Counted::of(then.iter().copied()),
    )
}

/// [`rank_test`] over counted values: each run of equal values shares its average rank.
pub fn rank_test_counted(now: &Counted, then: &Counted) -> Option<(f64, f64)> {
    let (n1, n2) = (now.n, then.n);
    if n1 == 0 || n2 == 0 {
        return None;
    }
    // Both lists are ascending: walk them together, a value at a time.
    let (mut i, mut j, mut below) = (0, 0, 0usize);
    let (mut r1, mut ties) = (0.0f64, 0.0f64);
    loop {
        let v = match (now.values.get(i), then.values.get(j)) {
            (Some(a), Some(b)) => a.0.min(b.0),
            (Some(a), None) => a.0,
            (None, Some(b)) => b.0,
            (None, None) => break,
        };
        let mut here_now = 0;
        while let Some((x, c)) = now.values.get(i).filter(|(x, _)| *x == v) {
            let _ = x;
            here_now += c;
            i += 1;
        }
        let mut here_then = 0;
        while let Some((_, c)) = then.values.get(j).filter(|(x, _)| *x == v) {
            here_then += c;
            j += 1;
        }
        let t = (here_now + here_then) as f64;
        // Ranks below+1 ..= below+t share their average.
        let rank = below as f64 + (t + 1.0) / 2.0;
        ties += t * t * t - t;
        r1 += rank * here_now as f64;
        below += here_now + here_then;
    }
    let (a, b, nn) = (n1 as f64, n2 as f64, (n1 + n2) as f64);
    let u = r1 - a * (a + 1.0) / 2.0;
    let mean = a * b / 2.0;
    let var = a * b / 12.0 * ((nn + 1.0) - ties / (nn * (nn - 1.0)));
    if var <= 0.0 {
        return None;
    }
    let d = u - mean;
    let z = if d.abs() <= 0.5 {
        0.0
    } else {
        (d.abs() - 0.5) / var.sqrt() * d.signum()
    };
    let p = libm::erfc(z.abs() / std::f64::consts::SQRT_2);
    Some((z, p.min(1.0)))
}

impl FoundationStats {
    /// No statistics, for a figure withheld (or with nobody scored) for `why`.
    fn empty(id: &str, n: usize, withheld: Option<Withheld>) -> FoundationStats {
        FoundationStats {
            id: id.to_string(),
            n,
            withheld,
            mean: None,
            median: None,
            q1: None,
            q3: None,
            min: None,
            max: None,
            sd: None,
            dont_know_rate: None,
            band: None,
            outside: None,
            split: false,
            delta: None,
            change: None,
            change_p: None,
        }
    }

    /// The same figure, withheld for `why`.
    fn withhold(&mut self, why: Withheld) {
        *self = FoundationStats::empty(&self.id, self.n, Some(why));
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub field: String,
    pub option: String,
    pub n: usize,
    /// The whole group is withheld (fewer members than the minimum, or to protect
    /// another small group).
    pub suppressed: bool,
    /// Empty when suppressed.
    pub foundations: Vec<FoundationStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregate {
    pub respondents: usize,
    /// The minimum a published figure rests on (1 for raw figures).
    pub min_group_size: usize,
    pub foundations: Vec<FoundationStats>,
    pub groups: Vec<Group>,
}

/// The value at share `p` (0 to 1) of sorted data, interpolating linearly between order
/// statistics (the method of R's default `quantile`, type 7), exactly.
pub fn quantile(sorted: &[Exact], p: Exact) -> Option<Exact> {
    let last = sorted.len().checked_sub(1)?;
    let h = Exact::int(last as i64).mul(p);
    let lo = h.trunc_scaled(0).clamp(0, last as i64) as usize;
    let hi = (lo + 1).min(last);
    let frac = h.sub(Exact::int(lo as i64));
    Some(sorted[lo].add(frac.mul(sorted[hi].sub(sorted[lo]))))
}

/// Statistics of one foundation over the tallies of a set of responses, from their
/// percents counted ([`Counted`]): linear in the responses, then a few operations per
/// distinct value.
fn stats(fw: &Framework, fi: usize, f: &Foundation, members: &[&[Tally]]) -> FoundationStats {
    let xs = Counted::of(members.iter().filter_map(|t| t[fi].percent));
    let n = xs.n;
    let slots = members.len() * f.items.len();
    let dk: usize = members.iter().map(|t| t[fi].dont_know).sum();
    let mut s = FoundationStats::empty(&f.id, n, None);
    s.dont_know_rate = (slots > 0).then(|| Exact::frac(dk as i64, slots as i64));
    if n == 0 {
        return s;
    }
    let mean = xs
        .values
        .iter()
        .fold(Exact::ZERO, |a, (x, c)| a.add(x.mul(Exact::int(*c as i64))))
        .div_int(n);
    let m = mean.get();
    s.sd = (n > 1).then(|| {
        let squares: f64 = xs
            .values
            .iter()
            .map(|(x, c)| (x.get() - m).powi(2) * *c as f64)
            .sum();
        (squares / (n - 1) as f64).sqrt()
    });
    s.mean = Some(mean);
    s.median = xs.quantile(Exact::frac(1, 2));
    s.q1 = xs.quantile(Exact::frac(1, 4));
    s.q3 = xs.quantile(Exact::frac(3, 4));
    s.min = xs.values.first().map(|v| v.0);
    s.max = xs.values.last().map(|v| v.0);
    s.band = s
        .median
        .and_then(|m| fw.band(m, fw.percent_to_value(f, m)).map(|l| l.id.clone()));
    if let (Some(c), Some(spread), Some(m)) = (&fw.consensus, fw.spread_points(f), s.median) {
        // The spread in percent points of the foundation's 0 to 100 score (scale points
        // over the foundation's range, or the share of the range).
        let out: usize = xs
            .values
            .iter()
            .filter(|(x, _)| x.sub(m).abs() > spread)
            .map(|(_, c)| c)
            .sum();
        let share = Exact::frac(out as i64, n as i64);
        s.split = share > Exact::from_decimal(c.max_outside);
        s.outside = Some(share);
    }
    s
}

fn all_stats(fw: &Framework, members: &[&[Tally]]) -> Vec<FoundationStats> {
    fw.foundations
        .iter()
        .enumerate()
        .map(|(fi, f)| stats(fw, fi, f, members))
        .collect()
}

/// Aggregates responses that have been checked against `fw`, withholding every figure
/// that rests on fewer people than the minimum (see the module comment) unless
/// `opts.raw`.
pub fn aggregate(
    fw: &Framework,
    responses: &[Response],
    opts: &Options,
) -> Result<Aggregate, Issue> {
    let min = if opts.raw {
        1
    } else {
        opts.min_group_size.unwrap_or(DEFAULT_MIN_GROUP_SIZE).max(1)
    };
    let tallies: Vec<Vec<Tally>> = responses.iter().map(|r| tally(fw, r)).collect();
    let members: Vec<&[Tally]> = tallies.iter().map(Vec::as_slice).collect();
    let mut foundations = all_stats(fw, &members);
    if let Some(prev) = opts.previous {
        let ptallies: Vec<Vec<Tally>> = prev.iter().map(|r| tally(fw, r)).collect();
        let pmembers: Vec<&[Tally]> = ptallies.iter().map(Vec::as_slice).collect();
        let before = all_stats(fw, &pmembers);
        for (fi, (now, then)) in foundations.iter_mut().zip(before).enumerate() {
            // A change rests on both rounds: each must have the minimum.
            if let (Some(a), Some(b)) = (now.median, then.median) {
                if then.n >= min {
                    now.delta = Some(a.sub(b));
                    let xs = Counted::of(members.iter().filter_map(|t| t[fi].percent));
                    let ys = Counted::of(pmembers.iter().filter_map(|t| t[fi].percent));
                    let (z, p) = rank_test_counted(&xs, &ys).unwrap_or((0.0, 1.0));
                    now.change_p = Some(p);
                    now.change = Some(if p >= 0.05 {
                        Change::Steady
                    } else if z > 0.0 {
                        Change::Up
                    } else {
                        Change::Down
                    });
                }
            }
        }
    }
    for s in &mut foundations {
        if s.n > 0 && s.n < min {
            s.withhold(Withheld::FewerThanMinimum);
        }
    }
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
            let sizes: Vec<usize> = grouped.iter().map(Vec::len).collect();
            let unanswered = members.len() - sizes.iter().sum::<usize>();
            let suppressed = suppression(&sizes, unanswered, min);
            let mut groups: Vec<Group> = field
                .options
                .iter()
                .zip(&grouped)
                .zip(&suppressed)
                .map(|((o, g), &suppressed)| Group {
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
                .collect();
            withhold_per_figure(&mut groups, &foundations, min);
            groups
        }
    };
    Ok(Aggregate {
        respondents: responses.len(),
        min_group_size: min,
        foundations,
        groups,
    })
}

/// Withholds each published group's figure for a foundation that rests on fewer than
/// `min` people, then, foundation by foundation, the smallest published figures while
/// the people left out of them (of those scored for the whole team) are 1 to `min − 1`.
fn withhold_per_figure(groups: &mut [Group], team: &[FoundationStats], min: usize) {
    for (fi, t) in team.iter().enumerate() {
        let mut sizes = Vec::with_capacity(groups.len());
        let mut already = Vec::with_capacity(groups.len());
        for g in groups.iter_mut() {
            match g.foundations.get_mut(fi) {
                Some(s) => {
                    if s.n > 0 && s.n < min {
                        s.withhold(Withheld::FewerThanMinimum);
                    }
                    sizes.push(s.n);
                    already.push(s.withheld.is_some());
                }
                // A suppressed group: none of its people are in a published figure.
                None => {
                    sizes.push(0);
                    already.push(true);
                }
            }
        }
        let published: usize = sizes
            .iter()
            .zip(&already)
            .filter(|(_, w)| !**w)
            .map(|(n, _)| n)
            .sum();
        let hidden = t.n - published.min(t.n);
        let more = complement(&sizes, &already, hidden, min);
        for (g, &w) in groups.iter_mut().zip(&more) {
            if let Some(s) = g.foundations.get_mut(fi) {
                if w && s.withheld.is_none() {
                    s.withhold(Withheld::Complementary);
                }
            }
        }
    }
}

/// Given the sizes of figures (`withheld` marks those already withheld) and the people
/// `hidden` from all published figures, withholds the smallest published figure while
/// the hidden people are 1 to `min − 1`. Returns which are withheld now.
fn complement(sizes: &[usize], withheld: &[bool], mut hidden: usize, min: usize) -> Vec<bool> {
    let mut out = withheld.to_vec();
    while hidden > 0 && hidden < min {
        let next = sizes
            .iter()
            .enumerate()
            .filter(|(i, n)| !out[*i] && **n > 0)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        match next {
            Some(i) => {
                out[i] = true;
                hidden += sizes[i];
            }
            None => break,
        }
    }
    out
}

/// Which groups to suppress. Every group smaller than `min_size` (but not empty) is
/// suppressed. Then, since the totals for everyone are published too, the people left
/// out of the published groups (suppressed groups plus those who did not answer the
/// field) must not be a crowd of 1 or 2 either, or subtracting the published groups
/// from the total would reveal them: while they are fewer than `min_size`, the
/// smallest published group is suppressed as well.
pub fn suppression(sizes: &[usize], unanswered: usize, min_size: usize) -> Vec<bool> {
    let small: Vec<bool> = sizes.iter().map(|&n| n > 0 && n < min_size).collect();
    let hidden = unanswered
        + sizes
            .iter()
            .zip(&small)
            .filter(|(_, s)| **s)
            .map(|(n, _)| n)
            .sum::<usize>();
    complement(sizes, &small, hidden, min_size)
}
