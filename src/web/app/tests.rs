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
        (
            Msg::Comment(2, "Less jargon, please.".into()),
            "Less jargon, please.",
        ),
        (Msg::Comment(0, String::new()), ""),
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
    // A line with no code is passed over quietly, counted, not refused.
    assert!(has_text(
        &m,
        "Added 5 self-checks from pasted text; 1 was already there."
    ));
    assert!(has_text(&m, "1 line had no code."));
    assert!(!has_text(&m, "could not be read"));
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
            bytes: None,
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
            // The earlier round is its own part of the file.
            assert_eq!(text.matches("\"framework\"").count(), 7);
            let (now, then) = text.split_once("\"previous\":[").unwrap();
            assert_eq!(now.matches("\"framework\"").count(), 4);
            assert_eq!(then.matches("\"framework\"").count(), 3);
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

/// A model with an example framework (frameworks/examples) loaded and nothing saved.
fn ready_example(name: &str) -> (Model, Framework) {
    let path = format!(
        "{}/frameworks/examples/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let fw = Framework::from_json(&text).unwrap();
    let mut m = Model::new();
    update(&mut m, Msg::Loaded(Box::new(Ok((fw.clone(), text)))));
    update(&mut m, restored(None, ""));
    (m, fw)
}

/// The radio choices on screen: (name, value, label text) per radio button.
fn choices(m: &Model) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for label in screen(m).walk().into_iter().filter(|n| n.tag == "label") {
        if let Some(input) = label.kids.iter().find(|k| k.attr("type") == Some("radio")) {
            out.push((
                input.attr("name").unwrap_or_default().to_string(),
                input.attr("value").unwrap_or_default().to_string(),
                label.text_content(),
            ));
        }
    }
    out
}

#[test]
fn each_statement_is_asked_on_its_own_scale_with_its_points_described() {
    // The maturity matrix: one statement per dimension, on the dimension's own 0 to 5
    // scale, each level described in the dimension's own words.
    let (mut m, fw) = ready_example("maturity-matrix");
    update(&mut m, Msg::Go(Screen::Foundation(0)));
    let c = choices(&m);
    let purpose = &fw.foundations[0];
    let scale = fw.item_scale(purpose, &purpose.items[0]);
    assert_eq!(c.len(), 6 + usize::from(scale.dont_know.is_some()));
    assert_eq!(c[0].1, "0");
    assert_eq!(c[5].1, "5");
    assert_eq!(
        c[0].2,
        "Not startedPartners have not yet talked about what they want to achieve together."
    );
    // Governance's level 1 is a different sentence from purpose's.
    update(&mut m, Msg::Go(Screen::Foundation(1)));
    assert_eq!(
        choices(&m)[1].2,
        "EmergingA shared meeting exists, but it discusses rather than decides."
    );
    // A level is answered, kept and scored on that scale.
    update(&mut m, Msg::Answer(1, 0, Answer::Value(5)));
    let id = &fw.foundations[1].items[0].id;
    assert_eq!(
        m.own.as_ref().unwrap().answers.get(id),
        Some(&Answer::Value(5))
    );
    // A point off the statement's scale is refused.
    update(&mut m, Msg::Answer(1, 0, Answer::Value(6)));
    assert_eq!(
        m.own.as_ref().unwrap().answers.get(id),
        Some(&Answer::Value(5))
    );

    // The partnership questionnaire: sections with different response options.
    let (mut m, fw) = ready_example("partnership-questionnaire");
    update(&mut m, Msg::Go(Screen::Foundation(0)));
    let first = choices(&m);
    assert_eq!(first[0].2, "Not at all well");
    update(&mut m, Msg::Go(Screen::Foundation(1)));
    assert_eq!(choices(&m)[0].2, "Not at all");
    // A section without a scale of its own uses the framework's.
    update(&mut m, Msg::Go(Screen::Foundation(2)));
    assert_eq!(choices(&m)[0].2, fw.scale.labels[0]);
}

#[test]
fn a_comment_is_written_saved_reviewed_and_cleared() {
    let (mut m, fw) = ready_example("pulse-check");
    update(&mut m, Msg::Go(Screen::Foundation(0)));
    // The prompt labels a text area limited to the question's length.
    let s = screen(&m);
    let area = s
        .walk()
        .into_iter()
        .find(|n| n.tag == "textarea")
        .cloned()
        .unwrap();
    assert_eq!(area.attr("maxlength"), Some("280"));
    let id = area.attr("id").unwrap().to_string();
    let label = s
        .walk()
        .into_iter()
        .find(|n| n.tag == "label" && n.attr("for") == Some(&id))
        .cloned()
        .unwrap();
    assert_eq!(label.text, "What is giving or draining energy?");
    let code = area.attr("data-m").unwrap().to_string();
    // Typed (the change event), it is saved with the answers and announced to the page.
    let msg = Msg::decode(&code, "Too many meetings <b>again</b>", 0).unwrap();
    let fx = update(&mut m, msg);
    let kept = saved(&m, &fx).unwrap();
    assert!(
        kept.contains(r#""comments":{"energy":"Too many meetings <b>again</b>"}"#),
        "{kept}"
    );
    assert!(fx.iter().any(|e| matches!(e, Effect::Emit(Out::Change(_)))));
    // Shown again as text, never as markup: in the text area and on the review.
    update(&mut m, Msg::Go(Screen::Foundation(0)));
    let area = screen(&m)
        .walk()
        .into_iter()
        .find(|n| n.tag == "textarea")
        .cloned()
        .unwrap();
    assert_eq!(area.text, "Too many meetings <b>again</b>");
    update(&mut m, Msg::Go(Screen::Review));
    assert!(has_text(&m, "Your comment: Too many meetings <b>again</b>"));
    assert!(screen(&m).walk().iter().all(|n| n.tag != "b"));
    // One character over the limit is refused with where and why; nothing is lost.
    let long = "é".repeat(281);
    let fx = update(&mut m, Msg::Comment(0, long));
    assert_eq!(
        fx,
        [Effect::Say(
            "Your comment on Energy was not saved: it is 281 characters long; the limit is 280."
                .into()
        )]
    );
    assert_eq!(
        m.own
            .as_ref()
            .unwrap()
            .comments
            .get("energy")
            .map(String::as_str),
        Some("Too many meetings <b>again</b>")
    );
    // Exactly the limit is kept; empty text clears it.
    let fx = update(&mut m, Msg::Comment(0, "é".repeat(280)));
    assert!(saved(&m, &fx).is_some());
    let fx = update(&mut m, Msg::Comment(0, "  ".into()));
    assert!(!saved(&m, &fx).unwrap().contains("comments"));
    assert_eq!(fw.foundations[0].id, "energy");
}

#[test]
fn a_share_code_that_leaves_the_comments_out_says_so() {
    let (mut m, fw) = ready_example("pulse-check");
    for (f, found) in fw.foundations.iter().enumerate() {
        for i in 0..found.items.len() {
            update(&mut m, Msg::Answer(f, i, Answer::Value(7)));
        }
    }
    update(&mut m, Msg::Comment(0, "Short.".into()));
    update(&mut m, Msg::Finish(1_790_000_000));
    update(&mut m, Msg::Copy(false));
    let share = m.share.clone().unwrap();
    assert!(!share.comments_left_out);
    assert_eq!(
        sharecode::decode(&fw, &share.text)
            .unwrap()
            .comments
            .get("energy")
            .map(String::as_str),
        Some("Short.")
    );
    assert!(!has_text(&m, "did not fit"));
    // Comments too long for a code of 1,800 characters: the code has the answers alone.
    for f in 0..fw.foundations.len() {
        update(&mut m, Msg::Comment(f, "ü".repeat(280)));
    }
    update(&mut m, Msg::Copy(false));
    let share = m.share.clone().unwrap();
    assert!(share.comments_left_out);
    assert!(sharecode::decode(&fw, &share.text)
        .unwrap()
        .comments
        .is_empty());
    assert!(has_text(
        &m,
        "Your comments did not fit in the code, so it carries your answers only."
    ));
}

mod import_and_comments {
    //! The team view's import, mapping, rounds and comments flows, natively: the messages
    //! a facilitator sends, what the model keeps, and what the views then show.

    use crate::codec::sharecode;
    use crate::core::response::Answer;
    use crate::web::app::msg::{Body, Effect, Export, Focus, Msg, Restored};
    use crate::web::app::team::TeamMsg;
    use crate::web::app::view::{view, Node};
    use crate::web::app::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("tests/fixtures/import/{name}")).expect("the fixture is there")
    }

    fn fixture_fw() -> Framework {
        Framework::from_json(&String::from_utf8(fixture("framework.json")).unwrap()).unwrap()
    }

    fn builtin_fw() -> Framework {
        crate::core::builtin::builtin("place-based-partnership").unwrap()
    }

    fn restored(value: Option<&str>) -> Msg {
        Msg::Restored(Restored {
            value: Ok(value.map(str::to_string)),
            hash: String::new(),
            base: Some("https://intranet.example/team".into()),
            now: 1_790_000_000_000,
        })
    }

    /// A team view of `fw`, with `saved` in storage.
    fn team_of(fw: Framework, saved: Option<&str>) -> Model {
        let mut m = Model::new();
        update(&mut m, Msg::Mode(Mode::Team));
        update(&mut m, Msg::Loaded(Box::new(Ok((fw, "{}".into())))));
        update(&mut m, restored(saved));
        m
    }

    fn screen(m: &Model) -> Node {
        let mut root = crate::web::app::view::el("div");
        root.kids = view(m);
        root
    }

    fn text(m: &Model) -> String {
        screen(m).text_content()
    }

    /// The report's paragraphs.
    fn report(m: &Model) -> Vec<String> {
        let s = screen(m);
        let r = s
            .walk()
            .into_iter()
            .find(|n| n.attr("class") == Some("report"))
            .cloned()
            .unwrap();
        r.walk()
            .into_iter()
            .filter(|n| n.tag == "p" || n.tag == "li")
            .map(|n| n.text.clone())
            .collect()
    }

    /// Reads every queued import to the end, a few units a tick; the effects of the last.
    fn settle(m: &mut Model) -> Vec<Effect> {
        for _ in 0..10_000 {
            let fx = update(m, Msg::Team(TeamMsg::Tick(3)));
            if !fx.contains(&Effect::Tick) {
                return fx;
            }
        }
        panic!("the import never finished");
    }

    fn file(m: &mut Model, name: &str, bytes: Vec<u8>, previous: bool) -> Vec<Effect> {
        update(m, Msg::Team(TeamMsg::Files));
        update(
            m,
            Msg::Team(TeamMsg::File {
                name: name.into(),
                bytes: Some(bytes),
                previous,
            }),
        );
        settle(m)
    }

    fn response(fw: &Framework, v: i32, sector: &str, second: u32) -> Response {
        let mut r = Response::new(fw);
        for f in &fw.foundations {
            for it in &f.items {
                r.answers.insert(it.id.clone(), Answer::Value(v));
            }
        }
        r.respondent.insert("sector".into(), sector.into());
        r.submitted_at = Some(format!("2026-11-20T10:00:{second:02}Z"));
        r
    }

    fn stored(fx: &[Effect]) -> Option<String> {
        fx.iter().rev().find_map(|e| match e {
            Effect::Store(k, v) if k.ends_with(":team") => v.clone(),
            _ => None,
        })
    }

    #[test]
    fn pasted_email_text_keeps_its_unread_lines_in_the_box_and_adds_nothing_twice() {
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        let good = sharecode::encode(&fw, &response(&fw, 4, "nhs-trust", 1));
        let other = sharecode::encode(&fw, &response(&fw, 2, "primary-care", 2));
        // One character changed: damaged.
        let mut damaged = other.clone().into_bytes();
        damaged[9] = if damaged[9] == b'x' { b'y' } else { b'x' };
        let damaged = String::from_utf8(damaged).unwrap();
        let paste = format!("Hi all,\n\nPriya: {good}\nSam: {damaged}.\n\nKind regards,\nAlex\n");
        update(&mut m, Msg::Team(TeamMsg::Add(paste.clone())));
        // While it is read, the box keeps what was pasted.
        assert_eq!(m.team.paste, paste);
        let fx = settle(&mut m);
        assert!(fx.contains(&Effect::Focus(Focus::Report)));
        assert_eq!(m.team.set.len(), 1);
        // The damaged line is back in the box; greetings and the code that was added are not.
        assert_eq!(m.team.paste, format!("Sam: {damaged}."));
        let box_text = screen(&m)
            .walk()
            .into_iter()
            .find(|n| n.tag == "textarea")
            .unwrap()
            .text
            .clone();
        assert_eq!(box_text, m.team.paste);
        let r = report(&m);
        assert_eq!(r[0], "Added 1 self-check from pasted text.");
        assert_eq!(r[1], "1 could not be read.");
        assert_eq!(r[2], "3 lines had no code.");
        assert!(
            r[3].starts_with("pasted text line 4: the share code is damaged"),
            "{r:?}"
        );
        assert!(text(&m).contains("The lines that could not be read are back in the box above"));
        // Corrected and added again: the one line, and the report adds up.
        update(&mut m, Msg::Team(TeamMsg::Add(format!("Sam: {other}."))));
        settle(&mut m);
        assert_eq!(m.team.set.len(), 2);
        assert_eq!(m.team.paste, "");
        assert_eq!(report(&m)[0], "Added 2 self-checks from pasted text.");
        // Nothing pasted: said, and the report stays.
        let fx = update(&mut m, Msg::Team(TeamMsg::Add(" \n".into())));
        assert!(fx.contains(&Effect::Focus(Focus::Report)));
        assert!(text(&m).contains("There was nothing to add"));
        assert!(text(&m).contains("Added 2 self-checks from pasted text."));
    }

    #[test]
    fn the_report_adds_up_until_the_set_changes_otherwise() {
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        let codes: Vec<String> = (0..4)
            .map(|k| sharecode::encode(&fw, &response(&fw, 1 + k, "nhs-trust", k as u32)))
            .collect();
        update(&mut m, Msg::Team(TeamMsg::Add(codes[..2].join("\n"))));
        settle(&mut m);
        file(
            &mut m,
            "more.txt",
            codes[1..].join("\n").into_bytes(),
            false,
        );
        assert_eq!(
            report(&m)[0],
            "Added 4 self-checks from pasted text and more.txt; 1 was already there."
        );
        // A file that gave nothing is named with its problem, not as a source.
        file(
            &mut m,
            "random.bin",
            (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect(),
            false,
        );
        let r = report(&m);
        assert_eq!(
            r[0],
            "Added 4 self-checks from pasted text and more.txt; 1 was already there."
        );
        assert!(
            r.iter()
                .any(|l| l.starts_with("random.bin: is not a file of responses")),
            "{r:?}"
        );
        file(&mut m, "then.txt", codes[..1].join("\n").into_bytes(), true);
        assert_eq!(m.team.previous.len(), 1);
        assert!(report(&m)[0].starts_with("Added 5 self-checks"));
        // An earlier round removed: the report starts again.
        update(&mut m, Msg::Team(TeamMsg::ClearPrevious));
        assert!(m.team.report.is_none());
        assert!(report(&m).is_empty());
        update(&mut m, Msg::Team(TeamMsg::Add(codes[0].clone())));
        settle(&mut m);
        assert_eq!(
            report(&m)[0],
            "Nothing new from pasted text: its 1 self-check was already there."
        );
        // The set cleared: again.
        update(&mut m, Msg::Team(TeamMsg::Clear));
        update(&mut m, Msg::Yes);
        assert!(m.team.report.is_none() && m.team.set.is_empty());
    }

    #[test]
    fn sources_are_named_as_a_list_in_words() {
        use crate::web::app::team::and_list;
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["a.csv"]), "a.csv");
        assert_eq!(and_list(&["a.csv", "b.eml"]), "a.csv and b.eml");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(and_list(&["a", "b", "c", "d", "e"]), "a, b and 3 more");
        // Only a failure so far: it is named, until something gives self-checks.
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        file(&mut m, "empty.txt", b"nothing here".to_vec(), false);
        assert_eq!(report(&m)[0], "Nothing added from empty.txt.");
        let code = sharecode::encode(&fw, &response(&fw, 3, "nhs-trust", 1));
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            file(&mut m, name, code.clone().into_bytes(), false);
        }
        assert_eq!(
            report(&m)[0],
            "Added 1 self-check from a.txt, b.txt and 2 more; 3 were already there."
        );
    }

    #[test]
    fn files_are_read_as_bytes_emails_mailboxes_utf16_csv_and_workbooks() {
        let fw = fixture_fw();
        let mut m = team_of(fw, None);
        file(&mut m, "reply.eml", fixture("reply.eml"), false);
        assert_eq!(m.team.set.len(), 2);
        file(&mut m, "inbox.mbox", fixture("inbox.mbox"), false);
        let r = report(&m);
        assert!(
            r.iter().any(|l| l.starts_with(
                "inbox.mbox message 3 (\"my code\") line 2: the share code is damaged"
            )),
            "{r:?}"
        );
        // A file's unreadable lines are named; only the paste box holds lines to correct.
        assert_eq!(m.team.paste, "");
        file(
            &mut m,
            "product-unicode-text.csv",
            fixture("product-unicode-text.csv"),
            false,
        );
        file(
            &mut m,
            "product-formulas.xlsx",
            fixture("product-formulas.xlsx"),
            false,
        );
        let r = report(&m);
        assert!(r[0].starts_with("Added "), "{r:?}");
        // The workbook's formula cells are named, never read as their values.
        assert!(
            r.iter()
                .any(|l| l.contains("product-formulas.xlsx") && l.contains("formula")),
            "{r:?}"
        );
        assert!(m.team.set.len() >= 6, "{}", m.team.set.len());
    }

    #[test]
    fn a_file_too_large_gets_one_sentence_and_the_set_is_untouched() {
        let fw = builtin_fw();
        let mut m = team_of(fw, None);
        let fx = update(
            &mut m,
            Msg::Team(TeamMsg::TooBig {
                name: "huge.json".into(),
                bytes: 52_428_800,
            }),
        );
        assert!(fx.contains(&Effect::Focus(Focus::Report)));
        assert!(!fx.iter().any(|e| matches!(e, Effect::Store(..))));
        assert_eq!(
            report(&m),
            [
                "Nothing added from huge.json.",
                "1 could not be read.",
                "huge.json: is 52 MB; files of up to 20 MB can be imported"
            ]
        );
        // Bytes over the limit that arrive anyway are refused the same way.
        update(
            &mut m,
            Msg::Team(TeamMsg::File {
                name: "big.csv".into(),
                bytes: Some(vec![b' '; crate::core::team::MAX_IMPORT_BYTES + 1]),
                previous: false,
            }),
        );
        assert!(text(&m).contains("big.csv: is 20 MB; files of up to 20 MB can be imported"));
        update(
            &mut m,
            Msg::Team(TeamMsg::File {
                name: "locked.csv".into(),
                bytes: None,
                previous: false,
            }),
        );
        assert!(
            text(&m).contains("locked.csv: could not be read: the browser would not open the file")
        );
        assert!(m.team.set.is_empty());
    }

    #[test]
    fn a_forms_export_shows_its_mapping_for_confirmation_before_anything_is_added() {
        let fw = fixture_fw();
        let mut m = team_of(fw, None);
        let fx = file(&mut m, "msforms.xlsx", fixture("msforms.xlsx"), false);
        assert!(fx.contains(&Effect::Focus(Focus::Selector("#fc-mapping"))));
        assert!(m.team.set.is_empty(), "nothing added before confirmation");
        assert_eq!(m.team.pending.len(), 1);
        let t = text(&m);
        assert!(t.contains("Check how the columns of msforms.xlsx match"));
        assert!(t.contains("msforms.xlsx is a Microsoft Forms export with 4 responses"));
        // Names and e-mail addresses are never shown, and their columns cannot be chosen.
        assert!(t.contains("Never read: names or e-mail addresses"));
        for never in ["example.org", "Alex Example", "Bo Example"] {
            assert!(!t.contains(never), "{never} is shown");
        }
        let s = screen(&m);
        let selects: Vec<&Node> = s.walk().into_iter().filter(|n| n.tag == "select").collect();
        let columns = m.team.pending[0].mapping.columns.clone();
        let personal = columns
            .iter()
            .filter(|c| c.kind == crate::codec::survey::Kind::Personal)
            .count();
        assert_eq!(personal, 2);
        assert!(selects.iter().all(|n| n.attr("aria-label").is_some()));
        // "Mostly" matches no point: rows that chose it would be named, not guessed.
        let mostly = m.team.pending[0]
            .mapping
            .labels
            .iter()
            .position(|l| l.label == "Mostly")
            .unwrap();
        assert!(t.contains("1 answer is not mapped yet"));
        // The facilitator maps it to "Agree" (4), and confirms.
        let fx = update(&mut m, Msg::Team(TeamMsg::MapLabel(mostly, "p:4".into())));
        assert_eq!(
            fx.last(),
            Some(&Effect::Focus(Focus::Control(Msg::Team(
                TeamMsg::MapLabel(mostly, String::new())
            ))))
        );
        assert!(!text(&m).contains("not mapped yet"));
        // Its row stays where it was, so the control that keeps focus is still its own.
        assert_eq!(m.team.pending[0].mapping.labels[mostly].label, "Mostly");
        assert_eq!(
            m.team.pending[0].mapping.labels[mostly].answer,
            crate::codec::survey::LabelAnswer::Point(4)
        );
        // A column changed to "not read" drops its statement; put back, it is read again.
        let free = columns.len() - 1;
        assert_eq!(columns[free].kind, crate::codec::survey::Kind::Unmatched);
        let stmt = m.team.pending[0]
            .mapping
            .columns
            .iter()
            .position(|c| c.kind == crate::codec::survey::Kind::Item)
            .unwrap();
        let id = m.team.pending[0].mapping.columns[stmt]
            .item
            .clone()
            .unwrap();
        update(&mut m, Msg::Team(TeamMsg::MapColumn(stmt, "none".into())));
        assert_eq!(
            m.team.pending[0].mapping.unmatched_statements,
            vec![id.clone()]
        );
        assert!(text(&m).contains("Statements no column answers"));
        // Two columns for one statement do not fit: named, and nothing is added.
        let other = stmt + 1;
        let taken = m.team.pending[0].mapping.columns[other]
            .item
            .clone()
            .unwrap();
        update(
            &mut m,
            Msg::Team(TeamMsg::MapColumn(stmt, format!("i:{taken}"))),
        );
        assert!(!m.team.pending[0].problems.is_empty());
        let fx = update(&mut m, Msg::Team(TeamMsg::MapConfirm));
        assert_eq!(fx, [Effect::Focus(Focus::Selector("#fc-mapping-problems"))]);
        update(
            &mut m,
            Msg::Team(TeamMsg::MapColumn(stmt, format!("i:{id}"))),
        );
        assert!(m.team.pending[0].problems.is_empty());
        update(&mut m, Msg::Team(TeamMsg::MapConfirm));
        let fx = settle(&mut m);
        assert!(fx.contains(&Effect::Focus(Focus::Report)));
        assert!(m.team.pending.is_empty());
        assert_eq!(m.team.set.len(), 4);
        assert_eq!(report(&m)[0], "Added 4 self-checks from msforms.xlsx.");
        assert!(stored(&fx).is_some());
    }

    #[test]
    fn a_google_forms_export_can_be_left_unadded() {
        let fw = fixture_fw();
        let mut m = team_of(fw, None);
        file(&mut m, "googleforms.csv", fixture("googleforms.csv"), false);
        assert_eq!(m.team.pending.len(), 1);
        assert!(!text(&m).contains("example.org"));
        let fx = update(&mut m, Msg::Team(TeamMsg::MapCancel));
        assert!(fx.contains(&Effect::Focus(Focus::Report)));
        assert!(m.team.pending.is_empty() && m.team.set.is_empty());
        assert!(text(&m).contains("Nothing was added from the survey export."));
    }

    #[test]
    fn all_responses_carry_the_earlier_round_and_loading_them_restores_both() {
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        let now: Vec<String> = (0..3)
            .map(|k| response(&fw, 3 + k % 2, "nhs-trust", k as u32).to_json())
            .collect();
        let then: Vec<String> = (0..2)
            .map(|k| response(&fw, 1, "nhs-trust", 30 + k as u32).to_json())
            .collect();
        update(
            &mut m,
            Msg::Team(TeamMsg::Import {
                source: "now.json".into(),
                text: format!("[{}]", now.join(",")),
                previous: false,
            }),
        );
        update(
            &mut m,
            Msg::Team(TeamMsg::Import {
                source: "then.json".into(),
                text: format!("[{}]", then.join(",")),
                previous: true,
            }),
        );
        let Some(Effect::Download(_, Body::Text(_, all))) =
            update(&mut m, Msg::Download(Export::Json)).pop()
        else {
            panic!()
        };
        assert!(all.contains("\"previous\":["));
        // Loaded into an empty team view, as a file: both rounds come back.
        let mut fresh = team_of(fw.clone(), None);
        file(&mut fresh, "all.json", all.clone().into_bytes(), false);
        assert_eq!((fresh.team.set.len(), fresh.team.previous.len()), (3, 2));
        assert_eq!(fresh.team.set, m.team.set);
        assert_eq!(fresh.team.previous, m.team.previous);
        assert_eq!(
            report(&fresh)[0],
            "Added 5 self-checks from all.json and all.json (earlier round)."
        );
        // And by the host page's script, which hears of this import alone.
        let mut host = team_of(fw, None);
        update(
            &mut host,
            Msg::Team(TeamMsg::Import {
                source: "all.json".into(),
                text: all,
                previous: false,
            }),
        );
        assert_eq!((host.team.set.len(), host.team.previous.len()), (3, 2));
        assert_eq!(host.team.host_report.as_ref().unwrap().added, 5);
    }

    #[test]
    fn returning_facilitators_see_the_results_before_the_import() {
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        let order = |m: &Model| -> Vec<String> {
            screen(m)
                .walk()
                .into_iter()
                .filter(|n| n.tag == "h3")
                .map(|n| n.text.clone())
                .collect()
        };
        assert_eq!(order(&m), ["Add self-checks"]);
        let codes: Vec<String> = (0..3)
            .map(|k| sharecode::encode(&fw, &response(&fw, 3, "nhs-trust", k)))
            .collect();
        update(&mut m, Msg::Team(TeamMsg::Add(codes.join("\n"))));
        let fx = settle(&mut m);
        let saved = stored(&fx).unwrap();
        let back = team_of(fw, Some(&saved));
        let h = order(&back);
        assert_eq!(h.first().map(String::as_str), Some("3 self-checks"));
        let at = |t: &str| h.iter().position(|x| x == t).unwrap();
        assert!(at("3 self-checks") < at("Take your results away"));
        assert!(at("Take your results away") < at("Add self-checks"));
    }

    #[test]
    fn groups_are_offered_by_short_name_and_question() {
        let fw = builtin_fw();
        let mut m = team_of(fw.clone(), None);
        let codes: Vec<String> = (0..3)
            .map(|k| sharecode::encode(&fw, &response(&fw, 3, "nhs-trust", k)))
            .collect();
        update(&mut m, Msg::Team(TeamMsg::Add(codes.join("\n"))));
        settle(&mut m);
        let options: Vec<String> = screen(&m)
            .walk()
            .into_iter()
            .filter(|n| n.tag == "option")
            .map(|n| n.text.clone())
            .collect();
        assert_eq!(
            options,
            [
                "Everyone together",
                "Sector (Which part of the partnership do you work in?)",
                "Role (Which best describes your role?)"
            ]
        );
        let field = |id: &str, label: &str| crate::core::framework::RespondentField {
            id: id.into(),
            label: label.into(),
            options: Vec::new(),
        };
        assert_eq!(
            crate::web::app::team::short_label(&field("org-type", "x")),
            "Org type"
        );
        assert_eq!(
            crate::web::app::team::short_label(&field("orgType", "x")),
            "Org type"
        );
        assert_eq!(
            crate::web::app::team::short_label(&field("years_in_post", "x")),
            "Years in post"
        );
    }

    /// The pulse check with a question about the person, for groups of comments.
    fn pulse() -> Framework {
        let text = std::fs::read_to_string("frameworks/examples/pulse-check.json").unwrap();
        let text = text.replacen(
            "\"locale\": \"en-GB\",",
            r#""locale": "en-GB", "respondentFields": [{"id": "team", "label": "Which team are you in?", "options": [{"id": "north", "label": "North"}, {"id": "south", "label": "South"}, {"id": "east", "label": "East"}]}],"#,
            1,
        );
        Framework::from_json(&text).unwrap()
    }

    fn commented(fw: &Framework, team: &str, k: u32, comment: &str) -> Response {
        let mut r = Response::new(fw);
        for f in &fw.foundations {
            for it in &f.items {
                r.answers
                    .insert(it.id.clone(), Answer::Value(5 + (k % 3) as i32));
            }
        }
        r.respondent.insert("team".into(), team.into());
        r.comments
            .insert(fw.foundations[0].id.clone(), comment.to_string());
        r.submitted_at = Some(format!("2026-11-20T11:00:{k:02}Z"));
        r
    }

    #[test]
    fn comments_are_listed_safely_hidden_by_id_and_kept_with_the_set() {
        let fw = pulse();
        assert!(
            fw.respondent_fields.len() == 1,
            "the test framework has its question"
        );
        let mut m = team_of(fw.clone(), None);
        let people = [
            commented(&fw, "north", 1, "zebra crossings matter"),
            commented(&fw, "north", 2, "Meetings run over"),
            commented(&fw, "north", 3, "Alex Example never replies"),
            commented(&fw, "south", 4, "More time to plan"),
            // A long comment: its share code would be too long with it, so the saved set
            // keeps this response whole.
            {
                let mut r = commented(&fw, "east", 5, &"€".repeat(280));
                for f in &fw.foundations {
                    r.comments.insert(f.id.clone(), "€".repeat(280));
                }
                r
            },
        ];
        let json: Vec<String> = people.iter().map(Response::to_json).collect();
        update(
            &mut m,
            Msg::Team(TeamMsg::Import {
                source: "pulse.json".into(),
                text: format!("[{}]", json.join(",")),
                previous: false,
            }),
        );
        let t = text(&m);
        assert!(t.contains("What people said"));
        // In the core's order (by text, ignoring case), never import order, and without
        // the person's team beside them.
        let said: Vec<String> = screen(&m)
            .walk()
            .into_iter()
            .filter(|n| n.attr("class") == Some("said"))
            .map(|n| n.text.clone())
            .collect();
        assert_eq!(said.len(), 5 + fw.foundations.len() - 1);
        assert_eq!(said[0], "Alex Example never replies");
        assert_eq!(said[1], "Meetings run over");
        assert_eq!(said[2], "More time to plan");
        assert_eq!(said[3], "zebra crossings matter");
        // The facilitator hides the one that names someone.
        let id = crate::core::comments::comment_id(
            &people[2],
            &fw.foundations[0].id,
            "Alex Example never replies",
        );
        let fx = update(&mut m, Msg::Team(TeamMsg::Hide(id.clone())));
        assert!(
            fx.contains(&Effect::Focus(Focus::Control(Msg::Team(TeamMsg::Hide(
                id.clone()
            )))))
        );
        assert!(fx.contains(&Effect::Say(
            "The comment is hidden from the report.".into()
        )));
        let saved = stored(&fx).unwrap();
        assert!(saved.contains(&id));
        assert!(text(&m).contains("Hidden from the report."));
        assert!(text(&m).contains("Show in the report"));
        // Its button is described by the comment it hides or shows.
        let s = screen(&m);
        let code = Msg::Team(TeamMsg::Hide(id.clone())).code();
        let nodes = s.walk();
        let b = nodes
            .iter()
            .find(|n| n.attr("data-m") == Some(&code))
            .unwrap();
        let said_id = b.attr("aria-describedby").unwrap();
        let said = nodes
            .iter()
            .find(|n| n.attr("id") == Some(said_id))
            .unwrap();
        assert_eq!(said.text, "Alex Example never replies");
        let hidden = screen(&m)
            .walk()
            .into_iter()
            .filter(|n| n.attr("class") == Some("comment hidden"))
            .count();
        assert_eq!(hidden, 1);
        // The comments file leaves it out, and names no one's team beside a comment.
        let Some(Effect::Download(name, Body::Text(_, csv))) =
            update(&mut m, Msg::Team(TeamMsg::CommentsCsv)).pop()
        else {
            panic!()
        };
        assert_eq!(name, "pulse-check-team-comments.csv");
        assert!(csv.contains("Meetings run over"));
        assert!(!csv.contains("Alex Example"));
        // Reloaded: the set, the long comment and the hidden id come back.
        let mut back = team_of(fw.clone(), Some(&saved));
        assert_eq!(back.team.set.len(), 5);
        assert_eq!(back.team.hidden, std::slice::from_ref(&id));
        assert!(back
            .team
            .set
            .iter()
            .any(|r| r.comments.values().any(|c| c.chars().count() == 280)));
        assert!(
            saved.contains("\"full\":[{"),
            "the long comment is kept whole"
        );
        // By team: North (3) is listed; South and East (1 each) are withheld, and with
        // them nothing else needs to be.
        update(&mut back, Msg::Team(TeamMsg::GroupBy(Some("team".into()))));
        let t = text(&back);
        assert!(t.contains("North (n=3)"));
        assert!(t.contains("South (n=1)Not shown: fewer than 3 people have answered"));
        assert!(!t.contains("More time to plan") || t.matches("More time to plan").count() == 1);
        // Shown again.
        update(&mut back, Msg::Team(TeamMsg::Hide(id)));
        assert!(back.team.hidden.is_empty());
        // Fewer than three people: no listing at all.
        let mut few = team_of(fw.clone(), None);
        update(
            &mut few,
            Msg::Team(TeamMsg::Import {
                source: "two.json".into(),
                text: format!("[{},{}]", json[0], json[1]),
                previous: false,
            }),
        );
        let t = text(&few);
        assert!(t.contains("Not shown: fewer than 3 people have answered"));
        assert!(!t.contains("Meetings run over"));
    }

    #[test]
    fn a_saved_set_of_version_2_still_reads() {
        let fw = builtin_fw();
        let codes: Vec<String> = (0..2)
            .map(|k| sharecode::encode(&fw, &response(&fw, 3, "nhs-trust", k)))
            .collect();
        let v2 = format!(
            "{{\"v\":2,\"codes\":\"{}\",\"previous\":\"\"}}",
            codes.join(" ")
        );
        let m = team_of(fw, Some(&v2));
        assert_eq!(m.team.set.len(), 2);
        assert!(m.notices.is_empty());
    }

    #[test]
    fn the_new_controls_decode_to_their_messages() {
        for (msg, value) in [
            (TeamMsg::MapColumn(3, "i:p1".into()), "i:p1"),
            (TeamMsg::MapLabel(0, "dontKnow".into()), "dontKnow"),
            (TeamMsg::MapOption(2, "".into()), ""),
            (TeamMsg::MapConfirm, ""),
            (TeamMsg::MapCancel, ""),
            (TeamMsg::Hide("00ff00ff00ff00ff".into()), ""),
            (TeamMsg::CommentsCsv, ""),
        ] {
            let code = Msg::Team(msg).code();
            let back = Msg::decode(&code, value, 0).unwrap();
            assert_eq!(back.code(), code);
        }
        assert_eq!(Msg::decode("t hide <script>", "", 0), None);
        assert_eq!(Msg::decode("t col x", "", 0), None);
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

#[test]
fn one_minute_and_one_statement_are_said_in_the_singular() {
    // The pulse check: four statements (48 seconds at 12 each), one a foundation.
    let (mut m, _) = ready_example("pulse-check");
    assert!(has_text(&m, "It takes about a minute, in 5 short steps."));
    update(&mut m, Msg::Go(Screen::Review));
    assert!(has_text(&m, "0 of 1 statement answered"));
    assert!(!has_text(&m, "1 statements"));
    // The built-in framework: 24 statements, about 5 minutes.
    let m = ready();
    assert!(has_text(&m, "It takes about 5 minutes, in 10 short steps."));
}

#[test]
fn a_response_set_by_the_page_drops_the_share_code_of_the_answers_before() {
    let mut m = ready();
    answer_all(&mut m, Answer::Value(4));
    update(&mut m, Msg::Finish(1_790_000_000));
    update(&mut m, Msg::Copy(false));
    update(&mut m, Msg::Copied(false));
    let old = m.share.clone().unwrap().text;
    assert!(has_text(&m, "did not let the self-check copy"));
    // The host page sets other answers: the box with the old code goes.
    let mut r = m.own.clone().unwrap();
    r.answers.insert("purpose-1".into(), Answer::Value(1));
    update(&mut m, Msg::Response(Box::new(r)));
    assert!(m.share.is_none());
    let shown = screen(&m);
    assert!(shown
        .walk()
        .iter()
        .all(|n| n.attr("value") != Some(old.as_str())));
    assert!(!has_text(&m, "did not let the self-check copy"));
}
