//! pretalx / frab `schedule.json` (the c3voc schema): `schedule.conference.days[].rooms{}[]`.

use super::{array, id, localized, raw_text, string};
use crate::model::{guess_link_kind, End, Event, LinkKind, Markup, Speaker};
use crate::{format_of, is_break, text, time, Builder, Draft, ImportError, Options};
use serde_json::Value;

pub fn read(json: &Value, options: &Options, builder: &mut Builder) -> Result<Option<Event>, ImportError> {
    let conference =
        json.get("schedule").and_then(|s| s.get("conference")).filter(|c| c.is_object()).ok_or_else(|| {
            ImportError("not a pretalx/frab schedule.json: no \"schedule\".\"conference\" object".into())
        })?;
    // pretalx abstracts, descriptions and biographies are Markdown.
    builder.markup = Markup::Markdown;
    let base_url = string(json.get("schedule").and_then(|s| s.get("base_url")));
    let zone_name = options.time_zone.clone().or_else(|| string(conference.get("time_zone_name")));
    let zone = zone_name.as_deref().and_then(time::zone);
    if let (Some(name), None) = (&zone_name, &zone) {
        builder.warn_file(format!("time zone \"{name}\" is not an IANA zone: times keep their own offsets"));
    }
    if zone_name.is_none() {
        builder.warn_file("the schedule names no time zone (time_zone_name): times keep their own offsets");
    }
    let event_url =
        string(conference.get("url")).or_else(|| base_url.clone()).filter(|url| text::is_web_url(url, false));
    let event = Event {
        name: string(conference.get("title")).or_else(|| string(conference.get("acronym"))).unwrap_or_default(),
        time_zone: zone.as_ref().and(zone_name.clone()),
        url: event_url,
        language: None,
        markup: Some(Markup::Markdown),
    };
    let days = array(conference.get("days"));
    if days.is_empty() && conference.get("days").is_none_or(|d| !d.is_array()) {
        return Err(ImportError("not a pretalx/frab schedule.json: \"conference\" has no \"days\" list".into()));
    }
    for day in days {
        let day_date: Option<jiff::civil::Date> = string(day.get("date")).and_then(|d| d.parse().ok());
        let day_start = string(day.get("day_start")).and_then(|d| time::parse(&d));
        let Some(rooms) = day.get("rooms").and_then(Value::as_object) else { continue };
        for (room_name, events) in rooms {
            for event in array(Some(events)) {
                read_event(event, room_name, day_date, day_start, zone.as_ref(), base_url.as_deref(), builder);
            }
        }
    }
    Ok(Some(event))
}

#[allow(clippy::too_many_arguments)]
fn read_event(
    event: &Value,
    room_name: &str,
    day_date: Option<jiff::civil::Date>,
    day_start: Option<time::Written>,
    zone: Option<&jiff::tz::TimeZone>,
    base_url: Option<&str>,
    builder: &mut Builder,
) {
    if !event.is_object() {
        builder.warn_file(format!("room \"{room_name}\": an entry that is not an event object skipped"));
        return;
    }
    let source_id = id(event.get("id")).or_else(|| string(event.get("guid"))).unwrap_or_else(|| "?".into());
    let kind = string(event.get("type")).unwrap_or_default();
    let Some(title) = string(event.get("title")) else {
        builder.warn_file(format!("event {source_id}: no title: skipped"));
        builder.skip(&format!("(event {source_id} without title)"));
        return;
    };
    let persons = array(event.get("persons"));
    if is_break(&kind) || (kind.is_empty() && persons.is_empty() && is_break(&title)) {
        builder.skip(&title);
        return;
    }
    let mut draft = Draft::new(title.clone(), &format!("id {source_id}"));
    let title = draft.who.clone();
    draft.slug = string(event.get("slug"));
    if let Some(format) = format_of(&kind) {
        draft.format = format;
    }
    if !kind.is_empty() {
        draft.tags.push(kind);
    }
    draft.track = string(event.get("track")).or_else(|| event.get("track").and_then(|t| string(t.get("name"))));
    draft.language = builder.language(&title, string(event.get("language")).as_deref());
    draft.room = string(event.get("room")).or_else(|| text::line(room_name));

    // When: `date` is the real start, with offset; after midnight it is the next calendar day
    // while the event is still listed under the conference day before (pretalx's day_change).
    let written = string(event.get("date")).and_then(|d| time::parse(&d));
    let written = match written {
        Some(written) => Some(written),
        None => {
            let start = string(event.get("start")).and_then(|s| time::parse_time(&s));
            match (day_date, start) {
                (Some(date), Some(start)) => {
                    let mut date = date;
                    if day_start.is_some_and(|ds| start < ds.civil.time()) {
                        date = date.tomorrow().unwrap_or(date);
                    }
                    builder.warn(&title, "no valid `date`: start taken from the day's date and `start`");
                    Some(time::Written { civil: date.to_datetime(start), offset: day_start.and_then(|d| d.offset) })
                }
                _ => {
                    if event.get("date").is_some() || event.get("start").is_some() {
                        builder.warn(&title, "start time unreadable: `start` omitted");
                    }
                    None
                }
            }
        }
    };
    if let Some(written) = written {
        if let Some(placed) = time::place(written, zone) {
            if placed.mismatch {
                builder
                    .warn(&title, "the start's UTC offset is not the event time zone's: written with its own offset");
            }
            if let Some(date) = day_date {
                if placed_date(&placed) != date {
                    builder.warn(
                        &title,
                        format!("after midnight: listed under conference day {date}, dated {}", placed_date(&placed)),
                    );
                }
            }
            draft.instant = Some(placed.instant);
            draft.start = Some(placed.start);
        }
        if let Some(minutes) = string(event.get("duration")).and_then(|d| time::parse_duration(&d)) {
            draft.end = Some(End::Minutes(minutes));
        } else if let Some(end) =
            string(event.get("end")).and_then(|e| time::parse(&e)).and_then(|e| time::place(e, zone))
        {
            draft.end = Some(End::At(end.start));
        } else if event.get("duration").is_some() {
            builder.warn(&title, "duration unreadable: omitted");
        }
    }

    // What: subtitle, abstract and description, all Markdown.
    let mut parts = Vec::new();
    if let Some(subtitle) = string(event.get("subtitle")) {
        builder.warn(&title, "subtitle kept as the abstract's first paragraph");
        parts.push(subtitle);
    }
    parts.extend(raw_text(event.get("abstract")));
    parts.extend(raw_text(event.get("description")));
    let joined = parts.iter().map(|p| text::normalize(p).trim().to_string()).collect::<Vec<_>>().join("\n\n");
    draft.abstract_text = builder.text(&title, "abstract", Some(&joined));

    // Links: the talk's page, its links and attachments.
    if let Some(url) = string(event.get("url")) {
        builder.link(&mut draft, LinkKind::Other, &url, Some("Schedule"), base_url);
    }
    for link in array(event.get("links")).iter().chain(array(event.get("attachments"))) {
        let (url, label, hint) = match link {
            Value::String(url) => (url.clone(), None, String::new()),
            other => (
                string(other.get("url")).or_else(|| string(other.get("href"))).unwrap_or_default(),
                string(other.get("title")),
                format!(
                    "{} {}",
                    string(other.get("type")).unwrap_or_default(),
                    string(other.get("title")).unwrap_or_default()
                ),
            ),
        };
        if url.is_empty() {
            builder.warn(&title, "a link without URL dropped");
            continue;
        }
        let kind = guess_link_kind(&hint, &url);
        builder.link(&mut draft, kind, &url, label.as_deref(), base_url);
    }
    answers(builder, &mut draft, array(event.get("answers")));

    for person in persons {
        read_person(person, &mut draft, builder);
    }
    builder.drafts.push(draft);
}

fn placed_date(placed: &time::Placed) -> jiff::civil::Date {
    match &placed.start {
        crate::model::Start::Local(dt) | crate::model::Start::Offset(dt, _) => dt.date(),
    }
}

fn read_person(person: &Value, draft: &mut Draft, builder: &mut Builder) {
    let title = draft.who.clone();
    let name = match person {
        Value::String(name) => text::line(name),
        other => string(other.get("public_name")).or_else(|| string(other.get("name"))),
    };
    let Some(name) = name else {
        builder.warn(&title, "a person without a name dropped");
        return;
    };
    let mut speaker = Speaker { name: name.clone(), ..Speaker::default() };
    speaker.bio = builder.text(&title, &format!("bio of \"{name}\""), raw_text(person.get("biography")).as_deref());
    speaker.url = builder.speaker_url(&title, &name, string(person.get("url")).as_deref());
    for answer in array(person.get("answers")) {
        let Some((keys, value)) = answer_of(answer) else { continue };
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        if let Some(field) = builder.question(&keys) {
            builder.speaker_answer(draft, &mut speaker, field, &value);
        }
    }
    builder.speaker(draft, speaker);
}

fn answers(builder: &mut Builder, draft: &mut Draft, answers: &[Value]) {
    for answer in answers {
        let Some((keys, value)) = answer_of(answer) else { continue };
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        if let Some(field) = builder.question(&keys) {
            builder.answer(draft, field, &value);
        }
    }
}

/// A pretalx answer: the question's id and text (however it is given) and the answer.
fn answer_of(answer: &Value) -> Option<(Vec<String>, String)> {
    let question = answer.get("question")?;
    let mut keys = Vec::new();
    match question {
        Value::Object(_) => {
            keys.extend(id(question.get("id")));
            keys.extend(localized(question.get("question")));
        }
        other => keys.extend(localized(Some(other))),
    }
    let value = string(answer.get("answer")).or_else(|| {
        let options: Vec<String> = array(answer.get("options")).iter().filter_map(|o| localized(Some(o))).collect();
        (!options.is_empty()).then(|| options.join(", "))
    })?;
    Some((keys, value))
}
