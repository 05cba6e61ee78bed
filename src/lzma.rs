//! Unpacking LZMA, the `.lzma` format that `xz --format=lzma` writes. The one-file
//! embed stores its WebAssembly this way: LZMA makes it about 11 % smaller than the
//! best gzip, and browsers' DecompressionStream reads only gzip and deflate. This
//! module is compiled twice: into the library (tested natively against xz) and, on its
//! own and without the standard library, into the small decoder module that the embed
//! runs first (`examples/unlzma.rs`). So it uses `core` only, and nothing in it can
//! panic: damaged input is an error, never a trap or a read past the end.
//!
//! The decoder follows the specification in the LZMA SDK (LzmaSpec.cpp): a range
//! decoder reads bits with adaptive probabilities; literals, matches and repeated
//! distances rebuild the bytes.

/// Literal context bits plus literal position bits at most this, so that the
/// probabilities fit a fixed array (the embed uses 3 + 0).
pub const MAX_LC_LP: u32 = 4;

// Where each group of probabilities starts in one array.
const IS_MATCH: usize = 0;
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const POS_SPECIAL: usize = 688;
const ALIGN: usize = 803;
const MATCH_LEN: usize = 819;
const REP_LEN: usize = 1333;
const LITERAL: usize = 1847;
const PROBS: usize = LITERAL + (0x300 << MAX_LC_LP);

/// Why unpacking stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// The header is not one this decoder reads.
    NotLzma,
    /// The data ends before `out` is full.
    EndsEarly,
    /// A distance points before the start: the data is damaged.
    Damaged,
}

struct Bits<'a> {
    src: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
    probs: [u16; PROBS],
}

impl Bits<'_> {
    fn byte(&mut self) -> u8 {
        // Past the end reads zeros; `unpack` checks `at` and says so.
        let b = self.src.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.byte());
        }
    }

    /// One bit with probability `probs[k]` (of a 0, out of 2048), which then moves
    /// towards what was seen.
    fn bit(&mut self, k: usize) -> u32 {
        let Some(p) = self.probs.get_mut(k) else {
            return 0;
        };
        let bound = (self.range >> 11).wrapping_mul(u32::from(*p));
        let b = if self.code < bound {
            self.range = bound;
            *p += (2048 - *p) >> 5;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *p -= *p >> 5;
            1
        };
        self.normalize();
        b
    }

    /// `n` bits, high bit first, through a tree of probabilities at `base + 1…`.
    fn tree(&mut self, base: usize, n: u32) -> u32 {
        let mut m = 1;
        for _ in 0..n {
            m = (m << 1) | self.bit(base + m as usize);
        }
        m - (1 << n)
    }

    /// The same, low bit first.
    fn reverse(&mut self, base: usize, n: u32) -> u32 {
        let (mut m, mut v) = (1, 0);
        for k in 0..n {
            let b = self.bit(base + m as usize);
            m = (m << 1) | b;
            v |= b << k;
        }
        v
    }

    /// `n` bits with even odds.
    fn direct(&mut self, n: u32) -> u32 {
        let mut v = 0u32;
        for _ in 0..n {
            self.range >>= 1;
            let b = u32::from(self.code >= self.range);
            if b == 1 {
                self.code -= self.range;
            }
            v = (v << 1) | b;
            self.normalize();
        }
        v
    }

    /// A match length less 2: choice bits, then 3, 3 or 8 bits.
    fn length(&mut self, base: usize, pos_state: usize) -> u32 {
        if self.bit(base) == 0 {
            return self.tree(base + 2 + pos_state * 8, 3);
        }
        if self.bit(base + 1) == 0 {
            return 8 + self.tree(base + 130 + pos_state * 8, 3);
        }
        16 + self.tree(base + 258, 8)
    }
}

/// Unpacks the `.lzma` data `src` (a 13-byte header, then the stream) into `out`,
/// which must be as long as what was packed.
pub fn unpack(src: &[u8], out: &mut [u8]) -> Result<(), Error> {
    let props = u32::from(*src.first().ok_or(Error::NotLzma)?);
    let (lc, lp, pb) = (props % 9, props / 9 % 5, props / 45);
    if props >= 225 || lc + lp > MAX_LC_LP || src.get(13) != Some(&0) {
        return Err(Error::NotLzma);
    }
    let mut r = Bits {
        src,
        at: 14,
        range: u32::MAX,
        code: 0,
        probs: [1024; PROBS],
    };
    for _ in 0..4 {
        r.code = (r.code << 8) | u32::from(r.byte());
    }
    let (pb_mask, lp_mask) = ((1 << pb) - 1, (1 << lp) - 1);
    let (mut pos, mut state) = (0usize, 0usize);
    let mut rep = [0usize; 4];
    while pos < out.len() {
        if r.at > src.len() {
            return Err(Error::EndsEarly);
        }
        let pos_state = pos & pb_mask;
        if r.bit(IS_MATCH + (state << 4) + pos_state) == 0 {
            // A literal, coded in the context of the byte before it (and, just after a
            // match, of the byte the match would have given).
            let prev = if pos > 0 { out[pos - 1] } else { 0 };
            let base =
                LITERAL + 0x300 * (((pos & lp_mask) << lc) + (usize::from(prev) >> (8 - lc)));
            let mut sym = 1u32;
            if state >= 7 {
                let mut match_byte = u32::from(out[pos - rep[0] - 1]);
                while sym < 0x100 {
                    let mb = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let b = r.bit(base + (((1 + mb) << 8) + sym) as usize);
                    sym = (sym << 1) | b;
                    if mb != b {
                        break;
                    }
                }
            }
            while sym < 0x100 {
                sym = (sym << 1) | r.bit(base + sym as usize);
            }
            out[pos] = sym as u8;
            pos += 1;
            state = if state < 4 {
                0
            } else if state < 10 {
                state - 3
            } else {
                state - 6
            };
            continue;
        }
        let len;
        if r.bit(IS_REP + state) == 1 {
            // A repeat of one of the last four distances.
            if r.bit(IS_REP_G0 + state) == 0 {
                if r.bit(IS_REP0_LONG + (state << 4) + pos_state) == 0 {
                    // One byte from the last distance.
                    if rep[0] >= pos {
                        return Err(Error::Damaged);
                    }
                    state = if state < 7 { 9 } else { 11 };
                    out[pos] = out[pos - rep[0] - 1];
                    pos += 1;
                    continue;
                }
            } else {
                let k = if r.bit(IS_REP_G1 + state) == 0 {
                    1
                } else if r.bit(IS_REP_G2 + state) == 0 {
                    2
                } else {
                    3
                };
                rep[..=k].rotate_right(1);
            }
            len = r.length(REP_LEN, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            // A new match: its length, then its distance.
            rep.rotate_right(1);
            len = r.length(MATCH_LEN, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let slot = r.tree(POS_SLOT + ((len.min(3) as usize) << 6), 6);
            rep[0] = if slot < 4 {
                slot as usize
            } else {
                let n = (slot >> 1) - 1;
                let d = (2 | (slot & 1)) << n;
                let low = if slot < 14 {
                    r.reverse(POS_SPECIAL + (d - slot) as usize, n)
                } else {
                    (r.direct(n - 4) << 4) | r.reverse(ALIGN, 4)
                };
                d.wrapping_add(low) as usize
            };
            if rep[0] == u32::MAX as usize {
                break; // the end marker
            }
        }
        if rep[0] >= pos {
            return Err(Error::Damaged);
        }
        for _ in 0..len + 2 {
            if pos >= out.len() {
                break;
            }
            out[pos] = out[pos - rep[0] - 1];
            pos += 1;
        }
    }
    if pos < out.len() || r.at > src.len() {
        return Err(Error::EndsEarly);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{unpack, Error};
    use std::io::Write;
    use std::process::{Command, Stdio};

    /// `data` packed by xz, the encoder the build uses.
    fn xz(data: &[u8], options: &str) -> Vec<u8> {
        let mut child = Command::new("xz")
            .args(["--format=lzma", &format!("--lzma1={options}"), "-c"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("xz (Debian's xz-utils) is installed");
        let mut stdin = child.stdin.take().unwrap();
        let input = data.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        assert!(out.status.success());
        out.stdout
    }

    fn inputs() -> Vec<(&'static str, Vec<u8>)> {
        // A pseudo-random sequence (incompressible), text, runs, and the built-in
        // framework's JSON.
        let mut x = 0x2545_f491_u32;
        let random: Vec<u8> = (0..70_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let text = include_str!("lzma.rs").repeat(8).into_bytes();
        let runs: Vec<u8> = (0..200_000u32)
            .map(|i| {
                if i % 1000 < 500 {
                    (i * 7) as u8
                } else {
                    (i >> 9) as u8
                }
            })
            .collect();
        let json = crate::core::builtin::builtin_json("place-based-partnership")
            .unwrap()
            .as_bytes()
            .to_vec();
        vec![
            ("one byte", vec![42]),
            ("random", random),
            ("text", text),
            ("zeros", vec![0; 300_000]),
            ("runs", runs),
            ("json", json),
        ]
    }

    #[test]
    fn unpacks_what_xz_packs_byte_for_byte() {
        for (name, data) in inputs() {
            for options in [
                "preset=9e,lc=3,lp=0,pb=0",
                "lc=0,lp=0,pb=0",
                "lc=1,lp=3,pb=4",
                "lc=4,lp=0,pb=2",
                "preset=0",
            ] {
                let mut out = vec![0xaa; data.len()];
                assert_eq!(
                    unpack(&xz(&data, options), &mut out),
                    Ok(()),
                    "{name} {options}"
                );
                assert!(out == data, "{name} {options}");
            }
        }
    }

    #[test]
    fn damaged_or_short_data_is_an_error_never_a_panic() {
        let data = include_str!("lzma.rs").repeat(4).into_bytes();
        let packed = xz(&data, "preset=9e,lc=3,lp=0,pb=0");
        let mut out = vec![0; data.len()];
        assert_eq!(
            unpack(&packed[..packed.len() / 2], &mut out),
            Err(Error::EndsEarly)
        );
        assert_eq!(unpack(&[], &mut out), Err(Error::NotLzma));
        assert_eq!(unpack(&[255, 0, 0, 1, 0], &mut out), Err(Error::NotLzma));
        // Too many literal bits for the decoder's table (lc 4 and lp 1).
        let mut wide = packed.clone();
        wide[0] = 9 + 4;
        assert_eq!(unpack(&wide, &mut out), Err(Error::NotLzma));
        // Flipped bits anywhere: an error or other bytes, and never a panic.
        for k in 0..400 {
            let mut bad = packed.clone();
            let i = 14 + (k * 7919) % (bad.len() - 14);
            bad[i] ^= 1 << (k % 8);
            let _ = unpack(&bad, &mut out);
        }
        // Asking for more than was packed: the stream ends first.
        let mut long = vec![0; data.len() + 100];
        assert_ne!(unpack(&packed, &mut long), Ok(()));
    }
}
