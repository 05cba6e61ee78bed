//! [`update`]: a message changes the model, and the effects say what the browser does
//! next. Pure: no browser, no clock (times come in the messages), no storage (values
//! come in [`Msg::Restored`] and [`Msg::Stored`] and go out in [`Effect::Store`]).

use super::msg::{Body, Effect, Export, Failure, Focus, Msg, Out, Restored};
use super::{read_saved, Confirm, Life, Mode, Model, Screen, Share};
use crate::chart::from::chart_from_score;
use crate::codec::{csv, sharecode};
use crate::core::framework::Framework;
use crate::core::response::Response;
use std::rc::Rc;

/// Applies `msg` to the model and returns what the browser should do.
pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Mode(mode) => {
            m.mode = mode;
            reread(m, &mut fx);
        }
        Msg::StorageKey(key) => {
            m.storage_key = key.filter(|k| !k.is_empty());
            reread(m, &mut fx);
        }
        Msg::Lang(lang) => {
            m.lang = lang.filter(|l| !l.trim().is_empty());
            fx.push(Effect::Render);
        }
        Msg::Strings(s) => {
            m.strings.set(s);
            if !matches!(m.life, Life::Loading) {
                fx.push(Effect::Render);
            }
        }
        Msg::Loaded(result) => match *result {
            Ok((fw, json)) => {
                m.life = Life::Ready(Rc::new(fw));
                m.fw_json = json;
                m.ready_pending = true;
                reread(m, &mut fx);
            }
            Err(errors) => {
                m.life = Life::Failed(errors);
                m.fw_json.clear();
                fx.push(Effect::Render);
            }
        },
        Msg::Restored(r) => restored(m, r, &mut fx),
        Msg::Response(r) => {
            if m.fw().is_some() {
                m.own = Some(*r);
                m.shared = None;
                m.confirm = None;
                // A code shown for the answers before, or a problem with them, is gone.
                m.share = None;
                m.problem = None;
                save(m, &mut fx);
                fx.push(Effect::Render);
            }
        }
        Msg::Hash(hash) => {
            let Some(fw) = m.fw().cloned() else {
                return fx;
            };
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            if m.mode == Mode::Team {
                super::team::open_link(m, &fw, &hash, &mut fx);
                return fx;
            }
            if open_hash(m, &fw, &hash) {
                m.confirm = None;
                fx.push(Effect::Say(m.t("sharedResults")));
            }
            fx.push(Effect::Render);
        }
        Msg::Stored(key, value) => stored(m, key, value, &mut fx),
        Msg::Resized(w) => {
            if w != m.width {
                m.width = w;
                fx.push(Effect::Chart);
            }
        }
        Msg::Failed(f) => {
            let key = match f {
                Failure::Storage => {
                    // Said once: not again at every answer that cannot be saved.
                    if m.notices.iter().any(|n| n.key == "noStorage") {
                        return fx;
                    }
                    m.note("noStorage", "");
                    "noStorage"
                }
                Failure::Print => "printFailed",
                Failure::Download => "downloadFailed",
            };
            if f != Failure::Storage {
                m.problem = Some(key);
            }
            fx.push(Effect::Render);
            fx.push(Effect::Say(m.t(key)));
        }
        Msg::Copied(ok) => {
            let Some(share) = &mut m.share else {
                return fx;
            };
            share.copied = Some(ok);
            let link = share.link;
            fx.push(Effect::Render);
            if ok {
                fx.push(Effect::Focus(Focus::Control(Msg::Copy(link))));
                fx.push(Effect::Say(m.t("copied")));
            } else {
                fx.push(Effect::Focus(Focus::Share));
                fx.push(Effect::Say(m.t("copyFailed")));
            }
        }
        #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
        Msg::Team(t) => super::team::update(m, t, &mut fx),
        person => {
            if let Some(fw) = m.fw().cloned() {
                act(m, &fw, person, &mut fx);
            }
        }
    }
    fx
}

/// What the person did.
fn act(m: &mut Model, fw: &Rc<Framework>, msg: Msg, fx: &mut Vec<Effect>) {
    // While a question is open, only its answer counts.
    if m.confirm.is_some() && !matches!(msg, Msg::Yes | Msg::No) {
        return;
    }
    let steps = m.steps();
    let pos = steps.iter().position(|s| *s == m.screen);
    match msg {
        Msg::Start => {
            m.back_to = None;
            go(m, steps.first().copied().unwrap_or(Screen::Review), fx);
        }
        Msg::Next => go(
            m,
            pos.and_then(|p| steps.get(p + 1))
                .copied()
                .unwrap_or(Screen::Review),
            fx,
        ),
        Msg::Back => go(
            m,
            match pos {
                Some(p) if p > 0 => steps[p - 1],
                _ => Screen::Intro,
            },
            fx,
        ),
        Msg::Go(to) => {
            if m.shared.is_some() {
                return;
            }
            if matches!(m.screen, Screen::Review | Screen::Results)
                && matches!(to, Screen::About | Screen::Foundation(_))
            {
                m.back_to = Some(m.screen);
            }
            let to = match to {
                Screen::Foundation(i) if i >= fw.foundations.len() => Screen::Review,
                Screen::About if fw.respondent_fields.is_empty() => Screen::Review,
                s => s,
            };
            go(m, to, fx);
        }
        Msg::Return => {
            let to = m.back_to.take().unwrap_or(Screen::Review);
            go(m, to, fx);
            if to == Screen::Results {
                complete(m, fw, fx);
            }
        }
        Msg::Finish(now) => {
            if m.shared.is_some() {
                return;
            }
            let r = m.own.get_or_insert_with(|| Response::new(fw));
            if r.submitted_at.is_none() {
                r.submitted_at = Some(sharecode::format_utc(now));
            }
            m.back_to = None;
            go(m, Screen::Results, fx);
            complete(m, fw, fx);
        }
        Msg::Answer(f, i, answer) => {
            let Some(item) = fw.foundations.get(f).and_then(|f| f.items.get(i)) else {
                return;
            };
            if m.shared.is_some() || Response::check_answer(fw, &item.id, answer).is_err() {
                return;
            }
            let r = m.own.get_or_insert_with(|| Response::new(fw));
            r.answers.insert(item.id.clone(), answer);
            changed(m, fx);
        }
        Msg::Comment(f, text) => {
            let Some(found) = fw.foundations.get(f) else {
                return;
            };
            if m.shared.is_some() {
                return;
            }
            let r = m.own.get_or_insert_with(|| Response::new(fw));
            match r.set_comment(fw, &found.id, &text) {
                Ok(()) => changed(m, fx),
                // (The text area keeps what was typed: nothing is redrawn.)
                Err(e) => fx.push(Effect::Say(
                    m.fill("commentProblem", &[("name", &found.name), ("problem", &e)]),
                )),
            }
        }
        Msg::Who(f, option) => {
            let Some(field) = fw.respondent_fields.get(f) else {
                return;
            };
            if m.shared.is_some() {
                return;
            }
            let chosen = option
                .and_then(|k| field.options.get(k))
                .map(|o| o.id.clone());
            let r = m.own.get_or_insert_with(|| Response::new(fw));
            match chosen {
                Some(id) => {
                    r.respondent.insert(field.id.clone(), id);
                }
                None => {
                    r.respondent.remove(&field.id);
                }
            }
            changed(m, fx);
        }
        Msg::Restart => {
            if m.has_answers() {
                ask(m, Confirm::Restart, fx);
            } else {
                clear_own(m, fx);
            }
        }
        Msg::Keep => {
            if m.shared.is_none() {
                return;
            }
            if m.has_answers() {
                ask(m, Confirm::Replace, fx);
            } else {
                keep_shared(m, fw, fx);
            }
        }
        Msg::Yes => match m.confirm.take() {
            Some(Confirm::Restart) => clear_own(m, fx),
            Some(Confirm::Replace) => keep_shared(m, fw, fx),
            #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
            Some(Confirm::ClearTeam) => super::team::clear(m, fx),
            None => {}
        },
        Msg::No => {
            if let Some(c) = m.confirm.take() {
                fx.push(Effect::Render);
                fx.push(Effect::Focus(Focus::Control(c.asked_by())));
            }
        }
        Msg::Table => {
            m.table = !m.table;
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Control(Msg::Table)));
        }
        Msg::Download(e) => {
            if let Some(d) = download(m, fw, e) {
                fx.push(d);
            }
        }
        Msg::Print => fx.push(Effect::Print),
        Msg::Copy(link) => {
            let Some(r) = m.shown() else { return };
            let share = sharecode::share(fw, r);
            let left_out = share.comments == sharecode::CodeComments::LeftOut;
            let code = share.code;
            let text = match (&m.base, link) {
                (_, false) => code,
                (Some(base), true) => format!("{base}#fc={code}"),
                (None, true) => return,
            };
            m.share = Some(Share {
                text: text.clone(),
                link,
                copied: None,
                comments_left_out: left_out,
            });
            fx.push(Effect::Copy(text));
        }
        Msg::Leave if m.shared.take().is_some() => {
            fx.push(Effect::ClearHash);
            m.share = None;
            m.table = false;
            fx.push(Effect::Render);
            fx.push(Effect::Focus(Focus::Heading));
        }
        _ => {}
    }
}

/// Reads the stored value again (a framework loaded, the mode or key changed).
fn reread(m: &mut Model, fx: &mut Vec<Effect>) {
    // A build without the team view never reads (nor sets aside) a team's saved set.
    #[cfg(not(any(feature = "team", all(feature = "api", not(target_arch = "wasm32")))))]
    if m.mode == Mode::Team {
        fx.push(Effect::Render);
        return;
    }
    match m.read_key() {
        Some(key) => fx.push(Effect::Read(key)),
        None => fx.push(Effect::Render),
    }
}

fn restored(m: &mut Model, r: Restored, fx: &mut Vec<Effect>) {
    let Some(fw) = m.fw().cloned() else { return };
    m.base = r.base;
    m.notices.clear();
    m.shared = None;
    m.confirm = None;
    m.share = None;
    m.back_to = None;
    m.problem = None;
    m.stored = None;
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    let team = m.mode == Mode::Team;
    #[cfg(not(any(feature = "team", all(feature = "api", not(target_arch = "wasm32")))))]
    let team = false;
    if !team {
        m.own = None;
        m.screen = if m.mode == Mode::SelfCheck {
            Screen::Intro
        } else {
            Screen::Results
        };
    }
    match r.value {
        Err(()) => m.note("noStorage", ""),
        Ok(None) => {}
        Ok(Some(text)) => {
            let read = if team {
                #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
                let read = super::team::read_saved(m, &fw, &text);
                #[cfg(not(any(
                    feature = "team",
                    all(feature = "api", not(target_arch = "wasm32"))
                )))]
                let read = false;
                read
            } else {
                match read_saved(&fw, &text) {
                    Ok((own, screen)) => {
                        m.own = Some(own);
                        if m.mode == Mode::SelfCheck {
                            m.screen = screen;
                        }
                        true
                    }
                    Err(_) => false,
                }
            };
            if read {
                m.stored = Some(text);
            } else if let Some(key) = m.read_key() {
                // Kept under another key rather than lost, and said so.
                let aside = format!("{key}:set-aside:{}", r.now);
                fx.push(Effect::Store(aside.clone(), Some(text)));
                fx.push(Effect::Store(key, None));
                m.note("setAside", &aside);
            }
        }
    }
    if team {
        #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
        super::team::open_link(m, &fw, &r.hash, fx);
    } else {
        open_hash(m, &fw, &r.hash);
    }
    fx.push(Effect::Render);
    if std::mem::take(&mut m.ready_pending) {
        fx.push(Effect::Emit(Out::Ready));
    }
}

/// Opens the shared results of a `#fc=` fragment (true), or closes them when the
/// fragment has none; a code that cannot be read is explained.
fn open_hash(m: &mut Model, fw: &Framework, hash: &str) -> bool {
    m.shared = None;
    let Some(rest) = sharecode::after_marker(hash) else {
        return false;
    };
    let end = rest
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    match sharecode::decode(fw, rest.get(..end).unwrap_or(rest)) {
        Ok(r) => {
            m.shared = Some(r);
            m.share = None;
            m.table = false;
            true
        }
        Err(e) => {
            m.note("codeError", &e.message);
            false
        }
    }
}

/// Another tab or window changed what is stored: its change is taken in, said, and
/// never overwritten by this element's older copy.
fn stored(m: &mut Model, key: String, value: Option<String>, fx: &mut Vec<Effect>) {
    let Some(fw) = m.fw().cloned() else { return };
    if Some(&key) != m.read_key().as_ref() || value == m.stored {
        return;
    }
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    if m.mode == Mode::Team {
        match &value {
            Some(text) => {
                if !super::team::read_saved(m, &fw, text) {
                    return;
                }
            }
            None => super::team::empty(m),
        }
        m.stored = value;
        m.note("otherTab", "");
        fx.push(Effect::Render);
        fx.push(Effect::Say(m.t("otherTab")));
        return;
    }
    match &value {
        Some(text) => match read_saved(&fw, text) {
            Ok((own, _)) => m.own = Some(own),
            Err(_) => return,
        },
        None => {
            m.own = None;
            m.back_to = None;
            if m.mode == Mode::SelfCheck && m.shared.is_none() {
                m.screen = Screen::Intro;
            }
        }
    }
    m.stored = value;
    m.confirm = None;
    if m.shared.is_none() {
        // The share code shown was of the answers another tab has now changed.
        m.share = None;
    }
    m.note("otherTab", "");
    fx.push(Effect::Render);
    fx.push(Effect::Say(m.t("otherTab")));
}

/// Saves the person's answers and place, when they differ from what is stored.
pub(super) fn save(m: &mut Model, fx: &mut Vec<Effect>) {
    let (Some(key), Some(text)) = (m.key(), m.saved_text()) else {
        return;
    };
    if m.stored.as_ref() != Some(&text) {
        m.stored = Some(text.clone());
        fx.push(Effect::Store(key, Some(text)));
    }
}

/// To a step, with focus on its heading.
fn go(m: &mut Model, to: Screen, fx: &mut Vec<Effect>) {
    m.screen = to;
    m.share = None;
    m.problem = None;
    save(m, fx);
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Heading));
}

/// An answer changed: saved, counted, and told to the host page.
fn changed(m: &mut Model, fx: &mut Vec<Effect>) {
    save(m, fx);
    fx.push(Effect::Progress);
    if let Some(r) = &m.own {
        fx.push(Effect::Emit(Out::Change(Box::new(r.clone()))));
    }
}

/// The person asked for results: the host page hears the score.
fn complete(m: &Model, fw: &Framework, fx: &mut Vec<Effect>) {
    if let Some(r) = &m.own {
        fx.push(Effect::Emit(Out::Complete(Box::new(
            crate::core::scoring::score(fw, r),
        ))));
    }
}

/// Asks first, with focus on the safe choice.
pub(super) fn ask(m: &mut Model, c: Confirm, fx: &mut Vec<Effect>) {
    m.confirm = Some(c);
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Control(Msg::No)));
}

fn clear_own(m: &mut Model, fx: &mut Vec<Effect>) {
    m.own = None;
    m.screen = Screen::Intro;
    m.back_to = None;
    m.share = None;
    m.table = false;
    m.problem = None;
    if let Some(key) = m.key() {
        m.stored = None;
        fx.push(Effect::Store(key, None));
    }
    fx.push(Effect::Render);
    fx.push(Effect::Focus(Focus::Heading));
}

/// Shared results become the person's own (asked first when that replaces answers).
fn keep_shared(m: &mut Model, fw: &Framework, fx: &mut Vec<Effect>) {
    let Some(r) = m.shared.take() else { return };
    m.own = Some(r);
    m.back_to = None;
    m.share = None;
    fx.push(Effect::ClearHash);
    go(m, Screen::Results, fx);
    if let Some(r) = &m.own {
        fx.push(Effect::Emit(Out::Change(Box::new(r.clone()))));
    }
    complete(m, fw, fx);
}

/// A file of the results shown: the chart (800 by 640), the answers as JSON or CSV.
fn download(m: &mut Model, fw: &Framework, e: Export) -> Option<Effect> {
    #[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
    if m.mode == Mode::Team {
        return super::team::download(m, fw, e);
    }
    m.problem = None;
    let r = m.shown()?;
    // The file name carries the date when the submission time starts with one; the
    // time is the respondent's own text, so nothing else of it goes into the name.
    let date = r
        .submitted_at
        .as_deref()
        .and_then(|s| s.get(..10))
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
        .unwrap_or("answers");
    let (ext, body) = match e {
        Export::Json => ("json", Body::Text("application/json", r.to_json())),
        Export::Csv => (
            "csv",
            Body::Text("text/csv", csv::to_csv(fw, std::slice::from_ref(r))),
        ),
        Export::Svg | Export::Png => {
            let mut chart = chart_from_score(fw, &crate::core::scoring::score(fw, r), None).ok()?;
            chart.width = 800;
            chart.height = 640;
            let png = e == Export::Png;
            (
                if png { "png" } else { "svg" },
                Body::Chart(Box::new(chart), png),
            )
        }
    };
    Some(Effect::Download(format!("{}-{date}.{ext}", fw.id), body))
}
