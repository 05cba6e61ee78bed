//! UI text with placeholders: "Step {step} of {total}". Twenty lines of our own: the
//! text comes from translators (`strings`), so a placeholder that is not given must
//! stay as written and a value must never be filled again, which `format!` (whose
//! templates are fixed at compile time) cannot do; the strfmt crate, which can,
//! measured 5.0 KB of the gzipped self-check embed (its parser, std's formatting and a
//! HashMap) against about 0.2 KB for this.

/// `text` with each `{name}` replaced by its value from `args`, in one pass (so a value
/// that itself holds `{name}` is left as it is); a `{…}` not in `args` stays as written.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let known = after.split_once('}').and_then(|(name, tail)| {
            let (_, v) = args.iter().find(|(n, _)| *n == name)?;
            Some((v, tail))
        });
        match known {
            Some((v, tail)) => {
                out.push_str(v);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_each_placeholder_once() {
        let args = [("step", "3"), ("total", "8"), ("band", "{total} é")];
        assert_eq!(fill("Step {step} of {total}", &args), "Step 3 of 8");
        // A value is not filled again, unknown or unclosed braces stay as written.
        assert_eq!(
            fill("{band}/{other}/{step", &args),
            "{total} é/{other}/{step"
        );
        assert_eq!(fill("{{step}}", &args), "{3}");
        assert_eq!(fill("", &args), "");
        assert_eq!(fill("é{step}é", &args), "é3é");
    }
}
