//! Generates the character tables of `model.rs` (alphanumeric and alphabetic bitmaps and the
//! lowercase mapping, for the 65,536 code points of the Basic Multilingual Plane) from the
//! standard library of the toolchain that builds the crate, so the tables agree with
//! `char::is_alphanumeric`, `char::is_alphabetic` and `char::to_lowercase` by construction
//! and cost nothing at run time.

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

/// `LOWER[c]`: the lowercase of `c` when it is one character of the BMP, else 0 (then the
/// standard library is asked).
fn lower_table() -> String {
    let mut out = String::from("static LOWER: [u16; 0x10000] = [");
    for u in 0..0x1_0000u32 {
        let l = char::from_u32(u).map(|c| c.to_lowercase().collect::<Vec<char>>());
        let v = match l.as_deref() {
            Some([l]) if (*l as u32) < 0x1_0000 => *l as u32,
            _ => 0,
        };
        write!(out, "{v},").unwrap();
    }
    out.push_str("];\n");
    out
}

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = bitmap("ALNUM", char::is_alphanumeric) + &bitmap("ALPHA", char::is_alphabetic) + &lower_table();
    std::fs::write(out.join("char_tables.rs"), code).expect("write the character tables");
    println!("cargo::rerun-if-changed=build.rs");
}
