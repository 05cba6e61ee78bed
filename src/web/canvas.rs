//! Drawing a chart on a canvas (an HTML canvas or an OffscreenCanvas), sharp on
//! high-DPI screens: a chart [`Surface`] for the 2D context. Numbers
//! are written with [`crate::core::num`], which keeps core's float formatting out of the
//! embed.

use crate::chart::draw::{Font, Surface};
use crate::chart::RadarChart;
use crate::core::issue::Issue;
use crate::core::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Paints on a 2D context. An `OffscreenCanvasRenderingContext2d` has the same
/// methods and the calls are made by name, so this serves both kinds of canvas.
struct Canvas2d {
    size: (u32, u32),
    ctx: CanvasRenderingContext2d,
}

fn color(c: BackendColor) -> String {
    format!(
        "rgba({},{},{},{})",
        c.rgb.0,
        c.rgb.1,
        c.rgb.2,
        num::fmt(c.alpha, 3)
    )
}

impl Canvas2d {
    fn trace(&self, path: &[BackendCoord]) {
        self.ctx.begin_path();
        for (i, &(x, y)) in path.iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

impl Surface for Canvas2d {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn polyline(&mut self, points: &[BackendCoord], c: BackendColor, width: u32) {
        self.ctx.set_stroke_style_str(&color(c));
        self.ctx.set_line_width(f64::from(width));
        self.trace(points);
        self.ctx.stroke();
    }

    fn polygon(&mut self, points: &[BackendCoord], c: BackendColor) {
        self.ctx.set_fill_style_str(&color(c));
        self.trace(points);
        self.ctx.close_path();
        self.ctx.fill();
    }

    fn circle(&mut self, at: BackendCoord, r: u32, c: BackendColor) {
        self.ctx.begin_path();
        let (x, y, r) = (f64::from(at.0), f64::from(at.1), f64::from(r));
        let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        self.ctx.set_fill_style_str(&color(c));
        self.ctx.fill();
    }

    fn text(&mut self, text: &str, at: BackendCoord, font: &Font) {
        self.ctx.set_text_baseline(match font.v {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match font.h {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.ctx.set_fill_style_str(&color(font.color));
        let weight = if font.bold { "bold " } else { "" };
        self.ctx
            .set_font(&format!("{weight}{}px sans-serif", num::fmt(font.size, 2)));
        let _ = self.ctx.fill_text(text, f64::from(at.0), f64::from(at.1));
    }
}

/// The backing-store size of a canvas for `chart` at device pixel ratio `ratio`
/// (kept between 0.5 and 4).
pub fn backing_size(chart: &RadarChart, ratio: f64) -> (u32, u32) {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.5, 4.0)
    } else {
        1.0
    };
    let scale = |v: u32| (f64::from(v) * ratio).round() as u32;
    (scale(chart.width), scale(chart.height))
}

/// Sizes the canvas' backing store to the chart size times `ratio` and draws on it.
/// The chart must be valid, as for [`crate::chart::radar_svg_of_valid`]. With
/// `set_css_size`, the canvas' CSS size is set to the chart size (through the CSSOM,
/// which a strict CSP allows) when the page has not sized it already.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    chart: &RadarChart,
    ratio: f64,
    set_css_size: bool,
) -> Result<(), Issue> {
    let (w, h) = backing_size(chart, ratio);
    canvas.set_width(w);
    canvas.set_height(h);
    let style = canvas.style();
    if set_css_size
        && style
            .get_property_value("width")
            .map_or(true, |w| w.is_empty())
    {
        let _ = style.set_property("width", &format!("{}px", chart.width));
        let _ = style.set_property("height", &format!("{}px", chart.height));
    }
    let ctx = canvas.get_context("2d").ok().flatten();
    paint((w, h), ctx, chart)
}

/// Sizes an OffscreenCanvas to the chart times `ratio` and draws on it (a valid chart,
/// as above).
#[cfg(feature = "api")]
pub fn draw_on_offscreen(
    canvas: &web_sys::OffscreenCanvas,
    chart: &RadarChart,
    ratio: f64,
) -> Result<(), Issue> {
    let (w, h) = backing_size(chart, ratio);
    canvas.set_width(w);
    canvas.set_height(h);
    paint((w, h), canvas.get_context("2d").ok().flatten(), chart)
}

fn paint(size: (u32, u32), ctx: Option<js_sys::Object>, chart: &RadarChart) -> Result<(), Issue> {
    let ctx = ctx
        .ok_or_else(|| Issue::new("canvas", "this canvas has no 2D drawing context"))?
        .unchecked_into::<CanvasRenderingContext2d>();
    crate::chart::draw::draw(&mut Canvas2d { size, ctx }, chart)
        .map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))
}
