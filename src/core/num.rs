//! Numbers as people see them, and small maths for the self-check embed, whose budget is 100,000 bytes gzipped: each
//! function here replaces a piece of the standard library that measured large there.
//! - [`fmt`], numbers as text: core's float formatting (`format!("{:.1}", x)`)
//!   measured 9.4 KB gzipped. At most `dp` decimals, trailing zeros dropped, "-" only
//!   when the rounded value is below zero.
//! - [`cos_sin`]: the standard library's `sin` and `cos` (libm) measured 3.0 KB.
//! - [`sort_by`]: the standard library's stable sort measured 4.3 KB, for lists of at
//!   most 50 items.
//!
//! [`shown`] is the one rule by which every figure shown or exported is rounded:
//! **cut toward zero** to the places shown (whole percents, or as many decimals as
//! the framework's band thresholds have; see `Framework::places`), from the exact
//! value. A figure is never rounded up, so it never reaches a band threshold that the
//! score has not reached, and 100% means every answer at the top; 79.6875 is shown as
//! 79, 32.5 as 32 and 37.5 as 37, and a change of −8.7 points as −8.

use crate::core::exact::Exact;

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

/// The decimal places of `x` written out: 0 for a whole number, 2 for 62.25; 9 for a
/// number that is not a decimal of at most 9 places.
pub fn decimal_places(x: Exact) -> u32 {
    match x {
        Exact::Frac(_, d) => {
            let mut d = d;
            for k in 0..=9 {
                if d == 1 {
                    return k;
                }
                // A decimal's denominator has only the factors 2 and 5.
                d = if d % 10 == 0 {
                    d / 10
                } else if d % 5 == 0 {
                    d / 5
                } else if d % 2 == 0 {
                    d / 2
                } else {
                    return 9;
                };
            }
            9
        }
        Exact::Float(_) => 9,
    }
}

/// `x` cut toward zero to `places` decimals (at most 9), as text with exactly that
/// many decimals: the display rule of the module comment. `shown(1275/16, 0)` is "79",
/// `shown(45, 1)` is "45.0", `shown(-8.7, 0)` is "-8", `shown(-0.3, 0)` is "0".
pub fn shown(x: Exact, places: u32) -> String {
    let places = places.min(9);
    let t = x.trunc_scaled(places);
    let mut digits = t.unsigned_abs().to_string();
    let mut out = String::new();
    if t < 0 {
        out.push('-');
    }
    if places > 0 {
        while digits.len() <= places as usize {
            digits.insert(0, '0');
        }
        let cut = digits.len() - places as usize;
        out.push_str(digits.get(..cut).unwrap_or_default());
        out.push('.');
        out.push_str(digits.get(cut..).unwrap_or_default());
    } else {
        out.push_str(&digits);
    }
    out
}

/// An exact decimal written out in full ("62.5", "0.000001"); any other number to 6
/// decimals. For messages about numbers a framework gives, which must name them as
/// written.
pub fn decimal(x: Exact) -> String {
    let places = decimal_places(x);
    if places < 9 || x.is_exact() {
        let text = shown(x, places);
        return text;
    }
    fmt(x.get(), 6)
}

/// Why a percent is out of range, without a rounded number that would contradict it
/// (100.00000000000003 is not "100"): "120 is not between 0 and 100", or "is just
/// above 100" where the number would print as the bound itself.
pub fn outside_percent(x: f64) -> String {
    let text = fmt(x, 6);
    match text.as_str() {
        "100" => "is just above 100, so not between 0 and 100".into(),
        "0" => "is just below 0, so not between 0 and 100".into(),
        _ => format!("{text} is not between 0 and 100"),
    }
}

/// The cosine and sine of `x` (radians), to about 1e-15, from their series (the chart
/// needs only a few angles; see the module comment for why not `f64::sin`).
pub fn cos_sin(x: f64) -> (f64, f64) {
    use std::f64::consts::{PI, TAU};
    // Into [-π, π), where the series converge within 30 terms.
    let x = x - ((x + PI) / TAU).floor() * TAU;
    let (mut cos, mut sin) = (0.0, 0.0);
    let mut term = 1.0; // x^k / k!
    for k in 0..40 {
        match k % 4 {
            0 => cos += term,
            1 => sin += term,
            2 => cos -= term,
            _ => sin -= term,
        }
        term *= x / f64::from(k + 1);
    }
    (cos, sin)
}

/// Sorts `v` by `less`, keeping equal elements in order: an insertion sort, for the
/// short lists (axes, foundations, bands: at most 50) of the self-check.
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn cos_sin_match_the_library() {
        for i in -2000..2000 {
            let x = f64::from(i) * 0.01;
            let (c, s) = cos_sin(x);
            assert!((c - x.cos()).abs() < 1e-13, "cos {x}: {c} vs {}", x.cos());
            assert!((s - x.sin()).abs() < 1e-13, "sin {x}: {s} vs {}", x.sin());
        }
    }

    #[test]
    fn sort_by_is_stable() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w: Vec<i32> = (0..200).rev().collect();
        sort_by(&mut w, |a, b| a < b);
        assert_eq!(w, (0..200).collect::<Vec<_>>());
    }
}
