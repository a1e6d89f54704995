//! Generates the character-class bitmaps of `model.rs` (alphanumeric and alphabetic, for the
//! 65,536 code points of the Basic Multilingual Plane) from the standard library of the
//! toolchain that builds the crate, so the tables agree with `char::is_alphanumeric` and
//! `char::is_alphabetic` by construction and cost nothing at run time.

use std::fmt::Write;

fn bitmap(name: &str, class: fn(char) -> bool) -> String {
    let mut words = vec![0u64; 0x1_0000 / 64];
    for c in (0..0x1_0000u32).filter_map(char::from_u32) {
        if class(c) {
            words[(c as u32 / 64) as usize] |= 1 << (c as u32 % 64);
        }
    }
    let mut out = format!("static {name}: [u64; {}] = [", words.len());
    for w in words {
        write!(out, "{w:#x},").unwrap();
    }
    out.push_str("];\n");
    out
}

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = bitmap("ALNUM", char::is_alphanumeric) + &bitmap("ALPHA", char::is_alphabetic);
    std::fs::write(out.join("char_tables.rs"), code).expect("write the character tables");
    println!("cargo::rerun-if-changed=build.rs");
}
