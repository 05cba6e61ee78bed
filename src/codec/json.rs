//! JSON values for the validating reader (`core::reader`), from text ([`parse`]) or from
//! any serde data format ([`read_value`]: JavaScript objects through
//! serde-wasm-bindgen, in the npm API).
//!
//! Why a parser of our own rather than serde_json's: every page with the self-check
//! parses framework and saved-answer JSON, and serde's deserializer (serde_json's
//! `from_str` into its `Value`, which brings serde's error formatting with core's float
//! printing, and a `BTreeMap` per object) measured 15 KB of the 100,000-byte gzipped
//! embed; this module is about 3 KB there. An object keeps its members in a list, in
//! the order written, so problems are reported in document order; where a key is
//! given twice, the last one counts (as in serde_json). Nesting deeper than 128 levels
//! is an error, never a stack overflow. Numbers: integers are read exactly; a number
//! with a fraction or exponent is exact when it has at most 15 significant digits and
//! an exponent within ±22 (every number a questionnaire holds), and within a few units
//! in the last place otherwise. The parser is fuzzed (fuzz/) and checked against
//! serde_json by a property test.

use crate::core::issue::Issue;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::cell::{Cell, RefCell};
use std::fmt;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: whole numbers exactly, others as `f64` with the text they were
/// written as (so that a message can name 3.0000000000000004 as written, never as 3).
#[derive(Debug, Clone)]
pub enum Number {
    Int(i64),
    /// A whole number above `i64::MAX`.
    Big(u64),
    Float(f64, Box<str>),
}

/// Numbers are equal by value, whatever their text.
impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            (Number::Big(a), Number::Big(b)) => a == b,
            (Number::Float(a, _), Number::Float(b, _)) => a == b,
            _ => false,
        }
    }
}

/// A JSON object's members in the order written. Where a key is given twice, the last
/// one counts (as in serde_json).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(pub Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Values built with serde_json (in tests, or by Rust users of the crate).
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Number::Int(i),
                (_, Some(u)) => Number::Big(u),
                _ => Number::Float(n.as_f64().unwrap_or(f64::NAN), n.to_string().into()),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(m) => Value::Object(Map(m
                .into_iter()
                .map(|(k, v)| (k, Value::from(v)))
                .collect())),
        }
    }
}

impl Number {
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Number::Int(i) => Some(*i),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Number::Int(i) => u64::try_from(*i).ok(),
            Number::Big(u) => Some(*u),
            Number::Float(..) => None,
        }
    }
    pub fn as_f64(&self) -> f64 {
        match self {
            Number::Int(i) => *i as f64,
            Number::Big(u) => *u as f64,
            Number::Float(f, _) => *f,
        }
    }
    /// Whether this is a whole number (written without a fraction or exponent).
    pub fn is_whole(&self) -> bool {
        !matches!(self, Number::Float(..))
    }
    /// The number as written: its text for a number with a fraction or exponent.
    pub fn text(&self) -> String {
        match self {
            Number::Int(i) => i.to_string(),
            Number::Big(u) => u.to_string(),
            Number::Float(_, t) => t.to_string(),
        }
    }
}

impl Value {
    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Deepest nesting of lists and objects accepted.
pub const MAX_DEPTH: usize = 128;

/// Largest whole number a JavaScript number holds exactly: 2^53 − 1.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Reads any serde data format's value as JSON (the npm API reads JavaScript values
/// with serde-wasm-bindgen's `Deserializer`), no larger than about `limit` bytes of JSON
/// text. A JavaScript object is not text, so this adds what a JSON document has by
/// construction:
/// - nesting deeper than 128 levels is an error (an object that contains itself would
///   otherwise recurse until the stack overflows);
/// - the value's size is counted as the bytes of its JSON text would be (roughly);
/// - NaN and the infinities are errors naming where they are;
/// - a BigInt is read as the whole number it holds when a JavaScript number holds it
///   exactly (up to 2^53 − 1 either way), and refused beyond that;
/// - binary data (typed arrays), symbols and functions are refused.
///
/// The error names the path of the offending value (`answers.purpose-1: NaN is not a
/// number`), or no path when the problem is the value as a whole.
pub fn read_value<'de, D: de::Deserializer<'de>>(d: D, limit: usize) -> Result<Value, Issue> {
    let ctx = Ctx {
        path: RefCell::new(String::new()),
        issue: RefCell::new(None),
        size: Cell::new(0),
        limit,
    };
    let got = Seed {
        depth: 0,
        ctx: &ctx,
    }
    .deserialize(d);
    got.map_err(|e: D::Error| {
        ctx.issue
            .take()
            .unwrap_or_else(|| Issue::new("", e.to_string()))
    })
}

struct Ctx {
    /// The path of the value being read.
    path: RefCell<String>,
    /// The first problem, with its path.
    issue: RefCell<Option<Issue>>,
    size: Cell<usize>,
    limit: usize,
}

impl Ctx {
    /// Records `message` at the current path (unless a problem is recorded already) and
    /// returns an error to unwind with.
    fn fail<E: de::Error>(&self, message: impl fmt::Display) -> E {
        let mut issue = self.issue.borrow_mut();
        if issue.is_none() {
            *issue = Some(Issue::new(self.path.borrow().as_str(), message.to_string()));
        }
        E::custom(message)
    }

    /// Counts `bytes` towards the size limit.
    fn grow<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let size = self.size.get().saturating_add(bytes);
        self.size.set(size);
        if size > self.limit {
            // Reported for the whole value, not where the count ran out.
            self.path.borrow_mut().clear();
            return Err(self.fail(format!(
                "the value is larger than the limit of {} bytes of JSON",
                self.limit
            )));
        }
        Ok(())
    }

    /// Reads the member `seg` (".key" or "[i]", appended to the path) with `read`; a
    /// problem the data format found (a symbol, say) is recorded at that path.
    fn within<T, E: de::Error>(
        &self,
        seg: Seg,
        read: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let len = self.path.borrow().len();
        {
            let mut p = self.path.borrow_mut();
            match seg {
                Seg::Key(k) => {
                    if !p.is_empty() {
                        p.push('.');
                    }
                    p.push_str(k);
                }
                Seg::Index(i) => {
                    p.push('[');
                    p.push_str(&i.to_string());
                    p.push(']');
                }
            }
        }
        let got = read().map_err(|e| self.fail(e));
        self.path.borrow_mut().truncate(len);
        got
    }
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Clone, Copy)]
struct Seed<'c> {
    depth: usize,
    ctx: &'c Ctx,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'c> Seed<'c> {
    fn whole<E: de::Error>(self, v: i128) -> Result<Value, E> {
        self.ctx.grow(8)?;
        if v.unsigned_abs() > u128::from(MAX_SAFE_INTEGER) {
            return Err(self.ctx.fail(format!(
                "{v} is beyond the whole numbers a JavaScript number holds exactly (a BigInt?)"
            )));
        }
        Ok(Value::Number(Number::Int(v as i64)))
    }

    fn nested<E: de::Error>(self) -> Result<Seed<'c>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.ctx.fail(format!(
                "is nested more than {MAX_DEPTH} levels deep (does an object contain itself?)"
            )));
        }
        self.ctx.grow(2)?;
        Ok(Seed {
            depth: self.depth + 1,
            ctx: self.ctx,
        })
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value (text, a number, true or false, null, a list or an object)")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.ctx.grow(4)?;
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.ctx.grow(5)?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.whole(i128::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.whole(i128::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        self.whole(v)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        self.whole(i128::try_from(v).unwrap_or(i128::MAX))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.ctx.grow(8)?;
        if v.is_nan() {
            Err(self.ctx.fail("NaN is not a number"))
        } else if v.is_infinite() {
            Err(self.ctx.fail("Infinity is not a number"))
        } else {
            // The shortest text that reads back as `v` (this reads JavaScript values,
            // in the npm API, whose numbers have no text).
            Ok(Value::Number(Number::Float(v, v.to_string().into())))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.ctx.grow(v.len() + 2)?;
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut out = Vec::new();
        loop {
            let next = self
                .ctx
                .within(Seg::Index(out.len()), || seq.next_element_seed(inner))?;
            match next {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.nested()?;
        let mut out = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            self.ctx.grow(key.len() + 3)?;
            let v = self
                .ctx
                .within(Seg::Key(&key), || map.next_value_seed(inner))?;
            out.push((key, v));
        }
        Ok(Value::Object(Map(out)))
    }
}

/// Appends `s` as a JSON string: quoted, with `"`, `\` and control characters escaped
/// as serde_json escapes them, everything else as it is (for `Response::to_json`).
pub fn push_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses `text`, or says what is wrong and where ("expected `,` or `]` at line 3
/// column 7").
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let upto = &self.b[..self.i.min(self.b.len())];
        let line = upto.iter().filter(|&&c| c == b'\n').count() + 1;
        let column = upto.len() - upto.iter().rposition(|&c| c == b'\n').map_or(0, |k| k + 1);
        format!("{what} at line {line} column {column}")
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let ok = self.b[self.i..].starts_with(word.as_bytes());
        if ok {
            self.i += word.len();
        }
        ok
    }

    fn value(&mut self) -> Result<Value, String> {
        self.ws();
        let Some(&c) = self.b.get(self.i) else {
            return Err(self.error("EOF while parsing a value"));
        };
        match c {
            b'{' | b'[' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.i += 1;
                let v = if c == b'{' {
                    self.object()?
                } else {
                    self.array()?
                };
                self.depth -= 1;
                Ok(v)
            }
            b'"' => Ok(Value::String(self.string()?)),
            b't' if self.eat("true") => Ok(Value::Bool(true)),
            b'f' if self.eat("false") => Ok(Value::Bool(false)),
            b'n' if self.eat("null") => Ok(Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.error("expected value")),
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            return Err(self.error("expected `,` or `]`"));
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        let mut map = Map::default();
        self.ws();
        if self.eat("}") {
            return Ok(Value::Object(map));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.error("key must be a string"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(":") {
                return Err(self.error("expected `:`"));
            }
            let v = self.value()?;
            map.0.push((key, v));
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                return Ok(Value::Object(map));
            }
            return Err(self.error("expected `,` or `}`"));
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str and the run stops at ASCII, so this is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).unwrap_or_default());
            match self.b.get(self.i) {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.b.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let mut unit = self.hex4()?;
                            if (0xd800..0xdc00).contains(&unit) {
                                // A surrogate pair: the low half follows as \uXXXX.
                                if self.b.get(self.i + 1..self.i + 3) != Some(b"\\u") {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                            }
                            match char::from_u32(unit) {
                                Some(c) => c,
                                None => return Err(self.error("invalid unicode code point")),
                            }
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
            }
        }
    }

    /// The four hex digits after `\u` (at `self.i`, which is left on the last one).
    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .b
            .get(self.i + 1..self.i + 5)
            .ok_or_else(|| self.error("EOF while parsing a string"))?;
        let mut v = 0;
        for &d in digits {
            let h = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            v = v * 16 + h;
        }
        self.i += 4;
        Ok(v)
    }

    /// The text from `start` to here (ASCII, as a number is).
    fn written(&self, start: usize) -> Box<str> {
        // A number's text is ASCII.
        std::str::from_utf8(self.b.get(start..self.i).unwrap_or_default())
            .unwrap_or_default()
            .into()
    }

    fn number(&mut self) -> Result<Value, String> {
        let begin = self.i;
        let negative = self.eat("-");
        // The digits as a whole number `mantissa` times ten to the `exp`; digits past
        // what a u64 holds only move the exponent (or, after the point, are dropped).
        let (mut mantissa, mut exp) = (0u64, 0i32);
        let more = |m: u64, d: u8| {
            m.checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d - b'0')))
        };
        let int_start = self.i;
        while let Some(d @ b'0'..=b'9') = self.b.get(self.i).copied() {
            self.i += 1;
            match more(mantissa, d) {
                Some(m) => mantissa = m,
                None => exp += 1,
            }
        }
        let int_len = self.i - int_start;
        if int_len == 0 || (int_len > 1 && self.b[int_start] == b'0') {
            return Err(self.error("invalid number"));
        }
        let mut whole = true;
        if self.eat(".") {
            whole = false;
            let start = self.i;
            while let Some(d @ b'0'..=b'9') = self.b.get(self.i).copied() {
                self.i += 1;
                if let Some(m) = more(mantissa, d) {
                    mantissa = m;
                    exp -= 1;
                }
            }
            if self.i == start {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            whole = false;
            self.i += 1;
            let minus = self.eat("-");
            if !minus {
                self.eat("+");
            }
            let start = self.i;
            let mut e = 0i32;
            while let Some(d @ b'0'..=b'9') = self.b.get(self.i).copied() {
                self.i += 1;
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            }
            if self.i == start {
                return Err(self.error("invalid number"));
            }
            exp = exp.saturating_add(if minus { -e } else { e });
        }
        if whole && exp == 0 {
            // An integer, exactly (as serde_json keeps it).
            return Ok(Value::Number(match (negative, i64::try_from(mantissa)) {
                (false, Ok(v)) => Number::Int(v),
                (false, Err(_)) => Number::Big(mantissa),
                (true, Ok(v)) => Number::Int(-v),
                (true, Err(_)) if mantissa == 1 << 63 => Number::Int(i64::MIN),
                (true, Err(_)) => Number::Float(-(mantissa as f64), self.written(begin)),
            }));
        }
        let x = scale(mantissa as f64, exp);
        if x.is_infinite() {
            return Err(self.error("number out of range"));
        }
        let text = self.written(begin);
        Ok(Value::Number(Number::Float(
            if negative { -x } else { x },
            text,
        )))
    }
}

/// `m` times ten to the `exp`: exact when `m` < 2^53 and |exp| <= 22.
fn scale(m: f64, exp: i32) -> f64 {
    const POW: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    if m == 0.0 {
        return 0.0;
    }
    let (mut x, mut e) = (m, exp);
    while e > 22 {
        x *= 1e22;
        e -= 22;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -22 {
        x /= 1e22;
        e += 22;
        if x == 0.0 {
            return x;
        }
    }
    if e >= 0 {
        x * POW[e as usize]
    } else {
        x / POW[(-e) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::{parse, read_value, Issue, Number, Value, MAX_DEPTH};
    use serde::de::{self, IntoDeserializer};
    use serde_json::json;

    /// Reads a serde_json value through the seed (as the API reads JavaScript values).
    fn read(v: serde_json::Value) -> Result<Value, Issue> {
        read_value(v, 1 << 20)
    }

    #[test]
    fn values_from_another_data_format_come_through_unchanged() {
        let v = json!({"b": [1, 2.5, "x", null, true], "a": {"c": -3}});
        let got = read(v.clone()).unwrap();
        assert_eq!(serde(&got), v);
    }

    #[test]
    fn deep_nesting_is_an_error_with_its_path_not_a_stack_overflow() {
        let mut v = json!(1);
        for _ in 0..1000 {
            v = json!([v]);
        }
        let e = read_value(v, usize::MAX).unwrap_err();
        assert_eq!(e.path, "[0]".repeat(MAX_DEPTH));
        assert!(
            e.message.starts_with("is nested more than 128 levels deep"),
            "{e}"
        );
        let mut ok = json!(1);
        for _ in 0..MAX_DEPTH {
            ok = json!([ok]);
        }
        assert!(read_value(ok, usize::MAX).is_ok());
    }

    #[test]
    fn nan_and_infinity_are_named_where_they_are() {
        let nan: de::value::F64Deserializer<de::value::Error> = f64::NAN.into_deserializer();
        assert_eq!(
            read_value(nan, 100).unwrap_err(),
            Issue::new("", "NaN is not a number")
        );
        let inf: de::value::F64Deserializer<de::value::Error> =
            f64::NEG_INFINITY.into_deserializer();
        assert_eq!(
            read_value(inf, 100).unwrap_err().message,
            "Infinity is not a number"
        );
    }

    #[test]
    fn whole_numbers_beyond_what_javascript_holds_exactly_are_refused_where_they_are() {
        let e = read(json!({"answers": {"q1": 9007199254740993u64}})).unwrap_err();
        assert_eq!(e.path, "answers.q1");
        assert!(e.message.starts_with("9007199254740993 is beyond"), "{e}");
        let edge = json!({"n": 9007199254740991u64, "m": -9007199254740991i64});
        assert_eq!(serde(&read(edge.clone()).unwrap()), edge);
        let e = read(json!({"responses": [{}, {"answers": {"a": 1u64 << 60}}]})).unwrap_err();
        assert_eq!(e.path, "responses[1].answers.a");
    }

    #[test]
    fn the_size_of_a_value_is_limited_like_a_document() {
        let v = json!({"text": "x".repeat(1000)});
        let e = read_value(v.clone(), 500).unwrap_err();
        assert_eq!(
            e,
            Issue::new(
                "",
                "the value is larger than the limit of 500 bytes of JSON"
            )
        );
        assert!(read_value(v, 2000).is_ok());
    }

    /// The same value as serde_json's, to compare with it.
    fn serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => json!(b),
            Value::Number(Number::Int(i)) => json!(i),
            Value::Number(Number::Big(u)) => json!(u),
            Value::Number(Number::Float(f, _)) => json!(f),
            Value::String(s) => json!(s),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(serde).collect()),
            Value::Object(m) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), serde(v))).collect())
            }
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,-0.25,1e3,2E-2,12345678901234567890,-9223372036854775808],"b":{"c":null,"d":true,"e":false}}"#,
            r#"["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "plain é 中 😀", ""]"#,
            "  [ ]  ",
            "{}",
            "0",
            "-0.0",
            "0.1",
            "123.456e-7",
            "[2.5, 0.16, 62.5, 1000, 0.001, 33.333333333333336]",
        ] {
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(serde(&ours), theirs, "{text}");
        }
        assert_eq!(serde(&parse("[1,2]").unwrap()), json!([1, 2]));
        // Members stay in the order written; a repeated key counts once, the last.
        let v = parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(
            v.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["b", "a", "b"]
        );
        assert_eq!(v.get("b"), Some(&Value::Number(Number::Int(3))));
        // Beyond 15 significant digits or an exponent of 22, within a few units in the
        // last place.
        for text in [
            "1.7976931348623157e307",
            "5e-300",
            "123456789012345678901234567890e-5",
        ] {
            let ours = parse(text).unwrap().as_f64().unwrap();
            let theirs: f64 = text.parse().unwrap();
            assert!(
                ((ours - theirs) / theirs).abs() < 1e-14,
                "{text}: {ours} vs {theirs}"
            );
        }
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        for (text, message) in [
            ("", "EOF while parsing a value at line 1 column 0"),
            ("[1,2", "expected `,` or `]` at line 1 column 4"),
            ("{\"a\" 1}", "expected `:` at line 1 column 5"),
            ("{\n  \"a\": tru }", "expected value at line 2 column 7"),
            ("[1] x", "trailing characters at line 1 column 4"),
            ("\"abc", "EOF while parsing a string at line 1 column 4"),
            ("[01]", "invalid number at line 1 column 3"),
            ("1e999", "number out of range at line 1 column 5"),
            ("\"\\x\"", "invalid escape at line 1 column 2"),
            (
                "\"\\ud800\"",
                "lone leading surrogate in hex escape at line 1 column 6",
            ),
            ("{1:2}", "key must be a string at line 1 column 1"),
        ] {
            assert_eq!(parse(text).unwrap_err(), message, "{text:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep)
            .unwrap_err()
            .starts_with("recursion limit exceeded"));
        let ok = "[".repeat(128) + &"]".repeat(128);
        assert!(parse(&ok).is_ok());
    }
}
