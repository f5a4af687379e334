//! One module per source format, and the detection of the format from the content.

mod csv;
mod frab_xml;
mod indico;
mod pretalx;
mod sessionize;

use crate::model::Event;
use crate::{Builder, ImportError, Options, SourceFormat};
use serde_json::Value;

/// The format of `text`, from its content: JSON by its top-level keys, XML by its root element,
/// CSV by a header row with a title column.
pub fn detect(text: &str) -> Option<SourceFormat> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(trimmed).ok()?;
        return detect_json(&value);
    }
    if trimmed.starts_with('<') {
        let doc = roxmltree::Document::parse_with_options(trimmed, xml_options()).ok()?;
        return (doc.root_element().tag_name().name() == "schedule").then_some(SourceFormat::FrabXml);
    }
    csv::looks_like(trimmed).then_some(SourceFormat::Csv)
}

fn detect_json(value: &Value) -> Option<SourceFormat> {
    let object = value.as_object()?;
    if object.get("schedule").and_then(|s| s.get("conference")).is_some() {
        return Some(SourceFormat::Pretalx);
    }
    if object.contains_key("sessions") && (object.contains_key("speakers") || object.contains_key("rooms")) {
        return Some(SourceFormat::Sessionize);
    }
    if object.get("results").is_some_and(Value::is_array)
        && (object.contains_key("_type") || object.get("results").and_then(|r| r.get(0)).is_some())
    {
        return Some(SourceFormat::Indico);
    }
    None
}

pub(crate) fn xml_options<'input>() -> roxmltree::ParsingOptions<'input> {
    roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() }
}

/// Reads `text` as `format` into `builder`; the event, when the source names one.
pub fn read(
    format: SourceFormat,
    text: &str,
    options: &Options,
    builder: &mut Builder,
) -> Result<Option<Event>, ImportError> {
    let json = || -> Result<Value, ImportError> {
        serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|error| ImportError(format!("the input is not JSON ({error}), so not a {} export", format.name())))
    };
    let mut event = match format {
        SourceFormat::Pretalx => pretalx::read(&json()?, options, builder)?,
        SourceFormat::Sessionize => sessionize::read(&json()?, options, builder)?,
        SourceFormat::Indico => indico::read(&json()?, options, builder)?,
        SourceFormat::FrabXml => frab_xml::read(text, options, builder)?,
        SourceFormat::Csv => csv::read(text, options, builder)?,
    };
    if let Some(name) = options.event_name.as_deref().and_then(crate::text::line) {
        event.get_or_insert_with(Event::default).name = name;
    }
    if let Some(e) = &event {
        if e.name.is_empty() {
            builder.warn_file("the source names no event: [event] omitted (pass --event-name NAME to write it)");
            event = None;
        }
    }
    Ok(event)
}

// ---------------------------------------------------------------------------------------------
// JSON as exported: strings, numbers or null wherever.

/// A string field: a string (trimmed, `None` when empty), a number or a boolean as written; null,
/// arrays and objects are `None`.
pub(crate) fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => crate::text::line(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A text field, untrimmed inside (abstracts, bios).
pub(crate) fn raw_text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// An id: a string or a number, compared as text.
pub(crate) fn id(value: Option<&Value>) -> Option<String> {
    string(value)
}

/// An array field; anything else (null, missing, an object) is empty.
pub(crate) fn array(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// A boolean as exported: `true`, `"true"`, `1`.
pub(crate) fn truthy(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.trim().to_lowercase().as_str(), "true" | "1" | "yes"),
        Some(Value::Number(n)) => n.as_f64().is_some_and(|n| n != 0.0),
        _ => false,
    }
}

/// A localized string (pretalx: `{"en": "…", "de": "…"}`) or a plain one.
pub(crate) fn localized(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::Object(map) => {
            map.get("en").and_then(|v| string(Some(v))).or_else(|| map.values().find_map(|v| string(Some(v))))
        }
        other => string(Some(other)),
    }
}
