//! The JSON reader: any text is read without panicking or overflowing the stack; it
//! accepts what serde_json accepts and refuses what it refuses (nesting within the
//! limit), with the same values; the size limit holds.
#![no_main]

use foundations_check::core::reader::{parse_json, parse_json_limited};
use libfuzzer_sys::fuzz_target;

/// How deep the brackets of `text` nest, outside strings.
fn depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-12 * a.abs().max(b.abs()) || (a.abs() < 1e-300 && b.abs() < 1e-300)
}

/// Our value against serde_json's, through the accessors the two have in common.
fn same(ours: &foundations_check::codec::json::Value, theirs: &serde_json::Value, path: &str) {
    if theirs.is_null() {
        assert!(ours.is_null(), "{path}: {ours:?} is not null");
    } else if let Some(b) = theirs.as_bool() {
        assert_eq!(ours.as_bool(), Some(b), "{path}");
    } else if let Some(s) = theirs.as_str() {
        assert_eq!(ours.as_str(), Some(s), "{path}");
    } else if let Some(a) = theirs.as_array() {
        let o = ours.as_array().unwrap_or_else(|| panic!("{path}: {ours:?} is not a list"));
        assert_eq!(o.len(), a.len(), "{path}");
        for (k, (x, y)) in o.iter().zip(a).enumerate() {
            same(x, y, &format!("{path}[{k}]"));
        }
    } else if let Some(m) = theirs.as_object() {
        let o = ours.as_object().unwrap_or_else(|| panic!("{path}: {ours:?} is not an object"));
        let mut keys: Vec<&String> = o.keys().collect();
        keys.sort();
        keys.dedup();
        let mut want: Vec<&String> = m.keys().collect();
        want.sort();
        assert_eq!(keys, want, "{path}");
        for (k, v) in m {
            same(o.get(k).expect("the key is there"), v, &format!("{path}.{k}"));
        }
    } else if let Some(i) = theirs.as_i64() {
        assert_eq!(ours.as_i64(), Some(i), "{path}");
    } else if let Some(u) = theirs.as_u64() {
        assert_eq!(ours.as_u64(), Some(u), "{path}");
    } else {
        let (x, y) = (ours.as_f64().expect("a number"), theirs.as_f64().expect("a number"));
        assert!(close(x, y), "{path}: {x:e} against serde_json's {y:e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = parse_json(text);
    let limit = data.first().map_or(0, |b| usize::from(*b) * 4);
    match parse_json_limited(text, limit) {
        Ok(v) => assert_eq!(Ok(&v), ours.as_ref().map_err(|_| ())),
        Err(e) if text.len() > limit => assert!(e.message.contains("limit"), "{e}"),
        Err(e) => assert_eq!(Some(e.message), ours.as_ref().err().map(|e| e.message.clone())),
    }
    // serde_json stops at 128 levels too; just around there the two may count one apart.
    if depth(text) > 120 {
        return;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let theirs = serde_json::from_str::<serde_json::Value>(body);
    match (&ours, &theirs) {
        (Ok(o), Ok(t)) => same(o, t, "$"),
        (Err(o), Ok(_)) => panic!("refused what serde_json reads: {o}"),
        (Ok(_), Err(t)) => panic!("read what serde_json refuses: {t}"),
        (Err(_), Err(_)) => {}
    }
});
