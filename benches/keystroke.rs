//! One keystroke's work — `catalog::view::compute`: parse the query, match and rank the talks,
//! count the facets, order the result — on synthetic catalogs of 20, 1,000 and 10,000 talks
//! (`talk_catalog_core::synthetic`, seed 1), on 10,000 talks a fifth of them in Japanese-like
//! text (`10000-cjk`), and on the real seed catalog (`data/talks.toml`, 20 talks) for
//! reference; and the one-time derivation of the word index (`word-index`).
//! Figures and how to read them: BENCHMARKS.md.
//!
//! ```text
//! cargo bench --bench keystroke                   # everything, about 3 minutes
//! cargo bench --bench keystroke -- typo           # one query, at every size
//! cargo bench --bench keystroke -- '/10000$'      # every query at 10,000 talks
//! ```
//!
//! Criterion is a native-only dev-dependency: on wasm32 this file is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod keystroke {
    use criterion::{BenchmarkId, Criterion};
    use std::hint::black_box;
    use std::time::Duration;
    use talk_catalog_core::facets::Selection;
    use talk_catalog_core::index::{self, SHORT_SET_MIN_POSITIONS};
    use talk_catalog_core::state::ViewState;
    use talk_catalog_core::view::compute;
    use talk_catalog_core::{prepare, synthetic, Catalog};

    const SIZES: [usize; 3] = [20, 1_000, 10_000];
    const SEED: u64 = 1;
    /// The CJK catalog: this many talks, this percentage of them in Japanese-like text.
    const CJK: (usize, u64) = (10_000, 20);

    /// A state of the search box while someone types, and optionally one selected tag.
    struct Case {
        name: &'static str,
        query: &'static str,
        tag: Option<&'static str>,
    }

    const fn case(name: &'static str, query: &'static str, tag: Option<&'static str>) -> Case {
        Case { name, query, tag }
    }

    const CASES: &[Case] = &[
        case("empty", "", None),
        case("prefix-h", "h", None),
        case("prefix-he", "he", None),
        case("prefix-hes", "hes", None),
        case("prefix-hessi", "hessi", None),
        case("word", "optimization ", None),
        case("typo", "hesian ", None),
        case("two-words", "gradient descent", None),
        case("phrase", "\"language models\"", None),
        case("speaker", "speaker:lee", None),
        case("negation", "learning -neural", None),
        case("word+tag", "optimization ", Some("sampling")),
        // Han characters as synthetic CJK text draws them (U+4E00 一 is the most frequent):
        // one character (any word starting with it), then two and three in a row.
        case("cjk-1", "一", None),
        case("cjk-2", "一丁", None),
        case("cjk-3", "一丁七", None),
        case("cjk+latin", "learning 一丁", None),
    ];

    /// Words the cases rely on: each must be in the vocabulary of the large catalogs, or a case
    /// would measure an empty result. (A 20-talk catalog may lack some, as a real one would.)
    const WORDS: &[&str] =
        &["hessian", "optimization", "gradient", "descent", "language", "models", "lee", "learning", "neural"];

    fn synthetic_catalog(n: usize, cjk_percent: u64) -> &'static Catalog {
        let text = synthetic::generate_with_cjk(n, SEED, cjk_percent);
        let catalog = prepare::from_toml("synthetic", &text)
            .unwrap_or_else(|errors| panic!("synthetic catalog of {n} talks is invalid: {errors:#?}"));
        Box::leak(Box::new(catalog))
    }

    fn state(catalog: &Catalog, case: &Case) -> ViewState {
        let mut selection = Selection::default();
        if let Some(tag) = case.tag {
            let index = catalog.tag_index(tag).unwrap_or_else(|| panic!("no tag `{tag}`"));
            selection.tags.insert(index as u16);
        }
        ViewState { query: case.query.to_owned(), selection, ..Default::default() }
    }

    fn keystroke(criterion: &mut Criterion) {
        let seed = std::fs::read_to_string("data/talks.toml").expect("read data/talks.toml");
        let seed = prepare::from_toml("data/talks.toml", &seed).expect("the seed catalog is valid");
        let mut catalogs: Vec<(String, &'static Catalog)> = vec![("seed".to_owned(), Box::leak(Box::new(seed)))];
        catalogs.extend(SIZES.iter().map(|&n| (n.to_string(), synthetic_catalog(n, 0))));
        catalogs.push((format!("{}-cjk", CJK.0), synthetic_catalog(CJK.0, CJK.1)));

        eprintln!("{:>8} {:>7} {:>12} {:>11} {:>9}", "catalog", "talks", "institutions", "vocabulary", "positions");
        for (name, catalog) in &catalogs {
            let terms = &catalog.words().terms;
            let positions: usize = (0..terms.len()).map(|term| catalog.words().term_positions(term).count()).sum();
            if catalog.talks.len() >= 1_000 {
                for word in WORDS {
                    assert!(terms.binary_search(word).is_ok(), "`{word}` is not in the {name}-talk catalog");
                }
            }
            eprintln!(
                "{name:>8} {:>7} {:>12} {:>11} {positions:>9}",
                catalog.talks.len(),
                catalog.institutions.len(),
                terms.len()
            );
        }
        let names: Vec<&str> = catalogs.iter().map(|(name, _)| name.as_str()).collect();
        eprintln!("\ntalks shown per case ({}):", names.join(" / "));
        for case in CASES {
            let shown: Vec<String> = (catalogs.iter())
                .map(|(_, catalog)| compute(catalog, &state(catalog, case)).talks.len().to_string())
                .collect();
            let input = format!("{:?}{}", case.query, case.tag.map(|tag| format!(" + tag {tag}")).unwrap_or_default());
            eprintln!("  {:<14} {:<36} {}", case.name, input, shown.join(" / "));
        }
        eprintln!();

        for case in CASES {
            let mut group = criterion.benchmark_group(case.name);
            for (name, catalog) in &catalogs {
                let (catalog, state) = (*catalog, state(catalog, case));
                group.bench_with_input(BenchmarkId::from_parameter(name), &state, |bencher, state| {
                    bencher.iter(|| compute(catalog, black_box(state)))
                });
            }
            group.finish();
        }

        // Paid once, after the first paint: the word index derived from the talks' text
        // (`Catalog::words`).
        let mut group = criterion.benchmark_group("word-index");
        group.sample_size(10);
        for (name, catalog) in &catalogs {
            group.bench_function(BenchmarkId::from_parameter(name), |bencher| {
                bencher.iter(|| index::word_index(black_box(catalog), SHORT_SET_MIN_POSITIONS).terms.len())
            });
        }
        group.finish();
    }

    pub fn main() {
        let mut criterion = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2))
            .sample_size(30)
            .configure_from_args();
        keystroke(&mut criterion);
        criterion.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    keystroke::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
