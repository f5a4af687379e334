//! Talk Catalog: a searchable catalog of seminar talks, compiled into a Yew app.
//!
//! [`catalog`] is the pure core (the `talk-catalog-core` crate) and the catalog embedded in this
//! build; [`ui`] renders it; [`platform`] is the one place that talks to the browser, and
//! [`intl`] formats dates with the browser's `Intl`. See ARCHITECTURE.md.

pub mod catalog;
pub mod intl;
pub mod platform;
pub mod ui;
