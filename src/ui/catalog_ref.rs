//! The catalog reaches the components as a prop, given once at the root and passed down: the
//! entry points choose it (the build's catalog in the app and the pre-renderer, a fixture in
//! tests). A prop rather than a Yew context: the context's machinery measured 3.4 KB of
//! gzipped wasm.

use crate::catalog::Catalog;

/// The catalog a component shows.
#[derive(Debug, Clone, Copy)]
pub struct CatalogRef(pub &'static Catalog);

/// The same catalog is the same pointer: comparing contents would walk every talk.
impl PartialEq for CatalogRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
