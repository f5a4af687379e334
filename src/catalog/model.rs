//! The catalog's data model. Values are `'static`: `build.rs` generates them from the data file,
//! so the app starts with the catalog already in memory and never parses anything.
//!
//! `build.rs` includes this file too: it must not depend on anything but `field`.

use super::field::Field;

/// The whole catalog: what one data file describes.
#[derive(Debug, PartialEq, Eq)]
pub struct Catalog {
    pub series: &'static [Series],
    pub tags: &'static [Tag],
    /// Every institution named by a speaker, sorted, each once: the institution facet's values.
    pub institutions: &'static [&'static str],
    /// In data order, which is also the default display order.
    pub talks: &'static [Talk],
    /// Search and facet tables precomputed by `build.rs`.
    pub index: SearchIndex,
}

/// Tables precomputed at build time (see `build/index.rs`) so a keystroke only looks things up.
#[derive(Debug, PartialEq, Eq)]
pub struct SearchIndex {
    /// Sorted, unique folded words of every searchable field.
    pub terms: &'static [&'static str],
    /// Per term, its [`letter_mask`](super::matcher::letter_mask): lets the typo search skip
    /// most of the vocabulary without computing an edit distance.
    pub term_masks: &'static [u32],
    /// Where each term occurs. Every word of every field text has a position: talk by talk,
    /// text by text (`Talk::field_texts` order), with one unused position after each text, so
    /// consecutive positions are always in the same text. Term i's positions, packed as
    /// `position << Field::BITS | field`, ascending, are encoded (see [`encode_positions`])
    /// in `positions[positions_start[i]..positions_start[i + 1]]`; read them with
    /// [`SearchIndex::term_positions`]. (One list serves words and phrases alike: separate
    /// per-talk postings would cost more space than finding the talks from positions costs.)
    pub positions_start: &'static [u32],
    pub positions: &'static [u8],
    /// Talk t's (unpacked) positions are `talk_positions[t]..talk_positions[t + 1]`.
    pub talk_positions: &'static [u32],
    /// Per field, the talks having a word that starts with one of these keys: short prefixes
    /// (too short for typos) whose words occur so often that decoding their positions would
    /// take too long for a keystroke. The build picks them (`build/prepare.rs`).
    pub prefix_talks: FieldTalkSets,
    /// The same for short words that occur that often, with the word itself as the key.
    pub word_talks: FieldTalkSets,
    /// Length of each facet bitset in u64 words.
    pub bitset_words: usize,
    /// Concatenated bitsets of talks per tag, per institution and per format.
    pub tag_bits: &'static [u64],
    pub institution_bits: &'static [u64],
    pub format_bits: &'static [u64],
    /// Each talk's position in title order and in speaker-surname order.
    pub title_rank: &'static [u32],
    pub surname_rank: &'static [u32],
}

impl SearchIndex {
    /// No tables: a placeholder while a catalog is being assembled.
    pub const EMPTY: SearchIndex = SearchIndex {
        terms: &[],
        term_masks: &[],
        positions_start: &[0],
        positions: &[],
        talk_positions: &[0],
        prefix_talks: FieldTalkSets::EMPTY,
        word_talks: FieldTalkSets::EMPTY,
        bitset_words: 0,
        tag_bits: &[],
        institution_bits: &[],
        format_bits: &[],
        title_rank: &[],
        surname_rank: &[],
    };

    /// Term `term`'s packed positions, ascending.
    pub fn term_positions(&self, term: usize) -> Positions {
        let bytes = &self.positions[self.positions_start[term] as usize..self.positions_start[term + 1] as usize];
        Positions { bytes, last: 0 }
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
    pub const EMPTY: FieldTalkSets = FieldTalkSets { keys: &[], bits: &[] };

    /// `key`'s bitsets, one per field in `Field::ALL` order, each `bitset_words` long.
    pub fn find(&self, key: &str, bitset_words: usize) -> Option<&'static [u64]> {
        let i = self.keys.binary_search(&key).ok()?;
        let len = Field::ALL.len() * bitset_words;
        Some(&self.bits[i * len..(i + 1) * len])
    }
}

/// Appends ascending `positions` to `out` as `SearchIndex::positions` stores them: each as its
/// difference from the previous one (the first from 0) in LEB128, seven bits a byte, low bits
/// first, the top bit set on all but the last byte. The differences are small, so most
/// take one or two bytes instead of four, and the build's data shrinks and compresses better.
pub fn encode_positions(positions: &[u32], out: &mut Vec<u8>) {
    let mut last = 0;
    for &position in positions {
        let mut rest = position - last;
        while rest >= 0x80 {
            out.push(rest as u8 | 0x80);
            rest >>= 7;
        }
        out.push(rest as u8);
        last = position;
    }
}

/// One term's packed positions, decoded as they are read.
#[derive(Debug, Clone)]
pub struct Positions {
    bytes: &'static [u8],
    last: u32,
}

impl Iterator for Positions {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (mut difference, mut shift) = (0, 0);
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            difference |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                break;
            }
            shift += 7;
        }
        self.last += difference;
        Some(self.last)
    }
}

/// Talks presented in several parts, such as a two-part tutorial.
#[derive(Debug, PartialEq, Eq)]
pub struct Series {
    pub id: &'static str,
    pub title: &'static str,
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

    pub fn label(self) -> &'static str {
        match self {
            Format::Talk => "Talk",
            Format::Tutorial => "Tutorial",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// Stable and URL-safe: used in links and element ids.
    pub id: &'static str,
    pub title: &'static str,
    pub format: Format,
    pub speakers: &'static [Speaker],
    pub abstract_paragraphs: &'static [&'static str],
    /// Empty when the data gives no bio.
    pub bio: &'static [&'static str],
    /// Indices into [`Catalog::tags`].
    pub tags: &'static [u16],
    /// Indices into [`Catalog::institutions`]: the union over the speakers, each once.
    pub institutions: &'static [u16],
    pub series: Option<SeriesPart>,
    pub links: &'static [Link],
    /// Up to three other talks most like this one (shared tags and distinctive words),
    /// best first; computed at build time.
    pub related: &'static [u16],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Speaker {
    pub name: &'static str,
    /// As written in the data, e.g. "TILOS & UC San Diego".
    pub affiliation: &'static str,
    /// The affiliation split into institutions, e.g. ["TILOS", "UC San Diego"].
    pub institutions: &'static [&'static str],
    pub url: Option<&'static str>,
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
    pub label: &'static str,
    pub url: &'static str,
}

impl Catalog {
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
        let names: Vec<&str> = self.talks[talk].speakers.iter().map(|speaker| speaker.name).collect();
        (self.talks.iter().enumerate())
            .filter(|&(other, candidate)| {
                other != talk && candidate.speakers.iter().any(|speaker| names.contains(&speaker.name))
            })
            .map(|(other, _)| other)
            .collect()
    }

    /// The parts of a series in order: (part number, talk index).
    pub fn series_parts(&self, series: u16) -> Vec<(u16, usize)> {
        let mut parts: Vec<(u16, usize)> = (self.talks.iter().enumerate())
            .filter_map(|(index, talk)| talk.series.filter(|part| part.series == series).map(|part| (part.part, index)))
            .collect();
        parts.sort_unstable();
        parts
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
        texts.extend(self.abstract_paragraphs.iter().map(|&paragraph| (Field::Abstract, paragraph)));
        texts.extend(self.bio.iter().map(|&paragraph| (Field::Bio, paragraph)));
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip() {
        let lists: [&[u32]; 4] = [&[], &[0], &[0, 1, 127, 128, 129, 16_383, 16_384, 2_097_152], &[5, u32::MAX]];
        for list in lists {
            let mut bytes = Vec::new();
            encode_positions(list, &mut bytes);
            let index = SearchIndex {
                positions_start: leak(vec![0, bytes.len() as u32]),
                positions: leak(bytes),
                ..SearchIndex::EMPTY
            };
            assert_eq!(index.term_positions(0).collect::<Vec<_>>(), list);
        }
    }

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }
}
