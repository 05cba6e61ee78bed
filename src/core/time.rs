//! Submission times, read in every form a response arrives with and normalised to one
//! UTC instant, to the second, before anything compares, hashes or encodes them.
//!
//! Read ([`parse`]):
//! - RFC 3339 date-times in any form: `T`, `t` or a space between date and time;
//!   seconds optional; any number of fractional digits (cut to the second, never
//!   rounded up into the next); `Z`, `z` or an offset `±HH:MM` (also `±HHMM` and `±HH`).
//!   A time with no offset is read as UTC; a leap second (`:60`) as the second before.
//! - Dates and times as spreadsheets rewrite them: `22/11/2026 09:30`, `22/11/2026
//!   09:30:15`, `22-11-2026 09:30`, or a date alone (midnight). Day first, unless the
//!   framework's locale is `en-US` (month first); a two-digit year is 20YY.
//! - Anything else, and any impossible date or time (`2026-02-30`, `25:00`), is an
//!   error that says what is wrong; a time is never silently dropped or moved to
//!   another day.
//!
//! Written ([`format`]) as `YYYY-MM-DDTHH:MM:SSZ`, what share codes can carry (34 bits
//! of seconds from 1970): from 1970 to 2514-05-30T01:53:03Z.
//!
//! Ours rather than a date crate's: the rules above (spreadsheet forms, day-first by
//! locale, cutting to the second) are the product's; the `time` crate would still need
//! them written around it, and its parser measured 6 KB of the gzipped self-check
//! embed, which reads saved answers' times.

/// The latest time accepted: what a share code holds (34 bits of seconds from 1970,
/// 2514-05-30T01:53:03Z).
pub const LATEST: i64 = (1 << 34) - 1;
const MAX_YEAR: i64 = 2514;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What is wrong with a time, for [`Problem::message`].
enum Problem {
    Unreadable,
    Year(i64),
    Month(i64),
    /// (year, month, day)
    Day(i64, i64, i64),
    /// (hours, minutes, seconds)
    Clock(i64, i64, i64),
    Late,
}

/// `v` with at least two digits.
fn two(out: &mut String, v: i64) {
    if (0..10).contains(&v) {
        out.push('0');
    }
    out.push_str(&v.to_string());
}

impl Problem {
    /// The message for `text`, built by hand (each `format!` call measured about 100
    /// bytes of the embed).
    fn message(&self, text: &str) -> String {
        let mut m = String::new();
        match *self {
            Problem::Unreadable => {
                m.push('"');
                m.extend(
                    text.chars()
                        .take(40)
                        .map(|c| if c.is_control() { '\u{fffd}' } else { c }),
                );
                m.push_str("\" is not a date and time this can read (for example 2026-11-22T09:30:00Z, or 22/11/2026 09:30)");
            }
            Problem::Year(y) => {
                m.push_str("the year ");
                m.push_str(&y.to_string());
                m.push_str(" is outside 1970 to 2514");
            }
            Problem::Month(mo) => {
                m.push_str(&mo.to_string());
                m.push_str(" is not a month");
            }
            Problem::Day(y, mo, d) => {
                for (k, v) in [y, mo, d].into_iter().enumerate() {
                    if k > 0 {
                        m.push('-');
                    }
                    two(&mut m, v);
                }
                m.push_str(" is not a date: ");
                m.push_str(MONTHS[(mo - 1) as usize]);
                m.push(' ');
                m.push_str(&y.to_string());
                m.push_str(" has ");
                m.push_str(&days_in_month(y, mo).to_string());
                m.push_str(" days");
            }
            Problem::Clock(h, mi, s) => {
                for (k, v) in [h, mi, s].into_iter().enumerate() {
                    if k > 0 {
                        m.push(':');
                    }
                    two(&mut m, v);
                }
                m.push_str(" is not a time of day");
            }
            Problem::Late => {
                m.push_str("is later than ");
                m.push_str(&format(LATEST));
                m.push_str(", the latest time a share code holds");
            }
        }
        m
    }
}

/// Seconds since 1970 of a checked civil date and time (UTC).
fn instant(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Result<i64, Problem> {
    if !(1970..=MAX_YEAR).contains(&y) {
        return Err(Problem::Year(y));
    }
    if !(1..=12).contains(&mo) {
        return Err(Problem::Month(mo));
    }
    if !(1..=days_in_month(y, mo)).contains(&d) {
        return Err(Problem::Day(y, mo, d));
    }
    if h > 23 || mi > 59 || s > 60 {
        return Err(Problem::Clock(h, mi, s));
    }
    // A leap second is the last second of its minute.
    let s = s.min(59);
    let t = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s;
    if t > LATEST {
        return Err(Problem::Late);
    }
    Ok(t)
}

/// A run of ASCII digits at the start of `s`: its value and length (at most 9 read).
fn digits(s: &[u8]) -> (i64, usize) {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let v = s[..n.min(9)]
        .iter()
        .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
    (v, n)
}

/// `hh:mm[:ss[.fff]]` at the start of `s`: (h, m, s, rest).
fn clock(s: &[u8]) -> Option<(i64, i64, i64, &[u8])> {
    let (h, n) = digits(s);
    if !(1..=2).contains(&n) || s.get(n) != Some(&b':') {
        return None;
    }
    let s = &s[n + 1..];
    let (mi, n) = digits(s);
    if n != 2 {
        return None;
    }
    let mut s = &s[2..];
    let mut sec = 0;
    if s.first() == Some(&b':') {
        let (v, n) = digits(&s[1..]);
        if n != 2 {
            return None;
        }
        sec = v;
        s = &s[3..];
        if matches!(s.first(), Some(b'.' | b',')) {
            let (_, n) = digits(&s[1..]);
            if n == 0 {
                return None;
            }
            s = &s[1 + n..];
        }
    }
    Some((h, mi, sec, s))
}

/// Seconds east of UTC of `Z`, `±HH:MM`, `±HHMM` or `±HH`; `None` if not one.
fn offset(s: &[u8]) -> Option<i64> {
    match s {
        [] => Some(0),
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [a, b] => (digits(&[*a, *b]), (0, 2)),
                [a, b, b':', c, d] | [a, b, c, d] => (digits(&[*a, *b]), digits(&[*c, *d])),
                _ => return None,
            };
            if h.1 != 2 || m.1 != 2 || h.0 > 23 || m.0 > 59 {
                return None;
            }
            let secs = h.0 * 3600 + m.0 * 60;
            Some(if *sign == b'-' { -secs } else { secs })
        }
        _ => None,
    }
}

/// Reads a submission time (see the module comment) as seconds since 1970, UTC.
/// `day_first` says how a spreadsheet's `01/02/2026` is read (1 February when true).
pub fn parse(text: &str, day_first: bool) -> Result<i64, String> {
    let t = text.trim();
    read(t.as_bytes(), day_first).map_err(|p| p.message(t))
}

fn read(b: &[u8], day_first: bool) -> Result<i64, Problem> {
    use Problem::Unreadable;
    // The date: RFC 3339's YYYY-MM-DD, or a spreadsheet's D/M/Y (M/D/Y) with '/',
    // '-' or '.' between.
    let (y, mo, d, rest) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let ((y, n1), (mo, n2), (d, n3)) = (digits(b), digits(&b[5..]), digits(&b[8..]));
        if (n1, n2, n3) != (4, 2, 2) {
            return Err(Unreadable);
        }
        (y, mo, d, &b[10..])
    } else {
        let (a, n1) = digits(b);
        let sep = *b.get(n1).ok_or(Unreadable)?;
        if !(1..=2).contains(&n1) || !matches!(sep, b'/' | b'-' | b'.') {
            return Err(Unreadable);
        }
        let (c, n2) = digits(&b[n1 + 1..]);
        if !(1..=2).contains(&n2) || b.get(n1 + 1 + n2) != Some(&sep) {
            return Err(Unreadable);
        }
        let at = n1 + n2 + 2;
        let (y, n3) = digits(&b[at..]);
        let y = match n3 {
            2 => y + 2000,
            4 => y,
            _ => return Err(Unreadable),
        };
        let (d, mo) = if day_first { (a, c) } else { (c, a) };
        (y, mo, d, &b[at + n3..])
    };
    // Then nothing (midnight), or T, t or a space, the time and its offset.
    let (h, mi, s, off) = match rest {
        [] => (0, 0, 0, 0),
        [b'T' | b't' | b' ', time @ ..] => {
            let (h, mi, s, rest) = clock(time).ok_or(Unreadable)?;
            (h, mi, s, offset(rest).ok_or(Unreadable)?)
        }
        _ => return Err(Unreadable),
    };
    Ok(instant(y, mo, d, h, mi, s)? - off)
}

/// `secs` since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let mut out = y.to_string();
    for (sep, v) in [
        ('-', m),
        ('-', d),
        ('T', rem / 3600),
        (':', rem % 3600 / 60),
        (':', rem % 60),
    ] {
        out.push(sep);
        two(&mut out, v);
    }
    out.push('Z');
    out
}

/// A submission time read and written in its one form (see the module comment).
pub fn normalise(text: &str, day_first: bool) -> Result<String, String> {
    parse(text, day_first).map(format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rfc_3339_form_is_one_instant() {
        let want = "2026-11-22T09:30:15Z";
        for t in [
            "2026-11-22T09:30:15Z",
            "2026-11-22T09:30:15.000Z",
            "2026-11-22T09:30:15.999Z",
            "2026-11-22t09:30:15.123456789z",
            "2026-11-22 09:30:15Z",
            "2026-11-22T10:30:15+01:00",
            "2026-11-22T10:30:15+0100",
            "2026-11-22T10:30:15+01",
            "2026-11-22T04:30:15-05:00",
            "2026-11-23T01:00:15+15:30",
            "2026-11-22T09:30:15",
            " 2026-11-22T09:30:15Z ",
        ] {
            assert_eq!(normalise(t, true).as_deref(), Ok(want), "{t}");
        }
        // Across midnight and the year.
        assert_eq!(
            normalise("2027-01-01T00:30:00+01:00", true).unwrap(),
            "2026-12-31T23:30:00Z"
        );
        assert_eq!(
            normalise("2024-02-29T12:00:00Z", true).unwrap(),
            "2024-02-29T12:00:00Z"
        );
    }

    #[test]
    fn spreadsheet_dates_day_first_or_month_first() {
        assert_eq!(
            normalise("22/11/2026 09:30", true).unwrap(),
            "2026-11-22T09:30:00Z"
        );
        assert_eq!(
            normalise("22/11/2026 09:30:15", true).unwrap(),
            "2026-11-22T09:30:15Z"
        );
        assert_eq!(
            normalise("22.11.26 9:30", true).unwrap(),
            "2026-11-22T09:30:00Z"
        );
        assert_eq!(
            normalise("01/02/2026", true).unwrap(),
            "2026-02-01T00:00:00Z"
        );
        assert_eq!(
            normalise("01/02/2026", false).unwrap(),
            "2026-01-02T00:00:00Z"
        );
        assert_eq!(
            normalise("11/22/2026 09:30", false).unwrap(),
            "2026-11-22T09:30:00Z"
        );
        // Day first, 22 is no month.
        assert_eq!(
            normalise("11/22/2026 09:30", true).unwrap_err(),
            "22 is not a month"
        );
    }

    #[test]
    fn impossible_dates_and_times_are_errors() {
        assert_eq!(
            normalise("2026-02-30T00:00:00Z", true).unwrap_err(),
            "2026-02-30 is not a date: February 2026 has 28 days"
        );
        assert_eq!(
            normalise("2024-02-30T00:00:00Z", true).unwrap_err(),
            "2024-02-30 is not a date: February 2024 has 29 days"
        );
        assert_eq!(
            normalise("31/04/2026", true).unwrap_err(),
            "2026-04-31 is not a date: April 2026 has 30 days"
        );
        assert_eq!(
            normalise("2026-11-22T25:00:00Z", true).unwrap_err(),
            "25:00:00 is not a time of day"
        );
        assert_eq!(
            normalise("2026-12-31T23:59:60Z", true).unwrap(),
            "2026-12-31T23:59:59Z"
        );
        assert_eq!(
            normalise("2026-11-22T23:59:61Z", true).unwrap_err(),
            "23:59:61 is not a time of day"
        );
        assert_eq!(
            normalise("1969-12-31T23:59:59Z", true).unwrap_err(),
            "the year 1969 is outside 1970 to 2514"
        );
        assert_eq!(
            normalise("2514-05-30T01:53:04Z", true).unwrap_err(),
            "is later than 2514-05-30T01:53:03Z, the latest time a share code holds"
        );
        assert!(normalise("2514-05-30T01:53:03Z", true).is_ok());
        for t in [
            "yesterday",
            "2026-11-22T09:30:15+25:00",
            "2026-11-22T9:3",
            "22/11",
            "",
            "45678.5",
            "2026-11-22X09:00",
        ] {
            assert!(normalise(t, true).is_err(), "{t}");
        }
    }

    #[test]
    fn written_as_read() {
        for secs in [0, 86_399, 1_795_000_000, LATEST] {
            assert_eq!(parse(&format(secs), true), Ok(secs));
        }
        assert_eq!(format(0), "1970-01-01T00:00:00Z");
    }
}
