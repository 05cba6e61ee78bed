//! Prints a scored example of the built-in framework: `cargo run --example score_example`.
//! The answers are an illustration, written out below, not anyone's real response.

use foundations_check::core::builtin::{builtin, DEFAULT_ID};
use foundations_check::core::num;
use foundations_check::core::scoring::score;
use foundations_check::{codec::sharecode, Response};

fn main() {
    let fw = match builtin(DEFAULT_ID) {
        Ok(fw) => fw,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let example = r#"{
        "framework": "place-based-partnership", "version": "1.0.0",
        "answers": {
            "purpose-1": 4, "purpose-2": 3, "purpose-3": 3,
            "understanding-1": 2, "understanding-2": 4, "understanding-3": 3,
            "relationships-1": 4, "relationships-2": 2, "relationships-3": 5,
            "leadership-1": 3, "leadership-2": 2, "leadership-3": 4,
            "governance-1": 2, "governance-2": "dontKnow", "governance-3": 2,
            "resources-1": 2, "resources-2": 1, "resources-3": 2,
            "communities-1": 3, "communities-2": 4, "communities-3": 4,
            "learning-1": 4, "learning-2": 3, "learning-3": 2
        },
        "respondent": {"sector": "local-authority", "role": "manager"}
    }"#;
    let resp = match Response::from_json(&fw, example) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", foundations_check::core::issue::describe(&e));
            std::process::exit(1);
        }
    };
    let s = score(&fw, &resp);
    println!("{} (version {})\n", fw.title, fw.version);
    println!("Example self-check of a council manager:\n");
    for (f, fs) in fw.foundations.iter().zip(&s.foundations) {
        let band = fs
            .band
            .as_deref()
            .and_then(|b| fw.level(b))
            .map_or("-", |l| l.label.as_str());
        match fs.percent {
            Some(p) => println!(
                "  {:<28} {:>5} %  {}",
                f.label(),
                num::shown(p, fw.places()),
                band
            ),
            None => println!("  {:<28}   not enough answers", f.label()),
        }
    }
    if let (Some(p), Some(b)) = (s.overall.percent, s.overall.band.as_deref()) {
        let label = fw.level(b).map_or(b, |l| l.label.as_str());
        println!("\n  Overall {} %: {label}", num::shown(p, fw.places()));
    }
    println!("\n  Share code: {}", sharecode::encode(&fw, &resp));
}
