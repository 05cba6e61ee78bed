//! A [`Surface`] that writes SVG text: polygons, polylines, circles and text with
//! presentation attributes only (no `style`, no script), every label escaped. Numbers
//! are written with [`crate::core::num`], which keeps core's float formatting (about 25 KB)
//! out of the embed.

use super::draw::{Font, Surface};
use crate::core::num;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord};

pub struct Svg {
    out: String,
    size: (u32, u32),
}

impl Svg {
    /// An SVG image of `size` pixels, with the role of an image and `title` as its
    /// accessible name.
    pub fn new(size: (u32, u32), title: &str) -> Self {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let mut out = String::from("<svg width=\"");
        for s in [&w, "\" height=\"", &h, "\" viewBox=\"0 0 ", &w, " ", &h] {
            out.push_str(s);
        }
        out.push_str("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n<title>");
        escape(&mut out, title);
        out.push_str("</title>\n");
        Svg { out, size }
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
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

    fn points(&mut self, path: &[BackendCoord]) {
        self.out.push_str(" points=\"");
        for (i, (x, y)) in path.iter().enumerate() {
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

impl Surface for Svg {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn polyline(&mut self, points: &[BackendCoord], color: BackendColor, width: u32) {
        self.out.push_str("<polyline fill=\"none\"");
        self.paint("stroke", color);
        self.attr("stroke-width", &width.to_string());
        self.points(points);
        self.out.push_str("/>\n");
    }

    fn polygon(&mut self, points: &[BackendCoord], color: BackendColor) {
        self.out.push_str("<polygon");
        self.paint("fill", color);
        self.points(points);
        self.out.push_str("/>\n");
    }

    fn circle(&mut self, c: BackendCoord, r: u32, color: BackendColor) {
        self.out.push_str("<circle");
        self.attr("cx", &c.0.to_string());
        self.attr("cy", &c.1.to_string());
        self.attr("r", &r.to_string());
        self.paint("fill", color);
        self.out.push_str("/>\n");
    }

    fn text(&mut self, text: &str, at: BackendCoord, font: &Font) {
        self.out.push_str("<text");
        self.attr("x", &at.0.to_string());
        self.attr("y", &at.1.to_string());
        self.attr(
            "dy",
            match font.v {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        self.attr(
            "text-anchor",
            match font.h {
                HPos::Left => "start",
                HPos::Center => "middle",
                HPos::Right => "end",
            },
        );
        self.attr("font-family", "sans-serif");
        self.attr("font-size", &num::fmt(font.size, 2));
        if font.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.paint("fill", font.color);
        self.out.push('>');
        escape(&mut self.out, text);
        self.out.push_str("</text>\n");
    }
}
