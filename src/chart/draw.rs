//! Paints a [`Layout`] with plotters on any `DrawingBackend`: SVG for downloads and
//! print, an HTML canvas in the browser.

use super::layout::{angle, Align, Layout, TextBox, LEGEND_SIZE, SWATCH};
use super::{parse_color, RadarChart};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Eight series colours, dark enough for 3:1 contrast on white and distinct for the
/// common colour-vision deficiencies; series are also told apart by dash and marker.
pub const PALETTE: [&str; 8] = [
    "#005eb8", "#c2410c", "#007f5f", "#8e3b8a", "#6b4e16", "#ad1457", "#334155", "#0e7490",
];
const INK: RGBColor = RGBColor(0x21, 0x2b, 0x32);
const MUTED: RGBColor = RGBColor(0x4c, 0x62, 0x72);
const GRID: RGBColor = RGBColor(0xae, 0xb7, 0xbd);
const BAND_TINTS: [RGBColor; 2] = [RGBColor(0xf4, 0xf6, 0xf8), RGBColor(0xe8, 0xed, 0xf1)];

/// Dash (length, gap) per series; `None` is a solid line.
pub const DASHES: [Option<(u32, u32)>; 8] = [
    None,
    Some((9, 5)),
    Some((2, 4)),
    Some((14, 4)),
    Some((5, 5)),
    Some((1, 6)),
    Some((18, 6)),
    Some((7, 3)),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Cross,
    Plus,
    Hexagon,
}
pub const MARKERS: [Marker; 8] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::TriangleDown,
    Marker::Cross,
    Marker::Plus,
    Marker::Hexagon,
];

pub fn series_color(chart: &RadarChart, s: usize) -> RGBColor {
    let (r, g, b) = chart.series[s]
        .color
        .as_deref()
        .and_then(parse_color)
        .or_else(|| parse_color(PALETTE[s % PALETTE.len()]))
        .unwrap_or((0, 0x5e, 0xb8));
    RGBColor(r, g, b)
}

/// Draws `chart` on `backend`. `scale` multiplies every coordinate (the device pixel
/// ratio on a canvas); `font_factor` corrects for how a backend sizes text (plotters'
/// SVG backend writes 1/1.24 of the size it is given).
pub fn draw<DB: DrawingBackend>(
    backend: DB,
    chart: &RadarChart,
    font_factor: f64,
) -> Result<(), String> {
    let scale = f64::from(backend.get_size().0) / f64::from(chart.width);
    let layout = Layout::new(chart);
    let root = backend.into_drawing_area();
    Painter {
        root: &root,
        scale,
        font_factor,
    }
    .paint(chart, &layout)
    .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

struct Painter<'a, DB: DrawingBackend> {
    root: &'a DrawingArea<DB, plotters::coord::Shift>,
    scale: f64,
    font_factor: f64,
}

type R<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn p(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            (x * self.scale).round() as i32,
            (y * self.scale).round() as i32,
        )
    }
    fn px(&self, v: f64) -> u32 {
        (v * self.scale).round().max(1.0) as u32
    }

    fn paint(&self, chart: &RadarChart, l: &Layout) -> R<DB> {
        self.root.fill(&WHITE)?;
        let n = chart.axes.len();
        let ring =
            |v: f64| -> Vec<(i32, i32)> { (0..n).map(|i| self.p(l.point(i, n, v))).collect() };

        // Bands: faint rings, painted from the outside in, with their names.
        let mut bands: Vec<&super::Band> = chart.bands.iter().collect();
        bands.sort_by(|a, b| a.from.total_cmp(&b.from));
        for (k, b) in bands.iter().enumerate().rev() {
            let upper = bands.get(k + 1).map_or(100.0, |n| n.from);
            self.root
                .draw(&Polygon::new(ring(upper), BAND_TINTS[k % 2].filled()))?;
            let _ = b;
        }
        // Grid rings and spokes.
        for &t in l.ticks.iter().filter(|t| **t > 0.0) {
            let mut pts = ring(t);
            pts.push(pts[0]);
            self.root
                .draw(&PathElement::new(pts, GRID.stroke_width(self.px(1.0))))?;
        }
        for i in 0..n {
            let (c, end) = (self.p(l.center), self.p(l.point(i, n, 100.0)));
            if chart.is_highlighted(i) {
                self.root.draw(&DashedPathElement::new(
                    vec![c, end],
                    self.px(6.0) as i32,
                    self.px(3.0) as i32,
                    INK.stroke_width(self.px(2.5)),
                ))?;
            } else {
                self.root.draw(&PathElement::new(
                    vec![c, end],
                    GRID.stroke_width(self.px(1.0)),
                ))?;
            }
        }
        // Band names, right of the top spoke; tick values, left of it.
        for (k, b) in bands.iter().enumerate() {
            let upper = bands.get(k + 1).map_or(100.0, |n| n.from);
            let (x, y) = l.point(0, n, (b.from + upper) / 2.0);
            self.text(
                &b.label,
                (x + 5.0, y),
                10.0,
                MUTED,
                false,
                Pos::new(HPos::Left, VPos::Center),
            )?;
        }
        for &t in &l.ticks {
            let (x, y) = l.point(0, n, t);
            self.text(
                &format!("{}", t.round()),
                (x - 5.0, y),
                10.0,
                MUTED,
                false,
                Pos::new(HPos::Right, VPos::Center),
            )?;
        }

        // Series: range band, fill, outline, markers.
        for s in 0..chart.series.len() {
            let color = crate::chart::draw::series_color(chart, s);
            let pts = l.series_points(chart, s);
            if let Some(range) = &chart.series[s].range {
                for i in 0..n {
                    let j = (i + 1) % n;
                    if let (Some([lo_i, hi_i]), Some([lo_j, hi_j])) = (range[i], range[j]) {
                        let quad = vec![
                            self.p(l.point(i, n, lo_i)),
                            self.p(l.point(i, n, hi_i)),
                            self.p(l.point(j, n, hi_j)),
                            self.p(l.point(j, n, lo_j)),
                        ];
                        self.root
                            .draw(&Polygon::new(quad, color.mix(0.16).filled()))?;
                    }
                }
            }
            let alpha = if chart.series.len() <= 2 { 0.14 } else { 0.06 };
            if pts.iter().all(Option::is_some) {
                let poly: Vec<(i32, i32)> = pts.iter().flatten().map(|p| self.p(*p)).collect();
                self.root
                    .draw(&Polygon::new(poly, color.mix(alpha).filled()))?;
            } else {
                // With gaps, fill only the wedges between neighbouring scores, so no
                // area is implied where there is no score.
                for i in 0..n {
                    if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                        let tri = vec![self.p(l.center), self.p(a), self.p(b)];
                        self.root
                            .draw(&Polygon::new(tri, color.mix(alpha).filled()))?;
                    }
                }
            }
            let style = color.stroke_width(self.px(2.5));
            for i in 0..n {
                if n < 2 {
                    break;
                }
                if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                    self.line(vec![self.p(a), self.p(b)], DASHES[s % DASHES.len()], style)?;
                }
            }
            for p in pts.iter().flatten() {
                self.marker(MARKERS[s % MARKERS.len()], *p, 4.5, color)?;
            }
        }

        // Labels, title, legend.
        for b in &l.labels {
            self.text_box(b, INK)?;
        }
        if let Some(t) = &l.title {
            self.text_box(t, INK)?;
        }
        for item in &l.legend {
            let color = series_color(chart, item.series);
            let (x, y) = (item.x, item.y);
            self.line(
                vec![self.p((x, y)), self.p((x + SWATCH, y))],
                DASHES[item.series % DASHES.len()],
                color.stroke_width(self.px(2.5)),
            )?;
            self.marker(
                MARKERS[item.series % MARKERS.len()],
                (x + SWATCH / 2.0, y),
                4.5,
                color,
            )?;
            self.text_box(&item.label, INK)?;
            let _ = LEGEND_SIZE;
        }
        Ok(())
    }

    fn line(&self, pts: Vec<(i32, i32)>, dash: Option<(u32, u32)>, style: ShapeStyle) -> R<DB> {
        match dash {
            None => self.root.draw(&PathElement::new(pts, style)),
            Some((d, g)) => self.root.draw(&DashedPathElement::new(
                pts,
                self.px(f64::from(d)) as i32,
                self.px(f64::from(g)) as i32,
                style,
            )),
        }
    }

    fn marker(&self, m: Marker, (x, y): (f64, f64), r: f64, color: RGBColor) -> R<DB> {
        let fill = color.filled();
        let pt = |dx: f64, dy: f64| self.p((x + dx, y + dy));
        let poly = |pts: Vec<(f64, f64)>| {
            Polygon::new(
                pts.into_iter()
                    .map(|(dx, dy)| pt(dx, dy))
                    .collect::<Vec<_>>(),
                fill,
            )
        };
        // A white halo keeps markers readable where series cross.
        match m {
            Marker::Circle => {
                self.root.draw(&Circle::new(
                    self.p((x, y)),
                    self.px(r + 1.5),
                    WHITE.filled(),
                ))?;
                self.root
                    .draw(&Circle::new(self.p((x, y)), self.px(r), fill))
            }
            Marker::Square => {
                let s = r * 0.9;
                self.root.draw(&Rectangle::new(
                    [pt(-s - 1.5, -s - 1.5), pt(s + 1.5, s + 1.5)],
                    WHITE.filled(),
                ))?;
                self.root
                    .draw(&Rectangle::new([pt(-s, -s), pt(s, s)], fill))
            }
            Marker::Triangle => self.root.draw(&poly(vec![
                (0.0, -r * 1.2),
                (r * 1.1, r * 0.8),
                (-r * 1.1, r * 0.8),
            ])),
            Marker::TriangleDown => self.root.draw(&poly(vec![
                (0.0, r * 1.2),
                (r * 1.1, -r * 0.8),
                (-r * 1.1, -r * 0.8),
            ])),
            Marker::Diamond => self.root.draw(&poly(vec![
                (0.0, -r * 1.3),
                (r * 1.1, 0.0),
                (0.0, r * 1.3),
                (-r * 1.1, 0.0),
            ])),
            Marker::Hexagon => self.root.draw(&poly(
                (0..6)
                    .map(|k| {
                        let a = std::f64::consts::PI / 3.0 * f64::from(k);
                        (r * 1.1 * a.cos(), r * 1.1 * a.sin())
                    })
                    .collect(),
            )),
            Marker::Cross | Marker::Plus => {
                let (a, b) = if m == Marker::Cross {
                    (r, r)
                } else {
                    (r * 1.3, 0.0)
                };
                let st = color.stroke_width(self.px(2.5));
                if m == Marker::Cross {
                    self.root
                        .draw(&PathElement::new(vec![pt(-a, -b), pt(a, b)], st))?;
                    self.root
                        .draw(&PathElement::new(vec![pt(-a, b), pt(a, -b)], st))
                } else {
                    self.root
                        .draw(&PathElement::new(vec![pt(-a, 0.0), pt(a, 0.0)], st))?;
                    self.root
                        .draw(&PathElement::new(vec![pt(0.0, -a), pt(0.0, a)], st))
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        s: &str,
        at: (f64, f64),
        size: f64,
        color: RGBColor,
        bold: bool,
        pos: Pos,
    ) -> R<DB> {
        let font = ("sans-serif", size * self.scale * self.font_factor).into_font();
        let font = if bold {
            font.style(FontStyle::Bold)
        } else {
            font
        };
        self.root.draw(&Text::new(
            s.to_string(),
            self.p(at),
            font.color(&color).pos(pos),
        ))
    }

    fn text_box(&self, b: &TextBox, color: RGBColor) -> R<DB> {
        let h = match b.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let lh = super::text::line_height(b.size);
        for (k, line) in b.lines.iter().enumerate() {
            self.text(
                line,
                (b.anchor_x(), b.y + lh * k as f64 + (lh - b.size) / 2.0),
                b.size,
                color,
                b.bold,
                Pos::new(h, VPos::Top),
            )?;
        }
        Ok(())
    }
}

/// The angle helper, re-exported for tests of the drawing.
pub fn axis_angle(i: usize, n: usize) -> f64 {
    angle(i, n)
}
