//! How one query word matches one word of the catalog: exactly, as a prefix, or with typos.

use crate::text::is_bigram_script;

/// How well a word matched; better matches rank higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

/// A folded query word with its matching rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordPattern {
    pub text: String,
    chars: Vec<char>,
    mask: u32,
    pub prefix: bool,
    pub max_typos: usize,
}

/// Typos tolerated for a word of `len` characters: none below 5, one from 5, two from 9.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A letter mask's bits 28–31 hold the word's length in characters, at most 15.
const LENGTH_SHIFT: u32 = 28;
const LETTERS: u32 = (1 << LENGTH_SHIFT) - 1;

/// Which of a–z, 0–9 (one bit) and anything else (one bit) occur in `word`, and its length in
/// characters (15 for 15 or more). Each edit adds or removes at most one of these letter kinds
/// and changes the length by at most one, so two words whose masks differ by more than `k`
/// letter kinds either way, or by more than `k` in length, are more than `k` edits apart: a
/// cheap test that skips most of the vocabulary.
pub fn letter_mask(word: &str) -> u32 {
    let (letters, len) = word.chars().fold((0, 0), |(letters, len), c| {
        let letter = match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << 26,
            _ => 1 << 27,
        };
        (letters | letter, len + 1)
    });
    letters | u32::min(len, 15) << LENGTH_SHIFT
}

impl WordPattern {
    /// A word of a bigram script (`text::is_bigram_script`) has no typos; a single character
    /// of one is the last of its run, which the text may go on after, so it always matches
    /// the words starting with it (as an exact match where the text's run ends there too).
    pub fn new(text: &str, prefix: bool, typos: bool) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let bigram_script = chars.first().is_some_and(|&c| is_bigram_script(c));
        let prefix = if bigram_script { chars.len() == 1 } else { prefix };
        let max_typos = if typos && !bigram_script { typo_budget(chars.len()) } else { 0 };
        WordPattern { text: text.to_owned(), mask: letter_mask(text), chars, prefix, max_typos }
    }

    /// How `word` (already folded) matches this pattern, if at all.
    pub fn quality(&self, word: &str) -> Option<Quality> {
        if word == self.text {
            Some(Quality::Exact)
        } else if self.prefix && word.starts_with(self.text.as_str()) {
            Some(Quality::Prefix)
        } else if self.may_be_typo(letter_mask(word)) && self.within_typos(word) {
            Some(Quality::Typo)
        } else {
            None
        }
    }

    /// Whether a word with letter mask `mask` can be within the typo budget: a test on one
    /// integer, so the vocabulary scan (over precomputed masks) runs it first and reads few of
    /// the words themselves.
    pub fn may_be_typo(&self, mask: u32) -> bool {
        let (mine, theirs) = (self.mask & LETTERS, mask & LETTERS);
        // Capped lengths differ by no more than the lengths do.
        let lengths = (self.mask >> LENGTH_SHIFT).abs_diff(mask >> LENGTH_SHIFT) as usize;
        self.max_typos > 0
            && lengths <= self.max_typos
            && at_most_ones(mine & !theirs, self.max_typos)
            && at_most_ones(theirs & !mine, self.max_typos)
    }

    /// Whether `word` is within the typo budget (edit distance only: not checking for an exact
    /// or prefix match).
    pub fn within_typos(&self, word: &str) -> bool {
        word.chars().count().abs_diff(self.chars.len()) <= self.max_typos
            && within_distance(&self.chars, word, self.max_typos)
    }
}

/// Whether `bits` has at most `max` bits set: clears the lowest set bit `max` times, cheaper
/// for a budget of one or two than `count_ones` where there is no popcount instruction (as in
/// baseline x86-64).
fn at_most_ones(mut bits: u32, max: usize) -> bool {
    for _ in 0..max {
        bits &= bits.wrapping_sub(1);
    }
    bits == 0
}

/// Longest word whose edit distance is computed on the stack; longer ones are never typos of
/// a query word (their length alone differs by more than the budget from any sensible query).
const MAX_WORD: usize = 48;

/// Whether the optimal-string-alignment distance (insertions, deletions, substitutions and
/// swaps of neighbours, each one edit) between `pattern` and `word` is at most `max`.
fn within_distance(pattern: &[char], word: &str, max: usize) -> bool {
    let mut chars = ['\0'; MAX_WORD];
    let mut len = 0;
    for c in word.chars() {
        if len == MAX_WORD {
            return false;
        }
        chars[len] = c;
        len += 1;
    }
    let word = &chars[..len];
    if len.abs_diff(pattern.len()) > max || pattern.len() >= MAX_WORD {
        return false;
    }
    let width = len + 1;
    // Three rolling rows of the edit-distance table: two back (for swaps), previous, current.
    let mut before = [0usize; MAX_WORD + 1];
    let mut previous = [0usize; MAX_WORD + 1];
    let mut current = [0usize; MAX_WORD + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=pattern.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(pattern[i - 1] != word[j - 1]);
            let mut best = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && pattern[i - 1] == word[j - 2] && pattern[i - 2] == word[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[width - 1] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_matches_follow_the_budget() {
        let table: &[(&str, bool, &str, Option<Quality>)] = &[
            ("hessian", false, "hessian", Some(Quality::Exact)),
            ("hesian", false, "hessian", Some(Quality::Typo)),
            ("hessain", false, "hessian", Some(Quality::Typo)),
            ("hesin", false, "hessian", None),
            ("hallu", true, "hallucinations", Some(Quality::Prefix)),
            ("hallu", false, "hallucinations", None),
            ("halucinatoins", false, "hallucinations", Some(Quality::Typo)),
            ("halucinatons", false, "hallucinations", Some(Quality::Typo)),
            ("mote", false, "monte", None),
            ("velickovic", false, "velickovich", Some(Quality::Typo)),
            ("optimisation", false, "optimization", Some(Quality::Typo)),
            ("optimisatoin", false, "optimization", Some(Quality::Typo)),
            ("optmisatoin", false, "optimization", None),
        ];
        for &(query, prefix, word, expected) in table {
            assert_eq!(WordPattern::new(query, prefix, true).quality(word), expected, "{query} vs {word}");
        }
    }

    #[test]
    fn at_most_ones_counts_bits() {
        for bits in [0, 1, 2, 3, 0b1010_0000, 0x8000_0001, 0xF0, u32::MAX] {
            for max in 0..4 {
                assert_eq!(at_most_ones(bits, max), bits.count_ones() as usize <= max, "{bits:#b} {max}");
            }
        }
    }

    #[test]
    fn letter_masks_never_reject_a_word_within_the_budget() {
        let words = [
            "hessian",
            "hesian",
            "hessain",
            "gradient",
            "gradeint",
            "graident",
            "momentum",
            "monentum",
            // Around the 15 characters where masks stop counting length.
            "characterization",
            "characterizations",
            "characterisation",
            "charactrization",
            "characterizat",
            "characterizati",
            "charactreizatio",
        ];
        for a in words {
            for b in words {
                let pattern = WordPattern::new(a, false, true);
                let by_distance = within_distance(&pattern.chars, b, pattern.max_typos);
                let filtered = pattern.quality(b).is_some();
                assert_eq!(filtered, by_distance || a == b, "{a} vs {b}");
            }
        }
    }
}
