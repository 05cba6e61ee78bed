//! `mode="team"`: a facilitator brings a partnership's self-checks together, sees
//! where the partnership stands and where people see it differently, compares groups
//! and rounds, and takes the aggregate away. Nothing leaves the browser.

use super::dom::{add, focus};
use super::State;
use crate::chart;
use crate::chart::from::{chart_from_aggregate, AggregateChartOptions};
use crate::core::aggregation::{aggregate, Aggregate, Options};
use crate::core::aggregation::{Change, Withheld};
use crate::core::exact::Exact;
use crate::core::framework::Framework;
use crate::core::issue::Issue;
use crate::core::response::Response;
use crate::core::team::{self, ImportReport, MAX_IMPORT_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// A percent as shown: cut toward zero to the framework's places (`num::shown`).
fn pct(fw: &Framework, v: Option<Exact>) -> String {
    v.map_or_else(
        || "–".to_string(),
        |x| crate::core::num::shown(x, fw.places()),
    )
}

impl State {
    fn team_key(&self) -> Option<String> {
        let fw = self.fw.as_ref()?;
        Some(format!(
            "{}:team",
            self.storage_key
                .clone()
                .unwrap_or_else(|| format!("foundations-check:{}@{}", fw.id, fw.version))
        ))
    }

    /// Restores the saved set (and earlier round), then imports codes from a
    /// `#fc-team=` link.
    pub(super) fn restore_team(&mut self) {
        let Some(fw) = self.fw.clone() else { return };
        self.notices.clear();
        self.team.clear();
        self.previous.clear();
        self.report = None;
        if let (Some(key), Some(store)) = (self.team_key(), super::storage()) {
            if let Ok(Some(text)) = store.get_item(&key) {
                match read_team(&fw, &text) {
                    Ok((t, p)) => {
                        self.team = t;
                        self.previous = p;
                    }
                    Err(_) => self.set_aside(&store, &key, &text),
                }
            }
        }
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(i) = hash.find("fc-team=") {
            let codes = hash[i..].replace(',', "\n").replace("fc-team=", "");
            let source = self.t("teamFromLink");
            let r = team::import(&fw, &mut self.team, &source, &codes);
            self.report = Some(r);
            self.save_team();
        }
    }

    /// Saves the set as share codes (about 25 characters a response), so that tens of
    /// thousands of responses fit in the browser's storage.
    fn save_team(&mut self) {
        let (Some(key), Some(fw)) = (self.team_key(), self.fw.as_ref()) else {
            return;
        };
        let codes = |rs: &[Response]| {
            rs.iter()
                .map(|r| crate::codec::sharecode::encode(fw, r))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let text = format!(
            "{{\"v\":2,\"codes\":\"{}\",\"previous\":\"{}\"}}",
            codes(&self.team),
            codes(&self.previous)
        );
        self.store(&key, &text);
    }

    fn merge_report(&mut self, r: ImportReport) {
        let total = self.report.get_or_insert_with(ImportReport::default);
        total.added += r.added;
        total.duplicates += r.duplicates;
        total.rejected.extend(r.rejected);
        self.focus_report = true;
    }

    /// Starts reading text into the set (or the earlier round) a slice at a time, so
    /// that the page stays responsive while thousands of responses are read; the
    /// report follows when all is read.
    fn queue_import(&mut self, source: &str, text: String, previous: bool) {
        if self.fw.is_none() {
            return;
        }
        let job = team::Import::new(source, text);
        self.importing.push((job, previous));
        self.schedule_import();
    }

    fn schedule_import(&mut self) {
        if self.tick_scheduled {
            return;
        }
        self.tick_scheduled = true;
        let me = self.me.clone();
        let tick = Closure::once_into_js(move || {
            let Some(state) = me.upgrade() else { return };
            let Ok(mut s) = state.try_borrow_mut() else {
                return;
            };
            s.tick_scheduled = false;
            s.import_slice();
        });
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), 0);
        }
    }

    /// Reads for about 20 ms, then lets the page breathe. Adding a finished import
    /// to the set, saving and drawing each get a slice of their own.
    fn import_slice(&mut self) {
        let Some(fw) = self.fw.clone() else {
            self.importing.clear();
            return;
        };
        let start = js_sys::Date::now();
        while let Some((job, previous)) = self.importing.first_mut() {
            let set = if *previous {
                &mut self.previous
            } else {
                &mut self.team
            };
            if job.step(&fw, set, 200) {
                let (job, _) = self.importing.remove(0);
                self.merge_report(job.finish());
                self.importing_saved = false;
                break;
            }
            if js_sys::Date::now() - start > 20.0 {
                break;
            }
        }
        if !self.importing.is_empty() {
            self.show_progress();
            self.schedule_import();
        } else if !self.importing_saved {
            self.importing_saved = true;
            self.save_team();
            self.schedule_import();
        } else {
            self.render();
        }
    }

    /// Updates the progress bar of the import being read.
    fn show_progress(&self) {
        let Some((job, _)) = self.importing.first() else {
            return;
        };
        let (done, total) = job.progress();
        // Until the first slice has found the responses, the bar has no value (it is
        // shown as busy) and the text gives no count.
        let text = if total == 0 {
            self.t("teamStarting")
        } else {
            let (done, total) = (done.to_string(), total.to_string());
            self.strings
                .fill("teamReading", &[("done", &done), ("total", &total)])
        };
        if let Ok(Some(bar)) = self.main.query_selector("progress") {
            if total > 0 {
                let _ = bar.set_attribute("max", &total.to_string());
                let _ = bar.set_attribute("value", &done.to_string());
            }
        }
        if let Ok(Some(p)) = self.main.query_selector("#fc-progress") {
            p.set_text_content(Some(&text));
        }
    }

    /// Imports text into the set, or into the earlier round, at once (for scripts).
    pub(super) fn import_team(&mut self, source: &str, text: &str, previous: bool) {
        let Some(fw) = self.fw.clone() else { return };
        let r = if previous {
            team::import(&fw, &mut self.previous, source, text)
        } else {
            team::import(&fw, &mut self.team, source, text)
        };
        self.merge_report(r);
        self.save_team();
    }

    /// Files dragged over and dropped on the import section are added to the set.
    pub(super) fn on_drag(&mut self, e: &web_sys::Event, target: &Element, kind: &str) {
        let Some(zone) = target.closest("[data-drop]").ok().flatten() else {
            return;
        };
        e.prevent_default(); // (which is what allows a drop)
        let _ = zone
            .class_list()
            .toggle_with_force("dropping", kind == "dragover");
        if kind == "drop" {
            let files = e
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .and_then(|t| t.files());
            if let Some(files) = files {
                self.import_file_list(&files, false);
            }
        }
    }

    /// Reads the files chosen in a file input, each as it arrives.
    pub(super) fn import_files(&mut self, input: &HtmlInputElement, previous: bool) {
        let Some(files) = input.files() else { return };
        self.import_file_list(&files, previous);
        input.set_value("");
    }

    fn import_file_list(&mut self, files: &web_sys::FileList, previous: bool) {
        self.report = None;
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            let name = file.name();
            if file.size() > MAX_IMPORT_BYTES as f64 {
                self.merge_report(ImportReport {
                    rejected: vec![Issue::new(
                        name,
                        format!(
                            "is {} MB; files of up to {} MB can be imported",
                            (file.size() / 1e6).round(),
                            MAX_IMPORT_BYTES / 1_000_000
                        ),
                    )],
                    ..ImportReport::default()
                });
                continue;
            }
            let me = self.me.clone();
            let done = Closure::once_into_js(move |text: JsValue| {
                let Some(state) = me.upgrade() else { return };
                let Ok(mut s) = state.try_borrow_mut() else {
                    return;
                };
                match text.as_string() {
                    Some(t) => s.queue_import(&name, t, previous),
                    None => s.merge_report(ImportReport {
                        rejected: vec![Issue::new(name, "could not be read")],
                        ..ImportReport::default()
                    }),
                }
                s.render();
            });
            // `then` through Reflect, so that the one-shot closure frees itself once called.
            let promise: JsValue = file.text().into();
            if let Ok(then) = js_sys::Reflect::get(&promise, &"then".into())
                .and_then(|t| t.dyn_into::<js_sys::Function>())
            {
                let _ = then.call1(&promise, &done);
            }
        }
        self.render();
    }

    /// Team buttons.
    pub(super) fn team_action(&mut self, action: &str) {
        match action {
            "team-add" => {
                let text = self
                    .main
                    .query_selector("textarea")
                    .ok()
                    .flatten()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                    .map(|t| t.value())
                    .unwrap_or_default();
                self.report = None;
                if text.trim().is_empty() {
                    self.merge_report(ImportReport {
                        rejected: vec![Issue::new("", self.t("teamNothing"))],
                        ..ImportReport::default()
                    });
                } else {
                    let source = self.t("teamPasted");
                    self.queue_import(&source, text, false);
                }
            }
            "team-clear" => self.confirm_clear = true,
            "team-clear-no" => self.confirm_clear = false,
            "team-clear-yes" => {
                self.confirm_clear = false;
                self.importing.clear();
                self.team.clear();
                self.previous.clear();
                self.report = None;
                self.save_team();
            }
            "team-clear-previous" => {
                self.previous.clear();
                self.save_team();
            }
            "team-csv" | "team-json" | "team-svg" | "team-png" => {
                self.team_download(action);
                return;
            }
            _ => return,
        }
        self.render();
    }

    fn team_aggregate(&self, fw: &Framework) -> Option<Aggregate> {
        let prev = (!self.previous.is_empty()).then_some(self.previous.as_slice());
        aggregate(
            fw,
            &self.team,
            &Options {
                group_by: self.group_by.clone(),
                min_group_size: None,
                previous: prev,
                raw: false,
            },
        )
        .ok()
    }

    fn team_chart(
        &self,
        fw: &Framework,
        agg: &Aggregate,
        width: u32,
    ) -> Option<crate::chart::RadarChart> {
        let opts = AggregateChartOptions {
            by_group: self.group_by.is_some(),
            label: None,
            title: Some(fw.title.clone()),
            width: Some(width),
            height: Some((f64::from(width) * if width < 480 { 1.0 } else { 0.8 }) as u32),
        };
        chart_from_aggregate(fw, agg, &opts).ok()
    }

    fn team_download(&self, action: &str) {
        let Some(fw) = &self.fw else { return };
        let Some(agg) = self.team_aggregate(fw) else {
            return;
        };
        let file = match action {
            "team-csv" => Some((
                "summary.csv",
                super::data_url("text/csv", &team::aggregate_csv(fw, &agg)),
            )),
            "team-json" => {
                let list = self
                    .team
                    .iter()
                    .map(|r| r.to_json())
                    .collect::<Vec<_>>()
                    .join(",\n");
                Some((
                    "responses.json",
                    super::data_url(
                        "application/json",
                        &format!("{{\"responses\":[\n{list}\n]}}"),
                    ),
                ))
            }
            _ => self
                .team_chart(fw, &agg, 800)
                .and_then(|c| self.chart_file(c, action == "team-png"))
                .map(|(ext, url)| {
                    (
                        if ext == "png" {
                            "chart.png"
                        } else {
                            "chart.svg"
                        },
                        url,
                    )
                }),
        };
        if let Some((suffix, url)) = file {
            self.offer(&format!("{}-team-{suffix}", fw.id), &url);
        }
    }

    pub(super) fn render_team(&mut self, fw: &Framework) -> Option<Element> {
        let d = &self.dom;
        let h = d.text(
            "h2",
            &[("tabindex", "-1"), ("part", "heading")],
            &self.strings.fill("teamTitle", &[("title", &fw.title)]),
        );
        add(&self.main, &h);
        if self.confirm_clear {
            self.confirm(
                &self.t("teamConfirmClear"),
                "team-clear-yes",
                &self.t("teamClearYes"),
                "team-clear-no",
            );
            return None;
        }
        // Bringing results in.
        let imp = d.el(
            "section",
            &[
                ("class", "import"),
                ("aria-labelledby", "fc-import"),
                ("data-drop", "team"),
            ],
        );
        add(
            &imp,
            &d.text("h3", &[("id", "fc-import")], &self.t("teamAdd")),
        );
        add(
            &imp,
            &d.text("p", &[("class", "hint")], &self.t("teamAddHint")),
        );
        add(
            &imp,
            &d.text("label", &[("for", "fc-codes")], &self.t("teamCodes")),
        );
        add(
            &imp,
            &d.el(
                "textarea",
                &[
                    ("id", "fc-codes"),
                    ("rows", "4"),
                    ("spellcheck", "false"),
                    ("autocomplete", "off"),
                ],
            ),
        );
        let row = d.el("div", &[("class", "buttons")]);
        add(&row, &d.button("team-add", &self.t("teamAddButton"), true));
        add(&imp, &row);
        add(
            &imp,
            &d.text("label", &[("for", "fc-files")], &self.t("teamFiles")),
        );
        add(
            &imp,
            &d.el(
                "input",
                &[
                    ("type", "file"),
                    ("id", "fc-files"),
                    ("multiple", ""),
                    (
                        "accept",
                        ".json,.csv,.txt,application/json,text/csv,text/plain",
                    ),
                    ("data-role", "team-files"),
                ],
            ),
        );
        add(
            &imp,
            &d.text("label", &[("for", "fc-previous")], &self.t("teamPrevious")),
        );
        add(
            &imp,
            &d.el(
                "input",
                &[
                    ("type", "file"),
                    ("id", "fc-previous"),
                    ("multiple", ""),
                    (
                        "accept",
                        ".json,.csv,.txt,application/json,text/csv,text/plain",
                    ),
                    ("data-role", "previous-files"),
                ],
            ),
        );
        let status = d.el(
            "div",
            &[("class", "report"), ("role", "status"), ("tabindex", "-1")],
        );
        if let Some(r) = &self.report {
            add(
                &status,
                &d.text(
                    "p",
                    &[],
                    &self.strings.fill(
                        "teamReport",
                        &[
                            ("added", &r.added.to_string()),
                            ("duplicates", &r.duplicates.to_string()),
                            ("rejected", &r.rejected.len().to_string()),
                        ],
                    ),
                ),
            );
            if !r.rejected.is_empty() {
                let ul = d.el("ul", &[("class", "rejected")]);
                for e in r.rejected.iter().take(100) {
                    add(&ul, &d.text("li", &[], &e.to_string()));
                }
                if r.rejected.len() > 100 {
                    add(
                        &ul,
                        &d.text(
                            "li",
                            &[],
                            &self.strings.fill(
                                "teamMore",
                                &[("count", &(r.rejected.len() - 100).to_string())],
                            ),
                        ),
                    );
                }
                add(&status, &ul);
            }
        }
        if !self.importing.is_empty() {
            // While responses are read: a progress bar, filled in by `show_progress`.
            let p = d.text("p", &[("id", "fc-progress")], "");
            add(&imp, &p);
            add(
                &imp,
                &d.el("progress", &[("aria-labelledby", "fc-progress")]),
            );
        }
        add(&imp, &status);
        add(&self.main, &imp);
        self.show_progress();
        if self.focus_report {
            self.focus_report = false;
            focus(&status);
        }
        if self.team.is_empty() {
            add(&self.main, &d.text("p", &[], &self.t("teamEmpty")));
            return Some(h);
        }
        let Some(agg) = self.team_aggregate(fw) else {
            return Some(h);
        };
        // Where the partnership stands.
        let summary = d.el("section", &[("aria-labelledby", "fc-summary")]);
        add(
            &summary,
            &d.text(
                "h3",
                &[("id", "fc-summary")],
                &self.strings.count("teamCount", agg.respondents),
            ),
        );
        if let Some((m, Some(l))) = team::overall(fw, &agg) {
            let published = agg
                .foundations
                .iter()
                .filter(|f| f.median.is_some())
                .count();
            add(
                &summary,
                &d.text(
                    "p",
                    &[("class", "overall")],
                    &self.strings.fill(
                        "overall",
                        &[
                            ("band", &l.label),
                            ("percent", &pct(fw, Some(m))),
                            ("scored", &published.to_string()),
                            ("total", &fw.foundations.len().to_string()),
                        ],
                    ),
                ),
            );
        }
        if let Some(sentence) = team::disagreement(fw, &agg) {
            add(&summary, &d.text("p", &[("class", "sentence")], &sentence));
        }
        if !self.previous.is_empty() {
            add(
                &summary,
                &d.text(
                    "p",
                    &[],
                    &self.strings.count("teamPreviousCount", self.previous.len()),
                ),
            );
        }
        // Compare groups.
        if !fw.respondent_fields.is_empty() {
            add(
                &summary,
                &d.text("label", &[("for", "fc-group")], &self.t("teamGroupBy")),
            );
            let sel = d.el("select", &[("id", "fc-group"), ("data-role", "group-by")]);
            let everyone = d.text("option", &[("value", "")], &self.t("teamEveryone"));
            add(&sel, &everyone);
            for f in &fw.respondent_fields {
                let o = d.text("option", &[("value", &f.id)], &f.label);
                if self.group_by.as_deref() == Some(f.id.as_str()) {
                    let _ = o.set_attribute("selected", "");
                }
                add(&sel, &o);
            }
            add(&summary, &sel);
        }
        add(&self.main, &summary);
        let w = self.main.client_width();
        let w = if w > 0 { w.clamp(300, 720) } else { 640 } as u32;
        if let Some(chart) = self.team_chart(fw, &agg, w) {
            let alt = chart::summary(&chart);
            let fig = d.el("figure", &[("class", "chart"), ("part", "chart")]);
            let canvas = d.el("canvas", &[("role", "img"), ("aria-label", &alt)]);
            add(&fig, &canvas);
            if let Some(c) = canvas.dyn_ref::<web_sys::HtmlCanvasElement>() {
                let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
                let _ = crate::web::canvas::draw_on_canvas(c, &chart, ratio, false);
            }
            add(&self.main, &fig);
        }
        let hidden: Vec<String> = agg
            .groups
            .iter()
            .filter(|g| g.suppressed)
            .map(|g| {
                let label = fw
                    .field(&g.field)
                    .and_then(|f| f.options.iter().find(|o| o.id == g.option))
                    .map_or(g.option.clone(), |o| o.label.clone());
                let key = if g.n < crate::core::aggregation::DEFAULT_MIN_GROUP_SIZE {
                    "teamSuppressed"
                } else {
                    "teamHiddenNote"
                };
                self.strings.fill(key, &[("group", &label)])
            })
            .collect();
        if !hidden.is_empty() {
            add(
                &self.main,
                &d.text("p", &[("class", "hint")], &hidden.join(" ")),
            );
        }
        self.team_tables(fw, &agg);
        // Take it away.
        let take = self.take_away(&[
            ("team-csv", "teamCsv"),
            ("team-svg", "downloadSvg"),
            ("team-png", "downloadPng"),
            ("team-json", "teamJson"),
            ("print", "print"),
        ]);
        add(&self.main, &take);
        let nav = d.el("div", &[("class", "nav")]);
        if !self.previous.is_empty() {
            add(
                &nav,
                &d.button("team-clear-previous", &self.t("teamClearPrevious"), false),
            );
        }
        add(&nav, &d.button("team-clear", &self.t("teamClear"), false));
        add(&self.main, &nav);
        Some(h)
    }

    fn team_tables(&self, fw: &Framework, agg: &Aggregate) {
        let d = &self.dom;
        let table = d.el("table", &[("part", "table")]);
        add(&table, &d.text("caption", &[], &self.t("teamTableCaption")));
        let head = d.el("tr", &[]);
        let mut cols = vec![
            self.t("foundation"),
            self.t("teamMedian"),
            self.t("teamMiddle"),
            "n".to_string(),
            self.t("teamDontKnow"),
            self.t("teamSplit"),
        ];
        if !self.previous.is_empty() {
            cols.push(self.t("teamChange"));
        }
        for c in cols {
            add(&head, &d.text("th", &[("scope", "col")], &c));
        }
        add(&table, &head);
        for (f, s) in fw.foundations.iter().zip(&agg.foundations) {
            let tr = d.el("tr", &[]);
            add(&tr, &d.text("th", &[("scope", "row")], &f.name));
            if let Some(why) = s.withheld {
                let cells = d.text("td", &[("colspan", "4")], &team::withheld_text(agg, why));
                add(&tr, &cells);
                if !self.previous.is_empty() {
                    add(&tr, &d.text("td", &[], "–"));
                }
                add(&table, &tr);
                continue;
            }
            add(&tr, &d.text("td", &[], &pct(fw, s.median)));
            add(
                &tr,
                &d.text("td", &[], &format!("{}–{}", pct(fw, s.q1), pct(fw, s.q3))),
            );
            add(&tr, &d.text("td", &[], &s.n.to_string()));
            add(
                &tr,
                &d.text(
                    "td",
                    &[],
                    &format!(
                        "{}%",
                        pct(fw, s.dont_know_rate.map(|r| r.mul(Exact::int(100))))
                    ),
                ),
            );
            let split = if s.split {
                self.strings.fill(
                    "teamSplitYes",
                    &[("share", &pct(fw, s.outside.map(|o| o.mul(Exact::int(100)))))],
                )
            } else {
                self.t("teamSplitNo")
            };
            add(&tr, &d.text("td", &[], &split));
            if !self.previous.is_empty() {
                // The size of the change always; whether it is clear by the rank test.
                let text = match (s.delta, s.change) {
                    (Some(x), Some(c)) => {
                        let key = match c {
                            Change::Up => "teamUp",
                            Change::Down => "teamDown",
                            Change::Steady => "teamSteady",
                        };
                        self.strings.fill(key, &[("points", &team::signed(fw, x))])
                    }
                    _ => "–".to_string(),
                };
                add(&tr, &d.text("td", &[], &text));
            }
            add(&table, &tr);
        }
        add(&self.main, &table);
        // Groups side by side, biggest gaps first.
        if agg.groups.is_empty() {
            return;
        }
        let gt = d.el("table", &[("class", "groups")]);
        add(&gt, &d.text("caption", &[], &self.t("teamGroupCaption")));
        let head = d.el("tr", &[]);
        add(
            &head,
            &d.text("th", &[("scope", "col")], &self.t("foundation")),
        );
        let groups: Vec<&crate::core::aggregation::Group> =
            agg.groups.iter().filter(|g| g.n > 0).collect();
        let few = |g: &crate::core::aggregation::Group| {
            if g.n < agg.min_group_size {
                self.strings
                    .fill("teamFew", &[("n", &agg.min_group_size.to_string())])
            } else {
                self.t("teamHidden")
            }
        };
        for g in &groups {
            let label = fw
                .field(&g.field)
                .and_then(|f| f.options.iter().find(|o| o.id == g.option))
                .map_or(g.option.clone(), |o| o.label.clone());
            let n = if g.suppressed {
                few(g)
            } else {
                format!("n={}", g.n)
            };
            add(
                &head,
                &d.text("th", &[("scope", "col")], &format!("{label} ({n})")),
            );
        }
        add(
            &head,
            &d.text("th", &[("scope", "col")], &self.t("teamGap")),
        );
        add(&gt, &head);
        for (i, gap) in team::group_gaps(agg) {
            let tr = d.el("tr", &[]);
            add(
                &tr,
                &d.text("th", &[("scope", "row")], &fw.foundations[i].name),
            );
            for g in &groups {
                let cell = if g.suppressed {
                    few(g)
                } else {
                    g.foundations
                        .get(i)
                        .map_or_else(String::new, |f| match f.withheld {
                            Some(Withheld::FewerThanMinimum) => self
                                .strings
                                .fill("teamFew", &[("n", &agg.min_group_size.to_string())]),
                            Some(Withheld::Complementary) => self.t("teamHidden"),
                            None => self.strings.fill(
                                "teamCell",
                                &[
                                    ("median", &pct(fw, f.median)),
                                    (
                                        "dk",
                                        &pct(fw, f.dont_know_rate.map(|r| r.mul(Exact::int(100)))),
                                    ),
                                ],
                            ),
                        })
                };
                add(&tr, &d.text("td", &[], &cell));
            }
            add(&tr, &d.text("td", &[], &pct(fw, gap)));
            add(&gt, &tr);
        }
        add(&self.main, &gt);
    }
}

fn read_team(fw: &Framework, text: &str) -> Result<(Vec<Response>, Vec<Response>), Issue> {
    let v = crate::core::reader::parse_json_limited(text, 64 * 1024 * 1024)?;
    if v.get("v").and_then(|v| v.as_u64()) != Some(2) {
        return Err(Issue::new("v", "unknown saved format"));
    }
    let list = |key: &str| -> Result<Vec<Response>, Issue> {
        let codes = v
            .get(key)
            .and_then(|c| c.as_str())
            .ok_or_else(|| Issue::new(key, "missing"))?;
        codes
            .split_whitespace()
            .map(|c| crate::codec::sharecode::decode(fw, c))
            .collect()
    };
    Ok((list("codes")?, list("previous")?))
}
