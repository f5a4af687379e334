//! A deterministic synthetic talk catalog, for building the app and benchmarking search at scale
//! (`examples/synthetic_catalog.rs` prints one).
//!
//! The same `N` and `SEED` (default 1) always give the same file, byte for byte, on every
//! platform: the generator uses its own PRNG (splitmix64) and only correctly rounded float
//! operations. Its word pool comes from `tests/fixtures/seed-talks.txt`: editing that changes it.
//!
//! What it makes, modelled on the seed catalog (`tests/fixtures/seed-talks.txt`):
//! - titles of 5–14 words, 1–2 speakers (some names and institutions with accents, some
//!   affiliations naming two institutions joined with " & "), abstracts of 100–400 words in
//!   1–3 paragraphs, a bio for about a quarter of the talks, 2–5 of 15 tags, some tutorials,
//!   some of them two-part series, a few links;
//! - text drawn from a Zipf-like distribution over a ranked word pool: the seed's words by
//!   frequency, then compounds of a prefix and a seed word (`hyperconvex`, `neurosampling`),
//!   plus short runs copied from the seed text so that phrases such as "language models" and
//!   "gradient descent" occur. The number of distinct words grows with `N` the way a real
//!   conference's does (1.4k at 20 talks, 13k at 1,000, 54k at 10,000 with seed 1).

use std::collections::HashMap;
use std::fmt::Write as _;

const SEED_TEXT: &str = include_str!("../../tests/fixtures/seed-talks.txt");

/// Ranks in the word pool: enough that the tail is never exhausted at 10,000 talks.
const POOL_SIZE: usize = 300_000;
/// The pool's distribution: weight of rank `r` is `1 / (r + ZIPF_OFFSET)^1.5`.
const ZIPF_OFFSET: f64 = 20.0;
/// Chance (percent) that the next piece of a sentence is a run of words copied from the seed.
const SEED_RUN_PERCENT: u64 = 20;

const PREFIXES: &[&str] = &[
    "hyper", "meta", "multi", "neuro", "quasi", "semi", "auto", "bio", "co", "pre", "re", "sub", "super", "trans",
    "micro", "macro", "poly", "inter", "intra", "over", "under", "non", "anti", "pseudo", "proto", "geo", "cyber",
    "nano", "ortho", "para", "post", "counter", "mono", "tri", "bi", "omni", "iso", "homo", "hetero", "infra", "ultra",
    "photo", "thermo", "electro", "chrono", "morpho", "topo", "crypto", "astro", "socio",
];

const FIRST_NAMES: &str =
    "Maryam, Madeleine, Mahdi, Benjamin, Aryan, Arya, Yi, Babak, Quanquan, Sicun, Ernest, Petar, José, \
    Zoë, Søren, François, Ana, Wei, Jiaqi, Priya, Rahul, Fatima, Olusegun, Hannah, Lukas, Chiara, \
    Matteo, Elif, Kenji, Yuki, Seo-yeon, Min-jun, Ingrid, Björn, Agnieszka, Tomás, Inês, Nikolai, Olga, \
    Amara, Kwame, Lucía, Andrés, Camille, Théo, Sanjay, Meera, Tal, Noa, Emily, Daniel, Sarah, Michael, \
    Laura, David, Aisha, Omar, Xin, Hao, Ming, Jonas, Astrid, Małgorzata, Dragana, Øystein, Renée";

const SURNAMES: &str = "Lee, Li, Kim, Chen, Wang, Zhang, Liu, Nguyễn, Park, Singh, Sharma, Patel, Gupta, Veličković, \
    Müller, Schmidt, García, Martínez, López, Rossi, Bianchi, Dubois, Lefèvre, Johansson, Søndergaard, \
    Kowalski, Nowak, Novák, Dvořák, Yılmaz, Öztürk, Tanaka, Suzuki, Sato, Okafor, Mensah, Haddad, \
    Cohen, Levi, Ivanov, Petrov, Smith, Johnson, Brown, Taylor, Anderson, Thomas, Moore, Martin, \
    Jackson, White, Harris, Clark, Lewis, Walker, Fazel, Udell, Recht, Mazumdar, Gao, Gu, Hassibi, \
    Mokhtari, Ma, Soltanolkotabi, Fernández, Rodríguez, Gonçalves, Pereira, Costa, Ferreira, Jørgensen, \
    Åström, Lindqvist, Nakamura, Watanabe, Hashemi, Rahimi, Moradi, Banerjee, Mukherjee, Chatterjee, \
    Iyer, Krishnan, Raghavan, O'Brien, McAllister, Van der Berg, De Luca, Leeuwen";

/// Syllables for extra surnames, so the speaker vocabulary grows with the catalog.
const SYLLABLES: &str =
    "ka, ra, mo, li, ta, no, vi, sa, be, do, ren, mar, tan, kov, las, din, gu, he, zu, ri, lo, na, ve, \
    shi, ko, ba, el, an, or, is";
const SURNAME_ENDINGS: &str = "vić, nen, sson, ez, ski, ova, elli, ian, oglu, moto, ard, berg, ić, ou, ani";

const INSTITUTIONS: &str =
    "University of Washington, Stanford University, USC, UC San Diego, UC Berkeley, TILOS, LBNL, \
    Caltech, MIT, Carnegie Mellon University, Princeton University, Harvard University, ETH Zürich, \
    EPFL, Université Paris-Saclay, École Polytechnique, Sorbonne Université, \
    Technische Universität München, Universität Tübingen, KTH Royal Institute of Technology, \
    Universidad de Buenos Aires, Universidade de São Paulo, Tsinghua University, Peking University, \
    KAIST, Seoul National University, University of Tokyo, IIT Bombay, Technion, \
    Weizmann Institute of Science, University of Oxford, University of Cambridge, \
    Imperial College London, University of Toronto, Mila – Québec AI Institute, Google DeepMind, \
    Microsoft Research, Meta AI, NVIDIA Research, Allen Institute for AI, \
    Max Planck Institute for Intelligent Systems, INRIA, Università di Bologna, Politecnico di Milano, \
    Uniwersytet Warszawski, Univerzita Karlova, Boğaziçi University, University of Cape Town, \
    University of Lagos, Universidad de Chile";

const CITIES: &str =
    "Aarhus, Amsterdam, Antwerp, Athens, Auckland, Barcelona, Basel, Bergen, Bologna, Bordeaux, Bremen, \
    Brno, Bristol, Budapest, Cardiff, Coimbra, Cork, Delft, Dresden, Dublin, Durham, Edinburgh, Genève, \
    Ghent, Göttingen, Granada, Graz, Groningen, Hamburg, Helsinki, Innsbruck, Kraków, Kyoto, Leiden, \
    León, Liège, Lille, Linköping, Lisbon, Ljubljana, Lund, Lyon, Madrid, Málaga, Manchester, \
    Marseille, Melbourne, Montréal, Münster, Nantes, Nijmegen, Oslo, Osaka, Padova, Pisa, Porto, \
    Poznań, Reykjavík, Rennes, Riga, Salzburg, Sevilla, Sheffield, Sydney, Tartu, Toulouse, Trondheim, \
    Turin, Uppsala, Utrecht, Valencia, Vienna, Vilnius, Wrocław, Zagreb, Zaragoza, Zürich, Bonn, Kiel, \
    Aalto";

const CITY_TEMPLATES: &[(&str, &str)] = &[
    ("University of ", ""),
    ("", " Institute of Technology"),
    ("Université de ", ""),
    ("Technische Universität ", ""),
    ("", " Center for Data Science"),
    ("Universidad de ", ""),
];

/// The tag vocabulary: the seed catalog's fourteen tags plus one.
const TAGS: &[(&str, &str, &str)] = &[
    (
        "optimization",
        "Optimization",
        "Algorithms and guarantees for minimizing loss or cost functions, from convex to nonconvex.",
    ),
    (
        "second-order-methods",
        "Second-Order Methods",
        "Using curvature (Hessian) information and preconditioners to speed up optimization.",
    ),
    (
        "learning-theory",
        "Learning Theory",
        "Provable results on what models can learn, how training finds solutions, and why it works.",
    ),
    ("generalization", "Generalization", "Why and when trained models perform well on unseen or shifted data."),
    (
        "transformers",
        "Theory of Transformers",
        "How attention-based models represent and learn structure from sequences.",
    ),
    ("sparsity", "Sparsity", "Problems where only a few features, tokens, or coordinates carry the signal."),
    (
        "estimation",
        "Estimation & Inference",
        "Recovering signals, states, or posteriors from noisy or indirect observations.",
    ),
    (
        "sampling",
        "Sampling",
        "Drawing samples from complex distributions, from Monte Carlo and diffusion models to decoding.",
    ),
    (
        "foundation-models",
        "Foundation Models",
        "Large pretrained models such as LLMs: how they are trained, adapted, and where they fail.",
    ),
    (
        "alignment-safety",
        "Alignment & Safety",
        "Making AI systems reliable and aligned with human intent, e.g. jailbreaks and hallucinations.",
    ),
    ("robustness", "Robustness", "How systems withstand adversarial perturbations, disturbances, and failure modes."),
    ("control", "Control", "Feedback and decision-making for dynamical systems, from vehicles to living organisms."),
    ("biology", "Biology", "Ideas from and applications to living systems such as homeostasis and organisms."),
    (
        "combinatorial",
        "Combinatorial Problems",
        "NP-hard discrete problems and the search, heuristic, and reasoning tools that attack them.",
    ),
    (
        "reinforcement-learning",
        "Reinforcement Learning",
        "Learning to act from rewards, from bandits and policy gradients to feedback from people.",
    ),
];

const TITLE_LINKS: &[&str] = &["of", "for", "and", "in", "with", "via", "from", "beyond", "under", "through"];
const ROLES: &[&str] = &[
    "an assistant professor",
    "an associate professor",
    "a professor",
    "a research scientist",
    "a postdoctoral fellow",
];

/// splitmix64: tiny, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    fn percent(&mut self, chance: u64) -> bool {
        self.next() % 100 < chance
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the front of `items`: the first is about ln(n) times as likely as uniform.
    fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let bound = self.below(items.len()) + 1;
        &items[self.below(bound)]
    }
}

/// The ranked word pool and the seed text's word sequence.
struct Words {
    /// The seed's words by decreasing frequency, each in its most common spelling.
    seed_ranked: Vec<&'static str>,
    /// Seed words of five letters or more: the stems of compounds.
    stems: Vec<&'static str>,
    /// Every word of the seed, in order (for copying runs).
    sequence: Vec<&'static str>,
    /// Cumulative Zipf weights over the pool's ranks.
    cumulative: Vec<u64>,
    first_names: Vec<&'static str>,
    surnames: Vec<&'static str>,
    syllables: Vec<&'static str>,
    surname_endings: Vec<&'static str>,
    institutions: Vec<&'static str>,
    cities: Vec<&'static str>,
}

fn list(items: &'static str) -> Vec<&'static str> {
    items.split(", ").collect()
}

impl Words {
    fn new() -> Self {
        let sequence: Vec<&'static str> = SEED_TEXT
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            // Drop the short runs of digits (years, "2-layer"), which read badly out of context.
            .filter(|word| !word.chars().all(|c| c.is_ascii_digit()))
            .collect();
        // Frequency per lowercase form, and per spelling to pick the most common one.
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut spellings: HashMap<&'static str, usize> = HashMap::new();
        for (position, word) in sequence.iter().enumerate() {
            let lower = word.to_lowercase();
            first_seen.entry(lower.clone()).or_insert(position);
            *counts.entry(lower).or_default() += 1;
            *spellings.entry(word).or_default() += 1;
        }
        let mut best: HashMap<String, &'static str> = HashMap::new();
        for (&spelling, &count) in &spellings {
            let slot = best.entry(spelling.to_lowercase()).or_insert(spelling);
            let current = spellings[slot];
            if count > current || (count == current && spelling > *slot) {
                *slot = spelling;
            }
        }
        let mut lowers: Vec<&String> = counts.keys().collect();
        lowers.sort_by(|a, b| counts[*b].cmp(&counts[*a]).then(first_seen[*a].cmp(&first_seen[*b])));
        let seed_ranked: Vec<&'static str> = lowers.iter().map(|lower| best[*lower]).collect();
        let stems = (seed_ranked.iter().copied())
            .filter(|word| word.len() >= 5 && word.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        // Weight of rank r: 2^50 / (r + offset)^1.5, with only correctly rounded float operations.
        let mut total = 0u64;
        let cumulative = (0..POOL_SIZE)
            .map(|rank| {
                let x = rank as f64 + ZIPF_OFFSET;
                total += ((1u64 << 50) as f64 / (x * x.sqrt())) as u64;
                total
            })
            .collect();
        Words {
            seed_ranked,
            stems,
            sequence,
            cumulative,
            first_names: list(FIRST_NAMES),
            surnames: list(SURNAMES),
            syllables: list(SYLLABLES),
            surname_endings: list(SURNAME_ENDINGS),
            institutions: list(INSTITUTIONS),
            cities: list(CITIES),
        }
    }

    /// The word at `rank` in the pool.
    fn word(&self, rank: usize) -> String {
        if let Some(word) = self.seed_ranked.get(rank) {
            return (*word).to_owned();
        }
        let index = rank - self.seed_ranked.len();
        let (prefixes, stems) = (PREFIXES.len(), self.stems.len());
        let first = PREFIXES[index % prefixes];
        let stem = self.stems[(index / prefixes) % stems];
        let level = index / (prefixes * stems);
        if level == 0 {
            format!("{first}{stem}")
        } else {
            format!("{}{first}{stem}", PREFIXES[(level - 1) % prefixes])
        }
    }

    fn sample(&self, rng: &mut Rng) -> String {
        let total = *self.cumulative.last().expect("the pool is not empty");
        let target = rng.next() % total;
        self.word(self.cumulative.partition_point(|&weight| weight <= target))
    }

    /// A content word for a title: long enough not to be a function word.
    fn content_word(&self, rng: &mut Rng) -> String {
        loop {
            let word = self.sample(rng);
            if word.chars().count() >= 5 {
                return word;
            }
        }
    }

    /// Appends `count` words of running text (sentences with punctuation) to `out`.
    fn prose(&self, rng: &mut Rng, count: usize, out: &mut String) {
        let mut written = 0;
        while written < count {
            let length = rng.between(8, 26).min(count - written).max(1);
            let mut sentence: Vec<String> = Vec::with_capacity(length);
            while sentence.len() < length {
                if rng.percent(SEED_RUN_PERCENT) {
                    let run = rng.between(2, 4).min(length - sentence.len());
                    let start = rng.below(self.sequence.len() - run);
                    sentence.extend(self.sequence[start..start + run].iter().map(|word| (*word).to_owned()));
                } else {
                    sentence.push(self.sample(rng));
                }
            }
            for (position, word) in sentence.iter().enumerate() {
                if position == 0 {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    let mut chars = word.chars();
                    if let Some(first) = chars.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                } else {
                    out.push(' ');
                    out.push_str(word);
                }
                if position + 1 < sentence.len() && position > 2 && rng.percent(6) {
                    out.push(',');
                }
            }
            out.push(if rng.percent(8) { '?' } else { '.' });
            written += length;
        }
    }
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

struct Speaker {
    name: String,
    affiliation: String,
    /// Only when the affiliation names several.
    institutions: Vec<String>,
    url: Option<String>,
}

struct Talk {
    title: String,
    tutorial: bool,
    tags: Vec<usize>,
    abstract_paragraphs: Vec<String>,
    bio: Vec<String>,
    /// (series index, part)
    series: Option<(usize, u32)>,
    slides: bool,
    speakers: Vec<Speaker>,
}

fn title(words: &Words, rng: &mut Rng) -> String {
    let target = rng.between(5, 14);
    let mut parts: Vec<String> = Vec::with_capacity(target);
    let colon_after = if target >= 7 && rng.percent(35) { rng.between(2, target - 4) } else { usize::MAX };
    while parts.len() < target {
        let group = rng.between(1, 3).min(target - parts.len());
        for _ in 0..group {
            parts.push(title_case(&words.content_word(rng)));
        }
        if parts.len() == colon_after || parts.len() + 1 == colon_after {
            if let Some(last) = parts.last_mut() {
                last.push(':');
            }
        } else if parts.len() + 1 < target {
            parts.push((*rng.pick(TITLE_LINKS)).to_owned());
        }
    }
    parts.join(" ")
}

fn surname(words: &Words, rng: &mut Rng) -> String {
    if rng.percent(70) {
        return (*rng.pick_skewed(&words.surnames)).to_owned();
    }
    let mut name = String::new();
    for _ in 0..rng.between(1, 2) {
        let syllable = *rng.pick(&words.syllables);
        name.push_str(syllable);
    }
    let ending = *rng.pick(&words.surname_endings);
    name.push_str(ending);
    title_case(&name)
}

fn institution(words: &Words, rng: &mut Rng) -> String {
    if rng.percent(45) {
        return (*rng.pick_skewed(&words.institutions)).to_owned();
    }
    let (before, after) = rng.pick(CITY_TEMPLATES);
    format!("{before}{}{after}", rng.pick_skewed(&words.cities))
}

fn speaker(words: &Words, rng: &mut Rng) -> Speaker {
    let first = rng.pick(&words.first_names);
    let last = surname(words, rng);
    let name = format!("{first} {last}");
    let (affiliation, institutions) = if rng.percent(10) {
        let (one, two) = (institution(words, rng), institution(words, rng));
        if one == two {
            (one, Vec::new())
        } else {
            (format!("{one} & {two}"), vec![one, two])
        }
    } else {
        (institution(words, rng), Vec::new())
    };
    let url = rng.percent(15).then(|| {
        let slug: String = last.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
        format!("https://example.org/~{slug}")
    });
    Speaker { name, affiliation, institutions, url }
}

fn bio(words: &Words, rng: &mut Rng, speaker: &Speaker) -> Vec<String> {
    let mut first = format!("{} is {} at {}.", speaker.name, rng.pick(ROLES), speaker.affiliation);
    let mut paragraphs = Vec::new();
    let count = rng.between(25, 70);
    words.prose(rng, count, &mut first);
    paragraphs.push(first);
    if rng.percent(30) {
        let mut second = String::new();
        let count = rng.between(20, 60);
        words.prose(rng, count, &mut second);
        paragraphs.push(second);
    }
    paragraphs
}

fn talk(words: &Words, rng: &mut Rng) -> Talk {
    let title = title(words, rng);
    let speakers: Vec<Speaker> = (0..if rng.percent(20) { 2 } else { 1 }).map(|_| speaker(words, rng)).collect();
    let total = rng.between(100, 400);
    let paragraphs = match rng.below(10) {
        0..=5 => 1,
        6..=8 => 2,
        _ => 3,
    }
    .min(total / 40);
    let mut abstract_paragraphs = Vec::with_capacity(paragraphs);
    for part in 0..paragraphs {
        let mut text = String::new();
        words.prose(rng, total / paragraphs + usize::from(part < total % paragraphs), &mut text);
        abstract_paragraphs.push(text);
    }
    let bio = if rng.percent(25) { bio(words, rng, &speakers[0]) } else { Vec::new() };
    let mut tags: Vec<usize> = Vec::new();
    let wanted = rng.between(2, 5);
    let indices: Vec<usize> = (0..TAGS.len()).collect();
    while tags.len() < wanted {
        let tag = *rng.pick_skewed(&indices);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Talk {
        title,
        tutorial: rng.percent(4),
        tags,
        abstract_paragraphs,
        bio,
        series: None,
        slides: rng.percent(10),
        speakers,
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => write!(out, "\\u{:04X}", u32::from(c)).expect("writing to a String"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quoted_list(items: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    let items: Vec<String> = items.into_iter().map(|item| quoted(item.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// Common Han characters stand in for Japanese and Chinese words: the block's first few
/// thousand, drawn skewed like words are.
const HAN_CHARACTERS: u32 = 3_000;
/// Hiragana particles, between the Han words of Japanese text.
const PARTICLES: &[&str] = &["の", "は", "を", "に", "で", "と", "が", "から", "による", "について"];

/// `count` characters of Japanese-like text: Han words of one to four characters, particles
/// between them, a sentence end now and then.
fn cjk_text(rng: &mut Rng, count: usize, han: &[char]) -> String {
    let mut text = String::new();
    let mut written = 0;
    while written < count {
        for _ in 0..rng.between(1, 4) {
            text.push(*rng.pick_skewed(han));
            written += 1;
        }
        let joint = if rng.percent(12) {
            "。"
        } else if rng.percent(10) {
            "、"
        } else {
            rng.pick(PARTICLES)
        };
        text.push_str(joint);
        written += joint.chars().count();
    }
    text
}

/// Turns `talk` into a talk in Japanese-like text: title, abstract, bio, speakers' names and
/// affiliations (tags stay as they are).
fn make_cjk(talk: &mut Talk, rng: &mut Rng, han: &[char]) {
    let title_length = rng.between(8, 24);
    talk.title = cjk_text(rng, title_length, han);
    for paragraph in talk.abstract_paragraphs.iter_mut().chain(&mut talk.bio) {
        let length = paragraph.split_whitespace().count() * 2;
        *paragraph = cjk_text(rng, length, han);
    }
    for speaker in &mut talk.speakers {
        let name: String = (0..4).map(|_| *rng.pick_skewed(han)).collect();
        speaker.name = format!("{} {}", &name[..6], &name[6..]);
        let institution: String = (0..2).map(|_| *rng.pick_skewed(han)).collect();
        speaker.affiliation = format!("{institution}大学");
        speaker.institutions.clear();
        speaker.url = None;
    }
}

/// The catalog data file (TOML) of `n` synthetic talks generated from `seed`.
pub fn generate(n: usize, seed: u64) -> String {
    generate_with_cjk(n, seed, 0)
}

/// Like [`generate`], with about `cjk_percent` percent of the talks written in Japanese-like
/// text (Han characters and Hiragana particles, no spaces). The talks are chosen, and their
/// text drawn, by a generator of their own, so the rest of the catalog is what [`generate`]
/// makes from `seed`, and a share of 0 is exactly it.
pub fn generate_with_cjk(n: usize, seed: u64, cjk_percent: u64) -> String {
    let words = Words::new();
    let mut rng = Rng(seed);
    let mut talks: Vec<Talk> = (0..n).map(|_| talk(&words, &mut rng)).collect();
    if cjk_percent > 0 {
        let mut cjk_rng = Rng(seed ^ 0x4A50_4E5A_4B52_5448);
        let han: Vec<char> = (0x4E00..0x4E00 + HAN_CHARACTERS).filter_map(char::from_u32).collect();
        for talk in &mut talks {
            if cjk_rng.percent(cjk_percent) {
                make_cjk(talk, &mut cjk_rng, &han);
            }
        }
    }

    // About one talk in 30 starts a two-part tutorial series with the talk after it.
    let mut series: Vec<String> = Vec::new();
    let mut index = 0;
    while index + 1 < n {
        if rng.percent(3) {
            let topic: Vec<String> =
                (0..rng.between(2, 4)).map(|_| title_case(&words.content_word(&mut rng))).collect();
            series.push(format!("Tutorial on {}", topic.join(" ")));
            for part in 0..2 {
                let talk = &mut talks[index + part];
                talk.tutorial = true;
                talk.series = Some((series.len() - 1, part as u32 + 1));
            }
            index += 2;
        } else {
            index += 1;
        }
    }

    let width = n.to_string().len().max(5);
    let mut out = String::with_capacity(n * 3_000);
    let command = format!("cargo run --release --example synthetic_catalog -- {n} {seed}");
    writeln!(out, "# A synthetic talk catalog: {n} talks, seed {seed}. Generated by `{command}`.").unwrap();
    out.push_str("# Deterministic; for building the app at scale and for benchmarks (see BENCHMARKS.md).\n");
    for (number, title) in series.iter().enumerate() {
        let id = format!("tutorial-{:0width$}", number + 1);
        write!(out, "\n[[series]]\nid = {}\ntitle = {}\n", quoted(&id), quoted(title)).unwrap();
    }
    for (id, label, description) in TAGS {
        write!(
            out,
            "\n[[tags]]\nid = {}\nlabel = {}\ndescription = {}\n",
            quoted(id),
            quoted(label),
            quoted(description)
        )
        .unwrap();
    }
    for (number, talk) in talks.iter().enumerate() {
        let id = format!("talk-{:0width$}", number + 1);
        write!(out, "\n[[talks]]\nid = {}\ntitle = {}\n", quoted(&id), quoted(&talk.title)).unwrap();
        writeln!(out, "format = {}", quoted(if talk.tutorial { "tutorial" } else { "talk" })).unwrap();
        writeln!(out, "tags = {}", quoted_list(talk.tags.iter().map(|&tag| TAGS[tag].0))).unwrap();
        out.push_str("abstract = [\n");
        for paragraph in &talk.abstract_paragraphs {
            writeln!(out, "  {},", quoted(paragraph)).unwrap();
        }
        out.push_str("]\n");
        if !talk.bio.is_empty() {
            out.push_str("bio = [\n");
            for paragraph in &talk.bio {
                writeln!(out, "  {},", quoted(paragraph)).unwrap();
            }
            out.push_str("]\n");
        }
        if let Some((series, part)) = talk.series {
            let series_id = format!("tutorial-{:0width$}", series + 1);
            writeln!(out, "series = {{ id = {}, part = {part} }}", quoted(&series_id)).unwrap();
        }
        if talk.slides {
            let url = format!("https://example.org/talks/{id}/slides.pdf");
            writeln!(out, "links = [{{ label = \"Slides\", url = {} }}]", quoted(&url)).unwrap();
        }
        for speaker in &talk.speakers {
            write!(
                out,
                "\n[[talks.speakers]]\nname = {}\naffiliation = {}\n",
                quoted(&speaker.name),
                quoted(&speaker.affiliation)
            )
            .unwrap();
            if !speaker.institutions.is_empty() {
                writeln!(out, "institutions = {}", quoted_list(&speaker.institutions)).unwrap();
            }
            if let Some(url) = &speaker.url {
                writeln!(out, "url = {}", quoted(url)).unwrap();
            }
        }
    }
    out
}
