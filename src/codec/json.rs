//! JSON for the core: [`parse`] reads text into a [`Value`], and [`push_str`] writes
//! text for the JSON of a response (which holds only text and whole numbers). Both are
//! small on purpose: serde's deserializer with its number tables was about 15 KB of the
//! embed, and serde_json's `Value` brings a BTreeMap for objects; here an object keeps
//! its members in a list, in the order written. Nesting deeper than 128
//! levels is an error, never a stack overflow. Numbers: integers are read exactly;
//! a number with a fraction or exponent is exact when it has at most 15 significant
//! digits and an exponent within ±22 (every number a questionnaire holds), and
//! within a few units in the last place otherwise.

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

/// A JSON number: whole numbers exactly, others as `f64`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    Int(i64),
    /// A whole number above `i64::MAX`.
    Big(u64),
    Float(f64),
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
                _ => Number::Float(n.as_f64().unwrap_or(f64::NAN)),
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
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::Int(i) => Some(i),
            _ => None,
        }
    }
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Int(i) => u64::try_from(i).ok(),
            Number::Big(u) => Some(u),
            Number::Float(_) => None,
        }
    }
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Big(u) => u as f64,
            Number::Float(f) => f,
        }
    }
    /// Whether this is a whole number (written without a fraction or exponent).
    pub fn is_whole(self) -> bool {
        !matches!(self, Number::Float(_))
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

const MAX_DEPTH: usize = 128;

/// Appends `s` as a JSON string: quoted, with `"`, `\` and control characters escaped
/// (as serde_json writes them), everything else as it is.
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

    fn number(&mut self) -> Result<Value, String> {
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
                (true, Err(_)) => Number::Float(-(mantissa as f64)),
            }));
        }
        let x = scale(mantissa as f64, exp);
        if x.is_infinite() {
            return Err(self.error("number out of range"));
        }
        Ok(Value::Number(Number::Float(if negative { -x } else { x })))
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
    use super::{parse, Number, Value};
    use serde_json::json;

    /// The same value as serde_json's, to compare with it.
    fn serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => json!(b),
            Value::Number(Number::Int(i)) => json!(i),
            Value::Number(Number::Big(u)) => json!(u),
            Value::Number(Number::Float(f)) => json!(f),
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
