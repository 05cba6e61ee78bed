//! A plotters backend for an `OffscreenCanvas` (in a worker, or transferred from a
//! page), which plotters-canvas does not cover. It mirrors plotters-canvas' drawing
//! calls on an `OffscreenCanvasRenderingContext2d`.

use crate::chart::RadarChart;
use crate::issue::Issue;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{OffscreenCanvas, OffscreenCanvasRenderingContext2d};

#[derive(Debug)]
pub struct OffscreenError(String);

impl std::fmt::Display for OffscreenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for OffscreenError {}

pub struct OffscreenBackend {
    canvas: OffscreenCanvas,
    ctx: OffscreenCanvasRenderingContext2d,
}

fn color(c: BackendColor) -> String {
    format!("rgba({},{},{},{})", c.rgb.0, c.rgb.1, c.rgb.2, c.alpha)
}

fn err(e: JsValue) -> DrawingErrorKind<OffscreenError> {
    DrawingErrorKind::DrawingError(OffscreenError(format!("{e:?}")))
}

impl OffscreenBackend {
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

impl DrawingBackend for OffscreenBackend {
    type ErrorType = OffscreenError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<OffscreenError>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<OffscreenError>> {
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        p: BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<OffscreenError>> {
        self.ctx.set_fill_style_str(&color(c));
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<OffscreenError>> {
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
    ) -> Result<(), DrawingErrorKind<OffscreenError>> {
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
    ) -> Result<(), DrawingErrorKind<OffscreenError>> {
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
    ) -> Result<(), DrawingErrorKind<OffscreenError>> {
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
            s.size(),
            s.family().as_str()
        ));
        self.ctx
            .fill_text(text, f64::from(p.0), f64::from(p.1))
            .map_err(err)
    }
}

/// Sizes an OffscreenCanvas to the chart times `ratio` and draws on it.
pub fn draw_on_offscreen(
    canvas: &OffscreenCanvas,
    chart: &RadarChart,
    ratio: f64,
) -> Result<(), Issue> {
    chart.check()?;
    let (w, h) = super::canvas::backing_size(chart, ratio);
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<OffscreenCanvasRenderingContext2d>().ok())
        .ok_or_else(|| Issue::new("canvas", "this canvas has no 2D drawing context"))?;
    let backend = OffscreenBackend {
        canvas: canvas.clone(),
        ctx,
    };
    crate::chart::draw::draw(backend, chart, 1.0)
        .map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))
}
