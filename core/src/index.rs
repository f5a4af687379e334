//! Builds the search and facet tables of a catalog (`SearchIndex`): the sorted vocabulary of
//! folded words with their positions, talk sets for frequent short prefixes, per-value facet
//! bitsets and sort orders. They are a function of the talks' text, so the app derives them
//! when it starts rather than downloading them (`codec`).

use crate::field::Field;
use crate::leak::{leak, leak_str, leak_strs};
use crate::matcher::typo_budget;
use crate::model::{Catalog, EncodedTerms, FacetTables, FieldTalkSets, Format, SearchIndex, Talk, TalkCursor};
use crate::text::{fold, for_each_word};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Short prefixes and words (see `SearchIndex::prefix_talks`) whose words occur at least this
/// often get talk sets. Decoding positions costs about 10 ns each natively, so a key below this
/// costs at most about 0.2 ms a keystroke; at 10,000 synthetic talks about 120 prefixes and 20
/// words reach it, about 1 MB of bitsets (the seed's 20 talks have 4,393 positions in all, so
/// none do, and its build stays as small as before).
pub const SHORT_SET_MIN_POSITIONS: usize = 16_384;

/// The word index of `catalog`, giving talk sets to short keys whose words occur at least
/// `min_positions` times.
pub fn word_index(catalog: &Catalog, min_positions: usize) -> SearchIndex {
    let (vocabulary, talk_positions) = word_positions(catalog);
    let bitset_words = catalog.talks.len().div_ceil(64);
    let sets = |keys_of: fn(&str) -> Vec<&str>| {
        field_talk_sets(&vocabulary, keys_of, &talk_positions, bitset_words, min_positions)
    };
    let prefix_talks = sets(|word| short_prefixes(word).collect());
    let word_talks = sets(|word| short_prefixes(word).filter(|&prefix| prefix == word).collect());
    let mut encoded = EncodedTerms::default();
    vocabulary.iter().for_each(|(term, positions)| encoded.push(term, positions));
    SearchIndex {
        vocabulary: leak_str(encoded.vocabulary),
        positions: leak(encoded.positions),
        positions_sizes: leak(encoded.positions_sizes),
        talk_positions: leak(talk_positions),
        prefix_talks,
        word_talks,
        bitset_words,
        term_tables: OnceLock::new(),
    }
}

/// The facet bitsets and sort orders of `talks`, which have `tags` tags and `institutions`
/// institutions between them.
pub fn facet_tables(talks: &[Talk], tags: usize, institutions: usize) -> FacetTables {
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
    FacetTables {
        bitset_words,
        tag_bits: bitsets(tags, &|talk| indices(talk.tags)),
        institution_bits: bitsets(institutions, &|talk| indices(talk.institutions)),
        format_bits: bitsets(Format::ALL.len(), &format),
        title_rank: ranks(talks.iter().map(|talk| fold(talk.title)).collect()),
        surname_rank: ranks(talks.iter().map(surname_key).collect()),
    }
}

/// A word and its positions, ascending.
type WordPositions = (Box<str>, Vec<u32>);

/// Every word of the catalog, sorted, with its positions (see `SearchIndex`), and where each
/// talk's positions start.
fn word_positions(catalog: &Catalog) -> (Vec<WordPositions>, Vec<u32>) {
    // Words are looked up by hash while collecting and sorted once at the end: a sorted map
    // would compare strings at every word of the catalog.
    let mut ids: FxHashMap<Box<str>, usize> = FxHashMap::default();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    let mut talk_positions = Vec::with_capacity(catalog.talks.len() + 1);
    talk_positions.push(0);
    let mut position = 0u32;
    for talk in catalog.talks {
        for (field, text) in talk.field_texts(catalog) {
            for_each_word(text, |word| {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        ids.insert(word.into(), lists.len());
                        lists.push(Vec::new());
                        lists.len() - 1
                    }
                };
                lists[id].push(field.pack(position));
                position += 1;
            });
            position += 1;
        }
        talk_positions.push(position);
    }
    assert!(position < 1 << (32 - Field::BITS), "too many words to number positions in a u32");
    let mut words: Vec<(Box<str>, usize)> = ids.into_iter().collect();
    words.sort_unstable();
    let vocabulary = words.into_iter().map(|(word, id)| (word, std::mem::take(&mut lists[id]))).collect();
    (vocabulary, talk_positions)
}

/// The prefixes of `word` too short for typo tolerance, shortest first: a query word this short
/// matches exactly the words starting with it. Includes `word` itself if it is that short.
fn short_prefixes(word: &str) -> impl Iterator<Item = &str> {
    let ends = word.char_indices().skip(1).map(|(end, _)| end).chain([word.len()]);
    ends.map(|end| &word[..end]).take_while(|prefix| typo_budget(prefix.chars().count()) == 0)
}

/// Per-field talk bitsets (see `FieldTalkSets`) for each key that `keys_of` gives for words
/// with `min_positions` or more positions between them.
fn field_talk_sets(
    vocabulary: &[WordPositions],
    keys_of: fn(&str) -> Vec<&str>,
    talk_positions: &[u32],
    bitset_words: usize,
    min_positions: usize,
) -> FieldTalkSets {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (word, positions) in vocabulary {
        keys_of(word).into_iter().for_each(|key| *counts.entry(key).or_default() += positions.len());
    }
    let keys: Vec<&str> = counts.into_iter().filter(|&(_, count)| count >= min_positions).map(|(key, _)| key).collect();
    let mut bits = vec![0u64; keys.len() * Field::ALL.len() * bitset_words];
    for (word, positions) in vocabulary {
        let word_keys: Vec<usize> = keys_of(word).into_iter().filter_map(|key| keys.binary_search(&key).ok()).collect();
        if word_keys.is_empty() {
            continue;
        }
        let mut talks = TalkCursor::new(talk_positions);
        for &packed in positions {
            let (position, field) = Field::unpack(packed);
            let talk = talks.talk_of(position);
            // Field codes are their places in `Field::ALL`.
            let field = field.code() as usize;
            for &key in &word_keys {
                bits[(key * Field::ALL.len() + field) * bitset_words + talk / 64] |= 1 << (talk % 64);
            }
        }
    }
    FieldTalkSets { keys: leak_strs(keys.into_iter().map(str::to_owned).collect()), bits: leak(bits) }
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
