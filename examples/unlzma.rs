//! The embed's first, small WebAssembly module: it unpacks the main module, which the
//! one-file embed stores LZMA-compressed (see `src/lzma.rs`, compiled in here on its
//! own and without the standard library). `js/build-embed.mjs` builds it with
//! `cargo rustc --example unlzma` for wasm32 and inlines it; the embed's loader calls:
//! - `room(n)`: grows the memory by at least `n` bytes and returns where they start;
//! - `unpack(src, src_len, out, out_len)`: 0 when done, or 1 (not LZMA data), 2 (the
//!   data ends early) or 3 (damaged data).
//!
//! On other targets this example is empty.
#![cfg_attr(target_arch = "wasm32", no_std)]

#[cfg(target_arch = "wasm32")]
#[path = "../src/lzma.rs"]
mod lzma;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Grows the memory by at least `len` bytes and returns where the new bytes start
/// (0 if the memory cannot grow).
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub extern "C" fn room(len: usize) -> usize {
    let old = core::arch::wasm32::memory_grow(0, len.div_ceil(65536));
    if old == usize::MAX {
        0
    } else {
        old * 65536
    }
}

/// Unpacks `src_len` bytes at `src` into the `out_len` bytes at `out`.
///
/// # Safety
/// Both ranges must lie in memory returned by `room` and not overlap.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
pub unsafe extern "C" fn unpack(
    src: *const u8,
    src_len: usize,
    out: *mut u8,
    out_len: usize,
) -> u32 {
    let src = core::slice::from_raw_parts(src, src_len);
    let out = core::slice::from_raw_parts_mut(out, out_len);
    match lzma::unpack(src, out) {
        Ok(()) => 0,
        Err(lzma::Error::NotLzma) => 1,
        Err(lzma::Error::EndsEarly) => 2,
        Err(lzma::Error::Damaged) => 3,
    }
}
