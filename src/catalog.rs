//! The core crate, and the catalog compiled into this build (from `data/talks.toml` or
//! `$CATALOG_DATA`, by `build/main.rs`).

pub use talk_catalog_core::*;

use std::sync::OnceLock;

/// The catalog's bytes (`codec`): in the wasm itself, so nothing is fetched.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The catalog compiled into this build, decoded on the first call.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| codec::decode(EMBEDDED).expect("the build wrote this catalog"))
}
