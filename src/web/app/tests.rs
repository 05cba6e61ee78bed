//! The widget's flows, natively: each message's change to the model and the effects
//! asked of the browser, and what the views then show.

use super::msg::{Body, Effect, Export, Failure, Focus, Msg, Out, Restored};
use super::team::TeamMsg;
use super::view::{view, Node};
use super::*;
use crate::codec::sharecode;
use crate::core::builtin;
use crate::core::response::Answer;

const KEY: &str = "foundations-check:place-based-partnership@1.0.0";

fn fw() -> Framework {
    builtin::builtin("place-based-partnership").unwrap()
}

fn restored(value: Option<&str>, hash: &str) -> Msg {
    Msg::Restored(Restored {
        value: Ok(value.map(str::to_string)),
        hash: hash.to_string(),
        base: Some("https://intranet.example/check".into()),
        now: 1_790_000_000_000,
    })
}

/// A model with the built-in framework loaded and nothing saved.
fn ready() -> Model {
    ready_with(None, "")
}

fn ready_with(saved: Option<&str>, hash: &str) -> Model {
    let mut m = Model::new();
    let fx = update(&mut m, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
    assert_eq!(fx, [Effect::Read(KEY.into())]);
    let fx = update(&mut m, restored(saved, hash));
    assert_eq!(fx.last(), Some(&Effect::Emit(Out::Ready)));
    m
}

/// Every answer `v` (or "Don't know"), through the messages a person sends.
fn answer_all(m: &mut Model, a: Answer) {
    let fw = fw();
    for (f, foundation) in fw.foundations.iter().enumerate() {
        for i in 0..foundation.items.len() {
            update(m, Msg::Answer(f, i, a));
        }
    }
}

fn screen(m: &Model) -> Node {
    let mut root = super::view::el("div");
    root.kids = view(m);
    root
}

fn buttons(m: &Model) -> Vec<String> {
    screen(m)
        .walk()
        .into_iter()
        .filter(|n| n.tag == "button")
        .map(|n| n.text.clone())
        .collect()
}

fn has_text(m: &Model, text: &str) -> bool {
    screen(m).text_content().contains(text)
}

fn saved(m: &Model, fx: &[Effect]) -> Option<String> {
    let key = m.key().unwrap();
    fx.iter().rev().find_map(|e| match e {
        Effect::Store(k, v) if *k == key => Some(v.clone().unwrap_or_default()),
        _ => None,
    })
}

#[test]
fn codes_decode_to_their_messages_exactly() {
    let msgs = [
        (Msg::Start, ""),
        (Msg::Next, ""),
        (Msg::Back, ""),
        (Msg::Return, ""),
        (Msg::Finish(7), ""),
        (Msg::Go(Screen::About), ""),
        (Msg::Go(Screen::Review), ""),
        (Msg::Go(Screen::Results), ""),
        (Msg::Go(Screen::Intro), ""),
        (Msg::Go(Screen::Foundation(3)), ""),
        (Msg::Answer(2, 1, Answer::Value(4)), "4"),
        (Msg::Answer(0, 0, Answer::DontKnow), "dontKnow"),
        (Msg::Who(1, Some(2)), "2"),
        (Msg::Who(0, None), ""),
        (Msg::Restart, ""),
        (Msg::Yes, ""),
        (Msg::No, ""),
        (Msg::Table, ""),
        (Msg::Download(Export::Svg), ""),
        (Msg::Download(Export::Png), ""),
        (Msg::Download(Export::Json), ""),
        (Msg::Download(Export::Csv), ""),
        (Msg::Print, ""),
        (Msg::Copy(false), ""),
        (Msg::Copy(true), ""),
        (Msg::Leave, ""),
        (Msg::Keep, ""),
        (Msg::Team(TeamMsg::Add("code".into())), "code"),
        (Msg::Team(TeamMsg::GroupBy(Some("role".into()))), "role"),
        (Msg::Team(TeamMsg::GroupBy(None)), ""),
        (Msg::Team(TeamMsg::Clear), ""),
        (Msg::Team(TeamMsg::ClearPrevious), ""),
    ];
    for (msg, value) in msgs {
        let code = msg.code();
        assert_eq!(Msg::decode(&code, value, 7), Some(msg), "{code}");
    }
    // "go about" is not foundation "about", nor does a prefix match anything.
    for bad in [
        "",
        "go",
        "go x",
        "go-about",
        "a 1",
        "a 1 2 x",
        "download pdf",
        "nextt",
        "t",
        "t files",
    ] {
        assert_eq!(Msg::decode(bad, "x", 0), None, "{bad}");
    }
    assert_eq!(Msg::decode("a 0 0", "9x", 0), None);
}

#[test]
fn a_person_goes_through_the_steps_and_focus_follows() {
    let mut m = ready();
    assert_eq!(m.screen, Screen::Intro);
    assert!(has_text(&m, "in 10 short steps"));
    let fx = update(&mut m, Msg::Start);
    assert_eq!(m.screen, Screen::About);
    assert!(fx.contains(&Effect::Render));
    assert!(fx.contains(&Effect::Focus(Focus::Heading)));
    update(&mut m, Msg::Next);
    assert_eq!(m.screen, Screen::Foundation(0));
    update(&mut m, Msg::Back);
    assert_eq!(m.screen, Screen::About);
    update(&mut m, Msg::Back);
    assert_eq!(m.screen, Screen::Intro);
    for _ in 0..10 {
        update(&mut m, Msg::Next);
    }
    assert_eq!(m.screen, Screen::Review);
    // Nothing answered: the place is not saved until there is something to save.
    assert_eq!(m.stored, None);
}

#[test]
fn answers_are_saved_counted_and_told_to_the_host() {
    let mut m = ready();
    update(&mut m, Msg::Start);
    update(&mut m, Msg::Next);
    let fx = update(&mut m, Msg::Answer(0, 1, Answer::Value(4)));
    let text = saved(&m, &fx).unwrap();
    assert!(
        text.starts_with("{\"v\":1,\"screen\":\"f0\",\"response\":{"),
        "{text}"
    );
    assert!(fx.contains(&Effect::Progress));
    assert!(matches!(fx.last(), Some(Effect::Emit(Out::Change(r))) if r.answers.len() == 1));
    assert_eq!(view::answered_text(&m), "1 of 24 statements answered");
    // Out of the scale, or a statement that is not there: nothing changes.
    assert_eq!(update(&mut m, Msg::Answer(0, 1, Answer::Value(9))), []);
    assert_eq!(update(&mut m, Msg::Answer(0, 99, Answer::Value(3))), []);
    assert_eq!(update(&mut m, Msg::Answer(99, 0, Answer::Value(3))), []);
    // Respondent fields by position; "prefer not to say" removes the answer.
    update(&mut m, Msg::Who(0, Some(1)));
    assert_eq!(
        m.own
            .as_ref()
            .unwrap()
            .respondent
            .get("sector")
            .map(String::as_str),
        Some("primary-care")
    );
    update(&mut m, Msg::Who(0, None));
    assert!(m.own.as_ref().unwrap().respondent.is_empty());
    // An unknown option counts as none: nothing new to save.
    update(&mut m, Msg::Who(0, Some(99)));
    assert!(m.own.as_ref().unwrap().respondent.is_empty());
}

#[test]
fn finishing_stamps_the_time_and_reports_the_score() {
    let mut m = ready();
    answer_all(&mut m, Answer::Value(4));
    let fx = update(&mut m, Msg::Finish(1_790_000_000));
    assert_eq!(m.screen, Screen::Results);
    assert_eq!(
        m.own.as_ref().unwrap().submitted_at.as_deref(),
        Some("2026-09-21T14:13:20Z")
    );
    assert!(fx.iter().any(|e| matches!(e, Effect::Emit(Out::Complete(s)) if s.overall.band.as_deref() == Some("maturing"))));
    // (7 × 75 + 58⅓) / 8 = 72.9…, cut toward zero.
    assert!(has_text(
        &m,
        "Overall: Maturing (72%), from 8 of 8 foundations"
    ));
    // Results and the review offer a way to every foundation.
    let b = buttons(&m);
    assert_eq!(
        b.iter()
            .filter(|t| t.starts_with("Change answers: "))
            .count(),
        8
    );
    assert!(b.contains(&"Change my answers".to_string()));
}

#[test]
fn the_review_and_the_results_open_any_foundation_and_come_back() {
    let mut m = ready();
    update(&mut m, Msg::Start);
    update(&mut m, Msg::Go(Screen::Review));
    assert_eq!(m.screen, Screen::Review);
    assert_eq!(
        buttons(&m)
            .iter()
            .filter(|t| t.starts_with("Change answers: "))
            .count(),
        9,
        "about you and eight foundations"
    );
    update(&mut m, Msg::Go(Screen::Foundation(5)));
    assert_eq!(
        (m.screen, m.back_to),
        (Screen::Foundation(5), Some(Screen::Review))
    );
    assert_eq!(buttons(&m)[0], "Back to check your answers");
    update(&mut m, Msg::Answer(5, 0, Answer::Value(2)));
    let fx = update(&mut m, Msg::Return);
    assert_eq!((m.screen, m.back_to), (Screen::Review, None));
    assert!(fx.contains(&Effect::Focus(Focus::Heading)));
    // From the results: back there, and the host hears the new score.
    update(&mut m, Msg::Finish(0));
    update(&mut m, Msg::Go(Screen::Foundation(7)));
    assert_eq!(m.back_to, Some(Screen::Results));
    assert_eq!(buttons(&m)[0], "Back to my results");
    update(&mut m, Msg::Answer(7, 0, Answer::Value(5)));
    let fx = update(&mut m, Msg::Return);
    assert_eq!(m.screen, Screen::Results);
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::Emit(Out::Complete(_)))));
    // A foundation that is not there goes to the review.
    update(&mut m, Msg::Go(Screen::Foundation(40)));
    assert_eq!(m.screen, Screen::Review);
}

#[test]
fn all_dont_know_explains_and_offers_the_way_back() {
    let mut m = ready();
    answer_all(&mut m, Answer::DontKnow);
    update(&mut m, Msg::Go(Screen::Review));
    assert!(has_text(&m, "You have answered every statement."));
    assert!(has_text(&m, "None of the foundations can be scored yet"));
    assert!(has_text(
        &m,
        "it needs at least 2 of its 3 statements answered on the scale"
    ));
    update(&mut m, Msg::Finish(0));
    assert!(!has_text(&m, "There are no results to show yet."));
    assert!(has_text(&m, "None of these answers can be scored"));
    assert_eq!(buttons(&m), ["Change my answers", "Start again"]);
    update(&mut m, Msg::Go(Screen::Review));
    assert_eq!(m.screen, Screen::Review);
}

#[test]
fn saved_answers_and_place_are_restored_and_bad_ones_set_aside() {
    let mut m = ready();
    update(&mut m, Msg::Start);
    update(&mut m, Msg::Next);
    update(&mut m, Msg::Next);
    let fx = update(&mut m, Msg::Answer(1, 0, Answer::DontKnow));
    let text = saved(&m, &fx).unwrap();
    let back = ready_with(Some(&text), "");
    assert_eq!(back.screen, Screen::Foundation(1));
    assert_eq!(back.own, m.own);
    assert_eq!(back.stored.as_deref(), Some(text.as_str()));
    // In results mode the saved response is shown, whatever the saved place.
    let mut r = Model::new();
    update(&mut r, Msg::Mode(Mode::Results));
    update(&mut r, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
    update(&mut r, restored(Some(&text), ""));
    assert_eq!(r.screen, Screen::Results);
    for bad in ["{not json", "{\"v\":1,\"screen\":\"f2\",\"response\":{\"framework\":\"other\",\"version\":\"9\",\"answers\":{}}}"] {
        let mut m = Model::new();
        update(&mut m, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
        let fx = update(&mut m, restored(Some(bad), ""));
        let aside = format!("{KEY}:set-aside:1790000000000");
        assert_eq!(fx[0], Effect::Store(aside.clone(), Some(bad.into())));
        assert_eq!(fx[1], Effect::Store(KEY.into(), None));
        assert_eq!(m.notices[0].arg, aside);
        assert_eq!(m.own, None);
        assert!(has_text(&m, "they have been set aside"));
    }
    // Storage that cannot be used is said once, however often it fails.
    let mut m = Model::new();
    update(&mut m, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
    update(
        &mut m,
        Msg::Restored(Restored {
            value: Err(()),
            hash: String::new(),
            base: None,
            now: 0,
        }),
    );
    assert_eq!(update(&mut m, Msg::Failed(Failure::Storage)), []);
    assert_eq!(m.notices.len(), 1);
}

#[test]
fn someone_elses_link_never_touches_your_own_answers() {
    let fw = fw();
    let mut mine = ready();
    answer_all(&mut mine, Answer::Value(2));
    let own_text = mine.saved_text().unwrap();
    let mut theirs = crate::core::response::Response::new(&fw);
    theirs.answers.insert("purpose-1".into(), Answer::Value(5));
    theirs.answers.insert("purpose-2".into(), Answer::Value(5));
    let code = sharecode::encode(&fw, &theirs);
    let mut m = ready_with(Some(&own_text), &format!("#fc={code}"));
    assert_eq!(m.shared.as_ref(), Some(&theirs));
    assert_eq!(m.own, mine.own);
    assert!(has_text(&m, "Shared results"));
    let b = buttons(&m);
    assert!(b.contains(&"Back to my own self-check".to_string()));
    assert!(b.contains(&"Keep these as my answers".to_string()));
    assert!(!b.iter().any(|t| t == "Change my answers"
        || t == "Start again"
        || t.starts_with("Change answers")));
    // Nothing a person does on the shared view changes or saves their own answers.
    for msg in [
        Msg::Answer(0, 0, Answer::Value(1)),
        Msg::Finish(0),
        Msg::Go(Screen::Foundation(0)),
        Msg::Table,
    ] {
        let fx = update(&mut m, msg);
        assert_eq!(saved(&m, &fx), None);
    }
    assert_eq!(m.own, mine.own);
    // Keeping them asks first, since one's own would be lost; "no" keeps them.
    let fx = update(&mut m, Msg::Keep);
    assert_eq!(m.confirm, Some(Confirm::Replace));
    assert!(fx.contains(&Effect::Focus(Focus::Control(Msg::No))));
    let fx = update(&mut m, Msg::No);
    assert!(fx.contains(&Effect::Focus(Focus::Control(Msg::Keep))));
    assert_eq!(m.own, mine.own);
    // Back to one's own: the link's fragment goes, one's answers are as they were.
    let fx = update(&mut m, Msg::Leave);
    assert!(fx.contains(&Effect::ClearHash));
    assert_eq!(
        (m.shared.as_ref(), m.own.as_ref()),
        (None, mine.own.as_ref())
    );
    // Open it again (pasted into the address bar), and keep it after all.
    let fx = update(&mut m, Msg::Hash(format!("#fc={code}")));
    assert!(fx.contains(&Effect::Say("Shared results".into())));
    update(&mut m, Msg::Keep);
    let fx = update(&mut m, Msg::Yes);
    assert_eq!(m.own.as_ref(), Some(&theirs));
    assert!(saved(&m, &fx).unwrap().contains("\"purpose-1\":5"));
    // A code that cannot be read is explained; a fragment without one closes the view.
    update(&mut m, Msg::Hash("#fc=AAAA".into()));
    assert!(m.shared.is_none());
    assert!(has_text(&m, "The share link could not be opened"));
    update(&mut m, Msg::Hash(format!("#fc={code}")));
    update(&mut m, Msg::Hash(String::new()));
    assert!(m.shared.is_none());
}

#[test]
fn a_shared_link_without_answers_of_ones_own_is_kept_without_asking() {
    let fw = fw();
    let mut theirs = crate::core::response::Response::new(&fw);
    theirs.answers.insert("purpose-1".into(), Answer::Value(5));
    let mut m = ready_with(None, &format!("#fc={}", sharecode::encode(&fw, &theirs)));
    update(&mut m, Msg::Keep);
    assert_eq!((m.confirm, m.own.as_ref()), (None, Some(&theirs)));
}

#[test]
fn confirmations_start_on_the_safe_choice_and_focus_lands_somewhere_sensible() {
    let mut m = ready();
    // Nothing to lose: no question.
    let fx = update(&mut m, Msg::Restart);
    assert_eq!(m.confirm, None);
    assert!(fx.contains(&Effect::Focus(Focus::Heading)));
    update(&mut m, Msg::Answer(0, 0, Answer::Value(3)));
    let fx = update(&mut m, Msg::Restart);
    assert_eq!(m.confirm, Some(Confirm::Restart));
    assert_eq!(fx, [Effect::Render, Effect::Focus(Focus::Control(Msg::No))]);
    // The safe choice comes first; nothing else is shown or acted on meanwhile.
    assert_eq!(buttons(&m), ["No, keep them", "Yes, clear my answers"]);
    assert_eq!(update(&mut m, Msg::Next), []);
    let fx = update(&mut m, Msg::No);
    assert_eq!(
        fx,
        [Effect::Render, Effect::Focus(Focus::Control(Msg::Restart))]
    );
    assert!(m.has_answers());
    update(&mut m, Msg::Restart);
    let fx = update(&mut m, Msg::Yes);
    assert!(fx.contains(&Effect::Store(KEY.into(), None)));
    assert!(fx.contains(&Effect::Focus(Focus::Heading)));
    assert_eq!((m.own.as_ref(), m.screen), (None, Screen::Intro));
    // Twice "yes" (Enter pressed again) does nothing more.
    assert_eq!(update(&mut m, Msg::Yes), []);
}

#[test]
fn another_tabs_changes_are_taken_in_and_never_overwritten() {
    let mut m = ready();
    update(&mut m, Msg::Start);
    let fx = update(&mut m, Msg::Answer(0, 0, Answer::Value(3)));
    let ours = saved(&m, &fx).unwrap();
    // Our own write coming back, or another key, changes nothing.
    assert_eq!(
        update(&mut m, Msg::Stored(KEY.into(), Some(ours.clone()))),
        []
    );
    assert_eq!(update(&mut m, Msg::Stored("other".into(), None)), []);
    // The other tab answered more: taken in and said.
    let mut other = ready_with(Some(&ours), "");
    let fx = update(&mut other, Msg::Answer(0, 1, Answer::Value(5)));
    let theirs = saved(&other, &fx).unwrap();
    let fx = update(&mut m, Msg::Stored(KEY.into(), Some(theirs.clone())));
    assert_eq!(m.own, other.own);
    assert!(fx.contains(&Effect::Say(m.t("otherTab"))));
    // The next answer here builds on theirs.
    let fx = update(&mut m, Msg::Answer(0, 2, Answer::Value(1)));
    assert!(saved(&m, &fx).unwrap().contains("\"purpose-2\":5"));
    // Cleared there: cleared here, back at the start.
    update(&mut m, Msg::Stored(KEY.into(), None));
    assert_eq!((m.own.as_ref(), m.screen), (None, Screen::Intro));
}

#[test]
fn copying_says_what_happened_and_a_file_page_offers_no_link() {
    let mut m = ready();
    answer_all(&mut m, Answer::Value(4));
    update(&mut m, Msg::Finish(0));
    let fx = update(&mut m, Msg::Copy(true));
    let Some(Effect::Copy(link)) = fx.first() else {
        panic!("{fx:?}")
    };
    assert!(link.starts_with("https://intranet.example/check#fc="));
    // Refused: the text shown selected, the way round said; never "Copied".
    let fx = update(&mut m, Msg::Copied(false));
    assert!(fx.contains(&Effect::Focus(Focus::Share)));
    assert!(has_text(&m, "press Ctrl+C"));
    assert!(!has_text(&m, "Copied."));
    update(&mut m, Msg::Copy(false));
    let fx = update(&mut m, Msg::Copied(true));
    assert!(fx.contains(&Effect::Say("Copied.".into())));
    assert!(fx.contains(&Effect::Focus(Focus::Control(Msg::Copy(false)))));
    assert!(has_text(&m, "Copied."));
    // A page opened from a file: the code only.
    m.base = None;
    assert!(!buttons(&m).contains(&"Copy share link".to_string()));
    assert!(has_text(
        &m,
        "a link to it would point at your own computer"
    ));
    assert_eq!(update(&mut m, Msg::Copy(true)), []);
}

#[test]
fn failed_take_aways_are_shown_beside_their_buttons() {
    let mut m = ready();
    answer_all(&mut m, Answer::Value(4));
    update(&mut m, Msg::Finish(0));
    assert_eq!(update(&mut m, Msg::Print), [Effect::Print]);
    let fx = update(&mut m, Msg::Failed(Failure::Print));
    assert!(fx.contains(&Effect::Say(m.t("printFailed"))));
    assert!(has_text(&m, "Ctrl+P"));
    let fx = update(&mut m, Msg::Download(Export::Json));
    match &fx[..] {
        [Effect::Download(name, Body::Text("application/json", text))] => {
            assert_eq!(name, "place-based-partnership-1970-01-01.json");
            assert!(text.contains("\"purpose-1\":4"));
        }
        _ => panic!("{fx:?}"),
    }
    assert!(
        !has_text(&m, "Ctrl+P"),
        "a new take-away clears the old problem"
    );
    match &update(&mut m, Msg::Download(Export::Png))[..] {
        [Effect::Download(name, Body::Chart(c, true))] => {
            assert!(name.ends_with(".png"));
            assert_eq!((c.width, c.height), (800, 640));
        }
        fx => panic!("{fx:?}"),
    }
}

#[test]
fn the_table_toggle_keeps_one_name_and_the_chart_says_radar_chart_once() {
    let mut m = ready();
    answer_all(&mut m, Answer::Value(4));
    update(&mut m, Msg::Finish(0));
    let canvas = screen(&m)
        .walk()
        .into_iter()
        .find(|n| n.tag == "canvas")
        .cloned()
        .unwrap();
    let label = canvas.attr("aria-label").unwrap();
    assert_eq!(label.matches("Radar chart").count(), 1, "{label}");
    let fx = update(&mut m, Msg::Table);
    assert_eq!(
        fx,
        [Effect::Render, Effect::Focus(Focus::Control(Msg::Table))]
    );
    let s = screen(&m);
    let toggle = s
        .walk()
        .into_iter()
        .find(|n| n.attr("data-m") == Some("table"))
        .unwrap();
    assert_eq!(
        (toggle.text.as_str(), toggle.attr("aria-pressed")),
        ("Show the chart as a table", Some("true"))
    );
    let caption = s.walk().into_iter().find(|n| n.tag == "caption").unwrap();
    assert_eq!(caption.text, "Your score and band for each foundation");
}

#[test]
fn the_about_you_questions_carry_the_question_part() {
    let mut m = ready();
    update(&mut m, Msg::Start);
    let s = screen(&m);
    let sets: Vec<&Node> = s
        .walk()
        .into_iter()
        .filter(|n| n.tag == "fieldset")
        .collect();
    assert_eq!(sets.len(), 2);
    assert!(sets.iter().all(|f| f.attr("part") == Some("question")));
}

#[test]
fn the_language_and_direction_follow_the_locale_and_the_lang_attribute() {
    let mut m = ready();
    assert_eq!((m.lang(), m.rtl()), ("en-GB", false));
    let mut ar = fw();
    ar.locale = "ar-EG".into();
    update(&mut m, Msg::Loaded(Box::new(Ok((ar, "{}".into())))));
    assert_eq!((m.lang(), m.rtl()), ("ar-EG", true));
    update(&mut m, Msg::Lang(Some("en".into())));
    assert_eq!((m.lang(), m.rtl()), ("en", false));
    for (lang, rtl) in [
        ("he", true),
        ("fa-IR", true),
        ("ur", true),
        ("UR", true),
        ("fr", false),
        ("arn", false),
    ] {
        update(&mut m, Msg::Lang(Some(lang.into())));
        assert_eq!(m.rtl(), rtl, "{lang}");
    }
}

#[test]
fn the_chart_is_redrawn_only_when_the_width_changes() {
    let mut m = ready();
    assert_eq!(update(&mut m, Msg::Resized(320)), [Effect::Chart]);
    assert_eq!(update(&mut m, Msg::Resized(320)), []);
    answer_all(&mut m, Answer::Value(3));
    update(&mut m, Msg::Finish(0));
    let c = view::chart(&m).unwrap();
    assert_eq!((c.width, c.height), (320, 320));
}

fn team() -> Model {
    let mut m = Model::new();
    update(&mut m, Msg::Mode(Mode::Team));
    update(&mut m, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
    update(&mut m, restored(None, ""));
    m
}

fn codes(n: u8) -> Vec<String> {
    let fw = fw();
    (0..n)
        .map(|k| {
            let mut r = crate::core::response::Response::new(&fw);
            for f in &fw.foundations {
                for it in &f.items {
                    r.answers
                        .insert(it.id.clone(), Answer::Value(i32::from(1 + k % 5)));
                }
            }
            r.respondent.insert("sector".into(), "nhs-trust".into());
            r.submitted_at = Some(format!("2026-01-01T10:00:{:02}Z", k));
            sharecode::encode(&fw, &r)
        })
        .collect()
}

#[test]
fn team_imports_are_read_a_slice_at_a_time_then_reported_and_saved() {
    let mut m = team();
    assert_eq!(m.read_key().unwrap(), format!("{KEY}:team"));
    let fx = update(&mut m, Msg::Team(TeamMsg::Add("  ".into())));
    assert!(fx.contains(&Effect::Focus(Focus::Report)));
    assert!(has_text(&m, "There was nothing to add"));
    let text = codes(5).join("\n") + "\nnot a code\n" + &codes(1)[0];
    let fx = update(&mut m, Msg::Team(TeamMsg::Add(text)));
    assert!(fx.contains(&Effect::Tick));
    let mut ticks = 0;
    loop {
        let fx = update(&mut m, Msg::Team(TeamMsg::Tick(2)));
        ticks += 1;
        if fx.contains(&Effect::Focus(Focus::Report)) {
            assert!(fx
                .iter()
                .any(|e| matches!(e, Effect::Store(k, Some(_)) if k.ends_with(":team"))));
            break;
        }
        assert_eq!(fx, [Effect::Progress, Effect::Tick]);
        assert!(ticks < 20);
    }
    assert!(ticks > 2, "read in slices");
    assert_eq!(m.team.set.len(), 5);
    // A line with no code is passed over quietly, not refused.
    assert!(has_text(
        &m,
        "Added 5. 1 duplicates counted once. 0 could not be read."
    ));
    assert!(has_text(&m, "5 self-checks"));
    // Tables sit in regions of their own that scroll.
    let s = screen(&m);
    let regions: Vec<&Node> = s
        .walk()
        .into_iter()
        .filter(|n| n.attr("class") == Some("scroll"))
        .collect();
    assert!(!regions.is_empty());
    assert!(regions
        .iter()
        .all(|r| r.attr("tabindex") == Some("0") && r.kids[0].tag == "table"));
    // The chart's text alternative says "Radar chart" once.
    let canvas = s
        .walk()
        .into_iter()
        .find(|n| n.tag == "canvas")
        .cloned()
        .unwrap();
    assert_eq!(
        canvas
            .attr("aria-label")
            .unwrap()
            .matches("Radar chart")
            .count(),
        1
    );
}

#[test]
fn team_files_too_large_or_unreadable_are_named_and_host_imports_are_at_once() {
    let mut m = team();
    update(&mut m, Msg::Team(TeamMsg::Files));
    update(
        &mut m,
        Msg::Team(TeamMsg::TooBig {
            name: "huge.json".into(),
            bytes: 52_428_800,
        }),
    );
    update(
        &mut m,
        Msg::Team(TeamMsg::File {
            name: "bad.json".into(),
            text: None,
            previous: false,
        }),
    );
    assert!(has_text(
        &m,
        "huge.json: is 52 MB; files of up to 20 MB can be imported"
    ));
    assert!(has_text(&m, "bad.json: could not be read"));
    let fx = update(
        &mut m,
        Msg::Team(TeamMsg::Import {
            source: "now.json".into(),
            text: codes(4).join("\n"),
            previous: false,
        }),
    );
    assert_eq!(m.team.set.len(), 4);
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Focus(_))),
        "a host's import takes no focus"
    );
    update(
        &mut m,
        Msg::Team(TeamMsg::Import {
            source: "then.json".into(),
            text: codes(3).join("\n"),
            previous: true,
        }),
    );
    assert_eq!(m.team.previous.len(), 3);
    assert!(has_text(
        &m,
        "Compared with an earlier round of 3 self-checks."
    ));
    update(&mut m, Msg::Team(TeamMsg::GroupBy(Some("sector".into()))));
    assert_eq!(m.team.group_by, Some(0));
    update(&mut m, Msg::Team(TeamMsg::GroupBy(Some("nothing".into()))));
    assert_eq!(m.team.group_by, None);
    match &update(&mut m, Msg::Download(Export::Json))[..] {
        [Effect::Download(name, Body::Text(_, text))] => {
            assert_eq!(name, "place-based-partnership-team-responses.json");
            assert_eq!(text.matches("\"framework\"").count(), 4);
        }
        fx => panic!("{fx:?}"),
    }
    update(&mut m, Msg::Team(TeamMsg::ClearPrevious));
    assert!(m.team.previous.is_empty());
}

#[test]
fn clearing_the_team_asks_first_and_then_focuses_the_heading() {
    let mut m = team();
    update(
        &mut m,
        Msg::Team(TeamMsg::Import {
            source: "x".into(),
            text: codes(3).join("\n"),
            previous: false,
        }),
    );
    let fx = update(&mut m, Msg::Team(TeamMsg::Clear));
    assert_eq!(m.confirm, Some(Confirm::ClearTeam));
    assert_eq!(fx.last(), Some(&Effect::Focus(Focus::Control(Msg::No))));
    assert_eq!(buttons(&m), ["No, keep them", "Yes, clear them"]);
    // While asked, nothing else is done.
    update(
        &mut m,
        Msg::Team(TeamMsg::Import {
            source: "x".into(),
            text: codes(5).join("\n"),
            previous: false,
        }),
    );
    assert_eq!(m.team.set.len(), 3);
    let fx = update(&mut m, Msg::No);
    assert_eq!(
        fx.last(),
        Some(&Effect::Focus(Focus::Control(Msg::Team(TeamMsg::Clear))))
    );
    update(&mut m, Msg::Team(TeamMsg::Clear));
    let fx = update(&mut m, Msg::Yes);
    assert!(m.team.set.is_empty());
    assert_eq!(fx.last(), Some(&Effect::Focus(Focus::Heading)));
    assert!(fx
        .iter()
        .any(|e| matches!(e, Effect::Store(_, Some(t)) if t.contains("\"codes\":\"\""))));
    assert!(has_text(&m, "No self-checks yet."));
}

#[test]
fn a_team_link_and_another_tabs_set_are_taken_in() {
    let mut m = Model::new();
    update(&mut m, Msg::Mode(Mode::Team));
    update(&mut m, Msg::Loaded(Box::new(Ok((fw(), "{}".into())))));
    update(
        &mut m,
        restored(None, &format!("#fc-team={}", codes(3).join(","))),
    );
    assert_eq!(m.team.set.len(), 3);
    let other = m.stored.clone().unwrap();
    let mut n = team();
    let fx = update(&mut n, Msg::Stored(format!("{KEY}:team"), Some(other)));
    assert_eq!(n.team.set.len(), 3);
    assert!(fx.contains(&Effect::Say(n.t("otherTab"))));
    update(&mut n, Msg::Hash(format!("#fc-team={}", codes(4)[3])));
    assert_eq!(n.team.set.len(), 4);
}

#[test]
fn on_a_phone_every_chart_keeps_its_labels_at_a_legible_size() {
    use crate::chart::layout::Layout;
    let mut m = team();
    let now: Vec<String> = codes(5);
    update(
        &mut m,
        Msg::Team(TeamMsg::Import {
            source: "x".into(),
            text: now.join("\n"),
            previous: false,
        }),
    );
    update(&mut m, Msg::Team(TeamMsg::GroupBy(Some("role".into()))));
    let mut me = ready();
    answer_all(&mut me, Answer::Value(3));
    update(&mut me, Msg::Finish(0));
    for width in [288, 304, 320, 400] {
        for model in [&mut m, &mut me] {
            update(model, Msg::Resized(width));
            let chart = view::chart(model).unwrap();
            let layout = Layout::with_min_font(&chart, 12.0);
            assert_eq!(
                layout.labels.len(),
                8,
                "{width}px, {} series",
                chart.series.len()
            );
            assert!(layout.labels.iter().all(|b| b.size >= 12.0));
            assert!(layout
                .labels
                .iter()
                .flat_map(|b| &b.lines)
                .all(|l| !l.ends_with('-') || l.len() > 4));
        }
    }
}

/// The report and its chart share one aggregate; it follows every change to the set
/// and the grouping (each is a message, which drops the one kept).
#[test]
fn team_report_follows_the_set_and_the_grouping() {
    let import = |m: &mut Model, text: String| {
        update(m, Msg::Team(TeamMsg::Add(text)));
        let mut ticks = 0;
        while !update(m, Msg::Team(TeamMsg::Tick(100))).contains(&Effect::Focus(Focus::Report)) {
            ticks += 1;
            assert!(ticks < 100);
        }
    };
    let mut m = team();
    import(&mut m, codes(5).join("\n"));
    let first = super::view::chart(&m);
    assert!(has_text(&m, "5 self-checks"));
    import(&mut m, codes(8).join("\n"));
    assert!(has_text(&m, "8 self-checks"));
    assert_ne!(super::view::chart(&m), first);
    update(&mut m, Msg::Team(TeamMsg::GroupBy(Some("sector".into()))));
    let grouped = super::view::chart(&m);
    // The same as worked out afresh, by a model that never drew the report before.
    let mut fresh = team();
    import(&mut fresh, codes(8).join("\n"));
    update(
        &mut fresh,
        Msg::Team(TeamMsg::GroupBy(Some("sector".into()))),
    );
    assert_eq!(super::view::chart(&fresh), grouped);
    update(&mut m, Msg::Team(TeamMsg::GroupBy(None)));
    update(&mut fresh, Msg::Team(TeamMsg::GroupBy(None)));
    assert_eq!(super::view::chart(&fresh), super::view::chart(&m));
}

/// The saved set's codes, made a slice at a time as responses are added, are the codes
/// of the set as it is: after imports, a clear and a new import.
#[test]
fn team_saved_codes_are_the_sets_codes() {
    let fw = fw();
    let import = |m: &mut Model, text: String| {
        update(m, Msg::Team(TeamMsg::Add(text)));
        let mut ticks = 0;
        while !update(m, Msg::Team(TeamMsg::Tick(3))).contains(&Effect::Focus(Focus::Report)) {
            ticks += 1;
            assert!(ticks < 100);
        }
    };
    let fresh = |m: &Model| {
        let codes: Vec<String> = m
            .team
            .set
            .iter()
            .map(|r| sharecode::encode(&fw, r))
            .collect();
        format!(
            "{{\"v\":2,\"codes\":\"{}\",\"previous\":\"\"}}",
            codes.join(" ")
        )
    };
    let mut m = team();
    import(&mut m, codes(5).join("\n"));
    assert_eq!(m.stored.as_deref(), Some(fresh(&m).as_str()));
    import(&mut m, codes(9).join("\n"));
    assert_eq!(m.team.set.len(), 9);
    assert_eq!(m.stored.as_deref(), Some(fresh(&m).as_str()));
    super::team::clear(&mut m, &mut Vec::new());
    import(&mut m, codes(3)[1..].join("\n"));
    assert_eq!(m.team.set.len(), 2);
    assert_eq!(m.stored.as_deref(), Some(fresh(&m).as_str()));
}

/// A duplicate's comments joining a response held without any change its saved code.
#[test]
fn team_saved_codes_follow_comments_joining() {
    let text = include_str!("../../../frameworks/examples/pulse-check.json");
    let fw = Framework::from_value(&crate::core::reader::parse_json(text).unwrap()).unwrap();
    let mut m = Model::new();
    update(&mut m, Msg::Mode(Mode::Team));
    update(&mut m, Msg::Loaded(Box::new(Ok((fw.clone(), "{}".into())))));
    update(&mut m, restored(None, ""));
    let import = |m: &mut Model, text: String| {
        update(
            m,
            Msg::Team(TeamMsg::File {
                name: "a.json".into(),
                text: Some(text),
                previous: false,
            }),
        );
        let mut ticks = 0;
        while !update(m, Msg::Team(TeamMsg::Tick(1))).contains(&Effect::Focus(Focus::Report)) {
            ticks += 1;
            assert!(ticks < 100);
        }
    };
    let r = |comment: &str| {
        format!(
            "{{\"framework\":\"{}\",\"version\":\"{}\",\"answers\":{{\"energy-1\":2}},\"comments\":{{{comment}}},\"submittedAt\":\"2026-11-01T10:00:00Z\"}}",
            fw.id, fw.version
        )
    };
    import(&mut m, format!("[{}]", r("")));
    let before = m.stored.clone().unwrap();
    import(
        &mut m,
        format!("[{}]", r("\"energy\":\"More time together\"")),
    );
    assert_eq!(m.team.set.len(), 1);
    assert!(!m.team.set[0].comments.is_empty());
    let code = sharecode::encode(&fw, &m.team.set[0]);
    assert_eq!(
        m.stored.as_deref(),
        Some(format!("{{\"v\":2,\"codes\":\"{code}\",\"previous\":\"\"}}").as_str())
    );
    assert_ne!(m.stored.as_deref(), Some(before.as_str()));
}
