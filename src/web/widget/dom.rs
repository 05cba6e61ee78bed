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

    /// `console.error`, for what should never happen.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(message: &str);
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
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
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
