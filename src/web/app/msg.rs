//! The messages that change the model and the effects that [`super::update`] asks of
//! the browser.
//!
//! Every control the person uses carries its message as a short code in a `data-m`
//! attribute ([`Msg::code`]): "next", "go 3", "a 2 1" (foundation 2, statement 1,
//! the answer being the radio's value). The browser layer reads the code of the
//! control an event reached, with the control's value, and [`Msg::decode`] turns the
//! two into a message: one decoder for every event, exact codes, nothing matched by
//! prefix.

use super::{Mode, Screen};
use crate::chart::RadarChart;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::{Answer, Response};
use crate::core::scoring::ScoreResult;

#[derive(Debug, PartialEq)]
pub enum Msg {
    // From the host page: the element's attributes and properties.
    Mode(Mode),
    Lang(Option<String>),
    StorageKey(Option<String>),
    Strings(Vec<(String, String)>),
    /// A framework was read (with its JSON as given), or could not be.
    Loaded(Box<Result<(Framework, String), Vec<Issue>>>),
    /// What the browser holds, read on the model's [`Effect::Read`].
    Restored(Restored),
    /// The host set the response.
    Response(Box<Response>),
    // From the browser.
    /// The page's fragment changed (a share link pasted into the address bar).
    Hash(String),
    /// Another tab or window changed a stored value (a `storage` event): the key and
    /// its new value.
    Stored(String, Option<String>),
    /// The widget's width changed.
    Resized(u32),
    /// An effect failed.
    Failed(Failure),
    /// The clipboard took the text, or refused it.
    Copied(bool),
    // From the person.
    Start,
    Next,
    Back,
    /// Straight to a step (from the review or the results).
    Go(Screen),
    /// Back to the review or the results after a step opened from there.
    Return,
    /// "See my results", at a time in seconds since 1970.
    Finish(u64),
    /// Foundation, statement (by position), answer.
    Answer(usize, usize, Answer),
    /// Respondent field and option (by position); `None` for "prefer not to say".
    Who(usize, Option<usize>),
    /// The comment on foundation `f` (by index) is now this text ("" clears it).
    Comment(usize, String),
    Restart,
    Yes,
    No,
    Table,
    Download(Export),
    Print,
    /// Copy the share code, or (true) the share link.
    Copy(bool),
    /// Close shared results, back to one's own.
    Leave,
    /// Keep shared results as one's own answers.
    Keep,
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    Team(super::team::TeamMsg),
}

/// A file to take away: the chart as SVG or PNG, the answers (or, in the team view,
/// every response) as JSON, as CSV (the team view's summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Svg,
    Png,
    Json,
    Csv,
}

/// Something the browser would not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// `localStorage` refused to save (private browsing, a full quota, a blocked
    /// iframe).
    Storage,
    Print,
    Download,
}

/// What the browser holds when a framework loads or the mode or key changes.
#[derive(Debug, PartialEq)]
pub struct Restored {
    /// The stored value of [`super::Model::read_key`]; `Err` when storage cannot be used.
    pub value: Result<Option<String>, ()>,
    /// The page's fragment (`#fc=…`, `#fc-team=…`).
    pub hash: String,
    /// The page's address up to the fragment, when it is on the web (http or https).
    pub base: Option<String>,
    /// Milliseconds since 1970.
    pub now: u64,
}

/// What the update asks the browser to do, in order.
#[derive(Debug, PartialEq)]
pub enum Effect {
    /// Rebuild the screen from the model (and draw its chart).
    Render,
    /// Refresh the counts of the screen shown (answers given, an import's progress).
    Progress,
    /// Redraw the chart at the model's width.
    Chart,
    Focus(Focus),
    /// Say this through the live region.
    Say(String),
    /// Read the stored value under this key, the fragment and the address, and send
    /// [`Msg::Restored`].
    Read(String),
    /// Store a value (`None` removes it); on failure send [`Failure::Storage`].
    Store(String, Option<String>),
    /// Put text on the clipboard and send [`Msg::Copied`].
    Copy(String),
    /// Offer a file by name.
    Download(String, Body),
    Print,
    /// Take a share link's fragment off the address, so that a reload shows one's own.
    ClearHash,
    /// An event to the host page.
    Emit(Out),
    /// Send the team view's next [`super::team::TeamMsg::Tick`] soon.
    Tick,
}

/// Where focus goes after a render.
#[derive(Debug, PartialEq)]
pub enum Focus {
    /// The screen's heading.
    Heading,
    /// The control that carries this message.
    Control(Msg),
    /// The team view's import report.
    Report,
    /// The share code or link, selected for copying by hand.
    Share,
    /// The element a CSS selector finds (the team view's own places).
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    Selector(&'static str),
}

#[derive(Debug, PartialEq)]
pub enum Body {
    /// A MIME type and the text.
    Text(&'static str, String),
    /// A chart, drawn as PNG when true, else SVG.
    Chart(Box<RadarChart>, bool),
}

/// Events for the host page: `fc-ready`, `fc-change`, `fc-complete`.
#[derive(Debug, PartialEq)]
pub enum Out {
    Ready,
    Change(Box<Response>),
    Complete(Box<ScoreResult>),
}

const EXPORTS: [(&str, Export); 4] = [
    ("svg", Export::Svg),
    ("png", Export::Png),
    ("json", Export::Json),
    ("csv", Export::Csv),
];

impl Msg {
    /// The code a control carries for this message (empty for messages that do not come
    /// from a control). A message with a value (an answer, a respondent option, the
    /// team view's group and pasted text) takes it from the control.
    pub fn code(&self) -> String {
        let fixed = match self {
            Msg::Start => "start",
            Msg::Next => "next",
            Msg::Back => "back",
            Msg::Return => "return",
            Msg::Finish(_) => "finish",
            Msg::Restart => "restart",
            Msg::Yes => "yes",
            Msg::No => "no",
            Msg::Table => "table",
            Msg::Print => "print",
            Msg::Leave => "leave",
            Msg::Keep => "keep",
            Msg::Copy(false) => "copy code",
            Msg::Copy(true) => "copy link",
            Msg::Go(s) => {
                return match s {
                    Screen::Intro => "go intro".into(),
                    Screen::About => "go about".into(),
                    Screen::Review => "go review".into(),
                    Screen::Results => "go results".into(),
                    Screen::Foundation(i) => format!("go {i}"),
                }
            }
            Msg::Download(e) => {
                let name = EXPORTS.iter().find(|(_, x)| x == e).map_or("", |(n, _)| n);
                return format!("download {name}");
            }
            Msg::Answer(f, i, _) => return format!("a {f} {i}"),
            Msg::Who(f, _) => return format!("w {f}"),
            Msg::Comment(f, _) => return format!("c {f}"),
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            Msg::Team(t) => return t.code(),
            _ => "",
        };
        fixed.to_string()
    }

    /// The message of a control's code and value, at `now` (seconds since 1970).
    pub fn decode(code: &str, value: &str, now: u64) -> Option<Msg> {
        let mut words = code.split(' ');
        let head = words.next()?;
        let mut num = || words.next()?.parse::<usize>().ok();
        Some(match head {
            "start" => Msg::Start,
            "next" => Msg::Next,
            "back" => Msg::Back,
            "return" => Msg::Return,
            "finish" => Msg::Finish(now),
            "restart" => Msg::Restart,
            "yes" => Msg::Yes,
            "no" => Msg::No,
            "table" => Msg::Table,
            "print" => Msg::Print,
            "leave" => Msg::Leave,
            "keep" => Msg::Keep,
            "copy" => Msg::Copy(code == "copy link"),
            "go" => Msg::Go(match code.get(3..)? {
                "intro" => Screen::Intro,
                "about" => Screen::About,
                "review" => Screen::Review,
                "results" => Screen::Results,
                i => Screen::Foundation(i.parse().ok()?),
            }),
            "download" => {
                let name = code.get(9..)?;
                Msg::Download(EXPORTS.iter().find(|(n, _)| *n == name)?.1)
            }
            "a" => {
                let (f, i) = (num()?, num()?);
                let answer = if value == "dontKnow" {
                    Answer::DontKnow
                } else {
                    Answer::Value(value.parse().ok()?)
                };
                Msg::Answer(f, i, answer)
            }
            "w" => Msg::Who(num()?, value.parse().ok()),
            "c" => Msg::Comment(num()?, value.to_string()),
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            "t" => Msg::Team(super::team::TeamMsg::decode(code.get(2..)?, value)?),
            _ => return None,
        })
    }
}
