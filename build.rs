//! Compacts what the library carries as text, so that the self-check embed (whose
//! gzipped size has a budget) holds no whitespace or comments a browser never needs:
//! the built-in framework's JSON by serde_json (members in the order written), the
//! element's stylesheets by the `minifier` crate (rustdoc's). Measured: -0.35 KB of the
//! gzipped embed. The sources stay readable in the repository.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let json = "frameworks/place-based-partnership.json";
    println!("cargo:rerun-if-changed={json}");
    let text = std::fs::read_to_string(json).expect("the built-in framework");
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("the built-in framework is JSON");
    let compact = serde_json::to_string(&value).expect("JSON");
    std::fs::write(out.join("place-based-partnership.json"), compact).expect("OUT_DIR");
    for css in ["src/web/widget/widget.css", "src/web/widget/team.css"] {
        println!("cargo:rerun-if-changed={css}");
        let text = std::fs::read_to_string(css).expect("a stylesheet");
        let min = minifier::css::minify(&text)
            .expect("the stylesheet is CSS")
            .to_string();
        let name = Path::new(css).file_name().expect("a file name");
        std::fs::write(out.join(name), min).expect("OUT_DIR");
    }
}
