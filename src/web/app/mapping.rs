//! A survey tool's export (Microsoft Forms, Google Forms) in the team view: before
//! anything is added, the facilitator sees how its columns match the statements and
//! respondent questions, and how the labels in its cells match the scale and the
//! questions' options (`codec::survey`'s mapping, nothing guessed silently), changes
//! any of it, and confirms; the export is then imported with the confirmed mapping
//! (`core::gather::ImportOptions::mapping`). Columns of names and e-mail addresses are
//! never read: they are shown as such, with none of their cells, and cannot be chosen.

use super::figures::count_text;
use super::msg::{Effect, Focus, Msg};
use super::team::{queue_import, TeamMsg};
use super::view::{button, el, p, row, Node};
use super::Model;
use crate::codec::sheet::column_letter;
use crate::codec::survey::{Kind, LabelAnswer, Mapping};
use crate::core::framework::{Framework, Scale};
use crate::core::gather::{survey_mapping, ImportOptions, Input};
use crate::core::issue::Issue;
use crate::core::team::{Import, ImportReport};

/// An export whose mapping waits for the facilitator.
#[derive(Debug)]
pub struct Pending {
    /// The file's name (or "pasted text").
    pub source: String,
    /// The export, read again with the confirmed mapping.
    pub input: Input,
    /// Into the earlier round.
    pub previous: bool,
    pub mapping: Mapping,
    /// Why the mapping as changed does not fit the export or the framework (two
    /// columns for one statement, say): named beside it, and nothing is added until
    /// they are put right.
    pub problems: Vec<Issue>,
}

impl Pending {
    pub fn new(source: String, input: Input, previous: bool, mapping: Mapping) -> Pending {
        Pending {
            source,
            input,
            previous,
            mapping,
            problems: Vec::new(),
        }
    }
}

/// What a column's choice is called in its `<select>`: `i:<statement id>`,
/// `f:<respondent question id>`, `time` (when the form was completed), `none` (not
/// read).
pub fn column_value(c: &crate::codec::survey::Column) -> String {
    match (c.kind, &c.item, &c.field) {
        (Kind::Item, Some(id), _) => format!("i:{id}"),
        (Kind::Field, _, Some(id)) => format!("f:{id}"),
        (Kind::SubmittedAt, _, _) => "time".into(),
        _ => "none".into(),
    }
}

/// What a label's choice is called: `p:<point>`, `dontKnow`, `blank`, or "" (not
/// mapped).
fn label_value(a: LabelAnswer) -> String {
    match a {
        LabelAnswer::Point(v) => format!("p:{v}"),
        LabelAnswer::DontKnow => "dontKnow".into(),
        LabelAnswer::Blank => "blank".into(),
        LabelAnswer::Unmapped => String::new(),
    }
}

fn parse_label(v: &str) -> LabelAnswer {
    match v {
        "dontKnow" => LabelAnswer::DontKnow,
        "blank" => LabelAnswer::Blank,
        _ => v
            .strip_prefix("p:")
            .and_then(|n| n.parse().ok())
            .map_or(LabelAnswer::Unmapped, LabelAnswer::Point),
    }
}

/// Works out the labels again for the columns as they now are (keeping what was
/// confirmed), or keeps the changed mapping and names why it does not fit.
fn refresh(fw: &Framework, p: &mut Pending, edited: Mapping) {
    let options = ImportOptions {
        format: None,
        mapping: Some(edited.clone()),
    };
    match survey_mapping(fw, &p.source, p.input.clone(), &options) {
        Ok(mut m) => {
            // The rows stay where they were (the core lists unmapped labels first), so
            // that the choice just made keeps its place and its focus.
            keep_order(&p.mapping.labels, &mut m.labels, |l| l.label.clone());
            keep_order(&p.mapping.options, &mut m.options, |o| {
                (o.field.clone(), o.label.clone())
            });
            keep_order(&p.mapping.columns, &mut m.columns, |c| c.column);
            p.mapping = m;
            p.problems.clear();
        }
        Err(issues) => {
            p.mapping = edited;
            p.problems = issues;
        }
    }
}

/// Orders `new` as its rows were ordered in `old` (by `key`); rows `old` did not have
/// follow, in their own order.
fn keep_order<T, K: PartialEq>(old: &[T], new: &mut [T], key: impl Fn(&T) -> K) {
    new.sort_by_cached_key(|x| {
        let k = key(x);
        old.iter().position(|o| key(o) == k).unwrap_or(usize::MAX)
    });
}

pub fn update(m: &mut Model, fw: &Framework, msg: TeamMsg, fx: &mut Vec<Effect>) {
    if m.team.pending.is_empty() {
        return;
    }
    let focus = Msg::Team(match &msg {
        TeamMsg::MapColumn(i, _) => TeamMsg::MapColumn(*i, String::new()),
        TeamMsg::MapLabel(i, _) => TeamMsg::MapLabel(*i, String::new()),
        TeamMsg::MapOption(i, _) => TeamMsg::MapOption(*i, String::new()),
        _ => TeamMsg::MapConfirm,
    });
    match msg {
        TeamMsg::MapColumn(i, value) => {
            let p = &mut m.team.pending[0];
            let mut edited = p.mapping.clone();
            let Some(c) = edited.columns.get_mut(i) else {
                return;
            };
            // Names and e-mail addresses are never read, whatever is asked.
            if c.kind == Kind::Personal {
                return;
            }
            let was_ignored = c.kind == Kind::Ignored;
            c.item = None;
            c.field = None;
            c.how = Some(crate::codec::survey::How::Confirmed);
            if let Some(id) = value.strip_prefix("i:") {
                c.kind = Kind::Item;
                c.item = Some(id.to_string());
            } else if let Some(id) = value.strip_prefix("f:") {
                c.kind = Kind::Field;
                c.field = Some(id.to_string());
            } else if value == "time" {
                c.kind = Kind::SubmittedAt;
            } else {
                c.kind = if was_ignored {
                    Kind::Ignored
                } else {
                    Kind::Unmatched
                };
            }
            refresh(fw, p, edited);
        }
        TeamMsg::MapLabel(i, value) => {
            let p = &mut m.team.pending[0];
            let mut edited = p.mapping.clone();
            let Some(l) = edited.labels.get_mut(i) else {
                return;
            };
            l.answer = parse_label(&value);
            l.how = Some(crate::codec::survey::How::Confirmed);
            refresh(fw, p, edited);
        }
        TeamMsg::MapOption(i, value) => {
            let p = &mut m.team.pending[0];
            let mut edited = p.mapping.clone();
            let Some(o) = edited.options.get_mut(i) else {
                return;
            };
            o.option = Some(value).filter(|v| !v.is_empty());
            o.how = Some(crate::codec::survey::How::Confirmed);
            refresh(fw, p, edited);
        }
        TeamMsg::MapConfirm => {
            if !m.team.pending[0].problems.is_empty() {
                fx.push(Effect::Focus(Focus::Selector("#fc-mapping-problems")));
                return;
            }
            let p = m.team.pending.remove(0);
            let options = ImportOptions {
                format: None,
                mapping: Some(p.mapping),
            };
            let import = Import::with(&p.source, p.input, options);
            queue_import(m, import, p.previous, false, None, fx);
            fx.push(Effect::Render);
            return;
        }
        TeamMsg::MapCancel => {
            m.team.pending.remove(0);
            m.team.note = Some("teamMappingCancelled");
            fx.push(Effect::Render);
            fx.push(Effect::Focus(if m.team.pending.is_empty() {
                Focus::Report
            } else {
                Focus::Selector("#fc-mapping")
            }));
            return;
        }
        _ => return,
    }
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Control(focus)));
}

/// Every point of the scales the statements are answered on, with a label
/// ("4: Agree"), lowest first.
fn points(fw: &Framework) -> Vec<(i32, String)> {
    let mut scales: Vec<&Scale> = vec![&fw.scale];
    for f in &fw.foundations {
        scales.extend(f.scale.as_ref());
        scales.extend(f.items.iter().filter_map(|i| i.scale.as_ref()));
    }
    let lo = scales.iter().map(|s| s.min).min().unwrap_or(0);
    let hi = scales.iter().map(|s| s.max).max().unwrap_or(0);
    (lo..=hi)
        .map(|v| {
            let label = scales.iter().find_map(|s| s.label(v)).unwrap_or_default();
            (v, format!("{v}: {label}"))
        })
        .collect()
}

fn option(value: &str, text: &str, chosen: &str) -> Node {
    let o = el("option").a("value", value).t(text);
    if value == chosen {
        o.a("selected", "")
    } else {
        o
    }
}

fn scroller(id: &str, table: Node) -> Node {
    el("div")
        .a("class", "scroll")
        .a("role", "region")
        .a("aria-labelledby", id)
        .a("tabindex", "0")
        .c(table)
}

fn head(cells: &[String]) -> Node {
    let mut tr = el("tr");
    for c in cells {
        tr.push(el("th").a("scope", "col").t(c));
    }
    tr
}

/// The mapping of the first export waiting, for the facilitator to check, change and
/// confirm.
pub fn view(m: &Model, fw: &Framework, pending: &Pending) -> Node {
    let map = &pending.mapping;
    let mut s = el("section")
        .a("class", "mapping")
        .a("aria-labelledby", "fc-mapping")
        .c(el("h3")
            .a("id", "fc-mapping")
            .a("tabindex", "-1")
            .t(&m.fill("teamMapTitle", &[("source", &pending.source)])));
    // The core's sentences: what the export is, statements without a column, labels
    // not mapped yet.
    let said = ImportReport {
        source: pending.source.clone(),
        mapping: Some(map.clone()),
        ..ImportReport::default()
    };
    for sentence in said.sentences().into_iter().filter(|s| !s.is_empty()) {
        s.push(p("", &sentence));
    }
    s.push(p("hint", &m.t("teamMapHint")));
    // Columns.
    let mut table = el("table")
        .a("class", "map-columns")
        .c(el("caption")
            .a("id", "fc-map-columns")
            .t(&m.t("teamMapColumns")))
        .c(head(&[
            m.t("teamMapColumn"),
            m.t("teamMapHeading"),
            m.t("teamMapReadAs"),
        ]));
    for (i, c) in map.columns.iter().enumerate() {
        let letter = column_letter(c.column.saturating_sub(1));
        let mut tr = el("tr")
            .c(el("td").t(&letter))
            .c(el("th").a("scope", "row").t(&c.header));
        if c.kind == Kind::Personal {
            tr.push(el("td").a("class", "never").t(&m.t("teamMapPersonal")));
        } else {
            let chosen = column_value(c);
            let none = if c.kind == Kind::Ignored {
                m.t("teamMapToolColumn")
            } else {
                m.t("teamMapNotRead")
            };
            let mut select = el("select")
                .a("data-m", &TeamMsg::MapColumn(i, String::new()).code())
                .a(
                    "aria-label",
                    &m.fill(
                        "teamMapColumnLabel",
                        &[("column", &letter), ("heading", &c.header)],
                    ),
                )
                .c(option("none", &none, &chosen))
                .c(option("time", &m.t("teamMapTime"), &chosen));
            for f in &fw.foundations {
                let mut group = el("optgroup").a("label", &f.name);
                for item in &f.items {
                    group.push(option(&format!("i:{}", item.id), &item.text, &chosen));
                }
                select.push(group);
            }
            if !fw.respondent_fields.is_empty() {
                let mut group = el("optgroup").a("label", &m.t("aboutYou"));
                for f in &fw.respondent_fields {
                    group.push(option(&format!("f:{}", f.id), &f.label, &chosen));
                }
                select.push(group);
            }
            tr.push(el("td").c(select));
        }
        table.push(tr);
    }
    s.push(scroller("fc-map-columns", table));
    // Statements no column answers.
    if !map.unmatched_statements.is_empty() {
        s.push(el("h4").t(&m.t("teamMapNoColumn")));
        let mut ul = el("ul");
        for id in &map.unmatched_statements {
            let text = fw
                .find_item(id)
                .and_then(|(f, i)| fw.foundations.get(f)?.items.get(i))
                .map_or(id.as_str(), |it| it.text.as_str());
            ul.push(el("li").t(text));
        }
        s.push(ul);
    }
    // Labels in the statements' columns.
    if !map.labels.is_empty() {
        let points = points(fw);
        let dont_know = std::iter::once(&fw.scale)
            .chain(fw.foundations.iter().filter_map(|f| f.scale.as_ref()))
            .find_map(|s| s.dont_know.clone());
        let mut table = el("table")
            .a("class", "map-labels")
            .c(el("caption")
                .a("id", "fc-map-labels")
                .t(&m.t("teamMapLabels")))
            .c(head(&[
                m.t("teamMapAnswer"),
                m.t("teamMapCells"),
                m.t("teamMapCounts"),
            ]));
        for (i, l) in map.labels.iter().enumerate() {
            let chosen = label_value(l.answer);
            let mut select = el("select")
                .a("data-m", &TeamMsg::MapLabel(i, String::new()).code())
                .a(
                    "aria-label",
                    &m.fill("teamMapLabelLabel", &[("label", &l.label)]),
                )
                .c(option("", &m.t("teamMapUnmapped"), &chosen));
            for (v, text) in &points {
                select.push(option(&format!("p:{v}"), text, &chosen));
            }
            if let Some(dk) = &dont_know {
                select.push(option("dontKnow", dk, &chosen));
            }
            select.push(option("blank", &m.t("teamMapBlank"), &chosen));
            let class = if l.answer == LabelAnswer::Unmapped {
                "unmapped"
            } else {
                ""
            };
            table.push(
                el("tr")
                    .a("class", class)
                    .c(el("th").a("scope", "row").t(&l.label))
                    .c(el("td").t(&count_text(l.count)))
                    .c(el("td").c(select)),
            );
        }
        s.push(scroller("fc-map-labels", table));
    }
    // Labels in the respondent questions' columns.
    if !map.options.is_empty() {
        let mut table = el("table")
            .a("class", "map-options")
            .c(el("caption")
                .a("id", "fc-map-options")
                .t(&m.t("teamMapOptions")))
            .c(head(&[
                m.t("teamMapAnswer"),
                m.t("teamMapCells"),
                m.t("teamMapIs"),
            ]));
        for (i, o) in map.options.iter().enumerate() {
            let chosen = o.option.clone().unwrap_or_default();
            let field = fw.field(&o.field);
            let mut select = el("select")
                .a("data-m", &TeamMsg::MapOption(i, String::new()).code())
                .a(
                    "aria-label",
                    &m.fill(
                        "teamMapOptionLabel",
                        &[
                            ("label", &o.label),
                            ("question", field.map_or(o.field.as_str(), |f| &f.label)),
                        ],
                    ),
                )
                .c(option("", &m.t("teamMapUnmapped"), &chosen));
            for c in field.map_or(&[][..], |f| &f.options) {
                select.push(option(&c.id, &c.label, &chosen));
            }
            table.push(
                el("tr")
                    .c(el("th").a("scope", "row").t(&o.label))
                    .c(el("td").t(&count_text(o.count)))
                    .c(el("td").c(select)),
            );
        }
        s.push(scroller("fc-map-options", table));
    }
    if !pending.problems.is_empty() {
        let mut ul = el("ul").a("class", "rejected");
        for e in &pending.problems {
            ul.push(el("li").t(&e.to_string()));
        }
        s.push(
            el("div")
                .a("id", "fc-mapping-problems")
                .a("class", "problem")
                .a("tabindex", "-1")
                .c(p("", &m.t("teamMapProblems")))
                .c(ul),
        );
    }
    let add = m.strings.count("teamMapAdd", map.rows);
    s.push(row(
        "buttons",
        vec![
            button(&Msg::Team(TeamMsg::MapConfirm), &add, true),
            button(&Msg::Team(TeamMsg::MapCancel), &m.t("teamMapCancel"), false),
        ],
    ));
    if m.team.pending.len() > 1 {
        s.push(p(
            "hint",
            &m.strings.count("teamMapMore", m.team.pending.len() - 1),
        ));
    }
    s
}
