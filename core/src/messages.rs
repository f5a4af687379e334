//! Every text the UI shows, in each language it speaks: one [`Messages`] table per [`Lang`].
//!
//! A table is a `static` of one struct, so a language missing a message does not compile.
//! Messages with arguments are templates: `{0}`, `{1}`… are filled by [`fill`] (plain data, one
//! small function: less wasm than a closure per message and language). Counts are a
//! [`Plural`], whose form [`Lang::plural_category`] chooses; in a count's templates `{0}` is
//! always the number the form is chosen by.
//!
//! To add a message: a field in `messages!` below (with what its arguments are), and its text
//! in every table. To add a language: a [`Lang`] variant (in `ALL`, `tag`, `from_tag`,
//! `messages`), its plural rule in `plural_category`, its digit grouping in `format_number`,
//! and a table.

use crate::facets::Facet;

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

/// Which form of a count a language uses for a number (CLDR's cardinal categories; these
/// languages need only two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag ("de-AT" is German), when the UI
    /// speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
            Lang::Es => &ES,
        }
    }

    /// CLDR's rule for whole numbers: French uses the singular for 0 and 1, English, German
    /// and Spanish for 1 only. (French and Spanish "many", for exact millions, is left to
    /// "other": no catalog has a million talks.)
    pub fn plural_category(self, n: usize) -> PluralCategory {
        let one = match self {
            Lang::Fr => n <= 1,
            Lang::En | Lang::De | Lang::Es => n == 1,
        };
        if one {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    /// `n` with its digits grouped as CLDR does for the language: "1,234", "1.234", "1 234"
    /// (a narrow no-break space), and in Spanish "1234" but "12.345" (groups only from five
    /// digits). The browser formats with `Intl.NumberFormat` instead (`platform`), which knows
    /// every locale; this is for where there is no `Intl`, the pre-renderer, and gives the same
    /// text for these languages.
    pub fn format_number(self, n: usize) -> String {
        let (separator, min_digits) = match self {
            Lang::En => (',', 4),
            Lang::De => ('.', 4),
            Lang::Fr => ('\u{202F}', 4),
            Lang::Es => ('.', 5),
        };
        let digits = n.to_string();
        if digits.len() < min_digits {
            return digits;
        }
        let mut grouped = String::with_capacity(digits.len() * 2);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(digit);
        }
        grouped
    }
}

/// A count's two forms, each a template with the number as `{0}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form `lang` uses for `n`.
    pub fn pick(&self, lang: Lang, n: usize) -> &'static str {
        match lang.plural_category(n) {
            PluralCategory::One => self.one,
            PluralCategory::Other => self.other,
        }
    }
}

/// What a facet's panel says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetMessages {
    /// The fieldset's legend.
    pub legend: &'static str,
    /// The button that lists every value, `{0}` of them.
    pub show_all: Plural,
    /// The button that goes back to the top `{0}` values.
    pub show_top: Plural,
}

/// `template` with `{0}` replaced by `args[0]`, `{1}` by `args[1]`, and so on (up to `{9}`);
/// anything else is kept as it is.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut filled = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let bytes = rest.as_bytes();
        let arg = match (bytes.get(open + 1), bytes.get(open + 2)) {
            (Some(&digit @ b'0'..=b'9'), Some(b'}')) => args.get(usize::from(digit - b'0')),
            _ => None,
        };
        filled.push_str(&rest[..open]);
        match arg {
            Some(arg) => {
                filled.push_str(arg);
                rest = &rest[open + 3..];
            }
            None => {
                filled.push('{');
                rest = &rest[open + 1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

impl Messages {
    /// What the panel of `facet` says.
    pub fn facet(&self, facet: Facet) -> &FacetMessages {
        match facet {
            Facet::Day => &self.day_facet,
            Facet::Track => &self.track_facet,
            Facet::Room => &self.room_facet,
            Facet::Language => &self.language_facet,
            Facet::Tag => &self.topic_facet,
            Facet::Institution => &self.institution_facet,
            Facet::Format => &self.format_facet,
        }
    }
}

/// Declares [`Messages`], and (for the tests) a list of every field's texts, so that a check
/// on every table cannot miss a message.
macro_rules! messages {
    ($($(#[doc = $doc:literal])* $name:ident: $kind:ty,)*) => {
        /// Every text the UI shows, in one language: [`Lang::messages`].
        #[derive(Debug)]
        pub struct Messages {
            $($(#[doc = $doc])* pub $name: $kind,)*
        }

        #[cfg(test)]
        impl Messages {
            /// Each message's name and texts (a plural's two forms, a facet's five texts), each
            /// with whether it is a `one` form.
            fn texts(&self) -> Vec<(&'static str, Vec<(&'static str, bool)>)> {
                vec![$((stringify!($name), tests::Texts::texts(&self.$name)),)*]
            }
        }
    };
}

messages! {
    /// The search field's label.
    search_label: &'static str,
    search_placeholder: &'static str,
    /// The query syntax under the field; its keywords (`speaker:`, `tag:`, `from:`) are the
    /// parser's and stay as they are.
    search_help: &'static str,
    sort_label: &'static str,
    sort_relevance: &'static str,
    sort_programme: &'static str,
    sort_title: &'static str,
    sort_speaker: &'static str,
    /// "3 talks".
    talks: Plural,
    /// The status while some talks are shown: `{1}` of `{0}`.
    status_some: Plural,
    /// Under the list while talks are left: `{1}` of `{0}` shown.
    showing: Plural,
    /// The button that shows `{0}` more talks.
    show_more: Plural,
    /// The disclosure of the facets.
    filters: &'static str,
    topic_facet: FacetMessages,
    institution_facet: FacetMessages,
    format_facet: FacetMessages,
    format_talk: &'static str,
    format_tutorial: &'static str,
    active_filters: &'static str,
    /// A chip's label: `{0}` is the value.
    remove_filter: &'static str,
    /// The "favourites only" chip.
    favourites: &'static str,
    clear_all: &'static str,
    /// The checkbox, with how many favourites there are as `{0}`.
    favourites_only: &'static str,
    expand_all: &'static str,
    collapse_all: &'static str,
    no_match: &'static str,
    clear_search: &'static str,
    /// A suggestion that removes the filter `{0}`.
    remove_value: &'static str,
    show_all_not_just_favourites: &'static str,
    /// The star's label: `{0}` is the talk's title.
    favourite_talk: &'static str,
    add_favourite: &'static str,
    remove_favourite: &'static str,
    /// The tag list's label.
    topics: &'static str,
    /// A tag button's title: `{0}` is the tag's description.
    tag_title: &'static str,
    show_abstract: &'static str,
    hide_abstract: &'static str,
    about_speaker: &'static str,
    about_speakers: &'static str,
    /// `{0}` is the speakers' names, joined by `and`.
    other_talks_by: &'static str,
    /// Between two names, with its spaces.
    and: &'static str,
    related_talks: &'static str,
    /// A series' navigation label: `{0}` is the series' title.
    series: &'static str,
    /// `{0}` is the talk's part, `{1}` how many parts there are.
    part_of: &'static str,
    previous_part: &'static str,
    next_part: &'static str,
    /// A neighbour's part number, `{0}`.
    part: &'static str,
    copy_link: &'static str,
    link_to_talk: &'static str,
    link_copied: &'static str,
    copy_failed: &'static str,
    shared_favourites: &'static str,
    /// `{0}` is how many talks the shared list has ("3 talks").
    viewing_shared: &'static str,
    starring_adds: &'static str,
    /// `{0}` is how many talks the person's own list has ("3 talks").
    own_kept: &'static str,
    add_these: &'static str,
    all_in_favourites: &'static str,
    show_my_favourites: &'static str,
    /// Announced once `{0}` talks were added.
    added_to_favourites: Plural,
    pages_of_talks: &'static str,
    previous_page: &'static str,
    next_page: &'static str,
    /// A static page's status: talks `{0}` to `{1}` of `{2}`.
    talks_range: &'static str,
    /// The zone control's label, and its two choices: `{0}` is the zone's name.
    times_in: &'static str,
    event_time: &'static str,
    my_time: &'static str,
    sort_time: &'static str,
    day_facet: FacetMessages,
    track_facet: FacetMessages,
    room_facet: FacetMessages,
    language_facet: FacetMessages,
    /// The heading over talks that are over, in time order.
    past_talks: &'static str,
    /// The heading over talks without a time, in time order.
    unscheduled: &'static str,
    /// The lists of a talk's links, and of its track and language.
    links: &'static str,
    track_and_language: &'static str,
    /// A link named by its kind, when the data gives it no label.
    link_slides: &'static str,
    link_video: &'static str,
    link_recording: &'static str,
    link_paper: &'static str,
    link_code: &'static str,
    link_other: &'static str,
    add_to_calendar: &'static str,
    export_favourites: &'static str,
    /// Why "Export my favourites" is disabled.
    export_favourites_none: &'static str,
}

static EN: Messages = Messages {
    search_label: "Search talks",
    search_placeholder: "Title, speaker, topic…  (press /)",
    search_help: "Try \"exact phrase\", speaker:name, tag:topic, from:institution, -exclude.",
    sort_label: "Sort by",
    sort_relevance: "Relevance",
    sort_programme: "Programme order",
    sort_title: "Title",
    sort_speaker: "Speaker surname",
    talks: Plural { one: "{0} talk", other: "{0} talks" },
    status_some: Plural { one: "{1} of {0} talk", other: "{1} of {0} talks" },
    showing: Plural { one: "Showing {1} of {0} talk.", other: "Showing {1} of {0} talks." },
    show_more: Plural { one: "Show {0} more", other: "Show {0} more" },
    filters: "Filters",
    topic_facet: FacetMessages {
        legend: "Topic",
        show_all: Plural { one: "Show all {0} topic", other: "Show all {0} topics" },
        show_top: Plural { one: "Show top {0} topic", other: "Show top {0} topics" },
    },
    institution_facet: FacetMessages {
        legend: "Institution",
        show_all: Plural { one: "Show all {0} institution", other: "Show all {0} institutions" },
        show_top: Plural { one: "Show top {0} institution", other: "Show top {0} institutions" },
    },
    format_facet: FacetMessages {
        legend: "Format",
        show_all: Plural { one: "Show all {0} format", other: "Show all {0} formats" },
        show_top: Plural { one: "Show top {0} format", other: "Show top {0} formats" },
    },
    format_talk: "Talk",
    format_tutorial: "Tutorial",
    active_filters: "Active filters",
    remove_filter: "Remove filter: {0}",
    favourites: "Favourites",
    clear_all: "Clear all",
    favourites_only: "Favourites only ({0})",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    no_match: "No talks match.",
    clear_search: "Clear the search",
    remove_value: "Remove {0}",
    show_all_not_just_favourites: "Show all, not just favourites",
    favourite_talk: "Favourite: {0}",
    add_favourite: "Add to favourites",
    remove_favourite: "Remove from favourites",
    topics: "Topics",
    tag_title: "{0} (show only talks on this topic)",
    show_abstract: "Show abstract",
    hide_abstract: "Hide abstract",
    about_speaker: "About the speaker",
    about_speakers: "About the speakers",
    other_talks_by: "Other talks by {0}",
    and: " and ",
    related_talks: "Related talks",
    series: "Series: {0}",
    part_of: "Part {0} of {1}",
    previous_part: "previous",
    next_part: "next",
    part: "part {0}",
    copy_link: "Copy link",
    link_to_talk: "Link to this talk",
    link_copied: "Link copied",
    copy_failed: "Could not copy the link: it is selected in the field below, copy it from there",
    shared_favourites: "Shared favourites",
    viewing_shared: "You are viewing someone's shared favourites ({0}).",
    starring_adds: "Starring a talk adds it to your own favourites.",
    own_kept: "Your own favourites ({0}) are kept as they are.",
    add_these: "Add these to my favourites",
    all_in_favourites: "All of these are in your favourites.",
    show_my_favourites: "Show my favourites",
    added_to_favourites: Plural {
        one: "Added {0} talk to your favourites",
        other: "Added {0} talks to your favourites",
    },
    pages_of_talks: "Pages of talks",
    previous_page: "Previous",
    next_page: "Next",
    talks_range: "Talks {0} to {1} of {2}",
    times_in: "Times in",
    event_time: "Event time ({0})",
    my_time: "My time ({0})",
    sort_time: "Time",
    day_facet: FacetMessages {
        legend: "Day",
        show_all: Plural { one: "Show all {0} day", other: "Show all {0} days" },
        show_top: Plural { one: "Show top {0} day", other: "Show top {0} days" },
    },
    track_facet: FacetMessages {
        legend: "Track",
        show_all: Plural { one: "Show all {0} track", other: "Show all {0} tracks" },
        show_top: Plural { one: "Show top {0} track", other: "Show top {0} tracks" },
    },
    room_facet: FacetMessages {
        legend: "Room",
        show_all: Plural { one: "Show all {0} room", other: "Show all {0} rooms" },
        show_top: Plural { one: "Show top {0} room", other: "Show top {0} rooms" },
    },
    language_facet: FacetMessages {
        legend: "Language",
        show_all: Plural { one: "Show all {0} language", other: "Show all {0} languages" },
        show_top: Plural { one: "Show top {0} language", other: "Show top {0} languages" },
    },
    past_talks: "Past talks",
    unscheduled: "Time to be announced",
    links: "Links",
    track_and_language: "Track and language",
    link_slides: "Slides",
    link_video: "Video",
    link_recording: "Recording",
    link_paper: "Paper",
    link_code: "Code",
    link_other: "Link",
    add_to_calendar: "Add to calendar",
    export_favourites: "Export my favourites",
    export_favourites_none: "Star talks that have a time to export them",
};

static DE: Messages = Messages {
    search_label: "Vorträge durchsuchen",
    search_placeholder: "Titel, Person, Thema…  (Taste /)",
    search_help: "Zum Beispiel \"genaue Wortfolge\", speaker:Name, tag:Thema, from:Institution, -ausschließen.",
    sort_label: "Sortieren nach",
    sort_relevance: "Relevanz",
    sort_programme: "Programmfolge",
    sort_title: "Titel",
    sort_speaker: "Nachname der Vortragenden",
    talks: Plural { one: "{0} Vortrag", other: "{0} Vorträge" },
    status_some: Plural { one: "{1} von {0} Vortrag", other: "{1} von {0} Vorträgen" },
    showing: Plural { one: "{1} von {0} Vortrag angezeigt.", other: "{1} von {0} Vorträgen angezeigt." },
    show_more: Plural { one: "{0} weiteren anzeigen", other: "{0} weitere anzeigen" },
    filters: "Filter",
    topic_facet: FacetMessages {
        legend: "Thema",
        show_all: Plural { one: "{0} Thema anzeigen", other: "Alle {0} Themen anzeigen" },
        show_top: Plural { one: "Nur das häufigste Thema anzeigen", other: "Nur die {0} häufigsten Themen anzeigen" },
    },
    institution_facet: FacetMessages {
        legend: "Institution",
        show_all: Plural { one: "{0} Institution anzeigen", other: "Alle {0} Institutionen anzeigen" },
        show_top: Plural {
            one: "Nur die häufigste Institution anzeigen",
            other: "Nur die {0} häufigsten Institutionen anzeigen",
        },
    },
    format_facet: FacetMessages {
        legend: "Format",
        show_all: Plural { one: "{0} Format anzeigen", other: "Alle {0} Formate anzeigen" },
        show_top: Plural {
            one: "Nur das häufigste Format anzeigen", other: "Nur die {0} häufigsten Formate anzeigen"
        },
    },
    format_talk: "Vortrag",
    format_tutorial: "Tutorial",
    active_filters: "Aktive Filter",
    remove_filter: "Filter entfernen: {0}",
    favourites: "Favoriten",
    clear_all: "Alles zurücksetzen",
    favourites_only: "Nur Favoriten ({0})",
    expand_all: "Alle aufklappen",
    collapse_all: "Alle zuklappen",
    no_match: "Keine passenden Vorträge.",
    clear_search: "Suche leeren",
    remove_value: "{0} entfernen",
    show_all_not_just_favourites: "Alle zeigen, nicht nur Favoriten",
    favourite_talk: "Favorit: {0}",
    add_favourite: "Zu den Favoriten hinzufügen",
    remove_favourite: "Aus den Favoriten entfernen",
    topics: "Themen",
    tag_title: "{0} (nur Vorträge zu diesem Thema zeigen)",
    show_abstract: "Zusammenfassung anzeigen",
    hide_abstract: "Zusammenfassung ausblenden",
    about_speaker: "Zur Person",
    about_speakers: "Zu den Personen",
    other_talks_by: "Weitere Vorträge von {0}",
    and: " und ",
    related_talks: "Ähnliche Vorträge",
    series: "Reihe: {0}",
    part_of: "Teil {0} von {1}",
    previous_part: "vorheriger",
    next_part: "nächster",
    part: "Teil {0}",
    copy_link: "Link kopieren",
    link_to_talk: "Link zu diesem Vortrag",
    link_copied: "Link kopiert",
    copy_failed: "Der Link ließ sich nicht kopieren: Er ist im Feld unten markiert und kann dort kopiert werden",
    shared_favourites: "Geteilte Favoriten",
    viewing_shared: "Sie sehen die geteilten Favoriten einer anderen Person ({0}).",
    starring_adds: "Ein Stern bei einem Vortrag nimmt ihn in Ihre eigenen Favoriten auf.",
    own_kept: "Ihre eigenen Favoriten ({0}) bleiben, wie sie sind.",
    add_these: "Diese zu meinen Favoriten hinzufügen",
    all_in_favourites: "Alle davon sind schon in Ihren Favoriten.",
    show_my_favourites: "Meine Favoriten zeigen",
    added_to_favourites: Plural {
        one: "{0} Vortrag zu Ihren Favoriten hinzugefügt",
        other: "{0} Vorträge zu Ihren Favoriten hinzugefügt",
    },
    pages_of_talks: "Seiten mit Vorträgen",
    previous_page: "Zurück",
    next_page: "Weiter",
    talks_range: "Vorträge {0} bis {1} von {2}",
    times_in: "Zeiten in",
    event_time: "Ortszeit der Veranstaltung ({0})",
    my_time: "Meine Zeit ({0})",
    sort_time: "Zeit",
    day_facet: FacetMessages {
        legend: "Tag",
        show_all: Plural { one: "{0} Tag anzeigen", other: "Alle {0} Tage anzeigen" },
        show_top: Plural { one: "Top {0} Tag anzeigen", other: "Top {0} Tage anzeigen" },
    },
    track_facet: FacetMessages {
        legend: "Track",
        show_all: Plural { one: "{0} Track anzeigen", other: "Alle {0} Tracks anzeigen" },
        show_top: Plural { one: "Top {0} Track anzeigen", other: "Top {0} Tracks anzeigen" },
    },
    room_facet: FacetMessages {
        legend: "Raum",
        show_all: Plural { one: "{0} Raum anzeigen", other: "Alle {0} Räume anzeigen" },
        show_top: Plural { one: "Top {0} Raum anzeigen", other: "Top {0} Räume anzeigen" },
    },
    language_facet: FacetMessages {
        legend: "Sprache",
        show_all: Plural { one: "{0} Sprache anzeigen", other: "Alle {0} Sprachen anzeigen" },
        show_top: Plural { one: "Top {0} Sprache anzeigen", other: "Top {0} Sprachen anzeigen" },
    },
    past_talks: "Vergangene Vorträge",
    unscheduled: "Zeit folgt",
    links: "Links",
    track_and_language: "Track und Sprache",
    link_slides: "Folien",
    link_video: "Video",
    link_recording: "Aufzeichnung",
    link_paper: "Paper",
    link_code: "Code",
    link_other: "Link",
    add_to_calendar: "Zum Kalender hinzufügen",
    export_favourites: "Meine Favoriten exportieren",
    export_favourites_none: "Markieren Sie Vorträge mit Uhrzeit, um sie zu exportieren",
};

// French typography: a no-break space (U+00A0) before a colon.
static FR: Messages = Messages {
    search_label: "Rechercher des exposés",
    search_placeholder: "Titre, intervenant, thème…  (touche /)",
    search_help: "Essayez \"expression exacte\", speaker:nom, tag:thème, from:institution, -exclure.",
    sort_label: "Trier par",
    sort_relevance: "Pertinence",
    sort_programme: "Ordre du programme",
    sort_title: "Titre",
    sort_speaker: "Nom de l’intervenant",
    talks: Plural { one: "{0} exposé", other: "{0} exposés" },
    status_some: Plural { one: "{1} sur {0} exposé", other: "{1} sur {0} exposés" },
    showing: Plural { one: "{1} exposé affiché sur {0}.", other: "{1} exposés affichés sur {0}." },
    show_more: Plural { one: "Afficher {0} de plus", other: "Afficher {0} de plus" },
    filters: "Filtres",
    topic_facet: FacetMessages {
        legend: "Thème",
        show_all: Plural { one: "Afficher {0} thème", other: "Afficher les {0} thèmes" },
        show_top: Plural {
            one: "N’afficher que le thème principal",
            other: "N’afficher que les {0} principaux thèmes",
        },
    },
    institution_facet: FacetMessages {
        legend: "Institution",
        show_all: Plural { one: "Afficher {0} institution", other: "Afficher les {0} institutions" },
        show_top: Plural {
            one: "N’afficher que l’institution principale",
            other: "N’afficher que les {0} principales institutions",
        },
    },
    format_facet: FacetMessages {
        legend: "Format",
        show_all: Plural { one: "Afficher {0} format", other: "Afficher les {0} formats" },
        show_top: Plural {
            one: "N’afficher que le format principal",
            other: "N’afficher que les {0} principaux formats",
        },
    },
    format_talk: "Exposé",
    format_tutorial: "Tutoriel",
    active_filters: "Filtres actifs",
    remove_filter: "Retirer le filtre\u{a0}: {0}",
    favourites: "Favoris",
    clear_all: "Tout effacer",
    favourites_only: "Favoris uniquement ({0})",
    expand_all: "Tout déplier",
    collapse_all: "Tout replier",
    no_match: "Aucun exposé ne correspond.",
    clear_search: "Effacer la recherche",
    remove_value: "Retirer {0}",
    show_all_not_just_favourites: "Tout afficher, pas seulement les favoris",
    favourite_talk: "Favori\u{a0}: {0}",
    add_favourite: "Ajouter aux favoris",
    remove_favourite: "Retirer des favoris",
    topics: "Thèmes",
    tag_title: "{0} (n’afficher que les exposés sur ce thème)",
    show_abstract: "Afficher le résumé",
    hide_abstract: "Masquer le résumé",
    about_speaker: "À propos de l’intervenant",
    about_speakers: "À propos des intervenants",
    other_talks_by: "Autres exposés de {0}",
    and: " et ",
    related_talks: "Exposés similaires",
    series: "Série\u{a0}: {0}",
    part_of: "Partie {0} sur {1}",
    previous_part: "précédente",
    next_part: "suivante",
    part: "partie {0}",
    copy_link: "Copier le lien",
    link_to_talk: "Lien vers cet exposé",
    link_copied: "Lien copié",
    copy_failed:
        "Impossible de copier le lien\u{a0}: il est sélectionné dans le champ ci-dessous, copiez-le depuis celui-ci",
    shared_favourites: "Favoris partagés",
    viewing_shared: "Vous consultez les favoris partagés par quelqu’un d’autre ({0}).",
    starring_adds: "Marquer un exposé d’une étoile l’ajoute à vos propres favoris.",
    own_kept: "Vos propres favoris ({0}) restent inchangés.",
    add_these: "Ajouter ceux-ci à mes favoris",
    all_in_favourites: "Ils figurent tous déjà dans vos favoris.",
    show_my_favourites: "Afficher mes favoris",
    added_to_favourites: Plural {
        one: "{0} exposé ajouté à vos favoris", other: "{0} exposés ajoutés à vos favoris"
    },
    pages_of_talks: "Pages d’exposés",
    previous_page: "Précédente",
    next_page: "Suivante",
    talks_range: "Exposés {0} à {1} sur {2}",
    times_in: "Horaires",
    event_time: "Heure de l’événement ({0})",
    my_time: "Mon heure ({0})",
    sort_time: "Horaire",
    day_facet: FacetMessages {
        legend: "Jour",
        show_all: Plural { one: "Afficher le {0} jour", other: "Afficher les {0} jours" },
        show_top: Plural { one: "Afficher le premier jour", other: "Afficher les {0} premiers jours" },
    },
    track_facet: FacetMessages {
        legend: "Parcours",
        show_all: Plural { one: "Afficher le {0} parcours", other: "Afficher les {0} parcours" },
        show_top: Plural { one: "Afficher le premier parcours", other: "Afficher les {0} premiers parcours" },
    },
    room_facet: FacetMessages {
        legend: "Salle",
        show_all: Plural { one: "Afficher la {0} salle", other: "Afficher les {0} salles" },
        show_top: Plural { one: "Afficher la première salle", other: "Afficher les {0} premières salles" },
    },
    language_facet: FacetMessages {
        legend: "Langue",
        show_all: Plural { one: "Afficher la {0} langue", other: "Afficher les {0} langues" },
        show_top: Plural { one: "Afficher la première langue", other: "Afficher les {0} premières langues" },
    },
    past_talks: "Exposés passés",
    unscheduled: "Horaire à venir",
    links: "Liens",
    track_and_language: "Parcours et langue",
    link_slides: "Diapositives",
    link_video: "Vidéo",
    link_recording: "Enregistrement",
    link_paper: "Article",
    link_code: "Code",
    link_other: "Lien",
    add_to_calendar: "Ajouter au calendrier",
    export_favourites: "Exporter mes favoris",
    export_favourites_none: "Ajoutez aux favoris des exposés ayant un horaire pour les exporter",
};

static ES: Messages = Messages {
    search_label: "Buscar charlas",
    search_placeholder: "Título, ponente, tema…  (pulsa /)",
    search_help: "Prueba \"frase exacta\", speaker:nombre, tag:tema, from:institución, -excluir.",
    sort_label: "Ordenar por",
    sort_relevance: "Relevancia",
    sort_programme: "Orden del programa",
    sort_title: "Título",
    sort_speaker: "Apellido del ponente",
    talks: Plural { one: "{0} charla", other: "{0} charlas" },
    status_some: Plural { one: "{1} de {0} charla", other: "{1} de {0} charlas" },
    showing: Plural { one: "Mostrando {1} de {0} charla.", other: "Mostrando {1} de {0} charlas." },
    show_more: Plural { one: "Mostrar {0} más", other: "Mostrar {0} más" },
    filters: "Filtros",
    topic_facet: FacetMessages {
        legend: "Tema",
        show_all: Plural { one: "Mostrar {0} tema", other: "Mostrar los {0} temas" },
        show_top: Plural { one: "Mostrar solo el tema principal", other: "Mostrar solo los {0} temas principales" },
    },
    institution_facet: FacetMessages {
        legend: "Institución",
        show_all: Plural { one: "Mostrar {0} institución", other: "Mostrar las {0} instituciones" },
        show_top: Plural {
            one: "Mostrar solo la institución principal",
            other: "Mostrar solo las {0} instituciones principales",
        },
    },
    format_facet: FacetMessages {
        legend: "Formato",
        show_all: Plural { one: "Mostrar {0} formato", other: "Mostrar los {0} formatos" },
        show_top: Plural {
            one: "Mostrar solo el formato principal",
            other: "Mostrar solo los {0} formatos principales",
        },
    },
    format_talk: "Charla",
    format_tutorial: "Tutorial",
    active_filters: "Filtros activos",
    remove_filter: "Quitar filtro: {0}",
    favourites: "Favoritos",
    clear_all: "Borrar todo",
    favourites_only: "Solo favoritos ({0})",
    expand_all: "Desplegar todo",
    collapse_all: "Plegar todo",
    no_match: "Ninguna charla coincide.",
    clear_search: "Borrar la búsqueda",
    remove_value: "Quitar {0}",
    show_all_not_just_favourites: "Mostrar todo, no solo favoritos",
    favourite_talk: "Favorito: {0}",
    add_favourite: "Añadir a favoritos",
    remove_favourite: "Quitar de favoritos",
    topics: "Temas",
    tag_title: "{0} (mostrar solo charlas sobre este tema)",
    show_abstract: "Mostrar resumen",
    hide_abstract: "Ocultar resumen",
    about_speaker: "Sobre el ponente",
    about_speakers: "Sobre los ponentes",
    other_talks_by: "Otras charlas de {0}",
    and: " y ",
    related_talks: "Charlas relacionadas",
    series: "Serie: {0}",
    part_of: "Parte {0} de {1}",
    previous_part: "anterior",
    next_part: "siguiente",
    part: "parte {0}",
    copy_link: "Copiar enlace",
    link_to_talk: "Enlace a esta charla",
    link_copied: "Enlace copiado",
    copy_failed: "No se pudo copiar el enlace: está seleccionado en el campo de abajo, cópialo desde ahí",
    shared_favourites: "Favoritos compartidos",
    viewing_shared: "Estás viendo los favoritos que otra persona ha compartido ({0}).",
    starring_adds: "Al marcar una charla con una estrella, se añade a tus propios favoritos.",
    own_kept: "Tus propios favoritos ({0}) se quedan como están.",
    add_these: "Añadir estas a mis favoritos",
    all_in_favourites: "Todas ya están en tus favoritos.",
    show_my_favourites: "Mostrar mis favoritos",
    added_to_favourites: Plural {
        one: "Se añadió {0} charla a tus favoritos",
        other: "Se añadieron {0} charlas a tus favoritos",
    },
    pages_of_talks: "Páginas de charlas",
    previous_page: "Anterior",
    next_page: "Siguiente",
    talks_range: "Charlas {0} a {1} de {2}",
    times_in: "Horas en",
    event_time: "Hora del evento ({0})",
    my_time: "Mi hora ({0})",
    sort_time: "Hora",
    day_facet: FacetMessages {
        legend: "Día",
        show_all: Plural { one: "Mostrar el {0} día", other: "Mostrar los {0} días" },
        show_top: Plural { one: "Mostrar el primer día", other: "Mostrar los {0} primeros días" },
    },
    track_facet: FacetMessages {
        legend: "Itinerario",
        show_all: Plural { one: "Mostrar el {0} itinerario", other: "Mostrar los {0} itinerarios" },
        show_top: Plural { one: "Mostrar el primer itinerario", other: "Mostrar los {0} primeros itinerarios" },
    },
    room_facet: FacetMessages {
        legend: "Sala",
        show_all: Plural { one: "Mostrar la {0} sala", other: "Mostrar las {0} salas" },
        show_top: Plural { one: "Mostrar la primera sala", other: "Mostrar las {0} primeras salas" },
    },
    language_facet: FacetMessages {
        legend: "Idioma",
        show_all: Plural { one: "Mostrar el {0} idioma", other: "Mostrar los {0} idiomas" },
        show_top: Plural { one: "Mostrar el primer idioma", other: "Mostrar los {0} primeros idiomas" },
    },
    past_talks: "Charlas pasadas",
    unscheduled: "Hora por confirmar",
    links: "Enlaces",
    track_and_language: "Itinerario e idioma",
    link_slides: "Diapositivas",
    link_video: "Vídeo",
    link_recording: "Grabación",
    link_paper: "Artículo",
    link_code: "Código",
    link_other: "Enlace",
    add_to_calendar: "Añadir al calendario",
    export_favourites: "Exportar mis favoritos",
    export_favourites_none: "Marca charlas con horario para exportarlas",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// A message's texts, each with whether it is a plural's `one` form.
    pub(super) trait Texts {
        fn texts(&self) -> Vec<(&'static str, bool)>;
    }

    impl Texts for &'static str {
        fn texts(&self) -> Vec<(&'static str, bool)> {
            vec![(self, false)]
        }
    }

    impl Texts for Plural {
        fn texts(&self) -> Vec<(&'static str, bool)> {
            vec![(self.one, true), (self.other, false)]
        }
    }

    impl Texts for FacetMessages {
        fn texts(&self) -> Vec<(&'static str, bool)> {
            [self.legend.texts(), self.show_all.texts(), self.show_top.texts()].concat()
        }
    }

    /// The `{N}` placeholders of a template, in order of their numbers.
    fn placeholders(template: &str) -> Vec<char> {
        let mut found: Vec<char> =
            template.as_bytes().windows(3).filter(|w| w[0] == b'{' && w[2] == b'}').map(|w| char::from(w[1])).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn tags_name_a_language_by_their_primary_subtag() {
        let table = [
            ("en", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("de", Some(Lang::De)),
            ("de-AT", Some(Lang::De)),
            ("De-ch", Some(Lang::De)),
            (" fr ", Some(Lang::Fr)),
            ("fr-CA", Some(Lang::Fr)),
            ("es-419", Some(Lang::Es)),
            ("es_MX", Some(Lang::Es)),
            ("pt", None),
            ("pt-BR", None),
            ("deu", None),
            ("", None),
            ("-de", None),
        ];
        for (tag, expected) in table {
            assert_eq!(Lang::from_tag(tag), expected, "{tag:?}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use PluralCategory::{One, Other};
        let table = [
            (Lang::En, [Other, One, Other, Other, Other]),
            (Lang::De, [Other, One, Other, Other, Other]),
            (Lang::Fr, [One, One, Other, Other, Other]),
            (Lang::Es, [Other, One, Other, Other, Other]),
        ];
        for (lang, expected) in table {
            let got: Vec<_> = [0, 1, 2, 11, 1001].map(|n| lang.plural_category(n)).into();
            assert_eq!(got, expected, "{lang:?}");
        }
        let talks = Lang::Fr.messages().talks;
        assert_eq!((talks.pick(Lang::Fr, 0), talks.pick(Lang::Fr, 2)), ("{0} exposé", "{0} exposés"));
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        let table = [
            (Lang::En, ["0", "999", "1,234", "12,345", "1,234,567"]),
            (Lang::De, ["0", "999", "1.234", "12.345", "1.234.567"]),
            (Lang::Fr, ["0", "999", "1\u{202F}234", "12\u{202F}345", "1\u{202F}234\u{202F}567"]),
            (Lang::Es, ["0", "999", "1234", "12.345", "1.234.567"]),
        ];
        for (lang, expected) in table {
            assert_eq!([0, 999, 1234, 12_345, 1_234_567].map(|n| lang.format_number(n)), expected, "{lang:?}");
        }
    }

    #[test]
    fn fill_puts_the_arguments_in_their_places() {
        let table: [(&str, &[&str], &str); 7] = [
            ("{0} talks", &["3"], "3 talks"),
            ("{1} of {0} talks", &["20", "3"], "3 of 20 talks"),
            ("{0} and {0}", &["a"], "a and a"),
            ("no arguments", &["x"], "no arguments"),
            ("{2} is missing", &["a"], "{2} is missing"),
            ("{x} and {10} and {", &["a", "b"], "{x} and {10} and {"),
            ("{0}{1}", &["é", "ü"], "éü"),
        ];
        for (template, args, expected) in table {
            assert_eq!(fill(template, args), expected, "{template:?}");
        }
    }

    #[test]
    fn every_table_says_everything_english_says_with_the_same_arguments() {
        let english = Lang::En.messages().texts();
        for lang in Lang::ALL {
            let texts = lang.messages().texts();
            assert_eq!(texts.len(), english.len());
            for ((name, texts), (_, english)) in texts.iter().zip(&english) {
                for (&(text, one), &(english, _)) in texts.iter().zip(english) {
                    assert_eq!(text.is_empty(), english.is_empty(), "{lang:?} {name}: {text:?}");
                    let (got, wanted) = (placeholders(text), placeholders(english));
                    // A singular may say "the one" instead of its number.
                    let dropped_its_number = one && got.is_empty() && wanted == ['0'];
                    assert!(
                        got == wanted || dropped_its_number,
                        "{lang:?} {name}: {text:?} has {got:?}, not {wanted:?}"
                    );
                }
            }
        }
    }
}
