//! The search engine: which talks match a query, how well, and where (for highlighting).
//!
//! Words are looked up in the precomputed vocabulary (`Catalog::words`): exact and prefix
//! matches by binary search, typo matches by a bounded edit-distance scan; then where the words
//! occur, from their position lists (phrases: where they occur in a row), or for a frequent
//! prefix or word too short for typos, from per-field talk sets. Each term's score
//! for a talk is its best field weight × match quality; a talk's score is the sum over terms.

use crate::facets::Bitset;
use crate::field::Field;
use crate::matcher::{Quality, WordPattern};
use crate::model::{gallop, TalkCursor};
use crate::query::{Query, Term};
use crate::text::{words_with_ranges, BIGRAM_SCRIPTS};
use crate::Catalog;
use std::ops::Range;

/// The talks matching a query's text, with relevance scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatches {
    pub talks: Bitset,
    /// Per talk; meaningful only for matching talks.
    pub scores: Vec<u32>,
}

fn in_scope(term: &Term, field: Field) -> bool {
    term.scope.is_none_or(|fields| fields.contains(&field))
}

fn patterns(term: &Term) -> Vec<WordPattern> {
    let last = term.words.len() - 1;
    let typos = !term.quoted && !term.negated;
    (term.words.iter().enumerate()).map(|(i, word)| WordPattern::new(word, term.prefix && i == last, typos)).collect()
}

/// Vocabulary entries matching `pattern`, with their quality.
fn vocabulary_matches(catalog: &Catalog, pattern: &WordPattern) -> Vec<(usize, Quality)> {
    let index = catalog.words();
    let terms = index.terms.as_slice();
    let mut found = Vec::new();
    let start = terms.partition_point(|term| *term < pattern.text.as_str());
    if pattern.prefix {
        let matching = terms[start..].iter().take_while(|term| term.starts_with(pattern.text.as_str()));
        found.extend(
            (start..)
                .zip(matching)
                .map(|(index, term)| (index, if *term == pattern.text { Quality::Exact } else { Quality::Prefix })),
        );
    } else if terms.get(start).is_some_and(|term| *term == pattern.text) {
        found.push((start, Quality::Exact));
    }
    if pattern.max_typos > 0 {
        // Skipped: the exact and prefix matches found above (they rank higher than typos), and
        // the words of the bigram scripts, which have no typos. Each script's words sort
        // together (by their first code point), so a few binary searches skip them, not a test
        // per word; the last bounds (none) end the scan with the vocabulary. The masks are
        // tested first: most terms fail on them, and then their text is never read.
        let matched = start..start + found.len();
        let first = |term: &&str| term.chars().next().map_or(0, u32::from);
        let mut from = 0;
        for (low, high) in BIGRAM_SCRIPTS.into_iter().chain([(u32::MAX, u32::MAX)]) {
            let skipped_from = terms.partition_point(|term| first(term) < low).max(from);
            for (term, &text) in (from..).zip(&terms[from..skipped_from]) {
                if pattern.may_be_typo(index.masks[term]) && !matched.contains(&term) && pattern.within_typos(text) {
                    found.push((term, Quality::Typo));
                }
            }
            from = terms.partition_point(|term| first(term) <= high).max(skipped_from);
        }
    }
    found
}

/// The field coded in the low bits of a packed position.
fn field_of(packed: u32) -> Field {
    Field::unpack(packed).1
}

/// Best score per talk for one word, counting only fields in the term's scope.
fn word_scores(catalog: &Catalog, term: &Term, matches: &[(usize, Quality)]) -> Vec<u32> {
    let mut scores = vec![0; catalog.talks.len()];
    for &(entry, quality) in matches {
        score_entry(catalog, term, entry, quality, &mut scores);
    }
    scores
}

/// Raises `scores` with every occurrence of vocabulary entry `entry` in the term's scope.
fn score_entry(catalog: &Catalog, term: &Term, entry: usize, quality: Quality, scores: &mut [u32]) {
    let in_scope = catalog.words().term_positions(entry).filter(|&packed| in_scope(term, field_of(packed)));
    score_occurrences(catalog, scores, in_scope.map(|packed| (packed, quality)));
}

/// Raises each occurrence's talk's score to its field weight × quality. Occurrences are
/// (packed position, quality) in ascending position order.
fn score_occurrences(catalog: &Catalog, scores: &mut [u32], occurrences: impl IntoIterator<Item = (u32, Quality)>) {
    let mut talks = TalkCursor::new(&catalog.words().talk_positions);
    for (packed, quality) in occurrences {
        let (position, field) = Field::unpack(packed);
        let talk = talks.talk_of(position);
        scores[talk] = scores[talk].max(field.weight() * quality as u32);
    }
}

/// The byte ranges of the words of `text` that belong to an occurrence of `patterns` in a row.
fn phrase_ranges(text: &str, patterns: &[WordPattern]) -> Vec<Range<usize>> {
    let words: Vec<(String, Range<usize>)> = words_with_ranges(text).collect();
    (words.windows(patterns.len()))
        .filter(|window| window.iter().zip(patterns).all(|((word, _), pattern)| pattern.quality(word).is_some()))
        .flat_map(|window| window.iter().map(|(_, range)| range.clone()))
        .collect()
}

/// Calls `found(i)` for every `i` whose `targets[i]` is among `positions`; both ascending.
fn for_each_common(targets: &[u32], positions: impl Iterator<Item = u32>, mut found: impl FnMut(usize)) {
    let mut i = 0;
    for position in positions {
        i += gallop(&targets[i..], position);
        match targets.get(i) {
            None => break,
            Some(&target) if target == position => {
                found(i);
                i += 1;
            }
            Some(_) => {}
        }
    }
}

/// Best score per talk for a phrase: its words at consecutive positions of one field text.
/// `matches[i]` are the vocabulary entries matching word i. Starts from the word with the
/// fewest occurrences and keeps the places where each other word follows at its offset, so
/// the work grows with the words' occurrences, not with the length of the texts holding them.
fn phrase_scores(catalog: &Catalog, term: &Term, matches: &[Vec<(usize, Quality)>]) -> Vec<u32> {
    let index = catalog.words();
    let size = |entry: usize| index.positions_count(entry);
    let rarest =
        (0..matches.len()).min_by_key(|&word| matches[word].iter().map(|&(entry, _)| size(entry)).sum::<usize>());
    let rarest = rarest.unwrap_or(0);
    // A word's offset from the phrase's start, in packed positions (the field bits stay as they are).
    let offset = |word: usize| (word as u32) << Field::BITS;
    // Where the phrase would start (packed like positions), with the worst word quality so far.
    let mut starts: Vec<(u32, Quality)> = (matches[rarest].iter())
        .flat_map(|&(entry, quality)| {
            let packed = index.term_positions(entry);
            packed.filter_map(move |position| Some((position.checked_sub(offset(rarest))?, quality)))
        })
        .filter(|&(start, _)| in_scope(term, field_of(start)))
        .collect();
    starts.sort_unstable_by_key(|&(start, _)| start);
    for (word, word_matches) in matches.iter().enumerate().filter(|&(word, _)| word != rarest) {
        // A start stays if some entry matching this word occurs at the word's offset from it.
        let targets: Vec<u32> = starts.iter().map(|&(start, _)| start.saturating_add(offset(word))).collect();
        let mut qualities: Vec<Option<Quality>> = vec![None; starts.len()];
        for &(entry, quality) in word_matches {
            for_each_common(&targets, index.term_positions(entry), |i| qualities[i] = Some(quality));
        }
        starts = (starts.into_iter().zip(qualities))
            .filter_map(|((start, worst), quality)| Some((start, worst.min(quality?))))
            .collect();
    }
    let mut scores = vec![0; catalog.talks.len()];
    score_occurrences(catalog, &mut scores, starts);
    scores
}

/// Best score per talk for one word from the index's talk sets, if it has the sets this word
/// needs: a short prefix (no typos) raises the talks with a word starting with it to
/// Prefix in each field, then those with the word itself to Exact (from its own sets, or its
/// positions when it is rare enough to have none). A frequent short word without a prefix
/// match needs its word sets alone.
fn set_scores(catalog: &Catalog, term: &Term, pattern: &WordPattern) -> Option<Vec<u32>> {
    let index = catalog.words();
    let bitset_words = index.bitset_words;
    if pattern.max_typos > 0 {
        return None;
    }
    let prefix_sets = if pattern.prefix { Some(index.prefix_talks.find(&pattern.text, bitset_words)?) } else { None };
    let word_sets = index.word_talks.find(&pattern.text, bitset_words);
    if prefix_sets.is_none() && word_sets.is_none() {
        return None;
    }
    let mut scores = vec![0; catalog.talks.len()];
    let mut raise = |sets: &[u64], quality: Quality| {
        let fields = Field::ALL.iter().zip(sets.chunks_exact(bitset_words));
        for (&field, bits) in fields.filter(|&(&field, _)| in_scope(term, field)) {
            for talk in Bitset::from_words(bits).iter() {
                scores[talk] = scores[talk].max(field.weight() * quality as u32);
            }
        }
    };
    if let Some(sets) = prefix_sets {
        raise(sets, Quality::Prefix);
    }
    match word_sets {
        Some(sets) => raise(sets, Quality::Exact),
        None => {
            if let Ok(entry) = index.terms.binary_search(&pattern.text.as_str()) {
                score_entry(catalog, term, entry, Quality::Exact, &mut scores);
            }
        }
    }
    Some(scores)
}

/// Best score per talk for a term: one word's occurrences, or a phrase's (its words in a row).
fn term_scores(catalog: &Catalog, term: &Term) -> Vec<u32> {
    let patterns = patterns(term);
    if let [pattern] = patterns.as_slice() {
        if let Some(scores) = set_scores(catalog, term, pattern) {
            return scores;
        }
    }
    let matches: Vec<Vec<(usize, Quality)>> =
        patterns.iter().map(|pattern| vocabulary_matches(catalog, pattern)).collect();
    match matches.as_slice() {
        [word] => word_scores(catalog, term, word),
        words => phrase_scores(catalog, term, words),
    }
}

/// The talks matching every positive term and no negated one. An empty query matches all.
pub fn match_text(catalog: &Catalog, query: &Query) -> TextMatches {
    let count = catalog.talks.len();
    let mut talks = Bitset::full(count);
    let mut total = vec![0; count];
    for term in &query.terms {
        let scores = term_scores(catalog, term);
        for talk in 0..count {
            match (term.negated, scores[talk] > 0) {
                (false, true) => total[talk] += scores[talk],
                (false, false) | (true, true) => talks.remove(talk),
                (true, false) => {}
            }
        }
    }
    TextMatches { talks, scores: total }
}

/// Byte ranges of `text` (a `field` of some talk) to highlight for `query`: the words that
/// match a positive term scoped to that field, sorted, with touching ranges merged (the
/// characters of a match in a bigram script are a word each: one mark for them all).
pub fn highlights(text: &str, field: Field, query: &Query) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = (query.terms.iter())
        .filter(|term| !term.negated && in_scope(term, field))
        .flat_map(|term| phrase_ranges(text, &patterns(term)))
        .collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    ranges.dedup_by(|later, earlier| {
        let touching = later.start <= earlier.end;
        if touching {
            earlier.end = earlier.end.max(later.end);
        }
        touching
    });
    ranges
}
