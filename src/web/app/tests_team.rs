//! The team view's import, mapping, rounds and comments flows, natively: the messages
//! a facilitator sends, what the model keeps, and what the views then show.

use super::msg::{Body, Effect, Export, Focus, Msg, Restored};
use super::team::TeamMsg;
use super::view::{view, Node};
use super::*;
use crate::codec::sharecode;
use crate::core::response::Answer;

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
    let mut root = super::view::el("div");
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
    let paste = format!(
        "Hi all,\n\nPriya: {good}\nSam: {damaged}.\n\nKind regards,\nAlex\n"
    );
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
    assert!(r[3].starts_with("pasted text line 4: the share code is damaged"), "{r:?}");
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
    file(&mut m, "more.txt", codes[1..].join("\n").into_bytes(), false);
    assert_eq!(
        report(&m)[0],
        "Added 4 self-checks from pasted text and more.txt; 1 was already there."
    );
    // A file that gave nothing is named with its problem, not as a source.
    file(&mut m, "random.bin", (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect(), false);
    let r = report(&m);
    assert_eq!(
        r[0],
        "Added 4 self-checks from pasted text and more.txt; 1 was already there."
    );
    assert!(r.iter().any(|l| l.starts_with("random.bin: is not a file of responses")), "{r:?}");
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
    use super::team::and_list;
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
        r.iter().any(|l| l.starts_with("inbox.mbox message 3 (\"my code\") line 2: the share code is damaged")),
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
        r.iter().any(|l| l.contains("product-formulas.xlsx") && l.contains("formula")),
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
    assert!(text(&m).contains("locked.csv: could not be read: the browser would not open the file"));
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
    let fx = update(
        &mut m,
        Msg::Team(TeamMsg::MapLabel(mostly, "p:4".into())),
    );
    assert_eq!(
        fx.last(),
        Some(&Effect::Focus(Focus::Control(Msg::Team(TeamMsg::MapLabel(
            mostly,
            String::new()
        )))))
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
    let id = m.team.pending[0].mapping.columns[stmt].item.clone().unwrap();
    update(&mut m, Msg::Team(TeamMsg::MapColumn(stmt, "none".into())));
    assert_eq!(
        m.team.pending[0].mapping.unmatched_statements,
        vec![id.clone()]
    );
    assert!(text(&m).contains("Statements no column answers"));
    // Two columns for one statement do not fit: named, and nothing is added.
    let other = stmt + 1;
    let taken = m.team.pending[0].mapping.columns[other].item.clone().unwrap();
    update(&mut m, Msg::Team(TeamMsg::MapColumn(stmt, format!("i:{taken}"))));
    assert!(!m.team.pending[0].problems.is_empty());
    let fx = update(&mut m, Msg::Team(TeamMsg::MapConfirm));
    assert_eq!(fx, [Effect::Focus(Focus::Selector("#fc-mapping-problems"))]);
    update(&mut m, Msg::Team(TeamMsg::MapColumn(stmt, format!("i:{id}"))));
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
    assert_eq!(super::team::short_label(&field("org-type", "x")), "Org type");
    assert_eq!(super::team::short_label(&field("orgType", "x")), "Org type");
    assert_eq!(super::team::short_label(&field("years_in_post", "x")), "Years in post");
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
            r.answers.insert(it.id.clone(), Answer::Value(5 + (k % 3) as i32));
        }
    }
    r.respondent.insert("team".into(), team.into());
    r.comments.insert(fw.foundations[0].id.clone(), comment.to_string());
    r.submitted_at = Some(format!("2026-11-20T11:00:{k:02}Z"));
    r
}

#[test]
fn comments_are_listed_safely_hidden_by_id_and_kept_with_the_set() {
    let fw = pulse();
    assert!(fw.respondent_fields.len() == 1, "the test framework has its question");
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
    let id = crate::core::comments::comment_id(&people[2], &fw.foundations[0].id, "Alex Example never replies");
    let fx = update(&mut m, Msg::Team(TeamMsg::Hide(id.clone())));
    assert!(fx.contains(&Effect::Focus(Focus::Control(Msg::Team(TeamMsg::Hide(id.clone()))))));
    assert!(fx.contains(&Effect::Say("The comment is hidden from the report.".into())));
    let saved = stored(&fx).unwrap();
    assert!(saved.contains(&id));
    assert!(text(&m).contains("Hidden from the report."));
    assert!(text(&m).contains("Show in the report"));
    // Its button is described by the comment it hides or shows.
    let s = screen(&m);
    let code = Msg::Team(TeamMsg::Hide(id.clone())).code();
    let nodes = s.walk();
    let b = nodes.iter().find(|n| n.attr("data-m") == Some(&code)).unwrap();
    let said_id = b.attr("aria-describedby").unwrap();
    let said = nodes.iter().find(|n| n.attr("id") == Some(said_id)).unwrap();
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
    assert!(back.team.set.iter().any(|r| r.comments.values().any(|c| c.chars().count() == 280)));
    assert!(saved.contains("\"full\":[{"), "the long comment is kept whole");
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
    let v2 = format!("{{\"v\":2,\"codes\":\"{}\",\"previous\":\"\"}}", codes.join(" "));
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
