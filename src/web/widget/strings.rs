//! Every piece of the widget's own text, by key. Host pages override any of them with
//! the element's `strings` property (an object of key to text); `{n}`-style
//! placeholders are filled in by the widget.

use std::collections::HashMap;

pub const DEFAULTS: &[(&str, &str)] = &[
    ("loading", "Loading the self-check…"),
    ("start", "Start the self-check"),
    ("continue", "Continue where you left off"),
    ("privacy", "Your answers stay in this browser. Nothing is sent anywhere unless you download or share it yourself."),
    ("minutes", "It takes about {minutes} minutes, in {steps} short steps."),
    ("dontKnowHint", "If you are not sure about a statement, answer \"{dontKnow}\": it is better than a guess."),
    ("aboutYou", "About you"),
    ("aboutYouHint", "These questions are optional. They let a facilitator compare how different groups see the partnership."),
    ("preferNot", "Prefer not to say"),
    ("stepOf", "Step {step} of {total}"),
    ("answeredOf", "{answered} of {total} statements answered"),
    ("back", "Back"),
    ("next", "Next"),
    ("review", "Check your answers"),
    ("reviewIntro", "Before you see your results, here is what you have not answered yet. Unanswered statements are left out of the scores."),
    ("allAnswered", "You have answered every statement."),
    ("unansweredIn", "{count} unanswered in {name}"),
    ("goTo", "Go to {name}"),
    ("finish", "See my results"),
    ("results", "Your results"),
    ("sharedResults", "Shared results"),
    ("sharedNote", "These results were opened from a share link. They are not saved in this browser."),
    ("overall", "Overall: {band} ({percent}%)"),
    ("overallNone", "Not enough answers for an overall score."),
    ("insufficient", "Not enough answers to score"),
    ("strengths", "Strengths"),
    ("toWorkOn", "To work on"),
    ("suggested", "Suggested next steps"),
    ("showTable", "Show the chart as a table"),
    ("showChart", "Show the chart"),
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
    ("copied", "Copied."),
    ("copyManually", "Select the text and copy it."),
    ("edit", "Change my answers"),
    ("startAgain", "Start again"),
    ("confirmRestart", "This clears your answers from this browser. Start again?"),
    ("confirmYes", "Yes, clear my answers"),
    ("confirmNo", "No, keep them"),
    ("setAside", "Answers saved earlier in this browser could not be read, so they have been set aside (under \"{key}\") and you are starting afresh."),
    ("noStorage", "This browser is not letting the self-check save answers, so they will be lost if you leave the page."),
    ("frameworkError", "This self-check cannot be shown because its questionnaire has problems:"),
    ("codeError", "The share link could not be opened: {message}"),
    ("noResponse", "There are no results to show yet."),
    ("chartLabel", "Radar chart of your scores. {summary}"),
];

#[derive(Default)]
pub struct Strings {
    overrides: HashMap<String, String>,
}

impl Strings {
    pub fn set(&mut self, overrides: HashMap<String, String>) {
        self.overrides = overrides;
    }

    pub fn get(&self, key: &str) -> String {
        self.overrides.get(key).cloned().unwrap_or_else(|| {
            DEFAULTS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or_else(|| key.to_string(), |(_, v)| v.to_string())
        })
    }

    /// The text of `key` with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.get(key);
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }
}
