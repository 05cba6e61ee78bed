//! Every piece of the widget's own text, by key: [`DEFAULTS`] for the self-check and
//! `TEAM` for the team view (natively and in the team build). Host pages override any
//! of them with the element's `strings` property (an object of key to text); `{n}`-style
//! placeholders are filled in by the widget.

pub const DEFAULTS: &[(&str, &str)] = &[
    ("loading", "Loading the self-check…"),
    ("start", "Start the self-check"),
    ("continue", "Continue where you left off"),
    ("privacy", "Your answers stay in this browser. Nothing is sent anywhere unless you download or share it yourself."),
    ("minutes", "It takes about {minutes} minutes, in {steps} short steps."),
    ("minutesOne", "It takes about a minute, in {steps} short steps."),
    ("dontKnowHint", "If you are not sure about a statement, answer \"{dontKnow}\": it is better than a guess."),
    ("aboutYou", "About you"),
    ("aboutYouHint", "These questions are optional. They let a facilitator compare how different groups see the partnership."),
    ("preferNot", "Prefer not to say"),
    ("stepOf", "Step {step} of {total}"),
    ("answeredOf", "{answered} of {total} statements answered"),
    ("answeredOfOne", "{answered} of 1 statement answered"),
    ("back", "Back"),
    ("next", "Next"),
    ("review", "Check your answers"),
    ("reviewIntro", "Before you see your results, here is what you have answered. Unanswered statements are left out of the scores."),
    ("allAnswered", "You have answered every statement."),
    ("noneScored", "None of the foundations can be scored yet: \"Don't know\" and unanswered statements do not count towards a score."),
    ("notScored", "Not enough answers to score this foundation: it needs at least {needed} of its {total} statements answered on the scale."),
    ("unansweredIn", "{count} unanswered in {name}"),
    ("change", "Change answers: {name}"),
    ("returnReview", "Back to check your answers"),
    ("returnResults", "Back to my results"),
    ("finish", "See my results"),
    ("results", "Your results"),
    ("sharedResults", "Shared results"),
    ("sharedNote", "These results were opened from a share link. They do not change your own answers and are not saved in this browser."),
    ("leaveShared", "Back to my own self-check"),
    ("keepShared", "Keep these as my answers"),
    ("confirmReplace", "This replaces the answers saved in this browser with the shared ones. Replace them?"),
    ("confirmReplaceYes", "Yes, replace my answers"),
    ("overall", "Overall: {band} ({percent}%), from {scored} of {total} foundations"),
    ("overallProvisional", "Overall so far: {percent}%, from only {scored} of {total} foundations: too few for a band. Answer more statements for a fuller picture."),
    ("overallNone", "Not enough answers for an overall score."),
    ("insufficient", "Not enough answers to score"),
    ("noScores", "None of these answers can be scored: a foundation needs at least half of its statements answered on the scale, and \"Don't know\" does not count."),
    ("suggested", "Suggested next steps"),
    ("showTable", "Show the chart as a table"),
    ("tableCaption", "Your score and band for each foundation"),
    ("foundation", "Foundation"),
    ("score", "Score"),
    ("band", "Band"),
    ("takeAway", "Take your results away"),
    ("downloadSvg", "Download chart (SVG)"),
    ("downloadPng", "Download chart (PNG)"),
    ("downloadJson", "Download answers (JSON)"),
    ("downloadCsv", "Download answers (CSV)"),
    ("print", "Print a report"),
    ("copyCode", "Copy share code"),
    ("copyLink", "Copy share link"),
    ("shareHint", "A share code or link carries your answers. Only people you give it to can open them."),
    ("noLink", "This page is opened from a file, so a link to it would point at your own computer: share the code instead."),
    ("shareText", "Share code or link"),
    ("copied", "Copied."),
    ("copyFailed", "This browser did not let the self-check copy: the text is selected, press Ctrl+C to copy it."),
    ("commentHint", "Optional, up to {max} characters. The people running the check may read it: please do not name anyone."),
    ("yourComment", "Your comment: {comment}"),
    ("commentProblem", "Your comment on {name} was not saved: it {problem}."),
    ("commentsLeftOut", "Your comments did not fit in the code, so it carries your answers only. To share your comments too, download your answers (JSON) and send the file."),
    ("printFailed", "This page did not let the self-check print: use your browser's Print command (Ctrl+P)."),
    ("downloadFailed", "This page did not let the self-check download a file: copy the share code instead."),
    ("edit", "Change my answers"),
    ("startAgain", "Start again"),
    ("confirmRestart", "This clears your answers from this browser. Start again?"),
    ("confirmYes", "Yes, clear my answers"),
    ("confirmNo", "No, keep them"),
    ("setAside", "Answers saved earlier in this browser could not be read, so they have been set aside (under \"{key}\") and you are starting afresh."),
    ("noStorage", "This browser is not letting the self-check save answers, so they will be lost if you leave the page."),
    ("otherTab", "Your answers were changed in another tab or window; this shows them as they are now."),
    ("frameworkError", "This self-check cannot be shown because its questionnaire has problems:"),
    ("codeError", "The share link could not be opened: {message}"),
    ("noResponse", "There are no results to show yet."),
    ("chartLabel", "Radar chart of your scores. {summary}"),
    ("sharedChartLabel", "Radar chart of the shared scores. {summary}"),
    (
        "teamMissing",
        "The team view could not start: it is in foundations-check-team.js, which belongs in the same folder as foundations-check.js.",
    ),
];

/// The team view's text, only in the build that has it (foundations-check-team.js).
#[cfg(any(feature = "team", all(feature = "api", not(target_arch = "wasm32"))))]
pub const TEAM: &[(&str, &str)] = &[
    ("teamTitle", "Team results: {title}"),
    ("teamStarting", "Reading self-checks…"),
    ("teamReading", "Reading self-checks: {done} of {total}…"),
    ("teamAdd", "Add self-checks"),
    ("teamAddHint", "Paste share codes or links, or whole e-mails that hold them: greetings and signatures are passed over. Or choose or drop files: exported JSON or CSV (any separator or encoding), text, saved e-mails and mailboxes (.eml, .mbox), Excel workbooks (.xlsx), and Microsoft Forms or Google Forms exports, whose columns you check before anything is added. The same response added twice is counted once. Everything stays in this browser."),
    ("teamCodes", "Share codes, links or e-mail text"),
    ("teamAddButton", "Add these"),
    ("teamFiles", "Files of responses (JSON, CSV, text, e-mail, Excel, survey exports)"),
    ("teamPrevious", "An earlier round, to compare with (the same kinds of file)"),
    ("teamUnreadable", "could not be read: the browser would not open the file"),
    ("teamUnreadKept", "The lines that could not be read are back in the box above: correct them and add them again. What was added from them is not added twice."),
    ("teamEarlierOf", "{source} (earlier round)"),
    ("teamMore", "… and {count} more."),
    ("teamNothing", "There was nothing to add: paste share codes or links first."),
    ("teamPasted", "pasted text"),
    ("teamFromLink", "the link"),
    ("teamEmpty", "No self-checks yet."),
    ("teamCount", "{n} self-checks"),
    ("teamCountOne", "1 self-check"),
    ("teamPreviousCount", "Compared with an earlier round of {n} self-checks."),
    ("teamPreviousCountOne", "Compared with an earlier round of 1 self-check."),
    ("teamGroupBy", "Compare groups by"),
    ("teamEveryone", "Everyone together"),
    ("teamSuppressed", "{group}: fewer than 3 responses, not shown."),
    ("teamTableCaption", "Each foundation for everyone: the median score, the middle half of scores, the number scored, the share of \"Don't know\" answers, and whether people are split."),
    ("teamGroupCaption", "Median score and share of \"Don't know\" answers by group, biggest gaps between groups first."),
    ("teamMedian", "Median"),
    ("teamMiddle", "Middle half"),
    ("teamDontKnow", "Don't know"),
    ("teamSplit", "Split?"),
    ("teamSplitYes", "Split: {share}% far from the middle"),
    ("teamSplitNo", "No"),
    ("teamChange", "Change since the earlier round"),
    ("teamUp", "Clear rise ({points} points)"),
    ("teamDown", "Clear fall ({points} points)"),
    ("teamSteady", "No clear change ({points} points)"),
    ("teamFew", "fewer than {n}"),
    ("teamHidden", "hidden"),
    ("teamHiddenNote", "{group}: not shown, so that a smaller group's answers cannot be worked out from the totals."),
    ("teamGap", "Gap"),
    ("teamCell", "{median} ({dk}% don't know)"),
    ("teamCsv", "Download summary (CSV)"),
    ("teamJson", "Download all responses (JSON)"),
    ("teamClear", "Clear all self-checks"),
    ("teamClearPrevious", "Remove the earlier round"),
    ("teamConfirmClear", "This removes every self-check (and any earlier round) from this browser. Clear them?"),
    ("teamClearYes", "Yes, clear them"),
    ("teamComments", "What people said"),
    ("teamCommentsHint", "People's own words on each foundation that asks for them, in alphabetical order and with nothing about who wrote them. A group's comments are listed only where it has at least {n} people. Hide a comment that should not go in the report (one that names someone, say): hidden comments stay listed here, marked, but are left out of the printed report and the comments file."),
    ("teamCommentsFew", "Not shown: fewer than {n} people have answered, so a comment could be tied to the person who wrote it."),
    ("teamCommentsComplement", "Not shown, so that a smaller group's comments cannot be worked out from the others."),
    ("teamCommentsOf", "{group} (n={n})"),
    ("teamNoComments", "No comments."),
    ("teamCommentHidden", "Hidden from the report."),
    ("teamHideComment", "Hide from the report"),
    ("teamShowComment", "Show in the report"),
    ("teamHiddenSaid", "The comment is hidden from the report."),
    ("teamShownSaid", "The comment is back in the report."),
    ("teamCommentsCsv", "Download comments (CSV)"),
    ("teamMappingCancelled", "Nothing was added from the survey export."),
    ("teamMapTitle", "Check how the columns of {source} match"),
    ("teamMapHint", "Each column is read as the statement or question chosen beside it, and each answer as the point chosen for it. Change any that are wrong; nothing is added until you add the responses below."),
    ("teamMapColumns", "The export's columns and what each is read as"),
    ("teamMapColumn", "Column"),
    ("teamMapHeading", "Heading in the file"),
    ("teamMapReadAs", "Read as"),
    ("teamMapPersonal", "Never read: names or e-mail addresses"),
    ("teamMapToolColumn", "Not read (the survey tool's own column)"),
    ("teamMapNotRead", "Not read"),
    ("teamMapColumnLabel", "Read column {column} ({heading}) as"),
    ("teamMapTime", "When the form was completed"),
    ("teamMapNoColumn", "Statements no column answers"),
    ("teamMapLabels", "Answers found in the statements' columns, and the point each counts as"),
    ("teamMapAnswer", "Answer in the file"),
    ("teamMapCells", "Cells"),
    ("teamMapCounts", "Counts as"),
    ("teamMapIs", "Option"),
    ("teamMapLabelLabel", "\"{label}\" counts as"),
    ("teamMapUnmapped", "Not mapped: rows that chose it are not added"),
    ("teamMapBlank", "Unanswered"),
    ("teamMapOptions", "Answers found in the questions about the person, and the option each is"),
    ("teamMapOptionLabel", "\"{label}\" ({question}) is"),
    ("teamMapProblems", "The mapping does not fit the export yet:"),
    ("teamMapAdd", "Add the {n} responses"),
    ("teamMapAddOne", "Add the 1 response"),
    ("teamMapCancel", "Add nothing from it"),
    ("teamMapMore", "{n} more survey exports wait to be checked after this one."),
    ("teamMapMoreOne", "1 more survey export waits to be checked after this one."),
];

/// Every default of this build: the self-check's, and the team view's where it is built.
pub fn defaults() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    DEFAULTS.iter().chain(TEAM)
}

/// The self-check embed has no team view, and none of its text.
#[cfg(not(any(feature = "team", all(feature = "api", not(target_arch = "wasm32")))))]
const TEAM: &[(&str, &str)] = &[];

#[derive(Default, Debug)]
pub struct Strings {
    overrides: Vec<(String, String)>,
}

impl Strings {
    pub fn set(&mut self, overrides: Vec<(String, String)>) {
        self.overrides = overrides;
    }

    pub fn get(&self, key: &str) -> String {
        let own = self.overrides.iter().rev().find(|(k, _)| k == key);
        own.map(|(_, v)| v.clone()).unwrap_or_else(|| {
            defaults()
                .find(|(k, _)| *k == key)
                .map_or_else(|| key.to_string(), |(_, v)| v.to_string())
        })
    }

    /// The text of `key` with its `{name}` placeholders filled from `args`.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        crate::web::template::fill(&self.get(key), args)
    }

    /// The text of `key` for a count `n` filled in as `{n}`: the key's "One" form
    /// (`teamCountOne`, "1 self-check") when `n` is 1.
    pub fn count(&self, key: &str, n: usize) -> String {
        let one = format!("{key}One");
        let key = if n == 1 && defaults().any(|(k, _)| *k == one) {
            one.as_str()
        } else {
            key
        };
        self.fill(key, &[("n", &n.to_string())])
    }
}
