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
        let already: Vec<usize> = found.iter().map(|&(index, _)| index).collect();
        for (index, term) in terms.iter().enumerate() {
            if !already.contains(&index) && pattern.quality(term) == Some(Quality::Typo) {
                found.push((index, Quality::Typo));
            }
        }
    }
    found
}

/// Best score per talk for one word, counting only fields in the term's scope.
fn word_scores(catalog: &Catalog, term: &Term, pattern: &WordPattern, scores: &mut [u32]) {
    let index = &catalog.index;
    for (entry, quality) in vocabulary_matches(catalog, pattern) {
        let postings = &index.postings[index.postings_start[entry] as usize..index.postings_start[entry + 1] as usize];
        for &posting in postings {
            let field = Field::from_code(posting & ((1 << Field::BITS) - 1));
            if in_scope(term, field) {
                let talk = (posting >> Field::BITS) as usize;
                scores[talk] = scores[talk].max(field.weight() * quality as u32);
            }
        }
    }
}

/// Where in `text` the words of `patterns` occur consecutively: the byte range of each
/// occurrence's words and the worst quality among them.
fn phrase_occurrences(text: &str, patterns: &[WordPattern]) -> Vec<(Vec<Range<usize>>, Quality)> {
    let words: Vec<(String, Range<usize>)> = words_with_ranges(text).collect();
    let mut found = Vec::new();
    if words.len() < patterns.len() {
        return found;
    }
    for window in words.windows(patterns.len()) {
        let qualities: Option<Vec<Quality>> =
            window.iter().zip(patterns).map(|((word, _), pattern)| pattern.quality(word)).collect();
        if let Some(worst) = qualities.and_then(|qualities| qualities.into_iter().min()) {
            found.push((window.iter().map(|(_, range)| range.clone()).collect(), worst));
        }
    }
    found
}

/// Best score per talk for a term: one word through the index; several words (a phrase) by
/// narrowing with the index, then checking adjacency in the candidates' text.
fn term_scores(catalog: &Catalog, term: &Term) -> Vec<u32> {
    let count = catalog.talks.len();
    let patterns = patterns(term);
    let mut scores = vec![0; count];
    word_scores(catalog, term, &patterns[0], &mut scores);
    if patterns.len() == 1 {
        return scores;
    }
    let mut others = vec![0; count];
    for pattern in &patterns[1..] {
        others.iter_mut().for_each(|score| *score = 0);
        word_scores(catalog, term, pattern, &mut others);
        scores.iter_mut().zip(&others).filter(|(_, &other)| other == 0).for_each(|(score, _)| *score = 0);
    }
    for (talk, score) in scores.iter_mut().enumerate().filter(|(_, score)| **score > 0) {
        let texts = catalog.talks[talk].field_texts(catalog);
        *score = (texts.into_iter().filter(|&(field, _)| in_scope(term, field)))
            .filter_map(|(field, text)| {
                let best = phrase_occurrences(text, &patterns).into_iter().map(|(_, quality)| quality).max()?;
                Some(field.weight() * best as u32)
            })
            .max()
            .unwrap_or(0);
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
        .flat_map(|term| phrase_occurrences(text, &patterns(term)))
        .flat_map(|(ranges, _)| ranges)
        .collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    ranges.dedup_by(|later, earlier| later.start < earlier.end);
    ranges
}
