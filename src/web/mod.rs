//! The browser layer, compiled only for wasm32: the JavaScript API ([`api`]).
//! Everything here is a thin translation between JavaScript values and the core.

#[cfg(feature = "api")]
pub mod api;
pub mod canvas;
#[cfg(feature = "element")]
pub mod widget;
