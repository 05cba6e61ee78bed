//! Saved e-mails: one message (`.eml`, or a `.txt` that holds a message's source) or a
//! mailbox export (`.mbox`), read with mail-parser: the mailbox split at its `From `
//! lines, each message's MIME parts found (nested and forwarded messages too), bodies
//! decoded from quoted-printable and base64, and text decoded from its charset
//! (UTF-8, ISO-8859-1, Windows-1252 and the rest encoding_rs knows).
//!
//! A message gives its texts ([`Message::views`]) to be searched for codes: each
//! text/plain part; for each text/html part, its words as text ([`html_text`]) and its
//! links (every `href`) one per line. Nothing is rendered or run: the HTML is only
//! taken apart into text. The same code in two views of one message (the plain and
//! the HTML alternative, a link and its text) is one code: see `core::team`.
//!
//! [`html_text`] is ours: mail-parser's `html_to_text` starts a line only at `<br>` and
//! `</p>`, so a message written in `<div>`s (as webmail writes every line) came out as
//! one line (a 12-line test message, 1 line), and it keeps no link targets; what the
//! report names is a line, so lines must be kept. 70 lines.

use crate::core::issue::Issue;
use mail_parser::{MessageParser, PartType};

/// The most messages read from one mailbox.
pub const MAX_MESSAGES: usize = 10_000;

/// One message's texts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    /// Its number in the mailbox, from 1.
    pub number: usize,
    /// Its subject, cut to 60 characters (for the report); empty if none.
    pub subject: String,
    /// Its texts to search: plain parts, HTML as text, HTML links.
    pub views: Vec<String>,
}

/// The messages in a saved e-mail or mailbox.
pub fn read(bytes: &[u8]) -> Result<Vec<Message>, Issue> {
    let raw: Vec<Vec<u8>> = if bytes.starts_with(b"From ") {
        let mut list = Vec::new();
        for m in mail_parser::mailbox::mbox::MessageIterator::new(std::io::Cursor::new(bytes)) {
            let m = m.map_err(|e| Issue::new("", format!("the mailbox could not be read: {e}")))?;
            if list.len() >= MAX_MESSAGES {
                return Err(Issue::new(
                    "",
                    format!(
                        "the mailbox has more than {MAX_MESSAGES} messages: export fewer at once"
                    ),
                ));
            }
            list.push(m.unwrap_contents());
        }
        list
    } else {
        vec![bytes.to_vec()]
    };
    let parser = MessageParser::default();
    let mut out = Vec::with_capacity(raw.len());
    for (i, body) in raw.iter().enumerate() {
        let Some(msg) = parser.parse(body.as_slice()) else {
            continue;
        };
        let mut views = Vec::new();
        collect(&msg, &mut views, 0);
        out.push(Message {
            number: i + 1,
            subject: msg
                .subject()
                .map(|s| s.chars().filter(|c| !c.is_control()).take(60).collect())
                .unwrap_or_default(),
            views,
        });
    }
    if out.is_empty() {
        return Err(Issue::new("", "holds no e-mail message that could be read"));
    }
    Ok(out)
}

fn collect(msg: &mail_parser::Message<'_>, views: &mut Vec<String>, depth: usize) {
    for part in &msg.parts {
        match &part.body {
            PartType::Text(t) => views.push(t.to_string()),
            PartType::Html(h) => {
                let (text, links) = html_text(h);
                views.push(text);
                views.push(links.join("\n"));
            }
            PartType::Message(inner) if depth < 8 => collect(inner, views, depth + 1),
            _ => {}
        }
    }
}

/// HTML as text, never rendered: the words of the body, a new line at each block
/// element (`p`, `div`, `br`, `li`, `tr`, headings, `table`, `blockquote`), nothing of
/// `head`, `script`, `style`, `template` or comments, character references decoded;
/// and the `href` of every link, decoded too.
pub fn html_text(html: &str) -> (String, Vec<String>) {
    const BLOCKS: [&str; 16] = [
        "p",
        "div",
        "br",
        "li",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "hr",
    ];
    const HIDDEN: [&str; 5] = ["head", "script", "style", "template", "title"];
    let mut text = String::with_capacity(html.len() / 2);
    let mut links = Vec::new();
    let mut hidden: Option<String> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if hidden.is_none() {
            text.push_str(&entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |k| &after[k + 3..]);
            continue;
        }
        let (tag, after) = match tag_end(rest) {
            Some(gt) => (&rest[1..gt], &rest[gt + 1..]),
            None => (&rest[1..], ""),
        };
        rest = after;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(h) = &hidden {
            if closing && *h == name {
                hidden = None;
            }
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            hidden = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            text.push('\n');
        }
        if let Some(href) = attribute(tag, "href") {
            links.push(entities(href).trim().to_string());
        }
    }
    if hidden.is_none() {
        text.push_str(&entities(rest));
    }
    (text, links)
}

/// Where the `>` that ends the tag at the start of `s` is, quotes respected.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(name).map(|k| k + from) {
        from = k + name.len();
        let before = lower[..k].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let after = lower[from..].trim_start();
        let Some(v) = after.strip_prefix('=') else {
            continue;
        };
        let start = tag.len() - v.trim_start().len();
        let v = &tag[start..];
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        });
    }
    None
}

/// Text with its character references decoded: the named ones mail uses and numeric
/// ones; anything else is left as it is.
fn entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let semi = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|b| *b == b';');
        let decoded = semi.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "rsquo" | "lsquo" => Some('\''),
                "rdquo" | "ldquo" => Some('"'),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(v)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_as_lines_and_links() {
        let (text, links) = html_text(
            "<html><head><title>x</title><style>p{}</style></head><body><div>Hi Sam,</div><div>my code: AQ&amp;b</div><!-- <div>no</div> --><script>alert('no')</script><p>See <a href=\"https://x.example/c#fc=AQ1&amp;x\">the link</a>.</p></body></html>",
        );
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["Hi Sam,", "my code: AQ&b", "See the link."]);
        assert_eq!(links, ["https://x.example/c#fc=AQ1&x"]);
    }
}
