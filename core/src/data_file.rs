//! Reading and validating a catalog data file (TOML).
//!
//! Used by the app's build script (which embeds a valid file's catalog) and by the native
//! tests. Behind the `data-file` feature, with `serde` and `toml`, so none of it ends up in the
//! wasm: the browser never parses the data file.

use crate::markdown::{self, Block};
use crate::model::LinkKind;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use toml::{Spanned, Value};

/// One problem found in a data file, located as precisely as the format allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// "talk #3 (`hunting-the-hessian`)", "tag #2", …; `None` for file-level problems.
    pub item: Option<String>,
    /// The offending field, e.g. `title` or `speakers[1].url`.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ":")?;
        if let Some(item) = &self.item {
            write!(f, " {item}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " field `{field}`")?;
        }
        if self.item.is_some() || self.field.is_some() {
            write!(f, ":")?;
        }
        write!(f, " {}", self.message)
    }
}

// ---------------------------------------------------------------------------------------------
// The file as written. Every field is optional here so that a missing one is reported by our
// own validation, naming the talk, instead of by serde with only a line.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    event: Option<Spanned<RawEvent>>,
    #[serde(default)]
    series: Vec<RawSeries>,
    #[serde(default)]
    tags: Vec<RawTag>,
    #[serde(default)]
    talks: Vec<RawTalk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    name: Option<Spanned<String>>,
    time_zone: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    markup: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTag {
    id: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTalk {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    /// `speakers = []` says the talk has none on purpose; leaving them out is an error.
    speakers: Option<Vec<RawSpeaker>>,
    /// A list of paragraphs, or one string (Markdown, or paragraphs between blank lines);
    /// `abstract = []` says there is none on purpose.
    #[serde(rename = "abstract")]
    abstract_text: Option<Spanned<Value>>,
    bio: Option<Spanned<Value>>,
    markup: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    series: Option<Spanned<RawSeriesRef>>,
    #[serde(default)]
    links: Vec<RawLink>,
    start: Option<Spanned<Value>>,
    end: Option<Spanned<Value>>,
    duration: Option<Spanned<Value>>,
    room: Option<Spanned<String>>,
    track: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeaker {
    name: Option<Spanned<String>>,
    affiliation: Option<Spanned<String>>,
    institutions: Option<Vec<Spanned<String>>>,
    url: Option<Spanned<String>>,
    bio: Option<Spanned<Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeriesRef {
    id: String,
    part: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    kind: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
}

// ---------------------------------------------------------------------------------------------
// The validated catalog: plain owned data, ready for code generation.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub event: Event,
    pub series: Vec<Series>,
    pub tags: Vec<Tag>,
    pub talks: Vec<Talk>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    pub name: Option<String>,
    /// A valid IANA name.
    pub time_zone: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: String,
    pub label: String,
    /// Empty when the data gives none.
    pub description: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Talk,
    Tutorial,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Talk {
    pub id: String,
    pub title: String,
    pub format: Format,
    pub speakers: Vec<Speaker>,
    pub abstract_text: Vec<Block>,
    pub bio: Vec<Block>,
    /// Indices into `Catalog::tags`, in the order written.
    pub tags: Vec<usize>,
    /// Index into `Catalog::series` and the 1-based part number.
    pub series: Option<(usize, u32)>,
    pub links: Vec<Link>,
    /// Seconds since the Unix epoch.
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The event zone's offset from UTC at the start, in seconds (0 without a zone).
    pub utc_offset: i32,
    pub room: Option<String>,
    pub track: Option<String>,
    pub language: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    /// Empty when the data gives none.
    pub affiliation: String,
    /// For faceting; defaults to the affiliation as written (none without one).
    pub institutions: Vec<String>,
    pub url: Option<String>,
    pub bio: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    /// Empty when the data gives none.
    pub label: String,
    pub url: String,
}

/// The most talks, tags, series and institutions a catalog may have: the app numbers each with
/// a `u16`.
pub const MAX_ENTRIES: usize = u16::MAX as usize;

/// Ids appear in URLs and HTML ids: lowercase ASCII words joined by single hyphens.
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Parses and validates `text`, read from `file` (used only in messages).
/// Returns every problem found, not just the first, so one build shows them all.
pub fn parse(file: &str, text: &str) -> Result<Catalog, Vec<DataError>> {
    let locator = Locator::new(file, text);
    let raw: RawFile = toml::from_str(text).map_err(|error| vec![locator.toml_error(&error)])?;
    let mut checker = Checker { locator: &locator, errors: Vec::new(), unknown_zone: false };
    let catalog = checker.check(raw);
    if checker.errors.is_empty() {
        Ok(catalog)
    } else {
        Err(checker.errors)
    }
}

/// Maps byte offsets to lines and to the `[[talks]]` / `[[tags]]` / `[[series]]` entry they fall in.
struct Locator<'a> {
    file: &'a str,
    line_starts: Vec<usize>,
    /// (section name, byte offset of its `[[section]]` header), in file order. Headers of other
    /// tables (say a misspelled `[[talk]]`) are kept with an empty name: errors after them belong
    /// to no entry. Sub-tables such as `[[talks.speakers]]` continue the current entry.
    headers: Vec<(&'a str, usize)>,
    /// The offsets of each section's entries' headers, in order (a lookup per entry).
    entry_headers: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Locator<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut headers = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            // A header may carry a comment: `[[talks]]  # keynote`.
            let trimmed = line.split('#').next().unwrap_or_default().trim();
            if let Some(inner) = trimmed.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
                let array = inner.strip_prefix('[').and_then(|rest| rest.strip_suffix(']'));
                let name = array.unwrap_or(inner).trim();
                let top = name.split('.').next().unwrap_or_default().trim();
                let ours = ["talks", "tags", "series"].contains(&top);
                if ours && name == top && array.is_some() {
                    headers.push((top, offset));
                } else if !ours || name == top {
                    headers.push(("", offset));
                }
            }
            offset += line.len();
            line_starts.push(offset);
        }
        let mut entry_headers: HashMap<&str, Vec<usize>> = HashMap::new();
        for &(name, offset) in headers.iter().filter(|(name, _)| !name.is_empty()) {
            entry_headers.entry(name).or_default().push(offset);
        }
        Locator { file, line_starts, headers, entry_headers }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn header_offset(&self, section: &str, index: usize) -> Option<usize> {
        self.entry_headers.get(section)?.get(index).copied()
    }

    /// A TOML syntax or shape error, attributed to the entry it falls in when it falls in one.
    fn toml_error(&self, error: &toml::de::Error) -> DataError {
        let offset = error.span().map(|span| span.start);
        let item = offset.and_then(|offset| {
            let (section, header) = self
                .headers
                .iter()
                .rev()
                .find(|(_, start)| *start <= offset)
                .filter(|(section, _)| !section.is_empty())?;
            let position = self.headers.iter().filter(|(name, start)| name == section && start <= header).count();
            Some(format!("{} #{position}", singular(section)))
        });
        DataError {
            file: self.file.to_owned(),
            line: offset.map(|offset| self.line_of(offset)),
            item,
            field: None,
            message: error.message().trim().to_owned(),
        }
    }
}

fn singular(section: &str) -> &str {
    match section {
        "talks" => "talk",
        "tags" => "tag",
        _ => "series",
    }
}

struct Checker<'a> {
    locator: &'a Locator<'a>,
    errors: Vec<DataError>,
    /// The event names a zone that doesn't exist: its local times can't be read, and saying
    /// so for each would bury the one mistake.
    unknown_zone: bool,
}

/// Which entry a problem belongs to, for messages.
struct Entry {
    label: String,
    line: Option<usize>,
}

impl Checker<'_> {
    fn report(&mut self, entry: &Entry, field: &str, span_start: Option<usize>, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.locator.file.to_owned(),
            line: span_start.map(|offset| self.locator.line_of(offset)).or(entry.line),
            item: Some(entry.label.clone()),
            field: Some(field.to_owned()),
            message: message.into(),
        });
    }

    fn entry(&self, section: &str, index: usize, id: Option<&Spanned<String>>) -> Entry {
        let position = index + 1;
        let label = match id {
            Some(id) if !id.get_ref().is_empty() => format!("{} #{position} (`{}`)", singular(section), id.get_ref()),
            _ => format!("{} #{position}", singular(section)),
        };
        let line = self.locator.header_offset(section, index).map(|offset| self.locator.line_of(offset));
        Entry { label, line }
    }

    /// A required, non-blank text field.
    fn text(&mut self, entry: &Entry, field: &str, value: Option<Spanned<String>>) -> String {
        match value {
            None => {
                self.report(entry, field, None, "is missing");
                String::new()
            }
            Some(value) if value.get_ref().trim().is_empty() => {
                self.report(entry, field, Some(value.span().start), "is empty");
                String::new()
            }
            Some(value) => value.into_inner(),
        }
    }

    fn id(&mut self, entry: &Entry, value: Option<Spanned<String>>) -> (String, Option<usize>) {
        let span = value.as_ref().map(|value| value.span().start);
        let id = self.text(entry, "id", value);
        if !id.is_empty() && !is_url_safe_id(&id) {
            self.report(
                entry,
                "id",
                span,
                format!("`{id}` is not URL-safe: use lowercase letters and digits joined by single hyphens"),
            );
        }
        (id, span)
    }

    fn link(&mut self, entry: &Entry, field: &str, url: Spanned<String>) -> String {
        let text = url.get_ref().trim();
        let scheme_ok = ["http://", "https://"]
            .iter()
            // `get`, not slicing: the cut may fall inside a non-ASCII character.
            .any(|scheme| {
                text.len() > scheme.len() && text.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            });
        if !scheme_ok || text.contains(char::is_whitespace) {
            self.report(entry, field, Some(url.span().start), format!("`{text}` is not an http(s):// link"));
        }
        url.into_inner()
    }

    /// Ids must be unique within their section; reports the second use, naming the first.
    fn unique(&mut self, seen: &mut HashMap<String, String>, entry: &Entry, id: &str, span: Option<usize>) {
        if id.is_empty() {
            return;
        }
        if let Some(first) = seen.get(id) {
            let message = format!("duplicate id `{id}`, already used by {first}");
            self.report(entry, "id", span, message);
        } else {
            seen.insert(id.to_owned(), entry.label.clone());
        }
    }

    fn check(&mut self, raw: RawFile) -> Catalog {
        let (event, time_zone, markdown) = self.event(raw.event);
        let mut series = Vec::new();
        let mut seen = HashMap::new();
        for (index, raw) in raw.series.into_iter().enumerate() {
            let entry = self.entry("series", index, raw.id.as_ref());
            let (id, span) = self.id(&entry, raw.id);
            self.unique(&mut seen, &entry, &id, span);
            let title = self.text(&entry, "title", raw.title);
            series.push(Series { id, title });
        }

        let mut tags = Vec::new();
        let mut seen = HashMap::new();
        for (index, raw) in raw.tags.into_iter().enumerate() {
            let entry = self.entry("tags", index, raw.id.as_ref());
            let (id, span) = self.id(&entry, raw.id);
            self.unique(&mut seen, &entry, &id, span);
            let label = self.text(&entry, "label", raw.label);
            let description = raw.description.map(|text| self.text(&entry, "description", Some(text)));
            let description = description.unwrap_or_default();
            tags.push(Tag { id, label, description });
        }

        if raw.talks.is_empty() {
            self.errors.push(DataError {
                file: self.locator.file.to_owned(),
                line: None,
                item: None,
                field: Some("talks".to_owned()),
                message: "the catalog has no talks: add at least one [[talks]] entry".to_owned(),
            });
        }
        let mut talks = Vec::new();
        let mut seen = HashMap::new();
        // series index -> (part, talk label, line) for the parts check below.
        let mut parts: BTreeMap<usize, Vec<(u32, Entry)>> = BTreeMap::new();
        for (index, raw) in raw.talks.into_iter().enumerate() {
            let entry = self.entry("talks", index, raw.id.as_ref());
            let (id, span) = self.id(&entry, raw.id);
            self.unique(&mut seen, &entry, &id, span);
            let title = self.text(&entry, "title", raw.title);
            let format = match raw.format {
                None => Format::Talk,
                Some(format) => match format.get_ref().as_str() {
                    "talk" => Format::Talk,
                    "tutorial" => Format::Tutorial,
                    other => {
                        let message = format!("`{other}` is not a format: use \"talk\" or \"tutorial\"");
                        self.report(&entry, "format", Some(format.span().start), message);
                        Format::Talk
                    }
                },
            };

            let markdown = match raw.markup {
                Some(markup) => self.markup(&entry, markup),
                None => markdown,
            };
            if raw.speakers.is_none() {
                self.report(
                    &entry,
                    "speakers",
                    None,
                    "is missing: every talk needs at least one [[talks.speakers]] (or `speakers = []`, for none)",
                );
            }
            let mut speakers = Vec::new();
            for (position, speaker) in raw.speakers.unwrap_or_default().into_iter().enumerate() {
                let field = |name: &str| format!("speakers[{}].{name}", position + 1);
                let name = self.text(&entry, &field("name"), speaker.name);
                let affiliation = speaker.affiliation.map(|text| self.text(&entry, &field("affiliation"), Some(text)));
                let affiliation = affiliation.unwrap_or_default();
                let institutions = match speaker.institutions {
                    None if affiliation.is_empty() => Vec::new(),
                    None => vec![affiliation.clone()],
                    Some(list) if list.is_empty() => {
                        self.report(&entry, &field("institutions"), None, "is empty: omit it to use the affiliation");
                        Vec::new()
                    }
                    Some(list) => list
                        .into_iter()
                        .map(|institution| self.text(&entry, &field("institutions"), Some(institution)))
                        .collect(),
                };
                let url = speaker.url.map(|url| self.link(&entry, &field("url"), url));
                let bio = self.rich_text(&entry, &field("bio"), speaker.bio, markdown);
                speakers.push(Speaker { name, affiliation, institutions, url, bio });
            }

            if raw.abstract_text.is_none() {
                self.report(
                    &entry,
                    "abstract",
                    None,
                    "is missing: give at least one paragraph (or `abstract = []`, for none)",
                );
            }
            let abstract_text = self.rich_text(&entry, "abstract", raw.abstract_text, markdown);
            let bio = self.rich_text(&entry, "bio", raw.bio, markdown);

            let mut talk_tags = Vec::new();
            for tag in raw.tags {
                match tags.iter().position(|known| known.id == *tag.get_ref()) {
                    Some(found) if talk_tags.contains(&found) => {
                        self.report(
                            &entry,
                            "tags",
                            Some(tag.span().start),
                            format!("tag `{}` is listed twice", tag.get_ref()),
                        );
                    }
                    Some(found) => talk_tags.push(found),
                    None => {
                        let message =
                            format!("tag `{}` is not in the vocabulary: declare it in a [[tags]] entry", tag.get_ref());
                        self.report(&entry, "tags", Some(tag.span().start), message);
                    }
                }
            }

            let series_ref = raw.series.and_then(|reference| {
                let span = reference.span().start;
                let reference = reference.into_inner();
                match series.iter().position(|known| known.id == reference.id) {
                    Some(found) => {
                        let entry = Entry { label: entry.label.clone(), line: Some(self.locator.line_of(span)) };
                        parts.entry(found).or_default().push((reference.part, entry));
                        Some((found, reference.part))
                    }
                    None => {
                        let message = format!("series `{}` is not declared: add a [[series]] entry", reference.id);
                        self.report(&entry, "series", Some(span), message);
                        None
                    }
                }
            });

            let mut links = Vec::new();
            for (position, link) in raw.links.into_iter().enumerate() {
                let field = |name: &str| format!("links[{}].{name}", position + 1);
                // Without a kind, the label is all that tells what the link is.
                let (kind, label) = match link.kind {
                    None => (LinkKind::Other, self.text(&entry, &field("label"), link.label)),
                    Some(kind) => (
                        self.link_kind(&entry, &field("kind"), kind),
                        link.label.map(|label| self.text(&entry, &field("label"), Some(label))).unwrap_or_default(),
                    ),
                };
                let url = match link.url {
                    Some(url) => self.link(&entry, &field("url"), url),
                    None => self.text(&entry, &field("url"), None),
                };
                links.push(Link { kind, label, url });
            }

            let start = raw.start.and_then(|value| self.instant(&entry, "start", value, time_zone.as_ref()));
            let end = self.end(&entry, start, raw.end, raw.duration, time_zone.as_ref());
            let utc_offset = (start.and_then(|start| jiff::Timestamp::from_second(start).ok()))
                .zip(time_zone.as_ref())
                .map_or(0, |(start, zone)| zone.to_offset(start).seconds());
            let room = raw.room.map(|room| self.text(&entry, "room", Some(room)));
            let track = raw.track.map(|track| self.text(&entry, "track", Some(track)));
            let language = raw.language.map(|language| self.language(&entry, "language", language));

            talks.push(Talk {
                id,
                title,
                format,
                speakers,
                abstract_text,
                bio,
                tags: talk_tags,
                series: series_ref,
                links,
                start,
                end,
                utc_offset,
                room,
                track,
                language,
            });
        }

        self.check_series_parts(&series, &parts);
        let institutions: BTreeSet<&str> = (talks.iter())
            .flat_map(|talk| talk.speakers.iter().flat_map(|speaker| speaker.institutions.iter().map(String::as_str)))
            .collect();
        let counts = [
            ("talks", talks.len()),
            ("tags", tags.len()),
            ("series", series.len()),
            ("institutions", institutions.len()),
        ];
        for (section, count) in counts {
            self.check_limit(section, count);
        }
        Catalog { event, series, tags, talks }
    }

    fn check_limit(&mut self, section: &str, count: usize) {
        if count > MAX_ENTRIES {
            self.errors.push(DataError {
                file: self.locator.file.to_owned(),
                line: None,
                item: None,
                field: Some(section.to_owned()),
                message: format!(
                    "the catalog has {count} {section}, more than the limit of {MAX_ENTRIES} (the app numbers them with 16 bits)"
                ),
            });
        }
    }

    /// The `[event]` table, the zone its local times are in, and whether text is Markdown
    /// unless a talk says otherwise.
    fn event(&mut self, raw: Option<Spanned<RawEvent>>) -> (Event, Option<jiff::tz::TimeZone>, bool) {
        let Some(raw) = raw else { return (Event::default(), None, false) };
        let entry = Entry { label: "event".to_owned(), line: Some(self.locator.line_of(raw.span().start)) };
        let raw = raw.into_inner();
        let name = Some(self.text(&entry, "name", raw.name));
        let mut zone = None;
        let time_zone = raw.time_zone.map(|name| {
            match jiff::tz::TimeZone::get(name.get_ref()) {
                Ok(found) => zone = Some(found),
                Err(_) => self.unknown_zone = true,
            }
            if self.unknown_zone {
                self.report(
                    &entry,
                    "time_zone",
                    Some(name.span().start),
                    format!("`{}` is not an IANA time zone: use a name such as `Europe/Berlin`", name.get_ref()),
                );
            }
            name.into_inner()
        });
        let url = raw.url.map(|url| self.link(&entry, "url", url));
        let language = raw.language.map(|language| self.language(&entry, "language", language));
        let markdown = raw.markup.is_some_and(|markup| self.markup(&entry, markup));
        (Event { name, time_zone, url, language }, zone, markdown)
    }

    /// Whether `markup` says Markdown.
    fn markup(&mut self, entry: &Entry, markup: Spanned<String>) -> bool {
        match markup.get_ref().as_str() {
            "markdown" => true,
            "plain" => false,
            other => {
                let message = format!("`{other}` is not a markup: use \"plain\" or \"markdown\"");
                self.report(entry, "markup", Some(markup.span().start), message);
                false
            }
        }
    }

    /// An abstract or bio: a list of paragraphs, or one string whose paragraphs are separated
    /// by blank lines; in Markdown when `markdown`. An empty list is no text, on purpose.
    fn rich_text(&mut self, entry: &Entry, field: &str, value: Option<Spanned<Value>>, markdown: bool) -> Vec<Block> {
        let Some(value) = value else { return Vec::new() };
        let span = Some(value.span().start);
        let texts = match value.into_inner() {
            Value::String(text) => vec![text],
            Value::Array(items) if items.iter().all(Value::is_str) => {
                items.into_iter().filter_map(|item| item.as_str().map(str::to_owned)).collect()
            }
            _ => {
                self.report(entry, field, span, "must be a string or a list of strings");
                return Vec::new();
            }
        };
        let mut blocks = Vec::new();
        for text in &texts {
            if text.trim().is_empty() {
                self.report(entry, field, span, "has an empty paragraph");
            } else if markdown {
                match markdown::parse(text) {
                    Ok(parsed) => blocks.extend(parsed),
                    Err(message) => self.report(entry, field, span, message),
                }
            } else if texts.len() == 1 {
                let paragraphs = text.split("\n\n").map(str::trim).filter(|paragraph| !paragraph.is_empty());
                blocks.extend(paragraphs.map(|paragraph| Block::paragraph(paragraph.to_owned())));
            } else {
                blocks.push(Block::paragraph(text.clone()));
            }
        }
        blocks
    }

    /// A date-time as seconds since the epoch: with an offset, or local in the event's zone.
    fn instant(
        &mut self,
        entry: &Entry,
        field: &str,
        value: Spanned<Value>,
        zone: Option<&jiff::tz::TimeZone>,
    ) -> Option<i64> {
        let span = Some(value.span().start);
        let text = match value.into_inner() {
            Value::Datetime(datetime) => datetime.to_string(),
            Value::String(text) => text,
            other => other.to_string(),
        };
        if let Ok(instant) = text.parse::<jiff::Timestamp>() {
            return Some(instant.as_second());
        }
        let Ok(local) = text.parse::<jiff::civil::DateTime>() else {
            let message = format!("`{text}` is not a date-time: write 2025-03-15T14:00:00 (in the event's time zone) or 2025-03-15T14:00:00+01:00");
            self.report(entry, field, span, message);
            return None;
        };
        let Some(zone) = zone else {
            if self.unknown_zone {
                return None; // Reported once, with the zone.
            }
            let message = format!(
                "`{text}` is a local time, but the file has no `[event]` `time_zone`: add one, or give the offset"
            );
            self.report(entry, field, span, message);
            return None;
        };
        let candidates = zone.to_ambiguous_timestamp(local);
        if let jiff::tz::AmbiguousOffset::Gap { .. } = candidates.offset() {
            let message = format!(
                "`{text}` does not exist in {}: the clocks skip it",
                zone.iana_name().unwrap_or("the event's time zone")
            );
            self.report(entry, field, span, message);
            return None;
        }
        // In a fold (the hour clocks repeat), the earlier of the two.
        candidates.compatible().ok().map(jiff::Timestamp::as_second)
    }

    /// The end, from `end` or `duration` (which must agree when both are given), not before
    /// the start.
    fn end(
        &mut self,
        entry: &Entry,
        start: Option<i64>,
        end: Option<Spanned<Value>>,
        duration: Option<Spanned<Value>>,
        zone: Option<&jiff::tz::TimeZone>,
    ) -> Option<i64> {
        let end_span = end.as_ref().map(|end| end.span().start);
        let end = end.and_then(|value| self.instant(entry, "end", value, zone));
        let duration_span = duration.as_ref().map(|duration| duration.span().start);
        let minutes = duration.and_then(|duration| self.duration(entry, duration));
        if (end.is_some() || minutes.is_some()) && start.is_none() {
            let field = if end.is_some() { "end" } else { "duration" };
            self.report(entry, field, end_span.or(duration_span), "is given, but `start` is not");
            return None;
        }
        let from_duration = start.zip(minutes).map(|(start, minutes)| start + minutes * 60);
        match (end, from_duration) {
            (Some(end), Some(from_duration)) if end != from_duration => {
                let minutes = (end - start.unwrap_or(end)) / 60;
                let message = format!("disagrees with `end`, which is {minutes} minutes after `start`");
                self.report(entry, "duration", duration_span, message);
                Some(end)
            }
            (Some(end), _) if start.is_some_and(|start| end < start) => {
                self.report(entry, "end", end_span, "is before `start`");
                None
            }
            (end, from_duration) => end.or(from_duration),
        }
    }

    /// A duration in minutes, from "H:MM" or a number of minutes.
    fn duration(&mut self, entry: &Entry, value: Spanned<Value>) -> Option<i64> {
        let span = Some(value.span().start);
        let minutes = match value.get_ref() {
            Value::Integer(minutes) => Some(*minutes),
            Value::String(text) => text.split_once(':').and_then(|(hours, minutes)| {
                let minutes = (minutes.len() == 2).then(|| minutes.parse::<i64>().ok()).flatten()?;
                Some(hours.parse::<i64>().ok()? * 60 + minutes).filter(|_| minutes < 60)
            }),
            _ => None,
        };
        match minutes {
            Some(minutes) if minutes > 0 => Some(minutes),
            _ => {
                let message = format!(
                    "`{}` is not a duration: write hours and minutes, \"1:30\", or minutes, 90",
                    value.get_ref()
                );
                self.report(entry, "duration", span, message);
                None
            }
        }
    }

    fn language(&mut self, entry: &Entry, field: &str, tag: Spanned<String>) -> String {
        if oxilangtag::LanguageTag::parse(tag.get_ref().as_str()).is_err() {
            let message =
                format!("`{}` is not a BCP 47 language tag: use one such as `en`, `de` or `pt-BR`", tag.get_ref());
            self.report(entry, field, Some(tag.span().start), message);
        }
        tag.into_inner()
    }

    fn link_kind(&mut self, entry: &Entry, field: &str, kind: Spanned<String>) -> LinkKind {
        match LinkKind::from_id(kind.get_ref()) {
            Some(found) => found,
            None => {
                let kinds: Vec<&str> = LinkKind::ALL.iter().map(|known| known.id()).collect();
                let message = format!("`{}` is not a link kind: use one of {}", kind.get_ref(), kinds.join(", "));
                self.report(entry, field, Some(kind.span().start), message);
                LinkKind::Other
            }
        }
    }

    /// Each series' parts must be numbered 1..=n, each number used once.
    fn check_series_parts(&mut self, series: &[Series], parts: &BTreeMap<usize, Vec<(u32, Entry)>>) {
        for (index, members) in parts {
            let count = members.len() as u32;
            let mut used = HashSet::new();
            for (part, entry) in members {
                let series_id = &series[*index].id;
                if *part == 0 || *part > count {
                    let message = format!("part {part} of series `{series_id}` is out of range: its {count} talk(s) must be parts 1 to {count}");
                    self.report(entry, "series.part", None, message);
                } else if !used.insert(*part) {
                    self.report(
                        entry,
                        "series.part",
                        None,
                        format!("part {part} of series `{series_id}` is used twice"),
                    );
                }
            }
            for missing in (1..=count).filter(|part| !used.contains(part)) {
                let (_, entry) = &members[0];
                let message = format!("series `{}` has no part {missing}", series[*index].id);
                self.report(entry, "series.part", None, message);
            }
        }
    }
}
