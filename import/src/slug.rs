//! Ids (URL-safe slugs) and language tags.

use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

pub use talk_catalog_core::data_file::is_url_safe_id;

/// A slug of `text`: accents dropped ("Café" → "cafe"), `ß` → "ss", every other run of
/// non-alphanumerics a hyphen; cut at a word boundary to at most `max` bytes. Empty when the text
/// has no Latin letters or digits.
pub fn slugify(text: &str, max: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.nfkd() {
        let mapped: &str = match c {
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "o",
            'œ' | 'Œ' => "oe",
            'đ' | 'Đ' | 'ð' => "d",
            'ł' | 'Ł' => "l",
            'þ' => "th",
            '+' => "plus",
            _ => "",
        };
        if !mapped.is_empty() {
            if c == '+' {
                // "C++" → "c-plus-plus"
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                words.push(mapped.to_string());
            } else {
                word.push_str(mapped);
            }
        } else if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '’' {
            // accents and apostrophes ("Ada's") join their word
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut out = String::new();
    for word in words {
        if !out.is_empty() && out.len() + 1 + word.len() > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out.truncate(max);
    out.trim_end_matches('-').to_string()
}

/// `base` if it is free, else `base-2`, `base-3` …; `fallback-1` … when `base` is empty.
pub fn unique(base: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let (base, mut n) = if base.is_empty() { (fallback, 1) } else { (base, 1) };
    let mut id = if base == fallback && n == 1 { format!("{base}-1") } else { base.to_string() };
    while taken.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.insert(id.clone());
    id
}

/// A BCP 47 tag as written (`en`, `pt-BR`, `zh-Hant`), or the tag of a language's English or
/// own name ("German", "Deutsch").
pub fn language_tag(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let looks_bcp47 = is_bcp47(raw);
    if looks_bcp47 {
        let mut parts = raw.split(['-', '_']);
        let mut tag = parts.next().unwrap_or("").to_ascii_lowercase();
        for part in parts {
            tag.push('-');
            match part.len() {
                2 => tag.push_str(&part.to_ascii_uppercase()),
                4 => {
                    let mut chars = part.chars();
                    tag.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    tag.push_str(&chars.as_str().to_ascii_lowercase());
                }
                _ => tag.push_str(&part.to_ascii_lowercase()),
            }
        }
        return Some(tag);
    }
    const NAMES: &[(&str, &str)] = &[
        ("english", "en"),
        ("german", "de"),
        ("deutsch", "de"),
        ("french", "fr"),
        ("français", "fr"),
        ("francais", "fr"),
        ("spanish", "es"),
        ("español", "es"),
        ("espanol", "es"),
        ("italian", "it"),
        ("italiano", "it"),
        ("portuguese", "pt"),
        ("português", "pt"),
        ("dutch", "nl"),
        ("nederlands", "nl"),
        ("polish", "pl"),
        ("polski", "pl"),
        ("russian", "ru"),
        ("chinese", "zh"),
        ("japanese", "ja"),
        ("korean", "ko"),
        ("arabic", "ar"),
        ("turkish", "tr"),
        ("swedish", "sv"),
        ("norwegian", "no"),
        ("danish", "da"),
        ("finnish", "fi"),
        ("czech", "cs"),
        ("greek", "el"),
        ("hebrew", "he"),
        ("hindi", "hi"),
        ("ukrainian", "uk"),
        ("hungarian", "hu"),
        ("romanian", "ro"),
    ];
    let lower = raw.to_lowercase();
    NAMES.iter().find(|(name, _)| *name == lower).map(|(_, tag)| tag.to_string())
}

/// A well-formed BCP 47 tag (RFC 5646 syntax, `_` accepted for `-`), as the build checks it,
/// whose language is an ISO 639 code: the syntax also allows 5–8 letters, which would take
/// "Italian" for a tag.
pub fn is_bcp47(tag: &str) -> bool {
    oxilangtag::LanguageTag::parse(tag.replace('_', "-"))
        .is_ok_and(|tag| tag.primary_language().len() <= 3 || tag.primary_language().eq_ignore_ascii_case("x"))
}
