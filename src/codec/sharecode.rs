//! Share codes: a response packed into a short, URL-safe text that can be pasted or
//! put in a link fragment (`#fc=…`).
//!
//! Layout, before base64url (no padding):
//! - 1 byte format version: 1, or 2 when comments follow;
//! - 4 bytes FNV-1a hash of the framework id and version, so a code is only read
//!   against the framework it was made for;
//! - bit-packed, most significant bit first: per item in framework order, 0 for
//!   unanswered, 1 for "Don't know", 2 + (value - min) for a value, in
//!   ceil(log2(max - min + 3)) bits, where min and max are the item's own scale (the
//!   framework's unless a foundation or statement has its own, so a code made before
//!   scales of their own existed reads unchanged); per respondent field, 0 for none or
//!   1 + the option's index, in ceil(log2(options + 1)) bits; 1 bit that says whether a
//!   submission time follows, then that time as 34 bits of seconds since 1970 (UTC);
//! - format 2 only: per foundation that asks for a comment, in framework order, 1 bit
//!   that says whether a comment follows, then its length in bytes, in
//!   ceil(log2(4 × maxLength + 1)) bits, and its UTF-8 bytes;
//! - 2 bytes check over everything before, which catches a mistyped or cut code.
//!
//! Comments go in only while the code stays within [`MAX_CODE_CHARS_WITH_COMMENTS`];
//! otherwise the code is made without them, in format 1, and [`share`] says so
//! ([`CodeComments::LeftOut`]), so that the page can tell the person.

use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::{Answer, Response};
use litemap::LiteMap;

const FORMAT: u8 = 1;
/// The format with comments after the answers.
const FORMAT_COMMENTS: u8 = 2;
const MAX_CODE_CHARS: usize = 4096;

/// The longest code made with comments: 1,800 characters, so that a link of a page
/// address of up to 200 characters and the code stays within 2,000, which browsers,
/// e-mail and chat carry whole.
pub const MAX_CODE_CHARS_WITH_COMMENTS: usize = 1_800;

/// Whether a share code carries the response's comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CodeComments {
    /// The response has no comments.
    None,
    /// The comments are in the code.
    Included,
    /// The code would be too long with them: it has the answers alone.
    LeftOut,
}

/// A share code and whether it carries the comments.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Share {
    pub code: String,
    pub comments: CodeComments,
}

pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The hash that ties a code to a framework id and version.
pub fn framework_hash(fw: &Framework) -> u32 {
    let mut key = fw.id.as_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(fw.version.as_bytes());
    fnv1a(&key)
}

fn check16(bytes: &[u8]) -> u16 {
    let h = fnv1a(bytes);
    ((h >> 16) ^ (h & 0xffff)) as u16
}

fn bits_for(states: u64) -> u32 {
    64 - (states.max(2) - 1).leading_zeros()
}

struct BitWriter {
    bytes: Vec<u8>,
    nbits: usize,
}

impl BitWriter {
    fn push(&mut self, value: u64, bits: u32) {
        for i in (0..bits).rev() {
            if self.nbits % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.nbits % 8);
            }
            self.nbits += 1;
        }
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl BitReader<'_> {
    fn read(&mut self, bits: u32) -> Option<u64> {
        let mut v = 0u64;
        for _ in 0..bits {
            let byte = *self.bytes.get(self.pos / 8)?;
            v = (v << 1) | u64::from((byte >> (7 - self.pos % 8)) & 1);
            self.pos += 1;
        }
        Some(v)
    }
}

/// Packs a response (checked against `fw`) into a share code, with its comments when
/// they fit (see [`share`] to know whether they did).
pub fn encode(fw: &Framework, resp: &Response) -> String {
    share(fw, resp).code
}

/// Packs a response (checked against `fw`) into a share code, and says whether its
/// comments are in it: they are while the code stays within
/// [`MAX_CODE_CHARS_WITH_COMMENTS`] characters.
pub fn share(fw: &Framework, resp: &Response) -> Share {
    let commented = fw
        .foundations
        .iter()
        .any(|f| f.comment.is_some() && resp.comments.contains_key(&f.id));
    if commented {
        let code = pack(fw, resp, true);
        if code.len() <= MAX_CODE_CHARS_WITH_COMMENTS {
            return Share {
                code,
                comments: CodeComments::Included,
            };
        }
    }
    Share {
        code: pack(fw, resp, false),
        comments: if commented {
            CodeComments::LeftOut
        } else {
            CodeComments::None
        },
    }
}

/// The bits of a comment's length in bytes: up to 4 bytes per character allowed.
fn length_bits(max_length: usize) -> u32 {
    bits_for(max_length as u64 * 4 + 1)
}

fn pack(fw: &Framework, resp: &Response, comments: bool) -> String {
    let mut w = BitWriter {
        bytes: vec![if comments { FORMAT_COMMENTS } else { FORMAT }],
        nbits: 8,
    };
    w.push(u64::from(framework_hash(fw)), 32);
    for f in &fw.foundations {
        for item in &f.items {
            let scale = fw.item_scale(f, item);
            let code = match resp.answers.get(&item.id) {
                None => 0,
                Some(Answer::DontKnow) => 1,
                Some(Answer::Value(v)) if scale.contains(*v) => 2 + (v - scale.min) as u64,
                Some(Answer::Value(_)) => 0,
            };
            w.push(code, bits_for((scale.max - scale.min) as u64 + 3));
        }
    }
    for field in &fw.respondent_fields {
        let code = resp
            .respondent
            .get(&field.id)
            .and_then(|o| field.options.iter().position(|c| &c.id == o))
            .map_or(0, |i| i as u64 + 1);
        w.push(code, bits_for(field.options.len() as u64 + 1));
    }
    match resp.submitted_at.as_deref().and_then(parse_utc) {
        Some(secs) if secs < (1 << 34) => {
            w.push(1, 1);
            w.push(secs, 34);
        }
        _ => w.push(0, 1),
    }
    if comments {
        for f in &fw.foundations {
            let Some(q) = &f.comment else { continue };
            match resp.comments.get(&f.id) {
                Some(text) => {
                    w.push(1, 1);
                    w.push(text.len() as u64, length_bits(q.max_length));
                    for b in text.bytes() {
                        w.push(u64::from(b), 8);
                    }
                }
                None => w.push(0, 1),
            }
        }
    }
    let mut bytes = w.bytes;
    let c = check16(&bytes);
    bytes.extend_from_slice(&c.to_be_bytes());
    base64url_encode(&bytes)
}

/// What follows the last `fc=` in `text` (a share link or its fragment), if any.
pub fn after_marker(text: &str) -> Option<&str> {
    // Bytes, not a string search: "fc=" is ASCII, so the index is a char boundary.
    let i = text.as_bytes().windows(3).rposition(|w| w == b"fc=")?;
    text.get(i + 3..)
}

/// The first 6 characters of every share code made for `fw` (the format version and
/// 28 bits of the framework's hash, as base64url): text that starts with them is a
/// code for this framework, even when the rest is damaged.
pub fn code_prefix(fw: &Framework) -> String {
    let mut head = vec![FORMAT];
    head.extend_from_slice(&framework_hash(fw).to_be_bytes());
    base64url_encode(&head)[..6].to_string()
}

/// Whether `code` (base64url, no marker) is framed as a share code: at least 8 bytes,
/// the first the format version, and the last 2 the check over the rest. It says
/// nothing of the framework; [`decode`] reads the rest. Used to tell a code from a word.
pub fn is_framed(code: &str) -> bool {
    match base64url_decode(code) {
        Ok(bytes) if bytes.len() >= 8 && bytes[0] == FORMAT => {
            let (body, check) = bytes.split_at(bytes.len() - 2);
            check16(body).to_be_bytes() == check
        }
        _ => false,
    }
}

/// Unpacks a share code made for `fw`. Surrounding spaces are ignored, and so is
/// anything up to `#fc=` or `fc=`, so a whole share link can be given.
pub fn decode(fw: &Framework, code: &str) -> Result<Response, Issue> {
    let code = code.trim();
    let code = after_marker(code).unwrap_or(code);
    if code.is_empty() {
        return Err(Issue::new("", "the share code is empty"));
    }
    if code.len() > MAX_CODE_CHARS {
        return Err(Issue::new("", "this is too long to be a share code"));
    }
    let bytes = base64url_decode(code)?;
    if bytes.len() < 8 {
        return Err(Issue::new(
            "",
            "the share code is too short: it may have been cut off",
        ));
    }
    let (body, check) = bytes.split_at(bytes.len() - 2);
    if check16(body).to_be_bytes() != check {
        return Err(Issue::new(
            "",
            "the share code is damaged or incomplete: check it was copied whole",
        ));
    }
    if body[0] != FORMAT && body[0] != FORMAT_COMMENTS {
        return Err(Issue::new(
            "",
            format!(
                "share code format {} is not one this version can read",
                body[0]
            ),
        ));
    }
    let mut r = BitReader {
        bytes: body,
        pos: 8,
    };
    let hash = r.read(32).unwrap_or(0) as u32;
    if hash != framework_hash(fw) {
        return Err(Issue::new(
            "",
            format!(
                "this share code was made with another framework, or another version of it, than \"{}\" version {}",
                fw.title, fw.version
            ),
        ));
    }
    let short = || Issue::new("", "the share code is too short for this framework");
    let mut answers = LiteMap::new();
    for f in &fw.foundations {
        for item in &f.items {
            let scale = fw.item_scale(f, item);
            let range = (scale.max - scale.min) as u64;
            let code = r.read(bits_for(range + 3)).ok_or_else(short)?;
            match code {
                0 => {}
                1 if scale.dont_know.is_some() => {
                    answers.insert(item.id.clone(), Answer::DontKnow);
                }
                c if c >= 2 && c - 2 <= range => {
                    answers.insert(item.id.clone(), Answer::Value(scale.min + (c - 2) as i32));
                }
                _ => {
                    return Err(Issue::new(
                        "",
                        format!(
                            "the share code has an impossible answer for item \"{}\"",
                            item.id
                        ),
                    ))
                }
            }
        }
    }
    let mut respondent = LiteMap::new();
    for field in &fw.respondent_fields {
        let code = r
            .read(bits_for(field.options.len() as u64 + 1))
            .ok_or_else(short)? as usize;
        if code > 0 {
            let opt = field.options.get(code - 1).ok_or_else(|| {
                Issue::new(
                    "",
                    format!(
                        "the share code has an impossible option for \"{}\"",
                        field.id
                    ),
                )
            })?;
            respondent.insert(field.id.clone(), opt.id.clone());
        }
    }
    let submitted_at = match r.read(1).ok_or_else(short)? {
        1 => Some(format_utc(r.read(34).ok_or_else(short)?)),
        _ => None,
    };
    let mut comments = LiteMap::new();
    if body[0] == FORMAT_COMMENTS {
        for f in &fw.foundations {
            let Some(q) = &f.comment else { continue };
            if r.read(1).ok_or_else(short)? == 0 {
                continue;
            }
            let impossible = || {
                Issue::new(
                    "",
                    format!("the share code has an impossible comment for \"{}\"", f.id),
                )
            };
            let len = r.read(length_bits(q.max_length)).ok_or_else(short)? as usize;
            if len > q.max_length * 4 {
                return Err(impossible());
            }
            let mut bytes = Vec::with_capacity(len);
            for _ in 0..len {
                bytes.push(r.read(8).ok_or_else(short)? as u8);
            }
            let text = String::from_utf8(bytes).map_err(|_| impossible())?;
            Response::check_comment(fw, &f.id, &text).map_err(|_| impossible())?;
            if !text.trim().is_empty() {
                comments.insert(f.id.clone(), text);
            }
        }
    }
    Ok(Response {
        framework: fw.id.clone(),
        version: fw.version.clone(),
        answers,
        respondent,
        comments,
        submitted_at,
    })
}

// base64url by hand, 40 lines: in the self-check embed (100,000-byte budget) the
// base64 crate's engine measured 5.8 KB gzipped, base64ct 3.6 KB and data-encoding
// 13 KB, against under 0.3 KB for these two functions. Reading takes `+` and `/` too
// and stops at padding; the check bytes catch a changed character.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(text: &str) -> Result<Vec<u8>, Issue> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut nbits) = (0u32, 0u32);
    for (i, c) in text.chars().enumerate() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            '=' => break,
            _ => {
                return Err(Issue::new(
                    "",
                    format!(
                    "the share code has a character that cannot be in one ('{}' at position {})",
                    c,
                    i + 1
                ),
                ))
            }
        };
        acc = (acc << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((acc >> nbits) as u8);
            acc &= (1 << nbits) - 1;
        }
    }
    Ok(out)
}

/// Seconds since 1970 of a submission time in its one form (see `core::time`).
pub fn parse_utc(s: &str) -> Option<u64> {
    u64::try_from(crate::core::time::parse(s, true).ok()?).ok()
}

/// `secs` since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(secs: u64) -> String {
    crate::core::time::format(secs as i64)
}
