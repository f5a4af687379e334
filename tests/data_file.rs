//! Native tests of the catalog data file: the core's validator (`data_file`, which the build
//! runs on every build) against small fixtures, and the curation rules of our seed data.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use talk_catalog_core::data_file::{self, parse, Catalog, Format, Link, Series, Speaker, Tag, Talk};
use talk_catalog_core::markdown::Block;
use talk_catalog_core::rich_text::BlockKind;
use talk_catalog_core::LinkKind;

const BAD_DIR: &str = "tests/fixtures/bad";

/// Every file in `tests/fixtures/bad/`, with the errors it must produce, in order: one list of
/// substrings per error line. `check` adds the file path, which must start every line.
const BAD: &[(&str, &[&[&str]])] = &[
    ("syntax-error.toml", &[&[":20:", "talk #2", "invalid basic string"]]),
    ("unknown-field.toml", &[&[":20:", "talk #2", "unknown field `titel`", "expected one of", "`title`"]]),
    ("unknown-section.toml", &[&["unknown-section.toml:18: unknown field `talk`", "expected one of"]]),
    ("wrong-type.toml", &[&[":21:", "talk #2", "invalid type: string \"optimization\"", "expected a sequence"]]),
    ("missing-title.toml", &[&[":18:", "talk #2 (`udell-hessian`)", "field `title`", "is missing"]]),
    ("commented-header.toml", &[&[":18:", "talk #2 (`udell-hessian`)", "field `title`", "is missing"]]),
    ("empty-title.toml", &[&[":20:", "talk #2 (`udell-hessian`)", "field `title`", "is empty"]]),
    (
        "missing-speakers.toml",
        &[&[":18:", "talk #2 (`udell-hessian`)", "field `speakers`", "is missing", "[[talks.speakers]]"]],
    ),
    ("missing-abstract.toml", &[&[":18:", "talk #2 (`udell-hessian`)", "field `abstract`", "is missing", "paragraph"]]),
    (
        "duplicate-id.toml",
        &[&[
            ":19:",
            "talk #2 (`fazel-flat-minima`)",
            "field `id`",
            "duplicate id `fazel-flat-minima`",
            "already used by talk #1 (`fazel-flat-minima`)",
        ]],
    ),
    (
        "id-not-url-safe.toml",
        &[&[":19:", "talk #2 (`Hunting Hessian`)", "field `id`", "`Hunting Hessian` is not URL-safe", "lowercase"]],
    ),
    (
        "unknown-tag.toml",
        &[&[
            ":21:",
            "talk #2 (`udell-hessian`)",
            "field `tags`",
            "tag `hessians` is not in the vocabulary",
            "[[tags]]",
        ]],
    ),
    (
        "unknown-series.toml",
        &[&[":23:", "talk #2 (`udell-hessian`)", "field `series`", "series `hessian-tutorial` is not declared"]],
    ),
    (
        "series-part-gap.toml",
        &[
            &[
                ":28:",
                "talk #2 (`udell-hessian`)",
                "field `series.part`",
                "part 3 of series `alignment-tutorial` is out of range",
                "parts 1 to 2",
            ],
            &[
                ":17:",
                "talk #1 (`fazel-flat-minima`)",
                "field `series.part`",
                "series `alignment-tutorial` has no part 2",
            ],
        ],
    ),
    (
        "series-part-duplicate.toml",
        &[
            &[
                ":28:",
                "talk #2 (`udell-hessian`)",
                "field `series.part`",
                "part 1 of series `alignment-tutorial` is used twice",
            ],
            &[
                ":17:",
                "talk #1 (`fazel-flat-minima`)",
                "field `series.part`",
                "series `alignment-tutorial` has no part 2",
            ],
        ],
    ),
    (
        "link-url-javascript.toml",
        &[&[
            ":25:",
            "talk #2 (`udell-hessian`)",
            "field `links[2].url`",
            "`javascript:alert(1)` is not an http(s):// link",
        ]],
    ),
    (
        "link-url-no-scheme.toml",
        &[&[
            ":25:",
            "talk #2 (`udell-hessian`)",
            "field `links[2].url`",
            "`www.exämple.org/video` is not an http(s):// link",
        ]],
    ),
    (
        "speaker-url-ftp.toml",
        &[&[
            ":27:",
            "talk #2 (`udell-hessian`)",
            "field `speakers[1].url`",
            "`ftp://people.stanford.edu/udell` is not an http(s):// link",
        ]],
    ),
    (
        "unknown-format.toml",
        &[&[
            ":21:",
            "talk #2 (`udell-hessian`)",
            "field `format`",
            "`keynote` is not a format",
            "\"talk\" or \"tutorial\"",
        ]],
    ),
    ("no-talks.toml", &[&["no-talks.toml: field `talks`: the catalog has no talks", "[[talks]]"]]),
    ("event-without-name.toml", &[&[":3:", "event", "field `name`", "is missing"]]),
    ("time-zone-unknown.toml", &[&[":5:", "event", "field `time_zone`", "`Europe/Atlantis` is not an IANA time zone"]]),
    (
        "start-unparseable.toml",
        &[&[":20:", "talk #2 (`udell-hessian`)", "field `start`", "`Saturday 10am` is not a date-time"]],
    ),
    (
        "start-local-without-zone.toml",
        &[&[":16:", "talk #2 (`udell-hessian`)", "field `start`", "is a local time", "`time_zone`"]],
    ),
    (
        "start-in-dst-gap.toml",
        &[&[":20:", "talk #2 (`udell-hessian`)", "field `start`", "does not exist in Europe/Berlin"]],
    ),
    ("end-before-start.toml", &[&[":21:", "talk #2 (`udell-hessian`)", "field `end`", "is before `start`"]]),
    (
        "duration-end-disagree.toml",
        &[&[":22:", "talk #2 (`udell-hessian`)", "field `duration`", "disagrees with `end`", "45 minutes"]],
    ),
    (
        "link-kind-unknown.toml",
        &[&[":18:", "talk #2 (`udell-hessian`)", "field `links[1].kind`", "`poster` is not a link kind", "slides"]],
    ),
    (
        "language-not-bcp47.toml",
        &[&[":16:", "talk #2 (`udell-hessian`)", "field `language`", "`English (US)` is not a BCP 47 language tag"]],
    ),
    ("markup-unknown.toml", &[&[":16:", "talk #2 (`udell-hessian`)", "field `markup`", "`html` is not a markup"]]),
    (
        "markdown-link-javascript.toml",
        &[&[":15:", "talk #2 (`udell-hessian`)", "field `abstract`", "link to `javascript:alert(1)`", "mailto:"]],
    ),
];

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn parse_ok(relative: &str) -> Catalog {
    parse(relative, &read(relative)).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{relative} should be valid, but:\n{}", lines.join("\n"))
    })
}

/// Parses `tests/fixtures/bad/{name}` and returns what is wrong with the outcome, if anything:
/// it must fail with exactly `expected.len()` errors, each located in the file and containing
/// its substrings.
fn check(name: &str, expected: &[&[&str]]) -> Option<String> {
    let path = format!("{BAD_DIR}/{name}");
    let errors = match parse(&path, &read(&path)) {
        Ok(_) => return Some(format!("{name}: parsed without errors")),
        Err(errors) => errors,
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let joined = lines.join("\n");
    if lines.len() != expected.len() {
        return Some(format!("{name}: expected {} error(s), got {}:\n{joined}", expected.len(), lines.len()));
    }
    let mut problems = Vec::new();
    for (line, substrings) in lines.iter().zip(expected) {
        if !line.starts_with(&format!("{path}:")) {
            problems.push(format!("does not start with `{path}:`"));
        }
        problems.extend(substrings.iter().filter(|s| !line.contains(*s)).map(|s| format!("lacks {s:?}")));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}; got:\n{joined}", problems.join(", ")))
}

#[test]
fn every_bad_fixture_fails_with_located_messages() {
    let failures: Vec<String> = BAD.iter().filter_map(|(name, expected)| check(name, expected)).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_bad_fixture_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(BAD_DIR);
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name().into_string().expect("UTF-8 file name"))
        .collect();
    let in_table: BTreeSet<String> = BAD.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(in_table.len(), BAD.len(), "a fixture is listed twice in BAD");
    let unchecked: Vec<_> = on_disk.difference(&in_table).collect();
    let missing: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(unchecked.is_empty(), "fixtures in {BAD_DIR}/ without an entry in BAD: {unchecked:?}");
    assert!(missing.is_empty(), "entries in BAD without a file in {BAD_DIR}/: {missing:?}");
}

fn speaker(name: &str, affiliation: &str, institutions: &[&str], url: Option<&str>) -> Speaker {
    Speaker {
        name: name.to_owned(),
        affiliation: affiliation.to_owned(),
        institutions: institutions.iter().map(|&institution| institution.to_owned()).collect(),
        url: url.map(str::to_owned),
        bio: Vec::new(),
    }
}

fn paragraphs(items: &[&str]) -> Vec<Block> {
    items.iter().map(|&item| Block::paragraph(item.to_owned())).collect()
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(|block| block.text.as_str()).collect()
}

#[test]
fn good_fixture_comes_out_as_written() {
    let catalog = parse_ok("tests/fixtures/good.toml");

    assert_eq!(
        catalog.series,
        [Series { id: "alignment-tutorial".to_owned(), title: "Tutorial on AI Alignment".to_owned() }]
    );
    let tag_ids: Vec<&str> = catalog.tags.iter().map(|tag| tag.id.as_str()).collect();
    assert_eq!(tag_ids, ["optimization", "alignment-safety", "transformers"]);
    assert_eq!(
        catalog.tags[1],
        Tag {
            id: "alignment-safety".to_owned(),
            label: "Alignment & Safety".to_owned(),
            description: "Making AI systems reliable and aligned with human intent.".to_owned(),
        }
    );

    let [boyer, methods, vulnerabilities] = &catalog.talks[..] else {
        panic!("expected 3 talks, got {}", catalog.talks.len());
    };

    assert_eq!(
        *boyer,
        Talk {
            id: "boyer-single-location".to_owned(),
            title: "Single location regression and attention-based models".to_owned(),
            format: Format::Talk,
            speakers: vec![speaker(
                "Claire Boyer",
                "Université Paris-Saclay",
                // No `institutions`: defaults to the affiliation.
                &["Université Paris-Saclay"],
                Some("https://example.org/~boyer"),
            )],
            abstract_text: paragraphs(&[
                "Attention-based models excel across various tasks but lack a “comprehensive” theoretical understanding.",
                "We study a predictor’s asymptotic Bayes optimality — and its training dynamics.",
            ]),
            bio: paragraphs(&["Claire Boyer is a professor at Université Paris-Saclay."]),
            // Indices into `tags`, in the order written.
            tags: vec![2, 0],
            series: None,
            links: vec![
                Link {
                    kind: LinkKind::Other,
                    label: "Slides".to_owned(),
                    url: "https://example.org/boyer/slides.pdf".to_owned(),
                },
                Link { kind: LinkKind::Other, label: "Vidéo".to_owned(), url: "http://example.org/boyer/video".to_owned() },
            ],
            ..Talk::default()
        }
    );

    let beirami = speaker("Ahmad Beirami", "Google DeepMind", &["Google DeepMind"], None);
    let hassani = |url| {
        speaker("Hamed Hassani", "University of Pennsylvania & TILOS", &["University of Pennsylvania", "TILOS"], url)
    };
    assert_eq!(methods.id, "beirami-alignment-methods");
    assert_eq!(methods.format, Format::Tutorial);
    assert_eq!(methods.series, Some((0, 2)));
    assert_eq!(methods.tags, [1]);
    assert_eq!(methods.speakers, [beirami.clone(), hassani(Some("https://example.org/hassani"))]);
    assert!(methods.bio.is_empty() && methods.links.is_empty());

    assert_eq!(vulnerabilities.id, "beirami-safety-vulnerabilities");
    assert_eq!(vulnerabilities.title, "Tutorial on AI Alignment (part 1 of 2): Safety Vulnerabilities");
    assert_eq!(vulnerabilities.format, Format::Tutorial);
    assert_eq!(vulnerabilities.series, Some((0, 1)));
    assert_eq!(vulnerabilities.tags, [1, 2, 0]);
    assert_eq!(
        texts(&vulnerabilities.abstract_text),
        ["The first part reviews “jailbreaking” attacks on frontier models."]
    );
    assert_eq!(vulnerabilities.speakers, [beirami, hassani(None)]);
}

#[test]
fn schedule_fixture_has_times_places_links_and_markdown() {
    let catalog = parse_ok("tests/fixtures/schedule.toml");
    let event = &catalog.event;
    assert_eq!(
        (event.name.as_deref(), event.time_zone.as_deref(), event.language.as_deref()),
        (Some("Optimization Days 2026"), Some("Europe/Berlin"), Some("en"))
    );
    let [hessian, schritt, panel] = &catalog.talks[..] else { panic!("expected 3 talks") };

    // 10:00 in Berlin before the clocks change is 09:00 UTC; after it, 09:30 is 07:30 UTC.
    assert_eq!((hessian.start, hessian.end), (Some(1_774_688_400), Some(1_774_688_400 + 45 * 60)));
    assert_eq!((schritt.start, schritt.end), (Some(1_774_855_800), Some(1_774_858_500)));
    assert_eq!((panel.start, panel.end), (Some(1_774_882_800), Some(1_774_882_800 + 3600)));
    assert_eq!((hessian.room.as_deref(), hessian.track.as_deref()), (Some("Saal 1"), Some("Methods")));
    assert_eq!((schritt.language.as_deref(), hessian.language.as_deref()), (Some("de"), None));

    let kinds: Vec<&str> = hessian.links.iter().map(|link| link.kind.id()).collect();
    assert_eq!(kinds, ["slides", "video", "recording", "paper", "code", "other"]);
    assert_eq!((hessian.links[0].label.as_str(), hessian.links[5].label.as_str()), ("", "Notes"));

    // The file says Markdown; the second talk says plain, so its asterisks stay.
    let blocks: Vec<(&str, BlockKind)> =
        hessian.abstract_text.iter().map(|block| (block.text.as_str(), block.kind)).collect();
    assert_eq!(
        blocks,
        [
            ("Second-order methods without the Hessian: we use Hv products.", BlockKind::Paragraph),
            ("Conjugate gradients", BlockKind::Item { depth: 0, number: Some(1) }),
            ("Preconditioning", BlockKind::Item { depth: 0, number: Some(2) }),
            ("diagonal", BlockKind::Item { depth: 1, number: None }),
            ("K-FAC", BlockKind::Item { depth: 1, number: None }),
            ("for k in 0..n { x -= step * g(x) }", BlockKind::Code),
        ]
    );
    assert_eq!(hessian.abstract_text[0].spans.len(), 3);
    assert_eq!(
        texts(&schritt.abstract_text),
        ["Wie man die Schrittweite wählt, ohne zu raten.", "Ein zweiter Absatz, *nicht* als Markdown gelesen."]
    );
    assert_eq!(texts(&hessian.speakers[0].bio), ["Ada writes notes.\nRaw HTML is dropped."]);

    // What importers write: no affiliation, and on purpose no speakers and no abstract.
    assert_eq!((schritt.speakers[0].affiliation.as_str(), schritt.speakers[0].institutions.len()), ("", 0));
    assert!(panel.speakers.is_empty() && panel.abstract_text.is_empty());
}

const SEED_DATA: &str = "data/talks.toml";

#[test]
fn seed_data_is_valid_and_has_20_talks() {
    assert_eq!(parse_ok(SEED_DATA).talks.len(), 20);
}

// Curation rules for our seed data, not general validation rules.

#[test]
fn seed_talks_have_2_to_5_tags() {
    let catalog = parse_ok(SEED_DATA);
    let wrong: Vec<_> =
        catalog.talks.iter().filter(|talk| !(2..=5).contains(&talk.tags.len())).map(|talk| &talk.id).collect();
    assert!(wrong.is_empty(), "talks without 2 to 5 tags: {wrong:?}");
}

#[test]
fn seed_tags_are_each_used_by_at_least_two_talks() {
    let catalog = parse_ok(SEED_DATA);
    let rare: Vec<_> = catalog
        .tags
        .iter()
        .enumerate()
        .map(|(index, tag)| (&tag.id, catalog.talks.iter().filter(|talk| talk.tags.contains(&index)).count()))
        .filter(|&(_, uses)| uses < 2)
        .collect();
    assert!(rare.is_empty(), "tags used by fewer than two talks (id, uses): {rare:?}");
}

#[test]
fn seed_has_exactly_5_talks_with_a_bio() {
    let catalog = parse_ok(SEED_DATA);
    let with_bio: Vec<_> = catalog.talks.iter().filter(|talk| !talk.bio.is_empty()).map(|talk| &talk.id).collect();
    assert_eq!(with_bio.len(), 5, "talks with a bio: {with_bio:?}");
}

/// The seed data holds the original text verbatim: per talk, in order, its title, one
/// "name, affiliation" line per speaker, then its abstract and bio paragraphs, a line each.
#[test]
fn seed_data_reproduces_the_original_text_verbatim() {
    let catalog = parse_ok(SEED_DATA);
    let mut lines: Vec<String> = Vec::new();
    for talk in &catalog.talks {
        lines.push(talk.title.clone());
        lines.extend(talk.speakers.iter().map(|speaker| format!("{}, {}", speaker.name, speaker.affiliation)));
        lines.extend(talk.abstract_text.iter().map(|block| block.text.clone()));
        lines.extend(talk.bio.iter().map(|block| block.text.clone()));
    }
    let rebuilt = lines.join("\n");

    let seed = read("tests/fixtures/seed-talks.txt");
    // The original has no final newline; tolerate one added by an editor.
    let seed = seed.strip_suffix('\n').unwrap_or(&seed);
    if rebuilt != seed {
        let first_difference = rebuilt.lines().zip(seed.lines()).position(|(ours, original)| ours != original);
        let (ours, original) = match first_difference {
            Some(index) => (rebuilt.lines().nth(index), seed.lines().nth(index)),
            None => (None, None),
        };
        panic!(
            "data/talks.toml does not reproduce tests/fixtures/seed-talks.txt: {} line(s) vs {}; \
             first difference at line {:?}:\n  ours:     {ours:?}\n  original: {original:?}",
            rebuilt.lines().count(),
            seed.lines().count(),
            first_difference.map(|index| index + 1),
        );
    }
}

/// A one-talk catalog with `tags` declared tags (the talk uses the first) and a speaker naming
/// `institutions` institutions.
fn catalog_with(tags: usize, institutions: usize) -> String {
    let mut text = String::new();
    for tag in 0..tags {
        text.push_str(&format!("[[tags]]\nid = \"t{tag}\"\nlabel = \"T{tag}\"\ndescription = \"d\"\n"));
    }
    let names: Vec<String> = (0..institutions).map(|i| format!("\"I{i}\"")).collect();
    text.push_str("[[talks]]\nid = \"a\"\ntitle = \"A\"\nabstract = [\"x\"]\ntags = [\"t0\"]\n");
    text.push_str(&format!(
        "[[talks.speakers]]\nname = \"N\"\naffiliation = \"I0\"\ninstitutions = [{}]\n",
        names.join(", ")
    ));
    text
}

#[test]
fn counts_over_the_16_bit_limit_fail_with_a_message_naming_the_limit() {
    let limit = data_file::MAX_ENTRIES;
    assert!(parse("limit.toml", &catalog_with(limit, limit)).is_ok(), "the limit itself is allowed");
    for (tags, institutions, field) in [(limit + 1, 1, "tags"), (1, limit + 1, "institutions")] {
        let errors = parse("limit.toml", &catalog_with(tags, institutions)).expect_err(field);
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        let expected = format!(
            "limit.toml: field `{field}`: the catalog has {} {field}, more than the limit of {limit}",
            limit + 1
        );
        assert!(lines.len() == 1 && lines[0].starts_with(&expected), "{lines:?}");
    }
}
