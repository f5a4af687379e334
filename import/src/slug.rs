//! Ids (URL-safe slugs) and language tags.

use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII words `[a-z0-9]+` joined by single hyphens (the data file's id rule).
pub fn is_url_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

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

/// A well-formed BCP 47 tag (RFC 5646 syntax, `_` accepted for `-`): language, then optional
/// script, region, variants, extensions and private use, in that order.
pub fn is_bcp47(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split(['-', '_']).collect();
    let alpha = |p: &str| p.bytes().all(|b| b.is_ascii_alphabetic());
    let alnum = |p: &str| p.bytes().all(|b| b.is_ascii_alphanumeric());
    let digit = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let Some(primary) = parts.first() else { return false };
    if primary.eq_ignore_ascii_case("x") {
        return parts.len() > 1 && parts[1..].iter().all(|p| (1..=8).contains(&p.len()) && alnum(p));
    }
    // 4-8 letter primary subtags are reserved or unused: not accepted.
    if !(2..=3).contains(&primary.len()) || !alpha(primary) {
        return false;
    }
    // 0: extlang/script/region/variant allowed; 1: after script; 2: after region; 3: variants.
    let mut stage = 0;
    let mut extlangs = 0;
    let mut i = 1;
    while i < parts.len() {
        let p = parts[i];
        let n = p.len();
        if n == 1 && alnum(p) {
            // An extension or private use: at least one 2-8 (private use 1-8) subtag follows.
            let private = p.eq_ignore_ascii_case("x");
            let rest = &parts[i + 1..];
            let min = if private { 1 } else { 2 };
            return !rest.is_empty()
                && rest.iter().all(|q| (1..=8).contains(&q.len()) && alnum(q))
                && (private || rest.iter().all(|q| q.len() >= min || q.len() == 1));
        }
        if stage == 0 && n == 3 && alpha(p) && primary.len() <= 3 && extlangs < 3 {
            extlangs += 1;
        } else if stage == 0 && n == 4 && alpha(p) {
            stage = 1;
        } else if stage <= 1 && ((n == 2 && alpha(p)) || (n == 3 && digit(p))) {
            stage = 2;
        } else if ((5..=8).contains(&n) && alnum(p)) || (n == 4 && p.as_bytes()[0].is_ascii_digit() && alnum(p)) {
            stage = 3;
        } else {
            return false;
        }
        i += 1;
    }
    true
}
