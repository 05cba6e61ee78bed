//! Every number the widget shows becomes text here, one small function per kind, so
//! that the display rule for figures (`crate::core::num`) applies in one place. The
//! placeholders of the widget's strings add the words and signs ("{percent}%").

use crate::core::num;

/// A score in percent, 0 to 100: "73".
pub fn percent_text(p: f64) -> String {
    num::fmt(p, 0)
}

/// A team statistic in percent or points, or "–" where there is none.
pub fn stat_text(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), percent_text)
}

/// A share (0 to 1) as a percent, or "–".
pub fn share_text(v: Option<f64>) -> String {
    stat_text(v.map(|r| r * 100.0))
}

/// A count of statements, steps, responses or minutes.
pub fn count_text(n: usize) -> String {
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(percent_text(72.9166), "73");
        assert_eq!(percent_text(62.5), "63");
        assert_eq!(percent_text(0.0), "0");
        assert_eq!(stat_text(None), "–");
        assert_eq!(share_text(Some(0.4286)), "43");
        assert_eq!(count_text(24), "24");
    }
}
