//! The one effects runner: what [`crate::web::app::update`] asks of the browser,
//! done in order with the model not borrowed (views and charts are read from it
//! first, then mounted and drawn). Every browser call that can throw is a `catch`
//! binding, and a refusal comes back to the model as a message ([`Msg::Failed`],
//! [`Msg::Copied`]) that it shows and announces with a way round.

use super::{dom, read, send, App};
use crate::chart::draw::{css_color, Theme};
use crate::web::app::{view, Body, Effect, Failure, Focus, Msg, Out, Restored};
use plotters::style::Color;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlCanvasElement};

pub(crate) fn run(app: &Rc<App>, fx: Vec<Effect>) {
    for e in fx {
        match e {
            Effect::Render => render(app),
            Effect::Progress => progress(app),
            Effect::Chart => draw_chart(app),
            Effect::Focus(f) => focus(app, &f),
            Effect::Say(text) => say(app, &text),
            Effect::Read(key) => restore(app, &key),
            Effect::Store(key, value) => {
                if !store(app, &key, value.as_deref()) {
                    send(app, Msg::Failed(Failure::Storage));
                }
            }
            Effect::Copy(text) => copy(app, &text),
            Effect::Download(name, body) => {
                if !download(app, &name, body) {
                    send(app, Msg::Failed(Failure::Download));
                }
            }
            Effect::Print => {
                if app.ui.win.print().is_err() {
                    send(app, Msg::Failed(Failure::Print));
                }
            }
            Effect::ClearHash => clear_hash(&app.ui.win),
            Effect::Emit(out) => emit(app, out),
            Effect::Tick => tick(app),
        }
    }
}

/// Rebuilds the screen from the model; focus that was on a control goes back to the
/// same control (unless an effect moves it), and the chart is drawn.
fn render(app: &Rc<App>) {
    let Some((nodes, lang, rtl)) = read(app, |m| (view::view(m), m.lang().to_string(), m.rtl()))
    else {
        return;
    };
    let ui = &app.ui;
    let _ = ui.wrap.set_attribute("lang", &lang);
    let _ = ui
        .wrap
        .set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    let was = ui.root.active_element().and_then(|e| {
        let code = e.get_attribute("data-m")?;
        let value = (e.get_attribute("type").as_deref() == Some("radio"))
            .then(|| e.get_attribute("value").unwrap_or_default());
        Some((code, value))
    });
    // The team view changes only what differs (fields keep what is typed in them);
    // the self-check's screens are built afresh.
    #[cfg(feature = "team")]
    let patched = read(app, |m| m.mode == crate::web::app::Mode::Team).unwrap_or(false);
    #[cfg(not(feature = "team"))]
    let patched = false;
    if patched {
        #[cfg(feature = "team")]
        dom::patch(&ui.doc, &ui.main, &nodes);
    } else {
        ui.main.set_text_content(None);
        for n in &nodes {
            if let Some(e) = dom::build(&ui.doc, n) {
                let _ = ui.main.append_child(&e);
            }
        }
    }
    if let Some((code, value)) = was {
        if let Some(e) = dom::control(&ui.main, &code, value.as_deref()) {
            dom::focus(&e);
        }
    }
    draw_chart(app);
}

/// Refreshes the counts in place: answers given, or an import's progress.
fn progress(app: &Rc<App>) {
    let main = &app.ui.main;
    #[cfg(feature = "team")]
    if let Some(Some((done, total, text))) = read(app, |m| {
        crate::web::app::team::progress(m)
            .map(|(d, t)| (d, t, crate::web::app::team::progress_text(m)))
    }) {
        if let Ok(Some(bar)) = main.query_selector("progress") {
            if total > 0 {
                let _ = bar.set_attribute("max", &total.to_string());
                let _ = bar.set_attribute("value", &done.to_string());
            }
        }
        if let Ok(Some(p)) = main.query_selector("#fc-progress") {
            p.set_text_content(Some(&text));
        }
        return;
    }
    if let (Ok(Some(p)), Some(text)) = (
        main.query_selector(".answered"),
        read(app, view::answered_text),
    ) {
        p.set_text_content(Some(&text));
    }
}

/// The chart's colours and font from the page: the canvas' computed style carries the
/// theme's custom properties (or, in a forced-colours mode, the system colours; see
/// widget.css), so the chart follows `--fc-accent`, `--fc-font` and the rest.
fn theme_of(win: &web_sys::Window, canvas: &Element) -> Theme {
    let style = win.get_computed_style(canvas).ok().flatten();
    let get = |p: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(p).ok())
            .unwrap_or_default()
    };
    let d = Theme::default();
    let color = |p: &str, or| css_color(&get(p)).unwrap_or(or);
    let grid = color("border-bottom-color", d.grid);
    let font = get("font-family");
    Theme {
        ink: color("color", d.ink),
        muted: color("border-right-color", d.muted),
        grid,
        background: color("background-color", d.background),
        bands: [grid.mix(0.12), grid.mix(0.27)],
        accent: css_color(&get("border-top-color")),
        // In a forced-colours mode every series is drawn in the one colour it has for
        // them, and they differ by dash and marker.
        accent_all: !get("--fc-forced").trim().is_empty(),
        font: if font.trim().is_empty() { d.font } else { font },
        // Legible on a phone and at 400 % zoom: the chart is drawn at the width shown.
        min_font: 12.0,
    }
}

/// Draws the screen's chart, if it has one, at the model's width in the page's theme.
fn draw_chart(app: &Rc<App>) {
    let Ok(Some(canvas)) = app.ui.main.query_selector("canvas") else {
        return;
    };
    let Some(Some(chart)) = read(app, view::chart) else {
        return;
    };
    let ratio = app.ui.win.device_pixel_ratio();
    // (The views' one canvas.)
    let c = canvas.unchecked_ref::<HtmlCanvasElement>();
    let _ = crate::web::canvas::draw_on_canvas(
        c,
        &chart,
        ratio,
        false,
        &theme_of(&app.ui.win, &canvas),
    );
}

fn focus(app: &Rc<App>, f: &Focus) {
    let main = &app.ui.main;
    let target = match f {
        Focus::Heading => main.query_selector("h2").ok().flatten(),
        Focus::Control(msg) => dom::control(main, &msg.code(), None),
        Focus::Report => main.query_selector(".report").ok().flatten(),
        Focus::Share => main.query_selector("input.share").ok().flatten(),
        #[cfg(feature = "team")]
        Focus::Selector(s) => main.query_selector(s).ok().flatten(),
    };
    if let Some(e) = target {
        dom::focus(&e);
        // The share code's text field is selected, for copying by hand.
        if e.tag_name() == "INPUT" {
            e.unchecked_ref::<web_sys::HtmlInputElement>().select();
        }
    }
}

/// Says `text` through the live region (the same text twice is said twice).
fn say(app: &Rc<App>, text: &str) {
    let live = &app.ui.live;
    let text = if live.text_content().as_deref() == Some(text) {
        format!("{text}\u{a0}")
    } else {
        text.to_string()
    };
    live.set_text_content(Some(&text));
}

fn storage(app: &App) -> Option<web_sys::Storage> {
    app.ui.win.local_storage().ok()?
}

/// Reads what the browser holds for the model: the stored value, the fragment, and
/// the page's address when it is on the web.
fn restore(app: &Rc<App>, key: &str) {
    let value = storage(app)
        .ok_or(())
        .and_then(|s| s.get_item(key).map_err(|_| ()));
    let location = Some(app.ui.win.location());
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let href = location
        .as_ref()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let web = href.starts_with("http:") || href.starts_with("https:");
    let base = web.then(|| before_hash(&href).to_string());
    let now = js_sys::Date::now() as u64;
    send(
        app,
        Msg::Restored(Restored {
            value,
            hash,
            base,
            now,
        }),
    );
}

/// An address up to its fragment ('#' is ASCII, so that is a character boundary).
fn before_hash(href: &str) -> &str {
    let end = href.bytes().position(|b| b == b'#').unwrap_or(href.len());
    href.get(..end).unwrap_or(href)
}

fn store(app: &App, key: &str, value: Option<&str>) -> bool {
    storage(app).is_some_and(|s| match value {
        Some(v) => s.set_item(key, v).is_ok(),
        None => s.remove_item(key).is_ok(),
    })
}

/// Copies through the clipboard, then tells the model whether it did (at once when
/// there is no clipboard at all).
fn copy(app: &Rc<App>, text: &str) {
    let me = Rc::downgrade(app);
    // (A closure of the kind the listeners are, handed to JavaScript to own: the
    // once-only kind would bring its own glue.)
    let done = super::Callback::new(move |ok: JsValue| {
        if let Some(app) = me.upgrade() {
            send(&app, Msg::Copied(ok.as_bool() == Some(true)));
        }
    })
    .into_js_value();
    let done: &js_sys::Function = done.unchecked_ref();
    let with = |ok: bool| done.bind1(&JsValue::NULL, &JsValue::from_bool(ok));
    let then = dom::clipboard_write(text).ok().and_then(|p| {
        let then = js_sys::Reflect::get(&p, &"then".into()).ok()?;
        let then: &js_sys::Function = then.dyn_ref()?;
        then.call2(&p, &with(true), &with(false)).ok()
    });
    if then.is_none() {
        let _ = done.call1(&JsValue::NULL, &JsValue::FALSE);
    }
}

/// A `data:` URL holding text.
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Offers a file through a link (no request is made: the file is a data: URL), in the
/// default theme, as the npm API draws it.
fn download(app: &Rc<App>, name: &str, body: Body) -> bool {
    let url = match body {
        Body::Text(mime, text) => Some(data_url(mime, &text)),
        Body::Chart(chart, false) => {
            crate::web::canvas::svg_of_valid(&chart).map(|svg| data_url("image/svg+xml", &svg))
        }
        Body::Chart(chart, true) => app
            .ui
            .doc
            .create_element("canvas")
            .ok()
            .map(|c| c.unchecked_into::<HtmlCanvasElement>())
            .and_then(|c| {
                crate::web::canvas::draw_on_canvas(&c, &chart, 2.0, false, &Theme::default())
                    .ok()?;
                c.to_data_url().ok()
            }),
    };
    let link = url.and_then(|url| {
        dom::build(
            &app.ui.doc,
            &view::el("a").a("href", &url).a("download", name),
        )
    });
    link.is_some_and(|a| a.unchecked_ref::<dom::Clickable>().click().is_ok())
}

/// Takes a share link's fragment off the address without a new history entry.
fn clear_hash(w: &web_sys::Window) {
    let href = w.location().href().unwrap_or_default();
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(before_hash(&href)));
    }
}

/// An event to the host page, which bubbles out of the element. Its detail is the
/// plain object of the response or score, as serde-wasm-bindgen's JSON-compatible
/// serializer gives it in the npm API, here built by `JSON.parse` from the core's own
/// JSON text (see [`crate::core::scoring::ScoreResult::to_json_with`] for the figures).
fn emit(app: &Rc<App>, out: Out) {
    let (name, detail) = match out {
        Out::Ready => ("fc-ready", JsValue::NULL),
        Out::Change(r) => ("fc-change", dom::parse_json(&r.to_json())),
        Out::Complete(score) => (
            "fc-complete",
            dom::parse_json(&score.to_json_with(&dom::number_text)),
        ),
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = app.ui.host.dispatch_event(&e);
    }
}

/// The team view's next slice, after the page has had a turn; each slice is sized to
/// take about 20 ms.
fn tick(app: &Rc<App>) {
    #[cfg(feature = "team")]
    {
        let me = Rc::downgrade(app);
        let next = Closure::once_into_js(move || {
            let Some(app) = me.upgrade() else { return };
            let units = app.units.get();
            let start = js_sys::Date::now();
            send(&app, Msg::Team(crate::web::app::team::TeamMsg::Tick(units)));
            let took = js_sys::Date::now() - start;
            app.units.set(if took < 10.0 {
                (units * 2).min(1 << 16)
            } else if took > 30.0 {
                (units / 2).max(50)
            } else {
                units
            });
        });
        let _ = app
            .ui
            .win
            .set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
    }
    #[cfg(not(feature = "team"))]
    let _ = app;
}
