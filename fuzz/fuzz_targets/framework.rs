//! Any bytes as a framework: parse (as JSON and as an in-page script element's text,
//! which must agree), and when valid, score an empty and a full response.
#![no_main]
use foundations_check::core::scoring::score;
use foundations_check::{Framework, Response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let script = Framework::from_script(text);
    if let Ok(fw) = Framework::from_json(text) {
        assert_eq!(script.as_ref().ok(), Some(&fw), "the script element's text reads otherwise");
        let mut r = Response::new(&fw);
        let _ = score(&fw, &r);
        for f in &fw.foundations {
            for i in &f.items {
                let max = fw.item_scale(f, i).max;
                r.answers.insert(i.id.clone(), foundations_check::Answer::Value(max));
            }
        }
        let s = score(&fw, &r);
        assert!(s.foundations.iter().all(|f| f.percent.map_or(true, |p| (0.0..=100.0).contains(&p.get()))));
        let code = foundations_check::codec::sharecode::encode(&fw, &r);
        assert_eq!(foundations_check::codec::sharecode::decode(&fw, &code).ok().as_ref(), Some(&r));
    }
});
