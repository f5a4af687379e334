//! The searchable fields of a talk. Shared with `build.rs`, which records in the search index
//! which field each word occurs in, so the codes here are part of the generated data's format.

/// Where a word occurs. Ordered from most to least telling for ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title = 0,
    Speaker = 1,
    Tag = 2,
    /// Affiliations as written plus the institutions they name.
    Affiliation = 3,
    Abstract = 4,
    Bio = 5,
}

impl Field {
    pub const ALL: [Field; 6] =
        [Field::Title, Field::Speaker, Field::Tag, Field::Affiliation, Field::Abstract, Field::Bio];
    /// Postings pack a talk index and a field code into one `u32`: `talk << FIELD_BITS | field`.
    pub const BITS: u32 = 3;

    pub fn code(self) -> u32 {
        self as u32
    }

    pub fn from_code(code: u32) -> Field {
        Field::ALL[code as usize]
    }

    /// Ranking weight: a match in the title counts most, one in the bio least.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 32,
            Field::Speaker => 16,
            Field::Tag => 8,
            Field::Affiliation => 4,
            Field::Abstract => 2,
            Field::Bio => 1,
        }
    }
}
