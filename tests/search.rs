//! The search engine, facets and sort orders over a small fixture catalog, as tables of
//! query → expected talk ids.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use talk_catalog::catalog::facets::{FacetValue, Selection};
use talk_catalog::catalog::field::Field;
use talk_catalog::catalog::query::parse;
use talk_catalog::catalog::search::highlights;
use talk_catalog::catalog::state::{SortOrder, ViewState};
use talk_catalog::catalog::{view, Catalog, Format};

fn fixture() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::load("tests/fixtures/search.toml"))
}

fn ids(catalog: &Catalog, talks: &[usize]) -> Vec<&'static str> {
    talks.iter().map(|&talk| catalog.talks[talk].id).collect()
}

/// The ids shown for `state`, in display order.
fn shown(state: &ViewState) -> Vec<&'static str> {
    let catalog = fixture();
    ids(catalog, &view::compute(catalog, state).talks)
}

fn check(query: &str, expected: &[&str]) {
    let state = ViewState { query: query.to_owned(), ..ViewState::default() };
    assert_eq!(shown(&state), expected, "query {query:?}");
}

const ALL: [&str; 8] = [
    "velickovic-programming",
    "boyer-attention",
    "mokhtari-quasi-newton",
    "udell-hessian",
    "kalai-hallucinations",
    "ma-sampling-1",
    "ma-sampling-2",
    "recht-body",
];

#[test]
fn queries_find_the_expected_talks_in_rank_order() {
    let table: &[(&str, &[&str])] = &[
        // Nothing to match: everything, in programme order.
        ("", &ALL),
        ("   ", &ALL),
        // Case and accents are folded, both ways.
        ("velickovic", &["velickovic-programming"]),
        ("VELIČKOVIĆ", &["velickovic-programming"]),
        // (… and two typos away, "University" matches too, ranked below the exact match.)
        ("universite", &["boyer-attention", "udell-hessian"]),
        ("\"Université\"", &["boyer-attention"]),
        // The last word matches as a prefix while typing; a finished word does not.
        ("hallu", &["kalai-hallucinations"]),
        ("hallu ", &[]),
        ("hallu models", &[]),
        // One typo from 5 letters, two from 9, none below 5.
        ("hesian ", &["udell-hessian", "mokhtari-quasi-newton"]),
        ("gradeint ", &["udell-hessian"]),
        ("halucinatoins ", &["kalai-hallucinations"]),
        ("mote ", &[]),
        ("hesin ", &[]),
        // Words are ANDed.
        ("hessian gradient", &["udell-hessian"]),
        ("monte carlo", &["ma-sampling-1", "ma-sampling-2"]),
        // Punctuation splits words, and the split word must appear as a phrase.
        ("quasi-newton", &["mokhtari-quasi-newton"]),
        ("newton-quasi", &[]),
        ("quasi newton", &["mokhtari-quasi-newton"]),
        // Quoted phrases: adjacent and in order, words exact.
        ("\"monte carlo\"", &["ma-sampling-1", "ma-sampling-2"]),
        ("\"carlo monte\"", &[]),
        ("\"stochastic control\"", &["ma-sampling-2"]),
        ("\"hesian\"", &[]),
        // Field filters.
        ("title:hessian", &["udell-hessian"]),
        ("speaker:udell", &["udell-hessian"]),
        ("speaker:recht", &["recht-body"]),
        ("speaker:hessian", &[]),
        ("from:tilos", &["ma-sampling-1", "ma-sampling-2"]),
        ("from:\"uc san diego\"", &["ma-sampling-1", "ma-sampling-2"]),
        ("from:berkeley", &["recht-body"]),
        ("tag:control", &["ma-sampling-2", "recht-body"]),
        ("tag:language-models", &["kalai-hallucinations"]),
        ("TITLE:Hessian", &["udell-hessian"]),
        // Exclusion.
        ("optimization -hessian", &["velickovic-programming", "recht-body"]),
        (
            "-sampling",
            &[
                "velickovic-programming",
                "boyer-attention",
                "mokhtari-quasi-newton",
                "udell-hessian",
                "kalai-hallucinations",
                "recht-body",
            ],
        ),
        ("monte -\"part 2\"", &["ma-sampling-1"]),
        // Ranking: title > speaker > tag > affiliation > abstract > bio; ties keep data order.
        ("hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        ("control", &["ma-sampling-2", "recht-body"]),
        ("optimization", &["mokhtari-quasi-newton", "velickovic-programming", "udell-hessian", "recht-body"]),
        ("diffusion", &["ma-sampling-2", "ma-sampling-1"]),
        // Malformed syntax degrades to plain words; nothing panics.
        ("\"hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        ("speaker:", &ALL),
        ("-", &ALL),
        ("\"\"", &ALL),
        ("((hessian))", &["udell-hessian", "mokhtari-quasi-newton"]),
        ("nosuchfield:hessian", &[]),
        (":hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        ("-\"", &ALL),
    ];
    for (query, expected) in table {
        check(query, expected);
    }
}

#[test]
fn sort_orders() {
    let table: &[(Option<SortOrder>, &str, &[&str])] = &[
        (
            Some(SortOrder::Title),
            "tag:optimization",
            &["mokhtari-quasi-newton", "velickovic-programming", "udell-hessian"],
        ),
        (
            Some(SortOrder::Speaker),
            "tag:optimization",
            &["mokhtari-quasi-newton", "udell-hessian", "velickovic-programming"],
        ),
        (Some(SortOrder::Data), "hessian", &["mokhtari-quasi-newton", "udell-hessian"]),
        (Some(SortOrder::Relevance), "hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        (None, "hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        // Only exclusions: nothing to rank by, so programme order.
        (None, "-sampling -optimization", &["boyer-attention", "kalai-hallucinations"]),
    ];
    for &(sort, query, expected) in table {
        let state = ViewState { query: query.to_owned(), sort, ..ViewState::default() };
        assert_eq!(shown(&state), expected, "{sort:?} {query:?}");
    }
}

fn tag(id: &str) -> FacetValue {
    FacetValue::Tag(fixture().tag_index(id).unwrap() as u16)
}

fn institution(name: &str) -> FacetValue {
    FacetValue::Institution(fixture().institution_index(name).unwrap() as u16)
}

fn select(values: &[FacetValue]) -> Selection {
    let mut selection = Selection::default();
    values.iter().for_each(|&value| selection.toggle(value));
    selection
}

#[test]
fn facets_or_within_and_across() {
    let table: &[(&[FacetValue], &str, &[&str])] = &[
        (&[], "", &ALL),
        (&[tag("control")], "", &["ma-sampling-2", "recht-body"]),
        (&[tag("control"), tag("transformers")], "", &["boyer-attention", "ma-sampling-2", "recht-body"]),
        (&[tag("control"), FacetValue::Format(Format::Tutorial)], "", &["ma-sampling-2"]),
        (
            &[institution("TILOS"), institution("OpenAI")],
            "",
            &["kalai-hallucinations", "ma-sampling-1", "ma-sampling-2"],
        ),
        (&[tag("optimization")], "hessian", &["udell-hessian", "mokhtari-quasi-newton"]),
        (&[tag("sampling")], "hessian", &[]),
    ];
    for &(values, query, expected) in table {
        let state = ViewState { query: query.to_owned(), selection: select(values), ..ViewState::default() };
        assert_eq!(shown(&state), expected, "{values:?} {query:?}");
    }
}

#[test]
fn facet_counts_leave_out_their_own_facet() {
    let catalog = fixture();
    let counts = |values: &[FacetValue], query: &str| {
        let state = ViewState { query: query.to_owned(), selection: select(values), ..ViewState::default() };
        view::compute(catalog, &state).facets
    };

    let none = counts(&[], "");
    assert_eq!(none.count(tag("optimization")), 3);
    assert_eq!(none.count(tag("control")), 2);
    assert_eq!(none.count(FacetValue::Format(Format::Tutorial)), 2);
    assert_eq!(none.count(institution("UC San Diego")), 2);

    // Choosing a tag keeps the other tags' counts (same facet: ORed) ...
    let control = counts(&[tag("control")], "");
    assert_eq!(control.count(tag("optimization")), 3);
    assert_eq!(control.count(tag("sampling")), 2);
    // ... and narrows the other facets.
    assert_eq!(control.count(FacetValue::Format(Format::Tutorial)), 1);
    assert_eq!(control.count(FacetValue::Format(Format::Talk)), 1);
    assert_eq!(control.count(institution("OpenAI")), 0);
    // Zero-count values stay listed.
    assert!(control.counts.iter().any(|&(value, count)| value == institution("OpenAI") && count == 0));
    assert_eq!(control.counts.len(), catalog.tags.len() + catalog.institutions.len() + 2);

    // Counts respect the text query.
    let hessian = counts(&[], "hessian");
    assert_eq!(hessian.count(tag("optimization")), 2);
    assert_eq!(hessian.count(tag("control")), 0);
}

/// The highlighted parts of `text` for `query`.
fn marked<'a>(text: &'a str, field: Field, query: &str) -> Vec<&'a str> {
    highlights(text, field, &parse(query)).into_iter().map(|range| &text[range]).collect()
}

#[test]
fn highlights_are_ranges_of_the_original_text() {
    let table: &[(&str, Field, &str, &[&str])] = &[
        ("Petar Veličković", Field::Speaker, "velickovic", &["Veličković"]),
        ("Université Paris-Saclay", Field::Affiliation, "universite saclay", &["Université", "Saclay"]),
        // A decomposed accent (e + combining acute) stays inside its word.
        ("Unive\u{301}rsite\u{301} x", Field::Title, "universite", &["Unive\u{301}rsite\u{301}"]),
        ("Hunting the Hessian", Field::Title, "hesian ", &["Hessian"]),
        ("Unlearnable Facts Cause Hallucinations", Field::Title, "hallu", &["Hallucinations"]),
        ("builds on quasi-Newton ideas", Field::Abstract, "quasi-newton", &["quasi", "Newton"]),
        ("Monte Carlo and monte", Field::Abstract, "\"monte carlo\"", &["Monte", "Carlo"]),
        ("Hunting the Hessian", Field::Title, "-hessian", &[]),
        ("Hunting the Hessian", Field::Abstract, "title:hessian", &[]),
        ("Hunting the Hessian", Field::Title, "title:hessian", &["Hessian"]),
        ("ε-first-order stationary point", Field::Abstract, "first order", &["first", "order"]),
    ];
    for &(text, field, query, expected) in table {
        assert_eq!(marked(text, field, query), expected, "{text:?} {query:?}");
    }
}

#[test]
fn token_tables_spell_out_every_field_text() {
    let catalog = fixture();
    let index = &catalog.index;
    for (talk, each) in catalog.talks.iter().enumerate() {
        let first = index.talk_texts[talk] as usize;
        let texts = each.field_texts(catalog);
        assert_eq!(index.talk_texts[talk + 1] as usize - first, texts.len(), "{}", each.id);
        for (k, (_, text)) in texts.into_iter().enumerate() {
            let tokens =
                &index.tokens[index.text_tokens[first + k] as usize..index.text_tokens[first + k + 1] as usize];
            let spelled: Vec<&str> = tokens.iter().map(|&token| index.terms[token as usize]).collect();
            let expected: Vec<String> = talk_catalog::catalog::text::words(text).collect();
            assert_eq!(spelled, expected, "{} {text:?}", each.id);
        }
    }
}
