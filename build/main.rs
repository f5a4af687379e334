//! Reads the catalog data file, validates it and writes the catalog the app embeds,
//! `$OUT_DIR/catalog.bin` (`talk_catalog_core::codec`).
//!
//! The file is `data/talks.toml` unless the `CATALOG_DATA` environment variable names another
//! (absolute, or relative to this crate's root). An invalid file fails the build with one line
//! per problem: file, line, talk and field.

use std::path::PathBuf;
use talk_catalog_core::{codec, data_file, prepare};

const DEFAULT_DATA: &str = "data/talks.toml";

fn main() {
    println!("cargo::rerun-if-env-changed=CATALOG_DATA");
    println!("cargo::rerun-if-changed=build");
    let path = std::env::var("CATALOG_DATA").unwrap_or_else(|_| DEFAULT_DATA.to_owned());
    println!("cargo::rerun-if-changed={path}");

    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => fail(&[format!("{path}: cannot read the catalog data file: {error}")]),
    };
    let catalog = match data_file::parse(&path, &text) {
        Ok(catalog) => catalog,
        Err(errors) => fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()),
    };

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("catalog.bin"), codec::encode(&prepare::prepare(catalog))).expect("write the catalog");
}

fn fail(lines: &[String]) -> ! {
    eprintln!("error: invalid talk catalog data ({} problem(s)):", lines.len());
    for line in lines {
        eprintln!("  {line}");
    }
    std::process::exit(1);
}
