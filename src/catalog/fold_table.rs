//! The tables behind `text::fold`, generated at build time from `unicode-normalization`
//! (build/fold_table.rs); `text.rs` decodes them.

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));
