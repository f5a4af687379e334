//! frab / pentabarf / pretalx `schedule.xml`. The XML carries the same schedule as
//! `schedule.json` (the c3voc XSD and JSON schema match field for field), so it is read into the
//! JSON shape and imported by the pretalx importer: one set of rules for both.

use crate::model::Event;
use crate::{Builder, ImportError, Options};
use roxmltree::{Document, Node};
use serde_json::{json, Map, Value};

pub fn read(text: &str, options: &Options, builder: &mut Builder) -> Result<Option<Event>, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    let doc = Document::parse_with_options(text, super::xml_options()).map_err(|error| {
        ImportError(format!("the input is not well-formed XML ({error}), so not a frab schedule.xml"))
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "schedule" {
        return Err(ImportError(format!(
            "not a frab schedule.xml: the root element is <{}>, not <schedule>",
            root.tag_name().name()
        )));
    }
    let conference_node = child(root, "conference")
        .ok_or_else(|| ImportError("not a frab schedule.xml: no <conference> element".into()))?;
    let mut conference = Map::new();
    for name in ["title", "acronym", "time_zone_name", "url", "base_url"] {
        if let Some(value) = child_text(conference_node, name) {
            conference.insert(name.into(), Value::String(value));
        }
    }
    let mut days = Vec::new();
    for day in children(root, "day") {
        let mut rooms = Map::new();
        for room in children(day, "room") {
            let name = room.attribute("name").unwrap_or("").to_string();
            let events: Vec<Value> = children(room, "event").map(event).collect();
            match rooms.get_mut(&name) {
                Some(Value::Array(list)) => list.extend(events),
                _ => {
                    rooms.insert(name, Value::Array(events));
                }
            }
        }
        days.push(json!({
            "date": day.attribute("date"),
            "day_start": day.attribute("start"),
            "rooms": rooms,
        }));
    }
    conference.insert("days".into(), Value::Array(days));
    let base_url = child_text(conference_node, "base_url");
    let schedule = json!({ "schedule": { "base_url": base_url, "conference": conference } });
    super::pretalx::read(&schedule, options, builder)
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| c.is_element() && c.tag_name().name() == name)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    children(node, name).next()
}

/// The text of an element (all its text nodes: CDATA included).
fn text_of(node: Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
}

fn child_text(node: Node<'_, '_>, name: &'static str) -> Option<String> {
    child(node, name).map(text_of).filter(|t| !t.trim().is_empty())
}

fn event(node: Node<'_, '_>) -> Value {
    let mut event = Map::new();
    for (name, value) in [("id", node.attribute("id")), ("guid", node.attribute("guid"))] {
        if let Some(value) = value {
            event.insert(name.into(), Value::String(value.into()));
        }
    }
    for name in [
        "date",
        "start",
        "duration",
        "room",
        "slug",
        "url",
        "title",
        "subtitle",
        "track",
        "type",
        "language",
        "abstract",
        "description",
    ] {
        if let Some(value) = child_text(node, name) {
            event.insert(name.into(), Value::String(value));
        }
    }
    let persons: Vec<Value> = child(node, "persons")
        .into_iter()
        .flat_map(|p| children(p, "person"))
        .map(|p| json!({ "id": p.attribute("id"), "public_name": text_of(p) }))
        .collect();
    event.insert("persons".into(), Value::Array(persons));
    let reference = |n: Node<'_, '_>| json!({ "url": n.attribute("href").unwrap_or(""), "title": text_of(n), "type": n.attribute("type") });
    let mut links: Vec<Value> =
        child(node, "links").into_iter().flat_map(|l| children(l, "link")).map(reference).collect();
    if let Some(recording) = child(node, "recording") {
        for name in ["url", "link"] {
            if let Some(url) = child_text(recording, name) {
                links.push(json!({ "url": url, "title": "Recording", "type": "recording" }));
            }
        }
    }
    if let Some(url) = child_text(node, "video_download_url") {
        links.push(json!({ "url": url, "title": "Recording", "type": "recording" }));
    }
    event.insert("links".into(), Value::Array(links));
    let attachments: Vec<Value> =
        child(node, "attachments").into_iter().flat_map(|a| children(a, "attachment")).map(reference).collect();
    event.insert("attachments".into(), Value::Array(attachments));
    Value::Object(event)
}
