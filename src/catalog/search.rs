//! The search engine: which talks match a query, how well, and where (for highlighting).
//!
//! Words are looked up in the precomputed vocabulary (`Catalog::index`): exact and prefix
//! matches by binary search, typo matches by a bounded edit-distance scan. Each term's score
//! for a talk is its best field weight × match quality; a talk's score is the sum over terms.

use super::facets::Bitset;
use super::field::Field;
use super::matcher::{Quality, WordPattern};
use super::query::{Query, Term};
use super::text::words_with_ranges;
use super::Catalog;
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
    let terms = catalog.index.terms;
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
        // The masks first: most terms fail on them, and then their text is never read. The
        // exact and prefix matches found above are skipped (they rank higher than typos).
        let matched = start..start + found.len();
        let masks = catalog.index.term_masks.iter().enumerate();
        let candidates = masks.filter(|&(index, &mask)| pattern.may_be_typo(mask) && !matched.contains(&index));
        found.extend(
            candidates
                .filter(|&(index, _)| pattern.within_typos(terms[index]))
                .map(|(index, _)| (index, Quality::Typo)),
        );
    }
    found
}

/// Best score per talk for one word, counting only fields in the term's scope, and the fields
/// (bit per `Field` code) where it matched.
fn word_scores(catalog: &Catalog, term: &Term, matches: &[(usize, Quality)], scores: &mut [u32], fields: &mut [u8]) {
    let index = &catalog.index;
    for &(entry, quality) in matches {
        let postings = &index.postings[index.postings_start[entry] as usize..index.postings_start[entry + 1] as usize];
        for &posting in postings {
            let field = Field::from_code(posting & ((1 << Field::BITS) - 1));
            if in_scope(term, field) {
                let talk = (posting >> Field::BITS) as usize;
                scores[talk] = scores[talk].max(field.weight() * quality as u32);
                fields[talk] |= 1 << field.code();
            }
        }
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

/// The worst quality of an occurrence of the phrase in `tokens` (a field's term indices),
/// where `qualities[i]` says how each vocabulary entry matches the phrase's word i.
fn phrase_in_tokens(tokens: &[u32], qualities: &[Vec<Option<Quality>>]) -> Option<Quality> {
    (tokens.windows(qualities.len()))
        .filter_map(|window| {
            let mut worst = Quality::Exact;
            for (&token, matching) in window.iter().zip(qualities) {
                worst = worst.min(matching[token as usize]?);
            }
            Some(worst)
        })
        .max()
}

/// Best score per talk for a term: one word through the index; several words (a phrase) by
/// narrowing with the index to talks with every word in one field, then looking for the
/// words in a row in those fields' precomputed token sequences.
fn term_scores(catalog: &Catalog, term: &Term) -> Vec<u32> {
    let count = catalog.talks.len();
    let matches: Vec<Vec<(usize, Quality)>> =
        patterns(term).iter().map(|pattern| vocabulary_matches(catalog, pattern)).collect();
    let mut scores = vec![0; count];
    let mut fields = vec![0u8; count];
    word_scores(catalog, term, &matches[0], &mut scores, &mut fields);
    if matches.len() == 1 {
        return scores;
    }
    let (mut other_scores, mut other_fields) = (vec![0; count], vec![0u8; count]);
    for word_matches in &matches[1..] {
        other_scores.iter_mut().for_each(|score| *score = 0);
        other_fields.iter_mut().for_each(|mask| *mask = 0);
        word_scores(catalog, term, word_matches, &mut other_scores, &mut other_fields);
        fields.iter_mut().zip(&other_fields).for_each(|(mask, other)| *mask &= other);
    }
    // Per phrase word, how each vocabulary entry matches it: a dense table, for the hot loop.
    let qualities: Vec<Vec<Option<Quality>>> = (matches.iter())
        .map(|word| {
            let mut table = vec![None; catalog.index.terms.len()];
            word.iter().for_each(|&(entry, quality)| table[entry] = Some(quality));
            table
        })
        .collect();
    let index = &catalog.index;
    for (talk, score) in scores.iter_mut().enumerate() {
        let shared = fields[talk];
        *score = 0;
        if shared == 0 {
            continue;
        }
        let first_text = index.talk_texts[talk] as usize;
        for (k, (field, _)) in catalog.talks[talk].field_texts(catalog).into_iter().enumerate() {
            if shared & (1 << field.code()) == 0 {
                continue;
            }
            let tokens = &index.tokens
                [index.text_tokens[first_text + k] as usize..index.text_tokens[first_text + k + 1] as usize];
            if let Some(quality) = phrase_in_tokens(tokens, &qualities) {
                *score = (*score).max(field.weight() * quality as u32);
            }
        }
    }
    scores
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
/// match a positive term scoped to that field, sorted and non-overlapping.
pub fn highlights(text: &str, field: Field, query: &Query) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = (query.terms.iter())
        .filter(|term| !term.negated && in_scope(term, field))
        .flat_map(|term| phrase_ranges(text, &patterns(term)))
        .collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    ranges.dedup_by(|later, earlier| later.start < earlier.end);
    ranges
}
