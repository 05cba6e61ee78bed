//! A few helpers for building the widget's DOM with web-sys. Text always goes in with
//! `textContent`, never as markup.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node};

pub struct Dom {
    pub doc: Document,
}

impl Dom {
    /// An element with attributes.
    pub fn el(&self, tag: &str, attrs: &[(&str, &str)]) -> Element {
        let e = self.doc.create_element(tag).expect("a valid tag name");
        for (k, v) in attrs {
            let _ = e.set_attribute(k, v);
        }
        e
    }

    /// An element with attributes and text.
    pub fn text(&self, tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
        let e = self.el(tag, attrs);
        e.set_text_content(Some(text));
        e
    }

    /// A button that carries an action for the widget's one click handler.
    pub fn button(&self, action: &str, label: &str, primary: bool) -> Element {
        let class = if primary { "btn primary" } else { "btn" };
        self.text(
            "button",
            &[
                ("type", "button"),
                ("class", class),
                ("data-action", action),
                ("part", "button"),
            ],
            label,
        )
    }
}

pub fn add(parent: &Node, child: &Node) {
    let _ = parent.append_child(child);
}

pub fn clear(node: &Node) {
    while let Some(c) = node.first_child() {
        let _ = node.remove_child(&c);
    }
}

pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}
