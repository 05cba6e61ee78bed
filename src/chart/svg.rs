//! [`Svg`], a plotters `DrawingBackend` that writes accessible SVG text: an image with
//! `role="img"` and a `<title>` (its accessible name), then polygons, polylines,
//! circles and text with presentation attributes only (no `style`, no script), every
//! text and font name escaped. Numbers are written with [`crate::core::num`], which
//! keeps core's float formatting (about 25 KB) out of the embed.

use crate::core::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;

/// What closes the document; [`Svg::present`](DrawingBackend::present) writes it.
const END: &str = "</svg>\n";

type Done = Result<(), DrawingErrorKind<Infallible>>;

/// Writes an SVG document into a `String` it borrows, like plotters' own SVG backend
/// does: the document is whole once the backend is presented or dropped (drawing after
/// `present` reopens it). Writing to a string cannot fail (`Infallible`).
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> Svg<'a> {
    /// An SVG image of `size` pixels written into `out` (which is cleared), with the
    /// role of an image and `title` as its accessible name.
    pub fn new(out: &'a mut String, size: (u32, u32), title: &str) -> Self {
        out.clear();
        let (w, h) = (size.0.to_string(), size.1.to_string());
        out.push_str("<svg width=\"");
        for s in [&w, "\" height=\"", &h, "\" viewBox=\"0 0 ", &w, " ", &h] {
            out.push_str(s);
        }
        out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n<title>");
        escape(out, title);
        out.push_str("</title>\n");
        Svg {
            out,
            size,
            closed: false,
        }
    }

    /// `fill="#RRGGBB"` (or another attribute), with an opacity when not opaque.
    fn paint(&mut self, attr: &str, c: BackendColor) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.out.push(' ');
        self.out.push_str(attr);
        self.out.push_str("=\"#");
        for v in [c.rgb.0, c.rgb.1, c.rgb.2] {
            self.out.push(HEX[usize::from(v >> 4)] as char);
            self.out.push(HEX[usize::from(v & 15)] as char);
        }
        self.out.push('"');
        if c.alpha < 1.0 {
            self.attr("opacity", &num::fmt(c.alpha, 3));
        }
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (i, (x, y)) in path.into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(&x.to_string());
            self.out.push(',');
            self.out.push_str(&y.to_string());
        }
        self.out.push('"');
    }

    fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// `fill="none" stroke=… stroke-width=…`.
    fn stroke<S: BackendStyle>(&mut self, s: &S) {
        self.out.push_str(" fill=\"none\"");
        self.paint("stroke", s.color());
        self.attr("stroke-width", &s.stroke_width().to_string());
    }
}

/// Text as SVG character data or attribute value: nothing in it is markup.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    /// Reopens the document if it was presented.
    fn ensure_prepared(&mut self) -> Done {
        if self.closed {
            self.out.truncate(self.out.len() - END.len());
            self.closed = false;
        }
        Ok(())
    }

    /// Closes the document.
    fn present(&mut self) -> Done {
        if !self.closed {
            self.out.push_str(END);
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Done {
        self.fill_polygon(
            [p, (p.0 + 1, p.1), (p.0 + 1, p.1 + 1), (p.0, p.1 + 1)],
            &color,
        )
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
            self.out.push_str("<polyline");
            self.stroke(s);
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Done {
        if s.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.paint("fill", s.color());
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Done {
        if s.color().alpha > 0.0 {
            self.out.push_str("<circle");
            self.attr("cx", &c.0.to_string());
            self.attr("cy", &c.1.to_string());
            self.attr("r", &r.to_string());
            if fill {
                self.paint("fill", s.color());
            } else {
                self.stroke(s);
            }
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    /// A `<text>` element anchored at `at` as the style's anchor says, in the style's
    /// family, size and weight or slant; the text is not rotated (plotters' font
    /// transforms are not supported).
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Done {
        if style.color().alpha > 0.0 {
            let a = style.anchor();
            self.out.push_str("<text");
            self.attr("x", &at.0.to_string());
            self.attr("y", &at.1.to_string());
            self.attr(
                "dy",
                match a.v_pos {
                    VPos::Top => "0.76em",
                    VPos::Center => "0.5ex",
                    VPos::Bottom => "-0.5ex",
                },
            );
            self.attr(
                "text-anchor",
                match a.h_pos {
                    HPos::Left => "start",
                    HPos::Center => "middle",
                    HPos::Right => "end",
                },
            );
            self.out.push_str(" font-family=\"");
            escape(self.out, style.family().as_str());
            self.out.push('"');
            self.attr("font-size", &num::fmt(style.size(), 2));
            match style.style() {
                FontStyle::Normal => {}
                FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
                s => self.attr("font-style", s.as_str()),
            }
            self.paint("fill", style.color());
            self.out.push('>');
            escape(self.out, text);
            self.out.push_str("</text>\n");
        }
        Ok(())
    }

    /// The layout's estimate ([`super::text::extent`]), so that plotters never measures
    /// text with a font.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(super::text::extent(text, style.size()))
    }
}

/// A document dropped unpresented is closed all the same.
impl Drop for Svg<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

#[cfg(test)]
mod tests {
    use super::Svg;
    use plotters::drawing::IntoDrawingArea;
    use plotters::element::{Circle, PathElement, Rectangle, Text};
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

    const RED: RGBColor = RGBColor(255, 0, 0);

    #[test]
    fn the_document_is_closed_once_when_presented_or_dropped() {
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (120, 80), "A <b>").into_drawing_area();
            root.draw(&PathElement::new(vec![(0, 0), (5, 5)], RED))
                .unwrap();
            root.present().unwrap();
            // Drawing after present reopens the document; dropping closes it again.
            root.draw(&Circle::new((3, 4), 2, RED.stroke_width(2)))
                .unwrap();
        }
        assert_eq!(
            out,
            "<svg width=\"120\" height=\"80\" viewBox=\"0 0 120 80\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n\
             <title>A &lt;b&gt;</title>\n\
             <polyline fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\" points=\"0,0 5,5\"/>\n\
             <circle cx=\"3\" cy=\"4\" r=\"2\" fill=\"none\" stroke=\"#FF0000\" stroke-width=\"2\"/>\n\
             </svg>\n"
        );
    }

    #[test]
    fn rectangles_pixels_and_text_styles() {
        let mut out = String::new();
        {
            let root = Svg::new(&mut out, (50, 50), "").into_drawing_area();
            root.draw(&Rectangle::new([(1, 2), (5, 6)], RED.filled()))
                .unwrap();
            root.draw(&Rectangle::new([(1, 2), (5, 6)], RED.mix(0.5)))
                .unwrap();
            root.draw_pixel((7, 8), &RED).unwrap();
            let style = TextStyle {
                font: FontDesc::new(FontFamily::Name("A \"B\""), 9.0, FontStyle::Italic),
                color: RED.to_backend_color(),
                pos: Pos::new(HPos::Right, VPos::Bottom),
            };
            root.draw(&Text::new("<i>", (9, 9), style)).unwrap();
            // Transparent things are left out.
            root.draw(&Circle::new((3, 4), 2, RED.mix(0.0).filled()))
                .unwrap();
        }
        let body: Vec<&str> = out.lines().skip(2).collect();
        assert_eq!(
            body,
            [
                "<polygon fill=\"#FF0000\" points=\"1,2 5,2 5,6 1,6\"/>",
                "<polyline fill=\"none\" stroke=\"#FF0000\" opacity=\"0.5\" stroke-width=\"1\" points=\"1,2 5,2 5,6 1,6 1,2\"/>",
                "<polygon fill=\"#FF0000\" points=\"7,8 8,8 8,9 7,9\"/>",
                "<text x=\"9\" y=\"9\" dy=\"-0.5ex\" text-anchor=\"end\" font-family=\"A &quot;B&quot;\" font-size=\"9\" font-style=\"italic\" fill=\"#FF0000\">&lt;i&gt;</text>",
                "</svg>",
            ]
        );
    }

    #[test]
    fn text_is_measured_by_the_layout_estimate() {
        let mut out = String::new();
        let root = Svg::new(&mut out, (50, 50), "").into_drawing_area();
        let style = TextStyle::from(FontDesc::new(
            FontFamily::SansSerif,
            12.5,
            FontStyle::Normal,
        ));
        let text = "Relationships and trust";
        assert_eq!(
            root.estimate_text_size(text, &style).unwrap(),
            crate::chart::text::extent(text, 12.5)
        );
        assert_eq!(
            crate::chart::text::extent(text, 12.5),
            (crate::chart::text::width(text, 12.5).ceil() as u32, 13)
        );
    }
}
