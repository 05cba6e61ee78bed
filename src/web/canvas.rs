//! Drawing a chart on an HTML canvas with plotters-canvas, sharp on high-DPI screens.

use crate::chart::RadarChart;
use crate::issue::Issue;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

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
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| Issue::new("canvas", "this canvas has no 2D drawing context"))?;
    crate::chart::draw::draw(backend, chart, 1.0)
        .map_err(|e| Issue::new("", format!("could not draw the chart: {e}")))
}
