//! The catalog's data model. Values are `'static`: the app decodes the catalog once from the
//! bytes embedded in it (`codec`), borrowing its strings from them, and derives the rest.

use crate::field::Field;
use crate::index::WordIndexBuilder;
pub use crate::rich_text::{BlockKind, BlockMarkup, RichText, Span, SpanKind};
use crate::schedule::DayTable;
use crate::sorted_set::SortedSet;
use std::sync::{Mutex, OnceLock, PoisonError};

/// The whole catalog: what one data file describes.
#[derive(Debug)]
pub struct Catalog {
    pub event: Event,
    pub series: &'static [Series],
    pub tags: &'static [Tag],
    /// Every institution named by a speaker, sorted, each once: the institution facet's values.
    pub institutions: &'static [&'static str],
    /// Every room, track and language (a talk's, or else the event's) of the talks, sorted,
    /// each once: those facets' values.
    pub rooms: Vec<&'static str>,
    pub tracks: Vec<&'static str>,
    pub languages: Vec<&'static str>,
    /// In data order, which is also the default display order.
    pub talks: &'static [Talk],
    /// Facet bitsets and sort orders, derived with the catalog (`index::facet_tables`).
    pub facets: FacetTables,
    /// The talks' days in the event's zone, and in the viewer's once the app has said.
    pub(crate) event_days: DayTable,
    pub(crate) viewer_days: OnceLock<DayTable>,
    /// The word index, derived from the talks' text on first use: see [`Catalog::words`].
    words: OnceLock<SearchIndex>,
    /// The word index as far as [`Catalog::derive_words`] has built it.
    words_in_progress: Mutex<WordIndexBuilder>,
    /// Short keys whose words occur this often get talk sets (`index::SHORT_SET_MIN_POSITIONS`).
    short_set_min_positions: usize,
}

/// Per facet value, the talks having it; per sort order, each talk's rank.
#[derive(Debug, PartialEq, Eq)]
pub struct FacetTables {
    /// Length of each facet bitset in u64 words.
    pub bitset_words: usize,
    /// Per facet, the bitsets of talks of each of its values, concatenated.
    pub tag_bits: &'static [u64],
    /// Per institution, its talks in ascending order: a large event names thousands of
    /// institutions, each on a few talks, where a bitset each would cost institutions × talks
    /// bits to build, hold and count.
    pub institution_talks: &'static [&'static [u32]],
    pub format_bits: &'static [u64],
    pub room_bits: &'static [u64],
    pub track_bits: &'static [u64],
    pub language_bits: &'static [u64],
    /// Each talk's position in title order and in speaker-surname order.
    pub title_rank: &'static [u32],
    pub surname_rank: &'static [u32],
    /// Each talk's position in time order (talks without a start last, in data order).
    pub start_rank: &'static [u32],
}

/// The word index (`index::word_index`): a keystroke only looks things up.
#[derive(Debug)]
pub struct SearchIndex {
    /// Sorted, unique folded words of every searchable field.
    pub terms: Vec<&'static str>,
    /// Per term, its [`letter_mask`](crate::matcher::letter_mask): lets the typo search skip most of the vocabulary without
    /// computing an edit distance.
    pub masks: Vec<u32>,
    /// Where each term occurs. Every word of every field text has a position: talk by talk,
    /// text by text (`Talk::field_texts` order), with one unused position after each text, so
    /// consecutive positions are always in the same text. Term i's positions, packed as
    /// `position << Field::BITS | field`, ascending, are
    /// `positions[positions_start[i]..positions_start[i + 1]]`: read them with
    /// [`SearchIndex::term_positions`]. (One list serves words and phrases alike: separate
    /// per-talk postings would cost more memory than finding the talks from positions costs.)
    pub positions: Vec<u32>,
    pub positions_start: Vec<u32>,
    /// Talk t's (unpacked) positions are `talk_positions[t]..talk_positions[t + 1]`.
    pub talk_positions: Vec<u32>,
    /// Per field, the talks having a word that starts with one of these keys: short prefixes
    /// (too short for typos) whose words occur so often that walking their positions would
    /// take too long for a keystroke (`index::SHORT_SET_MIN_POSITIONS`).
    pub prefix_talks: FieldTalkSets,
    /// The same for short words that occur that often, with the word itself as the key.
    pub word_talks: FieldTalkSets,
    /// Length of each talk set in u64 words.
    pub bitset_words: usize,
}

impl SearchIndex {
    /// Term `term`'s packed positions, ascending.
    pub fn term_positions(&self, term: usize) -> impl Iterator<Item = u32> + Clone + '_ {
        self.positions[self.positions_start[term] as usize..self.positions_start[term + 1] as usize].iter().copied()
    }

    /// How many positions term `term` has.
    pub fn positions_count(&self, term: usize) -> usize {
        (self.positions_start[term + 1] - self.positions_start[term]) as usize
    }
}

/// The talk of each of a run of ascending positions, found by walking `SearchIndex::talk_positions`
/// forward from the previous one.
#[derive(Debug)]
pub struct TalkCursor<'a> {
    starts: &'a [u32],
    talk: usize,
}

impl<'a> TalkCursor<'a> {
    /// A cursor over `starts` (`talk_positions`), at the first talk.
    pub fn new(starts: &'a [u32]) -> Self {
        TalkCursor { starts, talk: 0 }
    }

    /// The talk holding `position`, which must not be below the previous call's.
    pub fn talk_of(&mut self, position: u32) -> usize {
        // Often the same talk; otherwise the last talk starting at or before the position.
        if self.starts[self.talk + 1] <= position {
            self.talk += gallop(&self.starts[self.talk + 1..], position + 1);
        }
        self.talk
    }
}

/// The first index of `sorted` (ascending) holding `target` or more. Looks at 1, 2, 4, …
/// places ahead first, so walking two sorted lists together skips long runs in few steps.
pub fn gallop(sorted: &[u32], target: u32) -> usize {
    let mut end = 1;
    while end < sorted.len() && sorted[end - 1] < target {
        end *= 2;
    }
    let start = end / 2;
    start + sorted[start..end.min(sorted.len())].partition_point(|&value| value < target)
}

/// Talk bitsets per key and field (`SearchIndex::bitset_words` words each).
#[derive(Debug, PartialEq, Eq)]
pub struct FieldTalkSets {
    /// Sorted, unique.
    pub keys: &'static [&'static str],
    /// Key i's bitset for field f (`Field::ALL` order) starts at word
    /// `(i * Field::ALL.len() + f) * bitset_words`.
    pub bits: &'static [u64],
}

impl FieldTalkSets {
    /// `key`'s bitsets, one per field in `Field::ALL` order, each `bitset_words` long.
    pub fn find(&self, key: &str, bitset_words: usize) -> Option<&'static [u64]> {
        let i = self.keys.binary_search(&key).ok()?;
        let len = Field::ALL.len() * bitset_words;
        Some(&self.bits[i * len..(i + 1) * len])
    }
}

/// Appends `value` to `out` in LEB128: seven bits a byte, low bits first, the top bit set on
/// all but the last byte.
pub fn encode_leb128(mut value: u32, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The LEB128 numbers of a byte string, decoded as they are read.
#[derive(Debug, Clone)]
pub struct Leb128<'a>(pub &'a [u8]);

impl Iterator for Leb128<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (mut value, mut shift) = (0, 0);
        loop {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            value |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
            shift += 7;
        }
    }
}

/// Talks presented in several parts, such as a two-part tutorial.
#[derive(Debug, PartialEq, Eq)]
pub struct Series {
    pub id: &'static str,
    pub title: &'static str,
    /// Its talks in part order (part n at n − 1); computed at build time.
    pub parts: &'static [u16],
}

/// A topic tag from the vocabulary declared in the data file.
#[derive(Debug, PartialEq, Eq)]
pub struct Tag {
    pub id: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Talk,
    Tutorial,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Talk, Format::Tutorial];

    pub fn id(self) -> &'static str {
        match self {
            Format::Talk => "talk",
            Format::Tutorial => "tutorial",
        }
    }

    pub fn label(self, messages: &crate::Messages) -> &'static str {
        match self {
            Format::Talk => messages.format_talk,
            Format::Tutorial => messages.format_tutorial,
        }
    }
}

/// What the data file says of the event as a whole; every part optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Event {
    pub name: Option<&'static str>,
    /// IANA name, e.g. `Europe/Berlin`: the zone the data's local times were written in.
    pub time_zone: Option<&'static str>,
    pub url: Option<&'static str>,
    /// BCP 47: the talks' language unless a talk says otherwise.
    pub language: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// Stable and URL-safe: used in links and element ids.
    pub id: &'static str,
    pub title: &'static str,
    pub format: Format,
    /// Empty when the data names none (a panel from an import, say).
    pub speakers: &'static [Speaker],
    pub abstract_text: RichText,
    /// Empty when the data gives no bio.
    pub bio: RichText,
    /// When it starts and ends: seconds since the Unix epoch (UTC), fixed at build time from
    /// the data's local times in the event's zone.
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// The event zone's offset from UTC at the start, in seconds: which day the talk is on
    /// there, without a zone database in the app.
    pub utc_offset: i32,
    /// A room name or a location.
    pub room: Option<&'static str>,
    pub track: Option<&'static str>,
    /// BCP 47, when the data gives one for this talk.
    pub language: Option<&'static str>,
    /// Indices into [`Catalog::tags`].
    pub tags: &'static [u16],
    /// Indices into [`Catalog::institutions`]: the union over the speakers, each once.
    pub institutions: &'static [u16],
    pub series: Option<SeriesPart>,
    pub links: &'static [Link],
    /// Up to three other talks most like this one (shared tags and distinctive words),
    /// best first; computed at build time.
    pub related: &'static [u16],
    /// Other talks given by any of its speakers, in programme order; computed at build time.
    pub same_speaker: &'static [u16],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Speaker {
    pub name: &'static str,
    /// As written in the data, e.g. "TILOS & UC San Diego"; empty when the data gives none.
    pub affiliation: &'static str,
    /// The affiliation split into institutions, e.g. ["TILOS", "UC San Diego"].
    pub institutions: &'static [&'static str],
    pub url: Option<&'static str>,
    pub bio: RichText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesPart {
    /// Index into [`Catalog::series`].
    pub series: u16,
    /// 1-based.
    pub part: u16,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    /// Empty when the data gives none: the kind names the link then.
    pub label: &'static str,
    pub url: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Slides,
    Video,
    Recording,
    Paper,
    Code,
    Other,
}

impl LinkKind {
    pub const ALL: [LinkKind; 6] =
        [LinkKind::Slides, LinkKind::Video, LinkKind::Recording, LinkKind::Paper, LinkKind::Code, LinkKind::Other];

    /// As written in the data file.
    pub fn id(self) -> &'static str {
        match self {
            LinkKind::Slides => "slides",
            LinkKind::Video => "video",
            LinkKind::Recording => "recording",
            LinkKind::Paper => "paper",
            LinkKind::Code => "code",
            LinkKind::Other => "other",
        }
    }

    /// The kind whose [`LinkKind::id`] is `id`.
    pub fn from_id(id: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

impl Catalog {
    /// The catalog of these parts, with its facet tables; its word index is derived when first
    /// needed.
    pub fn new(
        event: Event,
        series: &'static [Series],
        tags: &'static [Tag],
        institutions: &'static [&'static str],
        talks: &'static [Talk],
    ) -> Catalog {
        // Through a `SortedSet` rather than a sort: the values are few, and another sort would
        // be another copy of the sort code in the wasm.
        let values = |value_of: &dyn Fn(&Talk) -> Option<&'static str>| -> Vec<&'static str> {
            talks.iter().filter_map(value_of).collect::<SortedSet<_>>().iter().copied().collect()
        };
        let rooms = values(&|talk| talk.room);
        let tracks = values(&|talk| talk.track);
        let languages = values(&|talk| talk.language.or(event.language));
        let facets = crate::index::facet_tables(
            talks,
            tags.len(),
            institutions.len(),
            [&rooms, &tracks, &languages],
            event.language,
        );
        let event_days = DayTable::new(talks.iter().map(|talk| talk.start), talks.iter().map(|talk| talk.utc_offset));
        let short_set_min_positions = crate::index::SHORT_SET_MIN_POSITIONS;
        Catalog {
            event,
            series,
            tags,
            institutions,
            rooms,
            tracks,
            languages,
            talks,
            facets,
            event_days,
            viewer_days: OnceLock::new(),
            words: OnceLock::new(),
            words_in_progress: Mutex::default(),
            short_set_min_positions,
        }
    }

    /// This catalog, giving talk sets to short keys whose words occur at least `min_positions`
    /// times (tests pass 1, so that every short prefix and word is searched through its sets).
    pub fn with_short_sets_from(self, min_positions: usize) -> Catalog {
        Catalog {
            short_set_min_positions: min_positions,
            viewer_days: OnceLock::new(),
            words: OnceLock::new(),
            words_in_progress: Mutex::default(),
            ..self
        }
    }

    /// The word index: derived from the talks' text on the first call (or finished, if
    /// [`Catalog::derive_words`] has begun it).
    pub fn words(&self) -> &SearchIndex {
        self.words.get_or_init(|| {
            let started = std::mem::take(&mut *self.words_in_progress.lock().unwrap_or_else(PoisonError::into_inner));
            started.finish(self, self.short_set_min_positions)
        })
    }

    /// Derives the next part of the word index (`WordIndexBuilder::step`): the words of the next
    /// `talks` talks, or, once every talk's are in, sorting them, then the rest. Whether the
    /// index is complete. The app calls it
    /// between frames, so the index is ready without a long wait at any one time.
    pub fn derive_words(&self, talks: usize) -> bool {
        if self.has_words() {
            return true;
        }
        let mut building = self.words_in_progress.lock().unwrap_or_else(PoisonError::into_inner);
        match building.step(self, talks, self.short_set_min_positions) {
            Some(index) => {
                drop(building);
                let _ = self.words.set(index);
                true
            }
            None => false,
        }
    }

    /// Whether [`Catalog::words`] has been derived.
    pub fn has_words(&self) -> bool {
        self.words.get().is_some()
    }

    pub fn talk_index(&self, id: &str) -> Option<usize> {
        self.talks.iter().position(|talk| talk.id == id)
    }

    pub fn tag_index(&self, id: &str) -> Option<usize> {
        self.tags.iter().position(|tag| tag.id == id)
    }

    pub fn institution_index(&self, name: &str) -> Option<usize> {
        self.institutions.iter().position(|known| *known == name)
    }

    /// Other talks given by any of `talk`'s speakers, in programme order.
    pub fn same_speaker_talks(&self, talk: usize) -> Vec<usize> {
        self.talks[talk].same_speaker.iter().map(|&other| usize::from(other)).collect()
    }

    /// The parts of a series in order: (part number, talk index).
    pub fn series_parts(&self, series: u16) -> Vec<(u16, usize)> {
        (1..).zip(self.series[usize::from(series)].parts.iter().map(|&talk| usize::from(talk))).collect()
    }
}

impl Talk {
    /// The text of each searchable field, in ranking-neutral order. The search index is built
    /// from exactly these texts, and phrase checks and highlighting look at them again.
    pub fn field_texts(&self, catalog: &Catalog) -> Vec<(Field, &'static str)> {
        let mut texts = vec![(Field::Title, self.title)];
        for speaker in self.speakers {
            texts.push((Field::Speaker, speaker.name));
            texts.push((Field::Affiliation, speaker.affiliation));
            texts.extend(speaker.institutions.iter().map(|&institution| (Field::Affiliation, institution)));
        }
        for &tag in self.tags {
            let tag = &catalog.tags[usize::from(tag)];
            texts.push((Field::Tag, tag.label));
            texts.push((Field::Tag, tag.id));
        }
        texts.extend(self.abstract_text.blocks.iter().map(|&block| (Field::Abstract, block)));
        let bios = std::iter::once(&self.bio).chain(self.speakers.iter().map(|speaker| &speaker.bio));
        texts.extend(bios.flat_map(|bio| bio.blocks.iter().map(|&block| (Field::Bio, block))));
        texts
    }
}
