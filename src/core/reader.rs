//! A small reader over JSON values (`json::Value`) that records every problem with its JSON
//! path instead of stopping at the first, so that a framework author sees all of them.

use crate::codec::json::{Map, Value};
use crate::core::issue::{child, index, Issue};

/// Largest JSON document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
/// Longest id accepted.
pub const MAX_ID_CHARS: usize = 64;

/// Parses JSON text, refusing documents that are too large. Nesting is limited to 128
/// levels, so deeply nested input is an error, never a stack overflow.
pub fn parse_json(text: &str) -> Result<Value, Issue> {
    parse_json_limited(text, MAX_DOCUMENT_BYTES)
}

/// [`parse_json`] with another size limit, for large sets of responses.
pub fn parse_json_limited(text: &str, limit: usize) -> Result<Value, Issue> {
    if text.len() > limit {
        return Err(Issue::new(
            "",
            format!(
                "the document is {} bytes; the limit is {} bytes",
                text.len(),
                limit
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::codec::json::parse(text).map_err(|e| Issue::new("", format!("not valid JSON: {e}")))
}

/// The JSON type of a value, as a person would name it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(n) if n.is_whole() => "a whole number",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[derive(Default)]
pub struct Reader {
    pub issues: Vec<Issue>,
}

impl Reader {
    pub fn err(&mut self, path: &str, message: impl Into<String>) {
        // A hostile document could produce millions of problems; the first thousand
        // are more than anyone reads.
        if self.issues.len() < 1000 {
            self.issues.push(Issue::new(path, message));
        }
    }

    /// The value as an object whose keys are all in `allowed`; unknown keys are
    /// reported (they are usually typing mistakes).
    pub fn object<'a>(&mut self, v: &'a Value, path: &str, allowed: &[&str]) -> Option<&'a Map> {
        match v {
            Value::Object(m) => {
                for k in m.keys() {
                    if !allowed.contains(&k.as_str()) {
                        let name: String = k.chars().take(40).collect();
                        self.err(
                            &child(path, &name),
                            format!("unknown field; expected one of: {}", allowed.join(", ")),
                        );
                    }
                }
                Some(m)
            }
            other => {
                self.err(
                    path,
                    format!("expected an object, found {}", type_name(other)),
                );
                None
            }
        }
    }

    fn required<'a>(&mut self, m: &'a Map, path: &str, key: &str) -> Option<&'a Value> {
        match m.get(key) {
            Some(v) => Some(v),
            None => {
                self.err(&child(path, key), "is required");
                None
            }
        }
    }

    /// A required text no longer than `max` characters.
    pub fn text(&mut self, m: &Map, path: &str, key: &str, max: usize) -> String {
        match self.required(m, path, key) {
            Some(v) => self.text_value(v, &child(path, key), max),
            None => String::new(),
        }
    }

    /// An optional text; `None` when absent or null.
    pub fn opt_text(&mut self, m: &Map, path: &str, key: &str, max: usize) -> Option<String> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(self.text_value(v, &child(path, key), max)),
        }
    }

    pub fn text_value(&mut self, v: &Value, path: &str, max: usize) -> String {
        match v {
            Value::String(s) => {
                let n = char_count(s);
                if n > max {
                    self.err(path, format!("is {n} characters long; the limit is {max}"));
                    s.chars().take(max).collect()
                } else {
                    s.clone()
                }
            }
            other => {
                self.err(path, format!("expected text, found {}", type_name(other)));
                String::new()
            }
        }
    }

    /// A required id: 1 to 64 characters of letters, digits, `-`, `_` and `.`,
    /// starting with a letter or digit.
    pub fn id(&mut self, m: &Map, path: &str, key: &str) -> String {
        let p = child(path, key);
        let s = self.text(m, path, key, 10_000);
        if m.get(key).is_some_and(Value::is_string) {
            if let Err(msg) = check_id(&s) {
                self.err(&p, msg);
            }
        }
        s
    }

    /// A required whole number.
    pub fn int(&mut self, m: &Map, path: &str, key: &str) -> Option<i64> {
        let v = self.required(m, path, key)?;
        self.int_value(v, &child(path, key))
    }

    pub fn int_value(&mut self, v: &Value, path: &str) -> Option<i64> {
        let n = whole_number(v);
        if n.is_none() {
            self.err(
                path,
                format!("expected a whole number, found {}", describe(v)),
            );
        }
        n
    }

    /// An optional finite number.
    pub fn opt_number(&mut self, m: &Map, path: &str, key: &str) -> Option<f64> {
        match m.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => self.number_value(v, &child(path, key)),
        }
    }

    pub fn number(&mut self, m: &Map, path: &str, key: &str) -> Option<f64> {
        let v = self.required(m, path, key)?;
        self.number_value(v, &child(path, key))
    }

    pub fn number_value(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v.as_f64() {
            Some(f) if f.is_finite() => Some(f),
            _ => {
                self.err(path, format!("expected a number, found {}", type_name(v)));
                None
            }
        }
    }

    pub fn opt_bool(&mut self, m: &Map, path: &str, key: &str) -> bool {
        match m.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(v) => {
                self.err(
                    &child(path, key),
                    format!("expected true or false, found {}", type_name(v)),
                );
                false
            }
        }
    }

    /// A list of at most `max` elements; `required` lists must be present.
    pub fn list<'a>(
        &mut self,
        m: &'a Map,
        path: &str,
        key: &str,
        max: usize,
        required: bool,
    ) -> &'a [Value] {
        let p = child(path, key);
        let v = match m.get(key) {
            None | Some(Value::Null) => {
                if required {
                    self.err(&p, "is required");
                }
                return &[];
            }
            Some(v) => v,
        };
        match v {
            Value::Array(a) if a.len() > max => {
                self.err(&p, format!("has {} entries; the limit is {max}", a.len()));
                &a[..max]
            }
            Value::Array(a) => a,
            other => {
                self.err(&p, format!("expected a list, found {}", type_name(other)));
                &[]
            }
        }
    }

    /// Reports ids that occur more than once among `ids` (path, id).
    pub fn unique(&mut self, ids: &[(String, &str)], what: &str) {
        for (k, (path, id)) in ids.iter().enumerate() {
            if id.is_empty() {
                continue;
            }
            if let Some((first, _)) = ids[..k].iter().find(|(_, other)| other == id) {
                self.err(
                    path,
                    format!("duplicate {what} id \"{id}\" (first used at {first})"),
                );
            }
        }
    }
}

/// A short description of a value for messages: its type, and the value itself when
/// it is a short scalar.
pub fn describe(v: &Value) -> String {
    match v {
        // As written, so that a message never names 3.0000000000000004 as 3.
        Value::Number(n) => n.text(),
        Value::String(s) if char_count(s) <= 20 => format!("\"{s}\""),
        other => type_name(other).to_string(),
    }
}

/// The number of characters (Unicode scalar values) in `s`: one per byte that does not
/// continue a UTF-8 sequence. (`chars().count()` is the same, in several times the code.)
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

pub fn check_id(s: &str) -> Result<(), String> {
    if s.is_empty() {
        return Err("must not be empty".into());
    }
    if char_count(s) > MAX_ID_CHARS {
        return Err(format!("ids are at most {MAX_ID_CHARS} characters"));
    }
    let ok_first = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let ok_rest = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if !(ok_first && ok_rest) {
        return Err(format!(
            "\"{}\" is not a valid id: use letters, digits, '-', '_' and '.', starting with a letter or digit",
            s.chars().take(40).collect::<String>()
        ));
    }
    Ok(())
}

pub fn index_path(path: &str, i: usize) -> String {
    index(path, i)
}

/// A JSON number that is whole (3 and 3.0 alike).
pub fn whole_number(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
            .map(|f| f as i64)
    })
}
