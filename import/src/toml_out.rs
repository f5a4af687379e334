//! Writes a [`DataFile`] as readable, deterministic TOML. Hand-written (the shape is fixed and
//! small) so the layout is ours: `[event]` first, one blank line between entries, Markdown as
//! multi-line strings.

use crate::model::{DataFile, End, Format, Link, Speaker, Start, Talk, Text};
use std::fmt::Write;

/// A TOML basic string, `"…"`, with every character TOML forbids there escaped.
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape(text, false, &mut out);
    out.push('"');
    out
}

/// `text` as the inside of a basic string (`multiline`: of a `"""` one, where newlines and tabs
/// stand as they are).
fn escape(text: &str, multiline: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' if multiline => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if is_control(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
}

/// What TOML allows in no string unescaped (tab aside, which basic strings may hold).
fn is_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// A multi-line string for Markdown: `'''…'''` (literal, verbatim) when the text allows, else
/// `"""…"""` with escapes. The opening delimiter is followed by a newline, which TOML trims.
pub fn multiline_string(text: &str) -> String {
    let literal_ok = !text.contains("'''")
        && !text.ends_with('\'')
        && !text.chars().any(|c| c != '\n' && (is_control(c) || c == '\r'));
    if literal_ok {
        return format!("'''\n{text}'''");
    }
    let mut out = String::from("\"\"\"\n");
    escape(text, true, &mut out);
    out.push_str("\"\"\"");
    out
}

fn string_list(items: &[String]) -> String {
    let one_line = items.iter().map(|item| basic_string(item)).collect::<Vec<_>>().join(", ");
    if items.len() <= 1 || one_line.len() <= 80 {
        format!("[{one_line}]")
    } else {
        let mut out = String::from("[\n");
        for item in items {
            let _ = writeln!(out, "  {},", basic_string(item));
        }
        out.push(']');
        out
    }
}

fn text_value(text: &Text) -> String {
    match text {
        Text::Paragraphs(paragraphs) => string_list(paragraphs),
        Text::Markdown(markdown) if !markdown.contains('\n') => basic_string(markdown),
        Text::Markdown(markdown) => multiline_string(markdown),
    }
}

fn date_time(start: &Start) -> String {
    match start {
        Start::Local(dt) => civil(dt),
        Start::Offset(dt, 0) => format!("{}Z", civil(dt)),
        Start::Offset(dt, minutes) => {
            let sign = if *minutes < 0 { '-' } else { '+' };
            let m = minutes.unsigned_abs();
            format!("{}{sign}{:02}:{:02}", civil(dt), m / 60, m % 60)
        }
    }
}

fn civil(dt: &jiff::civil::DateTime) -> String {
    format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", dt.year(), dt.month(), dt.day(), dt.hour(), dt.minute(), dt.second())
}

/// `"H:MM"`.
pub fn duration(minutes: i64) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// The data file as TOML.
pub fn write(file: &DataFile) -> String {
    let mut out = String::new();
    let entry = |out: &mut String| {
        if !out.is_empty() {
            out.push('\n');
        }
    };
    if let Some(event) = &file.event {
        entry(&mut out);
        out.push_str("[event]\n");
        let _ = writeln!(out, "name = {}", basic_string(&event.name));
        if let Some(zone) = &event.time_zone {
            let _ = writeln!(out, "time_zone = {}", basic_string(zone));
        }
        if let Some(url) = &event.url {
            let _ = writeln!(out, "url = {}", basic_string(url));
        }
        if let Some(language) = &event.language {
            let _ = writeln!(out, "language = {}", basic_string(language));
        }
        if let Some(markup) = event.markup {
            let _ = writeln!(out, "markup = {}", basic_string(markup.name()));
        }
    }
    for tag in &file.tags {
        entry(&mut out);
        out.push_str("[[tags]]\n");
        let _ = writeln!(out, "id = {}", basic_string(&tag.id));
        let _ = writeln!(out, "label = {}", basic_string(&tag.label));
    }
    for talk in &file.talks {
        entry(&mut out);
        write_talk(&mut out, talk);
    }
    out
}

fn write_talk(out: &mut String, talk: &Talk) {
    out.push_str("[[talks]]\n");
    let _ = writeln!(out, "id = {}", basic_string(&talk.id));
    let _ = writeln!(out, "title = {}", basic_string(&talk.title));
    let format = match talk.format {
        Format::Talk => "talk",
        Format::Tutorial => "tutorial",
    };
    let _ = writeln!(out, "format = {}", basic_string(format));
    if !talk.tags.is_empty() {
        let _ = writeln!(out, "tags = {}", string_list(&talk.tags));
    }
    if let Some(track) = &talk.track {
        let _ = writeln!(out, "track = {}", basic_string(track));
    }
    if let Some(language) = &talk.language {
        let _ = writeln!(out, "language = {}", basic_string(language));
    }
    if let Some(start) = &talk.start {
        let _ = writeln!(out, "start = {}", date_time(start));
    }
    match &talk.end {
        Some(End::At(end)) => {
            let _ = writeln!(out, "end = {}", date_time(end));
        }
        Some(End::Minutes(minutes)) => {
            let _ = writeln!(out, "duration = {}", basic_string(&duration(*minutes)));
        }
        None => {}
    }
    if let Some(room) = &talk.room {
        let _ = writeln!(out, "room = {}", basic_string(room));
    }
    if let Some(markup) = talk.markup {
        let _ = writeln!(out, "markup = {}", basic_string(markup.name()));
    }
    // The data format asks for an abstract and speakers; an empty list says the source had none.
    match &talk.abstract_text {
        Some(text) => {
            let _ = writeln!(out, "abstract = {}", text_value(text));
        }
        None => out.push_str("abstract = []  # none in the source\n"),
    }
    if talk.speakers.is_empty() {
        out.push_str("speakers = []  # none in the source\n");
    }
    for link in &talk.links {
        write_link(out, link);
    }
    for speaker in &talk.speakers {
        write_speaker(out, speaker);
    }
}

fn write_link(out: &mut String, link: &Link) {
    out.push_str("\n[[talks.links]]\n");
    let _ = writeln!(out, "kind = {}", basic_string(link.kind.id()));
    let _ = writeln!(out, "url = {}", basic_string(&link.url));
    if let Some(label) = &link.label {
        let _ = writeln!(out, "label = {}", basic_string(label));
    }
}

fn write_speaker(out: &mut String, speaker: &Speaker) {
    out.push_str("\n[[talks.speakers]]\n");
    let _ = writeln!(out, "name = {}", basic_string(&speaker.name));
    if let Some(affiliation) = &speaker.affiliation {
        let _ = writeln!(out, "affiliation = {}", basic_string(affiliation));
    }
    if let Some(url) = &speaker.url {
        let _ = writeln!(out, "url = {}", basic_string(url));
    }
    if let Some(bio) = &speaker.bio {
        let _ = writeln!(out, "bio = {}", text_value(bio));
    }
}
