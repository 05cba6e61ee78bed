//! Drawing a chart on a canvas (an HTML canvas or an OffscreenCanvas), sharp on
//! high-DPI screens, through a small plotters backend for the 2D context. Numbers
//! are written with [`crate::num`], which keeps core's float formatting out of the
//! embed.

use crate::chart::RadarChart;
use crate::issue::Issue;
use crate::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for CanvasError {}

/// Draws on a 2D context. An `OffscreenCanvasRenderingContext2d` has the same methods
/// and the calls are made by name, so one backend serves both kinds of canvas.
pub struct Canvas2d {
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

fn err(_: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError("the canvas refused to draw".into()))
}

impl Canvas2d {
    fn stroke_style<S: BackendStyle>(&self, s: &S) {
        self.ctx.set_stroke_style_str(&color(s.color()));
        self.ctx.set_line_width(f64::from(s.stroke_width()));
    }
    fn trace<I: IntoIterator<Item = BackendCoord>>(&self, path: I) {
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
        }
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_fill_style_str(&color(c));
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha > 0.0 {
            self.stroke_style(s);
            self.trace(path);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha > 0.0 {
            self.ctx.set_fill_style_str(&color(s.color()));
            self.trace(path);
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(c.0),
                f64::from(c.1),
                f64::from(r),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(err)?;
        if fill {
            self.ctx.set_fill_style_str(&color(s.color()));
            self.ctx.fill();
        } else {
            self.stroke_style(s);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        s: &S,
        p: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 || !matches!(s.transform(), FontTransform::None) {
            return Ok(());
        }
        self.ctx.set_text_baseline(match s.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.ctx.set_fill_style_str(&color(s.color()));
        self.ctx.set_font(&format!(
            "{} {}px {}",
            s.style().as_str(),
            num::fmt(s.size(), 2),
            s.family().as_str()
        ));
        self.ctx
            .fill_text(text, f64::from(p.0), f64::from(p.1))
            .map_err(err)
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
/// With `set_css_size`, the canvas' CSS size is set to the chart size (through the
/// CSSOM, which a strict CSP allows) when the page has not sized it already.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    chart: &RadarChart,
    ratio: f64,
    set_css_size: bool,
) -> Result<(), Issue> {
    chart.check()?;
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

/// Sizes an OffscreenCanvas to the chart times `ratio` and draws on it.
#[cfg(feature = "api")]
pub fn draw_on_offscreen(
    canvas: &web_sys::OffscreenCanvas,
    chart: &RadarChart,
    ratio: f64,
) -> Result<(), Issue> {
    chart.check()?;
    let (w, h) = backing_size(chart, ratio);
    canvas.set_width(w);
    canvas.set_height(h);
    paint((w, h), canvas.get_context("2d").ok().flatten(), chart)
}

fn paint(size: (u32, u32), ctx: Option<js_sys::Object>, chart: &RadarChart) -> Result<(), Issue> {
    let ctx = ctx
        .ok_or_else(|| Issue::new("canvas", "this canvas has no 2D drawing context"))?
        .unchecked_into::<CanvasRenderingContext2d>();
    crate::chart::draw::draw(Canvas2d { size, ctx }, chart)
        .map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))
}
