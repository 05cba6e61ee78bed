//! foundations-check: self-checks of the foundations of place-based health and care
//! partnerships, scored and aggregated in the browser.
//!
//! The crate reads in three layers, each building on the one before:
//! - [`core`]: the framework model and its validation, responses, scoring, aggregation
//!   and the team rules. Pure Rust, tested natively.
//! - [`codec`]: responses and frameworks as text: JSON, CSV and share codes.
//! - [`chart`]: radar charts: the layout (ours), drawn with plotters onto an
//!   accessible SVG backend (and, in the browser layer, a canvas backend).
//! - [`web`]: the browser layer: the JavaScript API of the npm package and the
//!   `<foundations-check>` element (wasm32 only, apart from its pure parts).

/// The self-check embed's allocator: lol_alloc's free list (sorted by address, freed
/// blocks coalesced), about 1 KB of code where the standard library's dlmalloc is about
/// 6 KB (-3.1 KB of the gzipped embed). The embed runs on one thread and allocates
/// little (one person's answers, one screen); measured from the script tag to
/// `fc-ready` on a results link it started in 177 ms against dlmalloc's 212 ms (medians
/// of 15 interleaved runs on a busy two-core machine; the smaller module compiles
/// sooner). The team view and the npm package, which read tens of thousands of
/// responses, keep dlmalloc.
#[cfg(all(target_arch = "wasm32", not(feature = "api"), not(feature = "team")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: WebAssembly without threads (the embed is built without atomics) has one
    // thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

pub mod chart;
pub mod codec;
pub mod core;
pub mod web;

pub use crate::core::aggregation::{aggregate, Aggregate, Options};
pub use crate::core::framework::Framework;
pub use crate::core::issue::Issue;
pub use crate::core::response::{Answer, Response};
pub use crate::core::scoring::{score, ScoreResult};
