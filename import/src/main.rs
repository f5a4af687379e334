//! `scripts/import [--from FORMAT] INPUT > talks.toml`: see `--help`.

use std::io::{Read, Write};
use std::process::ExitCode;
use talk_catalog_import::{import, Options, QuestionField, SourceFormat};

const HELP: &str = "\
Imports talks into Talk Catalog's data file (TOML on standard output; warnings on standard error).

Usage: scripts/import [OPTIONS] INPUT > talks.toml
       (INPUT may be - for standard input)

Options:
  --from FORMAT          pretalx (schedule.json), frab-xml (schedule.xml), sessionize (API \"All\"
                         view), indico (export with detail=contributions) or csv; detected from
                         the content when absent
  --time-zone ZONE       the event's IANA time zone (Sessionize and CSV have none; overrides the
                         source's)
  --event-name NAME      the event's name (Sessionize and CSV have none; overrides the source's)
  --question Q=FIELD     keep the answers to the custom question Q (its text or id) as FIELD:
                         affiliation, url (per speaker), track, language, room, tag, slides,
                         video, recording, paper, code, other (per talk); other answers are never
                         copied
  --column FIELD=HEADER  CSV: read our FIELD from the column HEADER
  --markdown             CSV: abstracts and bios are Markdown (default: plain text)
  -h, --help             this help

Exit status: 0 when imported (even with warnings), 2 when the input is not the format or an
option is wrong.";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn key_value(flag: &str, value: Option<String>) -> Result<(String, String), String> {
    let value = value.ok_or(format!("{flag} needs a value"))?;
    let (key, value) = value.rsplit_once('=').ok_or(format!("{flag} {value}: expected KEY=VALUE"))?;
    Ok((key.trim_matches('"').to_string(), value.trim_matches('"').to_string()))
}

fn run() -> Result<(), String> {
    let mut options = Options::default();
    let mut input: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") && !matches!(flag, "--question" | "--column") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(());
            }
            "--from" => {
                let name = value().ok_or("--from needs a format")?;
                options.from = Some(
                    SourceFormat::from_name(&name)
                        .ok_or(format!("--from {name}: unknown format (pretalx, frab-xml, sessionize, indico, csv)"))?,
                );
            }
            "--time-zone" => {
                let zone = value().ok_or("--time-zone needs an IANA zone")?;
                if talk_catalog_import::time::zone(&zone).is_none() {
                    return Err(format!("--time-zone {zone}: not an IANA time zone (e.g. Europe/Berlin)"));
                }
                options.time_zone = Some(zone);
            }
            "--event-name" => options.event_name = Some(value().ok_or("--event-name needs a name")?),
            "--markdown" => options.markdown = true,
            "--question" => {
                let (question, field) = key_value("--question", value())?;
                let field = QuestionField::from_name(&field).ok_or(format!(
                    "--question …={field}: unknown field (affiliation, url, track, language, room, tag, slides, \
                     video, recording, paper, code, other)"
                ))?;
                options.questions.push((question, field));
            }
            "--column" => {
                let (field, header) = key_value("--column", value())?;
                let (field, header) = match field.split_once('=') {
                    Some((f, h)) => (f.to_string(), format!("{h}={header}")),
                    None => (field, header),
                };
                options.columns.push((field, header));
            }
            "-" => input = Some(arg),
            other if other.starts_with('-') => return Err(format!("unknown option {other} (see --help)")),
            _ => {
                if input.replace(arg).is_some() {
                    return Err("one INPUT only (see --help)".into());
                }
            }
        }
    }
    let input = input.ok_or("no INPUT (a file, or - for standard input; see --help)")?;
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("reading standard input: {e}"))?;
    } else {
        bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
    }
    let imported = import(&bytes, &options).map_err(|e| format!("{input}: {e}"))?;
    let mut stderr = std::io::stderr().lock();
    for warning in &imported.warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    let _ = writeln!(
        stderr,
        "{input}: read as {}: {} talks imported, {} skipped{}, {} warnings",
        imported.format.name(),
        imported.file.talks.len(),
        imported.skipped.len(),
        if imported.skipped.is_empty() {
            String::new()
        } else {
            format!(" (breaks, service sessions or untitled: {})", imported.skipped.join("; "))
        },
        imported.warnings.len()
    );
    std::io::stdout().write_all(imported.toml.as_bytes()).map_err(|e| format!("writing: {e}"))?;
    Ok(())
}
