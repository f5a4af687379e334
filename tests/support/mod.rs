//! Loads catalogs from TOML at run time for native tests and benchmarks, through the same
//! validation and preparation code `build.rs` uses.
#![allow(dead_code)]

#[path = "../../build/data_file.rs"]
pub mod data_file;
#[path = "../../build/prepare.rs"]
pub mod prepare;

pub use talk_catalog::catalog::{field, matcher, model, text};

use talk_catalog::catalog::Catalog;

/// The catalog in the file at `path` (relative to the crate root); panics if it is invalid.
pub fn load(path: &str) -> &'static Catalog {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    parse(path, &text)
}

/// The catalog that `text` (a data file named `name` in messages) describes; panics if it is
/// invalid.
pub fn parse(name: &str, text: &str) -> &'static Catalog {
    let file = data_file::parse(name, text).unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
    Box::leak(Box::new(prepare::prepare(file)))
}
