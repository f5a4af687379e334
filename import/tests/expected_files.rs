//! Every expected data file (`tests/expected/*.toml`) builds: the build's own validation and
//! preparation (`talk_catalog_core::prepare::from_toml`, what `build/main.rs` runs) accept it,
//! and its talks come out as the importer wrote them. (`core/tests/schema.rs` checks them
//! against the JSON Schema too; the browser shows one in the component tests.)

use std::path::Path;
use talk_catalog_core::prepare::from_toml;

#[test]
fn every_expected_file_builds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.display().to_string();
        match from_toml(&name, &text) {
            Ok(catalog) => {
                let toml: toml::Value = toml::from_str(&text).unwrap();
                let written = toml["talks"].as_array().map_or(0, Vec::len);
                assert_eq!(catalog.talks.len(), written, "{name}: every talk written is in the catalog");
            }
            Err(errors) => problems.extend(errors.iter().map(ToString::to_string)),
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} expected files");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
