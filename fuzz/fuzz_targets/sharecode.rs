//! Share codes: any text is read without panicking, a code that reads re-encodes to a
//! code that reads as the same response (and to itself from then on), and every
//! response survives encoding, apart from a submission time that is not a UTC time
//! the code can carry.
#![no_main]
mod common;

use common::{assert_valid, framework, frameworks, response};
use foundations_check::codec::sharecode::{
    base64url_encode, decode, encode, fnv1a, format_utc, framework_hash, parse_utc,
};
use foundations_check::{Framework, Response};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// What reading a code must satisfy: the response is valid, and its own code reads
/// back as the same response and is canonical (encoding that again gives it again).
fn check_decoded(fw: &Framework, r: &Response) {
    assert_valid(fw, r);
    let code = encode(fw, r);
    let back = decode(fw, &code).expect("a decoded response's own code reads");
    assert_eq!(&back, r, "code {code} reads differently");
    assert_eq!(encode(fw, &back), code, "the code is not canonical");
    // A link with the code in it reads the same.
    let link = format!(" https://example.org/check#fc={code}\n");
    assert_eq!(decode(fw, &link).as_ref(), Ok(r));
}

/// The code's bytes as `decode` expects them: format 1, the framework's hash, the
/// fuzzer's body and the right check, so the bit reader sees any body at all.
fn framed(fw: &Framework, body: &[u8]) -> String {
    let mut bytes = vec![1u8];
    bytes.extend_from_slice(&framework_hash(fw).to_be_bytes());
    bytes.extend_from_slice(body);
    let h = fnv1a(&bytes);
    let check = ((h >> 16) ^ (h & 0xffff)) as u16;
    bytes.extend_from_slice(&check.to_be_bytes());
    base64url_encode(&bytes)
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    match u.int_in_range(0..=2u8)? {
        // Any text as a code, for every framework.
        0 => {
            let text = String::from_utf8_lossy(u.take_rest());
            for fw in frameworks() {
                if let Ok(r) = decode(fw, &text) {
                    check_decoded(fw, &r);
                }
            }
        }
        // Any body behind a valid header and check.
        1 => {
            let fw = framework(&mut u)?;
            let code = framed(fw, u.take_rest());
            if let Ok(r) = decode(fw, &code) {
                check_decoded(fw, &r);
            }
        }
        // Any valid response: it comes back whole, but for a time the code cannot hold.
        _ => {
            let fw = framework(&mut u)?;
            let r = response(&mut u, fw)?;
            let code = encode(fw, &r);
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "{code}"
            );
            let back = decode(fw, &code).expect("an encoded response decodes");
            let mut want = r.clone();
            want.submitted_at = r
                .submitted_at
                .as_deref()
                .and_then(parse_utc)
                .filter(|s| *s < 1 << 34)
                .map(format_utc);
            assert_eq!(back, want, "code {code}");
            check_decoded(fw, &back);
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
