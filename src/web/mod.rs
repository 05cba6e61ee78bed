//! The browser layer: the JavaScript API of the npm package ([`api`]), the canvas
//! backend ([`canvas`]) and the `<foundations-check>` element ([`widget`]), compiled
//! for wasm32 only; they translate between JavaScript values and the core. The pure
//! parts of the widget ([`template`]) compile everywhere and are tested natively.

#[cfg(all(target_arch = "wasm32", feature = "api"))]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
pub mod template;
#[cfg(all(target_arch = "wasm32", feature = "element"))]
pub mod widget;

#[cfg(target_arch = "wasm32")]
use crate::core::scoring::{ScoreResult, Status};
#[cfg(target_arch = "wasm32")]
use js_sys::{Array, Object, Reflect};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;

/// A score as a plain object, for `score()` and the widget's `fc-complete` event:
/// `{ overall: { percent, value, band, answered, dontKnow, total }, foundations: [{ id,
/// status, percent, value, band, answered, dontKnow, total }] }`, with null for a
/// missing percent, value or band. Built directly, so no float is ever written as text.
#[cfg(target_arch = "wasm32")]
pub fn score_to_js(s: &ScoreResult) -> JsValue {
    fn set(o: &Object, key: &str, v: JsValue) {
        let _ = Reflect::set(o, &JsValue::from_str(key), &v);
    }
    fn fill(
        o: &Object,
        (percent, value, band): (Option<f64>, Option<f64>, Option<&String>),
        (answered, dont_know, total): (usize, usize, usize),
    ) {
        let num = |x: Option<f64>| x.map_or(JsValue::NULL, JsValue::from_f64);
        set(o, "percent", num(percent));
        set(o, "value", num(value));
        set(
            o,
            "band",
            band.map_or(JsValue::NULL, |b| JsValue::from_str(b)),
        );
        set(o, "answered", JsValue::from_f64(answered as f64));
        set(o, "dontKnow", JsValue::from_f64(dont_know as f64));
        set(o, "total", JsValue::from_f64(total as f64));
    }
    let o = &s.overall;
    let overall = Object::new();
    fill(
        &overall,
        (o.percent, o.value, o.band.as_ref()),
        (o.answered, o.dont_know, o.total),
    );
    let list = Array::new();
    for f in &s.foundations {
        let x = Object::new();
        set(&x, "id", JsValue::from_str(&f.id));
        let status = match f.status {
            Status::Scored => "scored",
            Status::Insufficient => "insufficient",
        };
        set(&x, "status", JsValue::from_str(status));
        fill(
            &x,
            (f.percent, f.value, f.band.as_ref()),
            (f.answered, f.dont_know, f.total),
        );
        list.push(&x);
    }
    let out = Object::new();
    set(&out, "overall", overall.into());
    set(&out, "foundations", list.into());
    out.into()
}
