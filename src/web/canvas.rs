//! Drawing a chart on a canvas (an HTML canvas or an OffscreenCanvas), sharp on
//! high-DPI screens: the backing store is sized to the chart times the device pixel
//! ratio and the chart is drawn at that scale (see [`crate::chart::draw::draw`]), on
//! `Canvas2d`, a plotters `DrawingBackend` over the 2D context. Numbers are written
//! with [`crate::core::num`], which keeps core's float formatting out of the embed.

use crate::chart::draw::Theme;
use crate::chart::RadarChart;
use crate::core::issue::Issue;
use crate::core::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

type Done = Result<(), DrawingErrorKind<Infallible>>;

/// A plotters backend that paints on a 2D context, `size` pixels (the backing store).
/// An `OffscreenCanvasRenderingContext2d` has the same methods and the calls are made
/// by name, so this serves both kinds of canvas. The 2D context reports nothing for
/// the calls made here (a bad colour or font string is ignored), so drawing does not
/// fail (`Infallible`).
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

impl Canvas2d {
    fn trace(&self, path: impl IntoIterator<Item = BackendCoord>) {
        self.ctx.begin_path();
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(f64::from(x), f64::from(y));
            } else {
                self.ctx.line_to(f64::from(x), f64::from(y));
            }
        }
    }

    fn stroke<S: BackendStyle>(&self, s: &S) {
        self.ctx.set_stroke_style_str(&color(s.color()));
        self.ctx.set_line_width(f64::from(s.stroke_width()));
        self.ctx.stroke();
    }

    fn fill(&self, c: BackendColor) {
        self.ctx.set_fill_style_str(&color(c));
        self.ctx.fill();
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    /// Nothing to do: the canvas shows each call as it is made.
    fn present(&mut self) -> Done {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Done {
        if c.alpha > 0.0 {
            self.ctx.set_fill_style_str(&color(c));
            self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        }
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
            self.trace(path);
            self.stroke(s);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        if s.color().alpha > 0.0 {
            self.trace(path);
            self.ctx.close_path();
            self.fill(s.color());
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        at: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Done {
        if s.color().alpha > 0.0 {
            self.ctx.begin_path();
            let (x, y, r) = (f64::from(at.0), f64::from(at.1), f64::from(r));
            // A radius is never negative, the one thing arc() throws for.
            let _ = self.ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
            if fill {
                self.fill(s.color());
            } else {
                self.stroke(s);
            }
        }
        Ok(())
    }

    /// `fillText` anchored at `at` as the style's anchor says, in the style's family,
    /// size and weight or slant; the text is not rotated (plotters' font transforms
    /// are not supported).
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Done {
        if style.color().alpha > 0.0 {
            let a = style.anchor();
            self.ctx.set_text_baseline(match a.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            // Left and right, not start and end, which a right-to-left page reverses.
            self.ctx.set_text_align(match a.h_pos {
                HPos::Left => "left",
                HPos::Right => "right",
                HPos::Center => "center",
            });
            self.ctx.set_fill_style_str(&color(style.color()));
            let weight = match style.style() {
                FontStyle::Normal => "",
                FontStyle::Bold => "bold ",
                FontStyle::Italic => "italic ",
                FontStyle::Oblique => "oblique ",
            };
            self.ctx.set_font(&format!(
                "{weight}{}px {}",
                num::fmt(style.size(), 2),
                style.family().as_str()
            ));
            let _ = self.ctx.fill_text(text, f64::from(at.0), f64::from(at.1));
        }
        Ok(())
    }

    /// The layout's estimate ([`crate::chart::text::extent`]): plotters' own measure in
    /// the browser lays the text out in the page's `document`, which a worker drawing
    /// on an OffscreenCanvas does not have.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(crate::chart::text::extent(text, style.size()))
    }
}

/// The element's two ways of drawing as one plotters backend: a canvas on the page (and
/// for PNG files), SVG text for SVG files. plotters' drawing area and elements are then
/// compiled once in the embed rather than once for each backend (-1.5 KB gzipped).
pub enum Either<'a> {
    Canvas(Canvas2d),
    Svg(crate::chart::svg::Svg<'a>),
}

macro_rules! either {
    ($self:ident, $b:ident => $e:expr) => {
        match $self {
            Either::Canvas($b) => $e,
            Either::Svg($b) => $e,
        }
    };
}

impl DrawingBackend for Either<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        either!(self, b => b.get_size())
    }
    fn ensure_prepared(&mut self) -> Done {
        either!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Done {
        either!(self, b => b.present())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Done {
        either!(self, b => b.draw_pixel(p, c))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Done {
        either!(self, b => b.draw_line(from, to, s))
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        c: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Done {
        either!(self, b => b.draw_rect(a, c, s, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        either!(self, b => b.draw_path(path, s))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        either!(self, b => b.fill_polygon(path, s))
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        at: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Done {
        either!(self, b => b.draw_circle(at, r, s, fill))
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Done {
        either!(self, b => b.draw_text(text, style, at))
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(crate::chart::text::extent(text, style.size()))
    }
}

/// A valid chart as an SVG document (as [`crate::chart::radar_svg_of_valid`] writes
/// it), through [`Either`].
pub fn svg_of_valid(chart: &RadarChart) -> Option<String> {
    let mut out = String::new();
    let svg = crate::chart::svg::Svg::new(
        &mut out,
        (chart.width, chart.height),
        &crate::chart::summary(chart),
    );
    crate::chart::draw::draw(Either::Svg(svg), chart).ok()?;
    Some(out)
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
    theme: &Theme,
) -> Result<(), Issue> {
    let (w, h) = backing_size(chart, ratio);
    canvas.set_width(w);
    canvas.set_height(h);
    // (Only the npm API sizes the canvas; the element's stylesheet sizes its own.)
    #[cfg(feature = "api")]
    if set_css_size {
        let style = canvas.style();
        if style
            .get_property_value("width")
            .map_or(true, |w| w.is_empty())
        {
            let _ = style.set_property("width", &format!("{}px", chart.width));
            let _ = style.set_property("height", &format!("{}px", chart.height));
        }
    }
    #[cfg(not(feature = "api"))]
    let _ = set_css_size;
    let ctx = canvas.get_context("2d").ok().flatten();
    paint((w, h), ctx, chart, theme)
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
    paint(
        (w, h),
        canvas.get_context("2d").ok().flatten(),
        chart,
        &Theme::default(),
    )
}

fn paint(
    size: (u32, u32),
    ctx: Option<js_sys::Object>,
    chart: &RadarChart,
    theme: &Theme,
) -> Result<(), Issue> {
    let ctx = ctx
        .ok_or_else(|| Issue::new("canvas", "this canvas has no 2D drawing context"))?
        .unchecked_into::<CanvasRenderingContext2d>();
    crate::chart::draw::draw_themed(Either::Canvas(Canvas2d { size, ctx }), chart, theme)
        .map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))
}
