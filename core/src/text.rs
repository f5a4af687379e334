//! Text normalization shared by the build (which indexes the catalog) and the app (which folds
//! queries): both must fold text the same way or nothing matches.
//!
//! Folding = Unicode canonical decomposition, combining marks dropped, then Unicode (full) case
//! folding, as `unicode-normalization` and `caseless` define them: `Straße` matches `strasse`,
//! `ΣΟΦΟΣ` matches `σοφος`. The result for every character is generated once from those crates
//! into compact tables (`fold_table.rs`, written by `tests/fold_table.rs`), so neither crate is a
//! dependency; a test checks the tables against the crates for every code point. Words are
//! maximal runs of alphanumeric characters; everything else separates them.

use crate::fold_table::{COMBINING_MARKS, FOLD_RUNS, FOLD_STRINGS};
use crate::model::{encode_leb128, Leb128};
use std::sync::LazyLock;

/// Characters `start`, `start + stride`, … (`count` of them) that fold to `target`,
/// `target + target_step`, …: one entry for a whole alphabet's capitals, or for all of
/// `ÀÁÂÃÄÅ` → `a`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldRun {
    pub start: u32,
    pub count: u32,
    pub stride: u32,
    pub target: u32,
    pub target_step: u32,
}

// The tables ship as LEB128 byte strings of small differences (see `encode_runs` and
// `encode_ranges`), a third of their size as arrays of u32s once compressed, and are decoded on
// the first fold that needs them (about 1,500 runs and 330 ranges: microseconds).
static RUNS: LazyLock<Vec<FoldRun>> = LazyLock::new(|| decode_runs(FOLD_RUNS));
static MARKS: LazyLock<Vec<(u32, u32)>> = LazyLock::new(|| decode_ranges(COMBINING_MARKS));

/// `runs` (ascending by start) as bytes: per run, in LEB128, its start's distance from the
/// previous run's start, its count, its target's distance from its start (zigzag: it may be
/// below), and `(stride - 1) << 2 | target_step`.
pub fn encode_runs(runs: &[FoldRun]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous = 0;
    for run in runs {
        let distance = run.target.wrapping_sub(run.start) as i32;
        let zigzag = (distance << 1 ^ distance >> 31) as u32;
        for value in [run.start - previous, run.count, zigzag, (run.stride - 1) << 2 | run.target_step] {
            encode_leb128(value, &mut out);
        }
        previous = run.start;
    }
    out
}

pub fn decode_runs(bytes: &[u8]) -> Vec<FoldRun> {
    let mut values = Leb128(bytes);
    let mut runs = Vec::new();
    let mut start = 0;
    while let (Some(step), Some(count), Some(zigzag), Some(strides)) =
        (values.next(), values.next(), values.next(), values.next())
    {
        start += step;
        let distance = (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32);
        let target = start.wrapping_add(distance as u32);
        runs.push(FoldRun { start, count, stride: (strides >> 2) + 1, target, target_step: strides & 3 });
    }
    runs
}

/// Inclusive, ascending, disjoint `ranges` as bytes: per range, in LEB128, its start's
/// distance from the previous range's end, and its length minus one.
pub fn encode_ranges(ranges: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous = 0;
    for &(start, last) in ranges {
        encode_leb128(start - previous, &mut out);
        encode_leb128(last - start, &mut out);
        previous = last;
    }
    out
}

pub fn decode_ranges(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut values = Leb128(bytes);
    let mut ranges = Vec::new();
    let mut previous = 0;
    while let (Some(gap), Some(length)) = (values.next(), values.next()) {
        let start = previous + gap;
        previous = start + length;
        ranges.push((start, previous));
    }
    ranges
}

/// Precomposed Hangul syllables, which decompose by arithmetic (Unicode §3.12), not by table.
pub const HANGUL_SYLLABLES: std::ops::Range<u32> = 0xAC00..0xAC00 + 11172;

/// Whether `c` is a combining mark (the accents that folding drops).
pub fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    let after = MARKS.partition_point(|&(start, _)| start <= c);
    after > 0 && c <= MARKS[after - 1].1
}

/// Appends the fold of one character to `folded`.
fn fold_char(c: char, folded: &mut String) {
    let code = c as u32;
    if c.is_ascii() {
        folded.push(c.to_ascii_lowercase());
    } else if HANGUL_SYLLABLES.contains(&code) {
        // Leading consonant, vowel, and trailing consonant unless there is none.
        let syllable = code - HANGUL_SYLLABLES.start;
        let jamo = [0x1100 + syllable / 588, 0x1161 + syllable % 588 / 28, 0x11A7 + syllable % 28];
        let parts = if syllable.is_multiple_of(28) { &jamo[..2] } else { &jamo[..] };
        folded.extend(parts.iter().filter_map(|&part| char::from_u32(part)));
    } else if let Ok(at) = FOLD_STRINGS.binary_search_by_key(&code, |(from, _)| *from) {
        folded.push_str(FOLD_STRINGS[at].1);
    } else if !is_combining_mark(c) {
        let after = RUNS.partition_point(|run| run.start <= code);
        let run = after.checked_sub(1).map(|at| RUNS[at]);
        let target = run.and_then(|run| {
            let offset = code - run.start;
            (offset.is_multiple_of(run.stride) && offset / run.stride < run.count)
                .then(|| run.target + offset / run.stride * run.target_step)
        });
        folded.push(target.and_then(char::from_u32).unwrap_or(c));
    }
}

/// Folds `text` for matching: `Veličković` → `velickovic`, `Université` → `universite`.
///
/// Folding char by char equals full NFD here: NFD only adds canonical reordering of
/// combining marks, and those are all dropped.
pub fn fold(text: &str) -> String {
    // Most text is ASCII, where folding is just lowercasing.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_char(c, &mut folded));
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

/// Calls `each` with every folded word of `text`, as [`words`] gives them, without allocating
/// a string per word where the text is ASCII: indexing a large catalog in the browser folds
/// millions of words.
pub fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut lowered = String::new();
    // ASCII punctuation and spaces separate words for `words` too, so the chunks between them
    // hold whole words; only chunks with other characters need the full folding.
    let mut start = 0;
    for bytes in text.as_bytes().split(|&byte| byte.is_ascii() && !byte.is_ascii_alphanumeric()) {
        // Split at ASCII bytes, so at character boundaries.
        let chunk = &text[start..start + bytes.len()];
        start += bytes.len() + 1;
        if chunk.is_empty() {
            continue;
        }
        if !chunk.is_ascii() {
            words(chunk).for_each(|word| each(&word));
        } else if chunk.bytes().any(|byte| byte.is_ascii_uppercase()) {
            lowered.clear();
            lowered.push_str(chunk);
            lowered.make_ascii_lowercase();
            each(&lowered);
        } else {
            each(chunk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The fold as the definition says: full NFD, marks dropped, case folded.
    fn by_definition(text: &str) -> String {
        use caseless::Caseless;
        let mark = unicode_normalization::char::is_combining_mark;
        text.nfd().filter(|&c| !mark(c)).default_case_fold().collect()
    }

    #[test]
    fn combining_marks_are_the_crates_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
        }
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
    fn fold_tables_round_trip_through_bytes() {
        let runs = [
            FoldRun { start: 0xB5, count: 1, stride: 1, target: 0x3BC, target_step: 0 },
            FoldRun { start: 0xC0, count: 6, stride: 1, target: 0x61, target_step: 0 },
            FoldRun { start: 0x100, count: 40, stride: 2, target: 0x101, target_step: 2 },
            FoldRun { start: 0x10FFFF, count: 1, stride: 1, target: 0, target_step: 1 },
        ];
        assert_eq!(decode_runs(&encode_runs(&runs)), runs);
        let ranges = [(0, 0), (0x300, 0x36F), (0x483, 0x489), (0xE0100, 0xE01EF)];
        assert_eq!(decode_ranges(&encode_ranges(&ranges)), ranges);
        assert!(decode_runs(&[]).is_empty() && decode_ranges(&[]).is_empty());
    }

    #[test]
    fn folds_case_and_accents() {
        let table = [
            ("Veličković", "velickovic"),
            ("Université", "universite"),
            ("ÅNGSTRÖM", "angstrom"),
            ("ε-first", "ε-first"),
            ("Straße", "strasse"),
            ("ΣΟΦΟΣ σοφος σοφοσ", "σοφοσ σοφοσ σοφοσ"),
            ("ﬁnal", "final"),
        ];
        for (text, expected) in table {
            assert_eq!(fold(text), expected);
        }
    }

    #[test]
    fn for_each_word_gives_the_words() {
        let texts = [
            "",
            "  ",
            "Quasi-Newton, 2nd-order!",
            "a",
            "x1 y2",
            "Straße Veličković",
            "tail",
            "ÉTÉ–été, Zürich—x\u{301}y",
        ];
        for text in texts {
            let mut seen = Vec::new();
            for_each_word(text, |word| seen.push(word.to_owned()));
            assert_eq!(seen, words(text).collect::<Vec<_>>(), "{text:?}");
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
