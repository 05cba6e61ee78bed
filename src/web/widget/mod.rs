//! The `<foundations-check>` element's browser side: the [`Widget`] that the element
//! class (js/element.js) creates in its shadow root, the listeners that decode each DOM
//! event once into a message ([`crate::web::app::Msg::decode`]), and [`send`], which
//! runs the pure update and then the effects ([`effects`]). The model is borrowed only
//! inside the update and while a view or chart is read from it, never while the
//! browser is called, so a host page's listener may call back into the element, and a
//! browser call that throws cannot leave it locked.

mod dom;
mod effects;

use crate::core::builtin;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::Response;
use crate::web::app::{update, Mode, Model, Msg};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot};

// The widget's stylesheet (widget.css, minified by build.rs); the team build adds
// team.css.
#[cfg(not(feature = "team"))]
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
#[cfg(feature = "team")]
const CSS: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/widget.css")),
    include_str!(concat!(env!("OUT_DIR"), "/team.css"))
);

/// The events the widget listens for on its shadow root (the drag events are for
/// dropping files on the team view), and on the window.
// (`input` for a comment's text area, saved as it is typed, so that a reload or a
// closed tab keeps it.)
#[cfg(not(feature = "team"))]
const EVENTS: &[&str] = &["click", "change", "input"];
#[cfg(feature = "team")]
const EVENTS: &[&str] = &["click", "change", "input", "dragover", "dragleave", "drop"];
const WINDOW_EVENTS: [&str; 2] = ["storage", "hashchange"];

/// The elements the widget keeps: its host, the wrapper that carries the language and
/// direction, the live region, and the screen the views are mounted in.
pub(crate) struct Ui {
    host: HtmlElement,
    root: ShadowRoot,
    doc: Document,
    /// The host's window (its document's view), kept rather than looked up through the
    /// global object each time.
    win: web_sys::Window,
    wrap: Element,
    live: Element,
    main: Element,
}

pub(crate) struct App {
    model: RefCell<Model>,
    ui: Ui,
    /// Messages that met the model borrowed (a bug: never expected), run next.
    waiting: RefCell<Vec<Msg>>,
    /// Units of work in a slice of a team import, tuned to about 20 ms a slice.
    #[cfg(feature = "team")]
    units: std::cell::Cell<usize>,
}

/// Reports what should never happen, where a test sees it.
fn bug(what: &str) {
    dom::console_error(&format!("foundations-check: a bug: {what}"));
}

/// Runs a message: the update with the model borrowed, then its effects without.
pub(crate) fn send(app: &Rc<App>, msg: Msg) {
    let fx = match app.model.try_borrow_mut() {
        Ok(mut m) => update(&mut m, msg),
        Err(_) => {
            bug("a message arrived while the model was in use; it runs next");
            if let Ok(mut w) = app.waiting.try_borrow_mut() {
                w.push(msg);
            }
            return;
        }
    };
    effects::run(app, fx);
    let waiting = app
        .waiting
        .try_borrow_mut()
        .map(|mut w| std::mem::take(&mut *w))
        .unwrap_or_default();
    for msg in waiting {
        send(app, msg);
    }
}

/// Reads from the model (for a getter, a view or a chart); `None`, reported, if it is
/// in use.
pub(crate) fn read<T>(app: &App, f: impl FnOnce(&Model) -> T) -> Option<T> {
    match app.model.try_borrow() {
        Ok(m) => Some(f(&m)),
        Err(_) => {
            bug("the model was read while in use");
            None
        }
    }
}

fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// Decodes a DOM event into a message, once, and sends it.
fn on_event(app: &Rc<App>, e: &Event) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let kind = e.type_();
    #[cfg(feature = "team")]
    if kind.starts_with("drag") || kind == "drop" {
        on_drag(app, e, &target, &kind);
        return;
    }
    let Some(control) = target.closest("[data-m]").ok().flatten() else {
        return;
    };
    // Buttons are clicked; inputs and selects change (a click on a radio button is
    // followed by its change); a comment's text area is also read as it is typed.
    let tag = control.tag_name();
    if (tag == "BUTTON") != (kind == "click") || (kind == "input" && tag != "TEXTAREA") {
        return;
    }
    let code = control.get_attribute("data-m").unwrap_or_default();
    #[allow(unused_mut)]
    let mut value = dom::prop(&control, "value");
    #[cfg(feature = "team")]
    match code.as_str() {
        "t add" => {
            let area = app.ui.main.query_selector("textarea").ok().flatten();
            value = area.map_or_else(String::new, |a| dom::prop(&a, "value"));
        }
        "t files" | "t previous" => {
            if let Some(input) = control.dyn_ref::<web_sys::HtmlInputElement>() {
                if let Some(files) = input.files() {
                    read_files(app, &files, code == "t previous");
                }
                input.set_value("");
            }
            return;
        }
        _ => {}
    }
    if let Some(msg) = Msg::decode(&code, &value, now_secs()) {
        send(app, msg);
    }
}

/// Files dragged over the import section highlight it; dropped, they are read.
#[cfg(feature = "team")]
fn on_drag(app: &Rc<App>, e: &Event, target: &Element, kind: &str) {
    let Some(zone) = target.closest("[data-drop]").ok().flatten() else {
        return;
    };
    e.prevent_default(); // (which is what allows a drop)
    let _ = zone
        .class_list()
        .toggle_with_force("dropping", kind == "dragover");
    if kind == "drop" {
        let files = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|t| t.files());
        if let Some(files) = files {
            read_files(app, &files, false);
        }
    }
}

/// Reads chosen or dropped files as bytes (a saved e-mail, a workbook or UTF-16 CSV is
/// not text to the browser), each as it arrives; a file too large is named without
/// being read.
#[cfg(feature = "team")]
fn read_files(app: &Rc<App>, files: &web_sys::FileList, previous: bool) {
    use crate::web::app::team::TeamMsg;
    send(app, Msg::Team(TeamMsg::Files));
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let size = file.size();
        if crate::core::team::size_problem(size as usize).is_some() {
            let bytes = size as u64;
            send(app, Msg::Team(TeamMsg::TooBig { name, bytes }));
            continue;
        }
        read_bytes(app, &file, move |bytes| {
            Msg::Team(TeamMsg::File {
                name,
                bytes,
                previous,
            })
        });
    }
}

/// Reads a file's bytes (`arrayBuffer()`), then sends the message `done` makes of them
/// (`None` when the browser could not read the file, or would not say why).
#[cfg(feature = "team")]
pub(crate) fn read_bytes(
    app: &Rc<App>,
    file: &web_sys::File,
    done: impl FnOnce(Option<Vec<u8>>) -> Msg + 'static,
) {
    let me = Rc::downgrade(app);
    let finish = Closure::once_into_js(move |buffer: JsValue| {
        if let Some(app) = me.upgrade() {
            let bytes = buffer
                .dyn_ref::<js_sys::ArrayBuffer>()
                .map(|b| js_sys::Uint8Array::new(b).to_vec());
            send(&app, done(bytes));
        }
    });
    let finish: &js_sys::Function = finish.unchecked_ref();
    let fail = finish.bind1(&JsValue::NULL, &JsValue::NULL);
    // Called with the bytes, or with nothing when the file cannot be read; a browser
    // without arrayBuffer() (or one that throws) is told the same way.
    let promise = dom::array_buffer(file);
    let then = promise.ok().and_then(|p| {
        let then = js_sys::Reflect::get(&p, &"then".into()).ok()?;
        let then: &js_sys::Function = then.dyn_ref()?;
        then.call2(&p, finish, &fail).ok()
    });
    if then.is_none() {
        let _ = finish.call1(&JsValue::NULL, &JsValue::NULL);
    }
}

/// Every callback the widget gives the browser is of this one kind (an event, the
/// resize observer's entries, a promise's result), so that wasm-bindgen's glue is made
/// once for them all.
pub(crate) type Callback = Closure<dyn FnMut(JsValue)>;

#[wasm_bindgen]
pub struct Widget {
    app: Rc<App>,
    listener: Callback,
    window_listener: Callback,
    resize: Option<(web_sys::ResizeObserver, Callback)>,
}

/// A widget that is freed (the element changed to the team build) stops listening.
impl Drop for Widget {
    fn drop(&mut self) {
        for kind in EVENTS {
            let _ = self
                .app
                .ui
                .root
                .remove_event_listener_with_callback(kind, self.listener.as_ref().unchecked_ref());
        }
        {
            for kind in WINDOW_EVENTS {
                let _ = self.app.ui.win.remove_event_listener_with_callback(
                    kind,
                    self.window_listener.as_ref().unchecked_ref(),
                );
            }
        }
        if let Some((ro, _)) = &self.resize {
            ro.disconnect();
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

#[wasm_bindgen]
impl Widget {
    /// Builds the widget inside `root`, the shadow root of `host`.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot) -> Result<Widget, JsError> {
        // The host's own document and window.
        let doc = host
            .owner_document()
            .ok_or_else(|| JsError::new("no document"))?;
        let window = doc
            .default_view()
            .ok_or_else(|| JsError::new("no window"))?;
        // Constructable stylesheets work under a strict Content-Security-Policy.
        let sheet = web_sys::CssStyleSheet::new()
            .map_err(|_| JsError::new("constructable stylesheets are not supported"))?;
        sheet
            .replace_sync(CSS)
            .map_err(|_| JsError::new("stylesheet"))?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let make = |tag: &str, attrs: &[(&str, &str)]| -> Result<Element, JsError> {
            let e = doc
                .create_element(tag)
                .map_err(|_| JsError::new("createElement"))?;
            for (k, v) in attrs {
                let _ = e.set_attribute(k, v);
            }
            Ok(e)
        };
        let wrap = make("div", &[("class", "fc"), ("part", "container")])?;
        let live = make(
            "div",
            &[
                ("class", "visually-hidden"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
        )?;
        let main = make("div", &[("class", "screen")])?;
        let _ = wrap.append_child(&live);
        let _ = wrap.append_child(&main);
        let _ = root.append_child(&wrap);
        let app = Rc::new(App {
            model: RefCell::new(Model::new()),
            ui: Ui {
                host,
                root: root.clone(),
                doc,
                win: window.clone(),
                wrap,
                live,
                main,
            },
            waiting: RefCell::new(Vec::new()),
            #[cfg(feature = "team")]
            units: std::cell::Cell::new(200),
        });
        effects::run(&app, vec![crate::web::app::Effect::Render]);
        // One listener for every click and change inside the widget.
        let weak = Rc::downgrade(&app);
        let listener = Callback::new(move |e: JsValue| {
            let e: Event = e.unchecked_into();
            if let Some(app) = weak.upgrade() {
                on_event(&app, &e);
            }
        });
        for kind in EVENTS {
            root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
                .map_err(|_| JsError::new("listener"))?;
        }
        // Another tab's changes, and a share link pasted into this tab's address.
        let weak = Rc::downgrade(&app);
        let window_listener = Callback::new(move |e: JsValue| {
            let e: Event = e.unchecked_into();
            let Some(app) = weak.upgrade() else { return };
            let msg = if e.type_() == "storage" {
                let key = dom::prop(&e, "key");
                let value = js_sys::Reflect::get(&e, &"newValue".into())
                    .ok()
                    .and_then(|v| v.as_string());
                Msg::Stored(key, value)
            } else {
                Msg::Hash(app.ui.win.location().hash().unwrap_or_default())
            };
            send(&app, msg);
        });
        for kind in WINDOW_EVENTS {
            let _ = window
                .add_event_listener_with_callback(kind, window_listener.as_ref().unchecked_ref());
        }
        // The chart is redrawn when the widget's width changes (a resize, a rotation, a
        // zoom); where there is no ResizeObserver it keeps its first width.
        let weak = Rc::downgrade(&app);
        let on_resize = Callback::new(move |_entries: JsValue| {
            if let Some(app) = weak.upgrade() {
                let w = app.ui.main.client_width();
                if w > 0 {
                    send(&app, Msg::Resized(w as u32));
                }
            }
        });
        let resize = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())
            .ok()
            .map(|ro| {
                ro.observe(&app.ui.main);
                (ro, on_resize)
            });
        Ok(Widget {
            app,
            listener,
            window_listener,
            resize,
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
        let msg = match name {
            "mode" => Msg::Mode(Mode::parse(value.as_deref())),
            "lang" => Msg::Lang(value),
            "storage-key" => Msg::StorageKey(value),
            _ => return,
        };
        send(&self.app, msg);
    }

    /// Loads a framework: a built-in id, JSON text, or an object; with `in_page`, the
    /// text of the page's own `<script type="application/json">` element, read as
    /// [`Framework::from_script`] reads it. Problems are shown in the widget and
    /// returned.
    #[wasm_bindgen(js_name = loadFramework)]
    pub fn load_framework(&self, value: &JsValue, in_page: Option<bool>) -> JsValue {
        // Text: a built-in id or JSON; an object is read as its JSON, which is kept for
        // the `framework` property.
        let text = match value.as_string() {
            Some(t) if in_page == Some(true) => t,
            Some(t) => builtin::builtin_json(&t).map_or(t, str::to_string),
            None => host_json(value),
        };
        let result = if in_page == Some(true) {
            Framework::from_script(&text)
        } else if text.trim_start().starts_with('{') {
            Framework::from_json(&text)
        } else if value.is_string() {
            Err(vec![builtin::builtin(&text)
                .err()
                .unwrap_or_else(|| Issue::new("", "unknown framework"))])
        } else {
            Err(vec![Issue::new("", "the framework is not a JSON object")])
        };
        let errors = result.as_ref().err().map(|e| {
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        });
        send(
            &self.app,
            Msg::Loaded(Box::new(result.map(|fw| (fw, text)))),
        );
        errors.map_or(JsValue::NULL, |e| JsValue::from_str(&e))
    }

    /// Shows a problem that happened before a framework could be read (such as a
    /// failed download).
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&self, message: &str) {
        send(
            &self.app,
            Msg::Loaded(Box::new(Err(vec![Issue::new("", message)]))),
        );
    }

    /// The loaded framework, as a plain object (or null): the JSON it was loaded from.
    #[wasm_bindgen(getter)]
    pub fn framework(&self) -> JsValue {
        read(&self.app, |m| m.fw().map(|_| m.fw_json.clone()))
            .flatten()
            .and_then(|t| js_sys::JSON::parse(&t).ok())
            .unwrap_or(JsValue::NULL)
    }

    /// Whether a framework is loaded (cheaper than reading `framework`).
    #[wasm_bindgen(getter, js_name = hasFramework)]
    pub fn has_framework(&self) -> bool {
        read(&self.app, |m| m.fw().is_some()).unwrap_or(false)
    }

    /// The response being answered or shown, as a plain object (or null): the object of
    /// its JSON, as the events give it.
    #[wasm_bindgen(getter)]
    pub fn response(&self) -> JsValue {
        read(&self.app, |m| m.shown().cloned())
            .flatten()
            .map_or(JsValue::NULL, |r| dom::parse_json(&r.to_json()))
    }

    /// Sets the response (an object, JSON text or a share code); returns an error
    /// message, or null.
    #[wasm_bindgen(js_name = setResponse)]
    pub fn set_response(&self, value: &JsValue) -> JsValue {
        let Some(fw) = read(&self.app, |m| m.fw().cloned()).flatten() else {
            return JsValue::from_str("load a framework first");
        };
        let parsed = match value.as_string() {
            Some(t) if !t.trim_start().starts_with('{') => {
                crate::codec::sharecode::decode(&fw, &t).map_err(|e| vec![e])
            }
            Some(t) => Response::from_json(&fw, &t),
            None => Response::from_json(&fw, &host_json(value)),
        };
        match parsed {
            Ok(r) => {
                send(&self.app, Msg::Response(Box::new(r)));
                JsValue::NULL
            }
            Err(e) => JsValue::from_str(&crate::core::issue::describe(&e)),
        }
    }

    /// Overrides UI text: an object of key to text (read as its JSON, like every object
    /// the element is given).
    #[wasm_bindgen(js_name = setStrings)]
    pub fn set_strings(&self, value: &JsValue) {
        let map = crate::core::reader::parse_json(&host_json(value))
            .ok()
            .and_then(|v| {
                let m = v.as_object()?;
                Some(
                    m.iter()
                        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                        .collect(),
                )
            })
            .unwrap_or_default();
        send(&self.app, Msg::Strings(map));
    }

    /// Adds responses to the team set (or, with `previous`, the earlier round) from
    /// text: share codes or links, JSON or CSV, at once. Returns `{ added, duplicates,
    /// untimedDuplicates, rejected: [{ path, message }] }`. Only in the team build (the
    /// element class says so when the self-check file is asked).
    #[cfg(feature = "team")]
    #[wasm_bindgen(js_name = importText)]
    pub fn import_text(&self, source: &str, text: &str, previous: bool) -> JsValue {
        use crate::web::app::team::TeamMsg;
        let msg = TeamMsg::Import {
            source: source.to_string(),
            text: text.to_string(),
            previous,
        };
        send(&self.app, Msg::Team(msg));
        let report = read(&self.app, |m| {
            m.team.host_report.clone().unwrap_or_default()
        })
        .unwrap_or_default();
        crate::web::to_js(&report).unwrap_or(JsValue::NULL)
    }

    /// The default text of every string key, for documentation and translators (in the
    /// npm package: the embeds keep their glue to themselves, so none could call it).
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = defaultStrings)]
    pub fn default_strings() -> JsValue {
        /// The keys and texts, as an object.
        struct All;
        impl serde::Serialize for All {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(crate::web::app::strings::defaults().copied())
            }
        }
        crate::web::to_js(&All).unwrap_or(JsValue::NULL)
    }
}
