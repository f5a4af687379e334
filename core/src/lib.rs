//! The pure core of Talk Catalog: the data model, text folding, search, facets, view state and
//! URL state, calendar export, and (with the `data-file` feature) reading, validating and indexing a data file.
//!
//! Nothing in here touches the DOM, the network or storage, and the crate depends on no
//! browser crate, so all of it runs and is tested natively. The app (`talk-catalog`) renders
//! it; its build script uses it to turn the data file into the catalog the app embeds.

pub mod codec;
pub mod facets;
pub mod field;
// Generated (tests/fold_table.rs): compared byte for byte, so rustfmt leaves it as written.
#[rustfmt::skip]
mod fold_table;
pub mod ics;
pub mod index;
mod leak;
pub mod matcher;
pub mod messages;
pub mod model;
pub mod query;
pub mod rich_text;
pub mod schedule;
pub mod search;
pub mod sorted_set;
pub mod state;
pub mod text;
pub mod url_state;
pub mod view;

#[cfg(feature = "data-file")]
pub mod data_file;
#[cfg(feature = "data-file")]
pub mod markdown;
#[cfg(feature = "data-file")]
pub mod prepare;
#[cfg(feature = "data-file")]
pub mod synthetic;

pub use messages::{Lang, Messages};
pub use model::{
    Catalog, Event, Format, Link, LinkKind, RichText, SearchIndex, Series, SeriesPart, Speaker, Tag, Talk,
};
