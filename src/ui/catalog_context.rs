//! The catalog reaches the components as a Yew context, provided once at the root: the entry
//! points choose it (the build's catalog in the app and the pre-renderer, a fixture in tests).

use crate::catalog::Catalog;
use yew::context::{ContextProvider, ContextProviderProps};
use yew::prelude::*;

#[derive(Debug, Clone, Copy)]
pub struct CatalogContext(pub &'static Catalog);

/// The same catalog is the same pointer: comparing contents would walk every talk.
impl PartialEq for CatalogContext {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The root component to render, with [`provide`]'s props.
pub type CatalogProvider = ContextProvider<CatalogContext>;

/// The props of a [`CatalogProvider`] giving `children` the catalog.
pub fn provide(catalog: &'static Catalog, children: Html) -> ContextProviderProps<CatalogContext> {
    ContextProviderProps { context: CatalogContext(catalog), children }
}

#[hook]
pub fn use_catalog() -> &'static Catalog {
    use_context::<CatalogContext>().expect("components are rendered inside a CatalogProvider").0
}
