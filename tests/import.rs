//! Responses in from where facilitators have them: codes pasted from e-mails, saved
//! e-mails and mailboxes, CSV as spreadsheet programs save it, workbooks, survey tools'
//! exports, and what is not responses. The fixtures are in tests/fixtures/import/ (the
//! binary ones written by make_fixtures.py there); every name and address is made up.
use foundations_check::codec::intake::Format;
use foundations_check::codec::survey::{How, Kind, LabelAnswer, Mapping, Tool};
use foundations_check::core::gather::{survey_mapping, ImportOptions, Input};
use foundations_check::core::team::{import, import_input, Import, ImportReport};
use foundations_check::{Answer, Framework, Response};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/import/{name}")).expect("the fixture is there")
}

fn fw() -> Framework {
    Framework::from_json(&String::from_utf8(fixture("framework.json")).unwrap())
        .expect("the fixture framework is valid")
}

/// Imports a fixture file into `set` as the team view does with a dropped file.
fn import_file(
    fw: &Framework,
    set: &mut Vec<Response>,
    name: &str,
    options: ImportOptions,
) -> ImportReport {
    import_input(fw, set, name, Input::Bytes(fixture(name)), options)
}

fn answers(r: &Response) -> Vec<Option<Answer>> {
    ["p1", "p2", "p3", "t1", "t2", "t3"]
        .iter()
        .map(|id| r.answers.get(*id).copied())
        .collect()
}

fn v(points: [i32; 6]) -> Vec<Option<Answer>> {
    points
        .iter()
        .map(|p| {
            Some(if *p == 0 {
                Answer::DontKnow
            } else {
                Answer::Value(*p)
            })
        })
        .collect()
}

fn messages(r: &ImportReport) -> Vec<String> {
    r.rejected.iter().map(|e| e.to_string()).collect()
}

/// The example: ten codes pasted from e-mails, after a name, after a dash, a
/// link in angle brackets, two on one line, in quotes, a code and a link each followed
/// by a full stop, a link wrapped by Outlook Safe Links, one on its own. All ten are
/// read; the greeting, the headers and the signature are counted, not named.
#[test]
fn ten_codes_pasted_from_emails_are_all_read() {
    let fw = fw();
    let text = String::from_utf8(fixture("pasted-email.txt")).unwrap();
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "pasted text", &text);
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!((r.added, r.duplicates), (10, 0));
    assert_eq!(r.no_code_lines, 10);
    assert_eq!(r.unread, Vec::<String>::new());
    assert_eq!(r.format, Some(Format::Text));
    // Each is the person's answers, in the order pasted.
    let want = [
        ([5, 4, 4, 3, 4, 5], "nhs", "2026-11-17T09:12:40Z"),
        ([3, 3, 2, 4, 4, 3], "council", "2026-11-17T10:05:00Z"),
        ([4, 4, 5, 5, 4, 4], "vcse", "2026-11-17T11:48:13Z"),
        ([2, 3, 3, 3, 2, 2], "nhs", "2026-11-18T08:30:00Z"),
        ([5, 5, 4, 4, 5, 5], "council", "2026-11-18T14:02:59Z"),
        ([1, 2, 2, 3, 3, 1], "vcse", "2026-11-18T16:45:30Z"),
        ([4, 3, 0, 4, 3, 4], "nhs", "2026-11-19T07:59:01Z"),
        ([3, 4, 4, 2, 3, 3], "council", "2026-11-19T12:00:00Z"),
        ([4, 4, 4, 4, 4, 4], "vcse", "2026-11-20T09:00:00Z"),
        ([5, 3, 4, 5, 2, 4], "nhs", "2026-11-20T17:20:10Z"),
    ];
    for (r, (points, sector, at)) in set.iter().zip(want) {
        assert_eq!(answers(r), v(points));
        assert_eq!(r.respondent.get("sector").map(String::as_str), Some(sector));
        assert_eq!(r.submitted_at.as_deref(), Some(at));
    }
    // Pasted again: nothing added twice.
    let again = import(&fw, &mut set, "pasted text", &text);
    assert_eq!((again.added, again.duplicates), (0, 10));
    assert_eq!(
        again.sentences(),
        [
            "Nothing new from pasted text: its 10 self-checks were already there.",
            "10 lines had no code."
        ]
    );
}

/// Damaged codes are named with their problem, and their lines are kept for the paste
/// box; what was read from the same paste is added, and adding the corrected lines
/// again adds only what is new.
#[test]
fn damaged_codes_stay_in_the_box() {
    let fw = fw();
    let text = "Hi Sam,\n\
                Jon: AZMpcnByRtjV-sQQr8g\n\
                Kit: AZMpcnDa3ajV-2Xm8r0\n\
                Lee: AZMpcnBNyLjV-6xU\n\
                https://partnership.example.org/check#fc=\n\
                Thanks\n";
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "pasted text", text);
    assert_eq!(r.added, 1);
    assert_eq!(
        messages(&r),
        [
            "pasted text line 3: the share code is damaged or incomplete: check it was copied whole",
            "pasted text line 4: the share code is damaged or incomplete: check it was copied whole",
            "pasted text line 5: the link ends at fc= with no code after it: it was cut off when it was copied",
        ]
    );
    assert_eq!(
        r.unread,
        [
            "Kit: AZMpcnDa3ajV-2Xm8r0",
            "Lee: AZMpcnBNyLjV-6xU",
            "https://partnership.example.org/check#fc="
        ]
    );
    assert_eq!(r.no_code_lines, 2);
    assert_eq!(
        r.sentences(),
        [
            "Added 1 self-check from pasted text.",
            "3 could not be read.",
            "2 lines had no code."
        ]
    );
    // Corrected, with the good line pasted again too.
    let fixed = "Jon: AZMpcnByRtjV-sQQr8g\nKit: AZMpcnDa3ajV-2Am8r0\nLee: AZMpcnBNyLjV-6xUBN4\n";
    let r = import(&fw, &mut set, "pasted text", fixed);
    assert_eq!((r.added, r.duplicates, r.rejected.len()), (2, 1, 0));
    assert_eq!(
        r.sentences(),
        ["Added 2 self-checks from pasted text; 1 was already there."]
    );
}

/// A saved message: the plain part quoted-printable in Windows-1252 (a Safe Links
/// link cut by soft line breaks), the HTML part base64 with the same link; the code in
/// both parts is one code.
#[test]
fn a_saved_email_is_searched_in_every_part() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "reply.eml", ImportOptions::default());
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!((r.added, r.duplicates), (2, 0));
    assert_eq!(r.format, Some(Format::Email));
    assert_eq!(answers(&set[0]), v([5, 4, 4, 3, 4, 5]));
    assert_eq!(answers(&set[1]), v([3, 3, 2, 4, 4, 3]));
}

/// A mailbox export: four messages in ISO-8859-1 quoted-printable, HTML in base64 with
/// a link encoded twice by a redirect, one damaged code, one with no code.
#[test]
fn a_mailbox_is_split_into_messages() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "inbox.mbox", ImportOptions::default());
    assert_eq!(r.added, 2);
    assert_eq!(r.read_as.as_deref(), Some("4 messages"));
    assert_eq!(
        messages(&r),
        ["inbox.mbox message 3 (\"my code\") line 2: the share code is damaged or incomplete: check it was copied whole"]
    );
    assert_eq!(r.unread, ["Kit: AZMpcnDa3ajV-2Xm8r0"]);
    assert_eq!(answers(&set[0]), v([4, 4, 5, 5, 4, 4]));
    assert_eq!(answers(&set[1]), v([2, 3, 3, 3, 2, 2]));
    // Message 1: 2 lines, 2: 2, 3: 3, 4: 3.
    assert_eq!(r.no_code_lines, 10);
    // The same mailbox as text (a .txt of it) reads the same.
    let mut again = Vec::new();
    let text = String::from_utf8(fixture("inbox.mbox")).unwrap();
    let r2 = import(&fw, &mut again, "saved.txt", &text);
    assert_eq!((r2.added, r2.rejected.len()), (2, 1));
}

/// An e-mail full of markup: the code in its text is read; nothing of the script,
/// the comment or the markup comes through.
#[test]
fn an_email_full_of_markup() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "markup.eml", ImportOptions::default());
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!(r.added, 1, "the code in the comment is not read");
    assert_eq!(answers(&set[0]), v([4, 3, 0, 4, 3, 4]));
    assert_eq!(r.no_code_lines, 2);
    let text = format!("{:?}", r.sentences());
    assert!(!text.contains('<') && !text.contains("alert"), "{text}");
}

/// Excel's "Unicode text": UTF-16 with its mark, tab-separated, CRLF, a trailing row
/// of tabs; read as the product's columns.
#[test]
fn utf16_tab_separated() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(
        &fw,
        &mut set,
        "product-unicode-text.csv",
        ImportOptions::default(),
    );
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!(r.added, 4);
    assert_eq!(r.format, Some(Format::Csv));
    assert_eq!(r.read_as.as_deref(), Some("CSV separated by tabs, UTF-16"));
}

/// The product's CSV with two trailing rows of separators only, as a spreadsheet
/// leaves them: read whole, by the team view and by the CSV reader of the npm API.
#[test]
fn trailing_rows_of_separators() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(
        &fw,
        &mut set,
        "product-trailing-rows.csv",
        ImportOptions::default(),
    );
    assert_eq!((r.added, r.rejected.len()), (2, 0));
    let text = String::from_utf8(fixture("product-trailing-rows.csv")).unwrap();
    let got = foundations_check::codec::csv::from_csv(&fw, &text).unwrap();
    assert_eq!((got.responses.len(), got.rejected.len()), (2, 0));
}

/// Separated by commas or semicolons? When every row splits evenly both ways, the
/// report says so rather than guess.
#[test]
fn an_undecidable_dialect_is_said() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "ambiguous.csv", ImportOptions::default());
    assert_eq!(
        messages(&r),
        ["ambiguous.csv: could not tell how its cells are separated (comma or semicolon would each split every row evenly): save it again as \"CSV UTF-8 (comma delimited)\", or add a first line sep=; or sep=,"]
    );
}

/// A Google Forms download: a grid question, the tool's timestamps, an e-mail column.
#[test]
fn a_google_forms_export() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "googleforms.csv", ImportOptions::default());
    assert_eq!(
        r.added, 0,
        "nothing is added before the mapping is confirmed"
    );
    let m = r.mapping.clone().expect("a mapping to confirm");
    assert_eq!(m.tool, Tool::GoogleForms);
    assert_eq!((m.header_row, m.rows), (1, 3));
    let kinds: Vec<(Kind, Option<&str>, Option<How>)> = m
        .columns
        .iter()
        .map(|c| (c.kind, c.item.as_deref().or(c.field.as_deref()), c.how))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::SubmittedAt, None, Some(How::Known)),
            (Kind::Personal, None, Some(How::Known)),
            (Kind::Item, Some("p1"), Some(How::Grid)),
            (Kind::Item, Some("p2"), Some(How::Grid)),
            (Kind::Item, Some("p3"), Some(How::Grid)),
            (Kind::Item, Some("t1"), Some(How::Grid)),
            (Kind::Item, Some("t2"), Some(How::Grid)),
            (Kind::Item, Some("t3"), Some(How::Grid)),
            (Kind::Field, Some("sector"), Some(How::Exact)),
        ]
    );
    assert!(m.ready);
    assert!(m.unmatched_statements.is_empty());
    let labels: Vec<(&str, LabelAnswer, usize)> = m
        .labels
        .iter()
        .map(|l| (l.label.as_str(), l.answer, l.count))
        .collect();
    assert_eq!(
        labels,
        [
            ("Disagree", LabelAnswer::Point(2), 2),
            ("Neither agree nor disagree", LabelAnswer::Point(3), 2),
            ("Agree", LabelAnswer::Point(4), 9),
            ("Strongly agree", LabelAnswer::Point(5), 4),
            ("Don't know", LabelAnswer::DontKnow, 1),
        ]
    );
    // No e-mail address is anywhere in the mapping.
    let shown = serde_json::to_string(&m).unwrap();
    assert!(!shown.contains("example.org"), "{shown}");
    // Confirmed as proposed.
    let r = import_file(
        &fw,
        &mut set,
        "googleforms.csv",
        ImportOptions {
            mapping: Some(m),
            ..Default::default()
        },
    );
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!(r.added, 3);
    assert_eq!(answers(&set[0]), v([5, 4, 4, 3, 4, 5]));
    assert_eq!(answers(&set[1]), v([2, 0, 2, 4, 4, 3]));
    let times: Vec<&str> = set
        .iter()
        .filter_map(|r| r.submitted_at.as_deref())
        .collect();
    assert_eq!(
        times,
        [
            "2026-11-17T09:12:40Z",
            "2026-11-17T14:05:00Z",
            "2026-11-17T23:30:00Z"
        ]
    );
    let sectors: Vec<&str> = set
        .iter()
        .filter_map(|r| r.respondent.get("sector").map(String::as_str))
        .collect();
    assert_eq!(sectors, ["nhs", "council", "vcse"]);
    // Nothing of the e-mail column is kept.
    assert!(set.iter().all(|r| !r.to_json().contains('@')));
}

/// Microsoft Forms' workbook: a sheet of notes before the responses, the times as date
/// cells, one question typed otherwise (normalised), "Don’t know" with a curly
/// apostrophe, a label that matches nothing, a free-text question, names and e-mails.
#[test]
fn a_microsoft_forms_workbook() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(&fw, &mut set, "msforms.xlsx", ImportOptions::default());
    assert_eq!(messages(&r), Vec::<String>::new());
    assert_eq!(r.format, Some(Format::Xlsx));
    let m = r.mapping.clone().expect("a mapping to confirm");
    check_ms_mapping(&m);
    // Confirmed as proposed: the row that chose "Mostly" is named, not guessed.
    let r = import_file(
        &fw,
        &mut set,
        "msforms.xlsx",
        ImportOptions {
            mapping: Some(m.clone()),
            ..Default::default()
        },
    );
    assert_eq!(r.added, 3);
    assert_eq!(
        messages(&r),
        ["msforms.xlsx sheet \"Form1\" row 5: column 9 (Our plans follow from what residents have told us.): \"Mostly\" is not mapped to a point of the scale"]
    );
    assert_eq!(answers(&set[2]), v([4, 0, 5, 5, 4, 4]));
    let times: Vec<&str> = set
        .iter()
        .filter_map(|r| r.submitted_at.as_deref())
        .collect();
    assert_eq!(
        times,
        [
            "2026-11-17T09:12:41Z",
            "2026-11-17T10:05:00Z",
            "2026-11-17T11:48:13Z"
        ]
    );
    // The facilitator maps "Mostly" to Agree; the fourth row is added, the rest were there.
    let mut edited = m;
    edited
        .labels
        .iter_mut()
        .find(|l| l.label == "Mostly")
        .unwrap()
        .answer = LabelAnswer::Point(4);
    let r = import_file(
        &fw,
        &mut set,
        "msforms.xlsx",
        ImportOptions {
            mapping: Some(edited),
            ..Default::default()
        },
    );
    assert_eq!((r.added, r.duplicates, r.rejected.len()), (1, 3, 0));
    assert_eq!(answers(&set[3]), v([2, 3, 4, 3, 2, 2]));
    assert!(set.iter().all(|r| !r.to_json().contains("Example")));
}

fn check_ms_mapping(m: &Mapping) {
    assert_eq!(m.tool, Tool::MicrosoftForms);
    assert_eq!(m.rows, 4);
    let kinds: Vec<(Kind, Option<&str>, Option<How>)> = m
        .columns
        .iter()
        .map(|c| (c.kind, c.item.as_deref().or(c.field.as_deref()), c.how))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Ignored, None, Some(How::Known)),
            (Kind::Ignored, None, Some(How::Known)),
            (Kind::SubmittedAt, None, Some(How::Known)),
            (Kind::Personal, None, Some(How::Known)),
            (Kind::Personal, None, Some(How::Known)),
            (Kind::Ignored, None, Some(How::Known)),
            (Kind::Item, Some("p1"), Some(How::Exact)),
            (Kind::Item, Some("p2"), Some(How::Normalised)),
            (Kind::Item, Some("p3"), Some(How::Exact)),
            (Kind::Item, Some("t1"), Some(How::Exact)),
            (Kind::Item, Some("t2"), Some(How::Exact)),
            (Kind::Item, Some("t3"), Some(How::Exact)),
            (Kind::Field, Some("sector"), Some(How::Exact)),
            (Kind::Unmatched, None, None),
        ]
    );
    let unmatched: Vec<&str> = m
        .labels
        .iter()
        .filter(|l| l.answer == LabelAnswer::Unmapped)
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(unmatched, ["Mostly"]);
    let dk = m
        .labels
        .iter()
        .find(|l| l.answer == LabelAnswer::DontKnow)
        .unwrap();
    assert_eq!(
        (dk.label.as_str(), dk.how),
        ("Don\u{2019}t know", Some(How::Normalised))
    );
    let options: Vec<(&str, Option<&str>)> = m
        .options
        .iter()
        .map(|o| (o.label.as_str(), o.option.as_deref()))
        .collect();
    assert_eq!(
        options,
        [
            ("NHS", Some("nhs")),
            ("Local authority", Some("council")),
            ("Voluntary sector", Some("vcse")),
            ("nhs", Some("nhs"))
        ]
    );
    assert!(!m.ready, "\"Mostly\" is not mapped yet");
    let shown = serde_json::to_string(m).unwrap();
    assert!(
        !shown.contains("example.org") && !shown.contains("Example"),
        "{shown}"
    );
    assert!(
        !shown.contains("Thanks"),
        "free text is never shown: {shown}"
    );
}

/// The same export saved by Excel in a European locale: a sep=; line, semicolons,
/// Windows-1252, times day first, trailing rows of separators; the mapping reads the
/// same and the times as the framework's locale (en-GB) reads them.
#[test]
fn a_microsoft_forms_export_saved_as_european_csv() {
    let fw = fw();
    let name = "msforms-excel-semicolon.csv";
    let m = survey_mapping(
        &fw,
        name,
        Input::Bytes(fixture(name)),
        &ImportOptions::default(),
    )
    .unwrap();
    check_ms_mapping(&m);
    assert_eq!(m.header_row, 2, "after the sep= line");
    let mut set = Vec::new();
    let r = import_file(
        &fw,
        &mut set,
        name,
        ImportOptions {
            mapping: Some(m),
            ..Default::default()
        },
    );
    assert_eq!(r.added, 3);
    assert_eq!(
        r.read_as.as_deref(),
        Some("CSV separated by semicolons, Windows-1252")
    );
    assert_eq!(
        messages(&r)[0].split(':').next().unwrap(),
        "msforms-excel-semicolon.csv line 6"
    );
    let times: Vec<&str> = set
        .iter()
        .filter_map(|r| r.submitted_at.as_deref())
        .collect();
    assert_eq!(
        times,
        [
            "2026-11-17T09:12:00Z",
            "2026-11-17T10:05:00Z",
            "2026-11-17T11:48:00Z"
        ]
    );
}

/// A mapping for another file, or one the framework cannot take, is refused whole and
/// changes nothing; a refreshed mapping keeps the facilitator's answers.
#[test]
fn a_mapping_must_fit() {
    let fw = fw();
    let name = "googleforms.csv";
    let m = survey_mapping(
        &fw,
        name,
        Input::Bytes(fixture(name)),
        &ImportOptions::default(),
    )
    .unwrap();
    let mut wrong = m.clone();
    wrong.columns[2].item = Some("p2".into());
    let mut set = Vec::new();
    let r = import_file(
        &fw,
        &mut set,
        name,
        ImportOptions {
            mapping: Some(wrong),
            ..Default::default()
        },
    );
    assert_eq!(r.added, 0);
    assert_eq!(
        messages(&r),
        ["mapping.columns[3]: statement \"p2\" is answered by two columns"]
    );
    // Read back from JSON (as the npm API takes it), a column changed to unmatched:
    // its labels leave the mapping and the statement is listed as unanswered.
    let mut v = serde_json::to_value(&m).unwrap();
    v["columns"][2]["kind"] = "unmatched".into();
    let text = v.to_string();
    let back =
        Mapping::from_value(&foundations_check::core::reader::parse_json(&text).unwrap()).unwrap();
    let fresh = survey_mapping(
        &fw,
        name,
        Input::Bytes(fixture(name)),
        &ImportOptions {
            mapping: Some(back),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(fresh.unmatched_statements, ["p1"]);
    assert_eq!(fresh.labels.iter().map(|l| l.count).sum::<usize>(), 15);
    // Another file's mapping.
    let other = survey_mapping(
        &fw,
        "msforms-excel-semicolon.csv",
        Input::Bytes(fixture("msforms-excel-semicolon.csv")),
        &ImportOptions::default(),
    )
    .unwrap();
    let r = import_file(
        &fw,
        &mut set,
        name,
        ImportOptions {
            mapping: Some(other),
            ..Default::default()
        },
    );
    assert_eq!(r.added, 0);
    assert!(
        messages(&r)[0].contains("the mapping is for another file"),
        "{:?}",
        r.rejected
    );
    assert!(set.is_empty());
}

/// A workbook of the product's columns whose answer cells hold a formula or a link to
/// another workbook: those rows are named (a formula is never worked out, its saved
/// value never used); the plain rows are added, one with its last statement
/// unanswered (a sheet stores no cell for it: found by the xlsx fuzz target).
#[test]
fn formulas_and_external_links_in_a_workbook() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import_file(
        &fw,
        &mut set,
        "product-formulas.xlsx",
        ImportOptions::default(),
    );
    assert_eq!(r.added, 2);
    assert_eq!(answers(&set[1])[5], None);
    assert_eq!(
        messages(&r),
        [
            "product-formulas.xlsx sheet \"Responses\" row 3: column t3: \"=2+2\" is not a whole number or dontKnow",
            "product-formulas.xlsx sheet \"Responses\" row 4: column t3: \"=[1]Sheet1!A1\" is not a whole number or dontKnow",
        ]
    );
}

/// A CSV cell holding a formula is text, never run: the row is named.
#[test]
fn formula_cells_in_csv() {
    let fw = fw();
    let text = "framework,version,submittedAt,sector,p1,p2,p3,t1,t2,t3\n\
                fixture-partnership,1,,nhs,=1+1,4,4,4,4,4\n\
                fixture-partnership,1,,nhs,@SUM(A1),4,4,4,4,4\n\
                fixture-partnership,1,,nhs,4,4,4,4,4,4\n";
    let mut set = Vec::new();
    let r = import(&fw, &mut set, "team.csv", text);
    assert_eq!(r.added, 1);
    assert_eq!(
        messages(&r),
        [
            "team.csv line 2: column p1: \"=1+1\" is not a whole number or dontKnow",
            "team.csv line 3: column p1: \"@SUM(A1)\" is not a whole number or dontKnow",
        ]
    );
}

/// What is not responses gets one sentence, and the set already loaded is untouched.
#[test]
fn what_is_not_responses_gets_one_sentence() {
    let fw = fw();
    let keep = {
        let mut set = Vec::new();
        import(&fw, &mut set, "pasted text", "AZMpcnDWy5jV-DUQlt4");
        set
    };
    // The team summary, imported by mistake.
    let agg = foundations_check::aggregate(&fw, &keep, &Default::default()).unwrap();
    let summary = foundations_check::core::team::aggregate_csv(&fw, &agg);
    // Random bytes (a fixed xorshift stream).
    let mut x: u32 = 2_463_534_242;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("summary.csv", summary.into_bytes(), "summary.csv: is the team summary (the figures per foundation that \"Download summary\" writes), not responses: import the responses file (\"Download all responses\") or the share codes"),
        ("random.bin", random, "random.bin: is not a file of responses: it holds binary data (it is not text, a workbook or an e-mail)"),
        ("big.csv", vec![b'a'; 50_000_000], "big.csv: is 50 MB; files of up to 20 MB can be imported"),
        ("notes.csv", b"Name,Team\nAlex,Finance\nBo,Estates\n".to_vec(), "notes.csv: holds no responses: its columns are not the product's (framework, version, …) or a survey's questions, and it has no share codes"),
        ("empty.xlsx", b"PK\x03\x04 not really".to_vec(), "empty.xlsx: is not a workbook that can be read (its zip container is damaged: invalid Zip archive: Could not find EOCD)"),
        ("old.xls", vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], "old.xls: is an encrypted workbook, an old .xls file or an Outlook .msg message, which cannot be read: save a workbook as .xlsx (Excel Workbook) without a password, or a message as .eml"),
        ("hello.eml", b"Subject: hi\nMIME-Version: 1.0\n\nSee you Thursday.\n".to_vec(), "hello.eml: the message has no share code or link"),
    ];
    for (name, bytes, want) in cases {
        let mut set = keep.clone();
        let r = import_input(
            &fw,
            &mut set,
            name,
            Input::Bytes(bytes),
            ImportOptions::default(),
        );
        assert_eq!(set, keep, "{name} changed the set");
        assert_eq!(r.added, 0);
        assert_eq!(messages(&r), [want.to_string()], "{name}");
    }
}

/// A zip bomb made to look like a workbook (a sheet of 201 MB of one letter) is refused
/// once it has unpacked 200 MB, and memory stays small: nothing is kept of it.
#[test]
fn a_zip_bomb_disguised_as_a_workbook() {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(9))
            .large_file(true);
        z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
        let block = vec![b'a'; 1 << 20];
        for _ in 0..201 {
            z.write_all(&block).unwrap();
        }
        z.finish().unwrap();
    }
    let bomb = out.into_inner();
    assert!(bomb.len() < 400_000, "{} bytes", bomb.len());
    let fw = fw();
    let mut set = Vec::new();
    let r = import_input(
        &fw,
        &mut set,
        "answers.xlsx",
        Input::Bytes(bomb),
        ImportOptions::default(),
    );
    assert_eq!(
        messages(&r),
        ["answers.xlsx: unpacks to more than 200 MB, which no workbook of responses does: it may be a zip bomb"]
    );
    assert!(set.is_empty());
}

/// Every new form read in small steps reads as at once (the team view's slicing).
#[test]
fn each_form_in_small_steps_reads_the_same_as_at_once() {
    let fw = fw();
    let mapped = |name: &str| {
        let m = survey_mapping(
            &fw,
            name,
            Input::Bytes(fixture(name)),
            &ImportOptions::default(),
        )
        .unwrap();
        ImportOptions {
            mapping: Some(m),
            ..Default::default()
        }
    };
    let cases = [
        ("pasted-email.txt", ImportOptions::default()),
        ("reply.eml", ImportOptions::default()),
        ("inbox.mbox", ImportOptions::default()),
        ("markup.eml", ImportOptions::default()),
        ("product-unicode-text.csv", ImportOptions::default()),
        ("product-trailing-rows.csv", ImportOptions::default()),
        ("product-formulas.xlsx", ImportOptions::default()),
        ("msforms.xlsx", ImportOptions::default()),
        ("msforms.xlsx", mapped("msforms.xlsx")),
        (
            "msforms-excel-semicolon.csv",
            mapped("msforms-excel-semicolon.csv"),
        ),
        ("googleforms.csv", mapped("googleforms.csv")),
        ("ambiguous.csv", ImportOptions::default()),
    ];
    for (name, options) in cases {
        let mut whole = Vec::new();
        let at_once = import_input(
            &fw,
            &mut whole,
            name,
            Input::Bytes(fixture(name)),
            options.clone(),
        );
        let mut job = Import::with(name, Input::Bytes(fixture(name)), options);
        let mut stepwise = Vec::new();
        let mut steps = 0;
        while !job.step(&fw, &mut stepwise, 1) {
            steps += 1;
            assert!(steps < 1000, "{name} never finishes");
        }
        assert_eq!(job.finish(), at_once, "{name}");
        assert_eq!(stepwise, whole, "{name}");
    }
}

/// A format named by the caller wins over the file's name.
#[test]
fn a_format_hint() {
    let fw = fw();
    let mut set = Vec::new();
    // Codes in a file named .csv, read as text.
    let r = import_input(
        &fw,
        &mut set,
        "codes.csv",
        Input::Text("AZMpcnDWy5jV-DUQlt4, AZMpcnCR2yjV-E2YSo0".into()),
        ImportOptions {
            format: Some(Format::Text),
            ..Default::default()
        },
    );
    assert_eq!(r.added, 2);
    // A mailbox given as text with no name.
    let r = import_input(
        &fw,
        &mut set,
        "dropped",
        Input::Text(String::from_utf8(fixture("inbox.mbox")).unwrap()),
        ImportOptions {
            format: Some(Format::Email),
            ..Default::default()
        },
    );
    assert_eq!((r.added, r.format), (2, Some(Format::Email)));
}

/// What the npm API's importResponses and responsesFromCsv do, natively: only the
/// responses not already loaded come back; CSV in another dialect is read whole.
#[test]
fn the_npm_api_reads_as_the_team_view() {
    use foundations_check::core::team::import_new;
    let fw = fw();
    let text = String::from_utf8(fixture("pasted-email.txt")).unwrap();
    let (first, report) = import_new(
        &fw,
        &[],
        "pasted text",
        Input::Text(text.clone()),
        ImportOptions::default(),
    );
    assert_eq!((first.len(), report.added), (10, 10));
    let loaded = first[..4].to_vec();
    let (rest, report) = import_new(
        &fw,
        &loaded,
        "pasted text",
        Input::Text(text),
        ImportOptions::default(),
    );
    assert_eq!(rest, first[4..]);
    assert_eq!((report.added, report.duplicates), (6, 4));
    // The product's CSV saved with semicolons and trailing separator rows.
    let csv = foundations_check::codec::csv::to_csv(&fw, &first).replace("\",\"", "\";\"")
        + ";;;;;;;;;\r\n;;;;;;;;;\r\n";
    let got = foundations_check::codec::table::from_csv_any(&fw, &csv).unwrap();
    assert_eq!((got.responses.len(), got.rejected.len()), (10, 0));
    assert_eq!(got.responses, first);
    let e = foundations_check::codec::table::from_csv_any(&fw, "a,b;c\n1,2;3\n").unwrap_err();
    assert!(
        e.message
            .starts_with("could not tell how its cells are separated"),
        "{e}"
    );
}

/// A paste that starts with a bracket but is not JSON (Outlook marks a subject
/// "[EXTERNAL]") is searched for codes, as is a file named .json that is not; only
/// what the caller says is JSON is refused as JSON.
#[test]
fn a_paste_that_starts_like_json() {
    let fw = fw();
    let mut set = Vec::new();
    let r = import(
        &fw,
        &mut set,
        "pasted text",
        "[EXTERNAL] Re: self-check codes\nPriya: AZMpcnDWy5jV-DUQlt4\n",
    );
    assert_eq!((r.added, r.rejected.len(), r.no_code_lines), (1, 0, 1));
    let r = import(&fw, &mut set, "team.json", "[EXTERNAL] AZMpcnCR2yjV-E2YSo0");
    assert_eq!(r.added, 1);
    let r = import_input(
        &fw,
        &mut set,
        "team.json",
        Input::Text("[EXTERNAL] AZMpcnC3a3jV-H36RVQ".into()),
        ImportOptions {
            format: Some(Format::Json),
            ..Default::default()
        },
    );
    assert_eq!((r.added, r.rejected.len()), (0, 1));
}
