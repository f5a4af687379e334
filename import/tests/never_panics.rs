//! Property tests: no input panics an importer (arbitrary bytes, arbitrary JSON, and arbitrary
//! values inside each format's skeleton, so the importers' inner code runs), whatever is written
//! parses back as TOML, and the TOML strings survive every character.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::{json, Value};
use talk_catalog_import::toml_out::{basic_string, multiline_string};
use talk_catalog_import::{import, text, Options, SourceFormat};

fn every_format() -> Vec<Option<SourceFormat>> {
    let mut formats = vec![None];
    formats.extend(SourceFormat::ALL.into_iter().map(Some));
    formats
}

/// Imports with every format (and detection); when an import succeeds its TOML must parse.
fn import_everywhere(input: &[u8]) {
    for from in every_format() {
        for time_zone in [None, Some("America/Los_Angeles".to_string())] {
            let options = Options { from, time_zone, event_name: Some("E".into()), ..Options::default() };
            if let Ok(imported) = import(input, &options) {
                if let Err(error) = imported.toml.parse::<toml::Table>() {
                    panic!("{from:?}: the output is not TOML ({error}):\n{}", imported.toml);
                }
            }
        }
    }
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        // Strings that mean something to the importers.
        prop_oneof![
            Just("2024-03-15T14:00:00+01:00"),
            Just("2024-03-15T14:00:00"),
            Just("2024-02-30T25:61:00Z"),
            Just("00:30"),
            Just("99:99"),
            Just("Europe/Berlin"),
            Just("Break"),
            Just("Workshop"),
            Just("<p>Hi <a href=\"javascript:x\">x</a><ul><li><pre>`</pre></li></ul>"),
            Just("&lt;b&gt;x&lt;/b&gt;"),
            Just("https://example.org/x"),
            Just("/relative"),
            Just("'''\"\"\"\\\u{0}\u{7f}\r\n"),
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        let keys = prop_oneof![
            Just("id".to_string()),
            Just("title".to_string()),
            Just("name".to_string()),
            Just("date".to_string()),
            Just("start".to_string()),
            Just("startsAt".to_string()),
            Just("startDate".to_string()),
            Just("persons".to_string()),
            Just("speakers".to_string()),
            Just("links".to_string()),
            Just("url".to_string()),
            Just("abstract".to_string()),
            Just("description".to_string()),
            Just("type".to_string()),
            Just("categoryItems".to_string()),
            Just("items".to_string()),
            Just("question".to_string()),
            Just("answers".to_string()),
            Just("folders".to_string()),
            Just("attachments".to_string()),
            Just("time".to_string()),
            Just("tz".to_string()),
            ".{0,6}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..6).prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Arbitrary values placed where each format has its content.
fn shaped() -> impl Strategy<Value = Value> {
    (value(), value(), value(), 0..4u8).prop_map(|(a, b, c, which)| match which {
        0 => json!({"schedule": {"base_url": c, "conference": {"title": b, "time_zone_name": "Europe/Berlin",
                    "days": [{"date": "2024-03-15", "day_start": "2024-03-15T04:00:00+01:00", "rooms": {"R": [a, {"title": "t", "persons": b}]}}]}}}),
        1 => json!({"sessions": [a, {"id": 1, "title": "t", "speakers": ["s"], "categoryItems": [1]}],
                    "speakers": [b, {"id": "s"}], "categories": [{"title": "Track", "items": [c]}], "rooms": [b], "questions": [c]}),
        2 => json!({"results": [{"title": "E", "timezone": "Europe/Zurich", "contributions": [a, {"title": "t", "speakers": [b], "folders": [c]}]}]}),
        _ => a,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        import_everywhere(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\n\r\t<>&;,|\"'äöü日]{0,200}") {
        import_everywhere(text.as_bytes());
        import_everywhere(format!("title,speakers,start,date,abstract\n{text}").as_bytes());
        import_everywhere(format!("<schedule><conference/><day date=\"2024-01-01\"><room name=\"r\"><event id=\"1\"><title>{text}</title><abstract>{text}</abstract></event></room></day></schedule>").as_bytes());
    }

    #[test]
    fn arbitrary_json_never_panics(value in value()) {
        import_everywhere(value.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_json_in_each_format_never_panics(value in shaped()) {
        import_everywhere(value.to_string().as_bytes());
    }

    #[test]
    fn html_conversion_never_panics(html in "[ -~\n]{0,200}") {
        let mut notes = Vec::new();
        let _ = text::html_to_markdown(&html, &mut notes);
        let _ = text::rich(&html, talk_catalog_import::model::Markup::Plain);
        let _ = text::rich(&html, talk_catalog_import::model::Markup::Markdown);
    }

    #[test]
    fn toml_strings_round_trip(s in any::<String>()) {
        let table: toml::Table = format!("a = {}\nb = {}\n", basic_string(&s), multiline_string(&s)).parse().unwrap();
        prop_assert_eq!(table["a"].as_str(), Some(s.as_str()));
        prop_assert_eq!(table["b"].as_str(), Some(s.as_str()));
    }
}

#[test]
fn nasty_strings_round_trip() {
    for s in [
        "",
        "\"",
        "\\",
        "\"\"\"",
        "'''",
        "''",
        "'",
        "a'",
        "\"\"",
        "ends with quote\"",
        "ends with backslash\\",
        "\n",
        "\n\nleading newlines",
        "trailing newline\n",
        "\r\n",
        "\r",
        "tab\there",
        "\u{0}\u{1}\u{1f}\u{7f}",
        "\u{8}\u{c}",
        "line\u{2028}separator",
        "emoji 🎉",
        "\"\"\"\"\"\"",
        "a\"\"\"b'''c",
        "\\u0041",
        "\\\n",
    ] {
        let table: toml::Table = format!("a = {}\nb = {}\n", basic_string(s), multiline_string(s))
            .parse()
            .unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(table["a"].as_str(), Some(s), "basic {s:?}");
        assert_eq!(table["b"].as_str(), Some(s), "multi-line {s:?}");
    }
}
