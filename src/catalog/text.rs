//! Text normalization shared by the build script (which precomputes search tables) and the
//! runtime (which normalizes queries): both must fold text the same way or nothing matches.
//!
//! Folding = Unicode canonical decomposition, combining marks dropped, lowercase. Words are
//! maximal runs of alphanumeric characters; everything else separates them.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds `text` for matching: `Veličković` → `velickovic`, `Université` → `universite`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        folded.extend(c.to_lowercase());
    }
    folded
}

/// The folded words of `text` with the byte range each occupies in `text` itself, so matches
/// found on folded words can be highlighted in the original.
pub fn words_with_ranges(text: &str) -> impl Iterator<Item = (String, std::ops::Range<usize>)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_alphanumeric() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(index, c)) = rest.peek() {
            // Combining marks belong to the word they decorate (a decomposed "é").
            if !(c.is_alphanumeric() || is_combining_mark(c)) {
                break;
            }
            end = index + c.len_utf8();
            rest.next();
        }
        Some((fold(&text[start..end]), start..end))
    })
}

/// The folded words of `text`.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    words_with_ranges(text).map(|(word, _)| word)
}
