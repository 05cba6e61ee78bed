//! Saved e-mails and mailboxes: any bytes are read without panicking (as a message, a
//! mailbox and HTML); a message made of valid codes, its plain part quoted-printable or
//! base64 and perhaps an HTML alternative showing the same codes as links, gives each
//! code once, whatever the charset label.
#![no_main]
mod common;

use common::{framework, response};
use foundations_check::codec::mail::{html_text, read};
use foundations_check::codec::sharecode::encode;
use foundations_check::core::gather::{ImportOptions, Input};
use foundations_check::core::team::import_input;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn quoted_printable(s: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for b in s.bytes() {
        let piece = match b {
            b'\n' => {
                out.push('\n');
                col = 0;
                continue;
            }
            b'=' | 0x80..=0xff => format!("={b:02X}"),
            b => (b as char).to_string(),
        };
        if col + piece.len() > 75 {
            out.push_str("=\n");
            col = 0;
        }
        col += piece.len();
        out.push_str(&piece);
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, c) in bytes.chunks(3).enumerate() {
        let n = c.iter().enumerate().fold(0u32, |a, (k, b)| a | u32::from(*b) << (16 - 8 * k));
        for k in 0..4 {
            out.push(if k <= c.len() { A[(n >> (18 - 6 * k) & 63) as usize] as char } else { '=' });
        }
        if i % 19 == 18 {
            out.push('\n');
        }
    }
    out
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    match u.int_in_range(0..=2u8)? {
        0 => {
            let bytes = u.take_rest();
            let _ = read(bytes);
            let mut mbox = b"From x@example.org Mon Nov 17 09:00:00 2026\n".to_vec();
            mbox.extend_from_slice(bytes);
            let _ = read(&mbox);
            return Ok(());
        }
        1 => {
            let html = String::from_utf8_lossy(u.take_rest());
            let (t, links) = html_text(&html);
            assert!(t.len() <= html.len() * 4 + 4);
            assert!(links.len() <= html.matches(['h', 'H']).count());
            return Ok(());
        }
        _ => {}
    }
    let fw = framework(&mut u)?;
    let n = u.int_in_range(1..=4)?;
    let mut codes = Vec::new();
    for _ in 0..n {
        let mut r = response(&mut u, fw)?;
        // Timed, so that the same code in two parts is one person by any rule.
        r.submitted_at = Some(format!("2026-11-{:02}T09:00:00Z", codes.len() + 1));
        codes.push(encode(fw, &r));
    }
    let greeting = *u.choose(&["", "how are you?", "caf\u{e9} at 10", "<b>bold</b> & more", "=3D =\t"])?;
    let plain = format!("Hi Sam, {greeting}\n{}\nThanks\n", codes.iter().map(|c| format!("Code: {c}")).collect::<Vec<_>>().join("\n"));
    let html = format!(
        "<html><body><div>Hi</div>{}</body></html>",
        codes.iter().map(|c| format!("<p><a href=\"https://x.example/check#fc={c}\">mine</a> {c}</p>")).collect::<String>()
    );
    let charset = *u.choose(&["utf-8", "iso-8859-1", "windows-1252", "us-ascii"])?;
    let (cte, body) = if u.arbitrary()? {
        ("quoted-printable", quoted_printable(&plain))
    } else {
        ("base64", base64(plain.as_bytes()))
    };
    let mut eml = String::from("From: A <a@example.org>\nSubject: codes\nMIME-Version: 1.0\n");
    if u.arbitrary()? {
        eml.push_str(&format!(
            "Content-Type: multipart/alternative; boundary=\"b\"\n\n--b\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {cte}\n\n{body}\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{}\n--b--\n",
            base64(html.as_bytes())
        ));
    } else {
        eml.push_str(&format!("Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {cte}\n\n{body}\n"));
    }
    let mut set = Vec::new();
    let report = import_input(fw, &mut set, "saved.eml", Input::Bytes(eml.clone().into_bytes()), ImportOptions::default());
    assert_eq!(report.rejected, [], "{eml}");
    assert_eq!(report.added + report.duplicates, n, "{eml}");
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
