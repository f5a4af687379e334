//! How one query word matches one word of the catalog: exactly, as a prefix, or with typos.

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

impl WordPattern {
    pub fn new(text: &str, prefix: bool, typos: bool) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let max_typos = if typos { typo_budget(chars.len()) } else { 0 };
        WordPattern { text: text.to_owned(), chars, prefix, max_typos }
    }

    /// How `word` (already folded) matches this pattern, if at all.
    pub fn quality(&self, word: &str) -> Option<Quality> {
        if word == self.text {
            Some(Quality::Exact)
        } else if self.prefix && word.starts_with(self.text.as_str()) {
            Some(Quality::Prefix)
        } else if self.max_typos > 0 && within_distance(&self.chars, word, self.max_typos) {
            Some(Quality::Typo)
        } else {
            None
        }
    }
}

/// Whether the optimal-string-alignment distance (insertions, deletions, substitutions and
/// swaps of neighbours, each one edit) between `pattern` and `word` is at most `max`.
fn within_distance(pattern: &[char], word: &str, max: usize) -> bool {
    let word_len = word.chars().count();
    if word_len.abs_diff(pattern.len()) > max {
        return false;
    }
    let word: Vec<char> = word.chars().collect();
    let width = word.len() + 1;
    // Three rolling rows of the edit-distance table: two back (for swaps), previous, current.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current = vec![0; width];
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
