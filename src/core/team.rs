//! Bringing a team's self-checks together: importing share codes, links, JSON and CSV
//! files (counting duplicates once and naming every rejected line), the change between
//! rounds, the biggest gaps between groups, and the aggregate as CSV.
//!
//! ## The identity rule
//!
//! Two responses are the same person's when they are for the same framework and
//! version, give the same answers and respondent fields, and were submitted at the same
//! instant (to the second, in UTC: `core::time` reads every form of a time first, so a
//! JSON file written with milliseconds and the share code of the same self-check are
//! one response). So importing the same file or the same codes again adds nobody.
//! Comments do not count: a share code may have left them out, so a response read
//! with comments after the same one without them adds its comments to it.
//!
//! A response with no submission time cannot be told apart from another person's with
//! the same answers, so within one file (or one paste) identical untimed responses are
//! different people, and importing again adds only as many copies as go beyond those
//! already held: ten responses without times, four repeating another's answers, are ten
//! people, and the same ten again add none.

use crate::codec::intake::Format;
use crate::codec::sharecode;
#[cfg(feature = "importers")]
use crate::codec::survey::Mapping;
use crate::core::aggregation::{Aggregate, Change, FoundationStats, Withheld};
use crate::core::exact::Exact;
use crate::core::framework::Framework;
use crate::core::gather::{gather, Candidate, ImportOptions, Input};
use crate::core::issue::Issue;
use crate::core::num;
use crate::core::reader::{parse_json_limited, type_name};
use crate::core::response::Response;

/// The largest file a facilitator can import.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The most responses a team set holds.
pub const MAX_RESPONSES: usize = 50_000;

/// What an import did: `{ source, format, readAs, added, duplicates,
/// untimedDuplicates, rejected: [{ path, message }], noCodeLines, hiddenLinks, unread,
/// mapping }` in JavaScript. [`ImportReport::sentences`] says it in English. A build
/// without the importers (the self-check embed) writes added, duplicates,
/// untimedDuplicates and rejected alone.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// What was imported: the file's name, or "pasted text".
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub source: String,
    /// What it was read as; `None` when it could not be read at all.
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub format: Option<Format>,
    /// How it was read, in words ("CSV separated by semicolons, UTF-16", "sheet
    /// \"Form1\"", "3 messages"), when there is more to say than the format.
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub read_as: Option<String>,
    pub added: usize,
    /// Responses already in the set, by the identity rule (the identity rule of the module comment): not added.
    pub duplicates: usize,
    /// Of those, the ones with no submission time (the same answers as a response
    /// already loaded, so taken to be the same person).
    pub untimed_duplicates: usize,
    /// One problem per rejected line, record or file.
    pub rejected: Vec<Issue>,
    /// Lines of text (pasted, or an e-mail's) with nothing like a share code: greetings,
    /// signatures. Not problems; counted so the report can say so.
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub no_code_lines: usize,
    /// Links rewritten by a mail filter that hides where they lead (`codec::scan`).
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub hidden_links: usize,
    /// The lines that held something like a share code but gave no response, as they
    /// were: a paste box keeps these for correcting and adding again (what was added
    /// from them is not added twice).
    #[cfg_attr(not(feature = "importers"), serde(skip))]
    pub unread: Vec<String>,
    /// A survey export's mapping to confirm: nothing was added; import again with the
    /// confirmed mapping ([`ImportOptions::mapping`]).
    #[cfg(feature = "importers")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Mapping>,
}

/// Adds the responses in `text` to `set`: a JSON file (a list of responses, one
/// response, or an export `{ "responses": [...] }`), a CSV export, or share codes and
/// share links, one or more per line (a `#fc-team=` link carries several, by commas).
/// Responses already in the set are counted as duplicates, not added twice; anything
/// that cannot be read is reported with where it was, and the rest is kept. `source`
/// names the file or "pasted text" in messages.
pub fn import(fw: &Framework, set: &mut Vec<Response>, source: &str, text: &str) -> ImportReport {
    import_input(
        fw,
        set,
        source,
        Input::Text(text.to_string()),
        ImportOptions::default(),
    )
}

/// Adds the responses in `input` (text, or a file's bytes) to `set`, as [`import`]
/// does, reading every form `core::gather` knows: also saved e-mails and mailboxes,
/// CSV in any dialect and encoding, `.xlsx` workbooks, and survey exports (given the
/// confirmed mapping in `options`; without one, the report holds the mapping and
/// nothing is added).
pub fn import_input(
    fw: &Framework,
    set: &mut Vec<Response>,
    source: &str,
    input: Input,
    options: ImportOptions,
) -> ImportReport {
    let mut job = Import::with(source, input, options);
    while !job.step(fw, set, usize::MAX) {}
    job.finish()
}

/// The responses in `input` that are not already in `loaded` (by the identity rule of
/// the module comment), and the report: what the npm API's `importResponses` returns.
/// `loaded` is not changed.
pub fn import_new(
    fw: &Framework,
    loaded: &[Response],
    source: &str,
    input: Input,
    options: ImportOptions,
) -> (Vec<Response>, ImportReport) {
    let mut set = loaded.to_vec();
    let report = import_input(fw, &mut set, source, input, options);
    (set.split_off(loaded.len()), report)
}

/// Why an input of `len` bytes is not imported, if it is too large.
pub fn size_problem(len: usize) -> Option<String> {
    (len > MAX_IMPORT_BYTES).then(|| {
        format!(
            "is {} MB; files of up to {} MB can be imported",
            len / 1_000_000,
            MAX_IMPORT_BYTES / 1_000_000
        )
    })
}

/// An import done a little at a time, so that a page stays responsive while it reads
/// thousands of responses: the first [`Import::step`] sorts out what the text is (and
/// reads a CSV file); each later one does a bounded amount of work: reading responses, then
/// noting the ones already in the set, then adding the new ones; [`Import::finish`]
/// gives the report. The result is the same as [`import`]'s.
pub struct Import {
    source: String,
    input: Input,
    options: ImportOptions,
    /// JSON text, read a response at a time.
    text: String,
    prepared: bool,
    /// JSON: where each response is in `text`, and the path of the list ("" or
    /// "responses"); `None` for a single response object.
    items: Vec<std::ops::Range<usize>>,
    base: Option<&'static str>,
    /// Share codes to decode.
    codes: Vec<Candidate>,
    /// The lines the codes are on, and whether one of them could not be read.
    lines: Vec<(String, bool)>,
    next: usize,
    found: Vec<Response>,
    /// Hashes of the responses in the set (to the index of one with that hash), built
    /// `indexed` at a time, then `added` of `found` are placed.
    seen: std::collections::HashMap<u64, usize>,
    /// Responses with no submission time: how many of each the set held before this
    /// import, and how many this import has met (the identity rule of the module comment).
    held: std::collections::HashMap<u64, usize>,
    met: std::collections::HashMap<u64, usize>,
    indexed: usize,
    added: usize,
    full: bool,
    report: ImportReport,
}

/// A hash of what the identity rule compares (comments aside: a share code may have
/// left them out).
fn hash(r: &Response) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    r.identity_hash(&mut h);
    h.finish()
}

impl Import {
    /// An import of `text`, named `source` in messages. Nothing is read until the
    /// first [`Import::step`].
    pub fn new(source: &str, text: String) -> Import {
        Import::with(source, Input::Text(text), ImportOptions::default())
    }

    /// An import of `input` (text or a file's bytes), read as `options` say (see
    /// [`import_input`]).
    pub fn with(source: &str, input: Input, options: ImportOptions) -> Import {
        Import {
            source: source.to_string(),
            input,
            options,
            text: String::new(),
            prepared: false,
            items: Vec::new(),
            base: None,
            codes: Vec::new(),
            lines: Vec::new(),
            next: 0,
            found: Vec::new(),
            seen: std::collections::HashMap::new(),
            held: std::collections::HashMap::new(),
            met: std::collections::HashMap::new(),
            indexed: 0,
            added: 0,
            full: false,
            report: ImportReport {
                source: source.to_string(),
                ..ImportReport::default()
            },
        }
    }

    /// Sorts out what the input is, and finds the responses in it (`core::gather`).
    fn prepare(&mut self, fw: &Framework) {
        let input = std::mem::take(&mut self.input);
        if let Some(problem) = size_problem(input.len()) {
            self.reject(problem);
            return;
        }
        let g = gather(fw, &self.source, input, &self.options);
        self.report.format = g.format;
        self.report.read_as = g.read_as;
        self.report.no_code_lines = g.no_code_lines;
        self.report.hidden_links = g.hidden_links;
        #[cfg(feature = "importers")]
        {
            self.report.mapping = g.mapping;
        }
        self.report.rejected.extend(g.rejected);
        self.found = g.found;
        self.codes = g.codes;
        self.lines = g.lines.into_iter().map(|l| (l, false)).collect();
        let Some(text) = g.json else { return };
        let body = text.trim_start_matches('\u{feff}').trim_start();
        let skip = text.len() - body.len();
        // The responses are found without building the whole document (each is
        // read on its own later); a document that is not laid out as expected is
        // parsed whole, for the same messages as ever.
        match json_items(body.as_bytes()) {
            Some((items, base)) => {
                self.items = items
                    .into_iter()
                    .map(|r| r.start + skip..r.end + skip)
                    .collect();
                self.base = base;
                self.text = text;
            }
            None => match parse_json_limited(body, MAX_IMPORT_BYTES) {
                // Not JSON after all (a paste that starts "[EXTERNAL] Re: codes", as
                // Outlook marks a subject): its share codes, if it has any.
                Err(e) if self.options.format != Some(Format::Json) => {
                    let codes = ImportOptions {
                        format: Some(Format::Text),
                        ..ImportOptions::default()
                    };
                    let g = gather(fw, &self.source, Input::Text(text), &codes);
                    if g.codes.is_empty() {
                        self.reject(e.message);
                    } else {
                        self.report.format = g.format;
                        self.report.no_code_lines = g.no_code_lines;
                        self.report.hidden_links = g.hidden_links;
                        self.codes = g.codes;
                        self.lines = g.lines.into_iter().map(|l| (l, false)).collect();
                    }
                }
                Err(e) => self.reject(e.message),
                Ok(v) => self.reject(format!(
                    "expected a list of responses, found {}",
                    type_name(&v)
                )),
            },
        }
    }

    fn reject(&mut self, message: String) {
        self.report
            .rejected
            .push(Issue::new(self.source.clone(), message));
    }

    /// How many responses have been read, of how many.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.items.len() + self.codes.len())
    }

    /// Does up to `count` units of work (reading a response, noting one already in
    /// `set`, or adding one); true when all is done.
    pub fn step(&mut self, fw: &Framework, set: &mut Vec<Response>, count: usize) -> bool {
        if !self.prepared {
            self.prepare(fw);
            self.prepared = true;
            if count != usize::MAX {
                return false;
            }
        }
        let total = self.items.len() + self.codes.len();
        let mut budget = count;
        // Each response is read straight into a `Response` when it is plainly valid,
        // and parsed and checked as before (for the messages) when it is not.
        #[cfg(any(feature = "api", feature = "team"))]
        let fast = crate::codec::fast::Fast::new(fw, usize::MAX);
        while budget > 0 && self.next < total {
            budget -= 1;
            let k = self.next;
            self.next += 1;
            if let Some(range) = self.items.get(k) {
                #[cfg(any(feature = "api", feature = "team"))]
                let quick = fast.one_from_str(&self.text[range.clone()]);
                #[cfg(not(any(feature = "api", feature = "team")))]
                let quick = None;
                let path = || match self.base {
                    None => String::new(),
                    Some(base) => format!("{base}[{k}]"),
                };
                let read = match quick {
                    Some(r) => Ok(r),
                    None => crate::codec::json::parse(&self.text[range.clone()])
                        .map_err(|e| vec![Issue::new(path(), format!("not valid JSON: {e}"))])
                        .and_then(|v| Response::from_value(fw, &v, &path())),
                };
                match read {
                    Ok(r) => self.found.push(r),
                    Err(e) => self.reject(e.first().map(Issue::to_string).unwrap_or_default()),
                }
            } else {
                let c = &self.codes[k - self.items.len()];
                let read = if c.code.is_empty() {
                    Err(Issue::new(
                        "",
                        "the link ends at fc= with no code after it: it was cut off when it was copied",
                    ))
                } else {
                    sharecode::decode(fw, &c.code)
                };
                match read {
                    Ok(r) => self.found.push(r),
                    Err(e) => {
                        self.report
                            .rejected
                            .push(Issue::new(c.at.clone(), e.message));
                        self.lines[c.line].1 = true;
                    }
                }
            }
        }
        // Hashing keeps duplicate detection fast for tens of thousands of responses.
        while budget > 0 && self.indexed < set.len() {
            budget -= 1;
            let h = hash(&set[self.indexed]);
            self.seen.entry(h).or_insert(self.indexed);
            if set[self.indexed].submitted_at.is_none() {
                *self.held.entry(h).or_default() += 1;
            }
            self.indexed += 1;
        }
        while budget > 0 && self.added < self.found.len() && !self.full {
            budget -= 1;
            let r = &self.found[self.added];
            self.added += 1;
            let h = hash(r);
            let held = self
                .seen
                .get(&h)
                .copied()
                .filter(|&i| set[i].same_person(r));
            let same = held.is_some();
            // The identity rule (the module comment): a timed response is one person
            // wherever it appears; untimed ones are as many people as the most copies
            // any one import has brought.
            let duplicate = same
                && match r.submitted_at {
                    Some(_) => true,
                    None => {
                        let met = self.met.entry(h).or_default();
                        *met += 1;
                        *met <= self.held.get(&h).copied().unwrap_or(0)
                    }
                };
            if duplicate {
                // The same self-check with its comments (from JSON or CSV) after its
                // share code without them: the comments join the one held.
                if let Some(i) = held {
                    if set[i].comments.is_empty() && !r.comments.is_empty() {
                        set[i].comments = r.comments.clone();
                    }
                }
                self.report.duplicates += 1;
                if r.submitted_at.is_none() {
                    self.report.untimed_duplicates += 1;
                }
            } else if set.len() >= MAX_RESPONSES {
                self.full = true;
                let message = format!("the set is full ({MAX_RESPONSES} responses)");
                self.reject(message);
            } else {
                if r.submitted_at.is_none() {
                    // Counted as met by this import, so a further copy is a new person.
                    if !same {
                        *self.met.entry(h).or_default() += 1;
                    }
                }
                self.seen.entry(h).or_insert(set.len());
                set.push(r.clone());
                self.indexed = set.len();
                self.report.added += 1;
            }
        }
        budget > 0
    }

    /// What the import did.
    pub fn finish(mut self) -> ImportReport {
        self.report.unread = self
            .lines
            .into_iter()
            .filter(|(_, failed)| *failed)
            .map(|(l, _)| l)
            .collect();
        self.report
    }
}

/// Where the responses are in a JSON document: the items of a top-level list (path
/// ""), of the `responses` list of an object (path "responses"), or the whole of an
/// object without one (a single response, no path). The items themselves are checked
/// when they are read; `None` when the document is not laid out like this.
fn json_items(b: &[u8]) -> Option<(Vec<std::ops::Range<usize>>, Option<&'static str>)> {
    let start = skip_ws(b, 0);
    let (items, base, end) = match b.get(start)? {
        b'[' => {
            let (items, end) = list_items(b, start)?;
            (items, Some(""), end)
        }
        b'{' => {
            // Look for a "responses" key among the object's own keys.
            let mut found = None;
            let mut i = skip_ws(b, start + 1);
            if b.get(i) == Some(&b'}') {
                i += 1;
            } else {
                loop {
                    if b.get(i) != Some(&b'"') {
                        return None;
                    }
                    let key_end = skip_value(b, i)?;
                    let key = std::str::from_utf8(&b[i..key_end]).ok()?;
                    let key = crate::codec::json::parse(key).ok()?;
                    let colon = skip_ws(b, key_end);
                    if b.get(colon) != Some(&b':') {
                        return None;
                    }
                    let v = skip_ws(b, colon + 1);
                    let v_end = skip_value(b, v)?;
                    if key.as_str() == Some("responses") {
                        found = Some(v);
                    }
                    i = skip_ws(b, v_end);
                    match b.get(i)? {
                        b',' => i = skip_ws(b, i + 1),
                        b'}' => {
                            i += 1;
                            break;
                        }
                        _ => return None,
                    }
                }
            }
            match found {
                #[allow(clippy::single_range_in_vec_init)] // one item: the whole object
                None => (vec![start..i], None, i),
                Some(v) if b[v] == b'[' => (list_items(b, v)?.0, Some("responses"), i),
                Some(_) => return None,
            }
        }
        _ => return None,
    };
    (skip_ws(b, end) == b.len()).then_some((items, base))
}

/// The items of the list that starts at `b[open]`, and where the list ends.
fn list_items(b: &[u8], open: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
    let mut items = Vec::new();
    let mut i = skip_ws(b, open + 1);
    if b.get(i) == Some(&b']') {
        return Some((items, i + 1));
    }
    loop {
        let end = skip_value(b, i)?;
        if end == i {
            return None;
        }
        items.push(i..end);
        i = skip_ws(b, end);
        match b.get(i)? {
            b',' => i = skip_ws(b, i + 1),
            b']' => return Some((items, i + 1)),
            _ => return None,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The end of the JSON value that starts at `b[i]`, by brackets and strings only (the
/// value itself is checked when it is parsed); `None` if it does not end.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                if depth == 0 {
                    return Some(i - 1); // the end of a number, true, false or null
                }
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' | b':' if depth == 0 => return Some(i - 1),
            _ => {}
        }
    }
    (depth == 0 && !in_string).then_some(i)
}

/// Foundations by the gap between the highest and lowest published group medians,
/// biggest first; `(foundation index, gap)`. Only figures that are published count: a
/// withheld figure never makes a gap.
pub fn group_gaps(agg: &Aggregate) -> Vec<(usize, Option<Exact>)> {
    let n = agg.foundations.len();
    let mut gaps: Vec<(usize, Option<Exact>)> = (0..n)
        .map(|i| {
            let medians: Vec<Exact> = agg
                .groups
                .iter()
                .filter(|g| !g.suppressed)
                .filter_map(|g| g.foundations.get(i).and_then(|f| f.median))
                .collect();
            let gap = (medians.len() >= 2).then(|| {
                let hi = medians.iter().copied().fold(medians[0], Exact::max);
                let lo = medians.iter().copied().fold(medians[0], Exact::min);
                hi.sub(lo)
            });
            (i, gap)
        })
        .collect();
    // Biggest first; foundations without a gap last, in framework order.
    gaps.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    gaps
}

/// Where the partnership stands overall: the mean of the published foundation
/// medians, exactly, with its band (on the scale basis, converted with the first
/// foundation's range). `None` when no median is published.
pub fn overall<'a>(
    fw: &'a Framework,
    agg: &Aggregate,
) -> Option<(Exact, Option<&'a crate::core::framework::Level>)> {
    let medians: Vec<Exact> = agg.foundations.iter().filter_map(|f| f.median).collect();
    if medians.is_empty() {
        return None;
    }
    let m = medians
        .iter()
        .fold(Exact::ZERO, |a, x| a.add(*x))
        .div_int(medians.len());
    let value = fw
        .foundations
        .first()
        .map_or(m, |f| fw.percent_to_value(f, m));
    Some((m, fw.band(m, value)))
}

/// Where people disagree, as a plain sentence in the table's units (percent points),
/// when the framework has a consensus rule: the most split foundation, or, when no
/// foundation is split, that people broadly agree. `None` without a consensus rule or
/// without a published figure. The spread is each foundation's own
/// ([`Framework::spread_points`]): where foundations are on scales of different
/// ranges and the rule is in scale points, the sentence of agreement names no single
/// figure.
pub fn disagreement(fw: &Framework, agg: &Aggregate) -> Option<String> {
    let c = fw.consensus.as_ref()?;
    let spreads: Vec<Exact> = fw
        .foundations
        .iter()
        .filter_map(|f| fw.spread_points(f))
        .collect();
    let shown_spread = |i: usize| num::shown(spreads[i], fw.places());
    let worst = agg
        .foundations
        .iter()
        .enumerate()
        .filter(|(_, f)| f.split)
        .filter_map(|(i, f)| f.outside.map(|o| (i, o)))
        .fold(None, |best: Option<(usize, Exact)>, (i, o)| match best {
            Some((_, b)) if b >= o => best,
            _ => Some((i, o)),
        });
    let most = num::shown(Exact::from_decimal(c.max_outside).mul(Exact::int(100)), 0);
    match worst {
        Some((i, share)) => Some(format!(
            "People disagree most about {}: {}% are more than {} points from the median.",
            fw.foundations[i].label().to_lowercase(),
            num::shown(share.mul(Exact::int(100)), 0),
            shown_spread(i)
        )),
        None if agg.foundations.iter().any(|f| f.outside.is_some()) => {
            if spreads.windows(2).all(|w| w[0] == w[1]) {
                Some(format!(
                    "People broadly agree: on every foundation, at most {most}% are more than {} points from the median.",
                    shown_spread(0)
                ))
            } else {
                Some(format!(
                    "People broadly agree: on every foundation, at most {most}% are further from the median than its consensus spread."
                ))
            }
        }
        None => None,
    }
}

/// A figure in the CSV: cut toward zero to the framework's places (`num::shown`).
fn cell(fw: &Framework, v: Option<Exact>) -> String {
    v.map_or_else(String::new, |x| num::shown(x, fw.places()))
}

/// A change in points with its sign: "+8", "-8", "0".
pub fn signed(fw: &Framework, d: Exact) -> String {
    let text = num::shown(d, fw.places());
    if d > Exact::ZERO && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("+{text}")
    } else {
        text
    }
}

/// Why a figure is withheld, in words.
pub fn withheld_text(agg: &Aggregate, why: Withheld) -> String {
    match why {
        Withheld::FewerThanMinimum => {
            format!("withheld: fewer than {} people", agg.min_group_size)
        }
        Withheld::Complementary => {
            "withheld: with the other figures it would reveal a small group".into()
        }
    }
}

fn stats_row(fw: &Framework, agg: &Aggregate, group: &str, f: &FoundationStats) -> Vec<String> {
    let name = fw
        .foundations
        .iter()
        .find(|x| x.id == f.id)
        .map_or(f.id.as_str(), |x| x.name.as_str());
    if let Some(why) = f.withheld {
        let mut r = vec![group.to_string(), name.to_string(), String::new()];
        r.extend(std::iter::repeat_n(String::new(), 8));
        r.push(withheld_text(agg, why));
        r.extend([String::new(), String::new(), String::new()]);
        return r;
    }
    let band = f
        .band
        .as_deref()
        .and_then(|b| fw.level(b))
        .map_or("", |l| l.label.as_str());
    let change = match (f.delta, f.change) {
        (Some(d), Some(c)) => {
            let judged = match c {
                Change::Up => "clear rise",
                Change::Down => "clear fall",
                Change::Steady => "no clear change",
            };
            // A plain number in the CSV (a spreadsheet reads "+8" as a formula).
            (num::shown(d, fw.places()), judged.to_string())
        }
        _ => (String::new(), String::new()),
    };
    vec![
        group.to_string(),
        name.to_string(),
        f.n.to_string(),
        cell(fw, f.median),
        cell(fw, f.q1),
        cell(fw, f.q3),
        cell(fw, f.mean),
        cell(fw, f.sd.map(Exact::Float)),
        cell(fw, f.min),
        cell(fw, f.max),
        cell(fw, f.dont_know_rate.map(|r| r.mul(Exact::int(100)))),
        band.to_string(),
        if f.split { "yes".into() } else { "no".into() },
        change.0,
        change.1,
    ]
}

/// The aggregate as CSV (UTF-8 with BOM, quoted, formulas neutralised): one row per
/// foundation for everyone, then per published group; suppressed groups show only
/// that they are suppressed.
pub fn aggregate_csv(fw: &Framework, agg: &Aggregate) -> String {
    let mut rows: Vec<Vec<String>> = vec![[
        "group",
        "foundation",
        "n",
        "median %",
        "q1 %",
        "q3 %",
        "mean %",
        "sd",
        "min %",
        "max %",
        "don't know %",
        "band (median)",
        "split",
        "change in median",
        "change (rank test)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()];
    for f in &agg.foundations {
        rows.push(stats_row(
            fw,
            agg,
            &format!("Everyone (n={})", agg.respondents),
            f,
        ));
    }
    for g in &agg.groups {
        let label = fw
            .field(&g.field)
            .and_then(|f| f.options.iter().find(|o| o.id == g.option))
            .map_or(g.option.clone(), |o| o.label.clone());
        if g.suppressed {
            let mut r = vec![label, "(all)".into(), String::new()];
            r.extend(std::iter::repeat_n(String::new(), 8));
            r.push(if g.n > 0 && g.n < agg.min_group_size {
                withheld_text(agg, Withheld::FewerThanMinimum)
            } else {
                withheld_text(agg, Withheld::Complementary)
            });
            r.extend([String::new(), String::new(), String::new()]);
            rows.push(r);
        } else {
            for f in &g.foundations {
                rows.push(stats_row(fw, agg, &label, f));
            }
        }
    }
    crate::codec::csv::rows_to_csv(&rows)
}
