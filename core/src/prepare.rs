//! Turns a validated data file into the model (`model`) and precomputes
//! the search and facet tables: the sorted vocabulary of folded words with their positions,
//! per-value facet bitsets and sort orders. The app's build script embeds the result; tests
//! and benchmarks use it directly for synthetic catalogs.
//!
//! Strings are leaked to get `'static` model values: this runs once per build or benchmark.

use crate::data_file;
use crate::field::Field;
use crate::matcher::typo_budget;
use crate::model::{
    Catalog, EncodedTerms, FieldTalkSets, Format, Link, SearchIndex, Series, SeriesPart, Speaker, Tag, Talk, TalkCursor,
};
use crate::text::{fold, words};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// `index` as the app's 16-bit index; validation (`data_file::MAX_ENTRIES`) keeps every count
/// within it.
fn index16(index: usize) -> u16 {
    u16::try_from(index).expect("data_file::parse refuses catalogs over MAX_ENTRIES")
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn leak_str(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_strs(texts: Vec<String>) -> &'static [&'static str] {
    leak(texts.into_iter().map(leak_str).collect())
}

/// Short prefixes and words (see `SearchIndex::prefix_talks`) whose words occur at least this
/// often get talk sets. Decoding positions costs about 10 ns each natively, so a key below this
/// costs at most about 0.2 ms a keystroke; at 10,000 synthetic talks about 120 prefixes and 20
/// words reach it, about 1 MB of bitsets (the seed's 20 talks have 4,393 positions in all, so
/// none do, and its build stays as small as before).
pub const SHORT_SET_MIN_POSITIONS: usize = 16_384;

/// The catalog that a data file's `text` describes (`name` in its messages), validated and
/// prepared.
pub fn from_toml(name: &str, text: &str) -> Result<Catalog, Vec<data_file::DataError>> {
    data_file::parse(name, text).map(prepare)
}

pub fn prepare(file: data_file::Catalog) -> Catalog {
    prepare_with(file, SHORT_SET_MIN_POSITIONS)
}

/// [`prepare`], giving talk sets to short keys whose words occur at least `min_positions`
/// times (tests pass 1, so that every short prefix and word is searched through its sets).
pub fn prepare_with(file: data_file::Catalog, min_positions: usize) -> Catalog {
    // Every institution named by a speaker, sorted, each once: the institution facet's values.
    let institutions: Vec<String> = (file.talks.iter())
        .flat_map(|talk| talk.speakers.iter().flat_map(|speaker| speaker.institutions.iter().cloned()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let talks = file
        .talks
        .into_iter()
        .map(|talk| {
            let named = talk.speakers.iter().flat_map(|speaker| &speaker.institutions);
            let talk_institutions: BTreeSet<u16> =
                named.map(|name| index16(institutions.binary_search(name).expect("collected above"))).collect();
            Talk {
                id: leak_str(talk.id),
                title: leak_str(talk.title),
                format: match talk.format {
                    data_file::Format::Talk => Format::Talk,
                    data_file::Format::Tutorial => Format::Tutorial,
                },
                speakers: leak(
                    (talk.speakers.into_iter())
                        .map(|speaker| Speaker {
                            name: leak_str(speaker.name),
                            affiliation: leak_str(speaker.affiliation),
                            institutions: leak_strs(speaker.institutions),
                            url: speaker.url.map(leak_str),
                        })
                        .collect(),
                ),
                abstract_paragraphs: leak_strs(talk.abstract_paragraphs),
                bio: leak_strs(talk.bio),
                tags: leak(talk.tags.into_iter().map(index16).collect()),
                institutions: leak(talk_institutions.into_iter().collect()),
                series: talk
                    .series
                    .map(|(series, part)| SeriesPart { series: index16(series), part: index16(part as usize) }),
                links: leak(
                    (talk.links.into_iter())
                        .map(|link| Link { label: leak_str(link.label), url: leak_str(link.url) })
                        .collect(),
                ),
                related: &[],
                same_speaker: &[],
            }
        })
        .collect();
    let mut catalog = Catalog {
        series: leak(
            (file.series.into_iter())
                .map(|series| Series { id: leak_str(series.id), title: leak_str(series.title), parts: &[] })
                .collect(),
        ),
        tags: leak(
            (file.tags.into_iter())
                .map(|tag| Tag {
                    id: leak_str(tag.id),
                    label: leak_str(tag.label),
                    description: leak_str(tag.description),
                })
                .collect(),
        ),
        institutions: leak_strs(institutions),
        talks: leak(talks),
        index: SearchIndex::empty(),
    };
    catalog.index = index(&catalog, min_positions);
    let related = related(&catalog);
    let same_speaker = same_speaker(&catalog);
    let talks: Vec<Talk> = (catalog.talks.iter().zip(related).zip(same_speaker))
        .map(|((talk, related), same_speaker)| Talk {
            related: leak(related),
            same_speaker: leak(same_speaker),
            ..talk.clone()
        })
        .collect();
    catalog.talks = leak(talks);
    let parts = series_parts(&catalog);
    let series: Vec<Series> = (catalog.series.iter().zip(parts))
        .map(|(series, parts)| Series { id: series.id, title: series.title, parts: leak(parts) })
        .collect();
    catalog.series = leak(series);
    catalog
}

/// For each talk, the other talks given by any of its speakers, in programme order: a card
/// links them, and finding them while rendering would scan every talk for every card.
fn same_speaker(catalog: &Catalog) -> Vec<Vec<u16>> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, talk) in catalog.talks.iter().enumerate() {
        for speaker in talk.speakers {
            by_name.entry(speaker.name).or_default().push(index);
        }
    }
    (catalog.talks.iter().enumerate())
        .map(|(index, talk)| {
            let others: BTreeSet<usize> = (talk.speakers.iter())
                .flat_map(|speaker| by_name[speaker.name].iter().copied())
                .filter(|&other| other != index)
                .collect();
            others.into_iter().map(index16).collect()
        })
        .collect()
}

/// For each series, its talks in part order (validation numbered the parts 1 to n).
fn series_parts(catalog: &Catalog) -> Vec<Vec<u16>> {
    let mut parts: Vec<Vec<(u16, usize)>> = vec![Vec::new(); catalog.series.len()];
    for (index, talk) in catalog.talks.iter().enumerate() {
        if let Some(part) = talk.series {
            parts[usize::from(part.series)].push((part.part, index));
        }
    }
    (parts.into_iter())
        .map(|mut members| {
            members.sort_unstable();
            members.into_iter().map(|(_, talk)| index16(talk)).collect()
        })
        .collect()
}

/// For each talk, up to three others ranked by shared tags plus the cosine similarity of their
/// distinctive words (title and abstract words of 4+ letters that few talks use).
fn related(catalog: &Catalog) -> Vec<Vec<u16>> {
    let count = catalog.talks.len();
    let word_sets: Vec<BTreeSet<String>> = (catalog.talks.iter())
        .map(|talk| {
            let text = std::iter::once(talk.title).chain(talk.abstract_paragraphs.iter().copied());
            text.flat_map(words).filter(|word| word.chars().count() >= 4).collect()
        })
        .collect();
    let mut talks_with_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (talk, set) in word_sets.iter().enumerate() {
        set.iter().for_each(|word| talks_with_word.entry(word).or_default().push(talk));
    }
    let mut talks_with_tag: Vec<Vec<usize>> = vec![Vec::new(); catalog.tags.len()];
    for (talk, each) in catalog.talks.iter().enumerate() {
        each.tags.iter().for_each(|&tag| talks_with_tag[usize::from(tag)].push(talk));
    }
    // Words most talks use say nothing about likeness.
    let max_talks = (count / 10).max(3);
    let distinctive: Vec<Vec<&[usize]>> = (word_sets.iter())
        .map(|set| {
            let lists = set.iter().map(|word| talks_with_word[word.as_str()].as_slice());
            lists.filter(|talks| talks.len() <= max_talks).collect()
        })
        .collect();

    let mut shared_words = vec![0u32; count];
    let mut shared_tags = vec![0u32; count];
    (0..count)
        .map(|talk| {
            shared_words.iter_mut().for_each(|n| *n = 0);
            shared_tags.iter_mut().for_each(|n| *n = 0);
            distinctive[talk].iter().flat_map(|talks| talks.iter()).for_each(|&other| shared_words[other] += 1);
            (catalog.talks[talk].tags.iter())
                .flat_map(|&tag| &talks_with_tag[usize::from(tag)])
                .for_each(|&other| shared_tags[other] += 1);
            let mut scored: Vec<(f64, usize)> = (0..count)
                .filter(|&other| other != talk && (shared_words[other] > 0 || shared_tags[other] > 0))
                .map(|other| {
                    let norm = ((distinctive[talk].len() * distinctive[other].len()) as f64).sqrt().max(1.0);
                    (f64::from(shared_tags[other]) + 4.0 * f64::from(shared_words[other]) / norm, other)
                })
                .collect();
            // Best first, ties in programme order; only the top three need sorting.
            let order = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if scored.len() > 3 {
                scored.select_nth_unstable_by(3, order);
                scored.truncate(3);
            }
            scored.sort_by(order);
            scored.into_iter().map(|(_, other)| index16(other)).collect()
        })
        .collect()
}

fn index(catalog: &Catalog, min_positions: usize) -> SearchIndex {
    let talks = catalog.talks;
    // Each word's positions (see `SearchIndex`), ascending as they are numbered.
    let mut vocabulary: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut talk_positions = vec![0];
    let mut position = 0u32;
    for talk in talks {
        for (field, text) in talk.field_texts(catalog) {
            for word in words(text) {
                vocabulary.entry(word).or_default().push(field.pack(position));
                position += 1;
            }
            position += 1;
        }
        talk_positions.push(position);
    }
    assert!(position < 1 << (32 - Field::BITS), "too many words to number positions in a u32");
    let bitset_words = talks.len().div_ceil(64);
    let sets = |keys_of: fn(&str) -> Vec<&str>| {
        field_talk_sets(&vocabulary, keys_of, &talk_positions, bitset_words, min_positions)
    };
    let prefix_talks = sets(|word| short_prefixes(word).collect());
    let word_talks = sets(|word| short_prefixes(word).filter(|&prefix| prefix == word).collect());
    let mut encoded = EncodedTerms::default();
    vocabulary.iter().for_each(|(term, positions)| encoded.push(term, positions));

    // One bitset per facet value: bit t is set when talk t has the value.
    let bitsets = |values: usize, has: &dyn Fn(usize, &Talk) -> bool| {
        let mut bits = vec![0u64; values * bitset_words];
        for value in 0..values {
            for (index, _) in talks.iter().enumerate().filter(|(_, talk)| has(value, talk)) {
                bits[value * bitset_words + index / 64] |= 1 << (index % 64);
            }
        }
        leak(bits)
    };

    SearchIndex {
        vocabulary: leak_str(encoded.vocabulary),
        positions: leak(encoded.positions),
        positions_sizes: leak(encoded.positions_sizes),
        talk_positions: leak(talk_positions),
        prefix_talks,
        word_talks,
        bitset_words,
        tag_bits: bitsets(catalog.tags.len(), &|tag, talk| talk.tags.contains(&index16(tag))),
        institution_bits: bitsets(catalog.institutions.len(), &|institution, talk| {
            talk.institutions.contains(&index16(institution))
        }),
        format_bits: bitsets(Format::ALL.len(), &|format, talk| talk.format == Format::ALL[format]),
        title_rank: ranks(talks.iter().map(|talk| fold(talk.title)).collect()),
        surname_rank: ranks(talks.iter().map(surname_key).collect()),
        term_tables: OnceLock::new(),
    }
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
    vocabulary: &BTreeMap<String, Vec<u32>>,
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
