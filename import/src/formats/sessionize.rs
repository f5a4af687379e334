//! Sessionize API v2 "All" view (`/api/v2/{id}/view/All`): sessions, speakers, categories,
//! rooms and questions, joined by ids (numbers in some places, strings in others).

use super::{array, id, raw_text, string, truthy};
use crate::model::{End, Event, LinkKind, Markup, Speaker, Start};
use crate::{format_of, time, Builder, Draft, ImportError, Options};
use serde_json::Value;
use std::collections::HashMap;

pub fn read(json: &Value, options: &Options, builder: &mut Builder) -> Result<Option<Event>, ImportError> {
    if json.is_array() {
        return Err(ImportError(
            "this JSON is a list: Sessionize's \"Sessions\" or \"Speakers\" view? Export the \"All\" view \
             (/api/v2/{id}/view/All)"
                .into(),
        ));
    }
    let Some(sessions) = json.get("sessions").and_then(Value::as_array) else {
        return Err(ImportError("not a Sessionize \"All\" export: no \"sessions\" list".into()));
    };
    builder.markup = Markup::Plain;
    // Sessionize has no time zone: its times are the event's local times (a few exports add Z).
    let zone_name = match options.time_zone.clone() {
        Some(name) => name,
        None => {
            builder.warn_file("Sessionize exports have no time zone: times read as UTC (pass --time-zone ZONE)");
            "UTC".to_string()
        }
    };
    let zone = time::zone(&zone_name)
        .ok_or_else(|| ImportError(format!("--time-zone \"{zone_name}\" is not an IANA time zone")))?;
    // Without an event name there is no [event] table, so no zone: write offsets.
    let local = options.event_name.is_some();

    let rooms: HashMap<String, String> = array(json.get("rooms"))
        .iter()
        .filter_map(|room| Some((id(room.get("id"))?, string(room.get("name"))?)))
        .collect();
    let questions: HashMap<String, String> = array(json.get("questions"))
        .iter()
        .filter_map(|q| Some((id(q.get("id"))?, string(q.get("question")).unwrap_or_default())))
        .collect();
    // Category items: id -> (category title, item name).
    let mut items: HashMap<String, (String, String)> = HashMap::new();
    for category in array(json.get("categories")) {
        let title = string(category.get("title")).unwrap_or_default();
        for item in array(category.get("items")) {
            if let (Some(item_id), Some(name)) = (id(item.get("id")), string(item.get("name"))) {
                items.insert(item_id, (title.clone(), name));
            }
        }
    }
    let speakers: HashMap<String, &Value> =
        array(json.get("speakers")).iter().filter_map(|s| Some((id(s.get("id"))?, s))).collect();

    for session in sessions {
        let source_id = id(session.get("id")).unwrap_or_else(|| "?".into());
        let Some(title) = string(session.get("title")) else {
            builder.warn_file(format!("session {source_id}: no title: skipped"));
            builder.skip(&format!("(session {source_id} without title)"));
            continue;
        };
        if truthy(session.get("isServiceSession")) {
            builder.skip(&title);
            continue;
        }
        let mut draft = Draft::new(title.clone(), &format!("session {source_id}"));
        let title = draft.who.clone();
        draft.abstract_text = builder.text(&title, "abstract", raw_text(session.get("description")).as_deref());
        draft.room = id(session.get("roomId"))
            .and_then(|room| rooms.get(&room).cloned())
            .or_else(|| string(session.get("room")));

        let start = read_time(builder, &title, "startsAt", session.get("startsAt"), &zone, local);
        let end = read_time(builder, &title, "endsAt", session.get("endsAt"), &zone, local);
        if let Some((instant, start)) = start {
            draft.instant = Some(instant);
            draft.start = Some(start);
            draft.end = end.map(|(_, end)| End::At(end));
        }

        for item in array(session.get("categoryItems")) {
            let Some(item_id) = id(Some(item)) else { continue };
            let Some((category, name)) = items.get(&item_id) else {
                builder.warn(&title, format!("category item {item_id} is not in the export's categories: dropped"));
                continue;
            };
            let category = category.to_lowercase();
            if category.contains("track") && draft.track.is_none() {
                draft.track = Some(name.clone());
            } else if category.contains("language") && draft.language.is_none() {
                match crate::slug::language_tag(name) {
                    Some(tag) => draft.language = Some(tag),
                    None => draft.tags.push(name.clone()),
                }
            } else {
                if format_of(name).is_some() {
                    draft.format = crate::model::Format::Tutorial;
                }
                if !draft.tags.contains(name) {
                    draft.tags.push(name.clone());
                }
            }
        }
        if let Some(url) = string(session.get("liveUrl")) {
            builder.link(&mut draft, LinkKind::Video, &url, Some("Live stream"), None);
        }
        if let Some(url) = string(session.get("recordingUrl")) {
            builder.link(&mut draft, LinkKind::Recording, &url, Some("Recording"), None);
        }
        for answer in array(session.get("questionAnswers")) {
            let question_id = id(answer.get("questionId")).unwrap_or_default();
            let question = questions.get(&question_id).cloned().unwrap_or_default();
            if let Some(field) = builder.question(&[&question_id, &question]) {
                let value = string(answer.get("answerValue")).unwrap_or_default();
                builder.answer(&mut draft, field, &value);
            }
        }

        for speaker_ref in array(session.get("speakers")) {
            // A speaker id, or (in the "Sessions" view) an object with id and name.
            let speaker_id = id(Some(speaker_ref)).or_else(|| id(speaker_ref.get("id"))).unwrap_or_default();
            let Some(person) = speakers.get(&speaker_id) else {
                let name = string(speaker_ref.get("name"));
                match name {
                    Some(name) => builder.speaker(&mut draft, Speaker { name, ..Speaker::default() }),
                    None => {
                        builder.warn(&title, format!("speaker {speaker_id} is not in the export's speakers: dropped"))
                    }
                }
                continue;
            };
            read_speaker(person, &questions, &mut draft, builder);
        }
        builder.drafts.push(draft);
    }
    let event = options.event_name.as_ref().map(|name| Event {
        name: name.clone(),
        time_zone: Some(zone_name.clone()),
        url: None,
        language: None,
        markup: None,
    });
    if event.is_none() {
        builder.warn_file("Sessionize exports have no event name: [event] omitted, times written with offsets (pass --event-name NAME)");
    }
    Ok(event)
}

/// A Sessionize time: local in `zone` when it has no offset; an instant with one.
fn read_time(
    builder: &mut Builder,
    title: &str,
    field: &str,
    value: Option<&Value>,
    zone: &jiff::tz::TimeZone,
    local: bool,
) -> Option<(jiff::Timestamp, Start)> {
    let raw = string(value)?;
    let Some(written) = time::parse(&raw) else {
        builder.warn(title, format!("{field} \"{raw}\" is not a date-time: omitted"));
        return None;
    };
    let placed = time::place(written, Some(zone))?;
    let start = if local {
        time::local_in(placed.instant, zone)
    } else {
        let local = time::local_in(placed.instant, zone);
        match local {
            Start::Local(dt) => Start::Offset(dt, time::offset_minutes(placed.instant, zone)),
            other => other,
        }
    };
    Some((placed.instant, start))
}

fn read_speaker(person: &Value, questions: &HashMap<String, String>, draft: &mut Draft, builder: &mut Builder) {
    let title = draft.who.clone();
    let name = string(person.get("fullName")).or_else(|| {
        let parts: Vec<String> =
            [string(person.get("firstName")), string(person.get("lastName"))].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    let Some(name) = name else {
        builder.warn(&title, "a speaker without a name dropped");
        return;
    };
    let mut speaker = Speaker { name: name.clone(), ..Speaker::default() };
    speaker.bio = builder.text(&title, &format!("bio of \"{name}\""), raw_text(person.get("bio")).as_deref());
    // A personal page: their blog or company site, else the first link they gave.
    let links = array(person.get("links"));
    let preferred = links
        .iter()
        .find(|l| matches!(string(l.get("linkType")).as_deref(), Some("Blog" | "Company_Website")))
        .or_else(|| links.first());
    if let Some(link) = preferred {
        speaker.url = builder.speaker_url(&title, &name, string(link.get("url")).as_deref());
    }
    for answer in array(person.get("questionAnswers")) {
        let question_id = id(answer.get("questionId")).unwrap_or_default();
        let question = questions.get(&question_id).cloned().unwrap_or_default();
        if let Some(field) = builder.question(&[&question_id, &question]) {
            let value = string(answer.get("answerValue")).unwrap_or_default();
            builder.speaker_answer(draft, &mut speaker, field, &value);
        }
    }
    builder.speaker(draft, speaker);
}
