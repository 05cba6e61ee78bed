//! The widget's few contacts with the DOM: mounting a view's [`Node`] tree (text always
//! as `textContent`, never as markup), and the browser calls that can throw, bound with
//! `catch` so that a throw comes back as an `Err` instead of unwinding through the
//! widget (a plain `http://` intranet has no `navigator.clipboard`; a sandboxed frame
//! refuses storage, downloads and printing; a page may replace any of them).

use crate::web::app::view::Node;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`: an `Err` where there is no clipboard.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    pub fn clipboard_write(text: &str) -> Result<js_sys::Promise, JsValue>;

    /// An element whose `click()` a page may have replaced by one that throws.
    pub type Clickable;
    #[wasm_bindgen(catch, method, js_name = click)]
    pub fn click(this: &Clickable) -> Result<(), JsValue>;

    /// A file whose `arrayBuffer()` may be missing or throw.
    #[cfg(feature = "team")]
    pub type Readable;
    #[cfg(feature = "team")]
    #[wasm_bindgen(catch, method, js_name = arrayBuffer)]
    fn array_buffer_of(this: &Readable) -> Result<js_sys::Promise, JsValue>;

    /// `console.error`, for what should never happen.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);
}

/// A file's bytes, as a promise of an `ArrayBuffer`.
#[cfg(feature = "team")]
pub fn array_buffer(file: &web_sys::File) -> Result<js_sys::Promise, JsValue> {
    file.unchecked_ref::<Readable>().array_buffer_of()
}

/// An element for `node` and its children.
pub fn build(doc: &Document, node: &Node) -> Option<Element> {
    let e = doc.create_element(node.tag).ok()?;
    for (k, v) in &node.attrs {
        let _ = e.set_attribute(k, v);
    }
    if !node.text.is_empty() {
        e.set_text_content(Some(&node.text));
    }
    for kid in &node.kids {
        if let Some(k) = build(doc, kid) {
            let _ = e.append_child(&k);
        }
    }
    Some(e)
}

/// Focuses an element (a throw is ignored: focus is a courtesy).
pub fn focus(e: &Element) {
    // Every element the widget builds is an HTML element.
    let _ = e.unchecked_ref::<HtmlElement>().focus();
}

/// The element in `root` that carries `code` (and `value`, for a radio button).
pub fn control(root: &Element, code: &str, value: Option<&str>) -> Option<Element> {
    let mut selector = format!("[data-m=\"{code}\"]");
    if let Some(v) = value {
        selector.push_str(&format!("[value=\"{v}\"]"));
    }
    root.query_selector(&selector).ok().flatten()
}

/// A string property of a JavaScript object (an input's `value`), or "".
pub fn prop(o: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(o, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The plain object of JSON text the core wrote (`JSON.parse`), or null.
pub fn parse_json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// A number as JavaScript writes it in JSON (`JSON.stringify`: the shortest text that
/// reads back as the same number), for JSON text that `JSON.parse` reads.
pub fn number_text(x: f64) -> String {
    js_sys::JSON::stringify(&JsValue::from_f64(x))
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_else(|| "null".into())
}

/// Brings the children of `parent` in line with `nodes`, changing only what differs, so
/// that the elements a person is using stay where they are (the team view): a field
/// keeps its focus, its caret and what was typed in it, and a button pressed while a
/// field is left (whose change re-renders the screen) still gets its click. An element is kept when its tag, `id`, `type` and `data-m` are the same;
/// otherwise it is built afresh. What was typed is kept while the view's value for the
/// field has not changed since the last render (the attribute, or a textarea's text,
/// holds that); a changed value replaces it.
#[cfg(feature = "team")]
pub fn patch(doc: &Document, parent: &Element, nodes: &[Node]) {
    // Walked sibling by sibling (no HtmlCollection: web-sys keeps the features the
    // self-check embed is built with).
    let mut at = parent.first_element_child();
    for n in nodes {
        match at.take() {
            Some(e) if same(&e, n) => {
                patch_one(doc, &e, n);
                at = e.next_element_sibling();
            }
            Some(e) => {
                at = e.next_element_sibling();
                if let Some(new) = build(doc, n) {
                    let _ = parent.replace_child(&new, &e);
                }
            }
            None => {
                if let Some(new) = build(doc, n) {
                    let _ = parent.append_child(&new);
                }
            }
        }
    }
    // What the view no longer has.
    while let Some(e) = at {
        at = e.next_element_sibling();
        e.remove();
    }
}

#[cfg(feature = "team")]
fn same(e: &Element, n: &Node) -> bool {
    e.tag_name().eq_ignore_ascii_case(n.tag)
        && ["id", "type", "data-m", "name"]
            .iter()
            .all(|k| e.get_attribute(k).as_deref() == n.attr(k))
        // An element with both text and children is built afresh (none is patched).
        && !(!n.text.is_empty() && !n.kids.is_empty())
        && (n.kids.is_empty() || e.child_element_count() > 0 || e.first_child().is_none())
}

#[cfg(feature = "team")]
fn patch_one(doc: &Document, e: &Element, n: &Node) {
    let tag = n.tag;
    // Attributes: set what differs, remove what the view no longer has.
    for (k, v) in &n.attrs {
        if e.get_attribute(k).as_deref() != Some(v.as_str()) {
            let _ = e.set_attribute(k, v);
            match (tag, *k) {
                ("input", "value") => set_prop(e, "value", &JsValue::from_str(v)),
                ("input", "checked") => set_prop(e, "checked", &JsValue::TRUE),
                ("option", "selected") => set_prop(e, "selected", &JsValue::TRUE),
                _ => {}
            }
        }
    }
    let names = e.get_attribute_names();
    for name in names.iter().filter_map(|v| v.as_string()) {
        if n.attr(&name).is_none() {
            let _ = e.remove_attribute(&name);
            match (tag, name.as_str()) {
                ("input", "checked") => set_prop(e, "checked", &JsValue::FALSE),
                ("option", "selected") => set_prop(e, "selected", &JsValue::FALSE),
                ("input", "value") => set_prop(e, "value", &JsValue::from_str("")),
                _ => {}
            }
        }
    }
    if n.kids.is_empty() {
        if e.text_content().unwrap_or_default() != n.text {
            e.set_text_content(if n.text.is_empty() {
                None
            } else {
                Some(&n.text)
            });
            if tag == "textarea" {
                set_prop(e, "value", &JsValue::from_str(&n.text));
            }
        }
        return;
    }
    patch(doc, e, &n.kids);
    if tag == "select" {
        // The option the view chose, whatever was chosen by hand before.
        let chosen = n
            .kids
            .iter()
            .flat_map(|k| std::iter::once(k).chain(k.kids.iter()))
            .find(|o| o.tag == "option" && o.attr("selected").is_some())
            .and_then(|o| o.attr("value"));
        let value = chosen.unwrap_or("");
        if prop(e, "value") != value && (chosen.is_some() || !n.kids.is_empty()) {
            set_prop(e, "value", &JsValue::from_str(value));
        }
    }
}

#[cfg(feature = "team")]
fn set_prop(e: &Element, name: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(e, &JsValue::from_str(name), v);
}
