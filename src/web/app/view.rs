//! Views: the model read into a tree of plain [`Node`]s, which the browser layer mounts
//! (text always as `textContent`, never as markup). Views only read the model. Every
//! control carries its message's code in `data-m` ([`Msg::code`]).

use super::figures::{count_text, percent_text};
use super::msg::{Export, Msg};
use super::{Confirm, Life, Mode, Model, Screen};
use crate::chart::from::chart_from_score;
use crate::chart::RadarChart;
use crate::core::framework::Framework;
use crate::core::response::Answer;
use crate::core::scoring::{ScoreResult, Status};

/// An element: a tag, attributes, and either text or children. A node is one pointer
/// (its parts are boxed), so that the views' chains of `el(…).a(…).c(…)` move a
/// pointer rather than the whole element at every step: -0.5 KB of the gzipped embed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Node(Box<Parts>);

/// What a [`Node`] holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: String,
    pub kids: Vec<Node>,
}

impl std::ops::Deref for Node {
    type Target = Parts;
    fn deref(&self) -> &Parts {
        &self.0
    }
}

impl std::ops::DerefMut for Node {
    fn deref_mut(&mut self) -> &mut Parts {
        &mut self.0
    }
}

#[inline(never)]
pub fn el(tag: &'static str) -> Node {
    Node(Box::new(Parts {
        tag,
        ..Parts::default()
    }))
}

impl Node {
    /// With an attribute.
    #[inline(never)]
    pub fn a(mut self, name: &'static str, value: &str) -> Node {
        self.attrs.push((name, value.to_string()));
        self
    }
    /// With text.
    #[inline(never)]
    pub fn t(mut self, text: &str) -> Node {
        self.text = text.to_string();
        self
    }
    /// With a child.
    #[inline(never)]
    pub fn c(mut self, kid: Node) -> Node {
        self.kids.push(kid);
        self
    }
    #[inline(never)]
    pub fn push(&mut self, kid: Node) {
        self.kids.push(kid);
    }
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
    /// Every node of the tree, depth first (for tests).
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for k in &self.kids {
            out.extend(k.walk());
        }
        out
    }
    /// The text of the tree, as `textContent` would give it.
    pub fn text_content(&self) -> String {
        let mut s = self.text.clone();
        for k in &self.kids {
            s.push_str(&k.text_content());
        }
        s
    }
}

/// A paragraph of a class.
#[inline(never)]
pub fn p(class: &str, text: &str) -> Node {
    let n = el("p").t(text);
    if class.is_empty() {
        n
    } else {
        n.a("class", class)
    }
}

/// A button that sends `msg`.
#[inline(never)]
pub fn button(msg: &Msg, label: &str, primary: bool) -> Node {
    el("button")
        .a("type", "button")
        .a("class", if primary { "btn primary" } else { "btn" })
        .a("data-m", &msg.code())
        .a("part", "button")
        .t(label)
}

/// A screen's heading, which takes focus when the person moves to the screen.
#[inline(never)]
pub fn heading(text: &str) -> Node {
    el("h2").a("tabindex", "-1").a("part", "heading").t(text)
}

/// A row of buttons.
#[inline(never)]
pub fn row(class: &str, buttons: Vec<Node>) -> Node {
    let mut r = el("div").a("class", class);
    r.kids = buttons;
    r
}

/// The screen: what goes inside the widget, below its live region.
pub fn view(m: &Model) -> Vec<Node> {
    let mut out: Vec<Node> = m
        .notices
        .iter()
        .map(|n| p("notice", &m.notice_text(n)).a("role", "note"))
        .collect();
    let fw = match &m.life {
        Life::Loading => {
            out.push(p("", &m.t("loading")));
            return out;
        }
        Life::Failed(errors) => {
            let mut ul = el("ul");
            for e in errors {
                ul.push(el("li").t(&e.to_string()));
            }
            out.push(
                el("div")
                    .a("class", "error")
                    .a("role", "alert")
                    .c(p("", &m.t("frameworkError")))
                    .c(ul),
            );
            return out;
        }
        Life::Ready(fw) => fw.clone(),
    };
    if let Some(c) = m.confirm {
        out.push(confirm(m, c));
        return out;
    }
    match (m.mode, m.screen) {
        #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
        (Mode::Team, _) => super::team::view(m, &fw, &mut out),
        #[cfg(not(any(feature = "team", all(feature = "api", not(target_arch = "wasm32")))))]
        (Mode::Team, _) => out.push(
            el("div")
                .a("class", "error")
                .a("role", "alert")
                .t(&m.t("teamMissing")),
        ),
        (Mode::SelfCheck, Screen::Intro) if m.shared.is_none() => intro(m, &fw, &mut out),
        (Mode::SelfCheck, Screen::About) if m.shared.is_none() => about(m, &fw, &mut out),
        (Mode::SelfCheck, Screen::Foundation(i)) if m.shared.is_none() => {
            foundation(m, &fw, i, &mut out)
        }
        (Mode::SelfCheck, Screen::Review) if m.shared.is_none() => review(m, &fw, &mut out),
        _ => results(m, &fw, &mut out),
    }
    out
}

/// A question before something that loses answers: the safe choice comes first and
/// takes focus.
fn confirm(m: &Model, c: Confirm) -> Node {
    let (question, yes) = match c {
        Confirm::Restart => ("confirmRestart", "confirmYes"),
        Confirm::Replace => ("confirmReplace", "confirmReplaceYes"),
        #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
        Confirm::ClearTeam => ("teamConfirmClear", "teamClearYes"),
    };
    el("div")
        .a("class", "confirm")
        .a("role", "alertdialog")
        .a("aria-labelledby", "fc-confirm")
        .c(p("", &m.t(question)).a("id", "fc-confirm"))
        .c(button(&Msg::No, &m.t("confirmNo"), true))
        .c(button(&Msg::Yes, &m.t(yes), false))
}

fn intro(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    out.push(heading(&fw.title));
    if !fw.description.is_empty() {
        out.push(p("", &fw.description));
    }
    let minutes = (fw.item_count() * 12).div_ceil(60).max(1);
    let args = [
        ("minutes", count_text(minutes)),
        ("steps", count_text(m.steps().len())),
        ("dontKnow", fw.scale.dont_know.clone().unwrap_or_default()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = if minutes == 1 {
        "minutesOne"
    } else {
        "minutes"
    };
    out.push(p("", &m.fill(key, &args)));
    if fw.scale.dont_know.is_some() {
        out.push(p("", &m.fill("dontKnowHint", &args)));
    }
    out.push(p("privacy", &m.t("privacy")));
    out.push(if m.has_answers() {
        row(
            "nav",
            vec![
                button(&Msg::Start, &m.t("continue"), true),
                button(&Msg::Restart, &m.t("startAgain"), false),
            ],
        )
    } else {
        row("nav", vec![button(&Msg::Start, &m.t("start"), true)])
    });
}

/// The answered count of the step header (refreshed in place as answers are given).
pub fn answered_text(m: &Model) -> String {
    let (n, total) = m.answered();
    answered_of(m, n, total)
}

/// "3 of 4 statements answered" ("1 of 1 statement answered").
fn answered_of(m: &Model, n: usize, total: usize) -> String {
    m.fill(
        if total == 1 {
            "answeredOfOne"
        } else {
            "answeredOf"
        },
        &[("answered", &count_text(n)), ("total", &count_text(total))],
    )
}

/// The step header: "step k of n", a progress bar, the answered count, the heading.
fn step_header(m: &Model, title: &str, out: &mut Vec<Node>) {
    let steps = m.steps();
    let k = steps
        .iter()
        .position(|s| *s == m.screen)
        .map_or(0, |p| p + 1);
    let (k, n) = (count_text(k), count_text(steps.len()));
    out.push(
        el("div")
            .a("class", "step-head")
            .c(
                p("step-of", &m.fill("stepOf", &[("step", &k), ("total", &n)]))
                    .a("id", "fc-step-of"),
            )
            .c(el("progress")
                .a("max", &n)
                .a("value", &k)
                .a("aria-labelledby", "fc-step-of")
                .a("part", "progress"))
            .c(p("answered", &answered_text(m))),
    );
    out.push(heading(title));
}

/// Back and Next; after a jump from the review or the results, the way back there
/// comes first.
fn step_nav(m: &Model, out: &mut Vec<Node>) {
    let mut buttons = Vec::new();
    if let Some(to) = m.back_to {
        let key = if to == Screen::Results {
            "returnResults"
        } else {
            "returnReview"
        };
        buttons.push(button(&Msg::Return, &m.t(key), true));
    }
    buttons.push(button(&Msg::Back, &m.t("back"), false));
    buttons.push(button(&Msg::Next, &m.t("next"), m.back_to.is_none()));
    out.push(row("nav", buttons));
}

/// A group of radio buttons: one question. A choice is (value, label, description);
/// an empty description is none. Choices with descriptions are stacked.
fn question(
    legend: &str,
    code: &str,
    name: &str,
    choices: &[(String, &str, &str)],
    chosen: &str,
    stacked: bool,
) -> Node {
    let stacked = stacked || choices.iter().any(|c| !c.2.is_empty());
    let mut opts = el("div").a(
        "class",
        if stacked {
            "options stacked"
        } else {
            "options"
        },
    );
    for (value, label, description) in choices {
        let mut input = el("input")
            .a("type", "radio")
            .a("name", name)
            .a("value", value)
            .a("data-m", code);
        if chosen == value {
            input = input.a("checked", "");
        }
        let class = if value == "dontKnow" {
            "option dont-know"
        } else {
            "option"
        };
        let mut text = el("span").t(label);
        if !description.is_empty() {
            text = el("span")
                .c(el("span").a("class", "label").t(label))
                .c(el("span").a("class", "desc").t(description));
        }
        opts.push(el("label").a("class", class).c(input).c(text));
    }
    el("fieldset")
        .a("class", "question")
        .a("part", "question")
        .c(el("legend").t(legend))
        .c(opts)
}

fn about(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    step_header(m, &m.t("aboutYou"), out);
    out.push(p("hint", &m.t("aboutYouHint")));
    let prefer_not = m.t("preferNot");
    for (f, field) in fw.respondent_fields.iter().enumerate() {
        // Nothing is chosen in advance, as with any radio question.
        let given = m.own.as_ref().and_then(|r| r.respondent.get(&field.id));
        let mut chosen = String::from("-");
        let mut choices: Vec<(String, &str, &str)> = Vec::new();
        for (k, o) in field.options.iter().enumerate() {
            if given == Some(&o.id) {
                chosen = count_text(k);
            }
            choices.push((count_text(k), &o.label, ""));
        }
        choices.push((String::new(), &prefer_not, ""));
        let code = Msg::Who(f, None).code();
        out.push(question(
            &field.label,
            &code,
            &code,
            &choices,
            &chosen,
            true,
        ));
    }
    step_nav(m, out);
}

fn foundation(m: &Model, fw: &Framework, i: usize, out: &mut Vec<Node>) {
    let Some(f) = fw.foundations.get(i) else {
        return;
    };
    step_header(m, &f.name, out);
    if !f.description.is_empty() {
        out.push(p("hint", &f.description));
    }
    for (j, item) in f.items.iter().enumerate() {
        // Each statement on its own scale (its own, its foundation's or the
        // framework's), with the points' longer descriptions where they have them.
        let scale = fw.item_scale(f, item);
        let mut points: Vec<(String, &str, &str)> = (scale.min..=scale.max)
            .map(|v| {
                (
                    v.to_string(),
                    scale.label(v).unwrap_or_default(),
                    scale.description(v).unwrap_or_default(),
                )
            })
            .collect();
        if let Some(dk) = &scale.dont_know {
            points.push(("dontKnow".into(), dk, ""));
        }
        let chosen = match m.own.as_ref().and_then(|r| r.answers.get(&item.id)) {
            Some(Answer::Value(v)) => v.to_string(),
            Some(Answer::DontKnow) => "dontKnow".into(),
            None => String::new(),
        };
        let code = Msg::Answer(i, j, Answer::DontKnow).code();
        out.push(question(
            &item.text, &code, &item.id, &points, &chosen, false,
        ));
    }
    if let Some(q) = &f.comment {
        // The person's own words: text in a text area, never markup.
        // (One foundation a screen, so one comment: the ids are fixed.)
        let code = Msg::Comment(i, String::new()).code();
        let text = m
            .own
            .as_ref()
            .and_then(|r| r.comments.get(&f.id))
            .map_or("", String::as_str);
        out.push(
            el("div")
                .a("class", "comment")
                .a("part", "question")
                .c(el("label").a("for", "fc-comment").t(&q.prompt))
                .c(p(
                    "hint",
                    &m.fill("commentHint", &[("max", &count_text(q.max_length))]),
                )
                .a("id", "fc-comment-hint"))
                .c(el("textarea")
                    .a("id", "fc-comment")
                    .a("data-m", &code)
                    .a("rows", "3")
                    .a("maxlength", &q.max_length.to_string())
                    .a("aria-describedby", "fc-comment-hint")
                    .t(text)),
        );
    }
    step_nav(m, out);
}

/// The fewest statements of a foundation answered on the scale for it to be scored.
fn needed(fw: &Framework, total: usize) -> usize {
    ((fw.scoring.min_answered * total as f64 - 1e-9).ceil() as usize).max(1)
}

fn review(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    step_header(m, &m.t("review"), out);
    let r = m.own.as_ref();
    let result = m.score();
    let (n, total) = m.answered();
    out.push(p(
        "",
        &m.t(if n == total {
            "allAnswered"
        } else {
            "reviewIntro"
        }),
    ));
    let scored = result.as_ref().map_or(0, |s| {
        s.foundations
            .iter()
            .filter(|f| f.status == Status::Scored)
            .count()
    });
    if scored == 0 {
        out.push(p("warning", &m.t("noneScored")));
    }
    let mut list = el("ul").a("class", "review");
    if !fw.respondent_fields.is_empty() {
        list.push(el("li").c(el("h3").t(&m.t("aboutYou"))).c(button(
            &Msg::Go(Screen::About),
            &m.fill("change", &[("name", &m.t("aboutYou"))]),
            false,
        )));
    }
    for (i, f) in fw.foundations.iter().enumerate() {
        let fs = result.as_ref().and_then(|s| s.foundations.get(i));
        let answered = fs.map_or(0, |s| s.answered + s.dont_know);
        let mut li = el("li").c(el("h3").t(&f.name));
        li.push(p("", &answered_of(m, answered, f.items.len())));
        if fs.is_some_and(|s| s.status == Status::Insufficient) {
            li.push(p(
                "warning",
                &m.fill(
                    "notScored",
                    &[
                        ("needed", &count_text(needed(fw, f.items.len()))),
                        ("total", &count_text(f.items.len())),
                    ],
                ),
            ));
        }
        let missing: Vec<Node> = f
            .items
            .iter()
            .filter(|it| r.is_none_or(|r| !r.answers.contains_key(&it.id)))
            .map(|it| el("li").t(&it.text))
            .collect();
        if !missing.is_empty() {
            li.push(el("h4").t(&m.fill(
                "unansweredIn",
                &[("count", &count_text(missing.len())), ("name", &f.name)],
            )));
            let mut ul = el("ul");
            ul.kids = missing;
            li.push(ul);
        }
        if let Some(c) = r.and_then(|r| r.comments.get(&f.id)) {
            li.push(p("comment", &m.fill("yourComment", &[("comment", c)])));
        }
        li.push(button(
            &Msg::Go(Screen::Foundation(i)),
            &m.fill("change", &[("name", &f.name)]),
            false,
        ));
        list.push(li);
    }
    out.push(list);
    out.push(row(
        "nav",
        vec![
            button(&Msg::Back, &m.t("back"), false),
            button(&Msg::Finish(0), &m.t("finish"), true),
        ],
    ));
}

/// The chart shown, at the widget's width: the person's (or the shared) scores, or the
/// team's.
pub fn chart(m: &Model) -> Option<RadarChart> {
    let fw = m.fw()?;
    let w = if m.width > 0 {
        m.width.clamp(200, 720)
    } else {
        640
    };
    // Square on a phone, so that labels have room above and below.
    let h = (f64::from(w) * if w < 480 { 1.0 } else { 0.8 }) as u32;
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    if m.mode == Mode::Team {
        return super::team::chart(m, fw, w, h);
    }
    let mut c = chart_from_score(fw, &m.score()?, None).ok()?;
    c.width = w;
    c.height = h;
    Some(c)
}

/// The chart's figure: a canvas with its text alternative, or the same numbers as a
/// table; then the toggle between them (one name; its state is `aria-pressed`).
pub fn figure(m: &Model, table: Option<Node>, label: String) -> Vec<Node> {
    let figure = el("figure").a("class", "chart").a("part", "chart");
    let figure = match table.filter(|_| m.table) {
        Some(t) => figure.c(t),
        None => figure.c(el("canvas").a("role", "img").a("aria-label", &label)),
    };
    vec![
        figure,
        button(&Msg::Table, &m.t("showTable"), false)
            .a("aria-pressed", if m.table { "true" } else { "false" }),
    ]
}

fn band_label<'a>(fw: &'a Framework, band: Option<&str>) -> Option<&'a str> {
    band.and_then(|b| fw.level(b)).map(|l| l.label.as_str())
}

fn results(m: &Model, fw: &Framework, out: &mut Vec<Node>) {
    let shared = m.shared.is_some();
    let own_check = m.mode == Mode::SelfCheck && !shared;
    let chart_only = m.mode == Mode::Chart;
    let title = m.t(if shared { "sharedResults" } else { "results" });
    if !chart_only {
        out.push(heading(&title));
        if shared {
            out.push(p("notice", &m.t("sharedNote")));
        }
    }
    let result = m.score();
    let Some(result) = result.filter(|s| s.overall.answered + s.overall.dont_know > 0) else {
        out.push(p("", &m.t("noResponse")));
        if own_check {
            out.push(row("nav", vec![button(&Msg::Start, &m.t("start"), true)]));
        }
        return;
    };
    if result.overall.percent.is_none() {
        // Nothing could be scored (every answer "Don't know", say): why, and the way on.
        out.push(p("", &m.t("noScores")));
        if own_check {
            out.push(row(
                "nav",
                vec![
                    button(&Msg::Go(Screen::Review), &m.t("edit"), true),
                    button(&Msg::Restart, &m.t("startAgain"), false),
                ],
            ));
        } else {
            shared_nav(m, out);
        }
        return;
    }
    if !chart_only {
        // The overall with what it rests on; provisional, without a band, below the
        // framework's share of foundations.
        let o = &result.overall;
        let (scored, total) = (count_text(o.scored), count_text(o.foundations));
        let overall = match (o.percent, band_label(fw, o.band.as_deref())) {
            (Some(p), Some(l)) => m.fill(
                "overall",
                &[
                    ("band", l),
                    ("percent", &percent_text(fw, p)),
                    ("scored", &scored),
                    ("total", &total),
                ],
            ),
            (Some(p), None) if o.provisional => m.fill(
                "overallProvisional",
                &[
                    ("percent", &percent_text(fw, p)),
                    ("scored", &scored),
                    ("total", &total),
                ],
            ),
            _ => m.t("overallNone"),
        };
        out.push(p("overall", &overall));
    }
    let label = chart(m).map(|c| {
        m.fill(
            if shared {
                "sharedChartLabel"
            } else {
                "chartLabel"
            },
            &[("summary", &crate::chart::summary_of(&c, false))],
        )
    });
    out.extend(figure(
        m,
        Some(score_table(m, fw, &result)),
        label.unwrap_or_default(),
    ));
    if chart_only {
        return;
    }
    // Foundations: strengths first, then the lowest, with suggested steps.
    let mut order: Vec<(usize, Option<crate::core::exact::Exact>)> = result
        .foundations
        .iter()
        .enumerate()
        .map(|(i, f)| (i, f.percent))
        .collect();
    crate::core::num::sort_by(&mut order, |a, b| a.1 > b.1);
    let mut list = el("ol").a("class", "foundations").a("part", "results");
    for (i, _) in order {
        let (Some(f), Some(fs)) = (fw.foundations.get(i), result.foundations.get(i)) else {
            continue;
        };
        let mut li = el("li")
            .c(el("h3").t(&f.name))
            .c(p("band", &score_line(m, fw, fs)));
        if let Some(b) = &fs.band {
            let actions = fw.actions_for(f, b);
            if !actions.is_empty() {
                let mut ul = el("ul");
                for a in actions {
                    ul.push(el("li").t(a));
                }
                li.push(el("h4").t(&m.t("suggested")));
                li.push(ul);
            }
        }
        if own_check {
            li.push(button(
                &Msg::Go(Screen::Foundation(i)),
                &m.fill("change", &[("name", &f.name)]),
                false,
            ));
        }
        list.push(li);
    }
    out.push(list);
    out.push(take_away(m));
    if own_check {
        out.push(row(
            "nav",
            vec![
                button(&Msg::Go(Screen::Review), &m.t("edit"), false),
                button(&Msg::Restart, &m.t("startAgain"), false),
            ],
        ));
    } else {
        shared_nav(m, out);
    }
}

/// Shared results: back to one's own, or (in the self-check) keep them as one's own.
fn shared_nav(m: &Model, out: &mut Vec<Node>) {
    if m.shared.is_none() {
        return;
    }
    let mut b = vec![button(&Msg::Leave, &m.t("leaveShared"), true)];
    if m.mode == Mode::SelfCheck {
        b.push(button(&Msg::Keep, &m.t("keepShared"), false));
    }
    out.push(row("nav", b));
}

/// A foundation's score and band: "75% · Maturing".
fn score_line(m: &Model, fw: &Framework, fs: &crate::core::scoring::FoundationScore) -> String {
    match (fs.status, fs.percent, band_label(fw, fs.band.as_deref())) {
        (Status::Scored, Some(p), Some(l)) => format!("{}% · {l}", percent_text(fw, p)),
        (Status::Scored, Some(p), None) => format!("{}%", percent_text(fw, p)),
        _ => m.t("insufficient"),
    }
}

/// The chart's numbers as a table, with a caption that says what it holds.
fn score_table(m: &Model, fw: &Framework, result: &ScoreResult) -> Node {
    let mut head = el("tr");
    for c in ["foundation", "score", "band"] {
        head.push(el("th").a("scope", "col").t(&m.t(c)));
    }
    let mut table = el("table")
        .a("part", "table")
        .c(el("caption").t(&m.t("tableCaption")))
        .c(head);
    for (f, fs) in fw.foundations.iter().zip(&result.foundations) {
        let score = fs.percent.map_or_else(
            || m.t("insufficient"),
            |p| format!("{}%", percent_text(fw, p)),
        );
        table.push(
            el("tr")
                .c(el("th").a("scope", "row").t(&f.name))
                .c(el("td").t(&score))
                .c(el("td").t(band_label(fw, fs.band.as_deref()).unwrap_or(""))),
        );
    }
    table
}

/// "Take your results away": downloads, print, share code and link, and what happened
/// when the browser would not.
pub fn take_away(m: &Model) -> Node {
    let mut buttons = Vec::new();
    let team = m.mode == Mode::Team;
    let exports: &[(Export, &str)] = if team {
        &[
            (Export::Csv, "teamCsv"),
            (Export::Svg, "downloadSvg"),
            (Export::Png, "downloadPng"),
            (Export::Json, "teamJson"),
        ]
    } else {
        &[
            (Export::Svg, "downloadSvg"),
            (Export::Png, "downloadPng"),
            (Export::Json, "downloadJson"),
            (Export::Csv, "downloadCsv"),
        ]
    };
    for (e, key) in exports {
        buttons.push(button(&Msg::Download(*e), &m.t(key), false));
    }
    buttons.push(button(&Msg::Print, &m.t("print"), false));
    if !team {
        buttons.push(button(&Msg::Copy(false), &m.t("copyCode"), false));
        if m.base.is_some() {
            buttons.push(button(&Msg::Copy(true), &m.t("copyLink"), false));
        }
    }
    let mut take = el("div")
        .a("class", "take-away")
        .c(el("h3").t(&m.t("takeAway")))
        .c(row("buttons", buttons));
    if let Some(key) = m.problem {
        take.push(p("problem", &m.t(key)));
    }
    if !team {
        take.push(p(
            "hint",
            &m.t(if m.base.is_some() {
                "shareHint"
            } else {
                "noLink"
            }),
        ));
    }
    if let Some(s) = &m.share {
        let input = el("input")
            .a("type", "text")
            .a("readonly", "")
            .a("class", "share")
            .a("aria-label", &m.t("shareText"))
            .a("value", &s.text);
        take.push(input);
        if s.comments_left_out {
            take.push(p("hint", &m.t("commentsLeftOut")));
        }
        match s.copied {
            Some(true) => take.push(p("copied", &m.t("copied"))),
            Some(false) => take.push(p("problem", &m.t("copyFailed"))),
            None => {}
        }
    }
    take
}
