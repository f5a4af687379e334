//! The search engine, facets and sort orders over a small fixture catalog, as tables of
//! query → expected talk ids.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use talk_catalog_core::{data_file, prepare, synthetic};

use talk_catalog::catalog::facets::{Bitset, FacetValue, Selection};
use talk_catalog::catalog::field::Field;
use talk_catalog::catalog::matcher::{Quality, WordPattern};
use talk_catalog::catalog::query::{parse, Query, Term};
use talk_catalog::catalog::search::{highlights, match_text, TextMatches};
use talk_catalog::catalog::state::{SortOrder, ViewState};
use talk_catalog::catalog::text::words;
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
        // Full case folding: ß is ss, whichever way it is typed.
        ("grossmann", &["ma-sampling-1"]),
        ("GROSSMANN", &["ma-sampling-1"]),
        ("großmann", &["ma-sampling-1"]),
        ("\"Großmann's notes\"", &["ma-sampling-1"]),
        // The last word matches as a prefix while typing; a finished word does not.
        ("hallu", &["kalai-hallucinations"]),
        ("hallu ", &[]),
        ("hallu models", &[]),
        // Starting an operator after a word leaves that word finished.
        ("hallu -", &[]),
        ("hallu speaker:", &[]),
        ("hallu \"", &[]),
        ("hallu -\"", &[]),
        ("hallu title:\"", &[]),
        ("\"hallu", &["kalai-hallucinations"]),
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

/// The catalog of `tests/fixtures/cjk.toml`: Japanese, Chinese, Korean, Thai, mixed and
/// right-to-left talks.
fn cjk() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<&'static Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| support::load("tests/fixtures/cjk.toml"))
}

fn check_in(catalog: &Catalog, query: &str, expected: &[&str]) {
    let state = ViewState { query: query.to_owned(), ..ViewState::default() };
    assert_eq!(ids(catalog, &view::compute(catalog, &state).talks), expected, "query {query:?}");
}

#[test]
fn the_issues_queries_find_text_anywhere_in_a_run() {
    // The issue's talk, and one holding 最, 適 and 化 but not in a row.
    let text = std::fs::read_to_string("tests/fixtures/cjk.toml").expect("read the fixture");
    let two_talks = &text[..text.find("[[talks]]\nid = \"zh-reasoning\"").expect("the third talk")];
    let catalog = support::parse("two talks", two_talks);
    assert_eq!(catalog.talks.len(), 2);
    let table: &[(&str, &[&str])] = &[
        ("深層学習", &["ja-deep"]),
        ("最適化", &["ja-deep"]),
        ("学習", &["ja-deep"]),
        ("勾配", &["ja-deep"]),
        ("山田", &["ja-deep"]),
        ("東京", &["ja-deep"]),
        // Pairs must follow each other: 最 and 適 are both in the second title, apart.
        ("最適", &["ja-deep"]),
        ("適化", &["ja-deep"]),
        // A single character finds any text holding it, in a run or at its end.
        ("化", &["ja-deep", "ja-adaptive"]),
        ("京", &["ja-deep", "ja-adaptive"]),
        ("学", &["ja-deep", "ja-adaptive"]),
        ("最適化 ", &["ja-deep"]),
        ("最適化手法", &[]),
    ];
    for (query, expected) in table {
        check_in(catalog, query, expected);
    }
}

#[test]
fn queries_in_every_script_find_the_expected_talks_in_rank_order() {
    let table: &[(&str, &[&str])] = &[
        // Japanese: anywhere in a run; a title ranks above an abstract.
        ("確率的勾配降下法", &["ja-deep"]),
        ("評価", &["mixed-gpt", "ja-adaptive"]),
        ("手法", &["ja-adaptive"]),
        // Chinese: simplified 学习 is not Japanese 学習.
        ("学习", &["zh-reasoning"]),
        ("语言模型", &["zh-reasoning"]),
        ("优化算法", &["zh-reasoning"]),
        ("深度", &["zh-reasoning"]),
        // Korean, by syllables: 가 is not the start of 각, and 어 ends 한국어 and 자연어.
        ("자연어", &["ko-nlp"]),
        ("언어 모델", &["ko-nlp"]),
        ("어", &["ko-nlp"]),
        ("소개", &["ko-nlp"]),
        ("가", &["ko-nlp"]),
        ("각", &["mixed-gpt"]),
        // Thai, tone marks folded away like accents.
        ("เรียนรู้", &["th-ml"]),
        ("ภาษาไทย", &["th-ml"]),
        ("ใจดี", &["th-ml"]),
        // Mixed Latin and CJK, full-width and half-width forms.
        ("GPT-4の評価", &["mixed-gpt"]),
        ("gpt-4", &["mixed-gpt"]),
        ("ＧＰＴ", &["mixed-gpt"]),
        ("ガイド", &["mixed-gpt"]),
        ("ｶﾞｲﾄﾞ", &["mixed-gpt"]),
        ("ベンチマーク", &["mixed-gpt"]),
        // Quoted phrases, exclusion and field scopes work as for Latin words.
        ("\"確率的勾配\"", &["ja-deep"]),
        ("\"勾配 降下\"", &["ja-deep"]),
        ("\"降下 勾配\"", &[]),
        ("大学 -東京", &["ja-adaptive", "zh-reasoning"]),
        ("-学", &["ko-nlp", "th-ml", "mixed-gpt", "latin-optimize", "rtl-arabic"]),
        ("title:学習", &["ja-deep"]),
        ("title:勾配", &[]),
        ("from:大学", &["ja-deep", "ja-adaptive", "zh-reasoning"]),
        ("speaker:山田", &["ja-deep"]),
        ("tag:機械", &["ja-deep", "ja-adaptive", "th-ml", "latin-optimize"]),
        // Latin and right-to-left words are words as before.
        ("learning", &["latin-optimize"]),
        ("العميق", &["rtl-arabic"]),
        ("כהן", &["rtl-arabic"]),
    ];
    for (query, expected) in table {
        check_in(cjk(), query, expected);
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
        // In a run of CJK or Thai, just the characters matched, as one mark.
        ("深層学習の最適化について", Field::Title, "最適化", &["最適化"]),
        ("深層学習の最適化について", Field::Title, "学習 深層", &["深層学習"]),
        ("東京大学", Field::Affiliation, "京", &["京"]),
        ("GPT-4の評価", Field::Title, "GPT-4の評価", &["GPT", "4の評価"]),
        ("ＧＰＴ－４とｶﾞｲﾄﾞの", Field::Abstract, "ガイド", &["ｶﾞｲﾄﾞ"]),
        ("한국어 자연어 처리", Field::Title, "자연", &["자연"]),
        ("การเรียนรู้ของเครื่อง", Field::Title, "เรียน", &["เรียน"]),
        ("深層学習の最適化について", Field::Title, "-最適化", &[]),
    ];
    for &(text, field, query, expected) in table {
        assert_eq!(marked(text, field, query), expected, "{text:?} {query:?}");
    }
}

#[test]
fn position_tables_spell_out_every_field_text() {
    for catalog in [fixture(), support::load("data/talks.toml")] {
        let index = catalog.words();
        // Invert the per-term position lists: what each numbered position holds.
        let mut at: Vec<Option<(&str, u32)>> = vec![None; index.talk_positions[catalog.talks.len()] as usize];
        for (term, text) in index.terms.iter().enumerate() {
            let positions: Vec<u32> = index.term_positions(term).collect();
            assert!(positions.is_sorted(), "positions of {text:?} ascend");
            for packed in positions {
                at[(packed >> Field::BITS) as usize] = Some((text, packed & ((1 << Field::BITS) - 1)));
            }
        }
        for (talk, each) in catalog.talks.iter().enumerate() {
            // A talk's texts in `field_texts` order, each followed by one unused position.
            let mut expected = Vec::new();
            for (field, text) in each.field_texts(catalog) {
                expected.extend(words(text).map(|word| Some((word, field.code()))));
                expected.push(None);
            }
            let range = index.talk_positions[talk] as usize..index.talk_positions[talk + 1] as usize;
            let spelled: Vec<Option<(String, u32)>> =
                at[range].iter().map(|slot| slot.map(|(word, field)| (word.to_owned(), field))).collect();
            assert_eq!(spelled, expected, "{}", each.id);
        }
    }
}

/// Every talk's field texts as folded words: what the index is built from, kept as plain lists
/// to search the slow, obvious way.
struct Texts(Vec<Vec<(Field, Vec<String>)>>);

impl Texts {
    fn of(catalog: &Catalog) -> Texts {
        let talks = catalog.talks.iter().map(|talk| talk.field_texts(catalog));
        Texts(
            talks
                .map(|texts| texts.into_iter().map(|(field, text)| (field, words(text).collect())).collect())
                .collect(),
        )
    }

    /// A term's score in a talk, by definition: the best field weight × worst word quality over
    /// the places where its words occur in a row within one field text in its scope.
    fn term_score(&self, term: &Term, talk: usize) -> u32 {
        let last = term.words.len() - 1;
        let patterns: Vec<WordPattern> = (term.words.iter().enumerate())
            .map(|(i, word)| WordPattern::new(word, term.prefix && i == last, !term.quoted && !term.negated))
            .collect();
        let in_scope = self.0[talk].iter().filter(|(field, _)| term.scope.is_none_or(|fields| fields.contains(field)));
        let occurrences = in_scope.flat_map(|(field, words)| {
            words.windows(patterns.len()).filter_map(|window| {
                let qualities = window.iter().zip(&patterns).map(|(word, pattern)| pattern.quality(word));
                let worst = qualities.collect::<Option<Vec<Quality>>>()?.into_iter().min()?;
                Some(field.weight() * worst as u32)
            })
        });
        occurrences.max().unwrap_or(0)
    }

    /// What `match_text` must find: talks matching every positive term and no negated one.
    fn matches(&self, query: &Query) -> TextMatches {
        let count = self.0.len();
        let mut talks = Bitset::full(count);
        let mut scores = vec![0; count];
        for term in &query.terms {
            for (talk, total) in scores.iter_mut().enumerate() {
                let score = self.term_score(term, talk);
                match (term.negated, score > 0) {
                    (false, true) => *total += score,
                    (false, false) | (true, true) => talks.remove(talk),
                    (true, false) => {}
                }
            }
        }
        TextMatches { talks, scores }
    }
}

/// Compares `match_text` (through the index) with [`Texts::matches`] (scores of matching talks
/// only); returns how many talks matched.
fn check_against_scan(catalog: &Catalog, texts: &Texts, query: &str) -> usize {
    let query = parse(query);
    let (indexed, scanned) = (match_text(catalog, &query), texts.matches(&query));
    assert_eq!(indexed.talks, scanned.talks, "talks for {query:?}");
    for talk in scanned.talks.iter() {
        assert_eq!(indexed.scores[talk], scanned.scores[talk], "score of talk {talk} for {query:?}");
    }
    scanned.talks.len()
}

/// The catalog that `text` describes, with talk sets for every short prefix and word that
/// occurs (`prepare` keeps them only for frequent ones), so short words are searched through them.
fn with_every_short_set(name: &str, text: &str) -> &'static Catalog {
    let file = data_file::parse(name, text).expect("the catalog is valid");
    Box::leak(Box::new(prepare::prepare_with(file, 1)))
}

#[test]
fn the_index_finds_what_scanning_the_texts_finds() {
    let synthetic_text = synthetic::generate(60, 7);
    let synthetic = support::parse("synthetic", &synthetic_text);
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let with_sets = [
        with_every_short_set("fixture", &read("tests/fixtures/search.toml")),
        with_every_short_set("seed", &read("data/talks.toml")),
        with_every_short_set("synthetic", &synthetic_text),
        with_every_short_set("cjk", &read("tests/fixtures/cjk.toml")),
    ];
    assert!(with_sets.iter().all(|catalog| !catalog.words().prefix_talks.keys.is_empty()));
    #[rustfmt::skip]
    let written = [
        // Words: exact, accented, prefix, typos (the vocabulary scan), exclusion.
        "velickovic", "universite", "\"Université\"", "hallu", "hallu ", "hesian ", "hessi", "gradeint ",
        "halucinatoins ", "optimization ", "optimization -hessian", "speaker:lee", "learning -neural",
        // Hyphenated words (phrases with typos and a prefix), quoted phrases, scopes, exclusion.
        "quasi-newton", "newton-quasi", "quasi-newt", "quasi-newtn ", "qusai-newton ", "gradient-descnet ",
        "languag-model", "a-b-c-d", "1-2", "\"monte carlo\"", "\"carlo monte\"", "\"stochastic control\"",
        "\"hesian\"", "\"language models\"", "\"large language models\"", "\"gradient descent\"", "\"of the\"",
        "\"the the\"", "\"in the of\"", "\"a\"", "from:\"uc san diego\"", "title:\"language models\"",
        "-\"language models\"",
        // Words too short for typos, typed or finished: with and without talk sets, scoped.
        "h", "he", "hes", "hess", "a", "a ", "i", "in", "of", "the", "the ", "-the", "\"the\"", "x", "zzqq", "é",
        "speaker:h", "speaker:le", "title:he", "from:u", "tag:c", "tag:op", "of h", "a-b", "h-",
        // CJK and Thai: pairs in a row, single characters, phrases, scopes, exclusion, mixed.
        "深層学習", "最適化", "学習", "勾配", "山田", "東京", "学", "京", "化 ", "最適化手法", "\"勾配 降下\"",
        "-学", "大学 -東京", "title:学習", "from:大学", "speaker:山", "学习", "语言模型", "자연어", "어", "가",
        "각", "เรียนรู้", "ไทย", "GPT-4の評価", "gpt-4の", "ＧＰＴ", "ｶﾞｲﾄﾞ", "の", "の ", "\"の\"",
        "一", "一丁", "一丁七", "丁 ", "learning 一", "-一",
    ];
    let synthetic_cjk = support::parse("synthetic cjk", &synthetic::generate_with_cjk(60, 7, 30));
    let catalogs = [fixture(), support::load("data/talks.toml"), synthetic, cjk(), synthetic_cjk];
    for catalog in catalogs.into_iter().chain(with_sets) {
        let texts = Texts::of(catalog);
        for query in written {
            check_against_scan(catalog, &texts, query);
        }
    }
    // Phrases cut from the synthetic catalog's own abstracts, two to four words in a row:
    // quoted, hyphenated (typos allowed), hyphenated with two letters swapped, and hyphenated
    // with the last letter still to type.
    let texts = Texts::of(synthetic);
    let (mut queries, mut found) = (0, 0);
    for talk in synthetic.talks.iter().step_by(3) {
        let text: Vec<String> = talk.abstract_text.blocks.iter().flat_map(|&paragraph| words(paragraph)).collect();
        for (start, len) in [(0, 2), (5, 3), (11, 4), (20, 2)] {
            let Some(phrase) = text.get(start..start + len) else { continue };
            let hyphenated = phrase.join("-");
            let mut swapped: Vec<char> = hyphenated.chars().collect();
            swapped.swap(1, 2);
            let swapped: String = swapped.into_iter().collect();
            let typing: String = hyphenated.chars().take(hyphenated.chars().count() - 1).collect();
            for query in [format!("\"{}\"", phrase.join(" ")), format!("{hyphenated} "), format!("{swapped} "), typing]
            {
                queries += 1;
                found += usize::from(check_against_scan(synthetic, &texts, &query) > 0);
            }
        }
    }
    // Cut from the texts, most of them must match something, or this compared little.
    assert!(found * 2 > queries, "only {found} of {queries} phrases matched");
}

#[test]
fn the_word_index_built_in_steps_is_the_index_built_at_once() {
    let text = synthetic::generate(150, 5);
    let at_once = support::parse("synthetic", &text).words();
    let tables = |index: &talk_catalog_core::SearchIndex| {
        let sets = |sets: &talk_catalog_core::model::FieldTalkSets| (sets.keys.to_vec(), sets.bits.to_vec());
        (
            index.terms.clone(),
            index.positions.clone(),
            index.positions_start.clone(),
            index.talk_positions.clone(),
            sets(&index.prefix_talks),
            sets(&index.word_talks),
        )
    };
    // In steps of 7 talks to the end; and 4 steps, then whatever a search needs at once.
    let stepped = support::parse("synthetic", &text);
    let mut steps = 0;
    while !stepped.derive_words(7) {
        steps += 1;
        assert!(!stepped.has_words() && steps < 100);
    }
    assert_eq!(steps, 150_usize.div_ceil(7) + 1, "a step per 7 talks, one to sort the words, one for the rest");
    assert_eq!(tables(stepped.words()), tables(at_once));
    let interrupted = support::parse("synthetic", &text);
    (0..4).for_each(|_| assert!(!interrupted.derive_words(7)));
    assert_eq!(tables(interrupted.words()), tables(at_once));
    assert!(interrupted.derive_words(7), "complete once a search has finished it");
}

#[test]
fn talk_sets_exist_for_exactly_the_short_prefixes_and_words_that_occur_often_enough() {
    use std::collections::BTreeMap;
    use talk_catalog_core::matcher::typo_budget;
    let text = std::fs::read_to_string("data/talks.toml").expect("read the seed");
    for min_positions in [1, 20, 200] {
        let file = data_file::parse("seed", &text).expect("valid");
        let catalog = prepare::prepare_with(file, min_positions);
        let index = catalog.words();
        // Every prefix (and word) too short for typos, with the positions of the words having it.
        let (mut prefixes, mut words) = (BTreeMap::<String, usize>::new(), BTreeMap::<String, usize>::new());
        for (term, &text) in index.terms.iter().enumerate() {
            let chars: Vec<char> = text.chars().collect();
            for length in (1..=chars.len()).take_while(|&length| typo_budget(length) == 0) {
                *prefixes.entry(chars[..length].iter().collect()).or_default() += index.positions_count(term);
            }
            if typo_budget(chars.len()) == 0 {
                words.insert(text.to_owned(), index.positions_count(term));
            }
        }
        let often = |counts: BTreeMap<String, usize>| -> Vec<String> {
            counts.into_iter().filter(|&(_, count)| count >= min_positions).map(|(key, _)| key).collect()
        };
        assert_eq!(index.prefix_talks.keys, often(prefixes), "prefixes, at least {min_positions}");
        assert_eq!(index.word_talks.keys, often(words), "words, at least {min_positions}");
    }
}
