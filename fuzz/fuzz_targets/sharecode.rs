//! Share codes: any text is read without panicking, a code that reads re-encodes to a
//! code that reads as the same response (and to itself from then on), and every
//! response survives encoding, apart from a submission time that is not a UTC time
//! the code can carry and comments that would make the code too long (which the codec
//! says it left out).
#![no_main]
mod common;

use common::{assert_valid, framework, frameworks, response};
use foundations_check::codec::sharecode::{decode, encode, format_utc, parse_utc, share, CodeComments};
use foundations_check::{Framework, Response};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

/// What reading a code must satisfy: the response is valid, and its own code reads
/// back as the same response and is canonical (encoding that again gives it again).
fn check_decoded(fw: &Framework, r: &Response) {
    assert_valid(fw, r);
    let s = share(fw, r);
    let code = s.code.clone();
    assert_eq!(code, encode(fw, r));
    let back = decode(fw, &code).expect("a decoded response's own code reads");
    assert_eq!(s.comments == CodeComments::None, r.comments.is_empty());
    if s.comments == CodeComments::LeftOut {
        assert!(back.same_person(r) && back.comments.is_empty(), "code {code}");
        return;
    }
    assert_eq!(&back, r, "code {code} reads differently");
    assert_eq!(encode(fw, &back), code, "the code is not canonical");
    // A link with the code in it reads the same.
    let link = format!(" https://example.org/check#fc={code}\n");
    assert_eq!(decode(fw, &link).as_ref(), Ok(r));
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

fn base64url(bytes: &[u8]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// A code's bytes as the format (src/codec/sharecode.rs) lays them out: format 1 or 2, the
/// FNV-1a hash of the framework's id and version, the fuzzer's body and the right
/// check, so the bit reader sees any body at all. (Written out here, so that the
/// target uses `encode` and `decode` alone of the codec.)
fn framed(fw: &Framework, format: u8, body: &[u8]) -> String {
    let key = [fw.id.as_bytes(), &[0], fw.version.as_bytes()].concat();
    let mut bytes = vec![format];
    bytes.extend_from_slice(&fnv1a(&key).to_be_bytes());
    bytes.extend_from_slice(body);
    let h = fnv1a(&bytes);
    let check = ((h >> 16) ^ (h & 0xffff)) as u16;
    bytes.extend_from_slice(&check.to_be_bytes());
    base64url(&bytes)
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
            // The framing here is the codec's: a body of zero bits is an empty response.
            assert_eq!(decode(fw, &framed(fw, 1, &[0; 64])), Ok(Response::new(fw)));
            assert_eq!(decode(fw, &framed(fw, 2, &[0; 64])), Ok(Response::new(fw)));
            let format = u.int_in_range(1..=2u8)?;
            let code = framed(fw, format, u.take_rest());
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
            if share(fw, &r).comments == CodeComments::LeftOut {
                want.comments.clear();
            }
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
