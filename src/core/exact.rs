//! Exact arithmetic for scores and statistics.
//!
//! A score is a fraction of whole numbers: a weighted mean of whole answers, placed
//! between the lowest and highest value possible, and averaged or interpolated from
//! other scores. [`Exact`] holds it as a reduced fraction (`i64` numerator and
//! denominator) for as long as both fit, so that a score which is an exact decimal
//! comes out exact (weights 0.2, 0.3 and 0.5 answered 1, 2 and 4 give exactly 45, not
//! 44.99999999999999) and a score is compared with a band threshold exactly. When a
//! numerator or denominator would overflow, the number continues as a float, correct
//! to about 1e-15. One person's scores always fit (weights are whole multiples of at
//! most 10^-9 up to 1000, so a foundation's weighted sum is below 10^17); a team's mean
//! of many different fractions may not, and its median and quartiles, which
//! interpolate two scores, rarely do. 64 bits rather than 128: 128-bit division and
//! printing measured 2 KB of the gzipped self-check embed.
//!
//! Decimals given in a framework (weights, band thresholds, the consensus spread) are
//! read as the decimal they were written as, to at most 9 places
//! ([`Exact::from_decimal`]).
//!
//! This is scoring arithmetic, the product's own: a general rational type
//! (num-rational) would still need the overflow fallback, the decimal reading and the
//! display rounding below, which are the rules.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;

/// A number that is exact where the arithmetic is: a reduced fraction `n / d` with
/// `d > 0`, or a float once a fraction would overflow.
#[derive(Debug, Clone, Copy)]
pub enum Exact {
    Frac(i64, i64),
    Float(f64),
}

const POW10: [i64; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

fn gcd(mut a: i64, mut b: i64) -> i64 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Exact {
    pub const ZERO: Exact = Exact::Frac(0, 1);

    /// A whole number.
    pub fn int(i: i64) -> Exact {
        Exact::Frac(i64::from(i), 1)
    }

    /// `n / d`, reduced; a float when `d` is 0 (never asked for: callers divide only by
    /// counts and weights, which are positive).
    pub fn frac(n: i64, d: i64) -> Exact {
        if d == 0 {
            return Exact::Float(f64::NAN);
        }
        let g = gcd(n, d);
        let (n, d) = (n / g, d / g);
        if d < 0 {
            match (n.checked_neg(), d.checked_neg()) {
                (Some(n), Some(d)) => Exact::Frac(n, d),
                _ => Exact::Float(n as f64 / d as f64),
            }
        } else {
            Exact::Frac(n, d)
        }
    }

    /// A float as the decimal it was written as, when it is one with at most 9 places
    /// (0.2 is 2/10, 62.5 is 125/2); otherwise the float itself.
    pub fn from_decimal(x: f64) -> Exact {
        if !x.is_finite() {
            return Exact::Float(x);
        }
        for p in POW10 {
            let s = x * p as f64;
            if s.abs() >= 1e17 {
                break;
            }
            let r = s.round();
            // Within the rounding error of `x * 10^k` (a few units in the last place).
            if (s - r).abs() <= 4.0 * f64::EPSILON * s.abs() {
                return Exact::frac(r as i64, p);
            }
        }
        Exact::Float(x)
    }

    /// The nearest float.
    pub fn get(self) -> f64 {
        match self {
            Exact::Frac(n, d) => n as f64 / d as f64,
            Exact::Float(x) => x,
        }
    }

    /// Whether the number is held exactly.
    pub fn is_exact(self) -> bool {
        matches!(self, Exact::Frac(..))
    }

    fn combine(
        self,
        other: Exact,
        exact: impl FnOnce(i64, i64, i64, i64) -> Option<(i64, i64)>,
        float: impl FnOnce(f64, f64) -> f64,
    ) -> Exact {
        if let (Exact::Frac(a, b), Exact::Frac(c, d)) = (self, other) {
            if let Some((n, d)) = exact(a, b, c, d) {
                if d != 0 {
                    return Exact::frac(n, d);
                }
            }
        }
        Exact::Float(float(self.get(), other.get()))
    }

    pub fn add(self, o: Exact) -> Exact {
        self.combine(
            o,
            |a, b, c, d| {
                let g = gcd(b, d);
                let (bg, dg) = (b / g, d / g);
                Some((
                    a.checked_mul(dg)?.checked_add(c.checked_mul(bg)?)?,
                    b.checked_mul(dg)?,
                ))
            },
            |x, y| x + y,
        )
    }

    pub fn sub(self, o: Exact) -> Exact {
        self.add(o.neg())
    }

    pub fn neg(self) -> Exact {
        match self {
            Exact::Frac(n, d) => n
                .checked_neg()
                .map_or(Exact::Float(-self.get()), |n| Exact::Frac(n, d)),
            Exact::Float(x) => Exact::Float(-x),
        }
    }

    pub fn mul(self, o: Exact) -> Exact {
        self.combine(
            o,
            |a, b, c, d| {
                // Cross-reduce first, to keep the numbers small.
                let (g1, g2) = (gcd(a, d).max(1), gcd(c, b).max(1));
                Some(((a / g1).checked_mul(c / g2)?, (b / g2).checked_mul(d / g1)?))
            },
            |x, y| x * y,
        )
    }

    /// `self / o`; `o` must not be zero.
    pub fn div(self, o: Exact) -> Exact {
        self.combine(
            o,
            |a, b, c, d| {
                if c == 0 {
                    return None;
                }
                let (g1, g2) = (gcd(a, c).max(1), gcd(b, d).max(1));
                Some(((a / g1).checked_mul(d / g2)?, (b / g2).checked_mul(c / g1)?))
            },
            |x, y| x / y,
        )
    }

    /// `self / n` for a count.
    pub fn div_int(self, n: usize) -> Exact {
        self.div(Exact::Frac(n as i64, 1))
    }

    pub fn abs(self) -> Exact {
        if self.cmp(&Exact::ZERO) == Ordering::Less {
            self.neg()
        } else {
            self
        }
    }

    pub fn min(self, o: Exact) -> Exact {
        if o.cmp(&self) == Ordering::Less {
            o
        } else {
            self
        }
    }

    pub fn max(self, o: Exact) -> Exact {
        if o.cmp(&self) == Ordering::Greater {
            o
        } else {
            self
        }
    }

    /// `self × 10^places`, cut toward zero to a whole number: the display rule (see
    /// [`crate::core::num::shown`]). A float is first read as the nearest decimal with
    /// 9 places, so that a float which stands for an exact decimal (0.29, say) is not
    /// cut below it.
    pub fn trunc_scaled(self, places: u32) -> i64 {
        let p = POW10[places.min(9) as usize];
        match self {
            Exact::Frac(n, d) => match n.checked_mul(p) {
                Some(np) => np / d,
                None => (self.get() * p as f64).trunc() as i64,
            },
            Exact::Float(x) => {
                let nine = (x * 1e9).round() / 1e9;
                let s = nine * p as f64;
                // Again within rounding error of a whole number: that whole number.
                let r = s.round();
                if (s - r).abs() <= 1e-6 {
                    r as i64
                } else {
                    s.trunc() as i64
                }
            }
        }
    }
}

impl PartialEq for Exact {
    fn eq(&self, o: &Exact) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Exact {}

impl PartialOrd for Exact {
    fn partial_cmp(&self, o: &Exact) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// Exact where both are exact; floats by their total order otherwise.
impl Ord for Exact {
    fn cmp(&self, o: &Exact) -> Ordering {
        if let (Exact::Frac(a, b), Exact::Frac(c, d)) = (*self, *o) {
            if let (Some(x), Some(y)) = (a.checked_mul(d), c.checked_mul(b)) {
                return x.cmp(&y);
            }
        }
        self.get().total_cmp(&o.get())
    }
}

/// Written as a JSON number (the nearest float).
impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.get())
    }
}

impl From<i64> for Exact {
    fn from(i: i64) -> Exact {
        Exact::int(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_as_written() {
        assert_eq!(Exact::from_decimal(0.2), Exact::frac(1, 5));
        assert_eq!(Exact::from_decimal(62.5), Exact::frac(125, 2));
        assert_eq!(Exact::from_decimal(1000.0), Exact::int(1000));
        assert_eq!(
            Exact::from_decimal(0.000000001),
            Exact::frac(1, 1_000_000_000)
        );
        assert!(Exact::from_decimal(0.1 + 0.2).is_exact()); // 0.30000000000000004 is 0.3 within its error
        assert!(!Exact::from_decimal(1.0 / 3.0).is_exact());
    }

    #[test]
    fn weights_of_tenths_give_an_exact_45() {
        // (0.2×1 + 0.3×2 + 0.5×4) / 1 = 2.8 on 1 to 5: (2.8 - 1) / 4 × 100 = 45.
        let w = [0.2, 0.3, 0.5].map(Exact::from_decimal);
        let v = [1, 2, 4].map(Exact::int);
        let sum = w
            .iter()
            .zip(&v)
            .fold(Exact::ZERO, |s, (w, v)| s.add(w.mul(*v)));
        let total = w.iter().fold(Exact::ZERO, |s, w| s.add(*w));
        let value = sum.div(total);
        assert_eq!(value, Exact::frac(14, 5));
        let percent = value
            .sub(Exact::int(1))
            .div(Exact::int(4))
            .mul(Exact::int(100));
        assert_eq!(percent, Exact::int(45));
        assert_eq!(percent.get(), 45.0);
        // The same in floats is not 45.
        assert_ne!(
            (0.2 * 1.0 + 0.3 * 2.0 + 0.5 * 4.0 - 1.0) / 4.0 * 100.0,
            45.0
        );
    }

    #[test]
    fn overflow_continues_as_a_float() {
        let big = Exact::frac(i64::MAX - 1, 5);
        let sum = big.add(big);
        assert!(!sum.is_exact());
        assert!((sum.get() / (i64::MAX as f64 * 2.0 / 5.0) - 1.0).abs() < 1e-12);
        let tiny = Exact::frac(1, i64::MAX / 2).mul(Exact::frac(1, 3));
        assert!(!tiny.is_exact());
    }

    #[test]
    fn comparison_is_exact() {
        let a = Exact::frac(1275, 16); // 79.6875
        assert!(a < Exact::int(80));
        assert_eq!(Exact::frac(160, 2), Exact::int(80));
        assert!(Exact::frac(-1, 3) < Exact::ZERO);
        assert_eq!(Exact::frac(3, -6), Exact::frac(-1, 2));
    }

    #[test]
    fn cut_toward_zero_at_the_places_shown() {
        assert_eq!(Exact::frac(1275, 16).trunc_scaled(0), 79);
        assert_eq!(Exact::frac(1275, 16).trunc_scaled(2), 7968);
        assert_eq!(Exact::frac(65, 2).trunc_scaled(0), 32);
        assert_eq!(Exact::frac(-87, 10).trunc_scaled(0), -8);
        // A float standing for 0.29 is not cut to 0.28.
        assert_eq!(Exact::Float(0.29).trunc_scaled(2), 29);
        assert_eq!(Exact::Float(44.99999999999999).trunc_scaled(0), 45);
        assert_eq!(Exact::Float(79.6875).trunc_scaled(0), 79);
    }
}
