//! The pure core: data model, search, facets, view state and URL state. Nothing in here
//! touches the DOM, the network or storage, so all of it runs and is tested natively.

pub mod facets;
pub mod field;
pub mod fold_table;
pub mod matcher;
pub mod model;
pub mod query;
pub mod search;
pub mod sorted_set;
pub mod state;
pub mod text;
pub mod url_state;
pub mod view;

pub use model::{Catalog, Format, Link, SearchIndex, Series, SeriesPart, Speaker, Tag, Talk};

mod generated {
    use super::model::*;
    include!(concat!(env!("OUT_DIR"), "/catalog_data.rs"));
}

/// The catalog compiled into this build (from `data/talks.toml` or `$CATALOG_DATA`).
pub fn catalog() -> &'static Catalog {
    &generated::CATALOG
}
