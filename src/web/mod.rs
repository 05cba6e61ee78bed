//! The browser layer: the JavaScript API of the npm package ([`api`]), the canvas
//! backend ([`canvas`]) and the `<foundations-check>` element ([`widget`]), compiled
//! for wasm32 only; they translate between JavaScript values and the core. The
//! element's model, messages, update and views ([`app`]) and its text templates
//! ([`template`]) call no browser API: they compile everywhere and are tested natively.
//!
//! Values cross the npm API's boundary through serde-wasm-bindgen: results are serde
//! types written with its JSON-compatible serializer ([`to_js`]), and inputs are read
//! into JSON values for the validating reader ([`from_js`]). The element, whose
//! self-check file has a size budget, gives the same plain objects through
//! `JSON.parse` of the core's own JSON text (a response's `to_json`, a score's
//! `to_json_with`, each held equal to serde_json's output by a property test) and
//! reads objects from the host page as their `JSON.stringify` text: serde-wasm-bindgen
//! measured 3.4 KB (results) and 15 KB (inputs) of the 100,000-byte gzipped embed.

#[cfg(all(target_arch = "wasm32", feature = "api"))]
pub mod api;
#[cfg(any(feature = "element", not(target_arch = "wasm32")))]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod template;
#[cfg(all(target_arch = "wasm32", feature = "element"))]
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub use boundary::{from_js, to_js};

#[cfg(target_arch = "wasm32")]
mod boundary {
    use crate::codec::json::Value;
    use crate::core::issue::Issue;
    use crate::core::reader::parse_json_limited;
    use serde::Serialize;
    use wasm_bindgen::JsValue;

    /// A result as a plain JavaScript value: objects (never `Map`s), arrays, numbers,
    /// text, true/false and null for a missing value, as `JSON.parse` would give for the
    /// value's JSON (serde-wasm-bindgen's JSON-compatible serializer). The npm API and
    /// the team file's `importText` give their results this way.
    pub fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, Issue> {
        v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| Issue::new("", format!("could not build the result: {e}")))
    }

    /// A JavaScript value as JSON for the validating reader, `what` naming it in
    /// messages ("a framework"): text is parsed as JSON text no longer than `limit`
    /// bytes; anything else is read through serde-wasm-bindgen with the limits of
    /// [`crate::codec::json::read_value`] (nesting, size, NaN, large BigInts; an object
    /// that contains itself is refused, never a stack overflow).
    pub fn from_js(v: &JsValue, what: &str, limit: usize) -> Result<Value, Issue> {
        if let Some(text) = v.as_string() {
            return parse_json_limited(&text, limit);
        }
        if v.is_undefined() {
            return Err(Issue::new("", format!("expected {what}, found undefined")));
        }
        crate::codec::json::read_value(serde_wasm_bindgen::Deserializer::from(v.clone()), limit)
    }
}
