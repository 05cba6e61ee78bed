//! Drawing in two steps: [`shapes`] turns a chart and its [`Layout`] into a list of
//! plain shapes in chart units (pure, tested natively), and [`paint`] draws that list
//! with the plotters crate: one element per shape (`Polygon`, `PathElement`,
//! `DashedPathElement`, `Circle`, `Text`) on a `DrawingArea` over any backend that
//! implements plotters' `DrawingBackend`. [`draw`] does both on one of our backends:
//! [`super::svg::Svg`] (SVG text for downloads and print) or, in the browser layer, the
//! 2D canvas of `crate::web::canvas`. The radar's geometry (axes, rings, label
//! placement) is ours, since plotters has no polar coordinates; plotters draws it.
//! Dashes are cut by plotters' `DashedPathElement` along the line in whole device
//! pixels. The drawing area and elements cost the self-check embed 2,642 bytes
//! gzipped (87,942 to 90,584, with both backends).

use super::layout::{Align, Layout, TextBox, SWATCH};
use super::{parse_color, RadarChart};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBAColor, TextStyle};
use plotters_backend::DrawingBackend;

/// Eight series colours, dark enough for 3:1 contrast on white and distinct for the
/// common colour-vision deficiencies; series are also told apart by dash and marker.
pub const PALETTE: [&str; 8] = [
    "#005eb8", "#c2410c", "#007f5f", "#8e3b8a", "#6b4e16", "#ad1457", "#334155", "#0e7490",
];

const WHITE_: RGBAColor = RGBAColor(255, 255, 255, 1.0);
const INK: RGBAColor = RGBAColor(0x21, 0x2b, 0x32, 1.0);
const MUTED: RGBAColor = RGBAColor(0x4c, 0x62, 0x72, 1.0);
const GRID: RGBAColor = RGBAColor(0xae, 0xb7, 0xbd, 1.0);
const BAND_TINTS: [RGBAColor; 2] = [
    RGBAColor(0xf4, 0xf6, 0xf8, 1.0),
    RGBAColor(0xe8, 0xed, 0xf1, 1.0),
];

/// The colours, font and smallest text of a chart: by default the colours above and
/// sans-serif, as the npm API and the SVG snapshots draw it; the widget takes them
/// from the page's theme (its custom properties, or the system colours of a forced-
/// colours mode) and asks for text no smaller than it can be read at.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Labels and the title.
    pub ink: RGBAColor,
    /// Ticks and band names.
    pub muted: RGBAColor,
    /// Rings and spokes.
    pub grid: RGBAColor,
    /// Behind everything, and the halo of each marker.
    pub background: RGBAColor,
    /// The band rings, alternately.
    pub bands: [RGBAColor; 2],
    /// The first series' colour (every series' when `accent_all`), in place of the
    /// chart's own.
    pub accent: Option<RGBAColor>,
    /// Every series in the accent colour, told apart by dash and marker (a forced-
    /// colours mode has one colour for them).
    pub accent_all: bool,
    /// A CSS font family list.
    pub font: String,
    /// The smallest text, in pixels (labels shrink to fit down to this).
    pub min_font: f64,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            ink: INK,
            muted: MUTED,
            grid: GRID,
            background: WHITE_,
            bands: BAND_TINTS,
            accent: None,
            accent_all: false,
            font: "sans-serif".into(),
            min_font: 9.0,
        }
    }
}

/// A colour as a browser's computed style writes it, "rgb(0, 94, 184)" or "rgba(0, 0,
/// 0, 0)" (an opacity other than 0 counts as opaque); `None` for anything else. The
/// numbers are read as integers: std's float parser measured several KB of the embed.
pub fn css_color(s: &str) -> Option<RGBAColor> {
    let body = s
        .trim()
        .strip_prefix("rgb")?
        .trim_start_matches('a')
        .strip_prefix('(')?;
    let mut parts = body.trim_end_matches(')').split(',').map(str::trim);
    let mut channel = || parts.next()?.parse::<u8>().ok();
    let (r, g, b) = (channel()?, channel()?, channel()?);
    let alpha = match parts.next() {
        Some("0") => 0.0,
        _ => 1.0,
    };
    Some(RGBAColor(r, g, b, alpha))
}

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
        color: RGBAColor,
    },
    Line {
        points: Vec<(f64, f64)>,
        color: RGBAColor,
        width: f64,
        dash: Option<(f64, f64)>,
    },
    Circle {
        center: (f64, f64),
        radius: f64,
        color: RGBAColor,
    },
    Text {
        text: String,
        at: (f64, f64),
        size: f64,
        color: RGBAColor,
        bold: bool,
        align: Align,
        middle: bool,
    },
}

pub fn series_color(chart: &RadarChart, s: usize, theme: &Theme) -> RGBAColor {
    if let Some(a) = theme.accent.filter(|_| s == 0 || theme.accent_all) {
        return a;
    }
    let (r, g, b) = chart.series[s]
        .color
        .as_deref()
        .and_then(parse_color)
        .or_else(|| parse_color(PALETTE[s % PALETTE.len()]))
        .unwrap_or((0, 0x5e, 0xb8));
    RGBAColor(r, g, b, 1.0)
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

fn marker(
    out: &mut Vec<Shape>,
    m: Marker,
    (x, y): (f64, f64),
    r: f64,
    color: RGBAColor,
    halo_color: RGBAColor,
) {
    let poly = |pts: &[(f64, f64)]| Shape::Fill {
        points: pts.iter().map(|(dx, dy)| (x + dx, y + dy)).collect(),
        color,
    };
    let halo = |pts: &[(f64, f64)]| Shape::Fill {
        points: pts
            .iter()
            .map(|(dx, dy)| (x + dx * 1.35, y + dy * 1.35))
            .collect(),
        color: halo_color,
    };
    let shape: Vec<(f64, f64)> = match m {
        Marker::Circle => {
            out.push(Shape::Circle {
                center: (x, y),
                radius: r + 1.5,
                color: halo_color,
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
                    color: halo_color,
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

fn text_box(out: &mut Vec<Shape>, b: &TextBox, color: RGBAColor) {
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

/// Everything the chart paints, back to front, in the theme's colours.
pub fn shapes(chart: &RadarChart, l: &Layout, theme: &Theme) -> Vec<Shape> {
    let small = theme.min_font.max(10.0);
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
        color: theme.background,
    });

    // Bands: faint rings painted from the outside in.
    let mut bands: Vec<&super::Band> = chart.bands.iter().collect();
    crate::core::num::sort_by(&mut bands, |a, b| a.from < b.from);
    let upper = |k: usize| bands.get(k + 1).map_or(100.0, |b| b.from);
    for k in (0..bands.len()).rev() {
        out.push(Shape::Fill {
            points: ring(upper(k)),
            color: theme.bands[k % 2],
        });
    }
    // Grid rings and spokes; highlighted spokes dark, thick and dashed.
    for &t in l.ticks.iter().filter(|t| **t > 0.0) {
        let mut pts = ring(t);
        pts.push(pts[0]);
        out.push(Shape::Line {
            points: pts,
            color: theme.grid,
            width: 1.0,
            dash: None,
        });
    }
    for i in 0..n {
        let spoke = vec![l.center, l.point(i, n, 100.0)];
        out.push(if chart.is_highlighted(i) {
            Shape::Line {
                points: spoke,
                color: theme.ink,
                width: 2.5,
                dash: Some((6.0, 3.0)),
            }
        } else {
            Shape::Line {
                points: spoke,
                color: theme.grid,
                width: 1.0,
                dash: None,
            }
        });
    }
    // Band names right of the top spoke; tick values left of it; on a chart too small
    // for them at a legible size, the names of narrow bands and every other tick are
    // left out rather than overlap.
    let room = |gap: f64| l.radius * gap / 100.0 >= small * 1.2;
    for (k, b) in bands.iter().enumerate() {
        // (On a small plot the names would run into the axes' labels.)
        if l.radius < 110.0 || !room(upper(k) - b.from) {
            continue;
        }
        let (x, y) = l.point(0, n, (b.from + upper(k)) / 2.0);
        out.push(Shape::Text {
            text: b.label.clone(),
            at: (x + 5.0, y),
            size: small,
            color: theme.muted,
            bold: false,
            align: Align::Start,
            middle: true,
        });
    }
    let every = if l.ticks.len() > 2 && !room(100.0 / (l.ticks.len() - 1) as f64) {
        2
    } else {
        1
    };
    let last = l.ticks.len().saturating_sub(1);
    for (i, &t) in l.ticks.iter().enumerate() {
        if !(last - i).is_multiple_of(every) {
            continue;
        }
        let (x, y) = l.point(0, n, t);
        out.push(Shape::Text {
            text: crate::core::num::fmt(t, 0),
            at: (x - 5.0, y),
            size: small,
            color: theme.muted,
            bold: false,
            align: Align::End,
            middle: true,
        });
    }

    // Series: range band, fill, outline, markers.
    for s in 0..chart.series.len() {
        let color = series_color(chart, s, theme);
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
                        color: color.mix(0.16),
                    });
                }
            }
        }
        let alpha = if chart.series.len() <= 2 { 0.14 } else { 0.06 };
        if pts.iter().all(Option::is_some) {
            out.push(Shape::Fill {
                points: pts.iter().flatten().copied().collect(),
                color: color.mix(alpha),
            });
        } else {
            // With gaps, fill only the wedges between neighbouring scores, so that no
            // area is implied where there is no score.
            for i in 0..n {
                if let (Some(a), Some(b)) = (pts[i], pts[(i + 1) % n]) {
                    out.push(Shape::Fill {
                        points: vec![l.center, a, b],
                        color: color.mix(alpha),
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
            marker(&mut out, marker_of(s), *p, 4.5, color, theme.background);
        }
    }

    // Labels, title, legend.
    for b in &l.labels {
        text_box(&mut out, b, theme.ink);
    }
    if let Some(t) = &l.title {
        text_box(&mut out, t, theme.ink);
    }
    for item in &l.legend {
        let color = series_color(chart, item.series, theme);
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
            theme.background,
        );
        text_box(&mut out, &item.label, theme.ink);
    }
    out
}

/// Draws `chart` on `backend`, scaled by the backend's width over the chart's (a
/// canvas whose backing store is the chart's size times the device pixel ratio is
/// drawn at that ratio, so it stays sharp), then presents it. Errors are plotters'
/// (the backend's, or a drawing area already in use), as text.
pub fn draw<B: DrawingBackend>(backend: B, chart: &RadarChart) -> Result<(), String> {
    draw_themed(backend, chart, &Theme::default())
}

/// [`draw`] in a theme's colours and font, with text no smaller than its minimum.
pub fn draw_themed<B: DrawingBackend>(
    backend: B,
    chart: &RadarChart,
    theme: &Theme,
) -> Result<(), String> {
    let scale = f64::from(backend.get_size().0) / f64::from(chart.width);
    let root = backend.into_drawing_area();
    let layout = Layout::with_min_font(chart, theme.min_font);
    paint(&root, &shapes(chart, &layout, theme), scale, &theme.font)
        .and_then(|()| root.present())
        .map_err(|e| e.to_string())
}

/// Paints a list of shapes on a plotters drawing area, with every chart unit `scale`
/// pixels: points, line widths, radii, dashes and font sizes are scaled, and points
/// rounded to whole pixels. Fills are `Polygon`s, lines `PathElement`s (or
/// `DashedPathElement`s, whose pattern runs along the whole line, turning corners),
/// markers filled `Circle`s, and text `Text` in sans-serif anchored as the shape says.
/// Our backends set text themselves (an SVG `<text>`, the canvas' `fillText`), so no
/// font is loaded or measured.
pub fn paint<B: DrawingBackend>(
    root: &DrawingArea<B, Shift>,
    list: &[Shape],
    scale: f64,
    font: &str,
) -> Result<(), DrawingAreaErrorKind<B::ErrorType>> {
    let p = |&(x, y): &(f64, f64)| ((x * scale).round() as i32, (y * scale).round() as i32);
    let px = |v: f64| (v * scale).round().max(1.0) as u32;
    for shape in list {
        match shape {
            Shape::Fill { points, color } => root.draw(&Polygon::new(
                points.iter().map(p).collect::<Vec<_>>(),
                color,
            ))?,
            Shape::Line {
                points,
                color,
                width,
                dash,
            } => {
                let style = color.stroke_width(px(*width));
                // Dashes belong to overlays (series after the first, highlighted
                // axes), which the self-check embed never draws: it leaves the dashed
                // path out (-1.3 KB gzipped).
                match dash.filter(|_| super::OVERLAYS) {
                    None => root.draw(&PathElement::new(
                        points.iter().map(p).collect::<Vec<_>>(),
                        style,
                    ))?,
                    Some((on, off)) => root.draw(&DashedPathElement::new(
                        points.iter().map(p),
                        px(on),
                        px(off),
                        style,
                    ))?,
                }
            }
            Shape::Circle {
                center,
                radius,
                color,
            } => root.draw(&Circle::new(p(center), px(*radius), color.filled()))?,
            Shape::Text {
                text,
                at,
                size,
                color,
                bold,
                align,
                middle,
            } => {
                let weight = if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let h = match align {
                    Align::Start => HPos::Left,
                    Align::Middle => HPos::Center,
                    Align::End => HPos::Right,
                };
                let v = if *middle { VPos::Center } else { VPos::Top };
                let style = TextStyle {
                    font: FontDesc::new(FontFamily::Name(font), size * scale, weight),
                    color: color.to_backend_color(),
                    pos: Pos::new(h, v),
                };
                root.draw(&Text::new(text.as_str(), p(at), style))?
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{paint, Shape, INK};
    use crate::chart::layout::Align;
    use crate::chart::svg::Svg;
    use plotters::drawing::IntoDrawingArea;
    use plotters::style::Color;

    /// The SVG of `list` painted at `scale` on a 100 by 100 image, without its header.
    fn painted(list: &[Shape], scale: f64) -> Vec<String> {
        let mut out = String::new();
        let root = Svg::new(&mut out, (100, 100), "t").into_drawing_area();
        paint(&root, list, scale, "sans-serif").unwrap();
        root.present().unwrap();
        drop(root);
        out.lines().skip(2).map(str::to_string).collect()
    }

    fn line(points: &[(f64, f64)], dash: Option<(f64, f64)>) -> Shape {
        Shape::Line {
            points: points.to_vec(),
            color: INK,
            width: 1.5,
            dash,
        }
    }

    #[test]
    fn dashes_run_along_the_whole_line_and_scale() {
        let dashed = |points: &[(f64, f64)], scale| {
            let svg = painted(&[line(points, Some((6.0, 3.0)))], scale);
            assert_eq!(svg.last().map(String::as_str), Some("</svg>"));
            let width = format!("stroke-width=\"{}\"", (1.5 * scale).round());
            svg[..svg.len() - 1]
                .iter()
                .map(|l| {
                    assert!(
                        l.starts_with("<polyline fill=\"none\" stroke=\"#212B32\""),
                        "{l}"
                    );
                    assert!(l.contains(&width), "{l}");
                    l.split("points=\"")
                        .nth(1)
                        .unwrap()
                        .trim_end_matches("\"/>")
                        .to_string()
                })
                .collect::<Vec<_>>()
        };
        // 20 long: dashes at 0-6, 9-15, 18-20; twice that at scale 2.
        assert_eq!(
            dashed(&[(0.0, 0.0), (20.0, 0.0)], 1.0),
            ["0,0 6,0", "9,0 15,0", "18,0 20,0"]
        );
        assert_eq!(
            dashed(&[(0.0, 0.0), (20.0, 0.0)], 2.0),
            ["0,0 12,0", "18,0 30,0", "36,0 40,0"]
        );
        // Around a corner: a dash of 6 goes 4 along and 2 down.
        assert_eq!(
            dashed(&[(0.0, 0.0), (4.0, 0.0), (4.0, 10.0)], 1.0),
            ["0,0 4,0 4,2", "4,5 4,10"]
        );
        // Solid, a line is one polyline.
        assert_eq!(
            painted(&[line(&[(1.0, 2.0), (30.0, 2.0), (30.0, 9.0)], None)], 1.0)[0],
            "<polyline fill=\"none\" stroke=\"#212B32\" stroke-width=\"2\" points=\"1,2 30,2 30,9\"/>"
        );
    }

    #[test]
    fn text_keeps_its_anchor_and_is_scaled() {
        let text = |align, middle, bold| Shape::Text {
            text: "A & B".into(),
            at: (10.0, 20.0),
            size: 12.0,
            color: INK,
            bold,
            align,
            middle,
        };
        let svg = painted(
            &[
                text(Align::Start, false, true),
                text(Align::Middle, true, false),
                text(Align::End, true, false),
            ],
            1.5,
        );
        let tail = " font-family=\"sans-serif\" font-size=\"18\"";
        assert_eq!(
            svg[..3],
            [
                format!("<text x=\"15\" y=\"30\" dy=\"0.76em\" text-anchor=\"start\"{tail} font-weight=\"bold\" fill=\"#212B32\">A &amp; B</text>"),
                format!("<text x=\"15\" y=\"30\" dy=\"0.5ex\" text-anchor=\"middle\"{tail} fill=\"#212B32\">A &amp; B</text>"),
                format!("<text x=\"15\" y=\"30\" dy=\"0.5ex\" text-anchor=\"end\"{tail} fill=\"#212B32\">A &amp; B</text>"),
            ]
        );
    }

    #[test]
    fn css_colours_are_read_as_computed_styles_write_them() {
        use super::css_color;
        use plotters::style::RGBAColor;
        assert_eq!(
            css_color("rgb(0, 94, 184)"),
            Some(RGBAColor(0, 94, 184, 1.0))
        );
        assert_eq!(
            css_color(" rgba(0, 0, 0, 0) "),
            Some(RGBAColor(0, 0, 0, 0.0))
        );
        assert_eq!(
            css_color("rgba(0, 0, 0, 0.5)"),
            Some(RGBAColor(0, 0, 0, 1.0))
        );
        for bad in [
            "",
            "red",
            "#005eb8",
            "rgb(1, 2)",
            "rgb(1, x, 3)",
            "rgb(300, 1, 1)",
            "oklch(0.5 0.1 200)",
        ] {
            assert_eq!(css_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn fills_and_markers_are_polygons_and_circles() {
        let svg = painted(
            &[
                Shape::Fill {
                    points: vec![(0.0, 0.0), (10.4, 0.0), (10.6, 5.5)],
                    color: INK.mix(0.25),
                },
                Shape::Circle {
                    center: (5.0, 5.0),
                    radius: 4.5,
                    color: INK,
                },
            ],
            2.0,
        );
        assert_eq!(
            svg[..2],
            [
                "<polygon fill=\"#212B32\" opacity=\"0.25\" points=\"0,0 21,0 21,11\"/>",
                "<circle cx=\"10\" cy=\"10\" r=\"9\" fill=\"#212B32\"/>",
            ]
        );
    }
}
