//! The self-check embed (`foundations-check.js`) is built without the team view, so
//! that the file every staff page loads stays small. The element class loads
//! `foundations-check-team.js` when an element asks for `mode="team"`; these stand-ins
//! only answer if the team view is reached in this build anyway.

use super::dom::add;
use super::State;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::team::ImportReport;
use web_sys::HtmlInputElement;

impl State {
    pub(super) fn restore_team(&mut self) {}

    pub(super) fn import_team(&mut self, source: &str, _text: &str, _previous: bool) {
        self.report = Some(ImportReport {
            rejected: vec![Issue::new(source, self.t("teamMissing"))],
            ..ImportReport::default()
        });
    }

    pub(super) fn import_files(&mut self, _input: &HtmlInputElement, _previous: bool) {}

    pub(super) fn on_drag(&mut self, _e: &web_sys::Event, _target: &web_sys::Element, _kind: &str) {
    }

    pub(super) fn team_action(&mut self, _action: &str) {}

    pub(super) fn render_team(&mut self, _fw: &Framework) -> Option<web_sys::Element> {
        let p = self.dom.el("div", &[("class", "error"), ("role", "alert")]);
        p.set_text_content(Some(&self.t("teamMissing")));
        add(&self.main, &p);
        None
    }
}
