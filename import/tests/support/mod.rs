//! The import cases the tests share: each fixture (and demo export) with its options and the
//! name of its expected files in `tests/expected/`.

#![allow(dead_code)]

use std::path::PathBuf;
use talk_catalog_import::{LinkKind, Options, QuestionField, SourceFormat};

pub struct Case {
    /// `tests/expected/{name}.toml` and `.log`.
    pub name: &'static str,
    pub input: PathBuf,
    pub format: SourceFormat,
    pub options: Options,
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn expected(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expected").join(name)
}

/// `../shared/formats/` beside the repository (the demo exports), when it is there.
pub fn shared(name: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/formats").join(name);
    path.exists().then_some(path)
}

fn options(f: impl FnOnce(&mut Options)) -> Options {
    let mut options = Options::default();
    f(&mut options);
    options
}

pub fn cases() -> Vec<Case> {
    let mut cases = vec![
        Case {
            name: "pretalx-messy",
            input: fixture("pretalx-messy.json"),
            format: SourceFormat::Pretalx,
            options: options(|o| o.questions.push(("Company".into(), QuestionField::Affiliation))),
        },
        Case {
            name: "frab-messy",
            input: fixture("frab-messy.xml"),
            format: SourceFormat::FrabXml,
            options: Options::default(),
        },
        Case {
            name: "sessionize-messy",
            input: fixture("sessionize-messy.json"),
            format: SourceFormat::Sessionize,
            options: options(|o| {
                o.time_zone = Some("Europe/Berlin".into());
                o.event_name = Some("SessionConf 2024".into());
                o.questions.push(("Slides URL".into(), QuestionField::Link(LinkKind::Slides)));
                o.questions.push(("79".into(), QuestionField::Affiliation));
            }),
        },
        Case {
            name: "indico-messy",
            input: fixture("indico-messy.json"),
            format: SourceFormat::Indico,
            options: Options::default(),
        },
        Case {
            name: "csv-messy",
            input: fixture("talks.csv"),
            format: SourceFormat::Csv,
            options: options(|o| {
                o.time_zone = Some("Europe/London".into());
                o.event_name = Some("CSV Seminar".into());
            }),
        },
        Case {
            name: "csv-custom-columns",
            input: fixture("talks-custom-columns.csv"),
            format: SourceFormat::Csv,
            options: options(|o| {
                o.markdown = true;
                o.time_zone = Some("Europe/Paris".into());
                o.event_name = Some("Custom Columns Day".into());
                for (field, header) in [
                    ("title", "Talk name"),
                    ("speakers", "Presenter"),
                    ("affiliation", "Org"),
                    ("abstract", "Summary (Markdown)"),
                    ("start", "When"),
                    ("room", "Where"),
                    ("tags", "Keywords"),
                ] {
                    o.columns.push((field.into(), header.into()));
                }
            }),
        },
    ];
    if let Some(input) = shared("pretalx-demo-schedule.json") {
        cases.push(Case { name: "pretalx-demo", input, format: SourceFormat::Pretalx, options: Options::default() });
    }
    if let Some(input) = shared("sessionize-demo-all.json") {
        // Without --time-zone and --event-name: times in UTC with offsets, no [event].
        cases.push(Case {
            name: "sessionize-demo",
            input: input.clone(),
            format: SourceFormat::Sessionize,
            options: Options::default(),
        });
        cases.push(Case {
            name: "sessionize-demo-zoned",
            input,
            format: SourceFormat::Sessionize,
            options: options(|o| {
                o.time_zone = Some("Europe/Zagreb".into());
                o.event_name = Some("Sessionize Demo".into());
            }),
        });
    }
    cases
}
