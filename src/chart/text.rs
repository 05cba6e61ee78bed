//! Text measurement without a browser: widths are estimated from typical sans-serif
//! glyph widths, rounded up, so that layout never depends on (or touches) the host
//! page. Estimates err on the wide side, so a label is at most a little roomier than
//! needed, never clipped or overlapping.

/// Estimated advance width of a character, in ems.
pub fn char_em(c: char) -> f64 {
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
///
/// Linear in the text wrapped: each line's width is kept as it grows (never measured
/// again from the start), and the text after the last line that can be shown is not
/// looked at (a label is at most a few lines, whatever its length).
pub fn wrap(s: &str, size: f64, max: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    let (space, hyphen) = (width(" ", size), width("-", size));
    // Whether text was left out after `max_lines` lines.
    let mut more = false;
    'words: for word in s.split_whitespace() {
        if lines.len() > max_lines {
            more = true;
            break;
        }
        let word_w = width(word, size);
        if cur.is_empty() && word_w <= max {
            cur.push_str(word);
            cur_w = word_w;
            continue;
        }
        if !cur.is_empty() && cur_w + space + word_w <= max {
            cur.push(' ');
            cur.push_str(word);
            cur_w += space + word_w;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
        if word_w <= max {
            cur.push_str(word);
            cur_w = word_w;
            continue;
        }
        // The word alone is too wide: break it, with a hyphen.
        let mut chars = 0usize;
        for c in word.chars() {
            let c_w = char_em(c) * size;
            if cur_w + c_w + hyphen > max && chars >= 2 {
                cur.push('-');
                lines.push(std::mem::take(&mut cur));
                if lines.len() > max_lines {
                    more = true;
                    break 'words;
                }
                cur_w = 0.0;
                chars = 0;
            }
            cur.push(c);
            cur_w += c_w;
            chars += 1;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > max_lines || more {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let ellipsis = width("…", size);
            let mut w = width(last, size);
            while !last.is_empty() && w + ellipsis > max {
                if let Some(c) = last.pop() {
                    w -= char_em(c) * size;
                }
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
