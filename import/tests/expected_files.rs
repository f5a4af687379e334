//! Every expected data file (`tests/expected/*.toml`) is a data file in the extended format:
//! it parses as TOML and follows the format's structural rules (ids unique and URL-safe, every
//! tag referenced is declared, times readable, links http(s) …). `check` returns the problems
//! found, one line each.

use std::collections::HashSet;
use talk_catalog_import::slug::{is_bcp47, is_url_safe_id};
use toml::value::{Datetime, Table, Value};

fn keys(table: &Table, allowed: &[&str], at: &str, problems: &mut Vec<String>) {
    for key in table.keys() {
        if !allowed.contains(&key.as_str()) {
            problems.push(format!("{at}: unknown key `{key}`"));
        }
    }
}

fn string<'a>(table: &'a Table, key: &str, at: &str, required: bool, problems: &mut Vec<String>) -> Option<&'a str> {
    match table.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(_) => {
            problems.push(format!("{at}: `{key}` must be a non-empty string"));
            None
        }
        None => {
            if required {
                problems.push(format!("{at}: `{key}` missing"));
            }
            None
        }
    }
}

fn web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(char::is_whitespace)
}

/// Abstract and bio shapes: a non-empty string, or a list of non-empty strings.
fn text(table: &Table, key: &str, at: &str, problems: &mut Vec<String>) {
    match table.get(key) {
        None => {}
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(Value::Array(items))
            if !items.is_empty() && items.iter().all(|i| i.as_str().is_some_and(|s| !s.trim().is_empty())) => {}
        Some(_) => problems.push(format!("{at}: `{key}` must be a non-empty string or list of non-empty strings")),
    }
}

/// A date-time with a date and a time; whether it is local (no offset).
fn date_time(table: &Table, key: &str, at: &str, problems: &mut Vec<String>) -> Option<(Datetime, bool)> {
    match table.get(key)? {
        Value::Datetime(dt) if dt.date.is_some() && dt.time.is_some() => Some((*dt, dt.offset.is_none())),
        _ => {
            problems.push(format!("{at}: `{key}` must be a date-time"));
            None
        }
    }
}

fn markup(table: &Table, at: &str, problems: &mut Vec<String>) {
    if let Some(m) = table.get("markup") {
        if !matches!(m.as_str(), Some("plain" | "markdown")) {
            problems.push(format!("{at}: `markup` must be \"plain\" or \"markdown\""));
        }
    }
}

/// The structural rules of the extended data format.
fn check(text_of_file: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let root: Table = match toml::from_str(text_of_file) {
        Ok(root) => root,
        Err(error) => return vec![format!("not TOML: {error}")],
    };
    keys(&root, &["event", "series", "tags", "talks"], "file", &mut problems);
    let mut zone = None;
    if let Some(event) = root.get("event") {
        let Some(event) = event.as_table() else { return vec!["`event` must be a table".into()] };
        keys(event, &["name", "time_zone", "url", "language", "markup"], "[event]", &mut problems);
        string(event, "name", "[event]", true, &mut problems);
        zone = string(event, "time_zone", "[event]", false, &mut problems);
        if let Some(name) = zone {
            if talk_catalog_import::time::zone(name).is_none() {
                problems.push(format!("[event]: unknown time zone {name}"));
            }
        }
        if let Some(url) = string(event, "url", "[event]", false, &mut problems) {
            if !web_url(url) {
                problems.push("[event]: url not http(s)".into());
            }
        }
        if let Some(language) = string(event, "language", "[event]", false, &mut problems) {
            if !is_bcp47(language) {
                problems.push(format!("[event]: language {language} not BCP 47"));
            }
        }
        markup(event, "[event]", &mut problems);
    }
    let mut tag_ids = HashSet::new();
    for (i, tag) in root.get("tags").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let at = format!("tags[{i}]");
        let Some(tag) = tag.as_table() else { continue };
        keys(tag, &["id", "label", "description"], &at, &mut problems);
        if let Some(id) = string(tag, "id", &at, true, &mut problems) {
            if !is_url_safe_id(id) {
                problems.push(format!("{at}: id {id} not URL-safe"));
            }
            if !tag_ids.insert(id.to_string()) {
                problems.push(format!("{at}: id {id} declared twice"));
            }
        }
        string(tag, "label", &at, true, &mut problems);
    }
    let mut talk_ids = HashSet::new();
    for (i, talk) in root.get("talks").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let Some(talk) = talk.as_table() else { continue };
        let at = format!("talks[{i}] ({})", talk.get("id").and_then(Value::as_str).unwrap_or("?"));
        keys(
            talk,
            &[
                "id", "title", "format", "tags", "abstract", "bio", "markup", "start", "end", "duration", "room",
                "track", "language", "links", "speakers", "series",
            ],
            &at,
            &mut problems,
        );
        if let Some(id) = string(talk, "id", &at, true, &mut problems) {
            if !is_url_safe_id(id) {
                problems.push(format!("{at}: id not URL-safe"));
            }
            if !talk_ids.insert(id.to_string()) {
                problems.push(format!("{at}: id used twice"));
            }
        }
        string(talk, "title", &at, true, &mut problems);
        if !matches!(talk.get("format").and_then(Value::as_str), Some("talk" | "tutorial")) {
            problems.push(format!("{at}: format must be talk or tutorial"));
        }
        for tag in talk.get("tags").and_then(Value::as_array).into_iter().flatten() {
            if !tag.as_str().is_some_and(|t| tag_ids.contains(t)) {
                problems.push(format!("{at}: tag {tag} not declared"));
            }
        }
        text(talk, "abstract", &at, &mut problems);
        text(talk, "bio", &at, &mut problems);
        markup(talk, &at, &mut problems);
        for key in ["room", "track"] {
            string(talk, key, &at, false, &mut problems);
        }
        if let Some(language) = string(talk, "language", &at, false, &mut problems) {
            if !is_bcp47(language) {
                problems.push(format!("{at}: language {language} not BCP 47"));
            }
        }
        let start = date_time(talk, "start", &at, &mut problems);
        let end = date_time(talk, "end", &at, &mut problems);
        for (dt, local) in start.iter().chain(end.iter()) {
            if *local && zone.is_none() {
                problems.push(format!("{at}: local time {dt} but no [event].time_zone"));
            }
        }
        if let (Some((s, sl)), Some((e, el))) = (start, end) {
            if sl == el && s.offset == e.offset && e.to_string() < s.to_string() {
                problems.push(format!("{at}: end before start"));
            }
        }
        if end.is_some() && start.is_none() {
            problems.push(format!("{at}: end without start"));
        }
        if let Some(duration) = talk.get("duration") {
            if end.is_some() {
                problems.push(format!("{at}: both end and duration"));
            }
            let ok = duration.as_str().and_then(|d| d.split_once(':')).is_some_and(|(h, m)| {
                !h.is_empty()
                    && h.bytes().all(|b| b.is_ascii_digit())
                    && m.len() == 2
                    && m.parse::<u32>().is_ok_and(|m| m < 60)
            });
            if !ok {
                problems.push(format!("{at}: duration must be \"H:MM\""));
            }
        }
        for (j, link) in talk.get("links").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let at = format!("{at} links[{j}]");
            let Some(link) = link.as_table() else { continue };
            keys(link, &["kind", "url", "label"], &at, &mut problems);
            if !matches!(
                link.get("kind").and_then(Value::as_str),
                Some("slides" | "video" | "recording" | "paper" | "code" | "other")
            ) {
                problems.push(format!("{at}: unknown kind"));
            }
            if !string(link, "url", &at, true, &mut problems).is_some_and(web_url) {
                problems.push(format!("{at}: url not http(s)"));
            }
            string(link, "label", &at, false, &mut problems);
        }
        let mut names = HashSet::new();
        for (j, speaker) in talk.get("speakers").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let at = format!("{at} speakers[{j}]");
            let Some(speaker) = speaker.as_table() else { continue };
            keys(speaker, &["name", "affiliation", "institutions", "url", "bio"], &at, &mut problems);
            if let Some(name) = string(speaker, "name", &at, true, &mut problems) {
                if !names.insert(name.to_string()) {
                    problems.push(format!("{at}: speaker listed twice"));
                }
            }
            string(speaker, "affiliation", &at, false, &mut problems);
            if let Some(url) = string(speaker, "url", &at, false, &mut problems) {
                if !web_url(url) {
                    problems.push(format!("{at}: url not http(s)"));
                }
            }
            text(speaker, "bio", &at, &mut problems);
        }
    }
    problems
}

#[test]
fn every_expected_file_is_a_valid_data_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected");
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            for problem in check(&text) {
                problems.push(format!("{}: {problem}", path.display()));
            }
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} expected files");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_catches_what_it_should() {
    let bad = r#"
[[tags]]
id = "a"
label = "A"

[[talks]]
id = "Not Safe"
title = "t"
format = "keynote"
tags = ["a", "b"]
start = 2024-01-01T10:00:00
duration = "90"

[[talks.links]]
kind = "blog"
url = "ftp://x"

[[talks]]
id = "Not Safe"
title = ""
format = "talk"
"#;
    let problems = check(bad);
    for expected in [
        "id not URL-safe",
        "format must be",
        "tag \"b\" not declared",
        "no [event].time_zone",
        "duration must be",
        "unknown kind",
        "url not http(s)",
        "id used twice",
        "`title` must be",
    ] {
        assert!(problems.iter().any(|p| p.contains(expected)), "{expected} not caught: {problems:#?}");
    }
}
