//! Talk Catalog: a searchable catalog of seminar talks, compiled into a Yew app.
//!
//! [`catalog`] is the pure core (no DOM, no I/O); [`ui`] renders it; [`platform`] is the one
//! place that talks to the browser. See ARCHITECTURE.md.

pub mod catalog;
pub mod platform;
pub mod ui;
