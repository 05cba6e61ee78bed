//! JSON values ([`crate::codec::json::Value`]) written back as text, for the team
//! view (an export's two rounds read apart). Members keep the order they were
//! written in; numbers keep the text they were written as.

use crate::codec::json::{push_str, Number, Value};

/// `v` as JSON text: on one line, or indented by two spaces a level (`pretty`).
pub fn to_text(v: &Value, pretty: bool) -> String {
    let mut out = String::new();
    write(&mut out, v, pretty, 0);
    out
}

fn newline(out: &mut String, pretty: bool, depth: usize) {
    if pretty {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

fn write(out: &mut String, v: &Value, pretty: bool, depth: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => push_str(out, s),
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, pretty, depth + 1);
                write(out, x, pretty, depth + 1);
            }
            newline(out, pretty, depth);
            out.push(']');
        }
        Value::Object(m) if m.is_empty() => out.push_str("{}"),
        Value::Object(m) => {
            out.push('{');
            // A key given twice counts once, as its last value (as it is read).
            let mut first = true;
            for (i, (k, x)) in m.0.iter().enumerate() {
                if m.0[i + 1..].iter().any(|(later, _)| later == k) {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                newline(out, pretty, depth + 1);
                push_str(out, k);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write(out, x, pretty, depth + 1);
            }
            newline(out, pretty, depth);
            out.push('}');
        }
    }
}

/// A number as written; one that is not finite (never read from JSON) as null.
fn number(n: &Number) -> String {
    match n {
        Number::Float(x, _) if !x.is_finite() => "null".into(),
        n => n.text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json::parse;

    #[test]
    fn values_read_back_the_same() {
        let text =
            r#"{"a":[1,2.50,-3e2,{"b":"x\"\n\u0001"}],"c":{},"d":[],"e":null,"f":true,"a":0}"#;
        let v = parse(text).unwrap();
        for pretty in [false, true] {
            let out = to_text(&v, pretty);
            assert_eq!(parse(&out).unwrap().get("a"), v.get("a"));
            assert_eq!(parse(&out).unwrap().get("c"), v.get("c"));
        }
        // Numbers keep their text; a key given twice is written once, as its last value.
        assert_eq!(
            to_text(&v, false),
            r#"{"c":{},"d":[],"e":null,"f":true,"a":0}"#
        );
        let v = parse(r#"{"w":2.50,"l":[1,{"x":"y"}]}"#).unwrap();
        assert_eq!(
            to_text(&v, true),
            "{\n  \"w\": 2.50,\n  \"l\": [\n    1,\n    {\n      \"x\": \"y\"\n    }\n  ]\n}"
        );
    }
}
