//! Text normalization shared by the build script (which precomputes search tables) and the
//! runtime (which normalizes queries): both must fold text the same way or nothing matches.
//!
//! Folding = Unicode canonical decomposition, combining marks dropped, lowercase. Words are
//! maximal runs of alphanumeric characters; everything else separates them.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `text` for matching: `Veličković` → `velickovic`, `Université` → `universite`.
///
/// Decomposing char by char equals full NFD here: NFD only adds canonical reordering of
/// combining marks, and those are all dropped. Calling `decompose_canonical` directly (not the
/// `nfd()` iterator) keeps the compatibility-decomposition tables out of the wasm (~35 KB gz).
pub fn fold(text: &str) -> String {
    // Most text is ASCII, where folding is just lowercasing: skip the Unicode tables.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |part| {
            if !is_combining_mark(part) {
                folded.extend(part.to_lowercase());
            }
        });
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

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The fold as the definition says: full NFD, marks dropped, lowercase.
    fn by_definition(text: &str) -> String {
        text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn folding_equals_nfd_without_marks_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // Alone, and between a letter and a combining mark (where reordering could matter).
            for text in [c.to_string(), format!("a{c}\u{301}"), format!("e\u{301}{c}\u{323}")] {
                assert_eq!(fold(&text), by_definition(&text), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn folds_case_and_accents() {
        let table = [
            ("Veličković", "velickovic"),
            ("Université", "universite"),
            ("ÅNGSTRÖM", "angstrom"),
            ("ε-first", "ε-first"),
        ];
        for (text, expected) in table {
            assert_eq!(fold(text), expected);
        }
    }

    #[test]
    fn words_keep_ranges_into_the_original() {
        let text = "Quasi-Newton, Unive\u{301}rsite\u{301}!";
        let words: Vec<(String, &str)> = words_with_ranges(text).map(|(word, range)| (word, &text[range])).collect();
        assert_eq!(
            words,
            [
                ("quasi".to_owned(), "Quasi"),
                ("newton".to_owned(), "Newton"),
                ("universite".to_owned(), "Unive\u{301}rsite\u{301}")
            ]
        );
    }
}
