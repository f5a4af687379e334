//! The catalog's data model. Values are `'static`: the app decodes the catalog once from the
//! bytes embedded in it (`codec`), borrowing its strings from them, and derives the rest.

use crate::field::Field;
use crate::index::WordIndexBuilder;
use crate::matcher::letter_mask;
use std::sync::{Mutex, OnceLock, PoisonError};

/// The whole catalog: what one data file describes.
#[derive(Debug)]
pub struct Catalog {
    pub series: &'static [Series],
    pub tags: &'static [Tag],
    /// Every institution named by a speaker, sorted, each once: the institution facet's values.
    pub institutions: &'static [&'static str],
    /// In data order, which is also the default display order.
    pub talks: &'static [Talk],
    /// Facet bitsets and sort orders, derived with the catalog (`index::facet_tables`).
    pub facets: FacetTables,
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
    /// Concatenated bitsets of talks per tag, per institution and per format.
    pub tag_bits: &'static [u64],
    pub institution_bits: &'static [u64],
    pub format_bits: &'static [u64],
    /// Each talk's position in title order and in speaker-surname order.
    pub title_rank: &'static [u32],
    pub surname_rank: &'static [u32],
}

/// The word index (`index::word_index`), so a keystroke only looks things up. What is cheap to
/// derive from it (each term's slice of the vocabulary, its letter mask, where its positions
/// start) is derived on first use: see [`TermTables`].
#[derive(Debug)]
pub struct SearchIndex {
    /// Sorted, unique folded words of every searchable field, each followed by
    /// [`TERM_END`]; read them with [`SearchIndex::terms`].
    pub vocabulary: &'static str,
    /// Where each term occurs. Every word of every field text has a position: talk by talk,
    /// text by text (`Talk::field_texts` order), with one unused position after each text, so
    /// consecutive positions are always in the same text. Term i's positions, packed as
    /// `position << Field::BITS | field`, ascending, are encoded (see [`encode_positions`]) one
    /// term after the other in `positions`; read them with [`SearchIndex::term_positions`].
    /// (One list serves words and phrases alike: separate per-talk postings would cost more
    /// space than finding the talks from positions costs.)
    pub positions: &'static [u8],
    /// Each term's encoded size in `positions`, in bytes, as LEB128 numbers (see
    /// [`encode_leb128`]): smaller to ship than the offsets, which are derived from them.
    pub positions_sizes: &'static [u8],
    /// Talk t's (unpacked) positions are `talk_positions[t]..talk_positions[t + 1]`.
    pub talk_positions: &'static [u32],
    /// Per field, the talks having a word that starts with one of these keys: short prefixes
    /// (too short for typos) whose words occur so often that decoding their positions would
    /// take too long for a keystroke. The build picks them (`prepare`).
    pub prefix_talks: FieldTalkSets,
    /// The same for short words that occur that often, with the word itself as the key.
    pub word_talks: FieldTalkSets,
    /// Length of each talk set in u64 words.
    pub bitset_words: usize,
    /// Derived from `vocabulary` and `positions_sizes` on first use; read it through
    /// [`SearchIndex::term_tables`].
    pub term_tables: OnceLock<TermTables>,
}

/// Ends each term in [`SearchIndex::vocabulary`]. Terms are runs of alphanumeric characters,
/// so it never occurs inside one.
pub const TERM_END: char = ' ';

/// Per-term tables derived from the shipped index on the first search rather than shipped: they
/// are a function of it, and as generated data they cost far more bytes than the code deriving
/// them (about 3 ms at 10,000 talks, natively: BENCHMARKS.md, "Size").
#[derive(Debug, PartialEq, Eq)]
pub struct TermTables {
    /// The vocabulary's terms, in order.
    pub terms: Vec<&'static str>,
    /// Per term, its [`letter_mask`]: lets the typo search skip most of the vocabulary without
    /// computing an edit distance.
    pub masks: Vec<u32>,
    /// Term i's encoded positions are `positions[positions_start[i]..positions_start[i + 1]]`.
    pub positions_start: Vec<u32>,
}

impl TermTables {
    /// The tables for `vocabulary` and `positions_sizes` (as [`SearchIndex`] has them).
    pub fn derive(vocabulary: &'static str, positions_sizes: &[u8]) -> TermTables {
        let terms: Vec<&'static str> = vocabulary.split_terminator(TERM_END).collect();
        let masks = terms.iter().map(|term| letter_mask(term)).collect();
        let mut positions_start = Vec::with_capacity(terms.len() + 1);
        positions_start.push(0);
        let mut end = 0;
        for size in Leb128(positions_sizes) {
            end += size;
            positions_start.push(end);
        }
        assert!(positions_start.len() == terms.len() + 1, "one positions size per term");
        TermTables { terms, masks, positions_start }
    }
}

impl SearchIndex {
    /// The derived per-term tables, computed on the first call.
    pub fn term_tables(&self) -> &TermTables {
        self.term_tables.get_or_init(|| TermTables::derive(self.vocabulary, self.positions_sizes))
    }

    /// The vocabulary: sorted, unique folded words of every searchable field.
    pub fn terms(&self) -> &[&'static str] {
        &self.term_tables().terms
    }

    /// Term `term`'s packed positions, ascending.
    pub fn term_positions(&self, term: usize) -> Positions {
        Positions { bytes: &self.positions[self.positions_range(term)], last: 0 }
    }

    /// The size in bytes of term `term`'s encoded positions: about proportional to their number.
    pub fn positions_size(&self, term: usize) -> usize {
        self.positions_range(term).len()
    }

    fn positions_range(&self, term: usize) -> std::ops::Range<usize> {
        let starts = &self.term_tables().positions_start;
        starts[term] as usize..starts[term + 1] as usize
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

/// The per-term part of a [`SearchIndex`] as it ships (`vocabulary`, `positions`,
/// `positions_sizes`), written a term at a time; [`TermTables::derive`] reads it back.
#[derive(Debug, Default)]
pub struct EncodedTerms {
    pub vocabulary: String,
    pub positions: Vec<u8>,
    pub positions_sizes: Vec<u8>,
}

impl EncodedTerms {
    /// Appends `term`, which sorts after every term so far, with its ascending packed positions.
    pub fn push(&mut self, term: &str, positions: &[u32]) {
        assert!(!term.contains(TERM_END), "a word holds the vocabulary's separator: {term:?}");
        self.vocabulary.push_str(term);
        self.vocabulary.push(TERM_END);
        let start = self.positions.len();
        encode_positions(positions, &mut self.positions);
        encode_leb128((self.positions.len() - start) as u32, &mut self.positions_sizes);
    }
}

/// Appends ascending `positions` to `out` as `SearchIndex::positions` stores them: each as its
/// difference from the previous one (the first from 0) in LEB128 (see [`encode_leb128`]). The
/// differences are small, so most take one or two bytes instead of four, and the build's data
/// shrinks and compresses better.
pub fn encode_positions(positions: &[u32], out: &mut Vec<u8>) {
    let mut last = 0;
    for &position in positions {
        encode_leb128(position - last, out);
        last = position;
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

/// One term's packed positions, decoded as they are read.
#[derive(Debug, Clone)]
pub struct Positions {
    bytes: &'static [u8],
    last: u32,
}

impl Iterator for Positions {
    type Item = u32;

    // The same decoding as `Leb128`, written out: this loop is the search's hottest, and it
    // measured faster spelled out than through `Leb128` (phrases at 10,000 talks: BENCHMARKS.md).
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
    /// Other talks given by any of its speakers, in programme order; computed at build time.
    pub same_speaker: &'static [u16],
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
    /// The catalog of these parts, with its facet tables; its word index is derived when first
    /// needed.
    pub fn new(
        series: &'static [Series],
        tags: &'static [Tag],
        institutions: &'static [&'static str],
        talks: &'static [Talk],
    ) -> Catalog {
        let facets = crate::index::facet_tables(talks, tags.len(), institutions.len());
        let short_set_min_positions = crate::index::SHORT_SET_MIN_POSITIONS;
        Catalog {
            series,
            tags,
            institutions,
            talks,
            facets,
            words: OnceLock::new(),
            words_in_progress: Mutex::default(),
            short_set_min_positions,
        }
    }

    /// This catalog, giving talk sets to short keys whose words occur at least `min_positions`
    /// times (tests pass 1, so that every short prefix and word is searched through its sets).
    pub fn with_short_sets_from(self, min_positions: usize) -> Catalog {
        Catalog { short_set_min_positions: min_positions, words: OnceLock::new(), ..self }
    }

    /// The word index: derived from the talks' text on the first call (or finished, if
    /// [`Catalog::derive_words`] has begun it).
    pub fn words(&self) -> &SearchIndex {
        self.words.get_or_init(|| {
            let started = std::mem::take(&mut *self.words_in_progress.lock().unwrap_or_else(PoisonError::into_inner));
            started.finish(self, self.short_set_min_positions)
        })
    }

    /// Derives the next part of the word index: the words of the next `talks` talks, or, once
    /// every talk's are in, the rest of it and its term tables. Whether the index is complete. The app calls it
    /// between frames, so the index is ready without a long wait at any one time.
    pub fn derive_words(&self, talks: usize) -> bool {
        if self.has_words() {
            return true;
        }
        let more = self.words_in_progress.lock().unwrap_or_else(PoisonError::into_inner).add_talks(self, talks);
        if !more {
            self.words().term_tables();
        }
        !more
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
        texts.extend(self.abstract_paragraphs.iter().map(|&paragraph| (Field::Abstract, paragraph)));
        texts.extend(self.bio.iter().map(|&paragraph| (Field::Bio, paragraph)));
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> SearchIndex {
        SearchIndex {
            vocabulary: "",
            positions: &[],
            positions_sizes: &[],
            talk_positions: &[0],
            prefix_talks: FieldTalkSets { keys: &[], bits: &[] },
            word_talks: FieldTalkSets { keys: &[], bits: &[] },
            bitset_words: 0,
            term_tables: OnceLock::new(),
        }
    }

    /// An index of `terms` (sorted) with `lists` as their positions, as `index` builds it.
    fn index_of(terms: &[&str], lists: &[&[u32]]) -> SearchIndex {
        let mut encoded = EncodedTerms::default();
        terms.iter().zip(lists).for_each(|(term, list)| encoded.push(term, list));
        SearchIndex {
            vocabulary: Box::leak(encoded.vocabulary.into_boxed_str()),
            positions: leak(encoded.positions),
            positions_sizes: leak(encoded.positions_sizes),
            ..empty()
        }
    }

    #[test]
    fn positions_round_trip() {
        let lists: [&[u32]; 4] = [&[], &[0], &[0, 1, 127, 128, 129, 16_383, 16_384, 2_097_152], &[5, u32::MAX]];
        let index = index_of(&["a", "b", "c", "d"], &lists);
        for (term, list) in lists.iter().enumerate() {
            assert_eq!(index.term_positions(term).collect::<Vec<_>>(), *list);
        }
    }

    #[test]
    fn term_tables_are_derived_from_the_vocabulary_and_the_sizes() {
        // 300 positions 1 apart take 300 bytes: a size of two LEB128 bytes.
        let long: Vec<u32> = (1..=300).collect();
        let terms = ["hessian", "x", "ß2", "zeta"];
        let index = index_of(&terms, &[&[8], &long, &[], &[1, 200]]);
        let tables = index.term_tables();
        assert_eq!(tables.terms, terms);
        assert_eq!(tables.masks, terms.map(letter_mask));
        assert_eq!(tables.positions_start, [0, 1, 301, 301, 304]);
        assert_eq!(index.terms(), terms);
        assert_eq!(index.positions_size(1), 300);
        assert_eq!(index.term_positions(1).collect::<Vec<_>>(), long);
        assert_eq!(index.term_positions(3).collect::<Vec<_>>(), [1, 200]);
        assert!(empty().terms().is_empty());
    }

    #[test]
    #[should_panic(expected = "one positions size per term")]
    fn term_tables_reject_a_size_list_of_the_wrong_length() {
        TermTables::derive("a b ", &[1]);
    }

    fn leak<T>(items: Vec<T>) -> &'static [T] {
        Box::leak(items.into_boxed_slice())
    }
}
