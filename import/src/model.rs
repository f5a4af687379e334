//! What an importer produces: the data file's entries, before they are written as TOML.

/// How abstracts and bios are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Markdown,
}

impl Markup {
    pub fn name(self) -> &'static str {
        match self {
            Markup::Plain => "plain",
            Markup::Markdown => "markdown",
        }
    }
}

/// An abstract or a bio: plain paragraphs, or one Markdown string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Paragraphs(Vec<String>),
    Markdown(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub time_zone: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub markup: Option<Markup>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Talk,
    Tutorial,
}

/// A start time: local in the event's time zone, or with the source's own offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// `2024-03-15T14:00:00`
    Local(jiff::civil::DateTime),
    /// `2024-03-15T14:00:00+01:00` (minutes east of UTC)
    Offset(jiff::civil::DateTime, i32),
}

/// When a talk ends: a time like its start, or a duration in minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    At(Start),
    Minutes(i64),
}

pub use talk_catalog_core::LinkKind;

/// A guess from a link's type or title, as the sources label them ("Slides", "YouTube",
/// "GitHub repository" …); `Other` when nothing fits.
pub fn guess_link_kind(hint: &str, url: &str) -> LinkKind {
    let hint = hint.to_lowercase();
    let url = url.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| hint.contains(word));
    if has(&["slide", "folien", "präsentation", "presentation", "deck"]) {
        LinkKind::Slides
    } else if has(&["recording", "aufzeichnung", "media.ccc.de"]) {
        LinkKind::Recording
    } else if has(&["video", "youtube", "vimeo", "stream"])
        || url.contains("youtube.com/")
        || url.contains("youtu.be/")
        || url.contains("vimeo.com/")
    {
        LinkKind::Video
    } else if has(&["paper", "article", "preprint", "arxiv", "doi"])
        || url.contains("arxiv.org/")
        || url.contains("doi.org/")
    {
        LinkKind::Paper
    } else if has(&["code", "github", "gitlab", "repository", "repo", "source"])
        || url.contains("github.com/")
        || url.contains("gitlab.com/")
        || url.contains("codeberg.org/")
    {
        LinkKind::Code
    } else {
        LinkKind::Other
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    pub label: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub affiliation: Option<String>,
    pub url: Option<String>,
    pub bio: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    pub id: String,
    pub title: String,
    pub format: Format,
    /// Declared tag ids.
    pub tags: Vec<String>,
    pub track: Option<String>,
    pub language: Option<String>,
    pub start: Option<Start>,
    pub end: Option<End>,
    pub room: Option<String>,
    /// Set when this talk's texts are read differently from the file's `[event].markup`.
    pub markup: Option<Markup>,
    pub abstract_text: Option<Text>,
    pub links: Vec<Link>,
    pub speakers: Vec<Speaker>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataFile {
    pub event: Option<Event>,
    pub tags: Vec<Tag>,
    pub talks: Vec<Talk>,
}
