//! Numbers as text, without core's float formatting (which would add about 25 KB to
//! the embed): at most `dp` decimals, trailing zeros dropped, "-" only when the
//! rounded value is below zero.

/// `x` with at most `dp` (0 to 6) decimals: `fmt(2.5, 1)` is "2.5", `fmt(3.0, 2)` is
/// "3", `fmt(-0.04, 1)` is "0". Very large numbers are written with an exponent
/// ("1.23e20"); NaN and infinities as "NaN", "inf" and "-inf".
pub fn fmt(x: f64, dp: u32) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let dp = dp.min(6);
    let scale = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6][dp as usize];
    if x.abs() * scale >= 1e15 {
        // Large: three significant decimals and an exponent.
        let (mut m, mut e) = (x.abs(), 0);
        while m >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        let sign = if x < 0.0 { "-" } else { "" };
        return format!("{sign}{}e{e}", fmt(m, 2));
    }
    let v = (x.abs() * scale).round() as u64;
    let mut s = String::new();
    if x < 0.0 && v > 0 {
        s.push('-');
    }
    let unit = scale as u64;
    s.push_str(&(v / unit).to_string());
    let mut frac = v % unit;
    if frac > 0 {
        let mut digits = dp;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        let f = frac.to_string();
        s.push('.');
        for _ in f.len() as u32..digits {
            s.push('0');
        }
        s.push_str(&f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::fmt;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(fmt(2.5, 1), "2.5");
        assert_eq!(fmt(3.0, 2), "3");
        assert_eq!(fmt(0.05, 2), "0.05");
        assert_eq!(fmt(1.005, 1), "1");
        assert_eq!(fmt(62.49, 0), "62");
        assert_eq!(fmt(62.5, 0), "63");
        assert_eq!(fmt(-0.04, 1), "0");
        assert_eq!(fmt(-1.25, 2), "-1.25");
        assert_eq!(fmt(0.16, 6), "0.16");
        assert_eq!(fmt(1234567.0, 0), "1234567");
        assert_eq!(fmt(1e300, 1), "1e300");
        assert_eq!(fmt(-2.5e20, 0), "-2.5e20");
        assert_eq!(fmt(f64::NAN, 1), "NaN");
        assert_eq!(fmt(f64::NEG_INFINITY, 1), "-inf");
    }
}
