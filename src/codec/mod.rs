//! Responses and frameworks as text: JSON, CSV and share codes. Each reader reports
//! what it cannot read with where it found it.

pub mod csv;
pub mod json;
pub mod sharecode;
