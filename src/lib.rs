//! foundations-check: self-checks of the foundations of place-based health and care
//! partnerships, scored and aggregated in the browser.
//!
//! The modules listed first are the pure core: they use no browser APIs and are
//! tested natively. Chart drawing and the browser layer build on them.

pub mod aggregate;
pub mod builtin;
pub mod chart;
pub mod csv;
pub mod framework;
pub mod issue;
pub mod json;
pub mod lzma;
pub mod map;
pub mod num;
pub mod reader;
pub mod response;
pub mod score;
pub mod sharecode;
pub mod team;
pub mod template;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use aggregate::{aggregate, Aggregate, Options};
pub use framework::Framework;
pub use issue::Issue;
pub use response::{Answer, Response};
pub use score::{score, ScoreResult};
