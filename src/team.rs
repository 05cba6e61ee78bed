//! Bringing a team's self-checks together: importing share codes, links, JSON and CSV
//! files (counting duplicates once and naming every rejected line), the change between
//! rounds, the biggest gaps between groups, and the aggregate as CSV.

use crate::aggregate::{Aggregate, FoundationStats};
use crate::csv::{from_csv, neutralise};
use crate::framework::Framework;
use crate::issue::Issue;
use crate::reader::{parse_json_limited, type_name};
use crate::response::Response;
use crate::sharecode;

/// The largest file a facilitator can import.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The most responses a team set holds.
pub const MAX_RESPONSES: usize = 50_000;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    pub added: usize,
    pub duplicates: usize,
    /// One problem per rejected line, record or file.
    pub rejected: Vec<Issue>,
}

/// Adds the responses in `text` to `set`: a JSON file (a list of responses, one
/// response, or an export `{ "responses": [...] }`), a CSV export, or share codes and
/// share links, one per line (a link may carry several codes as `#fc-team=a,b,c`).
/// Responses already in the set are counted as duplicates, not added twice; anything
/// that cannot be read is reported with where it was, and the rest is kept. `source`
/// names the file or "pasted text" in messages.
pub fn import(fw: &Framework, set: &mut Vec<Response>, source: &str, text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    if text.len() > MAX_IMPORT_BYTES {
        report.rejected.push(Issue::new(
            source,
            format!(
                "is {} MB; files of up to {} MB can be imported",
                text.len() / 1_000_000,
                MAX_IMPORT_BYTES / 1_000_000
            ),
        ));
        return report;
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let bad_chars = text
        .chars()
        .take(4096)
        .filter(|c| *c == '\0' || *c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
        .count();
    if bad_chars > 0 {
        report.rejected.push(Issue::new(
            source,
            "is not a JSON or CSV file, nor share codes (it contains binary data)",
        ));
        return report;
    }
    let mut found: Vec<Response> = Vec::new();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        match parse_json_limited(trimmed, MAX_IMPORT_BYTES) {
            Err(e) => report.rejected.push(Issue::new(source, e.message)),
            Ok(v) => {
                let list = match &v {
                    serde_json::Value::Array(a) => Some((a.as_slice(), "")),
                    serde_json::Value::Object(m) if m.contains_key("responses") => m
                        .get("responses")
                        .and_then(|r| r.as_array())
                        .map(|a| (a.as_slice(), "responses")),
                    serde_json::Value::Object(_) => Some((std::slice::from_ref(&v), "")),
                    _ => None,
                };
                match list {
                    None => report.rejected.push(Issue::new(
                        source,
                        format!("expected a list of responses, found {}", type_name(&v)),
                    )),
                    Some((items, base)) => {
                        for (i, item) in items.iter().enumerate() {
                            let path = if base.is_empty() && v.is_object() {
                                String::new()
                            } else {
                                format!("{base}[{i}]")
                            };
                            match Response::from_value(fw, item, &path) {
                                Ok(r) => found.push(r),
                                Err(e) => report.rejected.push(Issue::new(
                                    source,
                                    e.first().map(Issue::to_string).unwrap_or_default(),
                                )),
                            }
                        }
                    }
                }
            }
        }
    } else if trimmed.starts_with("\"framework\"") || trimmed.starts_with("framework,") {
        match from_csv(fw, text) {
            Err(e) => report.rejected.push(Issue::new(
                format!("{source} {}", e.path).trim().to_string(),
                e.message,
            )),
            Ok(got) => {
                found = got.responses;
                report.rejected.extend(
                    got.rejected
                        .into_iter()
                        .map(|e| Issue::new(format!("{source} {}", e.path), e.message)),
                );
            }
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let codes: Vec<&str> = match line.find("fc-team=") {
                Some(k) => line[k + 8..]
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .collect(),
                None => vec![line],
            };
            for code in codes {
                match sharecode::decode(fw, code) {
                    Ok(r) => found.push(r),
                    Err(e) => report
                        .rejected
                        .push(Issue::new(format!("{source} line {}", i + 1), e.message)),
                }
            }
        }
    }
    // Hashing keeps duplicate detection fast for tens of thousands of responses.
    let mut seen: std::collections::HashSet<Response> = set.iter().cloned().collect();
    for r in found {
        if seen.contains(&r) {
            report.duplicates += 1;
        } else if set.len() >= MAX_RESPONSES {
            report.rejected.push(Issue::new(
                source,
                format!("the set is full ({MAX_RESPONSES} responses)"),
            ));
            break;
        } else {
            seen.insert(r.clone());
            set.push(r);
            report.added += 1;
        }
    }
    report
}

/// How a foundation moved between rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Up,
    Down,
    /// Within the spread: no clear change.
    Steady,
}

/// The change of a median, judged against the spread of answers: a move no bigger
/// than the framework's consensus spread (or, without one, a quarter of the scale) is
/// "no clear change", so small moves are not overstated.
pub fn change(fw: &Framework, delta: f64) -> Change {
    let spread = fw
        .consensus
        .as_ref()
        .map_or(25.0, |c| c.spread / fw.scale.range() * 100.0);
    if delta > spread + 1e-9 {
        Change::Up
    } else if delta < -spread - 1e-9 {
        Change::Down
    } else {
        Change::Steady
    }
}

/// Foundations by the gap between the highest and lowest group medians, biggest first
/// (published groups only); `(foundation index, gap)`.
pub fn group_gaps(agg: &Aggregate) -> Vec<(usize, Option<f64>)> {
    let n = agg.foundations.len();
    let mut gaps: Vec<(usize, Option<f64>)> = (0..n)
        .map(|i| {
            let medians: Vec<f64> = agg
                .groups
                .iter()
                .filter(|g| !g.suppressed)
                .filter_map(|g| g.foundations.get(i).and_then(|f| f.median))
                .collect();
            let gap = (medians.len() >= 2).then(|| {
                medians.iter().cloned().fold(f64::MIN, f64::max)
                    - medians.iter().cloned().fold(f64::MAX, f64::min)
            });
            (i, gap)
        })
        .collect();
    gaps.sort_by(|a, b| b.1.unwrap_or(-1.0).total_cmp(&a.1.unwrap_or(-1.0)));
    gaps
}

/// The foundation where people disagree most, as a plain sentence, when the
/// framework has a consensus rule and anyone is outside it.
pub fn disagreement(fw: &Framework, agg: &Aggregate) -> Option<String> {
    let c = fw.consensus.as_ref()?;
    let (i, share) = agg
        .foundations
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.outside.map(|o| (i, o)))
        .fold(None, |best: Option<(usize, f64)>, (i, o)| match best {
            Some((_, b)) if b >= o => best,
            _ => Some((i, o)),
        })?;
    if share <= 0.0 {
        return None;
    }
    let points = if (c.spread - 1.0).abs() < 1e-9 {
        "one point".to_string()
    } else {
        format!("{} points", c.spread)
    };
    Some(format!(
        "People disagree most about {}: {}% are more than {points} from the middle.",
        fw.foundations[i].label().to_lowercase(),
        (share * 100.0).round()
    ))
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| format!("{:.1}", x))
}

fn stats_row(fw: &Framework, group: &str, f: &FoundationStats) -> Vec<String> {
    let name = fw
        .foundations
        .iter()
        .find(|x| x.id == f.id)
        .map_or(f.id.as_str(), |x| x.name.as_str());
    let band = f
        .band
        .as_deref()
        .and_then(|b| fw.level(b))
        .map_or("", |l| l.label.as_str());
    vec![
        group.to_string(),
        name.to_string(),
        f.n.to_string(),
        num(f.median),
        num(f.q1),
        num(f.q3),
        num(f.mean),
        num(f.sd),
        num(f.min),
        num(f.max),
        num(f.dont_know_rate.map(|r| r * 100.0)),
        band.to_string(),
        if f.split { "yes".into() } else { "no".into() },
        num(f.delta),
    ]
}

/// The aggregate as CSV (UTF-8 with BOM, quoted, formulas neutralised): one row per
/// foundation for everyone, then per published group; suppressed groups show only
/// that they are suppressed.
pub fn aggregate_csv(fw: &Framework, agg: &Aggregate) -> String {
    let mut rows: Vec<Vec<String>> = vec![[
        "group",
        "foundation",
        "n",
        "median %",
        "q1 %",
        "q3 %",
        "mean %",
        "sd",
        "min %",
        "max %",
        "don't know %",
        "band (median)",
        "split",
        "change in median",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()];
    for f in &agg.foundations {
        rows.push(stats_row(
            fw,
            &format!("Everyone (n={})", agg.respondents),
            f,
        ));
    }
    for g in &agg.groups {
        let label = fw
            .field(&g.field)
            .and_then(|f| f.options.iter().find(|o| o.id == g.option))
            .map_or(g.option.clone(), |o| o.label.clone());
        if g.suppressed {
            let mut r = vec![label, "(all)".into(), String::new()];
            r.extend(std::iter::repeat(String::new()).take(8));
            r.push("suppressed: too few responses".into());
            r.extend([String::new(), String::new()]);
            rows.push(r);
        } else {
            for f in &g.foundations {
                rows.push(stats_row(fw, &label, f));
            }
        }
    }
    let mut out = String::from("\u{feff}");
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| format!("\"{}\"", neutralise(c).replace('"', "\"\"")))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
