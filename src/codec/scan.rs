//! Share codes and share links found anywhere in text, as facilitators have them:
//! pasted from e-mails, saved messages, chat, spreadsheets of codes.
//!
//! Each line is split into words at white space. In a word:
//! - a link fragment `fc=<code>` (after `#`, or any mark but a letter, digit, `-` or
//!   `_`) gives the code up to the first character that cannot be in one (`.`, `>`,
//!   `"`, `&`, …); `fc-team=<code>,<code>,…` gives each code of the list. A word is
//!   percent-decoded first, twice when it was encoded twice, so that links wrapped by
//!   Outlook Safe Links (`…safelinks.protection.outlook.com/?url=https%3A%2F%2F…%23fc%3D…`)
//!   or other redirectors that percent-encode their target are read; Proofpoint's
//!   `urldefense.proofpoint.com/v2/url?u=` (`-` for `%`, `_` for `/`) too. A code right
//!   after `fc=3D` (quoted-printable left in) is read without the `3D`.
//! - any other link (`://`, `www.`) or e-mail address (`@`) is passed over; a link
//!   rewritten by a filter that hides where it goes (Mimecast's `/s/…`, Proofpoint's
//!   `urldefense.com/v3/` without a fragment) is counted, so the report can say so.
//! - the rest is cut into runs of base64url characters (A–Z a–z 0–9 - _), each without
//!   leading `-` or `_` (a list's dash): a run of at least [`MIN_CODE_CHARS`] is a code
//!   when its check holds ([`sharecode::is_framed`]); otherwise it is taken for a damaged
//!   code (and named with its problem when decoded) only when it starts with this
//!   framework's code prefix ([`sharecode::code_prefix`]), or when it looks like a code
//!   of another (starts `A` then `Q`–`f`, as format 1 does, and mixes upper and lower
//!   case with a digit, `-` or `_`). Words, names, dates and reference numbers are not.
//!
//! So "Priya: <code>", "- <code>", "<link>", two codes on one line, a quoted code, and a
//! code or link followed by a full stop are all read. A line with nothing like a code
//! (a greeting, a signature) is counted, not named.
//!
//! Ours, as what a share code is belongs to the product (`codec::sharecode`); the
//! percent-decoding is the percent-encoding crate's. Of the ten codes of
//! tests/fixtures/import/pasted-email.txt the line-per-code reader before it read one
//! (the code alone on its line) and refused 18 lines; this reads all ten and counts
//! the 10 other lines as having no code.
//!
//! [`sharecode::is_framed`]: crate::codec::sharecode::is_framed
//! [`sharecode::code_prefix`]: crate::codec::sharecode::code_prefix

use crate::codec::sharecode::is_framed;

/// The fewest characters a share code has: 8 bytes (format, framework hash, the time
/// bit, the check) as base64url.
pub const MIN_CODE_CHARS: usize = 11;
/// Longer runs are not taken for codes unless a link marks them (decoding refuses them).
const MAX_CODE_CHARS: usize = 4096;

/// One line that held a code or something like one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// Its number, from 1.
    pub number: usize,
    /// The line as it was (without its line end).
    pub text: String,
    /// What to decode, in order: share codes, or text taken for a damaged one (decoding
    /// names its problem); an empty code is a link that ends at its `fc=`.
    pub codes: Vec<String>,
}

/// What a text held.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scan {
    /// The lines with codes, or with something like one.
    pub lines: Vec<Line>,
    /// Lines that are not blank and hold nothing like a code.
    pub no_code: usize,
    /// Links rewritten by a mail filter that hides where they lead.
    pub hidden_links: usize,
    /// Words with an `fc=` or `fc-team=` mark (a team link of nobody has no code).
    pub marks: usize,
}

fn is_b64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

/// Finds the codes in `text`; `prefix` is the framework's [`code_prefix`], by which a
/// damaged code for it is known.
///
/// [`code_prefix`]: crate::codec::sharecode::code_prefix
pub fn scan(text: &str, prefix: &str) -> Scan {
    let mut out = Scan::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let (codes, hidden) = scan_line(line, prefix);
        out.hidden_links += hidden;
        out.marks += line
            .split(char::is_whitespace)
            .filter(|w| marked(&unwrap_word(w), &mut Vec::new()))
            .count();
        if codes.is_empty() {
            out.no_code += 1;
        } else {
            out.lines.push(Line {
                number: i + 1,
                text: line.to_string(),
                codes,
            });
        }
    }
    out
}

/// The codes in one line, and how many links in it hide where they lead.
pub fn scan_line(line: &str, prefix: &str) -> (Vec<String>, usize) {
    let mut codes = Vec::new();
    let mut hidden = 0;
    for word in line.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word = unwrap_word(word);
        if marked(&word, &mut codes) {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if lower.contains("://") || lower.starts_with("www.") || lower.contains('@') {
            if hides_target(&lower) {
                hidden += 1;
            }
            continue;
        }
        for run in word.split(|c: char| !c.is_ascii() || !is_b64(c as u8)) {
            let run = run.trim_start_matches(['-', '_']);
            if (MIN_CODE_CHARS..=MAX_CODE_CHARS).contains(&run.len())
                && (is_framed(run)
                    || (!prefix.is_empty() && run.starts_with(prefix))
                    || looks_like_code(run))
            {
                codes.push(run.to_string());
            }
        }
    }
    (codes, hidden)
}

/// A run that looks like a share code of format 1 to a person: `A`, then `Q` to `f`
/// (the format byte's last bits and the hash's first), with upper and lower case and a
/// digit, `-` or `_` after.
fn looks_like_code(run: &str) -> bool {
    let b = run.as_bytes();
    let rest = &b[2..];
    b[0] == b'A'
        && matches!(b[1], b'Q'..=b'Z' | b'a'..=b'f')
        && rest
            .iter()
            .any(|c| c.is_ascii_digit() || *c == b'-' || *c == b'_')
        && rest.iter().any(u8::is_ascii_uppercase)
        && rest.iter().any(u8::is_ascii_lowercase)
}

/// Links that a mail filter rewrote to an address of its own that does not hold the
/// original.
fn hides_target(lower: &str) -> bool {
    (lower.contains("mimecast.com/s/") || lower.contains("urldefense.com/v3/"))
        && !lower.contains("fc=")
}

/// The codes after `fc=` and `fc-team=` marks in `word`; false if it has none.
fn marked(word: &str, codes: &mut Vec<String>) -> bool {
    let b = word.as_bytes();
    let mut any = false;
    let mut i = 0;
    while let Some(k) = find(&b[i..], b"fc").map(|k| k + i) {
        i = k + 2;
        if k > 0 && is_b64(b[k - 1]) {
            continue;
        }
        let team = b[k + 2..].starts_with(b"-team=");
        if !team && !b[k + 2..].starts_with(b"=") {
            continue;
        }
        any = true;
        let mut at = k + if team { 8 } else { 3 };
        if team {
            loop {
                while b.get(at) == Some(&b' ') {
                    at += 1;
                }
                let end = run_end(b, at);
                if end > at {
                    codes.push(word[at..end].to_string());
                }
                let mut next = end;
                while b.get(next) == Some(&b' ') {
                    next += 1;
                }
                if b.get(next) != Some(&b',') {
                    at = end;
                    break;
                }
                at = next + 1;
            }
        } else {
            let end = run_end(b, at);
            let run = &word[at..end];
            // `=3D`: a quoted-printable `=` that was never decoded.
            let run = match run.strip_prefix("3D") {
                Some(rest) if !is_framed(run) && is_framed(rest) => rest,
                _ => run,
            };
            codes.push(run.to_string());
            at = end;
        }
        i = at.max(i);
    }
    any
}

fn run_end(b: &[u8], from: usize) -> usize {
    from + b[from.min(b.len())..]
        .iter()
        .take_while(|c| is_b64(**c))
        .count()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A word with its percent-encoding undone (up to three times: Safe Links encode the
/// target once, a link forwarded through a second filter twice) and Proofpoint's v2
/// rewriting undone.
fn unwrap_word(word: &str) -> std::borrow::Cow<'_, str> {
    let mut w = std::borrow::Cow::Borrowed(word);
    if let Some(k) = w.find("urldefense.proofpoint.com/v2/url?u=") {
        let start = k + "urldefense.proofpoint.com/v2/url?u=".len();
        let end = w[start..].find('&').map_or(w.len(), |e| start + e);
        let target: String = w[start..end]
            .chars()
            .map(|c| match c {
                '-' => '%',
                '_' => '/',
                c => c,
            })
            .collect();
        w = std::borrow::Cow::Owned(target);
    }
    for _ in 0..3 {
        match percent_decode(&w) {
            Some(d) => w = std::borrow::Cow::Owned(d),
            None => break,
        }
    }
    w
}

/// `s` with each `%XX` decoded (invalid UTF-8 replaced); `None` if it has none.
fn percent_decode(s: &str) -> Option<String> {
    match percent_encoding::percent_decode_str(s).decode_utf8_lossy() {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(d) => Some(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_once_and_twice() {
        assert_eq!(percent_decode("a%23fc%3Db").as_deref(), Some("a#fc=b"));
        assert_eq!(percent_decode("no escapes % here %zz"), None);
        assert_eq!(unwrap_word("x%2523fc%253DAb"), "x#fc=Ab");
    }

    #[test]
    fn words_are_not_codes() {
        for line in [
            "Hi Sam, here is my self-check for Thursday's board.",
            "Abbreviations AUTHORISATION AstraZeneca Aardvarks-and-more",
            "Ref AS-2026-000123, ticket AZ-1234567890, 2026-11-22T09:30:00Z",
            "https://intranet.example/check?ref=AQzzzzzzzzzzzz9Z&x=1",
            "sam.jones@example.org",
        ] {
            assert_eq!(scan_line(line, "AQxxxx"), (vec![], 0), "{line}");
        }
    }
}
