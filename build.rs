//! Writes compact copies of the built-in framework (JSON) and the widget's stylesheet
//! into OUT_DIR, so that the WebAssembly carries no indentation or comments. The
//! readable sources stay in frameworks/ and src/web/widget/.

use std::{env, fs, path::Path};

/// JSON without the whitespace between tokens (strings are kept as they are).
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// CSS without comments, with runs of whitespace made one space, and no space around
/// `{`, `}`, `;` and `,` or after `:` (which is never needed there).
fn compact_css(text: &str) -> String {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        plain.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    plain.push_str(rest);
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        let glue =
            out.ends_with(['{', '}', ';', ',', ':']) || word.starts_with(['{', '}', ';', ',']);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// (source, file written, how it is made compact)
type Compact = (&'static str, &'static str, fn(&str) -> String);

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let files: [Compact; 3] = [
        (
            "frameworks/place-based-partnership.json",
            "place-based-partnership.json",
            compact_json,
        ),
        ("src/web/widget/widget.css", "widget.css", compact_css),
        ("src/web/widget/team.css", "team.css", compact_css),
    ];
    for (from, to, compact) in files {
        println!("cargo:rerun-if-changed={from}");
        let text = fs::read_to_string(from).unwrap_or_else(|e| panic!("{from}: {e}"));
        fs::write(Path::new(&out).join(to), compact(&text)).unwrap_or_else(|e| panic!("{to}: {e}"));
    }
}
