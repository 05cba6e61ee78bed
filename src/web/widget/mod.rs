//! The `<foundations-check>` element's inside: a self-check, its results and the
//! chart, built with web-sys in the element's shadow root. The JavaScript element class
//! (js/element.js) creates a [`Widget`] and forwards attributes and properties to it.

mod dom;
pub mod strings;
#[cfg(feature = "team")]
mod team;
#[cfg(not(feature = "team"))]
#[path = "no_team.rs"]
mod team;

use crate::chart::from::chart_from_score;
use crate::chart::{radar_svg_of_valid, summary, RadarChart};
use crate::codec::{csv, sharecode};
use crate::core::builtin;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::{Answer, Response};
use crate::core::scoring::{score, ScoreResult, Status};
use dom::{add, clear, focus, Dom};
use std::cell::RefCell;
use std::rc::Rc;
use strings::Strings;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, HtmlElement, HtmlInputElement, ShadowRoot,
    Storage,
};

// The widget's stylesheet (widget.css, as written: compacting it saved about 200 bytes
// gzipped, not worth a build step); the team build adds team.css.
#[cfg(not(feature = "team"))]
const CSS: &str = include_str!("widget.css");
#[cfg(feature = "team")]
const CSS: &str = concat!(include_str!("widget.css"), include_str!("team.css"));

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MoveFocus {
    None,
    Heading,
    TableToggle,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    SelfCheck,
    Results,
    Chart,
    Team,
}

/// Where the person is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Screen {
    Intro,
    About,
    Foundation(usize),
    Review,
    Results,
}

// The team fields are read only in the build with the team view.
#[cfg_attr(not(feature = "team"), allow(dead_code))]
struct State {
    host: HtmlElement,
    dom: Dom,
    main: Element,
    live: Element,
    mode: Mode,
    // Shared, so that a handler can hold it while the state changes.
    fw: Option<Rc<Framework>>,
    /// The loaded framework's JSON as it was given, for the `framework` property.
    fw_json: String,
    errors: Vec<Issue>,
    response: Option<Response>,
    screen: Screen,
    /// Results opened from a `#fc=` link: shown, never saved.
    shared: bool,
    storage_key: Option<String>,
    notices: Vec<String>,
    show_table: bool,
    confirm_restart: bool,
    strings: Strings,
    share_text: Option<String>,
    // Team mode.
    team: Vec<Response>,
    previous: Vec<Response>,
    group_by: Option<String>,
    report: Option<crate::core::team::ImportReport>,
    confirm_clear: bool,
    focus_report: bool,
    /// Team imports being read a slice at a time (the earlier round when true), and
    /// whether the next slice is scheduled.
    importing: Vec<(crate::core::team::Import, bool)>,
    tick_scheduled: bool,
    importing_saved: bool,
    /// Where focus goes after the next render: only ever after the person did
    /// something in the widget, never on page load or when the host sets a property.
    move_focus: MoveFocus,
    /// The widget's own state, for callbacks that arrive later (file reads).
    me: std::rc::Weak<RefCell<State>>,
}

/// Events to send to the host page once the state is no longer borrowed, so that a
/// listener may call back into the widget.
enum Out {
    Ready,
    Change(Response),
    Complete(ScoreResult),
}

#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    root: ShadowRoot,
    listener: Closure<dyn FnMut(Event)>,
}

/// The events the widget listens for on its shadow root (the drag events are for
/// dropping files on the team view).
const EVENTS: [&str; 5] = ["click", "change", "dragover", "dragleave", "drop"];

/// A widget that is freed (the element changed to the team build) stops listening.
impl Drop for Widget {
    fn drop(&mut self) {
        for kind in EVENTS {
            let _ = self
                .root
                .remove_event_listener_with_callback(kind, self.listener.as_ref().unchecked_ref());
        }
    }
}

/// An object from the host page as JSON text, by `JSON.stringify`: the element reads
/// objects as their JSON (a cycle or a BigInt gives "", which the reader refuses). The
/// npm API reads objects through serde-wasm-bindgen instead; here that reader cost
/// 15 KB of the gzipped self-check embed.
fn host_json(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn dispatch(host: &HtmlElement, out: Vec<Out>) {
    for o in out {
        let (name, detail) = match o {
            Out::Ready => ("fc-ready", JsValue::NULL),
            Out::Change(r) => ("fc-change", crate::web::to_js(&r).unwrap_or(JsValue::NULL)),
            Out::Complete(score) => (
                "fc-complete",
                crate::web::to_js(&score).unwrap_or(JsValue::NULL),
            ),
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&e);
        }
    }
}

#[wasm_bindgen]
impl Widget {
    /// Builds the widget inside `root`, the shadow root of `host`.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot) -> Result<Widget, JsError> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsError::new("no document"))?;
        let dom = Dom { doc };
        // Constructable stylesheets work under a strict Content-Security-Policy.
        let sheet = web_sys::CssStyleSheet::new()
            .map_err(|_| JsError::new("constructable stylesheets are not supported"))?;
        sheet
            .replace_sync(CSS)
            .map_err(|_| JsError::new("stylesheet"))?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let wrap = dom.el("div", &[("class", "fc"), ("part", "container")]);
        let live = dom.el(
            "div",
            &[
                ("class", "visually-hidden"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
        );
        let main = dom.el("div", &[("class", "screen")]);
        add(&wrap, &live);
        add(&wrap, &main);
        add(&root, &wrap);
        main.set_text_content(Some(&Strings::default().get("loading")));
        let state = Rc::new(RefCell::new(State {
            host,
            dom,
            main,
            live,
            mode: Mode::SelfCheck,
            fw: None,
            fw_json: String::new(),
            errors: Vec::new(),
            response: None,
            screen: Screen::Intro,
            shared: false,
            storage_key: None,
            notices: Vec::new(),
            show_table: false,
            confirm_restart: false,
            strings: Strings::default(),
            share_text: None,
            team: Vec::new(),
            previous: Vec::new(),
            group_by: None,
            report: None,
            confirm_clear: false,
            focus_report: false,
            importing: Vec::new(),
            tick_scheduled: false,
            importing_saved: true,
            move_focus: MoveFocus::None,
            me: std::rc::Weak::new(),
        }));
        state.borrow_mut().me = Rc::downgrade(&state);
        // One listener for every click and change inside the widget.
        let weak = Rc::downgrade(&state);
        let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let Some(state) = weak.upgrade() else { return };
            let (host, out) = {
                let Ok(mut s) = state.try_borrow_mut() else {
                    return;
                };
                let out = s.handle(&e);
                (s.host.clone(), out)
            };
            dispatch(&host, out);
        });
        for kind in EVENTS {
            root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
                .map_err(|_| JsError::new("listener"))?;
        }
        Ok(Widget {
            state,
            root,
            listener,
        })
    }

    /// Whether this build has the team view (`foundations-check.js` leaves it out).
    #[wasm_bindgen(js_name = hasTeam)]
    pub fn has_team() -> bool {
        cfg!(feature = "team")
    }

    /// An attribute changed: `mode`, `lang` or `storage-key` (`framework` is loaded by
    /// the element class, which fetches URLs, and handed over with `loadFramework`).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        let mut s = self.state.borrow_mut();
        match name {
            "mode" => {
                s.mode = match value.as_deref() {
                    Some("results") => Mode::Results,
                    Some("chart") => Mode::Chart,
                    Some("team") => Mode::Team,
                    _ => Mode::SelfCheck,
                };
            }
            "lang" => {
                let _ = s
                    .main
                    .set_attribute("lang", value.as_deref().unwrap_or("en-GB"));
            }
            "storage-key" => s.storage_key = value.filter(|v| !v.is_empty()),
            _ => return,
        }
        if s.fw.is_some() {
            s.restore();
            s.render();
        }
    }

    /// Loads a framework: a built-in id, JSON text, or an object. Problems are shown in
    /// the widget and returned.
    #[wasm_bindgen(js_name = loadFramework)]
    pub fn load_framework(&self, value: &JsValue) -> JsValue {
        // Text: a built-in id or JSON; an object is read through serde-wasm-bindgen, and
        // kept as JSON text for the `framework` property.
        let (text, result) = match value.as_string() {
            Some(t) => {
                let text = builtin::builtin_json(&t).map_or(t, str::to_string);
                let result = if text.trim_start().starts_with('{') {
                    Framework::from_json(&text)
                } else {
                    Err(vec![builtin::builtin(&text)
                        .err()
                        .unwrap_or_else(|| Issue::new("", "unknown framework"))])
                };
                (text, result)
            }
            None => {
                let text = host_json(value);
                let result = if text.starts_with('{') {
                    Framework::from_json(&text)
                } else {
                    Err(vec![Issue::new("", "the framework is not a JSON object")])
                };
                (text, result)
            }
        };
        let (host, out, errors) = {
            let mut s = self.state.borrow_mut();
            match result {
                Ok(fw) => {
                    s.fw = Some(Rc::new(fw));
                    s.fw_json = text;
                    s.errors.clear();
                    s.restore();
                }
                Err(errors) => {
                    s.fw = None;
                    s.fw_json.clear();
                    s.errors = errors;
                }
            }
            s.render();
            let errors = s
                .errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n");
            (
                s.host.clone(),
                if s.fw.is_some() {
                    vec![Out::Ready]
                } else {
                    Vec::new()
                },
                errors,
            )
        };
        dispatch(&host, out);
        if errors.is_empty() {
            JsValue::NULL
        } else {
            JsValue::from_str(&errors)
        }
    }

    /// Shows a problem that happened before a framework could be read (such as a
    /// failed download).
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&self, message: &str) {
        let mut s = self.state.borrow_mut();
        s.fw = None;
        s.fw_json.clear();
        s.errors = vec![Issue::new("", message)];
        s.render();
    }

    /// The loaded framework, as a plain object (or null): the JSON it was loaded from.
    #[wasm_bindgen(getter)]
    pub fn framework(&self) -> JsValue {
        let s = self.state.borrow();
        s.fw.as_ref()
            .and_then(|_| js_sys::JSON::parse(&s.fw_json).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Whether a framework is loaded (cheaper than reading `framework`).
    #[wasm_bindgen(getter, js_name = hasFramework)]
    pub fn has_framework(&self) -> bool {
        self.state.borrow().fw.is_some()
    }

    /// The current response, as a plain object (or null).
    #[wasm_bindgen(getter)]
    pub fn response(&self) -> JsValue {
        let s = self.state.borrow();
        s.response
            .as_ref()
            .and_then(|r| crate::web::to_js(r).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Sets the response (an object, JSON text or a share code); returns an error
    /// message, or null.
    #[wasm_bindgen(js_name = setResponse)]
    pub fn set_response(&self, value: &JsValue) -> JsValue {
        let mut s = self.state.borrow_mut();
        let Some(fw) = s.fw.clone() else {
            return JsValue::from_str("load a framework first");
        };
        let parsed = match value.as_string() {
            Some(t) if !t.trim_start().starts_with('{') => {
                sharecode::decode(&fw, &t).map_err(|e| vec![e])
            }
            Some(t) => Response::from_json(&fw, &t),
            None => Response::from_json(&fw, &host_json(value)),
        };
        match parsed {
            Ok(r) => {
                s.response = Some(r);
                s.save();
                s.render();
                JsValue::NULL
            }
            Err(e) => JsValue::from_str(&crate::core::issue::describe(&e)),
        }
    }

    /// Overrides UI text: an object of key to text.
    #[wasm_bindgen(js_name = setStrings)]
    pub fn set_strings(&self, value: &JsValue) {
        let mut map = Vec::new();
        if let Ok(entries) = js_sys::Object::entries(&js_sys::Object::from(value.clone()))
            .dyn_into::<js_sys::Array>()
        {
            for pair in entries.iter() {
                let pair = js_sys::Array::from(&pair);
                if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                    map.push((k, v));
                }
            }
        }
        let mut s = self.state.borrow_mut();
        s.strings.set(map);
        if s.fw.is_some() || !s.errors.is_empty() {
            s.render();
        }
    }

    /// Adds responses to the team set (or, with `previous`, the earlier round) from
    /// text: share codes or links, JSON or CSV. Returns `{ added, duplicates,
    /// rejected: [{ path, message }] }`.
    #[wasm_bindgen(js_name = importText)]
    pub fn import_text(&self, source: &str, text: &str, previous: bool) -> JsValue {
        let mut s = self.state.borrow_mut();
        s.report = None;
        s.import_team(source, text, previous);
        s.focus_report = false;
        s.render();
        let report = s.report.clone().unwrap_or_default();
        crate::web::to_js(&report).unwrap_or(JsValue::NULL)
    }

    /// The default text of every string key, for documentation and translators.
    #[wasm_bindgen(js_name = defaultStrings)]
    pub fn default_strings() -> JsValue {
        /// The keys and texts, as an object.
        struct All;
        impl serde::Serialize for All {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(strings::defaults().copied())
            }
        }
        crate::web::to_js(&All).unwrap_or(JsValue::NULL)
    }
}

/// A percent as shown: cut toward zero to the framework's places (`num::shown`), so
/// that it never reaches a band the score has not.
fn percent_text(fw: &Framework, p: crate::core::exact::Exact) -> String {
    crate::core::num::shown(p, fw.places())
}

impl State {
    fn t(&self, key: &str) -> String {
        self.strings.get(key)
    }

    fn key(&self) -> Option<String> {
        let fw = self.fw.as_ref()?;
        Some(
            self.storage_key
                .clone()
                .unwrap_or_else(|| format!("foundations-check:{}@{}", fw.id, fw.version)),
        )
    }

    /// Number of steps shown as "step k of n": about you (if any), foundations, review.
    fn steps(&self) -> Vec<Screen> {
        let Some(fw) = &self.fw else {
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

    /// Restores saved answers and place, or opens a shared result from `#fc=`.
    fn restore(&mut self) {
        if self.mode == Mode::Team {
            self.restore_team();
            return;
        }
        let Some(fw) = self.fw.clone() else { return };
        self.notices.clear();
        self.shared = false;
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(rest) = sharecode::after_marker(&hash) {
            let code: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            match sharecode::decode(&fw, &code) {
                Ok(r) => {
                    self.response = Some(r);
                    self.shared = true;
                    self.screen = Screen::Results;
                    return;
                }
                Err(e) => self
                    .notices
                    .push(self.strings.fill("codeError", &[("message", &e.message)])),
            }
        }
        self.response = None;
        self.screen = if self.mode == Mode::SelfCheck {
            Screen::Intro
        } else {
            Screen::Results
        };
        let Some(key) = self.key() else { return };
        let Some(store) = storage() else {
            self.notices.push(self.t("noStorage"));
            return;
        };
        let Ok(Some(text)) = store.get_item(&key) else {
            return;
        };
        match read_saved(&fw, &text) {
            Ok((r, screen)) => {
                self.response = Some(r);
                if self.mode == Mode::SelfCheck {
                    self.screen = screen;
                }
            }
            Err(_) => self.set_aside(&store, &key, &text),
        }
    }

    /// Keeps an unreadable saved value under another key rather than lose it, and
    /// says so.
    fn set_aside(&mut self, store: &Storage, key: &str, text: &str) {
        let aside = format!("{key}:set-aside:{}", js_sys::Date::now() as u64);
        let _ = store.set_item(&aside, text);
        let _ = store.remove_item(key);
        self.notices
            .push(self.strings.fill("setAside", &[("key", &aside)]));
    }

    /// Writes a value to storage, with a notice (once) when the browser refuses.
    fn store(&mut self, key: &str, text: &str) {
        let ok = storage().is_some_and(|s| s.set_item(key, text).is_ok());
        if !ok && !self.notices.contains(&self.t("noStorage")) {
            self.notices.push(self.t("noStorage"));
        }
    }

    fn save(&mut self) {
        if self.shared {
            return;
        }
        let (Some(key), Some(r)) = (self.key(), &self.response) else {
            return;
        };
        let screen = match self.screen {
            Screen::Intro => "intro".to_string(),
            Screen::About => "about".to_string(),
            Screen::Foundation(i) => format!("f{i}"),
            Screen::Review => "review".to_string(),
            Screen::Results => "results".to_string(),
        };
        let text = format!(
            "{{\"v\":1,\"screen\":\"{screen}\",\"response\":{}}}",
            r.to_json()
        );
        self.store(&key, &text);
    }

    fn response_mut(&mut self) -> Option<&mut Response> {
        if self.response.is_none() {
            self.response = self.fw.as_deref().map(Response::new);
        }
        self.response.as_mut()
    }

    fn score(&self) -> Option<ScoreResult> {
        Some(score(self.fw.as_ref()?, self.response.as_ref()?))
    }

    fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    /// Reacts to a click or change inside the widget.
    fn handle(&mut self, e: &Event) -> Vec<Out> {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return Vec::new();
        };
        match e.type_().as_str() {
            "change" => return self.on_change(&target),
            kind @ ("dragover" | "dragleave" | "drop") => {
                self.on_drag(e, &target, kind);
                return Vec::new();
            }
            _ => {}
        }
        let Some(actor) = target.closest("[data-action]").ok().flatten() else {
            return Vec::new();
        };
        let action = actor.get_attribute("data-action").unwrap_or_default();
        let mut out = Vec::new();
        if action.starts_with("team-") {
            self.team_action(&action);
            return out;
        }
        let steps = self.steps();
        let pos = steps.iter().position(|s| *s == self.screen);
        let move_to = |s: &mut State, screen: Screen| {
            s.screen = screen;
            s.save();
        };
        match action.as_str() {
            "start" => move_to(self, steps.first().copied().unwrap_or(Screen::Review)),
            "next" => move_to(
                self,
                pos.and_then(|p| steps.get(p + 1))
                    .copied()
                    .unwrap_or(Screen::Review),
            ),
            "back" => move_to(
                self,
                match pos {
                    Some(0) | None => Screen::Intro,
                    Some(p) => steps[p - 1],
                },
            ),
            "finish" => {
                move_to(self, Screen::Results);
                if let Some(r) = self.response_mut() {
                    if r.submitted_at.is_none() {
                        r.submitted_at = Some(now_utc());
                    }
                }
                self.save();
                if let Some(sc) = self.score() {
                    out.push(Out::Complete(sc));
                }
            }
            "edit" => {
                self.shared = false;
                move_to(self, steps.first().copied().unwrap_or(Screen::Intro));
            }
            "restart" => self.confirm_restart = true,
            "restart-no" => self.confirm_restart = false,
            "restart-yes" => {
                self.confirm_restart = false;
                if let (Some(k), Some(st)) = (self.key(), storage()) {
                    let _ = st.remove_item(&k);
                }
                self.response = None;
                self.shared = false;
                self.screen = Screen::Intro;
            }
            "toggle-table" => self.show_table = !self.show_table,
            "download-svg" | "download-png" | "download-json" | "download-csv" => {
                self.download(&action);
                return out;
            }
            "print" => {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
                return out;
            }
            "copy-code" | "copy-link" => {
                self.copy(action == "copy-link");
                return out;
            }
            a if a.starts_with("goto-") => {
                if let Ok(i) = a[5..].parse::<usize>() {
                    move_to(self, Screen::Foundation(i));
                }
            }
            "goto-about" => move_to(self, Screen::About),
            _ => return out,
        }
        self.move_focus = if action == "toggle-table" {
            MoveFocus::TableToggle
        } else {
            MoveFocus::Heading
        };
        self.render();
        out
    }

    fn on_change(&mut self, input: &Element) -> Vec<Out> {
        match input.get_attribute("data-role").as_deref() {
            Some("group-by") => {
                if let Some(sel) = input.dyn_ref::<web_sys::HtmlSelectElement>() {
                    let v = sel.value();
                    self.group_by = (!v.is_empty()).then_some(v);
                    self.render();
                    if let Ok(Some(sel)) = self.main.query_selector("select") {
                        focus(&sel);
                    }
                }
                return Vec::new();
            }
            Some(role @ ("team-files" | "previous-files")) => {
                if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
                    self.import_files(i, role == "previous-files");
                }
                return Vec::new();
            }
            _ => {}
        }
        let Some(input) = input.dyn_ref::<HtmlInputElement>() else {
            return Vec::new();
        };
        let value = input.value();
        if let Some(item) = input.get_attribute("data-item") {
            let Some(fw) = self.fw.clone() else {
                return Vec::new();
            };
            let answer = if value == "dontKnow" {
                Some(Answer::DontKnow)
            } else {
                value.parse().ok().map(Answer::Value)
            };
            let Some(a) = answer.filter(|a| Response::check_answer(&fw, &item, *a).is_ok()) else {
                return Vec::new();
            };
            if let Some(r) = self.response_mut() {
                r.answers.insert(item, a);
            }
        } else if let Some(field) = input.get_attribute("data-field") {
            if let Some(r) = self.response_mut() {
                if value.is_empty() {
                    r.respondent.remove(&field);
                } else {
                    r.respondent.insert(field, value);
                }
            }
        } else {
            return Vec::new();
        }
        self.save();
        self.update_progress();
        self.response
            .as_ref()
            .map_or_else(Vec::new, |r| vec![Out::Change(r.clone())])
    }

    fn answered(&self) -> (usize, usize) {
        let Some(fw) = &self.fw else { return (0, 0) };
        let total = fw.item_count();
        let n = self.response.as_ref().map_or(0, |r| r.answers.len());
        (n, total)
    }

    fn update_progress(&self) {
        let (n, total) = self.answered();
        if let Ok(Some(p)) = self.main.query_selector(".answered") {
            p.set_text_content(Some(&self.strings.fill(
                "answeredOf",
                &[("answered", &n.to_string()), ("total", &total.to_string())],
            )));
        }
    }

    fn render(&mut self) {
        clear(&self.main);
        let d = &self.dom;
        for n in &self.notices {
            add(
                &self.main,
                &d.text("p", &[("class", "notice"), ("role", "note")], n),
            );
        }
        if !self.errors.is_empty() {
            let box_ = d.el("div", &[("class", "error"), ("role", "alert")]);
            add(&box_, &d.text("p", &[], &self.t("frameworkError")));
            let ul = d.el("ul", &[]);
            for e in &self.errors {
                add(&ul, &d.text("li", &[], &e.to_string()));
            }
            add(&box_, &ul);
            add(&self.main, &box_);
            return;
        }
        let Some(fw) = self.fw.clone() else { return };
        if self.confirm_restart {
            self.confirm(
                &self.t("confirmRestart"),
                "restart-yes",
                &self.t("confirmYes"),
                "restart-no",
            );
            return;
        }
        if self.mode == Mode::Team {
            self.render_team(&fw);
            return;
        }
        let heading = match (self.mode, self.screen) {
            (Mode::Chart, _) => self.render_results(&fw, true),
            (_, Screen::Results) => self.render_results(&fw, false),
            (Mode::Results, _) => self.render_results(&fw, false),
            (_, Screen::Intro) => self.render_intro(&fw),
            (_, Screen::About) => self.render_about(&fw),
            (_, Screen::Foundation(i)) => self.render_foundation(&fw, i),
            (_, Screen::Review) => self.render_review(&fw),
        };
        match std::mem::replace(&mut self.move_focus, MoveFocus::None) {
            MoveFocus::Heading => {
                if let Some(h) = heading {
                    focus(&h);
                    self.announce(&h.text_content().unwrap_or_default());
                }
            }
            MoveFocus::TableToggle => {
                if let Ok(Some(b)) = self.main.query_selector("[data-action=toggle-table]") {
                    focus(&b);
                }
            }
            MoveFocus::None => {}
        }
    }

    /// The step header: progress bar, "step k of n", and the heading (returned for focus).
    fn step_header(&self, title: &str) -> Element {
        let d = &self.dom;
        let steps = self.steps();
        let k = steps
            .iter()
            .position(|s| *s == self.screen)
            .map_or(0, |p| p + 1);
        let label = self.strings.fill(
            "stepOf",
            &[
                ("step", &k.to_string()),
                ("total", &steps.len().to_string()),
            ],
        );
        let head = d.el("div", &[("class", "step-head")]);
        add(
            &head,
            &d.text("p", &[("class", "step-of"), ("id", "fc-step-of")], &label),
        );
        add(
            &head,
            &d.el(
                "progress",
                &[
                    ("max", &steps.len().to_string()),
                    ("value", &k.to_string()),
                    ("aria-labelledby", "fc-step-of"),
                    ("part", "progress"),
                ],
            ),
        );
        let (n, total) = self.answered();
        add(
            &head,
            &d.text(
                "p",
                &[("class", "answered")],
                &self.strings.fill(
                    "answeredOf",
                    &[("answered", &n.to_string()), ("total", &total.to_string())],
                ),
            ),
        );
        add(&self.main, &head);
        let h = d.text("h2", &[("tabindex", "-1"), ("part", "heading")], title);
        add(&self.main, &h);
        h
    }

    fn nav(&self, back: bool, next_action: &str, next_label: &str) {
        let d = &self.dom;
        let nav = d.el("div", &[("class", "nav")]);
        if back {
            add(&nav, &d.button("back", &self.t("back"), false));
        }
        add(&nav, &d.button(next_action, next_label, true));
        add(&self.main, &nav);
    }

    fn render_intro(&self, fw: &Framework) -> Option<Element> {
        let d = &self.dom;
        let h = d.text("h2", &[("tabindex", "-1"), ("part", "heading")], &fw.title);
        add(&self.main, &h);
        if !fw.description.is_empty() {
            add(&self.main, &d.text("p", &[], &fw.description));
        }
        let minutes = (fw.item_count() as f64 * 12.0 / 60.0).ceil().max(1.0) as usize;
        let args = [
            ("minutes", minutes.to_string()),
            ("steps", self.steps().len().to_string()),
            ("dontKnow", fw.scale.dont_know.clone().unwrap_or_default()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        add(
            &self.main,
            &d.text("p", &[], &self.strings.fill("minutes", &args)),
        );
        if fw.scale.dont_know.is_some() {
            add(
                &self.main,
                &d.text("p", &[], &self.strings.fill("dontKnowHint", &args)),
            );
        }
        add(
            &self.main,
            &d.text("p", &[("class", "privacy")], &self.t("privacy")),
        );
        let nav = d.el("div", &[("class", "nav")]);
        let has_answers = self
            .response
            .as_ref()
            .is_some_and(|r| !r.answers.is_empty() || !r.respondent.is_empty());
        if has_answers {
            add(&nav, &d.button("start", &self.t("continue"), true));
            add(&nav, &d.button("restart", &self.t("startAgain"), false));
        } else {
            add(&nav, &d.button("start", &self.t("start"), true));
        }
        add(&self.main, &nav);
        Some(h)
    }

    fn render_about(&self, fw: &Framework) -> Option<Element> {
        let d = &self.dom;
        let h = self.step_header(&self.t("aboutYou"));
        add(
            &self.main,
            &d.text("p", &[("class", "hint")], &self.t("aboutYouHint")),
        );
        let r = self.response.as_ref();
        for f in &fw.respondent_fields {
            let fs = d.el("fieldset", &[("class", "question")]);
            add(&fs, &d.text("legend", &[], &f.label));
            // Nothing is chosen in advance, as with any radio question.
            let chosen = r.and_then(|r| r.respondent.get(&f.id)).cloned();
            let opts = d.el("div", &[("class", "options stacked")]);
            let prefer_not = self.t("preferNot");
            let choices = f
                .options
                .iter()
                .map(|o| (o.id.as_str(), o.label.as_str()))
                .chain([("", prefer_not.as_str())]);
            for (id, label) in choices {
                let lab = d.el("label", &[("class", "option")]);
                let input = d.el(
                    "input",
                    &[
                        ("type", "radio"),
                        ("name", &format!("field-{}", f.id)),
                        ("value", id),
                        ("data-field", &f.id),
                    ],
                );
                if chosen.as_deref() == Some(id) {
                    let _ = input.set_attribute("checked", "");
                }
                add(&lab, &input);
                add(&lab, &d.text("span", &[], label));
                add(&opts, &lab);
            }
            add(&fs, &opts);
            add(&self.main, &fs);
        }
        self.nav(true, "next", &self.t("next"));
        Some(h)
    }

    fn render_foundation(&self, fw: &Framework, i: usize) -> Option<Element> {
        let d = &self.dom;
        let f = fw.foundations.get(i)?;
        let h = self.step_header(&f.name);
        if !f.description.is_empty() {
            add(
                &self.main,
                &d.text("p", &[("class", "hint")], &f.description),
            );
        }
        let r = self.response.as_ref();
        let mut points: Vec<(String, String)> = (fw.scale.min..=fw.scale.max)
            .map(|v| {
                (
                    v.to_string(),
                    fw.scale.label(v).unwrap_or_default().to_string(),
                )
            })
            .collect();
        if let Some(dk) = &fw.scale.dont_know {
            points.push(("dontKnow".into(), dk.clone()));
        }
        for item in &f.items {
            let fs = d.el("fieldset", &[("class", "question"), ("part", "question")]);
            add(&fs, &d.text("legend", &[], &item.text));
            let chosen = match r.and_then(|r| r.answers.get(&item.id)) {
                Some(Answer::Value(v)) => v.to_string(),
                Some(Answer::DontKnow) => "dontKnow".into(),
                None => String::new(),
            };
            let opts = d.el("div", &[("class", "options")]);
            for (value, label) in &points {
                let class = if value == "dontKnow" {
                    "option dont-know"
                } else {
                    "option"
                };
                let lab = d.el("label", &[("class", class)]);
                let input = d.el(
                    "input",
                    &[
                        ("type", "radio"),
                        ("name", &item.id),
                        ("value", value),
                        ("data-item", &item.id),
                    ],
                );
                if &chosen == value {
                    let _ = input.set_attribute("checked", "");
                }
                add(&lab, &input);
                add(&lab, &d.text("span", &[], label));
                add(&opts, &lab);
            }
            add(&fs, &opts);
            add(&self.main, &fs);
        }
        self.nav(true, "next", &self.t("next"));
        Some(h)
    }

    fn render_review(&self, fw: &Framework) -> Option<Element> {
        let d = &self.dom;
        let h = self.step_header(&self.t("review"));
        let r = self.response.as_ref();
        let missing: Vec<(usize, Vec<&str>)> = fw
            .foundations
            .iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    i,
                    f.items
                        .iter()
                        .filter(|it| r.map_or(true, |r| !r.answers.contains_key(&it.id)))
                        .map(|it| it.text.as_str())
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if missing.is_empty() {
            add(&self.main, &d.text("p", &[], &self.t("allAnswered")));
        } else {
            add(&self.main, &d.text("p", &[], &self.t("reviewIntro")));
            let ul = d.el("ul", &[("class", "review")]);
            for (i, texts) in missing {
                let f = &fw.foundations[i];
                let li = d.el("li", &[]);
                add(
                    &li,
                    &d.text(
                        "h3",
                        &[],
                        &self.strings.fill(
                            "unansweredIn",
                            &[("count", &texts.len().to_string()), ("name", &f.name)],
                        ),
                    ),
                );
                let inner = d.el("ul", &[]);
                for t in texts {
                    add(&inner, &d.text("li", &[], t));
                }
                add(&li, &inner);
                add(
                    &li,
                    &d.button(
                        &format!("goto-{i}"),
                        &self.strings.fill("goTo", &[("name", &f.name)]),
                        false,
                    ),
                );
                add(&ul, &li);
            }
            add(&self.main, &ul);
        }
        self.nav(true, "finish", &self.t("finish"));
        Some(h)
    }

    fn chart_for(&self, fw: &Framework, result: &ScoreResult) -> Option<RadarChart> {
        let mut chart = chart_from_score(fw, result, None).ok()?;
        // Draw at the width the widget has, so labels stay readable on a phone.
        let w = self.main.client_width();
        let w = if w > 0 { w.clamp(300, 720) } else { 640 } as u32;
        chart.width = w;
        chart.height = (f64::from(w) * if w < 480 { 1.0 } else { 0.8 }) as u32;
        Some(chart)
    }

    fn render_results(&self, fw: &Framework, chart_only: bool) -> Option<Element> {
        let d = &self.dom;
        let Some(result) = self.score().filter(|s| s.overall.answered > 0) else {
            let h = d.text("h2", &[("tabindex", "-1")], &self.t("results"));
            add(&self.main, &h);
            add(&self.main, &d.text("p", &[], &self.t("noResponse")));
            if self.mode == Mode::SelfCheck {
                add(&self.main, &d.button("start", &self.t("start"), true));
            }
            return Some(h);
        };
        let title = if self.shared {
            self.t("sharedResults")
        } else {
            self.t("results")
        };
        let h = d.text("h2", &[("tabindex", "-1"), ("part", "heading")], &title);
        if !chart_only {
            add(&self.main, &h);
            if self.shared {
                add(
                    &self.main,
                    &d.text("p", &[("class", "notice")], &self.t("sharedNote")),
                );
            }
            let o = &result.overall;
            let (scored, total) = (o.scored.to_string(), o.foundations.to_string());
            let overall = match (o.percent, o.band.as_deref().and_then(|b| fw.level(b))) {
                (Some(p), Some(l)) => self.strings.fill(
                    "overall",
                    &[
                        ("band", &l.label),
                        ("percent", &percent_text(fw, p)),
                        ("scored", &scored),
                        ("total", &total),
                    ],
                ),
                (Some(p), None) if o.provisional => self.strings.fill(
                    "overallProvisional",
                    &[
                        ("percent", &percent_text(fw, p)),
                        ("scored", &scored),
                        ("total", &total),
                    ],
                ),
                _ => self.t("overallNone"),
            };
            add(&self.main, &d.text("p", &[("class", "overall")], &overall));
        }
        // The chart, or the same numbers as a table.
        let chart = self.chart_for(fw, &result)?;
        let alt = summary(&chart);
        let figure = d.el("figure", &[("class", "chart"), ("part", "chart")]);
        if self.show_table {
            let table = d.el("table", &[("part", "table")]);
            add(&table, &d.text("caption", &[], &alt));
            let head = d.el("tr", &[]);
            for c in [self.t("foundation"), self.t("score"), self.t("band")] {
                add(&head, &d.text("th", &[("scope", "col")], &c));
            }
            add(&table, &head);
            for (f, fs) in fw.foundations.iter().zip(&result.foundations) {
                let tr = d.el("tr", &[]);
                add(&tr, &d.text("th", &[("scope", "row")], &f.name));
                add(
                    &tr,
                    &d.text(
                        "td",
                        &[],
                        &fs.percent.map_or_else(
                            || self.t("insufficient"),
                            |p| format!("{}%", percent_text(fw, p)),
                        ),
                    ),
                );
                add(
                    &tr,
                    &d.text(
                        "td",
                        &[],
                        fs.band
                            .as_deref()
                            .and_then(|b| fw.level(b))
                            .map_or("", |l| l.label.as_str()),
                    ),
                );
                add(&table, &tr);
            }
            add(&figure, &table);
        } else {
            let canvas = d.el(
                "canvas",
                &[
                    ("role", "img"),
                    (
                        "aria-label",
                        &self.strings.fill("chartLabel", &[("summary", &alt)]),
                    ),
                ],
            );
            add(&figure, &canvas);
            if let Some(c) = canvas.dyn_ref::<web_sys::HtmlCanvasElement>() {
                let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
                let _ = crate::web::canvas::draw_on_canvas(c, &chart, ratio, false);
            }
        }
        add(&self.main, &figure);
        let toggle = d.button(
            "toggle-table",
            &if self.show_table {
                self.t("showChart")
            } else {
                self.t("showTable")
            },
            false,
        );
        let _ = toggle.set_attribute(
            "aria-pressed",
            if self.show_table { "true" } else { "false" },
        );
        add(&self.main, &toggle);
        if chart_only {
            return None;
        }
        // Foundations: strengths first, then the lowest, with suggested steps.
        let mut order: Vec<(usize, Option<crate::core::exact::Exact>)> = result
            .foundations
            .iter()
            .enumerate()
            .map(|(i, f)| (i, f.percent))
            .collect();
        crate::core::num::sort_by(&mut order, |a, b| a.1 > b.1);
        let list = d.el("ol", &[("class", "foundations"), ("part", "results")]);
        for (i, _) in order {
            let (f, fs) = (&fw.foundations[i], &result.foundations[i]);
            let li = d.el("li", &[]);
            add(&li, &d.text("h3", &[], &f.name));
            let line = match (
                fs.status,
                fs.percent,
                fs.band.as_deref().and_then(|b| fw.level(b)),
            ) {
                (Status::Scored, Some(p), Some(l)) => {
                    format!("{}% · {}", percent_text(fw, p), l.label)
                }
                (Status::Scored, Some(p), None) => format!("{}%", percent_text(fw, p)),
                _ => self.t("insufficient"),
            };
            add(&li, &d.text("p", &[("class", "band")], &line));
            if let Some(b) = &fs.band {
                let actions = fw.actions_for(f, b);
                if !actions.is_empty() {
                    add(&li, &d.text("h4", &[], &self.t("suggested")));
                    let ul = d.el("ul", &[]);
                    for a in actions {
                        add(&ul, &d.text("li", &[], a));
                    }
                    add(&li, &ul);
                }
            }
            add(&list, &li);
        }
        add(&self.main, &list);
        // Take it away.
        let take = self.take_away(&[
            ("download-svg", "downloadSvg"),
            ("download-png", "downloadPng"),
            ("download-json", "downloadJson"),
            ("download-csv", "downloadCsv"),
            ("print", "print"),
            ("copy-code", "copyCode"),
            ("copy-link", "copyLink"),
        ]);
        add(
            &take,
            &d.text("p", &[("class", "hint")], &self.t("shareHint")),
        );
        if let Some(t) = &self.share_text {
            let input = d.el(
                "input",
                &[
                    ("type", "text"),
                    ("readonly", ""),
                    ("class", "share"),
                    ("aria-label", &self.t("copyManually")),
                    ("value", t),
                ],
            );
            add(&take, &input);
        }
        add(&self.main, &take);
        if self.mode == Mode::SelfCheck {
            let nav = d.el("div", &[("class", "nav")]);
            add(&nav, &d.button("edit", &self.t("edit"), false));
            add(&nav, &d.button("restart", &self.t("startAgain"), false));
            add(&self.main, &nav);
        }
        Some(h)
    }

    fn download(&self, action: &str) {
        let (Some(fw), Some(r)) = (&self.fw, &self.response) else {
            return;
        };
        let Some(result) = self.score() else { return };
        // The file name carries the date when the submission time starts with one; the
        // time is the respondent's own text, so nothing else of it goes into the name.
        let date = r
            .submitted_at
            .as_deref()
            .and_then(|s| s.get(..10))
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
            .unwrap_or("answers");
        let stem = format!("{}-{date}", fw.id);
        let file = match action {
            "download-svg" | "download-png" => self
                .chart_for(fw, &result)
                .and_then(|c| self.chart_file(c, action == "download-png")),
            "download-json" => Some(("json", data_url("application/json", &r.to_json()))),
            _ => Some((
                "csv",
                data_url("text/csv", &csv::to_csv(fw, std::slice::from_ref(r))),
            )),
        };
        if let Some((ext, url)) = file {
            self.offer(&format!("{stem}.{ext}"), &url);
        }
    }

    /// A chart as a file to download, 800 by 640: SVG, or PNG drawn at twice that.
    fn chart_file(&self, mut chart: RadarChart, png: bool) -> Option<(&'static str, String)> {
        chart.width = 800;
        chart.height = 640;
        if !png {
            return Some((
                "svg",
                data_url("image/svg+xml", &radar_svg_of_valid(&chart).ok()?),
            ));
        }
        let c: web_sys::HtmlCanvasElement =
            self.dom.doc.create_element("canvas").ok()?.unchecked_into();
        crate::web::canvas::draw_on_canvas(&c, &chart, 2.0, false).ok()?;
        Some(("png", c.to_data_url().ok()?))
    }

    /// Offers a file for download through a link (no request is made: the file is a
    /// data: URL).
    fn offer(&self, name: &str, url: &str) {
        let a = self.dom.el("a", &[("href", url), ("download", name)]);
        if let Some(a) = a.dyn_ref::<HtmlElement>() {
            a.click();
        }
    }

    /// The "take your results away" section: a heading and a row of buttons, each an
    /// (action, string key) pair.
    fn take_away(&self, buttons: &[(&str, &str)]) -> Element {
        let d = &self.dom;
        let take = d.el("div", &[("class", "take-away")]);
        add(&take, &d.text("h3", &[], &self.t("takeAway")));
        let row = d.el("div", &[("class", "buttons")]);
        for (a, k) in buttons {
            add(&row, &d.button(a, &self.t(k), false));
        }
        add(&take, &row);
        take
    }

    /// Asks before something that cannot be undone, with the "yes" button focused.
    fn confirm(&self, question: &str, yes_action: &str, yes: &str, no_action: &str) {
        let d = &self.dom;
        let b = d.el(
            "div",
            &[
                ("class", "confirm"),
                ("role", "alertdialog"),
                ("aria-labelledby", "fc-confirm"),
            ],
        );
        add(&b, &d.text("p", &[("id", "fc-confirm")], question));
        let yes = d.button(yes_action, yes, true);
        add(&b, &yes);
        add(&b, &d.button(no_action, &self.t("confirmNo"), false));
        add(&self.main, &b);
        focus(&yes);
    }

    fn copy(&mut self, link: bool) {
        let (Some(fw), Some(r)) = (&self.fw, &self.response) else {
            return;
        };
        let code = sharecode::encode(fw, r);
        let text = if link {
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            // Up to the fragment ('#' is ASCII, so that is a character boundary).
            let base = &href[..href.bytes().position(|b| b == b'#').unwrap_or(href.len())];
            format!("{base}#fc={code}")
        } else {
            code
        };
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
        self.share_text = Some(text);
        self.render();
        if let Ok(Some(input)) = self.main.query_selector("input.share") {
            if let Some(i) = input.dyn_ref::<HtmlInputElement>() {
                i.select();
                let _ = i.focus();
            }
        }
        self.announce(&self.t("copied"));
    }
}

/// Reads a saved `{v, screen, response}` value.
fn read_saved(fw: &Framework, text: &str) -> Result<(Response, Screen), Issue> {
    let v = crate::core::reader::parse_json(text)?;
    if v.get("v").and_then(|v| v.as_u64()) != Some(1) {
        return Err(Issue::new("v", "unknown saved format"));
    }
    let r = Response::from_value(
        fw,
        v.get("response")
            .unwrap_or(&crate::codec::json::Value::Null),
        "response",
    )
    .map_err(|e| {
        e.into_iter()
            .next()
            .unwrap_or_else(|| Issue::new("", "bad"))
    })?;
    let screen = match v.get("screen").and_then(|s| s.as_str()).unwrap_or("intro") {
        "about" if !fw.respondent_fields.is_empty() => Screen::About,
        "review" => Screen::Review,
        "results" => Screen::Results,
        s if s.starts_with('f') => s[1..]
            .parse::<usize>()
            .ok()
            .filter(|i| *i < fw.foundations.len())
            .map_or(Screen::Intro, Screen::Foundation),
        _ => Screen::Intro,
    };
    Ok((r, screen))
}

fn now_utc() -> String {
    sharecode::format_utc((js_sys::Date::now() / 1000.0) as u64)
}

/// A `data:` URL holding text.
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}
