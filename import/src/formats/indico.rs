//! Indico's event export (`/export/event/{id}.json?detail=contributions`): `results[0]` is the
//! event, `contributions[]` its talks.

use super::{array, id, raw_text, string};
use crate::model::{guess_link_kind, End, Event, LinkKind, Markup, Speaker};
use crate::{format_of, is_break, text, time, Builder, Draft, ImportError, Options};
use serde_json::Value;

pub fn read(json: &Value, options: &Options, builder: &mut Builder) -> Result<Option<Event>, ImportError> {
    let results = json
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| ImportError("not an Indico export: no \"results\" list".into()))?;
    let Some(event) = results.first().filter(|e| e.is_object()) else {
        return Err(ImportError("not an Indico export: \"results\" is empty (is the event id right?)".into()));
    };
    if results.len() > 1 {
        builder.warn_file(format!(
            "the export has {} events: only the first, {:?}, imported",
            results.len(),
            string(event.get("title")).unwrap_or_default()
        ));
    }
    let contributions = event.get("contributions").and_then(Value::as_array).ok_or_else(|| {
        ImportError("an Indico export without contributions: export with ?detail=contributions".into())
    })?;
    // Indico's descriptions are HTML (its editor) or plain text.
    builder.markup = Markup::Plain;
    let zone_name = options.time_zone.clone().or_else(|| string(event.get("timezone")));
    let zone = zone_name.as_deref().and_then(time::zone);
    if let (Some(name), None) = (&zone_name, &zone) {
        builder.warn_file(format!("time zone \"{name}\" is not an IANA zone: times written in UTC"));
    }
    let zone_name = if zone.is_some() { zone_name } else { None };
    let event_zone = zone.clone().unwrap_or(jiff::tz::TimeZone::UTC);

    for contribution in contributions {
        let source_id =
            id(contribution.get("friendly_id")).or_else(|| id(contribution.get("id"))).unwrap_or_else(|| "?".into());
        let Some(title) = string(contribution.get("title")) else {
            builder.warn_file(format!("contribution {source_id}: no title: skipped"));
            builder.skip(&format!("(contribution {source_id} without title)"));
            continue;
        };
        let kind =
            string(contribution.get("type")).or_else(|| contribution.get("type").and_then(|t| string(t.get("name"))));
        if kind.as_deref().is_some_and(is_break) {
            builder.skip(&title);
            continue;
        }
        let mut draft = Draft::new(title.clone(), &format!("contribution {source_id}"));
        let title = draft.who.clone();
        if let Some(kind) = kind {
            if let Some(format) = format_of(&kind) {
                draft.format = format;
            }
            draft.tags.push(kind);
        }
        draft.abstract_text = builder.text(&title, "abstract", raw_text(contribution.get("description")).as_deref());
        draft.track = string(contribution.get("track"))
            .or_else(|| contribution.get("track").and_then(|t| string(t.get("title"))));
        draft.room = string(contribution.get("roomFullname"))
            .or_else(|| string(contribution.get("room")))
            .or_else(|| string(contribution.get("location")));
        for keyword in array(contribution.get("keywords")) {
            if let Some(keyword) = string(Some(keyword)) {
                if !draft.tags.contains(&keyword) {
                    draft.tags.push(keyword);
                }
            }
        }
        draft.language = builder.language(&title, string(contribution.get("language")).as_deref());

        let start = when(builder, &title, "startDate", contribution.get("startDate"), &event_zone);
        if let Some(instant) = start {
            draft.instant = Some(instant);
            draft.start = Some(time::local_in(instant, &event_zone));
            match when(builder, &title, "endDate", contribution.get("endDate"), &event_zone) {
                Some(end) if end >= instant => draft.end = Some(End::At(time::local_in(end, &event_zone))),
                Some(_) => builder.warn(&title, "endDate before startDate: end omitted"),
                None => {
                    if let Some(minutes) = duration(contribution.get("duration")) {
                        draft.end = Some(End::Minutes(minutes));
                    }
                }
            }
        }

        if let Some(url) = string(contribution.get("url")) {
            builder.link(&mut draft, LinkKind::Other, &url, Some("Indico"), None);
        }
        attachments(builder, &mut draft, contribution);

        let speakers = array(contribution.get("speakers"));
        let people = if speakers.is_empty() { array(contribution.get("primaryauthors")) } else { speakers };
        for person in people {
            read_person(person, &mut draft, builder);
        }
        builder.drafts.push(draft);
    }
    Ok(Some(Event {
        name: string(event.get("title")).unwrap_or_default(),
        time_zone: zone_name.or_else(|| Some("UTC".into())),
        url: string(event.get("url")).filter(|u| text::is_web_url(u, false)),
        language: None,
        markup: None,
    }))
}

/// `{"date": "2024-03-15", "time": "14:00:00", "tz": "Europe/Zurich"}` as an instant.
fn when(
    builder: &mut Builder,
    title: &str,
    field: &str,
    value: Option<&Value>,
    event_zone: &jiff::tz::TimeZone,
) -> Option<jiff::Timestamp> {
    let value = value.filter(|v| !v.is_null())?;
    let date = string(value.get("date"));
    let clock = string(value.get("time")).unwrap_or_else(|| "00:00:00".into());
    let parsed = date.as_deref().and_then(|d| time::parse(&format!("{d}T{clock}")));
    let Some(written) = parsed else {
        builder.warn(title, format!("{field} unreadable: omitted"));
        return None;
    };
    let zone = match string(value.get("tz")) {
        Some(name) => match time::zone(&name) {
            Some(zone) => zone,
            None => {
                builder.warn(title, format!("{field}: time zone \"{name}\" unknown: read in the event's"));
                event_zone.clone()
            }
        },
        None => event_zone.clone(),
    };
    time::place(written, Some(&zone)).map(|placed| placed.instant)
}

/// Indico durations are minutes (a number), sometimes "H:MM".
fn duration(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_f64().filter(|m| *m > 0.0 && *m < 100_000.0).map(|m| m.round() as i64),
        Value::String(s) => time::parse_duration(s).filter(|m| *m > 0),
        _ => None,
    }
}

fn attachments(builder: &mut Builder, draft: &mut Draft, contribution: &Value) {
    for folder in array(contribution.get("folders")).iter().chain(array(contribution.get("material"))) {
        let folder_title = string(folder.get("title")).unwrap_or_default();
        for file in array(folder.get("attachments")).iter().chain(array(folder.get("resources"))) {
            let url = string(file.get("download_url"))
                .or_else(|| string(file.get("link_url")))
                .or_else(|| string(file.get("url")))
                .unwrap_or_default();
            let label = string(file.get("title")).or_else(|| string(file.get("name")));
            let hint = format!("{folder_title} {}", label.clone().unwrap_or_default());
            let kind = guess_link_kind(&hint, &url);
            if url.is_empty() {
                builder.warn(&draft.who, "an attachment without URL dropped");
                continue;
            }
            builder.link(draft, kind, &url, label.as_deref(), None);
        }
    }
}

fn read_person(person: &Value, draft: &mut Draft, builder: &mut Builder) {
    let first = string(person.get("first_name"));
    let last = string(person.get("last_name"));
    let name = match (first, last) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => string(person.get("fullName")).or_else(|| string(person.get("name"))).map(|full| {
            // "Last, First" -> "First Last"
            match full.split_once(", ") {
                Some((last, first)) if !first.contains(',') => format!("{first} {last}"),
                _ => full,
            }
        }),
    };
    let Some(name) = name else {
        builder.warn(&draft.who, "a person without a name dropped");
        return;
    };
    let affiliation = string(person.get("affiliation"));
    builder.speaker(draft, Speaker { name, affiliation, url: None, bio: None });
}
