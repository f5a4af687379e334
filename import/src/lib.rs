//! Talk Catalog's importers: pretalx/frab JSON, frab XML, Sessionize, Indico and CSV exports
//! into the catalog's data file (TOML). `scripts/import` runs the binary; the tests call
//! [`import`].
//!
//! Every importer reads the source into [`Draft`]s through a [`Builder`], which warns about
//! what it drops or changes (naming the talk), skips breaks, and finally gives the talks stable,
//! unique ids, builds the tag vocabulary and writes the file.

pub mod model;
pub mod text;
pub mod time;
pub mod toml_out;

mod formats;
pub mod slug;

use model::{DataFile, End, Event, Format, Link, Markup, Speaker, Start, Tag, Talk, Text};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

pub use formats::detect;
pub use model::LinkKind;
pub use slug::slugify;

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// pretalx / frab `schedule.json` (c3voc schema).
    Pretalx,
    /// frab / pentabarf / pretalx `schedule.xml`.
    FrabXml,
    /// Sessionize API v2 "All" view.
    Sessionize,
    /// Indico `/export/event/{id}.json?detail=contributions`.
    Indico,
    /// A spreadsheet export with a header row.
    Csv,
}

impl SourceFormat {
    pub const ALL: [SourceFormat; 5] = [
        SourceFormat::Pretalx,
        SourceFormat::FrabXml,
        SourceFormat::Sessionize,
        SourceFormat::Indico,
        SourceFormat::Csv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Pretalx => "pretalx",
            SourceFormat::FrabXml => "frab-xml",
            SourceFormat::Sessionize => "sessionize",
            SourceFormat::Indico => "indico",
            SourceFormat::Csv => "csv",
        }
    }

    pub fn from_name(name: &str) -> Option<SourceFormat> {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "frab" | "frab-json" | "pretalx-json" => Some(SourceFormat::Pretalx),
            "xml" | "frab-xml" | "pentabarf" => Some(SourceFormat::FrabXml),
            _ => SourceFormat::ALL.into_iter().find(|f| f.name() == name),
        }
    }
}

/// Where an answer to a custom question goes (`--question "Text"=FIELD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionField {
    /// The speaker's affiliation (answers given per speaker).
    Affiliation,
    /// The speaker's URL (answers given per speaker).
    SpeakerUrl,
    Track,
    Language,
    Room,
    /// A tag with the answer as its label.
    Tag,
    /// A link of this kind.
    Link(LinkKind),
}

impl QuestionField {
    pub fn from_name(name: &str) -> Option<QuestionField> {
        Some(match name {
            "affiliation" => QuestionField::Affiliation,
            "url" | "speaker-url" => QuestionField::SpeakerUrl,
            "track" => QuestionField::Track,
            "language" => QuestionField::Language,
            "room" => QuestionField::Room,
            "tag" | "tags" => QuestionField::Tag,
            other => QuestionField::Link(LinkKind::from_id(other)?),
        })
    }
}

/// What the command line can say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The format; detected from the content when `None`.
    pub from: Option<SourceFormat>,
    /// The event's IANA time zone, for sources without one (Sessionize, CSV) or to override it.
    pub time_zone: Option<String>,
    /// The event's name, for sources without one (Sessionize, CSV) or to override it.
    pub event_name: Option<String>,
    /// Custom questions to keep: (question text or id, field).
    pub questions: Vec<(String, QuestionField)>,
    /// CSV: (our field, their header).
    pub columns: Vec<(String, String)>,
    /// CSV: abstracts and bios are Markdown.
    pub markdown: bool,
}

/// A file that is not what it should be: one clear message (the command exits with 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// An import's result: the data file, what was skipped and every warning.
#[derive(Debug, Clone)]
pub struct Imported {
    pub format: SourceFormat,
    pub file: DataFile,
    pub toml: String,
    /// Breaks and service sessions skipped, by title.
    pub skipped: Vec<String>,
    pub warnings: Vec<String>,
}

/// Imports `input` (bytes as read; a BOM and CRLF line endings are fine).
pub fn import(input: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let text = match std::str::from_utf8(input) {
        Ok(text) => text.to_string(),
        Err(error) => {
            return Err(ImportError(format!(
                "the input is not UTF-8 text (invalid byte at offset {}); re-export it as UTF-8",
                error.valid_up_to()
            )))
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let format = match options.from {
        Some(format) => format,
        // `--column` is for CSV: a CSV without a default title column is still CSV.
        None if !options.columns.is_empty() => detect(text).unwrap_or(SourceFormat::Csv),
        None => detect(text).ok_or_else(|| {
            ImportError(
                "cannot tell the input's format: it is none of pretalx/frab schedule.json, frab schedule.xml, \
                 Sessionize \"All\" JSON, Indico export JSON, or CSV with a \"title\" column (use --from FORMAT)"
                    .to_string(),
            )
        })?,
    };
    let mut builder = Builder::new(options);
    let event = formats::read(format, text, options, &mut builder)?;
    let (file, skipped, warnings) = builder.finish(event);
    let toml = toml_out::write(&file);
    Ok(Imported { format, file, toml, skipped, warnings })
}

/// A talk as read, before ids and tag ids are given.
#[derive(Debug, Clone)]
pub struct Draft {
    /// How warnings name the talk: its title and where it is in the source.
    pub who: String,
    /// The source's slug, used as the id when it is URL-safe.
    pub slug: Option<String>,
    pub title: String,
    pub format: Format,
    /// Tag labels.
    pub tags: Vec<String>,
    pub track: Option<String>,
    pub language: Option<String>,
    pub start: Option<Start>,
    pub instant: Option<jiff::Timestamp>,
    pub end: Option<End>,
    pub room: Option<String>,
    pub abstract_text: Option<Text>,
    pub links: Vec<Link>,
    pub speakers: Vec<Speaker>,
}

impl Draft {
    /// A talk titled `title`, found at `place` in the source ("id 12", "row 5").
    pub fn new(title: String, place: &str) -> Draft {
        Draft {
            who: format!("\"{title}\" ({place})"),
            slug: None,
            title,
            format: Format::Talk,
            tags: Vec::new(),
            track: None,
            language: None,
            start: None,
            instant: None,
            end: None,
            room: None,
            abstract_text: None,
            links: Vec::new(),
            speakers: Vec::new(),
        }
    }
}

/// Collects talks and warnings while a source is read.
pub struct Builder {
    /// How the source's abstracts and bios are written.
    pub markup: Markup,
    pub drafts: Vec<Draft>,
    skipped: Vec<String>,
    warnings: Vec<String>,
    questions: Vec<(String, QuestionField)>,
    used_questions: HashSet<String>,
}

impl Builder {
    fn new(options: &Options) -> Builder {
        Builder {
            markup: Markup::Plain,
            drafts: Vec::new(),
            skipped: Vec::new(),
            warnings: Vec::new(),
            questions: options.questions.clone(),
            used_questions: HashSet::new(),
        }
    }

    /// A warning about the file as a whole.
    pub fn warn_file(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    /// A warning naming the talk `who` ([`Draft::who`]).
    pub fn warn(&mut self, who: &str, message: impl fmt::Display) {
        self.warnings.push(format!("talk {who}: {message}"));
    }

    /// A break or service session, skipped.
    pub fn skip(&mut self, title: &str) {
        self.skipped.push(title.to_string());
    }

    /// An abstract or bio read in the builder's markup; notes of the conversion become warnings.
    pub fn text(&mut self, who: &str, field: &str, raw: Option<&str>) -> Option<Text> {
        let converted = text::rich(raw?, self.markup)?;
        for note in converted.notes {
            self.warn(who, format!("{field}: {note}"));
        }
        Some(converted.text)
    }

    /// A link, kept when its URL is http(s) (a relative one is resolved against `base` when
    /// given), else dropped with a warning.
    pub fn link(&mut self, draft: &mut Draft, kind: LinkKind, url: &str, label: Option<&str>, base: Option<&str>) {
        let url = url.trim();
        if url.is_empty() {
            return;
        }
        let resolved = match base {
            Some(base) if url.starts_with('/') && !url.starts_with("//") => format!("{}{url}", origin(base)),
            _ => url.to_string(),
        };
        if !text::is_web_url(&resolved, false) {
            self.warn(&draft.who, format!("link \"{url}\" dropped: not an http(s) URL"));
            return;
        }
        if draft.links.iter().any(|link| link.url == resolved) {
            return;
        }
        let label = label.and_then(text::line).filter(|label| *label != resolved);
        draft.links.push(Link { kind, url: resolved, label });
    }

    /// A speaker's URL, kept when it is http(s).
    pub fn speaker_url(&mut self, who: &str, name: &str, url: Option<&str>) -> Option<String> {
        let url = url?.trim();
        if url.is_empty() {
            return None;
        }
        if text::is_web_url(url, false) {
            Some(url.to_string())
        } else {
            self.warn(who, format!("speaker \"{name}\": URL \"{url}\" dropped: not an http(s) URL"));
            None
        }
    }

    /// A speaker whose name is missing is dropped with a warning.
    pub fn speaker(&mut self, draft: &mut Draft, speaker: Speaker) {
        if speaker.name.trim().is_empty() {
            self.warn(&draft.who, "a speaker without a name dropped");
            return;
        }
        if draft.speakers.iter().any(|s| s.name == speaker.name) {
            self.warn(&draft.who, format!("speaker \"{}\" listed twice: kept once", speaker.name));
            return;
        }
        draft.speakers.push(speaker);
    }

    /// A language as written: a BCP 47 tag is kept; a language's English name ("German") is
    /// mapped; anything else is dropped with a warning.
    pub fn language(&mut self, who: &str, raw: Option<&str>) -> Option<String> {
        let raw = text::line(raw?)?;
        if let Some(tag) = slug::language_tag(&raw) {
            return Some(tag);
        }
        self.warn(who, format!("language \"{raw}\" dropped: not a BCP 47 tag or a known language name"));
        None
    }

    /// The field an answer to `question` (its text, or its id) is mapped to by `--question`.
    pub fn question(&mut self, question: &[&str]) -> Option<QuestionField> {
        let (key, field) = self.questions.iter().find(|(key, _)| question.iter().any(|q| q.trim() == key.trim()))?;
        let field = *field;
        self.used_questions.insert(key.clone());
        Some(field)
    }

    /// Applies a talk-level answer mapped by `--question`.
    pub fn answer(&mut self, draft: &mut Draft, field: QuestionField, answer: &str) {
        let Some(answer) = text::line(answer) else { return };
        match field {
            QuestionField::Track => draft.track = Some(answer),
            QuestionField::Room => draft.room = Some(answer),
            QuestionField::Language => {
                let title = draft.who.clone();
                draft.language = self.language(&title, Some(&answer));
            }
            QuestionField::Tag => {
                if !draft.tags.contains(&answer) {
                    draft.tags.push(answer);
                }
            }
            QuestionField::Link(kind) => self.link(draft, kind, &answer, None, None),
            QuestionField::Affiliation | QuestionField::SpeakerUrl => {
                let title = draft.who.clone();
                self.warn(&title, "an answer mapped to a speaker field is given for the talk: ignored");
            }
        }
    }

    /// Applies a speaker-level answer mapped by `--question`.
    pub fn speaker_answer(&mut self, draft: &mut Draft, speaker: &mut Speaker, field: QuestionField, answer: &str) {
        match field {
            QuestionField::Affiliation => speaker.affiliation = text::line(answer),
            QuestionField::SpeakerUrl => {
                let title = draft.who.clone();
                let name = speaker.name.clone();
                speaker.url = self.speaker_url(&title, &name, Some(answer));
            }
            other => self.answer(draft, other, answer),
        }
    }

    /// Ids, tag vocabulary, schedule order, markup: the data file.
    fn finish(mut self, event: Option<Event>) -> (DataFile, Vec<String>, Vec<String>) {
        for (key, _) in &self.questions {
            if !self.used_questions.contains(key) {
                self.warnings.push(format!("--question \"{key}\": no such question answered in the input"));
            }
        }
        let drafts = std::mem::take(&mut self.drafts);
        // Tags: one per label (case-insensitive), ids from the labels, sorted by label.
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        for draft in &drafts {
            for label in &draft.tags {
                labels.entry(label.to_lowercase()).or_insert_with(|| label.clone());
            }
        }
        let mut sorted: Vec<String> = labels.values().cloned().collect();
        sorted.sort_by(|a, b| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)));
        let mut taken = HashSet::new();
        let mut tag_ids: HashMap<String, String> = HashMap::new();
        let mut tags = Vec::new();
        for label in sorted {
            let id = slug::unique(&slug::slugify(&label, 40), "tag", &mut taken);
            tag_ids.insert(label.to_lowercase(), id.clone());
            tags.push(Tag { id, label });
        }
        // Talk ids in source order (so they don't move when a talk is rescheduled).
        let mut taken = HashSet::new();
        let mut talks = Vec::new();
        for draft in drafts {
            let base = match &draft.slug {
                Some(slug) if slug::is_url_safe_id(slug) && slug.len() <= 80 => slug.clone(),
                _ => slug::slugify(&draft.title, 60),
            };
            let id = slug::unique(&base, "talk", &mut taken);
            let mut talk_tags = Vec::new();
            for label in &draft.tags {
                let id = tag_ids[&label.to_lowercase()].clone();
                if !talk_tags.contains(&id) {
                    talk_tags.push(id);
                }
            }
            if draft.abstract_text.is_none() {
                self.warnings.push(format!("talk {}: no abstract in the source: `abstract` omitted", draft.who));
            }
            if draft.speakers.is_empty() {
                self.warnings.push(format!("talk {}: no named speaker in the source: `speakers` omitted", draft.who));
            }
            let mut talk = Talk {
                id,
                title: draft.title,
                format: draft.format,
                tags: talk_tags,
                track: draft.track,
                language: draft.language,
                start: draft.start,
                end: draft.end,
                room: draft.room,
                markup: None,
                abstract_text: draft.abstract_text,
                links: draft.links,
                speakers: draft.speakers,
            };
            fit_markup(&mut talk, self.markup);
            talks.push((draft.instant, talk));
        }
        // Schedule order: by start, then source order; unscheduled talks last.
        talks.sort_by_key(|(instant, _)| (instant.is_none(), *instant));
        let talks = talks.into_iter().map(|(_, talk)| talk).collect();
        let file = DataFile { event, tags, talks };
        (file, self.skipped, self.warnings)
    }
}

/// In a plain file, a talk with a Markdown text (converted HTML) is marked `markup =
/// "markdown"`, and its other texts are escaped so they still read as written.
fn fit_markup(talk: &mut Talk, file_markup: Markup) {
    if file_markup == Markup::Markdown {
        return;
    }
    let is_markdown = |text: &Option<Text>| matches!(text, Some(Text::Markdown(_)));
    if !is_markdown(&talk.abstract_text) && !talk.speakers.iter().any(|s| is_markdown(&s.bio)) {
        return;
    }
    talk.markup = Some(Markup::Markdown);
    let escape = |text: &mut Option<Text>| {
        if let Some(Text::Paragraphs(paragraphs)) = text {
            *text = Some(Text::Markdown(text::plain_as_markdown(paragraphs)));
        }
    };
    escape(&mut talk.abstract_text);
    for speaker in &mut talk.speakers {
        escape(&mut speaker.bio);
    }
}

/// `https://host` of a URL.
fn origin(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let host = rest.split('/').next().unwrap_or("");
    format!("{scheme}://{host}")
}

/// Whether a session type or title names a break rather than a talk: "Break", "Coffee break",
/// "Pause", "Lunch", "Mittagspause" …
pub fn is_break(label: &str) -> bool {
    let label = label.trim().to_lowercase();
    const WORDS: &[&str] =
        &["break", "pause", "lunch", "coffee", "dinner", "breakfast", "mittag", "kaffee", "registration", "catering"];
    WORDS.iter().any(|word| label.split(|c: char| !c.is_alphanumeric()).any(|w| w == *word || w.ends_with(word)))
}

/// Format from a session type: workshops and tutorials are tutorials, everything else a talk.
pub fn format_of(label: &str) -> Option<Format> {
    let label = label.to_lowercase();
    (label.contains("workshop") || label.contains("tutorial") || label.contains("hands-on")).then_some(Format::Tutorial)
}
