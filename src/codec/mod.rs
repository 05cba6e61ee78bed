//! Responses and frameworks as text: JSON, CSV and share codes. Each reader reports
//! what it cannot read with where it found it.

pub mod csv;
pub mod json;
// Frameworks from spreadsheets: the npm API and the team file only.
pub mod sharecode;
#[cfg(any(feature = "api", feature = "team"))]
pub mod sheet;
#[cfg(any(feature = "api", feature = "team"))]
pub mod xlsx;
