//! Chart input: any text is read without panicking; a chart that `RadarChart::from_value`
//! accepts always draws, as well-formed SVG in which no label is markup; a chart within
//! the limits is accepted; charts made from score results and aggregates (as the JS API
//! takes them) draw too.
#![no_main]
mod common;

use common::{response, text};
use foundations_check::chart::from::{
    aggregate_from_value, chart_from_aggregate, chart_from_score, score_from_value,
    AggregateChartOptions,
};
use foundations_check::chart::{radar_svg, radar_svg_of_valid, text_alternative, RadarChart};
use foundations_check::core::aggregation::{aggregate, Options};
use foundations_check::core::builtin::{builtin, DEFAULT_ID};
use foundations_check::core::reader::parse_json;
use foundations_check::core::scoring::score;
use foundations_check::Framework;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// Checks that `svg` is one `<svg>` of the elements the drawing uses, with every
/// element closed, every attribute quoted, every `&` an entity, and no `<` or `>` in
/// text; and that no number in it is NaN or infinite.
fn check_svg(svg: &str) {
    const ELEMENTS: [&str; 6] = ["svg", "title", "text", "polyline", "polygon", "circle"];
    const ENTITIES: [&str; 5] = ["lt;", "gt;", "amp;", "quot;", "apos;"];
    let fail = |what: &str, at: usize| -> ! {
        let from = svg.floor_char_boundary(at.saturating_sub(60));
        let to = svg.ceil_char_boundary((at + 60).min(svg.len()));
        panic!("{what} at byte {at}: …{}…", &svg[from..to])
    };
    let entities_ok = |s: &str| {
        s.match_indices('&')
            .all(|(k, _)| ENTITIES.iter().any(|e| s[k + 1..].starts_with(e)))
    };
    assert!(svg.starts_with("<svg "), "{svg}");
    assert!(svg.ends_with("</svg>\n"), "{svg}");
    let mut open: Vec<&str> = Vec::new();
    let mut i = 0;
    let b = svg.as_bytes();
    while i < b.len() {
        if b[i] != b'<' {
            // Character data up to the next tag.
            let end = svg[i..].find('<').map_or(svg.len(), |k| i + k);
            let data = &svg[i..end];
            if data.contains('>') {
                fail("a raw '>' in text", i);
            }
            if !entities_ok(data) {
                fail("a raw '&' in text", i);
            }
            if !data.trim().is_empty() && !matches!(open.last(), Some(&"text" | &"title")) {
                fail("text outside <text> or <title>", i);
            }
            i = end;
            continue;
        }
        let end = svg[i..].find('>').map_or_else(|| fail("a tag never ends", i), |k| i + k);
        let tag = &svg[i + 1..end];
        if tag.contains('<') {
            fail("a '<' inside a tag", i);
        }
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                fail("a closing tag that closes nothing open", i);
            }
        } else {
            let (body, empty) = match tag.strip_suffix('/') {
                Some(body) => (body, true),
                None => (tag, false),
            };
            let name = body.split(' ').next().unwrap_or_default();
            if !ELEMENTS.contains(&name) {
                fail("an unknown element", i);
            }
            if open.is_empty() != (name == "svg") || open.contains(&"text") || open.contains(&"title") {
                fail("an element in the wrong place", i);
            }
            // Attributes: name="value", the value without quotes, '<' or raw '&'.
            let mut rest = body[name.len()..].trim_start();
            while !rest.is_empty() {
                let Some(eq) = rest.find("=\"") else { fail("an attribute without a quoted value", i) };
                let attr = &rest[..eq];
                if attr.is_empty() || !attr.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b':') {
                    fail("a bad attribute name", i);
                }
                let after = &rest[eq + 2..];
                let Some(close) = after.find('"') else { fail("an attribute value never ends", i) };
                let value = &after[..close];
                if !entities_ok(value) {
                    fail("a raw '&' in an attribute", i);
                }
                if ["NaN", "inf"].iter().any(|w| value.contains(w)) && attr != "xmlns" {
                    fail("a number that is not finite", i);
                }
                rest = after[close + 1..].trim_start();
            }
            if !empty {
                open.push(name);
            }
        }
        i = end + 1;
    }
    assert!(open.is_empty(), "elements left open: {open:?}");
}

/// A chart that reads must draw, and its words must be there too.
fn check_chart(chart: &RadarChart) {
    let svg = radar_svg(chart).unwrap_or_else(|e| panic!("a valid chart does not draw: {e}"));
    check_svg(&svg);
    let alt = text_alternative(chart);
    assert_eq!(alt.rows.len(), chart.axes.len());
    assert_eq!(alt.columns.len(), chart.series.len() + 1);
}

/// A label: any text, or long words (which wrapping must break), within `max` characters.
/// Short text comes first, so that a short input is a quick one.
fn label(u: &mut Unstructured, max: usize) -> Result<String> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 | 1 => text(u, max)?,
        2 => u.choose(&["W", "i", "中", "&", "<b>"])?.repeat(max).chars().take(max).collect(),
        _ => {
            let word = "W".repeat(u.int_in_range(1..=40)?);
            let s: String = std::iter::repeat(word + " ").take(max).collect();
            s.chars().take(max).collect()
        }
    })
}

fn percent(u: &mut Unstructured) -> Result<f64> {
    Ok(f64::from(u.int_in_range(0..=1000u32)?) / 10.0)
}

/// A chart within every limit, as JSON.
fn chart_json(u: &mut Unstructured) -> Result<Value> {
    let n = u.int_in_range(1..=50usize)?;
    let axes: Vec<Value> = (0..n)
        .map(|i| Ok(json!({"id": format!("a{i}"), "label": label(u, 200)?})))
        .collect::<Result<_>>()?;
    let mut series = Vec::new();
    for _ in 0..u.int_in_range(0..=8)? {
        let mut s = json!({
            "label": label(u, 200)?,
            "values": (0..n).map(|_| Ok(if u.ratio(1, 5)? { Value::Null } else { json!(percent(u)?) })).collect::<Result<Vec<_>>>()?,
        });
        if u.arbitrary()? {
            let k = if u.arbitrary()? { 3 } else { 6 };
            let hex: String = (0..k)
                .map(|_| Ok(*u.choose(b"0123456789abcdefABCDEF")? as char))
                .collect::<Result<_>>()?;
            s["color"] = json!(format!("#{hex}"));
        }
        if u.arbitrary()? {
            s["range"] = json!((0..n)
                .map(|_| {
                    let (a, b) = (percent(u)?, percent(u)?);
                    Ok(if u.ratio(1, 4)? { Value::Null } else { json!([a.min(b), a.max(b)]) })
                })
                .collect::<Result<Vec<_>>>()?);
        }
        series.push(s);
    }
    let mut v = json!({"axes": axes, "series": series});
    if u.arbitrary()? {
        v["bands"] = json!((0..u.int_in_range(0..=20)?)
            .map(|_| Ok(json!({"label": label(u, 200)?, "from": percent(u)?})))
            .collect::<Result<Vec<_>>>()?);
    }
    if u.arbitrary()? {
        v["highlight"] = json!((0..u.int_in_range(0..=n)?)
            .map(|_| Ok(format!("a{}", u.int_in_range(0..=n - 1)?)))
            .collect::<Result<Vec<_>>>()?);
        v["highlightLabel"] = json!(label(u, 40)?);
    }
    if u.arbitrary()? {
        v["width"] = json!(u.int_in_range(100..=4000)?);
        v["height"] = json!(u.int_in_range(100..=4000)?);
    }
    if u.arbitrary()? {
        v["title"] = json!(label(u, 200)?);
    }
    if u.arbitrary()? {
        v["ticks"] = json!((0..u.int_in_range(0..=11)?).map(|_| percent(u)).collect::<Result<Vec<_>>>()?);
    }
    Ok(v)
}

/// A framework with fuzzed names and option labels, each within its limit.
fn framework_json(u: &mut Unstructured) -> Result<Value> {
    let n = u.int_in_range(1..=50usize)?;
    let foundations: Vec<Value> = (0..n)
        .map(|i| {
            Ok(json!({"id": format!("f{i}"), "name": label(u, 200)?,
                      "items": [{"id": format!("i{i}"), "text": "x"}, {"id": format!("j{i}"), "text": "y"}]}))
        })
        .collect::<Result<_>>()?;
    let options: Vec<Value> = (0..u.int_in_range(1..=6)?)
        .map(|k| Ok(json!({"id": format!("o{k}"), "label": label(u, 200)?})))
        .collect::<Result<_>>()?;
    Ok(json!({
        "schema": "foundations-check/framework@1", "id": "fz", "version": "1", "title": label(u, 200)?,
        "scale": {"min": 1, "max": 3, "labels": ["a", "b", "c"], "dontKnow": "?"},
        "bands": {"basis": "percent", "levels": [{"id": "l", "label": label(u, 200)?, "from": 0}, {"id": "h", "label": "H", "from": 50}]},
        "consensus": {"spread": 1, "maxOutside": 0.25},
        "respondentFields": [{"id": "g", "label": "G", "options": options}],
        "foundations": foundations
    }))
}

/// Charts from a framework's own results, as the widget and the JS API make them: they
/// are valid, and they draw.
fn from_results(u: &mut Unstructured) -> Result<()> {
    let fw = Framework::from_json(&framework_json(u)?.to_string()).expect("a framework within its limits");
    let mut rs = Vec::new();
    for _ in 0..u.int_in_range(0..=12)? {
        rs.push(response(u, &fw)?);
    }
    if let Some(r) = rs.first() {
        let label = if u.arbitrary()? { Some(label(u, 200)?) } else { None };
        let chart = chart_from_score(&fw, &score(&fw, r), label.as_deref()).expect("a chart of a score");
        assert_eq!(chart.check(), Ok(()), "a chart from a score is invalid");
        check_chart(&chart);
    }
    let opts = Options {
        group_by: u.arbitrary::<bool>()?.then(|| "g".to_string()),
        min_group_size: Some(u.int_in_range(1..=4)?),
        previous: None,
        raw: u.arbitrary()?,
    };
    let agg = aggregate(&fw, &rs, &opts).expect("an aggregate");
    let opts = AggregateChartOptions {
        by_group: u.arbitrary()?,
        label: if u.arbitrary()? { Some(label(u, 200)?) } else { None },
        title: if u.arbitrary()? { Some(label(u, 200)?) } else { None },
        width: if u.arbitrary()? { Some(u.int_in_range(0..=100_000)?) } else { None },
        height: if u.arbitrary()? { Some(u.int_in_range(0..=100_000)?) } else { None },
    };
    let chart = chart_from_aggregate(&fw, &agg, &opts).expect("a chart of an aggregate");
    assert_eq!(chart.check(), Ok(()), "a chart from an aggregate is invalid");
    check_chart(&chart);
    Ok(())
}

/// Any JSON as a chart, a score result and an aggregate (with `options` as the chart
/// options), as the JS API reads them.
fn any_value(text: &str) {
    let Ok(v) = parse_json(text) else { return };
    if let Ok(chart) = RadarChart::from_value(&v) {
        check_chart(&chart);
    }
    let fw = builtin(DEFAULT_ID).expect("the built-in framework");
    if let Ok(s) = score_from_value(&v) {
        if let Ok(chart) = chart_from_score(&fw, &s, None) {
            assert_eq!(chart.check(), Ok(()), "a chart from a score is invalid");
            check_chart(&chart);
        }
    }
    if let Ok(agg) = aggregate_from_value(&v) {
        let opts = v
            .get("options")
            .map_or(Ok(AggregateChartOptions::default()), AggregateChartOptions::from_value);
        if let Ok(chart) = opts.map(|o| chart_from_aggregate(&fw, &agg, &o)) {
            if let Ok(chart) = chart {
                // The JS API hands this chart back; drawing it checks it, and the
                // widget draws its own without the check.
                check_svg(&radar_svg_of_valid(&chart).expect("an aggregate chart draws"));
                if chart.check().is_ok() {
                    check_chart(&chart);
                }
            }
        }
    }
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    match u.int_in_range(0..=2u8)? {
        0 => any_value(&String::from_utf8_lossy(u.take_rest())),
        1 => {
            let v = chart_json(&mut u)?;
            let text = v.to_string();
            let parsed = parse_json(&text).expect("serde_json's JSON reads");
            let chart = RadarChart::from_value(&parsed)
                .unwrap_or_else(|e| panic!("a chart within the limits is refused: {e:?}\n{text}"));
            check_chart(&chart);
        }
        _ => from_results(&mut u)?,
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
