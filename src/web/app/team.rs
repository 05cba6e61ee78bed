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
use crate::codec::intake::Format;
use crate::codec::json::Value;
use crate::core::aggregation::{aggregate, Aggregate, Group, Options, DEFAULT_MIN_GROUP_SIZE};
use crate::core::aggregation::{Change, Withheld};
use crate::core::comments::{comments, comments_csv, CommentOptions, CommentReport};
use crate::core::framework::{Framework, RespondentField};
use crate::core::gather::{ImportOptions, Input};
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
    /// What the imports have done since the set last changed otherwise (a round
    /// removed, the set cleared, another tab's set taken in): one report, each import
    /// merged into it ([`ImportReport::merge`]).
    pub report: Option<ImportReport>,
    /// The last import the host page asked for (`importResponses`), on its own.
    pub host_report: Option<ImportReport>,
    /// A problem with what was asked that is no import's ("nothing to add"), by key.
    pub note: Option<&'static str>,
    /// The paste box's text: what was pasted while it is read, then the lines that
    /// could not be read, for correcting and adding again.
    pub paste: String,
    /// Imports being read a slice at a time.
    pub importing: Vec<Job>,
    /// Whether the next slice is scheduled.
    pub ticking: bool,
    /// Survey exports whose mapping waits for the facilitator (the first is shown).
    pub pending: Vec<super::mapping::Pending>,
    /// Ids of comments hidden from the report (`core::comments::comment_id`).
    pub hidden: Vec<String>,
    /// The sources the report names, each once, and whether it gave any self-check
    /// (added, or already there): a file that gave none is named with its problems.
    pub sources: Vec<(String, bool)>,
    /// The aggregate shown, worked out once for the report, its chart and the exports.
    pub cache: AggregateCache,
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

/// An import being read.
pub struct Job {
    pub import: Import,
    /// Into the earlier round.
    pub previous: bool,
    /// What was imported, kept while it may be a survey export whose mapping is to be
    /// confirmed (and imported again with it).
    pub keep: Option<(String, Input)>,
    /// From the paste box, whose unread lines go back into it.
    pub pasted: bool,
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("set", &self.set.len())
            .field("previous", &self.previous.len())
            .field("importing", &self.importing.len())
            .field("pending", &self.pending.len())
            .finish()
    }
}

#[derive(Debug, PartialEq)]
pub enum TeamMsg {
    /// "Add these": the pasted text.
    Add(String),
    /// Files were chosen or dropped (their bytes follow in [`TeamMsg::File`]).
    Files,
    /// A file's bytes (`None` when the browser could not read it), into the earlier
    /// round when `previous`.
    File {
        name: String,
        bytes: Option<Vec<u8>>,
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
    /// A column of the survey export shown (by position) is read as this
    /// ([`super::mapping::column_value`]).
    MapColumn(usize, String),
    /// A label of the statements' columns (by position) counts as this.
    MapLabel(usize, String),
    /// A label of a respondent question's column (by position) is this option.
    MapOption(usize, String),
    /// Add the survey export shown with its mapping as it now is.
    MapConfirm,
    /// Add nothing from it.
    MapCancel,
    /// Hide a comment from the report, or show it again (by its id).
    Hide(String),
    /// Download the comments as CSV.
    CommentsCsv,
}

impl TeamMsg {
    pub fn code(&self) -> String {
        match self {
            TeamMsg::Add(_) => "t add".into(),
            TeamMsg::GroupBy(_) => "t group".into(),
            TeamMsg::Clear => "t clear".into(),
            TeamMsg::ClearPrevious => "t earlier".into(),
            TeamMsg::MapColumn(i, _) => format!("t col {i}"),
            TeamMsg::MapLabel(i, _) => format!("t label {i}"),
            TeamMsg::MapOption(i, _) => format!("t option {i}"),
            TeamMsg::MapConfirm => "t map add".into(),
            TeamMsg::MapCancel => "t map cancel".into(),
            TeamMsg::Hide(id) => format!("t hide {id}"),
            TeamMsg::CommentsCsv => "t comments".into(),
            _ => String::new(),
        }
    }

    pub fn decode(code: &str, value: &str) -> Option<TeamMsg> {
        let (head, rest) = code.split_once(' ').unwrap_or((code, ""));
        let num = || rest.parse::<usize>().ok();
        let value = value.to_string();
        Some(match (head, rest) {
            ("add", "") => TeamMsg::Add(value),
            ("group", "") => TeamMsg::GroupBy(Some(value).filter(|v| !v.is_empty())),
            ("clear", "") => TeamMsg::Clear,
            ("earlier", "") => TeamMsg::ClearPrevious,
            ("col", _) => TeamMsg::MapColumn(num()?, value),
            ("label", _) => TeamMsg::MapLabel(num()?, value),
            ("option", _) => TeamMsg::MapOption(num()?, value),
            ("map", "add") => TeamMsg::MapConfirm,
            ("map", "cancel") => TeamMsg::MapCancel,
            ("hide", id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit()) => {
                TeamMsg::Hide(id.to_string())
            }
            ("comments", "") => TeamMsg::CommentsCsv,
            _ => return None,
        })
    }
}

/// The team view's saved set: share codes (about 25 characters a response), so that
/// tens of thousands of responses fit in the browser's storage; a response whose
/// comments do not fit in its code is kept whole, as JSON; and the ids of comments
/// hidden from the report. `{"v":3,"codes","previous","full","fullPrevious","hidden"}`
/// (a build that reads only version 2 sets it aside rather than lose the comments).
fn saved_text(m: &Model, fw: &Framework) -> String {
    use crate::codec::sharecode::{share, CodeComments};
    let split = |rs: &[Response]| {
        let mut codes = Vec::new();
        let mut full = Vec::new();
        for r in rs {
            let s = share(fw, r);
            if s.comments == CodeComments::LeftOut {
                full.push(r.to_json());
            } else {
                codes.push(s.code);
            }
        }
        (codes.join(" "), full.join(","))
    };
    let (codes, full) = split(&m.team.set);
    let (previous, full_previous) = split(&m.team.previous);
    let mut hidden = String::new();
    for (i, id) in m.team.hidden.iter().enumerate() {
        if i > 0 {
            hidden.push(',');
        }
        crate::codec::json::push_str(&mut hidden, id);
    }
    format!(
        "{{\"v\":3,\"codes\":\"{codes}\",\"previous\":\"{previous}\",\"full\":[{full}],\"fullPrevious\":[{full_previous}],\"hidden\":[{hidden}]}}"
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

/// Reads a saved set (version 2 or 3) into the model (false, leaving it as it was,
/// when unreadable).
pub fn read_saved(m: &mut Model, fw: &Framework, text: &str) -> bool {
    m.team.cache.clear();
    let Ok(v) = crate::core::reader::parse_json_limited(text, 64 * 1024 * 1024) else {
        return false;
    };
    let version = v.get("v").and_then(Value::as_u64);
    if !matches!(version, Some(2 | 3)) {
        return false;
    }
    let list = |codes: &str, full: &str| -> Option<Vec<Response>> {
        let mut out: Vec<Response> = v
            .get(codes)?
            .as_str()?
            .split_whitespace()
            .map(|c| crate::codec::sharecode::decode(fw, c).ok())
            .collect::<Option<_>>()?;
        match v.get(full) {
            None => {}
            Some(Value::Array(a)) => {
                for r in a {
                    out.push(Response::from_value(fw, r, full).ok()?);
                }
            }
            Some(_) => return None,
        }
        Some(out)
    };
    let hidden: Option<Vec<String>> = match v.get("hidden") {
        None => Some(Vec::new()),
        Some(Value::Array(a)) => a.iter().map(|x| x.as_str().map(str::to_string)).collect(),
        Some(_) => None,
    };
    match (
        list("codes", "full"),
        list("previous", "fullPrevious"),
        hidden,
    ) {
        (Some(set), Some(previous), Some(hidden)) => {
            m.team.set = set;
            m.team.previous = previous;
            m.team.hidden = hidden;
            m.team.importing.clear();
            m.team.pending.clear();
            m.team.report = None;
            true
        }
        _ => false,
    }
}

/// An empty set (another tab cleared it).
pub fn empty(m: &mut Model) {
    m.team.cache.clear();
    m.team.set.clear();
    m.team.previous.clear();
    m.team.importing.clear();
    m.team.pending.clear();
    m.team.hidden.clear();
    m.team.report = None;
    m.team.note = None;
}

/// Imports the codes of a `#fc-team=code1,code2` link.
pub fn open_link(m: &mut Model, fw: &Framework, hash: &str, fx: &mut Vec<Effect>) {
    m.team.cache.clear();
    let Some(i) = hash.find("fc-team=") else {
        return;
    };
    let codes = hash.get(i + 8..).unwrap_or_default().replace(',', "\n");
    let source = m.t("teamFromLink");
    let r = team::import(fw, &mut m.team.set, &source, &codes);
    merge(m, r);
    save(m, fw, fx);
    fx.push(Effect::Render);
}

/// Adds an import's report to the one shown. It says where the self-checks came
/// from: the sources that gave any ("a.json, b.csv and pasted text"), or, while none
/// has, every source tried (a file of nothing but problems is named with them).
fn merge(m: &mut Model, mut r: ImportReport) {
    if m.team.report.is_none() {
        m.team.sources.clear();
    }
    let gave = r.added > 0 || r.duplicates > 0;
    let source = std::mem::take(&mut r.source);
    if !source.is_empty() {
        match m.team.sources.iter_mut().find(|(s, _)| *s == source) {
            Some((_, g)) => *g |= gave,
            None => m.team.sources.push((source, gave)),
        }
    }
    let any = m.team.sources.iter().any(|(_, g)| *g);
    let names: Vec<&str> = m
        .team
        .sources
        .iter()
        .filter(|(_, g)| *g || !any)
        .map(|(s, _)| s.as_str())
        .collect();
    let source = and_list(&names);
    match &mut m.team.report {
        Some(total) => {
            total.merge(r);
            total.source = source;
        }
        None => {
            r.source = source;
            m.team.report = Some(r);
        }
    }
}

/// Names as a list in words: "a", "a and b", "a, b and c", "a, b and 3 more".
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] if names.len() <= 3 => format!("{} and {last}", rest.join(", ")),
        [a, b, ..] => format!("{a}, {b} and {} more", names.len() - 2),
    }
}

fn rejected(m: &mut Model, source: &str, message: String) {
    merge(
        m,
        ImportReport {
            source: source.to_string(),
            rejected: vec![Issue::new(source, message)],
            ..ImportReport::default()
        },
    );
}

/// An export of "Download all responses" with its earlier round (`{"responses": [...],
/// "previous": [...]}`): the two rounds' JSON, each to be imported on its own. `None`
/// for anything else (read as ever). Only text that names a `previous` member is
/// parsed here, so other files are read a slice at a time as before.
pub fn rounds(input: &Input) -> Option<(String, String)> {
    let text = match input {
        Input::Text(t) => std::borrow::Cow::Borrowed(t.as_str()),
        Input::Bytes(b) => std::str::from_utf8(b).ok()?.into(),
    };
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('{') || !body.contains("\"previous\"") {
        return None;
    }
    let v = crate::core::reader::parse_json_limited(body, team::MAX_IMPORT_BYTES).ok()?;
    let (Some(now @ Value::Array(_)), Some(then @ Value::Array(_))) =
        (v.get("responses"), v.get("previous"))
    else {
        return None;
    };
    let wrap = |list: &Value| format!("{{\"responses\":{}}}", super::write::to_text(list, false));
    Some((wrap(now), wrap(then)))
}

/// Starts reading an import a slice at a time, so that the page stays responsive while
/// thousands of responses are read; the report follows when all is read. An export
/// with its earlier round is read as its two rounds.
fn queue(
    m: &mut Model,
    source: &str,
    input: Input,
    previous: bool,
    pasted: bool,
    fx: &mut Vec<Effect>,
) {
    if !previous {
        if let Some((now, then)) = rounds(&input) {
            let earlier = m.fill("teamEarlierOf", &[("source", source)]);
            push_job(m, source, Input::Text(now), false, pasted, None, fx);
            push_job(m, &earlier, Input::Text(then), true, false, None, fx);
            return;
        }
    }
    // A survey export's mapping is confirmed before it is read again with it: the input
    // is kept unless its name says JSON or e-mail.
    let keep = !matches!(
        Format::from_file_name(source),
        Some(Format::Json | Format::Email)
    );
    let kept = keep.then(|| (source.to_string(), input.clone()));
    push_job(m, source, input, previous, pasted, kept, fx);
}

#[allow(clippy::too_many_arguments)]
fn push_job(
    m: &mut Model,
    source: &str,
    input: Input,
    previous: bool,
    pasted: bool,
    keep: Option<(String, Input)>,
    fx: &mut Vec<Effect>,
) {
    let import = Import::with(source, input, ImportOptions::default());
    queue_import(m, import, previous, pasted, keep, fx);
}

/// Queues an import (read by ticks).
pub(super) fn queue_import(
    m: &mut Model,
    import: Import,
    previous: bool,
    pasted: bool,
    keep: Option<(String, Input)>,
    fx: &mut Vec<Effect>,
) {
    m.team.importing.push(Job {
        import,
        previous,
        keep,
        pasted,
    });
    if !m.team.ticking {
        m.team.ticking = true;
        fx.push(Effect::Tick);
    }
}

/// An import has been read: its report joins the one shown, a survey export's mapping
/// waits for confirmation, and the paste box keeps the lines that could not be read.
fn finished(m: &mut Model, job: Job, mut r: ImportReport) {
    if job.pasted {
        m.team.paste = r.unread.join("\n");
    }
    if let (Some(mapping), Some((source, input))) = (r.mapping.take(), job.keep) {
        // The mapping is shown apart, with its own sentences, until it is confirmed;
        // nothing was added.
        m.team.pending.push(super::mapping::Pending::new(
            source,
            input,
            job.previous,
            mapping,
        ));
        if r.rejected.is_empty() && r.added == 0 && r.duplicates == 0 {
            return;
        }
    }
    merge(m, r);
}

pub fn update(m: &mut Model, msg: TeamMsg, fx: &mut Vec<Effect>) {
    m.team.cache.clear();
    let Some(fw) = m.fw().cloned() else { return };
    if m.confirm.is_some() {
        return;
    }
    match msg {
        TeamMsg::Add(text) => {
            m.team.note = None;
            if text.trim().is_empty() {
                m.team.note = Some("teamNothing");
                fx.push(Effect::Render);
                fx.push(Effect::Focus(Focus::Report));
            } else {
                let source = m.t("teamPasted");
                m.team.paste = text.clone();
                queue(m, &source, Input::Text(text), false, true, fx);
                fx.push(Effect::Render);
            }
        }
        TeamMsg::Files => {
            m.team.note = None;
        }
        TeamMsg::File {
            name,
            bytes,
            previous,
        } => {
            match bytes {
                Some(b) => match team::size_problem(b.len()) {
                    Some(problem) => rejected(m, &name, problem),
                    None => queue(m, &name, Input::Bytes(b), previous, false, fx),
                },
                None => rejected(m, &name, m.t("teamUnreadable")),
            }
            fx.push(Effect::Render);
            if m.team.importing.is_empty() {
                fx.push(Effect::Focus(Focus::Report));
            }
        }
        TeamMsg::TooBig { name, bytes } => {
            let problem = team::size_problem(bytes as usize).unwrap_or_default();
            rejected(m, &name, problem);
            fx.push(Effect::Render);
            if m.team.importing.is_empty() {
                fx.push(Effect::Focus(Focus::Report));
            }
        }
        TeamMsg::Tick(units) => {
            m.team.ticking = false;
            let Some(job) = m.team.importing.first_mut() else {
                return;
            };
            let set = if job.previous {
                &mut m.team.previous
            } else {
                &mut m.team.set
            };
            if job.import.step(&fw, set, units.max(1)) {
                let mut job = m.team.importing.remove(0);
                let import = std::mem::replace(&mut job.import, Import::new("", String::new()));
                finished(m, job, import.finish());
                if m.team.importing.is_empty() {
                    save(m, &fw, fx);
                    fx.push(Effect::Render);
                    fx.push(Effect::Focus(if m.team.pending.is_empty() {
                        Focus::Report
                    } else {
                        Focus::Selector("#fc-mapping")
                    }));
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
            // The set changed otherwise than by an import: the report starts again.
            m.team.report = None;
            m.team.note = None;
            save(m, &fw, fx);
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Heading));
        }
        TeamMsg::Import {
            source,
            text,
            previous,
        } => {
            let input = Input::Text(text);
            let parts = match rounds(&input).filter(|_| !previous) {
                Some((now, then)) => {
                    let earlier = m.fill("teamEarlierOf", &[("source", &source)]);
                    vec![(source, now, false), (earlier, then, true)]
                }
                None => match input {
                    Input::Text(t) => vec![(source, t, previous)],
                    Input::Bytes(_) => Vec::new(),
                },
            };
            let mut host = ImportReport::default();
            for (source, text, previous) in parts {
                let set = if previous {
                    &mut m.team.previous
                } else {
                    &mut m.team.set
                };
                let r = team::import(&fw, set, &source, &text);
                host.merge(r.clone());
                merge(m, r);
            }
            m.team.host_report = Some(host);
            save(m, &fw, fx);
            fx.push(Effect::Render);
        }
        TeamMsg::MapColumn(..)
        | TeamMsg::MapLabel(..)
        | TeamMsg::MapOption(..)
        | TeamMsg::MapConfirm
        | TeamMsg::MapCancel => super::mapping::update(m, &fw, msg, fx),
        TeamMsg::Hide(id) => {
            match m.team.hidden.iter().position(|h| *h == id) {
                Some(i) => {
                    m.team.hidden.remove(i);
                }
                None => m.team.hidden.push(id.clone()),
            }
            save(m, &fw, fx);
            let said = if m.team.hidden.contains(&id) {
                "teamHiddenSaid"
            } else {
                "teamShownSaid"
            };
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Control(Msg::Team(TeamMsg::Hide(id)))));
            fx.push(Effect::Say(m.t(said)));
        }
        TeamMsg::CommentsCsv => {
            if let Some(c) = comment_report(m, &fw) {
                fx.push(Effect::Download(
                    format!("{}-team-comments.csv", fw.id),
                    Body::Text("text/csv", comments_csv(&fw, &c)),
                ));
            }
        }
    }
}

/// "Yes, clear them": every self-check and the earlier round go.
pub fn clear(m: &mut Model, fx: &mut Vec<Effect>) {
    m.team.cache.clear();
    let Some(fw) = m.fw().cloned() else { return };
    empty(m);
    save(m, &fw, fx);
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Heading));
}

/// Where the import being read has got to: (done, total).
pub fn progress(m: &Model) -> Option<(usize, usize)> {
    m.team.importing.first().map(|job| job.import.progress())
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

/// "Download all responses": `{"responses": [...]}`, with the earlier round as its own
/// part (`"previous": [...]`) when there is one, so that loading the file restores both
/// rounds ([`rounds`]).
pub fn all_responses(m: &Model) -> String {
    let list = |rs: &[Response]| {
        rs.iter()
            .map(Response::to_json)
            .collect::<Vec<_>>()
            .join(",\n")
    };
    let mut out = format!("{{\"responses\":[\n{}\n]", list(&m.team.set));
    if !m.team.previous.is_empty() {
        out.push_str(&format!(",\n\"previous\":[\n{}\n]", list(&m.team.previous)));
    }
    out.push('}');
    out
}

pub fn download(m: &Model, fw: &Framework, e: Export) -> Option<Effect> {
    let agg = team_aggregate(m, fw)?;
    let (suffix, body) = match e {
        Export::Csv => (
            "summary.csv",
            Body::Text("text/csv", team::aggregate_csv(fw, &agg)),
        ),
        Export::Json => (
            "responses.json",
            Body::Text("application/json", all_responses(m)),
        ),
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
        .a("accept", ACCEPT)
        .a("data-m", code)
}

/// The files the import reads, by extension (and the types browsers give them).
pub const ACCEPT: &str = ".json,.csv,.tsv,.txt,.eml,.mbox,.xlsx,application/json,text/csv,text/tab-separated-values,text/plain,message/rfc822,application/mbox,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A respondent question's short name, for choosing groups: its id in words, first
/// letter capitalised ("sector" is "Sector", "org-type" and "orgType" are "Org type").
pub fn short_label(field: &RespondentField) -> String {
    let mut words = String::new();
    let mut prev_lower = false;
    for c in field.id.chars() {
        if c == '-' || c == '_' || c == '.' || c == ' ' {
            if !words.ends_with(' ') && !words.is_empty() {
                words.push(' ');
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            words.push(' ');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        words.extend(c.to_lowercase());
    }
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => field.label.clone(),
    }
}

/// The group selector's text for a question: its short name and the question itself
/// ("Sector (Which part of the partnership do you work in?)"), or the question alone
/// where the two say the same.
fn group_choice(field: &RespondentField) -> String {
    let short = short_label(field);
    if crate::codec::survey::normalise(&short) == crate::codec::survey::normalise(&field.label) {
        field.label.clone()
    } else {
        format!("{short} ({})", field.label)
    }
}

/// The comments of the set, listed for the whole team and the groups shown.
pub fn comment_report(m: &Model, fw: &Framework) -> Option<CommentReport> {
    if !fw.has_comments() || m.team.set.is_empty() {
        return None;
    }
    let group_by = m
        .team
        .group_by
        .and_then(|g| fw.respondent_fields.get(g))
        .map(|f| f.id.clone());
    comments(
        fw,
        &m.team.set,
        &CommentOptions {
            group_by,
            min_group_size: None,
            hidden: &m.team.hidden,
        },
    )
    .ok()
}

/// The import section: the paste box (holding what could not be read), files, an
/// earlier round, the progress, the report and a survey export's mapping.
fn import_section(m: &Model, fw: &Framework) -> Node {
    let mut imp = el("section")
        .a("class", "import")
        .a("aria-labelledby", "fc-import")
        .a("data-drop", "team")
        .c(el("h3").a("id", "fc-import").t(&m.t("teamAdd")))
        .c(p("hint", &m.t("teamAddHint")).a("id", "fc-add-hint"))
        .c(el("label").a("for", "fc-codes").t(&m.t("teamCodes")))
        .c(el("textarea")
            .a("id", "fc-codes")
            .a("rows", "4")
            .a("spellcheck", "false")
            .a("autocomplete", "off")
            .a("aria-describedby", "fc-add-hint")
            .t(&m.team.paste))
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
    if let Some(key) = m.team.note {
        status.push(p("problem", &m.t(key)));
    }
    if let Some(r) = &m.team.report {
        for s in r.sentences() {
            status.push(p("", &s));
        }
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
        if !r.unread.is_empty() && !m.team.paste.is_empty() {
            status.push(p("hint", &m.t("teamUnreadKept")));
        }
    }
    imp.push(status);
    if let Some(pending) = m.team.pending.first() {
        imp.push(super::mapping::view(m, fw, pending));
    }
    imp
}

pub fn view(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    out.push(heading(&m.fill("teamTitle", &[("title", &fw.title)])));
    if m.team.set.is_empty() {
        // Nothing yet: the import comes first.
        out.push(import_section(m, fw));
        out.push(p("", &m.t("teamEmpty")));
        if !m.team.previous.is_empty() {
            out.push(row(
                "nav",
                vec![button(
                    &Msg::Team(TeamMsg::ClearPrevious),
                    &m.t("teamClearPrevious"),
                    false,
                )],
            ));
        }
        return;
    }
    let Some(agg) = team_aggregate(m, fw) else {
        out.push(import_section(m, fw));
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
    // Compare groups: by a short name as well as the question.
    if !fw.respondent_fields.is_empty() {
        summary.push(el("label").a("for", "fc-group").t(&m.t("teamGroupBy")));
        let mut select = el("select")
            .a("id", "fc-group")
            .a("data-m", &TeamMsg::GroupBy(None).code())
            .c(el("option").a("value", "").t(&m.t("teamEveryone")));
        for (k, f) in fw.respondent_fields.iter().enumerate() {
            let mut o = el("option").a("value", &f.id).t(&group_choice(f));
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
    if let Some(c) = comment_report(m, fw) {
        out.push(comments_view(m, fw, &c));
    }
    out.push(take_away(m));
    // Below the results, for a facilitator coming back to them: adding more.
    out.push(import_section(m, fw));
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

/// Why a listing of comments is withheld.
fn comments_withheld(m: &Model, c: &CommentReport, why: Withheld) -> String {
    match why {
        Withheld::FewerThanMinimum => {
            m.fill("teamCommentsFew", &[("n", &count_text(c.min_group_size))])
        }
        Withheld::Complementary => m.t("teamCommentsComplement"),
    }
}

/// One listing: each foundation that asks for comments, its prompt and its comments
/// (with the control that hides one from the report, in the whole team's listing).
fn comment_list(
    m: &Model,
    fw: &Framework,
    fs: &[crate::core::comments::FoundationComments],
    level: &'static str,
    controls: bool,
    out: &mut Node,
) {
    for f in fs {
        let Some(foundation) = fw.foundations.iter().find(|x| x.id == f.id) else {
            continue;
        };
        out.push(el(level).t(&foundation.name));
        if let Some(q) = &foundation.comment {
            out.push(p("hint prompt", &q.prompt));
        }
        if f.comments.is_empty() {
            out.push(p("", &m.t("teamNoComments")));
            continue;
        }
        let mut ul = el("ul").a("class", "comments");
        for c in &f.comments {
            let mut li = el("li").a(
                "class",
                if c.hidden {
                    "comment hidden"
                } else {
                    "comment"
                },
            );
            let mut said = el("p").a("class", "said").t(&c.text);
            // The button names the comment it hides (its text, read after the label).
            let id = format!("fc-said-{}", c.id);
            if controls {
                said = said.a("id", &id);
            }
            li.push(said);
            if c.hidden {
                li.push(p("hint", &m.t("teamCommentHidden")));
            }
            if controls {
                let label = if c.hidden {
                    "teamShowComment"
                } else {
                    "teamHideComment"
                };
                li.push(
                    button(&Msg::Team(TeamMsg::Hide(c.id.clone())), &m.t(label), false)
                        .a("aria-describedby", &id),
                );
            }
            ul.push(li);
        }
        out.push(ul);
    }
}

/// People's own words: per foundation for the whole team and per group shown, only
/// where the listing rests on enough people, with nothing about who wrote them, in the
/// core's order (by text, not by import).
fn comments_view(m: &Model, fw: &Framework, c: &CommentReport) -> Node {
    let mut s = el("section")
        .a("class", "comments-all")
        .a("aria-labelledby", "fc-comments")
        .c(el("h3").a("id", "fc-comments").t(&m.t("teamComments")))
        .c(p(
            "hint",
            &m.fill("teamCommentsHint", &[("n", &count_text(c.min_group_size))]),
        ));
    match c.withheld {
        Some(why) => s.push(p("", &comments_withheld(m, c, why))),
        None => comment_list(m, fw, &c.foundations, "h4", true, &mut s),
    }
    for g in &c.groups {
        let label = fw
            .field(&g.field)
            .and_then(|f| f.options.iter().find(|o| o.id == g.option))
            .map_or(g.option.clone(), |o| o.label.clone());
        let mut part = el("section")
            .a("class", "comment-group")
            .c(el("h4").t(&m.fill(
                "teamCommentsOf",
                &[("group", &label), ("n", &count_text(g.n))],
            )));
        match g.withheld {
            Some(why) => part.push(p("", &comments_withheld(m, c, why))),
            None => comment_list(m, fw, &g.foundations, "h5", false, &mut part),
        }
        s.push(part);
    }
    if c.withheld.is_none() {
        s.push(row(
            "buttons",
            vec![button(
                &Msg::Team(TeamMsg::CommentsCsv),
                &m.t("teamCommentsCsv"),
                false,
            )],
        ));
    }
    s
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
            tr.push(el("td").a("colspan", "5").t(&team::withheld_text(agg, why)));
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
