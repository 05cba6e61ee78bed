//! What an input is, decided before any reader sees it: a format named by the caller,
//! else the bytes' own signature (a zip or an OLE file is a workbook), else the file
//! name's extension, else the text itself (an e-mail's headers; JSON, CSV or share
//! codes are told apart on the decoded text by `core::team`).

use serde::Serialize;

/// The forms an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Share codes and links anywhere in text.
    Text,
    /// A JSON list of responses, an export `{ "responses": [...] }`, or one response.
    Json,
    /// CSV in any dialect: the product's columns, a survey export, or codes in cells.
    Csv,
    /// A saved e-mail (`.eml`) or a mailbox (`.mbox`).
    Email,
    /// An `.xlsx` workbook.
    Xlsx,
}

impl Format {
    /// A format named by the caller: `text` (or `codes`), `json`, `csv` (or `tsv`),
    /// `email` (or `eml`, `mbox`), `xlsx`; case ignored.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "text" | "codes" | "txt" => Format::Text,
            "json" => Format::Json,
            "csv" | "tsv" => Format::Csv,
            "email" | "eml" | "mbox" | "mail" => Format::Email,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    }

    /// The format a file name's extension says (`.txt` says nothing: it may hold codes
    /// or a message's source).
    pub fn from_file_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => Format::Json,
            "csv" | "tsv" => Format::Csv,
            "eml" | "mbox" | "mbx" => Format::Email,
            "xlsx" | "xlsm" => Format::Xlsx,
            _ => return None,
        })
    }

    /// What the format is called in the report.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Email => "e-mail",
            Format::Xlsx => "workbook",
        }
    }
}

/// Whether `bytes` start as a zip (an .xlsx) or an OLE compound file (an .xls, an
/// encrypted workbook, an Outlook .msg).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0])
}

/// Whether `bytes` look like a message's source or a mailbox: a first line
/// `From <sender> <date>` (mbox), or a header block (lines `Name: value`, folded lines,
/// up to a blank line) with at least one of the headers a sent message has and a
/// person does not write (`Received`, `Message-ID`, `MIME-Version`, `Content-Type`,
/// `Return-Path`, `DKIM-Signature`).
pub fn looks_like_mail(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    if head.starts_with(b"From ") {
        return true;
    }
    let text = String::from_utf8_lossy(head);
    let mut strong = false;
    for line in text.lines() {
        if line.is_empty() {
            return strong;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        strong |= [
            "received",
            "message-id",
            "mime-version",
            "content-type",
            "return-path",
            "dkim-signature",
        ]
        .contains(&name.to_ascii_lowercase().as_str());
    }
    strong
}

/// The format of `bytes` named `name` (a file name, or "pasted text"), when the caller
/// names none (see the module comment); `None` for text, whose JSON, CSV or codes are
/// told apart once it is decoded.
pub fn sniff(name: &str, bytes: &[u8]) -> Option<Format> {
    if looks_like_workbook(bytes) {
        return Some(Format::Xlsx);
    }
    match Format::from_file_name(name) {
        Some(f) => Some(f),
        None if looks_like_mail(bytes) => Some(Format::Email),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(sniff("x.csv", b"PK\x03\x04"), Some(Format::Xlsx));
        assert_eq!(sniff("inbox.mbox", b"anything"), Some(Format::Email));
        assert_eq!(
            sniff("saved.txt", b"Received: from x\nSubject: s\n\nbody"),
            Some(Format::Email)
        );
        assert_eq!(sniff("pasted text", b"Subject: my code\n\nAQxyz"), None);
        assert!(looks_like_mail(b"From a@b Sat Nov 22 09:30:00 2026\n"));
        assert!(!looks_like_mail(b"framework,version\n"));
        assert_eq!(Format::parse(" MBOX "), Some(Format::Email));
        assert_eq!(Format::parse("pdf"), None);
    }
}
