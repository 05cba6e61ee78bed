//! Responses read straight from any serde data format into [`Response`]s: JSON text
//! (serde_json), JavaScript values (serde-wasm-bindgen, in the npm API), without the
//! JSON value tree ([`crate::codec::json::Value`]) that the validating reader
//! ([`Response::from_value`]) reads. Each answer's item is found once in the
//! framework's sorted ids and the answers are kept in that order, so nothing is
//! searched or moved again.
//!
//! It reads only what is plainly valid. At the first thing that is not (an unknown
//! field, a number outside the scale, a key written twice, a value of another type, a
//! size over the limit), it gives up, and the caller reads the same input again with
//! the validating reader, whose messages name the path and the problem: so what is
//! accepted, and every message, is exactly as before. The data format is asked for
//! each value exactly as [`crate::codec::json::read_value`] asks it
//! (`deserialize_any`, keys as text), so both see the same values; a property test
//! holds the two readers to the same responses for valid and invalid inputs alike.

use crate::core::framework::{limits, Framework, Scale};
use crate::core::reader::char_count;
use crate::core::response::{normalise_submitted_at, Answer, Response};
use litemap::LiteMap;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// A reader of responses to one framework, no larger in all than about `limit` bytes
/// of JSON (counted as [`crate::codec::json::read_value`] counts them).
pub struct Fast<'a> {
    fw: &'a Framework,
    /// The items in id order (the order of a response's answers), with their scales.
    items: Vec<(&'a String, &'a Scale)>,
    size: Cell<usize>,
    /// The limit of a JavaScript value, counted as it is read.
    max: usize,
    /// The limit now (none for text, whose length is checked before).
    limit: Cell<usize>,
}

/// Gives up: the validating reader reads the input again and says what is wrong.
fn no<E: de::Error>() -> E {
    E::custom("not plainly valid")
}

impl<'a> Fast<'a> {
    pub fn new(fw: &'a Framework, limit: usize) -> Fast<'a> {
        Fast {
            fw,
            items: fw.items_by_id().collect(),
            size: Cell::new(0),
            max: limit,
            limit: Cell::new(limit),
        }
    }

    /// Counts `bytes` towards the limit; gives up beyond it.
    fn grow<E: de::Error>(&self, bytes: usize) -> Result<(), E> {
        let size = self.size.get().saturating_add(bytes);
        self.size.set(size);
        if size > self.limit.get() {
            return Err(no());
        }
        Ok(())
    }

    /// A list of responses, or `None` when anything in it is not plainly valid.
    pub fn list<'de, D: Deserializer<'de>>(&self, d: D) -> Option<Vec<Response>> {
        self.size.set(0);
        self.limit.set(self.max);
        d.deserialize_any(ListSeed(self)).ok()
    }

    /// One response, or `None` when anything in it is not plainly valid.
    pub fn one<'de, D: Deserializer<'de>>(&self, d: D) -> Option<Response> {
        self.size.set(0);
        self.limit.set(self.max);
        d.deserialize_any(ResponseSeed(self)).ok()
    }

    /// A list of responses in JSON text (as [`crate::core::reader::parse_json_limited`]
    /// reads it: no longer than the limit, a byte order mark passed over).
    pub fn list_from_str(&self, text: &str) -> Option<Vec<Response>> {
        if text.len() > self.max {
            return None;
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut d = serde_json::Deserializer::from_str(text);
        self.size.set(0);
        self.limit.set(usize::MAX);
        let got = d.deserialize_any(ListSeed(self)).ok()?;
        d.end().ok()?;
        Some(got)
    }

    /// A list of responses in the JSON text of JavaScript values that are plain JSON
    /// data (`web/plain-json.js`): what the text holds is what serde-wasm-bindgen would
    /// give value by value, so the limit is counted as [`Fast::list`] counts it.
    pub fn list_from_plain_json(&self, text: &str) -> Option<Vec<Response>> {
        let mut d = serde_json::Deserializer::from_str(text);
        let got = self.list(&mut d)?;
        d.end().ok()?;
        Some(got)
    }

    /// One response in JSON text.
    pub fn one_from_str(&self, text: &str) -> Option<Response> {
        let mut d = serde_json::Deserializer::from_str(text);
        self.size.set(0);
        self.limit.set(usize::MAX);
        let got = d.deserialize_any(ResponseSeed(self)).ok()?;
        d.end().ok()?;
        Some(got)
    }

    fn item(&self, id: &str) -> Option<usize> {
        self.items
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
    }
}

// Every visitor here gives up on what it was not written for: a `Visitor`'s
// methods left out refuse their value.

struct ListSeed<'f, 'a>(&'f Fast<'a>);

impl<'de> Visitor<'de> for ListSeed<'_, '_> {
    type Value = Vec<Response>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of responses")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        self.0.grow(2)?;
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(100_000));
        while let Some(r) = seq.next_element_seed(Seed(ResponseSeed(self.0)))? {
            out.push(r);
        }
        Ok(out)
    }
}

/// A visitor used as a seed: the value is asked for with `deserialize_any`.
struct Seed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Seed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_any(self.0)
    }
}

/// A key, read as text (as `read_value` reads keys) and handed to `f`.
struct Key<F>(F);

impl<'de, T, F: FnOnce(&str) -> Option<T>> DeserializeSeed<'de> for Key<F> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_string(self)
    }
}

impl<'de, T, F: FnOnce(&str) -> Option<T>> Visitor<'de> for Key<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).ok_or_else(no)
    }
}

/// What `read_value` makes of a scalar (null, a whole number, text), with the bytes it
/// counts for it; anything else gives up.
enum Scalar<'s> {
    Null,
    Whole(i64),
    Text(&'s str),
}

struct ScalarSeed<'f, 'a, F>(&'f Fast<'a>, F);

/// A scalar handed to `f` (a function, so that its type holds for text of any
/// lifetime).
fn scalar<'f, 'a, T, F: FnOnce(Scalar) -> Option<T>>(
    fast: &'f Fast<'a>,
    f: F,
) -> Seed<ScalarSeed<'f, 'a, F>> {
    Seed(ScalarSeed(fast, f))
}

impl<'de, T, F: FnOnce(Scalar) -> Option<T>> Visitor<'de> for ScalarSeed<'_, '_, F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("null, a whole number or text")
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.0.grow(4)?;
        (self.1)(Scalar::Null).ok_or_else(no)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        self.visit_unit()
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.0.grow(8)?;
        (self.1)(Scalar::Whole(v)).ok_or_else(no)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Err(no()),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.0.grow(v.len() + 2)?;
        (self.1)(Scalar::Text(v)).ok_or_else(no)
    }
}

struct ResponseSeed<'f, 'a>(&'f Fast<'a>);

/// The fields of a response, as bits of a set.
const FRAMEWORK: u8 = 1;
const VERSION: u8 = 2;
const ANSWERS: u8 = 4;
const RESPONDENT: u8 = 8;
const COMMENTS: u8 = 16;
const SUBMITTED: u8 = 32;

impl<'de> Visitor<'de> for ResponseSeed<'_, '_> {
    type Value = Response;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a response")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response, A::Error> {
        let fast = self.0;
        let fw = fast.fw;
        fast.grow(2)?;
        let mut seen = 0u8;
        // Answers by the item's place in id order.
        let mut answers: Vec<Option<Answer>> = vec![None; fast.items.len()];
        let mut respondent = LiteMap::new();
        let mut comments = LiteMap::new();
        let mut submitted_at = None;
        let grow_key = |k: &str| {
            fast.size.set(fast.size.get().saturating_add(k.len() + 3));
        };
        while let Some(field) = map.next_key_seed(Key(|k: &str| {
            grow_key(k);
            Some(match k {
                "framework" => FRAMEWORK,
                "version" => VERSION,
                "answers" => ANSWERS,
                "respondent" => RESPONDENT,
                "comments" => COMMENTS,
                "submittedAt" => SUBMITTED,
                _ => return None,
            })
        }))? {
            fast.grow(0)?;
            if seen & field != 0 {
                return Err(no());
            }
            seen |= field;
            match field {
                FRAMEWORK | VERSION => {
                    let (want, max) = if field == FRAMEWORK {
                        (&fw.id, 100)
                    } else {
                        (&fw.version, limits::SHORT_TEXT_CHARS)
                    };
                    map.next_value_seed(scalar(fast, |s| match s {
                        Scalar::Text(t) if t == want && char_count(t) <= max => Some(()),
                        _ => None,
                    }))?;
                }
                SUBMITTED => {
                    submitted_at = map.next_value_seed(scalar(fast, |s| match s {
                        Scalar::Null => Some(None),
                        Scalar::Text(t) if char_count(t) <= 60 => {
                            normalise_submitted_at(fw, t).ok().map(Some)
                        }
                        _ => None,
                    }))?;
                }
                ANSWERS => {
                    map.next_value_seed(Seed(Entries {
                        fast,
                        most: fast.items.len(),
                        entry: &mut |k: &str| Some(fast.item(k).unwrap_or(UNKNOWN)),
                        value: &mut |item: usize, s: Scalar| {
                            let a = match s {
                                Scalar::Null => return Some(()),
                                Scalar::Text("dontKnow") => Answer::DontKnow,
                                Scalar::Whole(v) => Answer::Value(i32::try_from(v).ok()?),
                                Scalar::Text(_) => return None,
                            };
                            let scale = fast.items.get(item)?.1;
                            let ok = match a {
                                Answer::DontKnow => scale.dont_know.is_some(),
                                Answer::Value(v) => scale.contains(v),
                            };
                            let slot = answers.get_mut(item)?;
                            (ok && slot.is_none()).then(|| *slot = Some(a))
                        },
                    }))?;
                }
                RESPONDENT => {
                    map.next_value_seed(Seed(Entries {
                        fast,
                        most: usize::MAX,
                        entry: &mut |k: &str| fw.respondent_fields.iter().position(|f| f.id == k),
                        value: &mut |field: usize, s: Scalar| {
                            let f = fw.respondent_fields.get(field)?;
                            match s {
                                Scalar::Null => Some(()),
                                Scalar::Text(o) if f.options.iter().any(|c| c.id == o) => {
                                    respondent
                                        .insert(f.id.clone(), o.to_string())
                                        .is_none()
                                        .then_some(())
                                }
                                _ => None,
                            }
                        },
                    }))?;
                }
                _ => {
                    map.next_value_seed(Seed(Entries {
                        fast,
                        most: usize::MAX,
                        entry: &mut |k: &str| {
                            Some(
                                fw.foundations
                                    .iter()
                                    .position(|f| f.id == k)
                                    .unwrap_or(UNKNOWN),
                            )
                        },
                        value: &mut |foundation: usize, s: Scalar| {
                            if let Scalar::Null = s {
                                return Some(());
                            }
                            let id = &fw.foundations.get(foundation)?.id;
                            match s {
                                Scalar::Null => Some(()),
                                Scalar::Text(t) => {
                                    Response::check_comment(fw, id, t).ok()?;
                                    if t.trim().is_empty() {
                                        return Some(());
                                    }
                                    comments
                                        .insert(id.clone(), t.to_string())
                                        .is_none()
                                        .then_some(())
                                }
                                Scalar::Whole(_) => None,
                            }
                        },
                    }))?;
                }
            }
        }
        if seen & (FRAMEWORK | VERSION) != FRAMEWORK | VERSION {
            return Err(no());
        }
        let mut out = LiteMap::with_capacity(answers.iter().flatten().count());
        for (k, a) in answers.into_iter().enumerate() {
            if let (Some(a), Some((id, _))) = (a, fast.items.get(k)) {
                // In id order, so each is appended.
                if out.try_append((*id).clone(), a).is_some() {
                    return Err(no());
                }
            }
        }
        Ok(Response {
            framework: fw.id.clone(),
            version: fw.version.clone(),
            answers: out,
            respondent,
            comments,
            submitted_at,
        })
    }
}

/// The place of a key that is not known, whose value may only be null (the
/// validating reader passes over a null answer, or comment, without looking at its
/// key).
const UNKNOWN: usize = usize::MAX;

/// An object of scalars (or null), of at most `most` entries: each key found by
/// `entry` (a key it does not know, or one written twice, gives up), each value handed
/// to `value` with the key's place.
struct Entries<'f, 'a, 'c> {
    fast: &'f Fast<'a>,
    most: usize,
    entry: &'c mut dyn FnMut(&str) -> Option<usize>,
    value: &'c mut dyn FnMut(usize, Scalar) -> Option<()>,
}

impl<'de> Visitor<'de> for Entries<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object or null")
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.fast.grow(4)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fast = self.fast;
        fast.grow(2)?;
        // Keys seen, to give up on one written twice (JSON text can).
        let mut seen: Vec<u64> = Vec::new();
        let entry = self.entry;
        let value = self.value;
        let mut count = 0;
        while let Some(k) = map.next_key_seed(Key(|k: &str| {
            fast.size.set(fast.size.get().saturating_add(k.len() + 3));
            entry(k)
        }))? {
            fast.grow(0)?;
            count += 1;
            if count > self.most {
                return Err(no());
            }
            if k == UNKNOWN {
                map.next_value_seed(scalar(fast, |s| matches!(s, Scalar::Null).then_some(())))?;
                continue;
            }
            if seen.len() <= k / 64 {
                seen.resize(k / 64 + 1, 0);
            }
            let bit = 1u64 << (k % 64);
            if seen[k / 64] & bit != 0 {
                return Err(no());
            }
            seen[k / 64] |= bit;
            map.next_value_seed(scalar(fast, |s| value(k, s)))?;
        }
        Ok(())
    }
}

// (proptest is a dependency of the native tests only.)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    //! The fast reader against the validating one, on responses made at random from
    //! each framework's ids with every kind of fault: both must give the same responses,
    //! or the fast one must give up (and then only where the validating one finds a
    //! problem, or on a whole number written as 3.0, which it leaves to it).
    use super::*;
    use crate::codec::json::read_value;
    use crate::core::reader::parse_json_limited;
    use proptest::prelude::*;
    use serde_json::{json, Map, Value as J};

    fn frameworks() -> Vec<Framework> {
        let mut out = vec![crate::core::builtin::builtin("place-based-partnership").unwrap()];
        for text in [
            include_str!("../../frameworks/examples/pulse-check.json"),
            include_str!("../../frameworks/examples/maturity-matrix.json"),
            include_str!("../../frameworks/examples/partnership-questionnaire.json"),
        ] {
            let v = crate::core::reader::parse_json(text).unwrap();
            out.push(Framework::from_value(&v).unwrap());
        }
        out
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        /// True one time in `n`.
        fn one_in(&mut self, n: usize) -> bool {
            self.below(n) == 0
        }
    }

    /// Something that is never valid where a scalar is expected, or a near miss.
    fn odd(g: &mut Rng) -> J {
        [
            json!(true),
            json!([]),
            json!({}),
            json!(2.5),
            json!(3.0),
            json!(-1),
            json!(1e20),
            json!(9_007_199_254_740_993u64),
            json!("DontKnow"),
            json!(""),
            json!(" "),
            J::Null,
        ][g.below(12)]
        .clone()
    }

    fn response(fw: &Framework, g: &mut Rng, fault: usize) -> J {
        let mut m = Map::new();
        let put = |m: &mut Map<String, J>, k: &str, v: J| {
            m.insert(k.to_string(), v);
        };
        let wrong = |g: &mut Rng| g.one_in(fault);
        if !wrong(g) {
            put(&mut m, "framework", json!(fw.id));
        } else if g.one_in(2) {
            put(&mut m, "framework", odd(g));
        }
        if !wrong(g) {
            put(&mut m, "version", json!(fw.version));
        } else if g.one_in(2) {
            put(
                &mut m,
                "version",
                if g.one_in(2) { json!("9.9") } else { odd(g) },
            );
        }
        if wrong(g) {
            put(&mut m, "answers", odd(g));
        } else if !g.one_in(8) {
            let mut a = Map::new();
            let items: Vec<(&String, &Scale)> = fw.items_by_id().collect();
            for _ in 0..g.below(items.len() + 2) {
                let (id, scale) = items[g.below(items.len())];
                let v = if wrong(g) {
                    odd(g)
                } else if g.one_in(10) {
                    json!("dontKnow")
                } else if g.one_in(20) {
                    J::Null
                } else {
                    json!(scale.min + g.below((scale.max - scale.min + 1) as usize) as i32)
                };
                let id = if wrong(g) {
                    format!("{id}x")
                } else {
                    id.clone()
                };
                a.insert(id, v);
            }
            put(&mut m, "answers", J::Object(a));
        }
        if wrong(g) {
            put(&mut m, "respondent", odd(g));
        } else if !g.one_in(4) {
            let mut r = Map::new();
            for f in &fw.respondent_fields {
                if g.one_in(3) {
                    continue;
                }
                let v = if wrong(g) {
                    if g.one_in(2) {
                        json!("nobody")
                    } else {
                        odd(g)
                    }
                } else {
                    json!(f.options[g.below(f.options.len())].id)
                };
                r.insert(f.id.clone(), v);
            }
            if wrong(g) {
                r.insert("shoe-size".into(), json!("9"));
            }
            put(&mut m, "respondent", J::Object(r));
        }
        if wrong(g) {
            put(&mut m, "comments", odd(g));
        } else if g.one_in(2) {
            let mut c = Map::new();
            for f in &fw.foundations {
                if g.one_in(2) {
                    continue;
                }
                let v = match g.below(6) {
                    0 => J::Null,
                    1 => json!("   "),
                    2 => json!("x".repeat(5000)),
                    3 => json!(7),
                    _ => json!("More time together, and é ✓"),
                };
                c.insert(f.id.clone(), v);
            }
            put(&mut m, "comments", J::Object(c));
        }
        if g.one_in(2) {
            let t = match g.below(8) {
                0 => json!("22/11/2026 09:30"),
                1 => json!("yesterday"),
                2 => J::Null,
                3 => odd(g),
                4 => json!("2026-11-22T09:30:00+01:00"),
                _ => json!("2026-11-22T09:30:00Z"),
            };
            put(&mut m, "submittedAt", t);
        }
        if wrong(g) {
            put(&mut m, "extra", json!(1));
        }
        J::Object(m)
    }

    fn list(fw: &Framework, g: &mut Rng) -> J {
        let fault = [2, 10, 40, 1_000_000][g.below(4)];
        if g.one_in(30) {
            return odd(g);
        }
        J::Array((0..g.below(5)).map(|_| response(fw, g, fault)).collect())
    }

    /// The validating reader's responses, as the npm API reads a JavaScript list.
    fn slow_value(fw: &Framework, v: &J, limit: usize) -> Option<Vec<Response>> {
        let v = read_value(v, limit).ok()?;
        let list = v.as_array()?;
        list.iter()
            .map(|r| Response::from_value(fw, r, "").ok())
            .collect()
    }

    /// The same from JSON text.
    fn slow_text(fw: &Framework, text: &str, limit: usize) -> Option<Vec<Response>> {
        let v = parse_json_limited(text, limit).ok()?;
        let list = v.as_array()?;
        list.iter()
            .map(|r| Response::from_value(fw, r, "").ok())
            .collect()
    }

    fn has_whole_float(v: &J) -> bool {
        match v {
            J::Number(n) => n
                .as_f64()
                .is_some_and(|f| !n.is_i64() && !n.is_u64() && f.fract() == 0.0),
            J::Array(a) => a.iter().any(has_whole_float),
            J::Object(m) => m.values().any(has_whole_float),
            _ => false,
        }
    }

    fn agree(fast: Option<Vec<Response>>, slow: Option<Vec<Response>>, floats: bool) {
        match (&fast, &slow) {
            (Some(_), _) => assert_eq!(fast, slow),
            (None, Some(_)) => assert!(floats, "the fast reader gave up on a valid list"),
            (None, None) => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn fast_reader_agrees_with_the_validating_reader(seed in 1u64.., fi in 0usize..4, small in 0usize..4) {
            let fws = frameworks();
            let fw = &fws[fi];
            let mut g = Rng(seed);
            let v = list(fw, &mut g);
            // Now and then a size limit the list is near.
            let limit = if small == 0 { 200 + g.below(3000) } else { usize::MAX };
            let fast = Fast::new(fw, limit);
            agree(fast.list(&v), slow_value(fw, &v, limit), has_whole_float(&v));
            // As the npm API reads a list of plain JavaScript data: from its JSON text,
            // the limit counted as for the values.
            let plain = serde_json::to_string(&v).unwrap();
            agree(fast.list_from_plain_json(&plain), slow_value(fw, &v, limit), has_whole_float(&v));
            // As JSON text; now and then with a key written twice or a byte order mark.
            let mut text = serde_json::to_string(&v).unwrap();
            match g.below(6) {
                0 => text = text.replacen("{\"", "{\"version\":\"1\",\"", 1),
                1 => text = text.replacen("\"answers\":{\"", "\"answers\":{\"a\":1,\"a\":null,\"", 1),
                2 => text.insert(0, '\u{feff}'),
                3 => text.push_str(" \n"),
                _ => {}
            }
            let twice = text.contains("{\"version\":\"1\",");
            agree(fast.list_from_str(&text), slow_text(fw, &text, limit), has_whole_float(&v) || twice);
            // One response on its own, as the team view reads each.
            if let Some(r) = v.as_array().and_then(|a| a.first()) {
                let mut t = serde_json::to_string(r).unwrap();
                // Now and then with a few characters changed, inserted or escaped, so
                // that both parsers meet text that is not quite JSON, or is JSON
                // written otherwise (escapes, white space, numbers).
                let mutated = g.one_in(2);
                if mutated {
                    const BITS: [&str; 16] = [
                        "\\", "\"", "\\u0041", "\\ud800", " ", "\t", "\u{0}", "\u{7f}", "0", "-",
                        ".5", "e2", "{", "}", ",", "\\/",
                    ];
                    for _ in 0..1 + g.below(3) {
                        let starts: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
                        let k = g.below(starts.len() + 1);
                        let at = starts.get(k).copied().unwrap_or(t.len());
                        let bit = BITS[g.below(BITS.len())];
                        match starts.get(k + 1) {
                            Some(&end) if g.one_in(2) => t.replace_range(at..end, bit),
                            _ => t.insert_str(at, bit),
                        }
                    }
                }
                let slow = crate::codec::json::parse(&t).ok().and_then(|v| Response::from_value(fw, &v, "").ok());
                let fast = Fast::new(fw, usize::MAX).one_from_str(&t);
                agree(fast.map(|r| vec![r]), slow.map(|r| vec![r]), has_whole_float(r) || mutated);
            }
        }
    }

    #[test]
    fn valid_lists_are_read_fast() {
        // The fast reader must not give up on plain valid lists (else it is no faster).
        for fw in frameworks() {
            let mut g = Rng(99);
            for _ in 0..50 {
                let v = J::Array((0..3).map(|_| response(&fw, &mut g, 1_000_000)).collect());
                let slow = slow_value(&fw, &v, usize::MAX);
                if slow.is_some() {
                    assert_eq!(Fast::new(&fw, usize::MAX).list(&v), slow);
                }
            }
        }
    }
}
