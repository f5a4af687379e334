//! The search box's little language, parsed leniently: any input is a valid query.
//!
//! - words are ANDed; the last word also matches as a prefix while it is being typed;
//! - `"quoted words"` must appear together, in order;
//! - `speaker:`, `tag:`, `from:` (affiliation or institution) and `title:` restrict a word or
//!   quoted phrase to one field;
//! - a leading `-` excludes talks that contain the word or phrase;
//! - punctuation splits words, and a word it splits (`quasi-newton`) must appear as a phrase.
//!
//! Malformed syntax degrades to plain words: an unclosed quote, an unknown `field:`, a lone `-`.

use crate::field::Field;
use crate::text::words;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// One condition of a query: a word, or several words that must be adjacent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words, in order.
    pub words: Vec<String>,
    /// The fields it may match in; `None` for all of them.
    pub scope: Option<&'static [Field]>,
    pub negated: bool,
    /// Written in quotes: match words exactly, no prefix or typo tolerance.
    pub quoted: bool,
    /// The last word is still being typed: it may match as a prefix.
    pub prefix: bool,
}

impl Query {
    /// True when the query has nothing to match: every talk passes.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when some term must match, so results can be ranked by relevance.
    pub fn has_positive_terms(&self) -> bool {
        self.terms.iter().any(|term| !term.negated)
    }
}

fn scope_of(name: &str) -> Option<&'static [Field]> {
    match name.to_ascii_lowercase().as_str() {
        "speaker" => Some(&[Field::Speaker]),
        "tag" => Some(&[Field::Tag]),
        "from" => Some(&[Field::Affiliation]),
        "title" => Some(&[Field::Title]),
        _ => None,
    }
}

pub fn parse(input: &str) -> Query {
    let mut terms = Vec::new();
    let mut rest = input;
    // The term made by the token that runs to the end of the input: the word being typed.
    // A token that makes no term (a lone `-`, `speaker:`, `"`) leaves the words before it
    // finished.
    let mut open_term = None;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let mut negated = false;
        if let Some(after) = rest.strip_prefix('-') {
            negated = true;
            rest = after;
        }
        let mut scope = None;
        if let Some((name, after)) = rest.split_once(':') {
            if let Some(found) = scope_of(name).filter(|_| !name.contains(char::is_whitespace) && !name.contains('"')) {
                scope = Some(found);
                rest = after;
            }
        }
        if let Some(after) = rest.strip_prefix('"') {
            match after.split_once('"') {
                Some((phrase, after)) => {
                    let words: Vec<String> = words(phrase).collect();
                    if !words.is_empty() {
                        terms.push(Term { words, scope, negated, quoted: true, prefix: false });
                    }
                    rest = after;
                    open_term = None;
                    continue;
                }
                // An unclosed quote: its words count as plain words.
                None => {
                    let before = terms.len();
                    for word in words(after) {
                        terms.push(Term { words: vec![word], scope, negated, quoted: false, prefix: false });
                    }
                    open_term = (terms.len() > before).then(|| terms.len() - 1);
                    break;
                }
            }
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let words: Vec<String> = words(&rest[..end]).collect();
        open_term = None;
        if !words.is_empty() {
            terms.push(Term { words, scope, negated, quoted: false, prefix: false });
            open_term = (end == rest.len()).then(|| terms.len() - 1);
        }
        rest = &rest[end..];
    }
    // The word under the cursor is unfinished: let it match as a prefix (not for exclusions,
    // which would hide talks the user did not mean to hide while typing).
    if !input.ends_with(char::is_whitespace) {
        if let Some(open) = open_term.and_then(|term| terms.get_mut(term)).filter(|term| !term.negated) {
            open.prefix = true;
        }
    }
    Query { terms }
}
