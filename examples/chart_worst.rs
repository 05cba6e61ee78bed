//! The slowest charts within the documented limits, drawn natively, with the time each
//! takes: `cargo run --release --example chart_worst`. `make bench` runs it; the target
//! is under 50 ms for any valid chart.
use foundations_check::chart::{radar_svg, RadarChart};
use serde_json::{json, Value};
use std::time::Instant;

fn chart(axes: Vec<String>, series: Vec<(String, Vec<Value>)>, w: u32, h: u32) -> RadarChart {
    let axes: Vec<Value> = axes
        .iter()
        .enumerate()
        .map(|(i, l)| json!({"id": format!("a{i}"), "label": l}))
        .collect();
    let series: Vec<Value> = series
        .into_iter()
        .map(|(l, v)| json!({"label": l, "values": v}))
        .collect();
    let highlight: Vec<String> = (0..axes.len())
        .step_by(2)
        .map(|i| format!("a{i}"))
        .collect();
    RadarChart::from_value(
        &json!({"axes": axes, "series": series, "width": w, "height": h, "highlight": highlight,
                "title": "W".repeat(200)})
        .into(),
    )
    .expect("a valid chart")
}

fn main() {
    let cases: Vec<(&str, RadarChart)> = vec![
        (
            "50 empty labels, 5 series of 200 'i', no values, 4000x1000",
            chart(
                vec![String::new(); 50],
                (0..5)
                    .map(|_| ("i".repeat(200), vec![Value::Null; 50]))
                    .collect(),
                4000,
                1000,
            ),
        ),
        (
            "50 labels of 200 'W', 8 series of 200 'i', no values, 4000x4000",
            chart(
                vec!["W".repeat(200); 50],
                (0..8)
                    .map(|_| ("i".repeat(200), vec![Value::Null; 50]))
                    .collect(),
                4000,
                4000,
            ),
        ),
        (
            "50 labels of 200 CJK characters, 8 series, half missing, 4000x4000",
            chart(
                vec!["中".repeat(200); 50],
                (0..8)
                    .map(|s| {
                        let v = (0..50)
                            .map(|i| {
                                if (i + s) % 2 == 0 {
                                    Value::Null
                                } else {
                                    json!(50)
                                }
                            })
                            .collect();
                        ("文".repeat(200), v)
                    })
                    .collect(),
                4000,
                4000,
            ),
        ),
        (
            "50 labels of forty 4-letter words, 8 series, 640x520",
            chart(
                vec![vec!["word"; 40].join(" "); 50],
                (0..8)
                    .map(|s| (format!("Group {s}"), vec![json!(40); 50]))
                    .collect(),
                640,
                520,
            ),
        ),
        (
            "50 labels of forty 4-letter words, 8 series, 100x100",
            chart(
                vec![vec!["word"; 40].join(" "); 50],
                (0..8)
                    .map(|s| (format!("Group {s}"), vec![json!(40); 50]))
                    .collect(),
                100,
                100,
            ),
        ),
    ];
    for (name, c) in cases {
        let t = Instant::now();
        let svg = radar_svg(&c).expect("draws");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        println!("{ms:8.2} ms  {name} ({} bytes of SVG)", svg.len());
    }
}
