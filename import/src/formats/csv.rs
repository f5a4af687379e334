//! A spreadsheet export with a header row. The default columns are named like our fields
//! (case-insensitive); `--column our_field="Their Header"` maps others.

use crate::model::{End, Event, Format, LinkKind, Markup, Speaker, Start};
use crate::{format_of, is_break, text, time, Builder, Draft, ImportError, Options};
use std::collections::HashMap;

/// Our fields, each with the headers read as it by default.
pub const COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "slug"]),
    ("title", &["title", "talk title", "session title"]),
    ("format", &["format", "type", "session type"]),
    ("speakers", &["speakers", "speaker", "speaker name", "speaker names"]),
    ("affiliation", &["affiliation", "affiliations", "institution", "organization", "company"]),
    ("abstract", &["abstract", "description", "summary"]),
    ("bio", &["bio", "bios", "biography"]),
    ("date", &["date", "day"]),
    ("start", &["start", "start time", "starts at", "begin"]),
    ("end", &["end", "end time", "ends at"]),
    ("duration", &["duration", "length"]),
    ("room", &["room", "location", "venue"]),
    ("track", &["track"]),
    ("tags", &["tags", "keywords", "topics"]),
    ("language", &["language", "lang"]),
    ("slides", &["slides"]),
    ("video", &["video"]),
    ("recording", &["recording"]),
    ("paper", &["paper"]),
    ("code", &["code", "repository"]),
    ("url", &["url", "link", "page"]),
];

fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let candidates = [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))];
    candidates.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map_or(b',', |(d, _)| *d)
}

fn headers(text: &str) -> Option<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().ok()?;
    Some(headers.iter().map(|h| h.trim().to_string()).collect())
}

/// A header row with a title column.
pub fn looks_like(text: &str) -> bool {
    headers(text).is_some_and(|headers| {
        headers.len() >= 2 && headers.iter().any(|h| COLUMNS[1].1.contains(&h.to_lowercase().as_str()))
    })
}

pub fn read(text: &str, options: &Options, builder: &mut Builder) -> Result<Option<Event>, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let headers = headers(text).ok_or_else(|| ImportError("not CSV: no header row could be read".into()))?;
    // Our field -> column index.
    let mut columns: HashMap<&str, usize> = HashMap::new();
    for (field, names) in COLUMNS {
        if let Some(index) = headers.iter().position(|h| names.contains(&h.to_lowercase().as_str())) {
            columns.insert(field, index);
        }
    }
    for (field, header) in &options.columns {
        let Some((ours, _)) = COLUMNS.iter().find(|(f, _)| f == field) else {
            return Err(ImportError(format!(
                "--column {field}=…: no such field (fields: {})",
                COLUMNS.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
            )));
        };
        let Some(index) = headers.iter().position(|h| h.trim().eq_ignore_ascii_case(header.trim())) else {
            return Err(ImportError(format!("--column {field}=\"{header}\": the CSV has no such column")));
        };
        columns.insert(ours, index);
    }
    if !columns.contains_key("title") {
        return Err(ImportError(format!(
            "not a talk CSV: no title column among the headers {headers:?} (map one with --column title=\"Header\")"
        )));
    }
    builder.markup = if options.markdown { Markup::Markdown } else { Markup::Plain };
    let zone_name = options.time_zone.clone();
    let zone = match &zone_name {
        Some(name) => Some(
            time::zone(name).ok_or_else(|| ImportError(format!("--time-zone \"{name}\" is not an IANA time zone")))?,
        ),
        None => None,
    };
    let local = options.event_name.is_some();
    let mut warned_zone = false;

    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter(text)).flexible(true).from_reader(text.as_bytes());
    for (row, record) in reader.records().enumerate() {
        let line = row + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                builder.warn_file(format!("row {line}: unreadable ({error}): skipped"));
                builder.skip(&format!("(row {line})"));
                continue;
            }
        };
        let get = |field: &str| {
            columns.get(field).and_then(|&i| record.get(i)).map(str::to_string).filter(|v| !v.trim().is_empty())
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let Some(title) = get("title").as_deref().and_then(text::line) else {
            builder.warn_file(format!("row {line}: no title: skipped"));
            builder.skip(&format!("(row {line} without title)"));
            continue;
        };
        let kind = get("format").unwrap_or_default();
        if is_break(&kind) {
            builder.skip(&title);
            continue;
        }
        let mut draft = Draft::new(title.clone(), &format!("row {line}"));
        let title = draft.who.clone();
        draft.slug = get("id").map(|id| id.trim().to_string());
        if format_of(&kind).is_some() {
            draft.format = Format::Tutorial;
        } else if !kind.trim().is_empty() && !matches!(kind.trim().to_lowercase().as_str(), "talk" | "tutorial") {
            draft.tags.push(kind.trim().to_string());
        }
        draft.abstract_text = builder.text(&title, "abstract", get("abstract").as_deref());
        draft.room = get("room").as_deref().and_then(text::line);
        draft.track = get("track").as_deref().and_then(text::line);
        draft.language = builder.language(&title, get("language").as_deref());
        for tag in split(&get("tags").unwrap_or_default(), &[';', '|', ',']) {
            if !draft.tags.contains(&tag) {
                draft.tags.push(tag);
            }
        }
        for (field, kind) in [
            ("slides", LinkKind::Slides),
            ("video", LinkKind::Video),
            ("recording", LinkKind::Recording),
            ("paper", LinkKind::Paper),
            ("code", LinkKind::Code),
            ("url", LinkKind::Other),
        ] {
            for url in split(&get(field).unwrap_or_default(), &[' ', '|', ';']) {
                builder.link(&mut draft, kind, &url, None, None);
            }
        }

        // When.
        let date = get("date");
        let start = get("start");
        if date.is_some() || start.is_some() {
            if zone.is_none() && !warned_zone {
                builder.warn_file("the CSV has times but no --time-zone: times read as UTC");
                warned_zone = true;
            }
            let tz = zone.clone().unwrap_or(jiff::tz::TimeZone::UTC);
            match when(date.as_deref(), start.as_deref()) {
                Some(written) => {
                    if let Some(placed) = time::place(written, Some(&tz)) {
                        draft.instant = Some(placed.instant);
                        draft.start = Some(write_time(placed.instant, &tz, local));
                        let end = get("end").and_then(|end| {
                            let parsed = when(date.as_deref().or(Some(&written.civil.date().to_string())), Some(&end));
                            if parsed.is_none() {
                                builder.warn(&title, format!("end \"{end}\" unreadable: omitted"));
                            }
                            parsed
                        });
                        if let Some(end) = end.and_then(|end| time::place(end, Some(&tz))) {
                            if end.instant < placed.instant {
                                builder.warn(&title, "end before start: end omitted");
                            } else {
                                draft.end = Some(End::At(write_time(end.instant, &tz, local)));
                            }
                        } else if let Some(duration) = get("duration") {
                            match time::parse_duration(&duration) {
                                Some(minutes) => draft.end = Some(End::Minutes(minutes)),
                                None => builder.warn(&title, format!("duration \"{duration}\" unreadable: omitted")),
                            }
                        }
                    }
                }
                None => builder.warn(
                    &title,
                    format!(
                        "date/start \"{} {}\" unreadable (write 2024-03-15 and 14:00): omitted",
                        date.unwrap_or_default(),
                        start.unwrap_or_default()
                    ),
                ),
            }
        }

        // Who: speakers and affiliations separated by ; or |, aligned by position.
        let names = split(&get("speakers").unwrap_or_default(), &[';', '|']);
        let affiliations = split_keep_empty(&get("affiliation").unwrap_or_default());
        let bio = get("bio");
        let bios: Vec<String> = match &bio {
            Some(bio) if names.len() > 1 && bio.split('|').count() == names.len() => {
                bio.split('|').map(|b| b.trim().to_string()).collect()
            }
            Some(bio) => {
                if names.len() > 1 {
                    builder.warn(&title, "one bio for several speakers: given to the first (separate bios with |)");
                }
                vec![bio.clone()]
            }
            None => Vec::new(),
        };
        if affiliations.len() > 1 && affiliations.len() != names.len() {
            builder.warn(
                &title,
                format!("{} speakers but {} affiliations: matched by position", names.len(), affiliations.len()),
            );
        }
        for (index, name) in names.iter().enumerate() {
            let affiliation = if affiliations.len() == 1 { affiliations.first() } else { affiliations.get(index) };
            let bio_text = bios.get(index).cloned();
            let bio = builder.text(&title, &format!("bio of \"{name}\""), bio_text.as_deref());
            let speaker =
                Speaker { name: name.clone(), affiliation: affiliation.and_then(|a| text::line(a)), url: None, bio };
            builder.speaker(&mut draft, speaker);
        }
        if names.is_empty() && (get("affiliation").is_some() || bio.is_some()) {
            builder.warn(&title, "affiliation or bio without a speaker name: dropped");
        }
        builder.drafts.push(draft);
    }
    Ok(zone_name
        .map(|name| Event { name: String::new(), time_zone: Some(name), url: None, language: None, markup: None })
        .or_else(|| {
            options.event_name.as_ref().map(|_| Event {
                name: String::new(),
                time_zone: Some("UTC".into()),
                ..Event::default()
            })
        }))
}

fn write_time(instant: jiff::Timestamp, zone: &jiff::tz::TimeZone, local: bool) -> Start {
    match time::local_in(instant, zone) {
        Start::Local(dt) if !local => Start::Offset(dt, time::offset_minutes(instant, zone)),
        other => other,
    }
}

/// A date (`2024-03-15` or `15.03.2024`) and a time (`14:00`), or one full date-time in either.
fn when(date: Option<&str>, start: Option<&str>) -> Option<time::Written> {
    if let Some(full) = start.and_then(time::parse).or_else(|| date.and_then(time::parse)) {
        return Some(full);
    }
    let date = parse_date(date?)?;
    let clock = time::parse_time(start?)?;
    Some(time::Written { civil: date.to_datetime(clock), offset: None })
}

fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let text = text.trim();
    if let Ok(date) = text.parse() {
        return Some(date);
    }
    let parts: Vec<&str> = text.split('.').collect();
    if let [d, m, y] = parts.as_slice() {
        return jiff::civil::Date::new(y.trim().parse().ok()?, m.trim().parse().ok()?, d.trim().parse().ok()?).ok();
    }
    None
}

/// Items separated by any of `separators`, trimmed, empty ones dropped.
fn split(text: &str, separators: &[char]) -> Vec<String> {
    text.split(separators).filter_map(text::line).collect()
}

/// Affiliations: separated like speakers, but an empty one keeps its position.
fn split_keep_empty(text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    text.split([';', '|']).map(|a| a.trim().to_string()).collect()
}
