//! `mode="team"`: a facilitator brings a partnership's self-checks together, sees
//! where the partnership stands and where people see it differently, compares groups
//! and rounds, and takes the aggregate away. Nothing leaves the browser. The team
//! view's part of the model, its messages, update and view; compiled natively and into
//! the team build only.

use super::figures::{change_text, count_text, percent_text, share_text, stat_text};
use super::msg::{Body, Effect, Export, Focus, Msg};
use super::update::ask;
use super::view::{button, el, figure, heading, p, row, take_away, Node};
use super::{Confirm, Model};
use crate::chart::from::{chart_from_aggregate, AggregateChartOptions};
use crate::chart::RadarChart;
use crate::core::aggregation::{aggregate, Aggregate, Group, Options, DEFAULT_MIN_GROUP_SIZE};
use crate::core::aggregation::{Change, Withheld};
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::Response;
use crate::core::team::{self, Import, ImportReport};
use std::cell::RefCell;
use std::rc::Rc;

/// The team view's state.
#[derive(Default)]
pub struct Team {
    pub set: Vec<Response>,
    /// An earlier round, to compare with.
    pub previous: Vec<Response>,
    /// The respondent field (by position) groups are compared by.
    pub group_by: Option<usize>,
    pub report: Option<ImportReport>,
    /// Imports being read a slice at a time (into the earlier round when true).
    pub importing: Vec<(Import, bool)>,
    /// Whether the next slice is scheduled.
    pub ticking: bool,
    /// The aggregate shown, worked out once for the report, its chart and the exports.
    pub cache: AggregateCache,
    /// The share codes of the set, for saving it.
    pub codes: SetCodes,
}

/// The share codes of the set, made as responses are added (a slice at a time, with
/// the import that adds them) rather than all at once when the set is saved; each with
/// whether its response had comments when it was made (a duplicate's comments can join
/// a response held without any, which changes its code). Emptied wherever the set is
/// replaced or cleared, and kept for one framework.
#[derive(Default)]
pub struct SetCodes(RefCell<(usize, Vec<(String, bool)>)>);

impl SetCodes {
    pub fn clear(&self) {
        self.0.replace((0, Vec::new()));
    }

    /// Makes the codes of the responses added since.
    fn extend(&self, fw: &Framework, set: &[Response]) {
        let mut c = self.0.borrow_mut();
        let key = fw as *const Framework as usize;
        if c.0 != key || c.1.len() > set.len() {
            *c = (key, Vec::new());
        }
        let have = c.1.len();
        let new = set.get(have..).unwrap_or_default();
        c.1.extend(new.iter().map(|r| {
            (
                crate::codec::sharecode::encode(fw, r),
                !r.comments.is_empty(),
            )
        }));
    }

    /// Every code, one space between: made again where comments have joined.
    fn joined(&self, fw: &Framework, set: &[Response]) -> String {
        self.extend(fw, set);
        let mut c = self.0.borrow_mut();
        for ((code, commented), r) in c.1.iter_mut().zip(set) {
            if *commented == r.comments.is_empty() {
                *code = crate::codec::sharecode::encode(fw, r);
                *commented = !r.comments.is_empty();
            }
        }
        c.1.iter()
            .map(|(code, _)| code.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The aggregate of the set, kept until the set, the earlier round, the grouping or the
/// framework changes: every change to them is made by a message this module handles,
/// which empties it first, and it is also keyed by what a change would alter (so a
/// report never shows an aggregate of another set).
#[derive(Default)]
pub struct AggregateCache(RefCell<Option<(CacheKey, Rc<Aggregate>)>>);

/// The framework (by address), the grouping, and the set and earlier round (by
/// address and length).
type CacheKey = (usize, Option<usize>, usize, usize, usize, usize);

impl AggregateCache {
    pub fn clear(&self) {
        self.0.replace(None);
    }
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("set", &self.set.len())
            .field("previous", &self.previous.len())
            .field("importing", &self.importing.len())
            .finish()
    }
}

#[derive(Debug, PartialEq)]
pub enum TeamMsg {
    /// "Add these": the pasted text.
    Add(String),
    /// Files were chosen or dropped (their text follows in [`TeamMsg::File`]).
    Files,
    /// A file's text (`None` when it could not be read), into the earlier round when
    /// `previous`.
    File {
        name: String,
        text: Option<String>,
        previous: bool,
    },
    /// A file too large to read, with its size in bytes.
    TooBig {
        name: String,
        bytes: u64,
    },
    /// Read the next slice of the imports: this many units of work.
    Tick(usize),
    /// By a respondent field's id; `None` for everyone together.
    GroupBy(Option<String>),
    Clear,
    ClearPrevious,
    /// Text from the host page's script, read at once.
    Import {
        source: String,
        text: String,
        previous: bool,
    },
}

impl TeamMsg {
    pub fn code(&self) -> String {
        match self {
            TeamMsg::Add(_) => "t add",
            TeamMsg::GroupBy(_) => "t group",
            TeamMsg::Clear => "t clear",
            TeamMsg::ClearPrevious => "t earlier",
            _ => "",
        }
        .to_string()
    }

    pub fn decode(code: &str, value: &str) -> Option<TeamMsg> {
        Some(match code {
            "add" => TeamMsg::Add(value.to_string()),
            "group" => TeamMsg::GroupBy(Some(value.to_string()).filter(|v| !v.is_empty())),
            "clear" => TeamMsg::Clear,
            "earlier" => TeamMsg::ClearPrevious,
            _ => return None,
        })
    }
}

/// The team view's saved set: share codes (about 25 characters a response), so that
/// tens of thousands of responses fit in the browser's storage.
fn saved_text(m: &Model, fw: &Framework) -> String {
    let codes = |rs: &[Response]| {
        rs.iter()
            .map(|r| crate::codec::sharecode::encode(fw, r))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "{{\"v\":2,\"codes\":\"{}\",\"previous\":\"{}\"}}",
        m.team.codes.joined(fw, &m.team.set),
        codes(&m.team.previous)
    )
}

fn save(m: &mut Model, fw: &Framework, fx: &mut Vec<Effect>) {
    let (Some(key), text) = (m.read_key(), saved_text(m, fw)) else {
        return;
    };
    if m.stored.as_ref() != Some(&text) {
        m.stored = Some(text.clone());
        fx.push(Effect::Store(key, Some(text)));
    }
}

/// Reads a saved set into the model (false, leaving it as it was, when unreadable).
pub fn read_saved(m: &mut Model, fw: &Framework, text: &str) -> bool {
    m.team.codes.clear();
    m.team.cache.clear();
    let Ok(v) = crate::core::reader::parse_json_limited(text, 64 * 1024 * 1024) else {
        return false;
    };
    if v.get("v").and_then(|v| v.as_u64()) != Some(2) {
        return false;
    }
    let list = |key: &str| -> Option<Vec<Response>> {
        v.get(key)?
            .as_str()?
            .split_whitespace()
            .map(|c| crate::codec::sharecode::decode(fw, c).ok())
            .collect()
    };
    match (list("codes"), list("previous")) {
        (Some(set), Some(previous)) => {
            m.team.set = set;
            m.team.previous = previous;
            m.team.importing.clear();
            true
        }
        _ => false,
    }
}

/// An empty set (another tab cleared it).
pub fn empty(m: &mut Model) {
    m.team.codes.clear();
    m.team.cache.clear();
    m.team.set.clear();
    m.team.previous.clear();
    m.team.importing.clear();
    m.team.report = None;
}

/// Imports the codes of a `#fc-team=code1,code2` link.
pub fn open_link(m: &mut Model, fw: &Framework, hash: &str, fx: &mut Vec<Effect>) {
    m.team.cache.clear();
    let Some(i) = hash.find("fc-team=") else {
        return;
    };
    let codes = hash.get(i + 8..).unwrap_or_default().replace(',', "\n");
    let source = m.t("teamFromLink");
    m.team.report = Some(team::import(fw, &mut m.team.set, &source, &codes));
    save(m, fw, fx);
    fx.push(Effect::Render);
}

fn merge(m: &mut Model, r: ImportReport) {
    let total = m.team.report.get_or_insert_with(ImportReport::default);
    total.added += r.added;
    total.duplicates += r.duplicates;
    total.rejected.extend(r.rejected);
}

fn rejected(m: &mut Model, source: &str, message: String) {
    merge(
        m,
        ImportReport {
            rejected: vec![Issue::new(source, message)],
            ..ImportReport::default()
        },
    );
}

/// Starts reading text a slice at a time, so that the page stays responsive while
/// thousands of responses are read; the report follows when all is read.
fn queue(m: &mut Model, source: &str, text: String, previous: bool, fx: &mut Vec<Effect>) {
    m.team.importing.push((Import::new(source, text), previous));
    if !m.team.ticking {
        m.team.ticking = true;
        fx.push(Effect::Tick);
    }
}

pub fn update(m: &mut Model, msg: TeamMsg, fx: &mut Vec<Effect>) {
    m.team.cache.clear();
    let Some(fw) = m.fw().cloned() else { return };
    if m.confirm.is_some() {
        return;
    }
    match msg {
        TeamMsg::Add(text) => {
            m.team.report = None;
            if text.trim().is_empty() {
                rejected(m, "", m.t("teamNothing"));
                fx.push(Effect::Render);
                fx.push(Effect::Focus(Focus::Report));
            } else {
                let source = m.t("teamPasted");
                queue(m, &source, text, false, fx);
                fx.push(Effect::Render);
            }
        }
        TeamMsg::Files => {
            m.team.report = None;
            fx.push(Effect::Render);
        }
        TeamMsg::File {
            name,
            text,
            previous,
        } => {
            match text {
                Some(t) => queue(m, &name, t, previous, fx),
                None => rejected(m, &name, "could not be read".into()),
            }
            fx.push(Effect::Render);
        }
        TeamMsg::TooBig { name, bytes } => {
            let message = format!(
                "is {} MB; files of up to {} MB can be imported",
                count_text(((bytes + 500_000) / 1_000_000) as usize),
                team::MAX_IMPORT_BYTES / 1_000_000
            );
            rejected(m, &name, message);
            fx.push(Effect::Render);
        }
        TeamMsg::Tick(units) => {
            m.team.ticking = false;
            let Some((job, previous)) = m.team.importing.first_mut() else {
                return;
            };
            let set = if *previous {
                &mut m.team.previous
            } else {
                &mut m.team.set
            };
            let done = job.step(&fw, set, units.max(1));
            if !*previous {
                // The codes of the responses this slice added, for saving the set.
                m.team.codes.extend(&fw, &m.team.set);
            }
            if done {
                let (job, _) = m.team.importing.remove(0);
                merge(m, job.finish());
                if m.team.importing.is_empty() {
                    save(m, &fw, fx);
                    fx.push(Effect::Render);
                    fx.push(Effect::Focus(Focus::Report));
                    return;
                }
            }
            m.team.ticking = true;
            fx.push(Effect::Progress);
            fx.push(Effect::Tick);
        }
        TeamMsg::GroupBy(g) => {
            m.team.group_by = g.and_then(|id| fw.respondent_fields.iter().position(|f| f.id == id));
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Control(Msg::Team(TeamMsg::GroupBy(
                None,
            )))));
        }
        TeamMsg::Clear => ask(m, Confirm::ClearTeam, fx),
        TeamMsg::ClearPrevious => {
            m.team.previous.clear();
            save(m, &fw, fx);
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Heading));
        }
        TeamMsg::Import {
            source,
            text,
            previous,
        } => {
            m.team.report = None;
            let set = if previous {
                &mut m.team.previous
            } else {
                &mut m.team.set
            };
            let r = team::import(&fw, set, &source, &text);
            merge(m, r);
            save(m, &fw, fx);
            fx.push(Effect::Render);
        }
    }
}

/// "Yes, clear them": every self-check and the earlier round go.
pub fn clear(m: &mut Model, fx: &mut Vec<Effect>) {
    m.team.codes.clear();
    m.team.cache.clear();
    let Some(fw) = m.fw().cloned() else { return };
    empty(m);
    save(m, &fw, fx);
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Heading));
}

/// Where the import being read has got to: (done, total).
pub fn progress(m: &Model) -> Option<(usize, usize)> {
    m.team.importing.first().map(|(job, _)| job.progress())
}

/// The progress line: until the first slice has found the responses, no count.
pub fn progress_text(m: &Model) -> String {
    match progress(m) {
        Some((done, total)) if total > 0 => m.fill(
            "teamReading",
            &[("done", &count_text(done)), ("total", &count_text(total))],
        ),
        _ => m.t("teamStarting"),
    }
}

fn team_aggregate(m: &Model, fw: &Framework) -> Option<Rc<Aggregate>> {
    let t = &m.team;
    let key = (
        fw as *const Framework as usize,
        t.group_by,
        t.set.as_ptr() as usize,
        t.set.len(),
        t.previous.as_ptr() as usize,
        t.previous.len(),
    );
    if let Some((k, agg)) = t.cache.0.borrow().as_ref() {
        if *k == key {
            return Some(agg.clone());
        }
    }
    let agg = Rc::new(work_out(m, fw)?);
    t.cache.0.replace(Some((key, agg.clone())));
    Some(agg)
}

fn work_out(m: &Model, fw: &Framework) -> Option<Aggregate> {
    let previous = (!m.team.previous.is_empty()).then_some(m.team.previous.as_slice());
    aggregate(
        fw,
        &m.team.set,
        &Options {
            group_by: m
                .team
                .group_by
                .and_then(|g| fw.respondent_fields.get(g))
                .map(|f| f.id.clone()),
            min_group_size: None,
            previous,
            raw: false,
        },
    )
    .ok()
}

pub fn chart(m: &Model, fw: &Framework, w: u32, h: u32) -> Option<RadarChart> {
    if m.team.set.is_empty() {
        return None;
    }
    // On a phone, room below for the legend, so that the axes keep their labels at a
    // legible size.
    let h = if w < 480 { w * 4 / 3 } else { h };
    let agg = team_aggregate(m, fw)?;
    let opts = AggregateChartOptions {
        by_group: m.team.group_by.is_some(),
        label: None,
        title: Some(fw.title.clone()),
        width: Some(w),
        height: Some(h),
    };
    chart_from_aggregate(fw, &agg, &opts).ok()
}

pub fn download(m: &Model, fw: &Framework, e: Export) -> Option<Effect> {
    let agg = team_aggregate(m, fw)?;
    let (suffix, body) = match e {
        Export::Csv => (
            "summary.csv",
            Body::Text("text/csv", team::aggregate_csv(fw, &agg)),
        ),
        Export::Json => {
            let list = m
                .team
                .set
                .iter()
                .map(Response::to_json)
                .collect::<Vec<_>>()
                .join(",\n");
            (
                "responses.json",
                Body::Text(
                    "application/json",
                    format!("{{\"responses\":[\n{list}\n]}}"),
                ),
            )
        }
        Export::Svg | Export::Png => {
            let png = e == Export::Png;
            let c = chart(m, fw, 800, 640)?;
            (
                if png { "chart.png" } else { "chart.svg" },
                Body::Chart(Box::new(c), png),
            )
        }
    };
    Some(Effect::Download(format!("{}-team-{suffix}", fw.id), body))
}

fn group_label(fw: &Framework, g: &Group) -> String {
    fw.field(&g.field)
        .and_then(|f| f.options.iter().find(|o| o.id == g.option))
        .map_or(g.option.clone(), |o| o.label.clone())
}

/// A table in a region of its own that scrolls sideways when the table is wider than
/// the screen, instead of the page.
fn scroller(id: &str, table: Node) -> Node {
    el("div")
        .a("class", "scroll")
        .a("role", "region")
        .a("aria-labelledby", id)
        .a("tabindex", "0")
        .c(table)
}

fn file_input(id: &str, code: &str) -> Node {
    el("input")
        .a("type", "file")
        .a("id", id)
        .a("multiple", "")
        .a(
            "accept",
            ".json,.csv,.txt,application/json,text/csv,text/plain",
        )
        .a("data-m", code)
}

pub fn view(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    out.push(heading(&m.fill("teamTitle", &[("title", &fw.title)])));
    // Bringing results in.
    let mut imp = el("section")
        .a("class", "import")
        .a("aria-labelledby", "fc-import")
        .a("data-drop", "team")
        .c(el("h3").a("id", "fc-import").t(&m.t("teamAdd")))
        .c(p("hint", &m.t("teamAddHint")))
        .c(el("label").a("for", "fc-codes").t(&m.t("teamCodes")))
        .c(el("textarea")
            .a("id", "fc-codes")
            .a("rows", "4")
            .a("spellcheck", "false")
            .a("autocomplete", "off"))
        .c(row(
            "buttons",
            vec![button(
                &Msg::Team(TeamMsg::Add(String::new())),
                &m.t("teamAddButton"),
                true,
            )],
        ))
        .c(el("label").a("for", "fc-files").t(&m.t("teamFiles")))
        .c(file_input("fc-files", "t files"))
        .c(el("label").a("for", "fc-previous").t(&m.t("teamPrevious")))
        .c(file_input("fc-previous", "t previous"));
    if let Some((done, total)) = progress(m) {
        // While responses are read: a progress bar, refreshed in place.
        let mut bar = el("progress").a("aria-labelledby", "fc-progress");
        if total > 0 {
            bar = bar
                .a("max", &count_text(total))
                .a("value", &count_text(done));
        }
        imp.push(p("", &progress_text(m)).a("id", "fc-progress"));
        imp.push(bar);
    }
    let mut status = el("div")
        .a("class", "report")
        .a("role", "status")
        .a("tabindex", "-1");
    if let Some(r) = &m.team.report {
        status.push(p(
            "",
            &m.fill(
                "teamReport",
                &[
                    ("added", &count_text(r.added)),
                    ("duplicates", &count_text(r.duplicates)),
                    ("rejected", &count_text(r.rejected.len())),
                ],
            ),
        ));
        if !r.rejected.is_empty() {
            let mut ul = el("ul").a("class", "rejected");
            for e in r.rejected.iter().take(100) {
                ul.push(el("li").t(&e.to_string()));
            }
            if r.rejected.len() > 100 {
                ul.push(el("li").t(&m.fill(
                    "teamMore",
                    &[("count", &count_text(r.rejected.len() - 100))],
                )));
            }
            status.push(ul);
        }
    }
    imp.push(status);
    out.push(imp);
    if m.team.set.is_empty() {
        out.push(p("", &m.t("teamEmpty")));
        return;
    }
    let Some(agg) = team_aggregate(m, fw) else {
        return;
    };
    // Where the partnership stands.
    let mut summary = el("section").a("aria-labelledby", "fc-summary").c(el("h3")
        .a("id", "fc-summary")
        .t(&m.strings.count("teamCount", agg.respondents)));
    if let Some((mean, Some(l))) = team::overall(fw, &agg) {
        let published = agg
            .foundations
            .iter()
            .filter(|f| f.median.is_some())
            .count();
        summary.push(p(
            "overall",
            &m.fill(
                "overall",
                &[
                    ("band", &l.label),
                    ("percent", &percent_text(fw, mean)),
                    ("scored", &count_text(published)),
                    ("total", &count_text(fw.foundations.len())),
                ],
            ),
        ));
    }
    if let Some(sentence) = team::disagreement(fw, &agg) {
        summary.push(p("sentence", &sentence));
    }
    if !m.team.previous.is_empty() {
        summary.push(p(
            "",
            &m.strings.count("teamPreviousCount", m.team.previous.len()),
        ));
    }
    // Compare groups.
    if !fw.respondent_fields.is_empty() {
        summary.push(el("label").a("for", "fc-group").t(&m.t("teamGroupBy")));
        let mut select = el("select")
            .a("id", "fc-group")
            .a("data-m", &TeamMsg::GroupBy(None).code())
            .c(el("option").a("value", "").t(&m.t("teamEveryone")));
        for (k, f) in fw.respondent_fields.iter().enumerate() {
            let mut o = el("option").a("value", &f.id).t(&f.label);
            if m.team.group_by == Some(k) {
                o = o.a("selected", "");
            }
            select.push(o);
        }
        summary.push(select);
    }
    out.push(summary);
    if let Some(c) = super::view::chart(m) {
        let alt = crate::chart::summary(&c);
        out.extend(figure(m, None, alt).into_iter().take(1));
    }
    let hidden: Vec<String> = agg
        .groups
        .iter()
        .filter(|g| g.suppressed)
        .map(|g| {
            let key = if g.n < DEFAULT_MIN_GROUP_SIZE {
                "teamSuppressed"
            } else {
                "teamHiddenNote"
            };
            m.fill(key, &[("group", &group_label(fw, g))])
        })
        .collect();
    if !hidden.is_empty() {
        out.push(p("hint", &hidden.join(" ")));
    }
    tables(m, fw, &agg, out);
    out.push(take_away(m));
    let mut nav = Vec::new();
    if !m.team.previous.is_empty() {
        nav.push(button(
            &Msg::Team(TeamMsg::ClearPrevious),
            &m.t("teamClearPrevious"),
            false,
        ));
    }
    nav.push(button(&Msg::Team(TeamMsg::Clear), &m.t("teamClear"), false));
    out.push(row("nav", nav));
}

fn tables(m: &Model, fw: &Framework, agg: &Aggregate, out: &mut Vec<Node>) {
    let earlier = !m.team.previous.is_empty();
    let mut head = el("tr");
    let mut cols = vec![
        m.t("foundation"),
        m.t("teamMedian"),
        m.t("teamMiddle"),
        "n".to_string(),
        m.t("teamDontKnow"),
        m.t("teamSplit"),
    ];
    if earlier {
        cols.push(m.t("teamChange"));
    }
    for c in cols {
        head.push(el("th").a("scope", "col").t(&c));
    }
    let mut table = el("table")
        .a("part", "table")
        .c(el("caption")
            .a("id", "fc-table")
            .t(&m.t("teamTableCaption")))
        .c(head);
    for (f, s) in fw.foundations.iter().zip(&agg.foundations) {
        let mut tr = el("tr").c(el("th").a("scope", "row").t(&f.name));
        if let Some(why) = s.withheld {
            // What is withheld, and why, across the figures' columns.
            tr.push(
                el("td")
                    .a("colspan", "5")
                    .t(&team::withheld_text(&agg, why)),
            );
            if earlier {
                tr.push(el("td").t("–"));
            }
            table.push(tr);
            continue;
        }
        let split = if s.split {
            m.fill("teamSplitYes", &[("share", &share_text(fw, s.outside))])
        } else {
            m.t("teamSplitNo")
        };
        tr.push(el("td").t(&stat_text(fw, s.median)));
        tr.push(el("td").t(&format!("{}–{}", stat_text(fw, s.q1), stat_text(fw, s.q3))));
        tr.push(el("td").t(&count_text(s.n)));
        tr.push(el("td").t(&format!("{}%", share_text(fw, s.dont_know_rate))));
        tr.push(el("td").t(&split));
        if earlier {
            // The size of the change always; whether it is clear by the rank test.
            let text = match (s.delta, s.change) {
                (Some(x), Some(c)) => {
                    let key = match c {
                        Change::Up => "teamUp",
                        Change::Down => "teamDown",
                        Change::Steady => "teamSteady",
                    };
                    m.fill(key, &[("points", &change_text(fw, x))])
                }
                _ => "–".to_string(),
            };
            tr.push(el("td").t(&text));
        }
        table.push(tr);
    }
    out.push(scroller("fc-table", table));
    // Groups side by side, biggest gaps first.
    if agg.groups.is_empty() {
        return;
    }
    let groups: Vec<&Group> = agg.groups.iter().filter(|g| g.n > 0).collect();
    let fewer = || m.fill("teamFew", &[("n", &count_text(agg.min_group_size))]);
    let few = |g: &Group| {
        if g.n < agg.min_group_size {
            fewer()
        } else {
            m.t("teamHidden")
        }
    };
    let mut head = el("tr").c(el("th").a("scope", "col").t(&m.t("foundation")));
    for g in &groups {
        let n = if g.suppressed {
            few(g)
        } else {
            format!("n={}", count_text(g.n))
        };
        head.push(
            el("th")
                .a("scope", "col")
                .t(&format!("{} ({n})", group_label(fw, g))),
        );
    }
    head.push(el("th").a("scope", "col").t(&m.t("teamGap")));
    let mut gt = el("table")
        .a("class", "groups")
        .c(el("caption")
            .a("id", "fc-groups")
            .t(&m.t("teamGroupCaption")))
        .c(head);
    for (i, gap) in team::group_gaps(agg) {
        let Some(f) = fw.foundations.get(i) else {
            continue;
        };
        let mut tr = el("tr").c(el("th").a("scope", "row").t(&f.name));
        for g in &groups {
            let cell = if g.suppressed {
                few(g)
            } else {
                g.foundations
                    .get(i)
                    .map_or_else(String::new, |f| match f.withheld {
                        Some(Withheld::FewerThanMinimum) => fewer(),
                        Some(Withheld::Complementary) => m.t("teamHidden"),
                        None => m.fill(
                            "teamCell",
                            &[
                                ("median", &stat_text(fw, f.median)),
                                ("dk", &share_text(fw, f.dont_know_rate)),
                            ],
                        ),
                    })
            };
            tr.push(el("td").t(&cell));
        }
        tr.push(el("td").t(&stat_text(fw, gap)));
        gt.push(tr);
    }
    out.push(scroller("fc-groups", gt));
}
