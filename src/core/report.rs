//! An import report in English sentences, for the facilitator: what this import added,
//! what was already there, how much could not be read, lines with no code, links a mail
//! filter hid, and a survey mapping waiting to be confirmed. Singular and plural agree
//! with the numbers ("1 self-check", "2 self-checks"; "1 was", "2 were"). The problems
//! themselves are listed by the page from `ImportReport::rejected`, each with its file,
//! line and reason.

#[cfg(feature = "importers")]
use crate::codec::survey::LabelAnswer;
use crate::core::team::ImportReport;

/// `n` and the noun that agrees with it: `count(1, "self-check", "self-checks")` is
/// "1 self-check".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn was(n: usize) -> &'static str {
    if n == 1 {
        "was"
    } else {
        "were"
    }
}

impl ImportReport {
    /// The report as sentences (see the module comment), in the order a facilitator
    /// reads them: what was added, what is waiting, what could not be read, what was
    /// passed over.
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        let source = if self.source.is_empty() {
            "the import"
        } else {
            &self.source
        };
        let (added, dup) = (self.added, self.duplicates);
        if !self.mapping_sentences(source, &mut out) {
            out.push(if added > 0 && dup > 0 {
                format!(
                    "Added {} from {source}; {dup} {} already there.",
                    count(added, "self-check", "self-checks"),
                    was(dup)
                )
            } else if added > 0 {
                format!(
                    "Added {} from {source}.",
                    count(added, "self-check", "self-checks")
                )
            } else if dup > 0 {
                format!(
                    "Nothing new from {source}: its {} {} already there.",
                    count(dup, "self-check", "self-checks"),
                    was(dup)
                )
            } else {
                format!("Nothing added from {source}.")
            });
        }
        if !self.rejected.is_empty() {
            out.push(format!("{} could not be read.", self.rejected.len()));
        }
        if self.no_code_lines > 0 {
            out.push(format!(
                "{} had no code.",
                count(self.no_code_lines, "line", "lines")
            ));
        }
        if self.hidden_links > 0 {
            let one = self.hidden_links == 1;
            out.push(format!(
                "{} rewritten by a mail filter that hides where {}: open {} and copy the address it goes to, if it is a self-check.",
                if one { "1 link was".to_string() } else { format!("{} links were", self.hidden_links) },
                if one { "it leads" } else { "they lead" },
                if one { "it" } else { "each" }
            ));
        }
        out
    }

    /// The sentences of a survey mapping waiting to be confirmed; false if none waits.
    #[cfg(feature = "importers")]
    fn mapping_sentences(&self, source: &str, out: &mut Vec<String>) -> bool {
        let Some(m) = &self.mapping else {
            return false;
        };
        out.push(format!(
            "{source} is a {} export with {}: check how its columns match the statements, then add it.",
            m.tool.name(),
            count(m.rows, "response", "responses")
        ));
        if !m.unmatched_statements.is_empty() {
            out.push(format!(
                "{} no column.",
                match m.unmatched_statements.len() {
                    1 => "1 statement has".to_string(),
                    n => format!("{n} statements have"),
                }
            ));
        }
        let unmapped = m
            .labels
            .iter()
            .filter(|l| l.answer == LabelAnswer::Unmapped)
            .count()
            + m.options.iter().filter(|o| o.option.is_none()).count();
        if unmapped > 0 {
            out.push(format!(
                "{} not mapped yet: a row that chose {} is not added until {} mapped.",
                match unmapped {
                    1 => "1 answer is".to_string(),
                    n => format!("{n} answers are"),
                },
                if unmapped == 1 { "it" } else { "one" },
                if unmapped == 1 { "it is" } else { "they are" }
            ));
        }
        true
    }

    #[cfg(not(feature = "importers"))]
    fn mapping_sentences(&self, _: &str, _: &mut Vec<String>) -> bool {
        false
    }

    /// The sentences as one paragraph.
    pub fn summary(&self) -> String {
        self.sentences().join(" ")
    }

    /// Adds `other` (a later import into the same set) to this report: counts add up,
    /// problems and unread lines follow on, the latest mapping stands. The page keeps
    /// one such report until the set changes otherwise (a round removed, the set
    /// cleared), when it starts again.
    pub fn merge(&mut self, other: ImportReport) {
        if self.source.is_empty() {
            self.source = other.source;
        } else if !other.source.is_empty() && other.source != self.source {
            self.source = format!("{} and {}", self.source, other.source);
        }
        self.format = self.format.or(other.format);
        self.read_as = self.read_as.take().or(other.read_as);
        self.added += other.added;
        self.duplicates += other.duplicates;
        self.untimed_duplicates += other.untimed_duplicates;
        self.rejected.extend(other.rejected);
        self.no_code_lines += other.no_code_lines;
        self.hidden_links += other.hidden_links;
        self.unread.extend(other.unread);
        #[cfg(feature = "importers")]
        if other.mapping.is_some() {
            self.mapping = other.mapping;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_and_plural() {
        assert_eq!(count(1, "self-check", "self-checks"), "1 self-check");
        assert_eq!(count(0, "self-check", "self-checks"), "0 self-checks");
        let mut r = ImportReport {
            source: "codes.txt".into(),
            added: 1,
            duplicates: 1,
            no_code_lines: 1,
            hidden_links: 1,
            ..ImportReport::default()
        };
        assert_eq!(
            r.sentences(),
            [
                "Added 1 self-check from codes.txt; 1 was already there.",
                "1 line had no code.",
                "1 link was rewritten by a mail filter that hides where it leads: open it and copy the address it goes to, if it is a self-check."
            ]
        );
        r.merge(ImportReport {
            source: "inbox.mbox".into(),
            added: 2,
            hidden_links: 1,
            ..ImportReport::default()
        });
        assert_eq!(
            r.sentences()[0],
            "Added 3 self-checks from codes.txt and inbox.mbox; 1 was already there."
        );
        assert!(r.sentences()[2].starts_with("2 links were rewritten"));
    }
}
