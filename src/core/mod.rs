//! The pure core: the framework model and its validation, responses, scoring,
//! aggregation and the team rules. Nothing here touches a browser; everything is
//! tested natively with `cargo test`.

pub mod aggregation;
pub mod builtin;
// The team view and the npm API only: the self-check embed leaves it out.
#[cfg(any(feature = "api", feature = "team"))]
pub mod comments;
pub mod exact;
pub mod framework;
pub mod gather;
pub mod issue;
pub mod num;
pub mod reader;
pub mod report;
pub mod response;
pub mod scoring;
pub mod team;
pub mod time;
