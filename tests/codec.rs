//! The embedded catalog's bytes: what the build encodes, the app decodes unchanged, for the
//! seed, the test fixtures and synthetic catalogs; and bytes that are not a catalog are refused.
#![cfg(not(target_arch = "wasm32"))]

use talk_catalog_core::codec::{decode, encode};
use talk_catalog_core::view::compute;
use talk_catalog_core::{prepare, synthetic, Catalog};

fn catalogs() -> Vec<(String, Catalog)> {
    let mut files: Vec<(String, String)> = ["data/talks.toml", "tests/fixtures/search.toml"]
        .iter()
        .map(|path| (path.to_string(), std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"))))
        .collect();
    files.push(("synthetic 300".into(), synthetic::generate(300, 3)));
    (files.into_iter())
        .map(|(name, text)| {
            let catalog = prepare::from_toml(&name, &text).unwrap_or_else(|errors| panic!("{name}: {errors:#?}"));
            (name, catalog)
        })
        .collect()
}

fn leaked(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

#[test]
fn decoding_gives_back_the_encoded_catalog() {
    for (name, catalog) in catalogs() {
        let decoded = decode(leaked(encode(&catalog))).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(decoded.talks, catalog.talks, "{name}");
        assert_eq!(decoded.tags, catalog.tags, "{name}");
        assert_eq!(decoded.series, catalog.series, "{name}");
        assert_eq!(decoded.institutions, catalog.institutions, "{name}");
        assert_eq!(decoded.facets, catalog.facets, "{name}");
        // The derived word index finds the same talks.
        for query in ["hessian", "gradient descent", "lee", "optimizaton", "\"language models\"", "a"] {
            let state = talk_catalog_core::state::ViewState { query: query.into(), ..Default::default() };
            assert_eq!(compute(&decoded, &state).talks, compute(&catalog, &state).talks, "{name}: {query}");
        }
    }
}

#[test]
fn the_default_view_needs_no_word_index() {
    let (_, catalog) = catalogs().remove(0);
    let decoded = decode(leaked(encode(&catalog))).expect("valid");
    let shown = compute(&decoded, &Default::default()).talks;
    assert_eq!(shown.len(), decoded.talks.len());
    assert!(!decoded.has_words(), "the first paint would wait for the word index");
}

#[test]
fn bytes_that_are_not_a_catalog_are_refused() {
    let (_, catalog) = catalogs().remove(0);
    let bytes = encode(&catalog);
    let cases: [(&str, Vec<u8>); 5] = [
        ("empty", Vec::new()),
        ("another format", b"PK\x03\x04rest".to_vec()),
        ("another version", [&bytes[..4], &[99], &bytes[5..]].concat()),
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("trailing bytes", [bytes.as_slice(), b"x"].concat()),
    ];
    for (case, bytes) in cases {
        assert!(decode(leaked(bytes)).is_err(), "{case}");
    }
}
