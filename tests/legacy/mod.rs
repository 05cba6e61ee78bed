//! The writers and the scoring arithmetic as they were before issue 18 (commit
//! 7b1dc1f), frozen: the property tests check that today's code writes and scores
//! every response to a framework of that time exactly as this did. Copied, not
//! shared, so that a change to the library cannot change the reference too.
#![allow(dead_code)]
use foundations_check::codec::sharecode::{base64url_encode, fnv1a};
use foundations_check::core::exact::Exact;
use foundations_check::core::framework::{Framework, Method};
use foundations_check::core::response::{Answer, Response};

fn framework_hash(fw: &Framework) -> u32 {
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

/// `sharecode::encode` of 7b1dc1f.
pub fn encode(fw: &Framework, resp: &Response) -> String {
    let mut w = BitWriter {
        bytes: vec![1],
        nbits: 8,
    };
    w.push(u64::from(framework_hash(fw)), 32);
    let range = (fw.scale.max - fw.scale.min) as u64;
    let ib = bits_for(range + 3);
    for f in &fw.foundations {
        for item in &f.items {
            let code = match resp.answers.get(&item.id) {
                None => 0,
                Some(Answer::DontKnow) => 1,
                Some(Answer::Value(v)) if (fw.scale.min..=fw.scale.max).contains(v) => {
                    2 + (v - fw.scale.min) as u64
                }
                Some(Answer::Value(_)) => 0,
            };
            w.push(code, ib);
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
    let secs = resp
        .submitted_at
        .as_deref()
        .and_then(|s| foundations_check::core::time::parse(s, true).ok())
        .and_then(|s| u64::try_from(s).ok());
    match secs {
        Some(secs) if secs < (1 << 34) => {
            w.push(1, 1);
            w.push(secs, 34);
        }
        _ => w.push(0, 1),
    }
    let mut bytes = w.bytes;
    let c = check16(&bytes);
    bytes.extend_from_slice(&c.to_be_bytes());
    base64url_encode(&bytes)
}

fn is_plain_number(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s);
    !d.is_empty()
        && d.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && d.bytes().filter(|b| *b == b'.').count() <= 1
}

fn starts_like_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

fn neutralise(s: &str) -> String {
    let marked = |rest: &str| starts_like_formula(rest.trim_start_matches('\''));
    let formula = starts_like_formula(s) && !is_plain_number(s);
    if formula || (s.starts_with('\'') && marked(s)) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// `csv::to_csv` of 7b1dc1f.
pub fn to_csv(fw: &Framework, responses: &[Response]) -> String {
    let quote = |s: &str, out: &mut String| {
        out.push('"');
        for c in neutralise(s).chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    };
    let mut out = String::from("\u{feff}");
    let row = |cells: &[String], out: &mut String| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            quote(c, out);
        }
        out.push_str("\r\n");
    };
    let header: Vec<String> = ["framework", "version", "submittedAt"]
        .iter()
        .map(|s| s.to_string())
        .chain(fw.respondent_fields.iter().map(|f| f.id.clone()))
        .chain(
            fw.foundations
                .iter()
                .flat_map(|f| f.items.iter().map(|i| i.id.clone())),
        )
        .collect();
    row(&header, &mut out);
    for r in responses {
        let mut cells = vec![
            r.framework.clone(),
            r.version.clone(),
            r.submitted_at.clone().unwrap_or_default(),
        ];
        cells.extend(
            fw.respondent_fields
                .iter()
                .map(|f| r.respondent.get(&f.id).cloned().unwrap_or_default()),
        );
        cells.extend(fw.foundations.iter().flat_map(|f| {
            f.items.iter().map(|i| match r.answers.get(&i.id) {
                None => String::new(),
                Some(Answer::DontKnow) => "dontKnow".into(),
                Some(Answer::Value(v)) => v.to_string(),
            })
        }));
        row(&cells, &mut out);
    }
    out
}

/// `scoring::tally` of 7b1dc1f: (value, percent, answered, don't know) per foundation.
pub fn tally(fw: &Framework, resp: &Response) -> Vec<(Option<Exact>, Option<Exact>, usize, usize)> {
    let (min, max) = (i64::from(fw.scale.min), i64::from(fw.scale.max));
    let min_share = Exact::from_decimal(fw.scoring.min_answered);
    fw.foundations
        .iter()
        .map(|f| {
            let (weights, _) = f.weights();
            let (mut wv, mut w, mut answered, mut dont_know) = (0i64, 0i64, 0usize, 0usize);
            for (item, weight) in f.items.iter().zip(weights) {
                match resp.answers.get(&item.id) {
                    Some(Answer::Value(v)) if (fw.scale.min..=fw.scale.max).contains(v) => {
                        answered += 1;
                        w += weight;
                        let value = if item.reverse {
                            fw.scale.min + fw.scale.max - v
                        } else {
                            *v
                        };
                        wv += weight * i64::from(value);
                    }
                    Some(Answer::DontKnow) if fw.scale.dont_know.is_some() => dont_know += 1,
                    _ => {}
                }
            }
            let total = f.items.len();
            let enough = answered > 0
                && Exact::int(answered as i64) >= min_share.mul(Exact::int(total as i64));
            if !enough {
                return (None, None, answered, dont_know);
            }
            let mean = Exact::frac(wv, w);
            let value = match fw.scoring.method {
                Method::Mean => mean,
                Method::Sum => mean.mul(f.total_weight()),
            };
            let percent = Exact::int(wv - min * w)
                .mul(Exact::int(100))
                .div(Exact::int((max - min) * w));
            (Some(value), Some(percent), answered, dont_know)
        })
        .collect()
}
