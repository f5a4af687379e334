//! Turns a validated data file into the model (`model`): indices for tags, institutions and
//! series, and what only the whole catalog tells (related talks, same-speaker talks, series
//! parts). The app's build script embeds the result (`codec`), from which the app derives the
//! search tables (`index`); tests and benchmarks use it directly.
//!
//! Strings are leaked to get `'static` model values: this runs once per build or benchmark.

use crate::data_file;
use crate::index::SHORT_SET_MIN_POSITIONS;
use crate::leak::{leak, leak_str, leak_strs};
use crate::markdown::Block;
use crate::model::{
    BlockKind, BlockMarkup, Catalog, Event, Format, Link, RichText, Series, SeriesPart, Speaker, Tag, Talk,
};
use crate::text::words;
use std::collections::{BTreeMap, BTreeSet};

/// `index` as the app's 16-bit index; validation (`data_file::MAX_ENTRIES`) keeps every count
/// within it.
fn index16(index: usize) -> u16 {
    u16::try_from(index).expect("data_file::parse refuses catalogs over MAX_ENTRIES")
}

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
    let talks: Vec<Talk> = file
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
                            bio: rich_text(speaker.bio),
                        })
                        .collect(),
                ),
                abstract_text: rich_text(talk.abstract_text),
                bio: rich_text(talk.bio),
                start: talk.start,
                end: talk.end,
                utc_offset: talk.utc_offset,
                room: talk.room.map(leak_str),
                track: talk.track.map(leak_str),
                language: talk.language.map(leak_str),
                tags: leak(talk.tags.into_iter().map(index16).collect()),
                institutions: leak(talk_institutions.into_iter().collect()),
                series: talk
                    .series
                    .map(|(series, part)| SeriesPart { series: index16(series), part: index16(part as usize) }),
                links: leak(
                    (talk.links.into_iter())
                        .map(|link| Link { kind: link.kind, label: leak_str(link.label), url: leak_str(link.url) })
                        .collect(),
                ),
                related: &[],
                same_speaker: &[],
            }
        })
        .collect();
    let tags: &'static [Tag] = leak(
        (file.tags.into_iter())
            .map(|tag| Tag { id: leak_str(tag.id), label: leak_str(tag.label), description: leak_str(tag.description) })
            .collect(),
    );
    let related = related(&talks, tags);
    let same_speaker = same_speaker(&talks);
    let talks: Vec<Talk> = (talks.into_iter().zip(related).zip(same_speaker))
        .map(|((talk, related), same_speaker)| Talk {
            related: leak(related),
            same_speaker: leak(same_speaker),
            ..talk
        })
        .collect();
    let parts = series_parts(&talks, file.series.len());
    let series: Vec<Series> = (file.series.into_iter().zip(parts))
        .map(|(series, parts)| Series { id: leak_str(series.id), title: leak_str(series.title), parts: leak(parts) })
        .collect();
    let event = file.event;
    let event = Event {
        name: event.name.map(leak_str),
        time_zone: event.time_zone.map(leak_str),
        url: event.url.map(leak_str),
        language: event.language.map(leak_str),
    };
    Catalog::new(event, leak(series), tags, leak_strs(institutions), leak(talks)).with_short_sets_from(min_positions)
}

/// Blocks as the model holds them: plain paragraphs carry no markup at all.
fn rich_text(blocks: Vec<Block>) -> RichText {
    let plain = blocks.iter().all(|block| block.kind == BlockKind::Paragraph && block.spans.is_empty());
    let markup = if plain {
        &[][..]
    } else {
        leak(blocks.iter().map(|block| BlockMarkup { kind: block.kind, spans: leak(block.spans.clone()) }).collect())
    };
    RichText { blocks: leak_strs(blocks.into_iter().map(|block| block.text).collect()), markup }
}

/// For each talk, the other talks given by any of its speakers, in programme order: a card
/// links them, and finding them while rendering would scan every talk for every card.
fn same_speaker(talks: &[Talk]) -> Vec<Vec<u16>> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, talk) in talks.iter().enumerate() {
        for speaker in talk.speakers {
            by_name.entry(speaker.name).or_default().push(index);
        }
    }
    (talks.iter().enumerate())
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
fn series_parts(talks: &[Talk], series: usize) -> Vec<Vec<u16>> {
    let mut parts: Vec<Vec<(u16, usize)>> = vec![Vec::new(); series];
    for (index, talk) in talks.iter().enumerate() {
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
fn related(talks: &[Talk], tags: &[Tag]) -> Vec<Vec<u16>> {
    let count = talks.len();
    let word_sets: Vec<BTreeSet<String>> = (talks.iter())
        .map(|talk| {
            let text = std::iter::once(talk.title).chain(talk.abstract_text.blocks.iter().copied());
            text.flat_map(words).filter(|word| word.chars().count() >= 4).collect()
        })
        .collect();
    let mut talks_with_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (talk, set) in word_sets.iter().enumerate() {
        set.iter().for_each(|word| talks_with_word.entry(word).or_default().push(talk));
    }
    let mut talks_with_tag: Vec<Vec<usize>> = vec![Vec::new(); tags.len()];
    for (talk, each) in talks.iter().enumerate() {
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
            (talks[talk].tags.iter())
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
