//! Loads catalogs from TOML at run time for native tests, through the same
//! validation and preparation code the build uses.
#![allow(dead_code)]

use talk_catalog_core::prepare;

use talk_catalog::catalog::Catalog;

/// The catalog in the file at `path` (relative to the crate root); panics if it is invalid.
pub fn load(path: &str) -> &'static Catalog {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    parse(path, &text)
}

/// The catalog that `text` (a data file named `name` in messages) describes; panics if it is
/// invalid.
pub fn parse(name: &str, text: &str) -> &'static Catalog {
    let catalog = prepare::from_toml(name, text).unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
    Box::leak(Box::new(catalog))
}
