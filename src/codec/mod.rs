//! Responses and frameworks as text: JSON, CSV and share codes; and responses as
//! facilitators have them: codes anywhere in text ([`scan`]), CSV in every dialect
//! ([`table`]), saved e-mails ([`mail`]), workbooks ([`xlsx`]) and survey tools'
//! exports ([`survey`]). Each reader reports what it cannot read with where it found it.
//! The readers that need crates of their own (mail, xlsx) are built with the
//! `importers` feature alone (the npm API and the team view, never the self-check).

pub mod csv;
// Responses read straight into `Response`s, without a JSON value tree between: the
// npm API and the team view only.
#[cfg(any(feature = "api", feature = "team"))]
pub mod fast;
pub mod intake;
pub mod json;
#[cfg(feature = "importers")]
pub mod mail;
pub mod scan;
pub mod sharecode;
// Frameworks from spreadsheets, and the template as CSV or XLSX: the npm API and the
// team file only.
#[cfg(any(feature = "api", feature = "team"))]
pub mod sheet;
#[cfg(feature = "importers")]
pub mod survey;
pub mod table;
#[cfg(feature = "importers")]
pub mod xlsx;
#[cfg(any(feature = "api", feature = "team"))]
pub mod xlsx_write;
