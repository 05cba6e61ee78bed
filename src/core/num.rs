//! Numbers for the self-check embed, whose budget is 100,000 bytes gzipped: each
//! function here replaces a piece of the standard library that measured large there.
//! - [`fmt`], numbers as text: core's float formatting (`format!("{:.1}", x)`)
//!   measured 9.4 KB gzipped. At most `dp` decimals, trailing zeros dropped, "-" only
//!   when the rounded value is below zero.
//! - [`cos_sin`]: the standard library's `sin` and `cos` (libm) measured 3.0 KB.
//! - [`sort_by`]: the standard library's stable sort measured 4.3 KB, for lists of at
//!   most 50 items.

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
