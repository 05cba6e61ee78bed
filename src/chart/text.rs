//! Text measurement without a browser: widths are estimated from typical sans-serif
//! glyph widths, rounded up, so that layout never depends on (or touches) the host
//! page. Estimates err on the wide side, so a label is at most a little roomier than
//! needed, never clipped or overlapping.

/// Estimated advance width of a character, in ems.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '!' | '.' | ',' | ':' | ';' => 0.30,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.40,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.92,
        'A'..='Z' | '&' | '#' => 0.74,
        '0'..='9' | '$' | '?' | '_' => 0.60,
        c if c.is_ascii() => 0.58,
        // Wide scripts (CJK and the like) take a full em; other letters are treated
        // as a wide Latin letter.
        c if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c) => {
            1.0
        }
        _ => 0.74,
    }
}

/// Estimated width in pixels of `s` at `size` pixels.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size
}

/// Estimated size in whole pixels of `s` set on one line at `size` pixels: its
/// [`width`] and the font size, each rounded up. Our plotters backends report this as
/// a text's size, so that plotters never loads or measures a font.
pub fn extent(s: &str, size: f64) -> (u32, u32) {
    (width(s, size).ceil() as u32, size.ceil() as u32)
}

/// Line height used for wrapped text.
pub fn line_height(size: f64) -> f64 {
    (size * 1.25).ceil()
}

/// Wraps `s` into lines no wider than `max` pixels, breaking at spaces; a single word
/// longer than `max` is broken by characters, each piece but the last ending with a
/// hyphen ("Govern-", "ance"). At most `max_lines` lines: the last one ends with "…"
/// when text was left out.
pub fn wrap(s: &str, size: f64, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if width(&candidate, size) <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if width(word, size) <= max {
            cur.push_str(word);
            continue;
        }
        // The word alone is too wide: break it, with a hyphen.
        for c in word.chars() {
            cur.push(c);
            if width(&cur, size) + width("-", size) > max
                && crate::core::reader::char_count(&cur) > 2
            {
                let last = cur.pop().unwrap_or(' ');
                cur.push('-');
                lines.push(std::mem::take(&mut cur));
                cur.push(last);
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last}…"), size) > max {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_within_width() {
        let lines = wrap(
            "People, communities and the voluntary sector as equal partners",
            12.0,
            120.0,
            5,
        );
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l, 12.0) <= 120.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            "People, communities and the voluntary sector as equal partners"
        );
    }

    #[test]
    fn breaks_long_words_and_limits_lines() {
        let lines = wrap(&"x".repeat(100), 12.0, 60.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, 12.0) <= 60.0));
        // A word too long for the line is hyphenated, and breaks between words come first.
        let lines = wrap("Governance and accountability", 12.0, 50.0, 5);
        assert_eq!(lines, ["Govern-", "ance", "and", "accoun-", "tability"]);
        assert!(lines.iter().all(|l| width(l, 12.0) <= 50.0));
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap("   ", 12.0, 60.0, 3).is_empty());
    }
}
