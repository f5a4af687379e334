//! The data file's JSON Schema (`data/talks.schema.json`, for editors) agrees with the build's
//! validation where it can: it accepts the files the build accepts, and refuses some it refuses.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn repository_file(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// A TOML document as the JSON an editor's schema check sees: date-times become strings.
fn as_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => text.into(),
        toml::Value::Integer(number) => number.into(),
        toml::Value::Float(number) => number.into(),
        toml::Value::Boolean(flag) => flag.into(),
        toml::Value::Datetime(datetime) => datetime.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(as_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(key, value)| (key, as_json(value))).collect(),
    }
}

fn schema_errors(relative: &str) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&repository_file("data/talks.schema.json")).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let document = as_json(toml::from_str(&repository_file(relative)).expect("valid TOML"));
    validator.iter_errors(&document).map(|error| format!("{} at {}", error, error.instance_path)).collect()
}

#[test]
fn the_schema_accepts_the_seed_and_the_good_fixtures() {
    for file in
        ["data/talks.toml", "tests/fixtures/good.toml", "tests/fixtures/search.toml", "tests/fixtures/schedule.toml"]
    {
        let errors = schema_errors(file);
        assert!(errors.is_empty(), "{file}:\n{}", errors.join("\n"));
    }
}

#[test]
fn the_schema_refuses_bad_fixtures() {
    // (fixture, a word of what is wrong): each is also refused by the build.
    let bad = [
        ("unknown-field.toml", "titel"),
        ("wrong-type.toml", "optimization"),
        ("missing-title.toml", "title"),
        ("missing-speakers.toml", "speakers"),
        ("id-not-url-safe.toml", "Hunting Hessian"),
        ("unknown-format.toml", "keynote"),
        ("link-url-javascript.toml", "javascript"),
        ("speaker-url-ftp.toml", "ftp"),
        ("link-kind-unknown.toml", "poster"),
        ("language-not-bcp47.toml", "English (US)"),
        ("markup-unknown.toml", "html"),
        ("start-unparseable.toml", "Saturday 10am"),
        ("event-without-name.toml", "name"),
    ];
    for (file, word) in bad {
        let errors = schema_errors(&format!("tests/fixtures/bad/{file}"));
        assert!(errors.iter().any(|error| error.contains(word)), "{file}: no error naming {word:?} in {errors:?}");
    }
}
