//! Drawing in two steps: [`shapes`] turns a chart and its [`Layout`] into a list of
//! plain shapes (pure, tested natively), and [`paint`] draws that list on any plotters
//! `DrawingBackend` (the trait of the plotters-backend crate). [`draw`] paints on a
//! [`Surface`] (SVG text for downloads and print, a 2D canvas in the browser) through
//! one backend, [`Plotter`], so the drawing code is compiled once. The shapes go to the
//! backend's own primitives (polygons, paths, circles, text) rather than through
//! plotters' drawing areas and elements, which cost 2.6 KB of the gzipped embed for
//! nothing a radar needs; dashes are cut by [`dashes`].

use super::layout::{Align, Layout, TextBox, SWATCH};
use super::{parse_color, RadarChart};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};

/// What a chart is painted on: the few primitives a radar comes down to.
pub trait Surface {
    /// The size in pixels.
    fn size(&self) -> (u32, u32);
    fn polyline(&mut self, points: &[BackendCoord], color: BackendColor, width: u32);
    fn polygon(&mut self, points: &[BackendCoord], color: BackendColor);
    fn circle(&mut self, center: BackendCoord, radius: u32, color: BackendColor);
    /// Text anchored at `at`.
    fn text(&mut self, text: &str, at: BackendCoord, font: &Font);
}

/// How a text is set: `size` pixels high, anchored by `h` and `v`.
pub struct Font {
    pub size: f64,
    pub bold: bool,
    pub h: HPos,
    pub v: VPos,
    pub color: BackendColor,
}

/// Plotters' backend for any [`Surface`].
pub struct Plotter<'a>(pub &'a mut dyn Surface);

/// Painting on a surface does not fail.
#[derive(Debug)]
pub struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, _: &mut std::fmt::Formatter) -> std::fmt::Result {
        Ok(())
    }
}

impl std::error::Error for NoError {}

type Done = Result<(), DrawingErrorKind<NoError>>;

impl DrawingBackend for Plotter<'_> {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        self.0.size()
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    fn present(&mut self) -> Done {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Done {
        self.0.polygon(
            &[p, (p.0 + 1, p.1), (p.0 + 1, p.1 + 1), (p.0, p.1 + 1)],
            color,
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Done {
        self.draw_path([from, to], s)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Done {
        let corners = [a, (b.0, a.1), b, (a.0, b.1)];
        if fill {
            self.fill_polygon(corners, s)
        } else {
            self.draw_path(corners.into_iter().chain([a]), s)
        }
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        if s.color().alpha > 0.0 {
            let points: Vec<BackendCoord> = path.into_iter().collect();
            self.0.polyline(&points, s.color(), s.stroke_width());
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        if s.color().alpha > 0.0 {
            let points: Vec<BackendCoord> = path.into_iter().collect();
            self.0.polygon(&points, s.color());
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        _fill: bool,
    ) -> Done {
        // The chart only draws filled circles (markers).
        if s.color().alpha > 0.0 {
            self.0.circle(c, r, s.color());
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Done {
        if style.color().alpha > 0.0 {
            let a = style.anchor();
            let font = Font {
                size: style.size(),
                bold: matches!(style.style(), FontStyle::Bold),
                h: a.h_pos,
                v: a.v_pos,
                color: style.color(),
            };
            self.0.text(text, at, &font);
        }
        Ok(())
    }
}

/// Eight series colours, dark enough for 3:1 contrast on white and distinct for the
/// common colour-vision deficiencies; series are also told apart by dash and marker.
pub const PALETTE: [&str; 8] = [
    "#005eb8", "#c2410c", "#007f5f", "#8e3b8a", "#6b4e16", "#ad1457", "#334155", "#0e7490",
];

/// A colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

const WHITE_: Rgba = Rgba(255, 255, 255, 1.0);
const INK: Rgba = Rgba(0x21, 0x2b, 0x32, 1.0);
const MUTED: Rgba = Rgba(0x4c, 0x62, 0x72, 1.0);
const GRID: Rgba = Rgba(0xae, 0xb7, 0xbd, 1.0);
const BAND_TINTS: [Rgba; 2] = [Rgba(0xf4, 0xf6, 0xf8, 1.0), Rgba(0xe8, 0xed, 0xf1, 1.0)];

/// Dash (length, gap) per series; `None` is a solid line.
pub const DASHES: [Option<(f64, f64)>; 8] = [
    None,
    Some((9.0, 5.0)),
    Some((2.0, 4.0)),
    Some((14.0, 4.0)),
    Some((5.0, 5.0)),
    Some((1.0, 6.0)),
    Some((18.0, 6.0)),
    Some((7.0, 3.0)),
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

/// One thing to paint, in chart coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Fill {
        points: Vec<(f64, f64)>,
        color: Rgba,
    },
    Line {
        points: Vec<(f64, f64)>,
        color: Rgba,
        width: f64,
        dash: Option<(f64, f64)>,
    },
    Circle {
        center: (f64, f64),
        radius: f64,
        color: Rgba,
    },
    Text {
        text: String,
        at: (f64, f64),
        size: f64,
        color: Rgba,
        bold: bool,
        align: Align,
        middle: bool,
    },
}

pub fn series_color(chart: &RadarChart, s: usize) -> Rgba {
    let (r, g, b) = chart.series[s]
        .color
        .as_deref()
        .and_then(parse_color)
        .or_else(|| parse_color(PALETTE[s % PALETTE.len()]))
        .unwrap_or((0, 0x5e, 0xb8));
    Rgba(r, g, b, 1.0)
}

/// The dash of series `s` (the first is solid).
fn dash_of(s: usize) -> Option<(f64, f64)> {
    DASHES[s % DASHES.len()].filter(|_| super::OVERLAYS)
}

/// The marker of series `s` (the first is a circle).
fn marker_of(s: usize) -> Marker {
    if super::OVERLAYS {
        MARKERS[s % MARKERS.len()]
    } else {
        Marker::Circle
    }
}

fn with_alpha(c: Rgba, a: f64) -> Rgba {
    Rgba(c.0, c.1, c.2, a)
}

fn marker(out: &mut Vec<Shape>, m: Marker, (x, y): (f64, f64), r: f64, color: Rgba) {
    let poly = |pts: &[(f64, f64)]| Shape::Fill {
        points: pts.iter().map(|(dx, dy)| (x + dx, y + dy)).collect(),
        color,
    };
    let halo = |pts: &[(f64, f64)]| Shape::Fill {
        points: pts
            .iter()
            .map(|(dx, dy)| (x + dx * 1.35, y + dy * 1.35))
            .collect(),
        color: WHITE_,
    };
    let shape: Vec<(f64, f64)> = match m {
        Marker::Circle => {
            out.push(Shape::Circle {
                center: (x, y),
                radius: r + 1.5,
                color: WHITE_,
            });
            out.push(Shape::Circle {
                center: (x, y),
                radius: r,
                color,
            });
            return;
        }
        Marker::Cross | Marker::Plus => {
            let a = if m == Marker::Cross { r } else { r * 1.3 };
            let (p, q) = if m == Marker::Cross {
                ([(-a, -a), (a, a)], [(-a, a), (a, -a)])
            } else {
                ([(-a, 0.0), (a, 0.0)], [(0.0, -a), (0.0, a)])
            };
            for seg in [p, q] {
                out.push(Shape::Line {
                    points: seg.iter().map(|(dx, dy)| (x + dx, y + dy)).collect(),
                    color: WHITE_,
                    width: 5.0,
                    dash: None,
                });
            }
            for seg in [p, q] {
                out.push(Shape::Line {
                    points: seg.iter().map(|(dx, dy)| (x + dx, y + dy)).collect(),
                    color,
                    width: 2.5,
                    dash: None,
                });
            }
            return;
        }
        Marker::Square => vec![
            (-r * 0.9, -r * 0.9),
            (r * 0.9, -r * 0.9),
            (r * 0.9, r * 0.9),
            (-r * 0.9, r * 0.9),
        ],
        Marker::Triangle => vec![(0.0, -r * 1.2), (r * 1.1, r * 0.8), (-r * 1.1, r * 0.8)],
        Marker::TriangleDown => vec![(0.0, r * 1.2), (r * 1.1, -r * 0.8), (-r * 1.1, -r * 0.8)],
        Marker::Diamond => vec![
            (0.0, -r * 1.3),
            (r * 1.1, 0.0),
            (0.0, r * 1.3),
            (-r * 1.1, 0.0),
        ],
        Marker::Hexagon => (0..6)
            .map(|k| {
                let (cos, sin) =
                    crate::core::num::cos_sin(std::f64::consts::PI / 3.0 * f64::from(k));
                (r * 1.1 * cos, r * 1.1 * sin)
            })
            .collect(),
    };
    out.push(halo(&shape));
    out.push(poly(&shape));
}

fn text_box(out: &mut Vec<Shape>, b: &TextBox, color: Rgba) {
    let lh = super::text::line_height(b.size);
    for (k, line) in b.lines.iter().enumerate() {
        out.push(Shape::Text {
            text: line.clone(),
            at: (b.anchor_x(), b.y + lh * k as f64 + (lh - b.size) / 2.0),
            size: b.size,
            color,
            bold: b.bold,
            align: b.align,
            middle: false,
        });
    }
}

/// Everything the chart paints, back to front.
pub fn shapes(chart: &RadarChart, l: &Layout) -> Vec<Shape> {
    let mut out = Vec::new();
    let n = chart.axes.len();
    let ring = |v: f64| -> Vec<(f64, f64)> { (0..n).map(|i| l.point(i, n, v)).collect() };
    out.push(Shape::Fill {
        points: vec![
            (0.0, 0.0),
            (l.width, 0.0),
            (l.width, l.height),
            (0.0, l.height),
        ],
        color: WHITE_,
    });

    // Bands: faint rings painted from the outside in.
    let mut bands: Vec<&super::Band> = chart.bands.iter().collect();
    crate::core::num::sort_by(&mut bands, |a, b| a.from < b.from);
    let upper = |k: usize| bands.get(k + 1).map_or(100.0, |b| b.from);
    for k in (0..bands.len()).rev() {
        out.push(Shape::Fill {
            points: ring(upper(k)),
            color: BAND_TINTS[k % 2],
        });
    }
    // Grid rings and spokes; highlighted spokes dark, thick and dashed.
    for &t in l.ticks.iter().filter(|t| **t > 0.0) {
        let mut pts = ring(t);
        pts.push(pts[0]);
        out.push(Shape::Line {
            points: pts,
            color: GRID,
            width: 1.0,
            dash: None,
        });
    }
    for i in 0..n {
        let spoke = vec![l.center, l.point(i, n, 100.0)];
        out.push(if chart.is_highlighted(i) {
            Shape::Line {
                points: spoke,
                color: INK,
                width: 2.5,
                dash: Some((6.0, 3.0)),
            }
        } else {
            Shape::Line {
                points: spoke,
                color: GRID,
                width: 1.0,
                dash: None,
            }
        });
    }
    // Band names right of the top spoke; tick values left of it.
    for (k, b) in bands.iter().enumerate() {
        let (x, y) = l.point(0, n, (b.from + upper(k)) / 2.0);
        out.push(Shape::Text {
            text: b.label.clone(),
            at: (x + 5.0, y),
            size: 10.0,
            color: MUTED,
            bold: false,
            align: Align::Start,
            middle: true,
        });
    }
    for &t in &l.ticks {
        let (x, y) = l.point(0, n, t);
        out.push(Shape::Text {
            text: crate::core::num::fmt(t, 0),
            at: (x - 5.0, y),
            size: 10.0,
            color: MUTED,
            bold: false,
            align: Align::End,
            middle: true,
        });
    }

    // Series: range band, fill, outline, markers.
    for s in 0..chart.series.len() {
        let color = series_color(chart, s);
        let pts = l.series_points(chart, s);
        if let Some(range) = chart.series[s].range.as_ref().filter(|_| super::OVERLAYS) {
            for i in 0..n {
                let j = (i + 1) % n;
                if let (Some([lo_i, hi_i]), Some([lo_j, hi_j])) = (range[i], range[j]) {
                    let quad = vec![
                        l.point(i, n, lo_i),
                        l.point(i, n, hi_i),
                        l.point(j, n, hi_j),
                        l.point(j, n, lo_j),
                    ];
                    out.push(Shape::Fill {
                        points: quad,
                        color: with_alpha(color, 0.16),
                    });
                }
            }
        }
        let alpha = if chart.series.len() <= 2 { 0.14 } else { 0.06 };
        if pts.iter().all(Option::is_some) {
            out.push(Shape::Fill {
                points: pts.iter().flatten().copied().collect(),
                color: with_alpha(color, alpha),
            });
        } else {
            // With gaps, fill only the wedges between neighbouring scores, so that no
            // area is implied where there is no score.
            for i in 0..n {
                if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                    out.push(Shape::Fill {
                        points: vec![l.center, a, b],
                        color: with_alpha(color, alpha),
                    });
                }
            }
        }
        if n > 1 {
            for i in 0..n {
                if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                    out.push(Shape::Line {
                        points: vec![a, b],
                        color,
                        width: 2.5,
                        dash: dash_of(s),
                    });
                }
            }
        }
        for p in pts.iter().flatten() {
            marker(&mut out, marker_of(s), *p, 4.5, color);
        }
    }

    // Labels, title, legend.
    for b in &l.labels {
        text_box(&mut out, b, INK);
    }
    if let Some(t) = &l.title {
        text_box(&mut out, t, INK);
    }
    for item in &l.legend {
        let color = series_color(chart, item.series);
        let (x, y) = (item.x, item.y);
        out.push(Shape::Line {
            points: vec![(x, y), (x + SWATCH, y)],
            color,
            width: 2.5,
            dash: dash_of(item.series),
        });
        marker(
            &mut out,
            marker_of(item.series),
            (x + SWATCH / 2.0, y),
            4.5,
            color,
        );
        text_box(&mut out, &item.label, INK);
    }
    out
}

/// Paints `chart` on `surface`, scaled to the surface's width (so a canvas sized for
/// the device pixel ratio is drawn sharp).
pub fn draw(surface: &mut dyn Surface, chart: &RadarChart) -> Result<(), String> {
    let mut backend = Plotter(surface);
    let scale = f64::from(backend.get_size().0) / f64::from(chart.width);
    let list = shapes(chart, &Layout::new(chart));
    paint(&mut backend, &list, scale).map_err(|e| e.to_string())
}

/// A line's colour and width, for plotters.
struct Stroke(BackendColor, u32);

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.0
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

/// A text's look, for plotters: the backends set text themselves, so plotters is never
/// asked to lay it out or rasterise it.
struct TextStyle {
    size: f64,
    bold: bool,
    color: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for TextStyle {
    type FontError = NoError;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::SansSerif
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), NoError> {
        let w = super::text::width(text, self.size).ceil() as i32;
        Ok(((0, 0), (w, self.size.ceil() as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, NoError> {
        Ok(Ok(()))
    }
}

/// The dashes of a polyline: pieces `on` long with `off` between them, measured along
/// the whole line (a dash may turn a corner).
pub fn dashes(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    // Distance left in the current dash (drawing) or gap.
    let (mut drawing, mut left) = (true, on);
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).sqrt();
        let mut at = 0.0;
        if drawing && cur.is_empty() {
            cur.push((x0, y0));
        }
        while len - at > left {
            at += left;
            let t = at / len;
            let q = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            if drawing {
                cur.push(q);
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(q);
            }
            drawing = !drawing;
            left = if drawing { on } else { off };
        }
        left -= len - at;
        if drawing {
            cur.push((x1, y1));
        }
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    out
}

/// Paints a list of shapes with any plotters backend.
pub fn paint<B: DrawingBackend>(
    b: &mut B,
    list: &[Shape],
    scale: f64,
) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    let p = |&(x, y): &(f64, f64)| ((x * scale).round() as i32, (y * scale).round() as i32);
    let px = |v: f64| (v * scale).round().max(1.0) as u32;
    let rgba = |c: Rgba| BackendColor {
        rgb: (c.0, c.1, c.2),
        alpha: c.3,
    };
    for shape in list {
        match shape {
            Shape::Fill { points, color } => b.fill_polygon(points.iter().map(p), &rgba(*color))?,
            Shape::Line {
                points,
                color,
                width,
                dash,
            } => {
                let stroke = Stroke(rgba(*color), px(*width));
                match dash {
                    None => b.draw_path(points.iter().map(p), &stroke)?,
                    Some((on, off)) => {
                        for d in dashes(points, *on, *off) {
                            b.draw_path(d.iter().map(p), &stroke)?;
                        }
                    }
                }
            }
            Shape::Circle {
                center,
                radius,
                color,
            } => b.draw_circle(p(center), px(*radius), &rgba(*color), true)?,
            Shape::Text {
                text,
                at,
                size,
                color,
                bold,
                align,
                middle,
            } => {
                let h = match align {
                    Align::Start => HPos::Left,
                    Align::Middle => HPos::Center,
                    Align::End => HPos::Right,
                };
                let v = if *middle { VPos::Center } else { VPos::Top };
                let style = TextStyle {
                    size: size * scale,
                    bold: *bold,
                    color: rgba(*color),
                    anchor: Pos::new(h, v),
                };
                b.draw_text(text, &style, p(at))?
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::dashes;

    fn len(p: &[(f64, f64)]) -> f64 {
        p.windows(2)
            .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
            .sum()
    }

    #[test]
    fn dashes_alternate_along_the_whole_line() {
        // 20 long: dashes at 0-6, 9-15, 18-20.
        let d = dashes(&[(0.0, 0.0), (20.0, 0.0)], 6.0, 3.0);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0], [(0.0, 0.0), (6.0, 0.0)]);
        assert_eq!(d[1], [(9.0, 0.0), (15.0, 0.0)]);
        assert_eq!(d[2], [(18.0, 0.0), (20.0, 0.0)]);
        // Around a corner: a dash of 6 goes 4 along and 2 down.
        let d = dashes(&[(0.0, 0.0), (4.0, 0.0), (4.0, 10.0)], 6.0, 3.0);
        assert_eq!(d[0], [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0)]);
        assert!(d
            .iter()
            .take(d.len() - 1)
            .all(|s| (len(s) - 6.0).abs() < 1e-9));
        // A line shorter than a dash is one dash; a single point draws nothing.
        assert_eq!(
            dashes(&[(0.0, 0.0), (2.0, 0.0)], 6.0, 3.0),
            [[(0.0, 0.0), (2.0, 0.0)]]
        );
        assert!(dashes(&[(1.0, 1.0)], 6.0, 3.0).is_empty());
    }
}
