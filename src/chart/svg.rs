//! A plotters [`DrawingBackend`] that writes SVG text: shapes as polygons, polylines,
//! circles and text with presentation attributes only (no `style`, no script), every
//! label escaped. It writes numbers with [`crate::num`], which keeps core's float
//! formatting (about 25 KB) out of the embed.

use crate::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::convert::Infallible;
use std::fmt::{self, Display};

/// Writing to a string cannot fail.
#[derive(Debug)]
pub struct Never(Infallible);

impl Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Never {}

pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    /// Starts an SVG image of `size` pixels in `out`, with the role of an image and
    /// `title` as its accessible name; the closing tag is written when the backend is
    /// dropped.
    pub fn new(out: &'a mut String, size: (u32, u32), title: &str) -> Self {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        out.push_str("<svg width=\"");
        for s in [&w, "\" height=\"", &h, "\" viewBox=\"0 0 ", &w, " ", &h] {
            out.push_str(s);
        }
        out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n<title>");
        escape(out, title);
        out.push_str("</title>\n");
        SvgBackend { out, size }
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
            self.out.push_str(" opacity=\"");
            self.out.push_str(&num::fmt(c.alpha, 3));
            self.out.push('"');
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
}

impl Drop for SvgBackend<'_> {
    fn drop(&mut self) {
        self.out.push_str("</svg>\n");
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

type Result = std::result::Result<(), DrawingErrorKind<Never>>;

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, color: BackendColor) -> Result {
        self.fill_polygon(
            [p, (p.0 + 1, p.1), (p.0 + 1, p.1 + 1), (p.0, p.1 + 1)],
            &color,
        )
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
    ) -> Result {
        self.draw_path([from, to], s)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result {
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
    ) -> Result {
        if s.color().alpha > 0.0 {
            self.out.push_str("<polyline fill=\"none\"");
            self.paint("stroke", s.color());
            self.attr("stroke-width", &s.stroke_width().to_string());
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result {
        if s.color().alpha > 0.0 {
            self.out.push_str("<polygon");
            self.paint("fill", s.color());
            self.points(path);
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result {
        if s.color().alpha > 0.0 {
            self.out.push_str("<circle");
            self.attr("cx", &c.0.to_string());
            self.attr("cy", &c.1.to_string());
            self.attr("r", &r.to_string());
            if fill {
                self.paint("fill", s.color());
            } else {
                self.out.push_str(" fill=\"none\"");
                self.paint("stroke", s.color());
                self.attr("stroke-width", &s.stroke_width().to_string());
            }
            self.out.push_str("/>\n");
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, p: BackendCoord) -> Result {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.out.push_str("<text");
        self.attr("x", &p.0.to_string());
        self.attr("y", &p.1.to_string());
        let anchor = style.anchor();
        self.attr(
            "dy",
            match anchor.v_pos {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        self.attr(
            "text-anchor",
            match anchor.h_pos {
                HPos::Left => "start",
                HPos::Center => "middle",
                HPos::Right => "end",
            },
        );
        self.attr("font-family", style.family().as_str());
        self.attr("font-size", &num::fmt(style.size(), 2));
        if let FontStyle::Bold = style.style() {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.paint("fill", style.color());
        self.out.push('>');
        escape(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}
