//! The `<foundations-check>` element's state and logic, apart from the browser: a
//! [`Model`], the messages that change it ([`Msg`], decoded once from each DOM event
//! by the browser layer), a pure [`update`] that changes the model and says what the
//! browser should do ([`Effect`]), and views ([`view`]) that read the model into a
//! tree of plain nodes. Nothing here calls the browser, so all of it compiles on every
//! target and is tested natively (`cargo test`); the browser layer
//! (`crate::web::widget`, wasm32 only) decodes events, mounts the views and performs
//! the effects (storage, clipboard, downloads, printing, focus, events to the host
//! page), never while the model is borrowed.
//!
//! The team view ([`team`]) shares this core. It is compiled natively (for its tests)
//! and into the team build, and left out of the self-check embed.

pub mod figures;
#[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
pub mod mapping;
pub mod msg;
pub mod strings;
#[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
pub mod team;
#[cfg(test)]
mod tests;
mod update;
pub mod view;
#[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
pub mod write;

pub use msg::{Body, Effect, Export, Failure, Focus, Msg, Out, Restored};
pub use update::update;

use crate::codec::json::Value;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::Response;
use crate::core::scoring::{score, ScoreResult};
use std::rc::Rc;
use strings::Strings;

/// What the element shows: its `mode` attribute.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    SelfCheck,
    /// The saved or given response's results.
    Results,
    /// The chart alone.
    Chart,
    /// A facilitator's view of many self-checks.
    Team,
}

impl Mode {
    /// The mode an attribute value names (anything else is the self-check).
    pub fn parse(value: Option<&str>) -> Mode {
        match value {
            Some("results") => Mode::Results,
            Some("chart") => Mode::Chart,
            Some("team") => Mode::Team,
            _ => Mode::SelfCheck,
        }
    }
}

/// Where the element is in its life: waiting for a framework, unable to show one (with
/// the problems to list), or ready.
#[derive(Debug)]
pub enum Life {
    Loading,
    Failed(Vec<Issue>),
    Ready(Rc<Framework>),
}

/// Where the person is in the self-check.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Screen {
    Intro,
    About,
    Foundation(usize),
    Review,
    Results,
}

/// A question asked before something that loses answers; the model shows nothing else
/// while one is open.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Confirm {
    /// Start again: the person's own answers are cleared.
    Restart,
    /// Keep shared results as one's own: the person's own answers are replaced.
    Replace,
    /// Clear every self-check of the team view.
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    ClearTeam,
}

impl Confirm {
    /// The control that asked, where focus goes back when the answer is no.
    pub fn asked_by(self) -> Msg {
        match self {
            Confirm::Restart => Msg::Restart,
            Confirm::Replace => Msg::Keep,
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            Confirm::ClearTeam => Msg::Team(team::TeamMsg::Clear),
        }
    }
}

/// A message shown at the top of the screen: a string key and the value of its one
/// placeholder (`{key}`, `{message}`), filled when it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: &'static str,
    pub arg: String,
}

/// A share code or link that was copied, or offered for copying by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    pub text: String,
    pub link: bool,
    /// `None` while the browser is copying; then whether it did.
    pub copied: Option<bool>,
    /// The person's comments did not fit in the code, which carries the answers alone.
    pub comments_left_out: bool,
}

#[derive(Debug)]
pub struct Model {
    pub life: Life,
    /// The framework's JSON as it was given, for the element's `framework` property.
    pub fw_json: String,
    pub mode: Mode,
    /// The `lang` attribute, which overrides the framework's `locale`.
    pub lang: Option<String>,
    /// The `storage-key` attribute.
    pub storage_key: Option<String>,
    pub strings: Strings,
    /// The page's address up to any fragment, for share links; `None` when the page is
    /// not on the web (a `file:` page), where a link would point at the sender's disk.
    pub base: Option<String>,
    /// The person's own answers, saved in this browser.
    pub own: Option<Response>,
    /// Results opened from someone's `#fc=` link: shown apart, never saved, never mixed
    /// with the person's own.
    pub shared: Option<Response>,
    pub screen: Screen,
    /// Where a foundation opened from the review or the results goes back to.
    pub back_to: Option<Screen>,
    pub confirm: Option<Confirm>,
    pub notices: Vec<Notice>,
    /// A take-away that failed (printing, a download), shown beside its buttons.
    pub problem: Option<&'static str>,
    /// The chart shown as a table.
    pub table: bool,
    pub share: Option<Share>,
    /// The width the chart is drawn at (the widget's width, from the browser).
    pub width: u32,
    /// The saved text as this element last wrote or read it, to tell another tab's
    /// change (a `storage` event) from its own.
    pub stored: Option<String>,
    /// `fc-ready` is sent once the saved answers have been read after a framework loads.
    pub ready_pending: bool,
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    pub team: team::Team,
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

/// The primary language subtags written right to left.
const RTL: [&str; 12] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "ug", "ur", "yi",
];

impl Model {
    pub fn new() -> Model {
        Model {
            life: Life::Loading,
            fw_json: String::new(),
            mode: Mode::SelfCheck,
            lang: None,
            storage_key: None,
            strings: Strings::default(),
            base: None,
            own: None,
            shared: None,
            screen: Screen::Intro,
            back_to: None,
            confirm: None,
            notices: Vec::new(),
            problem: None,
            table: false,
            share: None,
            width: 0,
            stored: None,
            ready_pending: false,
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            team: team::Team::default(),
        }
    }

    pub fn fw(&self) -> Option<&Rc<Framework>> {
        match &self.life {
            Life::Ready(fw) => Some(fw),
            _ => None,
        }
    }

    #[inline(never)]
    pub fn t(&self, key: &str) -> String {
        self.strings.get(key)
    }

    /// The text of `key` with its placeholders filled.
    #[inline(never)]
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.strings.fill(key, args)
    }

    /// The `localStorage` key of the person's answers.
    pub fn key(&self) -> Option<String> {
        let fw = self.fw()?;
        Some(
            self.storage_key
                .clone()
                .unwrap_or_else(|| format!("foundations-check:{}@{}", fw.id, fw.version)),
        )
    }

    /// The key this mode reads and saves: the answers, or the team set.
    pub fn read_key(&self) -> Option<String> {
        let key = self.key()?;
        Some(if self.mode == Mode::Team {
            format!("{key}:team")
        } else {
            key
        })
    }

    /// The language of the widget's text: the `lang` attribute, else the framework's
    /// locale.
    pub fn lang(&self) -> &str {
        match (&self.lang, self.fw()) {
            (Some(l), _) => l,
            (None, Some(fw)) => &fw.locale,
            _ => "en-GB",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(&self) -> bool {
        let lang = self.lang();
        let primary = lang.split(['-', '_']).next().unwrap_or("");
        RTL.iter().any(|l| l.eq_ignore_ascii_case(primary))
    }

    /// The steps counted as "step k of n": about you (if any), foundations, review.
    pub fn steps(&self) -> Vec<Screen> {
        let Some(fw) = self.fw() else {
            return Vec::new();
        };
        let mut v = Vec::new();
        if !fw.respondent_fields.is_empty() {
            v.push(Screen::About);
        }
        v.extend((0..fw.foundations.len()).map(Screen::Foundation));
        v.push(Screen::Review);
        v
    }

    /// The response shown: shared results while they are open, else the person's own.
    pub fn shown(&self) -> Option<&Response> {
        self.shared.as_ref().or(self.own.as_ref())
    }

    pub fn score(&self) -> Option<ScoreResult> {
        Some(score(self.fw()?, self.shown()?))
    }

    /// Whether the person has given any answer of their own (so that clearing or
    /// replacing them loses something).
    pub fn has_answers(&self) -> bool {
        self.own
            .as_ref()
            .is_some_and(|r| !r.answers.is_empty() || !r.respondent.is_empty())
    }

    /// Statements answered (a point or "Don't know") of all the person's statements.
    pub fn answered(&self) -> (usize, usize) {
        let Some(fw) = self.fw() else { return (0, 0) };
        let n = self.own.as_ref().map_or(0, |r| r.answers.len());
        (n, fw.item_count())
    }

    /// The person's answers and place as saved: `{"v":1,"screen":…,"response":…}`.
    pub fn saved_text(&self) -> Option<String> {
        let r = self.own.as_ref()?;
        let screen = match self.screen {
            Screen::Intro => "intro".to_string(),
            Screen::About => "about".to_string(),
            Screen::Foundation(i) => format!("f{i}"),
            Screen::Review => "review".to_string(),
            Screen::Results => "results".to_string(),
        };
        Some(format!(
            "{{\"v\":1,\"screen\":\"{screen}\",\"response\":{}}}",
            r.to_json()
        ))
    }

    /// Adds a notice unless it is already shown.
    pub fn note(&mut self, key: &'static str, arg: &str) {
        let n = Notice {
            key,
            arg: arg.to_string(),
        };
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    /// A notice's text.
    pub fn notice_text(&self, n: &Notice) -> String {
        self.fill(n.key, &[("key", &n.arg), ("message", &n.arg)])
    }
}

/// Reads a saved `{v, screen, response}` value.
pub fn read_saved(fw: &Framework, text: &str) -> Result<(Response, Screen), Issue> {
    let v = crate::core::reader::parse_json(text)?;
    if v.get("v").and_then(Value::as_u64) != Some(1) {
        return Err(Issue::new("v", "unknown saved format"));
    }
    let r = Response::from_value(fw, v.get("response").unwrap_or(&Value::Null), "response")
        .map_err(|e| {
            e.into_iter()
                .next()
                .unwrap_or_else(|| Issue::new("", "bad"))
        })?;
    let screen = match v.get("screen").and_then(Value::as_str).unwrap_or("intro") {
        "about" if !fw.respondent_fields.is_empty() => Screen::About,
        "review" => Screen::Review,
        "results" => Screen::Results,
        s => s
            .strip_prefix('f')
            .and_then(|i| i.parse::<usize>().ok())
            .filter(|i| *i < fw.foundations.len())
            .map_or(Screen::Intro, Screen::Foundation),
    };
    Ok((r, screen))
}
