//! The core crate, and the catalog compiled into this build (from `data/talks.toml` or
//! `$CATALOG_DATA`, by `build/main.rs`).

pub use talk_catalog_core::*;

mod generated {
    use talk_catalog_core::model::*;
    include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
}

/// The catalog compiled into this build.
pub fn catalog() -> &'static Catalog {
    &generated::CATALOG
}
