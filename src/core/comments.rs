//! Comments in the team view: people's own words on each foundation that asks for them,
//! listed so that no comment can be tied to a person.
//!
//! - **Only where there are enough people.** The whole team's comments are listed when
//!   the team has at least the minimum number of respondents (`minGroupSize`, default
//!   3); a group's, when its group is published by the same rule as the team table's
//!   group figures (`aggregation::suppression`): a group smaller than the minimum is
//!   suppressed, and so is the smallest other group while the people left out of the
//!   published groups are 1 to `min − 1`, since subtracting the published groups'
//!   comments from the team's would otherwise show a small group's comments.
//! - **No respondent fields beside them.** A comment is its text and an id, nothing
//!   else: not the person's sector, role, answers or submission time.
//! - **Not in import order.** Comments are sorted by their text (ignoring the case of
//!   A to Z), then by id: the order says nothing about who wrote which or when (import order would
//!   follow files, which are often one per person or per organisation), it is the same
//!   on every reload and for every facilitator, and the same words from several people
//!   stand together. A seeded shuffle would hide order as well, but give a report
//!   that reads at random and changes with the seed.
//! - **Hidden comments.** Each comment has an id, stable across reloads and builds: the
//!   FNV-1a 64-bit hash of the response's identity (framework, version, answers,
//!   respondent fields, submission time), the foundation id and the text, in 16 hex
//!   digits ([`comment_id`]). A facilitator hides a comment from the report (one that
//!   names someone, say) by its id; hidden comments stay in the listing, marked, so
//!   they can be shown again, and are left out of the comments CSV and the report.

use crate::core::aggregation::{suppression, Withheld, DEFAULT_MIN_GROUP_SIZE};
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::{Answer, Response};
use serde::Serialize;

/// Options for [`comments`].
#[derive(Debug, Clone, Default)]
pub struct CommentOptions<'a> {
    /// A respondent field id to list comments by group.
    pub group_by: Option<String>,
    /// The fewest people a listing may rest on (default 3).
    pub min_group_size: Option<usize>,
    /// Ids of comments hidden from the report.
    pub hidden: &'a [String],
}

/// One comment: its id and text, and nothing about who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comment {
    pub id: String,
    /// Plain text, never HTML.
    pub text: String,
    /// Hidden from the report by the facilitator.
    pub hidden: bool,
}

/// The comments on one foundation that asks for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundationComments {
    pub id: String,
    /// Sorted by text (see the module comment).
    pub comments: Vec<Comment>,
}

/// The comments of one group, or nothing when the group is suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentGroup {
    pub field: String,
    pub option: String,
    /// The group's respondents.
    pub n: usize,
    /// Why the group's comments are withheld, if they are.
    pub withheld: Option<Withheld>,
    /// Empty when withheld.
    pub foundations: Vec<FoundationComments>,
}

/// Every listing of comments: the whole team's and each group's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentReport {
    pub respondents: usize,
    pub min_group_size: usize,
    /// The team's comments are withheld: fewer respondents than the minimum.
    pub withheld: Option<Withheld>,
    /// One per foundation that asks for a comment, in framework order; empty when
    /// withheld.
    pub foundations: Vec<FoundationComments>,
    pub groups: Vec<CommentGroup>,
}

/// FNV-1a, 64 bits.
fn fnv64(h: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// The id of a response's comment on a foundation (see the module comment): the same
/// for the same response and text wherever and whenever it is read.
pub fn comment_id(r: &Response, foundation: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let part = |h: &mut u64, s: &str| {
        fnv64(h, s.as_bytes());
        fnv64(h, &[0]);
    };
    part(&mut h, &r.framework);
    part(&mut h, &r.version);
    for (k, a) in r.answers.iter() {
        part(&mut h, k);
        match a {
            Answer::Value(v) => part(&mut h, &v.to_string()),
            Answer::DontKnow => part(&mut h, "dontKnow"),
        }
    }
    fnv64(&mut h, &[1]);
    for (k, o) in r.respondent.iter() {
        part(&mut h, k);
        part(&mut h, o);
    }
    fnv64(&mut h, &[1]);
    part(&mut h, r.submitted_at.as_deref().unwrap_or(""));
    part(&mut h, foundation);
    part(&mut h, text);
    format!("{h:016x}")
}

fn listing(fw: &Framework, members: &[&Response], hidden: &[String]) -> Vec<FoundationComments> {
    fw.foundations
        .iter()
        .filter(|f| f.comment.is_some())
        .map(|f| {
            let mut comments: Vec<(String, Comment)> = members
                .iter()
                .filter_map(|r| {
                    let text = r.comments.get(&f.id)?;
                    let id = comment_id(r, &f.id, text);
                    Some((
                        text.to_ascii_lowercase(),
                        Comment {
                            hidden: hidden.contains(&id),
                            id,
                            text: text.clone(),
                        },
                    ))
                })
                .collect();
            comments.sort_by(|a, b| (&a.0, &a.1.text, &a.1.id).cmp(&(&b.0, &b.1.text, &b.1.id)));
            FoundationComments {
                id: f.id.clone(),
                comments: comments.into_iter().map(|(_, c)| c).collect(),
            }
        })
        .collect()
}

/// Lists the comments of responses checked against `fw`, for the whole team and, with
/// `opts.group_by`, per group, withholding every listing that rests on fewer people
/// than the minimum (see the module comment).
pub fn comments(
    fw: &Framework,
    responses: &[Response],
    opts: &CommentOptions,
) -> Result<CommentReport, Issue> {
    let min = opts.min_group_size.unwrap_or(DEFAULT_MIN_GROUP_SIZE).max(1);
    let all: Vec<&Response> = responses.iter().collect();
    let team_withheld = (!all.is_empty() && all.len() < min).then_some(Withheld::FewerThanMinimum);
    let groups = match &opts.group_by {
        None => Vec::new(),
        Some(field_id) => {
            let field = fw.field(field_id).ok_or_else(|| {
                Issue::new(
                    "options.groupBy",
                    format!("\"{field_id}\" is not a respondent field of this framework"),
                )
            })?;
            let grouped: Vec<Vec<&Response>> = field
                .options
                .iter()
                .map(|o| {
                    all.iter()
                        .copied()
                        .filter(|r| r.respondent.get(field_id) == Some(&o.id))
                        .collect()
                })
                .collect();
            let sizes: Vec<usize> = grouped.iter().map(Vec::len).collect();
            let unanswered = all.len() - sizes.iter().sum::<usize>();
            let suppressed = suppression(&sizes, unanswered, min);
            field
                .options
                .iter()
                .zip(&grouped)
                .zip(&suppressed)
                .map(|((o, g), &s)| {
                    // With the team withheld, so is every group (each is smaller).
                    let withheld = if s || team_withheld.is_some() {
                        Some(if g.len() < min {
                            Withheld::FewerThanMinimum
                        } else {
                            Withheld::Complementary
                        })
                    } else {
                        None
                    };
                    CommentGroup {
                        field: field.id.clone(),
                        option: o.id.clone(),
                        n: g.len(),
                        withheld,
                        foundations: if withheld.is_some() {
                            Vec::new()
                        } else {
                            listing(fw, g, opts.hidden)
                        },
                    }
                })
                .collect()
        }
    };
    Ok(CommentReport {
        respondents: all.len(),
        min_group_size: min,
        withheld: team_withheld,
        foundations: if team_withheld.is_some() {
            Vec::new()
        } else {
            listing(fw, &all, opts.hidden)
        },
        groups,
    })
}

/// Why a listing is withheld, in words.
fn withheld_text(min: usize, why: Withheld) -> String {
    match why {
        Withheld::FewerThanMinimum => format!("withheld: fewer than {min} people"),
        Withheld::Complementary => {
            "withheld: with the other comments it would reveal a small group's".into()
        }
    }
}

/// The comments as CSV (UTF-8 with BOM, every field quoted, formulas neutralised):
/// `group, foundation, comment`, the whole team's first, then each group's; hidden
/// comments left out, withheld listings said to be withheld. No respondent fields.
pub fn comments_csv(fw: &Framework, report: &CommentReport) -> String {
    let mut rows: Vec<[String; 3]> = vec![["group".into(), "foundation".into(), "comment".into()]];
    let name = |id: &str| {
        fw.foundations
            .iter()
            .find(|f| f.id == id)
            .map_or(id.to_string(), |f| f.name.clone())
    };
    let add = |rows: &mut Vec<[String; 3]>, group: &str, fs: &[FoundationComments]| {
        for f in fs {
            for c in f.comments.iter().filter(|c| !c.hidden) {
                rows.push([group.to_string(), name(&f.id), c.text.clone()]);
            }
        }
    };
    let everyone = format!("Everyone (n={})", report.respondents);
    match report.withheld {
        Some(why) => rows.push([
            everyone,
            "(all)".into(),
            withheld_text(report.min_group_size, why),
        ]),
        None => add(&mut rows, &everyone, &report.foundations),
    }
    for g in &report.groups {
        let label = fw
            .field(&g.field)
            .and_then(|f| f.options.iter().find(|o| o.id == g.option))
            .map_or(g.option.clone(), |o| o.label.clone());
        match g.withheld {
            Some(why) => rows.push([
                label,
                "(all)".into(),
                withheld_text(report.min_group_size, why),
            ]),
            None => add(&mut rows, &label, &g.foundations),
        }
    }
    crate::codec::csv::rows_to_csv(&rows)
}
