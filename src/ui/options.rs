//! Options an embedding page sets as data attributes on the host element:
//! `data-theme="light|dark|auto"`, `data-url-sync="false"`, `data-heading-level="2".."5"`,
//! `data-page-size="N"`, `data-facet-top="N"`, `data-lang="de"` (the UI's language).

use crate::catalog::facets::FACET_TOP;
use crate::catalog::view::PAGE_SIZE;
use crate::catalog::{Catalog, Lang};

/// How the widget behaves on its host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Read the view from, and write it to, the page URL and history.
    pub url_sync: bool,
    /// The heading level of talk titles; sections inside a talk are one level below.
    pub heading_level: u8,
    /// Talks shown before "Show more" (and added by each press).
    pub page_size: usize,
    /// Values a long facet lists before "Show all".
    pub facet_top: usize,
    /// The UI's language, when the host asks for one the UI speaks (see [`Options::language`]).
    pub lang: Option<Lang>,
}

impl Default for Options {
    fn default() -> Self {
        Options { url_sync: true, heading_level: 2, page_size: PAGE_SIZE, facet_top: FACET_TOP, lang: None }
    }
}

impl Options {
    /// Reads the options from attribute values (`attribute("url-sync")` for `data-url-sync`);
    /// anything missing or unrecognised keeps its default. (`data-theme` needs no code: the
    /// stylesheet reads it from any ancestor.)
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let default = Options::default();
        let url_sync = match attribute("url-sync").as_deref().map(str::trim) {
            Some("false" | "off" | "no" | "0") => false,
            _ => default.url_sync,
        };
        let heading_level = (attribute("heading-level").and_then(|level| level.trim().parse().ok()))
            .filter(|level| (2..=5).contains(level))
            .unwrap_or(default.heading_level);
        let count = |name: &str, default: usize| {
            (attribute(name).and_then(|size| size.trim().parse().ok()))
                .filter(|size| (1..=100_000).contains(size))
                .unwrap_or(default)
        };
        let page_size = count("page-size", default.page_size);
        let facet_top = count("facet-top", default.facet_top);
        let lang = attribute("lang").and_then(|tag| Lang::from_tag(&tag));
        Options { url_sync, heading_level, page_size, facet_top, lang }
    }

    /// The language the UI speaks with `catalog`: the host's choice, else the event's language
    /// (when the UI speaks it), else English.
    pub fn language(self, catalog: &Catalog) -> Lang {
        let event = catalog.event.language.and_then(Lang::from_tag);
        self.lang.or(event).unwrap_or_default()
    }

    /// The tag of a talk's title, and of the sections inside a talk.
    pub fn title_tag(self) -> String {
        format!("h{}", self.heading_level)
    }

    pub fn section_tag(self) -> String {
        format!("h{}", (self.heading_level + 1).min(6))
    }

    /// These options with talk titles one level down: below the headings of days.
    pub fn one_level_down(self) -> Options {
        Options { heading_level: (self.heading_level + 1).min(6), ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Options {
        Options::from_attributes(|name| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| value.to_string()))
    }

    #[test]
    fn attributes_set_options_and_nonsense_keeps_defaults() {
        let table: &[(&[(&str, &str)], Options)] = &[
            (&[], Options::default()),
            (&[("url-sync", "false")], Options { url_sync: false, ..Options::default() }),
            (&[("url-sync", "true")], Options::default()),
            (&[("heading-level", "3")], Options { heading_level: 3, ..Options::default() }),
            (&[("heading-level", " 5 ")], Options { heading_level: 5, ..Options::default() }),
            (&[("heading-level", "1")], Options::default()),
            (&[("heading-level", "7")], Options::default()),
            (&[("heading-level", "two")], Options::default()),
            (&[("page-size", "8")], Options { page_size: 8, ..Options::default() }),
            (&[("page-size", "0")], Options::default()),
            (&[("page-size", "-3")], Options::default()),
            (&[("page-size", "99999999999999999999")], Options::default()),
            (&[("facet-top", "5")], Options { facet_top: 5, ..Options::default() }),
            (&[("facet-top", "0")], Options::default()),
            (&[("lang", "de")], Options { lang: Some(Lang::De), ..Options::default() }),
            (&[("lang", "fr-CA")], Options { lang: Some(Lang::Fr), ..Options::default() }),
            (&[("lang", "pt")], Options::default()),
        ];
        for (attributes, expected) in table {
            assert_eq!(parse(attributes), *expected, "{attributes:?}");
        }
    }
}
