//! One person's answers to a framework, and the checks that tie them to it.

use crate::codec::json::Value;
use crate::core::framework::{limits, Framework};
use crate::core::issue::{child, Issue};
use crate::core::reader::{describe, parse_json, type_name, Reader};
use litemap::LiteMap;
use serde::{Serialize, Serializer};

/// An answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A point on the framework's scale, as given (not yet reversed).
    Value(i32),
    /// The "Don't know" choice.
    DontKnow,
}

/// One person's response, written as JSON in the shape documented in
/// docs/framework-format.md: `{"framework", "version", "answers": {item: value or
/// "dontKnow"}, "respondent": {field: option}, "comments": {foundation: text},
/// "submittedAt"}` (comments and the time only when there are any), answers, fields
/// and comments sorted by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    pub framework: String,
    pub version: String,
    /// Answers by item id; an item that is absent is unanswered.
    #[serde(serialize_with = "as_object")]
    pub answers: LiteMap<String, Answer>,
    /// Respondent field id to option id.
    #[serde(serialize_with = "as_object")]
    pub respondent: LiteMap<String, String>,
    /// Comments by foundation id, for foundations that ask for one: the text as
    /// written (never empty or only white space). Plain text, never HTML.
    #[serde(
        serialize_with = "as_object",
        skip_serializing_if = "LiteMap::is_empty"
    )]
    pub comments: LiteMap<String, String>,
    /// When the self-check was submitted, as `YYYY-MM-DDTHH:MM:SSZ` (read in any form
    /// by [`normalise_submitted_at`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<String>,
}

/// A map as an object, keys in order (litemap's own `Serialize` writes an empty map as
/// a list).
fn as_object<V: Serialize, S: Serializer>(m: &LiteMap<String, V>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(m.iter())
}

/// A point on the scale as a number; "Don't know" as the text `"dontKnow"`.
impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Value(v) => s.serialize_i32(*v),
            Answer::DontKnow => s.serialize_str("dontKnow"),
        }
    }
}

impl Response {
    /// An empty response to a framework.
    pub fn new(fw: &Framework) -> Response {
        Response {
            framework: fw.id.clone(),
            version: fw.version.clone(),
            answers: LiteMap::new(),
            respondent: LiteMap::new(),
            comments: LiteMap::new(),
            submitted_at: None,
        }
    }

    pub fn from_json(fw: &Framework, text: &str) -> Result<Response, Vec<Issue>> {
        let v = parse_json(text).map_err(|e| vec![e])?;
        Response::from_value(fw, &v, "")
    }

    /// Reads a response and checks it against the framework: the framework id and
    /// version, item ids, answer ranges, respondent fields and options. `path` is the
    /// JSON path of the response inside a larger document ("" at the root).
    pub fn from_value(fw: &Framework, v: &Value, path: &str) -> Result<Response, Vec<Issue>> {
        let mut r = Reader::default();
        let resp = read_response(&mut r, fw, v, path);
        match resp {
            Some(resp) if r.issues.is_empty() => Ok(resp),
            _ => Err(r.issues),
        }
    }

    /// The response as JSON text (see [`Response`] for the shape).
    ///
    /// Written by hand, character for character what serde_json writes for the
    /// `Serialize` above (a property test holds the two equal): serde_json's
    /// serializer measured 1.4 KB of the gzipped self-check embed, which writes a
    /// response at every answer.
    pub fn to_json(&self) -> String {
        use crate::codec::json::push_str;
        let mut out = String::from("{\"framework\":");
        push_str(&mut out, &self.framework);
        out.push_str(",\"version\":");
        push_str(&mut out, &self.version);
        // `"name":{"key":value,…}`, each value written by `value`.
        fn object<V>(
            out: &mut String,
            name: &str,
            m: &LiteMap<String, V>,
            value: impl Fn(&mut String, &V),
        ) {
            out.push_str(",\"");
            out.push_str(name);
            out.push_str("\":{");
            for (k, (key, v)) in m.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                push_str(out, key);
                out.push(':');
                value(out, v);
            }
            out.push('}');
        }
        object(&mut out, "answers", &self.answers, |out, a| match a {
            Answer::Value(v) => out.push_str(&v.to_string()),
            Answer::DontKnow => out.push_str("\"dontKnow\""),
        });
        object(&mut out, "respondent", &self.respondent, |out, o| {
            push_str(out, o)
        });
        if !self.comments.is_empty() {
            object(&mut out, "comments", &self.comments, |out, c| {
                push_str(out, c)
            });
        }
        if let Some(t) = &self.submitted_at {
            out.push_str(",\"submittedAt\":");
            push_str(&mut out, t);
        }
        out.push('}');
        out
    }

    /// Checks an answer against the framework (on the statement's own scale).
    pub fn check_answer(fw: &Framework, item: &str, a: Answer) -> Result<(), String> {
        let Some(scale) = fw.scale_of(item) else {
            return Err(format!("\"{item}\" is not an item of this framework"));
        };
        match a {
            Answer::DontKnow if scale.dont_know.is_none() => Err(format!(
                "this {} has no \"Don't know\" choice",
                if std::ptr::eq(scale, &fw.scale) {
                    "framework"
                } else {
                    "statement's scale"
                }
            )),
            Answer::Value(v) if !scale.contains(v) => Err(format!(
                "{v} is outside the scale ({} to {})",
                scale.min, scale.max
            )),
            _ => Ok(()),
        }
    }

    /// Checks a comment on a foundation: the foundation asks for one, and the text is
    /// no longer than its limit. An empty text (or only white space) is no comment.
    pub fn check_comment(fw: &Framework, foundation: &str, text: &str) -> Result<(), String> {
        let Some(f) = fw.foundations.iter().find(|f| f.id == foundation) else {
            return Err(format!(
                "\"{foundation}\" is not a foundation of this framework"
            ));
        };
        let Some(q) = &f.comment else {
            return Err(format!(
                "the foundation \"{foundation}\" asks for no comment"
            ));
        };
        let n = crate::core::reader::char_count(text);
        if n > q.max_length {
            return Err(format!(
                "is {n} characters long; the limit is {}",
                q.max_length
            ));
        }
        Ok(())
    }

    /// Sets (or, with an empty text, clears) the comment on a foundation, after
    /// [`Response::check_comment`].
    pub fn set_comment(
        &mut self,
        fw: &Framework,
        foundation: &str,
        text: &str,
    ) -> Result<(), String> {
        Response::check_comment(fw, foundation, text)?;
        if text.trim().is_empty() {
            self.comments.remove(foundation);
        } else {
            self.comments
                .insert(foundation.to_string(), text.to_string());
        }
        Ok(())
    }

    /// Whether two responses are the same person's by the identity rule (framework,
    /// version, answers, respondent fields and submission time; see `core::team`):
    /// comments aside, since a share code may have left them out.
    pub fn same_person(&self, o: &Response) -> bool {
        self.framework == o.framework
            && self.version == o.version
            && self.answers == o.answers
            && self.respondent == o.respondent
            && self.submitted_at == o.submitted_at
    }

    /// A hash of what [`Response::same_person`] compares.
    pub fn identity_hash<H: std::hash::Hasher>(&self, h: &mut H) {
        use std::hash::Hash;
        self.framework.hash(h);
        self.version.hash(h);
        self.answers.hash(h);
        self.respondent.hash(h);
        self.submitted_at.hash(h);
    }
}

/// Reads a submission time for `fw` and writes it in its one form, UTC to the second
/// (see `core::time`): `22/11/2026 09:30` is read day first unless the framework's
/// locale is `en-US`.
pub fn normalise_submitted_at(fw: &Framework, t: &str) -> Result<String, String> {
    crate::core::time::normalise(t, !fw.locale.eq_ignore_ascii_case("en-US"))
}

fn read_response(r: &mut Reader, fw: &Framework, v: &Value, p: &str) -> Option<Response> {
    let m = r.object(
        v,
        p,
        &[
            "framework",
            "version",
            "answers",
            "respondent",
            "comments",
            "submittedAt",
        ],
    )?;
    let framework = r.text(m, p, "framework", 100);
    let version = r.text(m, p, "version", limits::SHORT_TEXT_CHARS);
    if m.get("framework").is_some_and(Value::is_string) && framework != fw.id {
        r.err(
            &child(p, "framework"),
            format!(
                "this response is for the framework \"{framework}\", not \"{}\"",
                fw.id
            ),
        );
    } else if m.get("version").is_some_and(Value::is_string) && version != fw.version {
        r.err(
            &child(p, "version"),
            format!(
                "this response is for version {version} of \"{}\"; the framework loaded is version {}",
                fw.id, fw.version
            ),
        );
    }
    let mut answers = LiteMap::new();
    let ap = child(p, "answers");
    match m.get("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(am)) => {
            if am.len() > fw.item_count() {
                r.err(
                    &ap,
                    format!(
                        "has {} answers; the framework has {} items",
                        am.len(),
                        fw.item_count()
                    ),
                );
            }
            for (k, av) in am.iter().take(fw.item_count() + 1) {
                // The path is built only for a problem: this loop runs for every answer
                // of every response a team imports.
                let answer: Result<Option<Answer>, String> = match av {
                    Value::String(s) if s == "dontKnow" => Ok(Some(Answer::DontKnow)),
                    Value::Null => Ok(None),
                    Value::Number(_) => match crate::core::reader::whole_number(av) {
                        Some(i) => i32::try_from(i)
                            .map(|v| Some(Answer::Value(v)))
                            .map_err(|_| format!("{i} is outside the scale")),
                        None => Err(format!("expected a whole number, found {}", describe(av))),
                    },
                    other => Err(format!(
                        "expected a whole number or \"dontKnow\", found {}",
                        describe(other)
                    )),
                };
                let checked = answer.and_then(|a| match a {
                    Some(a) => Response::check_answer(fw, k, a).map(|()| Some(a)),
                    None => Ok(None),
                });
                match checked {
                    Ok(Some(a)) => {
                        answers.insert(k.clone(), a);
                    }
                    Ok(None) => {}
                    Err(msg) => r.err(&child(&ap, &k.chars().take(64).collect::<String>()), msg),
                }
            }
        }
        Some(other) => r.err(
            &ap,
            format!(
                "expected an object of answers by item id, found {}",
                type_name(other)
            ),
        ),
    }
    let mut respondent = LiteMap::new();
    let rp = child(p, "respondent");
    match m.get("respondent") {
        None | Some(Value::Null) => {}
        Some(Value::Object(rm)) => {
            for (k, ov) in rm.iter().take(limits::RESPONDENT_FIELDS + 1) {
                let kp = child(&rp, &k.chars().take(64).collect::<String>());
                let Some(field) = fw.field(k) else {
                    r.err(
                        &kp,
                        format!("\"{k}\" is not a respondent field of this framework"),
                    );
                    continue;
                };
                match ov {
                    Value::Null => {}
                    Value::String(o) if field.options.iter().any(|c| &c.id == o) => {
                        respondent.insert(k.clone(), o.clone());
                    }
                    Value::String(o) => r.err(
                        &kp,
                        format!(
                            "\"{}\" is not an option of \"{k}\"",
                            o.chars().take(40).collect::<String>()
                        ),
                    ),
                    other => r.err(
                        &kp,
                        format!("expected an option id, found {}", type_name(other)),
                    ),
                }
            }
        }
        Some(other) => r.err(
            &rp,
            format!(
                "expected an object of options by field id, found {}",
                type_name(other)
            ),
        ),
    }
    let mut comments = LiteMap::new();
    let cp = child(p, "comments");
    match m.get("comments") {
        None | Some(Value::Null) => {}
        Some(Value::Object(cm)) => {
            for (k, cv) in cm.iter() {
                let kp = || child(&cp, &k.chars().take(64).collect::<String>());
                match cv {
                    Value::Null => {}
                    Value::String(t) => match Response::check_comment(fw, k, t) {
                        Ok(()) if t.trim().is_empty() => {}
                        Ok(()) => {
                            comments.insert(k.clone(), t.clone());
                        }
                        Err(msg) => r.err(&kp(), msg),
                    },
                    other => r.err(
                        &kp(),
                        format!("expected the comment as text, found {}", type_name(other)),
                    ),
                }
            }
        }
        Some(other) => r.err(
            &cp,
            format!(
                "expected an object of comments by foundation id, found {}",
                type_name(other)
            ),
        ),
    }
    let submitted_at = match r.opt_text(m, p, "submittedAt", 60) {
        Some(t) => match normalise_submitted_at(fw, &t) {
            Ok(t) => Some(t),
            Err(msg) => {
                r.err(&child(p, "submittedAt"), msg);
                None
            }
        },
        None => None,
    };
    Some(Response {
        framework,
        version,
        answers,
        respondent,
        comments,
        submitted_at,
    })
}
