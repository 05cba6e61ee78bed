//! Every number the widget shows becomes text here, one small function per kind, so
//! that the one display rule for figures (`crate::core::num::shown`: cut toward zero
//! to the framework's places) applies in one place. The placeholders of the widget's
//! strings add the words and signs ("{percent}%").

use crate::core::exact::Exact;
use crate::core::framework::Framework;
use crate::core::num;

/// A score in percent, 0 to 100, cut toward zero to the framework's places: "72" for
/// 72.9, never rounded up onto a band it has not reached.
pub fn percent_text(fw: &Framework, p: Exact) -> String {
    num::shown(p, fw.places())
}

/// A team statistic in percent or points, or "–" where there is none.
pub fn stat_text(fw: &Framework, v: Option<Exact>) -> String {
    v.map_or_else(|| "–".to_string(), |x| percent_text(fw, x))
}

/// A share (0 to 1) as a percent, or "–".
pub fn share_text(fw: &Framework, v: Option<Exact>) -> String {
    stat_text(fw, v.map(|r| r.mul(Exact::int(100))))
}

/// A change in points with its sign: "+8", "-8", "0".
pub fn change_text(fw: &Framework, d: Exact) -> String {
    crate::core::team::signed(fw, d)
}

/// A count of statements, steps, responses or minutes.
pub fn count_text(n: usize) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_cut_toward_zero_to_the_frameworks_places() {
        let fw = crate::core::builtin::builtin("place-based-partnership").unwrap();
        // 72.916… and 62.5 are 72 and 62: never rounded up (the built-in framework's
        // bands are whole percents).
        assert_eq!(percent_text(&fw, Exact::frac(875, 12)), "72");
        assert_eq!(percent_text(&fw, Exact::frac(125, 2)), "62");
        assert_eq!(percent_text(&fw, Exact::ZERO), "0");
        assert_eq!(stat_text(&fw, None), "–");
        assert_eq!(share_text(&fw, Some(Exact::frac(3, 7))), "42");
        assert_eq!(change_text(&fw, Exact::frac(25, 3)), "+8");
        assert_eq!(change_text(&fw, Exact::frac(-25, 3)), "-8");
        assert_eq!(change_text(&fw, Exact::frac(1, 3)), "0");
        assert_eq!(count_text(24), "24");
    }
}
