//! Every fixture and demo export, imported and compared with its expected data file and log
//! (`tests/expected/`). `UPDATE_EXPECTED=1 cargo test -p talk-catalog-import --test fixtures`
//! rewrites them; review the diff.

mod support;

use std::process::{Command, Stdio};
use support::{cases, expected, fixture};
use talk_catalog_import::{detect, import, Imported, Options, SourceFormat};

fn log_of(imported: &Imported) -> String {
    let mut log = String::new();
    for title in &imported.skipped {
        log.push_str(&format!("skipped: {title}\n"));
    }
    for warning in &imported.warnings {
        log.push_str(&format!("warning: {warning}\n"));
    }
    log.push_str(&format!(
        "{} talks imported, {} skipped, {} warnings\n",
        imported.file.talks.len(),
        imported.skipped.len(),
        imported.warnings.len()
    ));
    log
}

#[test]
fn fixtures_import_as_expected() {
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for case in cases() {
        let bytes = std::fs::read(&case.input).unwrap();
        let imported = import(&bytes, &case.options).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(imported.format, case.format, "{}: detected format", case.name);
        // The same with the format given.
        let given = Options { from: Some(case.format), ..case.options.clone() };
        assert_eq!(import(&bytes, &given).unwrap().toml, imported.toml, "{}: --from", case.name);
        let log = log_of(&imported);
        let toml_path = expected(&format!("{}.toml", case.name));
        let log_path = expected(&format!("{}.log", case.name));
        if update {
            std::fs::write(&toml_path, &imported.toml).unwrap();
            std::fs::write(&log_path, &log).unwrap();
            continue;
        }
        let want_toml = std::fs::read_to_string(&toml_path).unwrap_or_default();
        let want_log = std::fs::read_to_string(&log_path).unwrap_or_default();
        if want_toml != imported.toml {
            failures.push(format!("{}: the data file differs from {}", case.name, toml_path.display()));
        }
        if want_log != log {
            failures.push(format!("{}: the warnings differ from {}:\n{log}", case.name, log_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}\n(UPDATE_EXPECTED=1 rewrites the expected files)", failures.join("\n"));
}

#[test]
fn import_is_deterministic() {
    for case in cases() {
        let bytes = std::fs::read(&case.input).unwrap();
        let first = import(&bytes, &case.options).unwrap();
        let second = import(&bytes, &case.options).unwrap();
        assert_eq!(first.toml, second.toml, "{}", case.name);
        assert_eq!(first.warnings, second.warnings, "{}", case.name);
    }
}

#[test]
fn every_source_talk_appears_once() {
    // Talks imported + skipped = the source's events: nothing silently lost.
    let count = |name: &str, options: Options| {
        let imported = import(&std::fs::read(fixture(name)).unwrap(), &options).unwrap();
        (imported.file.talks.len(), imported.skipped.len())
    };
    assert_eq!(count("pretalx-messy.json", Options::default()), (6, 2));
    assert_eq!(count("frab-messy.xml", Options::default()), (3, 2));
    assert_eq!(count("sessionize-messy.json", Options::default()), (5, 1));
    assert_eq!(count("indico-messy.json", Options::default()), (3, 2));
    assert_eq!(count("talks.csv", Options::default()), (5, 2));
}

#[test]
fn no_personal_data_is_copied() {
    for case in cases() {
        let imported = import(&std::fs::read(&case.input).unwrap(), &case.options).unwrap();
        for needle in ["@example.org", "+49 170", "+1 555", "+44 20", "0123abcd"] {
            assert!(!imported.toml.contains(needle), "{}: {needle} copied", case.name);
        }
    }
    // Without --question, no answer is copied either.
    let imported = import(&std::fs::read(fixture("sessionize-messy.json")).unwrap(), &Options::default()).unwrap();
    assert!(!imported.toml.contains("Analytical Engine Co."));
    assert!(!imported.toml.contains("slides.example.com"));
}

#[test]
fn not_the_format_is_one_clear_error() {
    let cases: &[(&[u8], Option<SourceFormat>, &str)] = &[
        (b"just some text\nwithout structure", None, "cannot tell the input's format"),
        (b"{\"hello\": \"world\"}", None, "cannot tell"),
        (b"<html><body>no</body></html>", None, "cannot tell"),
        (b"\xff\xfe\x00binary", None, "not UTF-8"),
        (b"{\"hello\": 1}", Some(SourceFormat::Pretalx), "not a pretalx/frab schedule.json"),
        (b"{\"hello\": 1}", Some(SourceFormat::Sessionize), "not a Sessionize"),
        (b"[1, 2]", Some(SourceFormat::Sessionize), "\"All\" view"),
        (b"{\"results\": []}", Some(SourceFormat::Indico), "\"results\" is empty"),
        (b"not json", Some(SourceFormat::Indico), "not JSON"),
        (b"<html/>", Some(SourceFormat::FrabXml), "not <schedule>"),
        (b"<schedule", Some(SourceFormat::FrabXml), "not well-formed XML"),
        (b"a,b\n1,2\n", Some(SourceFormat::Csv), "no title column"),
    ];
    for (input, from, message) in cases {
        let options = Options { from: *from, ..Options::default() };
        let error = import(input, &options).expect_err(message);
        assert!(error.0.contains(message), "{:?}: {error}", String::from_utf8_lossy(input));
    }
    // A demo export of one format given as another.
    let sessionize = std::fs::read(fixture("sessionize-messy.json")).unwrap();
    let options = Options { from: Some(SourceFormat::Pretalx), ..Options::default() };
    assert!(import(&sessionize, &options).is_err());
}

#[test]
fn formats_are_detected() {
    for (name, format) in [
        ("pretalx-messy.json", SourceFormat::Pretalx),
        ("frab-messy.xml", SourceFormat::FrabXml),
        ("sessionize-messy.json", SourceFormat::Sessionize),
        ("indico-messy.json", SourceFormat::Indico),
        ("talks.csv", SourceFormat::Csv),
    ] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        assert_eq!(detect(&text), Some(format), "{name}");
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_talk-catalog-import"))
}

#[test]
fn the_command_writes_toml_and_warns_on_stderr() {
    let output = binary().arg(fixture("frab-messy.xml")).output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        std::fs::read_to_string(expected("frab-messy.toml")).unwrap()
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("3 talks imported, 2 skipped"), "{stderr}");
    assert!(stderr
        .contains("warning: talk \"Securing the supply chain\" (id 501): link \"www.example.org/no-scheme\" dropped"));
}

#[test]
fn the_command_reads_stdin_and_exits_2_on_the_wrong_format() {
    use std::io::Write;
    let mut child = binary()
        .args(["--from", "csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"title,speakers\nA talk,Ada\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8(output.stdout).unwrap().contains("title = \"A talk\""));

    let mut child =
        binary().arg("-").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"hello world\n").unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error: -: cannot tell the input's format"), "{stderr}");

    let output = binary().args(["--from", "nope", "x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = binary().args(["--time-zone", "Mars/Olympus", "x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}
