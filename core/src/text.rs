//! Text normalization shared by the build (which indexes the catalog) and the app (which folds
//! queries): both must fold text the same way or nothing matches.
//!
//! Folding = Unicode canonical decomposition, combining marks dropped, then Unicode (full) case
//! folding, as `unicode-normalization` and `caseless` define them: `Straße` matches `strasse`,
//! `ΣΟΦΟΣ` matches `σοφος`. The result for every character is generated once from those crates
//! into compact tables (`fold_table.rs`, written by `tests/fold_table.rs`), so neither crate is a
//! dependency; a test checks the tables against the crates for every code point. The
//! Halfwidth and Fullwidth Forms fold by compatibility decomposition instead (NFKD, as NFKC
//! would compare them): `ＡＢＣ` matches `abc`, half-width `ｶﾀｶﾅ` matches `カタカナ`.
//!
//! Words are maximal runs of alphanumeric characters; everything else separates them. Runs of
//! the scripts written without spaces between words (Han, Hiragana, Katakana, Hangul, Thai:
//! [`is_bigram_script`]) are cut from the rest and give one word per character, as Lucene's
//! CJK bigrams do: the character and the next one (`深層学習` → `深層`, `層学`, `学習`), and the
//! run's last character alone (`習`). A query cut the same way matches anywhere inside a run:
//! its pairs must follow each other like a phrase's words, and its last character matches the
//! words starting with it (`matcher::WordPattern`), so a single character finds any text
//! holding it. A word's range is its first character's, so a match highlights just what it
//! covers.

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

/// The Halfwidth and Fullwidth Forms block, folded by compatibility decomposition.
pub const WIDTH_FORMS: std::ops::RangeInclusive<char> = '\u{FF00}'..='\u{FFEF}';

/// The scripts written without spaces between words, whose runs are indexed a character at a
/// time (see the module's documentation): Han, Hiragana, Katakana, Hangul (syllables and jamo)
/// and Thai, with their half-width forms. Inclusive code point ranges, ascending.
pub const BIGRAM_SCRIPTS: [(u32, u32); 16] = [
    (0x0E00, 0x0E7F), // Thai
    (0x1100, 0x11FF), // Hangul jamo
    (0x2E80, 0x2FDF), // CJK and Kangxi radicals
    (0x3005, 0x3007), // 々 〆 〇
    (0x3021, 0x3029), // Suzhou numerals
    (0x3038, 0x303C),
    (0x3040, 0x30FF), // Hiragana, Katakana
    (0x3131, 0x318F), // Hangul compatibility jamo
    (0x31F0, 0x31FF), // Katakana extensions
    (0x3400, 0x4DBF), // Han
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97F), // Hangul
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),   // compatibility ideographs
    (0xFF66, 0xFFDC),   // half-width Katakana and Hangul
    (0x20000, 0x3FFFF), // Han beyond the BMP
];

/// Whether `c` belongs to one of the [`BIGRAM_SCRIPTS`].
pub fn is_bigram_script(c: char) -> bool {
    let c = c as u32;
    BIGRAM_SCRIPTS.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// Whether `c` belongs to the character before it, in a run of a bigram script: a combining
/// mark (Thai vowels and tones), a Hangul vowel or final consonant written as a jamo of its
/// own (decomposed text), or a half-width voiced mark (`ｶﾞ`, which NFKC composes into `ガ`).
fn joins_previous(c: char) -> bool {
    matches!(c as u32, 0x1160..=0x11FF | 0xD7B0..=0xD7FF | 0xFF9E | 0xFF9F) || is_combining_mark(c)
}

/// The fold of one character of a bigram script with what joins it, with Hangul recomposed:
/// folding decomposes `가` into `가`, which would be a prefix of `각`'s `각`, and a query's
/// last character matches the words that start with it.
fn fold_unit(unit: &str) -> String {
    let folded = fold(unit);
    let mut jamo = folded.chars().map(u32::from);
    let (lead, vowel, tail) = (jamo.next(), jamo.next(), jamo.next());
    let syllable = match (lead, vowel, tail, jamo.next()) {
        (Some(lead @ 0x1100..=0x1112), Some(vowel @ 0x1161..=0x1175), tail, None) => {
            let tail = match tail {
                None => 0,
                Some(tail @ 0x11A8..=0x11C2) => tail - 0x11A7,
                Some(_) => return folded,
            };
            ((lead - 0x1100) * 21 + vowel - 0x1161) * 28 + tail + HANGUL_SYLLABLES.start
        }
        _ => return folded,
    };
    char::from_u32(syllable).map_or(folded, String::from)
}

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
    // Reads one character of a bigram script and what joins it: its fold and range.
    let read_unit = move |rest: &mut std::iter::Peekable<std::str::CharIndices>| {
        let (start, c) = rest.next()?;
        let mut end = start + c.len_utf8();
        while let Some(&(index, c)) = rest.peek().filter(|&&(_, c)| joins_previous(c)) {
            end = index + c.len_utf8();
            rest.next();
        }
        Some((fold_unit(&text[start..end]), start..end))
    };
    let starts_unit =
        |next: Option<&(usize, char)>| next.is_some_and(|&(_, c)| c.is_alphanumeric() && is_bigram_script(c));
    // In a run of a bigram script: the character read last, whose word is not given yet.
    let mut unit: Option<(String, std::ops::Range<usize>)> = None;
    std::iter::from_fn(move || loop {
        if let Some((folded, range)) = unit.take() {
            if !starts_unit(rest.peek()) {
                return Some((folded, range));
            }
            match read_unit(&mut rest) {
                // A voiced mark or Thai vowel with nothing before it folds to nothing.
                Some((next, _)) if next.is_empty() => unit = Some((folded, range)),
                Some(next) => {
                    let pair = folded + &next.0;
                    unit = Some(next);
                    return Some((pair, range));
                }
                None => return Some((folded, range)),
            }
            continue;
        }
        let &(start, c) = rest.peek()?;
        if !c.is_alphanumeric() {
            rest.next();
        } else if is_bigram_script(c) {
            unit = read_unit(&mut rest).filter(|(folded, _)| !folded.is_empty());
        } else {
            let mut end = start;
            while let Some(&(index, c)) = rest.peek() {
                // Combining marks belong to the word they decorate (a decomposed "é").
                if !(c.is_alphanumeric() && !is_bigram_script(c) || is_combining_mark(c)) {
                    break;
                }
                end = index + c.len_utf8();
                rest.next();
            }
            return Some((fold(&text[start..end]), start..end));
        }
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
        let mut decomposed = String::new();
        for c in text.chars() {
            if WIDTH_FORMS.contains(&c) {
                decomposed.extend(c.to_string().nfkd());
            } else {
                decomposed.push(c);
            }
        }
        decomposed.nfd().filter(|&c| !mark(c)).default_case_fold().collect()
    }

    #[test]
    fn combining_marks_are_the_crates_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folding_equals_nfd_without_marks_for_every_char() {
        // (NFKD for the width forms, see `by_definition`.)
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
    fn runs_of_bigram_scripts_give_a_word_per_character() {
        let table: &[(&str, &[&str])] = &[
            ("深層学習の最適化", &["深層", "層学", "学習", "習の", "の最", "最適", "適化", "化"]),
            ("GPT-4の評価", &["gpt", "4", "の評", "評価", "価"]),
            ("東京 大学、山", &["東京", "京", "大学", "学", "山"]),
            ("日本abc語", &["日本", "本", "abc", "語"]),
            // Hangul stays one character per syllable, composed or written as jamo.
            ("한국어", &["한국", "국어", "어"]),
            ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", &["한국", "국"]),
            // Thai vowels and tones belong to their consonant, and fold away like accents.
            ("ภาษาไทย", &["ภา", "าษ", "ษา", "าไ", "ไท", "ทย", "ย"]),
            ("ก่อน", &["กอ", "อน", "น"]),
            // Width forms fold as NFKC would compare them.
            ("ＡＢＣ１２", &["abc12"]),
            ("ｶﾞｸｼｭｳ", &["カク", "クシ", "シュ", "ュウ", "ウ"]),
            ("ガクシュウ", &["カク", "クシ", "シュ", "ュウ", "ウ"]),
            ("ﾞｱ", &["ア"]),
        ];
        for &(text, expected) in table {
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
            let mut seen = Vec::new();
            for_each_word(text, |word| seen.push(word.to_owned()));
            assert_eq!(seen, expected, "for_each_word {text:?}");
        }
        let ranges: Vec<&str> = words_with_ranges("ｶﾞｸ学").map(|(_, range)| &"ｶﾞｸ学"[range]).collect();
        assert_eq!(ranges, ["ｶﾞ", "ｸ", "学"]);
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
