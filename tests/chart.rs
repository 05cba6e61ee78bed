//! Radar chart geometry, SVG snapshots and escaping.
use foundations_check::chart::layout::{angle, Layout};
use foundations_check::chart::{radar_svg, text_alternative, RadarChart, OVERLAYS};
use serde_json::json;

const LONG: [&str; 16] = [
    "Shared purpose and vision",
    "A shared, broad understanding of health and of the problem",
    "Relationships and trust",
    "Leadership, culture and behaviours",
    "Governance and decision-making",
    "Resources and capacity",
    "People, communities and the voluntary sector as equal partners",
    "Learning, communication and shared spaces",
    "Data sharing and information governance across organisations",
    "Workforce planning and joint roles",
    "Estates and shared buildings in neighbourhoods",
    "Digital tools that work across partner organisations",
    "Prevention and population health management",
    "Accountability to residents and elected members",
    "Clinical and care professional leadership",
    "Financial framework, pooled budgets and risk sharing",
];

fn chart(n: usize, series: usize, long: bool) -> RadarChart {
    let axes: Vec<_> = (0..n)
        .map(|i| json!({"id": format!("a{i}"), "label": if long { LONG[i % 16].to_string() } else { format!("Axis {i}") }}))
        .collect();
    let series: Vec<_> = (0..series)
        .map(|s| {
            json!({"label": format!("Group {}", s + 1),
                   "values": (0..n).map(|i| ((i * 37 + s * 23) % 90 + 10) as f64).collect::<Vec<_>>()})
        })
        .collect();
    RadarChart::from_value(&json!({"axes": axes, "series": series}).into()).unwrap()
}

fn builtin_axes() -> Vec<serde_json::Value> {
    let fw = foundations_check::core::builtin::builtin("place-based-partnership").unwrap();
    fw.foundations
        .iter()
        .map(|f| json!({"id": f.id, "label": f.label()}))
        .collect()
}

#[test]
fn points_lie_on_their_axis_at_the_right_radius() {
    let c = chart(8, 1, false);
    let l = Layout::new(&c);
    for i in 0..8 {
        for v in [0.0, 25.0, 60.0, 100.0] {
            let (x, y) = l.point(i, 8, v);
            let (dx, dy) = (x - l.center.0, y - l.center.1);
            assert!((dx.hypot(dy) - l.radius * v / 100.0).abs() < 1e-9);
            if v > 0.0 {
                // Axis i of 8 turns i eighths of a turn clockwise from straight up (y
                // grows downwards): the unit vector (sin t, -cos t).
                let t = std::f64::consts::TAU * i as f64 / 8.0;
                let r = dx.hypot(dy);
                assert!(
                    (dx / r - t.sin()).abs() < 1e-9 && (dy / r + t.cos()).abs() < 1e-9,
                    "axis {i}: ({dx}, {dy}) does not point at {t} rad from up"
                );
            }
        }
    }
    // `angle` says the same: up is -π/2, right is 0, in radians.
    assert!((angle(0, 8) + std::f64::consts::FRAC_PI_2).abs() < 1e-12);
    assert!(angle(2, 8).abs() < 1e-12 && (angle(4, 8) - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
    // The first axis points straight up, the third (of 8) to the right.
    let (x, y) = l.point(0, 8, 100.0);
    assert!((x - l.center.0).abs() < 1e-9 && y < l.center.1);
    let (x, y) = l.point(2, 8, 100.0);
    assert!(x > l.center.0 && (y - l.center.1).abs() < 1e-9);
}

#[test]
fn labels_fit_and_never_overlap_from_3_to_16_axes() {
    for n in 3..=16 {
        for series in [1, 4, 8] {
            let mut c = chart(n, series, true);
            c.highlight = vec!["a1".into()];
            c.series[0].values[2] = None;
            for (w, h) in [(640, 520), (480, 480), (900, 600)] {
                c.width = w;
                c.height = h;
                let l = Layout::new(&c);
                assert!(
                    !l.crowded,
                    "{n} axes, {series} series at {w}x{h} is crowded"
                );
                assert_eq!(l.labels.len(), n);
                for (i, b) in l.labels.iter().enumerate() {
                    assert!(
                        b.x >= 0.0
                            && b.y >= 0.0
                            && b.x + b.w <= f64::from(w)
                            && b.y + b.h <= f64::from(h),
                        "label {i} of {n} outside {w}x{h}: {b:?}"
                    );
                    // Clear of the plot circle.
                    assert!(
                        b.distance_to(l.center) > l.radius,
                        "label {i} of {n} overlaps the plot"
                    );
                    for (j, o) in l.labels.iter().enumerate().skip(i + 1) {
                        assert!(
                            !b.overlaps(o, 0.0),
                            "{n} axes at {w}x{h}: labels {i} and {j} overlap"
                        );
                    }
                    for item in &l.legend {
                        assert!(
                            !b.overlaps(&item.label, 0.0),
                            "label {i} overlaps the legend"
                        );
                    }
                }
                // The plot stays a useful size.
                assert!(
                    l.radius >= 0.18 * f64::from(w.min(h)),
                    "{n} axes at {w}x{h}: radius {}",
                    l.radius
                );
            }
        }
    }
}

#[test]
fn nulls_are_gaps_not_zeros() {
    let mut c = chart(6, 2, false);
    c.series[1].values[3] = None;
    let l = Layout::new(&c);
    let pts = l.series_points(&c, 1);
    assert_eq!(pts[3], None);
    assert!(pts.iter().enumerate().all(|(i, p)| i == 3 || p.is_some()));
    // The axis label says so, and the SVG draws no marker at the centre for it.
    assert!(l.labels[3]
        .lines
        .iter()
        .any(|line| line.contains("no score")));
    let alt = text_alternative(&c);
    assert_eq!(alt.rows[3].values[1], None);
    assert!(alt.summary.contains("1 with no score"), "{}", alt.summary);
}

#[test]
fn labels_are_escaped_and_the_svg_has_no_style_or_script() {
    let c = RadarChart::from_value(
        &json!({
            "title": "Board \"view\" <b>",
            "axes": [
                {"id": "a", "label": "<script>alert('x')</script>"},
                {"id": "b", "label": "Tom & \"Jerry\""},
                {"id": "c", "label": "c"}
            ],
            "series": [{"label": "<img src=x onerror=alert(1)>", "values": [10, 50, 90]},
                       {"label": "second", "values": [20, 30, 40]}]
        })
        .into(),
    )
    .unwrap();
    let svg = radar_svg(&c).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<img"), "{svg}");
    assert!(!svg.contains("style="), "{svg}");
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&apos;x&apos;") || svg.contains("&#39;x&#39;"));
    assert!(svg.contains("Tom &amp; &quot;Jerry&quot;"));
    if OVERLAYS {
        // The legend names each series.
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{svg}");
    } else {
        // A build without overlays draws no legend: no series label is in the SVG.
        assert!(!svg.contains("onerror") && !svg.contains("second"), "{svg}");
    }
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title>Radar chart: Board &quot;view&quot; &lt;b&gt;."));
}

#[test]
fn bad_chart_input_names_the_path() {
    let e = &RadarChart::from_json(
        r#"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": ["high"]}]}"#,
    )
    .unwrap_err()[0];
    assert_eq!(e.path, "series[0].values[0]");
    let e = &RadarChart::from_json(
        r#"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": [120]}]}"#,
    )
    .unwrap_err()[0];
    assert_eq!(e.path, "series[0].values[0]");
    assert!(e.message.contains("not between 0 and 100"));
    let e = &RadarChart::from_json(
        r#"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": [1, 2]}]}"#,
    )
    .unwrap_err()[0];
    assert_eq!(e.path, "series[0].values");
    let e = &RadarChart::from_json(r##"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": [1], "color": "red"}]}"##).unwrap_err()[0];
    assert_eq!(e.path, "series[0].color");
    let e = &RadarChart::from_json(
        r#"{"axes": [{"id": "a", "label": "A"}], "series": [], "highlight": ["zz"]}"#,
    )
    .unwrap_err()[0];
    assert_eq!(e.path, "highlight[0]");
    let e = &RadarChart::from_json(r#"{"axes": [], "series": []}"#).unwrap_err()[0];
    assert_eq!(e.path, "axes");
    let e =
        &RadarChart::from_json(r#"{"axes": [{"id": "a", "label": "A", "x": 1}], "series": []}"#)
            .unwrap_err()[0];
    assert_eq!(e.path, "axes[0].x");
}

#[test]
fn text_alternative_summary() {
    let c = RadarChart::from_value(
        &json!({
            "axes": builtin_axes(),
            "series": [{"label": "You", "values": [58.3, 50, 83.3, 50, 25, 16.7, 66.7, 50]}],
            "highlight": ["governance"]
        })
        .into(),
    )
    .unwrap();
    let alt = text_alternative(&c);
    assert_eq!(alt.columns, ["Foundation", "You"]);
    assert_eq!(alt.rows.len(), 8);
    // 83.3 and 16.7 are cut toward zero (the display rule).
    let highest = "Highest Relationships and trust (83%), lowest Resources (16%).";
    if OVERLAYS {
        assert_eq!(alt.summary, format!("{highest} Marked split: Governance."));
        assert!(alt.rows[4].highlighted);
    } else {
        // A build without overlays marks no axis.
        assert_eq!(alt.summary, highest);
        assert!(alt.rows.iter().all(|r| !r.highlighted));
    }
    assert_eq!(
        alt.rows.iter().filter(|r| r.highlighted).count(),
        usize::from(OVERLAYS)
    );
}

/// Compares a chart's SVG with tests/snapshots/`name`.svg. A missing snapshot fails, and
/// so does one that differs, showing the first line that does; only
/// `UPDATE_SNAPSHOTS=1 cargo test --test chart` writes them (check them by eye, then
/// commit them).
fn snapshot(name: &str, c: &RadarChart) {
    let svg = radar_svg(c).unwrap();
    let path = format!("{}/tests/snapshots/{name}.svg", env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1");
    if let Err(e) = compare_snapshot(std::path::Path::new(&path), &svg, update) {
        panic!("{e}");
    }
}

fn compare_snapshot(path: &std::path::Path, svg: &str, update: bool) -> Result<(), String> {
    const HOW: &str = "UPDATE_SNAPSHOTS=1 cargo test --test chart";
    if update {
        return std::fs::write(path, svg).map_err(|e| format!("{}: {e}", path.display()));
    }
    let want = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "there is no snapshot {} ({e}): run `{HOW}` to write it, check it, and commit it",
            path.display()
        )
    })?;
    if want == svg {
        return Ok(());
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), svg.lines().collect());
    let k = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let end = "(end of file)";
    Err(format!(
        "the chart differs from the snapshot {} at line {}:\n  snapshot: {}\n  drawn:    {}\n\
         if the change is intended, run `{HOW}` and check the new file",
        path.display(),
        k + 1,
        w.get(k).unwrap_or(&end),
        g.get(k).unwrap_or(&end),
    ))
}

#[test]
fn a_missing_or_different_snapshot_fails_and_nothing_is_written() {
    let dir = std::env::temp_dir().join(format!("fc-snapshot-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("missing.svg");
    let _ = std::fs::remove_file(&path);
    let e = compare_snapshot(&path, "<svg>\n</svg>\n", false).unwrap_err();
    assert!(
        e.contains("there is no snapshot") && e.contains("UPDATE_SNAPSHOTS=1 cargo test"),
        "{e}"
    );
    assert!(!path.exists(), "a missing snapshot was written");
    std::fs::write(&path, "<svg>\n<title>a</title>\n</svg>\n").unwrap();
    let e = compare_snapshot(&path, "<svg>\n<title>b</title>\n</svg>\n", false).unwrap_err();
    assert!(
        e.contains("at line 2:\n  snapshot: <title>a</title>\n  drawn:    <title>b</title>"),
        "{e}"
    );
    let e = compare_snapshot(&path, "<svg>\n<title>a</title>\n", false).unwrap_err();
    assert!(
        e.contains("at line 3:\n  snapshot: </svg>\n  drawn:    (end of file)"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "<svg>\n<title>a</title>\n</svg>\n"
    );
    assert_eq!(
        compare_snapshot(&path, "<svg>\n<title>a</title>\n</svg>\n", false),
        Ok(())
    );
    // Asked to, it writes.
    compare_snapshot(&path, "new", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// In a build without overlays (the self-check embed), a chart is drawn as if it had no
/// ranges, highlights or legend: checks that, for a chart whose snapshot is of a build
/// with them.
fn drawn_without_overlays(c: &RadarChart) {
    assert!(!OVERLAYS);
    let svg = radar_svg(c).unwrap();
    let mut plain = c.clone();
    for s in &mut plain.series {
        s.range = None;
    }
    plain.highlight.clear();
    plain.highlight_label = None;
    assert_eq!(
        svg,
        radar_svg(&plain).unwrap(),
        "ranges or highlights were drawn"
    );
    assert!(!svg.contains("split"), "{svg}");
    if c.series.len() > 1 {
        for s in &c.series {
            assert!(
                !svg.contains(&format!(">{}<", s.label)),
                "a legend names {}",
                s.label
            );
        }
    }
}

/// The snapshot in a build with overlays; the same chart without them in one without.
fn overlay_snapshot(name: &str, c: &RadarChart) {
    if OVERLAYS {
        snapshot(name, c);
    } else {
        drawn_without_overlays(c);
    }
}

#[test]
fn snapshot_one_series() {
    snapshot(
        "one-series",
        &RadarChart::from_value(
            &json!({
                "title": "Your self-check",
                "axes": builtin_axes(),
                "series": [{"label": "You", "values": [58.3, 50, 83.3, 50, 25, 16.7, 66.7, 50]}],
                "bands": [{"label": "Emerging", "from": 0}, {"label": "Developing", "from": 40},
                          {"label": "Maturing", "from": 60}, {"label": "Thriving", "from": 80}]
            })
            .into(),
        )
        .unwrap(),
    );
}

#[test]
fn snapshot_overlay_of_four() {
    overlay_snapshot(
        "overlay-four",
        &RadarChart::from_value(
            &json!({
                "title": "How each sector sees the partnership",
                "axes": builtin_axes(),
                "series": [
                    {"label": "NHS trust", "values": [70, 55, 60, 62, 48, 40, 45, 58]},
                    {"label": "Primary care", "values": [52, 40, 55, 50, 30, 28, 50, 45]},
                    {"label": "Local authority", "values": [65, 72, 58, 60, 55, 35, 68, 52]},
                    {"label": "Voluntary sector", "values": [48, 62, 42, 45, 22, 20, 38, 40]}
                ]
            })
            .into(),
        )
        .unwrap(),
    );
}

#[test]
fn snapshot_sixteen_long_axes() {
    let mut c = chart(16, 2, true);
    c.title = Some("Sixteen foundations with long names".into());
    c.series[1].values[5] = None;
    overlay_snapshot("sixteen-long", &c);
}

#[test]
fn snapshot_bands_and_highlights() {
    overlay_snapshot(
        "team-bands-highlights",
        &RadarChart::from_value(&json!({
            "title": "Partnership median, with the middle half of answers",
            "axes": builtin_axes(),
            "series": [{"label": "Median", "values": [62.5, 50, 75, 50, 37.5, 25, null, 50],
                        "range": [[50, 75], [37.5, 62.5], [62.5, 87.5], [37.5, 62.5], [12.5, 75], [12.5, 37.5], null, [37.5, 62.5]]}],
            "bands": [{"label": "Emerging", "from": 0}, {"label": "Developing", "from": 40},
                      {"label": "Maturing", "from": 60}, {"label": "Thriving", "from": 80}],
            "highlight": ["governance", "understanding"]
        }).into())
        .unwrap(),
    );
}

#[test]
fn text_alternative_when_all_are_equal() {
    let c = RadarChart::from_value(
        &json!({
            "axes": builtin_axes(),
            "series": [{"label": "Team", "values": [50, 50, 50, 50, 50, 50, 50, 50]},
                       {"label": "Other", "values": [10, null, null, null, null, null, null, null]}]
        })
        .into(),
    )
    .unwrap();
    let want = if OVERLAYS {
        "Team: all 8 at 50%. Other: Shared purpose 10%; 7 with no score."
    } else {
        // A build without overlays does not name the series.
        "All 8 at 50%. Shared purpose 10%; 7 with no score."
    };
    assert_eq!(text_alternative(&c).summary, want);
}

/// The widget draws its charts without checking them again (see `radar_svg_of_valid`):
/// a chart made from a framework at every limit must pass the check.
#[test]
fn charts_made_from_a_framework_at_its_limits_are_valid() {
    use foundations_check::chart::from::{
        chart_from_aggregate, chart_from_score, AggregateChartOptions,
    };
    use foundations_check::core::aggregation::{aggregate, Options};
    use foundations_check::{core::scoring::score, Framework, Response};
    let long = "W".repeat(foundations_check::core::framework::limits::SHORT_TEXT_CHARS);
    assert_eq!(foundations_check::core::framework::limits::FOUNDATIONS, 50);
    let foundations: Vec<serde_json::Value> = (0..50)
        .map(|i| json!({"id": format!("f{i}"), "name": long, "items": [{"id": format!("i{i}"), "text": "x"}]}))
        .collect();
    let fw = Framework::from_value(&json!({
        "schema": "foundations-check/framework@1", "id": "big", "version": "1", "title": long,
        "scale": {"min": 0, "max": 20, "labels": (0..21).map(|k| k.to_string()).collect::<Vec<_>>()},
        "bands": {"basis": "scale", "levels": [{"id": "a", "label": long, "from": 0}, {"id": "b", "label": "B", "from": 19.5}]},
        "foundations": foundations,
    }).into())
    .expect("a framework at its limits");
    let answers = |v: u32| {
        let a: serde_json::Map<String, serde_json::Value> =
            (0..50).map(|i| (format!("i{i}"), json!(v))).collect();
        Response::from_value(
            &fw,
            &json!({"framework": "big", "version": "1", "answers": a}).into(),
            "",
        )
        .unwrap()
    };
    let responses: Vec<Response> = [0, 20, 7].into_iter().map(answers).collect();
    for r in &responses {
        let chart = chart_from_score(&fw, &score(&fw, r), Some(&long)).unwrap();
        assert_eq!(chart.check(), Ok(()));
    }
    let agg = aggregate(&fw, &responses, &Options::default()).unwrap();
    let opts = AggregateChartOptions {
        width: Some(1),
        height: Some(99_999),
        ..Default::default()
    };
    assert_eq!(
        chart_from_aggregate(&fw, &agg, &opts).unwrap().check(),
        Ok(())
    );
}

/// Ties are stated: every axis at the highest (or lowest) figure, as it is written (cut
/// toward zero: 25.2 is 25, 74.8 is 74), is named, so that a screen reader hears the
/// same as the table says.
#[test]
fn text_alternative_states_ties() {
    let c = RadarChart::from_value(
        &json!({
            "axes": builtin_axes(),
            "series": [{"label": "You", "values": [75, 74.8, 50, 25, 25.2, 60, 75, 40]}]
        })
        .into(),
    )
    .unwrap();
    assert_eq!(
        text_alternative(&c).summary,
        "Highest Shared purpose and Communities as partners (75%), lowest Leadership and culture and Governance (25%)."
    );
}
