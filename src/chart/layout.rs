//! Chart geometry: where the plot, labels, ticks, bands and legend go. Pure arithmetic,
//! shared by every backend and tested natively.

use super::text::{line_height, width, wrap};
use super::RadarChart;
use std::f64::consts::PI;

pub const MARGIN: f64 = 12.0;
const GAP: f64 = 8.0;
const TITLE_SIZE: f64 = 16.0;
pub const LEGEND_SIZE: f64 = 12.0;
pub const SWATCH: f64 = 34.0;
const LEGEND_ROW: f64 = 22.0;
const FONT_SIZES: [f64; 5] = [13.0, 12.0, 11.0, 10.0, 9.0];
const WRAP_SHARES: [f64; 5] = [0.28, 0.23, 0.19, 0.16, 0.13];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// A block of text lines in a box (top-left corner `x`, `y`).
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub lines: Vec<String>,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub size: f64,
    pub align: Align,
    pub bold: bool,
}

impl TextBox {
    pub fn overlaps(&self, o: &TextBox, pad: f64) -> bool {
        self.x < o.x + o.w + pad
            && o.x < self.x + self.w + pad
            && self.y < o.y + o.h + pad
            && o.y < self.y + self.h + pad
    }
    /// Distance from a point to the nearest point of the box (0 inside).
    pub fn distance_to(&self, (px, py): (f64, f64)) -> f64 {
        let dx = (self.x - px).max(0.0).max(px - (self.x + self.w));
        let dy = (self.y - py).max(0.0).max(py - (self.y + self.h));
        (dx * dx + dy * dy).sqrt()
    }
    /// The x at which each line is anchored, for its alignment.
    pub fn anchor_x(&self) -> f64 {
        match self.align {
            Align::Start => self.x,
            Align::Middle => self.x + self.w / 2.0,
            Align::End => self.x + self.w,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub series: usize,
    /// Left end of the swatch line, vertically centred on the row.
    pub x: f64,
    pub y: f64,
    pub label: TextBox,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub center: (f64, f64),
    pub radius: f64,
    pub title: Option<TextBox>,
    /// One per axis, in axis order.
    pub labels: Vec<TextBox>,
    pub legend: Vec<LegendItem>,
    pub ticks: Vec<f64>,
    /// True when the labels could not be placed without overlap (only on tiny charts).
    pub crowded: bool,
}

/// The angle of axis `i` of `n`: the first axis points straight up, then clockwise.
pub fn angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n as f64
}

/// An axis label wrapped and measured once for a font size and width, then placed at
/// many radii while the layout searches (measuring is the costly part).
struct Prepared {
    lines: Vec<String>,
    bold: bool,
    w: f64,
    h: f64,
}

impl Prepared {
    fn new((lines, bold): (Vec<String>, bool), size: f64) -> Prepared {
        let w = lines
            .iter()
            .map(|l| width(l, size) * if bold { 1.08 } else { 1.0 })
            .fold(0.0, f64::max)
            .ceil();
        let h = line_height(size) * lines.len() as f64;
        Prepared { lines, bold, w, h }
    }
}

/// The note of an axis where series have no score: "(no score)", or which series
/// ("(no score: Council, NHS)"); built once per chart, wrapped for each trial.
fn missing_note(chart: &RadarChart, i: usize) -> Option<String> {
    let missing: Vec<&str> = chart
        .series
        .iter()
        .filter(|s| s.values[i].is_none())
        .map(|s| s.label.as_str())
        .collect();
    if missing.is_empty() {
        None
    } else if !super::OVERLAYS || chart.series.len() == 1 {
        Some("(no score)".to_string())
    } else {
        Some(format!("(no score: {})", missing.join(", ")))
    }
}

/// The lines of an axis label: the wrapped label, then notes (highlight, missing scores).
fn label_lines(
    chart: &RadarChart,
    i: usize,
    note: Option<&str>,
    size: f64,
    max_w: f64,
) -> (Vec<String>, bool) {
    let mut lines = wrap(&chart.axes[i].label, size, max_w, 4);
    let highlighted = chart.is_highlighted(i);
    if highlighted {
        let word = chart.highlight_label.as_deref().unwrap_or("split");
        lines.extend(wrap(&format!("◆ {word}"), size, max_w, 2));
    }
    if let Some(note) = note {
        lines.extend(wrap(note, size, max_w, 2));
    }
    (lines, highlighted)
}

/// Places a label box (without its lines, which [`labels_at`]'s caller adds to the
/// boxes it keeps) for axis at `theta` with its anchor at radius `ra` from `c`.
fn place(p: &Prepared, size: f64, (cos, sin): (f64, f64), c: (f64, f64), ra: f64) -> TextBox {
    let (w, h, bold) = (p.w, p.h, p.bold);
    let (ax, ay) = (c.0 + ra * cos, c.1 + ra * sin);
    let align = if cos > 0.26 {
        Align::Start
    } else if cos < -0.26 {
        Align::End
    } else {
        Align::Middle
    };
    let x = match align {
        Align::Start => ax,
        Align::End => ax - w,
        Align::Middle => ax - w * (1.0 - cos) / 2.0,
    };
    let y = ay - h * (1.0 - sin) / 2.0;
    TextBox {
        lines: Vec::new(),
        x,
        y,
        w,
        h,
        size,
        align,
        bold,
    }
}

struct Area {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

/// Label boxes for radius `r`, each pushed out until it clears the plot circle; where
/// neighbours collide, the one nearer the vertical (whose box is centred over its
/// axis) moves outwards until they clear.
fn labels_at(prepared: &[Prepared], size: f64, c: (f64, f64), r: f64) -> Vec<TextBox> {
    let n = prepared.len();
    let mut radii = vec![r + GAP; n];
    let mut boxes: Vec<TextBox> = Vec::with_capacity(n);
    let dirs: Vec<(f64, f64)> = (0..n)
        .map(|i| crate::core::num::cos_sin(angle(i, n)))
        .collect();
    let build = |i: usize, ra: f64| place(&prepared[i], size, dirs[i], c, ra);
    for (i, ra) in radii.iter_mut().enumerate() {
        let mut b = build(i, *ra);
        for _ in 0..40 {
            let d = b.distance_to(c);
            if d >= r + GAP - 0.5 {
                break;
            }
            *ra += (r + GAP - d).max(1.0);
            b = build(i, *ra);
        }
        boxes.push(b);
    }
    if n > 2 {
        for _ in 0..60 {
            let mut moved = false;
            for i in 0..n {
                let j = (i + 1) % n;
                if boxes[i].overlaps(&boxes[j], 2.0) {
                    let k = if dirs[i].1.abs() >= dirs[j].1.abs() {
                        i
                    } else {
                        j
                    };
                    radii[k] += 4.0;
                    boxes[k] = build(k, radii[k]);
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
    }
    boxes
}

fn inside(b: &TextBox, a: &Area) -> bool {
    b.x >= a.left && b.y >= a.top && b.x + b.w <= a.right && b.y + b.h <= a.bottom
}

fn any_overlap(bs: &[TextBox]) -> bool {
    bs.iter()
        .enumerate()
        .any(|(i, a)| bs[i + 1..].iter().any(|b| a.overlaps(b, 2.0)))
}

/// The largest radius at which every label fits in the area, by bisection.
fn fit_radius(
    prepared: &[Prepared],
    size: f64,
    c: (f64, f64),
    a: &Area,
) -> Option<(f64, Vec<TextBox>)> {
    let max_r = ((a.right - a.left).min(a.bottom - a.top) / 2.0 - GAP).max(0.0);
    let fits = |r: f64| labels_at(prepared, size, c, r).iter().all(|b| inside(b, a));
    let min_r = 10.0;
    if max_r < min_r || !fits(min_r) {
        return None;
    }
    let (mut lo, mut hi) = (min_r, max_r);
    if fits(hi) {
        lo = hi;
    }
    for _ in 0..30 {
        if hi - lo < 0.5 {
            break;
        }
        let mid = (lo + hi) / 2.0;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let r = lo.floor();
    let mut boxes = labels_at(prepared, size, c, r);
    for (b, p) in boxes.iter_mut().zip(prepared) {
        b.lines = p.lines.clone();
    }
    Some((r, boxes))
}

impl Layout {
    pub fn new(chart: &RadarChart) -> Layout {
        Layout::with_min_font(chart, 0.0)
    }

    /// The layout with label text no smaller than `min_font` pixels (the widget asks
    /// for a size that stays legible on a phone and at 400 % zoom, where the chart is
    /// drawn at the width it is shown, one chart pixel to one CSS pixel).
    pub fn with_min_font(chart: &RadarChart, min_font: f64) -> Layout {
        let (w, h) = (f64::from(chart.width), f64::from(chart.height));
        let mut sizes: Vec<f64> = FONT_SIZES
            .iter()
            .copied()
            .filter(|s| *s >= min_font)
            .collect();
        if sizes.is_empty() {
            sizes.push(min_font);
        }
        let mut top = MARGIN;
        let title = chart
            .title
            .as_ref()
            .filter(|t| !t.trim().is_empty())
            .map(|t| {
                let lines = wrap(t, TITLE_SIZE, w - 2.0 * MARGIN, 2);
                let bw = lines
                    .iter()
                    .map(|l| width(l, TITLE_SIZE) * 1.08)
                    .fold(0.0, f64::max);
                let bh = line_height(TITLE_SIZE) * lines.len() as f64;
                let b = TextBox {
                    lines,
                    x: (w - bw) / 2.0,
                    y: top,
                    w: bw,
                    h: bh,
                    size: TITLE_SIZE,
                    align: Align::Middle,
                    bold: true,
                };
                top += bh + GAP;
                b
            });
        let legend = if super::OVERLAYS && chart.series.len() > 1 {
            legend(chart, w, h)
        } else {
            Vec::new()
        };
        let bottom = legend.iter().map(|l| l.label.y).fold(h - MARGIN, f64::min)
            - if legend.is_empty() { 0.0 } else { GAP };
        let area = Area {
            left: MARGIN,
            top,
            right: w - MARGIN,
            bottom,
        };
        let c = (
            (area.left + area.right) / 2.0,
            (area.top + area.bottom) / 2.0,
        );
        let n = chart.axes.len();
        let mut chosen: Option<(f64, f64, Vec<TextBox>)> = None;
        let mut fallback: Option<(f64, f64, Vec<TextBox>)> = None;
        let min_good = 0.2 * (area.right - area.left).min(area.bottom - area.top);
        let notes: Vec<Option<String>> = (0..n).map(|i| missing_note(chart, i)).collect();
        // Each label's longest word in ems, measured once for every font size.
        let longest_em = chart
            .axes
            .iter()
            .flat_map(|a| a.label.split_whitespace())
            .map(|word| width(word, 1.0))
            .fold(0.0, f64::max);
        'fonts: for size in sizes {
            let mut best: Option<(f64, Vec<TextBox>)> = None;
            // Room for the longest word of any label where the chart has it, so that
            // words are broken (with a hyphen) only when they cannot fit at all.
            let longest = (longest_em * size).min(w * 0.3);
            for share in WRAP_SHARES {
                let max_w = (w * share).max(56.0).max(longest);
                let prepared: Vec<Prepared> = (0..n)
                    .map(|i| {
                        let lines = label_lines(chart, i, notes[i].as_deref(), size, max_w);
                        Prepared::new(lines, size)
                    })
                    .collect();
                if let Some((r, boxes)) = fit_radius(&prepared, size, c, &area) {
                    if !any_overlap(&boxes) {
                        if best.as_ref().map_or(true, |(br, _)| r > *br) {
                            best = Some((r, boxes));
                        }
                    } else if fallback.as_ref().map_or(true, |(_, fr, _)| r > *fr) {
                        fallback = Some((size, r, boxes));
                    }
                }
            }
            if let Some((r, boxes)) = best {
                if r >= min_good || chosen.as_ref().map_or(true, |(_, cr, _)| r > *cr) {
                    chosen = Some((size, r, boxes));
                }
                if r >= min_good {
                    break 'fonts;
                }
            }
        }
        let crowded = chosen.is_none();
        let (_, radius, labels) = chosen.or(fallback).unwrap_or_else(|| {
            // Too small for any label: draw the plot alone.
            let r = ((area.right - area.left).min(area.bottom - area.top) / 2.0 - GAP).max(4.0);
            (9.0, r, Vec::new())
        });
        let ticks = chart
            .ticks
            .clone()
            .unwrap_or_else(|| vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        Layout {
            width: w,
            height: h,
            center: c,
            radius,
            title,
            labels,
            legend,
            ticks,
            crowded,
        }
    }

    /// Where a value (0 to 100) on axis `i` is drawn.
    pub fn point(&self, i: usize, n: usize, value: f64) -> (f64, f64) {
        let (cos, sin) = crate::core::num::cos_sin(angle(i, n));
        let r = self.radius * value.clamp(0.0, 100.0) / 100.0;
        (self.center.0 + r * cos, self.center.1 + r * sin)
    }

    /// The points of a series; `None` where the series has no score.
    pub fn series_points(&self, chart: &RadarChart, s: usize) -> Vec<Option<(f64, f64)>> {
        let n = chart.axes.len();
        chart.series[s]
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|v| self.point(i, n, v)))
            .collect()
    }
}

/// Legend rows at the bottom of the chart, wrapped to the width.
fn legend(chart: &RadarChart, w: f64, h: f64) -> Vec<LegendItem> {
    let max_label = (w - 2.0 * MARGIN - SWATCH - 6.0).max(40.0);
    let mut rows: Vec<Vec<(usize, Vec<String>, f64)>> = vec![Vec::new()];
    let mut row_w = 0.0;
    for (i, s) in chart.series.iter().enumerate() {
        let lines = wrap(&s.label, LEGEND_SIZE, max_label.min(260.0), 1);
        let tw = lines
            .iter()
            .map(|l| width(l, LEGEND_SIZE))
            .fold(0.0, f64::max)
            .ceil();
        let item_w = SWATCH + 6.0 + tw;
        if row_w > 0.0 && row_w + 18.0 + item_w > w - 2.0 * MARGIN {
            rows.push(Vec::new());
            row_w = 0.0;
        }
        row_w += if row_w > 0.0 { 18.0 } else { 0.0 } + item_w;
        if let Some(r) = rows.last_mut() {
            r.push((i, lines, tw));
        }
    }
    let n_rows = rows.len() as f64;
    let mut out = Vec::new();
    for (ri, row) in rows.into_iter().enumerate() {
        let total: f64 = row.iter().map(|(_, _, tw)| SWATCH + 6.0 + tw).sum::<f64>()
            + 18.0 * (row.len().saturating_sub(1)) as f64;
        let mut x = (w - total) / 2.0;
        let y = h - MARGIN - (n_rows - ri as f64) * LEGEND_ROW + LEGEND_ROW / 2.0;
        for (i, lines, tw) in row {
            let lh = line_height(LEGEND_SIZE);
            out.push(LegendItem {
                series: i,
                x,
                y,
                label: TextBox {
                    lines,
                    x: x + SWATCH + 6.0,
                    y: y - lh / 2.0,
                    w: tw,
                    h: lh,
                    size: LEGEND_SIZE,
                    align: Align::Start,
                    bold: false,
                },
            });
            x += SWATCH + 6.0 + tw + 18.0;
        }
    }
    out
}
