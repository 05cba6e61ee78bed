//! Any bytes as a response to the built-in framework, and as a share code.
#![no_main]
use foundations_check::core::builtin::{builtin, DEFAULT_ID};
use foundations_check::core::scoring::score;
use foundations_check::Response;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static FW: OnceLock<foundations_check::Framework> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let fw = FW.get_or_init(|| builtin(DEFAULT_ID).expect("built-in framework"));
    let text = String::from_utf8_lossy(data);
    if let Ok(r) = Response::from_json(fw, &text) {
        let _ = score(fw, &r);
        let code = foundations_check::codec::sharecode::encode(fw, &r);
        let back = foundations_check::codec::sharecode::decode(fw, &code).expect("own code decodes");
        assert_eq!(back.answers, r.answers);
    }
    let _ = foundations_check::codec::sharecode::decode(fw, &text);
});
