//! Builds a catalog's tables: the word index (`SearchIndex`: the sorted vocabulary of folded
//! words with their positions, talk sets for frequent short prefixes) and the facet tables
//! (`FacetTables`: per-value bitsets and sort orders). They are a function of the talks' text,
//! so the app derives them when it starts rather than downloading them (`codec`).

use crate::field::Field;
use crate::leak::{leak, leak_strs};
use crate::matcher::{letter_mask, typo_budget};
use crate::model::{Catalog, FacetTables, FieldTalkSets, Format, SearchIndex, Talk, TalkCursor};
use crate::text::{fold, for_each_word};
use rustc_hash::FxHashMap;

/// Short prefixes and words (see `SearchIndex::prefix_talks`) whose words occur at least this
/// often get talk sets. Decoding positions costs about 10 ns each natively, so a key below this
/// costs at most about 0.2 ms a keystroke; at 10,000 synthetic talks about 120 prefixes and 20
/// words reach it, about 1 MB of bitsets (the seed's 20 talks have 4,393 positions in all, so
/// none do, and its build stays as small as before).
pub const SHORT_SET_MIN_POSITIONS: usize = 16_384;

/// The word index of `catalog`, giving talk sets to short keys whose words occur at least
/// `min_positions` times.
pub fn word_index(catalog: &Catalog, min_positions: usize) -> SearchIndex {
    WordIndexBuilder::default().finish(catalog, min_positions)
}

/// Builds a catalog's word index a part at a time ([`WordIndexBuilder::step`]), so the app can
/// build it between frames without holding up input for long, or all at once
/// ([`WordIndexBuilder::finish`]).
#[derive(Debug, Default)]
pub struct WordIndexBuilder {
    /// Talks before this one are in.
    next_talk: usize,
    /// Each word's place in `lists`. Words are looked up by hash while collecting and sorted
    /// once at the end: a sorted map would compare strings at every word of the catalog.
    ids: FxHashMap<Box<str>, usize>,
    /// Each word's positions (see `SearchIndex`), ascending as they are numbered.
    lists: Vec<Vec<u32>>,
    talk_positions: Vec<u32>,
    position: u32,
    /// Once every talk is in: the vocabulary, sorted.
    sorted: Option<Vec<WordPositions>>,
}

impl WordIndexBuilder {
    /// Does the next part of the work: the words of the next `talks` talks of `catalog`; once
    /// they are all in, sorting the vocabulary; then the rest. The index, once that is done.
    pub fn step(&mut self, catalog: &Catalog, talks: usize, min_positions: usize) -> Option<SearchIndex> {
        if self.talk_positions.is_empty() || self.next_talk < catalog.talks.len() {
            self.add_talks(catalog, talks);
            return None;
        }
        match self.sorted.take() {
            None => {
                self.sorted = Some(self.sort());
                None
            }
            Some(vocabulary) => {
                let talk_positions = std::mem::take(&mut self.talk_positions);
                Some(index_of_words(catalog, vocabulary, talk_positions, min_positions))
            }
        }
    }

    /// The index, after the work not done yet.
    pub fn finish(mut self, catalog: &Catalog, min_positions: usize) -> SearchIndex {
        loop {
            if let Some(index) = self.step(catalog, usize::MAX, min_positions) {
                return index;
            }
        }
    }

    /// Adds the words of the next `count` talks of `catalog`.
    fn add_talks(&mut self, catalog: &Catalog, count: usize) {
        let end = catalog.talks.len().min(self.next_talk.saturating_add(count));
        if self.talk_positions.is_empty() {
            self.talk_positions.push(0);
        }
        for talk in &catalog.talks[self.next_talk..end] {
            for (field, text) in talk.field_texts(catalog) {
                for_each_word(text, |word| {
                    let id = match self.ids.get(word) {
                        Some(&id) => id,
                        None => {
                            self.ids.insert(word.into(), self.lists.len());
                            self.lists.push(Vec::new());
                            self.lists.len() - 1
                        }
                    };
                    self.lists[id].push(field.pack(self.position));
                    self.position += 1;
                });
                self.position += 1;
            }
            self.talk_positions.push(self.position);
        }
        assert!(self.position < 1 << (32 - Field::BITS), "too many words to number positions in a u32");
        self.next_talk = end;
    }

    /// Every word collected, with its positions, sorted.
    fn sort(&mut self) -> Vec<WordPositions> {
        let mut words: Vec<(Box<str>, usize)> = std::mem::take(&mut self.ids).into_iter().collect();
        words.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        let lists = &mut self.lists;
        words.into_iter().map(|(word, id)| (word, std::mem::take(&mut lists[id]))).collect()
    }
}

/// The index of every word of `catalog`, sorted, with its positions.
fn index_of_words(
    catalog: &Catalog,
    vocabulary: Vec<WordPositions>,
    talk_positions: Vec<u32>,
    min_positions: usize,
) -> SearchIndex {
    let bitset_words = catalog.talks.len().div_ceil(64);
    let (prefix_talks, word_talks) = short_key_sets(&vocabulary, &talk_positions, bitset_words, min_positions);
    let mut positions_start = Vec::with_capacity(vocabulary.len() + 1);
    positions_start.push(0);
    let mut positions = Vec::with_capacity(talk_positions.last().map_or(0, |&last| last as usize));
    let mut terms = Vec::with_capacity(vocabulary.len());
    for (term, term_positions) in vocabulary {
        positions.extend(term_positions);
        positions_start.push(positions.len() as u32);
        terms.push(&*Box::leak(term));
    }
    SearchIndex {
        masks: terms.iter().map(|term| letter_mask(term)).collect(),
        terms,
        positions,
        positions_start,
        talk_positions,
        prefix_talks,
        word_talks,
        bitset_words,
    }
}

/// The facet bitsets and sort orders of `talks`, which have `tags` tags and `institutions`
/// institutions between them.
pub fn facet_tables(
    talks: &[Talk],
    tags: usize,
    institutions: usize,
    [rooms, tracks, languages]: [&[&str]; 3],
    event_language: Option<&str>,
) -> FacetTables {
    let bitset_words = talks.len().div_ceil(64);
    // One bitset per facet value: bit t is set when talk t has the value.
    let bitsets = |values: usize, values_of: &dyn Fn(&Talk) -> Vec<usize>| {
        let mut bits = vec![0u64; values * bitset_words];
        for (index, talk) in talks.iter().enumerate() {
            for value in values_of(talk) {
                bits[value * bitset_words + index / 64] |= 1 << (index % 64);
            }
        }
        leak(bits)
    };
    let indices = |values: &[u16]| values.iter().map(|&value| usize::from(value)).collect();
    let format = |talk: &Talk| Format::ALL.iter().position(|&format| format == talk.format).into_iter().collect();
    let named = |names: &[&str], name: Option<&str>| {
        name.and_then(|name| names.binary_search(&name).ok()).into_iter().collect()
    };
    // Talks without a start sort after every start, in data order. As fixed-width hex strings,
    // which sort as the numbers do: ranking strings is code the wasm has anyway.
    let start_key = |start: i64| {
        let biased = (start as u64) ^ (1 << 63);
        (0..16)
            .rev()
            .map(|digit| char::from_digit((biased >> (digit * 4) & 0xf) as u32, 16).unwrap_or('0'))
            .collect::<String>()
    };
    let starts = || talks.iter().map(|talk| start_key(talk.start.unwrap_or(i64::MAX))).collect();
    FacetTables {
        bitset_words,
        tag_bits: bitsets(tags, &|talk| indices(talk.tags)),
        institution_talks: {
            let mut lists = vec![Vec::new(); institutions];
            for (index, talk) in talks.iter().enumerate() {
                talk.institutions.iter().for_each(|&institution| lists[usize::from(institution)].push(index as u32));
            }
            leak(lists.into_iter().map(leak).collect())
        },
        format_bits: bitsets(Format::ALL.len(), &format),
        room_bits: bitsets(rooms.len(), &|talk| named(rooms, talk.room)),
        track_bits: bitsets(tracks.len(), &|talk| named(tracks, talk.track)),
        language_bits: bitsets(languages.len(), &|talk| named(languages, talk.language.or(event_language))),
        title_rank: ranks(talks.iter().map(|talk| fold(talk.title)).collect()),
        surname_rank: ranks(talks.iter().map(surname_key).collect()),
        // Without times (most catalogs) time order is data order: no keys to make at start-up.
        start_rank: if talks.iter().any(|talk| talk.start.is_some()) {
            ranks(starts())
        } else {
            leak((0..talks.len() as u32).collect())
        },
    }
}

/// A word and its positions, ascending.
type WordPositions = (Box<str>, Vec<u32>);

/// The prefixes of `word` too short for typo tolerance, shortest first: a query word this short
/// matches exactly the words starting with it. Includes `word` itself if it is that short.
fn short_prefixes(word: &str) -> impl Iterator<Item = &str> {
    let ends = word.char_indices().skip(1).map(|(end, _)| end).chain([word.len()]);
    ends.map(|end| &word[..end]).take_while(|prefix| typo_budget(prefix.chars().count()) == 0)
}

/// Per-field talk bitsets (see `FieldTalkSets`) for the short prefixes, and for the short
/// words, whose words occur `min_positions` times or more: the index's `prefix_talks` and
/// `word_talks`. One walk over each word's positions fills both.
fn short_key_sets(
    vocabulary: &[WordPositions],
    talk_positions: &[u32],
    bitset_words: usize,
    min_positions: usize,
) -> (FieldTalkSets, FieldTalkSets) {
    // The vocabulary is sorted, so the words with a given prefix are consecutive: a prefix's
    // count is that of a run, per prefix length.
    let mut prefixes: Vec<&str> = Vec::new();
    let mut runs: Vec<(&str, usize)> = Vec::new();
    for (word, positions) in vocabulary {
        for (length, prefix) in short_prefixes(word).enumerate() {
            match runs.get_mut(length) {
                Some(run) if run.0 == prefix => run.1 += positions.len(),
                Some(run) => {
                    let (ended, count) = std::mem::replace(run, (prefix, positions.len()));
                    if count >= min_positions {
                        prefixes.push(ended);
                    }
                }
                None => runs.push((prefix, positions.len())),
            }
        }
    }
    prefixes.extend(runs.into_iter().filter(|&(_, count)| count >= min_positions).map(|(prefix, _)| prefix));
    prefixes.sort_unstable();
    // A short word's own count is its positions' (the vocabulary is sorted, so these are too).
    let is_short = |word: &str| short_prefixes(word).last() == Some(word);
    let words: Vec<&str> = (vocabulary.iter())
        .filter(|(word, positions)| positions.len() >= min_positions && is_short(word))
        .map(|(word, _)| &**word)
        .collect();

    let table = |keys: usize| vec![0u64; keys * Field::ALL.len() * bitset_words];
    let (mut prefix_bits, mut word_bits) = (table(prefixes.len()), table(words.len()));
    for (word, positions) in vocabulary {
        let word_prefixes: Vec<usize> =
            short_prefixes(word).filter_map(|prefix| prefixes.binary_search(&prefix).ok()).collect();
        let word_key = words.binary_search(&&**word).ok();
        if word_prefixes.is_empty() && word_key.is_none() {
            continue;
        }
        let mut talks = TalkCursor::new(talk_positions);
        for &packed in positions {
            let (position, field) = Field::unpack(packed);
            let talk = talks.talk_of(position);
            // Field codes are their places in `Field::ALL`.
            let at = |key: usize| (key * Field::ALL.len() + field.code() as usize) * bitset_words + talk / 64;
            let bit = 1 << (talk % 64);
            word_prefixes.iter().for_each(|&key| prefix_bits[at(key)] |= bit);
            if let Some(key) = word_key {
                word_bits[at(key)] |= bit;
            }
        }
    }
    let sets = |keys: Vec<&str>, bits| FieldTalkSets {
        keys: leak_strs(keys.into_iter().map(str::to_owned).collect()),
        bits: leak(bits),
    };
    (sets(prefixes, prefix_bits), sets(words, word_bits))
}

/// The sort key for "by speaker": first speaker's surname (last word of the name), then name.
fn surname_key(talk: &Talk) -> (String, String) {
    let name = talk.speakers.first().map(|speaker| speaker.name).unwrap_or_default();
    let surname = name.split_whitespace().last().unwrap_or_default();
    (fold(surname), fold(name))
}

/// Each item's position in sorted order; ties keep data order.
fn ranks<K: Ord>(keys: Vec<K>) -> &'static [u32] {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    let mut rank = vec![0; keys.len()];
    for (position, talk) in order.into_iter().enumerate() {
        rank[talk] = position as u32;
    }
    leak(rank)
}
