//! Frameworks from spreadsheets: the template converts back to the framework it was
//! written from, and every problem is named by sheet, row and column.
use foundations_check::codec::sheet;
use foundations_check::codec::sheet::{
    column_letter, framework_from_sheet, framework_from_workbook, slug, template_csv,
    template_workbook, workbook_from_text, SheetIssue,
};
use foundations_check::core::builtin::builtin;
use foundations_check::core::exact::Exact;
use foundations_check::Framework;

/// A small valid workbook as CSV text; `edit` changes its text before it is read.
const GOOD: &str = "\
[About]
setting,value
title,Our partnership check
version,2
[Statements]
foundation,statement,reverse,weight,scale
Shared purpose,We agree what we are for.,,
Shared purpose,We argue about priorities.,yes,2
Trust,We share bad news early.,no,0.5,
Trust,How many partners share data?,,,how many
[Foundations]
foundation,short name,comment,comment max length
Trust,Trust,What would build trust?,300
[Scales]
scale,value,label,description
agree,1,Disagree,
agree,2,Neither,
agree,3,Agree,
agree,dontKnow,Don't know,
how many,0,None,Not one partner
how many,1,Some,
how many,2,Most,
how many,3,All,Every partner
[Bands]
band,from,description
Starting,0,
Growing,50,Half way
Strong,75%,
[Actions]
foundation,band,action
Trust,Starting,Hold a session on what each partner needs.
[Respondent questions]
question,option
Where do you work?,NHS
Where do you work?,Council
";

fn read(text: &str) -> Result<Framework, Vec<SheetIssue>> {
    framework_from_sheet(text)
}

/// Asserts that reading `text` fails with a problem at (sheet, row, heading) whose
/// message contains `words`.
fn fails(text: &str, sheet: &str, row: Option<usize>, heading: Option<&str>, words: &str) {
    let e = read(text).expect_err("the sheet should be refused");
    assert!(
        e.iter().any(|i| i.sheet == sheet
            && i.row == row
            && i.heading.as_deref() == heading
            && i.message.contains(words)),
        "expected {sheet:?} row {row:?} {heading:?} mentioning {words:?}, got:\n{}",
        e.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn edit(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from:?} is not in the workbook");
    GOOD.replacen(from, to, 1)
}

#[test]
fn a_workbook_converts_to_the_framework_it_describes() {
    let fw = read(GOOD).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(fw.title, "Our partnership check");
    assert_eq!(
        (fw.id.as_str(), fw.version.as_str()),
        ("our-partnership-check", "2")
    );
    assert_eq!((fw.scale.min, fw.scale.max), (1, 3));
    assert_eq!(fw.scale.dont_know.as_deref(), Some("Don't know"));
    let ids: Vec<&str> = fw.foundations.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["shared-purpose", "trust"]);
    let p = &fw.foundations[0];
    assert_eq!(p.items[1].id, "shared-purpose-2");
    assert!(p.items[1].reverse && !p.items[0].reverse);
    assert_eq!(p.items[1].weight, 2.0);
    let t = &fw.foundations[1];
    assert_eq!(t.items[0].weight, 0.5);
    let own = t.items[1].scale.as_ref().unwrap();
    assert_eq!((own.min, own.max, own.dont_know.as_deref()), (0, 3, None));
    assert_eq!(own.description(0), Some("Not one partner"));
    assert_eq!(own.description(3), Some("Every partner"));
    let q = t.comment.as_ref().unwrap();
    assert_eq!(
        (q.prompt.as_str(), q.max_length),
        ("What would build trust?", 300)
    );
    let levels: Vec<(&str, f64)> = fw
        .bands
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.from))
        .collect();
    assert_eq!(
        levels,
        [("starting", 0.0), ("growing", 50.0), ("strong", 75.0)]
    );
    assert_eq!(fw.bands.levels[1].description.as_deref(), Some("Half way"));
    assert_eq!(t.actions[0].band, "starting");
    assert_eq!(fw.respondent_fields[0].id, "where-do-you-work");
    let options: Vec<&str> = fw.respondent_fields[0]
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(options, ["nhs", "council"]);
}

#[test]
fn semicolons_and_tabs_separate_cells_too() {
    for sep in [";", "\t"] {
        let text: String = GOOD.lines().map(|l| l.replace(',', sep) + "\r\n").collect();
        let fw = read(&text).unwrap_or_else(|e| panic!("{sep:?}: {e:#?}"));
        assert_eq!(fw, read(GOOD).unwrap());
    }
}

#[test]
fn the_template_of_a_framework_converts_back_to_it() {
    let fw = builtin("place-based-partnership").unwrap();
    let text = template_csv(&fw);
    assert!(text.starts_with("\u{feff}\"[About]\"\r\n\"setting\",\"value\"\r\n"));
    assert_eq!(read(&text).unwrap_or_else(|e| panic!("{e:#?}")), fw);
    // As a workbook of sheets, too.
    assert_eq!(
        framework_from_workbook(&template_workbook(&fw)).unwrap(),
        fw
    );
    assert_eq!(workbook_from_text(&text).unwrap().sheets.len(), 7);
    // A problem in it is named where the spreadsheet shows it (as tests/npm expects).
    let e = read(&text.replacen("\"1\",\"purpose-1\"", "\"heavy\",\"purpose-1\"", 1)).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "Statements sheet, row 18, column D (weight): \"heavy\" is not a number"
    );
    // And so does a framework with scales of its own, descriptions and comments.
    let own = read(GOOD).unwrap();
    assert_eq!(read(&template_csv(&own)).unwrap(), own);
    for name in [
        "maturity-matrix",
        "partnership-questionnaire",
        "pulse-check",
    ] {
        let path = format!(
            "{}/frameworks/examples/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        if let Ok(json) = std::fs::read_to_string(&path) {
            let fw = Framework::from_json(&json).unwrap();
            assert_eq!(
                read(&template_csv(&fw)).unwrap_or_else(|e| panic!("{name}: {e:#?}")),
                fw,
                "{name}"
            );
        }
    }
}

#[test]
fn a_formula_in_the_template_stays_text() {
    let mut fw = read(GOOD).unwrap();
    fw.foundations[0].items[0].text = "=1+1 is not a sum here".into();
    let text = template_csv(&fw);
    assert!(text.contains("\"'=1+1 is not a sum here\""));
    assert_eq!(
        read(&text).unwrap().foundations[0].items[0].text,
        "=1+1 is not a sum here"
    );
}

#[test]
fn ids_are_made_from_names_and_kept_unique() {
    assert_eq!(
        slug("Shared purpose & vision!", "x"),
        "shared-purpose-vision"
    );
    assert_eq!(slug("   ", "fallback"), "fallback");
    assert_eq!(slug("Café ✓ 2", "x"), "caf-2");
    assert_eq!(slug(&"word ".repeat(20), "x").len(), 39);
    assert_eq!(
        (
            column_letter(0),
            column_letter(25),
            column_letter(26),
            column_letter(52)
        ),
        ("A".into(), "Z".into(), "AA".into(), "BA".into())
    );
    // Two foundations whose names make the same id.
    let text = edit(
        "Trust,We share bad news early.,no,0.5,",
        "Trust é,We share bad news early.,no,0.5,",
    );
    let fw = read(&text).unwrap();
    let ids: Vec<&str> = fw.foundations.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["shared-purpose", "trust", "trust-2"]);
}

#[test]
fn the_text_itself_is_named_when_it_cannot_be_read() {
    let e = workbook_from_text("PK\u{3}\u{4}binary").unwrap_err();
    assert!(e.message.contains("this is not text"), "{e}");
    let e = workbook_from_text("").unwrap_err();
    assert!(e.message.contains("the text is empty"), "{e}");
    let e = workbook_from_text("title,x\n[About]\n").unwrap_err();
    assert_eq!(e.row, Some(1));
    assert!(e.message.contains("comes before any sheet"), "{e}");
    let e = workbook_from_text("[About]\nsetting,value\ntitle,\"never closed\n").unwrap_err();
    assert_eq!(
        (e.row, e.message.as_str()),
        (Some(3), "a quoted cell is never closed")
    );
    let e = workbook_from_text("[About]\nsetting,value\ntitle,\"a\"b\n").unwrap_err();
    assert!(e.message.contains("text after a closing quote"), "{e}");
    assert_eq!(e.to_string(), format!("row 3: {}", e.message));
    let big = "x".repeat(4 * 1024 * 1024 + 1);
    assert!(workbook_from_text(&big)
        .unwrap_err()
        .message
        .contains("the limit is"));
}

#[test]
fn problems_with_sheets_and_columns() {
    fails(
        &edit("[Actions]", "[Things to do]"),
        "",
        None,
        None,
        "\"Things to do\" is not a sheet of a framework",
    );
    let no_bands = GOOD.replace(
        "[Bands]\nband,from,description\nStarting,0,\nGrowing,50,Half way\nStrong,75%,\n",
        "",
    );
    fails(&no_bands, "Bands", None, None, "is missing");
    fails(
        &edit("band,from,description", "band,from,colour"),
        "Bands",
        Some(25),
        Some("colour"),
        "\"colour\" is not a column of this sheet; its columns are: band, from, id, description",
    );
    fails(
        &edit("band,from,description", "band,from,From"),
        "Bands",
        Some(25),
        Some("From"),
        "this column is there twice",
    );
    fails(
        &edit("band,from,description", "band,description"),
        "Bands",
        Some(25),
        None,
        "the first row names no \"from\" column",
    );
    // A sheet with no rows at all.
    fails(
        &edit(
            "[Actions]\nfoundation,band,action\nTrust,Starting,Hold a session on what each partner needs.\n",
            "[Actions]\n",
        ),
        "Actions",
        None,
        None,
        "is empty: its first row names the columns (foundation, band, action at least)",
    );
}

#[test]
fn problems_in_the_about_sheet() {
    fails(
        &edit("version,2", ",2"),
        "About",
        Some(4),
        Some("setting"),
        "is empty",
    );
    fails(
        &edit("version,2", "colour,blue"),
        "About",
        Some(4),
        Some("setting"),
        "\"colour\" is not a setting",
    );
    fails(
        &edit("version,2", "Title,Again"),
        "About",
        Some(4),
        Some("setting"),
        "\"Title\" is given already (row 3)",
    );
    fails(
        &edit("title,Our partnership check", "title,"),
        "About",
        Some(3),
        None,
        "gives no title",
    );
    fails(
        &edit("version,2", "scale,stars"),
        "About",
        Some(4),
        Some("value"),
        "there is no scale \"stars\" in the Scales sheet; its scales are: \"agree\", \"how many\"",
    );
    fails(
        &edit("version,2", "scoring method,median"),
        "About",
        Some(4),
        Some("value"),
        "\"median\" is not a scoring method",
    );
    fails(
        &edit("version,2", "min answered,half"),
        "About",
        Some(4),
        Some("value"),
        "\"half\" is not a number",
    );
    fails(
        &edit("version,2", "min answered,\"0,5\""),
        "About",
        Some(4),
        Some("value"),
        "write decimals with a point (0.5)",
    );
    fails(
        &edit("version,2", "band basis,points"),
        "About",
        Some(4),
        Some("value"),
        "\"points\" is not a band basis",
    );
    // The validator's problems, at the cell they came from.
    fails(
        &edit("version,2", "min answered,1.5"),
        "About",
        Some(4),
        Some("value"),
        "must be a share between 0 and 1",
    );
    fails(
        &edit("version,2", "consensus max outside,2"),
        "About",
        Some(4),
        Some("value"),
        "must be a share between 0 and 1",
    );
    fails(
        &edit("version,2", "consensus max outside,0.3"),
        "About",
        Some(3),
        None,
        "spread: is required",
    );
    fails(
        &edit("version,2", "id,our check!"),
        "About",
        Some(4),
        Some("value"),
        "is not a valid id",
    );
    fails(
        &edit(
            "title,Our partnership check",
            &format!("title,{}", "t".repeat(201)),
        ),
        "About",
        Some(3),
        Some("value"),
        "the limit is 200",
    );
}

#[test]
fn problems_in_the_scales_sheet() {
    fails(
        &edit("agree,2,Neither,", ",2,Neither,"),
        "Scales",
        Some(17),
        Some("scale"),
        "is empty: name the scale",
    );
    fails(
        &edit("agree,2,Neither,", "agree,two,Neither,"),
        "Scales",
        Some(17),
        Some("value"),
        "\"two\" is not a whole number: a point's value is a whole number, or dontKnow",
    );
    fails(
        &edit("agree,2,Neither,", "agree,2,,"),
        "Scales",
        Some(17),
        Some("label"),
        "is empty: every point has a label",
    );
    fails(
        &edit("agree,2,Neither,", "agree,dontKnow,Neither,"),
        "Scales",
        Some(19),
        Some("value"),
        "has its \"Don't know\" choice already (row 17)",
    );
    fails(
        &edit("agree,2,Neither,", "agree,1,Neither,"),
        "Scales",
        Some(17),
        Some("value"),
        "the scale \"agree\" has the value 1 already (row 16)",
    );
    fails(
        &edit("agree,2,Neither,", "agree,5,Neither,"),
        "Scales",
        Some(18),
        Some("value"),
        "the scale \"agree\" has no point 2: a scale's values run without gaps (here from 1 to 3)",
    );
    let only_dk = "[About]\nsetting,value\ntitle,T\n[Statements]\nfoundation,statement\nF,S\n[Scales]\nscale,value,label\nx,dontKnow,DK\n[Bands]\nband,from\nAll,0\n";
    fails(
        only_dk,
        "Scales",
        Some(9),
        Some("value"),
        "the scale \"x\" has no points with a whole-number value",
    );
    // A scale wider than 21 points: the validator, at the scale's last value.
    let mut wide = String::from("[About]\nsetting,value\ntitle,T\n[Statements]\nfoundation,statement\nF,S\n[Scales]\nscale,value,label\n");
    for v in 0..=25 {
        wide.push_str(&format!("w,{v},{v}\n"));
    }
    wide.push_str("[Bands]\nband,from\nAll,0\n");
    fails(
        &wide,
        "Scales",
        Some(34),
        Some("value"),
        "a scale has at most 21 points",
    );
    // More than 100 points are refused before they are sorted.
    let mut huge = String::from(
        "[About]\nsetting,value\ntitle,T\n[Statements]\nfoundation,statement\nF,S\n[Scales]\nscale,value,label\n",
    );
    for v in 0..150 {
        huge.push_str(&format!("h,{v},{v}\n"));
    }
    huge.push_str("[Bands]\nband,from\nAll,0\n");
    fails(
        &huge,
        "Scales",
        Some(109),
        Some("value"),
        "the scale \"h\" has more than 100 points; a scale has at most 21",
    );
}

#[test]
fn problems_in_the_statements_and_foundations_sheets() {
    fails(
        &edit(
            "Shared purpose,We agree what we are for.,,",
            ",We agree what we are for.,,",
        ),
        "Statements",
        Some(7),
        Some("foundation"),
        "is empty: name the foundation",
    );
    fails(
        &edit(
            "Shared purpose,We agree what we are for.,,",
            "Shared purpose,,,",
        ),
        "Statements",
        Some(7),
        Some("statement"),
        "is empty: write the statement",
    );
    fails(
        &edit(
            "We argue about priorities.,yes,2",
            "We argue about priorities.,maybe,2",
        ),
        "Statements",
        Some(8),
        Some("reverse"),
        "\"maybe\" is not yes or no",
    );
    fails(
        &edit(
            "We argue about priorities.,yes,2",
            "We argue about priorities.,yes,heavy",
        ),
        "Statements",
        Some(8),
        Some("weight"),
        "\"heavy\" is not a number",
    );
    fails(
        &edit(
            "We argue about priorities.,yes,2",
            "We argue about priorities.,yes,0",
        ),
        "Statements",
        Some(8),
        Some("weight"),
        "must be greater than 0 and at most 1000",
    );
    fails(
        &edit("data?,,,how many", "data?,,,stars"),
        "Statements",
        Some(10),
        Some("scale"),
        "there is no scale \"stars\"",
    );
    let none = edit("Shared purpose,We agree what we are for.,,\nShared purpose,We argue about priorities.,yes,2\nTrust,We share bad news early.,no,0.5,\nTrust,How many partners share data?,,,how many\n", "");
    fails(&none, "Statements", Some(6), None, "has no statements");
    // Ids given in an id column: checked as ids, and unique.
    let ids = GOOD
        .replace(
            "foundation,statement,reverse,weight,scale",
            "foundation,statement,reverse,weight,scale,id",
        )
        .replace(
            "We agree what we are for.,,",
            "We agree what we are for.,,,,q1",
        )
        .replace(
            "We argue about priorities.,yes,2",
            "We argue about priorities.,yes,2,,q1",
        )
        .replace(
            "We share bad news early.,no,0.5,",
            "We share bad news early.,no,0.5,,bad id",
        );
    fails(
        &ids,
        "Statements",
        Some(8),
        Some("id"),
        "duplicate item id \"q1\"",
    );
    fails(
        &ids,
        "Statements",
        Some(9),
        Some("id"),
        "\"bad id\" is not a valid id",
    );
    // The Foundations sheet.
    fails(
        &edit(
            "Trust,Trust,What would build trust?,300",
            ",Trust,What would build trust?,300",
        ),
        "Foundations",
        Some(13),
        Some("foundation"),
        "is empty",
    );
    fails(
        &edit(
            "Trust,Trust,What would build trust?,300",
            "Trust,Trust,What would build trust?,300\nTRUST,T,,",
        ),
        "Foundations",
        Some(14),
        Some("foundation"),
        "\"TRUST\" has a row already (row 13)",
    );
    fails(
        &edit(
            "Trust,Trust,What would build trust?,300",
            "Trust,Trust,What would build trust?,300\nMoney,M,,",
        ),
        "Foundations",
        Some(14),
        Some("foundation"),
        "no statement in the Statements sheet belongs to this foundation",
    );
    fails(
        &edit(
            "What would build trust?,300",
            "What would build trust?,long",
        ),
        "Foundations",
        Some(13),
        Some("comment max length"),
        "\"long\" is not a whole number",
    );
    fails(
        &edit(
            "What would build trust?,300",
            "What would build trust?,9000",
        ),
        "Foundations",
        Some(13),
        Some("comment max length"),
        "must be between 1 and 5000 characters",
    );
    fails(
        &edit("What would build trust?,300", ",300"),
        "Foundations",
        Some(13),
        Some("comment max length"),
        "gives a length but the comment column no question",
    );
    // A foundation on a scale of its own when bands are on the scale.
    let basis = edit("version,2", "band basis,scale")
        .replace(
            "foundation,short name,comment,comment max length",
            "foundation,short name,comment,comment max length,scale",
        )
        .replace(
            "What would build trust?,300",
            "What would build trust?,300,how many",
        )
        .replace("Growing,50,", "Growing,2,")
        .replace("Strong,75%,", "Strong,2.5,");
    fails(
        &basis,
        "Foundations",
        Some(13),
        Some("scale"),
        "bands on the \"scale\" basis are values on the framework's scale (1 to 3)",
    );
}

#[test]
fn problems_in_the_bands_actions_and_questions_sheets() {
    fails(
        &edit("Growing,50,Half way", ",50,Half way"),
        "Bands",
        Some(27),
        Some("band"),
        "is empty",
    );
    fails(
        &edit("Growing,50,Half way", "Growing,half,Half way"),
        "Bands",
        Some(27),
        Some("from"),
        "\"half\" is not a number",
    );
    fails(
        &edit("Growing,50,Half way", "Growing,80,Half way"),
        "Bands",
        Some(28),
        Some("from"),
        "bands must be in ascending order: 75 is not above the previous level's 80",
    );
    fails(
        &edit("Strong,75%,", "Strong,120,"),
        "Bands",
        Some(28),
        Some("from"),
        "on the percent basis, thresholds lie between 0 and 100",
    );
    let none = edit("Starting,0,\nGrowing,50,Half way\nStrong,75%,\n", "");
    fails(&none, "Bands", Some(25), None, "has no bands");
    fails(
        &edit("Trust,Starting,Hold", "Money,Starting,Hold"),
        "Actions",
        Some(31),
        Some("foundation"),
        "\"Money\" is not a foundation of the Statements sheet",
    );
    fails(
        &edit("Trust,Starting,Hold", "Trust,Beginning,Hold"),
        "Actions",
        Some(31),
        Some("band"),
        "\"Beginning\" is not a band of the Bands sheet; its bands are: starting, growing, strong",
    );
    fails(
        &edit(
            "Trust,Starting,Hold a session on what each partner needs.",
            "Trust,Starting,",
        ),
        "Actions",
        Some(31),
        Some("action"),
        "is empty",
    );
    // A band named by its id works as well as by its label.
    assert!(read(&edit("Trust,Starting,Hold", "Trust,starting,Hold")).is_ok());
    fails(
        &edit("Where do you work?,Council", ",Council"),
        "Respondent questions",
        Some(35),
        Some("question"),
        "is empty",
    );
    fails(
        &edit("Where do you work?,Council", "Where do you work?,"),
        "Respondent questions",
        Some(35),
        Some("option"),
        "is empty",
    );
    fails(
        &edit("Where do you work?,Council", "Where do you work?,nhs"),
        "Respondent questions",
        Some(35),
        Some("option"),
        "\"nhs\" is an option of this question already (row 34)",
    );
}

#[test]
fn a_problem_reads_as_sheet_row_and_column() {
    let e = read(&edit(
        "We argue about priorities.,yes,2",
        "We argue about priorities.,yes,heavy",
    ))
    .unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].to_string(),
        "Statements sheet, row 8, column D (weight): \"heavy\" is not a number"
    );
    let v = serde_json::to_value(&e[0]).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"sheet": "Statements", "row": 8, "column": "D", "heading": "weight", "message": "\"heavy\" is not a number"})
    );
}

#[test]
fn a_converted_framework_scores_as_its_json_would() {
    let fw = read(GOOD).unwrap();
    let r = foundations_check::Response::from_json(
        &fw,
        r#"{"framework": "our-partnership-check", "version": "2", "answers": {"trust-1": 3, "trust-2": 1}}"#,
    )
    .unwrap();
    // trust-1 3 on 1-3 is 100 % (weight 0.5), trust-2 1 on 0-3 is 1/3 (weight 1):
    // (0.5 × 1 + 1 × 1/3) / 1.5 = 5/9 = 55.5…%.
    let s = foundations_check::score(&fw, &r);
    assert_eq!(s.foundations[1].percent, Some(Exact::frac(500, 9)));
    assert_eq!(s.foundations[1].band.as_deref(), Some("growing"));
}

/// The parts of a ZIP archive of stored files, each checked against its CRC-32.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| {
        u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize
    };
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50, "central directory entry");
        let (crc, size, name_len, offset) = (
            u32_at(at + 16),
            u32_at(at + 24),
            u16_at(at + 28),
            u32_at(at + 42),
        );
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(offset), 0x0403_4b50, "local header of {name}");
        assert_eq!(u16_at(offset + 8), 0, "{name} is stored");
        let data_at = offset + 30 + u16_at(offset + 26) + u16_at(offset + 28);
        let data = &bytes[data_at..data_at + size];
        assert_eq!(
            foundations_check::codec::xlsx_write::crc32(data) as usize,
            crc,
            "CRC of {name}"
        );
        out.push((name, String::from_utf8(data.to_vec()).unwrap()));
        at += 46 + name_len;
    }
    out
}

#[test]
fn the_template_as_an_xlsx_file_holds_every_sheet_and_cell() {
    use foundations_check::codec::xlsx_write::crc32;
    // The check value of CRC-32.
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    let mut fw = builtin("place-based-partnership").unwrap();
    fw.foundations[0].items[0].text = "Less <than> & \"more\"\u{1}".into();
    let bytes = sheet::template_xlsx(&fw);
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let parts = unzip(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names[..5],
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml"
        ]
    );
    assert_eq!(names.len(), 5 + 7);
    let workbook = &parts[2].1;
    for s in [
        "About",
        "Statements",
        "Foundations",
        "Scales",
        "Bands",
        "Actions",
        "Respondent questions",
    ] {
        assert!(workbook.contains(&format!("name=\"{s}\"")), "{workbook}");
    }
    let statements = &parts[6].1;
    assert!(statements.contains(
        "<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">foundation</t></is></c>"
    ));
    // Text escaped, a control character left out, weights as numbers.
    assert!(
        statements
            .contains("<t xml:space=\"preserve\">Less &lt;than&gt; &amp; &quot;more&quot;</t>"),
        "{statements}"
    );
    assert!(
        statements.contains("<c r=\"D2\" s=\"2\"><v>1</v></c>"),
        "{statements}"
    );
    // The same bytes every time.
    assert_eq!(sheet::template_xlsx(&fw), bytes);
}
